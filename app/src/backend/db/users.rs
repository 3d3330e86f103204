//! Accounts, team membership, password reset and email verification tokens.

use crate::domain::{CampaignId, DisplayName, Email, Locale, MemberRole, UserId};
use crate::error::AppError;
use crate::i18n::Key;
use sqlx::PgConnection;

/// An account as stored; holds the password hash, so it is neither `Serialize` nor sent anywhere.
pub struct UserRow {
    pub user_id: i64,
    pub email: String,
    pub display_name: String,
    pub password_hash: Option<String>,
    pub locale: Locale,
    pub is_admin: bool,
    pub session_epoch: i32,
    /// The address was proven by a link sent to it.
    pub email_verified: bool,
}

struct RawUser {
    user_id: i64,
    email: String,
    display_name: String,
    password_hash: Option<String>,
    locale: String,
    is_admin: bool,
    session_epoch: i32,
    email_verified: bool,
}

impl From<RawUser> for UserRow {
    fn from(r: RawUser) -> UserRow {
        UserRow {
            user_id: r.user_id,
            email: r.email,
            display_name: r.display_name,
            password_hash: r.password_hash,
            // the CHECK constraint allows only known codes
            locale: Locale::from_tag(&r.locale).unwrap_or_default(),
            is_admin: r.is_admin,
            session_epoch: r.session_epoch,
            email_verified: r.email_verified,
        }
    }
}

pub async fn by_id(db: &mut PgConnection, id: UserId) -> Result<Option<UserRow>, AppError> {
    let row = sqlx::query_as!(
        RawUser,
        r#"select user_id, email, display_name, password_hash, locale, is_admin, session_epoch,
                  email_verified_at is not null as "email_verified!"
           from app_user where user_id = $1"#,
        id.0
    )
    .fetch_optional(db)
    .await?;
    Ok(row.map(UserRow::from))
}

/// Looks an address up case-insensitively.
pub async fn by_email(db: &mut PgConnection, email: &Email) -> Result<Option<UserRow>, AppError> {
    let row = sqlx::query_as!(
        RawUser,
        r#"select user_id, email, display_name, password_hash, locale, is_admin, session_epoch,
                  email_verified_at is not null as "email_verified!"
           from app_user where lower(email) = lower($1)"#,
        email.as_str()
    )
    .fetch_optional(db)
    .await?;
    Ok(row.map(UserRow::from))
}

/// Creates an account; an address already in use is a field error, not a crash.
pub async fn insert(
    db: &mut PgConnection,
    email: &Email,
    name: &DisplayName,
    password_hash: &str,
    locale: Locale,
) -> Result<UserId, AppError> {
    let inserted = sqlx::query_scalar!(
        "insert into app_user (email, display_name, password_hash, locale) values ($1, $2, $3, $4) returning user_id",
        email.as_str(),
        name.as_str(),
        password_hash,
        locale.code()
    )
    .fetch_one(db)
    .await;
    match inserted {
        Ok(id) => Ok(UserId(id)),
        Err(sqlx::Error::Database(e)) if e.constraint() == Some("app_user_email_key") => {
            Err(AppError::Validation { field: "email".into(), message: Key::EmailTaken })
        }
        Err(e) => Err(e.into()),
    }
}

/// Sets a new password hash and ends every session (the epoch moves); returns the new epoch.
pub async fn set_password(db: &mut PgConnection, user: UserId, password_hash: &str) -> Result<i32, AppError> {
    Ok(sqlx::query_scalar!(
        "update app_user set password_hash = $2, session_epoch = session_epoch + 1, updated_at = now()
         where user_id = $1 returning session_epoch",
        user.0,
        password_hash
    )
    .fetch_one(db)
    .await?)
}

pub async fn update_profile(
    db: &mut PgConnection,
    user: UserId,
    name: &DisplayName,
    locale: Locale,
) -> Result<(), AppError> {
    sqlx::query!(
        "update app_user set display_name = $2, locale = $3, updated_at = now() where user_id = $1",
        user.0,
        name.as_str(),
        locale.code()
    )
    .execute(db)
    .await?;
    Ok(())
}

/// The member's role in the campaign's team, if any.
pub async fn member_role(
    db: &mut PgConnection,
    campaign: CampaignId,
    user: UserId,
) -> Result<Option<MemberRole>, AppError> {
    let role = sqlx::query_scalar!(
        "select role from campaign_member where campaign_id = $1 and user_id = $2",
        campaign.0,
        user.0
    )
    .fetch_optional(db)
    .await?;
    role.map(|r| super::stored(MemberRole::parse(&r))).transpose()
}

/// Stores the hash of a reset token sent by email, valid for `valid_minutes`.
pub async fn create_reset(
    db: &mut PgConnection,
    user: UserId,
    token_hash: &[u8],
    valid_minutes: i32,
) -> Result<(), AppError> {
    sqlx::query!(
        "insert into password_reset (token_hash, user_id, expires_at)
         values ($1, $2, now() + make_interval(mins => $3))",
        token_hash,
        user.0,
        valid_minutes
    )
    .execute(db)
    .await?;
    Ok(())
}

/// Uses a reset token: one statement, so it works once even when submitted twice at once.
pub async fn take_reset(db: &mut PgConnection, token_hash: &[u8]) -> Result<Option<UserId>, AppError> {
    let user = sqlx::query_scalar!(
        "update password_reset set used_at = now()
         where token_hash = $1 and used_at is null and expires_at > now()
         returning user_id",
        token_hash
    )
    .fetch_optional(db)
    .await?;
    Ok(user.map(UserId))
}

/// Stores the hash of a verification token sent to `email`, valid for `valid_hours`.
pub async fn create_verification(
    db: &mut PgConnection,
    user: UserId,
    email: &str,
    token_hash: &[u8],
    valid_hours: i32,
) -> Result<(), AppError> {
    sqlx::query!(
        "insert into email_verification (token_hash, user_id, email, expires_at)
         values ($1, $2, $3, now() + make_interval(hours => $4))",
        token_hash,
        user.0,
        email,
        valid_hours
    )
    .execute(db)
    .await?;
    Ok(())
}

/// Uses a verification token once: the account's address is verified if it is still the one
/// the link was sent to.
pub async fn take_verification(db: &mut PgConnection, token_hash: &[u8]) -> Result<Option<UserId>, AppError> {
    let user = sqlx::query_scalar!(
        "with used as (
             update email_verification set used_at = now()
             where token_hash = $1 and used_at is null and expires_at > now()
             returning user_id, email)
         update app_user u set email_verified_at = coalesce(u.email_verified_at, now()), updated_at = now()
         from used where u.user_id = used.user_id and lower(u.email) = lower(used.email)
         returning u.user_id",
        token_hash
    )
    .fetch_optional(db)
    .await?;
    Ok(user.map(UserId))
}

/// Marks the account's address proven (a link sent to it was used), once.
pub async fn mark_verified(db: &mut PgConnection, user: UserId) -> Result<(), AppError> {
    sqlx::query!(
        "update app_user set email_verified_at = coalesce(email_verified_at, now()), updated_at = now()
         where user_id = $1",
        user.0
    )
    .execute(db)
    .await?;
    Ok(())
}
