//! A pledge as its backer sees it: the form, the pledge, the pay page; and the settlement.

use super::*;
use crate::domain::{
    CampaignStatus, FundingModel, Money, PickupPointId, PledgeId, PledgeStatus, RewardSlotId, RewardTierId,
};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

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
