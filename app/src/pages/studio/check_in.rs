//! `/check-in/{token}`: the page the QR code on a backer's pledge page opens. For a member of
//! the campaign's team it records the arrival and says who came; anyone else is told that only
//! the team can check people in, and nothing is recorded.

use super::load;
use crate::api::studio::fulfilment::load_check_in;
use crate::domain::CheckIn;
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn CheckInPage() -> impl IntoView {
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let check_in = Resource::new(token, load_check_in);
    let i18n = use_i18n();
    view! {
        <Title text=format!("{} · Trame", i18n.t(Key::CheckInTitle))/>
        {load(check_in, |c: CheckIn| view! { <CheckInView c/> })}
    }
}

#[component]
fn CheckInView(c: CheckIn) -> impl IntoView {
    let i18n = use_i18n();
    let (state, text) = match (c.checked_in_at, c.already) {
        (Some(at), true) => ("already", format!("{} {}", i18n.t(Key::CheckedInBefore), i18n.date_time(at))),
        (Some(_), false) => ("done", i18n.t(Key::CheckedInNow).to_owned()),
        (None, _) => ("refused", i18n.t(Key::CheckInNotHeld).to_owned()),
    };
    view! {
        <section class="wrap auth-page check-in" id="check-in" data-state=state>
            <h1>{c.name.clone()}</h1>
            <p class="lead">{text}</p>
            <p>
                {c.reward.clone()} {(c.quantity > 1).then(|| format!(" × {}", c.quantity))} " · "
                {i18n.date_time(c.slot)}
            </p>
        </section>
    }
}
