//! Campaigns, backers and Stripe helpers for the pledge and payment tests.

use super::{stripe_setting, TestApp};
use app::backend::jobs::{run, Task};
use app::domain::CampaignId;
use rust_decimal::Decimal;
use sqlx::PgPool;
use std::collections::HashSet;

pub const PASSWORD: &str = "fil rouge du Léman";

/// A live campaign made for the money tests.
pub struct Fixture {
    pub campaign: i64,
    pub slug: String,
    /// CHF 40, 10 units.
    pub limited_tier: i64,
    /// CHF 25 workshop with one slot of 10 places.
    pub slot_tier: i64,
    pub slot: i64,
    /// CHF 10, unlimited, asks a size (S, M, L).
    pub sized_tier: i64,
    pub size_question: i64,
    pub owner_email: String,
}

/// Creates a live campaign (`all_or_nothing` or `flexible`) ending in an hour.
pub async fn campaign(pool: &PgPool, model: &str, goal: i64) -> Fixture {
    let n: i64 = sqlx::query_scalar("select count(*) from campaign").fetch_one(pool).await.unwrap();
    let slug = format!("test-{model}-{n}").replace('_', "-");
    let owner_email = format!("owner-{n}@example.org");
    let owner: i64 = sqlx::query_scalar(
        "insert into app_user (email, display_name, password_hash, email_verified_at)
         values ($1, 'Owner', null, now()) returning user_id",
    )
    .bind(&owner_email)
    .fetch_one(pool)
    .await
    .unwrap();
    let campaign: i64 = sqlx::query_scalar(
        "insert into campaign (slug, title, goal, funding_model, starts_at, ends_at, status, launched_at)
         values ($1, 'Test campaign', $2, $3, now() - interval '1 day', now() + interval '1 hour', 'live', now())
         returning campaign_id",
    )
    .bind(&slug)
    .bind(Decimal::from(goal))
    .bind(model)
    .fetch_one(pool)
    .await
    .unwrap();
    sqlx::query("insert into campaign_member (campaign_id, user_id, role) values ($1, $2, 'owner')")
        .bind(campaign)
        .bind(owner)
        .execute(pool)
        .await
        .unwrap();
    let tier = |title: &'static str, kind: &'static str, price: i64, limit: Option<i32>, fulfilment: &'static str| {
        let pool = pool.clone();
        async move {
            sqlx::query_scalar::<_, i64>(
                "insert into reward_tier (campaign_id, title, kind, price, quantity_limit, fulfilment, max_per_pledge)
                 values ($1, $2, $3, $4, $5, $6, 3) returning reward_tier_id",
            )
            .bind(campaign)
            .bind(title)
            .bind(kind)
            .bind(Decimal::from(price))
            .bind(limit)
            .bind(fulfilment)
            .fetch_one(&pool)
            .await
            .unwrap()
        }
    };
    let limited_tier = tier("Sac en lin recyclé", "object", 40, Some(10), "shipping").await;
    let slot_tier = tier("Atelier couture", "workshop", 25, None, "in_person").await;
    let sized_tier = tier("T-shirt", "object", 10, None, "shipping").await;
    let slot: i64 = sqlx::query_scalar(
        "insert into reward_slot (reward_tier_id, starts_at, ends_at, capacity)
         values ($1, now() + interval '10 days', now() + interval '10 days 2 hours', 10) returning reward_slot_id",
    )
    .bind(slot_tier)
    .fetch_one(pool)
    .await
    .unwrap();
    let size_question: i64 = sqlx::query_scalar(
        "insert into reward_question (reward_tier_id, prompt, kind, choices) values ($1, 'Taille', 'choice', '{S,M,L}')
         returning reward_question_id",
    )
    .bind(sized_tier)
    .fetch_one(pool)
    .await
    .unwrap();
    Fixture { campaign, slug, limited_tier, slot_tier, slot, sized_tier, size_question, owner_email }
}

/// The app with limits high enough for hundreds of backers signing in from one address, all at
/// once: no load shedding, and time enough for hundreds of password hashes on two cores.
pub async fn app(pool: PgPool) -> TestApp {
    TestApp::spawn_own_pool(
        pool,
        &[
            ("TRAME_PAGES_IN_FLIGHT", "100000"),
            ("TRAME_MONEY_IN_FLIGHT", "100000"),
            ("TRAME_REQUEST_TIMEOUT_SECS", "600"),
            ("TRAME_MONEY_TIMEOUT_SECS", "600"),
            ("TRAME_AUTH_LIMIT_PER_ADDRESS", "100000"),
            ("TRAME_AUTH_LIMIT_PER_ACCOUNT", "100000"),
            ("TRAME_PLEDGE_LIMIT_PER_ADDRESS", "100000"),
            ("TRAME_PLEDGE_LIMIT_PER_ACCOUNT", "100000"),
        ],
    )
    .await
}

/// `n` backers, each signed in with its own browser (accounts inserted with one shared hash).
pub async fn backers(app: &TestApp, n: usize) -> Vec<reqwest::Client> {
    let hash = trame_hash().await;
    let first: i64 = sqlx::query_scalar("select count(*) from app_user").fetch_one(&app.pool).await.unwrap();
    for i in 0..n {
        sqlx::query("insert into app_user (email, display_name, password_hash) values ($1, $2, $3)")
            .bind(format!("backer-{}@example.org", first + i as i64))
            .bind(format!("Backer {i}"))
            .bind(&hash)
            .execute(&app.pool)
            .await
            .unwrap();
    }
    futures_join_all((0..n).map(|i| {
        let client = app.browser();
        let email = format!("backer-{}@example.org", first + i as i64);
        async move {
            let response = app.call(&client, "auth/sign-in", &[("email", &email), ("password", PASSWORD)]).await;
            assert_eq!(response.status(), 200, "sign-in of {email}");
            client
        }
    }))
    .await
}

async fn trame_hash() -> String {
    app::backend::auth::hash_password(app::domain::NewPassword::parse(PASSWORD).unwrap()).await.unwrap()
}

/// Runs futures concurrently on this task and collects their outputs in order.
pub async fn futures_join_all<F: std::future::Future>(futures: impl IntoIterator<Item = F>) -> Vec<F::Output> {
    let handles: Vec<_> = futures.into_iter().map(Box::pin).collect();
    let mut outputs: Vec<Option<F::Output>> = handles.iter().map(|_| None).collect();
    let mut pending: Vec<(usize, std::pin::Pin<Box<F>>)> = handles.into_iter().enumerate().collect();
    std::future::poll_fn(|cx| {
        pending.retain_mut(|(i, f)| match f.as_mut().poll(cx) {
            std::task::Poll::Ready(out) => {
                outputs[*i] = Some(out);
                false
            }
            std::task::Poll::Pending => true,
        });
        if pending.is_empty() {
            std::task::Poll::Ready(())
        } else {
            std::task::Poll::Pending
        }
    })
    .await;
    outputs.into_iter().map(|o| o.expect("every future finished")).collect()
}

/// Submits the pledge form as the page does.
pub async fn pledge(
    app: &TestApp,
    client: &reqwest::Client,
    slug: &str,
    key: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    let mut form: Vec<(&str, &str)> = vec![("slug", slug), ("key", key), ("form[currency]", "CHF")];
    form.extend_from_slice(fields);
    create_pledge(app, client, &form).await
}

/// Calls `pledges/create` with the form's fields named as in a change (`slug`, `form[tier]`,
/// `account`...): they are sent inside `pledge[...]`, as the page names them.
pub async fn create_pledge(app: &TestApp, client: &reqwest::Client, fields: &[(&str, &str)]) -> reqwest::Response {
    let wire: Vec<(String, &str)> = fields
        .iter()
        .map(|(name, value)| match name.split_once('[') {
            Some((head, rest)) => (format!("pledge[{head}][{rest}"), *value),
            None => (format!("pledge[{name}]"), *value),
        })
        .collect();
    let wire: Vec<(&str, &str)> = wire.iter().map(|(n, v)| (n.as_str(), *v)).collect();
    app.call(client, "pledges/create", &wire).await
}

/// Creates a pledge and returns its id (panics on refusal).
pub async fn pledge_id(app: &TestApp, client: &reqwest::Client, slug: &str, fields: &[(&str, &str)]) -> i64 {
    let key = format!("key-{}", rand_key());
    let response = pledge(app, client, slug, &key, fields).await;
    let status = response.status();
    let body = response.text().await.unwrap();
    assert_eq!(status, 200, "pledge refused: {body}");
    body.parse().unwrap_or_else(|_| panic!("pledge id in {body}"))
}

pub fn rand_key() -> String {
    static N: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    format!("test-key-{}-{}", std::process::id(), N.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
}

/// Calls localstripe's API like Stripe.js or the dashboard would.
pub async fn stripe_post(path: &str, form: &[(&str, &str)]) -> serde_json::Value {
    let response = reqwest::Client::new()
        .post(format!("{}v1/{path}", stripe_setting("STRIPE_API_URL")))
        .bearer_auth(stripe_setting("STRIPE_SECRET_KEY"))
        .form(form)
        .send()
        .await
        .unwrap();
    response.json().await.unwrap()
}

pub async fn stripe_get(path: &str) -> serde_json::Value {
    reqwest::Client::new()
        .get(format!("{}v1/{path}", stripe_setting("STRIPE_API_URL")))
        .bearer_auth(stripe_setting("STRIPE_SECRET_KEY"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

/// The pay page's data for a pledge, as a backer reaches it: loading the page only reads; when
/// it offers to prepare the payment, the backer presses the button (a POST) and the page loads
/// again. The step is flattened (`mode`: `save_card`, `authenticate`...; `client_secret`).
pub async fn pay_page(app: &TestApp, client: &reqwest::Client, pledge: i64) -> serde_json::Value {
    let mut page = load_pay_page(app, client, pledge).await;
    if page["step"]["mode"] == "prepare" {
        let response = app.call(client, "pledges/prepare", &[("pledge", &pledge.to_string())]).await;
        assert!(response.status().is_success() || response.status().is_redirection(), "prepare: {}", response.status());
        page = load_pay_page(app, client, pledge).await;
    }
    let step = page["step"].clone();
    page["mode"] = step["mode"].clone();
    page["client_secret"] = step["client_secret"].clone();
    page
}

/// The pay page's data as loaded, without pressing anything.
pub async fn load_pay_page(app: &TestApp, client: &reqwest::Client, pledge: i64) -> serde_json::Value {
    let response = app.call(client, "pledges/pay", &[("pledge", &pledge.to_string())]).await;
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

/// Saves a card on the pledge's SetupIntent the way Stripe.js does (without our server), then
/// lets the page tell Trame (the confirm POST). Returns the pledge as Trame then shows it.
pub async fn save_card(app: &TestApp, client: &reqwest::Client, pledge: i64, method: &str) -> serde_json::Value {
    let page = pay_page(app, client, pledge).await;
    assert_eq!(page["mode"], "save_card", "{page}");
    let secret = page["client_secret"].as_str().unwrap();
    let seti = secret.split("_secret_").next().unwrap();
    stripe_post(&format!("setup_intents/{seti}/confirm"), &[("payment_method", method)]).await;
    status(app, client, pledge).await
}

/// The pay page's confirm POST after Stripe.js: Trame asks Stripe and shows the pledge.
pub async fn status(app: &TestApp, client: &reqwest::Client, pledge: i64) -> serde_json::Value {
    let response = app.call(client, "pledges/confirm", &[("pledge", &pledge.to_string())]).await;
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

pub async fn pledge_status(pool: &PgPool, pledge: i64) -> String {
    sqlx::query_scalar("select status from pledge where pledge_id = $1").bind(pledge).fetch_one(pool).await.unwrap()
}

pub async fn claimed(pool: &PgPool, tier: i64) -> i32 {
    sqlx::query_scalar("select claimed from reward_tier where reward_tier_id = $1")
        .bind(tier)
        .fetch_one(pool)
        .await
        .unwrap()
}

/// (pledged_total, backer_count) of a campaign.
pub async fn totals(pool: &PgPool, campaign: i64) -> (Decimal, i32) {
    sqlx::query_as("select pledged_total, backer_count from campaign where campaign_id = $1")
        .bind(campaign)
        .fetch_one(pool)
        .await
        .unwrap()
}

/// Every campaign's totals, and every match fund's, equal the sum of its pledges.
pub async fn assert_totals_consistent(pool: &PgPool) {
    let mut db = pool.acquire().await.unwrap();
    let mismatches = app::backend::db::pledges::check_totals(&mut db).await.unwrap();
    assert!(mismatches.is_empty(), "totals differ from the pledges: {mismatches:?}");
    let matches = app::backend::db::pledges::check_matches(&mut db).await.unwrap();
    assert!(matches.is_empty(), "match totals differ from the pledges: {matches:?}");
}

/// Emails of a template in the outbox.
pub async fn outbox(pool: &PgPool, template: &str) -> i64 {
    sqlx::query_scalar("select count(*) from email_outbox where template = $1")
        .bind(template)
        .fetch_one(pool)
        .await
        .unwrap()
}

/// The PaymentIntent of a pledge's charge.
pub async fn charge_intent(pool: &PgPool, pledge: i64) -> String {
    sqlx::query_scalar("select stripe_object_id from payment where pledge_id = $1 and kind = 'charge'")
        .bind(pledge)
        .fetch_one(pool)
        .await
        .unwrap()
}

/// Ends the campaign now and runs the close, then the settle job until it is done.
pub async fn close(app: &TestApp, campaign: i64) {
    sqlx::query("update campaign set ends_at = now() where campaign_id = $1")
        .bind(campaign)
        .execute(&app.pool)
        .await
        .unwrap();
    let payments = app.state.payments();
    run(&payments, &Task::CloseCampaign { campaign_id: CampaignId(campaign) }).await.unwrap();
    while payments.settle(CampaignId(campaign)).await.unwrap() {}
}

/// PaymentIntents localstripe holds for these customers, with their statuses.
pub async fn intents_of(customers: &HashSet<String>) -> Vec<(String, String)> {
    let list = stripe_get("payment_intents?limit=100000").await;
    list["data"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|pi| pi["customer"].as_str().is_some_and(|c| customers.contains(c)))
        .map(|pi| (pi["customer"].as_str().unwrap().to_owned(), pi["status"].as_str().unwrap_or_default().to_owned()))
        .collect()
}

pub async fn customers(pool: &PgPool, campaign: i64) -> HashSet<String> {
    let rows: Vec<Option<String>> = sqlx::query_scalar("select stripe_customer_id from pledge where campaign_id = $1")
        .bind(campaign)
        .fetch_all(pool)
        .await
        .unwrap();
    rows.into_iter().flatten().collect()
}

/// A card that asks for 3-D Secure on every payment (Stripe's 4000 0025 0000 3155).
pub async fn three_d_secure_card() -> String {
    stripe_post(
        "payment_methods",
        &[
            ("type", "card"),
            ("card[number]", "4000002500003155"),
            ("card[exp_month]", "12"),
            ("card[exp_year]", "2034"),
            ("card[cvc]", "123"),
        ],
    )
    .await["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// Saves a card that asks for 3-D Secure the way Stripe.js does (confirm, then authenticate),
/// then lets the page tell Trame. Returns the pledge as Trame then shows it.
pub async fn save_3ds_card(app: &TestApp, client: &reqwest::Client, pledge: i64) -> serde_json::Value {
    let method = three_d_secure_card().await;
    let page = pay_page(app, client, pledge).await;
    let seti = page["client_secret"].as_str().unwrap().split("_secret_").next().unwrap().to_owned();
    let first = stripe_post(&format!("setup_intents/{seti}/confirm"), &[("payment_method", &method)]).await;
    assert_eq!(first["status"], "requires_action");
    stripe_post(&format!("setup_intents/{seti}/confirm"), &[]).await;
    status(app, client, pledge).await
}

/// What Stripe.js's `confirmCardPayment` does after the 3-D Secure dialog; the HTTP status.
pub async fn authenticate(secret: &str, success: bool) -> u16 {
    let intent = secret.split("_secret_").next().unwrap();
    reqwest::Client::new()
        .post(format!(
            "{}v1/payment_intents/{intent}/_authenticate?success={success}",
            stripe_setting("STRIPE_API_URL")
        ))
        .form(&[("key", stripe_setting("STRIPE_PUBLISHABLE_KEY").as_str()), ("client_secret", secret)])
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}
