//! Server-only code: database queries (`db/`), accounts and sessions, payments (`payments/`),
//! background jobs (`jobs/`), email, rate limits, Markdown rendering. Named `backend` so it is not confused with the `server/` crate, which is only the
//! HTTP shell around it.

pub mod accounts;
pub mod auth;
pub mod campaign_pages;
pub mod db;
pub mod designer_claims;
pub mod email;
pub mod export;
pub mod funds;
pub mod help;
pub mod jobs;
pub mod limits;
pub mod live;
pub mod markdown;
pub mod media;
pub mod partners;
pub mod payments;
pub mod review;
pub mod security;
pub mod stripe;
pub mod team;
pub mod tickets;
pub mod updates;
pub mod webhooks;

use crate::error::AppError;
use leptos::prelude::use_context;
use sqlx::PgPool;
use std::sync::Arc;

/// Shared state of the server: the axum router's state, also provided to every server function
/// through the Leptos context.
#[derive(Clone, axum::extract::FromRef)]
pub struct AppState {
    pub pool: PgPool,
    pub leptos_options: leptos::config::LeptosOptions,
    /// Add `Secure` to cookies (served over HTTPS).
    pub secure_cookies: bool,
    pub settings: Arc<Settings>,
    pub queue: Arc<jobs::Queue>,
    pub stripe: Arc<stripe::Stripe>,
    pub limits: Arc<limits::RateLimits>,
    /// The campaign pages' data, kept until a campaign changes.
    pub campaign_pages: Arc<campaign_pages::CampaignPages>,
}

impl AppState {
    /// The payment code, with what it needs from the state.
    pub fn payments(&self) -> payments::Payments<'_> {
        payments::Payments { pool: &self.pool, stripe: &self.stripe, queue: &self.queue, settings: &self.settings }
    }
}

/// Settings the server functions need, read from the configuration.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Absolute links for emails, from the site's address as people reach it.
    pub links: crate::paths::Links,
    /// Names this deployment in Stripe idempotency keys (`TRAME_DEPLOYMENT_ID`).
    pub deployment_id: String,
    /// Accounts with admin rights, by email (lower case).
    pub admin_emails: Vec<String>,
    /// Use `X-Forwarded-For` for the client's address (only behind a trusted proxy).
    pub trust_proxy: bool,
    /// Where uploaded pictures are written (`TRAME_MEDIA_DIR`), served under `/media/`.
    pub media_dir: std::path::PathBuf,
}

/// Gives an error answer of a server function its HTTP status (they otherwise answer 500). Not
/// for a plain form (a browser asking for HTML): Leptos answers it with a redirect back to the
/// form, the error in the address, which a browser follows only with a redirect status.
pub fn with_status<T>(result: Result<T, AppError>) -> Result<T, AppError> {
    let plain_form =
        use_context::<axum::http::request::Parts>().is_some_and(|parts| security::accepts_html(&parts.headers));
    if plain_form {
        return result;
    }
    if let Err(e) = &result {
        if let (Some(response), Ok(status)) =
            (use_context::<leptos_axum::ResponseOptions>(), axum::http::StatusCode::from_u16(e.status_code()))
        {
            response.set_status(status);
        }
    }
    result
}

/// The state provided by the server for this request.
pub fn state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from the Leptos context");
        AppError::Internal
    })
}
