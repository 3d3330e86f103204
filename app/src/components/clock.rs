//! The server's clock, as seen from the browser.

use leptos::prelude::*;

/// How far the server's clock is ahead of the browser's, in milliseconds; `None` until measured.
#[derive(Debug, Clone, Copy)]
pub struct ServerClock {
    pub offset_ms: RwSignal<Option<i64>>,
}

/// Provides the clock and, in the browser, measures its offset once with a server call
/// (half the round trip is added, as NTP does).
pub fn provide_server_clock() {
    let clock = ServerClock { offset_ms: RwSignal::new(None) };
    provide_context(clock);
    Effect::new(move |_| {
        #[cfg(feature = "hydrate")]
        leptos::task::spawn_local(async move {
            let sent = js_sys::Date::now();
            if let Ok(server_ms) = crate::api::clock::server_clock().await {
                let received = js_sys::Date::now();
                let offset = server_ms as f64 + (received - sent) / 2.0 - received;
                clock.offset_ms.set(Some(offset as i64));
            }
        });
    });
}
