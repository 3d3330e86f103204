//! Campaign updates over HTTP: written as drafts (sanitised like the story), published on the
//! campaign page and emailed once to every backer in their language; a backers-only update is
//! read by backers only.

use crate::support::fixtures::{self, *};
use crate::support::studio::*;
use crate::support::TestApp;

#[sqlx::test(migrations = "../migrations")]
async fn an_update_is_published_once_and_emailed_to_each_backer(pool: sqlx::PgPool) {
    let f = fixtures::campaign(&pool, "all_or_nothing", 1000).await;
    let app = TestApp::spawn(pool.clone()).await;
    let editor = member(&app, "editor@example.org", true).await;
    join_team(&pool, f.campaign, "editor@example.org", "editor").await;
    let clients = backers(&app, 3).await;
    for client in &clients[..2] {
        let pledge = pledge_id(&app, client, &f.slug, &[("form[extra]", "20")]).await;
        assert_eq!(save_card(&app, client, pledge, "pm_card_visa").await["status"], "active");
    }
    // the third only started a pledge: not a backer yet
    pledge_id(&app, &clients[2], &f.slug, &[("form[extra]", "20")]).await;
    sqlx::query("update app_user set locale = 'de' where display_name = 'Backer 1'").execute(&pool).await.unwrap();
    let id = f.campaign.to_string();
    let write = |title: &str, body: &str, visibility: &str| {
        vec![
            ("campaign".to_owned(), id.clone()),
            ("form[title]".to_owned(), title.to_owned()),
            ("form[body]".to_owned(), body.to_owned()),
            ("form[visibility]".to_owned(), visibility.to_owned()),
        ]
    };
    let missing = send(&app, &editor, "studio/update/save", &write("Le métier", " ", "public")).await;
    assert_eq!(error_field(missing).await, "body");
    let body = "Le métier est **arrivé**.\n\n<script>alert(1)</script>\n\n[voir](javascript:alert(1)) <a href=\"javascript:alert(2)\">là</a>";
    assert_eq!(
        send(&app, &editor, "studio/update/save", &write("Le métier est là", body, "public")).await.status(),
        200
    );
    let list: serde_json::Value = app.call(&editor, "studio/updates", &[("campaign", &id)]).await.json().await.unwrap();
    let draft = &list["updates"][0];
    let html = draft["body_html"].as_str().unwrap();
    assert!(
        html.contains("<strong>arrivé</strong>") && !html.contains("<script") && !html.contains("javascript:"),
        "{html}"
    );
    let update = draft["id"].to_string();
    let (_, page) = app.page(&format!("/campaigns/{}", f.slug), &[]).await;
    assert!(!page.contains("Le métier est là"), "a draft is not public");

    // published: on the page, one email per backer, in their language; a second publish sends nothing
    for _ in 0..2 {
        let published = app.call(&editor, "studio/update/publish", &[("campaign", &id), ("update", &update)]).await;
        assert_eq!(published.status(), 200);
    }
    let (_, page) = app.page(&format!("/campaigns/{}", f.slug), &[]).await;
    assert!(page.contains("Le métier est là") && page.contains("<strong>arrivé</strong>"));
    assert_eq!(outbox(&pool, "campaign_news").await, 2, "the two backers, once each");
    let locales: Vec<String> =
        sqlx::query_scalar("select locale from email_outbox where template = 'campaign_news' order by locale")
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(locales, ["de", "fr"]);

    // for backers only: the page shows the body to backers, not to others
    assert_eq!(
        send(&app, &editor, "studio/update/save", &write("Pour vous", "Le code de la porte est 1234.", "backers"))
            .await
            .status(),
        200
    );
    let list: serde_json::Value = app.call(&editor, "studio/updates", &[("campaign", &id)]).await.json().await.unwrap();
    let private = list["updates"][0]["id"].to_string();
    app.call(&editor, "studio/update/publish", &[("campaign", &id), ("update", &private)]).await;
    let path = format!("/campaigns/{}/updates/{private}", f.slug);
    let (status, anonymous) = app.page(&path, &[]).await;
    assert_eq!(status, 200);
    assert!(anonymous.contains("id=\"update-for-backers\"") && !anonymous.contains("1234"));
    let (_, public_page) = app.page(&format!("/campaigns/{}", f.slug), &[]).await;
    assert!(public_page.contains("Pour vous") && !public_page.contains("1234"), "the campaign page keeps it private");
    let read = |client: &reqwest::Client| {
        let url = format!("{}{path}", app.base);
        let client = client.clone();
        async move { client.get(url).send().await.unwrap().text().await.unwrap() }
    };
    assert!(read(&clients[0]).await.contains("1234"), "a backer reads it");
    assert!(read(&editor).await.contains("1234"), "the team reads it");
    assert!(!read(&clients[2]).await.contains("1234"), "an unfinished pledge is not enough");
    app.stop().await;
}

#[sqlx::test(migrations = "../migrations")]
async fn a_draft_campaign_publishes_no_update(pool: sqlx::PgPool) {
    let app = TestApp::spawn(pool.clone()).await;
    let owner = member(&app, "owner@example.org", true).await;
    start(&app, &owner, "Atelier").await;
    let id = my_campaign(&app, &owner).await["id"].to_string();
    let form = [
        ("campaign", id.as_str()),
        ("form[title]", "Bientôt"),
        ("form[body]", "On y travaille."),
        ("form[visibility]", "public"),
    ];
    assert_eq!(app.call(&owner, "studio/update/save", &form).await.status(), 200);
    let list: serde_json::Value = app.call(&owner, "studio/updates", &[("campaign", &id)]).await.json().await.unwrap();
    let update = list["updates"][0]["id"].to_string();
    let refused = app.call(&owner, "studio/update/publish", &[("campaign", &id), ("update", &update)]).await;
    assert_eq!(refusal(refused).await, ("update".to_owned(), "UpdateNeedsPublic".to_owned()));
    // a draft update can go
    assert_eq!(app.call(&owner, "studio/update/delete", &[("campaign", &id), ("update", &update)]).await.status(), 200);
    let list: serde_json::Value = app.call(&owner, "studio/updates", &[("campaign", &id)]).await.json().await.unwrap();
    assert_eq!(list["updates"], serde_json::json!([]));
    app.stop().await;
}
