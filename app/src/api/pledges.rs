//! Pledging: the form, creating and changing a pledge, the pay page, the backer's list, the
//! campaign team's cancel. Thin adapters over `backend::db::pledges` and `backend::payments`.

use crate::domain::views::{PayPage, PledgeFormPage, PledgeView, Settlement};
use crate::domain::PledgeForm;
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
mod server {
    pub use crate::backend::auth::{self, MemberRole};
    pub use crate::backend::db::{campaigns, pledges};
    pub use crate::backend::payments::Next;
    pub use crate::backend::{state, with_status};
    pub use crate::error::AppError;
    pub use crate::i18n::Key;

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
            let mut db = state.pool.acquire().await?;
            let page = campaigns::campaign_page(&mut db, &slug).await?;
            let editing = match (edit, &user) {
                (Some(id), Some(user)) => Some(pledges::view(&mut db, id, user.id).await?),
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
/// account), then sends the browser to the pay page.
#[server(endpoint = "pledges/create")]
pub async fn create_pledge(
    slug: String,
    key: String,
    form: PledgeForm,
    #[server(default)] account: Option<String>,
    #[server(default)] email: Option<String>,
    #[server(default)] display_name: Option<String>,
    #[server(default)] password: Option<String>,
) -> Result<i64, AppError> {
    use server::*;
    with_status(
        async move {
            let state = state()?;
            let choice = parse(&form)?;
            if key.len() < 8 || key.len() > 100 {
                return Err(AppError::Validation { field: "key".into(), message: Key::InvalidInputText });
            }
            let user = match auth::maybe_user().await? {
                Some(user) => user.id,
                None => {
                    let email = email.unwrap_or_default();
                    let password = password.unwrap_or_default();
                    match account.as_deref() {
                        Some("signup") => {
                            crate::api::auth::server::register(
                                &state,
                                &email,
                                &display_name.unwrap_or_default(),
                                &password,
                            )
                            .await?
                        }
                        Some("signin") => crate::api::auth::server::authenticate(&state, &email, password).await?,
                        _ => return Err(AppError::Unauthorized),
                    }
                }
            };
            let campaign = campaigns::id_by_slug(&mut *state.pool.acquire().await?, &slug).await?;
            let id = create(&state, user, campaign, &choice, &key).await?;
            leptos_axum::redirect(&format!("/pledges/{id}/pay"));
            Ok(id)
        }
        .await,
    )
}

/// Creates the pledge and queues the release of its hold; a replayed key returns the first pledge.
#[cfg(feature = "ssr")]
pub async fn create(
    state: &crate::backend::AppState,
    user: crate::domain::UserId,
    campaign: crate::domain::CampaignId,
    choice: &crate::domain::PledgeChoice,
    key: &str,
) -> Result<i64, AppError> {
    use crate::backend::db::pledges::{self, Created, HOLD_MINUTES};
    use crate::backend::jobs::Task;
    for _ in 0..3 {
        let mut tx = state.pool.begin().await?;
        match pledges::create(&mut tx, user, campaign, choice, key).await? {
            Created::New(id) => {
                state
                    .jobs
                    .enqueue_after(
                        &mut tx,
                        &Task::ReleaseHold { pledge_id: id },
                        chrono::Duration::minutes(HOLD_MINUTES.into()),
                    )
                    .await?;
                tx.commit().await?;
                return Ok(id);
            }
            Created::Existing(id) => return Ok(id),
            // another request with the same key is committing: ours rolls back, then reads it
            Created::Racing => tx.rollback().await?,
        }
    }
    Err(AppError::Internal)
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
            let mut tx = state.pool.begin().await?;
            pledges::change(&mut tx, pledge, user.id, &choice).await?;
            state.payments().email_changed(&mut tx, pledge).await?;
            tx.commit().await?;
            leptos_axum::redirect("/me/pledges");
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
            state.payments().cancel_pledge(pledge, user.id).await?;
            leptos_axum::redirect("/me/pledges");
            Ok(())
        }
        .await,
    )
}

/// The pay page: the pledge's summary and what Stripe.js must do next.
#[server(endpoint = "pledges/pay")]
pub async fn load_pay_page(pledge: i64) -> Result<PayPage, AppError> {
    use server::*;
    with_status(
        async move {
            let state = state()?;
            let user = auth::require_user().await?;
            // the owner check comes before any call to Stripe
            pledges::check_backer(&mut *state.pool.acquire().await?, pledge, user.id).await?;
            let next = state.payments().next_step(pledge).await?;
            let view = pledges::view(&mut *state.pool.acquire().await?, pledge, user.id).await?;
            let (mode, client_secret) = match next {
                Next::SaveCard { client_secret } => ("setup", client_secret),
                Next::Authenticate { client_secret } => ("authenticate", client_secret),
                Next::Done => ("done", String::new()),
            };
            Ok(PayPage {
                pledge: view,
                mode: mode.to_owned(),
                client_secret,
                publishable_key: state.stripe.publishable_key.clone(),
                stripe_js_url: state.stripe.js_url.clone(),
                server_now: chrono::Utc::now(),
            })
        }
        .await,
    )
}

/// The return page after Stripe.js: asks Stripe (never the browser) what happened, applies
/// it, and returns the pledge.
#[server(endpoint = "pledges/status")]
pub async fn pledge_status(pledge: i64) -> Result<PledgeView, AppError> {
    use server::*;
    with_status(
        async move {
            let state = state()?;
            let user = auth::require_user().await?;
            pledges::check_backer(&mut *state.pool.acquire().await?, pledge, user.id).await?;
            // re-reads the latest intents and applies them (a saved card charges a flexible pledge)
            state.payments().next_step(pledge).await?;
            pledges::view(&mut *state.pool.acquire().await?, pledge, user.id).await
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
            state.payments().cancel_campaign(campaign.0).await?;
            leptos_axum::redirect(&format!("/campaigns/{slug}"));
            Ok(())
        }
        .await,
    )
}
