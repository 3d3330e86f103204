//! The site's built assets (`/pkg/`: wasm, JavaScript, CSS). The build writes brotli and gzip
//! copies next to them (`server/scripts/precompress.mjs`), sent to browsers that accept them;
//! browsers revalidate (`no-cache` + `Last-Modified`, answered `304`) because the names carry
//! no hash yet, so a new build is never hidden behind a cached old one.

use axum::http::{header, HeaderValue};
use axum::Router;
use std::path::Path;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

/// The router serving `dir` under `/{prefix}`.
pub fn router<S: Clone + Send + Sync + 'static>(prefix: &str, dir: &Path) -> Router<S> {
    remove_stale_copies(dir);
    let files = ServeDir::new(dir).precompressed_br().precompressed_gzip();
    Router::new()
        .nest_service(&format!("/{prefix}"), files)
        .layer(SetResponseHeaderLayer::overriding(header::CACHE_CONTROL, HeaderValue::from_static("no-cache")))
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
