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
