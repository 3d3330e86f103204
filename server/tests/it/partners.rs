//! Partners who sign up over HTTP: an application is `applied` and not on the wall; only the
//! campaign's owners (admins for the platform) approve or reject it, and the partner is emailed
//! either way; an approved partner shows on the wall, with the logo they uploaded; a change after
//! approval goes back to review.

use crate::support;
use crate::support::fixtures;
use crate::support::studio::*;
use crate::support::TestApp;
use app::backend::media::samples::png;
use sqlx::PgPool;

fn form(campaign: &str, website: &str) -> Vec<(String, String)> {
    [
        ("campaign", campaign),
        ("form[organisation]", "Atelier Lumière"),
        ("form[contact_name]", "Zoé Python"),
        ("form[kind]", "in_kind"),
        ("form[level]", "major"),
        ("form[message]", "Un local de 40 m² le samedi"),
        ("form[website]", website),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

async fn wall(app: &TestApp, slug: &str) -> String {
    let (_, html) = app.page(&format!("/campaigns/{slug}"), &[]).await;
    support::element(&html, "partners", "section").to_owned()
}

async fn logo(app: &TestApp, client: &reqwest::Client, partner: &str, bytes: Vec<u8>) -> String {
    let form =
        reqwest::multipart::Form::new().part("file", reqwest::multipart::Part::bytes(bytes).file_name("logo.png"));
    let response =
        client.post(format!("{}/me/partners/{partner}/logo", app.base)).multipart(form).send().await.unwrap();
    assert_eq!(response.status(), 303);
    response.headers()["location"].to_str().unwrap().to_owned()
}

#[sqlx::test(migrations = "../migrations")]
async fn a_partner_signs_up_is_approved_by_the_owner_and_shows_with_the_logo(pool: PgPool) {
    let f = fixtures::campaign(&pool, "all_or_nothing", 1000).await;
    let app = TestApp::spawn(pool.clone()).await;
    let owner = member(&app, "owner@example.org", true).await;
    join_team(&pool, f.campaign, "owner@example.org", "owner").await;
    let editor = member(&app, "editor@example.org", true).await;
    join_team(&pool, f.campaign, "editor@example.org", "editor").await;
    let zoe = member(&app, "zoe@example.org", true).await;
    let campaign = f.campaign.to_string();

    assert_eq!(send(&app, &app.browser(), "partners/apply", &form(&f.slug, "")).await.status(), 401);
    let refused = send(&app, &zoe, "partners/apply", &form(&f.slug, "javascript:alert(1)")).await;
    assert_eq!(error_field(refused).await, "website");
    assert_eq!(send(&app, &zoe, "partners/apply", &form(&f.slug, "https://lumiere.example.ch")).await.status(), 200);
    let mine: serde_json::Value = app.call(&zoe, "partners/mine", &[]).await.json().await.unwrap();
    assert_eq!(
        (mine[0]["status"].as_str(), mine[0]["contact_email"].as_str()),
        (Some("applied"), Some("zoe@example.org"))
    );
    let partner = mine[0]["id"].to_string();
    assert!(!wall(&app, &f.slug).await.contains("Atelier Lumière"), "applied: not on the wall");

    // only the campaign's owners review it
    let bob = member(&app, "bob@example.org", true).await;
    let approve = [("campaign", campaign.as_str()), ("partner", partner.as_str()), ("approve", "true")];
    for (client, expected) in [(&bob, 403), (&editor, 403), (&zoe, 403)] {
        assert_eq!(app.call(client, "studio/partner/review", &approve).await.status(), expected);
        assert_eq!(app.call(client, "studio/partners", &[("campaign", &campaign)]).await.status(), expected);
    }
    assert_eq!(app.call(&owner, "studio/partner/review", &approve).await.status(), 200);
    let shown = wall(&app, &f.slug).await;
    assert!(shown.contains("Atelier Lumière") && shown.contains("https://lumiere.example.ch"), "{shown}");
    let told: Vec<serde_json::Value> = sqlx::query_scalar(
        "select payload from email_outbox where template = 'partner_reviewed' and to_address = 'zoe@example.org'",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(told.len(), 1);
    assert_eq!(told[0]["approved"], true);

    // a logo: not a picture is refused; a picture is re-encoded, and the change goes back to review
    assert!(logo(&app, &zoe, &partner, b"not a picture".to_vec()).await.contains("logo_error=ImageNotImage"));
    let back = logo(&app, &zoe, &partner, png(300, 120)).await;
    assert!(back.contains("done=logo"), "{back}");
    assert!(!wall(&app, &f.slug).await.contains("Atelier Lumière"), "changed: reviewed again");
    assert_eq!(app.call(&owner, "studio/partner/review", &approve).await.status(), 200);
    let shown = wall(&app, &f.slug).await;
    let start = shown.find("/media/partners/").expect("the logo on the wall");
    let url = &shown[start..start + shown[start..].find('"').unwrap()];
    let served = app.get(url).await;
    assert_eq!(served.status(), 200);
    assert_eq!(served.headers()["content-type"], "image/png");

    // someone else's application: not theirs to change
    let other = logo_status(&app, &bob, &partner).await;
    assert_eq!(other, 404);
    let mut update = form("", "");
    update[0] = ("partner".to_owned(), partner.clone());
    let changed = send(&app, &bob, "partners/update", &update).await;
    assert_eq!(changed.status(), 404);

    // rejected with a reason the partner reads
    let reject =
        [("campaign", campaign.as_str()), ("partner", partner.as_str()), ("approve", "false"), ("reason", " ")];
    assert_eq!(error_field(app.call(&owner, "studio/partner/review", &reject).await).await, "reason");
    let reject = [
        ("campaign", campaign.as_str()),
        ("partner", partner.as_str()),
        ("approve", "false"),
        ("reason", "Pas de local"),
    ];
    assert_eq!(app.call(&owner, "studio/partner/review", &reject).await.status(), 200);
    let mine: serde_json::Value = app.call(&zoe, "partners/mine", &[]).await.json().await.unwrap();
    assert_eq!((mine[0]["status"].as_str(), mine[0]["review_note"].as_str()), (Some("rejected"), Some("Pas de local")));
    assert!(!wall(&app, &f.slug).await.contains("Atelier Lumière"));
    app.stop().await;
}

/// The status of a logo upload by `client` (no redirect followed).
async fn logo_status(app: &TestApp, client: &reqwest::Client, partner: &str) -> u16 {
    let form = reqwest::multipart::Form::new()
        .part("file", reqwest::multipart::Part::bytes(png(200, 100)).file_name("logo.png"));
    client
        .post(format!("{}/me/partners/{partner}/logo", app.base))
        .multipart(form)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

#[sqlx::test(migrations = "../migrations")]
async fn the_platform_s_partners_are_reviewed_by_admins_only(pool: PgPool) {
    let f = fixtures::campaign(&pool, "flexible", 1000).await;
    let app = TestApp::spawn(pool.clone()).await;
    let owner = member(&app, "owner@example.org", true).await;
    join_team(&pool, f.campaign, "owner@example.org", "owner").await;
    let admin = admin(&app, "admin@example.org").await;
    let zoe = member(&app, "zoe@example.org", true).await;
    assert_eq!(send(&app, &zoe, "partners/apply", &form("", "")).await.status(), 200);
    let list: serde_json::Value = app.call(&admin, "admin/partners", &[]).await.json().await.unwrap();
    let partner = list["partners"][0]["id"].to_string();
    assert!(list["partners"][0]["campaign"].is_null());
    let approve = [("partner", partner.as_str()), ("approve", "true")];
    assert_eq!(app.call(&owner, "admin/partner/review", &approve).await.status(), 403);
    assert_eq!(app.call(&owner, "admin/partners", &[]).await.status(), 403);
    // a campaign's owner naming the platform's partner through the studio: not theirs
    let campaign = f.campaign.to_string();
    let crossed = [("campaign", campaign.as_str()), ("partner", partner.as_str()), ("approve", "true")];
    assert_eq!(app.call(&owner, "studio/partner/review", &crossed).await.status(), 404);
    assert_eq!(app.call(&admin, "admin/partner/review", &approve).await.status(), 200);
    let mine: serde_json::Value = app.call(&zoe, "partners/mine", &[]).await.json().await.unwrap();
    assert_eq!(mine[0]["status"], "approved");
    // approved, the platform's partner shows on the home page (not on the campaign's wall)
    let (_, home) = app.page("/", &[]).await;
    assert!(support::element(&home, "partners", "section").contains("Atelier Lumière"));
    assert!(!wall(&app, &f.slug).await.contains("Atelier Lumière"));
    app.stop().await;
}
