//! Live campaign pages: the cached anonymous page and the live-totals stream follow a pledge
//! made anywhere (PostgreSQL's notification reaches each server process).

use crate::support::fixtures::{self, *};
use crate::support::TestApp;
use sqlx::PgPool;
use std::time::{Duration, Instant};

/// The app with the page and data caches on (the other tests run without them).
async fn cached_app(pool: PgPool) -> TestApp {
    TestApp::spawn_own_pool(
        pool,
        &[("TRAME_PAGE_CACHE", "true"), ("TRAME_DATA_CACHE", "true"), ("TRAME_PLEDGE_LIMIT_PER_ACCOUNT", "100")],
    )
    .await
}

async fn anonymous_get(app: &TestApp, path: &str) -> (Option<String>, String) {
    let response = app.client.get(format!("{}{path}", app.base)).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let how = response.headers().get("x-page-cache").map(|v| v.to_str().unwrap().to_owned());
    (how, response.text().await.unwrap())
}

/// Reads the page until `seen` holds, for at most five seconds.
async fn until_page(app: &TestApp, path: &str, seen: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let (_, html) = anonymous_get(app, path).await;
        if seen(&html) {
            return html;
        }
        assert!(Instant::now() < deadline, "the page never changed");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn the_cached_page_changes_after_a_pledge(pool: PgPool) {
    let f = campaign(&pool, "all_or_nothing", 1000).await;
    let app = cached_app(pool.clone()).await;
    let path = format!("/campaigns/{}", f.slug);
    let (first, html) = anonymous_get(&app, &path).await;
    assert_eq!(first.as_deref(), Some("miss"));
    assert!(html.contains("10 restants sur 10"), "{html}");
    let (second, again) = anonymous_get(&app, &path).await;
    assert_eq!(second.as_deref(), Some("hit"), "kept in memory");
    assert_eq!(html, again);
    // in English: a copy of its own
    let english = app.client.get(format!("{}{path}", app.base)).header("accept-language", "en").send().await.unwrap();
    assert_eq!(english.headers()["x-page-cache"], "miss");
    assert!(english.text().await.unwrap().contains("10 left of 10"));

    let backer = backers(&app, 1).await.remove(0);
    let signed_in = || async { backer.get(format!("{}{path}", app.base)).send().await.unwrap() };
    // a signed-in visitor is never served the anonymous copy (their page is rendered for them,
    // from the campaign's data kept in memory)
    let before = signed_in().await;
    assert!(before.headers().get("x-page-cache").is_none());
    assert!(before.text().await.unwrap().contains("10 restants sur 10"));
    let tier = f.limited_tier.to_string();
    let id = pledge_id(&app, &backer, &f.slug, &[("form[tier]", &tier)]).await;
    save_card(&app, &backer, id, "pm_card_visa").await;
    let html = until_page(&app, &path, |html| html.contains("9 restants sur 10")).await;
    assert!(html.contains("40.00"), "the new total");
    // the kept data was dropped before the cached copies: their page has changed too
    let after = signed_in().await.text().await.unwrap();
    assert!(after.contains("9 restants sur 10") && after.contains("40.00"), "{after}");
    app.stop().await;
}

#[sqlx::test(migrations = "../migrations")]
async fn cached_pages_go_out_compressed_with_an_etag(pool: PgPool) {
    let f = campaign(&pool, "all_or_nothing", 1000).await;
    let app = cached_app(pool.clone()).await;
    let url = format!("{}/campaigns/{}", app.base, f.slug);
    let get = |encoding: &'static str| app.client.get(&url).header("accept-encoding", encoding).send();
    let raw = get("identity").await.unwrap();
    let etag = raw.headers()["etag"].clone();
    let raw = raw.bytes().await.unwrap().len();
    let brotli = get("gzip, br").await.unwrap();
    assert_eq!(brotli.headers()["content-encoding"], "br");
    assert_eq!(brotli.headers()["x-page-cache"], "hit");
    assert!(brotli.headers()["content-security-policy"].to_str().unwrap().contains("'sha256-"));
    assert!(!brotli.headers()["content-security-policy"].to_str().unwrap().contains("'nonce-"), "no shared nonce");
    let compressed = brotli.bytes().await.unwrap().len();
    assert!(compressed * 2 < raw, "{compressed} bytes brotli, {raw} raw");
    let unchanged = app.client.get(&url).header("if-none-match", etag).send().await.unwrap();
    assert_eq!(unchanged.status(), 304);
    app.stop().await;
}

/// The `data:` of the stream's next message.
async fn next_message(stream: &mut reqwest::Response, buffer: &mut String) -> serde_json::Value {
    loop {
        if let Some(end) = buffer.find("\n\n") {
            let event: String = buffer.drain(..end + 2).collect();
            if let Some(data) = event.lines().find_map(|l| l.strip_prefix("data:")) {
                return serde_json::from_str(data.trim()).unwrap();
            }
            continue; // a keep-alive comment
        }
        let chunk = tokio::time::timeout(Duration::from_secs(5), stream.chunk()).await.expect("a message within 5 s");
        buffer.push_str(std::str::from_utf8(&chunk.unwrap().expect("the stream is open")).unwrap());
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn the_live_stream_sends_the_totals_after_every_pledge(pool: PgPool) {
    let f = campaign(&pool, "all_or_nothing", 1000).await;
    let app = fixtures::app(pool.clone()).await;
    let mut stream = app.client.get(format!("{}/campaigns/{}/live?lang=fr", app.base, f.slug)).send().await.unwrap();
    assert_eq!(stream.status(), 200);
    assert_eq!(stream.headers()["content-type"], "text/event-stream");
    let mut buffer = String::new();
    let first = next_message(&mut stream, &mut buffer).await;
    assert_eq!(first["backers"], "0 contributeur·rice");
    let tier = |m: &serde_json::Value| {
        m["tiers"].as_array().unwrap().iter().find(|t| t["id"] == f.limited_tier).cloned().unwrap()
    };
    assert_eq!(tier(&first)["availability"], "10 restants sur 10");

    let backer = backers(&app, 1).await.remove(0);
    let id = pledge_id(&app, &backer, &f.slug, &[("form[tier]", &f.limited_tier.to_string())]).await;
    let claimed = next_message(&mut stream, &mut buffer).await;
    assert_eq!(tier(&claimed)["availability"], "9 restants sur 10", "the unit is held at once");
    save_card(&app, &backer, id, "pm_card_visa").await;
    let counted = next_message(&mut stream, &mut buffer).await;
    assert_eq!(counted["backers"], "1 contributeur·rice");
    assert!(counted["raised"].as_str().unwrap().contains("40.00"), "{counted}");
    assert_eq!(counted["percent_value"], 4);

    // unknown and draft campaigns have no stream
    let unknown = app.client.get(format!("{}/campaigns/nope/live", app.base)).send().await.unwrap();
    assert_eq!(unknown.status(), 404);
    drop(stream);
    app.stop().await;
}
