//! A campaign's team: members, invitations (stored as the SHA-256 of their token) and their
//! acceptance.

use super::super::{stored, users};
use crate::domain::{
    CampaignId, CampaignStatus, InviteState, InviteView, MemberRole, TeamInvite, TeamMember, TeamPage, UserId,
    INVITE_DAYS,
};
use crate::error::AppError;
use crate::i18n::Key;
use chrono::{DateTime, Utc};
use sqlx::PgConnection;

/// The team page of a campaign, as `me` sees it.
pub async fn page(db: &mut PgConnection, id: CampaignId, me: UserId, manages: bool) -> Result<TeamPage, AppError> {
    let c = sqlx::query!("select title, status from campaign where campaign_id = $1", id.0)
        .fetch_optional(&mut *db)
        .await?
        .ok_or(AppError::NotFound)?;
    let members = sqlx::query!(
        r#"select u.user_id, u.display_name, u.email, m.role, m.created_at as "since: DateTime<Utc>"
           from campaign_member m join app_user u using (user_id)
           where m.campaign_id = $1
           order by m.role = 'owner' desc, m.created_at, u.user_id"#,
        id.0
    )
    .fetch_all(&mut *db)
    .await?
    .into_iter()
    .map(|m| {
        Ok(TeamMember {
            user: UserId(m.user_id),
            name: m.display_name,
            email: m.email,
            role: stored(MemberRole::parse(&m.role))?,
            since: m.since,
        })
    })
    .collect::<Result<Vec<_>, AppError>>()?;
    let invites = sqlx::query!(
        r#"select campaign_invite_id, email, role, expires_at as "expires_at: DateTime<Utc>",
                  expires_at <= now() as "expired!"
           from campaign_invite
           where campaign_id = $1 and accepted_at is null and revoked_at is null
           order by created_at, campaign_invite_id"#,
        id.0
    )
    .fetch_all(&mut *db)
    .await?
    .into_iter()
    .map(|i| {
        Ok(TeamInvite {
            id: i.campaign_invite_id,
            email: i.email,
            role: stored(MemberRole::parse(&i.role))?,
            expires_at: i.expires_at,
            expired: i.expired,
        })
    })
    .collect::<Result<Vec<_>, AppError>>()?;
    Ok(TeamPage {
        campaign: id,
        title: c.title,
        status: stored(CampaignStatus::parse(&c.status))?,
        manages,
        me,
        members,
        invites,
    })
}

/// Opens an invitation for `email` (a new link replaces an open one for the same address).
/// Someone already on the team is refused.
pub async fn invite(
    db: &mut PgConnection,
    id: CampaignId,
    email: &str,
    role: MemberRole,
    token_hash: &[u8],
    by: UserId,
) -> Result<(), AppError> {
    let member = sqlx::query_scalar!(
        r#"select exists(select 1 from campaign_member m join app_user u using (user_id)
                         where m.campaign_id = $1 and lower(u.email) = lower($2)) as "member!""#,
        id.0,
        email
    )
    .fetch_one(&mut *db)
    .await?;
    if member {
        return Err(AppError::invalid("email", Key::AlreadyOnTeam));
    }
    sqlx::query!(
        r#"insert into campaign_invite (campaign_id, email, role, token_hash, invited_by, expires_at)
           values ($1, $2, $3, $4, $5, now() + make_interval(days => $6))
           on conflict (campaign_id, lower(email)) where accepted_at is null and revoked_at is null
           do update set role = excluded.role, token_hash = excluded.token_hash,
                         invited_by = excluded.invited_by, created_at = now(), expires_at = excluded.expires_at"#,
        id.0,
        email,
        role.as_str(),
        token_hash,
        by.0,
        INVITE_DAYS as i32
    )
    .execute(&mut *db)
    .await?;
    Ok(())
}

/// Withdraws an open invitation of this campaign.
pub async fn revoke(db: &mut PgConnection, id: CampaignId, invite: i64) -> Result<(), AppError> {
    let done = sqlx::query!(
        "update campaign_invite set revoked_at = now()
         where campaign_id = $1 and campaign_invite_id = $2 and accepted_at is null and revoked_at is null",
        id.0,
        invite
    )
    .execute(db)
    .await?;
    if done.rows_affected() == 0 {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// Takes someone off the team. The last owner stays: a campaign always has someone to run it.
pub async fn remove(db: &mut PgConnection, id: CampaignId, user: UserId) -> Result<(), AppError> {
    // lock the team: two owners removing each other at once leave one
    let roles = sqlx::query!(
        "select user_id, role from campaign_member where campaign_id = $1 order by user_id for update",
        id.0
    )
    .fetch_all(&mut *db)
    .await?;
    let Some(removed) = roles.iter().find(|m| m.user_id == user.0) else {
        return Err(AppError::NotFound);
    };
    if removed.role == MemberRole::Owner.as_str()
        && roles.iter().filter(|m| m.role == MemberRole::Owner.as_str()).count() == 1
    {
        return Err(AppError::invalid("member", Key::LastOwnerStays));
    }
    sqlx::query!("delete from campaign_member where campaign_id = $1 and user_id = $2", id.0, user.0)
        .execute(&mut *db)
        .await?;
    Ok(())
}

/// An invitation as its link shows it (`NotFound` for an unknown token).
pub async fn view(
    db: &mut PgConnection,
    token_hash: &[u8],
    signed_in_as: Option<String>,
) -> Result<InviteView, AppError> {
    let i = sqlx::query!(
        r#"select i.campaign_id, c.title, i.role, i.email, coalesce(u.display_name, '') as "invited_by!",
                  i.accepted_at is not null as "accepted!", i.revoked_at is not null as "revoked!",
                  i.expires_at <= now() as "expired!"
           from campaign_invite i join campaign c using (campaign_id)
           left join app_user u on u.user_id = i.invited_by
           where i.token_hash = $1"#,
        token_hash
    )
    .fetch_optional(db)
    .await?
    .ok_or(AppError::NotFound)?;
    let state = InviteState::of(i.accepted, i.revoked, i.expired);
    Ok(InviteView {
        campaign: CampaignId(i.campaign_id),
        campaign_title: i.title,
        role: stored(MemberRole::parse(&i.role))?,
        invited_by: i.invited_by,
        state,
        email: i.email,
        signed_in_as,
    })
}

/// Accepts an open invitation for the account `user` whose address is the one invited: the
/// account joins the team (an owner invited as editor stays owner), and its address counts as
/// proven (the link was sent to it). Once only.
pub async fn accept(db: &mut PgConnection, token_hash: &[u8], user: UserId) -> Result<CampaignId, AppError> {
    let taken = sqlx::query!(
        r#"update campaign_invite i set accepted_at = now(), accepted_by = $2
           from app_user u
           where i.token_hash = $1 and u.user_id = $2 and lower(u.email) = lower(i.email)
             and i.accepted_at is null and i.revoked_at is null and i.expires_at > now()
           returning i.campaign_id, i.role"#,
        token_hash,
        user.0
    )
    .fetch_optional(&mut *db)
    .await?
    .ok_or_else(|| AppError::invalid("invite", Key::InviteNotUsable))?;
    sqlx::query!(
        "insert into campaign_member (campaign_id, user_id, role) values ($1, $2, $3)
         on conflict (campaign_id, user_id) do update
         set role = case when campaign_member.role = 'owner' then 'owner' else excluded.role end",
        taken.campaign_id,
        user.0,
        taken.role
    )
    .execute(&mut *db)
    .await?;
    // the link was sent to the address: it is proven
    users::mark_verified(db, user).await?;
    Ok(CampaignId(taken.campaign_id))
}
