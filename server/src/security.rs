//! Request and response guards every route gets: cross-site requests refused for anything that
//! changes state, and security headers on every response.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Paths that receive POSTs from other sites on purpose (signed Stripe webhooks).
const CROSS_SITE_ALLOWED: &[&str] = &["/webhooks/"];

/// Refuses state-changing requests (anything but GET, HEAD, OPTIONS) that a browser sent from
/// another site. Browsers send `Sec-Fetch-Site` or `Origin` with every such request; with
/// `SameSite=Lax` session cookies this is the OWASP "fetch metadata + origin" defence, which
/// needs no per-form token. A request carrying neither header is not from a browser and
/// carries no ambient cookie, but it is refused too: nothing of ours needs it.
pub async fn refuse_cross_site(request: Request, next: Next) -> Response {
    let safe = matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let exempt = CROSS_SITE_ALLOWED.iter().any(|p| request.uri().path().starts_with(p));
    if safe || exempt || is_same_origin(request.headers()) {
        next.run(request).await
    } else {
        tracing::warn!(path = %request.uri().path(), "cross-site request refused");
        (StatusCode::FORBIDDEN, "cross-site request refused").into_response()
    }
}

fn is_same_origin(headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site") {
        // "none": typed in the address bar or a bookmark
        return site == "same-origin" || site == "none";
    }
    let (Some(origin), Some(host)) = (headers.get(header::ORIGIN), headers.get(header::HOST)) else {
        return false;
    };
    let (Ok(origin), Ok(host)) = (origin.to_str(), host.to_str()) else { return false };
    origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"))
        .is_some_and(|authority| authority == host)
}

/// Whether the site is served over HTTPS (adds HSTS).
#[derive(Clone, Copy)]
pub struct Https(pub bool);

/// Security headers on every response. Pages set their own Content-Security-Policy (with the
/// nonce of their inline scripts); every other response gets a policy that allows nothing.
pub async fn security_headers(State(https): State<Https>, request: Request, next: Next) -> Response<Body> {
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    h.entry(header::CONTENT_SECURITY_POLICY)
        .or_insert(HeaderValue::from_static("default-src 'none'; frame-ancestors 'none'; base-uri 'none'"));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("strict-origin-when-cross-origin"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert("cross-origin-opener-policy", HeaderValue::from_static("same-origin"));
    h.insert("permissions-policy", HeaderValue::from_static("camera=(), microphone=(), geolocation=()"));
    if https.0 {
        h.insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=31536000; includeSubDomains"));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::is_same_origin;
    use axum::http::{HeaderMap, HeaderValue};

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        pairs.iter().map(|(k, v)| (k.parse().unwrap(), HeaderValue::from_static(v))).collect()
    }

    #[test]
    fn fetch_metadata_decides_first() {
        assert!(is_same_origin(&headers(&[("sec-fetch-site", "same-origin")])));
        assert!(is_same_origin(&headers(&[("sec-fetch-site", "none")])));
        assert!(!is_same_origin(&headers(&[("sec-fetch-site", "cross-site"), ("origin", "http://a"), ("host", "a")])));
        assert!(!is_same_origin(&headers(&[("sec-fetch-site", "same-site")])));
    }

    #[test]
    fn otherwise_origin_must_match_host() {
        assert!(is_same_origin(&headers(&[("origin", "http://127.0.0.1:3000"), ("host", "127.0.0.1:3000")])));
        assert!(is_same_origin(&headers(&[("origin", "https://trame.ch"), ("host", "trame.ch")])));
        assert!(!is_same_origin(&headers(&[("origin", "https://evil.example"), ("host", "trame.ch")])));
        assert!(!is_same_origin(&headers(&[("origin", "null"), ("host", "trame.ch")])));
        assert!(!is_same_origin(&headers(&[("host", "trame.ch")])), "no browser header at all");
    }
}
