use crate::components::progress::ProgressBar;
use crate::domain::views::CampaignCard;
use crate::i18n::use_i18n;
use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// A campaign in a list: picture, summary, progress, time left.
#[component]
pub fn CampaignCardView(card: CampaignCard, now: DateTime<Utc>) -> impl IntoView {
    let i18n = use_i18n();
    let href = crate::paths::campaign(&card.slug);
    let percent = card.percent();
    view! {
        <article class="campaign-card">
            {card
                .image
                .clone()
                .map(|img| {
                    view! { <img class="campaign-card-image" src=img.url alt=img.alt loading="lazy" width="640" height="360"/> }
                })}
            <div class="campaign-card-body">
                <p class="eyebrow">{card.city.clone()}</p>
                <h3>
                    <a href=href.clone()>{card.title.clone()}</a>
                </h3>
                <p class="summary">{card.summary.clone()}</p>
                <ProgressBar percent label=i18n.percent_funded(percent)/>
                <p class="card-stats">
                    <strong>{i18n.money_short(card.raised)}</strong>
                    <span>{i18n.percent_funded(percent)}</span>
                    <span>{i18n.time_left_short(card.ends_at, now)}</span>
                </p>
            </div>
        </article>
    }
}
