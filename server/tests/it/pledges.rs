//! Pledges over HTTP against the real server, PostgreSQL and localstripe: creating, claiming
//! limited rewards under concurrency, idempotency, amount tampering, changing and cancelling.

use crate::support::fixtures::{self, *};
use rust_decimal::Decimal;
use sqlx::PgPool;

#[sqlx::test(migrations = "../migrations")]
async fn an_all_or_nothing_pledge_claims_its_unit_then_counts_once_the_card_is_saved(pool: PgPool) {
    let f = campaign(&pool, "all_or_nothing", 1000).await;
    let app = fixtures::app(pool.clone()).await;
    let backer = backers(&app, 1).await.remove(0);
    let tier = f.limited_tier.to_string();
    let id = pledge_id(&app, &backer, &f.slug, &[("form[tier]", &tier), ("form[extra]", "5")]).await;
    assert_eq!(pledge_status(&pool, id).await, "pending");
    assert_eq!(claimed(&pool, f.limited_tier).await, 1, "the unit is held at once");
    assert_eq!(totals(&pool, f.campaign).await, (Decimal::ZERO, 0), "not counted before a card is saved");

    let shown = save_card(&app, &backer, id, "pm_card_visa").await;
    assert_eq!(shown["status"], "active", "{shown}");
    assert_eq!(shown["total"]["amount"], "45.00", "CHF 40 reward + CHF 5 extra: {shown}");
    assert_eq!(totals(&pool, f.campaign).await, (Decimal::from(45), 1));
    assert_eq!(outbox(&pool, "pledge_confirmed").await, 1);
    // the return page asked again: still one effect
    status(&app, &backer, id).await;
    assert_eq!(totals(&pool, f.campaign).await, (Decimal::from(45), 1));
    assert_eq!(outbox(&pool, "pledge_confirmed").await, 1);
    assert_totals_consistent(&pool).await;

    // the campaign page shows the new total and one unit fewer
    let (_, html) = app.page(&format!("/campaigns/{}", f.slug), &[]).await;
    assert!(html.contains("45.00"), "raised amount shown");
    assert!(html.contains("9 restants sur 10"), "units left shown");
    app.stop().await;
}

#[sqlx::test(migrations = "../migrations")]
async fn the_same_form_sent_twice_at_once_makes_one_pledge(pool: PgPool) {
    let f = campaign(&pool, "all_or_nothing", 1000).await;
    let app = fixtures::app(pool.clone()).await;
    let backer = backers(&app, 1).await.remove(0);
    let tier = f.limited_tier.to_string();
    for attempt in 0..5 {
        let key = format!("double-click-{attempt}");
        let results = futures_join_all((0..4).map(|_| {
            let (app, backer, slug, tier, key) = (&app, &backer, &f.slug, &tier, &key);
            async move {
                let response = pledge(app, backer, slug, key, &[("form[tier]", tier)]).await;
                (response.status().as_u16(), response.text().await.unwrap())
            }
        }))
        .await;
        assert!(results.iter().all(|(s, _)| *s == 200), "{results:?}");
        let ids: std::collections::HashSet<&String> = results.iter().map(|(_, b)| b).collect();
        assert_eq!(ids.len(), 1, "one pledge for one key: {results:?}");
        // the card is saved before the next try: a backer holds at most three pending pledges
        let id: i64 = results[0].1.parse().unwrap();
        assert_eq!(save_card(&app, &backer, id, "pm_card_visa").await["status"], "active");
    }
    let pledges: i64 = sqlx::query_scalar("select count(*) from pledge").fetch_one(&pool).await.unwrap();
    assert_eq!(pledges, 5);
    assert_eq!(claimed(&pool, f.limited_tier).await, 5, "one unit per pledge, not per request");
    app.stop().await;
}

#[sqlx::test(migrations = "../migrations")]
async fn amounts_come_from_the_database_and_bad_input_is_refused(pool: PgPool) {
    let f = campaign(&pool, "all_or_nothing", 1000).await;
    let other = campaign(&pool, "all_or_nothing", 1000).await;
    let app = fixtures::app(pool.clone()).await;
    let backer = backers(&app, 1).await.remove(0);
    let tier = f.limited_tier.to_string();

    // a price sent by the client is ignored: the reward costs what the database says
    let id = pledge_id(&app, &backer, &f.slug, &[("form[tier]", &tier), ("form[price]", "1"), ("price", "1")]).await;
    let total: Decimal = sqlx::query_scalar("select total_amount from pledge where pledge_id = $1")
        .bind(id)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(total, Decimal::from(40));

    let foreign = other.limited_tier.to_string();
    let size = f.size_question.to_string();
    let sized = f.sized_tier.to_string();
    let answer = format!("form[answers][{size}]");
    type Case<'a> = (&'a str, Vec<(&'a str, &'a str)>, &'a str);
    let cases: Vec<Case> = vec![
        ("a tier of another campaign", vec![("form[tier]", &foreign)], "tier"),
        ("a negative extra", vec![("form[tier]", &tier), ("form[extra]", "-5")], "extra"),
        ("zero without reward", vec![("form[extra]", "0")], "extra"),
        ("below the minimum", vec![("form[extra]", "4.99")], "extra"),
        ("fractions of a centime", vec![("form[extra]", "10.001")], "extra"),
        ("a missing slot", vec![("form[tier]", "0")], "tier"),
        ("a missing answer", vec![("form[tier]", &sized)], "answer"),
        ("an answer not offered", vec![("form[tier]", &sized), (&answer, "XXL")], "answer"),
        ("too many", vec![("form[tier]", &tier), ("form[quantity]", "50")], "quantity"),
    ];
    for (what, fields, field) in cases {
        let response = pledge(&app, &backer, &f.slug, &rand_key(), &fields).await;
        let status = response.status().as_u16();
        let body = response.text().await.unwrap();
        assert_eq!(status, 422, "{what}: {body}");
        assert!(body.contains(field), "{what}: the error names {field}: {body}");
    }
    // the wrong currency
    let response = create_pledge(
        &app,
        &backer,
        &[("slug", &f.slug), ("key", &rand_key()), ("form[currency]", "EUR"), ("form[extra]", "20")],
    )
    .await;
    assert_eq!(response.status(), 422);
    assert!(response.text().await.unwrap().contains("currency"));
    // a sized tier with a valid answer passes
    pledge_id(&app, &backer, &f.slug, &[("form[tier]", &sized), (&answer, "M")]).await;
    let pledges: i64 = sqlx::query_scalar("select count(*) from pledge").fetch_one(&pool).await.unwrap();
    assert_eq!(pledges, 2, "nothing else was saved");
    assert_eq!(claimed(&pool, f.limited_tier).await, 1);
    app.stop().await;
}

#[sqlx::test(migrations = "../migrations")]
async fn strangers_cannot_pledge_or_see_others_pledges(pool: PgPool) {
    let f = campaign(&pool, "all_or_nothing", 1000).await;
    let app = fixtures::app(pool.clone()).await;
    let stranger = app.browser();
    let response = pledge(&app, &stranger, &f.slug, &rand_key(), &[("form[extra]", "20")]).await;
    assert_eq!(response.status(), 401);
    // the pages of a backer send strangers to sign in, and back
    for path in ["/me/pledges", "/pledges/1/pay"] {
        let response = stranger.get(format!("{}{path}", app.base)).header("accept", "text/html").send().await.unwrap();
        assert_eq!(response.status(), 302, "{path}");
        let location = response.headers()["location"].to_str().unwrap().to_owned();
        assert_eq!(location, format!("/signin?next={path}"));
    }
    let mut two = backers(&app, 2).await;
    let (alice, bob) = (two.remove(0), two.remove(0));
    let id = pledge_id(&app, &alice, &f.slug, &[("form[extra]", "20")]).await;
    let response = app.call(&bob, "pledges/pay", &[("pledge", &id.to_string())]).await;
    assert_eq!(response.status(), 404, "another backer's pledge does not exist for Bob");
    let response = app.call(&bob, "pledges/cancel", &[("pledge", &id.to_string())]).await;
    assert_eq!(response.status(), 404);
    assert_eq!(pledge_status(&pool, id).await, "pending");
    app.stop().await;
}

#[sqlx::test(migrations = "../migrations")]
async fn signing_up_inline_keeps_the_choice(pool: PgPool) {
    let f = campaign(&pool, "all_or_nothing", 1000).await;
    let app = fixtures::app(pool.clone()).await;
    let browser = app.browser();
    let tier = f.limited_tier.to_string();
    let response = pledge(
        &app,
        &browser,
        &f.slug,
        &rand_key(),
        &[
            ("form[tier]", &tier),
            ("account", "signup"),
            ("display_name", "Noé"),
            ("email", "noe@example.org"),
            ("password", PASSWORD),
        ],
    )
    .await;
    assert_eq!(response.status(), 200);
    let id: i64 = response.text().await.unwrap().parse().unwrap();
    let backer: String = sqlx::query_scalar(
        "select u.email from pledge p join app_user u on u.user_id = p.backer_id where p.pledge_id = $1",
    )
    .bind(id)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(backer, "noe@example.org");
    // the same browser is now signed in
    let me: serde_json::Value = app.call(&browser, "auth/me", &[]).await.json().await.unwrap();
    assert_eq!(me["email"], "noe@example.org");
    app.stop().await;
}

#[sqlx::test(migrations = "../migrations")]
async fn changing_and_cancelling_give_units_back_and_keep_totals_right(pool: PgPool) {
    let f = campaign(&pool, "all_or_nothing", 1000).await;
    let app = fixtures::app(pool.clone()).await;
    let backer = backers(&app, 1).await.remove(0);
    let tier = f.limited_tier.to_string();
    let id = pledge_id(&app, &backer, &f.slug, &[("form[tier]", &tier)]).await;
    save_card(&app, &backer, id, "pm_card_visa").await;
    assert_eq!(totals(&pool, f.campaign).await, (Decimal::from(40), 1));

    // move to the workshop, two places, plus CHF 10
    let slot_tier = f.slot_tier.to_string();
    let slot = f.slot.to_string();
    let response = app
        .call(
            &backer,
            "pledges/change",
            &[
                ("pledge", &id.to_string()),
                ("form[currency]", "CHF"),
                ("form[tier]", &slot_tier),
                ("form[slot]", &slot),
                ("form[quantity]", "2"),
                ("form[extra]", "10"),
            ],
        )
        .await;
    assert_eq!(response.status(), 200, "{}", response.text().await.unwrap());
    assert_eq!(claimed(&pool, f.limited_tier).await, 0, "the old unit came back");
    assert_eq!(claimed(&pool, f.slot_tier).await, 2);
    assert_eq!(totals(&pool, f.campaign).await, (Decimal::from(60), 1), "2 × 25 + 10");
    assert_eq!(outbox(&pool, "pledge_changed").await, 1);
    assert_totals_consistent(&pool).await;

    let response = app.call(&backer, "pledges/cancel", &[("pledge", &id.to_string())]).await;
    assert_eq!(response.status(), 200);
    assert_eq!(pledge_status(&pool, id).await, "cancelled");
    assert_eq!(claimed(&pool, f.slot_tier).await, 0);
    let slot_claimed: i32 = sqlx::query_scalar("select claimed from reward_slot where reward_slot_id = $1")
        .bind(f.slot)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(slot_claimed, 0);
    assert_eq!(totals(&pool, f.campaign).await, (Decimal::ZERO, 0));
    assert_eq!(outbox(&pool, "pledge_cancelled").await, 1);
    assert_totals_consistent(&pool).await;

    // after the deadline nothing changes any more
    let id = pledge_id(&app, &backer, &f.slug, &[("form[tier]", &tier)]).await;
    sqlx::query("update campaign set ends_at = now() - interval '1 second', starts_at = now() - interval '2 days' where campaign_id = $1")
        .bind(f.campaign)
        .execute(&pool)
        .await
        .unwrap();
    let response = app.call(&backer, "pledges/cancel", &[("pledge", &id.to_string())]).await;
    assert_eq!(response.status(), 409);
    let response = pledge(&app, &backer, &f.slug, &rand_key(), &[("form[extra]", "20")]).await;
    assert_eq!(response.status(), 409, "closed campaigns take no pledge");
    app.stop().await;
}

#[sqlx::test(migrations = "../migrations")]
async fn a_hold_without_a_card_gives_its_unit_back(pool: PgPool) {
    let f = campaign(&pool, "all_or_nothing", 1000).await;
    let app = fixtures::app(pool.clone()).await;
    let mut two = backers(&app, 2).await;
    let (slow, quick) = (two.remove(0), two.remove(0));
    let tier = f.limited_tier.to_string();
    let abandoned = pledge_id(&app, &slow, &f.slug, &[("form[tier]", &tier)]).await;
    // the card form was opened (a SetupIntent exists) but never completed
    pay_page(&app, &slow, abandoned).await;
    let saved_late = pledge_id(&app, &quick, &f.slug, &[("form[tier]", &tier)]).await;
    let page = pay_page(&app, &quick, saved_late).await;
    // the card is saved at Stripe, but the return page and the webhook never came
    let seti = page["client_secret"].as_str().unwrap().split("_secret_").next().unwrap().to_owned();
    stripe_post(&format!("setup_intents/{seti}/confirm"), &[("payment_method", "pm_card_visa")]).await;
    assert_eq!(claimed(&pool, f.limited_tier).await, 2);

    sqlx::query("update pledge set hold_expires_at = now() - interval '1 second'").execute(&pool).await.unwrap();
    let state = app.state.clone();
    for id in [abandoned, saved_late] {
        app::backend::jobs::run(
            &state.payments(),
            &app::backend::jobs::Task::ReleaseHold { pledge_id: app::domain::PledgeId(id) },
        )
        .await
        .unwrap();
    }
    assert_eq!(pledge_status(&pool, abandoned).await, "dropped");
    assert_eq!(pledge_status(&pool, saved_late).await, "active", "Stripe was asked before releasing");
    assert_eq!(claimed(&pool, f.limited_tier).await, 1);
    assert_totals_consistent(&pool).await;
    app.stop().await;
}
