//! The public pages over HTTP, against a real PostgreSQL database filled with the demo data.

use crate::support::{element, TestApp};
use app::domain::{Currency, Locale, Money};
use sqlx::PgPool;

const SLUG: &str = "fil-rouge-geneve";

struct Totals {
    goal: Money,
    raised: Money,
    backers: i64,
}

async fn totals(pool: &PgPool) -> Totals {
    let row = sqlx::query!(
        "select goal, pledged_total + matched_total as \"raised!\", backer_count from campaign where slug = $1",
        SLUG
    )
    .fetch_one(pool)
    .await
    .unwrap();
    Totals {
        goal: Money::new(row.goal, Currency::Chf),
        raised: Money::new(row.raised, Currency::Chf),
        backers: i64::from(row.backer_count),
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn health_checks_the_database(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let response = app.get("/health").await;
    assert_eq!(response.status(), 200);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["database"], "ok");
}

#[sqlx::test(migrations = "../migrations")]
async fn campaign_page_shows_goal_pledged_and_backers_from_the_database(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let t = totals(&app.pool).await;
    assert!(t.raised.is_positive() && t.backers > 0, "the demo has backers");

    let (status, html) = app.page(&format!("/campaigns/{SLUG}"), &[]).await;
    assert_eq!(status, 200);
    assert!(element(&html, "goal", "strong").contains("CHF 25’000"), "goal shown");
    assert!(
        element(&html, "raised", "span").contains(&t.raised.format(Locale::Fr)),
        "raised: {}",
        t.raised.format(Locale::Fr)
    );
    assert!(element(&html, "backers", "strong").contains(&format!("{} contributeur·rices", t.backers)));
    let percent = t.raised.percent_of(t.goal);
    assert!(element(&html, "percent", "strong").contains(&format!("{percent}\u{a0}% financé")));

    // the page follows the database, not a copy of it
    sqlx::query!(
        "update campaign set pledged_total = pledged_total + 1000, backer_count = backer_count + 1 where slug = $1",
        SLUG
    )
    .execute(&app.pool)
    .await
    .unwrap();
    let more = Money::new(t.raised.amount() + rust_decimal::Decimal::from(1000), Currency::Chf);
    let (_, html) = app.page(&format!("/campaigns/{SLUG}"), &[]).await;
    assert!(element(&html, "raised", "span").contains(&more.format(Locale::Fr)));
    assert!(element(&html, "backers", "strong").contains(&format!("{} contributeur·rices", t.backers + 1)));
}

#[sqlx::test(migrations = "../migrations")]
async fn demo_totals_equal_the_sum_of_pledges(pool: PgPool) {
    trame::seed::seed(&pool).await.unwrap();
    let mut db = pool.acquire().await.unwrap();
    let mismatched = app::backend::db::pledges::check_totals(&mut db).await.unwrap();
    assert!(mismatched.is_empty(), "{mismatched:?}");
    assert!(app::backend::db::pledges::check_matches(&mut db).await.unwrap().is_empty());
    let overclaimed = sqlx::query_scalar!(
        r#"
        select count(*) as "n!" from reward_tier t
        where t.claimed <> coalesce((select sum(quantity) from pledge p where p.reward_tier_id = t.reward_tier_id
                                     and p.status = any($1)), 0)
        "#,
        &app::domain::PledgeStatus::codes(app::domain::PledgeStatus::HOLDING)
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(overclaimed, 0, "claimed units equal the units held by live pledges");
}

#[sqlx::test(migrations = "../migrations")]
async fn sold_out_tiers_show_as_sold_out(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let sold_out = sqlx::query_scalar!(
        "select reward_tier_id from reward_tier where quantity_limit is not null and claimed = quantity_limit"
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(sold_out.len(), 1, "the demo has one sold-out tier");
    let available = sqlx::query!(
        r#"select reward_tier_id, quantity_limit as "limit!", claimed from reward_tier
           where quantity_limit > claimed order by position limit 1"#
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();

    let (_, html) = app.page(&format!("/campaigns/{SLUG}"), &[]).await;
    let card = element(&html, &format!("reward-{}", sold_out[0]), "article");
    assert!(card.contains("Épuisée"), "{card}");
    let card = element(&html, &format!("reward-{}", available.reward_tier_id), "article");
    assert!(!card.contains("Épuisé"), "{card}");
    let left = i64::from(available.limit - available.claimed);
    assert!(card.contains(&format!("sur {}", available.limit)) && card.contains(&format!("{left} restant")), "{card}");

    // the last unit goes: the card turns sold out
    sqlx::query!("update reward_tier set claimed = quantity_limit where reward_tier_id = $1", available.reward_tier_id)
        .execute(&app.pool)
        .await
        .unwrap();
    let (_, html) = app.page(&format!("/campaigns/{SLUG}"), &[]).await;
    assert!(element(&html, &format!("reward-{}", available.reward_tier_id), "article").contains("Épuisé"));
}

#[sqlx::test(migrations = "../migrations")]
async fn a_workshop_with_every_slot_full_is_sold_out(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let full = sqlx::query_scalar!(
        r#"select t.reward_tier_id from reward_tier t
           where exists (select 1 from reward_slot s where s.reward_tier_id = t.reward_tier_id)
             and not exists (select 1 from reward_slot s where s.reward_tier_id = t.reward_tier_id and s.claimed < s.capacity)"#
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(full.len(), 1);
    let (_, html) = app.page(&format!("/campaigns/{SLUG}"), &[]).await;
    let card = element(&html, &format!("reward-{}", full[0]), "article");
    assert!(card.contains("Épuisé") && card.contains("complet"), "{card}");
}

#[sqlx::test(migrations = "../migrations")]
async fn unknown_pages_answer_404(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    for path in ["/campaigns/no-such-campaign", "/designers/nobody-here", "/no/such/page"] {
        let (status, html) = app.page(path, &[]).await;
        assert_eq!(status, 404, "{path}");
        assert!(html.contains("Page introuvable"), "{path}: {html}");
    }
    // not public yet: as if it did not exist
    sqlx::query!("update campaign set status = 'draft' where slug = $1", SLUG).execute(&app.pool).await.unwrap();
    let (status, _) = app.page(&format!("/campaigns/{SLUG}"), &[]).await;
    assert_eq!(status, 404);
}

#[sqlx::test(migrations = "../migrations")]
async fn home_lists_live_campaigns_only(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let (status, html) = app.page("/", &[]).await;
    assert_eq!(status, 200);
    assert!(html.contains(&format!(r#"href="/campaigns/{SLUG}""#)));
    sqlx::query!("update campaign set status = 'failed' where slug = $1", SLUG).execute(&app.pool).await.unwrap();
    let (_, html) = app.page("/", &[]).await;
    assert!(!html.contains(&format!(r#"href="/campaigns/{SLUG}""#)));
}

#[sqlx::test(migrations = "../migrations")]
async fn story_markdown_is_rendered_and_sanitised(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    sqlx::query!(
        "update campaign set story_md = $2 where slug = $1",
        SLUG,
        "## Nos ateliers\n\n**Zéro déchet**<script>alert('x')</script><img src=x onerror=alert(1)>"
    )
    .execute(&app.pool)
    .await
    .unwrap();
    let (_, html) = app.page(&format!("/campaigns/{SLUG}"), &[]).await;
    let story = element(&html, "story", "section");
    assert!(story.contains("<h2>Nos ateliers</h2>") && story.contains("<strong>Zéro déchet</strong>"), "{story}");
    assert!(!story.contains("alert"), "{story}");
}

#[sqlx::test(migrations = "../migrations")]
async fn language_follows_accept_language_then_the_cookie(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let path = format!("/campaigns/{SLUG}");
    let (_, html) = app.page(&path, &[]).await;
    assert!(html.contains(r#"<html lang="fr""#) && html.contains("Contreparties"));
    let (_, html) = app.page(&path, &[("accept-language", "en-GB,en;q=0.9,fr;q=0.5")]).await;
    assert!(html.contains(r#"<html lang="en""#) && html.contains(">Rewards<"), "English");
    let (_, html) = app.page(&path, &[("accept-language", "en"), ("cookie", "trame_lang=de")]).await;
    assert!(html.contains(r#"<html lang="de""#) && html.contains("Belohnungen"), "the cookie wins");
}

#[sqlx::test(migrations = "../migrations")]
async fn language_switch_remembers_and_returns_to_local_pages_only(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let switch = |lang: &'static str, next: &'static str| {
        app.client.post(format!("{}/lang", app.base)).form(&[("lang", lang), ("next", next)]).send()
    };
    let response = switch("en", "/designers?x=1").await.unwrap();
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/designers?x=1");
    let cookie = response.headers()["set-cookie"].to_str().unwrap();
    assert!(cookie.starts_with("trame_lang=en;") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"));

    let response = switch("de", "https://evil.example/").await.unwrap();
    assert_eq!(response.headers()["location"], "/");
    let response = switch("de", "//evil.example/").await.unwrap();
    assert_eq!(response.headers()["location"], "/");
    let response = switch("klingon", "/").await.unwrap();
    assert_eq!(response.status(), 400);
    assert!(response.headers().get("set-cookie").is_none());
    let response = app.get("/lang").await;
    assert_eq!(response.status(), 405, "no state-changing GET");
}

#[sqlx::test(migrations = "../migrations")]
async fn designer_registry_and_pages(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let designers = sqlx::query!("select slug, name from designer order by name").fetch_all(&app.pool).await.unwrap();
    assert_eq!(designers.len(), 6);
    let (status, html) = app.page("/designers", &[]).await;
    assert_eq!(status, 200);
    for d in &designers {
        assert!(html.contains(&d.name), "{} listed", d.name);
    }
    let (status, html) = app.page(&format!("/designers/{}", designers[0].slug), &[]).await;
    assert_eq!(status, 200);
    // (hydration markers may follow the text, so compare the start only)
    assert!(html.contains(&format!("<h1>{}", designers[0].name)), "the designer's name is the heading");
    assert!(html.contains(&format!(r#"href="/campaigns/{SLUG}""#)), "links to the campaign");
}

#[sqlx::test(migrations = "../migrations")]
async fn seeding_twice_changes_nothing(pool: PgPool) {
    assert_eq!(trame::seed::seed(&pool).await.unwrap(), trame::seed::Seeded::Created);
    let before = sqlx::query_scalar!(r#"select count(*) as "n!" from pledge"#).fetch_one(&pool).await.unwrap();
    assert_eq!(trame::seed::seed(&pool).await.unwrap(), trame::seed::Seeded::AlreadyPresent);
    let after = sqlx::query_scalar!(r#"select count(*) as "n!" from pledge"#).fetch_one(&pool).await.unwrap();
    assert_eq!(before, after);
}
