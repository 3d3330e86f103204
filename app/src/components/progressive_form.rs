//! A server-rendered form made nicer once the wasm runs: posted in the background, and when the
//! server answers with errors they are put in place, so nothing typed is lost. Without
//! JavaScript the same form posts normally and the server shows the errors on a new page.

use crate::components::islands::{mark_alive, IslandScripts};
use leptos::prelude::*;

/// Wraps forms (rendered by the server, with their ids); see the module.
#[component]
pub fn ProgressiveForm(children: Children) -> impl IntoView {
    view! {
        <IslandScripts/>
        <FormIsland>{children()}</FormIsland>
    }
}

/// Catches the submit of any form inside (events bubble up to it). The server's answer is the
/// page a plain post would have led to: if that page shows the same form with errors, the
/// errors (alerts, `aria-invalid`, the fields' classes) are copied into the form on screen;
/// otherwise the browser goes there.
#[island]
fn FormIsland(children: Children) -> impl IntoView {
    mark_alive();
    view! {
        <div
            class="progressive-form"
            on:submit=move |ev| {
                #[cfg(feature = "hydrate")]
                browser::submit(ev);
                #[cfg(not(feature = "hydrate"))]
                let _ = ev;
            }
        >
            {children()}
        </div>
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{DomParser, Element, HtmlElement, HtmlFormElement, SubmitEvent, SupportedType};

    pub fn submit(ev: SubmitEvent) {
        let Some(form) = ev.target().and_then(|t| t.dyn_into::<HtmlFormElement>().ok()) else { return };
        // a form without an id cannot be found in the answer: it posts the plain way
        if form.id().is_empty() {
            return;
        }
        ev.prevent_default();
        // a second click while the first post is under way does nothing
        if form.get_attribute("aria-busy").as_deref() == Some("true") {
            return;
        }
        let _ = form.set_attribute("aria-busy", "true");
        leptos::task::spawn_local(async move {
            if post(&form).await.is_err() {
                // the background post failed (offline, say): post the plain way
                let _ = form.remove_attribute("aria-busy");
                let _ = form.submit();
            }
        });
    }

    async fn post(form: &HtmlFormElement) -> Result<(), JsValue> {
        let data = web_sys::FormData::new_with_form(form)?;
        let body = web_sys::UrlSearchParams::new_with_str_sequence_sequence(&data)?;
        let headers = web_sys::Headers::new()?;
        headers.set("accept", "text/html")?;
        headers.set("content-type", "application/x-www-form-urlencoded")?;
        let init = web_sys::RequestInit::new();
        init.set_method("POST");
        init.set_headers(&headers);
        init.set_body(&body.to_string().into());
        let window = web_sys::window().ok_or(JsValue::NULL)?;
        let response: web_sys::Response =
            JsFuture::from(window.fetch_with_str_and_init(&form.action(), &init)).await?.dyn_into()?;
        let html = JsFuture::from(response.text()?).await?.as_string().unwrap_or_default();
        if !response.ok() {
            // the server is busy, say: show its page, as a plain post would have
            let root = window.document().and_then(|d| d.document_element()).ok_or(JsValue::NULL)?;
            root.set_inner_html(&html);
            return Ok(());
        }
        let page = DomParser::new()?.parse_from_string(&html, SupportedType::TextHtml)?;
        let answered = page.get_element_by_id(&form.id());
        match answered.filter(has_errors) {
            Some(answered) => {
                show_errors(form, &answered);
                let _ = form.remove_attribute("aria-busy");
                Ok(())
            }
            None => window.location().assign(&response.url()),
        }
    }

    fn has_errors(form: &Element) -> bool {
        all(form, "[role=alert]")
            .iter()
            .any(|e| !e.has_attribute("hidden") && !e.text_content().unwrap_or_default().trim().is_empty())
    }

    /// Copies what the server's answer says about each alert, field and input, in order (both
    /// forms were rendered by the same code for the same choice).
    fn show_errors(form: &HtmlFormElement, answered: &Element) {
        let pairs = |selector: &str| all(form, selector).into_iter().zip(all(answered, selector));
        for (shown, new) in pairs("[role=alert]") {
            shown.set_text_content(new.text_content().as_deref());
            let _ = shown.toggle_attribute_with_force("hidden", new.has_attribute("hidden"));
        }
        for (shown, new) in pairs(".field") {
            shown.set_class_name(&new.class_name());
        }
        for (shown, new) in pairs("input, select, textarea") {
            for name in ["aria-invalid", "aria-describedby"] {
                let _ = match new.get_attribute(name) {
                    Some(value) => shown.set_attribute(name, &value),
                    None => shown.remove_attribute(name),
                };
            }
        }
        let first = form
            .query_selector("[aria-invalid=true]")
            .ok()
            .flatten()
            .or_else(|| form.query_selector(".form-error").ok().flatten());
        if let Some(first) = first.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
            let _ = first.focus();
        }
    }

    fn all(root: &Element, selector: &str) -> Vec<Element> {
        let Ok(list) = root.query_selector_all(selector) else { return Vec::new() };
        (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect()
    }
}
