//! Money moving, against the real server, PostgreSQL and localstripe: webhooks, the campaign
//! close and its charge run, payment recovery, flexible campaigns and refunds.

use crate::support::fixtures::{self, *};
use crate::support::{stripe_setting, TestApp};
use app::backend::jobs::{run, Task};
use app::backend::payments::Settled;
use app::domain::{CampaignId, PledgeId};
use rust_decimal::Decimal;
use sqlx::PgPool;

/// An all-or-nothing pledge on the limited tier with a saved card; returns its id.
async fn active_pledge(app: &TestApp, backer: &reqwest::Client, f: &Fixture, method: &str) -> i64 {
    let tier = f.limited_tier.to_string();
    let id = pledge_id(app, backer, &f.slug, &[("form[tier]", &tier)]).await;
    let shown = save_card(app, backer, id, method).await;
    assert_eq!(shown["status"], "active", "{shown}");
    id
}

/// One active pledge per backer, cards that work.
async fn active_pledges(app: &TestApp, clients: &[reqwest::Client], f: &Fixture) -> Vec<i64> {
    let mut pledges = Vec::new();
    for client in clients {
        pledges.push(active_pledge(app, client, f, "pm_card_visa").await);
    }
    pledges
}

/// Sends a webhook event signed like Stripe does.
async fn send_event(app: &TestApp, body: &str, secret: &str, timestamp: i64) -> u16 {
    let signature = app::backend::stripe::sign(body.as_bytes(), secret, timestamp);
    reqwest::Client::new()
        .post(format!("{}/webhooks/stripe", app.base))
        .header("stripe-signature", signature)
        .header("content-type", "application/json")
        .body(body.to_owned())
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

fn event(id: &str, kind: &str, object: &str) -> String {
    serde_json::json!({ "id": id, "object": "event", "type": kind, "data": { "object": { "id": object } } }).to_string()
}

/// The charge of a PaymentIntent at Stripe.
async fn latest_charge(intent: &str) -> String {
    let charge = stripe_get(&format!("payment_intents/{intent}")).await["latest_charge"].clone();
    charge.as_str().map(str::to_owned).or_else(|| charge["id"].as_str().map(str::to_owned)).expect("a charge")
}

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

async fn setup_intent_of(pool: &PgPool, pledge: i64) -> String {
    sqlx::query_scalar(
        "select stripe_object_id from payment where pledge_id = $1 and kind = 'setup' order by attempt desc limit 1",
    )
    .bind(pledge)
    .fetch_one(pool)
    .await
    .unwrap()
}

#[sqlx::test(migrations = "../migrations")]
async fn webhooks_are_verified_applied_once_and_safe_in_any_order(pool: PgPool) {
    let f = campaign(&pool, "all_or_nothing", 40).await;
    let app = fixtures::app(pool.clone()).await;
    let backer = backers(&app, 1).await.remove(0);
    let tier = f.limited_tier.to_string();
    let id = pledge_id(&app, &backer, &f.slug, &[("form[tier]", &tier)]).await;
    pay_page(&app, &backer, id).await;
    let seti = setup_intent_of(&pool, id).await;
    // the card is saved at Stripe (Stripe.js did it); the browser never came back
    stripe_post(&format!("setup_intents/{seti}/confirm"), &[("payment_method", "pm_card_visa")]).await;
    let secret = stripe_setting("STRIPE_WEBHOOK_SECRET");
    let body = event("evt_setup_ok_1", "setup_intent.succeeded", &seti);

    // refused: tampered body, wrong secret, stale timestamp, no signature
    let signature = app::backend::stripe::sign(body.as_bytes(), &secret, now());
    let tampered = body.replace("setup_intent.succeeded", "setup_intent.setup_failed");
    let response = reqwest::Client::new()
        .post(format!("{}/webhooks/stripe", app.base))
        .header("stripe-signature", signature)
        .body(tampered)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400, "tampered body");
    assert_eq!(send_event(&app, &body, "whsec_wrong", now()).await, 400, "wrong secret");
    assert_eq!(send_event(&app, &body, &secret, now() - 301).await, 400, "stale timestamp");
    let response =
        reqwest::Client::new().post(format!("{}/webhooks/stripe", app.base)).body(body.clone()).send().await.unwrap();
    assert_eq!(response.status(), 400, "no signature");
    assert_eq!(pledge_status(&pool, id).await, "pending", "nothing changed");
    let stored: i64 = sqlx::query_scalar("select count(*) from stripe_event").fetch_one(&pool).await.unwrap();
    assert_eq!(stored, 0);

    // applied once, even delivered three times
    for _ in 0..3 {
        assert_eq!(send_event(&app, &body, &secret, now()).await, 200);
    }
    assert_eq!(pledge_status(&pool, id).await, "active");
    assert_eq!(totals(&pool, f.campaign).await, (Decimal::from(40), 1));
    assert_eq!(outbox(&pool, "pledge_confirmed").await, 1);
    let stored: i64 = sqlx::query_scalar("select count(*) from stripe_event").fetch_one(&pool).await.unwrap();
    assert_eq!(stored, 1);

    // an older failure arriving late does not undo it: the intent is re-read at Stripe
    let late = event("evt_setup_failed_0", "setup_intent.setup_failed", &seti);
    assert_eq!(send_event(&app, &late, &secret, now()).await, 200);
    assert_eq!(pledge_status(&pool, id).await, "active");

    // the charge: succeeded, then a late payment_failed and a duplicate; refunded before its success arrives
    close(&app, f.campaign).await;
    assert_eq!(pledge_status(&pool, id).await, "collected");
    let pi = charge_intent(&pool, id).await;
    assert_eq!(
        send_event(&app, &event("evt_pi_failed_0", "payment_intent.payment_failed", &pi), &secret, now()).await,
        200
    );
    assert_eq!(pledge_status(&pool, id).await, "collected", "a late failure does not undo a payment");
    assert_eq!(outbox(&pool, "payment_receipt").await, 1);

    // charge.refunded (a refund made in Stripe's dashboard)
    let charge_id = latest_charge(&pi).await;
    stripe_post("refunds", &[("payment_intent", &pi)]).await;
    let refunded = event("evt_refund_1", "charge.refunded", &charge_id);
    assert_eq!(send_event(&app, &refunded, &secret, now()).await, 200);
    assert_eq!(send_event(&app, &refunded, &secret, now()).await, 200);
    assert_eq!(pledge_status(&pool, id).await, "refunded");
    assert_eq!(outbox(&pool, "refunded").await, 1);
    assert_totals_consistent(&pool).await;
    app.stop().await;
}

#[sqlx::test(migrations = "../migrations")]
async fn a_refund_event_before_the_success_event_ends_refunded(pool: PgPool) {
    let f = campaign(&pool, "flexible", 1000).await;
    let app = fixtures::app(pool.clone()).await;
    let backer = backers(&app, 1).await.remove(0);
    let id = pledge_id(&app, &backer, &f.slug, &[("form[extra]", "30")]).await;
    pay_page(&app, &backer, id).await;
    let seti = setup_intent_of(&pool, id).await;
    stripe_post(&format!("setup_intents/{seti}/confirm"), &[("payment_method", "pm_card_visa")]).await;
    // the charge happens at Stripe while our records are cut short: the setup event arrives,
    // charges, and the refund is made at Stripe before any payment event reaches us
    let secret = stripe_setting("STRIPE_WEBHOOK_SECRET");
    assert_eq!(send_event(&app, &event("evt_flex_setup", "setup_intent.succeeded", &seti), &secret, now()).await, 200);
    assert_eq!(pledge_status(&pool, id).await, "collected");
    let pi = charge_intent(&pool, id).await;
    // undo our record of the success, as if the success event had not arrived yet
    sqlx::query("update payment set status = 'pending' where stripe_object_id = $1")
        .bind(&pi)
        .execute(&pool)
        .await
        .unwrap();
    sqlx::query("update pledge set status = 'pending' where pledge_id = $1").bind(id).execute(&pool).await.unwrap();
    stripe_post("refunds", &[("payment_intent", &pi)]).await;
    let charge_id = latest_charge(&pi).await;
    assert_eq!(send_event(&app, &event("evt_early_refund", "charge.refunded", &charge_id), &secret, now()).await, 200);
    assert_eq!(
        send_event(&app, &event("evt_late_success", "payment_intent.succeeded", &pi), &secret, now()).await,
        200
    );
    assert_eq!(pledge_status(&pool, id).await, "refunded", "the final state is the refund, whatever the order");
    app.stop().await;
}

/// Goal reached: every active pledge is charged exactly once, even when the run stops half-way
/// (after a batch, and right after writing a charge before calling Stripe) and runs again.
#[sqlx::test(migrations = "../migrations")]
async fn a_successful_campaign_charges_everyone_once_even_across_a_crash(pool: PgPool) {
    let f = campaign(&pool, "all_or_nothing", 100).await;
    let app = fixtures::app(pool.clone()).await;
    let clients = backers(&app, 5).await;
    let pledges = active_pledges(&app, &clients, &f).await;
    // one pending pledge without a card: dropped at the close, never charged
    let no_card = pledge_id(&app, &clients[0], &f.slug, &[("form[extra]", "10")]).await;
    assert_eq!(totals(&pool, f.campaign).await, (Decimal::from(200), 5));

    sqlx::query("update campaign set ends_at = now() where campaign_id = $1")
        .bind(f.campaign)
        .execute(&pool)
        .await
        .unwrap();
    let payments = app.state.payments();
    run(&payments, &Task::CloseCampaign { campaign_id: CampaignId(f.campaign) }).await.unwrap();
    let status: String = sqlx::query_scalar("select status from campaign where campaign_id = $1")
        .bind(f.campaign)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(status, "succeeded");
    assert_eq!(outbox(&pool, "campaign_succeeded").await, 5);
    // a second close does nothing
    run(&payments, &Task::CloseCampaign { campaign_id: CampaignId(f.campaign) }).await.unwrap();

    // the run stops after two pledges
    assert!(payments.settle_some(CampaignId(f.campaign), 2).await.unwrap() == Settled::More, "more to do");
    // ...and the process dies right after writing the next charge, before calling Stripe
    let next = pledges[2];
    sqlx::query(
        "insert into payment (pledge_id, kind, attempt, amount, currency, idempotency_key)
         values ($1, 'charge', 1, 40, 'CHF', $2)",
    )
    .bind(next)
    .bind(format!("{}-pledge-{next}-charge-1", app.state.settings.deployment_id))
    .execute(&pool)
    .await
    .unwrap();
    // the job runs again, twice for good measure
    while payments.settle(CampaignId(f.campaign)).await.unwrap() {}
    while payments.settle(CampaignId(f.campaign)).await.unwrap() {}

    for pledge in &pledges {
        assert_eq!(pledge_status(&pool, *pledge).await, "collected");
        let charges: Vec<(String, String)> =
            sqlx::query_as("select status, idempotency_key from payment where pledge_id = $1 and kind = 'charge'")
                .bind(pledge)
                .fetch_all(&pool)
                .await
                .unwrap();
        assert_eq!(
            charges,
            vec![("succeeded".to_owned(), format!("{}-pledge-{pledge}-charge-1", app.state.settings.deployment_id))]
        );
    }
    assert_eq!(pledge_status(&pool, no_card).await, "dropped");
    let at_stripe = intents_of(&customers(&pool, f.campaign).await).await;
    assert_eq!(at_stripe.len(), 5, "one PaymentIntent per pledge at Stripe: {at_stripe:?}");
    assert!(at_stripe.iter().all(|(_, status)| status == "succeeded"));
    assert_eq!(outbox(&pool, "payment_receipt").await, 5);
    // totals froze at the deadline
    assert_eq!(totals(&pool, f.campaign).await, (Decimal::from(200), 5));
    assert_totals_consistent(&pool).await;
    app.stop().await;
}

#[sqlx::test(migrations = "../migrations")]
async fn a_missed_goal_charges_nobody(pool: PgPool) {
    let f = campaign(&pool, "all_or_nothing", 100_000).await;
    let app = fixtures::app(pool.clone()).await;
    let clients = backers(&app, 3).await;
    let pledges = active_pledges(&app, &clients, &f).await;
    close(&app, f.campaign).await;
    let status: String = sqlx::query_scalar("select status from campaign where campaign_id = $1")
        .bind(f.campaign)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(status, "failed");
    for pledge in &pledges {
        assert_eq!(pledge_status(&pool, *pledge).await, "cancelled");
    }
    let charges: i64 =
        sqlx::query_scalar("select count(*) from payment where kind = 'charge'").fetch_one(&pool).await.unwrap();
    assert_eq!(charges, 0);
    assert!(intents_of(&customers(&pool, f.campaign).await).await.is_empty(), "no PaymentIntent at all");
    assert_eq!(outbox(&pool, "campaign_failed").await, 3);
    assert_eq!(claimed(&pool, f.limited_tier).await, 0, "units released");
    assert_eq!(totals(&pool, f.campaign).await, (Decimal::from(120), 3), "the page keeps the total reached");
    assert_totals_consistent(&pool).await;
    app.stop().await;
}

/// A card refused off-session: payment_failed, an email with the pay link, reminders, and the
/// backer pays with another card; a second one never pays and is dropped after the final retry.
#[sqlx::test(migrations = "../migrations")]
async fn a_refused_charge_is_recovered_on_the_pay_page_or_dropped(pool: PgPool) {
    let f = campaign(&pool, "all_or_nothing", 50).await;
    let app = fixtures::app(pool.clone()).await;
    let mut two = backers(&app, 2).await;
    let (payer, never) = (two.remove(0), two.remove(0));
    let recovered = active_pledge(&app, &payer, &f, "pm_card_chargeCustomerFail").await;
    let dropped = active_pledge(&app, &never, &f, "pm_card_chargeCustomerFail").await;
    close(&app, f.campaign).await;
    for pledge in [recovered, dropped] {
        assert_eq!(pledge_status(&pool, pledge).await, "payment_failed");
    }
    assert_eq!(outbox(&pool, "payment_failed").await, 2);
    let payload: serde_json::Value = sqlx::query_scalar(
        "select payload from email_outbox where template = 'payment_failed' order by email_outbox_id limit 1",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert!(payload["link"].as_str().unwrap().ends_with(&format!("/pledges/{recovered}/pay")), "{payload}");
    let settlement: serde_json::Value =
        app.call(&payer, "campaigns/settlement", &[("slug", &f.slug)]).await.json().await.unwrap();
    assert!(settlement.is_null(), "only the team sees the settlement");

    // the pay link: a new card, charged on the spot
    let page = pay_page(&app, &payer, recovered).await;
    assert_eq!(page["mode"], "save_card");
    assert!(page["pledge"]["payment_error"].is_string(), "the page says why: {page}");
    let shown = save_card(&app, &payer, recovered, "pm_card_visa").await;
    assert_eq!(shown["status"], "collected", "{shown}");
    assert_eq!(outbox(&pool, "payment_receipt").await, 1);

    // the other: three reminders 48 h apart, then the final retry fails and the pledge is dropped
    let payments = app.state.payments();
    for step in 1..=4 {
        run(&payments, &Task::Recover { pledge_id: PledgeId(dropped), step }).await.unwrap();
    }
    assert_eq!(outbox(&pool, "payment_reminder").await, 3);
    assert_eq!(pledge_status(&pool, dropped).await, "dropped");
    assert_eq!(outbox(&pool, "pledge_dropped").await, 1);
    let attempts: i64 = sqlx::query_scalar("select count(*) from payment where pledge_id = $1 and kind = 'charge'")
        .bind(dropped)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(attempts, 2, "the charge run and the final retry");
    // recovery of the paid pledge stops by itself
    run(&payments, &Task::Recover { pledge_id: PledgeId(recovered), step: 1 }).await.unwrap();
    assert_eq!(outbox(&pool, "payment_reminder").await, 3);

    let mut db = pool.acquire().await.unwrap();
    let s = app::backend::db::pledges::settlement(&mut db, app::domain::CampaignId(f.campaign)).await.unwrap();
    assert_eq!((s.collected.amount(), s.collected_count), (Decimal::from(40), 1));
    assert_eq!((s.dropped.amount(), s.dropped_count), (Decimal::from(40), 1));
    assert_totals_consistent(&pool).await;
    app.stop().await;
}

#[sqlx::test(migrations = "../migrations")]
async fn flexible_pledges_are_charged_at_once_and_refunded_when_the_campaign_is_cancelled(pool: PgPool) {
    let f = campaign(&pool, "flexible", 1000).await;
    let app = fixtures::app(pool.clone()).await;
    let backer = backers(&app, 1).await.remove(0);
    let id = pledge_id(&app, &backer, &f.slug, &[("form[extra]", "30")]).await;
    let shown = save_card(&app, &backer, id, "pm_card_visa").await;
    assert_eq!(shown["status"], "collected", "{shown}");
    assert_eq!(totals(&pool, f.campaign).await, (Decimal::from(30), 1));
    assert_eq!(outbox(&pool, "payment_receipt").await, 1);
    let (status, html) = {
        let response = backer.get(format!("{}/pledges/{id}/receipt", app.base)).send().await.unwrap();
        (response.status().as_u16(), response.text().await.unwrap())
    };
    assert_eq!(status, 200);
    assert!(html.contains(&format!("TRAME-{id:06}")) && html.contains("30.00"), "the receipt page");

    // a backer cannot cancel the campaign; its owner can
    let response = app.call(&backer, "campaigns/cancel", &[("slug", &f.slug)]).await;
    assert_eq!(response.status(), 403);
    sqlx::query("update app_user set password_hash = (select password_hash from app_user where password_hash is not null limit 1) where email = $1")
        .bind(&f.owner_email)
        .execute(&pool)
        .await
        .unwrap();
    let owner = app.browser();
    let response = app.call(&owner, "auth/sign-in", &[("email", &f.owner_email), ("password", PASSWORD)]).await;
    assert_eq!(response.status(), 200);
    let settlement: serde_json::Value =
        app.call(&owner, "campaigns/settlement", &[("slug", &f.slug)]).await.json().await.unwrap();
    assert_eq!(settlement["collected"]["amount"], "30.00");
    let response = app.call(&owner, "campaigns/cancel", &[("slug", &f.slug)]).await;
    assert_eq!(response.status(), 200);
    let payments = app.state.payments();
    while payments.settle(CampaignId(f.campaign)).await.unwrap() {}
    while payments.settle(CampaignId(f.campaign)).await.unwrap() {}
    assert_eq!(pledge_status(&pool, id).await, "refunded");
    let refunds: i64 =
        sqlx::query_scalar("select count(*) from payment where kind = 'refund' and status = 'succeeded'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(refunds, 1, "refunded once");
    let pi = charge_intent(&pool, id).await;
    let at_stripe = stripe_get("refunds?limit=100000").await;
    let count = at_stripe["data"].as_array().unwrap().iter().filter(|r| r["payment_intent"] == pi.as_str()).count();
    assert_eq!(count, 1, "one refund at Stripe");
    assert_eq!(outbox(&pool, "refunded").await, 1);
    assert_totals_consistent(&pool).await;
    app.stop().await;
}

/// The close is a durable job: scheduled at start-up for the deadline, kept across a restart,
/// run within a second or two of it.
#[sqlx::test(migrations = "../migrations")]
async fn the_close_runs_at_the_deadline_and_survives_a_restart(pool: PgPool) {
    let f = campaign(&pool, "all_or_nothing", 100_000).await;
    sqlx::query("update campaign set ends_at = now() + interval '4 seconds' where campaign_id = $1")
        .bind(f.campaign)
        .execute(&pool)
        .await
        .unwrap();
    // a first server schedules the close, then stops before the deadline
    let first = fixtures::app(pool.clone()).await;
    first.stop().await;
    let scheduled: i64 = sqlx::query_scalar(
        "select count(*) from underway.task where input->'step_input'->>'task' = 'close_campaign' and state = 'pending'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(scheduled, 1);
    // the next one has workers; it does not schedule a second close
    let second = TestApp::spawn_with_workers(pool.clone()).await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let late = loop {
        let row: (String, Option<f64>) = sqlx::query_as(
            "select status, extract(epoch from closed_at - ends_at)::float8 from campaign where campaign_id = $1",
        )
        .bind(f.campaign)
        .fetch_one(&pool)
        .await
        .unwrap();
        if row.0 != "live" {
            assert_eq!(row.0, "failed");
            break row.1.unwrap();
        }
        assert!(std::time::Instant::now() < deadline, "the campaign never closed");
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    };
    assert!((0.0..3.0).contains(&late), "closed {late} s after the deadline");
    let closes: i64 =
        sqlx::query_scalar("select count(*) from underway.task where input->'step_input'->>'task' = 'close_campaign'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(closes, 1);
    second.stop().await;
}

/// The demo data has pledges without Stripe objects: closing and cancelling its campaigns must
/// still end, with every pledge settled and the totals consistent.
#[sqlx::test(migrations = "../migrations")]
async fn the_demo_campaigns_close_and_cancel_to_the_end(pool: PgPool) {
    trame::seed::seed(&pool).await.expect("seed");
    let app = fixtures::app(pool.clone()).await;
    let campaigns: Vec<(i64, String)> =
        sqlx::query_as("select campaign_id, funding_model from campaign where status = 'live'")
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(campaigns.len(), 2);
    let payments = app.state.payments();
    for (campaign, model) in campaigns {
        if model == "flexible" {
            payments.cancel_campaign(CampaignId(campaign)).await.unwrap();
        } else {
            close(&app, campaign).await;
        }
        let mut runs = 0;
        while payments.settle(CampaignId(campaign)).await.unwrap() {
            runs += 1;
            assert!(runs < 50, "the settle run keeps going");
        }
        let waiting: i64 = sqlx::query_scalar(
            "select count(*) from pledge where campaign_id = $1 and status in ('pending', 'active')",
        )
        .bind(campaign)
        .fetch_one(&pool)
        .await
        .unwrap();
        assert_eq!(waiting, 0, "every pledge of campaign {campaign} ({model}) was settled");
    }
    assert_totals_consistent(&pool).await;
    app.stop().await;
}

/// A charge that needs the backer (3-D Secure) off-session: the pay page offers exactly that
/// payment to authenticate, and authenticating it collects the pledge.
#[sqlx::test(migrations = "../migrations")]
async fn a_charge_needing_authentication_is_completed_on_the_pay_page(pool: PgPool) {
    let f = campaign(&pool, "all_or_nothing", 40).await;
    let app = fixtures::app(pool.clone()).await;
    let backer = backers(&app, 1).await.remove(0);
    let tier = f.limited_tier.to_string();
    let id = pledge_id(&app, &backer, &f.slug, &[("form[tier]", &tier)]).await;
    // a card that asks for 3-D Secure, saved the way Stripe.js does it (confirm, authenticate)
    assert_eq!(save_3ds_card(&app, &backer, id).await["status"], "active");

    close(&app, f.campaign).await;
    assert_eq!(pledge_status(&pool, id).await, "payment_failed");
    let page = pay_page(&app, &backer, id).await;
    assert_eq!(page["mode"], "authenticate", "{page}");
    // what Stripe.js's confirmCardPayment does after the dialog
    assert_eq!(authenticate(page["client_secret"].as_str().unwrap(), true).await, 200);
    assert_eq!(status(&app, &backer, id).await["status"], "collected");
    let charges: i64 = sqlx::query_scalar("select count(*) from payment where pledge_id = $1 and kind = 'charge'")
        .bind(id)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(charges, 1, "the same PaymentIntent, authenticated: no second charge");
    app.stop().await;
}
