//! Typed configuration read from the environment (see `.env.example`). Secrets are wrapped so
//! they never appear in logs or `Debug` output.

use secrecy::{ExposeSecret, SecretString};
use std::net::SocketAddr;
use std::time::Duration;

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{0} is not set")]
    Missing(&'static str),
    #[error("{name} has an invalid value: {reason}")]
    Invalid { name: &'static str, reason: String },
}

/// How logs are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    /// Human-readable lines (development).
    Pretty,
    /// One JSON object per line (production log collectors).
    Json,
}

/// Limits that keep the server answering under a rush.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Overload {
    /// `TRAME_HEADER_TIMEOUT_SECS` (default 10): a connection that has not sent its request
    /// headers by then is closed.
    pub header_timeout: Duration,
    /// `TRAME_REQUEST_TIMEOUT_SECS` (default 15): a page or call not answered by then gets `503`.
    pub page_timeout: Duration,
    /// `TRAME_MONEY_TIMEOUT_SECS` (default 60): the same for pledging and paying, which may wait
    /// on Stripe.
    pub money_timeout: Duration,
    /// `TRAME_PAGES_IN_FLIGHT` (default 128) and `TRAME_MONEY_IN_FLIGHT` (default 64): requests
    /// served at once per lane; one more is answered `503` with `Retry-After` at once.
    pub pages_in_flight: usize,
    pub money_in_flight: usize,
    /// `TRAME_LIVE_WATCHERS` (default 10000): live-totals streams open at once per process
    /// (their own budget: an open stream is not a request in flight).
    pub live_watchers: usize,
    /// `TRAME_PAGE_CACHE` (default true): keep anonymous campaign pages in memory.
    pub page_cache: bool,
    /// `TRAME_DATA_CACHE` (default true): keep what campaign pages show in memory, for the
    /// pages rendered per visitor (`app::backend::campaign_pages`).
    pub data_cache: bool,
}

#[derive(Debug, Clone)]
pub struct Config {
    /// `DATABASE_URL`: PostgreSQL connection string (may hold a password).
    pub database_url: SecretString,
    /// `DATABASE_MAX_CONNECTIONS` (default 20).
    pub database_max_connections: u32,
    /// `LEPTOS_SITE_ADDR` (default 127.0.0.1:3000); port 0 picks a free port.
    pub listen: SocketAddr,
    /// `TRAME_SECURE_COOKIES` (default false): set true when served over HTTPS.
    pub secure_cookies: bool,
    /// `TRAME_LOG_FORMAT`: `pretty` (default) or `json`. Levels come from `RUST_LOG`.
    pub log_format: LogFormat,
    /// `TRAME_PUBLIC_URL`: the address people use, for links in emails (default: `http://` and
    /// the address the server listens on).
    pub public_url: Option<String>,
    /// `TRAME_SESSION_IDLE_DAYS`: a session unused this long ends (default 14).
    pub session_idle_days: i64,
    /// `ADMIN_EMAILS`: comma-separated accounts with admin rights.
    pub admin_emails: Vec<String>,
    /// `SMTP_URL` (`smtps://user:password@host:465`): send email over SMTP; unset, emails are
    /// written as `.eml` files to `email_dir`.
    pub smtp_url: Option<SecretString>,
    /// `MAIL_FROM` (default `Trame <trame@example.org>`).
    pub mail_from: String,
    /// `EMAIL_DIR` (default `target/mail`).
    pub email_dir: std::path::PathBuf,
    /// `TRAME_MEDIA_DIR` (default `target/media`): uploaded pictures, served under `/media/`.
    pub media_dir: std::path::PathBuf,
    /// `TRAME_DEPLOYMENT_ID` (default `dev`; required with a live Stripe key): names this
    /// deployment in Stripe idempotency keys, so that two deployments on one Stripe account
    /// (staging and production) never collide. Change it after restoring a database backup.
    pub deployment_id: String,
    /// `TRAME_WORKER` (default true): run the background job workers in this process.
    pub run_workers: bool,
    /// `TRAME_TRUST_PROXY` (default false): take the client address from `X-Forwarded-For`.
    pub trust_proxy: bool,
    /// `TRAME_AUTH_LIMIT_PER_ADDRESS` / `TRAME_AUTH_LIMIT_PER_ACCOUNT`: sign-in, sign-up and reset
    /// attempts a minute (defaults 20 and 5).
    pub auth_limit_per_address: u32,
    pub auth_limit_per_account: u32,
    /// `TRAME_PLEDGE_LIMIT_PER_ADDRESS` / `TRAME_PLEDGE_LIMIT_PER_ACCOUNT`: pledges a minute
    /// (defaults 60 and 10). Counted in the database, shared by every server process.
    pub pledge_limit_per_address: u32,
    pub pledge_limit_per_account: u32,
    /// How much work the server takes on before it answers `503` (see `overload`).
    pub overload: Overload,
    /// `STRIPE_SECRET_KEY` (`sk_...`), `STRIPE_PUBLISHABLE_KEY` (`pk_...`) and
    /// `STRIPE_WEBHOOK_SECRET` (`whsec_...`). `make run` and the tests use localstripe's.
    pub stripe_secret_key: SecretString,
    pub stripe_publishable_key: String,
    pub stripe_webhook_secret: SecretString,
    /// `STRIPE_API_URL` (default `https://api.stripe.com/`) and `STRIPE_JS_URL` (default
    /// `https://js.stripe.com/v3/`): point both at localstripe to work without Stripe.
    pub stripe_api_url: String,
    pub stripe_js_url: String,
}

impl Config {
    pub fn from_env() -> Result<Config, ConfigError> {
        Config::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads the configuration through `lookup` (tests pass a map instead of the environment).
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let database_url =
            lookup("DATABASE_URL").filter(|v| !v.is_empty()).ok_or(ConfigError::Missing("DATABASE_URL"))?;
        Ok(Config {
            database_url: SecretString::from(database_url),
            database_max_connections: parse(&lookup, "DATABASE_MAX_CONNECTIONS", 20)?,
            listen: parse(&lookup, "LEPTOS_SITE_ADDR", SocketAddr::from(([127, 0, 0, 1], 3000)))?,
            public_url: lookup("TRAME_PUBLIC_URL")
                .filter(|v| !v.is_empty())
                .map(|url| url.trim_end_matches('/').to_owned()),
            session_idle_days: parse(&lookup, "TRAME_SESSION_IDLE_DAYS", 14)?,
            admin_emails: lookup("ADMIN_EMAILS")
                .unwrap_or_default()
                .split(',')
                .map(|e| e.trim().to_lowercase())
                .filter(|e| !e.is_empty())
                .collect(),
            smtp_url: lookup("SMTP_URL").filter(|v| !v.is_empty()).map(SecretString::from),
            mail_from: lookup("MAIL_FROM")
                .filter(|v| !v.is_empty())
                .unwrap_or_else(|| "Trame <trame@example.org>".into()),
            email_dir: lookup("EMAIL_DIR").filter(|v| !v.is_empty()).unwrap_or_else(|| "target/mail".into()).into(),
            media_dir: lookup("TRAME_MEDIA_DIR")
                .filter(|v| !v.is_empty())
                .unwrap_or_else(|| "target/media".into())
                .into(),
            deployment_id: deployment_id(&lookup)?,
            run_workers: parse(&lookup, "TRAME_WORKER", true)?,
            trust_proxy: parse(&lookup, "TRAME_TRUST_PROXY", false)?,
            auth_limit_per_address: parse(&lookup, "TRAME_AUTH_LIMIT_PER_ADDRESS", 20)?,
            auth_limit_per_account: parse(&lookup, "TRAME_AUTH_LIMIT_PER_ACCOUNT", 5)?,
            pledge_limit_per_address: parse(&lookup, "TRAME_PLEDGE_LIMIT_PER_ADDRESS", 60)?,
            pledge_limit_per_account: parse(&lookup, "TRAME_PLEDGE_LIMIT_PER_ACCOUNT", 10)?,
            overload: Overload {
                header_timeout: seconds(&lookup, "TRAME_HEADER_TIMEOUT_SECS", 10)?,
                page_timeout: seconds(&lookup, "TRAME_REQUEST_TIMEOUT_SECS", 15)?,
                money_timeout: seconds(&lookup, "TRAME_MONEY_TIMEOUT_SECS", 60)?,
                pages_in_flight: at_least_one(&lookup, "TRAME_PAGES_IN_FLIGHT", 128)?,
                money_in_flight: at_least_one(&lookup, "TRAME_MONEY_IN_FLIGHT", 64)?,
                live_watchers: at_least_one(&lookup, "TRAME_LIVE_WATCHERS", 10_000)?,
                page_cache: parse(&lookup, "TRAME_PAGE_CACHE", true)?,
                data_cache: parse(&lookup, "TRAME_DATA_CACHE", true)?,
            },
            secure_cookies: parse(&lookup, "TRAME_SECURE_COOKIES", false)?,
            stripe_secret_key: SecretString::from(
                lookup("STRIPE_SECRET_KEY")
                    .filter(|v| !v.is_empty())
                    .ok_or(ConfigError::Missing("STRIPE_SECRET_KEY"))?,
            ),
            stripe_publishable_key: lookup("STRIPE_PUBLISHABLE_KEY")
                .filter(|v| !v.is_empty())
                .ok_or(ConfigError::Missing("STRIPE_PUBLISHABLE_KEY"))?,
            stripe_webhook_secret: SecretString::from(
                lookup("STRIPE_WEBHOOK_SECRET")
                    .filter(|v| !v.is_empty())
                    .ok_or(ConfigError::Missing("STRIPE_WEBHOOK_SECRET"))?,
            ),
            stripe_api_url: with_slash(
                lookup("STRIPE_API_URL").filter(|v| !v.is_empty()).unwrap_or_else(|| "https://api.stripe.com/".into()),
            ),
            stripe_js_url: lookup("STRIPE_JS_URL")
                .filter(|v| !v.is_empty())
                .unwrap_or_else(|| "https://js.stripe.com/v3/".into()),
            log_format: match lookup("TRAME_LOG_FORMAT").as_deref() {
                None | Some("") | Some("pretty") => LogFormat::Pretty,
                Some("json") => LogFormat::Json,
                Some(other) => {
                    return Err(ConfigError::Invalid {
                        name: "TRAME_LOG_FORMAT",
                        reason: format!("{other:?} (pretty or json)"),
                    })
                }
            },
        })
    }

    /// The SMTP URL, for the mailer only.
    pub fn smtp_url(&self) -> Option<&str> {
        self.smtp_url.as_ref().map(|s| s.expose_secret())
    }

    /// The connection string, for the database driver only.
    pub fn database_url(&self) -> &str {
        self.database_url.expose_secret()
    }

    /// Stripe's settings, for the Stripe adapter only.
    pub fn stripe(&self) -> app::backend::stripe::StripeConfig {
        app::backend::stripe::StripeConfig {
            secret_key: self.stripe_secret_key.expose_secret().to_owned(),
            publishable_key: self.stripe_publishable_key.clone(),
            webhook_secret: self.stripe_webhook_secret.expose_secret().to_owned(),
            api_url: self.stripe_api_url.clone(),
            js_url: self.stripe_js_url.clone(),
        }
    }
}

/// The Stripe client builds `{base}v1/...`: the base must end with a slash.
fn with_slash(url: String) -> String {
    if url.ends_with('/') {
        url
    } else {
        format!("{url}/")
    }
}

fn parse<T>(lookup: &impl Fn(&str) -> Option<String>, name: &'static str, default: T) -> Result<T, ConfigError>
where
    T: std::str::FromStr,
    T::Err: std::fmt::Display,
{
    match lookup(name).filter(|v| !v.is_empty()) {
        None => Ok(default),
        Some(v) => v.parse().map_err(|e: T::Err| ConfigError::Invalid { name, reason: e.to_string() }),
    }
}

/// A whole number of seconds, at least one.
fn seconds(
    lookup: &impl Fn(&str) -> Option<String>,
    name: &'static str,
    default: u64,
) -> Result<Duration, ConfigError> {
    Ok(Duration::from_secs(at_least_one(lookup, name, default)?))
}

/// A count that must be at least one (zero would refuse everything).
fn at_least_one<T>(lookup: &impl Fn(&str) -> Option<String>, name: &'static str, default: T) -> Result<T, ConfigError>
where
    T: std::str::FromStr + PartialOrd + From<u8>,
    T::Err: std::fmt::Display,
{
    let value = parse(lookup, name, default)?;
    if value < T::from(1) {
        return Err(ConfigError::Invalid { name, reason: "must be at least 1".into() });
    }
    Ok(value)
}

/// `TRAME_DEPLOYMENT_ID`: lowercase letters, digits and dashes, at most 40.
fn deployment_id(lookup: &impl Fn(&str) -> Option<String>) -> Result<String, ConfigError> {
    const NAME: &str = "TRAME_DEPLOYMENT_ID";
    let live = lookup("STRIPE_SECRET_KEY").is_some_and(|k| k.starts_with("sk_live_"));
    let id = match lookup(NAME).filter(|v| !v.is_empty()) {
        Some(id) => id,
        None if live => return Err(ConfigError::Missing(NAME)),
        None => "dev".to_owned(),
    };
    let valid = id.len() <= 40 && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !valid {
        return Err(ConfigError::Invalid {
            name: NAME,
            reason: "lowercase letters, digits and dashes, at most 40".into(),
        });
    }
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let mut map: HashMap<String, String> = [
            ("STRIPE_SECRET_KEY", "sk_test_x"),
            ("STRIPE_PUBLISHABLE_KEY", "pk_test_x"),
            ("STRIPE_WEBHOOK_SECRET", "whsec_x"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        map.extend(vars.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        Config::from_lookup(|name| map.get(name).cloned())
    }

    #[test]
    fn defaults() {
        let c = config(&[("DATABASE_URL", "postgres://u:pw@h/db")]).unwrap();
        assert_eq!(c.listen, "127.0.0.1:3000".parse().unwrap());
        assert_eq!(c.database_max_connections, 20);
        assert!(!c.secure_cookies);
        assert_eq!(c.log_format, LogFormat::Pretty);
        assert_eq!(c.overload.header_timeout, Duration::from_secs(10));
        assert_eq!(c.overload.pages_in_flight, 128);
    }

    #[test]
    fn overload_limits_refuse_zero() {
        let err = config(&[("DATABASE_URL", "postgres://x"), ("TRAME_PAGES_IN_FLIGHT", "0")]).unwrap_err();
        assert!(err.to_string().starts_with("TRAME_PAGES_IN_FLIGHT has an invalid value"), "{err}");
        let c = config(&[("DATABASE_URL", "postgres://x"), ("TRAME_REQUEST_TIMEOUT_SECS", "3")]).unwrap();
        assert_eq!(c.overload.page_timeout, Duration::from_secs(3));
    }

    #[test]
    fn database_url_is_required() {
        assert!(matches!(config(&[]), Err(ConfigError::Missing("DATABASE_URL"))));
    }

    #[test]
    fn bad_values_name_the_variable() {
        let err = config(&[("DATABASE_URL", "postgres://x"), ("DATABASE_MAX_CONNECTIONS", "many")]).unwrap_err();
        assert!(err.to_string().starts_with("DATABASE_MAX_CONNECTIONS has an invalid value"), "{err}");
    }

    #[test]
    fn accounts_and_email_settings() {
        let c = config(&[
            ("DATABASE_URL", "postgres://x"),
            ("ADMIN_EMAILS", " Admin@Example.org, ,ops@example.org"),
            ("TRAME_PUBLIC_URL", "https://trame.ch/"),
        ])
        .unwrap();
        assert_eq!(c.admin_emails, ["admin@example.org", "ops@example.org"]);
        assert_eq!(c.public_url.as_deref(), Some("https://trame.ch"));
        assert_eq!(c.session_idle_days, 14);
        assert!(c.smtp_url().is_none() && c.run_workers);
    }

    #[test]
    fn secrets_never_print() {
        let c =
            config(&[("DATABASE_URL", "postgres://u:hunter2@h/db"), ("SMTP_URL", "smtps://u:hunter3@mail")]).unwrap();
        assert!(!format!("{c:?}").contains("hunter3"));
        assert!(!format!("{c:?}").contains("hunter2"));
        assert!(!format!("{c:?}").contains("sk_test_x") && !format!("{c:?}").contains("whsec_x"));
        assert_eq!(c.database_url(), "postgres://u:hunter2@h/db");
    }
}
