//! Help that is not money, over HTTP: a team lists a need, a signed-in visitor offers hours
//! against it, the team accepts and marks it done; the need's progress on the campaign page
//! moves, and each step emails the right person. Steps out of order, other people's offers and
//! other teams are refused.

use crate::support;
use crate::support::fixtures;
use crate::support::studio::*;
use crate::support::TestApp;
use sqlx::PgPool;

async fn emails(pool: &PgPool, template: &str, to: &str) -> Vec<serde_json::Value> {
    sqlx::query_scalar(
        "select payload from email_outbox where template = $1 and to_address = $2 order by email_outbox_id",
    )
    .bind(template)
    .bind(to)
    .fetch_all(pool)
    .await
    .unwrap()
}

/// The text of the need's progress on the public page (`4 / 10 heures`).
async fn progress(app: &TestApp, slug: &str, need: &str) -> String {
    let (_, html) = app.page(&format!("/campaigns/{slug}"), &[]).await;
    let item = support::element(&html, &format!("need-{need}"), "li");
    let start = item.find("need-progress\">").expect("progress") + "need-progress\">".len();
    item[start..item[start..].find('<').unwrap() + start].to_owned()
}

#[sqlx::test(migrations = "../migrations")]
async fn offered_hours_are_accepted_done_and_counted_on_the_page(pool: PgPool) {
    let f = fixtures::campaign(&pool, "all_or_nothing", 1000).await;
    let app = TestApp::spawn(pool.clone()).await;
    let editor = member(&app, "editor@example.org", true).await;
    join_team(&pool, f.campaign, "editor@example.org", "editor").await;
    let id = f.campaign.to_string();
    let need_form = |quantity: &str| {
        vec![
            ("campaign".to_owned(), id.clone()),
            ("form[kind]".to_owned(), "volunteer_hours".to_owned()),
            ("form[title]".to_owned(), "Trier les tissus".to_owned()),
            ("form[description]".to_owned(), "Un samedi à l’atelier".to_owned()),
            ("form[quantity]".to_owned(), quantity.to_owned()),
            ("form[unit]".to_owned(), "heures".to_owned()),
        ]
    };
    assert_eq!(error_field(send(&app, &editor, "studio/need/save", &need_form("0")).await).await, "quantity");
    assert_eq!(send(&app, &editor, "studio/need/save", &need_form("10")).await.status(), 200);
    let studio: serde_json::Value = app.call(&editor, "studio/needs", &[("campaign", &id)]).await.json().await.unwrap();
    let need = studio["needs"][0]["id"].to_string();
    assert_eq!(progress(&app, &f.slug, &need).await, "0 / 10 heures");

    // offering needs an account; the quantity is checked
    let offer = |client, quantity: &'static str| {
        let (app, slug, need) = (&app, f.slug.clone(), need.clone());
        async move {
            app.call(
                client,
                "help/offer",
                &[("slug", &slug), ("need", &need), ("form[quantity]", quantity), ("form[message]", "Je sais coudre.")],
            )
            .await
        }
    };
    let stranger = app.browser();
    assert_eq!(offer(&stranger, "4").await.status(), 401);
    let lea = member(&app, "lea@example.org", true).await;
    assert_eq!(error_field(offer(&lea, "0").await).await, "quantity");
    assert_eq!(offer(&lea, "4").await.status(), 200);
    assert_eq!(error_field(offer(&lea, "2").await).await, "quantity", "one open offer per person and need");
    let told = emails(&pool, "help_offered", &f.owner_email).await;
    assert_eq!((told.len(), told[0]["amount"].as_str()), (1, Some("4 heures")), "the owner is told");
    // offered is not yet counted
    assert_eq!(progress(&app, &f.slug, &need).await, "0 / 10 heures");

    let studio: serde_json::Value = app.call(&editor, "studio/needs", &[("campaign", &id)]).await.json().await.unwrap();
    let offer_id = studio["needs"][0]["offers"][0]["id"].to_string();
    assert_eq!(studio["needs"][0]["offers"][0]["message"], "Je sais coudre.");
    let answer = |client, to: &'static str| {
        let (app, id, offer_id) = (&app, id.clone(), offer_id.clone());
        async move { app.call(client, "studio/offer", &[("campaign", &id), ("offer", &offer_id), ("to", to)]).await }
    };
    // another team cannot answer; done comes after accepted; the helper's own steps are not the team's
    let bob = member(&app, "bob@example.org", true).await;
    assert_eq!(answer(&bob, "accepted").await.status(), 403);
    assert_eq!(error_field(answer(&editor, "done").await).await, "offer");
    assert_eq!(error_field(answer(&editor, "withdrawn").await).await, "offer");
    assert_eq!(answer(&editor, "accepted").await.status(), 200);
    assert_eq!(progress(&app, &f.slug, &need).await, "4 / 10 heures");
    assert_eq!(answer(&editor, "done").await.status(), 200);
    assert_eq!(progress(&app, &f.slug, &need).await, "4 / 10 heures");
    let steps: Vec<String> = emails(&pool, "help_answered", "lea@example.org")
        .await
        .iter()
        .map(|e| e["step"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(steps, ["accepted", "done"], "the helper is told at each step");

    // the helper's list; done is final, and nobody else may withdraw it
    let mine: serde_json::Value = app.call(&lea, "help/mine", &[]).await.json().await.unwrap();
    assert_eq!((mine[0]["status"].as_str(), mine[0]["quantity"].as_i64()), (Some("done"), Some(4)));
    assert_eq!(error_field(app.call(&lea, "help/withdraw", &[("offer", &offer_id)]).await).await, "offer");
    assert_eq!(app.call(&bob, "help/withdraw", &[("offer", &offer_id)]).await.status(), 404);
    // a need someone was accepted for stays
    let removed = app.call(&editor, "studio/need/remove", &[("campaign", &id), ("need", &need)]).await;
    assert_eq!(error_field(removed).await, "need");
    app.stop().await;
}

#[sqlx::test(migrations = "../migrations")]
async fn a_withdrawn_offer_frees_its_place_and_drafts_take_no_offers(pool: PgPool) {
    let f = fixtures::campaign(&pool, "flexible", 1000).await;
    let need: i64 = sqlx::query_scalar(
        "insert into need (campaign_id, kind, title, quantity, unit) values ($1, 'machine', 'Surjeteuse', 2, 'machines')
         returning need_id",
    )
    .bind(f.campaign)
    .fetch_one(&pool)
    .await
    .unwrap();
    let app = TestApp::spawn(pool.clone()).await;
    let lea = member(&app, "lea@example.org", true).await;
    let (slug, need_s) = (f.slug.clone(), need.to_string());
    let offered = app.call(&lea, "help/offer", &[("slug", &slug), ("need", &need_s), ("form[quantity]", "1")]).await;
    assert_eq!(offered.status(), 200);
    let mine: serde_json::Value = app.call(&lea, "help/mine", &[]).await.json().await.unwrap();
    let offer = mine[0]["id"].to_string();
    assert_eq!(app.call(&lea, "help/withdraw", &[("offer", &offer)]).await.status(), 200);
    let mine: serde_json::Value = app.call(&lea, "help/mine", &[]).await.json().await.unwrap();
    assert_eq!(mine[0]["status"], "withdrawn");
    // withdrawn: a new offer is welcome
    let again = app.call(&lea, "help/offer", &[("slug", &slug), ("need", &need_s), ("form[quantity]", "2")]).await;
    assert_eq!(again.status(), 200);

    // a campaign in draft takes no offers, nor shows its needs
    sqlx::query("update campaign set status = 'draft' where campaign_id = $1")
        .bind(f.campaign)
        .execute(&pool)
        .await
        .unwrap();
    let refused = app.call(&lea, "help/page", &[("slug", &slug), ("need", &need_s)]).await;
    assert_eq!(refused.status(), 404);
    app.stop().await;
}
