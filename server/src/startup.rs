//! Building and running the application: database pool, migrations, sessions, job workers,
//! router, graceful shutdown. Tests build it on port 0 against their own database.

use crate::config::Config;
use crate::live::Live;
use crate::overload::Budgets;
use crate::routes;
use crate::serve;
use app::backend::campaign_pages::CampaignPages;
use app::backend::email::{Mailer, MailerError};
use app::backend::jobs::{self, Queue, WorkerContext};
use app::backend::limits::RateLimits;
use app::backend::stripe::Stripe;
use app::backend::{AppState, Settings};
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tower_sessions::cookie::SameSite;
use tower_sessions::{ExpiredDeletion, Expiry, SessionManagerLayer};
use tower_sessions_sqlx_store::PostgresStore;

/// Migrations embedded in the binary, applied at start-up.
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../migrations");

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("cannot reach the database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("cannot apply the migrations: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("invalid Leptos configuration: {0}")]
    Leptos(#[from] leptos::config::errors::LeptosConfigError),
    #[error("cannot listen: {0}")]
    Listen(#[from] std::io::Error),
    #[error("email: {0}")]
    Mailer(#[from] MailerError),
    #[error("stripe: {0}")]
    Stripe(#[from] app::backend::stripe::PaymentError),
    #[error("job queues: {0}")]
    Jobs(#[from] underway::job::Error),
}

/// Connects to PostgreSQL and brings every schema up to date (ours, the job queue's, the
/// sessions'), refusing to start otherwise.
pub async fn connect_and_migrate(config: &Config) -> Result<PgPool, StartupError> {
    let pool = PgPoolOptions::new()
        .max_connections(config.database_max_connections)
        .acquire_timeout(Duration::from_secs(5))
        // no round trip to check a pooled connection before each use (a third more queries on
        // a campaign page): a connection found broken by its query is closed by the pool
        .test_before_acquire(false)
        .connect(config.database_url())
        .await?;
    migrate(&pool).await?;
    Ok(pool)
}

/// Our migrations, then the job queue's and the session store's tables.
pub async fn migrate(pool: &PgPool) -> Result<(), StartupError> {
    MIGRATOR.run(pool).await?;
    underway::run_migrations(pool).await?;
    PostgresStore::new(pool.clone()).migrate().await?;
    Ok(())
}

/// The session cookie: its presence means someone may be signed in (`live::cache`).
pub const SESSION_COOKIE: &str = "trame_session";

/// The server, bound to its port but not yet serving.
pub struct Application {
    listener: TcpListener,
    router: axum::Router,
    state: AppState,
    /// What this process's job workers need; `None` when it runs none (`TRAME_WORKER=false`).
    workers: Option<WorkerContext>,
    /// The LISTEN for campaign changes, the cached pages and the live-totals streams.
    live: Live,
    header_timeout: Duration,
}

impl Application {
    pub async fn build(config: Config) -> Result<Application, StartupError> {
        let pool = connect_and_migrate(&config).await?;
        Application::build_with_pool(config, pool).await
    }

    /// With a pool whose database is already migrated by `migrate` (tests).
    pub async fn build_with_pool(config: Config, pool: PgPool) -> Result<Application, StartupError> {
        let mut leptos_options = leptos::config::get_configuration(None)?.leptos_options;
        let listener = TcpListener::bind(config.listen).await?;
        let address = listener.local_addr()?;
        leptos_options.site_addr = address;
        let mailer = Arc::new(Mailer::new(config.smtp_url(), &config.mail_from, &config.email_dir)?);
        let public_url = config.public_url.clone().unwrap_or_else(|| format!("http://{address}"));
        let stripe = Arc::new(Stripe::new(config.stripe())?);
        let queue = Arc::new(Queue::build(pool.clone()).await?);
        match jobs::schedule_closes(&pool, &queue).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(campaigns = n, "scheduled campaign closes"),
            Err(e) => tracing::error!(error = %e, "cannot schedule campaign closes"),
        }
        let settings = Arc::new(Settings {
            links: app::paths::Links::new(&public_url),
            deployment_id: config.deployment_id.clone(),
            admin_emails: config.admin_emails.clone(),
            trust_proxy: config.trust_proxy,
            media_dir: config.media_dir.clone(),
        });
        let workers = WorkerContext {
            pool: pool.clone(),
            mailer,
            stripe: stripe.clone(),
            queue: queue.clone(),
            settings: settings.clone(),
        };
        let o = config.overload;
        let state = AppState {
            pool: pool.clone(),
            leptos_options,
            secure_cookies: config.secure_cookies,
            settings,
            queue,
            stripe,
            limits: Arc::new(RateLimits {
                auth_per_address: config.auth_limit_per_address,
                auth_per_account: config.auth_limit_per_account,
                pledge_per_address: config.pledge_limit_per_address,
                pledge_per_account: config.pledge_limit_per_account,
            }),
            campaign_pages: Arc::new(CampaignPages::new(o.data_cache)),
        };
        let sessions = SessionManagerLayer::new(PostgresStore::new(pool))
            .with_name(SESSION_COOKIE)
            .with_http_only(true)
            .with_same_site(SameSite::Lax)
            .with_secure(config.secure_cookies)
            .with_expiry(Expiry::OnInactivity(time::Duration::days(config.session_idle_days)));
        let budgets = Budgets::new(o.pages_in_flight, o.money_in_flight, o.page_timeout, o.money_timeout);
        let live = Live::new(o.live_watchers, o.page_cache, state.campaign_pages.clone());
        let router = routes::router(state.clone(), sessions, config.secure_cookies, budgets, live.clone());
        let workers = config.run_workers.then_some(workers);
        Ok(Application { listener, router, state, workers, live, header_timeout: o.header_timeout })
    }

    /// The shared state (tests call the payment code and the jobs with it).
    pub fn state(&self) -> AppState {
        self.state.clone()
    }

    pub fn port(&self) -> u16 {
        self.listener.local_addr().map(|a| a.port()).unwrap_or_default()
    }

    /// Serves (with this process's job workers) until Ctrl-C or SIGTERM, then lets requests and
    /// jobs in flight finish.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.run_until(shutdown_signal()).await
    }

    /// Serves until `stop` completes, then stops the workers before the pool can close under
    /// them.
    pub async fn run_until(self, stop: impl std::future::Future<Output = ()> + Send + 'static) -> std::io::Result<()> {
        tracing::info!("listening on http://{}", self.listener.local_addr()?);
        let workers = match self.workers {
            Some(context) => match jobs::start(context, Duration::from_secs(1)).await {
                Ok(workers) => Some(workers),
                Err(e) => return Err(std::io::Error::other(format!("job workers: {e}"))),
            },
            None => None,
        };
        let expired_sessions = tokio::spawn(
            PostgresStore::new(self.state.pool.clone()).continuously_delete_expired(Duration::from_secs(3600)),
        );
        let old_limits = tokio::spawn(prune_rate_limits(self.state.pool.clone()));
        let listening = self.live.start(self.state.pool.clone(), Duration::from_secs(5)).await;
        let live = self.live.clone();
        // open event streams never end by themselves: they end when the server stops
        let stop = async move {
            stop.await;
            live.stop();
        };
        let served = serve::serve(self.listener, self.router, self.header_timeout, stop).await;
        let _ = listening.await;
        expired_sessions.abort();
        old_limits.abort();
        if let Some(workers) = workers {
            workers.stop().await;
        }
        served
    }
}

/// Deletes the rate-limit minutes that no longer count, every minute.
async fn prune_rate_limits(pool: PgPool) {
    let mut every = tokio::time::interval(Duration::from_secs(60));
    loop {
        every.tick().await;
        let pruned = match pool.acquire().await {
            Ok(mut db) => app::backend::limits::prune(&mut db).await,
            Err(e) => Err(e.into()),
        };
        if let Err(e) = pruned {
            tracing::warn!(error = ?e, "could not prune the rate limits");
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::error!("cannot listen for Ctrl-C: {e}");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(e) => {
                tracing::error!("cannot listen for SIGTERM: {e}");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
