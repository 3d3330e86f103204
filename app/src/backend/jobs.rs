//! Durable background jobs on PostgreSQL (underway: `FOR UPDATE SKIP LOCKED` workers, retries
//! with exponential backoff, jobs scheduled at a time, enqueued inside our own transactions).
//! Every server process runs the workers by default; several processes share the queues safely.

use super::email::{self, Mailer};
use super::payments::Payments;
use super::stripe::Stripe;
use serde::{Deserialize, Serialize};
use sqlx::{PgConnection, PgPool};
use std::sync::{Arc, OnceLock, Weak};
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

/// The payment work, one queue for all of it. Every task is safe to run twice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "task", rename_all = "snake_case")]
pub enum Task {
    /// A pending pledge's 15 minutes passed: give its unit back unless a card was saved.
    ReleaseHold { pledge_id: i64 },
    /// The campaign's deadline: decide, freeze the totals, start settling.
    CloseCampaign { campaign_id: i64 },
    /// Charge, release or refund the next batch of a closed campaign's pledges.
    Settle { campaign_id: i64 },
    /// Payment recovery of a failed charge: reminders, then the final retry.
    Recover { pledge_id: i64, step: i32 },
}

/// What the jobs need besides the database.
#[derive(Clone)]
pub struct JobState {
    pub mailer: Arc<Mailer>,
    pub stripe: Arc<Stripe>,
    pub public_url: Arc<str>,
    /// The jobs themselves, to queue follow-up work (set once built). Weak: the jobs hold this
    /// state, and a cycle would keep them and their pool alive for ever.
    pub jobs: Arc<OnceLock<Weak<Jobs>>>,
}

/// Every job of Trame.
pub struct Jobs {
    pub deliver_email: Job<DeliverEmail, JobState>,
    pub tasks: Job<Task, JobState>,
}

fn span(d: chrono::Duration) -> jiff::Span {
    jiff::Span::new().milliseconds(d.num_milliseconds().max(0))
}

impl Jobs {
    /// Creates the queues (idempotent) and the job definitions.
    pub async fn build(
        pool: PgPool,
        mailer: Arc<Mailer>,
        stripe: Arc<Stripe>,
        public_url: &str,
    ) -> Result<Arc<Jobs>, underway::job::Error> {
        let cell = Arc::new(OnceLock::new());
        let state = JobState { mailer, stripe, public_url: Arc::from(public_url), jobs: cell.clone() };
        let deliver_email = Job::builder()
            .state(state.clone())
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
            .pool(pool.clone())
            .build()
            .await?;
        let task_pool = pool.clone();
        let tasks = Job::builder()
            .state(state)
            .step(move |cx, task: Task| {
                let pool = task_pool.clone();
                async move {
                    // the work uses its own connections: a settle run calls Stripe many times
                    drop(cx.tx);
                    let Some(jobs) = cx.state.jobs.get().and_then(Weak::upgrade) else {
                        return Err(TaskError::Retryable("jobs not ready".into()));
                    };
                    let payments = Payments {
                        pool: &pool,
                        stripe: &cx.state.stripe,
                        jobs: &jobs,
                        public_url: &cx.state.public_url,
                    };
                    run(&payments, &task).await.map_err(|e| TaskError::Retryable(e.to_string()))?;
                    To::done()
                }
            })
            // 10 s, 20 s, 40 s... up to 10 min between tries, 20 tries
            .retry_policy(
                RetryPolicy::builder()
                    .max_attempts(20)
                    .initial_interval_ms(10_000)
                    .max_interval_ms(600_000)
                    .backoff_coefficient(2.0)
                    .build(),
            )
            .name("payments")
            .pool(pool)
            .build()
            .await?;
        let jobs = Arc::new(Jobs { deliver_email, tasks });
        let _ = cell.set(Arc::downgrade(&jobs));
        Ok(jobs)
    }

    /// Queues a task inside the caller's transaction.
    pub async fn enqueue(&self, db: &mut PgConnection, task: &Task) -> Result<(), crate::error::AppError> {
        self.tasks.enqueue_using(&mut *db, task).await.map_err(|e| crate::error::AppError::internal("enqueue", &e))?;
        Ok(())
    }

    /// Queues a task to run after `delay`, inside the caller's transaction.
    pub async fn enqueue_after(
        &self,
        db: &mut PgConnection,
        task: &Task,
        delay: chrono::Duration,
    ) -> Result<(), crate::error::AppError> {
        self.tasks
            .enqueue_after_using(&mut *db, task, span(delay))
            .await
            .map_err(|e| crate::error::AppError::internal("enqueue", &e))?;
        Ok(())
    }

    /// Starts this process's workers. They wake on Postgres notifications, and also look for due
    /// work every `poll` (delayed retries and jobs scheduled at a time become due silently).
    pub fn start(&self, poll: Duration) -> Workers {
        let token = CancellationToken::new();
        let period = jiff::Span::new().milliseconds(i64::try_from(poll.as_millis()).unwrap_or(i64::MAX));
        let mut tasks = Vec::new();
        let mut email_worker = self.deliver_email.worker();
        email_worker.set_shutdown_token(token.clone());
        tasks.push(tokio::spawn(async move {
            if let Err(e) = email_worker.run_every(period).await {
                tracing::error!(error = %e, "email worker stopped");
            }
        }));
        let mut task_worker = self.tasks.worker();
        task_worker.set_shutdown_token(token.clone());
        tasks.push(tokio::spawn(async move {
            if let Err(e) = task_worker.run_every(period).await {
                tracing::error!(error = %e, "payments worker stopped");
            }
        }));
        Workers { token, tasks }
    }
}

/// Runs one task (the worker calls this; tests may too).
pub async fn run(payments: &Payments<'_>, task: &Task) -> Result<(), crate::error::AppError> {
    match *task {
        Task::ReleaseHold { pledge_id } => payments.release_hold(pledge_id).await,
        Task::CloseCampaign { campaign_id } => payments.close_campaign(campaign_id).await,
        Task::Settle { campaign_id } => {
            if payments.settle(campaign_id).await? {
                let mut db = payments.pool.acquire().await?;
                payments.jobs.enqueue(&mut db, &Task::Settle { campaign_id }).await?;
            }
            Ok(())
        }
        Task::Recover { pledge_id, step } => payments.recover(pledge_id, step).await,
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

/// Makes sure every live campaign has its close job waiting (a campaign published before this
/// version, or a queue emptied by hand). Runs at start-up; the close itself is idempotent.
pub async fn schedule_closes(pool: &PgPool, jobs: &Jobs) -> Result<usize, crate::error::AppError> {
    // one query: the live campaigns with no close waiting in underway's own table (not part of
    // our compile-checked schema), which keeps a job's input under `step_input`
    let due: Vec<(i64, i64)> = sqlx::query_as(
        "select c.campaign_id, greatest(0, (extract(epoch from c.ends_at - now()) * 1000)::bigint)
         from campaign c
         where c.status = 'live' and not exists (
             select 1 from underway.task t
             where t.task_queue_name = 'payments' and t.state in ('pending', 'in_progress')
               and t.input->'step_input'->>'task' = 'close_campaign'
               and (t.input->'step_input'->>'campaign_id')::bigint = c.campaign_id)",
    )
    .fetch_all(pool)
    .await?;
    let mut db = pool.acquire().await?;
    for (campaign_id, wait_ms) in &due {
        let wait = chrono::Duration::milliseconds(*wait_ms);
        jobs.enqueue_after(&mut db, &Task::CloseCampaign { campaign_id: *campaign_id }, wait).await?;
    }
    let scheduled = due.len();
    Ok(scheduled)
}
