//! The reward editor's calls: tiers, their slots, questions and pickup points. Owners and
//! editors of the campaign (and admins); every id is looked up within the campaign named.

use crate::domain::{PickupPointForm, QuestionForm, RewardEditor, RewardForm, RewardsEditor, SlotForm};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
mod server {
    pub use super::super::server::{done, invalid, team_tx};
    pub use crate::backend::db::studio::{parts, rewards};
    pub use crate::backend::{auth, state, with_status};
    pub use crate::domain::{CampaignId, MemberRole, PickupPointId, RewardSlotId, RewardTierId};
    pub use crate::paths;
}

/// The rewards page of a campaign: every tier, hidden ones too, and the pickup points.
#[server(endpoint = "studio/rewards")]
pub async fn load_rewards(campaign: i64) -> Result<RewardsEditor, AppError> {
    use server::*;
    with_status(
        async move {
            let id = CampaignId(campaign);
            auth::require_member(id, MemberRole::Editor).await?;
            rewards::rewards_editor(&mut *state()?.pool.acquire().await?, id).await
        }
        .await,
    )
}

/// The reward editor: a tier of the campaign, or a blank one.
#[server(endpoint = "studio/reward")]
pub async fn load_reward(campaign: i64, tier: Option<i64>) -> Result<RewardEditor, AppError> {
    use server::*;
    with_status(
        async move {
            let id = CampaignId(campaign);
            auth::require_member(id, MemberRole::Editor).await?;
            rewards::reward_editor(&mut *state()?.pool.acquire().await?, id, tier.map(RewardTierId)).await
        }
        .await,
    )
}

/// Creates a tier (no `tier`) or saves one; then its editor.
#[server(endpoint = "studio/reward/save")]
pub async fn save_reward(campaign: i64, tier: Option<i64>, form: RewardForm) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let id = CampaignId(campaign);
            let settings = form.parse().map_err(invalid);
            let mut tx = team_tx(id, MemberRole::Editor).await?;
            let tier = rewards::save_reward(&mut tx, id, tier.map(RewardTierId), &settings?).await?;
            done(tx, &paths::studio_reward(id, Some(tier)), "saved").await
        }
        .await,
    )
}

/// Deletes a tier no pledge chose; then the list.
#[server(endpoint = "studio/reward/delete")]
pub async fn delete_reward(campaign: i64, tier: i64) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let id = CampaignId(campaign);
            let mut tx = team_tx(id, MemberRole::Editor).await?;
            rewards::delete_reward(&mut tx, id, RewardTierId(tier)).await?;
            done(tx, &paths::studio_rewards(id), "deleted").await
        }
        .await,
    )
}

/// Moves a tier one place `up` or `down` in the list.
#[server(endpoint = "studio/reward/move")]
pub async fn move_reward(campaign: i64, tier: i64, direction: String) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let id = CampaignId(campaign);
            let mut tx = team_tx(id, MemberRole::Editor).await?;
            rewards::move_reward(&mut tx, id, RewardTierId(tier), direction == "up").await?;
            done(tx, &paths::studio_rewards(id), "moved").await
        }
        .await,
    )
}

/// Adds a time slot to a tier (no `slot`) or changes one.
#[server(endpoint = "studio/reward/slot")]
pub async fn save_slot(campaign: i64, tier: i64, slot: Option<i64>, form: SlotForm) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let (id, tier) = (CampaignId(campaign), RewardTierId(tier));
            let settings = form.parse().map_err(invalid);
            let mut tx = team_tx(id, MemberRole::Editor).await?;
            parts::save_slot(&mut tx, id, tier, slot.map(RewardSlotId), &settings?).await?;
            done(tx, &paths::studio_reward(id, Some(tier)), "slot").await
        }
        .await,
    )
}

#[server(endpoint = "studio/reward/slot/remove")]
pub async fn remove_slot(campaign: i64, tier: i64, slot: i64) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let (id, tier) = (CampaignId(campaign), RewardTierId(tier));
            let mut tx = team_tx(id, MemberRole::Editor).await?;
            parts::remove_slot(&mut tx, id, tier, RewardSlotId(slot)).await?;
            done(tx, &paths::studio_reward(id, Some(tier)), "slot-removed").await
        }
        .await,
    )
}

#[server(endpoint = "studio/reward/question")]
pub async fn add_question(campaign: i64, tier: i64, form: QuestionForm) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let (id, tier) = (CampaignId(campaign), RewardTierId(tier));
            let settings = form.parse().map_err(invalid);
            let mut tx = team_tx(id, MemberRole::Editor).await?;
            parts::add_question(&mut tx, id, tier, &settings?).await?;
            done(tx, &paths::studio_reward(id, Some(tier)), "question").await
        }
        .await,
    )
}

#[server(endpoint = "studio/reward/question/remove")]
pub async fn remove_question(campaign: i64, tier: i64, question: i64) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let (id, tier) = (CampaignId(campaign), RewardTierId(tier));
            let mut tx = team_tx(id, MemberRole::Editor).await?;
            parts::remove_question(&mut tx, id, tier, question).await?;
            done(tx, &paths::studio_reward(id, Some(tier)), "question-removed").await
        }
        .await,
    )
}

/// Offers (`on` is `true`) or stops offering one of the campaign's pickup points for a tier.
#[server(endpoint = "studio/reward/pickup")]
pub async fn set_pickup(campaign: i64, tier: i64, point: i64, on: bool) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let (id, tier) = (CampaignId(campaign), RewardTierId(tier));
            let mut tx = team_tx(id, MemberRole::Editor).await?;
            parts::set_pickup(&mut tx, id, tier, PickupPointId(point), on).await?;
            done(tx, &paths::studio_reward(id, Some(tier)), "pickup").await
        }
        .await,
    )
}

#[server(endpoint = "studio/pickup")]
pub async fn add_pickup_point(campaign: i64, form: PickupPointForm) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let id = CampaignId(campaign);
            let settings = form.parse().map_err(invalid);
            let mut tx = team_tx(id, MemberRole::Editor).await?;
            parts::add_pickup_point(&mut tx, id, &settings?).await?;
            done(tx, &paths::studio_rewards(id), "pickup").await
        }
        .await,
    )
}

#[server(endpoint = "studio/pickup/remove")]
pub async fn remove_pickup_point(campaign: i64, point: i64) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let id = CampaignId(campaign);
            let mut tx = team_tx(id, MemberRole::Editor).await?;
            parts::remove_pickup_point(&mut tx, id, PickupPointId(point)).await?;
            done(tx, &paths::studio_rewards(id), "pickup-removed").await
        }
        .await,
    )
}
