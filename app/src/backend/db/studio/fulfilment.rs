//! Handing rewards over: marking pledges fulfilled (one, or every pledge the backers table's
//! filter shows) and checking backers in at their time slot. Only pledges that hold a reward
//! and count (card saved or paid) can be fulfilled or checked in.

use crate::domain::{BackerFilter, CampaignId, CheckIn, PledgeId, PledgeStatus};
use crate::error::AppError;
use chrono::{DateTime, Utc};
use sqlx::PgConnection;

/// The statuses of a pledge whose reward is handed over: its card is saved, or it is paid.
pub const HANDED_OVER: &[PledgeStatus] = &[PledgeStatus::Active, PledgeStatus::Collected];

/// Marks fulfilled (`on`) or not one pledge of the campaign, or (`pledge` is `None`) every
/// pledge matching `filter`; returns how many changed.
pub async fn set_fulfilled(
    db: &mut PgConnection,
    id: CampaignId,
    pledge: Option<PledgeId>,
    filter: &BackerFilter,
    on: bool,
) -> Result<u64, AppError> {
    let (search, tier, status) = (filter.search(), filter.tier(), filter.status().map(|s| s.as_str()));
    let changed = sqlx::query!(
        r#"update pledge p
           set fulfilled_at = case when $6 then coalesce(p.fulfilled_at, now()) end, updated_at = now()
           from app_user u
           where u.user_id = p.backer_id and p.campaign_id = $1 and p.reward_tier_id is not null
             and p.status = any($7) and ($8::bigint is null or p.pledge_id = $8)
             and (p.fulfilled_at is null) = $6
             and ($2::text is null or strpos(lower(u.display_name), lower($2)) > 0 or strpos(lower(u.email), lower($2)) > 0)
             and (not $3 or p.reward_tier_id is not distinct from $4)
             and ($5::text is null or p.status = $5)"#,
        id.0,
        search,
        tier.is_some(),
        tier.flatten().map(|t| t.0),
        status,
        on,
        &PledgeStatus::codes(HANDED_OVER),
        pledge.map(|p| p.0)
    )
    .execute(db)
    .await?;
    Ok(changed.rows_affected())
}

/// The pledge and campaign a check-in link names (`None` for an unknown or malformed token).
pub async fn by_token(db: &mut PgConnection, token: &str) -> Result<Option<(PledgeId, CampaignId)>, AppError> {
    // a UUID: 36 characters of hex digits and dashes
    if token.len() != 36 || !token.chars().all(|c| c.is_ascii_hexdigit() || c == '-') {
        return Ok(None);
    }
    let row = sqlx::query!("select pledge_id, campaign_id from pledge where checkin_token = $1::text::uuid", token)
        .fetch_optional(db)
        .await?;
    Ok(row.map(|r| (PledgeId(r.pledge_id), CampaignId(r.campaign_id))))
}

/// Records the backer's arrival (once: a second scan says when they came) for a pledge of this
/// campaign with a time slot.
pub async fn check_in(db: &mut PgConnection, id: CampaignId, pledge: PledgeId) -> Result<CheckIn, AppError> {
    let r = sqlx::query!(
        r#"with before as (
               select checked_in_at from pledge where pledge_id = $2 and campaign_id = $1
           ), done as (
               update pledge set checked_in_at = coalesce(checked_in_at, now()), updated_at = now()
               where pledge_id = $2 and campaign_id = $1 and reward_slot_id is not null and status = any($3)
               returning pledge_id, checked_in_at
           )
           select u.display_name, t.title, s.starts_at as "starts_at: DateTime<Utc>", p.quantity,
                  d.checked_in_at as "checked_in_at?: DateTime<Utc>",
                  (select checked_in_at is not null from before) as "already!"
           from pledge p join app_user u on u.user_id = p.backer_id
           join reward_tier t on t.reward_tier_id = p.reward_tier_id
           join reward_slot s on s.reward_slot_id = p.reward_slot_id
           left join done d on d.pledge_id = p.pledge_id
           where p.pledge_id = $2 and p.campaign_id = $1"#,
        id.0,
        pledge.0,
        &PledgeStatus::codes(HANDED_OVER)
    )
    .fetch_optional(db)
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(CheckIn {
        name: r.display_name,
        reward: r.title,
        slot: r.starts_at,
        quantity: r.quantity,
        // not recorded: the pledge does not hold its place (cancelled, unpaid...)
        checked_in_at: r.checked_in_at,
        already: r.already,
    })
}
