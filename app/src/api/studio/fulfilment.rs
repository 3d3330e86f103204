//! Handing rewards over: fulfilment from the dashboard (owners), and check-in at a time slot,
//! by the QR code's link or from the attendee list (the campaign's team).

use crate::domain::{BackerFilter, CheckIn};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
mod server {
    pub use super::super::server::{done, team_tx};
    pub use crate::backend::db::studio::fulfilment;
    pub use crate::backend::{auth, state, with_status};
    pub use crate::domain::{CampaignId, MemberRole, PledgeId};
    pub use crate::paths;
}

/// Marks one pledge (`pledge`) or every pledge the filter shows as handed over (`on`), or not;
/// then the dashboard with the same filter.
#[server(endpoint = "studio/fulfil")]
pub async fn fulfil(
    campaign: i64,
    pledge: Option<i64>,
    #[server(default)] filter: BackerFilter,
    on: bool,
) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let id = CampaignId(campaign);
            let mut tx = team_tx(id, MemberRole::Owner).await?;
            let scope = if pledge.is_some() { BackerFilter::default() } else { filter.clone() };
            fulfilment::set_fulfilled(&mut tx, id, pledge.map(PledgeId), &scope, on).await?;
            tx.commit().await?;
            let back = format!("{}{}&done=fulfilled#backers", paths::studio_dashboard(id), filter.query(filter.page()));
            leptos_axum::redirect(&back);
            Ok(())
        }
        .await,
    )
}

/// The check-in link of the QR code: a member of the campaign's team records the backer's
/// arrival; anyone else changes nothing.
#[server(endpoint = "check-in")]
pub async fn load_check_in(token: String) -> Result<CheckIn, AppError> {
    use server::*;
    with_status(
        async move {
            let state = state()?;
            let user = auth::require_user().await?;
            let mut db = state.pool.acquire().await?;
            let (pledge, campaign) = fulfilment::by_token(&mut db, &token).await?.ok_or(AppError::NotFound)?;
            auth::member_of(&state, &user, campaign, MemberRole::Editor).await?;
            fulfilment::check_in(&mut db, campaign, pledge).await
        }
        .await,
    )
}

/// Checks a backer in from the attendee list; then the dashboard.
#[server(endpoint = "studio/check-in")]
pub async fn check_in_backer(campaign: i64, pledge: i64) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let id = CampaignId(campaign);
            let mut tx = team_tx(id, MemberRole::Editor).await?;
            fulfilment::check_in(&mut tx, id, PledgeId(pledge)).await?;
            done(tx, &format!("{}#sales", paths::studio_dashboard(id)), "checked-in").await
        }
        .await,
    )
}
