use crate::domain::views::DesignerPage;
use crate::domain::{DesignerFilter, DesignerRegistry};
use crate::error::AppError;
use leptos::prelude::*;

/// The designer registry under a filter (practice, material, city), with each value's count.
#[server(endpoint = "designers/all")]
pub async fn load_designers(#[server(default)] filter: DesignerFilter) -> Result<DesignerRegistry, AppError> {
    let state = crate::backend::state()?;
    let mut db = state.pool.acquire().await?;
    let all = crate::backend::db::designers::all_designers(&mut db).await?;
    Ok(crate::domain::registry(all, filter))
}

/// One designer's page.
#[server(endpoint = "designers/page")]
pub async fn load_designer_page(slug: String) -> Result<DesignerPage, AppError> {
    let state = crate::backend::state()?;
    let mut db = state.pool.acquire().await?;
    crate::backend::db::designers::designer_page(&mut db, &slug).await
}
