//! Server-only code: database queries, Markdown rendering, and (later) sessions, payments, jobs
//! and email. Named `backend` so it is not confused with the `server/` crate, which is only the
//! HTTP shell around it.

pub mod auth;
pub mod db;
pub mod email;
pub mod jobs;
pub mod limits;
pub mod markdown;
pub mod payments;
pub mod security;
pub mod stripe;
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
    pub jobs: Arc<jobs::Jobs>,
    pub stripe: Arc<stripe::Stripe>,
    pub limits: Arc<limits::RateLimits>,
}

impl AppState {
    /// The payment code, with what it needs from the state.
    pub fn payments(&self) -> payments::Payments<'_> {
        payments::Payments {
            pool: &self.pool,
            stripe: &self.stripe,
            jobs: &self.jobs,
            public_url: &self.settings.public_url,
        }
    }
}

/// Settings the server functions need, read from the configuration.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The site's address as people reach it, for links in emails (`https://trame.ch`).
    pub public_url: String,
    /// Accounts with admin rights, by email (lower case).
    pub admin_emails: Vec<String>,
    /// Use `X-Forwarded-For` for the client's address (only behind a trusted proxy).
    pub trust_proxy: bool,
}

/// Gives an error answer of a server function its HTTP status (they otherwise answer 500).
pub fn with_status<T>(result: Result<T, AppError>) -> Result<T, AppError> {
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
