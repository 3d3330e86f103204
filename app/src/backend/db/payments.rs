//! Payment attempts at Stripe (`payment` rows): one row per SetupIntent, charge or refund,
//! written down before the request is sent, with the idempotency key the request carries.
//! Status changes go through `PaymentStatus::can_become`.

use super::{money, stored};
use crate::domain::{Money, PaymentKind, PaymentStatus, PledgeId};
use crate::error::AppError;
use sqlx::PgConnection;

/// A payment row.
#[derive(Debug, Clone)]
pub struct Payment {
    pub payment_id: i64,
    pub pledge_id: PledgeId,
    pub kind: PaymentKind,
    pub attempt: i32,
    /// What we asked for (charges and refunds; a setup moves no money).
    pub amount: Option<Money>,
    pub idempotency_key: String,
    pub stripe_object_id: Option<String>,
    pub client_secret: Option<String>,
    pub status: PaymentStatus,
}

/// The row as sqlx reads it, before parsing.
struct Raw {
    payment_id: i64,
    pledge_id: i64,
    kind: String,
    attempt: i32,
    amount: Option<rust_decimal::Decimal>,
    currency: Option<String>,
    idempotency_key: String,
    stripe_object_id: Option<String>,
    client_secret: Option<String>,
    status: String,
}

impl Raw {
    fn parse(self) -> Result<Payment, AppError> {
        let amount = match (self.amount, self.currency.as_deref()) {
            (Some(amount), Some(currency)) => Some(money(amount, currency)?),
            _ => None,
        };
        Ok(Payment {
            payment_id: self.payment_id,
            pledge_id: PledgeId(self.pledge_id),
            kind: stored(PaymentKind::parse(&self.kind))?,
            attempt: self.attempt,
            amount,
            idempotency_key: self.idempotency_key,
            stripe_object_id: self.stripe_object_id,
            client_secret: self.client_secret,
            status: stored(PaymentStatus::parse(&self.status))?,
        })
    }
}

/// The latest attempt of a kind.
pub async fn latest(db: &mut PgConnection, pledge: PledgeId, kind: PaymentKind) -> Result<Option<Payment>, AppError> {
    sqlx::query_as!(
        Raw,
        "select payment_id, pledge_id, kind, attempt, amount, currency, idempotency_key, stripe_object_id,
                client_secret, status
         from payment where pledge_id = $1 and kind = $2 order by attempt desc limit 1",
        pledge.0,
        kind.as_str()
    )
    .fetch_optional(&mut *db)
    .await?
    .map(Raw::parse)
    .transpose()
}

/// Every attempt of a kind in some statuses, oldest first.
pub async fn of_pledge(
    db: &mut PgConnection,
    pledge: PledgeId,
    kind: PaymentKind,
    statuses: &[PaymentStatus],
) -> Result<Vec<Payment>, AppError> {
    sqlx::query_as!(
        Raw,
        "select payment_id, pledge_id, kind, attempt, amount, currency, idempotency_key, stripe_object_id,
                client_secret, status
         from payment where pledge_id = $1 and kind = $2 and status = any($3) order by attempt",
        pledge.0,
        kind.as_str(),
        &PaymentStatus::codes(statuses)
    )
    .fetch_all(&mut *db)
    .await?
    .into_iter()
    .map(Raw::parse)
    .collect()
}

/// The charge Stripe may still move money on, if any (there is at most one: a unique index).
pub async fn open_charge(db: &mut PgConnection, pledge: PledgeId) -> Result<Option<Payment>, AppError> {
    Ok(of_pledge(db, pledge, PaymentKind::Charge, PaymentStatus::OPEN).await?.pop())
}

/// The number of the next attempt of a kind.
pub async fn next_attempt(db: &mut PgConnection, pledge: PledgeId, kind: PaymentKind) -> Result<i32, AppError> {
    Ok(sqlx::query_scalar!(
        r#"select coalesce(max(attempt), 0) + 1 as "n!" from payment where pledge_id = $1 and kind = $2"#,
        pledge.0,
        kind.as_str()
    )
    .fetch_one(&mut *db)
    .await?)
}

/// Writes an attempt down before it is sent (a replay with the same key finds the first row).
pub async fn insert(
    db: &mut PgConnection,
    pledge: PledgeId,
    kind: PaymentKind,
    attempt: i32,
    amount: Option<Money>,
    key: &str,
) -> Result<i64, AppError> {
    let inserted = sqlx::query_scalar!(
        "insert into payment (pledge_id, kind, attempt, amount, currency, idempotency_key)
         values ($1, $2, $3, $4, $5, $6) on conflict (idempotency_key) do nothing returning payment_id",
        pledge.0,
        kind.as_str(),
        attempt,
        amount.map(|m| m.amount()),
        amount.map(|m| m.currency().code()),
        key
    )
    .fetch_optional(&mut *db)
    .await?;
    match inserted {
        Some(id) => Ok(id),
        None => Ok(sqlx::query_scalar!("select payment_id from payment where idempotency_key = $1", key)
            .fetch_one(&mut *db)
            .await?),
    }
}

/// Ties a row to the Stripe object created for it (and the secret Stripe.js needs).
pub async fn record_object(
    db: &mut PgConnection,
    payment_id: i64,
    object_id: &str,
    client_secret: Option<&str>,
) -> Result<(), AppError> {
    sqlx::query!(
        "update payment set stripe_object_id = coalesce(stripe_object_id, $2),
                client_secret = coalesce(client_secret, $3), updated_at = now()
         where payment_id = $1",
        payment_id,
        object_id,
        client_secret
    )
    .execute(&mut *db)
    .await?;
    Ok(())
}

/// The row of a Stripe object: by its id, or by the row id we put in its metadata (a webhook
/// can arrive before the call that created it returns). Not locked: lock its pledge, then the
/// row (`lock`), in that order everywhere.
pub async fn for_object(
    db: &mut PgConnection,
    kind: PaymentKind,
    object_id: &str,
    by_metadata: Option<i64>,
) -> Result<Option<Payment>, AppError> {
    sqlx::query_as!(
        Raw,
        "select payment_id, pledge_id, kind, attempt, amount, currency, idempotency_key, stripe_object_id,
                client_secret, status
         from payment
         where kind = $1 and (stripe_object_id = $2 or (stripe_object_id is null and payment_id = $3))",
        kind.as_str(),
        object_id,
        by_metadata
    )
    .fetch_optional(&mut *db)
    .await?
    .map(Raw::parse)
    .transpose()
}

/// An error Stripe reported on an attempt.
#[derive(Debug, Clone, Default)]
pub struct StripeFailure {
    pub code: Option<String>,
    pub message: Option<String>,
}

/// Moves an attempt through its state machine; `false` when it is already there or the move is
/// not allowed (a late event about a final attempt changes nothing).
pub async fn set_status(
    db: &mut PgConnection,
    payment: &Payment,
    to: PaymentStatus,
    failure: Option<&StripeFailure>,
) -> Result<bool, AppError> {
    if !payment.status.can_become(to) {
        return Ok(false);
    }
    let moved = sqlx::query!(
        "update payment set status = $3, error_code = coalesce($4, error_code),
                error_message = coalesce($5, error_message), updated_at = now()
         where payment_id = $1 and status = $2",
        payment.payment_id,
        payment.status.as_str(),
        to.as_str(),
        failure.and_then(|f| f.code.as_deref()),
        failure.and_then(|f| f.message.as_deref())
    )
    .execute(&mut *db)
    .await?
    .rows_affected();
    Ok(moved == 1)
}

/// The row with this id, locked.
pub async fn lock(db: &mut PgConnection, payment_id: i64) -> Result<Payment, AppError> {
    sqlx::query_as!(
        Raw,
        "select payment_id, pledge_id, kind, attempt, amount, currency, idempotency_key, stripe_object_id,
                client_secret, status
         from payment where payment_id = $1 for update",
        payment_id
    )
    .fetch_one(&mut *db)
    .await?
    .parse()
}

/// Notes why an attempt needs attention (kept next to Stripe's own error).
pub async fn note_error(db: &mut PgConnection, payment_id: i64, code: &str) -> Result<(), AppError> {
    sqlx::query!("update payment set error_code = $2, updated_at = now() where payment_id = $1", payment_id, code)
        .execute(&mut *db)
        .await?;
    Ok(())
}

/// The error code noted on an attempt.
pub async fn error_code(db: &mut PgConnection, payment_id: i64) -> Result<Option<String>, AppError> {
    Ok(sqlx::query_scalar!("select error_code from payment where payment_id = $1", payment_id)
        .fetch_one(&mut *db)
        .await?)
}
