//! The studio over HTTP: starting a draft, the editor's checks and its locks after launch, and
//! that a campaign's team can reach only its own campaigns.

use crate::support::fixtures;
use crate::support::studio::*;
use crate::support::TestApp;
use sqlx::PgPool;

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
    send(app, client, "studio/save", form).await
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
    join_team(&pool, f.campaign, "owner@example.org", "owner").await;
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

/// Every studio and admin endpoint that names a campaign or a part of one, with the fields it
/// takes (the ids of campaign A's parts).
fn endpoints(
    a: &str,
    tier: &str,
    slot: &str,
    question: &str,
    point: &str,
    update: &str,
) -> Vec<(&'static str, Vec<(String, String)>)> {
    let pairs = |list: &[(&str, &str)]| list.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect::<Vec<_>>();
    let slot_form = |extra: &[(&str, &str)]| {
        let mut form = pairs(&[
            ("form[starts_at]", "2030-04-03T10:00"),
            ("form[ends_at]", "2030-04-03T12:00"),
            ("form[capacity]", "8"),
            ("campaign", a),
            ("tier", tier),
        ]);
        form.extend(pairs(extra));
        form
    };
    vec![
        ("studio/editor", pairs(&[("campaign", a)])),
        ("studio/save", settings(a, &[("title", "Pris")])),
        ("studio/rewards", pairs(&[("campaign", a)])),
        ("studio/reward", pairs(&[("campaign", a), ("tier", tier)])),
        ("studio/reward/save", reward_form(&[("title", "Pris")], &[("campaign", a)])),
        ("studio/reward/save", reward_form(&[("title", "Pris")], &[("campaign", a), ("tier", tier)])),
        ("studio/reward/delete", pairs(&[("campaign", a), ("tier", tier)])),
        ("studio/reward/move", pairs(&[("campaign", a), ("tier", tier), ("direction", "up")])),
        ("studio/reward/slot", slot_form(&[])),
        ("studio/reward/slot", slot_form(&[("slot", slot)])),
        ("studio/reward/slot/remove", pairs(&[("campaign", a), ("tier", tier), ("slot", slot)])),
        (
            "studio/reward/question",
            pairs(&[("campaign", a), ("tier", tier), ("form[prompt]", "Pris"), ("form[kind]", "text")]),
        ),
        ("studio/reward/question/remove", pairs(&[("campaign", a), ("tier", tier), ("question", question)])),
        ("studio/reward/pickup", pairs(&[("campaign", a), ("tier", tier), ("point", point), ("on", "false")])),
        (
            "studio/pickup",
            pairs(&[("campaign", a), ("form[name]", "Pris"), ("form[address]", "Rue 1"), ("form[city]", "Genève")]),
        ),
        ("studio/pickup/remove", pairs(&[("campaign", a), ("point", point)])),
        ("studio/submit", pairs(&[("campaign", a)])),
        ("studio/dashboard", pairs(&[("campaign", a)])),
        ("studio/updates", pairs(&[("campaign", a)])),
        ("studio/fulfil", pairs(&[("campaign", a), ("on", "true")])),
        ("studio/image/hero", pairs(&[("campaign", a), ("image", "1")])),
        ("studio/faq/add", pairs(&[("campaign", a), ("form[question]", "Pris"), ("form[answer]", "Pris")])),
        ("studio/faq/remove", pairs(&[("campaign", a), ("entry", "1")])),
        ("studio/image/remove", pairs(&[("campaign", a), ("image", "1")])),
        ("studio/check-in", pairs(&[("campaign", a), ("pledge", "1")])),
        (
            "studio/update/save",
            pairs(&[("campaign", a), ("form[title]", "Pris"), ("form[body]", "Pris"), ("form[visibility]", "public")]),
        ),
        (
            "studio/update/save",
            pairs(&[
                ("campaign", a),
                ("update", update),
                ("form[title]", "Pris"),
                ("form[body]", "Pris"),
                ("form[visibility]", "public"),
            ]),
        ),
        ("studio/update/publish", pairs(&[("campaign", a), ("update", update)])),
        ("studio/update/delete", pairs(&[("campaign", a), ("update", update)])),
        ("studio/backers", pairs(&[("campaign", a), ("filter[q]", "a")])),
        ("studio/needs", pairs(&[("campaign", a)])),
        (
            "studio/need/save",
            pairs(&[("campaign", a), ("form[kind]", "skill"), ("form[title]", "Pris"), ("form[quantity]", "3")]),
        ),
        (
            "studio/need/save",
            pairs(&[
                ("campaign", a),
                ("need", "1"),
                ("form[kind]", "skill"),
                ("form[title]", "Pris"),
                ("form[quantity]", "3"),
            ]),
        ),
        ("studio/need/remove", pairs(&[("campaign", a), ("need", "1")])),
        ("studio/offer", pairs(&[("campaign", a), ("offer", "1"), ("to", "accepted")])),
        ("studio/partners", pairs(&[("campaign", a)])),
        ("studio/partner/review", pairs(&[("campaign", a), ("partner", "1"), ("approve", "true")])),
        ("studio/fund/decide", pairs(&[("campaign", a), ("fund", "1"), ("accept", "true")])),
        ("studio/designers", pairs(&[("campaign", a)])),
        ("studio/designer/save", pairs(&[("campaign", a), ("form[name]", "Pris"), ("form[city]", "Genève")])),
        ("studio/designer/link", pairs(&[("campaign", a), ("slug", "pris")])),
        ("studio/designer/unlink", pairs(&[("campaign", a), ("designer", "1")])),
        ("studio/designer/invite", pairs(&[("campaign", a), ("designer", "1"), ("email", "pris@example.org")])),
        ("studio/designer/revoke", pairs(&[("campaign", a), ("designer", "1")])),
        ("studio/team", pairs(&[("campaign", a)])),
        ("studio/team/invite", pairs(&[("campaign", a), ("email", "pris@example.org"), ("role", "owner")])),
        ("studio/team/revoke", pairs(&[("campaign", a), ("invite", "1")])),
        ("studio/team/remove", pairs(&[("campaign", a), ("member", "1")])),
        ("studio/translations", pairs(&[("campaign", a), ("lang", "en")])),
        ("studio/translation/campaign", pairs(&[("campaign", a), ("lang", "en"), ("form[title]", "Pris")])),
        (
            "studio/translation/reward",
            pairs(&[("campaign", a), ("lang", "en"), ("tier", tier), ("form[title]", "Pris")]),
        ),
        (
            "studio/translation/faq",
            pairs(&[("campaign", a), ("lang", "en"), ("entry", "1"), ("form[question]", "Pris")]),
        ),
        ("admin/review/approve", pairs(&[("campaign", a)])),
        ("admin/review/send-back", pairs(&[("campaign", a), ("reason", "Pris")])),
    ]
}

/// What a team could change in campaign A, to see that nothing did.
async fn snapshot(pool: &PgPool, campaign: i64) -> String {
    sqlx::query_scalar(
        "select concat_ws('|', c.title, c.status,
                (select string_agg(concat_ws(',', reward_tier_id, title, position, is_visible), ';' order by reward_tier_id)
                 from reward_tier where campaign_id = c.campaign_id),
                (select string_agg(concat_ws(',', s.reward_slot_id, s.starts_at, s.capacity), ';')
                 from reward_slot s join reward_tier t using (reward_tier_id) where t.campaign_id = c.campaign_id),
                (select count(*) from reward_question q join reward_tier t using (reward_tier_id) where t.campaign_id = c.campaign_id),
                (select count(*) from pickup_point where campaign_id = c.campaign_id),
                (select count(*) from reward_pickup_point rp join reward_tier t using (reward_tier_id) where t.campaign_id = c.campaign_id),
                (select string_agg(concat_ws(',', title, body_md, published_at), ';') from campaign_update where campaign_id = c.campaign_id),
                (select string_agg(concat_ws(',', user_id, role), ';' order by user_id) from campaign_member where campaign_id = c.campaign_id),
                (select count(*) from campaign_invite where campaign_id = c.campaign_id),
                (select count(*) from need where campaign_id = c.campaign_id),
                (select count(*) from campaign_designer where campaign_id = c.campaign_id),
                (select count(*) from designer_invite where campaign_id = c.campaign_id),
                (select count(*) from campaign_translation where campaign_id = c.campaign_id),
                (select count(*) from reward_tier_translation rt join reward_tier t using (reward_tier_id) where t.campaign_id = c.campaign_id))
         from campaign c where c.campaign_id = $1",
    )
    .bind(campaign)
    .fetch_one(pool)
    .await
    .unwrap()
}

#[sqlx::test(migrations = "../migrations")]
async fn a_team_reaches_only_its_own_campaigns(pool: PgPool) {
    let app = TestApp::spawn(pool.clone()).await;
    let alice = member(&app, "alice@example.org", true).await;
    let bob = member(&app, "bob@example.org", true).await;
    start(&app, &alice, "Campagne A").await;
    start(&app, &bob, "Campagne B").await;
    let a = my_campaign(&app, &alice).await["id"].to_string();
    let b = my_campaign(&app, &bob).await["id"].to_string();
    // campaign A's parts, made by Alice through the studio
    assert_eq!(send(&app, &alice, "studio/reward/save", &reward_form(&[], &[("campaign", &a)])).await.status(), 200);
    let tier: i64 = sqlx::query_scalar("select reward_tier_id from reward_tier where campaign_id = $1")
        .bind(a.parse::<i64>().unwrap())
        .fetch_one(&pool)
        .await
        .unwrap();
    let tier = tier.to_string();
    for (endpoint, form) in endpoints(&a, &tier, "0", "0", "0", "0").into_iter().filter(|(e, f)| {
        matches!(*e, "studio/reward/slot" | "studio/reward/question" | "studio/pickup" | "studio/update/save")
            && !f.iter().any(|(k, _)| k == "slot" || k == "update")
    }) {
        assert_eq!(send(&app, &alice, endpoint, &form).await.status(), 200, "{endpoint}");
    }
    let id = |sql: &'static str| {
        let pool = pool.clone();
        let a = a.clone();
        async move {
            sqlx::query_scalar::<_, i64>(sql)
                .bind(a.parse::<i64>().unwrap())
                .fetch_one(&pool)
                .await
                .unwrap()
                .to_string()
        }
    };
    let slot =
        id("select reward_slot_id from reward_slot join reward_tier using (reward_tier_id) where campaign_id = $1")
            .await;
    let question = id(
        "select reward_question_id from reward_question join reward_tier using (reward_tier_id) where campaign_id = $1",
    )
    .await;
    let point = id("select pickup_point_id from pickup_point where campaign_id = $1").await;
    let update = id("select campaign_update_id from campaign_update where campaign_id = $1").await;
    let a_id = a.parse::<i64>().unwrap();
    let before = snapshot(&pool, a_id).await;

    let stranger = app.browser();
    for (endpoint, form) in endpoints(&a, &tier, &slot, &question, &point, &update) {
        // Bob (another team, not an admin) and a stranger get nothing
        for (client, expected) in [(&bob, 403), (&stranger, 401)] {
            let response = send(&app, client, endpoint, &form).await;
            assert_eq!(response.status(), expected, "{endpoint} as {expected}");
        }
        // Bob naming his own campaign with A's parts: not found (ids are looked up within the campaign)
        let crossed: Vec<(String, String)> = form
            .iter()
            .map(|(k, v)| if k == "campaign" { (k.clone(), b.clone()) } else { (k.clone(), v.clone()) })
            .collect();
        let names_a_part =
            form.iter().any(|(k, _)| ["tier", "slot", "question", "point", "update"].contains(&k.as_str()));
        if names_a_part && endpoint.starts_with("studio/") {
            let response = send(&app, &bob, endpoint, &crossed).await;
            assert_eq!(response.status(), 404, "{endpoint} with campaign B and A's parts");
        }
    }
    assert_eq!(app.call(&bob, "admin/review", &[]).await.status(), 403, "the review queue is for admins");
    for (client, expected) in [(&bob, 403), (&stranger, 401)] {
        let csv = client.get(format!("{}/studio/campaigns/{a}/backers.csv", app.base)).send().await.unwrap();
        assert_eq!(csv.status(), expected, "the export");
    }
    for path in [
        format!("/studio/campaigns/{a}"),
        format!("/studio/campaigns/{a}/rewards"),
        format!("/studio/campaigns/{a}/rewards/{tier}"),
    ] {
        let page = bob.get(format!("{}{path}", app.base)).send().await.unwrap();
        let html = page.text().await.unwrap();
        assert!(!html.contains("Campagne A") && !html.contains("Écharpe"), "{path} shows nothing of A");
    }
    assert_eq!(snapshot(&pool, a_id).await, before, "nothing of campaign A changed");
    assert_eq!(my_campaign(&app, &bob).await["title"], "Campagne B", "Bob's list has only his");
    app.stop().await;
}

#[sqlx::test(migrations = "../migrations")]
async fn questions_and_answers_show_on_the_campaign_page_sanitised(pool: PgPool) {
    let f = fixtures::campaign(&pool, "all_or_nothing", 1000).await;
    let app = TestApp::spawn(pool.clone()).await;
    let editor = member(&app, "editor@example.org", true).await;
    join_team(&pool, f.campaign, "editor@example.org", "editor").await;
    let id = f.campaign.to_string();
    let add = |question: &'static str, answer: &'static str| {
        let (app, editor, id) = (&app, &editor, id.clone());
        async move {
            app.call(
                editor,
                "studio/faq/add",
                &[("campaign", &id), ("form[question]", question), ("form[answer]", answer)],
            )
            .await
        }
    };
    assert_eq!(error_field(add("Quand ?", "  ").await).await, "answer");
    let answer = "Dès **avril**.<script>alert(1)</script> [là](javascript:alert(1))";
    assert_eq!(add("Quand recevrai-je ma contrepartie ?", answer).await.status(), 200);
    let (_, page) = app.page(&format!("/campaigns/{}", f.slug), &[]).await;
    assert!(page.contains("Quand recevrai-je ma contrepartie ?") && page.contains("<strong>avril</strong>"));
    assert!(!page.contains("<script>alert") && !page.contains("href=\"javascript:"));
    let editor_page: serde_json::Value =
        app.call(&editor, "studio/editor", &[("campaign", &id)]).await.json().await.unwrap();
    let entry = editor_page["faq"][0]["id"].to_string();
    assert_eq!(app.call(&editor, "studio/faq/remove", &[("campaign", &id), ("entry", &entry)]).await.status(), 200);
    let (_, page) = app.page(&format!("/campaigns/{}", f.slug), &[]).await;
    assert!(!page.contains("Quand recevrai-je ma contrepartie ?"));
    app.stop().await;
}
