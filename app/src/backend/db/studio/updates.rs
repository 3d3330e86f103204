//! Campaign updates: the studio's drafts and publications, the backers to email, and an
//! update's own public page.

use super::super::stored;
use super::review::Recipient;
use crate::backend::markdown;
use crate::domain::{
    CampaignId, CampaignStatus, PledgeStatus, StudioUpdate, UpdateForm, UpdatePage, UpdateSettings, UpdateVisibility,
    UpdatesEditor, UserId,
};
use crate::error::AppError;
use chrono::{DateTime, Utc};
use sqlx::PgConnection;

pub async fn updates_editor(db: &mut PgConnection, id: CampaignId) -> Result<UpdatesEditor, AppError> {
    let c = sqlx::query!("select title, slug, status from campaign where campaign_id = $1", id.0)
        .fetch_optional(&mut *db)
        .await?
        .ok_or(AppError::NotFound)?;
    let updates = sqlx::query!(
        r#"select campaign_update_id, title, body_md, visibility, published_at as "published_at: DateTime<Utc>"
           from campaign_update where campaign_id = $1
           order by published_at desc nulls first, campaign_update_id desc"#,
        id.0
    )
    .fetch_all(&mut *db)
    .await?
    .into_iter()
    .map(|u| StudioUpdate {
        id: u.campaign_update_id,
        body_html: markdown::render(&u.body_md),
        form: UpdateForm { title: u.title, body: u.body_md, visibility: u.visibility },
        published_at: u.published_at,
    })
    .collect();
    Ok(UpdatesEditor {
        campaign: id,
        title: c.title,
        slug: c.slug,
        status: stored(CampaignStatus::parse(&c.status))?,
        updates,
    })
}

/// Writes a new draft (`update` is `None`) or changes an update of this campaign (a published
/// one keeps its date and is not emailed again). Returns its id.
pub async fn save_update(
    db: &mut PgConnection,
    id: CampaignId,
    author: UserId,
    update: Option<i64>,
    s: &UpdateSettings,
) -> Result<i64, AppError> {
    let saved = match update {
        None => Some(
            sqlx::query_scalar!(
                r#"insert into campaign_update (campaign_id, author_id, title, body_md, visibility)
                   values ($1, $2, $3, $4, $5) returning campaign_update_id"#,
                id.0,
                author.0,
                s.title,
                s.body_md,
                s.visibility.as_str()
            )
            .fetch_one(&mut *db)
            .await?,
        ),
        Some(update) => {
            sqlx::query_scalar!(
                r#"update campaign_update set title = $3, body_md = $4, visibility = $5, updated_at = now()
                   where campaign_id = $1 and campaign_update_id = $2 returning campaign_update_id"#,
                id.0,
                update,
                s.title,
                s.body_md,
                s.visibility.as_str()
            )
            .fetch_optional(&mut *db)
            .await?
        }
    };
    saved.ok_or(AppError::NotFound)
}

/// An update just published.
pub struct Published {
    pub title: String,
    pub body_md: String,
}

/// Publishes a draft of this campaign now; `None` when it was published before (nothing to
/// send again).
pub async fn publish(db: &mut PgConnection, id: CampaignId, update: i64) -> Result<Option<Published>, AppError> {
    let published = sqlx::query!(
        r#"update campaign_update set published_at = now(), updated_at = now()
           where campaign_id = $1 and campaign_update_id = $2 and published_at is null
           returning title, body_md"#,
        id.0,
        update
    )
    .fetch_optional(&mut *db)
    .await?;
    match published {
        Some(p) => Ok(Some(Published { title: p.title, body_md: p.body_md })),
        None if exists(db, id, update).await? => Ok(None),
        None => Err(AppError::NotFound),
    }
}

/// Whether `update` is one of this campaign's.
pub async fn exists(db: &mut PgConnection, id: CampaignId, update: i64) -> Result<bool, AppError> {
    Ok(sqlx::query_scalar!(
        r#"select exists (select 1 from campaign_update where campaign_id = $1 and campaign_update_id = $2) as "exists!""#,
        id.0,
        update
    )
    .fetch_one(db)
    .await?)
}

/// Deletes a draft (a published update stays: backers were told).
pub async fn delete_draft(db: &mut PgConnection, id: CampaignId, update: i64) -> Result<(), AppError> {
    let deleted = sqlx::query!(
        "delete from campaign_update where campaign_id = $1 and campaign_update_id = $2 and published_at is null",
        id.0,
        update
    )
    .execute(db)
    .await?;
    if deleted.rows_affected() == 0 {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// The campaign's backers (pledges that count), once each.
pub async fn backers(db: &mut PgConnection, id: CampaignId) -> Result<Vec<Recipient>, AppError> {
    let rows = sqlx::query!(
        r#"select distinct u.user_id, u.email, u.display_name, u.locale
           from pledge p join app_user u on u.user_id = p.backer_id
           where p.campaign_id = $1 and p.status = any($2)
           order by u.user_id"#,
        id.0,
        &PledgeStatus::codes(PledgeStatus::COUNTING)
    )
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().map(|r| Recipient::new(r.email, r.display_name, &r.locale)).collect())
}

/// A published update of a public campaign, as `reader` may see it: a backers-only body for
/// its backers, its team and admins only.
pub async fn update_page(
    db: &mut PgConnection,
    slug: &str,
    update: i64,
    reader: Option<(UserId, bool)>,
) -> Result<UpdatePage, AppError> {
    let u = sqlx::query!(
        r#"select c.campaign_id, c.title as campaign_title, c.slug, u.title, u.body_md, u.visibility,
                  u.published_at as "published_at!: DateTime<Utc>"
           from campaign_update u join campaign c using (campaign_id)
           where c.slug = $1 and u.campaign_update_id = $2 and u.published_at is not null and u.published_at <= now()
             and c.status not in ('draft', 'in_review')"#,
        slug,
        update
    )
    .fetch_optional(&mut *db)
    .await?
    .ok_or(AppError::NotFound)?;
    let visibility = stored(UpdateVisibility::parse(&u.visibility))?;
    let readable =
        match (visibility, reader) {
            (UpdateVisibility::Public, _) => true,
            (UpdateVisibility::Backers, None) => false,
            (UpdateVisibility::Backers, Some((_, true))) => true,
            (UpdateVisibility::Backers, Some((user, false))) => sqlx::query_scalar!(
                r#"select exists (select 1 from pledge where campaign_id = $1 and backer_id = $2 and status = any($3))
                   or exists (select 1 from campaign_member where campaign_id = $1 and user_id = $2) as "allowed!""#,
                u.campaign_id,
                user.0,
                &PledgeStatus::codes(PledgeStatus::COUNTING)
            )
            .fetch_one(&mut *db)
            .await?,
        };
    Ok(UpdatePage {
        campaign_title: u.campaign_title,
        slug: u.slug,
        title: u.title,
        body_html: if readable { markdown::render(&u.body_md) } else { String::new() },
        visibility,
        published_at: u.published_at,
        readable,
    })
}
