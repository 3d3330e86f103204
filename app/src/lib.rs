//! Trame's Leptos app, built twice: with `ssr` for the server (pages, server functions and the
//! `backend` module) and with `hydrate` as the browser's wasm.

// Release builds (without `--cfg erase_components`) nest view types deeply.
#![recursion_limit = "256"]

pub mod api;
pub mod app;
pub mod components;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod pages;
pub mod paths;

#[cfg(feature = "ssr")]
pub mod backend;

pub use app::{shell, App};

/// The browser entry point: the page is the server's; only its islands (`#[island]`) come alive.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    // panics in the browser console, in debug builds (its formatting code costs the release
    // bundle kilobytes)
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
