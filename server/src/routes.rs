//! The router: Leptos pages and server functions, plus a few plain axum routes.

use crate::assets;
use crate::live::{self, Live};
use crate::overload::{self, Budgets};
use crate::security::{self, Https};
use app::backend::security::local_path;
use app::backend::AppState;
use app::domain::Locale;
use app::i18n::language_cookie;
use axum::extract::{Form, Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{middleware, Json, Router};
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use serde::Deserialize;
use std::time::Duration;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::trace::TraceLayer;
use tower_sessions::{Session, SessionManagerLayer};
use tower_sessions_sqlx_store::PostgresStore;

/// Largest request body accepted (forms and server-function calls are small).
const BODY_LIMIT: usize = 64 * 1024;

pub fn router(
    state: AppState,
    sessions: SessionManagerLayer<PostgresStore>,
    https: bool,
    budgets: Budgets,
    live: Live,
) -> Router {
    let routes = app_routes();
    let options = state.leptos_options.clone();
    let pkg_dir = std::path::Path::new(options.site_root.as_ref()).join(options.site_pkg_dir.as_ref());
    let media = state.settings.media_dir.clone();
    Router::new()
        .route("/health", get(health))
        .route("/api/clock", get(clock))
        .route("/lang", post(set_language))
        .route("/webhooks/stripe", post(app::backend::webhooks::stripe_webhook))
        .route("/studio/campaigns/{id}/backers.csv", get(backers_csv))
        .route("/pledges/{id}/calendar.ics", get(pledge_calendar))
        .merge(assets::router(&state.leptos_options.site_pkg_dir, &pkg_dir))
        .merge(assets::media_router(&media))
        .merge(live::events::router(live.clone(), state.pool.clone()))
        .leptos_routes(&state, routes, move || app::shell(options.clone()))
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(app::shell))
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT))
        // uploads only: a body of up to a picture's size (every other request stays small)
        .merge(crate::uploads::router())
        .layer(sessions)
        // outside the session layer: a cached page costs no session lookup
        .layer(middleware::from_fn_with_state(live, live::cache::serve))
        .layer(middleware::from_fn(security::refuse_cross_site))
        .layer(middleware::from_fn_with_state(Https(https), security::security_headers))
        // before the session store: a shed request costs no database query
        .layer(middleware::from_fn_with_state(budgets, overload::shed))
        .layer(TraceLayer::new_for_http())
        // pages and calls go out compressed when the browser accepts it (not event streams, nor
        // what is compressed already: cached pages, the precompressed assets)
        .layer(middleware::from_fn(crate::compress::compress))
        // outermost: no request meets a reactive owner another one left on its thread
        .layer(crate::isolate::IsolateLayer)
        .with_state(state)
}

/// The app's routes, found once per process. Leptos finds them by rendering the app with a
/// process-wide flag set that keeps every resource from loading (leptos_server's
/// `SuppressResourceLoad`): a page another server of the same process renders at that moment
/// would wait forever for its data. Found once, before any server of the process serves, no
/// page ever meets the flag (the HTTP tests start many servers in one process).
fn app_routes() -> Vec<AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<AxumRouteListing>> = std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(app::App)).clone()
}

/// 200 when the database answers within two seconds, 503 otherwise (for load balancers).
async fn health(State(state): State<AppState>) -> Response {
    let ping = sqlx::query_scalar!(r#"select 1 as "one!""#).fetch_one(&state.pool);
    match tokio::time::timeout(Duration::from_secs(2), ping).await {
        Ok(Ok(_)) => (StatusCode::OK, Json(serde_json::json!({ "status": "ok", "database": "ok" }))).into_response(),
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "health check: database error");
            unavailable()
        }
        Err(_) => {
            tracing::warn!("health check: database timed out");
            unavailable()
        }
    }
}

/// The server's clock in milliseconds since the Unix epoch, as a plain number: countdowns run
/// on it, so a visitor whose own clock is wrong still sees the true time left.
async fn clock() -> Response {
    let now = chrono::Utc::now().timestamp_millis();
    ([(header::CACHE_CONTROL, "no-store"), (header::CONTENT_TYPE, "text/plain")], now.to_string()).into_response()
}

fn unavailable() -> Response {
    (StatusCode::SERVICE_UNAVAILABLE, Json(serde_json::json!({ "status": "unavailable", "database": "unreachable" })))
        .into_response()
}

#[derive(Deserialize)]
pub struct LanguageChoice {
    lang: String,
    #[serde(default)]
    next: String,
}

/// The language switch: remembers the choice for a year and returns to the page (our own paths
/// only, never another site).
async fn set_language(State(state): State<AppState>, Form(choice): Form<LanguageChoice>) -> Response {
    let Some(locale) = Locale::from_tag(&choice.lang) else {
        return (StatusCode::BAD_REQUEST, "unknown language").into_response();
    };
    let cookie = language_cookie(locale, state.secure_cookies);
    let next = local_path(&choice.next).unwrap_or("/").to_owned();
    (StatusCode::SEE_OTHER, [(header::LOCATION, next), (header::SET_COOKIE, cookie)]).into_response()
}

/// A file answered as a download, or the error in the reader's language.
fn download(result: Result<(String, Vec<u8>), app::error::AppError>, kind: &str, i18n: app::i18n::I18n) -> Response {
    match result {
        Ok((name, bytes)) => (
            [
                (header::CONTENT_TYPE, kind.to_owned()),
                (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")),
                (header::CACHE_CONTROL, "private, no-store".to_owned()),
            ],
            bytes,
        )
            .into_response(),
        Err(e) => {
            let status = StatusCode::from_u16(e.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            (status, i18n.t(e.message())).into_response()
        }
    }
}

/// The backers export of a campaign (CSV download), for its owners and admins; anyone else gets
/// the error, in their language, and no data.
async fn backers_csv(
    State(state): State<AppState>,
    session: Session,
    Path(campaign): Path<i64>,
    headers: axum::http::HeaderMap,
) -> Response {
    let i18n = app::i18n::I18n { locale: app::i18n::locale_from_headers(&headers) };
    let csv = app::backend::export::for_owner(&state, &session, app::domain::CampaignId(campaign), i18n).await;
    download(csv, "text/csv; charset=utf-8", i18n)
}

/// The calendar file of a pledge's time slot, for its backer.
async fn pledge_calendar(
    State(state): State<AppState>,
    session: Session,
    Path(pledge): Path<i64>,
    headers: axum::http::HeaderMap,
) -> Response {
    let i18n = app::i18n::I18n { locale: app::i18n::locale_from_headers(&headers) };
    let ics = app::backend::tickets::calendar_for_backer(&state, &session, app::domain::PledgeId(pledge)).await;
    download(ics.map(|(name, text)| (name, text.into_bytes())), "text/calendar; charset=utf-8", i18n)
}
