//! The dashboard and the backers export over HTTP: the figures, the chart, the filtered table,
//! a CSV a spreadsheet can open safely; only the campaign's owners (and admins) see any of it.

use crate::support::fixtures::{self, *};
use crate::support::studio::*;
use crate::support::TestApp;

/// The CSV's rows as text cells, the header first (the byte-order mark removed).
fn cells(body: &str) -> Vec<Vec<String>> {
    let body = body.strip_prefix('\u{feff}').expect("a byte-order mark for spreadsheets");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[sqlx::test(migrations = "../migrations")]
async fn owners_follow_their_backers_and_export_them_safely(pool: sqlx::PgPool) {
    let f = fixtures::campaign(&pool, "all_or_nothing", 1000).await;
    let app = TestApp::spawn(pool.clone()).await;
    let owner = member(&app, "owner@example.org", true).await;
    join_team(&pool, f.campaign, "owner@example.org", "owner").await;
    let editor = member(&app, "editor@example.org", true).await;
    join_team(&pool, f.campaign, "editor@example.org", "editor").await;
    let other = member(&app, "other@example.org", true).await;
    let clients = backers(&app, 2).await;
    // a backer whose name is a spreadsheet formula
    sqlx::query("update app_user set display_name = $1 where display_name = 'Backer 0'")
        .bind(r#"=HYPERLINK("http://x","y")"#)
        .execute(&pool)
        .await
        .unwrap();
    let size = format!("form[answers][{}]", f.size_question);
    let sized = pledge_id(&app, &clients[0], &f.slug, &[("form[tier]", &f.sized_tier.to_string()), (&size, "M")]).await;
    let slot = f.slot.to_string();
    let workshop =
        pledge_id(&app, &clients[1], &f.slug, &[("form[tier]", &f.slot_tier.to_string()), ("form[slot]", &slot)]).await;
    for (client, pledge) in [(&clients[0], sized), (&clients[1], workshop)] {
        assert_eq!(save_card(&app, client, pledge, "pm_card_visa").await["status"], "active");
    }
    let id = f.campaign.to_string();

    // the figures and the day's pledges
    let dashboard: serde_json::Value =
        app.call(&owner, "studio/dashboard", &[("campaign", &id)]).await.json().await.unwrap();
    assert_eq!(dashboard["campaign"]["backers"], 2);
    assert_eq!(dashboard["days"].as_array().unwrap().len(), 1);
    assert_eq!(dashboard["days"][0]["pledges"], 2);
    assert_eq!(dashboard["days"][0]["amount"], "35.00");
    let workshop_sales =
        dashboard["tiers"].as_array().unwrap().iter().find(|t| t["id"] == f.slot_tier).unwrap().clone();
    assert_eq!(workshop_sales["slots"][0]["claimed"], 1);

    // the table: search, filters, pages
    let table = |filters: &[(&'static str, &str)]| {
        let mut form = vec![("campaign".to_owned(), id.clone())];
        form.extend(filters.iter().map(|(k, v)| (format!("filter[{k}]"), v.to_string())));
        let (app, owner) = (&app, &owner);
        async move {
            let page: serde_json::Value = send(app, owner, "studio/backers", &form).await.json().await.unwrap();
            page
        }
    };
    assert_eq!(table(&[]).await["matching"], 2);
    assert_eq!(table(&[("q", "hyperLINK")]).await["rows"][0]["pledge"], sized);
    assert_eq!(table(&[("tier", &f.slot_tier.to_string())]).await["rows"][0]["pledge"], workshop);
    assert_eq!(table(&[("tier", "none")]).await["matching"], 0);
    assert_eq!(table(&[("status", "active")]).await["matching"], 2);
    assert_eq!(table(&[("status", "collected")]).await["matching"], 0);
    let beyond = table(&[("page", "2")]).await;
    assert_eq!((beyond["matching"].as_i64(), beyond["rows"].as_array().map(Vec::len)), (Some(2), Some(0)));

    // the page, without JavaScript: figures, the chart with its text, the table
    let html = owner
        .get(format!("{}/studio/campaigns/{id}/dashboard?q=hyperlink", app.base))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("id=\"pledge-chart\"") && html.contains("<polyline"), "the chart is drawn by the server");
    assert!(html.contains(&format!("id=\"backer-{sized}\"")) && !html.contains(&format!("id=\"backer-{workshop}\"")));
    assert!(html.contains("id=\"team-tools\"") || html.contains("team-tools"), "the money moved here");

    // the export: one row per pledge, the answer, the formula neutralised
    let response = owner.get(format!("{}/studio/campaigns/{id}/backers.csv", app.base)).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "text/csv; charset=utf-8");
    assert!(response.headers()["content-disposition"].to_str().unwrap().contains(".csv"));
    let rows = cells(&response.text().await.unwrap());
    assert_eq!(rows.len(), 3, "a header and two pledges");
    let answers = rows[0].iter().position(|h| h == "Réponses").expect("headings in French");
    let row = rows.iter().find(|r| r[0] == sized.to_string()).unwrap();
    assert_eq!(row[1], r#"'=HYPERLINK("http://x","y")"#, "a formula stays text");
    assert_eq!(row[answers], "Taille: M");
    let booked = rows.iter().find(|r| r[0] == workshop.to_string()).unwrap();
    assert!(!booked[4].is_empty(), "the slot's time");

    // nobody else: not an editor, not another team, not a stranger
    for (client, expected) in [(&editor, 403), (&other, 403), (&app.browser(), 401)] {
        let csv = client.get(format!("{}/studio/campaigns/{id}/backers.csv", app.base)).send().await.unwrap();
        assert_eq!(csv.status(), expected);
        assert!(!csv.text().await.unwrap().contains("backer-"), "no data");
        assert_eq!(app.call(client, "studio/dashboard", &[("campaign", &id)]).await.status(), expected);
        assert_eq!(app.call(client, "studio/backers", &[("campaign", &id)]).await.status(), expected);
    }
    app.stop().await;
}
