//! A campaign's status as the payment code moves it: locked for the close, closed or cancelled.
//! The campaign row is always the first lock a transaction takes (see `pledges::state`).

use super::stored;
use crate::domain::{CampaignId, CampaignStatus, FundingModel};
use crate::error::AppError;
use chrono::{DateTime, Utc};
use sqlx::PgConnection;

/// A campaign at its close, locked.
pub struct Closing {
    pub status: CampaignStatus,
    pub funding_model: FundingModel,
    /// Pledged plus matched reached the goal.
    pub goal_reached: bool,
    pub ends_at: DateTime<Utc>,
    /// The database's clock.
    pub now: DateTime<Utc>,
}

pub async fn lock_for_close(db: &mut PgConnection, campaign: CampaignId) -> Result<Option<Closing>, AppError> {
    let Some(c) = sqlx::query!(
        r#"select status, funding_model, pledged_total + matched_total >= goal as "reached!",
                  ends_at as "ends_at: DateTime<Utc>", now() as "now!: DateTime<Utc>"
           from campaign where campaign_id = $1 for update"#,
        campaign.0
    )
    .fetch_optional(&mut *db)
    .await?
    else {
        return Ok(None);
    };
    Ok(Some(Closing {
        status: stored(CampaignStatus::parse(&c.status))?,
        funding_model: stored(FundingModel::parse(&c.funding_model))?,
        goal_reached: c.reached,
        ends_at: c.ends_at,
        now: c.now,
    }))
}

/// The campaign's status, its row locked.
pub async fn lock_status(db: &mut PgConnection, campaign: CampaignId) -> Result<CampaignStatus, AppError> {
    let status = sqlx::query_scalar!("select status from campaign where campaign_id = $1 for update", campaign.0)
        .fetch_optional(&mut *db)
        .await?
        .ok_or(AppError::NotFound)?;
    stored(CampaignStatus::parse(&status))
}

/// Moves a live campaign to a final status (the caller checked the transition).
pub async fn set_closed(db: &mut PgConnection, campaign: CampaignId, to: CampaignStatus) -> Result<(), AppError> {
    sqlx::query!(
        "update campaign set status = $2, closed_at = now(), updated_at = now() where campaign_id = $1",
        campaign.0,
        to.as_str()
    )
    .execute(&mut *db)
    .await?;
    Ok(())
}
