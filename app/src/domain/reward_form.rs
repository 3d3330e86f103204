//! The reward editor's forms (the studio): a tier, one of its time slots, one of its questions,
//! a pickup point. Each is posted as strings, as typed, and parses to valid settings or to the
//! field that is wrong.

use super::campaign_form::{local_time, text};
use super::pledge::{parse_amount, FieldError};
use super::views::PickupPointView;
use super::{CampaignId, CampaignStatus, Currency, Fulfilment, QuestionKind, RewardKind, RewardSlotId, RewardTierId};
use crate::i18n::Key;
use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A tier as posted. `visible` is a checkbox: absent when unticked.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RewardForm {
    pub title: String,
    pub description: String,
    pub kind: String,
    pub price: String,
    /// Empty: unlimited.
    pub quantity_limit: String,
    pub max_per_pledge: String,
    /// `2027-05-31` (`<input type="date">`), or empty.
    pub estimated_delivery: String,
    pub fulfilment: String,
    pub location: String,
    /// A designer's id, or empty.
    pub designer: String,
    pub visible: Option<String>,
}

/// A tier's settings, valid. The price is in the campaign's currency.
#[derive(Debug, Clone, PartialEq)]
pub struct RewardSettings {
    pub title: String,
    pub description: String,
    pub kind: RewardKind,
    pub price: Decimal,
    pub quantity_limit: Option<i32>,
    pub max_per_pledge: i32,
    pub estimated_delivery: Option<NaiveDate>,
    pub fulfilment: Fulfilment,
    pub location: Option<String>,
    pub designer: Option<i64>,
    pub visible: bool,
}

/// The most a reward can cost, and the most units a tier or a slot can offer.
pub const MAX_PRICE: i64 = 100_000;
pub const MAX_UNITS: i32 = 100_000;

impl RewardForm {
    pub fn parse(&self) -> Result<RewardSettings, FieldError> {
        let title = text(&self.title, 1, 120).ok_or(("title", Key::RewardTitleInvalid))?;
        let description = self.description.replace("\r\n", "\n").trim().to_owned();
        if description.chars().count() > 2_000 {
            return Err(("description", Key::RewardDescriptionTooLong));
        }
        let kind = RewardKind::parse(self.kind.trim()).map_err(|_| ("kind", Key::InvalidInputText))?;
        let price = parse_amount(&self.price)
            .filter(|p| !p.is_zero() && *p <= Decimal::from(MAX_PRICE))
            .ok_or(("price", Key::RewardPriceInvalid))?;
        let quantity_limit = optional_count(&self.quantity_limit).ok_or(("quantity_limit", Key::QuantityInvalid))?;
        let max_per_pledge = match self.max_per_pledge.trim() {
            "" => 1,
            n => n
                .parse::<i32>()
                .ok()
                .filter(|n| (1..=100).contains(n))
                .ok_or(("max_per_pledge", Key::MaxPerPledgeInvalid))?,
        };
        let estimated_delivery = match self.estimated_delivery.trim() {
            "" => None,
            d => Some(
                NaiveDate::parse_from_str(d, "%Y-%m-%d")
                    .map_err(|_| ("estimated_delivery", Key::DeliveryDateInvalid))?,
            ),
        };
        let fulfilment =
            Fulfilment::parse(self.fulfilment.trim()).map_err(|_| ("fulfilment", Key::InvalidInputText))?;
        let location = text(&self.location, 0, 200).ok_or(("location", Key::LocationTooLong))?;
        let designer = match self.designer.trim() {
            "" => None,
            d => Some(d.parse::<i64>().map_err(|_| ("designer", Key::InvalidInputText))?),
        };
        Ok(RewardSettings {
            title,
            description,
            kind,
            price,
            quantity_limit,
            max_per_pledge,
            estimated_delivery,
            fulfilment,
            location: (!location.is_empty()).then_some(location),
            designer,
            visible: self.visible.is_some(),
        })
    }
}

/// Empty for none, else a whole number of 1 to `MAX_UNITS`; `None` when it is neither.
fn optional_count(value: &str) -> Option<Option<i32>> {
    match value.trim() {
        "" => Some(None),
        n => n.parse::<i32>().ok().filter(|n| (1..=MAX_UNITS).contains(n)).map(Some),
    }
}

/// A time slot as posted (times in Geneva's time).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SlotForm {
    pub starts_at: String,
    pub ends_at: String,
    pub capacity: String,
    pub location: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SlotSettings {
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub capacity: i32,
    pub location: Option<String>,
}

impl SlotForm {
    pub fn parse(&self) -> Result<SlotSettings, FieldError> {
        let starts_at = local_time(&self.starts_at).ok_or(("starts_at", Key::DateInvalid))?;
        let ends_at = local_time(&self.ends_at).ok_or(("ends_at", Key::DateInvalid))?;
        if ends_at <= starts_at {
            return Err(("ends_at", Key::EndBeforeStart));
        }
        let capacity = optional_count(&self.capacity).flatten().ok_or(("capacity", Key::QuantityInvalid))?;
        let location = text(&self.location, 0, 200).ok_or(("location", Key::LocationTooLong))?;
        Ok(SlotSettings { starts_at, ends_at, capacity, location: (!location.is_empty()).then_some(location) })
    }
}

/// A question as posted: choices one per line (or separated by commas).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct QuestionForm {
    pub prompt: String,
    pub kind: String,
    pub choices: String,
    pub required: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct QuestionSettings {
    pub prompt: String,
    pub kind: QuestionKind,
    pub choices: Vec<String>,
    pub required: bool,
}

impl QuestionForm {
    pub fn parse(&self) -> Result<QuestionSettings, FieldError> {
        let prompt = text(&self.prompt, 1, 200).ok_or(("prompt", Key::QuestionPromptInvalid))?;
        let kind = QuestionKind::parse(self.kind.trim()).map_err(|_| ("kind", Key::InvalidInputText))?;
        let mut choices: Vec<String> = Vec::new();
        for choice in self.choices.split(['\n', ',']).map(str::trim).filter(|c| !c.is_empty()) {
            if choice.chars().count() > 80 || choices.len() >= 30 {
                return Err(("choices", Key::ChoicesInvalid));
            }
            if !choices.iter().any(|c| c == choice) {
                choices.push(choice.to_owned());
            }
        }
        match kind {
            QuestionKind::Choice if choices.len() < 2 => return Err(("choices", Key::ChoicesInvalid)),
            QuestionKind::Text => choices.clear(),
            QuestionKind::Choice => {}
        }
        Ok(QuestionSettings { prompt, kind, choices, required: self.required.is_some() })
    }
}

/// A pickup point as posted.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PickupPointForm {
    pub name: String,
    pub address: String,
    pub city: String,
    pub opening_hours: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PickupPointSettings {
    pub name: String,
    pub address: String,
    pub city: String,
    pub opening_hours: String,
}

impl PickupPointForm {
    pub fn parse(&self) -> Result<PickupPointSettings, FieldError> {
        Ok(PickupPointSettings {
            name: text(&self.name, 1, 120).ok_or(("name", Key::PickupNameInvalid))?,
            address: text(&self.address, 1, 200).ok_or(("address", Key::PickupAddressInvalid))?,
            city: text(&self.city, 1, 80).ok_or(("city", Key::CityInvalid))?,
            opening_hours: text(&self.opening_hours, 0, 200).ok_or(("opening_hours", Key::LocationTooLong))?,
        })
    }
}

/// A tier in the studio's list of rewards (hidden ones too).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StudioReward {
    pub id: RewardTierId,
    pub title: String,
    pub kind: RewardKind,
    pub price: super::Money,
    pub quantity_limit: Option<i64>,
    pub claimed: i64,
    pub visible: bool,
    /// Pledges (of any status) chose it: it can no longer be deleted.
    pub pledged: bool,
    pub slots: i64,
}

/// The studio's rewards page of a campaign.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RewardsEditor {
    pub campaign: CampaignId,
    pub title: String,
    pub status: CampaignStatus,
    pub currency: Currency,
    pub rewards: Vec<StudioReward>,
    pub pickup_points: Vec<PickupPointView>,
}

/// A time slot in the reward editor, with its bookings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StudioSlot {
    pub id: RewardSlotId,
    pub form: SlotForm,
    pub claimed: i64,
}

/// A question in the reward editor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StudioQuestion {
    pub id: i64,
    pub prompt: String,
    pub kind: QuestionKind,
    pub choices: Vec<String>,
    pub required: bool,
    /// Backers answered it: it can no longer be removed.
    pub answered: bool,
}

/// The reward editor's page: a new tier (`tier` is `None`) or a stored one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RewardEditor {
    pub campaign: CampaignId,
    pub campaign_title: String,
    pub status: CampaignStatus,
    pub currency: Currency,
    pub tier: Option<RewardTierId>,
    pub form: RewardForm,
    /// Units held by live pledges; the limit cannot go below it.
    pub claimed: i64,
    /// Pledges chose it: its price is fixed once launched, and it cannot be deleted.
    pub pledged: bool,
    pub slots: Vec<StudioSlot>,
    pub questions: Vec<StudioQuestion>,
    /// The campaign's pickup points, and whether this tier offers each.
    pub pickup_points: Vec<(PickupPointView, bool)>,
    /// The designers linked to the campaign: (id, name).
    pub designers: Vec<(i64, String)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> RewardForm {
        RewardForm {
            title: " Écharpe ".into(),
            description: "Tissée main\r\nà Carouge".into(),
            kind: "object".into(),
            price: "95".into(),
            quantity_limit: "40".into(),
            max_per_pledge: "2".into(),
            estimated_delivery: "2027-05-31".into(),
            fulfilment: "pickup".into(),
            location: "".into(),
            designer: "".into(),
            visible: Some("on".into()),
        }
    }

    #[test]
    fn a_tier_parses_with_its_limits() {
        let s = form().parse().unwrap();
        assert_eq!(s.title, "Écharpe");
        assert_eq!(s.description, "Tissée main\nà Carouge");
        assert_eq!(s.price, Decimal::from(95));
        assert_eq!(s.quantity_limit, Some(40));
        assert_eq!(s.location, None);
        assert!(s.visible);
        let unlimited = RewardForm { quantity_limit: " ".into(), visible: None, ..form() }.parse().unwrap();
        assert_eq!(unlimited.quantity_limit, None);
        assert!(!unlimited.visible);
    }

    #[test]
    fn each_mistake_names_its_field() {
        let with = |f: fn(&mut RewardForm)| {
            let mut form = form();
            f(&mut form);
            form.parse().unwrap_err().0
        };
        assert_eq!(with(|f| f.title = "".into()), "title");
        assert_eq!(with(|f| f.price = "0".into()), "price");
        assert_eq!(with(|f| f.price = "100001".into()), "price");
        assert_eq!(with(|f| f.quantity_limit = "0".into()), "quantity_limit");
        assert_eq!(with(|f| f.quantity_limit = "2.5".into()), "quantity_limit");
        assert_eq!(with(|f| f.max_per_pledge = "101".into()), "max_per_pledge");
        assert_eq!(with(|f| f.kind = "voucher".into()), "kind");
        assert_eq!(with(|f| f.estimated_delivery = "mai".into()), "estimated_delivery");
        assert_eq!(with(|f| f.fulfilment = "drone".into()), "fulfilment");
    }

    #[test]
    fn slots_questions_and_pickup_points_check_their_fields() {
        let slot = SlotForm {
            starts_at: "2027-04-03T10:00".into(),
            ends_at: "2027-04-03T12:00".into(),
            capacity: "8".into(),
            location: "Rue de Carouge 12".into(),
        };
        assert_eq!(slot.parse().unwrap().capacity, 8);
        assert_eq!(SlotForm { ends_at: "2027-04-03T09:00".into(), ..slot.clone() }.parse().unwrap_err().0, "ends_at");
        assert_eq!(SlotForm { capacity: "".into(), ..slot }.parse().unwrap_err().0, "capacity");

        let size = QuestionForm {
            prompt: "Taille".into(),
            kind: "choice".into(),
            choices: "S, M\nL,M, XL".into(),
            required: Some("on".into()),
        };
        assert_eq!(size.parse().unwrap().choices, ["S", "M", "L", "XL"]);
        assert_eq!(QuestionForm { choices: "S".into(), ..size.clone() }.parse().unwrap_err().0, "choices");
        let free = QuestionForm { kind: "text".into(), required: None, ..size }.parse().unwrap();
        assert!(free.choices.is_empty() && !free.required);

        let point = PickupPointForm {
            name: "Atelier".into(),
            address: "".into(),
            city: "Carouge".into(),
            ..Default::default()
        };
        assert_eq!(point.parse().unwrap_err().0, "address");
    }
}
