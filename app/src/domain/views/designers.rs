//! Designers as listed, on their own page, and linked from a reward.

use super::*;
use crate::domain::{DesignerId, Money, Practice, RewardKind};
use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

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
