//! `/studio/campaigns/{id}/needs`: help that is not money. The team lists what it needs (a
//! space, machines, hours, skills...), then answers each offer: accept, decline, mark done.
//! The campaign page shows each need's progress; the helper is emailed at each step.

use super::fields::{options_of, FormNote, TextArea, TextField};
use super::{campaign_param, load, StudioNav};
use crate::api::studio::needs::{load_needs, AnswerOffer, RemoveNeed, SaveNeed};
use crate::components::form::{done, field_error, Outcome};
use crate::components::progress::ProgressBar;
use crate::components::progressive_form::ProgressiveForm;
use crate::domain::{to_zurich, CampaignId, HelpOfferStatus, NeedForm, NeedKind, NeedsEditor, StudioNeed, StudioOffer};
use crate::i18n::{use_i18n, Key};
use crate::paths;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn NeedsPage() -> impl IntoView {
    let needs = Resource::new(campaign_param(), load_needs);
    load(needs, |editor| view! { <NeedsView editor/> })
}

#[component]
fn NeedsView(editor: NeedsEditor) -> impl IntoView {
    let i18n = use_i18n();
    let campaign = editor.campaign;
    let saved = done("saved", Signal::derive(|| None));
    let answered = Signal::derive({
        let (a, d, x) = (
            done("accepted", Signal::derive(|| None)),
            done("declined", Signal::derive(|| None)),
            done("done", Signal::derive(|| None)),
        );
        move || a.get() || d.get() || x.get()
    });
    let blank = NeedForm { kind: NeedKind::VolunteerHours.as_str().into(), ..NeedForm::default() };
    view! {
        <Title text=format!("{} · {} · Trame", i18n.t(Key::Needs), editor.title)/>
        <section class="wrap studio-editor studio-needs" data-status=editor.status.as_str()>
            <p class="eyebrow"><a href=paths::STUDIO>{i18n.t(Key::StudioTitle)}</a> " · " {i18n.label(editor.status)}</p>
            <h1>{editor.title.clone()}</h1>
            <StudioNav campaign current=Key::Needs/>
            <Show when=move || saved.get()>
                <p class="notice" role="status" id="need-saved">{i18n.t(Key::NeedSaved)}</p>
            </Show>
            <Show when=move || answered.get()>
                <p class="notice" role="status" id="offer-answered">{i18n.t(Key::OfferAnswered)}</p>
            </Show>
            <p class="lead">{i18n.t(Key::NeedsStudioLead)}</p>
            {editor.needs.into_iter().map(|need| view! { <NeedEntry campaign need/> }).collect_view()}
            <section class="section" aria-labelledby="new-need-heading">
                <h2 id="new-need-heading">{i18n.t(Key::NewNeed)}</h2>
                <NeedFormView campaign need=None form=blank/>
            </section>
        </section>
    }
}

#[component]
fn NeedEntry(campaign: CampaignId, need: StudioNeed) -> impl IntoView {
    let i18n = use_i18n();
    let remove = ServerAction::<RemoveNeed>::new();
    let removed: Outcome = Signal::derive(move || remove.value().get());
    let n = need;
    let quantity: i64 = n.form.quantity.parse().unwrap_or(1);
    let progress = format!("{} / {} {}", n.covered.min(quantity), quantity, n.form.unit);
    let percent = u32::try_from((n.covered.min(quantity) * 100) / quantity.max(1)).unwrap_or(100);
    let kind = NeedKind::parse(&n.form.kind).map(|k| i18n.label(k)).unwrap_or_default();
    view! {
        <article class="section studio-need" id=format!("need-{}", n.id)>
            <p class="eyebrow">{kind}</p>
            <h2>{n.form.title.clone()}</h2>
            <ProgressBar percent label=progress.clone()/>
            <p class="small need-progress">{progress}</p>
            {n.offers.is_empty().then(|| view! { <p class="muted">{i18n.t(Key::NoOffersYet)}</p> })}
            <ul class="plain team-list offers">
                {n.offers.into_iter().map(|offer| view! { <OfferItem campaign offer unit=n.form.unit.clone()/> }).collect_view()}
            </ul>
            <details>
                <summary>{i18n.t(Key::EditNeed)}</summary>
                <NeedFormView campaign need=Some(n.id) form=n.form.clone()/>
                <FormNote result=removed fields=&["need"]/>
                <ActionForm action=remove attr:class="inline-form">
                    <input type="hidden" name="campaign" value=campaign.0/>
                    <input type="hidden" name="need" value=n.id/>
                    <button class="button secondary small" type="submit">{i18n.t(Key::RemoveNeed)}</button>
                </ActionForm>
            </details>
        </article>
    }
}

#[component]
fn OfferItem(campaign: CampaignId, offer: StudioOffer, unit: String) -> impl IntoView {
    let i18n = use_i18n();
    let answer = ServerAction::<AnswerOffer>::new();
    let result: Outcome = Signal::derive(move || answer.value().get());
    let o = offer;
    let steps: Vec<(HelpOfferStatus, Key)> = [
        (HelpOfferStatus::Accepted, Key::AcceptOffer),
        (HelpOfferStatus::Done, Key::MarkOfferDone),
        (HelpOfferStatus::Declined, Key::DeclineOffer),
    ]
    .into_iter()
    .filter(|(to, _)| o.status.transition(*to).is_ok())
    .collect();
    view! {
        <li class="offer" id=format!("offer-{}", o.id) data-status=o.status.as_str()>
            <span>
                <strong>{o.name.clone()}</strong> " · " {format!("{} {unit}", o.quantity)} " · "
                <span class="status">{i18n.label(o.status)}</span>
                <span class="muted small">" · " <a href=format!("mailto:{}", o.email)>{o.email.clone()}</a> " · " {i18n.date(to_zurich(o.created_at).date())}</span>
                {(!o.message.is_empty()).then(|| view! { <span class="pre-line offer-message">{o.message.clone()}</span> })}
            </span>
            <span class="actions">
                {steps
                    .into_iter()
                    .map(|(to, label)| view! {
                        <ActionForm action=answer attr:class="inline-form">
                            <input type="hidden" name="campaign" value=campaign.0/>
                            <input type="hidden" name="offer" value=o.id/>
                            <input type="hidden" name="to" value=to.as_str()/>
                            <button class="button secondary small" type="submit" data-step=to.as_str()>{i18n.t(label)}</button>
                        </ActionForm>
                    })
                    .collect_view()}
            </span>
            <FormNote result fields=&["offer"]/>
        </li>
    }
}

/// The form of a need: a new one (`need` is `None`) or a stored one.
#[component]
fn NeedFormView(campaign: CampaignId, need: Option<i64>, form: NeedForm) -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveNeed>::new();
    let result: Outcome = Signal::derive(move || save.value().get());
    let scope = need.map(|n| format!("need-{n}-")).unwrap_or_else(|| "new-need-".into());
    view! {
        <ProgressiveForm>
            <ActionForm
                action=save
                attr:class="form editor-form"
                attr:id=need.map(|n| format!("need-form-{n}")).unwrap_or_else(|| "new-need-form".into())
            >
                <input type="hidden" name="campaign" value=campaign.0/>
                {need.map(|n| view! { <input type="hidden" name="need" value=n/> })}
                <FormNote result fields=&[]/>
                <super::fields::Choice
                    name="kind"
                    label=Key::NeedKindLabel
                    current=form.kind.clone()
                    options=options_of(NeedKind::ALL, NeedKind::as_str)
                    scope=scope.clone()
                    error=field_error(result, "kind")
                />
                <TextField name="title" label=Key::NeedTitleLabel value=form.title.clone() scope=scope.clone() error=field_error(result, "title")/>
                <TextArea name="description" label=Key::RewardDescriptionLabel value=form.description.clone() rows=3 scope=scope.clone() error=field_error(result, "description")/>
                <TextField name="quantity" label=Key::NeedQuantityLabel value=form.quantity.clone() kind="number" scope=scope.clone() error=field_error(result, "quantity")/>
                <TextField name="unit" label=Key::NeedUnitLabel value=form.unit.clone() required=false scope=scope error=field_error(result, "unit")/>
                <button class="button secondary" type="submit">{i18n.t(if need.is_none() { Key::AddNeed } else { Key::SaveNeed })}</button>
            </ActionForm>
        </ProgressiveForm>
    }
}
