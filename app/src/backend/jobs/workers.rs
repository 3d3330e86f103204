//! This process's workers: they take tasks out of the queues (`FOR UPDATE SKIP LOCKED`, so
//! several processes share them safely) and dispatch each to the code that does it.

use super::queue::{self, DeliverEmail, Queue, Task};
use crate::backend::email::{self, Mailer};
use crate::backend::payments::Payments;
use crate::backend::stripe::Stripe;
use crate::backend::Settings;
use crate::error::AppError;
use sqlx::PgPool;
use std::sync::Arc;
use std::time::Duration;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;
use underway::task::Error as TaskError;
use underway::{Job, To};

/// What the workers need: the same things the server functions have.
#[derive(Clone)]
pub struct WorkerContext {
    pub pool: PgPool,
    pub mailer: Arc<Mailer>,
    pub stripe: Arc<Stripe>,
    pub queue: Arc<Queue>,
    pub settings: Arc<Settings>,
}

impl WorkerContext {
    fn payments(&self) -> Payments<'_> {
        Payments { pool: &self.pool, stripe: &self.stripe, queue: &self.queue, settings: &self.settings }
    }
}

/// Runs one payment task (the worker calls this; tests may too).
pub async fn run(payments: &Payments<'_>, task: &Task) -> Result<(), AppError> {
    match *task {
        Task::ReleaseHold { pledge_id } => payments.release_hold(pledge_id).await,
        Task::OpenCampaign { campaign_id } => {
            let mut db = payments.pool.acquire().await?;
            crate::backend::db::studio::review::opened(&mut db, campaign_id).await
        }
        Task::CloseCampaign { campaign_id } => payments.close_campaign(campaign_id).await,
        Task::Settle { campaign_id } => payments.settle_and_continue(campaign_id).await,
        Task::Recover { pledge_id, step } => payments.recover(pledge_id, step).await,
        Task::RefundCharge { payment_id } => payments.refund_charge(payment_id).await,
        Task::CancelOpenCharge { pledge_id } => payments.end_open_charge(pledge_id).await,
        Task::ChargeFund { match_fund_id } => payments.charge_fund(match_fund_id).await,
    }
}

/// Starts this process's workers. They wake on Postgres notifications, and also look for due
/// work every `poll` (delayed retries and tasks scheduled at a time become due silently).
pub async fn start(context: WorkerContext, poll: Duration) -> Result<Workers, underway::job::Error> {
    let token = CancellationToken::new();
    let period = jiff::Span::new().milliseconds(i64::try_from(poll.as_millis()).unwrap_or(i64::MAX));
    let email_job = Job::builder()
        .state(context.clone())
        .step(|cx, DeliverEmail { email_outbox_id }| async move {
            let mut tx = cx.tx;
            let sent = email::deliver(&mut tx, &cx.state.mailer, email_outbox_id).await;
            // keep the attempt's record even when sending failed
            tx.commit().await?;
            sent.map_err(TaskError::Retryable)?;
            To::done()
        })
        .retry_policy(queue::email_retries())
        .name(queue::EMAIL_QUEUE)
        .pool(context.pool.clone())
        .build()
        .await?;
    let task_job = Job::builder()
        .state(context.clone())
        .step(|cx, task: Task| async move {
            // the work uses its own connections: a settle run calls Stripe many times
            drop(cx.tx);
            run(&cx.state.payments(), &task).await.map_err(|e| TaskError::Retryable(e.to_string()))?;
            To::done()
        })
        .retry_policy(queue::payment_retries())
        .name(queue::PAYMENTS_QUEUE)
        .pool(context.pool.clone())
        .build()
        .await?;
    let mut tasks = Vec::new();
    let mut email_worker = email_job.worker();
    email_worker.set_shutdown_token(token.clone());
    tasks.push(tokio::spawn(async move {
        if let Err(e) = email_worker.run_every(period).await {
            tracing::error!(error = %e, "email worker stopped");
        }
    }));
    let mut task_worker = task_job.worker();
    task_worker.set_shutdown_token(token.clone());
    tasks.push(tokio::spawn(async move {
        if let Err(e) = task_worker.run_every(period).await {
            tracing::error!(error = %e, "payments worker stopped");
        }
    }));
    Ok(Workers { token, tasks })
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
pub async fn schedule_closes(pool: &PgPool, queue: &Queue) -> Result<usize, AppError> {
    // one query: the live campaigns with no close waiting in underway's own table (not part of
    // our compile-checked schema), which keeps a job's input under `step_input`
    let due: Vec<(i64, i64)> = sqlx::query_as(
        "select c.campaign_id, greatest(0, (extract(epoch from c.ends_at - now()) * 1000)::bigint)
         from campaign c
         where c.status = 'live' and not exists (
             select 1 from underway.task t
             where t.task_queue_name = $1 and t.state in ('pending', 'in_progress')
               and t.input->'step_input'->>'task' = 'close_campaign'
               and (t.input->'step_input'->>'campaign_id')::bigint = c.campaign_id)",
    )
    .bind(queue::PAYMENTS_QUEUE)
    .fetch_all(pool)
    .await?;
    let mut db = pool.acquire().await?;
    for (campaign_id, wait_ms) in &due {
        let task = Task::CloseCampaign { campaign_id: crate::domain::CampaignId(*campaign_id) };
        queue.enqueue_after(&mut db, &task, chrono::Duration::milliseconds(*wait_ms)).await?;
    }
    Ok(due.len())
}
