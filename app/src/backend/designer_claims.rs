//! Designers claiming their profile: a campaign's team invites the designer's address (a link
//! only that address receives), and the account with it accepts. Each step is one transaction
//! with its email.

use super::db::{designer_claims, users};
use super::email::{self, EmailTemplate};
use super::{auth, AppState};
use crate::domain::views::SignedInUser;
use crate::domain::{CampaignId, Email, UserId};
use crate::error::AppError;
use crate::paths;

/// Invites `email` to claim the profile of a designer linked to the campaign, emailing the link
/// (in the invited account's language when it has one, else the inviter's).
pub async fn invite(
    state: &AppState,
    campaign: CampaignId,
    designer: i64,
    by: &SignedInUser,
    email: &Email,
) -> Result<(), AppError> {
    let token = auth::new_reset_token();
    let mut tx = state.pool.begin().await?;
    let (name, title) =
        designer_claims::invite(&mut tx, campaign, designer, email.as_str(), &token.hash, by.id).await?;
    let locale = users::by_email(&mut tx, email).await?.map_or(by.locale, |u| u.locale);
    let template = EmailTemplate::DesignerInvite {
        inviter: by.display_name.clone(),
        designer: name,
        campaign: title,
        link: state.settings.links.absolute(&paths::designer_claim(&token.token)),
    };
    email::enqueue(&mut tx, &state.queue, email.as_str(), locale, &template, None).await?;
    tx.commit().await?;
    Ok(())
}

/// The signed-in account accepts the claim named by `token`.
pub async fn accept(state: &AppState, token: &str, user: UserId) -> Result<(), AppError> {
    let mut tx = state.pool.begin().await?;
    designer_claims::accept(&mut tx, &auth::hash_token(token), user).await?;
    tx.commit().await?;
    Ok(())
}
