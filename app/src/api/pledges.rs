//! Pledging: the form, creating and changing a pledge, the pay page, the backer's list, the
//! campaign team's cancel. Thin adapters over `backend::db::pledges` and `backend::payments`.
//! Loading a page only reads; anything that calls Stripe or changes a pledge is a POST.

use crate::domain::views::{PayPage, PledgeFormPage, PledgeView, Settlement};
use crate::domain::{NewPledgeForm, PledgeForm};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
mod server {
    pub use crate::backend::auth;
    pub use crate::backend::db::{campaigns, pledges};
    pub use crate::backend::limits::{Account, Action};
    pub use crate::backend::payments::pay_step;
    pub use crate::backend::{state, with_status};
    pub use crate::domain::MemberRole;
    pub use crate::domain::PledgeId;
    pub use crate::error::AppError;
    pub use crate::paths;

    /// A random key for the pledge form (a double submit sends the same one).
    pub fn new_key() -> String {
        use base64::Engine;
        let bytes: [u8; 18] = rand::random();
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
    }

    pub fn parse(form: &crate::domain::PledgeForm) -> Result<crate::domain::PledgeChoice, AppError> {
        form.parse().map_err(|(field, message)| AppError::Validation { field: field.to_owned(), message })
    }
}

/// The pledge form of a campaign; `edit` loads one of the backer's pledges to change it.
#[server(endpoint = "pledges/form")]
pub async fn load_pledge_form(slug: String, edit: Option<i64>) -> Result<PledgeFormPage, AppError> {
    use server::*;
    with_status(
        async move {
            let state = state()?;
            let user = auth::maybe_user().await?;
            let page = state.campaign_pages.get(&state.pool, &slug, crate::i18n::request_locale()).await?;
            let mut db = state.pool.acquire().await?;
            let editing = match (edit, &user) {
                (Some(id), Some(user)) => Some(pledges::view(&mut db, PledgeId(id), user.id).await?),
                (Some(_), None) => return Err(AppError::Unauthorized),
                (None, _) => None,
            };
            Ok(PledgeFormPage {
                campaign: page.campaign,
                rewards: page.rewards,
                user,
                idempotency_key: new_key(),
                editing,
                server_now: chrono::Utc::now(),
            })
        }
        .await,
    )
}

/// Creates a pending pledge (signing the backer up or in first when the form carries an
/// account) and prepares its payment, then sends the browser to the pay page.
#[server(endpoint = "pledges/create")]
pub async fn create_pledge(pledge: NewPledgeForm) -> Result<i64, AppError> {
    use server::*;
    with_status(
        async move {
            let state = state()?;
            let NewPledgeForm { slug, key, form, account, email, display_name, password } = pledge;
            let choice = parse(&form)?;
            let user = match auth::maybe_user().await? {
                Some(user) => user.id,
                None => {
                    let email = email.unwrap_or_default();
                    let password = password.unwrap_or_default();
                    match account.as_deref() {
                        Some("signup") => {
                            let name = display_name.unwrap_or_default();
                            crate::backend::accounts::register(&state, &email, &name, &password).await?
                        }
                        Some("signin") => crate::backend::accounts::authenticate(&state, &email, password).await?,
                        _ => return Err(AppError::Unauthorized),
                    }
                }
            };
            crate::backend::accounts::check_limit(&state, Action::Pledge, Some(Account::User(user))).await?;
            let campaign = campaigns::id_by_slug(&mut *state.pool.acquire().await?, &slug).await?;
            let id = state.payments().create_pledge(user, campaign, &choice, &key).await?;
            leptos_axum::redirect(&paths::pay(id));
            Ok(id.0)
        }
        .await,
    )
}

/// Changes the reward or amount of a pledge before the deadline.
#[server(endpoint = "pledges/change")]
pub async fn change_pledge(pledge: i64, form: PledgeForm) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let state = state()?;
            let user = auth::require_user().await?;
            let choice = parse(&form)?;
            state.payments().change_pledge(PledgeId(pledge), user.id, &choice).await?;
            leptos_axum::redirect(paths::MY_PLEDGES);
            Ok(())
        }
        .await,
    )
}

/// Withdraws a pledge before the deadline; its unit goes back at once.
#[server(endpoint = "pledges/cancel")]
pub async fn cancel_pledge(pledge: i64) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let state = state()?;
            let user = auth::require_user().await?;
            state.payments().cancel_pledge(PledgeId(pledge), user.id).await?;
            leptos_axum::redirect(paths::MY_PLEDGES);
            Ok(())
        }
        .await,
    )
}

/// The pay page: the pledge's summary and what Stripe.js must do next, from our records only.
#[server(endpoint = "pledges/pay")]
pub async fn load_pay_page(pledge: i64) -> Result<PayPage, AppError> {
    use server::*;
    with_status(
        async move {
            let state = state()?;
            let user = auth::require_user().await?;
            let pledge = PledgeId(pledge);
            let mut db = state.pool.acquire().await?;
            let view = pledges::view(&mut db, pledge, user.id).await?;
            let step = pay_step(&mut db, pledge).await?;
            Ok(PayPage {
                pledge: view,
                step,
                publishable_key: state.stripe.publishable_key.clone(),
                stripe_js_url: state.stripe.js_url.clone(),
                server_now: chrono::Utc::now(),
            })
        }
        .await,
    )
}

/// The pay page's button when nothing is ready at Stripe (a new card after a refused one, a
/// Stripe outage at pledge time): prepares the payment, then back to the pay page.
#[server(endpoint = "pledges/prepare")]
pub async fn prepare_payment(pledge: i64) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let state = state()?;
            let user = auth::require_user().await?;
            let pledge = PledgeId(pledge);
            // the owner check comes before any call to Stripe
            pledges::check_backer(&mut *state.pool.acquire().await?, pledge, user.id).await?;
            state.payments().prepare(pledge).await?;
            leptos_axum::redirect(&paths::pay(pledge));
            Ok(())
        }
        .await,
    )
}

/// Called by the pay page once Stripe.js is done: asks Stripe (never the browser) what
/// happened, applies it, and returns the pledge.
#[server(endpoint = "pledges/confirm")]
pub async fn confirm_payment(pledge: i64) -> Result<PledgeView, AppError> {
    use server::*;
    with_status(
        async move {
            let state = state()?;
            let user = auth::require_user().await?;
            let pledge = PledgeId(pledge);
            pledges::check_backer(&mut *state.pool.acquire().await?, pledge, user.id).await?;
            state.payments().sync(pledge).await?;
            pledges::view(&mut *state.pool.acquire().await?, pledge, user.id).await
        }
        .await,
    )
}

/// One of the signed-in backer's pledges, as recorded (the result and receipt pages).
#[server(endpoint = "pledges/one")]
pub async fn load_pledge(pledge: i64) -> Result<PledgeView, AppError> {
    use server::*;
    with_status(
        async move {
            let state = state()?;
            let user = auth::require_user().await?;
            let mut view = pledges::view(&mut *state.pool.acquire().await?, PledgeId(pledge), user.id).await?;
            if let (true, Some(token)) = (view.has_ticket(), &view.checkin_token) {
                let link = state.settings.links.absolute(&paths::check_in(token));
                view.checkin_qr = Some(crate::backend::tickets::qr_svg(&link)?);
            }
            Ok(view)
        }
        .await,
    )
}

/// The signed-in backer's pledges.
#[server(endpoint = "pledges/mine")]
pub async fn my_pledges() -> Result<Vec<PledgeView>, AppError> {
    use server::*;
    with_status(
        async move {
            let state = state()?;
            let user = auth::require_user().await?;
            pledges::of_backer(&mut *state.pool.acquire().await?, user.id).await
        }
        .await,
    )
}

/// Collected, awaiting and dropped money of a campaign (its team and admins).
#[server(endpoint = "campaigns/settlement")]
pub async fn campaign_settlement(slug: String) -> Result<Option<Settlement>, AppError> {
    use server::*;
    with_status(
        async move {
            let state = state()?;
            let campaign = campaigns::id_by_slug(&mut *state.pool.acquire().await?, &slug).await?;
            // the owner and admins only; anyone else sees nothing
            match auth::require_member(campaign, MemberRole::Owner).await {
                Ok(_) => {}
                Err(AppError::Unauthorized | AppError::Forbidden) => return Ok(None),
                Err(e) => return Err(e),
            }
            Ok(Some(pledges::settlement(&mut *state.pool.acquire().await?, campaign).await?))
        }
        .await,
    )
}

/// The owner or an admin cancels a live campaign: collected money is refunded, saved cards are
/// released, backers are told.
#[server(endpoint = "campaigns/cancel")]
pub async fn cancel_campaign(slug: String) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let state = state()?;
            let campaign = campaigns::id_by_slug(&mut *state.pool.acquire().await?, &slug).await?;
            auth::require_member(campaign, MemberRole::Owner).await?;
            state.payments().cancel_campaign(campaign).await?;
            leptos_axum::redirect(&paths::studio_dashboard(campaign));
            Ok(())
        }
        .await,
    )
}
