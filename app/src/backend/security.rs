//! The pages' Content-Security-Policy: scripts only from this site, carrying this response's
//! nonce or with a known hash (the islands' loader, the same on every page, so that a cached
//! page needs no nonce), WebAssembly allowed (`'wasm-unsafe-eval'`), no framing, forms only to us.

use leptos::nonce::{provide_nonce, use_nonce};
use leptos::prelude::use_context;

/// The policy for a page whose inline scripts carry `nonce` or have one of `hashes` (`sha256-…`).
/// `stripe` are the origins of Stripe.js and Stripe's API: the card form loads from, talks to
/// and frames them.
pub fn content_security_policy(nonce: &str, hashes: &[String], stripe: &[String]) -> String {
    let stripe = stripe.join(" ");
    let hashes: String = hashes.iter().map(|h| format!(" '{h}'")).collect();
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}'{hashes} 'wasm-unsafe-eval' {stripe}; style-src 'self'; \
         img-src 'self' data:; connect-src 'self' {stripe}; frame-src {stripe} https://hooks.stripe.com; \
         font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// Whether a request asks for a page (`Accept: text/html`): a browser following a link or posting
/// a plain form, which must get a page or a redirect, never JSON.
pub fn accepts_html(headers: &axum::http::HeaderMap) -> bool {
    headers.get(axum::http::header::ACCEPT).and_then(|v| v.to_str().ok()).is_some_and(|v| v.contains("text/html"))
}

/// The same policy without its nonce (for a page sent to many: only hashed scripts run).
pub fn without_nonce(policy: &str) -> String {
    policy.split(' ').filter(|token| !token.starts_with("'nonce-")).collect::<Vec<_>>().join(" ")
}

/// `sha256-…` of an inline script's text, for `script-src`.
pub fn script_hash(script: &str) -> String {
    use base64::Engine;
    use sha2::Digest;
    format!("sha256-{}", base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(script.as_bytes())))
}

/// `https://js.stripe.com` from `https://js.stripe.com/v3/`.
pub fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let host = rest.split(['/', '?', '#']).next().filter(|h| !h.is_empty())?;
    Some(format!("{scheme}://{host}"))
}

/// Generates this response's nonce (Leptos puts it on its own scripts) and sets the header.
pub fn provide_content_security_policy() {
    provide_nonce();
    let (Some(nonce), Some(response)) = (use_nonce(), use_context::<leptos_axum::ResponseOptions>()) else {
        return;
    };
    let state = use_context::<super::AppState>();
    // the loader is the same on every page of the process: hashed once
    static LOADER_HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let hashes: Vec<String> = state
        .iter()
        .map(|state| {
            LOADER_HASH
                .get_or_init(|| script_hash(crate::components::islands::island_loader(&state.leptos_options)))
                .clone()
        })
        .collect();
    let stripe: Vec<String> = state
        .map(|state| {
            let mut origins: Vec<String> =
                [&state.stripe.js_url, &state.stripe.api_url].into_iter().filter_map(|u| origin_of(u)).collect();
            origins.dedup();
            origins
        })
        .unwrap_or_default();
    if let Ok(value) = axum::http::HeaderValue::from_str(&content_security_policy(&nonce, &hashes, &stripe)) {
        response.insert_header(axum::http::header::CONTENT_SECURITY_POLICY, value);
    }
}

/// `next` when it is a path on this site (`/x`), not `//other.site` or `/\other.site`.
pub fn local_path(next: &str) -> Option<&str> {
    let ok = next.starts_with('/')
        && !next.starts_with("//")
        && !next.starts_with("/\\")
        && !next.chars().any(|c| c.is_control());
    ok.then_some(next)
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn origins_of_urls() {
        assert_eq!(super::origin_of("https://js.stripe.com/v3/").as_deref(), Some("https://js.stripe.com"));
        assert_eq!(
            super::origin_of("http://127.0.0.1:8420/js.stripe.com/v3/").as_deref(),
            Some("http://127.0.0.1:8420")
        );
        assert_eq!(super::origin_of("nonsense"), None);
    }

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(local_path("/campaigns/fil-rouge?kind=workshop"), Some("/campaigns/fil-rouge?kind=workshop"));
        assert_eq!(local_path("/"), Some("/"));
        for bad in ["", "https://evil.example", "//evil.example", "/\\evil.example", "evil", "/a\r\nSet-Cookie: x=1"] {
            assert_eq!(local_path(bad), None, "{bad:?}");
        }
    }
}
