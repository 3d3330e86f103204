//! The card form driven by `public/pay.js` (Stripe.js and its Card Element): a pledge's pay page
//! and a match fund's card page. pay.js reads what it needs from the data attributes, confirms
//! with Stripe in the browser, then POSTs `{confirm_field}={subject}` to `confirm_url` (Trame asks
//! Stripe what happened) and goes to `return_url`.

use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;

/// What Stripe.js needs: the intent's secret, `setup` (save a card) or `authenticate` (a
/// payment), and the account's publishable key and Stripe.js address.
#[derive(Debug, Clone, PartialEq)]
pub struct StripeIntent {
    pub mode: &'static str,
    pub client_secret: String,
    pub publishable_key: String,
    pub stripe_js_url: String,
}

#[component]
pub fn CardBox(
    intent: StripeIntent,
    title: &'static str,
    button: &'static str,
    confirm_url: &'static str,
    confirm_field: &'static str,
    subject: i64,
    return_url: String,
    retry_url: String,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div
            class="pay-box"
            id="pay-box"
            data-pay="true"
            data-mode=intent.mode
            data-client-secret=intent.client_secret
            data-publishable-key=intent.publishable_key
            data-stripe-js=intent.stripe_js_url
            data-locale=i18n.locale.code()
            data-confirm-url=confirm_url
            data-confirm-field=confirm_field
            data-subject=subject
            data-return-url=return_url
            data-msg-working=i18n.t(Key::PayWorking)
            data-msg-failed=i18n.t(Key::PayFailed)
            data-msg-unavailable=i18n.t(Key::PayUnavailable)
        >
            // the card form (plain JavaScript; it loads Stripe.js), on these pages only
            <leptos_meta::Script src="/pay.js" defer="true"/>
            <h2>{title}</h2>
            <noscript><p class="notice">{i18n.t(Key::PayNeedsJavaScript)}</p></noscript>
            <div class="card-element"></div>
            <button class="button pay-button" type="button" disabled>{button}</button>
            <p class="pay-message" role="alert" aria-live="polite"></p>
            <p class="pay-retry" hidden>
                <a href=retry_url rel="external">{i18n.t(Key::PayTryAgain)}</a>
            </p>
            <p class="muted small">{i18n.t(Key::PayStripeNote)}</p>
        </div>
    }
}
