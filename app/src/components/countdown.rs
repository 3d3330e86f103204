//! Live countdown to a campaign's deadline, on the server's clock: an island, the only part of
//! the funding box the browser runs.

use crate::components::islands::{mark_alive, IslandScripts};
use crate::domain::TimeLeft;
use crate::i18n::{use_i18n, Key};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Days, hours, minutes and seconds left; "ended" at zero. Rendered by the server, then ticks
/// in the browser.
#[component]
pub fn Countdown(ends_at: DateTime<Utc>, server_now: DateTime<Utc>) -> impl IntoView {
    let i18n = use_i18n();
    let words = CountdownWords {
        time_left: i18n.t(Key::TimeLeft).to_owned(),
        days: i18n.t(Key::Days).to_owned(),
        hours: i18n.t(Key::Hours).to_owned(),
        minutes: i18n.t(Key::Minutes).to_owned(),
        seconds: i18n.t(Key::Seconds).to_owned(),
        ended: i18n.t(Key::CampaignEnded).to_owned(),
    };
    view! {
        <IslandScripts/>
        <CountdownIsland ends_at_ms=ends_at.timestamp_millis() server_now_ms=server_now.timestamp_millis() words/>
    }
}

/// The countdown's words, translated by the server (the browser carries no catalogue).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CountdownWords {
    time_left: String,
    days: String,
    hours: String,
    minutes: String,
    seconds: String,
    ended: String,
}

/// Times are milliseconds since the epoch (no date library in the browser). A visitor's wrong
/// clock does not matter: the offset to the server's clock is measured once (`GET /api/clock`,
/// half the round trip added, as NTP does); until it answers, the page's render time is trusted.
#[island]
fn CountdownIsland(ends_at_ms: i64, server_now_ms: i64, words: CountdownWords) -> impl IntoView {
    let now_ms = RwSignal::new(server_now_ms);
    mark_alive();
    #[cfg(feature = "hydrate")]
    browser::tick(now_ms, server_now_ms);
    let left = Memo::new(move |_| TimeLeft::from_seconds((ends_at_ms - now_ms.get()) / 1000));
    let CountdownWords { time_left, days, hours, minutes, seconds, ended } = words;
    view! {
        <div class="countdown" role="timer" aria-label=time_left>
            {move || match left.get() {
                Some(t) => {
                    view! {
                        <Unit value=t.days.to_string() label=days.clone()/>
                        <Unit value=format!("{:02}", t.hours) label=hours.clone()/>
                        <Unit value=format!("{:02}", t.minutes) label=minutes.clone()/>
                        <Unit value=format!("{:02}", t.seconds) label=seconds.clone()/>
                    }
                        .into_any()
                }
                None => view! { <p class="countdown-ended">{ended.clone()}</p> }.into_any(),
            }}
        </div>
    }
}

#[component]
fn Unit(value: String, label: String) -> impl IntoView {
    view! {
        <span class="countdown-unit">
            <span class="countdown-value">{value}</span>
            <span class="countdown-label">{label}</span>
        </span>
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;

    /// Advances `now_ms` four times a second on the server's clock.
    pub fn tick(now_ms: RwSignal<i64>, server_now_ms: i64) {
        let offset = RwSignal::new(server_now_ms - js_sys::Date::now() as i64);
        leptos::task::spawn_local(async move {
            let sent = js_sys::Date::now();
            if let Some(server_ms) = server_clock().await {
                let received = js_sys::Date::now();
                offset.set((server_ms + (received - sent) / 2.0 - received) as i64);
            }
        });
        Effect::new(move |_| {
            let tick = move || now_ms.set(js_sys::Date::now() as i64 + offset.get_untracked());
            tick();
            let handle = set_interval_with_handle(tick, std::time::Duration::from_millis(250)).ok();
            on_cleanup(move || {
                if let Some(h) = handle {
                    h.clear();
                }
            });
        });
    }

    /// The server's clock in milliseconds (`GET /api/clock` answers a plain number).
    async fn server_clock() -> Option<f64> {
        let window = web_sys::window()?;
        let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str("/api/clock")).await.ok()?;
        let response: web_sys::Response = response.dyn_into().ok()?;
        let text = wasm_bindgen_futures::JsFuture::from(response.text().ok()?).await.ok()?;
        text.as_string()?.trim().parse().ok()
    }
}
