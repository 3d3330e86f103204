//! Help that is not money: a campaign's needs (a space, machines, hours, skills...) and the
//! offers people make against them, with the offer's state machine:
//! `offered → accepted → done`, `offered | accepted → declined` (the team),
//! `offered | accepted → withdrawn` (the helper).

use super::campaign_form::text;
use super::pledge::FieldError;
use super::{CampaignId, CampaignStatus, HelpOfferStatus, NeedKind, TransitionError};
use crate::i18n::Key;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Largest quantity a need or an offer may name (hours, machines...).
pub const MAX_QUANTITY: i64 = 100_000;

impl HelpOfferStatus {
    fn can_become(self, to: HelpOfferStatus) -> bool {
        use HelpOfferStatus::*;
        matches!(
            (self, to),
            (Offered, Accepted) | (Accepted, Done) | (Offered | Accepted, Declined) | (Offered | Accepted, Withdrawn)
        )
    }

    pub fn transition(self, to: HelpOfferStatus) -> Result<HelpOfferStatus, TransitionError> {
        if self.can_become(to) {
            Ok(to)
        } else {
            Err(TransitionError { kind: "help offer", from: self.as_str(), to: to.as_str() })
        }
    }

    /// What the campaign's team may move an offer to.
    pub const TEAM_STEPS: &'static [HelpOfferStatus] =
        &[HelpOfferStatus::Accepted, HelpOfferStatus::Declined, HelpOfferStatus::Done];
}

/// A need as posted from the studio (`form[...]`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct NeedForm {
    pub kind: String,
    pub title: String,
    pub description: String,
    pub quantity: String,
    pub unit: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NeedSettings {
    pub kind: NeedKind,
    pub title: String,
    pub description: String,
    pub quantity: i32,
    pub unit: String,
}

/// A whole number of 1 to `MAX_QUANTITY`, as typed (spaces and apostrophes allowed: `1'000`).
fn quantity(value: &str) -> Option<i32> {
    let digits: String = value.chars().filter(|c| !matches!(c, ' ' | '\'' | '’' | '\u{a0}' | '\u{202f}')).collect();
    digits.parse::<i64>().ok().filter(|q| (1..=MAX_QUANTITY).contains(q)).and_then(|q| i32::try_from(q).ok())
}

impl NeedForm {
    pub fn parse(&self) -> Result<NeedSettings, FieldError> {
        Ok(NeedSettings {
            kind: NeedKind::parse(self.kind.trim()).map_err(|_| ("kind", Key::InvalidInputText))?,
            title: text(&self.title, 1, 160).ok_or(("title", Key::NeedTitleInvalid))?,
            description: text(&self.description.replace("\r\n", "\n"), 0, 2_000)
                .ok_or(("description", Key::RewardDescriptionTooLong))?,
            quantity: quantity(&self.quantity).ok_or(("quantity", Key::QuantityInvalid))?,
            unit: text(&self.unit, 0, 40).ok_or(("unit", Key::UnitInvalid))?,
        })
    }
}

/// An offer of help as posted from the campaign page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct HelpOfferForm {
    pub quantity: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct HelpOfferSettings {
    pub quantity: i32,
    pub message: String,
}

impl HelpOfferForm {
    pub fn parse(&self) -> Result<HelpOfferSettings, FieldError> {
        Ok(HelpOfferSettings {
            quantity: quantity(&self.quantity).ok_or(("quantity", Key::QuantityInvalid))?,
            message: text(&self.message.replace("\r\n", "\n"), 0, 2_000).ok_or(("message", Key::MessageTooLong))?,
        })
    }
}

/// An offer as the campaign's team sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StudioOffer {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub quantity: i64,
    pub message: String,
    pub status: HelpOfferStatus,
    pub created_at: DateTime<Utc>,
}

/// A need in the studio, with its offers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StudioNeed {
    pub id: i64,
    pub form: NeedForm,
    /// Accepted and done offers, in the need's unit.
    pub covered: i64,
    pub offers: Vec<StudioOffer>,
}

/// The studio's needs page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NeedsEditor {
    pub campaign: CampaignId,
    pub title: String,
    pub status: CampaignStatus,
    pub needs: Vec<StudioNeed>,
}

/// The page where someone offers help against a need.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OfferPage {
    pub slug: String,
    pub campaign_title: String,
    pub need: super::views::NeedView,
}

/// An offer on its helper's account page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MyOffer {
    pub id: i64,
    pub slug: String,
    pub campaign_title: String,
    pub need_title: String,
    pub quantity: i64,
    pub unit: String,
    pub status: HelpOfferStatus,
    pub created_at: DateTime<Utc>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offers_move_only_along_their_steps() {
        use HelpOfferStatus::*;
        assert!(Offered.transition(Accepted).is_ok());
        assert!(Accepted.transition(Done).is_ok());
        assert!(Offered.transition(Done).is_err(), "accepted first");
        assert!(Done.transition(Withdrawn).is_err(), "done is final");
        assert!(Declined.transition(Accepted).is_err());
        assert!(Withdrawn.transition(Accepted).is_err());
        assert!(Accepted.transition(Withdrawn).is_ok());
    }

    #[test]
    fn quantities_and_texts_are_checked() {
        let offer = |q: &str| HelpOfferForm { quantity: q.into(), message: String::new() }.parse();
        assert_eq!(offer("4").unwrap().quantity, 4);
        assert_eq!(offer("1'000").unwrap().quantity, 1_000);
        for bad in ["0", "-2", "4.5", "", "100001", "99999999999999999999"] {
            assert_eq!(offer(bad).unwrap_err().0, "quantity", "{bad}");
        }
        let need = NeedForm {
            kind: "volunteer_hours".into(),
            title: " Tri des tissus ".into(),
            description: String::new(),
            quantity: "40".into(),
            unit: "heures".into(),
        };
        let parsed = need.parse().unwrap();
        assert_eq!(
            (parsed.kind, parsed.title.as_str(), parsed.quantity),
            (NeedKind::VolunteerHours, "Tri des tissus", 40)
        );
        assert_eq!(NeedForm { kind: "money".into(), ..need.clone() }.parse().unwrap_err().0, "kind");
        assert_eq!(NeedForm { title: String::new(), ..need }.parse().unwrap_err().0, "title");
    }
}
