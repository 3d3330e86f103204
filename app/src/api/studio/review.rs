//! The review: the campaign's owners submit it, admins approve it or send it back with a reason
//! (`backend::review`, which also emails the owners).

use crate::domain::ReviewItem;
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
mod server {
    pub use crate::backend::db::studio::review;
    pub use crate::backend::review as steps;
    pub use crate::backend::{auth, state, with_status};
    pub use crate::domain::{CampaignId, MemberRole};
    pub use crate::paths;
}

/// An owner sends the draft to review; then the editor, which says so.
#[server(endpoint = "studio/submit")]
pub async fn submit_campaign(campaign: i64) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let id = CampaignId(campaign);
            auth::require_member(id, MemberRole::Owner).await?;
            steps::submit(&state()?, id).await?;
            leptos_axum::redirect(&paths::done(&paths::studio_campaign(id), "submitted"));
            Ok(())
        }
        .await,
    )
}

/// The campaigns waiting for review (admins).
#[server(endpoint = "admin/review")]
pub async fn review_queue() -> Result<Vec<ReviewItem>, AppError> {
    use server::*;
    with_status(
        async move {
            auth::require_admin().await?;
            review::queue(&mut *state()?.pool.acquire().await?).await
        }
        .await,
    )
}

/// An admin approves a campaign under review.
#[server(endpoint = "admin/review/approve")]
pub async fn approve_campaign(campaign: i64) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let admin = auth::require_admin().await?;
            steps::approve(&state()?, CampaignId(campaign), admin.id).await?;
            leptos_axum::redirect(&paths::done(paths::ADMIN_REVIEW, "approved"));
            Ok(())
        }
        .await,
    )
}

/// An admin sends a campaign back to its team with a reason.
#[server(endpoint = "admin/review/send-back")]
pub async fn send_back_campaign(campaign: i64, reason: String) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let admin = auth::require_admin().await?;
            steps::send_back(&state()?, CampaignId(campaign), admin.id, &reason).await?;
            leptos_axum::redirect(&paths::done(paths::ADMIN_REVIEW, "returned"));
            Ok(())
        }
        .await,
    )
}
