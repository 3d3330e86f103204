//! Helpers for the studio and review tests: accounts of a team, drafts, errors.

use super::fixtures::PASSWORD;
use super::TestApp;
use sqlx::PgPool;

/// Signs up `email` and, when `verified`, marks the address proven (as the emailed link does).
pub async fn member(app: &TestApp, email: &str, verified: bool) -> reqwest::Client {
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

/// A verified admin, signed in.
pub async fn admin(app: &TestApp, email: &str) -> reqwest::Client {
    let client = member(app, email, true).await;
    sqlx::query("update app_user set is_admin = true where lower(email) = lower($1)")
        .bind(email)
        .execute(&app.pool)
        .await
        .unwrap();
    client
}

/// Puts the account `email` on the campaign's team.
pub async fn join_team(pool: &PgPool, campaign: i64, email: &str, role: &str) {
    sqlx::query(
        "insert into campaign_member (campaign_id, user_id, role)
         select $1, user_id, $3 from app_user where lower(email) = lower($2)",
    )
    .bind(campaign)
    .bind(email)
    .bind(role)
    .execute(pool)
    .await
    .unwrap();
}

pub async fn start(app: &TestApp, client: &reqwest::Client, title: &str) -> reqwest::Response {
    app.call(client, "studio/start", &[("title", title)]).await
}

/// The campaign the studio list shows first for this client.
pub async fn my_campaign(app: &TestApp, client: &reqwest::Client) -> serde_json::Value {
    let list: serde_json::Value = app.call(client, "studio/campaigns", &[]).await.json().await.unwrap();
    list[0].clone()
}

/// (field, message) of a refusal.
pub async fn refusal(response: reqwest::Response) -> (String, String) {
    let body: serde_json::Value = response.json().await.unwrap();
    let field = body["Validation"]["field"].as_str().unwrap_or_default().to_owned();
    let message = body["Validation"]["message"].as_str().unwrap_or_default().to_owned();
    (field, message)
}

pub async fn error_field(response: reqwest::Response) -> String {
    refusal(response).await.0
}

/// A server function's call with owned pairs.
pub async fn send(
    app: &TestApp,
    client: &reqwest::Client,
    endpoint: &str,
    form: &[(String, String)],
) -> reqwest::Response {
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    app.call(client, endpoint, &pairs).await
}

/// A reward form: `form[...]` fields with sensible values, `changes` applied, plus `extra`
/// plain fields (`campaign`, `tier`).
pub fn reward_form(changes: &[(&str, &str)], extra: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut fields: Vec<(&str, &str)> = vec![
        ("title", "Écharpe tissée"),
        ("description", "Tissée main à Carouge"),
        ("kind", "object"),
        ("price", "95"),
        ("quantity_limit", "40"),
        ("max_per_pledge", "2"),
        ("estimated_delivery", "2030-05-31"),
        ("fulfilment", "pickup"),
        ("location", ""),
        ("designer", ""),
        ("visible", "on"),
    ];
    for (k, v) in changes {
        fields.retain(|(name, _)| name != k);
        if *v != "<absent>" {
            fields.push((k, v));
        }
    }
    let mut form: Vec<(String, String)> = fields.iter().map(|(k, v)| (format!("form[{k}]"), v.to_string())).collect();
    form.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    form
}

/// A designer's profile as the studio posts it (for `campaign`; `designer` to change one), with
/// `changes` to its fields.
pub fn designer_profile(campaign: &str, designer: Option<&str>, changes: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut form: Vec<(String, String)> = [
        ("campaign", campaign),
        ("form[name]", "Léa Martin"),
        ("form[atelier]", "Atelier du Fil"),
        ("form[city]", "Carouge"),
        ("form[bio]", "Couturière, elle recoud ce que d’autres jettent."),
        ("form[materials]", "lin, chanvre"),
        ("form[certifications]", "GOTS"),
        ("form[practices][0]", "upcycling"),
        ("form[practices][3]", "natural_dyes"),
        ("form[website]", "https://lea.example.ch"),
        ("form[distance_km]", "2,5"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    if let Some(d) = designer {
        form.push(("designer".into(), d.into()));
    }
    for (name, value) in changes {
        match form.iter_mut().find(|(k, _)| k == name) {
            Some(field) => field.1 = value.to_string(),
            None => form.push((name.to_string(), value.to_string())),
        }
    }
    form
}
