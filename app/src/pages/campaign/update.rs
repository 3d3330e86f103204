//! `/campaigns/{slug}/updates/{id}`: one update of a campaign, where its email links. A
//! backers-only update shows its text to the campaign's backers, its team and admins; others
//! are told who may read it. Never cached: it depends on who reads.

use super::super::load;
use crate::api::campaigns::load_update;
use crate::domain::{to_zurich, UpdatePage};
use crate::i18n::{use_i18n, Key};
use crate::paths;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn CampaignUpdatePage() -> impl IntoView {
    let params = use_params_map();
    let key = move || {
        let p = params.read();
        (p.get("slug").unwrap_or_default(), p.get("update").and_then(|u| u.parse::<i64>().ok()).unwrap_or_default())
    };
    let update = Resource::new(key, |(slug, update)| load_update(slug, update));
    load(update, |page: UpdatePage| {
        let i18n = use_i18n();
        view! {
            <Title text=format!("{} · {} · Trame", page.title, page.campaign_title)/>
            <article class="wrap update-page" id="update">
                <p class="eyebrow">
                    <a href=paths::campaign(&page.slug)>{page.campaign_title.clone()}</a> " · " {i18n.t(Key::Updates)}
                </p>
                <h1>{page.title.clone()}</h1>
                <p class="muted small">
                    <time datetime=page.published_at.to_rfc3339()>{i18n.date(to_zurich(page.published_at).date())}</time>
                    " · " {i18n.label(page.visibility)}
                </p>
                {if page.readable {
                    view! { <div class="prose" id="update-body" inner_html=page.body_html.clone()></div> }.into_any()
                } else {
                    view! { <p class="notice" id="update-for-backers">{i18n.t(Key::UpdateForBackers)}</p> }.into_any()
                }}
            </article>
        }
    })
}
