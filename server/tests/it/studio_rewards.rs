//! The reward editor over HTTP: a draft's rewards change freely; after launch, what backers
//! chose is protected (price, limit, slots, questions, pickup points), each refusal named.

use crate::support::fixtures::{self, *};
use crate::support::studio::*;
use crate::support::TestApp;
use sqlx::PgPool;

async fn tiers(pool: &PgPool, campaign: i64) -> Vec<(i64, String, bool)> {
    sqlx::query_as("select reward_tier_id, title, is_visible from reward_tier where campaign_id = $1 order by position, reward_tier_id")
        .bind(campaign)
        .fetch_all(pool)
        .await
        .unwrap()
}

#[sqlx::test(migrations = "../migrations")]
async fn a_drafts_rewards_are_made_ordered_and_deleted_freely(pool: PgPool) {
    let app = TestApp::spawn(pool.clone()).await;
    let owner = member(&app, "owner@example.org", true).await;
    start(&app, &owner, "Atelier").await;
    let id = my_campaign(&app, &owner).await["id"].to_string();
    let campaign: i64 = id.parse().unwrap();
    // each mistake is named
    for (field, value) in [("price", "0"), ("quantity_limit", "-3"), ("kind", "voucher"), ("title", "")] {
        let response =
            send(&app, &owner, "studio/reward/save", &reward_form(&[(field, value)], &[("campaign", &id)])).await;
        assert_eq!(response.status(), 422, "{field}");
        assert_eq!(error_field(response).await, field);
    }
    assert!(tiers(&pool, campaign).await.is_empty(), "a refused form saves nothing");
    // two rewards: the second, hidden, unlimited
    let first = send(&app, &owner, "studio/reward/save", &reward_form(&[], &[("campaign", &id)])).await;
    assert_eq!(first.status(), 200);
    let second = reward_form(
        &[
            ("title", "Atelier de réparation"),
            ("kind", "workshop"),
            ("quantity_limit", ""),
            ("fulfilment", "in_person"),
            ("visible", "<absent>"),
        ],
        &[("campaign", &id)],
    );
    assert_eq!(send(&app, &owner, "studio/reward/save", &second).await.status(), 200);
    let list = tiers(&pool, campaign).await;
    assert_eq!(
        list.iter().map(|t| (t.1.as_str(), t.2)).collect::<Vec<_>>(),
        [("Écharpe tissée", true), ("Atelier de réparation", false)]
    );
    let (scarf, workshop) = (list[0].0.to_string(), list[1].0.to_string());
    // the editor reads back what was typed
    let editor: serde_json::Value =
        app.call(&owner, "studio/reward", &[("campaign", &id), ("tier", &workshop)]).await.json().await.unwrap();
    assert_eq!(editor["form"]["quantity_limit"], "");
    assert_eq!(editor["form"]["visible"], serde_json::Value::Null);
    assert_eq!(editor["form"]["kind"], "workshop");
    // the workshop moves up
    let moved =
        app.call(&owner, "studio/reward/move", &[("campaign", &id), ("tier", &workshop), ("direction", "up")]).await;
    assert_eq!(moved.status(), 200);
    assert_eq!(tiers(&pool, campaign).await[0].1, "Atelier de réparation");
    // two slots, a question, a pickup point offered with the scarf
    for (starts, ends) in [("2030-04-03T10:00", "2030-04-03T12:00"), ("2030-04-10T10:00", "2030-04-10T12:00")] {
        let form = [
            ("campaign", id.as_str()),
            ("tier", workshop.as_str()),
            ("form[starts_at]", starts),
            ("form[ends_at]", ends),
            ("form[capacity]", "8"),
        ];
        assert_eq!(app.call(&owner, "studio/reward/slot", &form).await.status(), 200);
    }
    let refused = app
        .call(
            &owner,
            "studio/reward/slot",
            &[
                ("campaign", &id),
                ("tier", &workshop),
                ("form[starts_at]", "2030-04-03T10:00"),
                ("form[ends_at]", "2030-04-03T09:00"),
                ("form[capacity]", "8"),
            ],
        )
        .await;
    assert_eq!(error_field(refused).await, "ends_at");
    let question = [
        ("campaign", id.as_str()),
        ("tier", scarf.as_str()),
        ("form[prompt]", "Taille"),
        ("form[kind]", "choice"),
        ("form[choices]", "S\nM\nL"),
        ("form[required]", "on"),
    ];
    assert_eq!(app.call(&owner, "studio/reward/question", &question).await.status(), 200);
    let point = [
        ("campaign", id.as_str()),
        ("form[name]", "Atelier Fil Rouge"),
        ("form[address]", "Rue de Carouge 12"),
        ("form[city]", "Genève"),
    ];
    assert_eq!(app.call(&owner, "studio/pickup", &point).await.status(), 200);
    let point: i64 = sqlx::query_scalar("select pickup_point_id from pickup_point where campaign_id = $1")
        .bind(campaign)
        .fetch_one(&pool)
        .await
        .unwrap();
    let offer = app
        .call(
            &owner,
            "studio/reward/pickup",
            &[("campaign", &id), ("tier", &scarf), ("point", &point.to_string()), ("on", "true")],
        )
        .await;
    assert_eq!(offer.status(), 200);
    let editor: serde_json::Value =
        app.call(&owner, "studio/reward", &[("campaign", &id), ("tier", &scarf)]).await.json().await.unwrap();
    assert_eq!(editor["questions"][0]["choices"], serde_json::json!(["S", "M", "L"]));
    assert_eq!(editor["pickup_points"][0][1], true, "the point is offered with the scarf");
    let editor: serde_json::Value =
        app.call(&owner, "studio/reward", &[("campaign", &id), ("tier", &workshop)]).await.json().await.unwrap();
    assert_eq!(editor["slots"].as_array().unwrap().len(), 2);
    assert_eq!(editor["slots"][0]["form"]["starts_at"], "2030-04-03T10:00", "shown in Geneva time");
    // a draft's reward, with its slots, goes entirely
    let deleted = app.call(&owner, "studio/reward/delete", &[("campaign", &id), ("tier", &workshop)]).await;
    assert_eq!(deleted.status(), 200);
    assert_eq!(tiers(&pool, campaign).await.len(), 1);
    let slots: i64 = sqlx::query_scalar("select count(*) from reward_slot").fetch_one(&pool).await.unwrap();
    assert_eq!(slots, 0);
    // the rewards page, without JavaScript, lists what is left
    let (status, html) = {
        let page = owner.get(format!("{}/studio/campaigns/{id}/rewards", app.base)).send().await.unwrap();
        (page.status().as_u16(), page.text().await.unwrap())
    };
    assert_eq!(status, 200);
    assert!(html.contains("Écharpe tissée") && html.contains("Atelier Fil Rouge"), "{html}");
    assert!(!html.contains("Atelier de réparation"));
    app.stop().await;
}

#[sqlx::test(migrations = "../migrations")]
async fn after_launch_what_backers_chose_is_protected(pool: PgPool) {
    let f = fixtures::campaign(&pool, "all_or_nothing", 1000).await;
    let app = TestApp::spawn(pool.clone()).await;
    let owner = member(&app, "editor@example.org", true).await;
    join_team(&pool, f.campaign, "editor@example.org", "editor").await;
    let backer = backers(&app, 1).await.remove(0);
    let slot = f.slot.to_string();
    pledge_id(&app, &backer, &f.slug, &[("form[tier]", &f.limited_tier.to_string())]).await;
    pledge_id(&app, &backer, &f.slug, &[("form[tier]", &f.slot_tier.to_string()), ("form[slot]", &slot)]).await;
    let size = format!("form[answers][{}]", f.size_question);
    pledge_id(&app, &backer, &f.slug, &[("form[tier]", &f.sized_tier.to_string()), (&size, "M")]).await;
    let (id, limited) = (f.campaign.to_string(), f.limited_tier.to_string());
    let current = |changes: &[(&str, &str)]| {
        let mut all = vec![
            ("title", "Sac en lin recyclé"),
            ("price", "40"),
            ("quantity_limit", "10"),
            ("fulfilment", "shipping"),
            ("max_per_pledge", "3"),
            ("description", "Lin de Suisse romande"),
        ];
        all.extend_from_slice(changes);
        reward_form(&all, &[("campaign", &id), ("tier", &limited)])
    };
    // a new description is fine
    let described =
        send(&app, &owner, "studio/reward/save", &current(&[("description", "Lin de Suisse romande")])).await;
    assert_eq!(described.status(), 200);
    // a new price, a limit below the unit taken, deleting: refused and named
    for (changes, field, message) in [
        (vec![("price", "45")], "price", "RewardPriceLocked"),
        (vec![("quantity_limit", "0")], "quantity_limit", "QuantityInvalid"),
    ] {
        let response = send(&app, &owner, "studio/reward/save", &current(&changes)).await;
        assert_eq!(response.status(), 422);
        assert_eq!(refusal(response).await, (field.to_owned(), message.to_owned()));
    }
    sqlx::query("update reward_tier set claimed = 5 where reward_tier_id = $1")
        .bind(f.limited_tier)
        .execute(&pool)
        .await
        .unwrap();
    let below = send(&app, &owner, "studio/reward/save", &current(&[("quantity_limit", "4")])).await;
    assert_eq!(refusal(below).await, ("quantity_limit".to_owned(), "LimitBelowClaimed".to_owned()));
    let delete = app.call(&owner, "studio/reward/delete", &[("campaign", &id), ("tier", &limited)]).await;
    assert_eq!(refusal(delete).await, ("tier".to_owned(), "RewardDeleteLocked".to_owned()));
    // hiding it is the way
    let hidden = send(&app, &owner, "studio/reward/save", &current(&[("visible", "<absent>")])).await;
    assert_eq!(hidden.status(), 200);
    let (status, html) = app.page(&format!("/campaigns/{}", f.slug), &[]).await;
    assert_eq!(status, 200);
    assert!(!html.contains("Sac en lin recyclé"), "a hidden reward is not on the public page");
    // the booked slot: not moved, not below its bookings, not removed
    let slot_tier = f.slot_tier.to_string();
    let editor: serde_json::Value =
        app.call(&owner, "studio/reward", &[("campaign", &id), ("tier", &slot_tier)]).await.json().await.unwrap();
    let stored = &editor["slots"][0]["form"];
    let (starts, ends) = (stored["starts_at"].as_str().unwrap(), stored["ends_at"].as_str().unwrap());
    let slot_call = |starts: &str, ends: &str, capacity: &str| {
        vec![
            ("campaign".to_owned(), id.clone()),
            ("tier".to_owned(), slot_tier.clone()),
            ("slot".to_owned(), slot.clone()),
            ("form[starts_at]".to_owned(), starts.to_owned()),
            ("form[ends_at]".to_owned(), ends.to_owned()),
            ("form[capacity]".to_owned(), capacity.to_owned()),
        ]
    };
    let later = format!("{}{}", &starts[..14], if starts.ends_with(":30") { "00" } else { "30" });
    let moved = send(&app, &owner, "studio/reward/slot", &slot_call(&later, ends, "10")).await;
    assert_eq!(refusal(moved).await, ("starts_at".to_owned(), "SlotMoveLocked".to_owned()));
    let fewer = send(&app, &owner, "studio/reward/slot", &slot_call(starts, ends, "1")).await;
    assert_eq!(fewer.status(), 200, "one place for one booking is fine");
    sqlx::query("update reward_slot set claimed = 2, capacity = 10 where reward_slot_id = $1")
        .bind(f.slot)
        .execute(&pool)
        .await
        .unwrap();
    let below = send(&app, &owner, "studio/reward/slot", &slot_call(starts, ends, "1")).await;
    assert_eq!(refusal(below).await, ("capacity".to_owned(), "CapacityBelowBooked".to_owned()));
    let removed = app
        .call(&owner, "studio/reward/slot/remove", &[("campaign", &id), ("tier", &slot_tier), ("slot", &slot)])
        .await;
    assert_eq!(refusal(removed).await, ("slot".to_owned(), "SlotRemoveLocked".to_owned()));
    // an answered question stays
    let sized = f.sized_tier.to_string();
    let question = f.size_question.to_string();
    let removed = app
        .call(&owner, "studio/reward/question/remove", &[("campaign", &id), ("tier", &sized), ("question", &question)])
        .await;
    assert_eq!(refusal(removed).await, ("question".to_owned(), "QuestionRemoveLocked".to_owned()));
    // a tier nobody chose can still be repriced while live
    let fresh =
        send(&app, &owner, "studio/reward/save", &reward_form(&[("title", "Nouveau")], &[("campaign", &id)])).await;
    assert_eq!(fresh.status(), 200);
    let fresh_id: i64 = sqlx::query_scalar("select reward_tier_id from reward_tier where title = 'Nouveau'")
        .fetch_one(&pool)
        .await
        .unwrap();
    let repriced = send(
        &app,
        &owner,
        "studio/reward/save",
        &reward_form(&[("title", "Nouveau"), ("price", "120")], &[("campaign", &id), ("tier", &fresh_id.to_string())]),
    )
    .await;
    assert_eq!(repriced.status(), 200);
    let (price, description): (rust_decimal::Decimal, String) =
        sqlx::query_as("select price, (select description from reward_tier where reward_tier_id = $2) from reward_tier where reward_tier_id = $1")
            .bind(fresh_id)
            .bind(f.limited_tier)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(price, rust_decimal::Decimal::from(120));
    assert_eq!(description, "Lin de Suisse romande");
    let limited_price: rust_decimal::Decimal =
        sqlx::query_scalar("select price from reward_tier where reward_tier_id = $1")
            .bind(f.limited_tier)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(limited_price, rust_decimal::Decimal::from(40), "the refused price did not stick");
    app.stop().await;
}
