//! Help that is not money, with its emails: someone offers help against a need (the owners are
//! told), the team accepts, declines or marks it done (the helper is told at each step), the
//! helper may withdraw. Each step is one transaction with its emails.

use super::db::help::{self, OfferNotice};
use super::db::studio::review;
use super::email::{self, EmailTemplate};
use super::AppState;
use crate::domain::{CampaignId, HelpOfferSettings, HelpOfferStatus, UserId};
use crate::error::AppError;
use crate::paths;

/// `4 heures`: the quantity with the need's unit.
fn amount(n: &OfferNotice) -> String {
    if n.unit.is_empty() {
        n.quantity.to_string()
    } else {
        format!("{} {}", n.quantity, n.unit)
    }
}

/// Someone signed in offers help; the campaign's owners are emailed.
pub async fn offer(
    state: &AppState,
    slug: &str,
    need: i64,
    user: UserId,
    s: &HelpOfferSettings,
) -> Result<i64, AppError> {
    let mut tx = state.pool.begin().await?;
    let (offer, n) = help::offer(&mut tx, slug, need, user, s).await?;
    let link = state.settings.links.absolute(&paths::studio_needs(n.campaign));
    for owner in review::owners(&mut tx, n.campaign).await? {
        let template = EmailTemplate::HelpOffered {
            name: owner.name,
            campaign: n.campaign_title.clone(),
            need: n.need_title.clone(),
            helper: n.name.clone(),
            amount: amount(&n),
            link: link.clone(),
        };
        let key = format!("help-offered-{offer}-{}", owner.email.to_lowercase());
        email::enqueue(&mut tx, &state.queue, &owner.email, owner.locale, &template, Some(&key)).await?;
    }
    tx.commit().await?;
    Ok(offer)
}

/// The team moves an offer one step; the helper is emailed.
pub async fn decide(state: &AppState, id: CampaignId, offer: i64, to: HelpOfferStatus) -> Result<(), AppError> {
    let mut tx = state.pool.begin().await?;
    let n = help::decide(&mut tx, id, offer, to).await?;
    let link = state.settings.links.absolute(&paths::campaign(&n.slug));
    let template = EmailTemplate::HelpAnswered {
        name: n.name.clone(),
        campaign: n.campaign_title.clone(),
        need: n.need_title.clone(),
        amount: amount(&n),
        step: to.as_str().to_owned(),
        link,
    };
    let key = format!("help-{offer}-{}", to.as_str());
    email::enqueue(&mut tx, &state.queue, &n.email, n.locale, &template, Some(&key)).await?;
    tx.commit().await?;
    Ok(())
}

/// The helper withdraws their offer.
pub async fn withdraw(state: &AppState, offer: i64, user: UserId) -> Result<(), AppError> {
    let mut tx = state.pool.begin().await?;
    help::withdraw(&mut tx, offer, user).await?;
    tx.commit().await?;
    Ok(())
}
