//! What the campaign page's live figures say (`components::live_totals`), read from the
//! database after a change and worded per language once, for every browser watching.

use super::db;
use crate::components::live_totals::{LiveMessage, LiveTier};
use crate::components::reward_card::availability;
use crate::domain::views::{CampaignDetail, RewardTierView};
use crate::domain::{CampaignId, Locale};
use crate::error::AppError;
use crate::i18n::I18n;
use sqlx::PgConnection;

/// A public campaign's figures and its rewards' availability.
pub struct LiveTotals {
    campaign: CampaignDetail,
    rewards: Vec<RewardTierView>,
}

impl LiveTotals {
    /// `None` when the campaign is not public (a draft) or is gone.
    pub async fn load(db: &mut PgConnection, id: CampaignId) -> Result<Option<LiveTotals>, AppError> {
        let Some(campaign) = db::campaigns::public_detail(db, id).await? else { return Ok(None) };
        let rewards = db::campaigns::rewards(db, id, campaign.goal.currency().code(), None).await?;
        Ok(Some(LiveTotals { campaign, rewards }))
    }

    /// The stream message in `locale`, as JSON.
    pub fn message(&self, locale: Locale) -> String {
        let i18n = I18n { locale };
        let percent = self.campaign.percent();
        let message = LiveMessage {
            raised: i18n.money(self.campaign.raised()),
            percent: i18n.percent_funded(percent),
            percent_value: percent,
            backers: i18n.backers(self.campaign.backers),
            tiers: self.rewards.iter().map(|t| tier(i18n, t)).collect(),
        };
        serde_json::to_string(&message).unwrap_or_default()
    }

    /// The message in every language, in the order of `Locale::ALL`.
    pub fn messages(&self) -> Vec<String> {
        Locale::ALL.into_iter().map(|l| self.message(l)).collect()
    }
}

fn tier(i18n: I18n, t: &RewardTierView) -> LiveTier {
    LiveTier { id: t.id.0, availability: availability(i18n, t), sold_out: t.is_sold_out() }
}
