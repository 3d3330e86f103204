//! `/admin/review`: the campaigns their teams submitted, the longest waiting first; each can be
//! read in the studio, approved, or sent back to draft with a reason the team receives.

use super::super::load;
use crate::api::studio::review::{review_queue, ApproveCampaign, SendBackCampaign};
use crate::components::form::{done, field_error, Outcome};
use crate::components::progressive_form::ProgressiveForm;
use crate::domain::ReviewItem;
use crate::i18n::{use_i18n, Key};
use crate::paths;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ReviewQueuePage() -> impl IntoView {
    let i18n = use_i18n();
    let queue = Resource::new(|| (), |_| review_queue());
    let approved = done("approved", Signal::derive(|| None));
    let returned = done("returned", Signal::derive(|| None));
    view! {
        <Title text=format!("{} · Trame", i18n.t(Key::ReviewQueueTitle))/>
        <section class="wrap studio review-queue">
            <h1>{i18n.t(Key::ReviewQueueTitle)}</h1>
            <Show when=move || approved.get()>
                <p class="notice" role="status" id="campaign-approved">{i18n.t(Key::ApprovedNotice)}</p>
            </Show>
            <Show when=move || returned.get()>
                <p class="notice" role="status" id="campaign-returned">{i18n.t(Key::ReturnedNotice)}</p>
            </Show>
            {load(queue, move |items: Vec<ReviewItem>| {
                if items.is_empty() {
                    return view! { <p class="empty">{i18n.t(Key::ReviewQueueEmpty)}</p> }.into_any();
                }
                view! {
                    <ul class="plain studio-list">
                        {items.into_iter().map(|item| view! { <ReviewEntry item/> }).collect_view()}
                    </ul>
                }
                .into_any()
            })}
        </section>
    }
}

#[component]
fn ReviewEntry(item: ReviewItem) -> impl IntoView {
    let i18n = use_i18n();
    let approve = ServerAction::<ApproveCampaign>::new();
    let approve_result: Outcome = Signal::derive(move || approve.value().get());
    let send_back = ServerAction::<SendBackCampaign>::new();
    let result: Outcome = Signal::derive(move || send_back.value().get());
    let id = item.id;
    let error = move || match approve_result.get() {
        Some(Err(e)) => Some(i18n.t(e.message())),
        _ => None,
    };
    view! {
        <li class="studio-item" id=format!("review-{id}")>
            <h2>{item.title.clone()}</h2>
            <p>{item.summary.clone()}</p>
            <p class="muted small">
                {i18n.t(Key::OwnersLabel)} ": " {item.owners.clone()} " · " {item.city.clone()} " · "
                {i18n.money_short(item.goal)} " · " {i18n.t(Key::NavRewards)} ": " {item.rewards}
            </p>
            <p class="muted small">
                {item.submitted_at.map(|at| view! { {i18n.t(Key::SubmittedOnLabel)} " " {i18n.date_time(at)} " · " })}
                {i18n.date_time(item.starts_at)} " → " {i18n.date_time(item.ends_at)}
            </p>
            <p><a class="button secondary" href=paths::studio_campaign(id)>{i18n.t(Key::ReviewOpen)}</a></p>
            <p class="form-error" role="alert">{error}</p>
            <ActionForm action=approve attr:class="inline-form" attr:id=format!("approve-{id}")>
                <input type="hidden" name="campaign" value=id.0/>
                <button class="button" type="submit">{i18n.t(Key::Approve)}</button>
            </ActionForm>
            <ProgressiveForm>
                <ActionForm action=send_back attr:class="form" attr:id=format!("send-back-{id}")>
                    <input type="hidden" name="campaign" value=id.0/>
                    <div class="field" class:has-error=move || field_error(result, "reason").get().is_some()>
                        <label for=format!("reason-{id}")>{i18n.t(Key::ReasonLabel)}</label>
                        <textarea id=format!("reason-{id}") name="reason" rows="3" required></textarea>
                        <p class="field-error" role="alert">
                            {move || field_error(result, "reason").get().map(|k| i18n.t(k))}
                        </p>
                    </div>
                    <button class="button secondary" type="submit">{i18n.t(Key::SendBack)}</button>
                </ActionForm>
            </ProgressiveForm>
        </li>
    }
}
