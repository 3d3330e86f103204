//! Durable background jobs on PostgreSQL (underway: `FOR UPDATE SKIP LOCKED` workers, retries
//! with exponential backoff, jobs scheduled at a time, enqueued inside our own transactions).
//! Every server process runs a worker by default; several processes share the queue safely.

use super::email::{self, Mailer};
use serde::{Deserialize, Serialize};
use sqlx::PgPool;
use std::sync::Arc;
use std::time::Duration;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;
use underway::task::{Error as TaskError, RetryPolicy};
use underway::{Job, To};

/// Input of the email job: the outbox row to send.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DeliverEmail {
    pub email_outbox_id: i64,
}

/// What the jobs need besides the database.
#[derive(Clone)]
pub struct JobState {
    pub mailer: Arc<Mailer>,
}

/// Every job of Trame.
pub struct Jobs {
    pub deliver_email: Job<DeliverEmail, JobState>,
}

impl Jobs {
    /// Creates the queues (idempotent) and the job definitions.
    pub async fn build(pool: PgPool, mailer: Arc<Mailer>) -> Result<Jobs, underway::job::Error> {
        let deliver_email = Job::builder()
            .state(JobState { mailer })
            .step(|cx, DeliverEmail { email_outbox_id }| async move {
                let mut tx = cx.tx;
                let sent = email::deliver(&mut tx, &cx.state.mailer, email_outbox_id).await;
                // keep the attempt's record even when sending failed
                tx.commit().await?;
                sent.map_err(TaskError::Retryable)?;
                To::done()
            })
            // 30 s, 1 min, 2 min... up to 30 min between tries, 8 tries
            .retry_policy(
                RetryPolicy::builder()
                    .max_attempts(8)
                    .initial_interval_ms(30_000)
                    .max_interval_ms(1_800_000)
                    .backoff_coefficient(2.0)
                    .build(),
            )
            .name("deliver-email")
            .pool(pool)
            .build()
            .await?;
        Ok(Jobs { deliver_email })
    }

    /// Starts this process's workers. They wake on Postgres notifications, and also look for due
    /// work every `poll` (delayed retries and jobs scheduled at a time become due silently).
    pub fn start(&self, poll: Duration) -> Workers {
        let token = CancellationToken::new();
        let mut tasks = Vec::new();
        let mut worker = self.deliver_email.worker();
        worker.set_shutdown_token(token.clone());
        tasks.push(tokio::spawn(async move {
            let period = jiff::Span::new().milliseconds(i64::try_from(poll.as_millis()).unwrap_or(i64::MAX));
            if let Err(e) = worker.run_every(period).await {
                tracing::error!(error = %e, "email worker stopped");
            }
        }));
        Workers { token, tasks }
    }
}

/// The running workers of this process.
pub struct Workers {
    token: CancellationToken,
    tasks: Vec<JoinHandle<()>>,
}

impl Workers {
    /// Stops taking new work and waits for the jobs in progress to finish.
    pub async fn stop(self) {
        self.token.cancel();
        for task in self.tasks {
            let _ = task.await;
        }
    }
}
