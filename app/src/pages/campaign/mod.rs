//! `/campaigns/{slug}`: the campaign page.

mod rewards;
pub(crate) mod sections;
mod update;

pub use update::CampaignUpdatePage;

use super::show;
use crate::api::campaigns::load_campaign_page;
use crate::domain::views::CampaignPage as PageData;
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;
use rewards::RewardCatalogue;
use sections::{DesignersSection, FaqSection, FundingBox, NeedsSection, PartnersWall, UpdatesSection};

#[component]
pub fn CampaignPage() -> impl IntoView {
    let slug = use_params_map().with_untracked(|p| p.get("slug").unwrap_or_default());
    show(load_campaign_page(slug), |data| view! { <CampaignView data/> })
}

#[component]
fn CampaignView(data: PageData) -> impl IntoView {
    let i18n = use_i18n();
    // the data is this page's own: moved into the view, never copied
    let PageData { campaign: c, images, rewards, designers, partners, match_funds, needs, updates, faq, server_now } =
        data;
    let mut images = images.into_iter();
    let hero = images.next().map(|img| {
        let srcset = (!img.srcset.is_empty()).then_some(img.srcset);
        view! {
            <img
                class="hero-image"
                src=img.url
                srcset=srcset
                sizes="(min-width: 60rem) 36rem, 100vw"
                alt=img.alt
                width="1200"
                height="675"
                fetchpriority="high"
            />
        }
    });
    let images: Vec<_> = images.collect();
    let gallery = (!images.is_empty()).then(|| {
        view! {
            <section id="gallery" class="section" aria-labelledby="gallery-heading">
                <h2 id="gallery-heading">{i18n.t(Key::Gallery)}</h2>
                <ul class="plain gallery">
                    {images
                        .into_iter()
                        .map(|img| {
                            let srcset = (!img.srcset.is_empty()).then_some(img.srcset);
                            view! {
                                <li>
                                    <img src=img.url srcset=srcset sizes="(min-width: 60rem) 20rem, 50vw" alt=img.alt loading="lazy"/>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    });
    let open = c.is_open(server_now);
    // texts not in the page's language (not translated) say which language they are in
    let text_lang = (c.text_locale != i18n.locale).then_some(c.text_locale.code());
    let anchors = [
        ("story", Key::TheStory, true),
        ("rewards", Key::Rewards, !rewards.is_empty()),
        ("designers", Key::Designers, !designers.is_empty()),
        ("partners", Key::Partners, !partners.is_empty()),
        ("needs", Key::Needs, !needs.is_empty()),
        ("updates", Key::Updates, true),
        ("faq", Key::Faq, !faq.is_empty()),
    ];
    view! {
        <Title text=format!("{} · Trame", c.title)/>
        <Meta name="description" content=c.summary.clone()/>
        <article class="campaign" data-campaign=c.slug.clone()>
            <header class="wrap campaign-hero">
                <div class="campaign-hero-media">{hero}</div>
                <div class="campaign-hero-text">
                    <p class="eyebrow">{c.city.clone()} " · " {i18n.label(c.status)}</p>
                    <h1 lang=text_lang>{c.title.clone()}</h1>
                    <p class="lead" lang=text_lang>{c.summary.clone()}</p>
                </div>
                <FundingBox campaign=c.clone() match_funds server_now/>
            </header>
            <nav class="section-nav" aria-label=c.title.clone()>
                <ul class="wrap">
                    {anchors
                        .into_iter()
                        .filter(|(_, _, shown)| *shown)
                        .map(|(id, key, _)| {
                            view! {
                                <li>
                                    <a href=format!("#{id}")>{i18n.t(key)}</a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
            <div class="wrap campaign-body">
                <section id="story" class="section" aria-labelledby="story-heading">
                    <h2 id="story-heading">{i18n.t(Key::TheStory)}</h2>
                    <div class="prose" id="story-text" lang=text_lang inner_html=c.story_html.clone()></div>
                </section>
                {gallery}
                <RewardCatalogue slug=c.slug.clone() rewards open=open/>
                <DesignersSection designers/>
                <PartnersWall slug=Some(c.slug.clone()) partners/>
                <NeedsSection slug=c.slug.clone() needs open=open/>
                <UpdatesSection slug=c.slug.clone() updates/>
                <FaqSection faq/>
            </div>
        </article>
    }
}
