//! Structured logs with `tracing`; levels from `RUST_LOG` (default: info, sqlx warnings only).

use crate::config::{Config, LogFormat};
use tracing_subscriber::{fmt, prelude::*, EnvFilter};

pub fn init(config: &Config) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=info"));
    let registry = tracing_subscriber::registry().with(filter);
    // try_init: tests start several applications in one process
    let _ = match config.log_format {
        LogFormat::Pretty => registry.with(fmt::layer()).try_init(),
        LogFormat::Json => registry.with(fmt::layer().json()).try_init(),
    };
}
