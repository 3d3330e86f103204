//! Server-only code: database queries, Markdown rendering, and (later) sessions, payments, jobs
//! and email. Named `backend` so it is not confused with the `server/` crate, which is only the
//! HTTP shell around it.

pub mod db;
pub mod markdown;

use crate::error::AppError;
use leptos::prelude::use_context;
use sqlx::PgPool;

/// Shared state of the server: the axum router's state, also provided to every server function
/// through the Leptos context.
#[derive(Clone, Debug, axum::extract::FromRef)]
pub struct AppState {
    pub pool: PgPool,
    pub leptos_options: leptos::config::LeptosOptions,
    /// Add `Secure` to cookies (served over HTTPS).
    pub secure_cookies: bool,
}

/// The state provided by the server for this request.
pub fn state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from the Leptos context");
        AppError::Internal
    })
}
