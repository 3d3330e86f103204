//! A campaign's pictures in the editor (owners and editors): make one the hero, remove one.
//! The upload itself is a multipart form posted to the server crate
//! (`POST /studio/campaigns/{id}/images`, `backend::media`).

use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
mod server {
    pub use super::super::server::{done, team_tx};
    pub use crate::backend::db::studio::media;
    pub use crate::backend::{state, with_status};
    pub use crate::domain::{CampaignId, MemberRole};
    pub use crate::paths;

    /// The editor's pictures.
    pub fn images(id: CampaignId) -> String {
        format!("{}#images", paths::studio_campaign(id))
    }
}

/// Makes a picture the campaign's hero (its first).
#[server(endpoint = "studio/image/hero")]
pub async fn make_hero(campaign: i64, image: i64) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let id = CampaignId(campaign);
            let mut tx = team_tx(id, MemberRole::Editor).await?;
            media::make_hero(&mut tx, id, image).await?;
            done(tx, &images(id), "image").await
        }
        .await,
    )
}

/// Removes a picture, and its files once the removal is committed.
#[server(endpoint = "studio/image/remove")]
pub async fn remove_image(campaign: i64, image: i64) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let id = CampaignId(campaign);
            let mut tx = team_tx(id, MemberRole::Editor).await?;
            let files = media::remove(&mut tx, id, image).await?;
            tx.commit().await?;
            crate::backend::media::remove(&state()?.settings.media_dir, files.iter().map(String::as_str));
            leptos_axum::redirect(&paths::done(&images(id), "image-removed"));
            Ok(())
        }
        .await,
    )
}
