//! What the pages say about a backer's money, read from the rendered HTML in each language:
//! every sentence about charging, refunding and expiring must be true for the pledge shown.

use crate::support::fixtures::{app, backers, campaign, pledge_id};
use crate::support::{element, TestApp};
use sqlx::PgPool;

/// The page at `path` as `client` sees it in `lang`.
async fn page_in(app: &TestApp, client: &reqwest::Client, path: &str, lang: &str) -> String {
    let response = client.get(format!("{}{path}", app.base)).header("accept-language", lang).send().await.unwrap();
    assert_eq!(response.status(), 200, "GET {path}");
    response.text().await.unwrap()
}

/// The text of the pledge page's heading and lead, tags left out.
fn result_text(html: &str) -> String {
    let section = element(html, "pledge-result", "section");
    let mut text = String::new();
    let mut in_tag = false;
    for c in section.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

async fn set_status(pool: &PgPool, pledge: i64, status: &str) {
    sqlx::query("update pledge set status = $2 where pledge_id = $1")
        .bind(pledge)
        .bind(status)
        .execute(pool)
        .await
        .unwrap();
}

#[sqlx::test(migrations = "../migrations")]
async fn the_home_page_promises_no_charge_only_for_all_or_nothing(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    for (lang, says) in [
        ("fr", "pour une campagne tout ou rien, votre carte n’est débitée que si l’objectif est atteint"),
        ("en", "on an all-or-nothing campaign, your card is charged only if the goal is reached"),
        ("de", "bei Alles-oder-nichts-Kampagnen wird Ihre Karte nur belastet, wenn das Ziel erreicht wird"),
    ] {
        let (status, html) = app.page("/", &[("accept-language", lang)]).await;
        assert_eq!(status, 200);
        let lead = element(&html, "home-lead", "p");
        assert!(lead.contains(says), "{lang} lead: {lead}");
        let meta = html.split("<meta name=\"description\"").nth(1).expect("a meta description");
        assert!(meta[..meta.find('>').unwrap()].contains(says), "{lang} meta description");
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn a_flexible_campaign_says_the_card_is_charged_at_once(pool: PgPool) {
    let f = campaign(&pool, "flexible", 1000).await;
    let app = TestApp::spawn(pool).await;
    let (_, en) = app.page(&format!("/campaigns/{}", f.slug), &[("accept-language", "en")]).await;
    assert!(en.contains("your card is charged at once"), "EN flexible explanation");
    assert!(!en.contains("your pledge is charged"), "a card is charged, not a pledge");
    let (_, de) = app.page(&format!("/campaigns/{}", f.slug), &[("accept-language", "de")]).await;
    assert!(de.contains("Ihre Karte wird sofort belastet") && !de.contains("Ihr Beitrag wird sofort belastet"));
}

#[sqlx::test(migrations = "../migrations")]
async fn each_pledge_status_says_what_happens_to_the_money(pool: PgPool) {
    let f = campaign(&pool, "all_or_nothing", 1000).await;
    let app = app(pool).await;
    let backer = backers(&app, 1).await.remove(0);
    let id = pledge_id(&app, &backer, &f.slug, &[("form[extra]", "30")]).await;
    let path = format!("/pledges/{id}");

    // active: the card is named, and the date is when the campaign ends, not a day the goal is reached
    set_status(&app.pool, id, "active").await;
    let en = result_text(&page_in(&app, &backer, &path, "en").await);
    assert!(en.contains("Your card will be charged only if the goal is reached, when the campaign ends on"), "{en}");
    let fr = result_text(&page_in(&app, &backer, &path, "fr").await);
    assert!(fr.contains("quand la campagne se termine le") && fr.contains(" à "), "{fr}");
    let de = result_text(&page_in(&app, &backer, &path, "de").await);
    assert!(de.contains("bei Kampagnenende am") && de.contains(" Uhr"), "{de}");

    // a declined charge with a saved card is not "waiting for its card"
    sqlx::query("update pledge set payment_due_at = now() + interval '3 days' where pledge_id = $1")
        .bind(id)
        .execute(&app.pool)
        .await
        .unwrap();
    set_status(&app.pool, id, "payment_failed").await;
    let en = result_text(&page_in(&app, &backer, &path, "en").await);
    assert!(en.contains("Your payment did not go through") && en.contains("To be paid before"), "{en}");
    assert!(!en.contains("waiting for its card"), "{en}");

    // refunded: it was charged, then paid back; nobody is told it "will not be charged"
    set_status(&app.pool, id, "refunded").await;
    let en = result_text(&page_in(&app, &backer, &path, "en").await);
    assert!(en.contains("This pledge was refunded") && en.contains("refunded that amount"), "{en}");
    assert!(en.contains("CHF 30.00") && !en.contains("will not be charged"), "{en}");
    let de = result_text(&page_in(&app, &backer, &path, "de").await);
    assert!(de.contains("zurückerstattet") && !de.contains("abgeschlossen"), "{de}");

    // cancelled or dropped: no longer active, never "completed"
    set_status(&app.pool, id, "cancelled").await;
    let en = result_text(&page_in(&app, &backer, &path, "en").await);
    assert!(en.contains("This pledge is no longer active") && en.contains("will not be charged"), "{en}");
    let de = result_text(&page_in(&app, &backer, &path, "de").await);
    assert!(de.contains("nicht mehr aktiv") && !de.contains("abgeschlossen"), "{de}");
}
