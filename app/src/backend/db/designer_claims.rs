//! Designers claiming their profile: invitations (stored as the SHA-256 of their token), their
//! acceptance, and the claimed profile its designer edits.

use super::studio::designers::{update, EditRow};
use super::users;
use crate::domain::{CampaignId, ClaimView, DesignerSettings, InviteState, MyDesigner, UserId, INVITE_DAYS};
use crate::error::AppError;
use crate::i18n::Key;
use chrono::{DateTime, Utc};
use sqlx::PgConnection;

/// Opens an invitation for `email` to claim a designer linked to the campaign (a new link
/// replaces an open one); the designer's name and the campaign's title, for the email. A
/// profile already claimed is refused.
pub async fn invite(
    db: &mut PgConnection,
    campaign: CampaignId,
    designer: i64,
    email: &str,
    token_hash: &[u8],
    by: UserId,
) -> Result<(String, String), AppError> {
    let d = sqlx::query!(
        r#"select d.name, c.title, d.user_id is not null as "claimed!"
           from designer d join campaign_designer cd using (designer_id) join campaign c using (campaign_id)
           where cd.campaign_id = $1 and d.designer_id = $2
           for update of d"#,
        campaign.0,
        designer
    )
    .fetch_optional(&mut *db)
    .await?
    .ok_or(AppError::NotFound)?;
    if d.claimed {
        return Err(AppError::invalid("email", Key::DesignerAlreadyClaimed));
    }
    sqlx::query!(
        r#"insert into designer_invite (designer_id, campaign_id, email, token_hash, invited_by, expires_at)
           values ($1, $2, $3, $4, $5, now() + make_interval(days => $6))
           on conflict (designer_id) where accepted_at is null and revoked_at is null
           do update set campaign_id = excluded.campaign_id, email = excluded.email,
                         token_hash = excluded.token_hash, invited_by = excluded.invited_by,
                         created_at = now(), expires_at = excluded.expires_at"#,
        designer,
        campaign.0,
        email,
        token_hash,
        by.0,
        INVITE_DAYS as i32
    )
    .execute(&mut *db)
    .await?;
    Ok((d.name, d.title))
}

/// Withdraws the open invitation to claim a designer linked to the campaign.
pub async fn revoke(db: &mut PgConnection, campaign: CampaignId, designer: i64) -> Result<(), AppError> {
    let done = sqlx::query!(
        "update designer_invite i set revoked_at = now()
         from campaign_designer cd
         where cd.campaign_id = $1 and cd.designer_id = i.designer_id and i.designer_id = $2
           and i.accepted_at is null and i.revoked_at is null",
        campaign.0,
        designer
    )
    .execute(db)
    .await?;
    if done.rows_affected() == 0 {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// A claim link as it shows (`NotFound` for an unknown token).
pub async fn view(
    db: &mut PgConnection,
    token_hash: &[u8],
    signed_in_as: Option<String>,
) -> Result<ClaimView, AppError> {
    let i = sqlx::query!(
        r#"select d.name, d.slug, c.title, i.email, coalesce(u.display_name, '') as "invited_by!",
                  i.accepted_at is not null as "accepted!", i.revoked_at is not null as "revoked!",
                  i.expires_at <= now() as "expired!"
           from designer_invite i join designer d using (designer_id) join campaign c using (campaign_id)
           left join app_user u on u.user_id = i.invited_by
           where i.token_hash = $1"#,
        token_hash
    )
    .fetch_optional(db)
    .await?
    .ok_or(AppError::NotFound)?;
    let state = InviteState::of(i.accepted, i.revoked, i.expired);
    Ok(ClaimView {
        designer: i.name,
        designer_slug: i.slug,
        campaign_title: i.title,
        invited_by: i.invited_by,
        state,
        email: i.email,
        signed_in_as,
    })
}

/// Accepts an open invitation for the account `user` whose address is the one invited: the
/// profile becomes theirs, and the address counts as proven (the link was sent to it). Once
/// only; a profile someone else claimed meanwhile, or a second profile for one account, is
/// refused.
pub async fn accept(db: &mut PgConnection, token_hash: &[u8], user: UserId) -> Result<(), AppError> {
    let designer = sqlx::query_scalar!(
        r#"update designer_invite i set accepted_at = now(), accepted_by = $2
           from app_user u
           where i.token_hash = $1 and u.user_id = $2 and lower(u.email) = lower(i.email)
             and i.accepted_at is null and i.revoked_at is null and i.expires_at > now()
           returning i.designer_id"#,
        token_hash,
        user.0
    )
    .fetch_optional(&mut *db)
    .await?
    .ok_or_else(|| AppError::invalid("invite", Key::InviteNotUsable))?;
    let holds = sqlx::query_scalar!(
        r#"select exists(select 1 from designer where user_id = $1 and designer_id <> $2) as "holds!""#,
        user.0,
        designer
    )
    .fetch_one(&mut *db)
    .await?;
    if holds {
        return Err(AppError::invalid("invite", Key::HoldsAnotherProfile));
    }
    let claimed = sqlx::query!(
        "update designer set user_id = $2, updated_at = now()
         where designer_id = $1 and (user_id is null or user_id = $2)",
        designer,
        user.0
    )
    .execute(&mut *db)
    .await?;
    if claimed.rows_affected() == 0 {
        return Err(AppError::invalid("invite", Key::DesignerAlreadyClaimed));
    }
    // the link was sent to the address: it is proven
    users::mark_verified(db, user).await?;
    Ok(())
}

/// The profile `user` claimed, if any.
pub async fn mine(db: &mut PgConnection, user: UserId) -> Result<Option<MyDesigner>, AppError> {
    let row = sqlx::query_as!(
        EditRow,
        r#"select designer_id, slug, name, atelier, city, bio, materials, practices, photo_url, website_url,
                  instagram_url, null::numeric as "distance_km", certifications, true as "claimed!",
                  null::bigint as "invite_id?", null::text as "invite_email?",
                  null::timestamptz as "invite_expires?: DateTime<Utc>", null::bool as "invite_expired?"
           from designer where user_id = $1"#,
        user.0
    )
    .fetch_optional(db)
    .await?;
    Ok(row.map(EditRow::edit).transpose()?.map(|e| MyDesigner { card: e.card, form: e.form }))
}

/// Writes the profile `user` claimed (`NotFound` when they hold none); its address.
pub async fn save_mine(db: &mut PgConnection, user: UserId, s: &DesignerSettings) -> Result<String, AppError> {
    let d = sqlx::query!("select designer_id, slug from designer where user_id = $1 for update", user.0)
        .fetch_optional(&mut *db)
        .await?
        .ok_or(AppError::NotFound)?;
    update(db, d.designer_id, s).await?;
    Ok(d.slug)
}

/// Sets the portrait of the profile `user` claimed; the address it replaces.
pub async fn set_my_photo(db: &mut PgConnection, user: UserId, url: &str) -> Result<Option<String>, AppError> {
    let old = sqlx::query_scalar!(
        r#"with old as (select designer_id, photo_url from designer where user_id = $1 for update)
           update designer d set photo_url = $2, updated_at = now() from old where d.designer_id = old.designer_id
           returning old.photo_url as "old?""#,
        user.0,
        url
    )
    .fetch_optional(db)
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(old)
}

/// The designer whose profile `user` claimed.
pub async fn my_designer_id(db: &mut PgConnection, user: UserId) -> Result<i64, AppError> {
    sqlx::query_scalar!("select designer_id from designer where user_id = $1", user.0)
        .fetch_optional(db)
        .await?
        .ok_or(AppError::NotFound)
}
