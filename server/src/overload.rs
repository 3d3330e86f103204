//! Overload control: every request draws on a budget of requests in flight, and one that cannot
//! get a place is answered `503` with `Retry-After` at once instead of queueing behind the rush.
//! Pledging and paying have a budget of their own, so a flood of page views never makes a
//! pledge fail. A request that takes longer than the configured time is answered the same way
//! (a page) or with `AppError::Busy` (a server function, whose form shows the sentence).

use app::domain::Locale;
use app::error::AppError;
use app::i18n::{locale_from_headers, I18n, Key};
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;

/// Seconds a shed client is asked to wait before trying again.
const RETRY_AFTER_SECONDS: u64 = 1;

/// Paths of the money lane: pledge and payment server functions, the pledge form and the pay,
/// status and receipt pages, and Stripe's webhook.
const MONEY_PATHS: [&str; 3] = ["/api/pledges/", "/pledges/", "/webhooks/"];

/// The budgets of one server process, shared by all its connections.
#[derive(Clone)]
pub struct Budgets {
    inner: Arc<Inner>,
}

struct Inner {
    pages: Semaphore,
    money: Semaphore,
    page_timeout: Duration,
    /// Longer: a pledge may wait on Stripe, whose calls time out after 30 s.
    money_timeout: Duration,
}

/// Which budget a request draws on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lane {
    Money,
    Pages,
    /// Health checks and static files: cheap, never shed (still timed).
    Free,
}

fn lane(path: &str) -> Lane {
    let pledge_form = path.starts_with("/campaigns/") && path.ends_with("/pledge");
    if pledge_form || MONEY_PATHS.iter().any(|prefix| path.starts_with(prefix)) {
        Lane::Money
    } else if path == "/health" || path.starts_with("/pkg/") || is_event_stream(path) {
        Lane::Free
    } else {
        Lane::Pages
    }
}

/// `/campaigns/{slug}/live`: event streams have their own budget (`live::events`); the place
/// they would take here is given back as soon as the stream starts anyway.
fn is_event_stream(path: &str) -> bool {
    path.strip_prefix("/campaigns/").and_then(|rest| rest.strip_suffix("/live")).is_some_and(|slug| !slug.contains('/'))
}

impl Budgets {
    /// At most `pages` and `money` requests in flight, answered within their lane's timeout.
    pub fn new(pages: usize, money: usize, page_timeout: Duration, money_timeout: Duration) -> Budgets {
        let inner = Inner { pages: Semaphore::new(pages), money: Semaphore::new(money), page_timeout, money_timeout };
        Budgets { inner: Arc::new(inner) }
    }
}

/// The middleware: takes a place in the request's lane or sheds it, then times it.
pub async fn shed(State(budgets): State<Budgets>, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    // a server function called by a plain form (no JavaScript) gets a page, never JSON
    let api = path.starts_with("/api/") && !app::backend::security::accepts_html(request.headers());
    let locale = locale_from_headers(request.headers());
    let (semaphore, timeout) = match lane(&path) {
        Lane::Money => (Some(&budgets.inner.money), budgets.inner.money_timeout),
        Lane::Pages => (Some(&budgets.inner.pages), budgets.inner.page_timeout),
        Lane::Free => (None, budgets.inner.page_timeout),
    };
    let _place = match semaphore.map(Semaphore::try_acquire) {
        Some(Err(_)) => {
            tracing::warn!(path, "saturated: request shed");
            return busy(api, locale);
        }
        Some(Ok(place)) => Some(place),
        None => None,
    };
    match tokio::time::timeout(timeout, next.run(request)).await {
        Ok(response) => response,
        Err(_) => {
            tracing::warn!(path, "request timed out");
            busy(api, locale)
        }
    }
}

/// `503` with `Retry-After`: the error a server function's caller decodes, or a small page.
fn busy(api: bool, locale: Locale) -> Response {
    let mut response = if api {
        let body = serde_json::to_string(&AppError::Busy).unwrap_or_default();
        (StatusCode::SERVICE_UNAVAILABLE, [(header::CONTENT_TYPE, "application/json")], body).into_response()
    } else {
        let i18n = I18n { locale };
        let page = format!(
            "<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Trame</title></head>\
             <body><main><h1>Trame</h1><p>{text}</p></main></body></html>",
            lang = locale.code(),
            text = i18n.t(Key::BusyText),
        );
        (StatusCode::SERVICE_UNAVAILABLE, [(header::CONTENT_TYPE, "text/html; charset=utf-8")], page).into_response()
    };
    response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(RETRY_AFTER_SECONDS));
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use axum::routing::get;
    use axum::Router;
    use std::time::Instant;
    use tokio::sync::Notify;
    use tower::ServiceExt;

    #[test]
    fn lanes() {
        assert_eq!(lane("/api/pledges/create"), Lane::Money);
        assert_eq!(lane("/pledges/12/pay"), Lane::Money);
        assert_eq!(lane("/campaigns/fil-rouge/pledge"), Lane::Money);
        assert_eq!(lane("/webhooks/stripe"), Lane::Money);
        assert_eq!(lane("/campaigns/fil-rouge"), Lane::Pages);
        assert_eq!(lane("/api/auth/sign-in"), Lane::Pages);
        assert_eq!(lane("/"), Lane::Pages);
        assert_eq!(lane("/pkg/trame.wasm"), Lane::Free);
        assert_eq!(lane("/health"), Lane::Free);
        assert_eq!(lane("/campaigns/fil-rouge/live"), Lane::Free);
        assert_eq!(lane("/campaigns/fil-rouge/pledge"), Lane::Money);
    }

    /// A router whose `/slow` pages wait for `release`, behind the middleware.
    fn router(budgets: Budgets, release: Arc<Notify>) -> Router {
        let wait = move || {
            let release = release.clone();
            async move {
                release.notified().await;
                "done"
            }
        };
        Router::new()
            .route("/slow", get(wait.clone()))
            .route("/api/pledges/create", get(|| async { "pledged" }))
            .route("/api/slow", get(wait))
            .layer(axum::middleware::from_fn_with_state(budgets, shed))
    }

    fn get_request(path: &str) -> Request {
        Request::builder().uri(path).header("accept-language", "en").body(Body::empty()).unwrap()
    }

    #[tokio::test]
    async fn a_saturated_lane_sheds_at_once_while_pledges_go_through() {
        let release = Arc::new(Notify::new());
        let app = router(Budgets::new(2, 2, Duration::from_secs(30), Duration::from_secs(30)), release.clone());
        let held: Vec<_> = (0..2).map(|_| tokio::spawn(app.clone().oneshot(get_request("/slow")))).collect();
        tokio::task::yield_now().await;
        tokio::time::sleep(Duration::from_millis(50)).await;

        let started = Instant::now();
        let shed = app.clone().oneshot(get_request("/slow")).await.unwrap();
        assert!(started.elapsed() < Duration::from_millis(100), "shed within milliseconds");
        assert_eq!(shed.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(shed.headers()[header::RETRY_AFTER], "1");
        let body = axum::body::to_bytes(shed.into_body(), 10_000).await.unwrap();
        assert!(String::from_utf8_lossy(&body).contains("very busy"), "the page says why, in English");

        let pledge = app.clone().oneshot(get_request("/api/pledges/create")).await.unwrap();
        assert_eq!(pledge.status(), StatusCode::OK, "the money lane has its own budget");

        release.notify_waiters();
        for h in held {
            assert_eq!(h.await.unwrap().unwrap().status(), StatusCode::OK, "the requests in flight finish");
        }
        let again = app.oneshot(get_request("/api/pledges/create")).await.unwrap();
        assert_eq!(again.status(), StatusCode::OK);
    }

    #[tokio::test]
    async fn a_request_that_takes_too_long_is_answered_503() {
        let app =
            router(Budgets::new(8, 8, Duration::from_millis(100), Duration::from_millis(100)), Arc::new(Notify::new()));
        let page = app.clone().oneshot(get_request("/slow")).await.unwrap();
        assert_eq!(page.status(), StatusCode::SERVICE_UNAVAILABLE);
        let call = app.oneshot(get_request("/api/slow")).await.unwrap();
        assert_eq!(call.status(), StatusCode::SERVICE_UNAVAILABLE);
        let body = axum::body::to_bytes(call.into_body(), 10_000).await.unwrap();
        let error: AppError = serde_json::from_slice(&body).unwrap();
        assert_eq!(error, AppError::Busy, "a server function's caller gets an error it can show");
    }
}
