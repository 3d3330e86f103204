//! Handing rewards over, over HTTP: the owner marks rewards delivered (one, or every one a filter
//! shows) and the backer sees it; a backer with a time slot gets a calendar file and a check-in
//! code, and only the campaign's team checks them in with it.

use crate::support::fixtures::{self, *};
use crate::support::studio::*;
use crate::support::TestApp;

async fn fulfilled(pool: &sqlx::PgPool, pledge: i64) -> bool {
    sqlx::query_scalar("select fulfilled_at is not null from pledge where pledge_id = $1")
        .bind(pledge)
        .fetch_one(pool)
        .await
        .unwrap()
}

async fn checked_in(pool: &sqlx::PgPool, pledge: i64) -> bool {
    sqlx::query_scalar("select checked_in_at is not null from pledge where pledge_id = $1")
        .bind(pledge)
        .fetch_one(pool)
        .await
        .unwrap()
}

#[sqlx::test(migrations = "../migrations")]
async fn rewards_are_handed_over_and_backers_checked_in_by_the_team_only(pool: sqlx::PgPool) {
    let f = fixtures::campaign(&pool, "all_or_nothing", 1000).await;
    let app = TestApp::spawn(pool.clone()).await;
    let owner = member(&app, "owner@example.org", true).await;
    join_team(&pool, f.campaign, "owner@example.org", "owner").await;
    let other = member(&app, "other@example.org", true).await;
    let clients = backers(&app, 3).await;
    let size = format!("form[answers][{}]", f.size_question);
    let shirt = pledge_id(&app, &clients[0], &f.slug, &[("form[tier]", &f.sized_tier.to_string()), (&size, "M")]).await;
    let bag = pledge_id(&app, &clients[1], &f.slug, &[("form[tier]", &f.limited_tier.to_string())]).await;
    let slot = f.slot.to_string();
    let workshop =
        pledge_id(&app, &clients[2], &f.slug, &[("form[tier]", &f.slot_tier.to_string()), ("form[slot]", &slot)]).await;
    for (client, pledge) in [(&clients[0], shirt), (&clients[1], bag), (&clients[2], workshop)] {
        assert_eq!(save_card(&app, client, pledge, "pm_card_visa").await["status"], "active");
    }
    let id = f.campaign.to_string();

    // one by one, and every reward a filter shows (here: the T-shirts)
    let one =
        app.call(&owner, "studio/fulfil", &[("campaign", &id), ("pledge", &bag.to_string()), ("on", "true")]).await;
    assert_eq!(one.status(), 200);
    assert!(fulfilled(&pool, bag).await && !fulfilled(&pool, shirt).await);
    let shirts = [("campaign", id.as_str()), ("on", "true"), ("filter[tier]", &f.sized_tier.to_string())];
    assert_eq!(app.call(&owner, "studio/fulfil", &shirts).await.status(), 200);
    assert!(fulfilled(&pool, shirt).await && !fulfilled(&pool, workshop).await, "only what the filter shows");
    // undone, then done again
    app.call(&owner, "studio/fulfil", &[("campaign", &id), ("pledge", &bag.to_string()), ("on", "false")]).await;
    assert!(!fulfilled(&pool, bag).await);
    // the backer sees it on their pledges
    let mine: serde_json::Value = app.call(&clients[0], "pledges/mine", &[]).await.json().await.unwrap();
    assert!(mine[0]["fulfilled_at"].is_string());
    let page = clients[0].get(format!("{}/me/pledges", app.base)).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("class=\"fulfilled\""), "shown on /me/pledges");

    // the workshop's ticket: a calendar file for its backer only, and a check-in code
    let ics = clients[2].get(format!("{}/pledges/{workshop}/calendar.ics", app.base)).send().await.unwrap();
    assert_eq!(ics.status(), 200);
    assert_eq!(ics.headers()["content-type"], "text/calendar; charset=utf-8");
    let ics = ics.text().await.unwrap();
    assert!(
        ics.contains("BEGIN:VEVENT\r\n") && ics.contains("DTSTART:") && ics.contains("SUMMARY:Atelier couture"),
        "{ics}"
    );
    let stolen = clients[0].get(format!("{}/pledges/{workshop}/calendar.ics", app.base)).send().await.unwrap();
    assert_eq!(stolen.status(), 404, "another backer's pledge");
    let view: serde_json::Value =
        app.call(&clients[2], "pledges/one", &[("pledge", &workshop.to_string())]).await.json().await.unwrap();
    assert!(view["checkin_qr"].as_str().unwrap().starts_with("<svg"));
    let token = view["checkin_token"].as_str().unwrap().to_owned();
    let page = clients[2].get(format!("{}/pledges/{workshop}", app.base)).send().await.unwrap().text().await.unwrap();
    assert!(page.contains(&format!("href=\"/check-in/{token}\"")) && page.contains("<svg"), "the code is on the page");

    // the code opened by someone outside the team, or signed out: nothing happens
    assert_eq!(app.call(&other, "check-in", &[("token", &token)]).await.status(), 403);
    assert_eq!(app.call(&clients[2], "check-in", &[("token", &token)]).await.status(), 403, "not by the backer either");
    assert_eq!(app.call(&app.browser(), "check-in", &[("token", &token)]).await.status(), 401);
    assert_eq!(app.call(&owner, "check-in", &[("token", "not-a-token")]).await.status(), 404);
    assert!(!checked_in(&pool, workshop).await);
    // by the team: checked in once; a second scan says when
    let first: serde_json::Value = app.call(&owner, "check-in", &[("token", &token)]).await.json().await.unwrap();
    assert_eq!((first["already"].as_bool(), first["checked_in_at"].is_string()), (Some(false), true));
    let again: serde_json::Value = app.call(&owner, "check-in", &[("token", &token)]).await.json().await.unwrap();
    assert_eq!(again["already"], true);
    assert_eq!(again["checked_in_at"], first["checked_in_at"]);
    // the attendee list shows who came
    let dashboard: serde_json::Value =
        app.call(&owner, "studio/dashboard", &[("campaign", &id)]).await.json().await.unwrap();
    let workshop_sales =
        dashboard["tiers"].as_array().unwrap().iter().find(|t| t["id"] == f.slot_tier).unwrap().clone();
    let attendee = &workshop_sales["slots"][0]["attendees"][0];
    assert_eq!((attendee["pledge"].as_i64(), attendee["checked_in_at"].is_string()), (Some(workshop), true));
    app.stop().await;
}
