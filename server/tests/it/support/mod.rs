//! Starts the real server on port 0 against the test's own database (`#[sqlx::test]`).

pub mod fixtures;
pub mod studio;

use sqlx::PgPool;
use trame::config::Config;
use trame::startup::Application;

pub struct TestApp {
    pub base: String,
    pub client: reqwest::Client,
    pub pool: PgPool,
    /// Where this app writes its emails (`.eml` files).
    pub email_dir: std::path::PathBuf,
    /// The server's state: the payment code and jobs can be called directly.
    pub state: app::backend::AppState,
    own_pool: Option<PgPool>,
    stop: Option<(tokio::sync::oneshot::Sender<()>, tokio::task::JoinHandle<std::io::Result<()>>)>,
}

/// The STRIPE_* settings of the local Stripe fake: from the environment (`make test` starts it),
/// else started here by `server/scripts/stripe.sh`.
pub fn stripe_settings() -> Vec<(String, String)> {
    static SETTINGS: std::sync::OnceLock<Vec<(String, String)>> = std::sync::OnceLock::new();
    SETTINGS
        .get_or_init(|| {
            let names = [
                "STRIPE_SECRET_KEY",
                "STRIPE_PUBLISHABLE_KEY",
                "STRIPE_WEBHOOK_SECRET",
                "STRIPE_API_URL",
                "STRIPE_JS_URL",
            ];
            if let Ok(url) = std::env::var("STRIPE_API_URL") {
                if !url.is_empty() {
                    return names.iter().filter_map(|n| std::env::var(n).ok().map(|v| (n.to_string(), v))).collect();
                }
            }
            let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
            let status = std::process::Command::new(root.join("server/scripts/stripe.sh"))
                .arg("start")
                .status()
                .expect("server/scripts/stripe.sh runs");
            assert!(status.success(), "localstripe did not start");
            std::fs::read_to_string(root.join("target/localstripe/env"))
                .expect("target/localstripe/env")
                .lines()
                .filter_map(|l| l.split_once('=').map(|(k, v)| (k.to_owned(), v.to_owned())))
                .collect()
        })
        .clone()
}

/// One STRIPE_* setting.
pub fn stripe_setting(name: &str) -> String {
    stripe_settings().into_iter().find(|(k, _)| k == name).map(|(_, v)| v).unwrap_or_default()
}

/// A deployment id no other test app uses, in this run or an earlier one.
fn deployment_id() -> String {
    static COUNTER: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let started = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    format!("test-{}-{}-{n}", started.as_millis(), std::process::id())
}

fn tempfile_dir() -> std::path::PathBuf {
    static COUNTER: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("trame-test-mail-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

impl TestApp {
    pub async fn spawn(pool: PgPool) -> TestApp {
        TestApp::spawn_with(pool, &[]).await
    }

    /// With job workers, on a pool of its own: workers keep connections (notifications, the
    /// task's transaction) that the test database's five would not cover. Call `stop`.
    pub async fn spawn_with_workers(pool: PgPool) -> TestApp {
        TestApp::spawn_own_pool(pool, &[("TRAME_WORKER", "true")]).await
    }

    /// On a pool of its own (up to 10 connections, outside the 20 that sqlx::test shares between
    /// a binary's tests). Call `stop`, which closes it.
    pub async fn spawn_own_pool(pool: PgPool, vars: &[(&str, &str)]) -> TestApp {
        let options = (*pool.connect_options()).clone();
        let own = sqlx::postgres::PgPoolOptions::new()
            .max_connections(10)
            .idle_timeout(std::time::Duration::from_secs(2))
            .connect_with(options)
            .await
            .expect("own pool");
        let mut app = TestApp::spawn_on(own.clone(), vars).await;
        app.own_pool = Some(own);
        app
    }

    /// With extra configuration (`("TRAME_AUTH_LIMIT_PER_ACCOUNT", "3")`...).
    pub async fn spawn_with(pool: PgPool, vars: &[(&str, &str)]) -> TestApp {
        TestApp::spawn_on(pool, vars).await
    }

    async fn spawn_on(pool: PgPool, vars: &[(&str, &str)]) -> TestApp {
        if std::env::var("TEST_LOG").is_ok() {
            let _ = tracing_subscriber::fmt().with_env_filter("debug,hyper=info,h2=info").try_init();
        }
        // #[sqlx::test] applied our migrations; the job queue and session tables come on top
        trame::startup::migrate(&pool).await.expect("migrations");
        let email_dir = tempfile_dir();
        let mut settings: Vec<(String, String)> = vec![
            // the pool below is used; the URL only has to be present
            ("DATABASE_URL".into(), "postgres://unused".into()),
            // job workers hold pool connections until stopped: only the tests that need them
            // start them (and call `stop`)
            ("TRAME_WORKER".into(), "false".into()),
            ("LEPTOS_SITE_ADDR".into(), "127.0.0.1:0".into()),
            ("EMAIL_DIR".into(), email_dir.display().to_string()),
            ("TRAME_MEDIA_DIR".into(), email_dir.join("media").display().to_string()),
            // every test database numbers its pledges from 1 and all share one Stripe fake that
            // honours idempotency keys: each app is a deployment of its own
            ("TRAME_DEPLOYMENT_ID".into(), deployment_id()),
            // pages change when PostgreSQL's notification arrives, a moment after the commit:
            // tests that read a page right after changing it see it uncached (tests/live.rs
            // turns the caches on)
            ("TRAME_PAGE_CACHE".into(), "false".into()),
            ("TRAME_DATA_CACHE".into(), "false".into()),
        ];
        settings.extend(stripe_settings());
        settings.extend(vars.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        let config = Config::from_lookup(|name| settings.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v.clone()))
            .expect("test configuration");
        let app = Application::build_with_pool(config, pool.clone()).await.expect("application starts");
        let base = format!("http://127.0.0.1:{}", app.port());
        let state = app.state();
        // dropping the TestApp stops the server and its job workers
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let server = tokio::spawn(app.run_until(async move {
            let _ = stopped.await;
        }));
        let client = TestApp::browser_for(&base, false);
        TestApp { base, client, pool, email_dir, state, own_pool: None, stop: Some((stop, server)) }
    }

    /// Stops the server and its job workers, and waits for them (before the test's pool closes).
    pub async fn stop(mut self) {
        if let Some((stop, server)) = self.stop.take() {
            let _ = stop.send(());
            let _ = tokio::time::timeout(std::time::Duration::from_secs(10), server).await;
        }
        if let Some(own) = self.own_pool.take() {
            self.state.pool.close().await;
            own.close().await;
        }
    }

    /// A client that behaves like a browser on our site: sends our Origin, optionally keeps cookies.
    pub fn browser_for(base: &str, cookies: bool) -> reqwest::Client {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert("origin", base.parse().expect("origin header"));
        reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .default_headers(headers)
            .cookie_store(cookies)
            .build()
            .expect("http client")
    }

    /// A new browser with its own cookie jar.
    pub fn browser(&self) -> reqwest::Client {
        TestApp::browser_for(&self.base, true)
    }

    /// Calls a server function as the app's own JavaScript does (form-encoded POST).
    pub async fn call(&self, client: &reqwest::Client, endpoint: &str, form: &[(&str, &str)]) -> reqwest::Response {
        client
            .post(format!("{}/api/{endpoint}", self.base))
            .header("accept", "application/json")
            .form(form)
            .send()
            .await
            .expect("request")
    }

    /// Starts the server on a database filled with the demo campaign.
    pub async fn seeded(pool: PgPool) -> TestApp {
        trame::seed::seed(&pool).await.expect("seed");
        TestApp::spawn(pool).await
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.get_with(path, &[]).await
    }

    /// A GET; a page that has not answered within 30 s fails the test (rather than holding
    /// CI for its whole time budget).
    async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> reqwest::Response {
        let mut request = self.client.get(format!("{}{path}", self.base)).timeout(std::time::Duration::from_secs(30));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        request.send().await.unwrap_or_else(|e| panic!("GET {path}: {e}"))
    }

    /// GET with headers, returning status and body.
    pub async fn page(&self, path: &str, headers: &[(&str, &str)]) -> (u16, String) {
        let response = self.get_with(path, headers).await;
        let status = response.status().as_u16();
        let body = response.text().await.unwrap_or_else(|e| panic!("GET {path}: body: {e}"));
        (status, body)
    }
}

/// The HTML of the element whose `id` attribute is `id`, up to its closing `</tag>`.
pub fn element<'a>(html: &'a str, id: &str, tag: &str) -> &'a str {
    let start = html.find(&format!(r#"id="{id}""#)).unwrap_or_else(|| panic!("no element #{id}"));
    let end = html[start..].find(&format!("</{tag}>")).map(|e| start + e).unwrap_or(html.len());
    &html[start..end]
}
