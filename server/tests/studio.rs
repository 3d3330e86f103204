//! The studio over HTTP: starting a draft, the editor's checks and its locks after launch, and
//! that a campaign's team can reach only its own campaigns.

mod support;

use sqlx::PgPool;
use support::fixtures::{self, *};
use support::TestApp;

/// Signs up `email` and, when `verified`, marks the address proven (as the emailed link does).
async fn member(app: &TestApp, email: &str, verified: bool) -> reqwest::Client {
    let client = app.browser();
    let response = app
        .call(&client, "auth/sign-up", &[("display_name", "Ana Studio"), ("email", email), ("password", PASSWORD)])
        .await;
    assert_eq!(response.status(), 200);
    if verified {
        sqlx::query("update app_user set email_verified_at = now() where lower(email) = lower($1)")
            .bind(email)
            .execute(&app.pool)
            .await
            .unwrap();
    }
    client
}

async fn start(app: &TestApp, client: &reqwest::Client, title: &str) -> reqwest::Response {
    app.call(client, "studio/start", &[("title", title)]).await
}

/// The campaign the studio list shows first for this client.
async fn my_campaign(app: &TestApp, client: &reqwest::Client) -> serde_json::Value {
    let list: serde_json::Value = app.call(client, "studio/campaigns", &[]).await.json().await.unwrap();
    list[0].clone()
}

fn settings<'a>(campaign: &'a str, changes: &[(&'a str, &'a str)]) -> Vec<(String, String)> {
    let mut form: Vec<(String, String)> = [
        ("title", "Atelier du Rhône"),
        ("slug", "atelier-du-rhone"),
        ("summary", "Un atelier de réparation"),
        ("story", "## Notre histoire\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) et <a href=\"javascript:alert(2)\">y</a>"),
        ("city", "Genève"),
        ("currency", "CHF"),
        ("goal", "12000"),
        ("funding_model", "all_or_nothing"),
        ("starts_at", "2030-03-01T09:00"),
        ("ends_at", "2030-03-31T18:00"),
        ("min_pledge", "5"),
    ]
    .iter()
    .map(|(k, v)| (format!("form[{k}]"), v.to_string()))
    .collect();
    for (k, v) in changes {
        if let Some(field) = form.iter_mut().find(|(name, _)| name == &format!("form[{k}]")) {
            field.1 = v.to_string();
        }
    }
    form.push(("campaign".into(), campaign.into()));
    form
}

async fn save(app: &TestApp, client: &reqwest::Client, form: &[(String, String)]) -> reqwest::Response {
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    app.call(client, "studio/save", &pairs).await
}

async fn error_field(response: reqwest::Response) -> String {
    let body: serde_json::Value = response.json().await.unwrap();
    body["Validation"]["field"].as_str().unwrap_or_default().to_owned()
}

#[sqlx::test(migrations = "../migrations")]
async fn a_verified_person_starts_a_draft_only_their_team_sees(pool: PgPool) {
    let app = TestApp::spawn(pool.clone()).await;
    let unverified = member(&app, "new@example.org", false).await;
    let refused = start(&app, &unverified, "Fil Vert").await;
    assert_eq!(refused.status(), 422);
    assert_eq!(error_field(refused).await, "title");

    let owner = member(&app, "owner@example.org", true).await;
    assert_eq!(start(&app, &owner, "Fil Vert — Carouge").await.status(), 200);
    let draft = my_campaign(&app, &owner).await;
    assert_eq!(draft["status"], "draft");
    assert_eq!(draft["role"], "owner");
    assert_eq!(draft["slug"], "fil-vert-carouge");
    // a second one with the same title gets an address of its own
    start(&app, &owner, "Fil Vert — Carouge").await;
    assert_eq!(my_campaign(&app, &owner).await["slug"], "fil-vert-carouge-2");
    // drafts are not public
    let (status, _) = app.page("/campaigns/fil-vert-carouge", &[]).await;
    assert_eq!(status, 404);
    app.stop().await;
}

#[sqlx::test(migrations = "../migrations")]
async fn the_editor_checks_each_field_and_sanitises_the_story(pool: PgPool) {
    let app = TestApp::spawn(pool.clone()).await;
    let owner = member(&app, "owner@example.org", true).await;
    start(&app, &owner, "Atelier").await;
    let id = my_campaign(&app, &owner).await["id"].to_string();
    for (field, value) in [("goal", "0"), ("ends_at", "2030-02-01T09:00"), ("slug", "Pas Bon"), ("title", " ")] {
        let response = save(&app, &owner, &settings(&id, &[(field, value)])).await;
        assert_eq!(response.status(), 422, "{field}");
        assert_eq!(error_field(response).await, field);
    }
    assert_eq!(save(&app, &owner, &settings(&id, &[])).await.status(), 200);
    let editor: serde_json::Value = app.call(&owner, "studio/editor", &[("campaign", &id)]).await.json().await.unwrap();
    assert_eq!(editor["form"]["goal"], "12000");
    assert_eq!(editor["form"]["ends_at"], "2030-03-31T18:00", "shown in Geneva time");
    let html = editor["story_html"].as_str().unwrap();
    assert!(html.contains("<h2>Notre histoire</h2>"), "{html}");
    assert!(!html.contains("<script") && !html.contains("href=\"javascript:"), "{html}");
    // stored in UTC: 18:00 in Geneva on 31 March 2030 is summer time
    let ends: chrono::DateTime<chrono::Utc> =
        sqlx::query_scalar("select ends_at from campaign where slug = 'atelier-du-rhone'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(ends.to_rfc3339(), "2030-03-31T16:00:00+00:00");
    app.stop().await;
}

#[sqlx::test(migrations = "../migrations")]
async fn after_launch_what_backers_pledged_on_is_fixed(pool: PgPool) {
    let f = fixtures::campaign(&pool, "all_or_nothing", 1000).await;
    let app = TestApp::spawn(pool.clone()).await;
    let owner = member(&app, "owner@example.org", true).await;
    sqlx::query("insert into campaign_member (campaign_id, user_id, role) select $1, user_id, 'owner' from app_user where email = 'owner@example.org'")
        .bind(f.campaign)
        .execute(&pool)
        .await
        .unwrap();
    let id = f.campaign.to_string();
    let editor: serde_json::Value = app.call(&owner, "studio/editor", &[("campaign", &id)]).await.json().await.unwrap();
    let form = &editor["form"];
    let keep: Vec<(&str, String)> = ["slug", "currency", "goal", "funding_model", "starts_at", "ends_at"]
        .iter()
        .map(|k| (*k, form[*k].as_str().unwrap().to_owned()))
        .collect();
    let kept: Vec<(&str, &str)> = keep.iter().map(|(k, v)| (*k, v.as_str())).collect();
    // the texts may change
    let mut texts = kept.clone();
    texts.push(("title", "Un nouveau titre"));
    let response = save(&app, &owner, &settings(&id, &texts)).await;
    assert_eq!(response.status(), 200, "{}", response.text().await.unwrap());
    // a deadline half an hour later (still within the 90 days a campaign may last)
    let ends = form["ends_at"].as_str().unwrap();
    let later = format!("{}{}", &ends[..14], if ends.ends_with(":30") { "00" } else { "30" });
    // each fixed field, changed alone, is refused and named
    for (field, value) in [
        ("goal", "2000"),
        ("currency", "EUR"),
        ("funding_model", "flexible"),
        ("ends_at", later.as_str()),
        ("slug", "une-autre-adresse"),
    ] {
        let mut changed = kept.clone();
        changed.retain(|(k, _)| *k != field);
        changed.push((field, value));
        let response = save(&app, &owner, &settings(&id, &changed)).await;
        assert_eq!(response.status(), 422, "{field}");
        let body: serde_json::Value = response.json().await.unwrap();
        assert_eq!(body["Validation"]["field"], field);
        assert_eq!(body["Validation"]["message"], "LockedAfterLaunch");
    }
    let title: String = sqlx::query_scalar("select title from campaign where campaign_id = $1")
        .bind(f.campaign)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(title, "Un nouveau titre");
    app.stop().await;
}

#[sqlx::test(migrations = "../migrations")]
async fn a_team_reaches_only_its_own_campaigns(pool: PgPool) {
    let app = TestApp::spawn(pool.clone()).await;
    let alice = member(&app, "alice@example.org", true).await;
    let bob = member(&app, "bob@example.org", true).await;
    start(&app, &alice, "Campagne A").await;
    start(&app, &bob, "Campagne B").await;
    let a = my_campaign(&app, &alice).await["id"].to_string();
    let stranger = app.browser();
    // every studio endpoint that names a campaign: Bob (another team) and a stranger get nothing
    for (client, expected) in [(&bob, 403), (&stranger, 401)] {
        let read = app.call(client, "studio/editor", &[("campaign", &a)]).await;
        assert_eq!(read.status(), expected);
        let write = save(&app, client, &settings(&a, &[("title", "Pris")])).await;
        assert_eq!(write.status(), expected);
        let page = client.get(format!("{}/studio/campaigns/{a}", app.base)).send().await.unwrap();
        assert!(!page.text().await.unwrap().contains("Campagne A"), "the draft's page shows nothing");
    }
    let title: String = sqlx::query_scalar("select title from campaign where campaign_id = $1")
        .bind(a.parse::<i64>().unwrap())
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(title, "Campagne A");
    assert_eq!(my_campaign(&app, &bob).await["title"], "Campagne B", "Bob's list has only his");
    app.stop().await;
}
