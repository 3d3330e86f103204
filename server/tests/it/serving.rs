//! How pages travel: compressed when the browser accepts it, whole otherwise.

use crate::support::TestApp;
use sqlx::PgPool;
use std::io::Read;

const PAGE: &str = "/campaigns/fil-rouge-geneve";

async fn fetch(app: &TestApp, encoding: &str) -> (Option<String>, Vec<u8>) {
    let response =
        app.client.get(format!("{}{PAGE}", app.base)).header("accept-encoding", encoding).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let coding = response.headers().get("content-encoding").map(|v| v.to_str().unwrap().to_owned());
    (coding, response.bytes().await.unwrap().to_vec())
}

/// The page a browser shows from what it received.
fn decoded(coding: Option<&str>, body: &[u8]) -> String {
    let mut page = String::new();
    match coding {
        Some("gzip") => flate2::read::GzDecoder::new(body).read_to_string(&mut page).unwrap(),
        Some("br") => brotli::Decompressor::new(body, 4096).read_to_string(&mut page).unwrap(),
        None => return String::from_utf8(body.to_vec()).unwrap(),
        Some(other) => panic!("unexpected coding {other}"),
    };
    page
}

/// A page rendered for its visitor (the page cache is off in tests) is compressed whole, as
/// gzip when the browser takes it (fast enough to do per request), brotli when it takes only
/// that; the cached anonymous copies are brotli (tests/live.rs).
#[sqlx::test(migrations = "../migrations")]
async fn pages_go_out_compressed_when_the_browser_accepts_it(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let (coding, raw) = fetch(&app, "identity").await;
    assert_eq!(coding, None);
    let (coding, gzip) = fetch(&app, "gzip, deflate, br").await;
    assert_eq!(coding.as_deref(), Some("gzip"));
    let (coding, brotli) = fetch(&app, "br").await;
    assert_eq!(coding.as_deref(), Some("br"));
    assert!(
        brotli.len() * 4 < raw.len() && gzip.len() * 3 < raw.len(),
        "{} raw, {} gzip, {} brotli",
        raw.len(),
        gzip.len(),
        brotli.len()
    );
    for (coding, body) in [(None, &raw), (Some("gzip"), &gzip), (Some("br"), &brotli)] {
        let page = decoded(coding, body);
        assert!(page.starts_with("<!DOCTYPE html>") && page.contains("</html>"), "{coding:?}: whole");
        assert!(page.contains("Fil Rouge — la mode durable de Genève"), "{coding:?}: the campaign");
    }
    // what is small goes out as it is
    let clock =
        app.client.get(format!("{}/api/clock", app.base)).header("accept-encoding", "gzip").send().await.unwrap();
    assert!(clock.headers().get("content-encoding").is_none());
}
