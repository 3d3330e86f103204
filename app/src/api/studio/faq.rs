//! A campaign's questions and answers in the editor (owners and editors).

use crate::domain::FaqForm;
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
mod server {
    pub use super::super::server::{done, invalid, team_tx};
    pub use crate::backend::db::studio::faq;
    pub use crate::backend::with_status;
    pub use crate::domain::{CampaignId, MemberRole};
    pub use crate::paths;

    /// The editor's FAQ.
    pub fn faq_section(id: CampaignId) -> String {
        format!("{}#faq", paths::studio_campaign(id))
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
            done(tx, &faq_section(id), "faq").await
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
            done(tx, &faq_section(id), "faq").await
        }
        .await,
    )
}
