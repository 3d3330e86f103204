//! Partners' own pages: `/partners/join?campaign={slug}` (sign up as a partner of a campaign, or
//! of the platform without `campaign`) and `/me/partners` (one's applications: status, the
//! reviewer's reason, the texts to change and the logo to upload). The review lists of owners
//! and admins are in review.rs.

pub mod funds;
pub mod review;

use super::load;
use crate::api::partners::{load_join_page, my_partners, ApplyPartner, UpdatePartner};
use crate::components::form::{done, field_error, image_error, Outcome};
use crate::components::progressive_form::ProgressiveForm;
use crate::domain::{PartnerApplication, PartnerForm, PartnerJoinPage, PartnerKind, PartnerLevel, PartnerStatus};
use crate::i18n::{use_i18n, Key};
use crate::pages::studio::fields::{options_of, Choice, FormNote, TextArea, TextField};
use crate::paths;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn JoinPartnersPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let campaign = move || query.read().get("campaign").filter(|c| !c.is_empty());
    let page = Resource::new(campaign, load_join_page);
    view! {
        <Title text=format!("{} · Trame", i18n.t(Key::BecomePartner))/>
        <section class="wrap auth-page partner-join">
            <h1>{i18n.t(Key::BecomePartner)}</h1>
            {load(page, |page| view! { <JoinForm page/> })}
        </section>
    }
}

/// The fields of an application, filled with `form`; `scope` keeps ids unique on a page of several.
#[component]
fn PartnerFields(form: PartnerForm, result: Outcome, #[prop(optional, into)] scope: String) -> impl IntoView {
    let i18n = use_i18n();
    let kind = if form.kind.is_empty() { PartnerKind::InKind.as_str().to_owned() } else { form.kind.clone() };
    let level = if form.level.is_empty() { PartnerLevel::Supporter.as_str().to_owned() } else { form.level.clone() };
    view! {
        <FormNote result fields=&[]/>
        <TextField name="organisation" label=Key::OrganisationLabel value=form.organisation scope=scope.clone() error=field_error(result, "organisation")/>
        <TextField name="contact_name" label=Key::ContactNameLabel value=form.contact_name scope=scope.clone() error=field_error(result, "contact_name")/>
        <Choice name="kind" label=Key::PartnerKindLabel current=kind options=options_of(PartnerKind::ALL, PartnerKind::as_str) scope=scope.clone() error=field_error(result, "kind")/>
        <Choice name="level" label=Key::PartnerLevelLabel current=level options=options_of(PartnerLevel::ALL, PartnerLevel::as_str) scope=scope.clone() error=field_error(result, "level")/>
        <TextArea name="message" label=Key::PartnerOfferLabel value=form.message rows=4 scope=scope.clone() error=field_error(result, "message")/>
        <p class="hint">{i18n.t(Key::PartnerOfferHint)}</p>
        <TextField name="website" label=Key::WebsiteLabel value=form.website kind="url" required=false scope=scope error=field_error(result, "website")/>
    }
}

#[component]
fn JoinForm(page: PartnerJoinPage) -> impl IntoView {
    let i18n = use_i18n();
    let apply = ServerAction::<ApplyPartner>::new();
    let result: Outcome = Signal::derive(move || apply.value().get());
    let lead = match &page.campaign {
        Some(c) => i18n.t(Key::PartnerJoinCampaignLead).replace("{campaign}", &c.title),
        None => i18n.t(Key::PartnerJoinPlatformLead).to_owned(),
    };
    let form = PartnerForm { contact_name: page.contact_name.clone(), ..PartnerForm::default() };
    view! {
        <p class="lead">{lead}</p>
        <p class="hint">{i18n.t(Key::PartnerContactHint).replace("{email}", &page.email)}</p>
        <ProgressiveForm>
            <ActionForm action=apply attr:class="form" attr:id="partner-form">
                <input type="hidden" name="campaign" value=page.campaign.as_ref().map(|c| c.slug.clone()).unwrap_or_default()/>
                <PartnerFields form result/>
                <button class="button" type="submit">{i18n.t(Key::SendApplication)}</button>
            </ActionForm>
        </ProgressiveForm>
    }
}

#[component]
pub fn MyPartnersPage() -> impl IntoView {
    let i18n = use_i18n();
    let list = Resource::new(|| (), |_| my_partners());
    let applied = done("applied", Signal::derive(|| None));
    let changed = done("changed", Signal::derive(|| None));
    let logo = done("logo", Signal::derive(|| None));
    let offered = done("fund_offered", Signal::derive(|| None));
    let withdrawn = done("fund_withdrawn", Signal::derive(|| None));
    let logo_error = image_error("logo_error");
    view! {
        <Title text=format!("{} · Trame", i18n.t(Key::MyPartnerships))/>
        <section class="wrap my-partners">
            <h1>{i18n.t(Key::MyPartnerships)}</h1>
            <Show when=move || applied.get()>
                <p class="notice" role="status" id="partner-applied">{i18n.t(Key::PartnerApplied)}</p>
            </Show>
            <Show when=move || changed.get() || logo.get()>
                <p class="notice" role="status" id="partner-changed">{i18n.t(Key::PartnerChanged)}</p>
            </Show>
            <Show when=move || offered.get()>
                <p class="notice" role="status" id="fund-offered">{i18n.t(Key::FundOfferedNotice)}</p>
            </Show>
            <Show when=move || withdrawn.get()>
                <p class="notice" role="status" id="fund-withdrawn">{i18n.t(Key::FundWithdrawnNotice)}</p>
            </Show>
            <p class="form-error" role="alert" id="logo-error">{move || logo_error().map(|k| i18n.t(k))}</p>
            {load(list, move |list: Vec<PartnerApplication>| {
                if list.is_empty() {
                    return view! {
                        <p class="empty">{i18n.t(Key::NoPartnershipsYet)} " " <a href=paths::PARTNERS_JOIN>{i18n.t(Key::BecomePartner)}</a></p>
                    }
                    .into_any();
                }
                list.into_iter().map(|p| view! { <MyPartnership partner=p/> }).collect_view().into_any()
            })}
        </section>
    }
}

#[component]
fn MyPartnership(partner: PartnerApplication) -> impl IntoView {
    let i18n = use_i18n();
    let update = ServerAction::<UpdatePartner>::new();
    let result: Outcome = Signal::derive(move || update.value().get());
    let p = partner;
    let target = match &p.campaign {
        Some(c) => view! { <a href=paths::campaign(&c.slug)>{c.title.clone()}</a> }.into_any(),
        None => view! { <span>{i18n.t(Key::ThePlatform)}</span> }.into_any(),
    };
    let scope = format!("partner-{}-", p.id);
    view! {
        <article class="section partnership" id=format!("partner-{}", p.id) data-status=p.status.as_str()>
            <h2>{p.form.organisation.clone()}</h2>
            <p class="muted">{target} " · " <span class="status">{i18n.label(p.status)}</span></p>
            {(p.status == PartnerStatus::Rejected).then(|| p.review_note.clone().map(|note| view! {
                <div class="notice review-note"><p>{note}</p></div>
            }))}
            {(p.status == PartnerStatus::Approved).then(|| view! { <p class="hint">{i18n.t(Key::EditGoesBackToReview)}</p> })}
            {p.logo_url.clone().map(|url| view! { <img class="partner-logo" src=url alt=format!("{} — {}", i18n.t(Key::LogoLabel), p.form.organisation)/> })}
            <form class="form upload-form" method="post" enctype="multipart/form-data" action=paths::partner_logo(p.id)>
                <div class="field">
                    <label for=format!("{scope}logo")>{i18n.t(Key::LogoLabel)}</label>
                    <input id=format!("{scope}logo") type="file" name="file" accept="image/png,image/jpeg,image/webp" required/>
                </div>
                <button class="button secondary" type="submit">{i18n.t(Key::UploadLogo)}</button>
            </form>
            {p.offers_funds().then(|| view! { <funds::PartnerFunds partner=p.clone()/> })}
            <details>
                <summary>{i18n.t(Key::EditApplication)}</summary>
                <ProgressiveForm>
                    <ActionForm action=update attr:class="form">
                        <input type="hidden" name="partner" value=p.id/>
                        <PartnerFields form=p.form.clone() result scope/>
                        <button class="button" type="submit">{i18n.t(Key::SaveApplication)}</button>
                    </ActionForm>
                </ProgressiveForm>
            </details>
        </article>
    }
}
