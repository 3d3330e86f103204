use crate::domain::views::{DesignerCard, DesignerPage};
use crate::error::AppError;
use leptos::prelude::*;

/// The designer registry.
#[server(endpoint = "designers/all")]
pub async fn load_designers() -> Result<Vec<DesignerCard>, AppError> {
    let state = crate::backend::state()?;
    let mut db = state.pool.acquire().await?;
    crate::backend::db::designers::all_designers(&mut db).await
}

/// One designer's page.
#[server(endpoint = "designers/page")]
pub async fn load_designer_page(slug: String) -> Result<DesignerPage, AppError> {
    let state = crate::backend::state()?;
    let mut db = state.pool.acquire().await?;
    crate::backend::db::designers::designer_page(&mut db, &slug).await
}
