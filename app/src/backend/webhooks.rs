//! `POST /webhooks/stripe`: Stripe tells us what happened to our intents and charges.
//!
//! The signature is checked first (configured secret, 300 s tolerance). Each event is stored by
//! its id in the transaction that applies it, so a replay does nothing. Events are applied from
//! the object's state as Stripe reports it now (re-read), not from the event's copy: arriving
//! out of order cannot move a pledge backwards.

use super::stripe::Intent;
use super::AppState;
use crate::error::AppError;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

/// What became of a delivered event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applied {
    Applied,
    /// Seen before: nothing done.
    Duplicate,
    /// Not an event we act on (stored anyway).
    Ignored,
}

pub async fn stripe_webhook(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let signature = headers.get("stripe-signature").and_then(|v| v.to_str().ok()).unwrap_or_default();
    let event = match state.stripe.verify_event(&body, signature, chrono::Utc::now().timestamp()) {
        Ok(event) => event,
        Err(e) => {
            tracing::warn!(error = %e, "webhook refused");
            return (StatusCode::BAD_REQUEST, e.to_string()).into_response();
        }
    };
    match apply(&state, &event, &body).await {
        Ok(outcome) => {
            tracing::info!(event = %event.id, kind = %event.type_, ?outcome, "webhook");
            (StatusCode::OK, "ok").into_response()
        }
        Err(e) => {
            // Stripe retries later; nothing was stored
            tracing::error!(event = %event.id, error = %e, "webhook not applied");
            (StatusCode::INTERNAL_SERVER_ERROR, "retry later").into_response()
        }
    }
}

/// Applies one verified event, once.
pub async fn apply(state: &AppState, event: &super::stripe::Event, body: &[u8]) -> Result<Applied, AppError> {
    let seen = sqlx::query_scalar!("select 1 as one from stripe_event where stripe_event_id = $1", event.id)
        .fetch_optional(&state.pool)
        .await?;
    if seen.is_some() {
        return Ok(Applied::Duplicate);
    }
    let payments = state.payments();
    let object = event.object_id().map(str::to_owned);
    // re-read the object from Stripe before the transaction (no network inside it)
    enum Fresh {
        Setup(Intent),
        Payment(Intent),
        Refunded(Intent),
        Nothing,
    }
    let fresh = match (event.type_.as_str(), object.as_deref()) {
        ("setup_intent.succeeded" | "setup_intent.setup_failed", Some(id)) => {
            Fresh::Setup(state.stripe.setup_intent(id).await?)
        }
        (
            "payment_intent.succeeded"
            | "payment_intent.payment_failed"
            | "payment_intent.requires_action"
            | "payment_intent.processing"
            | "payment_intent.canceled",
            Some(id),
        ) => Fresh::Payment(state.stripe.payment_intent(id).await?),
        ("charge.refunded", Some(id)) => {
            let charge = state.stripe.charge_object(id).await?;
            match (charge.refunded, charge.payment_intent) {
                (true, Some(pi)) => Fresh::Refunded(state.stripe.payment_intent(&pi).await?),
                _ => Fresh::Nothing,
            }
        }
        _ => Fresh::Nothing,
    };
    let payload: serde_json::Value =
        serde_json::from_slice(body).map_err(|e| AppError::internal("webhook payload", &e))?;
    let mut tx = state.pool.begin().await?;
    let stored = sqlx::query_scalar!(
        "insert into stripe_event (stripe_event_id, event_type, object_id, payload, processed_at)
         values ($1, $2, $3, $4, now()) on conflict do nothing returning stripe_event_id",
        event.id,
        event.type_,
        object,
        payload
    )
    .fetch_optional(&mut *tx)
    .await?;
    if stored.is_none() {
        return Ok(Applied::Duplicate);
    }
    let mut charge_now = None;
    let outcome = match &fresh {
        Fresh::Setup(intent) => {
            charge_now = payments.apply_setup_intent_in(&mut tx, intent).await?;
            Applied::Applied
        }
        Fresh::Payment(intent) => {
            payments.apply_payment_intent_in(&mut tx, intent).await?;
            Applied::Applied
        }
        Fresh::Refunded(intent) => {
            payments.apply_refunded_charge(&mut tx, intent).await?;
            Applied::Applied
        }
        Fresh::Nothing => Applied::Ignored,
    };
    tx.commit().await?;
    if let Some(pledge) = charge_now {
        // a flexible pledge's card was saved while the backer was away from the page
        payments.charge(pledge, false).await?;
    }
    Ok(outcome)
}
