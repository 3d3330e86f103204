//! Overload control against the real server: a client that never finishes its headers is
//! disconnected, and a saturated server sheds page views with `503` and `Retry-After` at once
//! while a pledge still goes through.

use crate::support::fixtures::{backers, campaign, pledge_id};
use crate::support::TestApp;
use sqlx::PgPool;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

fn address(app: &TestApp) -> String {
    app.base.trim_start_matches("http://").to_owned()
}

#[sqlx::test(migrations = "../migrations")]
async fn a_connection_that_never_finishes_its_headers_is_closed(pool: PgPool) {
    let app = TestApp::spawn_with(pool, &[("TRAME_HEADER_TIMEOUT_SECS", "1")]).await;
    let mut slow = TcpStream::connect(address(&app)).await.unwrap();
    slow.write_all(b"GET / HTTP/1.1\r\nHost: trame\r\nX-Slow: ").await.unwrap();
    let started = Instant::now();
    let mut buffer = Vec::new();
    // the server closes the connection (after a 408 or without a word): the read ends
    let read = tokio::time::timeout(Duration::from_secs(10), slow.read_to_end(&mut buffer)).await;
    assert!(read.is_ok(), "the connection was still open after 10 s");
    let waited = started.elapsed();
    assert!(waited >= Duration::from_millis(900) && waited < Duration::from_secs(5), "closed after {waited:?}");
    assert_eq!(app.get("/health").await.status(), 200, "other clients are served");
}

/// Starts a `POST /lang` whose body never comes: it holds a place among the pages in flight.
async fn hold_a_page_place(app: &TestApp) -> TcpStream {
    let mut stream = TcpStream::connect(address(app)).await.unwrap();
    let head = format!(
        "POST /lang HTTP/1.1\r\nHost: {host}\r\nOrigin: {origin}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nlang=",
        host = address(app),
        origin = app.base,
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    stream
}

#[sqlx::test(migrations = "../migrations")]
async fn a_saturated_server_sheds_page_views_while_a_pledge_goes_through(pool: PgPool) {
    let f = campaign(&pool, "all_or_nothing", 1000).await;
    let app =
        TestApp::spawn_own_pool(pool, &[("TRAME_PAGES_IN_FLIGHT", "2"), ("TRAME_PLEDGE_LIMIT_PER_ADDRESS", "1000")])
            .await;
    let backer = backers(&app, 1).await.remove(0);
    let page = format!("/campaigns/{}", f.slug);
    assert_eq!(app.get(&page).await.status(), 200);

    let held = [hold_a_page_place(&app).await, hold_a_page_place(&app).await];
    tokio::time::sleep(Duration::from_millis(200)).await;
    let started = Instant::now();
    let shed = app.get(&page).await;
    let answered_in = started.elapsed();
    assert_eq!(shed.status(), 503);
    assert_eq!(shed.headers()["retry-after"], "1");
    assert!(answered_in < Duration::from_millis(500), "shed in {answered_in:?}");
    assert!(shed.text().await.unwrap().contains("très sollicité"), "the page says why");

    // the money lane has its own budget
    let id = pledge_id(&app, &backer, &f.slug, &[("form[extra]", "25")]).await;
    assert!(id > 0);
    let mine = backer.get(format!("{}/pledges/{id}", app.base)).send().await.unwrap();
    assert_eq!(mine.status(), 200, "the backer's pledge page is in the money lane");

    drop(held);
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(app.get(&page).await.status(), 200, "places come back once the held requests end");
    app.stop().await;
}
