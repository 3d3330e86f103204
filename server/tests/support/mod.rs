//! Starts the real server on port 0 against the test's own database (`#[sqlx::test]`).

use sqlx::PgPool;
use trame::config::Config;
use trame::startup::Application;

pub struct TestApp {
    pub base: String,
    pub client: reqwest::Client,
    pub pool: PgPool,
}

impl TestApp {
    pub async fn spawn(pool: PgPool) -> TestApp {
        let config = Config::from_lookup(|name| match name {
            // the pool below is used; the URL only has to be present
            "DATABASE_URL" => Some("postgres://unused".into()),
            "LEPTOS_SITE_ADDR" => Some("127.0.0.1:0".into()),
            _ => None,
        })
        .expect("test configuration");
        let app = Application::build_with_pool(config, pool.clone()).await.expect("application starts");
        let base = format!("http://127.0.0.1:{}", app.port());
        tokio::spawn(app.run_until_stopped());
        let client =
            reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("http client");
        TestApp { base, client, pool }
    }

    /// Starts the server on a database filled with the demo campaign.
    pub async fn seeded(pool: PgPool) -> TestApp {
        trame::seed::seed(&pool).await.expect("seed");
        TestApp::spawn(pool).await
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(format!("{}{path}", self.base)).send().await.expect("request")
    }

    /// GET with headers, returning status and body.
    pub async fn page(&self, path: &str, headers: &[(&str, &str)]) -> (u16, String) {
        let mut request = self.client.get(format!("{}{path}", self.base));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let response = request.send().await.expect("request");
        let status = response.status().as_u16();
        (status, response.text().await.expect("body"))
    }
}

/// The HTML of the element whose `id` attribute is `id`, up to its closing `</tag>`.
pub fn element<'a>(html: &'a str, id: &str, tag: &str) -> &'a str {
    let start = html.find(&format!(r#"id="{id}""#)).unwrap_or_else(|| panic!("no element #{id}"));
    let end = html[start..].find(&format!("</{tag}>")).map(|e| start + e).unwrap_or(html.len());
    &html[start..end]
}
