//! Designers keeping their own profile: the campaign's team invites the designer's address;
//! only the account with that address claims it (once, before the link expires, unless
//! withdrawn or replaced), its address then proven; the designer edits the profile and its
//! portrait on `/me/designer` and the public pages show it; one account keeps one profile.

use crate::support::fixtures;
use crate::support::studio::*;
use crate::support::TestApp;
use app::backend::media::samples::png;
use sqlx::PgPool;

/// The token of the last claim invitation emailed to `to` (from the link in the outbox).
async fn claim_token(pool: &PgPool, to: &str) -> String {
    let link: String = sqlx::query_scalar(
        "select payload->>'link' from email_outbox where template = 'designer_invite' and lower(to_address) = lower($1)
         order by email_outbox_id desc limit 1",
    )
    .bind(to)
    .fetch_one(pool)
    .await
    .unwrap();
    assert!(link.contains("/designer-invites/"), "{link}");
    link.rsplit('/').next().unwrap().to_owned()
}

async fn keeper(pool: &PgPool, designer: &str) -> Option<String> {
    sqlx::query_scalar(
        "select u.email from designer d join app_user u using (user_id) where d.designer_id = $1::text::bigint",
    )
    .bind(designer)
    .fetch_optional(pool)
    .await
    .unwrap()
}

/// A campaign with an editor on its team who wrote the profile of `name`; its id and the
/// designer's.
async fn with_designer(app: &TestApp, pool: &PgPool, editor: &str, name: &str) -> (reqwest::Client, String, String) {
    let f = fixtures::campaign(pool, "all_or_nothing", 1000).await;
    let client = member(app, editor, true).await;
    join_team(pool, f.campaign, editor, "editor").await;
    let campaign = f.campaign.to_string();
    let form = designer_profile(&campaign, None, &[("form[name]", name)]);
    assert_eq!(send(app, &client, "studio/designer/save", &form).await.status(), 200);
    let list: serde_json::Value =
        app.call(&client, "studio/designers", &[("campaign", &campaign)]).await.json().await.unwrap();
    let id = list["designers"][0]["card"]["id"].to_string();
    (client, campaign, id)
}

async fn invite(
    app: &TestApp,
    client: &reqwest::Client,
    campaign: &str,
    designer: &str,
    email: &str,
) -> reqwest::Response {
    app.call(client, "studio/designer/invite", &[("campaign", campaign), ("designer", designer), ("email", email)])
        .await
}

async fn accept(app: &TestApp, client: &reqwest::Client, token: &str) -> reqwest::Response {
    app.call(client, "designer-invites/accept", &[("token", token)]).await
}

#[sqlx::test(migrations = "../migrations")]
async fn the_invited_designer_claims_their_profile_and_keeps_it(pool: PgPool) {
    let app = TestApp::spawn(pool.clone()).await;
    let (editor, campaign, id) = with_designer(&app, &pool, "editor@example.org", "Léa Martin").await;

    assert_eq!(error_field(invite(&app, &editor, &campaign, &id, "not-an-address").await).await, "email");
    assert_eq!(invite(&app, &editor, &campaign, "999999", "lea@example.org").await.status(), 404);
    assert_eq!(invite(&app, &editor, &campaign, &id, "Lea@Example.org").await.status(), 200);
    let list: serde_json::Value =
        app.call(&editor, "studio/designers", &[("campaign", &campaign)]).await.json().await.unwrap();
    assert_eq!(list["designers"][0]["invite"]["email"], "Lea@Example.org");
    assert_eq!(list["designers"][0]["claimed"], false);
    let token = claim_token(&pool, "lea@example.org").await;

    // the link names the profile and the campaign to anyone holding it
    let stranger = app.browser();
    let view: serde_json::Value =
        app.call(&stranger, "designer-invites/show", &[("token", &token)]).await.json().await.unwrap();
    assert_eq!((view["designer"].as_str(), view["state"].as_str()), (Some("Léa Martin"), Some("Open")));
    let (status, page) = app.page(&format!("/designer-invites/{token}"), &[]).await;
    assert!(status == 200 && page.contains("Léa Martin") && page.contains("Lea@Example.org"), "{status}");
    // another account cannot use it; a stranger must sign in first
    let mallory = member(&app, "mallory@example.org", true).await;
    assert_eq!(error_field(accept(&app, &mallory, &token).await).await, "invite");
    assert_eq!(accept(&app, &stranger, &token).await.status(), 401);
    assert_eq!(keeper(&pool, &id).await, None);

    // the invited address, a new account not yet verified: claims it, and the link proves the address
    let lea = member(&app, "lea@example.org", false).await;
    let claimed = accept(&app, &lea, &token).await;
    assert_eq!(claimed.status(), 200);
    assert!(claimed.headers()["location"].to_str().unwrap().starts_with("/me/designer?done=claimed"));
    assert_eq!(keeper(&pool, &id).await.as_deref(), Some("lea@example.org"));
    let verified: bool =
        sqlx::query_scalar("select email_verified_at is not null from app_user where email = 'lea@example.org'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert!(verified);
    assert_eq!(error_field(accept(&app, &lea, &token).await).await, "invite");
    let list: serde_json::Value =
        app.call(&editor, "studio/designers", &[("campaign", &campaign)]).await.json().await.unwrap();
    assert_eq!(
        (list["designers"][0]["claimed"].as_bool(), list["designers"][0]["invite"].is_null()),
        (Some(true), true)
    );
    // a claimed profile is not offered again
    assert_eq!(error_field(invite(&app, &editor, &campaign, &id, "other@example.org").await).await, "email");

    // she edits it herself: a mistake is named, nothing is lost; the public pages follow
    let mine: serde_json::Value = app.call(&lea, "me/designer", &[]).await.json().await.unwrap();
    assert_eq!(mine["form"]["name"], "Léa Martin");
    let own = |changes: &[(&str, &str)]| {
        let mut form = designer_profile("", None, changes);
        form.retain(|(k, _)| k != "campaign" && k != "form[distance_km]");
        form
    };
    let refused = send(&app, &lea, "me/designer/save", &own(&[("form[website]", "javascript:alert(1)")])).await;
    assert_eq!(error_field(refused).await, "website");
    let bio = "Je recouds ce que d’autres jettent, à Carouge depuis 2019.";
    assert_eq!(send(&app, &lea, "me/designer/save", &own(&[("form[bio]", bio)])).await.status(), 200);
    let (_, page) = app.page("/designers/lea-martin", &[]).await;
    assert!(page.contains("à Carouge depuis 2019"));
    // the distance stays the team's to say
    let list: serde_json::Value =
        app.call(&editor, "studio/designers", &[("campaign", &campaign)]).await.json().await.unwrap();
    assert_eq!(list["designers"][0]["form"]["distance_km"], "2.5");
    let own_page = lea.get(format!("{}/me/designer", app.base)).send().await.unwrap();
    assert_eq!(own_page.status(), 200);
    assert!(own_page.text().await.unwrap().contains("à Carouge depuis 2019"));

    // her portrait, hers only
    let upload = |client: &reqwest::Client, bytes: Vec<u8>| {
        let form = reqwest::multipart::Form::new()
            .part("file", reqwest::multipart::Part::bytes(bytes).file_name("portrait.png"));
        client.post(format!("{}/me/designer/photo", app.base)).multipart(form).send()
    };
    assert_eq!(upload(&stranger, png(400, 400)).await.unwrap().status(), 401);
    assert_eq!(upload(&mallory, png(400, 400)).await.unwrap().status(), 404);
    let refused = upload(&lea, b"not a picture".to_vec()).await.unwrap();
    assert!(refused.headers()["location"].to_str().unwrap().contains("photo_error=ImageNotImage"));
    let done = upload(&lea, png(800, 800)).await.unwrap();
    assert!(done.headers()["location"].to_str().unwrap().starts_with("/me/designer?done=photo"));
    let (_, page) = app.page("/designers/lea-martin", &[]).await;
    let photo: String =
        sqlx::query_scalar("select photo_url from designer where user_id is not null").fetch_one(&pool).await.unwrap();
    assert!(photo.starts_with(&format!("/media/designers/{id}/")) && page.contains(&photo), "{photo}");

    // someone keeping no profile has nothing to save
    let none: serde_json::Value = app.call(&mallory, "me/designer", &[]).await.json().await.unwrap();
    assert!(none.is_null());
    assert_eq!(send(&app, &mallory, "me/designer/save", &own(&[])).await.status(), 404);
    assert_eq!(app.call(&stranger, "me/designer", &[]).await.status(), 401);
}

#[sqlx::test(migrations = "../migrations")]
async fn replaced_withdrawn_or_expired_links_do_nothing_and_one_account_keeps_one_profile(pool: PgPool) {
    let app = TestApp::spawn(pool.clone()).await;
    let (editor, campaign, lea) = with_designer(&app, &pool, "editor@example.org", "Léa Martin").await;
    let (other, other_campaign, tom) = with_designer(&app, &pool, "other@example.org", "Tom Roux").await;
    let zoe = member(&app, "zoe@example.org", true).await;

    // another campaign's team cannot invite for Léa, nor withdraw her invitation
    assert_eq!(invite(&app, &other, &other_campaign, &lea, "zoe@example.org").await.status(), 404);
    assert_eq!(invite(&app, &other, &campaign, &lea, "zoe@example.org").await.status(), 403);

    // a new link replaces the old one
    assert_eq!(invite(&app, &editor, &campaign, &lea, "zoe@example.org").await.status(), 200);
    let first = claim_token(&pool, "zoe@example.org").await;
    assert_eq!(invite(&app, &editor, &campaign, &lea, "zoe@example.org").await.status(), 200);
    let second = claim_token(&pool, "zoe@example.org").await;
    assert_eq!(app.call(&zoe, "designer-invites/show", &[("token", &first)]).await.status(), 404);
    assert_eq!(error_field(accept(&app, &zoe, &first).await).await, "invite");

    // withdrawn: the link says so and does nothing
    let revoke = [("campaign", campaign.as_str()), ("designer", lea.as_str())];
    assert_eq!(
        app.call(&other, "studio/designer/revoke", &[("campaign", &other_campaign), ("designer", &lea)]).await.status(),
        404
    );
    assert_eq!(app.call(&editor, "studio/designer/revoke", &revoke).await.status(), 200);
    assert_eq!(app.call(&editor, "studio/designer/revoke", &revoke).await.status(), 404);
    let view: serde_json::Value =
        app.call(&zoe, "designer-invites/show", &[("token", &second)]).await.json().await.unwrap();
    assert_eq!(view["state"], "Withdrawn");
    assert_eq!(error_field(accept(&app, &zoe, &second).await).await, "invite");

    // expired: the same (another address: each address gets a few emails a minute at most)
    let yann = member(&app, "yann@example.org", true).await;
    assert_eq!(invite(&app, &editor, &campaign, &lea, "yann@example.org").await.status(), 200);
    let third = claim_token(&pool, "yann@example.org").await;
    sqlx::query("update designer_invite set created_at = now() - interval '20 days', expires_at = now() - interval '6 days' where accepted_at is null and revoked_at is null")
        .execute(&pool)
        .await
        .unwrap();
    assert_eq!(error_field(accept(&app, &yann, &third).await).await, "invite");
    assert_eq!(keeper(&pool, &lea).await, None);

    // a fresh link works; a second profile for the same account is refused and stays unclaimed
    assert_eq!(invite(&app, &editor, &campaign, &lea, "zoe@example.org").await.status(), 200);
    assert_eq!(accept(&app, &zoe, &claim_token(&pool, "zoe@example.org").await).await.status(), 200);
    assert_eq!(invite(&app, &other, &other_campaign, &tom, "zoe@example.org").await.status(), 200);
    let refused = accept(&app, &zoe, &claim_token(&pool, "zoe@example.org").await).await;
    assert_eq!(error_field(refused).await, "invite");
    assert_eq!(keeper(&pool, &tom).await, None);
    assert_eq!(keeper(&pool, &lea).await.as_deref(), Some("zoe@example.org"));
}
