//! The review's queries: a campaign at a step of `draft → in_review → live` (locked), the
//! owners to tell, and the admins' queue. The transitions themselves are decided by
//! `CampaignStatus::transition` in `backend::review`.

use super::super::{money, stored};
use crate::domain::{CampaignId, CampaignStatus, Locale, ReviewItem, UserId};
use crate::error::AppError;
use chrono::{DateTime, Utc};
use sqlx::PgConnection;

/// A campaign at review time, its row locked.
pub struct UnderReview {
    pub status: CampaignStatus,
    pub title: String,
    pub slug: String,
    /// The texts a campaign cannot go live without.
    pub has_summary: bool,
    pub has_story: bool,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// The database's clock.
    pub now: DateTime<Utc>,
}

pub async fn lock(db: &mut PgConnection, id: CampaignId) -> Result<UnderReview, AppError> {
    let r = sqlx::query!(
        r#"select status, title, slug, summary <> '' as "has_summary!", btrim(story_md) <> '' as "has_story!",
                  starts_at as "starts_at: DateTime<Utc>", ends_at as "ends_at: DateTime<Utc>",
                  now() as "now!: DateTime<Utc>"
           from campaign where campaign_id = $1 for update"#,
        id.0
    )
    .fetch_optional(db)
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(UnderReview {
        status: stored(CampaignStatus::parse(&r.status))?,
        title: r.title,
        slug: r.slug,
        has_summary: r.has_summary,
        has_story: r.has_story,
        starts_at: r.starts_at,
        ends_at: r.ends_at,
        now: r.now,
    })
}

/// Records a step: submitted (`reviewer` is `None`), approved or sent back with `note`.
pub async fn record(
    db: &mut PgConnection,
    id: CampaignId,
    to: CampaignStatus,
    reviewer: Option<UserId>,
    note: Option<&str>,
) -> Result<(), AppError> {
    sqlx::query!(
        r#"
        update campaign
        set status = $2,
            submitted_at = case when $2 = 'in_review' then now() else submitted_at end,
            reviewed_at = case when $3::bigint is null then reviewed_at else now() end,
            reviewed_by = coalesce($3, reviewed_by),
            review_note = case when $2 = 'in_review' then null else coalesce($4, review_note) end,
            launched_at = case when $2 = 'live' then now() else launched_at end,
            updated_at = now()
        where campaign_id = $1
        "#,
        id.0,
        to.as_str(),
        reviewer.map(|r| r.0),
        note
    )
    .execute(db)
    .await?;
    Ok(())
}

/// A live campaign reached its start: touched, so its `campaign_changed` notice makes every
/// process rebuild the page it cached before (idempotent).
pub async fn opened(db: &mut PgConnection, id: CampaignId) -> Result<(), AppError> {
    sqlx::query!("update campaign set updated_at = now() where campaign_id = $1 and status = 'live'", id.0)
        .execute(db)
        .await?;
    Ok(())
}

/// Someone to tell about the campaign.
pub struct Recipient {
    pub email: String,
    pub name: String,
    pub locale: Locale,
}

impl Recipient {
    /// From an account's row (its stored language code).
    pub fn new(email: String, name: String, locale: &str) -> Recipient {
        Recipient { email, name, locale: Locale::from_tag(locale).unwrap_or_default() }
    }
}

/// The campaign's owners.
pub async fn owners(db: &mut PgConnection, id: CampaignId) -> Result<Vec<Recipient>, AppError> {
    let rows = sqlx::query!(
        r#"select u.email, u.display_name, u.locale from campaign_member m join app_user u using (user_id)
           where m.campaign_id = $1 and m.role = 'owner' order by u.user_id"#,
        id.0
    )
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().map(|r| Recipient::new(r.email, r.display_name, &r.locale)).collect())
}

/// The campaigns waiting for review, the longest waiting first.
pub async fn queue(db: &mut PgConnection) -> Result<Vec<ReviewItem>, AppError> {
    let rows = sqlx::query!(
        r#"
        select c.campaign_id, c.title, c.summary, c.city, c.currency as "currency!", c.goal,
               c.submitted_at as "submitted_at: DateTime<Utc>", c.starts_at as "starts_at: DateTime<Utc>",
               c.ends_at as "ends_at: DateTime<Utc>",
               (select count(*) from reward_tier t where t.campaign_id = c.campaign_id) as "rewards!",
               coalesce((select string_agg(u.display_name, ', ' order by u.user_id)
                         from campaign_member m join app_user u using (user_id)
                         where m.campaign_id = c.campaign_id and m.role = 'owner'), '') as "owners!"
        from campaign c
        where c.status = 'in_review'
        order by c.submitted_at nulls first, c.campaign_id
        "#
    )
    .fetch_all(db)
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(ReviewItem {
                id: CampaignId(r.campaign_id),
                title: r.title,
                summary: r.summary,
                city: r.city,
                goal: money(r.goal, &r.currency)?,
                owners: r.owners,
                rewards: r.rewards,
                submitted_at: r.submitted_at,
                starts_at: r.starts_at,
                ends_at: r.ends_at,
            })
        })
        .collect()
}
