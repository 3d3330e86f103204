//! Rate limits on signing in and up, password resets and pledging, per client address and per
//! account. They are counted in PostgreSQL (one row per bucket and minute), so every server
//! process behind the load balancer shares them, and old minutes are deleted: memory and rows
//! stay bounded. Keys are built from parsed values (a normalised email address, an account id),
//! never from raw input.

use crate::domain::{Email, UserId};
use crate::error::AppError;
use sqlx::PgConnection;
use std::net::IpAddr;

/// Which door is being knocked on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    SignIn,
    SignUp,
    PasswordReset,
    Pledge,
    /// A team invitation (it sends an email to an address someone typed).
    Invite,
}

impl Action {
    fn code(self) -> &'static str {
        match self {
            Action::SignIn => "sign-in",
            Action::SignUp => "sign-up",
            Action::PasswordReset => "password-reset",
            Action::Pledge => "pledge",
            Action::Invite => "invite",
        }
    }
}

/// Who is knocking, as parsed values.
#[derive(Debug, Clone, Copy)]
pub enum Account<'a> {
    Email(&'a Email),
    User(UserId),
}

impl Account<'_> {
    fn key(&self) -> String {
        match self {
            // `Email` is trimmed and its domain lower-cased; the whole address is lower-cased here
            // so that one mailbox is one bucket
            Account::Email(email) => format!("email:{}", email.as_str().to_lowercase()),
            Account::User(user) => format!("user:{user}"),
        }
    }
}

/// Attempts a minute allowed, per action.
#[derive(Debug, Clone, Copy)]
pub struct RateLimits {
    /// Sign-in, sign-up and reset attempts a minute from one address / for one account.
    pub auth_per_address: u32,
    pub auth_per_account: u32,
    /// Pledges a minute from one address / by one account.
    pub pledge_per_address: u32,
    pub pledge_per_account: u32,
}

impl RateLimits {
    fn quotas(&self, action: Action) -> (u32, u32) {
        match action {
            Action::Pledge => (self.pledge_per_address, self.pledge_per_account),
            _ => (self.auth_per_address, self.auth_per_account),
        }
    }

    /// Counts an attempt; `TooManyRequests` past either limit over the last minute.
    pub async fn check(
        &self,
        db: &mut PgConnection,
        action: Action,
        address: Option<IpAddr>,
        account: Option<Account<'_>>,
    ) -> Result<(), AppError> {
        let (per_address, per_account) = self.quotas(action);
        let mut allowed = true;
        if let Some(ip) = address {
            allowed &= hit(db, &format!("{}:ip:{ip}", action.code()), per_address).await?;
        }
        if let Some(account) = account {
            allowed &= hit(db, &format!("{}:{}", action.code(), account.key()), per_account).await?;
        }
        if allowed {
            Ok(())
        } else {
            tracing::warn!(?action, ?address, "rate limit reached");
            Err(AppError::TooManyRequests)
        }
    }
}

/// Counts one hit in the bucket's current minute; `false` past `limit` over the last minute.
/// A sliding window: the previous minute's hits count for the part of it still within the last
/// 60 seconds. With fixed minutes, a burst across a minute's end would get twice the limit (and
/// whether six quick tries meet the limit would depend on the clock).
async fn hit(db: &mut PgConnection, bucket: &str, limit: u32) -> Result<bool, AppError> {
    let weighted = sqlx::query_scalar!(
        r#"with counted as (
               insert into rate_limit (bucket, window_start, hits) values ($1, date_trunc('minute', now()), 1)
               on conflict (bucket, window_start) do update set hits = rate_limit.hits + 1
               returning hits
           )
           select (select hits from counted)::float8
                  + coalesce((select hits from rate_limit
                              where bucket = $1 and window_start = date_trunc('minute', now()) - interval '1 minute'), 0)::float8
                    * (1 - extract(epoch from now() - date_trunc('minute', now()))::float8 / 60) as "weighted!""#,
        bucket
    )
    .fetch_one(&mut *db)
    .await?;
    Ok(weighted <= f64::from(limit.max(1)))
}

/// Deletes the minutes that no longer count (run every few minutes by each server).
pub async fn prune(db: &mut PgConnection) -> Result<u64, AppError> {
    let deleted = sqlx::query!("delete from rate_limit where window_start < now() - interval '2 minutes'")
        .execute(&mut *db)
        .await?
        .rows_affected();
    Ok(deleted)
}

/// The address of the client calling the current server function: the TCP peer, or, behind a
/// trusted proxy, the address that proxy saw: the last `X-Forwarded-For` entry (the ones before
/// it were sent by the client and prove nothing).
pub async fn client_address(trust_proxy: bool) -> Option<IpAddr> {
    let parts = leptos::prelude::use_context::<axum::http::request::Parts>()?;
    if trust_proxy {
        let forwarded = parts
            .headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .last()
            .and_then(|ip| ip.trim().parse().ok());
        if forwarded.is_some() {
            return forwarded;
        }
    }
    parts.extensions.get::<axum::extract::ConnectInfo<std::net::SocketAddr>>().map(|c| c.0.ip())
}
