//! Campaign updates in the studio (owners and editors): write a draft with its preview, publish
//! it (emailed to the backers), delete a draft.

use crate::domain::{UpdateForm, UpdatesEditor};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
mod server {
    pub use super::super::server::{done, invalid, team_tx};
    pub use crate::backend::db::studio::updates;
    pub use crate::backend::{auth, state, with_status};
    pub use crate::domain::{CampaignId, MemberRole};
    pub use crate::paths;
}

#[server(endpoint = "studio/updates")]
pub async fn load_updates(campaign: i64) -> Result<UpdatesEditor, AppError> {
    use server::*;
    with_status(
        async move {
            let id = CampaignId(campaign);
            auth::require_member(id, MemberRole::Editor).await?;
            updates::updates_editor(&mut *state()?.pool.acquire().await?, id).await
        }
        .await,
    )
}

/// Saves a new draft (no `update`) or changes an update; then the updates page.
#[server(endpoint = "studio/update/save")]
pub async fn save_update(campaign: i64, update: Option<i64>, form: UpdateForm) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let id = CampaignId(campaign);
            let settings = form.parse().map_err(invalid);
            let me = auth::require_member(id, MemberRole::Editor).await?;
            let mut tx = state()?.pool.begin().await?;
            let saved = updates::save_update(&mut tx, id, me.id, update, &settings?).await?;
            tx.commit().await?;
            leptos_axum::redirect(&paths::done(&format!("{}#update-{saved}", paths::studio_updates(id)), "saved"));
            Ok(())
        }
        .await,
    )
}

/// Publishes a draft: on the campaign page, and emailed to every backer.
#[server(endpoint = "studio/update/publish")]
pub async fn publish_update(campaign: i64, update: i64) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let id = CampaignId(campaign);
            auth::require_member(id, MemberRole::Editor).await?;
            crate::backend::updates::publish(&state()?, id, update).await?;
            leptos_axum::redirect(&paths::done(&paths::studio_updates(id), "published"));
            Ok(())
        }
        .await,
    )
}

#[server(endpoint = "studio/update/delete")]
pub async fn delete_update(campaign: i64, update: i64) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let id = CampaignId(campaign);
            let mut tx = team_tx(id, MemberRole::Editor).await?;
            updates::delete_draft(&mut tx, id, update).await?;
            done(tx, &paths::studio_updates(id), "deleted").await
        }
        .await,
    )
}
