//! Match funds offered by financial partners, with their state machine:
//! `offered → accepted` or `declined` (the campaign's owners), `offered → withdrawn` (the
//! partner). An accepted fund matches pledges once its partner's card is saved; the partner is
//! charged for what it matched (arithmetic in `matching`).

use super::pledge::{parse_amount, FieldError};
use super::{text_enum, Money, PartnerTarget, TransitionError};
use crate::i18n::Key;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

text_enum! {
    /// Life of a match fund.
    FundStatus {
        Offered = "offered",
        Accepted = "accepted",
        Declined = "declined",
        Withdrawn = "withdrawn",
    }
}

impl FundStatus {
    fn can_become(self, to: FundStatus) -> bool {
        use FundStatus::*;
        matches!((self, to), (Offered, Accepted | Declined | Withdrawn))
    }

    pub fn transition(self, to: FundStatus) -> Result<FundStatus, TransitionError> {
        if self.can_become(to) {
            Ok(to)
        } else {
            Err(TransitionError { kind: "match fund", from: self.as_str(), to: to.as_str() })
        }
    }
}

/// The largest ratio a fund may offer (ten francs per franc pledged).
pub const MAX_RATIO: Decimal = Decimal::from_parts(10, 0, 0, false, 0);
/// The largest total a fund may hold.
pub const MAX_FUND: Decimal = Decimal::from_parts(1_000_000, 0, 0, false, 0);

/// A fund's terms as posted by the partner (`form[...]`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FundForm {
    /// Francs added per franc pledged, as a percentage (100: doubled).
    pub percent: String,
    pub cap_per_pledge: String,
    pub total_cap: String,
    /// Reward tier ids the fund is kept to (none: every pledge).
    pub tiers: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FundTerms {
    pub ratio: Decimal,
    pub cap_per_pledge: Option<Decimal>,
    pub total_cap: Decimal,
    pub tiers: Vec<i64>,
}

impl FundForm {
    pub fn parse(&self) -> Result<FundTerms, FieldError> {
        let percent = parse_amount(&self.percent)
            .filter(|p| *p > Decimal::ZERO && p.scale() == 0)
            .ok_or(("percent", Key::FundPercentInvalid))?;
        let ratio = percent / Decimal::ONE_HUNDRED;
        if ratio > MAX_RATIO {
            return Err(("percent", Key::FundPercentInvalid));
        }
        let total_cap = parse_amount(&self.total_cap)
            .filter(|t| *t > Decimal::ZERO && *t <= MAX_FUND)
            .ok_or(("total_cap", Key::FundTotalInvalid))?;
        let cap_per_pledge = match parse_amount(&self.cap_per_pledge) {
            Some(c) if c.is_zero() => None,
            Some(c) if c <= total_cap => Some(c),
            _ => return Err(("cap_per_pledge", Key::FundCapInvalid)),
        };
        let mut tiers = Vec::with_capacity(self.tiers.len());
        for tier in self.tiers.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
            tiers.push(tier.parse::<i64>().ok().filter(|t| *t > 0).ok_or(("tiers", Key::InvalidInputText))?);
        }
        tiers.sort_unstable();
        tiers.dedup();
        Ok(FundTerms { ratio, cap_per_pledge, total_cap, tiers })
    }
}

/// A fund as its partner, the campaign's owners and the campaign page see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FundView {
    pub id: i64,
    pub partner_id: i64,
    pub partner: String,
    pub campaign: PartnerTarget,
    pub status: FundStatus,
    pub ratio: Decimal,
    pub cap_per_pledge: Option<Money>,
    pub total_cap: Money,
    pub matched: Money,
    /// The rewards it is kept to (titles; empty: every pledge).
    pub tiers: Vec<String>,
    /// The partner's card is saved: the fund matches (when accepted).
    pub card_saved: bool,
    /// The owners' reason, when declined.
    pub decline_reason: Option<String>,
    /// What the partner has been charged for it so far.
    pub charged: Money,
    /// The last charge failed (the partner is asked for another card).
    pub charge_failed: bool,
}

impl FundView {
    pub fn left(&self) -> Money {
        self.total_cap.checked_sub(self.matched).unwrap_or(self.total_cap)
    }

    /// Accepted and its card saved.
    pub fn is_matching(&self) -> bool {
        self.status == FundStatus::Accepted && self.card_saved
    }
}

/// The fund's card page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FundCardPage {
    pub fund: FundView,
    /// The SetupIntent Stripe.js confirms; `None` when the card is saved.
    pub client_secret: Option<String>,
    pub publishable_key: String,
    pub stripe_js_url: String,
}

/// A reward the partner may keep a fund to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TierChoice {
    pub id: i64,
    pub title: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(percent: &str, cap: &str, total: &str) -> FundForm {
        FundForm { percent: percent.into(), cap_per_pledge: cap.into(), total_cap: total.into(), tiers: vec![] }
    }

    #[test]
    fn terms_parse_and_name_their_mistakes() {
        let t = form("100", "", "500").parse().unwrap();
        assert_eq!((t.ratio, t.cap_per_pledge, t.total_cap), (Decimal::ONE, None, Decimal::from(500)));
        let t = form("50", "40", "5’000").parse().unwrap();
        assert_eq!((t.ratio, t.cap_per_pledge), (Decimal::new(5, 1), Some(Decimal::from(40))));
        assert_eq!(form("0", "", "500").parse().unwrap_err().0, "percent");
        assert_eq!(form("12.5", "", "500").parse().unwrap_err().0, "percent");
        assert_eq!(form("1001", "", "500").parse().unwrap_err().0, "percent");
        assert_eq!(form("100", "", "0").parse().unwrap_err().0, "total_cap");
        assert_eq!(form("100", "", "2000000").parse().unwrap_err().0, "total_cap");
        assert_eq!(form("100", "600", "500").parse().unwrap_err().0, "cap_per_pledge");
        assert_eq!(form("100", "-5", "500").parse().unwrap_err().0, "cap_per_pledge");
        let tiers =
            FundForm { tiers: vec!["3".into(), "1".into(), "3".into(), String::new()], ..form("100", "", "500") };
        assert_eq!(tiers.parse().unwrap().tiers, [1, 3]);
        let bad = FundForm { tiers: vec!["x".into()], ..form("100", "", "500") };
        assert_eq!(bad.parse().unwrap_err().0, "tiers");
    }

    #[test]
    fn only_an_offer_is_decided() {
        assert!(FundStatus::Offered.transition(FundStatus::Accepted).is_ok());
        assert!(FundStatus::Offered.transition(FundStatus::Declined).is_ok());
        assert!(FundStatus::Offered.transition(FundStatus::Withdrawn).is_ok());
        assert!(FundStatus::Accepted.transition(FundStatus::Declined).is_err());
        assert!(FundStatus::Declined.transition(FundStatus::Accepted).is_err());
    }
}
