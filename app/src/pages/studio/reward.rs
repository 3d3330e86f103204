//! `/studio/campaigns/{id}/rewards/{tier}` (or `/new`): one reward's editor. The tier's form,
//! then its time slots (each its own small form), its questions and its pickup points. Every
//! part is a plain form that posts and comes back here; locks are explained next to what they
//! fix, and the server refuses what they forbid.

use super::fields::{options_of, Check, Choice, FormNote, TextArea, TextField};
use super::{campaign_param, load, StudioNav};
use crate::api::studio::rewards::{
    load_reward, AddQuestion, DeleteReward, RemoveQuestion, RemoveSlot, SaveReward, SaveSlot, SetPickup,
};
use crate::components::form::{done, field_error, Outcome};
use crate::components::progressive_form::ProgressiveForm;
use crate::domain::{
    CampaignId, Fulfilment, QuestionKind, RewardEditor, RewardKind, RewardTierId, SlotForm, StudioQuestion, StudioSlot,
};
use crate::i18n::{use_i18n, Key};
use crate::paths;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn RewardEditorPage() -> impl IntoView {
    let params = use_params_map();
    let campaign = campaign_param();
    let tier = move || params.read().get("tier").and_then(|v| v.parse::<i64>().ok());
    let editor = Resource::new(move || (campaign(), tier()), |(campaign, tier)| load_reward(campaign, tier));
    load(editor, |editor| view! { <RewardView editor/> })
}

#[component]
fn RewardView(editor: RewardEditor) -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveReward>::new();
    let result: Outcome = Signal::derive(move || save.value().get());
    let saved = done("saved", result);
    let changed = ["slot", "slot-removed", "question", "question-removed", "pickup"].map(|what| done(what, result));
    let f = editor.form.clone();
    let campaign = editor.campaign;
    // chosen by live pledges after launch: the price is fixed (the server refuses a change)
    let price_fixed = editor.status.is_public() && editor.claimed > 0;
    let title = if editor.tier.is_some() { f.title.clone() } else { i18n.t(Key::NewReward).to_owned() };
    let designers: Vec<(String, String)> = std::iter::once((String::new(), i18n.t(Key::NoDesignerChoice).to_owned()))
        .chain(editor.designers.iter().map(|(id, name)| (id.to_string(), name.clone())))
        .collect();
    let text = move |name: &'static str, label: Key, value: String, required: bool| {
        view! { <TextField name label value required error=field_error(result, name)/> }
    };
    view! {
        <Title text=format!("{title} · {} · Trame", editor.campaign_title)/>
        <section class="wrap studio-editor studio-reward-editor" data-status=editor.status.as_str()>
            <p class="eyebrow">
                <a href=paths::STUDIO>{i18n.t(Key::StudioTitle)}</a> " · " {editor.campaign_title.clone()}
            </p>
            <h1>{title.clone()}</h1>
            <StudioNav campaign current=Key::NavRewards/>
            <p><a href=paths::studio_rewards(campaign)>"← " {i18n.t(Key::BackToRewards)}</a></p>
            <Show when=move || saved.get()>
                <p class="notice" role="status" id="reward-saved">{i18n.t(Key::RewardSaved)}</p>
            </Show>
            <Show when=move || changed.iter().any(|c| c.get())>
                <p class="notice" role="status" id="reward-changed">{i18n.t(Key::RewardsChanged)}</p>
            </Show>
            <ProgressiveForm>
                <ActionForm action=save attr:class="form editor-form" attr:id="reward-form">
                    <input type="hidden" name="campaign" value=campaign.0/>
                    {editor.tier.map(|t| view! { <input type="hidden" name="tier" value=t.0/> })}
                    <FormNote result fields=&["tier"]/>
                    {text("title", Key::RewardTitleLabel, f.title.clone(), true)}
                    <TextArea name="description" label=Key::RewardDescriptionLabel value=f.description.clone() rows=5 error=field_error(result, "description")/>
                    <Choice
                        name="kind"
                        label=Key::RewardKindLabel
                        current=f.kind.clone()
                        options=options_of(RewardKind::ALL, RewardKind::as_str)
                        error=field_error(result, "kind")
                    />
                    <div class="field-row">
                        <TextField
                            name="price"
                            label=Key::PriceLabel
                            value=f.price.clone()
                            fixed=price_fixed
                            error=field_error(result, "price")
                        />
                        <p class="currency-code">{editor.currency.code()}</p>
                    </div>
                    {price_fixed.then(|| view! { <p class="hint" id="price-locked">{i18n.t(Key::PriceLockedNote)}</p> })}
                    {text("quantity_limit", Key::QuantityLimitLabel, f.quantity_limit.clone(), false)}
                    {text("max_per_pledge", Key::MaxPerPledgeLabel, f.max_per_pledge.clone(), true)}
                    <TextField
                        name="estimated_delivery"
                        label=Key::EstimatedDeliveryLabel
                        value=f.estimated_delivery.clone()
                        kind="date"
                        required=false
                        error=field_error(result, "estimated_delivery")
                    />
                    <Choice
                        name="fulfilment"
                        label=Key::FulfilmentLabel
                        current=f.fulfilment.clone()
                        options=options_of(Fulfilment::ALL, Fulfilment::as_str)
                        error=field_error(result, "fulfilment")
                    />
                    {text("location", Key::LocationLabel, f.location.clone(), false)}
                    <Choice
                        name="designer"
                        label=Key::DesignerLabel
                        current=f.designer.clone()
                        options=designers
                        error=field_error(result, "designer")
                    />
                    <Check name="visible" label=Key::VisibleLabel checked=f.visible.is_some()/>
                    <button class="button" type="submit">{i18n.t(Key::SaveReward)}</button>
                </ActionForm>
            </ProgressiveForm>
            {match editor.tier {
                None => view! { <p class="hint">{i18n.t(Key::SaveRewardFirst)}</p> }.into_any(),
                Some(tier) => view! { <TierParts campaign tier editor=editor.clone()/> }.into_any(),
            }}
        </section>
    }
}

/// A stored tier's slots, questions, pickup points, and its deletion.
#[component]
fn TierParts(campaign: CampaignId, tier: RewardTierId, editor: RewardEditor) -> impl IntoView {
    let i18n = use_i18n();
    let remove_slot = ServerAction::<RemoveSlot>::new();
    let slot_removed: Outcome = Signal::derive(move || remove_slot.value().get());
    let delete = ServerAction::<DeleteReward>::new();
    let deleted: Outcome = Signal::derive(move || delete.value().get());
    let pickup = ServerAction::<SetPickup>::new();
    let pickup_result: Outcome = Signal::derive(move || pickup.value().get());
    view! {
        <section class="section" id="slots" aria-labelledby="slots-heading">
            <h2 id="slots-heading">{i18n.t(Key::SlotsTitle)}</h2>
            <p class="hint">{i18n.t(Key::SlotsLead)}</p>
            <FormNote result=slot_removed fields=&["slot"]/>
            {editor
                .slots
                .into_iter()
                .map(|entry| view! { <SlotRow campaign tier entry remove=remove_slot/> })
                .collect_view()}
            <SlotFormView campaign tier id=None form=SlotForm { capacity: "10".into(), ..SlotForm::default() }/>
        </section>
        <section class="section" id="questions" aria-labelledby="questions-heading">
            <h2 id="questions-heading">{i18n.t(Key::QuestionsTitle)}</h2>
            <p class="hint">{i18n.t(Key::QuestionsLead)}</p>
            <Questions campaign tier questions=editor.questions/>
        </section>
        {(!editor.pickup_points.is_empty()).then(|| view! {
            <section class="section" id="tier-pickup" aria-labelledby="tier-pickup-heading">
                <h2 id="tier-pickup-heading">{i18n.t(Key::PickupPointsTitle)}</h2>
                <FormNote result=pickup_result fields=&[]/>
                <ul class="plain pickup-list">
                    {editor
                        .pickup_points
                        .into_iter()
                        .map(|(p, offered)| {
                            view! {
                                <li id=format!("tier-pickup-{}", p.id) data-offered=offered.to_string()>
                                    <strong>{p.name.clone()}</strong> " — " {p.address.clone()}
                                    {offered.then(|| view! { " " <span class="badge">{i18n.t(Key::PickupOffered)}</span> })}
                                    <ActionForm action=pickup attr:class="inline-form">
                                        <input type="hidden" name="campaign" value=campaign.0/>
                                        <input type="hidden" name="tier" value=tier.0/>
                                        <input type="hidden" name="point" value=p.id.0/>
                                        <input type="hidden" name="on" value=(!offered).to_string()/>
                                        <button class="button secondary small" type="submit">
                                            {i18n.t(if offered { Key::StopPickup } else { Key::OfferPickup })}
                                        </button>
                                    </ActionForm>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        })}
        {(!editor.pledged).then(|| view! {
            <section class="section danger-zone">
                <FormNote result=deleted fields=&["tier"]/>
                <ActionForm action=delete attr:id="delete-reward-form">
                    <input type="hidden" name="campaign" value=campaign.0/>
                    <input type="hidden" name="tier" value=tier.0/>
                    <button class="button secondary" type="submit">{i18n.t(Key::DeleteReward)}</button>
                </ActionForm>
            </section>
        })}
    }
}

/// A stored slot: its own form, and its removal while nobody booked it.
#[component]
fn SlotRow(
    campaign: CampaignId,
    tier: RewardTierId,
    entry: StudioSlot,
    remove: ServerAction<RemoveSlot>,
) -> impl IntoView {
    let slot = entry;
    let i18n = use_i18n();
    let booked = slot.claimed;
    view! {
        <div class="slot-row" id=format!("slot-{}", slot.id) data-booked=booked.to_string()>
            <SlotFormView campaign tier id=Some(slot.id.0) form=slot.form.clone()/>
            <p class="muted small">{i18n.t(Key::BookedLabel)} " " {booked}</p>
            {(booked == 0).then(|| view! {
                <ActionForm action=remove attr:class="inline-form" attr:id=format!("remove-slot-{}", slot.id)>
                    <input type="hidden" name="campaign" value=campaign.0/>
                    <input type="hidden" name="tier" value=tier.0/>
                    <input type="hidden" name="slot" value=slot.id.0/>
                    <button class="button secondary small" type="submit">{i18n.t(Key::RemoveSlot)}</button>
                </ActionForm>
            })}
        </div>
    }
}

/// The form of a slot: a new one (`slot` is `None`) or a stored one.
#[component]
fn SlotFormView(campaign: CampaignId, tier: RewardTierId, id: Option<i64>, form: SlotForm) -> impl IntoView {
    let i18n = use_i18n();
    let slot = id;
    let save = ServerAction::<SaveSlot>::new();
    let result: Outcome = Signal::derive(move || save.value().get());
    let scope = match slot {
        Some(s) => format!("slot-{s}-"),
        None => "new-slot-".to_owned(),
    };
    let field = move |name: &'static str, label: Key, value: String, kind: &'static str| {
        let scope = scope.clone();
        view! { <TextField name label value kind scope required=name != "location" error=field_error(result, name)/> }
    };
    view! {
        <ProgressiveForm>
            <ActionForm
                action=save
                attr:class="form slot-form"
                attr:id=slot.map(|s| format!("slot-form-{s}")).unwrap_or_else(|| "new-slot-form".into())
            >
                <input type="hidden" name="campaign" value=campaign.0/>
                <input type="hidden" name="tier" value=tier.0/>
                {slot.map(|s| view! { <input type="hidden" name="slot" value=s/> })}
                <FormNote result fields=&[]/>
                <div class="field-row">
                    {field("starts_at", Key::SlotStartsLabel, form.starts_at.clone(), "datetime-local")}
                    {field("ends_at", Key::SlotEndsLabel, form.ends_at.clone(), "datetime-local")}
                    {field("capacity", Key::CapacityLabel, form.capacity.clone(), "number")}
                    {field("location", Key::LocationLabel, form.location.clone(), "text")}
                </div>
                <button class="button secondary" type="submit">
                    {i18n.t(if slot.is_some() { Key::SaveSlot } else { Key::AddSlot })}
                </button>
            </ActionForm>
        </ProgressiveForm>
    }
}

/// The questions asked with this tier, and a new one.
#[component]
fn Questions(campaign: CampaignId, tier: RewardTierId, questions: Vec<StudioQuestion>) -> impl IntoView {
    let i18n = use_i18n();
    let add = ServerAction::<AddQuestion>::new();
    let result: Outcome = Signal::derive(move || add.value().get());
    let remove = ServerAction::<RemoveQuestion>::new();
    let removed: Outcome = Signal::derive(move || remove.value().get());
    view! {
        <FormNote result=removed fields=&["question"]/>
        <ul class="plain question-list">
            {questions
                .into_iter()
                .map(|q| {
                    let choices = q.choices.join(", ");
                    view! {
                        <li id=format!("question-{}", q.id)>
                            <strong>{q.prompt.clone()}</strong> " · " {i18n.label(q.kind)}
                            {(!choices.is_empty()).then(|| view! { " (" {choices.clone()} ")" })}
                            {q.required.then(|| view! { " · " {i18n.t(Key::RequiredLabel)} })}
                            {(!q.answered).then(|| view! {
                                <ActionForm action=remove attr:class="inline-form">
                                    <input type="hidden" name="campaign" value=campaign.0/>
                                    <input type="hidden" name="tier" value=tier.0/>
                                    <input type="hidden" name="question" value=q.id/>
                                    <button class="button secondary small" type="submit">{i18n.t(Key::RemoveQuestion)}</button>
                                </ActionForm>
                            })}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        <ProgressiveForm>
            <ActionForm action=add attr:class="form" attr:id="question-form">
                <input type="hidden" name="campaign" value=campaign.0/>
                <input type="hidden" name="tier" value=tier.0/>
                <FormNote result fields=&[]/>
                <TextField name="prompt" label=Key::QuestionPromptLabel value="" scope="question-" error=field_error(result, "prompt")/>
                <Choice
                    name="kind"
                    label=Key::QuestionKindLabel
                    current=QuestionKind::Choice.as_str()
                    options=options_of(QuestionKind::ALL, QuestionKind::as_str)
                    scope="question-"
                    error=field_error(result, "kind")
                />
                <TextArea name="choices" label=Key::ChoicesLabel value="" rows=3 scope="question-" error=field_error(result, "choices")/>
                <Check name="required" label=Key::RequiredLabel checked=true scope="question-"/>
                <button class="button secondary" type="submit">{i18n.t(Key::AddQuestion)}</button>
            </ActionForm>
        </ProgressiveForm>
    }
}
