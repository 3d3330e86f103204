use super::campaign::sections::PartnersWall;
use super::load;
use crate::api::campaigns::load_live_campaigns;
use crate::components::campaign_card::CampaignCardView;
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// Home: what Trame is, and the live campaigns.
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let campaigns = Resource::new(|| (), |_| load_live_campaigns());
    view! {
        <Title text=format!("Trame — {}", i18n.t(Key::SiteTagline))/>
        <Meta name="description" content=i18n.t(Key::HomeLead)/>
        <section class="home-hero">
            <div class="wrap">
                <h1>{i18n.t(Key::HomeTitle)}</h1>
                <p class="lead" id="home-lead">{i18n.t(Key::HomeLead)}</p>
            </div>
        </section>
        <section class="wrap section" aria-labelledby="live-heading">
            <h2 id="live-heading">{i18n.t(Key::LiveCampaigns)}</h2>
            {load(
                campaigns,
                move |live| {
                    // the platform's own partners, under the campaigns
                    let partners = (!live.partners.is_empty())
                        .then(|| view! { <PartnersWall slug=None partners=live.partners.clone()/> });
                    if live.campaigns.is_empty() {
                        return view! { <p class="empty">{i18n.t(Key::NoLiveCampaigns)}</p> {partners} }.into_any();
                    }
                    let now = live.server_now;
                    view! {
                        <div class="card-grid">
                            {live
                                .campaigns
                                .into_iter()
                                .map(|card| view! { <CampaignCardView card now/> })
                                .collect_view()}
                        </div>
                        {partners}
                    }
                        .into_any()
                },
            )}
        </section>
    }
}
