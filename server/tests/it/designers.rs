//! The designer registry over HTTP, on the demo data: each filter alone and combined shows
//! exactly the designers the database says match, with plain links that keep the other filters.

use crate::support;
use crate::support::TestApp;
use sqlx::PgPool;

/// The designers the registry page shows, by name (the links of the cards' headings), sorted.
fn shown(html: &str) -> Vec<String> {
    let Some(start) = html.find(r#"class="designer-grid""#) else { return Vec::new() };
    let mut names: Vec<String> = html[start..]
        .split("<h3>")
        .skip(1)
        .filter_map(|card| {
            let link = &card[card.find("href=\"/designers/")?..];
            let text = &link[link.find('>')? + 1..];
            Some(text[..text.find('<')?].trim().to_owned())
        })
        .collect();
    names.sort();
    names
}

async fn expected(pool: &PgPool, sql: &str) -> Vec<String> {
    let mut names: Vec<String> = sqlx::query_scalar(sql).fetch_all(pool).await.unwrap();
    names.sort();
    names
}

#[sqlx::test(migrations = "../migrations")]
async fn filters_show_exactly_the_matching_designers_alone_and_combined(pool: PgPool) {
    let app = TestApp::seeded(pool.clone()).await;
    let cases = [
        ("", "select name from designer"),
        ("?practice=upcycling", "select name from designer where 'upcycling' = any(practices)"),
        ("?city=Gen%C3%A8ve", "select name from designer where lower(city) = 'genève'"),
        (
            "?practice=local_sourcing&city=Gen%C3%A8ve",
            "select name from designer where 'local_sourcing' = any(practices) and lower(city) = 'genève'",
        ),
    ];
    for (query, sql) in cases {
        let (status, html) = app.page(&format!("/designers{query}"), &[]).await;
        assert_eq!(status, 200);
        let want = expected(&pool, sql).await;
        assert!(!want.is_empty() || query.contains('&'), "the demo has designers for {query}");
        assert_eq!(shown(&html), want, "/designers{query}");
    }
    // a material, compared without case, combined with a practice
    let material: String =
        sqlx::query_scalar("select materials[1] from designer where cardinality(materials) > 0 limit 1")
            .fetch_one(&pool)
            .await
            .unwrap();
    let encoded: String = material
        .bytes()
        .map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") })
        .collect();
    let (_, html) = app.page(&format!("/designers?material={}", encoded.to_uppercase()), &[]).await;
    let want = sqlx::query_scalar::<_, String>(
        "select name from designer where exists (select 1 from unnest(materials) m where lower(m) = lower($1))",
    )
    .bind(&material)
    .fetch_all(&pool)
    .await
    .unwrap();
    let mut want = want;
    want.sort();
    assert_eq!(shown(&html), want, "material {material}");
    // each option links to the registry with the other filters kept, and counts what it would show
    let (_, html) = app.page("/designers?practice=upcycling", &[]).await;
    let chosen = support::element(&html, "filter-practice", "ul");
    assert!(chosen.contains(r#"href="/designers" aria-current="true""#), "the chosen practice links back to all");
    let city = support::element(&html, "filter-city", "ul");
    assert!(city.contains("/designers?practice=upcycling&amp;city="), "{city}");
    assert!(html.contains(r#"id="clear-filters""#));
    app.stop().await;
}
