//! The reward catalogue with its filter by kind: a set of links (`?kind=workshop`) the server
//! answers with the filtered page, so it needs no JavaScript.

use crate::components::reward_card::RewardCard;
use crate::domain::views::RewardTierView;
use crate::domain::RewardKind;
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn RewardCatalogue(slug: String, rewards: Vec<RewardTierView>, open: bool) -> impl IntoView {
    let i18n = use_i18n();
    if rewards.is_empty() {
        return ().into_any();
    }
    // rendered on the server only, once per request: the query is read once and the tiers are
    // moved into their cards (a closure here would be built twice, for resolving and writing)
    let selected = use_query_map().with_untracked(|q| q.get("kind").and_then(|k| RewardKind::parse(&k).ok()));
    let kinds: Vec<(RewardKind, usize)> = RewardKind::ALL
        .iter()
        .map(|k| (*k, rewards.iter().filter(|r| r.kind == *k).count()))
        .filter(|(_, n)| *n > 0)
        .collect();
    let base = crate::paths::campaign(&slug);
    let link = |kind: Option<RewardKind>| match kind {
        Some(k) => format!("{base}?kind={}#rewards", k.as_str()),
        None => format!("{base}#rewards"),
    };
    let current = |kind: Option<RewardKind>| (selected == kind).then_some("true");
    let filter = view! {
        <nav class="filter" aria-label=i18n.t(Key::FilterByKind)>
            <a href=link(None) class="filter-option" aria-current=current(None) data-kind="all">
                {i18n.t(Key::AllKinds)}
                <span class="count">{rewards.len()}</span>
            </a>
            {kinds
                .into_iter()
                .map(|(kind, n)| {
                    view! {
                        <a href=link(Some(kind)) class="filter-option" aria-current=current(Some(kind)) data-kind=kind.as_str()>
                            {i18n.label(kind)}
                            <span class="count">{n}</span>
                        </a>
                    }
                })
                .collect_view()}
        </nav>
    };
    let cards: Vec<_> = rewards
        .into_iter()
        .filter(|tier| selected.is_none_or(|k| tier.kind == k))
        .map(|tier| {
            let href = (open && !tier.is_sold_out()).then(|| crate::paths::pledge_form(&slug, Some(tier.id), None));
            view! { <RewardCard tier pledge_href=href/> }
        })
        .collect();
    let grid = if cards.is_empty() {
        view! { <p class="empty">{i18n.t(Key::NoRewardOfKind)}</p> }.into_any()
    } else {
        cards.into_any()
    };
    view! {
        <section id="rewards" class="section" aria-labelledby="rewards-heading">
            <h2 id="rewards-heading">{i18n.t(Key::Rewards)}</h2>
            {filter}
            <div class="reward-grid">{grid}</div>
        </section>
    }
    .into_any()
}
