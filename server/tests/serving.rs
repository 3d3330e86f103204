//! How pages travel: compressed when the browser accepts it, whole otherwise.

mod support;

use sqlx::PgPool;
use support::TestApp;

const PAGE: &str = "/campaigns/fil-rouge-geneve";

async fn fetch(app: &TestApp, encoding: &str) -> (Option<String>, usize) {
    let response =
        app.client.get(format!("{}{PAGE}", app.base)).header("accept-encoding", encoding).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let coding = response.headers().get("content-encoding").map(|v| v.to_str().unwrap().to_owned());
    (coding, response.bytes().await.unwrap().len())
}

#[sqlx::test(migrations = "../migrations")]
async fn pages_go_out_compressed_when_the_browser_accepts_it(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let (coding, raw) = fetch(&app, "identity").await;
    assert_eq!(coding, None);
    let (coding, brotli) = fetch(&app, "gzip, deflate, br").await;
    assert_eq!(coding.as_deref(), Some("br"));
    let (coding, gzip) = fetch(&app, "gzip").await;
    assert_eq!(coding.as_deref(), Some("gzip"));
    assert!(brotli * 4 < raw && gzip * 4 < raw, "{raw} bytes raw, {gzip} gzip, {brotli} brotli");
}
