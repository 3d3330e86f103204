use crate::error::AppError;
use leptos::prelude::*;

/// The server's clock in milliseconds since the Unix epoch: countdowns run on it, so a visitor
/// whose own clock is wrong still sees the true time left.
#[server(endpoint = "clock")]
pub async fn server_clock() -> Result<i64, AppError> {
    Ok(chrono::Utc::now().timestamp_millis())
}
