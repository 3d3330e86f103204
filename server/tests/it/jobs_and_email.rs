//! Durable jobs (underway on PostgreSQL) and the email outbox with its file transport.

use crate::support::TestApp;
use sqlx::PgPool;
use std::time::Duration;
use underway::task::{Error as TaskError, RetryPolicy};
use underway::{Job, To};

async fn runs(pool: &PgPool) -> i64 {
    // a table of this test only: not in the migrations, so not checked at compile time
    sqlx::query_scalar("select count(*) from job_run").fetch_one(pool).await.unwrap()
}

async fn wait_for(what: &str, mut done: impl AsyncFnMut() -> bool) {
    for _ in 0..200 {
        if done().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("timed out waiting for {what}");
}

/// A worker polling every 50 ms (the server's poll every second), stopped by `stop`.
struct Running {
    token: tokio_util::sync::CancellationToken,
    task: tokio::task::JoinHandle<()>,
}

impl Running {
    async fn stop(self) {
        self.token.cancel();
        let _ = self.task.await;
    }
}

fn start<I, S>(job: &Job<I, S>) -> Running
where
    I: serde::Serialize + serde::de::DeserializeOwned + Send + Sync + 'static,
    S: Clone + Send + Sync + 'static,
{
    let token = tokio_util::sync::CancellationToken::new();
    let mut worker = job.worker();
    worker.set_shutdown_token(token.clone());
    let task = tokio::spawn(async move {
        let _ = worker.run_every(jiff::Span::new().milliseconds(50)).await;
    });
    Running { token, task }
}

async fn job_table(pool: &PgPool) {
    trame::startup::migrate(pool).await.unwrap();
    sqlx::query(
        "create table job_run (job_run_id serial primary key, at timestamptz not null default clock_timestamp())",
    )
    .execute(pool)
    .await
    .unwrap();
}

#[sqlx::test(migrations = "../migrations")]
async fn a_job_due_in_the_past_runs_once_even_with_two_workers(pool: PgPool) {
    job_table(&pool).await;
    let job = Job::builder()
        .step(|cx, ()| async move {
            let mut tx = cx.tx;
            sqlx::query("insert into job_run default values").execute(&mut *tx).await?;
            tx.commit().await?;
            To::done()
        })
        .name("count-once")
        .pool(pool.clone())
        .build()
        .await
        .unwrap();
    // due before the workers start: a deadline that passed while no server was running
    job.enqueue(&()).await.unwrap();
    sqlx::query("update underway.task set created_at = now() - interval '1 hour'").execute(&pool).await.unwrap();
    // two workers, as two server processes would run
    let (first, second) = (start(&job), start(&job));
    wait_for("the job", async || runs(&pool).await > 0).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(runs(&pool).await, 1);
    first.stop().await;
    second.stop().await;
}

#[sqlx::test(migrations = "../migrations")]
async fn a_failing_job_is_retried_until_it_succeeds(pool: PgPool) {
    job_table(&pool).await;
    let job = Job::builder()
        .step(|cx, ()| async move {
            let mut tx = cx.tx;
            sqlx::query("insert into job_run default values").execute(&mut *tx).await?;
            let n: i64 = sqlx::query_scalar("select count(*) from job_run").fetch_one(&mut *tx).await?;
            // the attempt is recorded even when it fails
            tx.commit().await?;
            if n < 3 {
                return Err(TaskError::Retryable(format!("attempt {n} failed")));
            }
            To::done()
        })
        .retry_policy(RetryPolicy::builder().max_attempts(5).initial_interval_ms(300).backoff_coefficient(2.0).build())
        .name("flaky")
        .pool(pool.clone())
        .build()
        .await
        .unwrap();
    // underway counts a retry's delay from the task's creation (`created_at + delay <= now()`),
    // not from the failed attempt: attempt n starts no sooner than 0.3 × 2^(n-2) s after the
    // enqueue. (Gaps between attempts are shorter by however late the first attempt started, a
    // few dozen ms on a loaded machine: measuring them made this test fail under load.)
    let enqueued: f64 =
        sqlx::query_scalar("select extract(epoch from clock_timestamp())::float8").fetch_one(&pool).await.unwrap();
    job.enqueue(&()).await.unwrap();
    let handle = start(&job);
    wait_for("three attempts", async || runs(&pool).await >= 3).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(runs(&pool).await, 3, "two failures, then success, then nothing more");
    let started: Vec<f64> =
        sqlx::query_scalar("select extract(epoch from at)::float8 - $1 from job_run order by job_run_id")
            .bind(enqueued)
            .fetch_all(&pool)
            .await
            .unwrap();
    assert!(started[1] >= 0.3 && started[2] >= 0.6, "each retry waits its backoff: {started:?}");
    handle.stop().await;
}

fn emails(app: &TestApp) -> Vec<String> {
    std::fs::read_dir(&app.email_dir)
        .map(|dir| {
            dir.filter_map(|e| e.ok())
                .filter(|e| e.path().extension().is_some_and(|x| x == "eml"))
                .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                .collect()
        })
        .unwrap_or_default()
}

#[sqlx::test(migrations = "../migrations")]
async fn the_welcome_email_is_written_as_a_readable_eml_in_the_user_s_language(pool: PgPool) {
    let app = TestApp::spawn_with_workers(pool).await;
    let browser = app.browser();
    let response = browser
        .post(format!("{}/api/auth/sign-up", app.base))
        .header("accept", "application/json")
        .header("accept-language", "en-GB,en;q=0.9")
        .form(&[("email", "sam@example.org"), ("display_name", "Sam Haddad"), ("password", "fil rouge du Léman")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    wait_for("the email file", async || !emails(&app).is_empty()).await;
    let eml = emails(&app).remove(0);
    assert!(eml.contains("To: sam@example.org"), "{eml}");
    assert!(eml.contains("Subject: Welcome to Trame"), "{eml}");
    assert!(eml.contains("Content-Type: text/plain") && eml.contains("Content-Type: text/html"), "{eml}");
    assert!(eml.contains("Hello Sam Haddad,"), "{eml}");
    // the job records the delivery once the file is written
    wait_for("the outbox row marked sent", async || {
        sqlx::query_scalar!("select status from email_outbox").fetch_one(&app.pool).await.unwrap() == "sent"
    })
    .await;
    app.stop().await;
}
