//! The dashboard's calls (owners and admins: backers' names and addresses are personal data).
//! The export is a plain download, `GET /studio/campaigns/{id}/backers.csv` (server crate).

use crate::domain::{BackerFilter, BackersPage, Dashboard};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
mod server {
    pub use crate::backend::db::studio::dashboard;
    pub use crate::backend::{auth, state, with_status};
    pub use crate::domain::{CampaignId, MemberRole};
}

#[server(endpoint = "studio/dashboard")]
pub async fn load_dashboard(campaign: i64) -> Result<Dashboard, AppError> {
    use server::*;
    with_status(
        async move {
            let id = CampaignId(campaign);
            auth::require_member(id, MemberRole::Owner).await?;
            dashboard::dashboard(&mut *state()?.pool.acquire().await?, id).await
        }
        .await,
    )
}

/// A page of the backers table, filtered.
#[server(endpoint = "studio/backers")]
pub async fn load_backers(campaign: i64, #[server(default)] filter: BackerFilter) -> Result<BackersPage, AppError> {
    use server::*;
    with_status(
        async move {
            let id = CampaignId(campaign);
            auth::require_member(id, MemberRole::Owner).await?;
            dashboard::backers(&mut *state()?.pool.acquire().await?, id, &filter).await
        }
        .await,
    )
}
