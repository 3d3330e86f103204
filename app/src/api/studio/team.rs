//! A campaign's team: owners invite by email, withdraw an invitation, take someone off the
//! team; anyone on it may leave; the invited account accepts from the link it was sent.

use crate::domain::{InviteView, TeamPage};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
mod server {
    pub use super::super::server::{done, team_tx};
    pub use crate::backend::accounts::limited_email;
    pub use crate::backend::db::{studio::team, users};
    pub use crate::backend::limits::Action;
    pub use crate::backend::{auth, state, with_status};
    pub use crate::domain::{CampaignId, MemberRole, UserId};
    pub use crate::error::AppError;
    pub use crate::i18n::Key;
    pub use crate::paths;
}

#[server(endpoint = "studio/team")]
pub async fn load_team(campaign: i64) -> Result<TeamPage, AppError> {
    use server::*;
    with_status(
        async move {
            let id = CampaignId(campaign);
            let me = auth::require_member(id, MemberRole::Editor).await?;
            let mut db = state()?.pool.acquire().await?;
            let held = users::member_role(&mut db, id, me.id).await?;
            let manages = me.is_admin || (held == Some(MemberRole::Owner) && me.email_verified);
            team::page(&mut db, id, me.id, manages).await
        }
        .await,
    )
}

/// Invites an address with a role (owners); the link goes to that address only.
#[server(endpoint = "studio/team/invite")]
pub async fn invite_member(campaign: i64, email: String, role: String) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let id = CampaignId(campaign);
            let me = auth::require_member(id, MemberRole::Owner).await?;
            let role = MemberRole::parse(role.trim()).map_err(|_| AppError::invalid("role", Key::InvalidInputText))?;
            let state = state()?;
            let email = limited_email(&state, Action::Invite, &email).await?;
            crate::backend::team::invite(&state, id, &me, &email, role).await?;
            leptos_axum::redirect(&paths::done(&format!("{}#invites", paths::studio_team(id)), "invited"));
            Ok(())
        }
        .await,
    )
}

#[server(endpoint = "studio/team/revoke")]
pub async fn revoke_invite(campaign: i64, invite: i64) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let id = CampaignId(campaign);
            let mut tx = team_tx(id, MemberRole::Owner).await?;
            team::revoke(&mut tx, id, invite).await?;
            done(tx, &format!("{}#invites", paths::studio_team(id)), "withdrawn").await
        }
        .await,
    )
}

/// Takes `member` off the team (owners), or the caller leaves it (anyone on it). The last owner
/// stays.
#[server(endpoint = "studio/team/remove")]
pub async fn remove_member(campaign: i64, member: i64) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let id = CampaignId(campaign);
            let me = auth::require_member(id, MemberRole::Editor).await?;
            let leaving = me.id == UserId(member);
            if !leaving {
                auth::require_member(id, MemberRole::Owner).await?;
            }
            let mut tx = state()?.pool.begin().await?;
            team::remove(&mut tx, id, UserId(member)).await?;
            let back = if leaving && !me.is_admin { paths::STUDIO.to_owned() } else { paths::studio_team(id) };
            done(tx, &back, "removed").await
        }
        .await,
    )
}

/// What an invitation link shows (anyone holding the link).
#[server(endpoint = "invites/show")]
pub async fn load_invite(token: String) -> Result<InviteView, AppError> {
    use server::*;
    with_status(
        async move {
            let me = auth::maybe_user().await?;
            let mut db = state()?.pool.acquire().await?;
            team::view(&mut db, &auth::hash_token(&token), me.map(|u| u.email)).await
        }
        .await,
    )
}

/// The signed-in account, the one invited, joins the team; then the campaign in the studio.
#[server(endpoint = "invites/accept")]
pub async fn accept_invite(token: String) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let me = auth::require_user().await?;
            let id = crate::backend::team::accept(&state()?, &token, me.id).await?;
            leptos_axum::redirect(&paths::done(&paths::studio_campaign(id), "joined"));
            Ok(())
        }
        .await,
    )
}
