//! The Stripe adapter: the only place that knows Stripe's HTTP API and its integer minor units.
//!
//! Requests are built with async-stripe's typed builders and always carry an idempotency key
//! derived from our own ids. Responses are read into the small structs below, holding only the
//! fields we use: they parse from real Stripe and from the `localstripe` fake alike (the fake
//! omits fields that async-stripe's full types require).

use crate::domain::{Currency, Money, PaymentStatus};
use serde::Deserialize;
use std::collections::HashMap;
use stripe::IdempotencyKey;
use stripe::{Client, ClientBuilder, RequestStrategy, StripeError, StripeRequest};
use stripe_core::customer::CreateCustomer;
use stripe_core::payment_intent::{CreatePaymentIntent, CreatePaymentIntentOffSession, RetrievePaymentIntent};
use stripe_core::refund::CreateRefund;
use stripe_core::setup_intent::{CreateSetupIntent, CreateSetupIntentUsage, RetrieveSetupIntent};

mod signature;
pub use signature::{sign, verify_signature, WebhookError, WEBHOOK_TOLERANCE_SECS};

/// How Trame reaches Stripe, and what the browser needs to load Stripe.js.
pub struct Stripe {
    client: Client,
    /// `pk_...`, given to Stripe.js in the page.
    pub publishable_key: String,
    /// Where the browser loads Stripe.js from (`https://js.stripe.com/v3/`, or the fake).
    pub js_url: String,
    /// The API's base address, for the page's Content-Security-Policy.
    pub api_url: String,
    webhook_secret: String,
}

/// Stripe's settings, from the configuration.
pub struct StripeConfig {
    pub secret_key: String,
    pub publishable_key: String,
    pub webhook_secret: String,
    /// `https://api.stripe.com/`; the trailing slash matters.
    pub api_url: String,
    pub js_url: String,
}

/// Why a call to Stripe failed.
#[derive(Debug, thiserror::Error)]
pub enum PaymentError {
    /// The card was refused or needs its holder (402): the backer has to act. Stripe names the
    /// PaymentIntent it left behind (`authentication_required`: its secret lets the backer
    /// authenticate on the pay page).
    #[error("card refused: {code} ({message})")]
    Card { code: String, message: String, intent: Option<(String, Option<String>)> },
    /// Stripe refused the request as it stands (400, 404: e.g. cancelling an intent that
    /// already succeeded). Retrying the same request will not help; re-read the object.
    #[error("stripe refused: {0}")]
    Refused(String),
    /// Anything else: network, Stripe unavailable, a bug in the request. Worth retrying later.
    #[error("stripe: {0}")]
    Stripe(String),
}

impl From<StripeError> for PaymentError {
    fn from(e: StripeError) -> PaymentError {
        match e {
            StripeError::Stripe(err, 402) => PaymentError::Card {
                code: err.code.map(|c| c.as_str().to_owned()).unwrap_or_else(|| "card_declined".to_owned()),
                message: err.message.unwrap_or_default(),
                intent: err.payment_intent.map(|pi| (pi.id.to_string(), pi.client_secret)),
            },
            StripeError::Stripe(err, status @ (400 | 404)) => {
                PaymentError::Refused(format!("{status}: {}", err.message.unwrap_or_default()))
            }
            other => PaymentError::Stripe(other.to_string()),
        }
    }
}

/// A SetupIntent or PaymentIntent, as far as we read it.
#[derive(Debug, Clone, Deserialize)]
pub struct Intent {
    pub id: String,
    pub status: String,
    #[serde(default)]
    pub client_secret: Option<String>,
    #[serde(default)]
    pub customer: Option<String>,
    #[serde(default)]
    pub payment_method: Option<String>,
    #[serde(default)]
    pub amount: Option<i64>,
    #[serde(default)]
    pub currency: Option<String>,
    #[serde(default)]
    pub metadata: HashMap<String, String>,
    #[serde(default)]
    pub last_payment_error: Option<LastError>,
    #[serde(default)]
    pub last_setup_error: Option<LastError>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct LastError {
    #[serde(default)]
    pub code: Option<String>,
    #[serde(default)]
    pub message: Option<String>,
}

impl Intent {
    pub fn succeeded(&self) -> bool {
        self.status == "succeeded"
    }
    pub fn requires_action(&self) -> bool {
        self.status == "requires_action"
    }
    /// The attempt failed: the card was refused or authentication failed.
    pub fn failed(&self) -> bool {
        self.status == "canceled" || (self.status == "requires_payment_method" && self.error().is_some())
    }
    /// The status of our `payment` row that goes with this intent. `processing` (and
    /// `requires_capture`, which we never ask for) means money may still move: it stays open.
    pub fn payment_status(&self) -> PaymentStatus {
        match self.status.as_str() {
            "succeeded" => PaymentStatus::Succeeded,
            "requires_action" => PaymentStatus::RequiresAction,
            "processing" | "requires_capture" => PaymentStatus::Processing,
            "canceled" if self.error().is_some() => PaymentStatus::Failed,
            "canceled" => PaymentStatus::Cancelled,
            _ if self.failed() => PaymentStatus::Failed,
            _ => PaymentStatus::Pending,
        }
    }

    /// The amount Stripe holds for this intent, if it says.
    pub fn money(&self) -> Option<Money> {
        let currency = Currency::parse(&self.currency.as_deref()?.to_ascii_uppercase()).ok()?;
        Some(Money::from_minor_units(self.amount?, currency))
    }

    pub fn error(&self) -> Option<&LastError> {
        self.last_payment_error.as_ref().or(self.last_setup_error.as_ref())
    }
}

/// A Charge, as far as we read it (for `charge.refunded`).
#[derive(Debug, Clone, Deserialize)]
pub struct Charge {
    pub id: String,
    #[serde(default)]
    pub payment_intent: Option<String>,
    #[serde(default)]
    pub refunded: bool,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Created {
    pub id: String,
}

/// A verified webhook event, as far as we read it.
#[derive(Debug, Clone, Deserialize)]
pub struct Event {
    pub id: String,
    #[serde(rename = "type")]
    pub type_: String,
    pub data: EventData,
}

#[derive(Debug, Clone, Deserialize)]
pub struct EventData {
    pub object: serde_json::Value,
}

impl Event {
    /// Id of the object the event is about (`pi_...`, `seti_...`, `ch_...`).
    pub fn object_id(&self) -> Option<&str> {
        self.data.object.get("id").and_then(|v| v.as_str())
    }
}

/// How long a call to Stripe may take before it counts as failed.
const STRIPE_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

fn stripe_currency(c: Currency) -> stripe_types::Currency {
    match c {
        Currency::Chf => stripe_types::Currency::CHF,
        Currency::Eur => stripe_types::Currency::EUR,
    }
}

fn key(k: &str) -> Result<RequestStrategy, PaymentError> {
    IdempotencyKey::new(k)
        .map(RequestStrategy::Idempotent)
        .map_err(|e| PaymentError::Stripe(format!("idempotency key {k:?}: {e:?}")))
}

/// Reads a response into our own struct (through serde, see the module's doc).
fn read<T: serde::de::DeserializeOwned>(value: miniserde::json::Value) -> Result<T, PaymentError> {
    serde_json::from_str(&miniserde::json::to_string(&value))
        .map_err(|e| PaymentError::Stripe(format!("response: {e}")))
}

impl Stripe {
    pub fn new(config: StripeConfig) -> Result<Stripe, PaymentError> {
        let client = ClientBuilder::new(config.secret_key)
            .url(config.api_url.clone())
            .build()
            .map_err(|e| PaymentError::Stripe(e.to_string()))?;
        Ok(Stripe {
            client,
            publishable_key: config.publishable_key,
            js_url: config.js_url,
            api_url: config.api_url,
            webhook_secret: config.webhook_secret,
        })
    }

    /// Sends a request, with an idempotency key when it creates something, and reads the answer.
    async fn send<T: serde::de::DeserializeOwned>(
        &self,
        request: stripe_client_core::RequestBuilder,
        idempotency: Option<&str>,
    ) -> Result<T, PaymentError> {
        let mut request = request.customize::<miniserde::json::Value>();
        if let Some(k) = idempotency {
            request = request.request_strategy(key(k)?);
        }
        // a hung call must not hold a charge run (and its lock) for ever: it fails, and the
        // job runs again with the same idempotency key
        match tokio::time::timeout(STRIPE_TIMEOUT, request.send(&self.client)).await {
            Ok(answer) => read(answer?),
            Err(_) => Err(PaymentError::Stripe(format!("no answer within {} s", STRIPE_TIMEOUT.as_secs()))),
        }
    }

    pub async fn create_customer(&self, email: &str, user_id: i64, idempotency: &str) -> Result<String, PaymentError> {
        let request = CreateCustomer::new()
            .email(email)
            .metadata(HashMap::from([("trame_user".to_owned(), user_id.to_string())]));
        let created: Created = self.send(request.build(), Some(idempotency)).await?;
        Ok(created.id)
    }

    /// A SetupIntent that saves the card for charges when its holder is away; `owner` names
    /// what it is for in its metadata (`("trame_pledge", 42)`, `("trame_fund", 3)`).
    pub async fn create_setup_intent(
        &self,
        customer: &str,
        owner: (&str, i64),
        idempotency: &str,
    ) -> Result<Intent, PaymentError> {
        let request = CreateSetupIntent::new()
            .customer(customer)
            .usage(CreateSetupIntentUsage::OffSession)
            .metadata(HashMap::from([(owner.0.to_owned(), owner.1.to_string())]));
        self.send(request.build(), Some(idempotency)).await
    }

    pub async fn setup_intent(&self, id: &str) -> Result<Intent, PaymentError> {
        let request = RetrieveSetupIntent::new(id);
        self.send(request.build(), None).await
    }

    /// Charges a saved card. `off_session`: the holder is away (the charge run, the final retry).
    /// A refused card is `PaymentError::Card`; one that needs authentication comes back as an
    /// intent in `requires_action`. `owner` names our record of it in its metadata
    /// (`("trame_payment", 42)`, `("trame_fund_charge", 3)`).
    pub async fn charge(
        &self,
        customer: &str,
        payment_method: &str,
        amount: Money,
        off_session: bool,
        owner: (&str, i64),
        idempotency: &str,
    ) -> Result<Intent, PaymentError> {
        let minor = amount.to_minor_units().map_err(|e| PaymentError::Stripe(e.to_string()))?;
        let mut request = CreatePaymentIntent::new(minor, stripe_currency(amount.currency()))
            .customer(customer)
            .payment_method(payment_method)
            .confirm(true)
            .metadata(HashMap::from([(owner.0.to_owned(), owner.1.to_string())]));
        if off_session {
            request = request.off_session(CreatePaymentIntentOffSession::Bool(true));
        }
        self.send(request.build(), Some(idempotency)).await
    }

    pub async fn payment_intent(&self, id: &str) -> Result<Intent, PaymentError> {
        let request = RetrievePaymentIntent::new(id);
        self.send(request.build(), None).await
    }

    pub async fn charge_object(&self, id: &str) -> Result<Charge, PaymentError> {
        let request =
            stripe_client_core::RequestBuilder::new(stripe_client_core::StripeMethod::Get, format!("/charges/{id}"));
        self.send(request, None).await
    }

    /// Refunds a payment in full.
    pub async fn refund(&self, payment_intent: &str, idempotency: &str) -> Result<Created, PaymentError> {
        let request = CreateRefund::new().payment_intent(payment_intent);
        self.send(request.build(), Some(idempotency)).await
    }

    /// Cancels a PaymentIntent that is not final (superseded, or its pledge ended). Stripe
    /// refuses when it already succeeded or is processing: the caller re-reads it then.
    pub async fn cancel_payment_intent(&self, id: &str) -> Result<Intent, PaymentError> {
        let request = stripe_client_core::RequestBuilder::new(
            stripe_client_core::StripeMethod::Post,
            format!("/payment_intents/{id}/cancel"),
        );
        self.send(request, None).await
    }

    /// Forgets a saved card (the campaign failed: it will never be charged).
    pub async fn detach(&self, payment_method: &str) -> Result<(), PaymentError> {
        let request = stripe_client_core::RequestBuilder::new(
            stripe_client_core::StripeMethod::Post,
            format!("/payment_methods/{payment_method}/detach"),
        );
        let _: serde_json::Value = self.send(request, None).await?;
        Ok(())
    }

    /// Checks a webhook's `Stripe-Signature` (`t=...,v1=...`) against the configured secret and
    /// `now`, then reads the event.
    pub fn verify_event(&self, payload: &[u8], header: &str, now: i64) -> Result<Event, WebhookError> {
        verify_signature(payload, header, &self.webhook_secret, now)?;
        serde_json::from_slice(payload).map_err(|e| WebhookError::BadBody(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intents_read_from_the_fake_s_json() {
        let json = r#"{"id":"pi_1","object":"payment_intent","status":"requires_payment_method","amount":4500,
            "last_payment_error":{"code":"card_declined","message":"Your card was declined."}}"#;
        let intent: Intent = serde_json::from_str(json).unwrap();
        assert!(intent.failed() && !intent.succeeded());
        assert_eq!(intent.error().and_then(|e| e.code.as_deref()), Some("card_declined"));
    }
}
