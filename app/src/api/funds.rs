//! Match funds: a financial partner offers one (or withdraws the offer), the campaign's owners
//! accept or decline it, the partner saves a card for it. The partner's pages read their funds
//! with their partnerships (`partners/mine`), the owners' with their partners (`studio/partners`).

use crate::domain::{FundCardPage, FundForm};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
mod server {
    pub use crate::backend::db::funds;
    pub use crate::backend::payments::FundCardStep;
    pub use crate::backend::{auth, funds as fund_work, state, with_status};
    pub use crate::domain::{CampaignId, MemberRole};
    pub use crate::paths;

    /// The partner's page again, at the partnership.
    pub fn my_partnership(partner: i64, done: &str) -> String {
        paths::done(&format!("{}#partner-{partner}", paths::MY_PARTNERS), done)
    }
}

/// A partner offers a match fund to the campaign of their (approved, financial) partnership.
#[server(endpoint = "funds/offer")]
pub async fn offer_fund(partner: i64, form: FundForm) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let terms = form.parse().map_err(|(field, key)| AppError::invalid(field, key));
            let me = auth::require_user().await?;
            fund_work::offer(&state()?, me.id, partner, &terms?).await?;
            leptos_axum::redirect(&my_partnership(partner, "fund_offered"));
            Ok(())
        }
        .await,
    )
}

/// The partner takes back an offer not yet decided.
#[server(endpoint = "funds/withdraw")]
pub async fn withdraw_fund(partner: i64, fund: i64) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let me = auth::require_user().await?;
            fund_work::withdraw(&state()?, me.id, fund).await?;
            leptos_axum::redirect(&my_partnership(partner, "fund_withdrawn"));
            Ok(())
        }
        .await,
    )
}

/// The campaign's owners accept (`accept`) or decline with a reason a fund offered to it.
#[server(endpoint = "studio/fund/decide")]
pub async fn decide_fund(
    campaign: i64,
    fund: i64,
    accept: bool,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let id = CampaignId(campaign);
            auth::require_member(id, MemberRole::Owner).await?;
            fund_work::decide(&state()?, id, fund, accept, &reason).await?;
            let page = format!("{}#fund-{fund}", paths::studio_partners(id));
            leptos_axum::redirect(&paths::done(&page, "fund_decided"));
            Ok(())
        }
        .await,
    )
}

/// The fund's card page: Stripe.js's SetupIntent, or the card saved.
#[server(endpoint = "funds/card")]
pub async fn load_fund_card(fund: i64) -> Result<FundCardPage, AppError> {
    use server::*;
    with_status(
        async move {
            let me = auth::require_user().await?;
            let state = state()?;
            let view = funds::list(&mut *state.pool.acquire().await?, funds::Funds::OfUser(me.id))
                .await?
                .into_iter()
                .find(|f| f.id == fund)
                .ok_or(AppError::NotFound)?;
            let client_secret = match state.payments().fund_card(fund, me.id).await? {
                FundCardStep::SaveCard { client_secret } => Some(client_secret),
                FundCardStep::Saved => None,
            };
            Ok(FundCardPage {
                fund: view,
                client_secret,
                publishable_key: state.stripe.publishable_key.clone(),
                stripe_js_url: state.stripe.js_url.clone(),
            })
        }
        .await,
    )
}

/// Stripe.js saved the card: Trame asks Stripe, and an accepted fund starts matching.
#[server(endpoint = "funds/card_saved")]
pub async fn fund_card_saved(fund: i64) -> Result<bool, AppError> {
    use server::*;
    with_status(
        async move {
            let me = auth::require_user().await?;
            state()?.payments().fund_card_confirmed(fund, me.id).await
        }
        .await,
    )
}
