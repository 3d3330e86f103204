//! The site's built assets (`/pkg/`: wasm, JavaScript, CSS). The build writes brotli and gzip
//! copies next to them (`server/scripts/precompress.mjs`), sent to browsers that accept them.
//! Names carrying a content hash (`trame.<hash>.wasm`, cargo-leptos `hash-files`) never change
//! content: browsers keep them a year without asking again. Any other name is revalidated
//! (`no-cache` + `Last-Modified`, answered `304`), so a new build is never hidden.

use axum::extract::Request;
use axum::http::{header, HeaderValue};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::Router;
use std::path::Path;
use tower_http::services::ServeDir;

const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// The router serving `dir` under `/{prefix}`.
pub fn router<S: Clone + Send + Sync + 'static>(prefix: &str, dir: &Path) -> Router<S> {
    remove_stale_copies(dir);
    let files = ServeDir::new(dir).precompressed_br().precompressed_gzip();
    Router::new().nest_service(&format!("/{prefix}"), files).layer(middleware::from_fn(cache_control))
}

/// Uploaded pictures under `/media/`: their names carry their content's hash, so browsers keep
/// them a year.
pub fn media_router<S: Clone + Send + Sync + 'static>(dir: &Path) -> Router<S> {
    Router::new().nest_service("/media", ServeDir::new(dir)).layer(middleware::from_fn(immutable))
}

async fn immutable(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    if response.status().is_success() {
        response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(IMMUTABLE));
    }
    response
}

async fn cache_control(request: Request, next: Next) -> Response {
    let hashed = is_hashed(request.uri().path());
    let mut response = next.run(request).await;
    if response.status().is_success() || response.status() == axum::http::StatusCode::NOT_MODIFIED {
        let value = if hashed { IMMUTABLE } else { "no-cache" };
        response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    }
    response
}

/// `name.<hash>.ext`, the hash being cargo-leptos's: 22 characters of unpadded base64url (MD5).
fn is_hashed(path: &str) -> bool {
    let file = path.rsplit('/').next().unwrap_or_default();
    let mut parts = file.rsplit('.');
    let (_ext, hash, stem) = (parts.next(), parts.next(), parts.next());
    stem.is_some_and(|s| !s.is_empty())
        && hash.is_some_and(|h| h.len() == 22 && h.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
}

/// Deletes compressed copies older than their file (a rebuild without `precompress.mjs`, as in
/// `cargo leptos watch`): the server would otherwise send the old build to most browsers.
fn remove_stale_copies(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let modified = |path: &Path| std::fs::metadata(path).and_then(|m| m.modified()).ok();
    for entry in entries.flatten() {
        let copy = entry.path();
        if !copy.extension().is_some_and(|e| e == "br" || e == "gz") {
            continue;
        }
        let original = copy.with_extension("");
        let stale = match (modified(&copy), modified(&original)) {
            (Some(copied), Some(built)) => copied < built,
            (_, None) => true,
            (None, Some(_)) => false,
        };
        if stale {
            match std::fs::remove_file(&copy) {
                Ok(()) => tracing::info!(file = %copy.display(), "removed a compressed copy older than its file"),
                Err(e) => tracing::warn!(file = %copy.display(), error = %e, "cannot remove a stale compressed copy"),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_are_told_apart() {
        assert!(is_hashed("/pkg/trame.pW1nTEkd3-Xc9bQ_Vx1L2A.wasm"));
        assert!(is_hashed("/pkg/trame.pW1nTEkd3-Xc9bQ_Vx1L2A.css"));
        assert!(!is_hashed("/pkg/trame_bg.wasm"));
        assert!(!is_hashed("/pkg/trame.css"));
        assert!(!is_hashed("/pkg/.pW1nTEkd3-Xc9bQ_Vx1L2A.js"));
        assert!(!is_hashed("/pkg/trame.short.js"));
    }

    #[tokio::test]
    async fn hashed_assets_go_out_precompressed_and_immutable() {
        use tower::ServiceExt;
        let dir = std::env::temp_dir().join(format!("trame-pkg-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let hashed = "trame.pW1nTEkd3-Xc9bQ_Vx1L2A.wasm";
        std::fs::write(dir.join(hashed), b"the wasm, raw").unwrap();
        std::fs::write(dir.join(format!("{hashed}.br")), b"the wasm, brotli").unwrap();
        std::fs::write(dir.join("trame.css"), b"body {}").unwrap();
        let app: Router = router("pkg", &dir);
        let get = |path: String, encoding: &'static str| {
            let request = Request::get(path).header(header::ACCEPT_ENCODING, encoding).body(axum::body::Body::empty());
            app.clone().oneshot(request.unwrap())
        };

        let response = get(format!("/pkg/{hashed}"), "gzip, br").await.unwrap();
        assert_eq!(response.status(), 200);
        assert_eq!(response.headers()[header::CONTENT_ENCODING], "br");
        assert_eq!(response.headers()[header::CACHE_CONTROL], IMMUTABLE);
        let body = axum::body::to_bytes(response.into_body(), 1024).await.unwrap();
        assert_eq!(&body[..], b"the wasm, brotli");

        let raw = get(format!("/pkg/{hashed}"), "identity").await.unwrap();
        assert!(raw.headers().get(header::CONTENT_ENCODING).is_none());
        assert_eq!(axum::body::to_bytes(raw.into_body(), 1024).await.unwrap().as_ref(), b"the wasm, raw");

        let plain = get("/pkg/trame.css".into(), "br").await.unwrap();
        assert_eq!(plain.headers()[header::CACHE_CONTROL], "no-cache", "a name without hash is revalidated");
        let missing = get("/pkg/trame.AAAAAAAAAAAAAAAAAAAAAA.js".into(), "br").await.unwrap();
        assert_eq!(missing.status(), 404);
        assert!(missing.headers().get(header::CACHE_CONTROL).is_none(), "a 404 is not cached for a year");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn copies_older_than_their_file_are_removed() {
        let dir = std::env::temp_dir().join(format!("trame-assets-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("app.wasm.br"), b"old").unwrap();
        std::fs::write(dir.join("orphan.js.gz"), b"orphan").unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(dir.join("app.wasm"), b"new build").unwrap();
        std::fs::write(dir.join("app.css"), b"css").unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(dir.join("app.css.br"), b"fresh").unwrap();
        remove_stale_copies(&dir);
        assert!(!dir.join("app.wasm.br").exists(), "older than the new build");
        assert!(!dir.join("orphan.js.gz").exists(), "its file is gone");
        assert!(dir.join("app.css.br").exists(), "fresh copies stay");
        assert!(dir.join("app.wasm").exists() && dir.join("app.css").exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
