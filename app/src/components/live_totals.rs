//! The campaign page's figures, kept current without a reload: an island that listens to the
//! campaign's event stream (`/campaigns/{slug}/live`, server-sent events) and writes what each
//! message says into the page the server rendered (the total, percent, backers, the progress
//! bar, each reward's units left). The browser's EventSource reconnects by itself, and every
//! message is a whole snapshot, so nothing is lost while away.

use crate::components::islands::{mark_alive, IslandScripts};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One message of the stream: the figures as the page shows them, already worded and formatted
/// by the server in the visitor's language (the browser carries no catalogue, no decimals).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LiveMessage {
    pub raised: String,
    pub percent: String,
    /// For the progress bar (capped at 100 by it).
    pub percent_value: u32,
    pub backers: String,
    pub tiers: Vec<LiveTier>,
}

/// A reward's availability line (`None`: the card shows none) and whether it is sold out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LiveTier {
    pub id: i64,
    pub availability: Option<String>,
    pub sold_out: bool,
}

/// The event stream's address for this page's campaign and language.
pub fn live_path(slug: &str, lang: &str) -> String {
    format!("/campaigns/{slug}/live?lang={lang}")
}

#[component]
pub fn LiveTotals(slug: String) -> impl IntoView {
    let url = live_path(&slug, use_i18n().locale.code());
    view! {
        <IslandScripts/>
        <LiveTotalsIsland url/>
    }
}

#[island]
fn LiveTotalsIsland(url: String) -> impl IntoView {
    mark_alive();
    #[cfg(feature = "hydrate")]
    Effect::new({
        let url = url.clone();
        move |_| browser::listen(&url)
    });
    view! { <span class="live-totals" hidden data-stream=url></span> }
}

#[cfg(feature = "hydrate")]
mod browser {
    use super::LiveMessage;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    use web_sys::{Document, Element, EventSource, MessageEvent};

    pub fn listen(url: &str) {
        let Ok(source) = EventSource::new(url) else { return };
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(|event: MessageEvent| {
            let message = event.data().as_string().and_then(|data| serde_json::from_str::<LiveMessage>(&data).ok());
            if let (Some(message), Some(document)) = (message, web_sys::window().and_then(|w| w.document())) {
                show(&document, &message);
            }
        });
        source.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // `data-open` on the island's element while the stream is open (tests wait for it)
        let on_open = Closure::<dyn Fn()>::new(|| mark_open("true"));
        let on_error = Closure::<dyn Fn()>::new(|| mark_open("false"));
        source.set_onopen(Some(on_open.as_ref().unchecked_ref()));
        source.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        // the page keeps listening for as long as it is open
        on_message.forget();
        on_open.forget();
        on_error.forget();
        std::mem::forget(source);
    }

    fn mark_open(open: &str) {
        let span =
            web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector(".live-totals").ok().flatten());
        if let Some(span) = span {
            let _ = span.set_attribute("data-open", open);
        }
    }

    fn show(document: &Document, m: &LiveMessage) {
        let text = |selector: &str, value: &str| {
            if let Ok(Some(e)) = document.query_selector(selector) {
                e.set_text_content(Some(value));
            }
        };
        text("#raised", &m.raised);
        text("#percent", &m.percent);
        text("#backers", &m.backers);
        if let Ok(Some(bar)) = document.query_selector(".funding-box progress") {
            let _ = bar.set_attribute("value", &m.percent_value.min(100).to_string());
            let _ = bar.set_attribute("aria-label", &m.percent);
        }
        for tier in &m.tiers {
            let Some(card) = document.get_element_by_id(&format!("reward-{}", tier.id)) else { continue };
            if let (Some(line), Some(value)) = (first(&card, ".availability, .badge-soldout"), &tier.availability) {
                line.set_text_content(Some(value));
                if tier.sold_out {
                    line.set_class_name("badge badge-soldout");
                }
            }
            if tier.sold_out {
                let _ = card.class_list().add_1("is-soldout");
                if let Some(choose) = first(&card, "a.choose-reward") {
                    let _ = choose.set_attribute("hidden", "");
                }
            }
        }
    }

    fn first(root: &Element, selector: &str) -> Option<Element> {
        root.query_selector(selector).ok().flatten()
    }
}
