//! The defects a review of the money code found, each shown fixed against the real server,
//! PostgreSQL and localstripe: charges still open, double charges, a charge run that stopped for
//! good, held rewards, absurd amounts, pages with side effects, deadlocks, match drift.

use crate::support::fixtures::{self, *};
use crate::support::TestApp;
use app::backend::jobs::{run, Task};
use app::backend::payments::Settled;
use app::domain::{CampaignId, PledgeId};
use rust_decimal::Decimal;
use sqlx::PgPool;

/// A flexible pledge of CHF 30 whose charge waits for 3-D Secure: pending, its charge open.
async fn pledge_waiting_for_3ds(app: &TestApp, backer: &reqwest::Client, f: &Fixture) -> i64 {
    let id = pledge_id(app, backer, &f.slug, &[("form[extra]", "30")]).await;
    let shown = save_3ds_card(app, backer, id).await;
    assert_eq!(shown["status"], "pending", "{shown}");
    let page = pay_page(app, backer, id).await;
    assert_eq!(page["mode"], "authenticate", "the charge waits for the backer: {page}");
    id
}

async fn charge_rows(pool: &PgPool, pledge: i64) -> Vec<(i32, String)> {
    sqlx::query_as("select attempt, status from payment where pledge_id = $1 and kind = 'charge' order by attempt")
        .bind(pledge)
        .fetch_all(pool)
        .await
        .unwrap()
}

async fn run_queued(app: &TestApp, kind: &str) {
    // the tasks of that kind the code queued, run here as a worker would
    let inputs: Vec<serde_json::Value> = sqlx::query_scalar(
        "select input->'step_input' from underway.task where task_queue_name = 'payments' and state = 'pending'
         and input->'step_input'->>'task' = $1",
    )
    .bind(kind)
    .fetch_all(&app.pool)
    .await
    .unwrap();
    for input in inputs {
        let task: Task = serde_json::from_value(input).unwrap();
        run(&app.state.payments(), &task).await.unwrap();
    }
}

/// Defect 1: a pledge whose charge is open can be neither changed nor cancelled, and a charge
/// whose amount is not the pledge's is refunded instead of collected.
#[sqlx::test(migrations = "../migrations")]
async fn an_open_charge_blocks_changes_and_a_charge_the_pledge_cannot_keep_is_refunded(pool: PgPool) {
    let f = campaign(&pool, "flexible", 1000).await;
    let app = fixtures::app(pool.clone()).await;
    let backer = backers(&app, 1).await.remove(0);
    let id = pledge_waiting_for_3ds(&app, &backer, &f).await;

    let changed = app
        .call(
            &backer,
            "pledges/change",
            &[("pledge", &id.to_string()), ("form[extra]", "300"), ("form[currency]", "CHF")],
        )
        .await;
    assert_eq!(changed.status(), 422);
    assert!(changed.text().await.unwrap().contains("PledgeChargeInProgress"));
    let cancelled = app.call(&backer, "pledges/cancel", &[("pledge", &id.to_string())]).await;
    assert_eq!(cancelled.status(), 422);
    let mine: serde_json::Value = app.call(&backer, "pledges/mine", &[]).await.json().await.unwrap();
    assert_eq!(mine[0]["changeable"], false, "the page offers no change either");
    assert_eq!(pledge_status(&pool, id).await, "pending");

    // the pledge's amount moved anyway (an old row, a bug): Stripe takes CHF 30, we asked 300
    sqlx::query("update pledge set extra_amount = 300, total_amount = 300 where pledge_id = $1")
        .bind(id)
        .execute(&pool)
        .await
        .unwrap();
    let page = pay_page(&app, &backer, id).await;
    assert_eq!(authenticate(page["client_secret"].as_str().unwrap(), true).await, 200);
    let shown = status(&app, &backer, id).await;
    assert_ne!(shown["status"], "collected", "never collected at an amount Stripe did not take: {shown}");
    run_queued(&app, "refund_charge").await;
    let refunds: Vec<(String, Decimal)> =
        sqlx::query_as("select status, amount from payment where pledge_id = $1 and kind = 'refund'")
            .bind(id)
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(refunds, vec![("succeeded".to_owned(), Decimal::from(30))], "the money went back, recorded");
    let pi = charge_intent(&pool, id).await;
    let at_stripe = stripe_get("refunds?limit=100000").await;
    let count = at_stripe["data"].as_array().unwrap().iter().filter(|r| r["payment_intent"] == pi.as_str()).count();
    assert_eq!(count, 1, "one refund at Stripe");
    assert_totals_consistent(&pool).await;
    app.stop().await;
}

/// Defects 1 and 5: a flexible pledge whose card was refused, or whose charge waits for 3-D
/// Secure, gives its unit back when its hold ends, and its open charge is cancelled at Stripe.
#[sqlx::test(migrations = "../migrations")]
async fn an_unpaid_flexible_pledge_gives_its_unit_back_and_its_open_charge_is_cancelled(pool: PgPool) {
    let f = campaign(&pool, "flexible", 1000).await;
    let app = fixtures::app(pool.clone()).await;
    let mut two = backers(&app, 2).await;
    let (refused, waiting) = (two.remove(0), two.remove(0));
    let tier = f.limited_tier.to_string();
    let declined = pledge_id(&app, &refused, &f.slug, &[("form[tier]", &tier)]).await;
    let shown = save_card(&app, &refused, declined, "pm_card_chargeCustomerFail").await;
    assert_eq!(shown["status"], "pending", "the card was saved but the charge refused: {shown}");
    let open = pledge_waiting_for_3ds(&app, &waiting, &f).await;
    assert_eq!(claimed(&pool, f.limited_tier).await, 1);

    sqlx::query("update pledge set hold_expires_at = now() - interval '1 second'").execute(&pool).await.unwrap();
    let payments = app.state.payments();
    for id in [declined, open] {
        run(&payments, &Task::ReleaseHold { pledge_id: PledgeId(id) }).await.unwrap();
    }
    assert_eq!(pledge_status(&pool, declined).await, "dropped");
    assert_eq!(pledge_status(&pool, open).await, "dropped");
    assert_eq!(claimed(&pool, f.limited_tier).await, 0, "the unit is free for others");
    let pi = charge_intent(&pool, open).await;
    assert_eq!(stripe_get(&format!("payment_intents/{pi}")).await["status"], "canceled");
    assert_eq!(charge_rows(&pool, open).await, vec![(1, "cancelled".to_owned())]);
    assert_totals_consistent(&pool).await;
    app.stop().await;
}

/// Defect 2: a charge waiting for the backer is cancelled before the final retry replaces it
/// (it could otherwise be paid later, twice), and a refund gives back every charge that
/// succeeded.
#[sqlx::test(migrations = "../migrations")]
async fn a_superseded_charge_is_cancelled_and_refunds_cover_every_charge(pool: PgPool) {
    let f = campaign(&pool, "all_or_nothing", 40).await;
    let app = fixtures::app(pool.clone()).await;
    let backer = backers(&app, 1).await.remove(0);
    let tier = f.limited_tier.to_string();
    let id = pledge_id(&app, &backer, &f.slug, &[("form[tier]", &tier)]).await;
    assert_eq!(save_3ds_card(&app, &backer, id).await["status"], "active");
    close(&app, f.campaign).await;
    assert_eq!(pledge_status(&pool, id).await, "payment_failed");
    let first = pay_page(&app, &backer, id).await;
    assert_eq!(first["mode"], "authenticate");

    // the charge run comes again: the open charge is re-read, not doubled
    let payments = app.state.payments();
    assert!(matches!(payments.settle_some(CampaignId(f.campaign), 25).await.unwrap(), Settled::Done));
    assert_eq!(charge_rows(&pool, id).await.len(), 1);

    // the final retry: the waiting charge is cancelled first, then one new attempt
    run(&payments, &Task::Recover { pledge_id: PledgeId(id), step: 4 }).await.unwrap();
    let rows = charge_rows(&pool, id).await;
    assert_eq!(rows[0], (1, "cancelled".to_owned()), "{rows:?}");
    assert_eq!(pledge_status(&pool, id).await, "dropped");
    assert!(rows.iter().all(|(_, s)| s != "requires_action" && s != "pending"), "nothing left open: {rows:?}");
    // the backer comes back to the old page and authenticates: Stripe refuses, nothing is taken
    authenticate(first["client_secret"].as_str().unwrap(), true).await;
    let old = first["client_secret"].as_str().unwrap().split("_secret_").next().unwrap().to_owned();
    assert_ne!(stripe_get(&format!("payment_intents/{old}")).await["status"], "succeeded");
    app.stop().await;
}

/// Defect 2, refunds: a pledge charged twice (an old attempt that succeeded after all) gets
/// both charges back when the campaign is cancelled.
#[sqlx::test(migrations = "../migrations")]
async fn a_cancelled_campaign_refunds_every_succeeded_charge(pool: PgPool) {
    let f = campaign(&pool, "flexible", 1000).await;
    let app = fixtures::app(pool.clone()).await;
    let backer = backers(&app, 1).await.remove(0);
    let id = pledge_id(&app, &backer, &f.slug, &[("form[extra]", "30")]).await;
    assert_eq!(save_card(&app, &backer, id, "pm_card_visa").await["status"], "collected");
    // a second charge of the same card that succeeded at Stripe, recorded as attempt 2
    let customer: String = sqlx::query_scalar("select stripe_customer_id from pledge where pledge_id = $1")
        .bind(id)
        .fetch_one(&pool)
        .await
        .unwrap();
    let method: String = sqlx::query_scalar("select stripe_payment_method_id from pledge where pledge_id = $1")
        .bind(id)
        .fetch_one(&pool)
        .await
        .unwrap();
    let second = stripe_post(
        "payment_intents",
        &[
            ("amount", "3000"),
            ("currency", "chf"),
            ("customer", &customer),
            ("payment_method", &method),
            ("confirm", "true"),
        ],
    )
    .await;
    assert_eq!(second["status"], "succeeded", "{second}");
    sqlx::query(
        "insert into payment (pledge_id, kind, attempt, amount, currency, idempotency_key, stripe_object_id, status)
         values ($1, 'charge', 2, 30, 'CHF', $2, $3, 'succeeded')",
    )
    .bind(id)
    .bind(format!("{}-pledge-{id}-charge-2", app.state.settings.deployment_id))
    .bind(second["id"].as_str().unwrap())
    .execute(&pool)
    .await
    .unwrap();
    app.state.payments().cancel_campaign(CampaignId(f.campaign)).await.unwrap();
    while app.state.payments().settle(CampaignId(f.campaign)).await.unwrap() {}
    assert_eq!(pledge_status(&pool, id).await, "refunded");
    let refunds: Vec<(i32, String)> =
        sqlx::query_as("select attempt, status from payment where pledge_id = $1 and kind = 'refund' order by attempt")
            .bind(id)
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(refunds, vec![(1, "succeeded".to_owned()), (2, "succeeded".to_owned())]);
    app.stop().await;
}

/// Defect 3: a charge run killed mid-way, again and again, leaves no lock behind; the next run
/// charges everyone exactly once. One pledge failing for a reason other than its card does not
/// stop the others, and the run is queued again for it.
#[sqlx::test(migrations = "../migrations")]
async fn a_killed_charge_run_resumes_and_a_failing_pledge_does_not_stop_the_others(pool: PgPool) {
    let f = campaign(&pool, "all_or_nothing", 40).await;
    let app = fixtures::app(pool.clone()).await;
    let clients = backers(&app, 6).await;
    let mut pledges = Vec::new();
    for client in &clients {
        let id = pledge_id(&app, client, &f.slug, &[("form[extra]", "20")]).await;
        assert_eq!(save_card(&app, client, id, "pm_card_visa").await["status"], "active");
        pledges.push(id);
    }
    // Stripe does not know this one's customer any more: a non-card error
    let broken = pledges[1];
    sqlx::query("update pledge set stripe_customer_id = 'cus_unknown' where pledge_id = $1")
        .bind(broken)
        .execute(&pool)
        .await
        .unwrap();
    sqlx::query("update campaign set ends_at = now() where campaign_id = $1")
        .bind(f.campaign)
        .execute(&pool)
        .await
        .unwrap();
    let payments = app.state.payments();
    run(&payments, &Task::CloseCampaign { campaign_id: CampaignId(f.campaign) }).await.unwrap();

    // killed mid-way, three times: the task is dropped wherever it is (a timeout does this)
    for delay in [5, 40, 120] {
        let state = app.state.clone();
        let campaign = CampaignId(f.campaign);
        let task = tokio::spawn(async move { state.payments().settle_some(campaign, 2).await });
        tokio::time::sleep(std::time::Duration::from_millis(delay)).await;
        task.abort();
        let _ = task.await;
    }
    // the lock died with the run: the next one proceeds
    let mut runs = 0;
    loop {
        runs += 1;
        assert!(runs < 20, "the run keeps going");
        match payments.settle_some(CampaignId(f.campaign), 2).await.unwrap() {
            Settled::More => {}
            Settled::Busy => panic!("a killed run left its lock behind"),
            Settled::Done | Settled::Blocked => break,
        }
    }
    for &pledge in &pledges {
        let rows = charge_rows(&pool, pledge).await;
        if pledge == broken {
            assert_eq!(pledge_status(&pool, pledge).await, "active", "waits for a later run");
            continue;
        }
        assert_eq!(pledge_status(&pool, pledge).await, "collected", "pledge {pledge}: {rows:?}");
        assert_eq!(rows, vec![(1, "succeeded".to_owned())], "charged once: {rows:?}");
    }
    let at_stripe = intents_of(&customers(&pool, f.campaign).await).await;
    let succeeded = at_stripe.iter().filter(|(_, s)| s == "succeeded").count();
    assert_eq!(succeeded, pledges.len() - 1, "exactly once each at Stripe: {at_stripe:?}");
    // the job queues itself again for the pledge left
    run(&payments, &Task::Settle { campaign_id: CampaignId(f.campaign) }).await.unwrap();
    let queued: i64 = sqlx::query_scalar(
        "select count(*) from underway.task where state = 'pending' and input->'step_input'->>'task' = 'settle'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert!(queued >= 1, "a later run is queued");
    let noted: Option<chrono::DateTime<chrono::Utc>> =
        sqlx::query_scalar("select settle_error_at from pledge where pledge_id = $1")
            .bind(broken)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert!(noted.is_some(), "the failing pledge goes to the back of the queue");
    app.stop().await;
}

/// Defect 5: pledging is rate limited per account, and a backer can hold only a few pending
/// pledges on one campaign (a script cannot keep a limited reward "sold out").
#[sqlx::test(migrations = "../migrations")]
async fn pledging_is_limited_and_pending_pledges_are_capped(pool: PgPool) {
    let f = campaign(&pool, "all_or_nothing", 1000).await;
    let app = TestApp::spawn_own_pool(
        pool.clone(),
        &[
            ("TRAME_AUTH_LIMIT_PER_ADDRESS", "1000"),
            ("TRAME_PLEDGE_LIMIT_PER_ACCOUNT", "5"),
            ("TRAME_PLEDGE_LIMIT_PER_ADDRESS", "1000"),
        ],
    )
    .await;
    let backer = backers(&app, 1).await.remove(0);
    let tier = f.limited_tier.to_string();
    let mut statuses = Vec::new();
    for _ in 0..6 {
        statuses.push(pledge(&app, &backer, &f.slug, &rand_key(), &[("form[tier]", &tier)]).await.status().as_u16());
    }
    assert_eq!(statuses, [200, 200, 200, 422, 422, 429], "three pending at most, five tries a minute");
    assert_eq!(claimed(&pool, f.limited_tier).await, 3, "the others are free for everyone else");
    app.stop().await;
}

/// Defect 6: rate-limit keys come from parsed values, and behind a proxy the address is the one
/// the proxy saw (the last `X-Forwarded-For` entry), not what the client wrote first.
#[sqlx::test(migrations = "../migrations")]
async fn rate_limits_use_parsed_keys_and_the_proxy_s_hop(pool: PgPool) {
    let app = TestApp::spawn_with(
        pool,
        &[("TRAME_AUTH_LIMIT_PER_ACCOUNT", "3"), ("TRAME_AUTH_LIMIT_PER_ADDRESS", "5"), ("TRAME_TRUST_PROXY", "true")],
    )
    .await;
    let client = app.browser();
    let sign_in = |email: &'static str, forwarded: String| {
        let client = client.clone();
        let url = format!("{}/api/auth/sign-in", app.base);
        async move {
            client
                .post(url)
                .header("accept", "application/json")
                .header("x-forwarded-for", forwarded)
                .form(&[("email", email), ("password", "wrong password here")])
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    };
    // one account, spelled three ways, from addresses the client made up: one bucket
    let mut statuses = Vec::new();
    for (i, email) in
        ["lea@example.org", "   lea@example.org", "LEA@example.org ", "lea@example.org"].iter().enumerate()
    {
        statuses.push(sign_in(email, format!("198.51.100.{i}, 10.0.0.1")).await);
    }
    assert_eq!(statuses, [422, 422, 422, 429]);
    // other accounts through the same proxy hop: the address limit (5) holds whatever the client wrote
    let mut statuses = Vec::new();
    for (i, email) in ["a@example.org", "b@example.org"].iter().enumerate() {
        statuses.push(sign_in(email, format!("203.0.113.{i}, 10.0.0.1")).await);
    }
    assert_eq!(statuses, [422, 429], "five attempts from 10.0.0.1");
    // another hop is another address
    assert_eq!(sign_in("c@example.org", "203.0.113.9, 10.0.0.2".into()).await, 422);
}

/// Defect 7: absurd amounts get a clear error, on create and on change, and nothing panics.
#[sqlx::test(migrations = "../migrations")]
async fn absurd_amounts_are_refused_clearly(pool: PgPool) {
    let f = campaign(&pool, "all_or_nothing", 1000).await;
    let app = fixtures::app(pool.clone()).await;
    let backer = backers(&app, 1).await.remove(0);
    let tier = f.limited_tier.to_string();
    for extra in ["79228162514264337593543950335", "99999999999", "1e30", "-0.01"] {
        let response =
            pledge(&app, &backer, &f.slug, &rand_key(), &[("form[tier]", &tier), ("form[extra]", extra)]).await;
        assert_eq!(response.status(), 422, "extra {extra}");
        assert!(response.text().await.unwrap().contains("extra"), "the field is named");
    }
    let id = pledge_id(&app, &backer, &f.slug, &[("form[tier]", &tier)]).await;
    let response = app
        .call(
            &backer,
            "pledges/change",
            &[
                ("pledge", &id.to_string()),
                ("form[tier]", &tier),
                ("form[quantity]", "3"),
                ("form[extra]", "79228162514264337593543950335"),
                ("form[currency]", "CHF"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    assert_eq!(claimed(&pool, f.limited_tier).await, 1, "nothing changed");
    app.stop().await;
}

/// Defect 8: loading a pledge's pages only reads; Stripe is called on POSTs.
#[sqlx::test(migrations = "../migrations")]
async fn pledge_pages_only_read(pool: PgPool) {
    let f = campaign(&pool, "all_or_nothing", 40).await;
    let app = fixtures::app(pool.clone()).await;
    let backer = backers(&app, 1).await.remove(0);
    let tier = f.limited_tier.to_string();
    let id = pledge_id(&app, &backer, &f.slug, &[("form[tier]", &tier)]).await;
    assert_eq!(save_card(&app, &backer, id, "pm_card_chargeCustomerFail").await["status"], "active");
    close(&app, f.campaign).await;
    assert_eq!(pledge_status(&pool, id).await, "payment_failed");
    // every object our code creates at Stripe is written down first as a payment row
    let rows =
        || async { sqlx::query_scalar::<_, i64>("select count(*) from payment").fetch_one(&pool).await.unwrap() };
    let before = rows().await;
    for path in [format!("/pledges/{id}/pay"), format!("/pledges/{id}"), format!("/pledges/{id}/receipt")] {
        for _ in 0..2 {
            let response = backer.get(format!("{}{path}", app.base)).send().await.unwrap();
            assert_eq!(response.status(), 200, "{path}");
        }
    }
    assert_eq!(load_pay_page(&app, &backer, id).await["step"]["mode"], "prepare", "a new card is needed");
    assert_eq!(rows().await, before, "no payment row, no Stripe object from a GET");
    // the button: a POST prepares a new card form
    assert_eq!(pay_page(&app, &backer, id).await["mode"], "save_card");
    assert_eq!(rows().await, before + 1);
    app.stop().await;
}

/// Defect 9: changes and cancels racing a close take their locks in one order: nobody gets a
/// deadlock (a 500), and the totals add up.
#[sqlx::test(migrations = "../migrations")]
async fn changes_and_cancels_racing_a_close_never_deadlock(pool: PgPool) {
    let f = campaign(&pool, "all_or_nothing", 100_000).await;
    let app = fixtures::app(pool.clone()).await;
    let clients = backers(&app, 12).await;
    let tier = f.sized_tier.to_string();
    let question = format!("form[answers][{}]", f.size_question);
    let mut pledges = Vec::new();
    for client in &clients {
        let id = pledge_id(&app, client, &f.slug, &[("form[tier]", &tier), (&question, "M")]).await;
        assert_eq!(save_card(&app, client, id, "pm_card_visa").await["status"], "active");
        pledges.push(id);
    }
    sqlx::query("update campaign set ends_at = now() + interval '300 milliseconds' where campaign_id = $1")
        .bind(f.campaign)
        .execute(&pool)
        .await
        .unwrap();
    let mut calls = Vec::new();
    for (i, (client, id)) in clients.iter().zip(&pledges).enumerate() {
        let (app, tier, question) = (&app, &tier, &question);
        calls.push(async move {
            let id = id.to_string();
            let mut statuses = Vec::new();
            for round in 0..4 {
                let response = if i % 3 == 0 && round == 3 {
                    app.call(client, "pledges/cancel", &[("pledge", &id)]).await
                } else {
                    let extra = format!("{}", 5 + round);
                    let form = [
                        ("pledge", id.as_str()),
                        ("form[tier]", tier.as_str()),
                        (question.as_str(), "L"),
                        ("form[extra]", extra.as_str()),
                        ("form[currency]", "CHF"),
                    ];
                    app.call(client, "pledges/change", &form).await
                };
                statuses.push(response.status().as_u16());
                tokio::time::sleep(std::time::Duration::from_millis(60)).await;
            }
            statuses
        });
    }
    let closer = async {
        tokio::time::sleep(std::time::Duration::from_millis(400)).await;
        let payments = app.state.payments();
        run(&payments, &Task::CloseCampaign { campaign_id: CampaignId(f.campaign) }).await
    };
    let (statuses, closed) = tokio::join!(futures_join_all(calls), closer);
    closed.unwrap();
    for s in statuses.iter().flatten() {
        assert!(matches!(s, 200 | 409), "every call is answered, none fails: {statuses:?}");
    }
    assert_totals_consistent(&pool).await;
    app.stop().await;
}

/// Defect 10: a match goes back to the fund it came from, active or not, and the check covers
/// match funds.
#[sqlx::test(migrations = "../migrations")]
async fn a_match_goes_back_to_its_own_fund(pool: PgPool) {
    let f = campaign(&pool, "all_or_nothing", 1000).await;
    let partner: i64 = sqlx::query_scalar(
        "insert into partner (campaign_id, organisation, contact_name, contact_email, kind, level, status)
         values ($1, 'Banque', 'Ana', 'ana@example.org', 'financial', 'major', 'approved') returning partner_id",
    )
    .bind(f.campaign)
    .fetch_one(&pool)
    .await
    .unwrap();
    let fund = |active: bool| {
        let pool = pool.clone();
        async move {
            sqlx::query_scalar::<_, i64>(
                "insert into match_fund (campaign_id, partner_id, currency, ratio, cap_per_pledge, total_cap, status,
                                         matching_since, stripe_payment_method_id)
                 values ($1, $2, 'CHF', 0.5, 40, 1000, case when $3 then 'accepted' else 'withdrawn' end,
                         case when $3 then now() end, 'pm_card_visa') returning match_fund_id",
            )
            .bind(f.campaign)
            .bind(partner)
            .bind(active)
            .fetch_one(&pool)
            .await
            .unwrap()
        }
    };
    let (closed_fund, open_fund) = (fund(false).await, fund(true).await);
    let app = fixtures::app(pool.clone()).await;
    let backer = backers(&app, 1).await.remove(0);
    let id = pledge_id(&app, &backer, &f.slug, &[("form[extra]", "60")]).await;
    assert_eq!(save_card(&app, &backer, id, "pm_card_visa").await["status"], "active");
    let totals_of = |fund: i64| {
        let pool = pool.clone();
        async move {
            sqlx::query_scalar::<_, Decimal>("select matched_total from match_fund where match_fund_id = $1")
                .bind(fund)
                .fetch_one(&pool)
                .await
                .unwrap()
        }
    };
    assert_eq!((totals_of(closed_fund).await, totals_of(open_fund).await), (Decimal::ZERO, Decimal::from(30)));
    assert_eq!(app.call(&backer, "pledges/cancel", &[("pledge", &id.to_string())]).await.status(), 200);
    assert_eq!((totals_of(closed_fund).await, totals_of(open_fund).await), (Decimal::ZERO, Decimal::ZERO));
    assert_totals_consistent(&pool).await;
    app.stop().await;
}

/// Defect 11: every key sent to Stripe names the deployment.
#[sqlx::test(migrations = "../migrations")]
async fn idempotency_keys_name_the_deployment(pool: PgPool) {
    let f = campaign(&pool, "flexible", 1000).await;
    let app = TestApp::spawn_own_pool(
        pool.clone(),
        &[("TRAME_DEPLOYMENT_ID", "staging-2"), ("TRAME_AUTH_LIMIT_PER_ADDRESS", "1000")],
    )
    .await;
    let backer = backers(&app, 1).await.remove(0);
    let id = pledge_id(&app, &backer, &f.slug, &[("form[extra]", "30")]).await;
    assert_eq!(save_card(&app, &backer, id, "pm_card_visa").await["status"], "collected");
    let keys: Vec<String> =
        sqlx::query_scalar("select idempotency_key from payment where pledge_id = $1 order by payment_id")
            .bind(id)
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(keys, [format!("staging-2-pledge-{id}-setup-1"), format!("staging-2-pledge-{id}-charge-1")]);
    app.stop().await;
}
