//! Accounts: sign up, sign in and out, password reset and change, profile. Each function is a
//! thin adapter: parse the form into domain types, check limits, call the backend, redirect.

use crate::domain::views::SignedInUser;
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
pub(crate) mod server {
    pub use crate::backend::accounts::{authenticate, invalid, parse_password, register};
    pub use crate::backend::accounts::{check_limit, limited_email, send_verification};
    pub use crate::backend::auth;
    pub use crate::backend::db::users;
    pub use crate::backend::email::{self, EmailTemplate};
    pub use crate::backend::limits::{Account, Action};
    pub use crate::backend::state;
    pub use crate::domain::{DisplayName, Locale};
    pub use crate::i18n::Key;

    /// Where to go after signing in: our own path, else the account page.
    pub fn after_sign_in(next: Option<String>) -> String {
        next.as_deref().and_then(crate::backend::security::local_path).unwrap_or("/account").to_owned()
    }
}

/// The signed-in user, for the header and the account page.
#[server(endpoint = "auth/me")]
pub async fn current_user() -> Result<Option<SignedInUser>, AppError> {
    crate::backend::auth::maybe_user().await
}

#[server(endpoint = "auth/sign-up")]
pub async fn sign_up(
    email: String,
    display_name: String,
    password: String,
    next: Option<String>,
) -> Result<(), AppError> {
    crate::backend::with_status(
        async move {
            use server::*;
            register(&state()?, &email, &display_name, &password).await?;
            leptos_axum::redirect(&after_sign_in(next));
            Ok(())
        }
        .await,
    )
}

/// Signs in; a wrong address and a wrong password get the same answer.
#[server(endpoint = "auth/sign-in")]
pub async fn sign_in(email: String, password: String, next: Option<String>) -> Result<(), AppError> {
    crate::backend::with_status(
        async move {
            use server::*;
            authenticate(&state()?, &email, password).await?;
            leptos_axum::redirect(&after_sign_in(next));
            Ok(())
        }
        .await,
    )
}

#[server(endpoint = "auth/sign-out")]
pub async fn sign_out() -> Result<(), AppError> {
    crate::backend::with_status(
        async move {
            crate::backend::auth::sign_out_session(&crate::backend::auth::session().await?).await?;
            leptos_axum::redirect("/");
            Ok(())
        }
        .await,
    )
}

/// Emails a single-use link valid for an hour, if the account exists; answers the same either way.
#[server(endpoint = "auth/forgot-password")]
pub async fn request_password_reset(email: String) -> Result<(), AppError> {
    crate::backend::with_status(
        async move {
            use server::*;
            let state = state()?;
            let email = limited_email(&state, Action::PasswordReset, &email).await?;
            let mut tx = state.pool.begin().await?;
            if let Some(user) = users::by_email(&mut tx, &email).await? {
                let token = crate::backend::auth::new_reset_token();
                users::create_reset(&mut tx, crate::domain::UserId(user.user_id), &token.hash, 60).await?;
                let link = state.settings.links.absolute(&crate::paths::reset_password(&token.token));
                let template = EmailTemplate::PasswordReset { name: user.display_name.clone(), link };
                email::enqueue(&mut tx, &state.queue, &user.email, user.locale, &template, None).await?;
            }
            tx.commit().await?;
            leptos_axum::redirect(&crate::paths::done(crate::paths::FORGOT_PASSWORD, "sent"));
            Ok(())
        }
        .await,
    )
}

/// Sets a new password with an emailed token (once, within the hour) and signs in.
#[server(endpoint = "auth/reset-password")]
pub async fn reset_password(token: String, password: String) -> Result<(), AppError> {
    crate::backend::with_status(
        async move {
            use server::*;
            let state = state()?;
            let password = parse_password(&password)?;
            let hash = auth::hash_password(password).await?;
            let mut tx = state.pool.begin().await?;
            let Some(user) = users::take_reset(&mut tx, &auth::hash_token(&token)).await? else {
                return Err(invalid("token", Key::ResetLinkInvalid));
            };
            let epoch = users::set_password(&mut tx, user, &hash).await?;
            notify_password_changed(&state, &mut tx, user).await?;
            tx.commit().await?;
            auth::sign_in_session(&auth::session().await?, user, epoch).await?;
            leptos_axum::redirect("/account");
            Ok(())
        }
        .await,
    )
}

/// Changes the password, ends the user's other sessions and keeps this one.
#[server(endpoint = "auth/change-password")]
pub async fn change_password(current_password: String, password: String) -> Result<(), AppError> {
    crate::backend::with_status(
        async move {
            use server::*;
            let state = state()?;
            let me = auth::require_user().await?;
            check_limit(&state, Action::SignIn, Some(Account::User(me.id))).await?;
            let stored = users::by_id(&mut *state.pool.acquire().await?, me.id).await?.and_then(|u| u.password_hash);
            if !auth::verify_password(current_password, stored).await? {
                return Err(invalid("current_password", Key::WrongPassword));
            }
            let hash = auth::hash_password(parse_password(&password)?).await?;
            let mut tx = state.pool.begin().await?;
            let epoch = users::set_password(&mut tx, me.id, &hash).await?;
            notify_password_changed(&state, &mut tx, me.id).await?;
            tx.commit().await?;
            auth::sign_in_session(&auth::session().await?, me.id, epoch).await?;
            leptos_axum::redirect(&crate::paths::done(crate::paths::ACCOUNT, "password"));
            Ok(())
        }
        .await,
    )
}

#[cfg(feature = "ssr")]
async fn notify_password_changed(
    app: &crate::backend::AppState,
    db: &mut sqlx::PgConnection,
    user: crate::domain::UserId,
) -> Result<(), AppError> {
    use server::{email, users, EmailTemplate};
    let Some(row) = users::by_id(db, user).await? else { return Ok(()) };
    let link = app.settings.links.absolute(crate::paths::FORGOT_PASSWORD);
    let template = EmailTemplate::PasswordChanged { name: row.display_name, link };
    email::enqueue(db, &app.queue, &row.email, row.locale, &template, None).await
}

/// Saves the display name and preferred language (also the site's language from now on).
#[server(endpoint = "auth/account")]
pub async fn update_account(display_name: String, locale: String) -> Result<(), AppError> {
    crate::backend::with_status(
        async move {
            use server::*;
            let state = state()?;
            let me = auth::require_user().await?;
            let name = DisplayName::parse(&display_name).map_err(|_| invalid("display_name", Key::NameInvalid))?;
            let locale = Locale::from_tag(&locale).ok_or_else(|| invalid("locale", Key::InvalidInputText))?;
            users::update_profile(&mut *state.pool.acquire().await?, me.id, &name, locale).await?;
            if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
                let cookie = crate::i18n::language_cookie(locale, state.secure_cookies);
                if let Ok(value) = axum::http::HeaderValue::from_str(&cookie) {
                    response.append_header(axum::http::header::SET_COOKIE, value);
                }
            }
            leptos_axum::redirect(&crate::paths::done(crate::paths::ACCOUNT, "saved"));
            Ok(())
        }
        .await,
    )
}

/// Proves the account's address with the token of the emailed link (a POST from the page the
/// link opens: mail scanners that fetch links verify nothing).
#[server(endpoint = "auth/verify-email")]
pub async fn verify_email(token: String) -> Result<(), AppError> {
    crate::backend::with_status(
        async move {
            use server::*;
            let state = state()?;
            let mut tx = state.pool.begin().await?;
            let Some(_user) = users::take_verification(&mut tx, &auth::hash_token(&token)).await? else {
                return Err(invalid("token", Key::VerifyLinkInvalid));
            };
            tx.commit().await?;
            leptos_axum::redirect(crate::paths::ACCOUNT);
            Ok(())
        }
        .await,
    )
}

/// Sends a new verification link to the signed-in account's address.
#[server(endpoint = "auth/resend-verification")]
pub async fn resend_verification() -> Result<(), AppError> {
    crate::backend::with_status(
        async move {
            use server::*;
            let state = state()?;
            let me = auth::require_user().await?;
            if me.email_verified {
                return Ok(());
            }
            check_limit(&state, Action::PasswordReset, Some(Account::User(me.id))).await?;
            let mut tx = state.pool.begin().await?;
            send_verification(&state, &mut tx, me.id, &me.email, &me.display_name, me.locale).await?;
            tx.commit().await?;
            leptos_axum::redirect(&crate::paths::done(crate::paths::ACCOUNT, "verification"));
            Ok(())
        }
        .await,
    )
}
