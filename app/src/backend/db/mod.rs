//! Database queries, compile-checked (`query!`), each next to the function that needs it.
//! Functions take `&mut PgConnection` so the caller owns the connection or transaction.
//!
//! sqlx has both its `chrono` and `time` features on (the session store needs `time`), and then
//! its macros read `timestamptz` as `time::OffsetDateTime`: every timestamp or date column is
//! read with an override such as `ends_at as "ends_at: DateTime<Utc>"` (or `: _` in `query_as!`).

pub mod campaign_status;
pub mod campaigns;
pub mod designer_claims;
pub mod designers;
pub mod funds;
pub mod help;
pub mod partners;
pub mod payments;
pub mod pledges;
pub mod studio;
pub mod users;

use crate::domain::{Currency, Money};
use crate::error::AppError;
use rust_decimal::Decimal;

/// A value read from the database that should have parsed: a failure is a bug or a corrupted
/// row, so it is logged and reported as internal.
pub(crate) fn stored<T, E: std::error::Error + 'static>(parsed: Result<T, E>) -> Result<T, AppError> {
    parsed.map_err(|e| AppError::internal("unexpected value in the database", &e))
}

/// An amount stored next to its currency code.
pub(crate) fn money(amount: Decimal, currency: &str) -> Result<Money, AppError> {
    Ok(Money::new(amount, stored(Currency::parse(currency))?))
}
