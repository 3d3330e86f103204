//! The review of partners' applications: a campaign's owners in the studio
//! (`/studio/campaigns/{id}/partners`) and the admins for the platform (`/admin/partners`).
//! Approve, or reject with a reason the partner reads in the email and on their account.

use crate::api::funds::DecideFund;
use crate::api::partners::{
    load_campaign_partners, load_platform_partners, ReviewCampaignPartner, ReviewPlatformPartner,
};
use crate::components::form::{done, Outcome};
use crate::domain::{
    CampaignId, FundStatus, FundView, PartnerApplication, PartnerKind, PartnerLevel, PartnerStatus, PartnersReview,
};
use crate::i18n::{use_i18n, Key};
use crate::pages::load;
use crate::pages::studio::{campaign_param, StudioNav};
use crate::paths;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn CampaignPartnersPage() -> impl IntoView {
    let list = Resource::new(campaign_param(), load_campaign_partners);
    load(list, |review| view! { <ReviewView review/> })
}

#[component]
pub fn PlatformPartnersPage() -> impl IntoView {
    let list = Resource::new(|| (), |_| load_platform_partners());
    load(list, |review| view! { <ReviewView review/> })
}

#[component]
fn ReviewView(review: PartnersReview) -> impl IntoView {
    let i18n = use_i18n();
    let reviewed = done("reviewed", Signal::derive(|| None));
    let decided = done("fund_decided", Signal::derive(|| None));
    let campaign = review.campaign;
    let head = match campaign {
        Some(id) => view! {
            <p class="eyebrow"><a href=paths::STUDIO>{i18n.t(Key::StudioTitle)}</a></p>
            <h1>{review.title.clone()}</h1>
            <StudioNav campaign=id current=Key::Partners/>
        }
        .into_any(),
        None => view! { <h1>{i18n.t(Key::PlatformPartners)}</h1> }.into_any(),
    };
    view! {
        <Title text=format!("{} · Trame", i18n.t(Key::Partners))/>
        <section class="wrap studio-editor partners-review">
            {head}
            <Show when=move || reviewed.get()>
                <p class="notice" role="status" id="partner-reviewed">{i18n.t(Key::PartnerReviewedNotice)}</p>
            </Show>
            <Show when=move || decided.get()>
                <p class="notice" role="status" id="fund-decided">{i18n.t(Key::FundDecidedNotice)}</p>
            </Show>
            <p class="lead">{i18n.t(Key::PartnersReviewLead)}</p>
            {review.partners.is_empty().then(|| view! { <p class="empty">{i18n.t(Key::NoPartnershipsYet)}</p> })}
            {review.partners.into_iter().map(|partner| view! { <Application campaign partner/> }).collect_view()}
        </section>
    }
}

#[component]
fn Application(campaign: Option<CampaignId>, partner: PartnerApplication) -> impl IntoView {
    let i18n = use_i18n();
    let on_campaign = ServerAction::<ReviewCampaignPartner>::new();
    let on_platform = ServerAction::<ReviewPlatformPartner>::new();
    let result: Outcome = Signal::derive(move || on_campaign.value().get().or_else(|| on_platform.value().get()));
    let p = partner;
    let label = |code: &str, all: &[PartnerKind]| {
        all.iter().find(|k| k.as_str() == code).map(|k| i18n.label(*k)).unwrap_or_default()
    };
    let level = PartnerLevel::parse(&p.form.level).map(|l| i18n.label(l)).unwrap_or_default();
    let error = move || match result.get() {
        Some(Err(e)) => Some(i18n.t(e.message())),
        _ => None,
    };
    let decide = move |approve: bool, key: Key| {
        let hidden = view! {
            {campaign.map(|c| view! { <input type="hidden" name="campaign" value=c.0/> })}
            <input type="hidden" name="partner" value=p.id/>
            <input type="hidden" name="approve" value=approve.to_string()/>
        };
        let reason = (!approve).then(|| {
            view! {
                <label class="visually-hidden" for=format!("reason-{}", p.id)>{i18n.t(Key::RejectReasonLabel)}</label>
                <input id=format!("reason-{}", p.id) name="reason" required placeholder=i18n.t(Key::RejectReasonLabel)/>
            }
        });
        let button = view! { <button class="button secondary small" type="submit" data-approve=approve.to_string()>{i18n.t(key)}</button> };
        match campaign {
            Some(_) => {
                view! { <ActionForm action=on_campaign attr:class="inline-form">{hidden}{reason}{button}</ActionForm> }
                    .into_any()
            }
            None => {
                view! { <ActionForm action=on_platform attr:class="inline-form">{hidden}{reason}{button}</ActionForm> }
                    .into_any()
            }
        }
    };
    view! {
        <article class="section partner-application" id=format!("partner-{}", p.id) data-status=p.status.as_str()>
            {p.logo_url.clone().map(|url| view! { <img class="partner-logo" src=url alt=""/> })}
            <h2>{p.form.organisation.clone()}</h2>
            <p class="muted small">
                {label(&p.form.kind, PartnerKind::ALL)} " · " {level} " · " {p.form.contact_name.clone()} " · "
                <a href=format!("mailto:{}", p.contact_email)>{p.contact_email.clone()}</a>
                {(!p.form.website.is_empty()).then(|| view! { " · " <a href=p.form.website.clone() rel="noopener noreferrer nofollow">{p.form.website.clone()}</a> })}
            </p>
            <p class="pre-line">{p.form.message.clone()}</p>
            <p><span class="status">{i18n.label(p.status)}</span> {p.review_note.clone().map(|n| view! { " · " <em>{n}</em> })}</p>
            <p class="form-error" role="alert">{error}</p>
            <div class="actions">
                {(p.status != PartnerStatus::Approved).then(|| decide(true, Key::ApprovePartner))}
                {(p.status != PartnerStatus::Rejected).then(|| decide(false, Key::RejectPartner))}
            </div>
            {campaign.map(|c| p.funds.iter().cloned().map(|fund| view! { <FundDecision campaign=c fund/> }).collect_view())}
        </article>
    }
}

/// A match fund offered to the campaign: its terms, and the owners' answer.
#[component]
fn FundDecision(campaign: CampaignId, fund: FundView) -> impl IntoView {
    let i18n = use_i18n();
    let decide = ServerAction::<DecideFund>::new();
    let error = move || match decide.value().get() {
        Some(Err(e)) => Some(i18n.t(e.message())),
        _ => None,
    };
    let f = fund;
    let id = f.id;
    let form = move |accept: bool, key: Key| {
        let reason = (!accept).then(|| {
            view! {
                <label class="visually-hidden" for=format!("fund-reason-{}", id)>{i18n.t(Key::RejectReasonLabel)}</label>
                <input id=format!("fund-reason-{}", id) name="reason" required placeholder=i18n.t(Key::RejectReasonLabel)/>
            }
        });
        view! {
            <ActionForm action=decide attr:class="inline-form">
                <input type="hidden" name="campaign" value=campaign.0/>
                <input type="hidden" name="fund" value=id/>
                <input type="hidden" name="accept" value=accept.to_string()/>
                {reason}
                <button class="button secondary small" type="submit" data-accept=accept.to_string()>{i18n.t(key)}</button>
            </ActionForm>
        }
    };
    let waiting_card = f.status == FundStatus::Accepted && !f.card_saved;
    view! {
        <div class="fund" id=format!("fund-{}", f.id) data-status=f.status.as_str()>
            <h3>{i18n.t(Key::MatchFunds)} " · " {i18n.label(f.status)}</h3>
            <super::funds::FundSummary fund=f.clone()/>
            {waiting_card.then(|| view! { <p class="hint">{i18n.t(Key::FundNoCardYet)}</p> })}
            {f.decline_reason.clone().map(|r| view! { <p><em>{r}</em></p> })}
            <p class="form-error" role="alert">{error}</p>
            {(f.status == FundStatus::Offered).then(|| view! {
                <div class="actions">{form(true, Key::AcceptFund)}{form(false, Key::DeclineFund)}</div>
            })}
        </div>
    }
}
