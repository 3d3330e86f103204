//! Help that is not money, for the people who give it: `/campaigns/{slug}/needs/{need}/help`
//! (offer help against a need, signed in) and `/me/help` (one's offers, and withdrawing one).

use super::load;
use crate::api::help::{load_offer_page, my_offers, OfferHelp, WithdrawOffer};
use crate::components::form::{done, field_error, FormError, Outcome};
use crate::components::progress::ProgressBar;
use crate::components::progressive_form::ProgressiveForm;
use crate::domain::{to_zurich, HelpOfferStatus, MyOffer, OfferPage};
use crate::i18n::{use_i18n, Key};
use crate::paths;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn OfferHelpPage() -> impl IntoView {
    let params = use_params_map();
    let key = move || {
        let p = params.read();
        (p.get("slug").unwrap_or_default(), p.get("need").and_then(|n| n.parse::<i64>().ok()).unwrap_or_default())
    };
    let page = Resource::new(key, |(slug, need)| load_offer_page(slug, need));
    load(page, |page| view! { <OfferForm page/> })
}

#[component]
fn OfferForm(page: OfferPage) -> impl IntoView {
    let i18n = use_i18n();
    let offer = ServerAction::<OfferHelp>::new();
    let result: Outcome = Signal::derive(move || offer.value().get());
    let n = page.need;
    let progress = format!("{} / {} {}", n.covered.min(n.quantity), n.quantity, n.unit);
    let quantity_label = if n.unit.is_empty() {
        i18n.t(Key::OfferQuantity).to_owned()
    } else {
        format!("{} ({})", i18n.t(Key::OfferQuantity), n.unit)
    };
    let quantity_error = field_error(result, "quantity");
    let message_error = field_error(result, "message");
    view! {
        <Title text=format!("{} · {} · Trame", i18n.t(Key::OfferHelp), n.title)/>
        <section class="wrap auth-page offer-page">
            <p class="eyebrow"><a href=paths::campaign(&page.slug)>{page.campaign_title.clone()}</a> " · " {i18n.label(n.kind)}</p>
            <h1>{n.title.clone()}</h1>
            <p class="pre-line">{n.description.clone()}</p>
            <ProgressBar percent=n.percent() label=progress.clone()/>
            <p class="small">{progress}</p>
            <p>{i18n.t(Key::OfferHelpLead)}</p>
            <ProgressiveForm>
                <ActionForm action=offer attr:class="form" attr:id="offer-form">
                    <input type="hidden" name="slug" value=page.slug.clone()/>
                    <input type="hidden" name="need" value=n.id/>
                    <FormError result/>
                    <div class="field" class:has-error=move || quantity_error.get().is_some()>
                        <label for="field-quantity">{quantity_label}</label>
                        <input id="field-quantity" type="number" min="1" step="1" inputmode="numeric" name="form[quantity]" required
                            aria-invalid=move || quantity_error.get().is_some().then_some("true") aria-describedby="field-quantity-error"/>
                        <p class="field-error" id="field-quantity-error" role="alert">{move || quantity_error.get().map(|k| i18n.t(k))}</p>
                    </div>
                    <div class="field" class:has-error=move || message_error.get().is_some()>
                        <label for="field-message">{i18n.t(Key::OfferMessage)}</label>
                        <textarea id="field-message" name="form[message]" rows="4" aria-describedby="field-message-error"></textarea>
                        <p class="field-error" id="field-message-error" role="alert">{move || message_error.get().map(|k| i18n.t(k))}</p>
                    </div>
                    <button class="button" type="submit">{i18n.t(Key::OfferHelp)}</button>
                </ActionForm>
            </ProgressiveForm>
        </section>
    }
}

#[component]
pub fn MyHelpPage() -> impl IntoView {
    let i18n = use_i18n();
    let list = Resource::new(|| (), |_| my_offers());
    let offered = done("offered", Signal::derive(|| None));
    view! {
        <Title text=format!("{} · Trame", i18n.t(Key::MyHelp))/>
        <section class="wrap my-help">
            <h1>{i18n.t(Key::MyHelp)}</h1>
            <Show when=move || offered.get()>
                <p class="notice" role="status" id="offer-sent">{i18n.t(Key::OfferSent)}</p>
            </Show>
            {load(list, move |offers: Vec<MyOffer>| {
                if offers.is_empty() {
                    return view! { <p class="empty">{i18n.t(Key::NoOffersYet)}</p> }.into_any();
                }
                view! {
                    <ul class="plain team-list">
                        {offers.into_iter().map(|o| view! { <MyOfferItem offer=o/> }).collect_view()}
                    </ul>
                }
                .into_any()
            })}
        </section>
    }
}

#[component]
fn MyOfferItem(offer: MyOffer) -> impl IntoView {
    let i18n = use_i18n();
    let withdraw = ServerAction::<WithdrawOffer>::new();
    let o = offer;
    let open = matches!(o.status, HelpOfferStatus::Offered | HelpOfferStatus::Accepted);
    view! {
        <li id=format!("offer-{}", o.id) data-status=o.status.as_str()>
            <span>
                <strong>{o.need_title.clone()}</strong> " · " {format!("{} {}", o.quantity, o.unit)}
                <span class="muted small">
                    " · " <a href=paths::campaign(&o.slug)>{o.campaign_title.clone()}</a>
                    " · " {i18n.date(to_zurich(o.created_at).date())}
                </span>
                " · " <span class="status">{i18n.label(o.status)}</span>
            </span>
            {open.then(|| view! {
                <ActionForm action=withdraw attr:class="inline-form">
                    <input type="hidden" name="offer" value=o.id/>
                    <button class="button secondary small" type="submit">{i18n.t(Key::WithdrawOffer)}</button>
                </ActionForm>
            })}
        </li>
    }
}
