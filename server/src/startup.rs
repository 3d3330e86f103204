//! Building and running the application: database pool, migrations, router, graceful shutdown.
//! Tests build it on port 0 against their own database.

use crate::config::Config;
use crate::routes;
use app::backend::AppState;
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;
use std::time::Duration;
use tokio::net::TcpListener;

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
}

/// Connects to PostgreSQL and brings the schema up to date (refusing to start otherwise).
pub async fn connect_and_migrate(config: &Config) -> Result<PgPool, StartupError> {
    let pool = PgPoolOptions::new()
        .max_connections(config.database_max_connections)
        .acquire_timeout(Duration::from_secs(5))
        .connect(config.database_url())
        .await?;
    MIGRATOR.run(&pool).await?;
    Ok(pool)
}

/// The server, bound to its port but not yet serving.
pub struct Application {
    listener: TcpListener,
    router: axum::Router,
}

impl Application {
    pub async fn build(config: Config) -> Result<Application, StartupError> {
        let pool = connect_and_migrate(&config).await?;
        Application::build_with_pool(config, pool).await
    }

    /// With a pool whose database is already migrated (tests).
    pub async fn build_with_pool(config: Config, pool: PgPool) -> Result<Application, StartupError> {
        let mut leptos_options = leptos::config::get_configuration(None)?.leptos_options;
        let listener = TcpListener::bind(config.listen).await?;
        leptos_options.site_addr = listener.local_addr()?;
        let state = AppState { pool, leptos_options, secure_cookies: config.secure_cookies };
        Ok(Application { listener, router: routes::router(state) })
    }

    pub fn port(&self) -> u16 {
        self.listener.local_addr().map(|a| a.port()).unwrap_or_default()
    }

    /// Serves until Ctrl-C or SIGTERM, then lets requests in flight finish.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        tracing::info!("listening on http://{}", self.listener.local_addr()?);
        axum::serve(self.listener, self.router).with_graceful_shutdown(shutdown_signal()).await
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
