//! Accounts: signing up and in (with their rate limits) and proving an email address. The
//! server functions of `api::auth` and the inline account of the pledge form call these.

use super::db::users;
use super::email::{self, EmailTemplate};
use super::limits::{client_address, Account, Action};
use super::{auth, AppState};
use crate::domain::{DisplayName, Email, Locale, NewPassword, PasswordError, UserId};
use crate::error::AppError;
use crate::i18n::{request_locale, Key};

pub fn invalid(field: &str, message: Key) -> AppError {
    AppError::invalid(field, message)
}

pub fn parse_email(value: &str) -> Result<Email, AppError> {
    Email::parse(value).map_err(|_| invalid("email", Key::EmailInvalid))
}

pub fn parse_password(value: &str) -> Result<NewPassword, AppError> {
    NewPassword::parse(value).map_err(|e| {
        invalid(
            "password",
            match e {
                PasswordError::TooShort => Key::PasswordTooShort,
                PasswordError::TooLong => Key::PasswordTooLong,
                PasswordError::TooCommon => Key::PasswordTooCommon,
            },
        )
    })
}

/// Creates an account, sends the welcome email and signs the new account in.
pub async fn register(state: &AppState, email: &str, display_name: &str, password: &str) -> Result<UserId, AppError> {
    let email = limited_email(state, Action::SignUp, email).await?;
    let name = DisplayName::parse(display_name).map_err(|_| invalid("display_name", Key::NameInvalid))?;
    let hash = auth::hash_password(parse_password(password)?).await?;
    let locale = request_locale();
    let mut tx = state.pool.begin().await?;
    let user = users::insert(&mut tx, &email, &name, &hash, locale).await?;
    // one email: welcome, with the link that proves the address
    let link = verification_link(state, &mut tx, user, email.as_str()).await?;
    let welcome = EmailTemplate::Welcome { name: name.as_str().to_owned(), link };
    email::enqueue(&mut tx, &state.queue, email.as_str(), locale, &welcome, Some(&format!("welcome-{user}"))).await?;
    tx.commit().await?;
    auth::sign_in_session(&auth::session().await?, user, 0).await?;
    Ok(user)
}

/// Checks a password and signs the account in; a wrong address and a wrong password get the
/// same answer.
pub async fn authenticate(state: &AppState, email: &str, password: String) -> Result<UserId, AppError> {
    let email = limited_email(state, Action::SignIn, email).await?;
    let user = users::by_email(&mut *state.pool.acquire().await?, &email).await?;
    // without an account, a dummy hash is checked: as slow as a wrong password, so the timing
    // does not tell whether the account exists
    let stored = user.as_ref().and_then(|u| u.password_hash.clone());
    let valid = auth::verify_password(password, stored).await?;
    match user {
        Some(user) if valid => {
            let id = UserId(user.user_id);
            auth::sign_in_session(&auth::session().await?, id, user.session_epoch).await?;
            Ok(id)
        }
        _ => Err(invalid("password", Key::WrongCredentials)),
    }
}

/// A new link that proves `address` (valid two days, once), for an email to it.
async fn verification_link(
    state: &AppState,
    db: &mut sqlx::PgConnection,
    user: UserId,
    address: &str,
) -> Result<String, AppError> {
    let token = auth::new_reset_token();
    users::create_verification(db, user, address, &token.hash, 48).await?;
    Ok(state.settings.links.absolute(&crate::paths::verify_email(&token.token)))
}

/// Emails a new link that proves the address (the account page's button).
pub async fn send_verification(
    state: &AppState,
    db: &mut sqlx::PgConnection,
    user: UserId,
    address: &str,
    name: &str,
    locale: Locale,
) -> Result<(), AppError> {
    let link = verification_link(state, db, user, address).await?;
    let template = EmailTemplate::VerifyEmail { name: name.to_owned(), link };
    email::enqueue(db, &state.queue, address, locale, &template, None).await
}

/// Counts an attempt from this client (and `account`) against the limits shared by every
/// server process.
pub async fn check_limit(state: &AppState, action: Action, account: Option<Account<'_>>) -> Result<(), AppError> {
    let address = client_address(state.settings.trust_proxy).await;
    state.limits.check(&mut *state.pool.acquire().await?, action, address, account).await
}

/// Parses an email address typed in a form and counts the attempt: against the address it
/// names once parsed (`" a@b"` and `"a@b"` are one bucket), and always against the client.
pub async fn limited_email(state: &AppState, action: Action, email: &str) -> Result<Email, AppError> {
    let parsed = parse_email(email);
    check_limit(state, action, parsed.as_ref().ok().map(Account::Email)).await?;
    parsed
}
