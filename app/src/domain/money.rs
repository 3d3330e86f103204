//! Money: an exact decimal amount in a currency. Never a float; minor units (cents) only at the
//! Stripe boundary (`to_minor_units`).

use super::Locale;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

/// Currencies a campaign can raise money in. Swiss francs first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Currency {
    #[default]
    #[serde(rename = "CHF")]
    Chf,
    #[serde(rename = "EUR")]
    Eur,
}

impl Currency {
    /// ISO 4217 code, as stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            Currency::Chf => "CHF",
            Currency::Eur => "EUR",
        }
    }

    /// Digits after the decimal point in the currency's minor unit.
    pub fn minor_digits(self) -> u32 {
        2
    }

    /// Parses an ISO 4217 code (upper case, as stored).
    pub fn parse(code: &str) -> Result<Currency, MoneyError> {
        match code.trim() {
            "CHF" => Ok(Currency::Chf),
            "EUR" => Ok(Currency::Eur),
            other => Err(MoneyError::UnknownCurrency(other.to_owned())),
        }
    }
}

impl std::fmt::Display for Currency {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// Why an amount of money was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum MoneyError {
    #[error("cannot combine {0} with {1}")]
    CurrencyMismatch(Currency, Currency),
    #[error("unknown currency {0:?}")]
    UnknownCurrency(String),
    #[error("amount out of range")]
    Overflow,
}

/// An amount in a currency, always rounded to the currency's minor unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Money {
    amount: Decimal,
    currency: Currency,
}

impl Money {
    /// An amount rounded half away from zero to the currency's minor unit (5.005 → 5.01).
    pub fn new(amount: Decimal, currency: Currency) -> Money {
        let mut amount = amount.round_dp_with_strategy(currency.minor_digits(), RoundingStrategy::MidpointAwayFromZero);
        amount.rescale(currency.minor_digits());
        Money { amount, currency }
    }

    pub fn zero(currency: Currency) -> Money {
        Money::new(Decimal::ZERO, currency)
    }

    pub fn amount(&self) -> Decimal {
        self.amount
    }

    pub fn currency(&self) -> Currency {
        self.currency
    }

    pub fn is_positive(&self) -> bool {
        self.amount > Decimal::ZERO
    }

    /// Sum of two amounts; refuses to add francs to euros.
    pub fn checked_add(self, other: Money) -> Result<Money, MoneyError> {
        self.same_currency(other)?;
        let sum = self.amount.checked_add(other.amount).ok_or(MoneyError::Overflow)?;
        Ok(Money::new(sum, self.currency))
    }

    /// Difference of two amounts; refuses mixed currencies.
    pub fn checked_sub(self, other: Money) -> Result<Money, MoneyError> {
        self.same_currency(other)?;
        let diff = self.amount.checked_sub(other.amount).ok_or(MoneyError::Overflow)?;
        Ok(Money::new(diff, self.currency))
    }

    /// The amount times a whole quantity (a tier's price × units).
    pub fn times(self, quantity: u32) -> Result<Money, MoneyError> {
        let product = self.amount.checked_mul(Decimal::from(quantity)).ok_or(MoneyError::Overflow)?;
        Ok(Money::new(product, self.currency))
    }

    /// Integer minor units (cents, centimes) for the Stripe API.
    pub fn to_minor_units(&self) -> Result<i64, MoneyError> {
        let scaled = self
            .amount
            .checked_mul(Decimal::from(10i64.pow(self.currency.minor_digits())))
            .ok_or(MoneyError::Overflow)?;
        i64::try_from(scaled.trunc().mantissa() / 10i128.pow(scaled.trunc().scale())).map_err(|_| MoneyError::Overflow)
    }

    /// An amount given in minor units by Stripe.
    pub fn from_minor_units(units: i64, currency: Currency) -> Money {
        Money::new(Decimal::new(units, currency.minor_digits()), currency)
    }

    /// Percentage of `goal` this amount represents, rounded down (can exceed 100).
    pub fn percent_of(&self, goal: Money) -> u32 {
        if self.currency != goal.currency || goal.amount <= Decimal::ZERO || self.amount <= Decimal::ZERO {
            return 0;
        }
        let pct = (self.amount * Decimal::ONE_HUNDRED / goal.amount).floor();
        u32::try_from(pct.mantissa() / 10i128.pow(pct.scale())).unwrap_or(u32::MAX)
    }

    /// Full amount with minor units, per locale: `CHF 1’250.00` (fr and de, francs),
    /// `1 250,00 €` (fr, euros), `1.250,00 €` (de, euros), `CHF 1,250.00` / `€1,250.00` (en).
    pub fn format(&self, locale: Locale) -> String {
        self.render(locale, true)
    }

    /// Like `format`, but whole amounts drop their `.00` (`CHF 25’000`): for goals and cards.
    pub fn format_short(&self, locale: Locale) -> String {
        self.render(locale, !self.amount.fract().is_zero())
    }

    fn same_currency(&self, other: Money) -> Result<(), MoneyError> {
        if self.currency == other.currency {
            Ok(())
        } else {
            Err(MoneyError::CurrencyMismatch(self.currency, other.currency))
        }
    }

    fn render(&self, locale: Locale, with_minor: bool) -> String {
        let style = NumberStyle::for_money(locale, self.currency);
        let abs = self.amount.abs();
        let whole = abs.trunc().to_string();
        let mut number = group_digits(&whole, style.group);
        if with_minor {
            let fract = (abs.fract() * Decimal::ONE_HUNDRED).trunc();
            number.push(style.decimal);
            number.push_str(&format!("{:02}", fract.mantissa() / 10i128.pow(fract.scale())));
        }
        let sign = if self.amount < Decimal::ZERO { "-" } else { "" };
        match style.symbol {
            Symbol::CodeBefore => format!("{sign}{} {number}", self.currency.code()),
            Symbol::EuroBefore => format!("{sign}€{number}"),
            Symbol::EuroAfter => format!("{sign}{number}\u{a0}€"),
        }
    }
}

enum Symbol {
    /// `CHF 1’250.00`
    CodeBefore,
    /// `€1,250.00`
    EuroBefore,
    /// `1 250,00 €`
    EuroAfter,
}

struct NumberStyle {
    group: &'static str,
    decimal: char,
    symbol: Symbol,
}

impl NumberStyle {
    /// Francs are written the Swiss way (fr-CH, de-CH, en-CH); euros the way of the language.
    fn for_money(locale: Locale, currency: Currency) -> NumberStyle {
        match (currency, locale) {
            (Currency::Chf, _) => NumberStyle { group: "’", decimal: '.', symbol: Symbol::CodeBefore },
            (Currency::Eur, Locale::Fr) => NumberStyle { group: "\u{202f}", decimal: ',', symbol: Symbol::EuroAfter },
            (Currency::Eur, Locale::De) => NumberStyle { group: ".", decimal: ',', symbol: Symbol::EuroAfter },
            (Currency::Eur, Locale::En) => NumberStyle { group: ",", decimal: '.', symbol: Symbol::EuroBefore },
        }
    }
}

fn group_digits(digits: &str, separator: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * separator.len());
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn chf(s: &str) -> Money {
        Money::new(Decimal::from_str(s).unwrap(), Currency::Chf)
    }
    fn eur(s: &str) -> Money {
        Money::new(Decimal::from_str(s).unwrap(), Currency::Eur)
    }

    #[test]
    fn swiss_francs_use_the_swiss_apostrophe_in_french_and_german() {
        assert_eq!(chf("1250").format(Locale::Fr), "CHF 1’250.00");
        assert_eq!(chf("1250").format(Locale::De), "CHF 1’250.00");
        assert_eq!(chf("1250").format(Locale::En), "CHF 1’250.00");
        assert_eq!(chf("25000").format_short(Locale::Fr), "CHF 25’000");
        assert_eq!(chf("1234567.5").format(Locale::Fr), "CHF 1’234’567.50");
        assert_eq!(chf("5").format(Locale::Fr), "CHF 5.00");
    }

    #[test]
    fn euros_follow_the_language() {
        assert_eq!(eur("1250").format(Locale::Fr), "1\u{202f}250,00\u{a0}€");
        assert_eq!(eur("1250").format(Locale::De), "1.250,00\u{a0}€");
        assert_eq!(eur("1250").format(Locale::En), "€1,250.00");
        assert_eq!(eur("999.9").format(Locale::Fr), "999,90\u{a0}€");
        assert_eq!(eur("12.5").format_short(Locale::En), "€12.50");
    }

    #[test]
    fn negative_amounts_keep_their_sign() {
        assert_eq!(chf("-12.3").format(Locale::Fr), "-CHF 12.30");
        assert_eq!(eur("-1000").format(Locale::En), "-€1,000.00");
    }

    #[test]
    fn rounds_to_the_minor_unit_half_away_from_zero() {
        assert_eq!(chf("5.005").amount(), Decimal::from_str("5.01").unwrap());
        assert_eq!(chf("5.004").amount(), Decimal::from_str("5.00").unwrap());
        assert_eq!(chf("-5.005").amount(), Decimal::from_str("-5.01").unwrap());
        assert_eq!(chf("7").amount().scale(), 2);
    }

    #[test]
    fn arithmetic_refuses_mixed_currencies() {
        assert_eq!(chf("1").checked_add(eur("1")), Err(MoneyError::CurrencyMismatch(Currency::Chf, Currency::Eur)));
        assert_eq!(eur("1").checked_sub(chf("1")), Err(MoneyError::CurrencyMismatch(Currency::Eur, Currency::Chf)));
        assert_eq!(chf("10.10").checked_add(chf("0.95")), Ok(chf("11.05")));
        assert_eq!(chf("10").checked_sub(chf("12.5")), Ok(chf("-2.5")));
        assert_eq!(chf("45.50").times(3), Ok(chf("136.50")));
    }

    #[test]
    fn overflow_is_an_error_not_a_panic() {
        let huge = Money::new(Decimal::MAX, Currency::Chf);
        assert_eq!(huge.checked_add(huge), Err(MoneyError::Overflow));
        assert_eq!(huge.times(u32::MAX), Err(MoneyError::Overflow));
        assert_eq!(huge.to_minor_units(), Err(MoneyError::Overflow));
    }

    #[test]
    fn minor_units_round_trip() {
        assert_eq!(chf("1250.05").to_minor_units(), Ok(125005));
        assert_eq!(chf("0.01").to_minor_units(), Ok(1));
        assert_eq!(Money::from_minor_units(125005, Currency::Chf), chf("1250.05"));
        assert_eq!(Money::from_minor_units(-250, Currency::Eur), eur("-2.5"));
    }

    #[test]
    fn percent_is_floored_and_may_exceed_100() {
        assert_eq!(chf("12500").percent_of(chf("25000")), 50);
        assert_eq!(chf("24999.99").percent_of(chf("25000")), 99);
        assert_eq!(chf("30000").percent_of(chf("25000")), 120);
        assert_eq!(chf("0").percent_of(chf("25000")), 0);
        assert_eq!(chf("10").percent_of(eur("20")), 0, "no percentage across currencies");
    }

    #[test]
    fn currency_codes_parse() {
        assert_eq!(Currency::parse("CHF"), Ok(Currency::Chf));
        assert_eq!(Currency::parse("EUR"), Ok(Currency::Eur));
        assert!(Currency::parse("chf").is_err());
        assert!(Currency::parse("USD").is_err());
        assert_eq!(serde_json::to_string(&Currency::Chf).unwrap(), "\"CHF\"");
    }
}
