//! Partners who sign up: the application, its review (the partner is emailed either way) and
//! the logo, checked and re-encoded like the studio's pictures (as PNG, so a transparent logo
//! stays transparent), small, under the media folder's `partners/`.

use super::db::partners::{self, Reviewed};
use super::email::{self, EmailTemplate};
use super::{media, AppState};
use crate::domain::{CampaignId, PartnerStatus, UserId};
use crate::error::AppError;
use crate::i18n::Key;
use crate::paths;

/// The smallest logo accepted, and the box it is fitted into.
const LOGO_MIN_WIDTH: u32 = 64;
const LOGO_BOX: (u32, u32) = (480, 240);

/// Records an application; a campaign's owners are emailed (the platform's applications wait
/// in the admins' list).
pub async fn apply(
    state: &AppState,
    tx: &mut sqlx::PgConnection,
    user: UserId,
    campaign: Option<CampaignId>,
    settings: &crate::domain::PartnerSettings,
) -> Result<i64, AppError> {
    let id = partners::apply(tx, user, campaign, settings).await?;
    if let Some(campaign) = campaign {
        let title = partners::campaign_title(tx, campaign).await?;
        let link = state.settings.links.absolute(&format!("{}#partner-{id}", paths::studio_partners(campaign)));
        for owner in super::db::studio::review::owners(tx, campaign).await? {
            let template = EmailTemplate::PartnerApplied {
                name: owner.name,
                campaign: title.clone(),
                organisation: settings.organisation.clone(),
                link: link.clone(),
            };
            email::enqueue(tx, &state.queue, &owner.email, owner.locale, &template, None).await?;
        }
    }
    Ok(id)
}

/// Approves, or rejects with a reason; the partner is emailed either way.
pub async fn review(
    state: &AppState,
    campaign: Option<CampaignId>,
    partner: i64,
    approve: bool,
    reason: &str,
) -> Result<(), AppError> {
    let reason = reason.trim();
    if !approve && !(1..=1000).contains(&reason.chars().count()) {
        return Err(AppError::invalid("reason", Key::ReviewReasonNeeded));
    }
    let (to, note) = if approve { (PartnerStatus::Approved, None) } else { (PartnerStatus::Rejected, Some(reason)) };
    let mut tx = state.pool.begin().await?;
    let Reviewed { organisation, name, email: address, locale, campaign: title } =
        partners::review(&mut tx, campaign, partner, to, note).await?;
    let template = EmailTemplate::PartnerReviewed {
        name,
        organisation,
        campaign: title,
        approved: approve,
        reason: reason.to_owned(),
        link: state.settings.links.absolute(paths::MY_PARTNERS),
    };
    email::enqueue(&mut tx, &state.queue, &address, locale, &template, None).await?;
    tx.commit().await?;
    Ok(())
}

/// Checks, re-encodes and records the logo of the partner's own application (back to review).
pub async fn upload_logo(state: &AppState, partner: i64, user: UserId, bytes: Vec<u8>) -> Result<(), AppError> {
    if !partners::owned_by(&mut *state.pool.acquire().await?, partner, user).await? {
        return Err(AppError::NotFound);
    }
    let folder = format!("partners/{partner}");
    media::replace_one(state, &folder, bytes, LOGO_MIN_WIDTH, LOGO_BOX, image::ImageFormat::Png, |url| async move {
        let mut tx = state.pool.begin().await?;
        let old = partners::set_logo(&mut tx, partner, user, &url).await?;
        tx.commit().await?;
        Ok(old)
    })
    .await
}
