//! The queues of background work: what a task is, and how to put one in a queue inside the
//! caller's transaction. Payments and email use this; the workers (`workers.rs`) take the tasks
//! out and dispatch them. Nothing here knows what a task does, so nothing here imports them.
//!
//! underway enqueues through a `Job`, which also carries the step a worker runs. The handles
//! here are built with a step that refuses to run: workers are built apart, on the same queue
//! names, with the real steps.

use crate::domain::{CampaignId, PledgeId};
use crate::error::AppError;
use serde::{Deserialize, Serialize};
use sqlx::{PgConnection, PgPool};
use underway::task::{Error as TaskError, RetryPolicy};
use underway::Job;

/// Input of the email job: the outbox row to send.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DeliverEmail {
    pub email_outbox_id: i64,
}

/// The payment work, one queue for all of it. Every task is safe to run twice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "task", rename_all = "snake_case")]
pub enum Task {
    /// A pending pledge's hold passed: give its unit back unless it was paid for.
    ReleaseHold { pledge_id: PledgeId },
    /// An approved campaign's start: it opens to pledges, and the pages cached before it
    /// (which showed "opens on") are rebuilt.
    OpenCampaign { campaign_id: CampaignId },
    /// The campaign's deadline: decide, freeze the totals, start settling.
    CloseCampaign { campaign_id: CampaignId },
    /// Charge, release or refund the next batch of a closed campaign's pledges.
    Settle { campaign_id: CampaignId },
    /// Payment recovery of a failed charge: reminders, then the final retry.
    Recover { pledge_id: PledgeId, step: i32 },
    /// Gives back a succeeded charge its pledge cannot keep (cancelled, dropped, paid twice, or
    /// charged an amount other than the one asked).
    RefundCharge { payment_id: i64 },
    /// A pledge ended (dropped at the close) while a payment of it may be open at Stripe:
    /// cancel it there.
    CancelOpenCharge { pledge_id: PledgeId },
    /// Charges a match fund's partner for what it matched on collected pledges, less what was
    /// charged before (nothing while an all-or-nothing campaign has not succeeded).
    ChargeFund { match_fund_id: i64 },
}

/// Queue names, shared with the workers.
pub(super) const EMAIL_QUEUE: &str = "deliver-email";
pub(super) const PAYMENTS_QUEUE: &str = "payments";

/// 30 s, 1 min, 2 min... up to 30 min between tries, 8 tries.
pub(super) fn email_retries() -> RetryPolicy {
    RetryPolicy::builder()
        .max_attempts(8)
        .initial_interval_ms(30_000)
        .max_interval_ms(1_800_000)
        .backoff_coefficient(2.0)
        .build()
}

/// 10 s, 20 s, 40 s... up to 10 min between tries, 20 tries.
pub(super) fn payment_retries() -> RetryPolicy {
    RetryPolicy::builder()
        .max_attempts(20)
        .initial_interval_ms(10_000)
        .max_interval_ms(600_000)
        .backoff_coefficient(2.0)
        .build()
}

/// Puts tasks in the queues. Cheap to share.
pub struct Queue {
    email: Job<DeliverEmail, ()>,
    tasks: Job<Task, ()>,
}

fn span(d: chrono::Duration) -> jiff::Span {
    jiff::Span::new().milliseconds(d.num_milliseconds().max(0))
}

fn failed(e: underway::job::Error) -> AppError {
    AppError::internal("enqueue", &e)
}

impl Queue {
    /// Creates the queues (idempotent) and the handles that fill them.
    pub async fn build(pool: PgPool) -> Result<Queue, underway::job::Error> {
        let email = Job::builder()
            .step(|_cx, _: DeliverEmail| async move { Err::<underway::To<()>, _>(not_a_worker()) })
            .retry_policy(email_retries())
            .name(EMAIL_QUEUE)
            .pool(pool.clone())
            .build()
            .await?;
        let tasks = Job::builder()
            .step(|_cx, _: Task| async move { Err::<underway::To<()>, _>(not_a_worker()) })
            .retry_policy(payment_retries())
            .name(PAYMENTS_QUEUE)
            .pool(pool)
            .build()
            .await?;
        Ok(Queue { email, tasks })
    }

    /// Queues a task inside the caller's transaction.
    pub async fn enqueue(&self, db: &mut PgConnection, task: &Task) -> Result<(), AppError> {
        self.tasks.enqueue_using(&mut *db, task).await.map_err(failed)?;
        Ok(())
    }

    /// Queues a task to run after `delay`, inside the caller's transaction.
    pub async fn enqueue_after(
        &self,
        db: &mut PgConnection,
        task: &Task,
        delay: chrono::Duration,
    ) -> Result<(), AppError> {
        self.tasks.enqueue_after_using(&mut *db, task, span(delay)).await.map_err(failed)?;
        Ok(())
    }

    /// Queues the delivery of an outbox email inside the caller's transaction.
    pub async fn enqueue_email(&self, db: &mut PgConnection, email: &DeliverEmail) -> Result<(), AppError> {
        self.email.enqueue_using(&mut *db, email).await.map_err(failed)?;
        Ok(())
    }
}

/// These handles only enqueue; a worker that dequeued with one would be a wiring bug.
fn not_a_worker() -> TaskError {
    TaskError::Retryable("an enqueue handle was asked to run a task".into())
}
