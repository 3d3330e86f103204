//! `/me/pledges`: the backer's pledges, to change, cancel, pay or see the receipt of.

use super::*;

// ----- the backer's list ---------------------------------------------------------------------------

#[component]
pub fn MyPledgesPage() -> impl IntoView {
    let i18n = use_i18n();
    let cancel = ServerAction::<CancelPledge>::new();
    let list = Resource::new(|| (), |_| my_pledges());
    let result: Outcome = Signal::derive(move || cancel.value().get());
    view! {
        <Title text=format!("{} · Trame", i18n.t(Key::MyPledges))/>
        <section class="wrap my-pledges">
            <h1>{i18n.t(Key::MyPledges)}</h1>
            <FormError result/>
            {load(list, move |pledges| {
                if pledges.is_empty() {
                    return view! { <p class="empty">{i18n.t(Key::NoPledgesYet)} " " <a href="/">{i18n.t(Key::NavCampaigns)}</a></p> }.into_any();
                }
                view! {
                    <ul class="plain pledge-list">
                        {pledges.into_iter().map(|p| view! { <MyPledge pledge=p/> }).collect_view()}
                    </ul>
                }
                .into_any()
            })}
        </section>
    }
}

#[component]
fn MyPledge(pledge: PledgeView) -> impl IntoView {
    let i18n = use_i18n();
    let id = pledge.id;
    let edit = paths::pledge_form(&pledge.campaign_slug, pledge.reward_tier_id, Some(id));
    let actions = pledge.changeable.then(|| {
        view! {
            <a class="button secondary" href=edit>{i18n.t(Key::PledgeChange)}</a>
            // a plain form: the server cancels and sends the browser back to this list
            <form class="inline-form" method="post" action="/api/pledges/cancel">
                <input type="hidden" name="pledge" value=id.0.to_string()/>
                <button class="button danger" type="submit">{i18n.t(Key::PledgeCancel)}</button>
            </form>
        }
    });
    let pay = matches!(pledge.status, PledgeStatus::Pending | PledgeStatus::PaymentFailed)
        .then(|| view! { <a class="button" href=paths::pay(id) rel="external">{i18n.t(Key::PayTitle)}</a> });
    let receipt = (pledge.status == PledgeStatus::Collected)
        .then(|| view! { <a class="button secondary" href=paths::receipt(id)>{i18n.t(Key::ReceiptTitle)}</a> });
    view! {
        <li class="pledge-item" id=format!("pledge-{id}") data-status=pledge.status.as_str()>
            <PledgeSummary pledge=pledge.clone()/>
            <div class="actions">{pay} {receipt} {actions}</div>
        </li>
    }
}
