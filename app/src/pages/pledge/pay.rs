//! After the form: `/pledges/{id}/pay` (summary and card), `/pledges/{id}` (the result) and
//! `/pledges/{id}/receipt`.

use super::*;
use crate::components::card_box::{CardBox, StripeIntent};

// ----- pay ---------------------------------------------------------------------------------------

#[component]
pub fn PayPage() -> impl IntoView {
    let id = param_id("id");
    let data = Resource::new(move || id.get(), load_pay_page);
    load(data, |data| view! { <PayView data/> })
}

#[component]
fn PayView(data: PayData) -> impl IntoView {
    let i18n = use_i18n();
    let p = data.pledge.clone();
    let terms = charge_terms(i18n, p.funding_model, p.ends_at);
    let due = pay_before(i18n, p.payment_due_at);
    let error = matches!(p.status, PledgeStatus::PaymentFailed | PledgeStatus::Pending)
        .then(|| p.payment_error.clone())
        .flatten();
    let body = match &data.step {
        PayStep::Done => view! {
            <p class="notice" role="status">{i18n.t(Key::PayNothingToDo)}</p>
            <a class="button" href=paths::pledge(p.id)>{i18n.t(Key::PledgeSeeStatus)}</a>
        }
        .into_any(),
        PayStep::Processing => view! {
            <p class="notice" role="status" id="pay-processing">{i18n.t(Key::PayProcessing)}</p>
            <a class="button" href=paths::pledge(p.id)>{i18n.t(Key::PledgeSeeStatus)}</a>
        }
        .into_any(),
        PayStep::Prepare => view! { <PrepareForm pledge=p.id.0/> }.into_any(),
        step @ (PayStep::SaveCard { .. } | PayStep::Authenticate { .. }) => {
            let (mode, secret) = step.stripe_mode().unwrap_or_default();
            let setup = mode == "setup";
            let title = if setup { i18n.t(Key::PayCardTitle) } else { i18n.t(Key::PayAuthenticateTitle) };
            let button = match (setup, p.funding_model) {
                (true, FundingModel::Flexible) => i18n.t(Key::PayNow),
                (true, _) => i18n.t(Key::PaySaveCard),
                (false, _) => i18n.t(Key::PayAuthenticate),
            };
            let intent = StripeIntent {
                mode,
                client_secret: secret.to_owned(),
                publishable_key: data.publishable_key.clone(),
                stripe_js_url: data.stripe_js_url.clone(),
            };
            view! {
                <CardBox
                    intent
                    title
                    button
                    confirm_url="/api/pledges/confirm"
                    confirm_field="pledge"
                    subject=p.id.0
                    return_url=paths::pledge(p.id)
                    retry_url=paths::pay(p.id)
                />
            }
            .into_any()
        }
    };
    view! {
        <Title text=format!("{} · Trame", i18n.t(Key::PayTitle))/>
        <section class="wrap pay-page">
            <h1>{i18n.t(Key::PayTitle)}</h1>
            <PledgeSummary pledge=p.clone()/>
            <p class="pledge-terms" id="pay-terms">
                <strong>{i18n.t(Key::PayYouWillBeCharged).replace("{amount}", &i18n.money(p.total))}</strong>
                " "
                {terms}
            </p>
            {error.map(|e| view! { <p class="form-error" role="alert">{i18n.t(Key::PaymentFailedText)} " (" {e} ")"</p> })}
            {due.map(|d| view! { <p class="notice">{d}</p> })}
            {body}
        </section>
    }
}

/// The pay page's button when nothing is ready at Stripe: a POST that prepares the payment.
#[component]
fn PrepareForm(pledge: i64) -> impl IntoView {
    let i18n = use_i18n();
    let prepare = ServerAction::<PreparePayment>::new();
    let failed = move || prepare.value().get().is_some_and(|r| r.is_err());
    view! {
        <ActionForm action=prepare attr:class="form pay-prepare" attr:id="pay-prepare">
            <input type="hidden" name="pledge" value=pledge/>
            <p>{i18n.t(Key::PayPrepareText)}</p>
            <p class="form-error" role="alert" hidden=move || !failed()>{i18n.t(Key::PayUnavailable)}</p>
            <button class="button" type="submit">{i18n.t(Key::PayPrepare)}</button>
        </ActionForm>
    }
}

// ----- result ------------------------------------------------------------------------------------

#[component]
pub fn PledgeResultPage() -> impl IntoView {
    let id = param_id("id");
    let data = Resource::new(move || id.get(), load_pledge);
    load(data, |pledge| view! { <PledgeResultView pledge/> })
}

#[component]
fn PledgeResultView(pledge: PledgeView) -> impl IntoView {
    let i18n = use_i18n();
    let (heading, text) = match pledge.status {
        PledgeStatus::Active => {
            (Key::PledgeThanks, i18n.t(Key::PledgeActiveText).replace("{date}", &i18n.date_time(pledge.ends_at)))
        }
        PledgeStatus::Collected => (Key::PledgeThanks, i18n.t(Key::PledgeCollectedText).to_owned()),
        PledgeStatus::Pending => (Key::PledgeNotYet, i18n.t(Key::PledgeNotYetText).to_owned()),
        PledgeStatus::PaymentFailed => {
            let text = i18n.t(Key::PledgePaymentFailedText).to_owned();
            let text = match pay_before(i18n, pledge.payment_due_at) {
                Some(due) => format!("{text} {due}"),
                None => text,
            };
            (Key::PledgePaymentFailed, text)
        }
        PledgeStatus::Refunded => {
            (Key::PledgeRefunded, i18n.t(Key::PledgeRefundedText).replace("{amount}", &i18n.money(pledge.total)))
        }
        PledgeStatus::Dropped | PledgeStatus::Cancelled => (Key::PledgeOver, i18n.t(Key::PledgeOverText).to_owned()),
    };
    let needs_card = matches!(pledge.status, PledgeStatus::Pending | PledgeStatus::PaymentFailed);
    let receipt = (pledge.status == PledgeStatus::Collected)
        .then(|| view! { <a class="button secondary" href=paths::receipt(pledge.id)>{i18n.t(Key::ReceiptTitle)}</a> });
    view! {
        <Title text=format!("{} · Trame", i18n.t(heading))/>
        <section class="wrap pay-page" id="pledge-result" data-status=pledge.status.as_str()>
            <h1>{i18n.t(heading)}</h1>
            <p class="lead">{text}</p>
            <PledgeSummary pledge=pledge.clone()/>
            <p class="actions">
                {needs_card.then(|| view! { <a class="button" href=paths::pay(pledge.id) rel="external">{i18n.t(Key::PayTitle)}</a> })}
                {receipt}
                <a class="button secondary" href=paths::campaign(&pledge.campaign_slug)>{i18n.t(Key::BackToCampaign)}</a>
                <a class="button secondary" href=paths::MY_PLEDGES>{i18n.t(Key::MyPledges)}</a>
            </p>
        </section>
    }
}

// ----- receipt -----------------------------------------------------------------------------------

#[component]
pub fn ReceiptPage() -> impl IntoView {
    let id = param_id("id");
    let data = Resource::new(move || id.get(), load_pledge);
    load(data, |pledge| view! { <ReceiptView pledge/> })
}

#[component]
fn ReceiptView(pledge: PledgeView) -> impl IntoView {
    let i18n = use_i18n();
    if !matches!(pledge.status, PledgeStatus::Collected | PledgeStatus::Refunded) {
        return view! { <section class="wrap"><p class="notice">{i18n.t(Key::ReceiptNotYet)}</p></section> }.into_any();
    }
    let reference = pledge.id.receipt_reference();
    view! {
        <Title text=format!("{} {} · Trame", i18n.t(Key::ReceiptTitle), reference)/>
        <section class="wrap receipt" id="receipt">
            <h1>{i18n.t(Key::ReceiptTitle)}</h1>
            <p class="receipt-ref">{reference}</p>
            <PledgeSummary pledge=pledge.clone()/>
            <p>{i18n.t(Key::ReceiptPaidOn)} " " {pledge.collected_at.map(|d| i18n.date_time(d)).unwrap_or_default()}</p>
            <p class="muted small">{i18n.t(Key::ReceiptNote)}</p>
        </section>
    }
    .into_any()
}
