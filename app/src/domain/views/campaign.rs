//! What the home page and a campaign page show: campaigns, their rewards and sections.

use super::*;
use crate::domain::{
    CampaignId, CampaignStatus, Fulfilment, FundingModel, Locale, Money, NeedKind, PartnerKind, PartnerLevel,
    PickupPointId, QuestionKind, RewardKind, RewardSlotId, RewardTierId, UpdateVisibility,
};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// A campaign as listed on the home page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CampaignCard {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub city: String,
    pub image: Option<Image>,
    pub goal: Money,
    /// pledges plus match funds
    pub raised: Money,
    pub backers: i64,
    pub ends_at: DateTime<Utc>,
    pub status: CampaignStatus,
}

impl CampaignCard {
    pub fn percent(&self) -> u32 {
        self.raised.percent_of(self.goal)
    }
}

/// The home page's list, with the server's clock for "time left".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LiveCampaigns {
    pub campaigns: Vec<CampaignCard>,
    /// The platform's own approved partners.
    pub partners: Vec<PartnerView>,
    pub server_now: DateTime<Utc>,
}

/// Everything the campaign page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CampaignPage {
    pub campaign: CampaignDetail,
    pub images: Vec<Image>,
    pub rewards: Vec<RewardTierView>,
    pub designers: Vec<DesignerCard>,
    pub partners: Vec<PartnerView>,
    /// The funds matching its pledges, in the order they apply.
    pub match_funds: Vec<crate::domain::FundView>,
    pub needs: Vec<NeedView>,
    pub updates: Vec<UpdateView>,
    pub faq: Vec<FaqEntry>,
    /// The server's clock when the page was assembled: the countdown runs on it.
    pub server_now: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CampaignDetail {
    pub id: CampaignId,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub story_html: String,
    pub city: String,
    pub goal: Money,
    pub pledged: Money,
    pub matched: Money,
    pub backers: i64,
    pub funding_model: FundingModel,
    pub min_pledge: Money,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub status: CampaignStatus,
    /// The language its texts are shown in: the visitor's when the team translated them, else
    /// the campaign's own (the page marks it with `lang`).
    pub text_locale: Locale,
}

impl CampaignDetail {
    /// Pledges plus match funds: the figure on the progress bar.
    pub fn raised(&self) -> Money {
        self.pledged.checked_add(self.matched).unwrap_or(self.pledged)
    }

    pub fn percent(&self) -> u32 {
        self.raised().percent_of(self.goal)
    }

    /// Approved, but its start is still ahead: public, not yet open to pledges.
    pub fn is_upcoming(&self, now: DateTime<Utc>) -> bool {
        self.status.accepts_pledges() && self.starts_at > now
    }

    /// Open to pledges at `now`: live, started, and before its deadline.
    pub fn is_open(&self, now: DateTime<Utc>) -> bool {
        self.status.accepts_pledges() && self.starts_at <= now && now < self.ends_at
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RewardTierView {
    pub id: RewardTierId,
    pub title: String,
    pub description: String,
    pub kind: RewardKind,
    pub price: Money,
    pub quantity_limit: Option<i64>,
    pub claimed: i64,
    pub estimated_delivery: Option<NaiveDate>,
    pub fulfilment: Fulfilment,
    pub location: Option<String>,
    pub pickup_points: Vec<PickupPointView>,
    pub slots: Vec<SlotView>,
    pub questions: Vec<QuestionView>,
    pub max_per_pledge: i32,
    pub designer: Option<DesignerRef>,
}

/// A question a backer answers when choosing a tier (a size, a dietary need...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionView {
    pub id: i64,
    pub prompt: String,
    pub kind: QuestionKind,
    pub choices: Vec<String>,
    pub required: bool,
}

impl RewardTierView {
    /// Units still available; `None` when the tier is unlimited.
    pub fn remaining(&self) -> Option<i64> {
        self.quantity_limit.map(|limit| (limit - self.claimed).max(0))
    }

    /// No unit left, or every time slot full.
    pub fn is_sold_out(&self) -> bool {
        self.remaining() == Some(0) || (!self.slots.is_empty() && self.slots.iter().all(SlotView::is_full))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PickupPointView {
    pub id: PickupPointId,
    pub name: String,
    pub address: String,
    pub city: String,
    pub opening_hours: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SlotView {
    pub id: RewardSlotId,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub capacity: i64,
    pub claimed: i64,
    pub location: Option<String>,
}

impl SlotView {
    pub fn remaining(&self) -> i64 {
        (self.capacity - self.claimed).max(0)
    }

    pub fn is_full(&self) -> bool {
        self.remaining() == 0
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartnerView {
    pub organisation: String,
    pub kind: PartnerKind,
    pub level: PartnerLevel,
    pub message: String,
    pub logo_url: Option<String>,
    pub website_url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NeedView {
    pub id: i64,
    pub kind: NeedKind,
    pub title: String,
    pub description: String,
    pub quantity: i64,
    pub unit: String,
    /// accepted or done offers
    pub covered: i64,
}

impl NeedView {
    /// Percentage covered, capped at 100.
    pub fn percent(&self) -> u32 {
        if self.quantity <= 0 {
            return 0;
        }
        u32::try_from((self.covered.max(0) * 100 / self.quantity).min(100)).unwrap_or(0)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UpdateView {
    pub id: i64,
    pub title: String,
    /// sanitised HTML; empty for a backers-only update the reader may not see
    pub body_html: String,
    pub visibility: UpdateVisibility,
    pub published_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FaqEntry {
    pub question: String,
    pub answer_html: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Currency;
    use rust_decimal::Decimal;

    fn tier(limit: Option<i64>, claimed: i64, slots: Vec<(i64, i64)>) -> RewardTierView {
        let now = Utc::now();
        RewardTierView {
            id: RewardTierId(1),
            title: "Sac".into(),
            description: String::new(),
            kind: RewardKind::Object,
            price: Money::new(Decimal::from(45), Currency::Chf),
            quantity_limit: limit,
            claimed,
            estimated_delivery: None,
            fulfilment: Fulfilment::Pickup,
            location: None,
            pickup_points: vec![],
            questions: vec![],
            max_per_pledge: 1,
            slots: slots
                .into_iter()
                .enumerate()
                .map(|(i, (capacity, claimed))| SlotView {
                    id: RewardSlotId(i as i64),
                    starts_at: now,
                    ends_at: now,
                    capacity,
                    claimed,
                    location: None,
                })
                .collect(),
            designer: None,
        }
    }

    #[test]
    fn remaining_and_sold_out() {
        assert_eq!(tier(None, 12, vec![]).remaining(), None);
        assert!(!tier(None, 12, vec![]).is_sold_out());
        assert_eq!(tier(Some(10), 7, vec![]).remaining(), Some(3));
        assert!(tier(Some(10), 10, vec![]).is_sold_out());
        assert!(!tier(None, 0, vec![(8, 8), (8, 7)]).is_sold_out());
        assert!(tier(None, 0, vec![(8, 8), (6, 6)]).is_sold_out(), "every slot full");
    }

    #[test]
    fn need_progress_is_capped() {
        let need = |quantity, covered| NeedView {
            id: 1,
            kind: NeedKind::Space,
            title: String::new(),
            description: String::new(),
            quantity,
            unit: String::new(),
            covered,
        };
        assert_eq!(need(40, 10).percent(), 25);
        assert_eq!(need(4, 9).percent(), 100);
    }
}
