//! Review and launch over HTTP: a draft is submitted by its owners, approved or sent back by an
//! admin (never by anyone else), each step emailed; approved, it is public and open to pledges
//! from its start.

use crate::support::fixtures::{backers, outbox, pledge, rand_key};
use crate::support::studio::*;
use crate::support::TestApp;
use sqlx::PgPool;

async fn status(pool: &PgPool, campaign: i64) -> String {
    sqlx::query_scalar("select status from campaign where campaign_id = $1")
        .bind(campaign)
        .fetch_one(pool)
        .await
        .unwrap()
}

#[sqlx::test(migrations = "../migrations")]
async fn a_draft_goes_through_review_to_live(pool: PgPool) {
    let app = TestApp::spawn(pool.clone()).await;
    let owner = member(&app, "owner@example.org", true).await;
    let editor = member(&app, "editor@example.org", true).await;
    let reviewer = admin(&app, "admin@example.org").await;
    start(&app, &owner, "Atelier du Rhône").await;
    let id = my_campaign(&app, &owner).await["id"].to_string();
    let campaign: i64 = id.parse().unwrap();
    join_team(&pool, campaign, "editor@example.org", "editor").await;
    let submit = |client: &reqwest::Client| {
        let (app, id) = (&app, id.clone());
        let client = client.clone();
        async move { app.call(&client, "studio/submit", &[("campaign", &id)]).await }
    };
    // not without a summary and a story
    assert_eq!(refusal(submit(&owner).await).await, ("summary".to_owned(), "SubmitNeedsSummary".to_owned()));
    sqlx::query("update campaign set summary = 'Un atelier', story_md = '## Histoire', starts_at = now() + interval '2 days', ends_at = now() + interval '30 days' where campaign_id = $1")
        .bind(campaign)
        .execute(&pool)
        .await
        .unwrap();
    // an editor cannot submit; the owner can
    assert_eq!(submit(&editor).await.status(), 403);
    assert_eq!(submit(&owner).await.status(), 200);
    assert_eq!(status(&pool, campaign).await, "in_review");
    assert_eq!(outbox(&pool, "campaign_submitted").await, 1);
    // under review nothing changes
    let edit = send(&app, &owner, "studio/reward/save", &reward_form(&[], &[("campaign", &id)])).await;
    assert_eq!(refusal(edit).await, ("review".to_owned(), "InReviewLocked".to_owned()));
    // the admin's queue lists it; the team cannot approve, nor send back
    let queue: serde_json::Value = app.call(&reviewer, "admin/review", &[]).await.json().await.unwrap();
    assert_eq!(queue[0]["title"], "Atelier du Rhône");
    assert_eq!(queue[0]["owners"], "Ana Studio");
    assert_eq!(app.call(&owner, "admin/review/approve", &[("campaign", &id)]).await.status(), 403);
    assert_eq!(app.call(&owner, "admin/review/send-back", &[("campaign", &id), ("reason", "x")]).await.status(), 403);
    // sent back: a reason is needed, the team sees it and gets it by email
    let bare = app.call(&reviewer, "admin/review/send-back", &[("campaign", &id), ("reason", "  ")]).await;
    assert_eq!(refusal(bare).await, ("reason".to_owned(), "ReviewReasonNeeded".to_owned()));
    let back = app
        .call(&reviewer, "admin/review/send-back", &[("campaign", &id), ("reason", "Ajoutez des photos de l’atelier")])
        .await;
    assert_eq!(back.status(), 200);
    assert_eq!(status(&pool, campaign).await, "draft");
    assert_eq!(outbox(&pool, "campaign_returned").await, 1);
    let seen: serde_json::Value = app.call(&owner, "studio/editor", &[("campaign", &id)]).await.json().await.unwrap();
    assert_eq!(seen["review_note"], "Ajoutez des photos de l’atelier");
    let page = owner.get(format!("{}/studio/campaigns/{id}", app.base)).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Ajoutez des photos de l’atelier"), "the note is on the editor's page");
    // approving a draft is not a step that exists
    let early = app.call(&reviewer, "admin/review/approve", &[("campaign", &id)]).await;
    assert_eq!(refusal(early).await, ("review".to_owned(), "ReviewStepRefused".to_owned()));
    // submitted again, approved
    assert_eq!(submit(&owner).await.status(), 200);
    let seen: serde_json::Value = app.call(&owner, "studio/editor", &[("campaign", &id)]).await.json().await.unwrap();
    assert_eq!(seen["review_note"], serde_json::Value::Null, "a new submission clears the note");
    assert_eq!(app.call(&reviewer, "admin/review/approve", &[("campaign", &id)]).await.status(), 200);
    assert_eq!(status(&pool, campaign).await, "live");
    assert_eq!(outbox(&pool, "campaign_approved").await, 1);
    let queue: serde_json::Value = app.call(&reviewer, "admin/review", &[]).await.json().await.unwrap();
    assert_eq!(queue, serde_json::json!([]));
    // its close and its opening are scheduled
    let tasks: Vec<String> = sqlx::query_scalar(
        "select input->'step_input'->>'task' from underway.task
         where (input->'step_input'->>'campaign_id')::bigint = $1 and state = 'pending' order by 1",
    )
    .bind(campaign)
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(tasks, ["close_campaign", "open_campaign"]);
    // public before its start, but not open to pledges, and not yet on the home page
    let (code, html) = app.page("/campaigns/atelier-du-rhone", &[]).await;
    assert_eq!(code, 200);
    assert!(html.contains("id=\"opens-on\"") && !html.contains("id=\"back-project\""), "{html}");
    let (_, home) = app.page("/", &[]).await;
    assert!(!home.contains("Atelier du Rhône"));
    let backer = backers(&app, 1).await.remove(0);
    let early =
        pledge(&app, &backer, "atelier-du-rhone", &format!("key-{}", rand_key()), &[("form[extra]", "20")]).await;
    assert_eq!(early.status(), 409, "{}", early.text().await.unwrap());
    // at its start: open, listed, pledged
    sqlx::query("update campaign set starts_at = now() - interval '1 minute' where campaign_id = $1")
        .bind(campaign)
        .execute(&pool)
        .await
        .unwrap();
    let task = app::backend::jobs::Task::OpenCampaign { campaign_id: app::domain::CampaignId(campaign) };
    app::backend::jobs::run(&app.state.payments(), &task).await.unwrap();
    let (_, home) = app.page("/", &[]).await;
    assert!(home.contains("Atelier du Rhône"));
    let (_, html) = app.page("/campaigns/atelier-du-rhone", &[]).await;
    assert!(html.contains("id=\"back-project\""));
    let open =
        pledge(&app, &backer, "atelier-du-rhone", &format!("key-{}", rand_key()), &[("form[extra]", "20")]).await;
    assert_eq!(open.status(), 200, "{}", open.text().await.unwrap());
    app.stop().await;
}
