//! Rate limits on sign-in, sign-up and password reset, per client address and per account
//! (governor's keyed limiters, in memory: each server process counts for itself).

use crate::error::AppError;
use governor::{DefaultKeyedRateLimiter, Quota};
use std::net::IpAddr;
use std::num::NonZeroU32;

/// Which door is being knocked on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AuthAction {
    SignIn,
    SignUp,
    PasswordReset,
}

pub struct RateLimits {
    per_address: DefaultKeyedRateLimiter<(AuthAction, IpAddr)>,
    per_account: DefaultKeyedRateLimiter<(AuthAction, String)>,
}

impl RateLimits {
    /// `per_address` attempts a minute from one address, `per_account` a minute for one account,
    /// each allowed as a burst.
    pub fn new(per_address: u32, per_account: u32) -> RateLimits {
        let quota = |n: u32| Quota::per_minute(NonZeroU32::new(n.max(1)).unwrap_or(NonZeroU32::MIN));
        RateLimits {
            per_address: DefaultKeyedRateLimiter::keyed(quota(per_address)),
            per_account: DefaultKeyedRateLimiter::keyed(quota(per_account)),
        }
    }

    /// Counts an attempt; `TooManyRequests` past either limit.
    pub fn check(&self, action: AuthAction, address: Option<IpAddr>, account: Option<&str>) -> Result<(), AppError> {
        let address_ok = address.is_none_or(|ip| self.per_address.check_key(&(action, ip)).is_ok());
        let account_ok = account.is_none_or(|a| self.per_account.check_key(&(action, a.to_lowercase())).is_ok());
        if address_ok && account_ok {
            Ok(())
        } else {
            tracing::warn!(?action, ?address, "rate limit reached");
            Err(AppError::TooManyRequests)
        }
    }
}

/// The address of the client calling the current server function: the TCP peer, or the first
/// `X-Forwarded-For` entry behind a trusted proxy.
pub async fn client_address(trust_proxy: bool) -> Option<IpAddr> {
    let parts = leptos::prelude::use_context::<axum::http::request::Parts>()?;
    if trust_proxy {
        let forwarded = parts
            .headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(',').next())
            .and_then(|ip| ip.trim().parse().ok());
        if forwarded.is_some() {
            return forwarded;
        }
    }
    parts.extensions.get::<axum::extract::ConnectInfo<std::net::SocketAddr>>().map(|c| c.0.ip())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_per_address_and_per_account() {
        let limits = RateLimits::new(5, 3);
        let ip: IpAddr = "192.0.2.1".parse().unwrap();
        for _ in 0..3 {
            assert!(limits.check(AuthAction::SignIn, Some(ip), Some("lea@example.org")).is_ok());
        }
        assert_eq!(limits.check(AuthAction::SignIn, Some(ip), Some("LEA@example.org")), Err(AppError::TooManyRequests));
        // other accounts from the same address until the address limit
        assert!(limits.check(AuthAction::SignIn, Some(ip), Some("sam@example.org")).is_ok());
        assert!(limits.check(AuthAction::SignIn, Some(ip), Some("ines@example.org")).is_err(), "address limit: 5");
        // other actions count apart
        assert!(limits.check(AuthAction::PasswordReset, Some(ip), Some("lea@example.org")).is_ok());
    }
}
