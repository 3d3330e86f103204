//! Matchfunding by partners: a financial partner offers a fund, the campaign's owners accept it,
//! the partner saves a card (against the Stripe test server) and the fund matches pledges, never
//! past its caps, even under a crowd; a cancelled pledge gives its match back; at the close the
//! partner is charged what was matched, and nothing when the goal is missed.

use crate::support;
use crate::support::fixtures::{self, *};
use crate::support::studio::*;
use crate::support::TestApp;
use app::backend::jobs::{run, Task};
use rust_decimal::Decimal;
use sqlx::PgPool;

/// An approved financial partner of the campaign with an accepted fund whose card is saved.
async fn matching_fund(pool: &PgPool, campaign: i64, ratio: &str, cap: Option<i64>, total: i64) -> i64 {
    let partner: i64 = sqlx::query_scalar(
        "insert into partner (campaign_id, organisation, contact_name, contact_email, kind, level, status)
         values ($1, 'Banque du Léman', 'Ana', 'ana@example.org', 'financial', 'major', 'approved') returning partner_id",
    )
    .bind(campaign)
    .fetch_one(pool)
    .await
    .unwrap();
    sqlx::query_scalar(
        "insert into match_fund (campaign_id, partner_id, currency, ratio, cap_per_pledge, total_cap, status,
                                 matching_since, stripe_payment_method_id)
         values ($1, $2, 'CHF', $3::numeric, $4, $5, 'accepted', clock_timestamp(), 'pm_card_visa')
         returning match_fund_id",
    )
    .bind(campaign)
    .bind(partner)
    .bind(ratio)
    .bind(cap.map(Decimal::from))
    .bind(Decimal::from(total))
    .fetch_one(pool)
    .await
    .unwrap()
}

async fn fund_total(pool: &PgPool, fund: i64) -> Decimal {
    sqlx::query_scalar("select matched_total from match_fund where match_fund_id = $1")
        .bind(fund)
        .fetch_one(pool)
        .await
        .unwrap()
}

async fn matched(pool: &PgPool, pledge: i64) -> Decimal {
    sqlx::query_scalar("select matched_amount from pledge where pledge_id = $1")
        .bind(pledge)
        .fetch_one(pool)
        .await
        .unwrap()
}

/// (amount, status) of each charge of the fund's partner.
async fn charges(pool: &PgPool, fund: i64) -> Vec<(Decimal, String)> {
    sqlx::query_as("select amount, status from match_fund_charge where match_fund_id = $1 order by attempt")
        .bind(fund)
        .fetch_all(pool)
        .await
        .unwrap()
}

#[sqlx::test(migrations = "../migrations")]
async fn a_fund_never_matches_past_its_total_under_a_crowd_and_a_cancelled_pledge_frees_its_match(pool: PgPool) {
    let f = campaign(&pool, "all_or_nothing", 100_000).await;
    let fund = matching_fund(&pool, f.campaign, "1", None, 500).await;
    let app = fixtures::app(pool.clone()).await;
    let crowd = backers(&app, 100).await;
    let pledges = futures_join_all(crowd.iter().map(|backer| {
        let (app, slug) = (&app, &f.slug);
        async move {
            let id = pledge_id(app, backer, slug, &[("form[extra]", "20")]).await;
            assert_eq!(save_card(app, backer, id, "pm_card_visa").await["status"], "active");
            id
        }
    }))
    .await;
    assert_eq!(fund_total(&pool, fund).await, Decimal::from(500), "exactly the fund's total, never more");
    let mut amounts = Vec::new();
    for &id in &pledges {
        amounts.push(matched(&pool, id).await);
    }
    assert_eq!(amounts.iter().filter(|a| **a == Decimal::from(20)).count(), 25, "{amounts:?}");
    assert_eq!(amounts.iter().filter(|a| a.is_zero()).count(), 75);
    assert_totals_consistent(&pool).await;

    // a matched pledge is cancelled: its 20 go back to the fund, and the next pledge gets them
    let (i, _) = amounts.iter().enumerate().find(|(_, a)| !a.is_zero()).unwrap();
    let cancel = app.call(&crowd[i], "pledges/cancel", &[("pledge", &pledges[i].to_string())]).await;
    assert_eq!(cancel.status(), 200);
    assert_eq!(fund_total(&pool, fund).await, Decimal::from(480));
    let late = backers(&app, 1).await.remove(0);
    let id = pledge_id(&app, &late, &f.slug, &[("form[extra]", "35")]).await;
    save_card(&app, &late, id, "pm_card_visa").await;
    assert_eq!(matched(&pool, id).await, Decimal::from(20), "what is left, not more");
    assert_eq!(fund_total(&pool, fund).await, Decimal::from(500));
    assert_totals_consistent(&pool).await;
    app.stop().await;
}

#[sqlx::test(migrations = "../migrations")]
async fn funds_apply_in_order_within_their_caps_and_rewards(pool: PgPool) {
    let f = campaign(&pool, "all_or_nothing", 100_000).await;
    // +50 % up to 10 a pledge, then doubling (for the limited reward only)
    let first = matching_fund(&pool, f.campaign, "0.5", Some(10), 1000).await;
    let second = matching_fund(&pool, f.campaign, "1", None, 1000).await;
    sqlx::query("insert into match_fund_tier (match_fund_id, reward_tier_id) values ($1, $2)")
        .bind(second)
        .bind(f.limited_tier)
        .execute(&pool)
        .await
        .unwrap();
    let app = fixtures::app(pool.clone()).await;
    let people = backers(&app, 2).await;
    // CHF 40 reward: the first fund gives 10 (covering 20 francs), the second doubles the other 20
    let tier = f.limited_tier.to_string();
    let with_reward = pledge_id(&app, &people[0], &f.slug, &[("form[tier]", &tier)]).await;
    save_card(&app, &people[0], with_reward, "pm_card_visa").await;
    assert_eq!(matched(&pool, with_reward).await, Decimal::from(30));
    // no reward: only the first fund applies
    let gift = pledge_id(&app, &people[1], &f.slug, &[("form[extra]", "40")]).await;
    save_card(&app, &people[1], gift, "pm_card_visa").await;
    assert_eq!(matched(&pool, gift).await, Decimal::from(10));
    assert_eq!(
        (fund_total(&pool, first).await, fund_total(&pool, second).await),
        (Decimal::from(20), Decimal::from(20))
    );
    let (_, html) = app.page(&format!("/campaigns/{}", f.slug), &[]).await;
    let shown = support::element(&html, &format!("match-fund-{second}"), "p");
    assert!(shown.contains("Banque du Léman") && shown.contains("Sac en lin recyclé"), "{shown}");
    assert_totals_consistent(&pool).await;
    app.stop().await;
}

fn application(slug: &str) -> Vec<(String, String)> {
    [
        ("campaign", slug),
        ("form[organisation]", "Banque du Léman"),
        ("form[contact_name]", "Ana Banque"),
        ("form[kind]", "financial"),
        ("form[level]", "major"),
        ("form[message]", "Nous doublons vos contributions"),
        ("form[website]", ""),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

#[sqlx::test(migrations = "../migrations")]
async fn a_partner_offers_a_fund_the_owners_accept_and_the_partner_pays_what_it_matched(pool: PgPool) {
    let f = campaign(&pool, "all_or_nothing", 100).await;
    let app = TestApp::spawn(pool.clone()).await;
    let owner = member(&app, "owner@example.org", true).await;
    join_team(&pool, f.campaign, "owner@example.org", "owner").await;
    let bank = member(&app, "bank@example.org", true).await;
    let bob = member(&app, "bob@example.org", true).await;

    assert_eq!(send(&app, &bank, "partners/apply", &application(&f.slug)).await.status(), 200);
    assert_eq!(outbox(&pool, "partner_applied").await, 2, "both owners are told");
    let mine: serde_json::Value = app.call(&bank, "partners/mine", &[]).await.json().await.unwrap();
    let partner = mine[0]["id"].to_string();
    let (campaign, tier) = (f.campaign.to_string(), f.limited_tier.to_string());
    let offer = |percent: &'static str| {
        vec![
            ("partner", partner.clone()),
            ("form[percent]", percent.to_owned()),
            ("form[cap_per_pledge]", String::new()),
            ("form[total_cap]", "500".to_owned()),
            ("form[tiers][0]", tier.clone()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect::<Vec<_>>()
    };
    // not approved yet: no fund
    assert_eq!(send(&app, &bank, "funds/offer", &offer("100")).await.status(), 404);
    let approve = [("campaign", campaign.as_str()), ("partner", partner.as_str()), ("approve", "true")];
    assert_eq!(app.call(&owner, "studio/partner/review", &approve).await.status(), 200);
    assert_eq!(error_field(send(&app, &bank, "funds/offer", &offer("0")).await).await, "percent");
    assert_eq!(send(&app, &bob, "funds/offer", &offer("100")).await.status(), 404, "not bob's partnership");
    assert_eq!(send(&app, &bank, "funds/offer", &offer("100")).await.status(), 200);
    assert_eq!(outbox(&pool, "match_fund_offered").await, 2);
    let mine: serde_json::Value = app.call(&bank, "partners/mine", &[]).await.json().await.unwrap();
    let fund = mine[0]["funds"][0]["id"].as_i64().unwrap();
    assert_eq!(mine[0]["funds"][0]["status"], "offered");
    assert_eq!(mine[0]["funds"][0]["tiers"][0], "Sac en lin recyclé");

    // only the campaign's owners decide
    let fund_id = fund.to_string();
    let accept = [("campaign", campaign.as_str()), ("fund", fund_id.as_str()), ("accept", "true")];
    for client in [&bob, &bank] {
        assert_eq!(app.call(client, "studio/fund/decide", &accept).await.status(), 403);
    }
    assert_eq!(app.call(&owner, "studio/fund/decide", &accept).await.status(), 200);
    assert_eq!(outbox(&pool, "match_fund_decided").await, 1);
    assert_eq!(error_field(app.call(&owner, "studio/fund/decide", &accept).await).await, "fund", "decided once");

    // accepted but no card yet: it does not match
    let crowd = backers(&app, 3).await;
    let early = pledge_id(&app, &crowd[0], &f.slug, &[("form[tier]", &tier)]).await;
    save_card(&app, &crowd[0], early, "pm_card_visa").await;
    assert_eq!(matched(&pool, early).await, Decimal::ZERO);

    // the partner saves a card the way a backer does
    assert_eq!(app.call(&bob, "funds/card", &[("fund", &fund_id)]).await.status(), 404);
    let page: serde_json::Value = app.call(&bank, "funds/card", &[("fund", &fund_id)]).await.json().await.unwrap();
    let seti = page["client_secret"].as_str().unwrap().split("_secret_").next().unwrap().to_owned();
    stripe_post(&format!("setup_intents/{seti}/confirm"), &[("payment_method", "pm_card_visa")]).await;
    let saved: bool = app.call(&bank, "funds/card_saved", &[("fund", &fund_id)]).await.json().await.unwrap();
    assert!(saved);

    let late = pledge_id(&app, &crowd[1], &f.slug, &[("form[tier]", &tier)]).await;
    save_card(&app, &crowd[1], late, "pm_card_visa").await;
    assert_eq!(matched(&pool, late).await, Decimal::from(40), "doubled");
    let gift = pledge_id(&app, &crowd[2], &f.slug, &[("form[extra]", "30")]).await;
    save_card(&app, &crowd[2], gift, "pm_card_visa").await;
    assert_eq!(matched(&pool, gift).await, Decimal::ZERO, "kept to the linen bag");

    // the goal is reached; once the pledges are charged, the partner pays the CHF 40 matched
    close(&app, f.campaign).await;
    let payments = app.state.payments();
    run(&payments, &Task::ChargeFund { match_fund_id: fund }).await.unwrap();
    assert_eq!(charges(&pool, fund).await, [(Decimal::from(40), "succeeded".to_owned())]);
    let intent: String =
        sqlx::query_scalar("select stripe_payment_intent_id from match_fund_charge where match_fund_id = $1")
            .bind(fund)
            .fetch_one(&pool)
            .await
            .unwrap();
    let at_stripe = stripe_get(&format!("payment_intents/{intent}")).await;
    assert_eq!((at_stripe["amount"].as_i64(), at_stripe["status"].as_str()), (Some(4000), Some("succeeded")));
    // run again (a retried job): nothing more is owed
    run(&payments, &Task::ChargeFund { match_fund_id: fund }).await.unwrap();
    assert_eq!(charges(&pool, fund).await.len(), 1);
    app.stop().await;
}

#[sqlx::test(migrations = "../migrations")]
async fn a_missed_goal_charges_the_partner_nothing(pool: PgPool) {
    let f = campaign(&pool, "all_or_nothing", 10_000).await;
    let fund = matching_fund(&pool, f.campaign, "1", None, 500).await;
    sqlx::query("update match_fund set stripe_customer_id = 'cus_unused' where match_fund_id = $1")
        .bind(fund)
        .execute(&pool)
        .await
        .unwrap();
    let app = fixtures::app(pool.clone()).await;
    let backer = backers(&app, 1).await.remove(0);
    let id = pledge_id(&app, &backer, &f.slug, &[("form[extra]", "50")]).await;
    save_card(&app, &backer, id, "pm_card_visa").await;
    assert_eq!(matched(&pool, id).await, Decimal::from(50));
    close(&app, f.campaign).await;
    run(&app.state.payments(), &Task::ChargeFund { match_fund_id: fund }).await.unwrap();
    assert!(charges(&pool, fund).await.is_empty(), "nothing charged");
    app.stop().await;
}

/// A signed-in partner whose accepted fund (1:1, CHF 500) has no card yet.
async fn bank_fund(app: &TestApp, campaign: i64) -> (reqwest::Client, i64) {
    let bank = member(app, "bank@example.org", true).await;
    let fund = matching_fund(&app.pool, campaign, "1", None, 500).await;
    sqlx::query(
        "update partner set user_id = (select user_id from app_user where email = 'bank@example.org')
         where partner_id = (select partner_id from match_fund where match_fund_id = $1)",
    )
    .bind(fund)
    .execute(&app.pool)
    .await
    .unwrap();
    sqlx::query(
        "update match_fund set stripe_payment_method_id = null, matching_since = null where match_fund_id = $1",
    )
    .bind(fund)
    .execute(&app.pool)
    .await
    .unwrap();
    (bank, fund)
}

/// The partner's card page, and Stripe.js confirming it with `method`.
async fn save_fund_card(app: &TestApp, partner: &reqwest::Client, fund: i64, method: &str) -> bool {
    let fund = fund.to_string();
    let page: serde_json::Value = app.call(partner, "funds/card", &[("fund", &fund)]).await.json().await.unwrap();
    let secret = page["client_secret"].as_str().unwrap_or_else(|| panic!("no card to save: {page}"));
    let seti = secret.split("_secret_").next().unwrap().to_owned();
    stripe_post(&format!("setup_intents/{seti}/confirm"), &[("payment_method", method)]).await;
    app.call(partner, "funds/card_saved", &[("fund", &fund)]).await.json().await.unwrap()
}

#[sqlx::test(migrations = "../migrations")]
async fn a_refused_charge_asks_the_partner_for_another_card_and_is_tried_again(pool: PgPool) {
    let f = campaign(&pool, "all_or_nothing", 10).await;
    let app = fixtures::app(pool.clone()).await;
    let (bank, fund) = bank_fund(&app, f.campaign).await;
    assert!(save_fund_card(&app, &bank, fund, "pm_card_chargeCustomerFail").await);
    let backer = backers(&app, 1).await.remove(0);
    let id = pledge_id(&app, &backer, &f.slug, &[("form[extra]", "25")]).await;
    save_card(&app, &backer, id, "pm_card_visa").await;
    assert_eq!(matched(&pool, id).await, Decimal::from(25));

    close(&app, f.campaign).await;
    let payments = app.state.payments();
    run(&payments, &Task::ChargeFund { match_fund_id: fund }).await.unwrap();
    assert_eq!(charges(&pool, fund).await, [(Decimal::from(25), "failed".to_owned())]);
    let mine: serde_json::Value = app.call(&bank, "partners/mine", &[]).await.json().await.unwrap();
    assert_eq!(mine[0]["funds"][0]["charge_failed"], true, "the partner sees it");

    // another card: the charge is tried again, once
    assert!(save_fund_card(&app, &bank, fund, "pm_card_visa").await);
    run(&payments, &Task::ChargeFund { match_fund_id: fund }).await.unwrap();
    run(&payments, &Task::ChargeFund { match_fund_id: fund }).await.unwrap();
    assert_eq!(
        charges(&pool, fund).await,
        [(Decimal::from(25), "failed".to_owned()), (Decimal::from(25), "succeeded".to_owned())]
    );
    app.stop().await;
}

#[sqlx::test(migrations = "../migrations")]
async fn a_charge_run_killed_after_stripe_answered_is_rerun_without_charging_twice(pool: PgPool) {
    let f = campaign(&pool, "all_or_nothing", 10).await;
    let app = fixtures::app(pool.clone()).await;
    let (bank, fund) = bank_fund(&app, f.campaign).await;
    assert!(save_fund_card(&app, &bank, fund, "pm_card_visa").await);
    let backer = backers(&app, 1).await.remove(0);
    let id = pledge_id(&app, &backer, &f.slug, &[("form[extra]", "25")]).await;
    save_card(&app, &backer, id, "pm_card_visa").await;
    close(&app, f.campaign).await;

    // a run wrote its charge, sent it, and died before it could record Stripe's answer
    let key = format!("{}-fund-{fund}-charge-1", app.state.settings.deployment_id);
    let charge: i64 = sqlx::query_scalar(
        "insert into match_fund_charge (match_fund_id, attempt, amount, currency, idempotency_key)
         values ($1, 1, 25, 'CHF', $2) returning match_fund_charge_id",
    )
    .bind(fund)
    .bind(&key)
    .fetch_one(&pool)
    .await
    .unwrap();
    let (customer, method): (String, String) =
        sqlx::query_as("select stripe_customer_id, stripe_payment_method_id from match_fund where match_fund_id = $1")
            .bind(fund)
            .fetch_one(&pool)
            .await
            .unwrap();
    let amount = app::domain::Money::new(Decimal::from(25), app::domain::Currency::Chf);
    let sent =
        app.state.stripe.charge(&customer, &method, amount, true, ("trame_fund_charge", charge), &key).await.unwrap();

    // the job runs again: the same key brings back the same payment
    run(&app.state.payments(), &Task::ChargeFund { match_fund_id: fund }).await.unwrap();
    assert_eq!(charges(&pool, fund).await, [(Decimal::from(25), "succeeded".to_owned())]);
    let recorded: String =
        sqlx::query_scalar("select stripe_payment_intent_id from match_fund_charge where match_fund_charge_id = $1")
            .bind(charge)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(recorded, sent.id);
    let intents = intents_of(&[customer].into_iter().collect()).await;
    assert_eq!(intents.len(), 1, "charged once: {intents:?}");
    app.stop().await;
}
