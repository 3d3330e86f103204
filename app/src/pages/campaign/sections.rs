//! The campaign page's sections besides the story and the rewards.

use crate::components::countdown::Countdown;
use crate::components::designer_card::DesignerCardView;
use crate::components::live_totals::LiveTotals;
use crate::components::progress::ProgressBar;
use crate::domain::views::{CampaignDetail, DesignerCard, FaqEntry, NeedView, PartnerView, UpdateView};
use crate::domain::FundView;
use crate::domain::{to_zurich, FundingModel, PartnerKind, PartnerLevel, UpdateVisibility};
use crate::i18n::{use_i18n, Key};
use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// Money raised, goal, backers, progress, countdown and how charging works.
#[component]
pub fn FundingBox(campaign: CampaignDetail, match_funds: Vec<FundView>, server_now: DateTime<Utc>) -> impl IntoView {
    let i18n = use_i18n();
    let percent = campaign.percent();
    let ended = campaign.ends_at <= server_now;
    let matched = campaign.matched.is_positive().then(|| {
        view! {
            <p class="muted small" id="matched">
                {i18n.t(Key::MatchedIncluded)} " " {i18n.money(campaign.matched)}
            </p>
        }
    });
    let model = match campaign.funding_model {
        FundingModel::AllOrNothing => Key::AllOrNothingExplained,
        FundingModel::Flexible => Key::FlexibleExplained,
    };
    view! {
        <aside class="funding-box" aria-label=i18n.t(Key::Funding)>
            <p class="raised">
                <span class="raised-amount" id="raised">{i18n.money(campaign.raised())}</span>
                <span class="muted">" " {i18n.t(Key::Pledged)}</span>
            </p>
            <p class="goal">
                {i18n.t(Key::OfGoal)} " " <strong id="goal">{i18n.money_short(campaign.goal)}</strong>
            </p>
            <ProgressBar percent label=i18n.percent_funded(percent)/>
            <div class="funding-stats">
                <p>
                    <strong id="percent">{i18n.percent_funded(percent)}</strong>
                </p>
                <p>
                    <strong id="backers">{i18n.backers(campaign.backers)}</strong>
                </p>
            </div>
            {matched}
            {(!ended).then(|| view! { <LiveTotals slug=campaign.slug.clone()/> })}
            <Countdown ends_at=campaign.ends_at server_now/>
            {campaign.is_upcoming(server_now).then(|| view! {
                <p class="notice" id="opens-on">
                    {i18n.t(Key::OpensOn)} " "
                    <time datetime=campaign.starts_at.to_rfc3339()>{i18n.date_time(campaign.starts_at)}</time>
                </p>
            })}
            <p class="small">
                {if ended { i18n.t(Key::EndedOn) } else { i18n.t(Key::EndsOn) }} " "
                <time datetime=campaign.ends_at.to_rfc3339()>{i18n.date_time(campaign.ends_at)}</time>
            </p>
            {(match_funds.len() > 1).then(|| view! { <p class="muted small">{i18n.t(Key::FundsApplyInOrder)}</p> })}
            {match_funds
                .into_iter()
                .map(|m| {
                    view! {
                        <p class="match-fund small" id=format!("match-fund-{}", m.id)>
                            <strong>{i18n.t(Key::MatchFundBy)} " " {m.partner.clone()}</strong>
                            " — " {i18n.fund_terms(m.ratio, m.cap_per_pledge, m.total_cap)}
                            {(!m.tiers.is_empty()).then(|| view! { " (" {i18n.t(Key::FundKeptTo)} " " {m.tiers.join(", ")} ")" })}
                            " · " <span class="fund-left">{i18n.money_short(m.left())}</span> " " {i18n.t(Key::MatchFundLeft)}
                        </p>
                    }
                })
                .collect_view()}
            {campaign.is_open(server_now).then(|| view! {
                <a class="button back-button" id="back-project" href=crate::paths::pledge_form(&campaign.slug, None, None)>
                    {i18n.t(Key::BackThisProject)}
                </a>
            })}
            <p class="funding-model small">
                <strong>{i18n.label(campaign.funding_model)}</strong>
                " — "
                {i18n.t(model)}
            </p>
        </aside>
    }
}

#[component]
pub fn DesignersSection(designers: Vec<DesignerCard>) -> impl IntoView {
    let i18n = use_i18n();
    (!designers.is_empty()).then(|| {
        view! {
            <section id="designers" class="section" aria-labelledby="designers-heading">
                <h2 id="designers-heading">{i18n.t(Key::Designers)}</h2>
                <div class="designer-grid">
                    {designers.into_iter().map(|designer| view! { <DesignerCardView designer/> }).collect_view()}
                </div>
            </section>
        }
    })
}

/// Approved partners, the most prominent first: a campaign's (`slug`), or the platform's.
#[component]
pub fn PartnersWall(slug: Option<String>, partners: Vec<PartnerView>) -> impl IntoView {
    let i18n = use_i18n();
    let groups = PartnerKind::ALL
        .iter()
        .map(|kind| (*kind, partners.iter().filter(|p| p.kind == *kind).cloned().collect::<Vec<_>>()))
        .filter(|(_, list)| !list.is_empty())
        .map(|(kind, list)| {
            view! {
                <h3 class="partner-group">{i18n.label(kind)}</h3>
                <ul class="partner-wall">
                    {list.into_iter().map(|p| view! { <PartnerItem partner=p/> }).collect_view()}
                </ul>
            }
        })
        .collect_view();
    let (heading, join) = match &slug {
        Some(slug) => (Key::Partners, crate::paths::partners_join(slug)),
        None => (Key::PlatformPartners, crate::paths::PARTNERS_JOIN.to_owned()),
    };
    view! {
        <section id="partners" class="section" aria-labelledby="partners-heading">
            <h2 id="partners-heading">{i18n.t(heading)}</h2>
            {groups}
            <p><a class="button secondary" id="become-partner" href=join>{i18n.t(Key::BecomePartner)}</a></p>
        </section>
    }
}

#[component]
fn PartnerItem(partner: PartnerView) -> impl IntoView {
    let i18n = use_i18n();
    let p = partner;
    let logo = p
        .logo_url
        .clone()
        .map(|url| view! { <img class="partner-logo" src=url alt=p.organisation.clone() loading="lazy"/> });
    let name = match p.website_url.clone() {
        Some(url) => view! { <a href=url rel="noopener noreferrer nofollow">{p.organisation.clone()}</a> }.into_any(),
        None => view! { <span>{p.organisation.clone()}</span> }.into_any(),
    };
    view! {
        <li class="partner" class:partner-principal=p.level == PartnerLevel::Principal>
            {logo}
            <p class="partner-name">{name}</p>
            <p class="muted small">{i18n.label(p.level)}</p>
            <p class="small">{p.message.clone()}</p>
        </li>
    }
}

/// In-kind help the campaign asks for, with how much is already covered.
#[component]
pub fn NeedsSection(slug: String, needs: Vec<NeedView>, open: bool) -> impl IntoView {
    let i18n = use_i18n();
    (!needs.is_empty()).then(|| {
        view! {
            <section id="needs" class="section" aria-labelledby="needs-heading">
                <h2 id="needs-heading">{i18n.t(Key::Needs)}</h2>
                <p class="muted">{i18n.t(Key::NeedsLead)}</p>
                <ul class="need-list">
                    {needs
                        .into_iter()
                        .map(|n| {
                            let progress = format!("{} / {} {}", n.covered.min(n.quantity), n.quantity, n.unit);
                            view! {
                                <li class="need" id=format!("need-{}", n.id)>
                                    <p class="eyebrow">{i18n.label(n.kind)}</p>
                                    <h3>{n.title.clone()}</h3>
                                    <p>{n.description.clone()}</p>
                                    <ProgressBar percent=n.percent() label=progress.clone()/>
                                    <p class="small need-progress">{progress}</p>
                                    {open.then(|| view! {
                                        <a class="button secondary small" href=crate::paths::offer_help(&slug, n.id)>
                                            {i18n.t(Key::OfferHelp)}
                                        </a>
                                    })}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    })
}

#[component]
pub fn UpdatesSection(slug: String, updates: Vec<UpdateView>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section id="updates" class="section" aria-labelledby="updates-heading">
            <h2 id="updates-heading">{i18n.t(Key::Updates)}</h2>
            {if updates.is_empty() {
                view! { <p class="empty">{i18n.t(Key::NoUpdates)}</p> }.into_any()
            } else {
                updates
                    .into_iter()
                    .map(|u| {
                        let body = match u.visibility {
                            UpdateVisibility::Public => view! { <div class="prose" inner_html=u.body_html.clone()></div> }.into_any(),
                            UpdateVisibility::Backers => view! { <p class="muted">{i18n.label(u.visibility)}</p> }.into_any(),
                        };
                        let link = crate::paths::campaign_update(&slug, u.id);
                        view! {
                            <article class="update">
                                <p class="muted small">
                                    <time datetime=u.published_at.to_rfc3339()>{i18n.date(to_zurich(u.published_at).date())}</time>
                                </p>
                                <h3><a href=link.clone()>{u.title.clone()}</a></h3>
                                {body}
                                {(u.visibility == UpdateVisibility::Backers).then(|| view! {
                                    <p><a href=link>{i18n.t(Key::ReadUpdate)}</a></p>
                                })}
                            </article>
                        }
                    })
                    .collect_view()
                    .into_any()
            }}
        </section>
    }
}

#[component]
pub fn FaqSection(faq: Vec<FaqEntry>) -> impl IntoView {
    let i18n = use_i18n();
    (!faq.is_empty()).then(|| {
        view! {
            <section id="faq" class="section" aria-labelledby="faq-heading">
                <h2 id="faq-heading">{i18n.t(Key::Faq)}</h2>
                {faq
                    .into_iter()
                    .map(|f| {
                        view! {
                            <details class="faq">
                                <summary>{f.question.clone()}</summary>
                                <div class="prose" inner_html=f.answer_html.clone()></div>
                            </details>
                        }
                    })
                    .collect_view()}
            </section>
        }
    })
}
