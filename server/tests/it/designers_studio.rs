//! Designers written from the studio: the team creates a profile (linked to its campaign),
//! changes it, links one from the registry and takes one off; the profile shows in the registry
//! and on the campaign page; another campaign's team can change nothing of it.

use crate::support;
use crate::support::fixtures;
use crate::support::studio::*;
use crate::support::TestApp;
use app::backend::media::samples::png;
use sqlx::PgPool;

#[sqlx::test(migrations = "../migrations")]
async fn a_team_writes_its_designers_and_only_its_own(pool: PgPool) {
    let f = fixtures::campaign(&pool, "all_or_nothing", 1000).await;
    let other = fixtures::campaign(&pool, "flexible", 1000).await;
    let app = TestApp::spawn(pool.clone()).await;
    let editor = member(&app, "editor@example.org", true).await;
    join_team(&pool, f.campaign, "editor@example.org", "editor").await;
    let stranger = member(&app, "other@example.org", true).await;
    join_team(&pool, other.campaign, "other@example.org", "owner").await;
    let (a, b) = (f.campaign.to_string(), other.campaign.to_string());

    let refused =
        send(&app, &editor, "studio/designer/save", &designer_profile(&a, None, &[("form[distance_km]", "-3")])).await;
    assert_eq!(error_field(refused).await, "distance_km");
    assert_eq!(send(&app, &editor, "studio/designer/save", &designer_profile(&a, None, &[])).await.status(), 200);
    let list: serde_json::Value =
        app.call(&editor, "studio/designers", &[("campaign", &a)]).await.json().await.unwrap();
    let lea = &list["designers"][0];
    assert_eq!((lea["card"]["slug"].as_str(), lea["form"]["distance_km"].as_str()), (Some("lea-martin"), Some("2.5")));
    assert_eq!(lea["card"]["practices"], serde_json::json!(["upcycling", "natural_dyes"]));
    let id = lea["card"]["id"].to_string();

    // public: the registry, her page, the campaign page
    let (_, registry) = app.page("/designers?practice=natural_dyes", &[]).await;
    assert!(registry.contains("Léa Martin"), "in the registry");
    let (status, page) = app.page("/designers/lea-martin", &[]).await;
    assert!(status == 200 && page.contains("Atelier du Fil") && page.contains("GOTS"), "{status}");
    let (_, campaign_page) = app.page(&format!("/campaigns/{}", f.slug), &[]).await;
    assert!(support::element(&campaign_page, "designers", "section").contains("Léa Martin"));

    // another campaign's team can neither change her nor take her off this campaign
    let theirs = designer_profile(&b, Some(&id), &[("form[name]", "Pris")]);
    assert_eq!(send(&app, &stranger, "studio/designer/save", &theirs).await.status(), 404);
    let ours = designer_profile(&a, Some(&id), &[("form[name]", "Pris")]);
    assert_eq!(send(&app, &stranger, "studio/designer/save", &ours).await.status(), 403);
    let unlink = [("campaign", b.as_str()), ("designer", id.as_str())];
    assert_eq!(app.call(&stranger, "studio/designer/unlink", &unlink).await.status(), 404);

    // a portrait: her team only, an image only, nothing kept of a refusal
    let photo_path = format!("/studio/campaigns/{a}/designers/{id}/photo");
    let upload = |client: &reqwest::Client, bytes: Vec<u8>| {
        let form = reqwest::multipart::Form::new()
            .part("file", reqwest::multipart::Part::bytes(bytes).file_name("portrait.png"));
        client.post(format!("{}{photo_path}", app.base)).multipart(form).send()
    };
    assert_eq!(upload(&stranger, png(400, 400)).await.unwrap().status(), 403);
    let refused = upload(&editor, b"not a picture".to_vec()).await.unwrap();
    assert!(refused.headers()["location"].to_str().unwrap().contains("photo_error=ImageNotImage"));
    let done = upload(&editor, png(800, 800)).await.unwrap();
    assert!(done.headers()["location"].to_str().unwrap().contains("done=photo"));
    let photo: String = sqlx::query_scalar("select photo_url from designer where designer_id = $1")
        .bind(id.parse::<i64>().unwrap())
        .fetch_one(&pool)
        .await
        .unwrap();
    assert!(photo.starts_with(&format!("/media/designers/{id}/")) && photo.ends_with(".jpg"), "{photo}");
    let files = std::fs::read_dir(app.state.settings.media_dir.join(format!("designers/{id}"))).unwrap().count();
    assert_eq!(files, 1, "only the portrait kept");
    let (_, page) = app.page("/designers/lea-martin", &[]).await;
    assert!(page.contains(&photo));
    assert_eq!(app.client.get(format!("{}{photo}", app.base)).send().await.unwrap().status(), 200);

    // her team changes her profile; another campaign links her from the registry
    let changed = designer_profile(&a, Some(&id), &[("form[atelier]", "Atelier du Fil Rouge")]);
    assert_eq!(send(&app, &editor, "studio/designer/save", &changed).await.status(), 200);
    let link = [("campaign", b.as_str()), ("slug", "lea-martin"), ("distance_km", "4")];
    assert_eq!(app.call(&stranger, "studio/designer/link", &link).await.status(), 200);
    let unknown = [("campaign", b.as_str()), ("slug", "nobody"), ("distance_km", "")];
    assert_eq!(error_field(app.call(&stranger, "studio/designer/link", &unknown).await).await, "slug");
    let (_, page) = app.page("/designers/lea-martin", &[]).await;
    assert!(page.contains("Atelier du Fil Rouge"));

    // taken off the first campaign: the profile stays, linked to the other one
    let unlink = [("campaign", a.as_str()), ("designer", id.as_str())];
    assert_eq!(app.call(&editor, "studio/designer/unlink", &unlink).await.status(), 200);
    let list: serde_json::Value =
        app.call(&editor, "studio/designers", &[("campaign", &a)]).await.json().await.unwrap();
    assert_eq!(list["designers"].as_array().map(Vec::len), Some(0));
    let list: serde_json::Value =
        app.call(&stranger, "studio/designers", &[("campaign", &b)]).await.json().await.unwrap();
    assert_eq!(list["designers"][0]["card"]["name"], "Léa Martin");
}
