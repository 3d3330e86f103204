//! `/designers` (the registry) and `/designers/{slug}`.

use super::load;
use crate::api::designers::{load_designer_page, load_designers};
use crate::components::campaign_card::CampaignCardView;
use crate::components::designer_card::{DesignerCardView, Portrait};
use crate::domain::views::DesignerPage as PageData;
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

#[component]
pub fn DesignerRegistry() -> impl IntoView {
    let i18n = use_i18n();
    let designers = Resource::new(|| (), |_| load_designers());
    view! {
        <Title text=format!("{} · Trame", i18n.t(Key::DesignerRegistry))/>
        <Meta name="description" content=i18n.t(Key::DesignerRegistryLead)/>
        <section class="wrap section">
            <h1>{i18n.t(Key::DesignerRegistry)}</h1>
            <p class="lead">{i18n.t(Key::DesignerRegistryLead)}</p>
            {load(
                designers,
                move |list| {
                    if list.is_empty() {
                        return view! { <p class="empty">{i18n.t(Key::NoDesigners)}</p> }.into_any();
                    }
                    view! {
                        <div class="designer-grid">
                            {list.into_iter().map(|designer| view! { <DesignerCardView designer/> }).collect_view()}
                        </div>
                    }
                        .into_any()
                },
            )}
        </section>
    }
}

#[component]
pub fn DesignerPage() -> impl IntoView {
    let params = use_params_map();
    let page = Resource::new(move || params.read().get("slug").unwrap_or_default(), load_designer_page);
    load(page, |data| view! { <DesignerView data/> })
}

#[component]
fn DesignerView(data: PageData) -> impl IntoView {
    let i18n = use_i18n();
    let d = data.designer.clone();
    let now = data.server_now;
    let links =
        [(i18n.t(Key::Website), data.website_url.clone()), (i18n.t(Key::Instagram), data.instagram_url.clone())]
            .into_iter()
            .filter_map(|(label, url)| {
                url.map(|url| view! { <li><a href=url rel="noopener noreferrer nofollow">{label}</a></li> })
            })
            .collect_view();
    view! {
        <Title text=format!("{} · Trame", d.name)/>
        <Meta name="description" content=d.bio.clone()/>
        <article class="wrap section designer-page">
            <p>
                <a href="/designers">"← " {i18n.t(Key::BackToRegistry)}</a>
            </p>
            <header class="designer-head">
                <Portrait name=d.name.clone() photo_url=d.photo_url.clone()/>
                <div>
                    <h1>{d.name.clone()}</h1>
                    <p class="lead">{d.atelier.clone()} " · " {d.city.clone()}</p>
                </div>
            </header>
            <p class="designer-bio">{d.bio.clone()}</p>
            <dl class="facts">
                <div>
                    <dt>{i18n.t(Key::Practices)}</dt>
                    <dd>
                        <ul class="chips">
                            {d.practices.iter().map(|p| view! { <li class="chip">{i18n.label(*p)}</li> }).collect_view()}
                        </ul>
                    </dd>
                </div>
                <div>
                    <dt>{i18n.t(Key::Materials)}</dt>
                    <dd>{d.materials.join(", ")}</dd>
                </div>
            </dl>
            <ul class="plain links">{links}</ul>
            {(!data.campaigns.is_empty())
                .then(|| {
                    view! {
                        <h2>{i18n.t(Key::CampaignsWith)}</h2>
                        <div class="card-grid">
                            {data.campaigns.clone().into_iter().map(|card| view! { <CampaignCardView card now/> }).collect_view()}
                        </div>
                    }
                })}
            {(!data.rewards.is_empty())
                .then(|| {
                    view! {
                        <h2>{i18n.t(Key::RewardsBy)}</h2>
                        <ul class="plain designer-rewards">
                            {data
                                .rewards
                                .clone()
                                .into_iter()
                                .map(|r| {
                                    view! {
                                        <li>
                                            <a href=format!("{}#rewards", crate::paths::campaign(&r.campaign_slug))>{r.title}</a>
                                            " · " {i18n.label(r.kind)} " · " {i18n.money_short(r.price)}
                                            <span class="muted">" — " {r.campaign_title}</span>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                })}
        </article>
    }
}
