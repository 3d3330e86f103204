//! Accounts, sessions and the security baseline, over HTTP against the real server.

use crate::support::TestApp;
use sqlx::PgPool;

const PASSWORD: &str = "fil rouge du Léman";

async fn sign_up(app: &TestApp, client: &reqwest::Client, email: &str) -> reqwest::Response {
    app.call(client, "auth/sign-up", &[("email", email), ("display_name", "Léa Morand"), ("password", PASSWORD)]).await
}

async fn me(app: &TestApp, client: &reqwest::Client) -> serde_json::Value {
    app.call(client, "auth/me", &[]).await.json().await.unwrap()
}

fn session_cookie(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("trame_session="))
        .map(|c| c.split(';').next().unwrap_or_default().to_owned())
}

#[sqlx::test(migrations = "../migrations")]
async fn sign_up_then_sign_in_reaches_the_account_page(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let browser = app.browser();
    assert_eq!(sign_up(&app, &browser, "lea@example.org").await.status(), 200);
    assert_eq!(me(&app, &browser).await["email"], "lea@example.org");

    let other = app.browser();
    assert!(me(&app, &other).await.is_null(), "a new browser is signed out");
    let (status, html) = page(&app, &other, "/account").await;
    assert_eq!(status, 302, "the account page sends strangers to sign in: {html}");
    assert_eq!(html, "-> /signin?next=/account");

    let response = app.call(&other, "auth/sign-in", &[("email", "LEA@example.org"), ("password", PASSWORD)]).await;
    assert_eq!(response.status(), 200);
    let (status, html) = page(&app, &other, "/account").await;
    assert_eq!(status, 200);
    assert!(html.contains("lea@example.org"), "{html}");
    let cookie = other
        .post(format!("{}/api/auth/sign-out", app.base))
        .header("accept", "application/json")
        .send()
        .await
        .unwrap();
    assert_eq!(cookie.status(), 200);
    assert!(me(&app, &other).await.is_null(), "signed out");
}

async fn page(app: &TestApp, client: &reqwest::Client, path: &str) -> (u16, String) {
    let response = client.get(format!("{}{path}", app.base)).header("accept", "text/html").send().await.unwrap();
    let status = response.status().as_u16();
    let location = response.headers().get("location").map(|l| l.to_str().unwrap_or_default().to_owned());
    let body = response.text().await.unwrap();
    (status, location.map(|l| format!("-> {l}")).unwrap_or(body))
}

#[sqlx::test(migrations = "../migrations")]
async fn wrong_password_and_unknown_account_get_the_same_answer(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    sign_up(&app, &app.browser(), "lea@example.org").await;
    let browser = app.browser();
    let wrong =
        app.call(&browser, "auth/sign-in", &[("email", "lea@example.org"), ("password", "not the password")]).await;
    let (wrong_status, wrong_body) = (wrong.status(), wrong.text().await.unwrap());
    let unknown = app.call(&browser, "auth/sign-in", &[("email", "nobody@example.org"), ("password", PASSWORD)]).await;
    assert_eq!(wrong_status, 422);
    assert_eq!(unknown.status(), 422);
    assert_eq!(unknown.text().await.unwrap(), wrong_body, "nothing tells whether the account exists");
    assert!(wrong_body.contains("WrongCredentials"), "{wrong_body}");
    assert!(me(&app, &browser).await.is_null());
}

#[sqlx::test(migrations = "../migrations")]
async fn sign_up_errors_name_the_field(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let browser = app.browser();
    let short = app
        .call(&browser, "auth/sign-up", &[("email", "a@example.org"), ("display_name", "A"), ("password", "short")])
        .await;
    assert_eq!(short.status(), 422);
    let body = short.text().await.unwrap();
    assert!(body.contains(r#""field":"password""#) && body.contains("PasswordTooShort"), "{body}");
    sign_up(&app, &browser, "lea@example.org").await;
    let taken = sign_up(&app, &app.browser(), "Lea@Example.org").await;
    assert_eq!(taken.status(), 422);
    assert!(taken.text().await.unwrap().contains("EmailTaken"), "addresses are unique case-insensitively");
    let welcome = sqlx::query_scalar!(r#"select count(*) as "n!" from email_outbox where template = 'welcome'"#)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(welcome, 1, "the refused sign-up wrote no email: the outbox row shares its transaction");
}

#[sqlx::test(migrations = "../migrations")]
async fn the_session_id_changes_at_sign_in(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    sign_up(&app, &app.browser(), "lea@example.org").await;
    let client = TestApp::browser_for(&app.base, false);
    // an anonymous session first (the language of a visitor, say)
    let anonymous =
        app.call(&client, "auth/sign-in", &[("email", "lea@example.org"), ("password", "wrong one!!")]).await;
    let before = session_cookie(&anonymous);
    let mut request = client.post(format!("{}/api/auth/sign-in", app.base)).header("accept", "application/json");
    if let Some(cookie) = &before {
        request = request.header("cookie", cookie);
    }
    let signed_in = request.form(&[("email", "lea@example.org"), ("password", PASSWORD)]).send().await.unwrap();
    let after = session_cookie(&signed_in).expect("a session cookie at sign-in");
    assert_ne!(Some(after.clone()), before);
    let set_cookie =
        signed_in.headers().get_all("set-cookie").iter().map(|v| v.to_str().unwrap().to_owned()).collect::<Vec<_>>();
    let session = set_cookie.iter().find(|c| c.starts_with("trame_session=")).unwrap();
    assert!(session.contains("HttpOnly") && session.contains("SameSite=Lax"), "{session}");
}

#[sqlx::test(migrations = "../migrations")]
async fn cross_site_posts_are_refused(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let plain = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let form = [("email", "eve@example.org"), ("display_name", "Eve"), ("password", PASSWORD)];
    let url = format!("{}/api/auth/sign-up", app.base);
    for (name, value) in [("origin", "https://evil.example"), ("sec-fetch-site", "cross-site")] {
        let response = plain.post(&url).header(name, value).form(&form).send().await.unwrap();
        assert_eq!(response.status(), 403, "{name}: {value}");
    }
    let no_browser_headers = plain.post(&url).form(&form).send().await.unwrap();
    assert_eq!(no_browser_headers.status(), 403);
    let lang = plain
        .post(format!("{}/lang", app.base))
        .header("origin", "https://evil.example")
        .form(&[("lang", "en")])
        .send()
        .await
        .unwrap();
    assert_eq!(lang.status(), 403);
    let accounts = sqlx::query_scalar!(r#"select count(*) as "n!" from app_user"#).fetch_one(&app.pool).await.unwrap();
    assert_eq!(accounts, 0);
    // the same request from our own pages passes
    let ours = plain
        .post(&url)
        .header("origin", &app.base)
        .header("accept", "application/json")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(ours.status(), 200);
    let ours = plain
        .post(&url)
        .header("sec-fetch-site", "same-origin")
        .form(&[("email", "x"), ("display_name", "X"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(ours.status(), 422, "reaches the server function");
}

#[sqlx::test(migrations = "../migrations")]
async fn state_changing_routes_refuse_get(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    for path in ["/api/auth/sign-up", "/api/auth/sign-in", "/api/auth/sign-out", "/api/auth/reset-password", "/lang"] {
        let response = app.client.get(format!("{}{path}?email=a@b.ch&password=x", app.base)).send().await.unwrap();
        assert_eq!(response.status(), 405, "{path}");
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn pages_carry_security_headers(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    for path in ["/", "/campaigns/fil-rouge-geneve", "/signin", "/health"] {
        let response = app.get(path).await;
        let h = response.headers();
        let csp = h["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(h["referrer-policy"], "strict-origin-when-cross-origin", "{path}");
        if path != "/health" {
            assert!(csp.contains("'wasm-unsafe-eval'") && csp.contains("'nonce-"), "{path}: {csp}");
            assert!(!csp.contains("unsafe-inline"), "{path}: {csp}");
            let nonce = csp.split("'nonce-").nth(1).and_then(|n| n.split('\'').next()).unwrap().to_owned();
            let html = response.text().await.unwrap();
            assert!(html.contains(&format!("nonce=\"{nonce}\"")), "{path}: the inline scripts carry the nonce");
        }
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn oversized_bodies_are_refused(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let huge = "x".repeat(100 * 1024);
    let response = app.call(&app.client, "auth/sign-in", &[("email", "a@example.org"), ("password", &huge)]).await;
    assert_eq!(response.status(), 413);
}

#[sqlx::test(migrations = "../migrations")]
async fn sign_in_attempts_are_rate_limited(pool: PgPool) {
    let app = TestApp::spawn_with(pool, &[("TRAME_AUTH_LIMIT_PER_ACCOUNT", "3")]).await;
    sign_up(&app, &app.browser(), "lea@example.org").await;
    let browser = app.browser();
    let mut statuses = Vec::new();
    for _ in 0..4 {
        let r =
            app.call(&browser, "auth/sign-in", &[("email", "lea@example.org"), ("password", "guess number n")]).await;
        statuses.push(r.status().as_u16());
    }
    assert_eq!(statuses, [422, 422, 422, 429]);
    let right = app.call(&browser, "auth/sign-in", &[("email", "lea@example.org"), ("password", PASSWORD)]).await;
    assert_eq!(right.status(), 429, "even the right password waits");
}

#[sqlx::test(migrations = "../migrations")]
async fn open_redirects_are_refused(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    sign_up(&app, &app.browser(), "lea@example.org").await;
    for (next, expected) in [
        ("/campaigns/fil-rouge-geneve", "/campaigns/fil-rouge-geneve"),
        ("//evil.example", "/account"),
        ("https://evil.example", "/account"),
    ] {
        let response = app
            .browser()
            .post(format!("{}/api/auth/sign-in", app.base))
            .header("accept", "text/html")
            .form(&[("email", "lea@example.org"), ("password", PASSWORD), ("next", next)])
            .send()
            .await
            .unwrap();
        assert_eq!(response.headers()["location"], expected, "{next}");
    }
}

async fn reset_token(app: &TestApp, email: &str) -> String {
    let response = app.call(&app.browser(), "auth/forgot-password", &[("email", email)]).await;
    assert_eq!(response.status(), 200);
    let payload = sqlx::query_scalar!(
        "select payload from email_outbox where template = 'password_reset' order by email_outbox_id desc limit 1"
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let link = payload["link"].as_str().unwrap().to_owned();
    assert!(link.starts_with(&format!("{}/reset-password?token=", app.base)), "{link}");
    link.split("token=").nth(1).unwrap().to_owned()
}

#[sqlx::test(migrations = "../migrations")]
async fn reset_tokens_work_once_and_expire(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    sign_up(&app, &app.browser(), "lea@example.org").await;
    // unknown addresses get the same answer and no email
    let unknown = app.call(&app.browser(), "auth/forgot-password", &[("email", "nobody@example.org")]).await;
    assert_eq!(unknown.status(), 200);

    let token = reset_token(&app, "lea@example.org").await;
    let browser = app.browser();
    let new_password = "une autre phrase secrète";
    let used = app.call(&browser, "auth/reset-password", &[("token", &token), ("password", new_password)]).await;
    assert_eq!(used.status(), 200);
    assert_eq!(me(&app, &browser).await["email"], "lea@example.org", "signed in after the reset");
    let again =
        app.call(&app.browser(), "auth/reset-password", &[("token", &token), ("password", "yet another phrase")]).await;
    assert_eq!(again.status(), 422, "a token works once");
    let signed_in =
        app.call(&app.browser(), "auth/sign-in", &[("email", "lea@example.org"), ("password", new_password)]).await;
    assert_eq!(signed_in.status(), 200);

    let token = reset_token(&app, "lea@example.org").await;
    sqlx::query!("update password_reset set expires_at = now() - interval '1 second', created_at = now() - interval '2 hours' where used_at is null")
        .execute(&app.pool)
        .await
        .unwrap();
    let expired =
        app.call(&app.browser(), "auth/reset-password", &[("token", &token), ("password", "yet another phrase")]).await;
    assert_eq!(expired.status(), 422, "an expired token is refused");
    let outbox =
        sqlx::query_scalar!(r#"select count(*) as "n!" from email_outbox where to_address = 'nobody@example.org'"#)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(outbox, 0);
}

#[sqlx::test(migrations = "../migrations")]
async fn changing_the_password_ends_the_other_sessions(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    let laptop = app.browser();
    sign_up(&app, &laptop, "lea@example.org").await;
    let phone = app.browser();
    app.call(&phone, "auth/sign-in", &[("email", "lea@example.org"), ("password", PASSWORD)]).await;
    assert_eq!(me(&app, &phone).await["email"], "lea@example.org");

    let wrong = app
        .call(
            &laptop,
            "auth/change-password",
            &[("current_password", "not it at all"), ("password", "a brand new phrase")],
        )
        .await;
    assert_eq!(wrong.status(), 422);
    let changed = app
        .call(&laptop, "auth/change-password", &[("current_password", PASSWORD), ("password", "a brand new phrase")])
        .await;
    assert_eq!(changed.status(), 200);
    assert_eq!(me(&app, &laptop).await["email"], "lea@example.org", "this session stays");
    assert!(me(&app, &phone).await.is_null(), "the other session ended");
}

#[sqlx::test(migrations = "../migrations")]
async fn admins_are_named_by_configuration(pool: PgPool) {
    let app = TestApp::spawn_with(pool, &[("ADMIN_EMAILS", "Ops@Example.org")]).await;
    let ops = app.browser();
    sign_up(&app, &ops, "ops@example.org").await;
    let lea = app.browser();
    sign_up(&app, &lea, "lea@example.org").await;
    // named, but the address is not proven yet: whoever signed up first with it gets nothing
    assert_eq!(me(&app, &ops).await["is_admin"], false);
    assert_eq!(me(&app, &ops).await["email_verified"], false);
    // the link from the welcome email: opening the page changes nothing, its button does
    let link: String = sqlx::query_scalar(
        "select payload->>'link' from email_outbox where template = 'welcome' and lower(to_address) = 'ops@example.org'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let token = link.split("token=").nth(1).unwrap().to_owned();
    let (status, page) = app.page(&format!("/verify-email?token={token}"), &[]).await;
    assert_eq!(status, 200);
    assert!(page.contains(r#"id="verify-form""#), "{page}");
    assert_eq!(me(&app, &ops).await["is_admin"], false, "a GET verifies nothing");
    let wrong = app.call(&ops, "auth/verify-email", &[("token", "not-a-token")]).await;
    assert_eq!(wrong.status(), 422);
    let verified = app.call(&ops, "auth/verify-email", &[("token", &token)]).await;
    assert_eq!(verified.status(), 200);
    assert_eq!(me(&app, &ops).await["email_verified"], true);
    assert_eq!(me(&app, &ops).await["is_admin"], true);
    // the link works once
    assert_eq!(app.call(&ops, "auth/verify-email", &[("token", &token)]).await.status(), 422);
    assert_eq!(me(&app, &lea).await["is_admin"], false);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_plain_form_comes_back_to_its_page_with_the_error_shown(pool: PgPool) {
    let app = TestApp::spawn(pool).await;
    sign_up(&app, &app.browser(), "lea@example.org").await;
    // a browser without JavaScript posts the form and follows the answer
    let response = app
        .browser()
        .post(format!("{}/api/auth/sign-in", app.base))
        .header("accept", "text/html,application/xhtml+xml")
        .header("referer", format!("{}/signin", app.base))
        .form(&[("email", "lea@example.org"), ("password", "not the right one")])
        .send()
        .await
        .unwrap();
    assert!(response.status().is_redirection(), "a browser follows only a redirect: {}", response.status());
    let back = response.headers()["location"].to_str().unwrap().to_owned();
    assert!(back.starts_with(&format!("{}/signin?", app.base)), "{back}");
    let page = app.browser().get(&back).header("accept", "text/html").send().await.unwrap();
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("incorrect"), "the error is on the page");
    assert!(!html.trim_start().starts_with('{'), "a page, never JSON");
}
