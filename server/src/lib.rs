//! The HTTP shell around the Leptos app: configuration, telemetry, start-up and the few plain
//! axum routes (health, language switch). Pages, server functions and queries live in `app`.

#![recursion_limit = "512"]

pub mod assets;
pub mod compress;
pub mod config;
pub mod isolate;
pub mod live;
pub mod overload;
pub mod routes;
pub mod security;
pub mod seed;
pub mod serve;
pub mod startup;
pub mod telemetry;
pub mod uploads;
