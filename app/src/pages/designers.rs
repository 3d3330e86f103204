//! `/designers` (the registry) and `/designers/{slug}`.

use super::load;
use crate::api::designers::{load_designer_page, load_designers};
use crate::components::campaign_card::CampaignCardView;
use crate::components::designer_card::{DesignerCardView, Portrait};
use crate::domain::views::DesignerPage as PageData;
use crate::domain::{DesignerFilter, DesignerRegistry as RegistryData, Facet};
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn DesignerRegistry() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let filter = move || {
        let q = query.read();
        DesignerFilter {
            practice: q.get("practice").unwrap_or_default(),
            material: q.get("material").unwrap_or_default(),
            city: q.get("city").unwrap_or_default(),
        }
    };
    let designers = Resource::new(filter, load_designers);
    view! {
        <Title text=format!("{} · Trame", i18n.t(Key::DesignerRegistry))/>
        <Meta name="description" content=i18n.t(Key::DesignerRegistryLead)/>
        <section class="wrap section designer-registry">
            <h1>{i18n.t(Key::DesignerRegistry)}</h1>
            <p class="lead">{i18n.t(Key::DesignerRegistryLead)}</p>
            {load(designers, move |registry| view! { <RegistryView registry/> })}
        </section>
    }
}

/// One filter's values as links, each with how many designers it would show.
fn facet_links<T: Clone>(
    id: &'static str,
    title: Key,
    facets: Vec<Facet<T>>,
    name: impl Fn(&T) -> String,
    link: impl Fn(&T) -> String,
) -> impl IntoView {
    let i18n = use_i18n();
    (!facets.is_empty()).then(|| {
        view! {
            <div class="registry-filter" id=id>
                <h2 class="small-heading">{i18n.t(title)}</h2>
                <ul class="plain filter">
                    {facets
                        .into_iter()
                        .map(|f| {
                            view! {
                                <li>
                                    <a class="filter-option" href=format!("/designers{}", link(&f.value)) aria-current=f.active.then_some("true")>
                                        {name(&f.value)}
                                        <span class="count">{f.count}</span>
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </div>
        }
    })
}

#[component]
fn RegistryView(registry: RegistryData) -> impl IntoView {
    let i18n = use_i18n();
    let f = registry.filter.clone();
    let shown = i18n
        .t(Key::DesignersShown)
        .replace("{shown}", &registry.designers.len().to_string())
        .replace("{total}", &registry.total.to_string());
    let (f1, f2, f3) = (f.clone(), f.clone(), f.clone());
    view! {
        <nav class="registry-filters" aria-label=i18n.t(Key::RegistryFilters)>
            {facet_links("filter-practice", Key::Practices, registry.practices, move |p| i18n.label(*p).to_owned(), move |p| f1.toggle_practice(*p).query())}
            {facet_links("filter-material", Key::Materials, registry.materials, String::clone, move |m| f2.toggle_material(m).query())}
            {facet_links("filter-city", Key::CityLabel, registry.cities, String::clone, move |c| f3.toggle_city(c).query())}
        </nav>
        <p class="muted" id="designers-shown" role="status">
            {shown}
            {(!f.is_empty()).then(|| view! { " · " <a href="/designers" id="clear-filters">{i18n.t(Key::ClearFilters)}</a> })}
        </p>
        {if registry.designers.is_empty() {
            view! { <p class="empty">{i18n.t(Key::NoDesigners)}</p> }.into_any()
        } else {
            view! {
                <div class="designer-grid">
                    {registry.designers.into_iter().map(|designer| view! { <DesignerCardView designer/> }).collect_view()}
                </div>
            }
            .into_any()
        }}
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
                {(!data.certifications.is_empty()).then(|| view! {
                    <div>
                        <dt>{i18n.t(Key::Certifications)}</dt>
                        <dd id="certifications">{data.certifications.join(", ")}</dd>
                    </div>
                })}
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
