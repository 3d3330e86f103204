use crate::domain::views::{CampaignPage, LiveCampaigns};
use crate::domain::UpdatePage;
use crate::error::AppError;
use leptos::prelude::*;

/// Live campaigns for the home page.
#[server(endpoint = "campaigns/live")]
pub async fn load_live_campaigns() -> Result<LiveCampaigns, AppError> {
    let state = crate::backend::state()?;
    let mut db = state.pool.acquire().await?;
    crate::backend::db::campaigns::live_campaigns(&mut db, crate::i18n::request_locale()).await
}

/// The public campaign page.
#[server(endpoint = "campaigns/page")]
pub async fn load_campaign_page(slug: String) -> Result<CampaignPage, AppError> {
    let state = crate::backend::state()?;
    state.campaign_pages.get(&state.pool, &slug, crate::i18n::request_locale()).await
}

/// One published update of a campaign, its body for whoever may read it (`backers` updates:
/// the campaign's backers, its team and admins).
#[server(endpoint = "campaigns/update")]
pub async fn load_update(slug: String, update: i64) -> Result<UpdatePage, AppError> {
    crate::backend::with_status(
        async move {
            let state = crate::backend::state()?;
            let reader = crate::backend::auth::maybe_user().await?.map(|u| (u.id, u.is_admin));
            let mut db = state.pool.acquire().await?;
            crate::backend::db::studio::updates::update_page(&mut db, &slug, update, reader).await
        }
        .await,
    )
}
