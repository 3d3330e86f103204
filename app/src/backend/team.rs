//! A campaign's team: owners invite people by email (a link only the invited address receives),
//! and the invited account accepts. Each step is one transaction with its email.

use super::db::{studio::team, users};
use super::email::{self, EmailTemplate};
use super::{auth, AppState};
use crate::domain::views::SignedInUser;
use crate::domain::{CampaignId, Email, MemberRole, UserId};
use crate::error::AppError;
use crate::i18n::I18n;
use crate::paths;

/// Invites `email` to the campaign's team with `role`, emailing the link (in the invited
/// account's language when it has one, else the inviter's).
pub async fn invite(
    state: &AppState,
    id: CampaignId,
    by: &SignedInUser,
    email: &Email,
    role: MemberRole,
) -> Result<(), AppError> {
    let token = auth::new_reset_token();
    let mut tx = state.pool.begin().await?;
    team::invite(&mut tx, id, email.as_str(), role, &token.hash, by.id).await?;
    let title =
        sqlx::query_scalar!("select title from campaign where campaign_id = $1", id.0).fetch_one(&mut *tx).await?;
    let locale = users::by_email(&mut tx, email).await?.map_or(by.locale, |u| u.locale);
    let template = EmailTemplate::CampaignInvite {
        inviter: by.display_name.clone(),
        campaign: title,
        role: I18n { locale }.label(role).to_owned(),
        link: state.settings.links.absolute(&paths::invite(&token.token)),
    };
    email::enqueue(&mut tx, &state.queue, email.as_str(), locale, &template, None).await?;
    tx.commit().await?;
    Ok(())
}

/// The signed-in account accepts the invitation named by `token`; the campaign it joined.
pub async fn accept(state: &AppState, token: &str, user: UserId) -> Result<CampaignId, AppError> {
    let mut tx = state.pool.begin().await?;
    let id = team::accept(&mut tx, &auth::hash_token(token), user).await?;
    tx.commit().await?;
    Ok(id)
}
