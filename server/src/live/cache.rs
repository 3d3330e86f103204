//! The anonymous campaign page, kept in memory already compressed (brotli, gzip and raw) per
//! address and language, and dropped when PostgreSQL says the campaign changed (listener.rs).
//! Only requests without a session cookie use it: what a signed-in person sees (their account
//! link, a team's tools) is never cached, and such a request never reaches the session store.
//! One request renders a missing page while the others for it wait for that render.
//! A cached page allows its inline scripts by their hashes, never by a nonce shared by everyone
//! (`app::backend::security`).

use super::Live;
use crate::compress::{self, accepts};
use crate::startup::SESSION_COOKIE;
use app::domain::{Locale, RewardKind};
use app::i18n::locale_from_headers;
use axum::body::{to_bytes, Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex, OnceLock};

/// Largest page kept (a campaign page is about 70 KB).
const MAX_PAGE: usize = 2 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    slug: String,
    kind: Option<RewardKind>,
    locale: Locale,
}

#[derive(Default)]
struct Slot {
    page: OnceLock<Arc<Page>>,
    /// Held by the one request rendering the page.
    render: tokio::sync::Mutex<()>,
}

struct Page {
    raw: Bytes,
    /// `None` if gzip failed: gzip-only browsers get the raw page.
    gzip: Option<Bytes>,
    brotli: Bytes,
    etag: HeaderValue,
    content_type: HeaderValue,
    policy: Option<HeaderValue>,
}

/// The cached pages of one server process.
pub struct PageCache {
    enabled: bool,
    slots: Mutex<HashMap<Key, Arc<Slot>>>,
}

impl PageCache {
    pub fn new(enabled: bool) -> PageCache {
        PageCache { enabled, slots: Mutex::new(HashMap::new()) }
    }

    fn slot(&self, key: &Key) -> Arc<Slot> {
        let mut slots = self.slots.lock().unwrap_or_else(|e| e.into_inner());
        slots.entry(key.clone()).or_default().clone()
    }

    /// Forgets `slot` if it still holds no page.
    fn forget_empty(&self, key: &Key, slot: &Arc<Slot>) {
        let mut slots = self.slots.lock().unwrap_or_else(|e| e.into_inner());
        if slots.get(key).is_some_and(|kept| Arc::ptr_eq(kept, slot) && kept.page.get().is_none()) {
            slots.remove(key);
        }
    }

    /// Forgets every copy of the campaign's page.
    pub fn invalidate(&self, slug: &str) {
        self.slots.lock().unwrap_or_else(|e| e.into_inner()).retain(|key, _| key.slug != slug);
    }

    /// Forgets every page (the listening connection was lost: changes may have been missed).
    pub fn clear(&self) {
        self.slots.lock().unwrap_or_else(|e| e.into_inner()).clear();
    }
}

/// The middleware, in front of the pages.
pub async fn serve(State(live): State<Live>, request: Request, next: Next) -> Response {
    let cache = live.cache();
    // a page kept while changes cannot be heard could stay stale
    if !live.is_listening() {
        return next.run(request).await;
    }
    let Some(key) = cacheable(cache, &request) else { return next.run(request).await };
    let wanted = Wanted::of(request.headers());
    let slot = cache.slot(&key);
    if let Some(page) = slot.page.get() {
        return wanted.answer(page, "hit");
    }
    let _turn = slot.render.lock().await;
    if let Some(page) = slot.page.get() {
        return wanted.answer(page, "hit");
    }
    let response = next.run(request).await;
    if response.status() != StatusCode::OK || response.headers().contains_key(header::SET_COOKIE) {
        // an address that leads nowhere takes no room
        cache.forget_empty(&key, &slot);
        return response;
    }
    let (parts, body) = response.into_parts();
    let html = match to_bytes(body, MAX_PAGE).await {
        Ok(html) => html,
        Err(e) => {
            tracing::warn!(error = %e, "page cache: cannot read the rendered page");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let page = Arc::new(Page::new(html, &parts.headers));
    let _ = slot.page.set(page.clone());
    wanted.answer(&page, "miss")
}

/// The key of a request the cache answers: a GET of `/campaigns/{slug}` (optionally filtered by
/// a reward kind), without a session cookie.
fn cacheable(cache: &PageCache, request: &Request) -> Option<Key> {
    if !cache.enabled || request.method() != Method::GET {
        return None;
    }
    let slug = request.uri().path().strip_prefix("/campaigns/")?;
    if slug.is_empty() || !slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
        return None;
    }
    let kind = match request.uri().query() {
        None | Some("") => None,
        Some(query) => Some(RewardKind::parse(query.strip_prefix("kind=")?).ok()?),
    };
    let signed_in = request
        .headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .any(|pair| pair.trim().split_once('=').is_some_and(|(name, _)| name == SESSION_COOKIE));
    if signed_in {
        return None;
    }
    Some(Key { slug: slug.to_owned(), kind, locale: locale_from_headers(request.headers()) })
}

impl Page {
    fn new(raw: Bytes, headers: &HeaderMap) -> Page {
        // compressed once for everyone: smaller, slower settings than a page rendered per visitor
        let gzip = compress::gzip(&raw, 6);
        let brotli = compress::brotli(&raw, 6, 22);
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        raw.hash(&mut hasher);
        let etag = HeaderValue::from_str(&format!("W/\"{:016x}\"", hasher.finish()))
            .unwrap_or(HeaderValue::from_static("W/\"0\""));
        let content_type =
            headers.get(header::CONTENT_TYPE).cloned().unwrap_or(HeaderValue::from_static("text/html; charset=utf-8"));
        let policy = headers
            .get(header::CONTENT_SECURITY_POLICY)
            .and_then(|p| p.to_str().ok())
            .map(|p| allow_by_hash(p, &raw))
            .and_then(|p| HeaderValue::from_str(&p).ok());
        Page { raw, gzip: gzip.map(Bytes::from), brotli: brotli.into(), etag, content_type, policy }
    }
}

/// The page's policy for everyone who gets this copy: no nonce (it would be shared), the page's
/// own inline scripts allowed by their hashes instead (Leptos's constant bookkeeping scripts and
/// the islands' loader).
fn allow_by_hash(policy: &str, html: &[u8]) -> String {
    let html = String::from_utf8_lossy(html);
    let policy = app::backend::security::without_nonce(policy);
    let mut hashes = String::new();
    for (start, _) in html.match_indices("<script") {
        let tag = &html[start..];
        let Some(open_end) = tag.find('>') else { continue };
        if tag[..open_end].contains(" src=") {
            continue;
        }
        let body = &tag[open_end + 1..];
        let Some(close) = body.find("</script>") else { continue };
        let hash = format!(" '{}'", app::backend::security::script_hash(&body[..close]));
        if !hashes.contains(&hash) && !policy.contains(&hash) {
            hashes.push_str(&hash);
        }
    }
    policy.replacen("script-src 'self'", &format!("script-src 'self'{hashes}"), 1)
}

/// What the browser accepts and already has.
struct Wanted {
    brotli: bool,
    gzip: bool,
    has: Option<HeaderValue>,
}

impl Wanted {
    fn of(headers: &HeaderMap) -> Wanted {
        Wanted {
            brotli: accepts(headers, "br"),
            gzip: accepts(headers, "gzip"),
            has: headers.get(header::IF_NONE_MATCH).cloned(),
        }
    }

    fn answer(&self, page: &Page, how: &'static str) -> Response {
        let unchanged = self.has.as_ref() == Some(&page.etag);
        let (status, coding, body) = if unchanged {
            (StatusCode::NOT_MODIFIED, None, Bytes::new())
        } else if self.brotli {
            (StatusCode::OK, Some("br"), page.brotli.clone())
        } else if let Some(gzip) = page.gzip.as_ref().filter(|_| self.gzip) {
            (StatusCode::OK, Some("gzip"), gzip.clone())
        } else {
            (StatusCode::OK, None, page.raw.clone())
        };
        let mut response = Response::new(Body::from(body));
        *response.status_mut() = status;
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, page.content_type.clone());
        headers.insert(header::ETAG, page.etag.clone());
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        headers.insert(header::VARY, HeaderValue::from_static("accept-encoding, accept-language, cookie"));
        headers.insert("x-page-cache", HeaderValue::from_static(how));
        if let Some(coding) = coding {
            headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(coding));
        }
        if let Some(policy) = &page.policy {
            headers.insert(header::CONTENT_SECURITY_POLICY, policy.clone());
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(uri: &str, cookie: Option<&str>) -> Request {
        let mut builder = Request::get(uri);
        if let Some(cookie) = cookie {
            builder = builder.header(header::COOKIE, cookie);
        }
        builder.body(Body::empty()).unwrap()
    }

    #[test]
    fn only_anonymous_campaign_pages_are_cached() {
        let cache = PageCache::new(true);
        let key = |uri: &str, cookie| cacheable(&cache, &request(uri, cookie));
        assert!(key("/campaigns/fil-rouge", None).is_some());
        assert!(key("/campaigns/fil-rouge", Some("trame_lang=en")).is_some());
        assert_eq!(key("/campaigns/fil-rouge", Some("trame_lang=en")).unwrap().locale, Locale::En);
        assert_eq!(key("/campaigns/fil-rouge?kind=workshop", None).unwrap().kind, Some(RewardKind::Workshop));
        assert!(key("/campaigns/fil-rouge", Some("trame_lang=fr; trame_session=abc")).is_none(), "signed in, maybe");
        assert!(key("/campaigns/fil-rouge?kind=nonsense", None).is_none());
        assert!(key("/campaigns/fil-rouge?utm=x", None).is_none());
        assert!(key("/campaigns/fil-rouge/pledge", None).is_none());
        assert!(key("/campaigns/", None).is_none());
        assert!(key("/designers", None).is_none());
        assert!(cacheable(&PageCache::new(false), &request("/campaigns/fil-rouge", None)).is_none());
    }

    #[test]
    fn addresses_that_lead_nowhere_take_no_room() {
        let cache = PageCache::new(true);
        let key = |slug: &str| Key { slug: slug.to_owned(), kind: None, locale: Locale::Fr };
        let missing = cache.slot(&key("nope"));
        cache.forget_empty(&key("nope"), &missing);
        let found = cache.slot(&key("fil-rouge"));
        let _ = found.page.set(Arc::new(Page::new(Bytes::from_static(b"<html></html>"), &HeaderMap::new())));
        cache.forget_empty(&key("fil-rouge"), &found);
        let slots = cache.slots.lock().unwrap();
        assert!(!slots.contains_key(&key("nope")));
        assert!(slots.contains_key(&key("fil-rouge")), "a page kept stays");
    }

    #[test]
    fn inline_scripts_are_allowed_by_hash_not_nonce() {
        let html = br#"<head><script nonce="abc">one()</script><script src="/x.js"></script></head><script nonce="abc">two()</script>"#;
        let policy = allow_by_hash("default-src 'self'; script-src 'self' 'nonce-abc' 'wasm-unsafe-eval'", html);
        let one = app::backend::security::script_hash("one()");
        let two = app::backend::security::script_hash("two()");
        assert_eq!(policy, format!("default-src 'self'; script-src 'self' '{one}' '{two}' 'wasm-unsafe-eval'"));
    }

    #[test]
    fn the_encoding_follows_accept_encoding() {
        let page = Page::new(Bytes::from_static(b"<html>page</html>"), &HeaderMap::new());
        let answer = |accept: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(header::ACCEPT_ENCODING, HeaderValue::from_str(accept).unwrap());
            Wanted::of(&headers).answer(&page, "hit")
        };
        assert_eq!(answer("gzip, deflate, br").headers()[header::CONTENT_ENCODING], "br");
        assert_eq!(answer("gzip").headers()[header::CONTENT_ENCODING], "gzip");
        assert_eq!(answer("br;q=0, gzip").headers()[header::CONTENT_ENCODING], "gzip");
        assert!(answer("identity").headers().get(header::CONTENT_ENCODING).is_none());
        let mut again = HeaderMap::new();
        again.insert(header::IF_NONE_MATCH, page.etag.clone());
        assert_eq!(Wanted::of(&again).answer(&page, "hit").status(), StatusCode::NOT_MODIFIED);
    }
}
