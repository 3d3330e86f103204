//! The pages' Content-Security-Policy: scripts only from this site or carrying this response's
//! nonce, WebAssembly allowed (`'wasm-unsafe-eval'`), no framing, forms only to us.

use leptos::nonce::{provide_nonce, use_nonce};
use leptos::prelude::use_context;

/// The policy for a page whose inline scripts carry `nonce`.
pub fn content_security_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; \
         form-action 'self'; frame-ancestors 'none'"
    )
}

/// Generates this response's nonce (Leptos puts it on its own scripts) and sets the header.
pub fn provide_content_security_policy() {
    provide_nonce();
    let (Some(nonce), Some(response)) = (use_nonce(), use_context::<leptos_axum::ResponseOptions>()) else {
        return;
    };
    if let Ok(value) = axum::http::HeaderValue::from_str(&content_security_policy(&nonce)) {
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
    fn only_local_paths_are_followed() {
        assert_eq!(local_path("/campaigns/fil-rouge?kind=workshop"), Some("/campaigns/fil-rouge?kind=workshop"));
        assert_eq!(local_path("/"), Some("/"));
        for bad in ["", "https://evil.example", "//evil.example", "/\\evil.example", "evil", "/a\r\nSet-Cookie: x=1"] {
            assert_eq!(local_path(bad), None, "{bad:?}");
        }
    }
}
