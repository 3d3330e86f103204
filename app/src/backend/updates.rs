//! Publishing a campaign update: the update is dated, and each backer gets it by email in their
//! language, through the outbox, in the same transaction (published once, emailed once).

use super::db::campaign_status::lock_status;
use super::db::studio::updates;
use super::email::{self, EmailTemplate};
use super::AppState;
use crate::domain::CampaignId;
use crate::error::AppError;
use crate::i18n::Key;
use crate::paths;

/// Publishes the draft `update` of a public campaign and emails its backers.
pub async fn publish(state: &AppState, id: CampaignId, update: i64) -> Result<(), AppError> {
    let mut tx = state.pool.begin().await?;
    let status = lock_status(&mut tx, id).await?;
    if !updates::exists(&mut tx, id, update).await? {
        return Err(AppError::NotFound);
    }
    if !status.is_public() {
        return Err(AppError::invalid("update", Key::UpdateNeedsPublic));
    }
    let Some(published) = updates::publish(&mut tx, id, update).await? else {
        // published before: nothing more to send
        return Ok(());
    };
    let campaign = super::db::campaigns::detail(&mut tx, id).await?;
    let link = state.settings.links.absolute(&paths::campaign_update(&campaign.slug, update));
    for backer in updates::backers(&mut tx, id).await? {
        let template = EmailTemplate::CampaignNews {
            name: backer.name,
            campaign: campaign.title.clone(),
            title: published.title.clone(),
            body: published.body_md.clone(),
            link: link.clone(),
        };
        let key = format!("update-{update}-{}", backer.email.to_lowercase());
        email::enqueue(&mut tx, &state.queue, &backer.email, backer.locale, &template, Some(&key)).await?;
    }
    tx.commit().await?;
    Ok(())
}
