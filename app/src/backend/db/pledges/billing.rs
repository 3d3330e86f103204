//! The small reads and writes the payment code makes on pledges besides their status: which
//! pledges wait in a state, the hold, the Stripe customer and card, payment recovery's dates,
//! and whether the campaign still takes changes.

use super::super::stored;
use crate::domain::{CampaignId, CampaignStatus, PledgeId, PledgeStatus, UserId};
use crate::error::AppError;
use chrono::{DateTime, Utc};
use sqlx::PgConnection;

/// A pledge's status, unlocked.
pub async fn status_of(db: &mut PgConnection, pledge: PledgeId) -> Result<PledgeStatus, AppError> {
    let status = sqlx::query_scalar!("select status from pledge where pledge_id = $1", pledge.0)
        .fetch_optional(&mut *db)
        .await?
        .ok_or(AppError::NotFound)?;
    stored(PledgeStatus::parse(&status))
}

/// The ids of a campaign's pledges in some statuses.
pub async fn with_status(
    db: &mut PgConnection,
    campaign: CampaignId,
    statuses: &[PledgeStatus],
) -> Result<Vec<PledgeId>, AppError> {
    let ids = sqlx::query_scalar!(
        "select pledge_id from pledge where campaign_id = $1 and status = any($2) order by pledge_id",
        campaign.0,
        &PledgeStatus::codes(statuses)
    )
    .fetch_all(&mut *db)
    .await?;
    Ok(ids.into_iter().map(PledgeId).collect())
}

/// The next pledges a settle run takes: those that failed to settle go last.
pub async fn settle_batch(
    db: &mut PgConnection,
    campaign: CampaignId,
    statuses: &[PledgeStatus],
    limit: i64,
) -> Result<Vec<PledgeId>, AppError> {
    let ids = sqlx::query_scalar!(
        "select pledge_id from pledge where campaign_id = $1 and status = any($2)
         order by settle_error_at nulls first, pledge_id limit $3",
        campaign.0,
        &PledgeStatus::codes(statuses),
        limit
    )
    .fetch_all(&mut *db)
    .await?;
    Ok(ids.into_iter().map(PledgeId).collect())
}

/// How many of `pledges` are still in one of `statuses`.
pub async fn count_with_status(
    db: &mut PgConnection,
    pledges: &[PledgeId],
    statuses: &[PledgeStatus],
) -> Result<i64, AppError> {
    let ids: Vec<i64> = pledges.iter().map(|p| p.0).collect();
    Ok(sqlx::query_scalar!(
        r#"select count(*) as "n!" from pledge where pledge_id = any($1) and status = any($2)"#,
        &ids,
        &PledgeStatus::codes(statuses)
    )
    .fetch_one(&mut *db)
    .await?)
}

/// Settling this pledge failed: the next runs take it last.
pub async fn note_settle_error(db: &mut PgConnection, pledge: PledgeId) -> Result<(), AppError> {
    sqlx::query!("update pledge set settle_error_at = now() where pledge_id = $1", pledge.0).execute(&mut *db).await?;
    Ok(())
}

/// How long the pending pledge's hold still runs (`None` when it is not pending any more).
pub async fn hold_left(db: &mut PgConnection, pledge: PledgeId) -> Result<Option<chrono::Duration>, AppError> {
    let row = sqlx::query!(
        r#"select status, hold_expires_at as "hold: DateTime<Utc>", now() as "now!: DateTime<Utc>"
           from pledge where pledge_id = $1"#,
        pledge.0
    )
    .fetch_optional(&mut *db)
    .await?;
    Ok(match row {
        Some(r) if stored(PledgeStatus::parse(&r.status))? == PledgeStatus::Pending => {
            Some(r.hold.map_or(chrono::Duration::zero(), |h| h - r.now))
        }
        _ => None,
    })
}

/// The pending pledges of a backer on a campaign.
pub async fn pending_of(db: &mut PgConnection, backer: UserId, campaign: CampaignId) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar!(
        r#"select count(*) as "n!" from pledge where backer_id = $1 and campaign_id = $2 and status = $3"#,
        backer.0,
        campaign.0,
        PledgeStatus::Pending.as_str()
    )
    .fetch_one(&mut *db)
    .await?)
}

/// The backer's email address (Stripe's customer record).
pub async fn backer_email(db: &mut PgConnection, pledge: PledgeId) -> Result<String, AppError> {
    Ok(sqlx::query_scalar!(
        "select u.email from pledge p join app_user u on u.user_id = p.backer_id where p.pledge_id = $1",
        pledge.0
    )
    .fetch_one(&mut *db)
    .await?)
}

pub async fn set_customer(db: &mut PgConnection, pledge: PledgeId, customer: &str) -> Result<(), AppError> {
    sqlx::query!(
        "update pledge set stripe_customer_id = coalesce(stripe_customer_id, $2) where pledge_id = $1",
        pledge.0,
        customer
    )
    .execute(&mut *db)
    .await?;
    Ok(())
}

pub async fn set_payment_method(db: &mut PgConnection, pledge: PledgeId, method: Option<&str>) -> Result<(), AppError> {
    sqlx::query!(
        "update pledge set stripe_payment_method_id = $2, updated_at = now() where pledge_id = $1",
        pledge.0,
        method
    )
    .execute(&mut *db)
    .await?;
    Ok(())
}

pub async fn payment_method(db: &mut PgConnection, pledge: PledgeId) -> Result<Option<String>, AppError> {
    Ok(sqlx::query_scalar!("select stripe_payment_method_id from pledge where pledge_id = $1", pledge.0)
        .fetch_one(&mut *db)
        .await?)
}

/// Starts payment recovery: the due date, on the database's clock, for the emails and the final
/// retry alike.
pub async fn start_recovery(db: &mut PgConnection, pledge: PledgeId, days: i64) -> Result<DateTime<Utc>, AppError> {
    Ok(sqlx::query_scalar!(
        r#"update pledge set payment_due_at = now() + make_interval(days => $2), reminders_sent = 0
           where pledge_id = $1 returning payment_due_at as "due!: DateTime<Utc>""#,
        pledge.0,
        i32::try_from(days).unwrap_or(i32::MAX)
    )
    .fetch_one(&mut *db)
    .await?)
}

pub async fn payment_due(db: &mut PgConnection, pledge: PledgeId) -> Result<Option<DateTime<Utc>>, AppError> {
    Ok(sqlx::query_scalar!(
        r#"select payment_due_at as "due: DateTime<Utc>" from pledge where pledge_id = $1"#,
        pledge.0
    )
    .fetch_one(&mut *db)
    .await?)
}

pub async fn set_reminders_sent(db: &mut PgConnection, pledge: PledgeId, sent: i32) -> Result<(), AppError> {
    sqlx::query!("update pledge set reminders_sent = $2 where pledge_id = $1", pledge.0, sent)
        .execute(&mut *db)
        .await?;
    Ok(())
}

/// The campaign still takes pledges and changes (live, before its deadline).
pub async fn campaign_open(db: &mut PgConnection, campaign: CampaignId) -> Result<bool, AppError> {
    Ok(sqlx::query_scalar!(
        r#"select (status = $2 and ends_at > now()) as "open!" from campaign where campaign_id = $1"#,
        campaign.0,
        CampaignStatus::Live.as_str()
    )
    .fetch_one(&mut *db)
    .await?)
}
