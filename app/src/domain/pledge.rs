//! What a backer chooses when pledging, as sent by the form and as parsed for the server.
//! Prices never come from the browser: the server computes amounts from the database.

use super::{PickupPointId, RewardSlotId, RewardTierId};
use crate::i18n::Key;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::str::FromStr;

/// The pledge form as the browser sends it: every field is text until parsed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PledgeForm {
    /// Reward tier id; empty for a pledge without reward.
    #[serde(default)]
    pub tier: Option<String>,
    #[serde(default)]
    pub slot: Option<String>,
    #[serde(default)]
    pub pickup: Option<String>,
    #[serde(default)]
    pub quantity: Option<String>,
    /// Added on top of the reward's price (or the whole pledge without reward).
    #[serde(default)]
    pub extra: Option<String>,
    /// The currency the backer saw; must be the campaign's.
    #[serde(default)]
    pub currency: String,
    /// Answers to the tier's questions, by question id.
    #[serde(default)]
    pub answers: HashMap<String, String>,
}

/// The pledge form as the browser sends it (`pledge[...]`): the campaign, the form's
/// idempotency key, the choice and, for a visitor who is not signed in, the account made
/// (`account=signup`) or opened (`account=signin`) without leaving the form.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NewPledgeForm {
    pub slug: String,
    pub key: String,
    pub form: PledgeForm,
    #[serde(default)]
    pub account: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub display_name: Option<String>,
    #[serde(default)]
    pub password: Option<String>,
}

/// A parsed choice: ids and numbers, not yet checked against the catalogue.
#[derive(Debug, Clone, PartialEq)]
pub struct PledgeChoice {
    pub tier: Option<RewardTierId>,
    pub slot: Option<RewardSlotId>,
    pub pickup: Option<PickupPointId>,
    pub quantity: i32,
    pub extra: Decimal,
    pub currency: String,
    pub answers: Vec<(i64, String)>,
}

/// A field of the form that does not parse, and what to tell the backer.
pub type FieldError = (&'static str, Key);

fn id(value: &Option<String>, field: &'static str) -> Result<Option<i64>, FieldError> {
    match value.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => v.parse::<i64>().ok().filter(|n| *n > 0).map(Some).ok_or((field, Key::PledgeRewardUnknown)),
    }
}

/// Parses an amount typed by a person: `12`, `12.5`, `12,50`, `1’250`; at most two decimals.
pub fn parse_amount(text: &str) -> Option<Decimal> {
    let cleaned: String =
        text.trim().chars().filter(|c| !matches!(c, '’' | '\'' | ' ' | '\u{a0}' | '\u{202f}')).collect();
    let cleaned = cleaned.replace(',', ".");
    if cleaned.is_empty() {
        return Some(Decimal::ZERO);
    }
    // a number of a few digits: longer text is a mistake (or an attempt to overflow the sums)
    if cleaned.len() > 16 {
        return None;
    }
    let amount = Decimal::from_str(&cleaned).ok()?;
    (amount.scale() <= 2 && amount >= Decimal::ZERO && amount <= MAX_AMOUNT).then_some(amount)
}

/// The largest amount a person can type (far above any pledge; the server's own limit is lower).
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(1_000_000_000, 0, 0, false, 0);

impl PledgeForm {
    pub fn parse(&self) -> Result<PledgeChoice, FieldError> {
        let tier = id(&self.tier, "tier")?.map(RewardTierId);
        let quantity = match self.quantity.as_deref().map(str::trim) {
            None | Some("") => 1,
            Some(q) => {
                q.parse::<i32>().ok().filter(|q| (1..=100).contains(q)).ok_or(("quantity", Key::PledgeTooMany))?
            }
        };
        let extra = parse_amount(self.extra.as_deref().unwrap_or("")).ok_or(("extra", Key::PledgeAmountInvalid))?;
        let mut answers = Vec::new();
        for (question, answer) in &self.answers {
            let question = question.parse::<i64>().map_err(|_| ("answers", Key::PledgeRewardUnknown))?;
            let answer = answer.trim();
            if answer.chars().count() > 500 {
                return Err(("answers", Key::PledgeAnswerRequired));
            }
            answers.push((question, answer.to_owned()));
        }
        answers.sort();
        Ok(PledgeChoice {
            tier,
            slot: id(&self.slot, "slot")?.map(RewardSlotId),
            pickup: id(&self.pickup, "pickup")?.map(PickupPointId),
            quantity: if tier.is_some() { quantity } else { 1 },
            extra,
            currency: self.currency.trim().to_ascii_uppercase(),
            answers,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    #[test]
    fn amounts_typed_by_people_parse() {
        assert_eq!(parse_amount("12"), Some(dec("12")));
        assert_eq!(parse_amount(" 12,50 "), Some(dec("12.50")));
        assert_eq!(parse_amount("1’250.00"), Some(dec("1250.00")));
        assert_eq!(parse_amount(""), Some(Decimal::ZERO));
        assert_eq!(parse_amount("-5"), None, "negative");
        assert_eq!(parse_amount("1.005"), None, "fractions of a centime");
        assert_eq!(parse_amount("abc"), None);
        assert_eq!(parse_amount("79228162514264337593543950335"), None, "Decimal::MAX");
        assert_eq!(parse_amount("1000000001"), None, "above the bound");
        assert_eq!(parse_amount("999999999.99"), Some(dec("999999999.99")));
    }

    #[test]
    fn a_form_parses_into_a_choice() {
        let form = PledgeForm {
            tier: Some("7".into()),
            slot: Some("".into()),
            quantity: Some("2".into()),
            extra: Some("5".into()),
            currency: "chf".into(),
            answers: HashMap::from([("3".into(), " M ".into())]),
            ..PledgeForm::default()
        };
        let choice = form.parse().unwrap();
        assert_eq!(choice.tier, Some(RewardTierId(7)));
        assert_eq!(choice.slot, None);
        assert_eq!(choice.quantity, 2);
        assert_eq!(choice.extra, dec("5"));
        assert_eq!(choice.currency, "CHF");
        assert_eq!(choice.answers, vec![(3, "M".to_owned())]);
    }

    #[test]
    fn bad_fields_are_named() {
        let bad_quantity = PledgeForm { tier: Some("1".into()), quantity: Some("0".into()), ..PledgeForm::default() };
        assert_eq!(bad_quantity.parse().unwrap_err().0, "quantity");
        let negative = PledgeForm { extra: Some("-1".into()), ..PledgeForm::default() };
        assert_eq!(negative.parse().unwrap_err().0, "extra");
        let bad_tier = PledgeForm { tier: Some("x".into()), ..PledgeForm::default() };
        assert_eq!(bad_tier.parse().unwrap_err().0, "tier");
    }
}
