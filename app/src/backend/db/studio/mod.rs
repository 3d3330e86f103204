//! The studio's queries: a team's campaigns, a new draft, the editor's settings; the rewards
//! (rewards.rs, their slots, questions and pickup points in parts.rs), the review (review.rs)
//! the dashboard with the backers export (dashboard.rs) and the updates (updates.rs). Authorisation is the caller's
//! (`auth::require_member` for the exact campaign) before any of these, and every query of a
//! campaign's part names the campaign too: an id of another campaign's part is not found.

pub mod dashboard;
pub mod designers;
pub mod faq;
pub mod fulfilment;
pub mod media;
pub mod parts;
pub mod review;
pub mod rewards;
pub mod team;
pub mod translations;
pub mod updates;

use super::{money, stored};
use crate::domain::{
    local_input, CampaignEditor, CampaignForm, CampaignId, CampaignSettings, CampaignStatus, Currency, FundingModel,
    MemberRole, Slug, StudioCampaign, UserId,
};
use crate::error::AppError;
use crate::i18n::Key;
use chrono::{DateTime, Utc};
use sqlx::PgConnection;

/// The campaigns whose team `user` is on, the newest first.
pub async fn member_campaigns(db: &mut PgConnection, user: UserId) -> Result<Vec<StudioCampaign>, AppError> {
    let rows = sqlx::query!(
        r#"
        select c.campaign_id, c.slug, c.title, c.status, m.role, c.currency as "currency!", c.goal, c.pledged_total,
               c.matched_total, c.ends_at as "ends_at: DateTime<Utc>"
        from campaign_member m join campaign c using (campaign_id)
        where m.user_id = $1
        order by c.created_at desc, c.campaign_id desc
        "#,
        user.0
    )
    .fetch_all(db)
    .await?;
    rows.into_iter()
        .map(|r| {
            let pledged = money(r.pledged_total, &r.currency)?;
            Ok(StudioCampaign {
                id: CampaignId(r.campaign_id),
                slug: r.slug,
                title: r.title,
                status: stored(CampaignStatus::parse(&r.status))?,
                role: stored(MemberRole::parse(&r.role))?,
                raised: pledged.checked_add(money(r.matched_total, &r.currency)?).unwrap_or(pledged),
                goal: money(r.goal, &r.currency)?,
                ends_at: r.ends_at,
            })
        })
        .collect()
}

/// A new draft owned by `owner`: a title, an address made from it, and settings to change
/// (four weeks from a week from now, CHF 10'000, all or nothing).
pub async fn create_draft(
    db: &mut PgConnection,
    owner: UserId,
    title: &str,
    city: &str,
) -> Result<CampaignId, AppError> {
    let base = Slug::from_title(title).map(|s| s.to_string()).unwrap_or_else(|_| "campagne".to_owned());
    // room for a "-50"
    let base = base.get(..76).unwrap_or(&base).trim_end_matches('-').to_owned();
    // the address from the title, or with -2, -3... when taken
    for n in 1..=50 {
        let slug = if n == 1 { base.to_string() } else { format!("{base}-{n}") };
        let created = sqlx::query_scalar!(
            r#"
            insert into campaign (slug, title, city, goal, starts_at, ends_at)
            values ($1, $2, $3, 10000, date_trunc('hour', now()) + interval '7 days',
                    date_trunc('hour', now()) + interval '35 days')
            on conflict (slug) do nothing
            returning campaign_id
            "#,
            slug,
            title,
            city
        )
        .fetch_optional(&mut *db)
        .await?;
        if let Some(id) = created {
            sqlx::query!(
                "insert into campaign_member (campaign_id, user_id, role) values ($1, $2, 'owner')",
                id,
                owner.0
            )
            .execute(&mut *db)
            .await?;
            return Ok(CampaignId(id));
        }
    }
    Err(AppError::Validation { field: "title".into(), message: Key::SlugTaken })
}

/// What the editor shows for one campaign (any status: the team sees its drafts).
pub async fn editor(db: &mut PgConnection, id: CampaignId) -> Result<CampaignEditor, AppError> {
    let r = sqlx::query!(
        r#"
        select slug, title, summary, story_md, city, currency as "currency!", goal, funding_model, min_pledge,
               starts_at as "starts_at: DateTime<Utc>", ends_at as "ends_at: DateTime<Utc>", status, review_note,
               locale
        from campaign where campaign_id = $1
        "#,
        id.0
    )
    .fetch_optional(&mut *db)
    .await?
    .ok_or(AppError::NotFound)?;
    let status = stored(CampaignStatus::parse(&r.status))?;
    let story_html = crate::backend::markdown::render(&r.story_md);
    let images = media::list(db, id).await?;
    let faq = faq::list(db, id).await?;
    Ok(CampaignEditor {
        images,
        faq,
        id,
        status,
        story_html,
        review_note: r.review_note.filter(|_| status == CampaignStatus::Draft),
        form: CampaignForm {
            slug: r.slug,
            title: r.title,
            summary: r.summary,
            story: r.story_md,
            city: r.city,
            currency: r.currency,
            goal: r.goal.normalize().to_string(),
            funding_model: r.funding_model,
            starts_at: local_input(r.starts_at),
            ends_at: local_input(r.ends_at),
            min_pledge: r.min_pledge.normalize().to_string(),
            language: r.locale,
        },
    })
}

/// The settings launch fixes: what backers pledged on.
struct Fixed {
    status: String,
    slug: String,
    currency: String,
    goal: rust_decimal::Decimal,
    funding_model: String,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
}

/// Saves the editor's settings. Once launched (public: live or closed), the address, currency, goal, funding model,
/// start and deadline stay as they are (each refused with its field named); a draft changes
/// freely. Locks the campaign row (a close or a pledge waits, and sees the new texts).
pub async fn save(db: &mut PgConnection, id: CampaignId, s: &CampaignSettings) -> Result<(), AppError> {
    let fixed = sqlx::query_as!(
        Fixed,
        r#"
        select status, slug, currency as "currency!", goal, funding_model,
               starts_at as "starts_at: DateTime<Utc>", ends_at as "ends_at: DateTime<Utc>"
        from campaign where campaign_id = $1 for update
        "#,
        id.0
    )
    .fetch_optional(&mut *db)
    .await?
    .ok_or(AppError::NotFound)?;
    let status = stored(CampaignStatus::parse(&fixed.status))?;
    if status == CampaignStatus::InReview {
        return Err(AppError::Validation { field: "review".into(), message: Key::InReviewLocked });
    }
    if status.is_public() {
        let locked = |field: &str| AppError::Validation { field: field.into(), message: Key::LockedAfterLaunch };
        let currency = stored(Currency::parse(&fixed.currency))?;
        if s.slug.as_str() != fixed.slug {
            return Err(locked("slug"));
        }
        if s.goal.currency() != currency {
            return Err(locked("currency"));
        }
        if s.goal.amount() != fixed.goal {
            return Err(locked("goal"));
        }
        if s.funding_model != stored(FundingModel::parse(&fixed.funding_model))? {
            return Err(locked("funding_model"));
        }
        // the form shows times to the minute
        let minute = |t: DateTime<Utc>| t.timestamp().div_euclid(60);
        if minute(s.starts_at) != minute(fixed.starts_at) {
            return Err(locked("starts_at"));
        }
        if minute(s.ends_at) != minute(fixed.ends_at) {
            return Err(locked("ends_at"));
        }
    }
    // unchanged times keep their seconds
    let (starts_at, ends_at) =
        if status.is_public() { (fixed.starts_at, fixed.ends_at) } else { (s.starts_at, s.ends_at) };
    let saved = sqlx::query!(
        r#"
        update campaign
        set slug = $2, title = $3, summary = $4, story_md = $5, city = $6, currency = $7, goal = $8,
            funding_model = $9, starts_at = $10::text::timestamptz, ends_at = $11::text::timestamptz,
            min_pledge = $12, locale = $13, updated_at = now()
        where campaign_id = $1
        "#,
        id.0,
        s.slug.as_str(),
        s.title,
        s.summary,
        s.story_md,
        s.city,
        s.goal.currency().code(),
        s.goal.amount(),
        s.funding_model.as_str(),
        // times go as RFC 3339 text: the macros would bind `time`'s type, not chrono's
        starts_at.to_rfc3339(),
        ends_at.to_rfc3339(),
        s.min_pledge.amount(),
        s.language.code()
    )
    .execute(&mut *db)
    .await;
    match saved {
        Err(sqlx::Error::Database(e)) if e.constraint() == Some("campaign_slug_key") => {
            Err(AppError::Validation { field: "slug".into(), message: Key::SlugTaken })
        }
        other => other.map(|_| ()).map_err(AppError::from),
    }
}
