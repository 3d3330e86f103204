//! Live countdown to a campaign's deadline, on the server's clock.

use crate::domain::TimeLeft;
use crate::i18n::{use_i18n, Key};
use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// Days, hours, minutes and seconds left; "ended" at zero. Rendered by the server, then ticks
/// in the browser. A visitor's wrong clock does not matter: the time comes from the server
/// (`ServerClock`), advanced by the browser's clock only for the seconds since.
#[component]
pub fn Countdown(ends_at: DateTime<Utc>, server_now: DateTime<Utc>) -> impl IntoView {
    let i18n = use_i18n();
    let now = RwSignal::new(server_now);
    #[cfg(feature = "hydrate")]
    {
        use crate::components::clock::ServerClock;
        let clock = use_context::<ServerClock>();
        // until the server clock has answered, trust the time the page was rendered at
        let rendered_offset = server_now.timestamp_millis() - js_sys::Date::now() as i64;
        Effect::new(move |_| {
            let tick = move || {
                let offset = clock.and_then(|c| c.offset_ms.get_untracked()).unwrap_or(rendered_offset);
                if let Some(t) = DateTime::from_timestamp_millis(js_sys::Date::now() as i64 + offset) {
                    now.set(t);
                }
            };
            tick();
            let handle = set_interval_with_handle(tick, std::time::Duration::from_millis(250)).ok();
            on_cleanup(move || {
                if let Some(h) = handle {
                    h.clear();
                }
            });
        });
    }
    let left = Memo::new(move |_| TimeLeft::until(ends_at, now.get()));
    view! {
        <div class="countdown" role="timer" aria-label=i18n.t(Key::TimeLeft)>
            {move || match left.get() {
                Some(t) => {
                    view! {
                        <Unit value=t.days.to_string() label=i18n.t(Key::Days)/>
                        <Unit value=format!("{:02}", t.hours) label=i18n.t(Key::Hours)/>
                        <Unit value=format!("{:02}", t.minutes) label=i18n.t(Key::Minutes)/>
                        <Unit value=format!("{:02}", t.seconds) label=i18n.t(Key::Seconds)/>
                    }
                        .into_any()
                }
                None => view! { <p class="countdown-ended">{i18n.t(Key::CampaignEnded)}</p> }.into_any(),
            }}
        </div>
    }
}

#[component]
fn Unit(value: String, label: &'static str) -> impl IntoView {
    view! {
        <span class="countdown-unit">
            <span class="countdown-value">{value}</span>
            <span class="countdown-label">{label}</span>
        </span>
    }
}
