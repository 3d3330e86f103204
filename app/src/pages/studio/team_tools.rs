//! The money of a campaign for its owners and admins, on the dashboard: what was collected,
//! what waits for its backer, what was dropped or refunded; and cancelling a live campaign.

use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;

/// For the campaign's owner and admins: what was collected, and cancelling a live campaign.
#[component]
pub(super) fn TeamTools(slug: String, live: bool) -> impl IntoView {
    use crate::api::pledges::{campaign_settlement, CancelCampaign};
    let i18n = use_i18n();
    let cancel = ServerAction::<CancelCampaign>::new();
    let form_slug = StoredValue::new(slug.clone());
    let settlement =
        Resource::new(move || (slug.clone(), cancel.version().get()), |(slug, _)| campaign_settlement(slug));
    let result: crate::components::form::Outcome = Signal::derive(move || cancel.value().get());
    view! {
        <Suspense fallback=|| ()>
            // a bare Suspend: built once on the server (see pages::load)
            {Suspend::new(async move {
                let Ok(Some(s)) = settlement.await else { return ().into_any() };
                view! {
                    <section class="section team-tools" id="team-tools">
                        <h2>{i18n.t(Key::SettlementTitle)}</h2>
                        <dl class="settlement">
                            <div><dt>{i18n.t(Key::SettlementCollected)}</dt><dd id="collected">{i18n.money(s.collected)} " (" {s.collected_count} ")"</dd></div>
                            <div><dt>{i18n.t(Key::SettlementAwaiting)}</dt><dd id="awaiting">{i18n.money(s.awaiting)} " (" {s.awaiting_count} ")"</dd></div>
                            <div><dt>{i18n.t(Key::SettlementDropped)}</dt><dd id="dropped">{i18n.money(s.dropped)} " (" {s.dropped_count} ")"</dd></div>
                            <div><dt>{i18n.t(Key::SettlementRefunded)}</dt><dd id="refunded">{i18n.money(s.refunded)}</dd></div>
                        </dl>
                        {live.then(|| view! {
                            <details class="team-cancel">
                                <summary>{i18n.t(Key::CancelCampaign)}</summary>
                                <p>{i18n.t(Key::CancelCampaignLead)}</p>
                                <leptos::form::ActionForm action=cancel>
                                    <input type="hidden" name="slug" value=form_slug.get_value()/>
                                    <crate::components::form::FormError result/>
                                    <button class="button danger" type="submit">{i18n.t(Key::CancelCampaign)}</button>
                                </leptos::form::ActionForm>
                            </details>
                        })}
                    </section>
                }
                .into_any()
            })}
        </Suspense>
    }
}
