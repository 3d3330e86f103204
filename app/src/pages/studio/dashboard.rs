//! `/studio/campaigns/{id}/dashboard`: a campaign's figures, pledges over time, sales against
//! limits, the money (settlement, and cancelling while live), and the backers table, filtered
//! and paged by plain links (`?q=&tier=&status=&page=`), with the CSV export.

use super::chart::PledgeChart;
use super::team_tools::TeamTools;
use super::{campaign_param, load, StudioNav};
use crate::api::studio::dashboard::{load_backers, load_dashboard};
use crate::api::studio::fulfilment::{CheckInBacker, Fulfil};
use crate::components::progress::ProgressBar;
use crate::domain::{Attendee, BackerFilter, BackersPage, CampaignId, Dashboard, PledgeStatus};
use crate::i18n::{use_i18n, Key};
use crate::paths;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn DashboardPage() -> impl IntoView {
    let campaign = campaign_param();
    let dashboard = Resource::new(campaign, load_dashboard);
    load(dashboard, move |dashboard| view! { <DashboardView dashboard/> })
}

#[component]
fn DashboardView(dashboard: Dashboard) -> impl IntoView {
    let i18n = use_i18n();
    let c = dashboard.campaign.clone();
    let percent = c.percent();
    let checked_in = crate::components::form::done("checked-in", Signal::derive(|| None));
    let time_left = if c.is_open(dashboard.server_now) {
        i18n.time_left_short(c.ends_at, dashboard.server_now)
    } else {
        i18n.label(c.status).to_owned()
    };
    let figures = [
        ("dash-raised", Key::RaisedLabel, i18n.money(c.raised())),
        ("dash-percent", Key::Funding, i18n.percent_funded(percent)),
        ("dash-backers", Key::ChartPledges, i18n.backers(c.backers)),
        ("dash-time", Key::TimeLeftLabel, time_left),
    ];
    view! {
        <Title text=format!("{} · {} · Trame", i18n.t(Key::NavDashboard), c.title)/>
        <section class="wrap studio-editor studio-dashboard" data-status=c.status.as_str()>
            <p class="eyebrow"><a href=paths::STUDIO>{i18n.t(Key::StudioTitle)}</a> " · " {i18n.label(c.status)}</p>
            <h1>{c.title.clone()}</h1>
            <StudioNav campaign=c.id current=Key::NavDashboard/>
            <dl class="dash-figures">
                {figures
                    .into_iter()
                    .map(|(id, label, value)| view! { <div><dt>{i18n.t(label)}</dt><dd id=id>{value}</dd></div> })
                    .collect_view()}
            </dl>
            <ProgressBar percent label=i18n.percent_funded(percent)/>
            <PledgeChart dashboard=dashboard.clone()/>
            <Show when=move || checked_in.get()>
                <p class="notice" role="status" id="checked-in">{i18n.t(Key::CheckedInNotice)}</p>
            </Show>
            <section class="section" id="sales" aria-labelledby="sales-heading">
                <h2 id="sales-heading">{i18n.t(Key::SalesTitle)}</h2>
                <table class="sales-table">
                    <tbody>
                        {dashboard
                            .tiers
                            .into_iter()
                            .map(|t| {
                                let taken = match t.limit {
                                    Some(limit) => format!("{} / {limit}", t.claimed),
                                    None => t.claimed.to_string(),
                                };
                                view! {
                                    <tr id=format!("sales-{}", t.id)>
                                        <th scope="row">{t.title.clone()}</th>
                                        <td>{taken} " " {i18n.t(Key::ClaimedOf)}</td>
                                    </tr>
                                    {t
                                        .slots
                                        .into_iter()
                                        .map(|s| {
                                            view! {
                                                <tr class="slot-sales" id=format!("slot-sales-{}", s.id)>
                                                    <th scope="row">"— " {i18n.date_time(s.starts_at)}</th>
                                                    <td>
                                                        {format!("{} / {}", s.claimed, s.capacity)} " " {i18n.t(Key::BookedLabel)}
                                                        <Attendees campaign=c.id attendees=s.attendees/>
                                                    </td>
                                                </tr>
                                            }
                                        })
                                        .collect_view()}
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </section>
            <TeamTools slug=c.slug.clone() live=c.status.accepts_pledges()/>
            <Backers campaign=c.id/>
        </section>
    }
}

/// The backers table, its filters and pages, read from the address.
#[component]
fn Backers(campaign: CampaignId) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let filter = move || {
        let q = query.read();
        BackerFilter {
            q: q.get("q").unwrap_or_default(),
            tier: q.get("tier").unwrap_or_default(),
            status: q.get("status").unwrap_or_default(),
            page: q.get("page").and_then(|p| p.parse().ok()).unwrap_or(1),
        }
    };
    let backers = Resource::new(move || (campaign.0, filter()), |(c, f)| load_backers(c, f));
    view! {
        <section class="section" id="backers" aria-labelledby="backers-heading">
            <h2 id="backers-heading">{i18n.t(Key::BackersTitle)}</h2>
            <p>
                <a class="button secondary" id="export-csv" href=paths::studio_export(campaign) download>
                    {i18n.t(Key::ExportCsv)}
                </a>
            </p>
            {load(backers, move |page: BackersPage| view! { <BackersTable campaign page filter=filter()/> })}
        </section>
    }
}

#[component]
fn BackersTable(campaign: CampaignId, page: BackersPage, filter: BackerFilter) -> impl IntoView {
    let i18n = use_i18n();
    let fulfil = ServerAction::<Fulfil>::new();
    let fulfilled = crate::components::form::done("fulfilled", Signal::derive(move || fulfil.value().get()));
    let hidden_filter = filter_fields(&filter);
    let pages = page.pages();
    let link = |n: u32| filter.query(n);
    let tier_options = std::iter::once((String::new(), i18n.t(Key::AllRewards).to_owned()))
        .chain(std::iter::once(("none".to_owned(), i18n.t(Key::NoReward).to_owned())))
        .chain(page.tiers.iter().map(|(id, title)| (id.to_string(), title.clone())));
    let status_options = std::iter::once((String::new(), i18n.t(Key::AllStatuses).to_owned()))
        .chain(PledgeStatus::ALL.iter().map(|s| (s.as_str().to_owned(), i18n.label(*s).to_owned())));
    let select = |name: &'static str, label: Key, current: String, options: Vec<(String, String)>| {
        view! {
            <div class="field">
                <label for=format!("filter-{name}")>{i18n.t(label)}</label>
                <select id=format!("filter-{name}") name=name>
                    {options
                        .into_iter()
                        .map(|(value, text)| view! { <option value=value.clone() selected=value == current>{text}</option> })
                        .collect_view()}
                </select>
            </div>
        }
    };
    view! {
        <form method="get" class="form backers-filter" id="backers-filter">
            <div class="field-row">
                <div class="field">
                    <label for="filter-q">{i18n.t(Key::SearchBackers)}</label>
                    <input id="filter-q" type="search" name="q" value=filter.q.clone()/>
                </div>
                {select("tier", Key::Rewards, filter.tier.clone(), tier_options.collect())}
                {select("status", Key::ExportStatus, filter.status.clone(), status_options.collect())}
                <button class="button secondary" type="submit">{i18n.t(Key::Filter)}</button>
            </div>
        </form>
        <p class="muted small" id="backers-count">{i18n.backers(page.matching)}</p>
        <Show when=move || fulfilled.get()>
            <p class="notice" role="status" id="fulfilled">{i18n.t(Key::FulfilledNotice)}</p>
        </Show>
        <ActionForm action=fulfil attr:class="inline-form" attr:id="fulfil-all">
            <input type="hidden" name="campaign" value=campaign.0/>
            <input type="hidden" name="on" value="true"/>
            {hidden_filter}
            <button class="button secondary small" type="submit">{i18n.t(Key::FulfilAllShown)}</button>
        </ActionForm>
        <div class="table-scroll">
            <table class="backers-table">
                <thead>
                    <tr>
                        <th scope="col">{i18n.t(Key::ExportBacker)}</th>
                        <th scope="col">{i18n.t(Key::Rewards)}</th>
                        <th scope="col">{i18n.t(Key::ExportTotal)}</th>
                        <th scope="col">{i18n.t(Key::ExportStatus)}</th>
                        <th scope="col">{i18n.t(Key::ExportDate)}</th>
                    </tr>
                </thead>
                <tbody>
                    {page
                        .rows
                        .into_iter()
                        .map(|r| {
                            let fields = filter_fields(&filter);
                            view! {
                                <tr id=format!("backer-{}", r.pledge) data-status=r.status.as_str()>
                                    <td>{r.name.clone()} <br/> <span class="muted small">{r.email.clone()}</span></td>
                                    <td>
                                        {r.reward.clone().unwrap_or_else(|| i18n.t(Key::NoReward).to_owned())}
                                        {(r.quantity > 1).then(|| format!(" × {}", r.quantity))}
                                        {r.slot.map(|s| view! { <br/> <span class="muted small">{i18n.date_time(s)}</span> })}
                                    </td>
                                    <td>{i18n.money(r.total)}</td>
                                    <td>
                                        {i18n.label(r.status)}
                                        {r.fulfilled.then(|| view! { <br/> <span class="badge">{i18n.t(Key::Fulfilled)}</span> })}
                                        {(r.reward.is_some() && matches!(r.status, PledgeStatus::Active | PledgeStatus::Collected)).then(move || view! {
                                            <ActionForm action=fulfil attr:class="inline-form" attr:id=format!("fulfil-{}", r.pledge)>
                                                <input type="hidden" name="campaign" value=campaign.0/>
                                                <input type="hidden" name="pledge" value=r.pledge.0/>
                                                <input type="hidden" name="on" value=(!r.fulfilled).to_string()/>
                                                {fields}
                                                <button class="button secondary small" type="submit">
                                                    {i18n.t(if r.fulfilled { Key::MarkNotFulfilled } else { Key::MarkFulfilled })}
                                                </button>
                                            </ActionForm>
                                        })}
                                    </td>
                                    <td>{i18n.date_time(r.created_at)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
        <nav class="pager" aria-label=i18n.t(Key::BackersTitle)>
            {(page.page > 1).then(|| view! { <a rel="prev" href=link(page.page - 1)>"← " {i18n.t(Key::PreviousPage)}</a> })}
            <span>{format!("{} / {pages}", page.page)}</span>
            {(page.page < pages).then(|| view! { <a rel="next" href=link(page.page + 1)>{i18n.t(Key::NextPage)} " →"</a> })}
        </nav>
    }
}

/// Who holds a place at a slot, who came, and a button to check someone in by hand.
#[component]
fn Attendees(campaign: CampaignId, attendees: Vec<Attendee>) -> impl IntoView {
    let i18n = use_i18n();
    let check_in = ServerAction::<CheckInBacker>::new();
    (!attendees.is_empty()).then(|| {
        view! {
            <details class="attendees">
                <summary>{i18n.t(Key::AttendeesLabel)} " (" {attendees.len()} ")"</summary>
                <ul class="plain">
                    {attendees
                        .into_iter()
                        .map(|a| {
                            let state = match a.checked_in_at {
                                Some(at) => view! { <span class="badge">{i18n.t(Key::CheckedInAt)} " " {i18n.date_time(at)}</span> }.into_any(),
                                None => view! {
                                    <ActionForm action=check_in attr:class="inline-form">
                                        <input type="hidden" name="campaign" value=campaign.0/>
                                        <input type="hidden" name="pledge" value=a.pledge.0/>
                                        <button class="button secondary small" type="submit">{i18n.t(Key::CheckInButton)}</button>
                                    </ActionForm>
                                }
                                .into_any(),
                            };
                            view! {
                                <li id=format!("attendee-{}", a.pledge) data-checked-in=a.checked_in_at.is_some().to_string()>
                                    {a.name.clone()} {(a.quantity > 1).then(|| format!(" × {}", a.quantity))} " " {state}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </details>
        }
    })
}

/// The filter's fields, hidden: a form that acts on the list shown comes back to it.
fn filter_fields(filter: &BackerFilter) -> impl IntoView {
    [
        ("q", filter.q.clone()),
        ("tier", filter.tier.clone()),
        ("status", filter.status.clone()),
        ("page", filter.page().to_string()),
    ]
    .into_iter()
    .map(|(name, value)| view! { <input type="hidden" name=format!("filter[{name}]") value=value/> })
    .collect_view()
}
