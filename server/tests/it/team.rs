//! A campaign's team over HTTP: an owner invites by email, only the invited account accepts
//! (once, before the link expires, unless withdrawn); editors see the team but do not manage
//! it; the last owner stays. And the team's translations: the public page in the visitor's
//! language where the team wrote one, the original elsewhere.

use crate::support;
use crate::support::fixtures;
use crate::support::studio::*;
use crate::support::TestApp;
use sqlx::PgPool;

/// The token of the last invitation emailed to `to` (from the link in the outbox).
async fn invite_token(pool: &PgPool, to: &str) -> String {
    let link: String = sqlx::query_scalar(
        "select payload->>'link' from email_outbox where template = 'campaign_invite' and to_address = $1
         order by email_outbox_id desc limit 1",
    )
    .bind(to)
    .fetch_one(pool)
    .await
    .unwrap();
    link.rsplit('/').next().unwrap().to_owned()
}

async fn role_of(pool: &PgPool, campaign: i64, email: &str) -> Option<String> {
    sqlx::query_scalar(
        "select m.role from campaign_member m join app_user u using (user_id)
         where m.campaign_id = $1 and lower(u.email) = lower($2)",
    )
    .bind(campaign)
    .bind(email)
    .fetch_optional(pool)
    .await
    .unwrap()
}

async fn invite(app: &TestApp, client: &reqwest::Client, campaign: &str, email: &str, role: &str) -> reqwest::Response {
    app.call(client, "studio/team/invite", &[("campaign", campaign), ("email", email), ("role", role)]).await
}

async fn show(app: &TestApp, client: &reqwest::Client, token: &str) -> serde_json::Value {
    app.call(client, "invites/show", &[("token", token)]).await.json().await.unwrap()
}

#[sqlx::test(migrations = "../migrations")]
async fn only_the_invited_account_joins_the_team_once(pool: PgPool) {
    let app = TestApp::spawn(pool.clone()).await;
    let owner = member(&app, "owner@example.org", true).await;
    start(&app, &owner, "Fil Vert").await;
    let id = my_campaign(&app, &owner).await["id"].as_i64().unwrap();
    let campaign = id.to_string();

    assert_eq!(error_field(invite(&app, &owner, &campaign, "not-an-address", "editor").await).await, "email");
    assert_eq!(error_field(invite(&app, &owner, &campaign, "OWNER@example.org", "editor").await).await, "email");
    assert_eq!(error_field(invite(&app, &owner, &campaign, "ed@example.org", "boss").await).await, "role");
    assert_eq!(invite(&app, &owner, &campaign, "Ed@Example.org", "editor").await.status(), 200);
    let token = invite_token(&pool, "Ed@Example.org").await;
    let page: serde_json::Value =
        app.call(&owner, "studio/team", &[("campaign", &campaign)]).await.json().await.unwrap();
    assert_eq!(page["invites"].as_array().unwrap().len(), 1);
    assert_eq!(page["manages"], true);

    // the link names the campaign and the role to anyone holding it
    let stranger = app.browser();
    let view = show(&app, &stranger, &token).await;
    assert_eq!(
        (view["campaign_title"].as_str(), view["role"].as_str(), view["state"].as_str()),
        (Some("Fil Vert"), Some("editor"), Some("Open"))
    );
    // another account cannot use it, and a stranger must sign in first
    let mallory = member(&app, "mallory@example.org", true).await;
    let refused = app.call(&mallory, "invites/accept", &[("token", &token)]).await;
    assert_eq!(error_field(refused).await, "invite");
    assert_eq!(app.call(&stranger, "invites/accept", &[("token", &token)]).await.status(), 401);
    assert_eq!(role_of(&pool, id, "mallory@example.org").await, None);

    // the invited address, with a new account not yet verified: joins, and the link proves the address
    let ed = member(&app, "ed@example.org", false).await;
    assert_eq!(app.call(&ed, "invites/accept", &[("token", &token)]).await.status(), 200);
    assert_eq!(role_of(&pool, id, "ed@example.org").await.as_deref(), Some("editor"));
    let verified: bool =
        sqlx::query_scalar("select email_verified_at is not null from app_user where email = 'ed@example.org'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert!(verified);
    assert_eq!(show(&app, &ed, &token).await["state"], "Accepted");
    assert_eq!(error_field(app.call(&ed, "invites/accept", &[("token", &token)]).await).await, "invite");
    assert_eq!(app.call(&ed, "studio/editor", &[("campaign", &campaign)]).await.status(), 200);

    // an editor sees the team but does not manage it
    let seen: serde_json::Value = app.call(&ed, "studio/team", &[("campaign", &campaign)]).await.json().await.unwrap();
    assert_eq!(seen["manages"], false);
    assert_eq!(seen["members"].as_array().unwrap().len(), 2);
    assert_eq!(invite(&app, &ed, &campaign, "friend@example.org", "owner").await.status(), 403);
    let owner_id = seen["members"][0]["user"].to_string();
    let remove = |client, member: String| {
        let (app, campaign) = (&app, campaign.clone());
        async move { app.call(client, "studio/team/remove", &[("campaign", &campaign), ("member", &member)]).await }
    };
    assert_eq!(remove(&ed, owner_id.clone()).await.status(), 403);
    // the last owner stays; an editor may leave
    assert_eq!(error_field(remove(&owner, owner_id).await).await, "member");
    let ed_id = seen["members"][1]["user"].to_string();
    assert_eq!(remove(&ed, ed_id).await.status(), 200);
    assert_eq!(role_of(&pool, id, "ed@example.org").await, None);
    assert_eq!(app.call(&ed, "studio/editor", &[("campaign", &campaign)]).await.status(), 403);
    app.stop().await;
}

#[sqlx::test(migrations = "../migrations")]
async fn a_new_link_replaces_the_old_and_withdrawn_or_expired_links_do_nothing(pool: PgPool) {
    let app = TestApp::spawn(pool.clone()).await;
    let owner = member(&app, "owner@example.org", true).await;
    start(&app, &owner, "Fil Vert").await;
    let id = my_campaign(&app, &owner).await["id"].as_i64().unwrap();
    let campaign = id.to_string();
    let zoe = member(&app, "zoe@example.org", true).await;

    invite(&app, &owner, &campaign, "zoe@example.org", "editor").await;
    let first = invite_token(&pool, "zoe@example.org").await;
    invite(&app, &owner, &campaign, "zoe@example.org", "owner").await;
    let second = invite_token(&pool, "zoe@example.org").await;
    assert_ne!(first, second);
    assert_eq!(app.call(&zoe, "invites/show", &[("token", &first)]).await.status(), 404);
    let view = show(&app, &zoe, &second).await;
    assert_eq!((view["role"].as_str(), view["signed_in_as"].as_str()), (Some("owner"), Some("zoe@example.org")));

    // withdrawn
    let page: serde_json::Value =
        app.call(&owner, "studio/team", &[("campaign", &campaign)]).await.json().await.unwrap();
    let invite_id = page["invites"][0]["id"].to_string();
    let withdrawn = app.call(&owner, "studio/team/revoke", &[("campaign", &campaign), ("invite", &invite_id)]).await;
    assert_eq!(withdrawn.status(), 200);
    assert_eq!(show(&app, &zoe, &second).await["state"], "Withdrawn");
    assert_eq!(error_field(app.call(&zoe, "invites/accept", &[("token", &second)]).await).await, "invite");

    // expired
    invite(&app, &owner, &campaign, "zoe@example.org", "owner").await;
    let third = invite_token(&pool, "zoe@example.org").await;
    sqlx::query(
        "update campaign_invite set created_at = now() - interval '20 days', expires_at = now() - interval '6 days'
         where accepted_at is null and revoked_at is null",
    )
    .execute(&pool)
    .await
    .unwrap();
    assert_eq!(show(&app, &zoe, &third).await["state"], "Expired");
    assert_eq!(error_field(app.call(&zoe, "invites/accept", &[("token", &third)]).await).await, "invite");
    assert_eq!(role_of(&pool, id, "zoe@example.org").await, None);

    // a fresh one works, as owner: the new owner may then manage the team
    invite(&app, &owner, &campaign, "zoe@example.org", "owner").await;
    let fourth = invite_token(&pool, "zoe@example.org").await;
    assert_eq!(app.call(&zoe, "invites/accept", &[("token", &fourth)]).await.status(), 200);
    assert_eq!(role_of(&pool, id, "zoe@example.org").await.as_deref(), Some("owner"));
    assert_eq!(invite(&app, &zoe, &campaign, "third@example.org", "editor").await.status(), 200);
    // the invitation page in the browser, signed in as someone else: says whom it is for
    let other = member(&app, "other@example.org", true).await;
    invite(&app, &owner, &campaign, "guest@example.org", "editor").await;
    let guest = invite_token(&pool, "guest@example.org").await;
    let html = other.get(format!("{}/invites/{guest}", app.base)).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("guest@example.org") && !html.contains("accept-invite-form"), "{html}");
    app.stop().await;
}

/// A translation form's fields.
fn texts(campaign: i64, lang: &str, fields: &[(&str, &str)], extra: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut form = vec![("campaign".to_owned(), campaign.to_string()), ("lang".to_owned(), lang.to_owned())];
    form.extend(fields.iter().map(|(k, v)| (format!("form[{k}]"), v.to_string())));
    form.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    form
}

#[sqlx::test(migrations = "../migrations")]
async fn visitors_read_the_campaign_in_their_language_where_the_team_wrote_it(pool: PgPool) {
    let f = fixtures::campaign(&pool, "all_or_nothing", 1000).await;
    let app = TestApp::spawn(pool.clone()).await;
    let editor = member(&app, "editor@example.org", true).await;
    join_team(&pool, f.campaign, "editor@example.org", "editor").await;
    sqlx::query(
        "update campaign set summary = 'Un atelier partagé', story_md = 'Notre **histoire**' where campaign_id = $1",
    )
    .bind(f.campaign)
    .execute(&pool)
    .await
    .unwrap();
    let id = f.campaign.to_string();
    app.call(
        &editor,
        "studio/faq/add",
        &[("campaign", &id), ("form[question]", "Quand ?"), ("form[answer]", "En avril.")],
    )
    .await;
    let page = |lang: &'static str| {
        let (app, path) = (&app, format!("/campaigns/{}", f.slug));
        async move { app.page(&path, &[("cookie", &format!("trame_lang={lang}"))]).await.1 }
    };
    // the English page is cached before any translation: a translation must replace it
    assert!(page("en").await.contains("Test campaign"));

    let saved = send(
        &app,
        &editor,
        "studio/translation/campaign",
        &texts(
            f.campaign,
            "en",
            &[
                ("title", "Shared workshop"),
                ("summary", "A workshop to share"),
                ("story", "Our <script>x</script>**story**"),
            ],
            &[],
        ),
    )
    .await;
    assert_eq!(saved.status(), 200);
    let tier = f.limited_tier.to_string();
    let reward = send(
        &app,
        &editor,
        "studio/translation/reward",
        &texts(f.campaign, "en", &[("title", "Recycled linen bag"), ("description", "")], &[("tier", &tier)]),
    )
    .await;
    assert_eq!(reward.status(), 200);
    let loaded: serde_json::Value =
        app.call(&editor, "studio/translations", &[("campaign", &id), ("lang", "en")]).await.json().await.unwrap();
    let entry = loaded["faq"][0]["id"].to_string();
    assert_eq!(loaded["translated"]["title"], "Shared workshop");
    assert_eq!(loaded["original"]["title"], "Test campaign");
    let faq = send(
        &app,
        &editor,
        "studio/translation/faq",
        &texts(f.campaign, "en", &[("question", "When?"), ("answer", "In *April*.")], &[("entry", &entry)]),
    )
    .await;
    assert_eq!(faq.status(), 200);

    let en = page("en").await;
    for shown in [
        "Shared workshop",
        "A workshop to share",
        "<strong>story</strong>",
        "Recycled linen bag",
        "When?",
        "<em>April</em>",
    ] {
        assert!(en.contains(shown), "the English page shows {shown}");
    }
    assert!(!en.contains("<script>x") && !en.contains("Sac en lin recyclé"));
    assert!(!support::element(&en, "story-text", "div").contains("lang="), "English texts are not marked");
    // French: the original; German (not translated): the original, marked as French
    let fr = page("fr").await;
    assert!(
        fr.contains("Test campaign")
            && fr.contains("Sac en lin recyclé")
            && fr.contains("Quand ?")
            && !fr.contains("Shared workshop")
    );
    let de = page("de").await;
    assert!(de.contains("Test campaign") && !de.contains("Shared workshop"));
    assert!(support::element(&de, "story-text", "div").contains(r#"lang="fr""#));
    // the home page's card too
    let (_, home) = app.page("/", &[("cookie", "trame_lang=en")]).await;
    assert!(home.contains("Shared workshop"));

    // emptied: the original again
    let cleared =
        send(&app, &editor, "studio/translation/campaign", &texts(f.campaign, "en", &[("title", " ")], &[])).await;
    assert_eq!(cleared.status(), 200);
    assert!(page("en").await.contains("Test campaign"));
    // the campaign's own language is not a translation; a too long name is refused with its field
    let own =
        send(&app, &editor, "studio/translation/campaign", &texts(f.campaign, "fr", &[("title", "X")], &[])).await;
    assert_eq!(error_field(own).await, "lang");
    let long = "x".repeat(121);
    let refused = send(
        &app,
        &editor,
        "studio/translation/reward",
        &texts(f.campaign, "de", &[("title", &long)], &[("tier", &tier)]),
    )
    .await;
    assert_eq!(error_field(refused).await, "title");
    app.stop().await;
}
