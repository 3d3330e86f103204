//! Two Trame servers on one database, as behind a load balancer: sessions work on both, a
//! campaign closes and is charged once, each email leaves once, and the limits hold across both.

use crate::support::fixtures::*;
use crate::support::TestApp;
use sqlx::PgPool;
use std::time::{Duration, Instant};

/// Both servers run their job workers.
async fn server(pool: &PgPool) -> TestApp {
    TestApp::spawn_own_pool(
        pool.clone(),
        &[
            ("TRAME_WORKER", "true"),
            ("TRAME_AUTH_LIMIT_PER_ADDRESS", "1000"),
            ("TRAME_AUTH_LIMIT_PER_ACCOUNT", "4"),
            ("TRAME_PLEDGE_LIMIT_PER_ADDRESS", "1000"),
        ],
    )
    .await
}

/// A browser on the load-balanced site: one cookie jar, and the `Sec-Fetch-Site: same-origin`
/// a browser sends for the site's own requests, whichever server answers them (here each has
/// its own port, so the Origin would not match the other one's Host).
fn site_browser() -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("sec-fetch-site", reqwest::header::HeaderValue::from_static("same-origin"));
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .default_headers(headers)
        .cookie_store(true)
        .build()
        .unwrap()
}

fn eml_files(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir).map(|d| d.filter_map(Result::ok).count()).unwrap_or(0)
}

#[sqlx::test(migrations = "../migrations")]
async fn two_servers_share_sessions_jobs_emails_and_limits(pool: PgPool) {
    let f = campaign(&pool, "all_or_nothing", 40).await;
    let (a, b) = (server(&pool).await, server(&pool).await);

    // signed up on one, known on the other (one cookie jar for both addresses, like one site)
    let mut clients = Vec::new();
    for i in 0..4 {
        let client = site_browser();
        let email = format!("two-{i}@example.org");
        let form = [("email", email.as_str()), ("display_name", "Backer"), ("password", PASSWORD)];
        assert_eq!(a.call(&client, "auth/sign-up", &form).await.status(), 200);
        clients.push(client);
    }
    for client in &clients {
        let me: serde_json::Value = b.call(client, "auth/me", &[]).await.json().await.unwrap();
        assert!(me["email"].is_string(), "the session works on the second server: {me}");
    }
    // pledges made on either server
    let mut pledges = Vec::new();
    for (i, client) in clients.iter().enumerate() {
        let server = if i % 2 == 0 { &a } else { &b };
        let id = pledge_id(server, client, &f.slug, &[("form[extra]", "20")]).await;
        assert_eq!(save_card(server, client, id, "pm_card_visa").await["status"], "active");
        pledges.push(id);
    }

    // the deadline passes: both servers' workers are there, the campaign is closed and charged once
    sqlx::query("update campaign set ends_at = now() + interval '1 second' where campaign_id = $1")
        .bind(f.campaign)
        .execute(&pool)
        .await
        .unwrap();
    let mut db = pool.acquire().await.unwrap();
    let task = app::backend::jobs::Task::CloseCampaign { campaign_id: app::domain::CampaignId(f.campaign) };
    a.state.queue.enqueue_after(&mut db, &task, chrono::Duration::seconds(1)).await.unwrap();
    b.state.queue.enqueue_after(&mut db, &task, chrono::Duration::seconds(1)).await.unwrap();
    drop(db);
    let started = Instant::now();
    loop {
        let left: i64 =
            sqlx::query_scalar("select count(*) from pledge where campaign_id = $1 and status <> 'collected'")
                .bind(f.campaign)
                .fetch_one(&pool)
                .await
                .unwrap();
        let unsent: i64 = sqlx::query_scalar("select count(*) from email_outbox where status <> 'sent'")
            .fetch_one(&pool)
            .await
            .unwrap();
        if left == 0 && unsent == 0 {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(60), "{left} pledges not collected, {unsent} emails unsent");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    for &pledge in &pledges {
        let charges: i64 = sqlx::query_scalar("select count(*) from payment where pledge_id = $1 and kind = 'charge'")
            .bind(pledge)
            .fetch_one(&pool)
            .await
            .unwrap();
        assert_eq!(charges, 1, "pledge {pledge} charged once");
    }
    let at_stripe = intents_of(&customers(&pool, f.campaign).await).await;
    assert_eq!(at_stripe.len(), pledges.len(), "one PaymentIntent per pledge: {at_stripe:?}");
    assert_eq!(outbox(&pool, "campaign_succeeded").await, 4);
    assert_eq!(outbox(&pool, "payment_receipt").await, 4);
    // every email left once, from one server or the other
    let outboxed: i64 = sqlx::query_scalar("select count(*) from email_outbox").fetch_one(&pool).await.unwrap();
    assert_eq!((eml_files(&a.email_dir) + eml_files(&b.email_dir)) as i64, outboxed);

    // the sign-in limit of one account (4 a minute) counts on both servers together
    let stranger = site_browser();
    let mut statuses = Vec::new();
    for i in 0..6 {
        let server = if i % 2 == 0 { &a } else { &b };
        let form = [("email", "two-0@example.org"), ("password", "not the password")];
        statuses.push(server.call(&stranger, "auth/sign-in", &form).await.status().as_u16());
    }
    assert_eq!(statuses, [422, 422, 422, 422, 429, 429]);
    assert_totals_consistent(&pool).await;
    a.stop().await;
    b.stop().await;
}
