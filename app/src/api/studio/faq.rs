//! A campaign's questions and answers in the editor (owners and editors).

use crate::domain::FaqForm;
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
mod server {
    pub use super::super::server::{invalid, team_tx};
    pub use crate::backend::db::studio::faq;
    pub use crate::backend::with_status;
    pub use crate::domain::{CampaignId, MemberRole};
    pub use crate::paths;

    /// Back to the editor's FAQ.
    pub fn back(id: CampaignId, what: &str) {
        leptos_axum::redirect(&format!("{}#faq", paths::done(&paths::studio_campaign(id), what)));
    }
}

#[server(endpoint = "studio/faq/add")]
pub async fn add_faq(campaign: i64, form: FaqForm) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let id = CampaignId(campaign);
            let entry = form.parse().map_err(invalid);
            let mut tx = team_tx(id, MemberRole::Editor).await?;
            faq::add(&mut tx, id, &entry?).await?;
            tx.commit().await?;
            back(id, "faq");
            Ok(())
        }
        .await,
    )
}

#[server(endpoint = "studio/faq/remove")]
pub async fn remove_faq(campaign: i64, entry: i64) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let id = CampaignId(campaign);
            let mut tx = team_tx(id, MemberRole::Editor).await?;
            faq::remove(&mut tx, id, entry).await?;
            tx.commit().await?;
            back(id, "faq");
            Ok(())
        }
        .await,
    )
}
