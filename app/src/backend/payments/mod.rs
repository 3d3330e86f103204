//! Money at work, one file per job: saving cards (`card`), charging them (`charge`), payment
//! recovery (`recovery`), closing and settling campaigns (`settle`), refunds (`refund`), the
//! backer's own changes (`backer`), match funds' cards and charges (`funds`) and the emails all
//! of them send (`notices`).
//!
//! Stripe is called outside our transactions; what it answers is applied inside one, by the same
//! functions whether the answer came back from a call, a webhook or a re-read.
//!
//! Exactly-once charging: a charge is first written as a `payment` row with an idempotency key
//! made of the deployment's id and ours (`trame-prod-pledge-42-charge-1`), committed, then sent
//! to Stripe with that key. A run that dies anywhere is rerun: a row Stripe never answered is
//! sent again with the same key (Stripe returns the first result), a charge Stripe may still be
//! working on blocks any new attempt and is re-read first, and a pledge whose charge succeeded is
//! never charged again.

mod backer;
mod card;
mod charge;
mod funds;
mod notices;
mod recovery;
mod refund;
mod settle;

pub use card::pay_step;
pub use funds::FundCardStep;
pub use settle::{Settled, SETTLE_BATCH};

use super::jobs::Queue;
use super::stripe::{PaymentError, Stripe};
use super::Settings;
use crate::domain::PledgeId;
use crate::error::AppError;
use sqlx::PgPool;

/// Days a backer has to pay after a failed charge before the pledge is dropped.
pub const RECOVERY_DAYS: i64 = 7;
/// Hours between payment reminders.
pub const REMINDER_HOURS: i64 = 48;

/// What the payment code needs.
#[derive(Clone, Copy)]
pub struct Payments<'a> {
    pub pool: &'a PgPool,
    pub stripe: &'a Stripe,
    pub queue: &'a Queue,
    pub settings: &'a Settings,
}

impl From<PaymentError> for AppError {
    fn from(e: PaymentError) -> AppError {
        AppError::internal("stripe", &e)
    }
}

/// The idempotency keys of the requests that create something at Stripe. The deployment's id
/// comes first: two deployments sharing a Stripe account (staging and production, or a database
/// restored under new pledges) never send the same key for different things.
pub struct Keys<'a>(pub &'a str);

impl Keys<'_> {
    pub fn customer(&self, pledge: PledgeId) -> String {
        format!("{}-pledge-{pledge}-customer", self.0)
    }
    pub fn setup(&self, pledge: PledgeId, attempt: i32) -> String {
        format!("{}-pledge-{pledge}-setup-{attempt}", self.0)
    }
    pub fn charge(&self, pledge: PledgeId, attempt: i32) -> String {
        format!("{}-pledge-{pledge}-charge-{attempt}", self.0)
    }
    /// The refund of the charge attempt `attempt`.
    pub fn refund(&self, pledge: PledgeId, attempt: i32) -> String {
        format!("{}-pledge-{pledge}-refund-{attempt}", self.0)
    }
}

impl<'a> Payments<'a> {
    fn keys(&self) -> Keys<'a> {
        Keys(&self.settings.deployment_id)
    }

    /// An absolute link for emails.
    fn link(&self, path: &str) -> String {
        self.settings.links.absolute(path)
    }
}
