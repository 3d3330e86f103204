//! Offering help against a campaign's need (signed in), and one's own offers.

use crate::domain::{HelpOfferForm, MyOffer, OfferPage};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
mod server {
    pub use crate::backend::db::help;
    pub use crate::backend::{auth, state, with_status};
    pub use crate::error::AppError;
    pub use crate::paths;
}

/// The offer page of a need (signed-in people: the offer carries their name and address).
#[server(endpoint = "help/page")]
pub async fn load_offer_page(slug: String, need: i64) -> Result<OfferPage, AppError> {
    use server::*;
    with_status(
        async move {
            auth::require_user().await?;
            help::offer_page(&mut *state()?.pool.acquire().await?, &slug, need).await
        }
        .await,
    )
}

/// Offers help; then one's offers, where the new one shows.
#[server(endpoint = "help/offer")]
pub async fn offer_help(slug: String, need: i64, form: HelpOfferForm) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let parsed = form.parse().map_err(|(field, key)| AppError::invalid(field, key));
            let me = auth::require_user().await?;
            let offer = crate::backend::help::offer(&state()?, &slug, need, me.id, &parsed?).await?;
            leptos_axum::redirect(&paths::done(&format!("{}#offer-{offer}", paths::MY_HELP), "offered"));
            Ok(())
        }
        .await,
    )
}

#[server(endpoint = "help/mine")]
pub async fn my_offers() -> Result<Vec<MyOffer>, AppError> {
    use server::*;
    with_status(
        async move {
            let me = auth::require_user().await?;
            help::my_offers(&mut *state()?.pool.acquire().await?, me.id).await
        }
        .await,
    )
}

#[server(endpoint = "help/withdraw")]
pub async fn withdraw_offer(offer: i64) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let me = auth::require_user().await?;
            crate::backend::help::withdraw(&state()?, offer, me.id).await?;
            leptos_axum::redirect(&paths::done(paths::MY_HELP, "withdrawn"));
            Ok(())
        }
        .await,
    )
}
