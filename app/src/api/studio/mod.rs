//! The studio, where campaign teams work: their campaigns, a new draft, the campaign editor;
//! the rewards (rewards.rs) and the review (review.rs). Each call checks on the server the
//! caller's role for the exact campaign it touches, and names that campaign in every query.

pub mod dashboard;
pub mod designers;
pub mod faq;
pub mod fulfilment;
pub mod media;
pub mod needs;
pub mod review;
pub mod rewards;
pub mod team;
pub mod translations;
pub mod updates;

use crate::domain::{CampaignEditor, CampaignForm, StudioCampaign};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
mod server {
    pub use crate::backend::db::studio;
    pub use crate::backend::{auth, state, with_status};
    pub use crate::domain::{CampaignId, MemberRole};
    pub use crate::error::AppError;
    pub use crate::i18n::Key;
    pub use crate::paths;

    /// A transaction for a change by the campaign's team (`role` or above; admins too).
    pub async fn team_tx(
        campaign: CampaignId,
        role: MemberRole,
    ) -> Result<sqlx::Transaction<'static, sqlx::Postgres>, AppError> {
        auth::require_member(campaign, role).await?;
        Ok(state()?.pool.begin().await?)
    }

    /// A form's mistake, named by its field.
    pub fn invalid((field, message): crate::domain::FieldError) -> AppError {
        AppError::invalid(field, message)
    }

    /// Commits, and sends the browser back to `path` with `?done=what` (`paths::done`).
    pub async fn done(tx: sqlx::Transaction<'static, sqlx::Postgres>, path: &str, what: &str) -> Result<(), AppError> {
        tx.commit().await?;
        leptos_axum::redirect(&paths::done(path, what));
        Ok(())
    }
}

/// The signed-in person's campaigns.
#[server(endpoint = "studio/campaigns")]
pub async fn studio_campaigns() -> Result<Vec<StudioCampaign>, AppError> {
    use server::*;
    with_status(
        async move {
            let me = auth::require_user().await?;
            let state = state()?;
            studio::member_campaigns(&mut *state.pool.acquire().await?, me.id).await
        }
        .await,
    )
}

/// Starts a draft owned by the caller, who must have confirmed their address; then the editor.
#[server(endpoint = "studio/start")]
pub async fn start_campaign(title: String) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let me = auth::require_user().await?;
            if !me.email_verified {
                return Err(AppError::Validation { field: "title".into(), message: Key::StartCampaignVerifyFirst });
            }
            let title = title.trim();
            if !(1..=120).contains(&title.chars().count()) {
                return Err(AppError::Validation { field: "title".into(), message: Key::CampaignTitleInvalid });
            }
            let state = state()?;
            let mut tx = state.pool.begin().await?;
            let id = studio::create_draft(&mut tx, me.id, title, "Genève").await?;
            tx.commit().await?;
            leptos_axum::redirect(&paths::studio_campaign(id));
            Ok(())
        }
        .await,
    )
}

/// The editor's page of a campaign (its team and admins).
#[server(endpoint = "studio/editor")]
pub async fn load_campaign_editor(campaign: i64) -> Result<CampaignEditor, AppError> {
    use server::*;
    with_status(
        async move {
            let id = CampaignId(campaign);
            auth::require_member(id, MemberRole::Editor).await?;
            let state = state()?;
            studio::editor(&mut *state.pool.acquire().await?, id).await
        }
        .await,
    )
}

/// Saves the campaign's settings (owners and editors; some are fixed once launched).
#[server(endpoint = "studio/save")]
pub async fn save_campaign(campaign: i64, form: CampaignForm) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let id = CampaignId(campaign);
            let settings = form.parse().map_err(invalid);
            let mut tx = team_tx(id, MemberRole::Editor).await?;
            studio::save(&mut tx, id, &settings?).await?;
            tx.commit().await?;
            leptos_axum::redirect(&paths::done(&paths::studio_campaign(id), "saved"));
            Ok(())
        }
        .await,
    )
}
