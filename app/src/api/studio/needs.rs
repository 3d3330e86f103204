//! A campaign's needs in the studio (owners and editors): add, change, remove; and the offers
//! made against them: accept, decline, mark done (each emails the helper).

use crate::domain::{NeedForm, NeedsEditor};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
mod server {
    pub use super::super::server::{done, invalid, team_tx};
    pub use crate::backend::db::help;
    pub use crate::backend::{auth, state, with_status};
    pub use crate::domain::{CampaignId, HelpOfferStatus, MemberRole};
    pub use crate::error::AppError;
    pub use crate::i18n::Key;
    pub use crate::paths;

    pub fn at(id: CampaignId, part: &str) -> String {
        format!("{}#{part}", paths::studio_needs(id))
    }
}

#[server(endpoint = "studio/needs")]
pub async fn load_needs(campaign: i64) -> Result<NeedsEditor, AppError> {
    use server::*;
    with_status(
        async move {
            let id = CampaignId(campaign);
            auth::require_member(id, MemberRole::Editor).await?;
            help::editor(&mut *state()?.pool.acquire().await?, id).await
        }
        .await,
    )
}

/// Adds a need (no `need`) or changes one.
#[server(endpoint = "studio/need/save")]
pub async fn save_need(campaign: i64, need: Option<i64>, form: NeedForm) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let id = CampaignId(campaign);
            let settings = form.parse().map_err(invalid);
            let mut tx = team_tx(id, MemberRole::Editor).await?;
            let saved = help::save_need(&mut tx, id, need, &settings?).await?;
            done(tx, &at(id, &format!("need-{saved}")), "saved").await
        }
        .await,
    )
}

#[server(endpoint = "studio/need/remove")]
pub async fn remove_need(campaign: i64, need: i64) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let id = CampaignId(campaign);
            let mut tx = team_tx(id, MemberRole::Editor).await?;
            help::remove_need(&mut tx, id, need).await?;
            done(tx, &paths::studio_needs(id), "removed").await
        }
        .await,
    )
}

/// Accepts, declines or marks done an offer (`to`: `accepted`, `declined`, `done`).
#[server(endpoint = "studio/offer")]
pub async fn answer_offer(campaign: i64, offer: i64, to: String) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let id = CampaignId(campaign);
            let to = HelpOfferStatus::parse(to.trim())
                .ok()
                .filter(|s| HelpOfferStatus::TEAM_STEPS.contains(s))
                .ok_or(AppError::invalid("offer", Key::InvalidInputText))?;
            auth::require_member(id, MemberRole::Editor).await?;
            crate::backend::help::decide(&state()?, id, offer, to).await?;
            leptos_axum::redirect(&paths::done(&at(id, &format!("offer-{offer}")), to.as_str()));
            Ok(())
        }
        .await,
    )
}
