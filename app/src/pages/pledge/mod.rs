//! Pledging, from the choice to the receipt:
//! `/campaigns/{slug}/pledge?tier=` (choose, sign up or in inline), `/pledges/{id}/pay` (summary
//! and card), `/pledges/{id}` (the result, as Stripe reports it), `/me/pledges` (change, cancel),
//! `/pledges/{id}/receipt`.

mod form;
mod mine;
mod pay;

pub use form::PledgePage;
pub use mine::MyPledgesPage;
pub use pay::{PayPage, PledgeResultPage, ReceiptPage};

use super::load;
use crate::api::pledges::{
    load_pay_page, load_pledge, load_pledge_form, my_pledges, CancelPledge, ChangePledge, CreatePledge, PreparePayment,
};
use crate::components::form::{field_error, FormError, Outcome};
use crate::components::progressive_form::ProgressiveForm;
use crate::domain::views::{PayPage as PayData, PayStep, PledgeFormPage, PledgeView, RewardTierView};
use crate::domain::{FundingModel, PledgeStatus, QuestionKind};
use crate::i18n::{use_i18n, I18n, Key};
use crate::paths;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

fn param_id(name: &'static str) -> Signal<i64> {
    let params = use_params_map();
    Signal::derive(move || params.read().get(name).and_then(|v| v.parse().ok()).unwrap_or_default())
}

/// The message of a field's error in a form's last result, for a `field-error` line.
fn error_of(result: Outcome, field: impl Into<String>) -> impl Fn() -> Option<&'static str> + Send + Sync + 'static {
    let i18n = use_i18n();
    let error = field_error(result, field);
    move || error.get().map(|key| i18n.t(key))
}

/// What the backer will be charged, when, and what happens if the goal is missed.
fn charge_terms(i18n: I18n, model: FundingModel, ends_at: chrono::DateTime<chrono::Utc>) -> String {
    match model {
        FundingModel::AllOrNothing => i18n.t(Key::PledgeTermsAllOrNothing).replace("{date}", &i18n.date_time(ends_at)),
        FundingModel::Flexible => i18n.t(Key::PledgeTermsFlexible).to_owned(),
    }
}

/// "To be paid before …, or the pledge will be dropped", when a payment is due.
fn pay_before(i18n: I18n, due: Option<chrono::DateTime<chrono::Utc>>) -> Option<String> {
    due.map(|d| i18n.t(Key::PayBefore).replace("{date}", &i18n.date_time(d)))
}

// ----- summary shared by the pay, result and list pages ------------------------------------------

#[component]
fn PledgeSummary(pledge: PledgeView) -> impl IntoView {
    let i18n = use_i18n();
    let reward = match &pledge.reward_title {
        Some(title) if pledge.quantity > 1 => format!("{} × {title}", pledge.quantity),
        Some(title) => title.clone(),
        None => i18n.t(Key::PledgeWithoutReward).to_owned(),
    };
    let slot = pledge.slot.map(|(start, end)| view! { <div><dt>{i18n.t(Key::PledgeSlotLabel)}</dt><dd>{i18n.slot_time(start, end)}</dd></div> });
    let pickup = pledge.pickup.clone().map(|p| view! { <div><dt>{i18n.t(Key::PickupAt)}</dt><dd>{p}</dd></div> });
    let answers = (!pledge.answers.is_empty()).then(|| {
        let text = pledge.answers.iter().map(|(_, a)| a.clone()).collect::<Vec<_>>().join(", ");
        view! { <div><dt>{i18n.t(Key::PledgeAnswers)}</dt><dd>{text}</dd></div> }
    });
    view! {
        <dl class="pledge-summary" data-status=pledge.status.as_str()>
            <div><dt>{i18n.t(Key::Campaign)}</dt><dd><a href=paths::campaign(&pledge.campaign_slug)>{pledge.campaign_title.clone()}</a></dd></div>
            <div><dt>{i18n.t(Key::Reward)}</dt><dd>{reward}</dd></div>
            {slot}
            {pickup}
            {answers}
            <div><dt>{i18n.t(Key::PledgeTotal)}</dt><dd class="pledge-total">{i18n.money(pledge.total)}</dd></div>
            <div><dt>{i18n.t(Key::PledgeStatusLabel)}</dt><dd class="pledge-status">{i18n.label(pledge.status)}</dd></div>
            {pledge.fulfilled_at.map(|at| view! {
                <div class="fulfilled"><dt>{i18n.t(Key::FulfilledOn)}</dt><dd>{i18n.date_time(at)}</dd></div>
            })}
            {pledge.checked_in_at.map(|at| view! {
                <div class="checked-in"><dt>{i18n.t(Key::CheckInTitle)}</dt><dd>{i18n.date_time(at)}</dd></div>
            })}
        </dl>
        <Ticket pledge/>
    }
}

/// A time slot's ticket: the calendar file, and on the pledge's own page the check-in code.
#[component]
fn Ticket(pledge: PledgeView) -> impl IntoView {
    let i18n = use_i18n();
    pledge.has_ticket().then(|| {
        let qr = pledge.checkin_qr.clone().zip(pledge.checkin_token.clone()).map(|(svg, token)| {
            view! {
                <div class="ticket-qr">
                    <h2>{i18n.t(Key::CheckInQrTitle)}</h2>
                    <a id="checkin-link" href=paths::check_in(&token) aria-label=i18n.t(Key::CheckInQrTitle) inner_html=svg></a>
                    <p class="hint">{i18n.t(Key::CheckInQrHint)}</p>
                </div>
            }
        });
        view! {
            <div class="ticket" id=format!("ticket-{}", pledge.id)>
                <p><a class="button secondary" href=paths::calendar(pledge.id) rel="external" download>{i18n.t(Key::AddToCalendar)}</a></p>
                {qr}
            </div>
        }
    })
}
