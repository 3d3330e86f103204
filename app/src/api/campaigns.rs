use crate::domain::views::{CampaignPage, LiveCampaigns};
use crate::error::AppError;
use leptos::prelude::*;

/// Live campaigns for the home page.
#[server(endpoint = "campaigns/live")]
pub async fn load_live_campaigns() -> Result<LiveCampaigns, AppError> {
    let state = crate::backend::state()?;
    let mut db = state.pool.acquire().await?;
    crate::backend::db::campaigns::live_campaigns(&mut db).await
}

/// The public campaign page.
#[server(endpoint = "campaigns/page")]
pub async fn load_campaign_page(slug: String) -> Result<CampaignPage, AppError> {
    let state = crate::backend::state()?;
    let mut db = state.pool.acquire().await?;
    crate::backend::db::campaigns::campaign_page(&mut db, &slug).await
}
