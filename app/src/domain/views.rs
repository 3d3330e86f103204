//! What the pages receive from the server: read models assembled from the database, already
//! checked (amounts as `Money`, codes as enums). Story and update bodies arrive as sanitised HTML.

use super::{
    CampaignId, CampaignStatus, DesignerId, Fulfilment, FundingModel, Locale, Money, NeedKind, PartnerKind,
    PartnerLevel, PickupPointId, PledgeId, PledgeStatus, Practice, QuestionKind, RewardKind, RewardSlotId,
    RewardTierId, UpdateVisibility, UserId,
};
use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The person signed in, as the pages see them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SignedInUser {
    pub id: UserId,
    pub email: String,
    pub display_name: String,
    pub locale: Locale,
    /// Admin rights: named by `ADMIN_EMAILS` or flagged, and the address verified.
    pub is_admin: bool,
    /// The address was proven by the link sent to it.
    pub email_verified: bool,
}

/// A picture with its text alternative.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Image {
    pub url: String,
    pub alt: String,
    /// Every width of an uploaded picture (`url 480w, …`); empty for a single file.
    pub srcset: String,
}

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
    pub match_funds: Vec<super::FundView>,
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

/// Link to a designer's page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DesignerRef {
    pub slug: String,
    pub name: String,
}

/// A designer as shown in lists (registry, campaign page).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DesignerCard {
    pub id: DesignerId,
    pub slug: String,
    pub name: String,
    pub atelier: String,
    pub city: String,
    pub bio: String,
    pub materials: Vec<String>,
    pub practices: Vec<Practice>,
    pub photo_url: Option<String>,
    /// distance from the campaign's city, on a campaign page
    pub distance_km: Option<Decimal>,
}

/// A designer's own page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DesignerPage {
    pub designer: DesignerCard,
    pub website_url: Option<String>,
    pub instagram_url: Option<String>,
    pub certifications: Vec<String>,
    pub campaigns: Vec<CampaignCard>,
    pub rewards: Vec<DesignerReward>,
    pub server_now: DateTime<Utc>,
}

/// A reward made by a designer, with the campaign it belongs to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DesignerReward {
    pub title: String,
    pub kind: RewardKind,
    pub price: Money,
    pub campaign_slug: String,
    pub campaign_title: String,
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

/// What the pledge form needs: the campaign, its rewards, who is pledging, and a fresh key that
/// makes a resubmitted form create one pledge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PledgeFormPage {
    pub campaign: CampaignDetail,
    pub rewards: Vec<RewardTierView>,
    pub user: Option<SignedInUser>,
    pub idempotency_key: String,
    /// The pledge being changed, with its current choice.
    pub editing: Option<PledgeView>,
    pub server_now: DateTime<Utc>,
}

/// One pledge, as its backer sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PledgeView {
    pub id: PledgeId,
    pub campaign_slug: String,
    pub campaign_title: String,
    pub campaign_status: CampaignStatus,
    pub funding_model: FundingModel,
    pub ends_at: DateTime<Utc>,
    pub reward_tier_id: Option<RewardTierId>,
    pub reward_title: Option<String>,
    pub reward_slot_id: Option<RewardSlotId>,
    pub slot: Option<(DateTime<Utc>, DateTime<Utc>)>,
    pub pickup_point_id: Option<PickupPointId>,
    pub pickup: Option<String>,
    pub quantity: i32,
    pub reward_amount: Money,
    pub extra_amount: Money,
    pub total: Money,
    pub status: PledgeStatus,
    pub answers: Vec<(i64, String)>,
    pub created_at: DateTime<Utc>,
    pub collected_at: Option<DateTime<Utc>>,
    pub payment_due_at: Option<DateTime<Utc>>,
    /// The last payment error Stripe reported, to show on the pay page.
    pub payment_error: Option<String>,
    /// Before the deadline, pending or active: the backer may change or cancel it.
    pub changeable: bool,
    /// Where the time slot (or the reward) takes place.
    pub slot_location: Option<String>,
    /// When the team handed the reward over.
    pub fulfilled_at: Option<DateTime<Utc>>,
    /// When the backer was checked in at the time slot.
    pub checked_in_at: Option<DateTime<Utc>>,
    /// For a time slot held (card saved or paid): the check-in link's token.
    pub checkin_token: Option<String>,
    /// The check-in link as a QR code (SVG), on the pledge's own page.
    #[serde(default)]
    pub checkin_qr: Option<String>,
}

impl PledgeView {
    /// Holds its place at a time slot: it has a ticket (calendar file, check-in code).
    pub fn has_ticket(&self) -> bool {
        self.slot.is_some() && matches!(self.status, PledgeStatus::Active | PledgeStatus::Collected)
    }
}

/// The pay page: the summary, and what Stripe.js must do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PayPage {
    pub pledge: PledgeView,
    pub step: PayStep,
    pub publishable_key: String,
    pub stripe_js_url: String,
    pub server_now: DateTime<Utc>,
}

/// What the pay page of a pledge shows, read from the database only (a GET never calls Stripe;
/// the page's buttons POST to prepare what Stripe needs).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "mode", rename_all = "snake_case")]
pub enum PayStep {
    /// Enter a card: `confirmCardSetup` with this SetupIntent secret.
    SaveCard { client_secret: String },
    /// Authenticate a payment (3-D Secure): `confirmCardPayment` with this PaymentIntent secret.
    Authenticate { client_secret: String },
    /// Stripe is working on a payment: wait, nothing to enter.
    Processing,
    /// A card is needed but nothing is ready at Stripe yet: a button asks for it (POST).
    Prepare,
    /// Nothing: the pledge is active, collected, or over.
    Done,
}

impl PayStep {
    /// The `data-mode` Stripe.js's script reads, and the secret it uses.
    pub fn stripe_mode(&self) -> Option<(&'static str, &str)> {
        match self {
            PayStep::SaveCard { client_secret } => Some(("setup", client_secret)),
            PayStep::Authenticate { client_secret } => Some(("authenticate", client_secret)),
            _ => None,
        }
    }
}

/// What the owner of a campaign (and its backers, once closed) see of the money.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Settlement {
    pub collected: Money,
    pub collected_count: i64,
    /// Charges that failed and wait for their backer.
    pub awaiting: Money,
    pub awaiting_count: i64,
    pub dropped: Money,
    pub dropped_count: i64,
    pub refunded: Money,
}
