//! Passwords (argon2id) and who is signed in. The session stores only the user id and the
//! account's session epoch: changing the password bumps the epoch, which ends every other
//! session at their next request.

use super::{db, AppState};
use crate::domain::views::SignedInUser;
use crate::domain::{CampaignId, MemberRole, NewPassword, UserId};
use crate::error::AppError;
use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;
use tower_sessions::Session;

const SESSION_KEY: &str = "auth";

/// What the session remembers of the signed-in person.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
struct SessionAuth {
    user_id: i64,
    epoch: i32,
}

/// argon2id with OWASP's parameters: 19 MiB of memory, 2 passes, 1 lane.
fn argon2() -> Argon2<'static> {
    // the constants are valid argon2 parameters: Params::new only fails outside its ranges
    let params = Params::new(19 * 1024, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Hashes a new password off the async runtime (about 30 ms of CPU).
pub async fn hash_password(password: NewPassword) -> Result<String, AppError> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        argon2().hash_password(password.expose().as_bytes(), &salt).map(|h| h.to_string())
    })
    .await
    .map_err(|e| AppError::internal("password hashing task", &e))?
    .map_err(|e| AppError::internal("password hashing", &e))
}

/// A hash of a random password, checked when there is no account, so that a missing account
/// takes as long to refuse as a wrong password.
static DUMMY_HASH: LazyLock<Option<String>> = LazyLock::new(|| {
    let salt = SaltString::generate(&mut OsRng);
    argon2().hash_password(b"no account has this password", &salt).ok().map(|h| h.to_string())
});

/// Whether `password` matches `stored` (always false without a stored hash), off the runtime.
pub async fn verify_password(password: String, stored: Option<String>) -> Result<bool, AppError> {
    tokio::task::spawn_blocking(move || {
        let exists = stored.is_some();
        let Some(hash) = stored.or_else(|| DUMMY_HASH.clone()) else { return false };
        let matches = PasswordHash::new(&hash).is_ok_and(|h| argon2().verify_password(password.as_bytes(), &h).is_ok());
        exists && matches
    })
    .await
    .map_err(|e| AppError::internal("password check task", &e))
}

/// Starts a signed-in session: a new session id (no fixation), then the user.
pub async fn sign_in_session(session: &Session, user: UserId, epoch: i32) -> Result<(), AppError> {
    session.cycle_id().await.map_err(|e| AppError::internal("session", &e))?;
    session
        .insert(SESSION_KEY, SessionAuth { user_id: user.0, epoch })
        .await
        .map_err(|e| AppError::internal("session", &e))
}

/// Ends the session and its id.
pub async fn sign_out_session(session: &Session) -> Result<(), AppError> {
    session.flush().await.map_err(|e| AppError::internal("session", &e))
}

/// The signed-in user of this session, if any (and if the session was not ended by a password
/// change since).
pub async fn load_user(state: &AppState, session: &Session) -> Result<Option<SignedInUser>, AppError> {
    let Some(auth) = session.get::<SessionAuth>(SESSION_KEY).await.map_err(|e| AppError::internal("session", &e))?
    else {
        return Ok(None);
    };
    let mut conn = state.pool.acquire().await?;
    let Some(user) = db::users::by_id(&mut conn, UserId(auth.user_id)).await? else {
        return Ok(None);
    };
    if user.session_epoch != auth.epoch {
        sign_out_session(session).await?;
        return Ok(None);
    }
    // admin rights only for an address its holder proved: whoever signs up first with an
    // address named in ADMIN_EMAILS gets nothing until the link sent there is followed
    let named = user.is_admin || state.settings.admin_emails.iter().any(|a| a.eq_ignore_ascii_case(&user.email));
    let is_admin = named && user.email_verified;
    Ok(Some(SignedInUser {
        id: UserId(user.user_id),
        email: user.email,
        display_name: user.display_name,
        locale: user.locale,
        is_admin,
        email_verified: user.email_verified,
    }))
}

/// The session of the current server-function call.
pub async fn session() -> Result<Session, AppError> {
    leptos_axum::extract::<Session>().await.map_err(|e| AppError::internal("session layer missing", &e))
}

/// The signed-in user, or `None`.
pub async fn maybe_user() -> Result<Option<SignedInUser>, AppError> {
    let state = super::state()?;
    load_user(&state, &session().await?).await
}

/// The signed-in user, or `Unauthorized`.
pub async fn require_user() -> Result<SignedInUser, AppError> {
    maybe_user().await?.ok_or(AppError::Unauthorized)
}

/// An admin (named by `ADMIN_EMAILS` or flagged in the database), or `Forbidden`.
pub async fn require_admin() -> Result<SignedInUser, AppError> {
    let user = require_user().await?;
    if user.is_admin {
        Ok(user)
    } else {
        Err(AppError::Forbidden)
    }
}

/// A member of the campaign's team with at least `role` (admins pass too), or `Forbidden`.
/// Owners act only from a verified address.
pub async fn require_member(campaign: CampaignId, role: MemberRole) -> Result<SignedInUser, AppError> {
    let user = require_user().await?;
    member_of(&super::state()?, &user, campaign, role).await?;
    Ok(user)
}

/// `Ok` when `user` is an admin or on the campaign's team with at least `role` (owners from a
/// verified address), else `Forbidden`: the check behind `require_member`, for plain routes too.
pub async fn member_of(
    state: &AppState,
    user: &SignedInUser,
    campaign: CampaignId,
    role: MemberRole,
) -> Result<(), AppError> {
    if user.is_admin {
        return Ok(());
    }
    let mut conn = state.pool.acquire().await?;
    let held = db::users::member_role(&mut conn, campaign, user.id).await?;
    let verified = user.email_verified || role == MemberRole::Editor;
    if held.is_some_and(|h| h.allows(role)) && verified {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// A single-use token (password reset, email verification): the random part sent by email, and
/// its SHA-256 kept in the database.
pub struct ResetToken {
    pub token: String,
    pub hash: Vec<u8>,
}

/// 256 random bits, URL-safe.
pub fn new_reset_token() -> ResetToken {
    use base64::Engine as _;
    use rand::RngCore as _;
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let token = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
    ResetToken { hash: hash_token(&token), token }
}

pub fn hash_token(token: &str) -> Vec<u8> {
    use sha2::Digest as _;
    sha2::Sha256::digest(token.as_bytes()).to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_verify_and_differ() {
        let password = NewPassword::parse("fil rouge du Léman").unwrap();
        let a = hash_password(password.clone()).await.unwrap();
        let b = hash_password(password).await.unwrap();
        assert_ne!(a, b, "salted");
        assert!(a.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{a}");
        assert!(verify_password("fil rouge du Léman".into(), Some(a.clone())).await.unwrap());
        assert!(!verify_password("fil rouge du leman".into(), Some(a)).await.unwrap());
        assert!(!verify_password("anything".into(), None).await.unwrap());
    }
}
