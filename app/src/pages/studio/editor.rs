//! `/studio/campaigns/{id}`: the campaign editor. A plain form (it works without JavaScript);
//! once launched, the fields backers pledged on are shown fixed, and the server refuses them.

use super::fields::{options_of, Choice, FormNote, TextArea, TextField};
use super::load;
use super::StudioNav;
use crate::api::studio::review::SubmitCampaign;
use crate::api::studio::{load_campaign_editor, SaveCampaign};
use crate::components::form::{done, field_error, Outcome};
use crate::components::progressive_form::ProgressiveForm;
use crate::domain::{CampaignEditor, CampaignId, CampaignStatus, Currency, FundingModel, Locale};
use crate::i18n::{use_i18n, Key};
use crate::paths;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn CampaignEditorPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|v| v.parse::<i64>().ok()).unwrap_or_default();
    let editor = Resource::new(id, load_campaign_editor);
    load(editor, |editor| view! { <EditorView editor/> })
}

#[component]
fn EditorView(editor: CampaignEditor) -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveCampaign>::new();
    let result: Outcome = Signal::derive(move || save.value().get());
    let saved = done("saved", result);
    let joined = done("joined", Signal::derive(|| None));
    let f = editor.form.clone();
    // once launched, what backers pledged on is fixed (the server refuses a change)
    let locked = editor.status.is_public();
    let lock_note = locked.then(|| view! { <p class="hint">{i18n.t(Key::LockedAfterLaunch)}</p> });
    let text = move |name: &'static str, label: Key, value: String, fixed: bool| {
        view! { <TextField name label value fixed error=field_error(result, name)/> }
    };
    let date = move |name: &'static str, label: Key, value: String| {
        view! { <TextField name label value fixed=locked kind="datetime-local" error=field_error(result, name)/> }
    };
    view! {
        <Title text=format!("{} · {} · Trame", i18n.t(Key::EditCampaign), f.title)/>
        <section class="wrap studio-editor" data-status=editor.status.as_str()>
            <p class="eyebrow"><a href=paths::STUDIO>{i18n.t(Key::StudioTitle)}</a> " · " {i18n.label(editor.status)}</p>
            <h1>{f.title.clone()}</h1>
            <StudioNav campaign=editor.id current=Key::CampaignSettingsTitle/>
            {editor.review_note.clone().map(|note| view! {
                <div class="notice review-note" id="review-note">
                    <h2>{i18n.t(Key::ReviewNoteTitle)}</h2>
                    <p>{note}</p>
                </div>
            })}
            {(editor.status == CampaignStatus::InReview).then(|| view! {
                <p class="notice" role="status" id="submitted-notice">{i18n.t(Key::SubmittedNotice)}</p>
            })}
            <Show when=move || joined.get()>
                <p class="notice" role="status" id="joined-team">{i18n.t(Key::JoinedTeam)}</p>
            </Show>
            <Show when=move || saved.get()>
                <p class="notice" role="status" id="campaign-saved">{i18n.t(Key::CampaignSaved)}</p>
            </Show>
            {editor.status.is_public().then(|| view! {
                <p><a href=paths::campaign(&f.slug)>{i18n.t(Key::SeeCampaignPage)}</a></p>
            })}
            <ProgressiveForm>
                <ActionForm action=save attr:class="form editor-form" attr:id="campaign-form">
                    <input type="hidden" name="campaign" value=editor.id.0/>
                    <FormNote result fields=&[]/>
                    <h2>{i18n.t(Key::CampaignSettingsTitle)}</h2>
                    {text("title", Key::CampaignTitleLabel, f.title.clone(), false)}
                    {text("slug", Key::SlugLabel, f.slug.clone(), locked)}
                    <p class="hint">{i18n.t(Key::SlugHint)}</p>
                    <TextArea name="summary" label=Key::SummaryLabel value=f.summary.clone() rows=3 error=field_error(result, "summary")/>
                    <TextArea name="story" label=Key::StoryLabel value=f.story.clone() rows=16 error=field_error(result, "story")/>
                    <p class="hint">{i18n.t(Key::StoryHint)}</p>
                    {text("city", Key::CityLabel, f.city.clone(), false)}
                    <Choice
                        name="language"
                        label=Key::CampaignLanguageLabel
                        current=f.language.clone()
                        options=Locale::ALL.iter().map(|l| (l.code().to_owned(), l.native_name().to_owned())).collect()
                        error=field_error(result, "language")
                    />
                    <p class="hint">{i18n.t(Key::CampaignLanguageHint)}</p>
                    <Choice
                        name="currency"
                        label=Key::CurrencyLabel
                        current=f.currency.clone()
                        fixed=locked
                        options=[Currency::Chf, Currency::Eur].iter().map(|c| (c.code().to_owned(), c.code().to_owned())).collect()
                        error=field_error(result, "currency")
                    />
                    {text("goal", Key::GoalLabel, f.goal.clone(), locked)}
                    <Choice
                        name="funding_model"
                        label=Key::FundingModelLabel
                        current=f.funding_model.clone()
                        fixed=locked
                        options=options_of(FundingModel::ALL, FundingModel::as_str)
                        error=field_error(result, "funding_model")
                    />
                    {date("starts_at", Key::StartsAtLabel, f.starts_at.clone())}
                    {date("ends_at", Key::EndsAtLabel, f.ends_at.clone())}
                    {lock_note}
                    {text("min_pledge", Key::MinPledgeLabel, f.min_pledge.clone(), false)}
                    <button class="button" type="submit">{i18n.t(Key::SaveCampaign)}</button>
                </ActionForm>
            </ProgressiveForm>
            <section class="section story-preview" aria-labelledby="preview-heading">
                <h2 id="preview-heading">{i18n.t(Key::StoryPreview)}</h2>
                <div class="prose" id="story-preview" inner_html=editor.story_html.clone()></div>
            </section>
            <super::images::Images campaign=editor.id images=editor.images.clone()/>
            <super::faq::FaqEditor campaign=editor.id entries=editor.faq.clone()/>
            {(editor.status == CampaignStatus::Draft).then(|| view! { <SubmitSection campaign=editor.id/> })}
        </section>
    }
}

/// A draft's way to the review (owners; the server checks the role and what is missing).
#[component]
fn SubmitSection(campaign: CampaignId) -> impl IntoView {
    let i18n = use_i18n();
    let submit = ServerAction::<SubmitCampaign>::new();
    let result: Outcome = Signal::derive(move || submit.value().get());
    view! {
        <section class="section submit-section" aria-labelledby="submit-heading">
            <h2 id="submit-heading">{i18n.t(Key::SubmitTitle)}</h2>
            <p>{i18n.t(Key::SubmitLead)}</p>
            <ProgressiveForm>
                <ActionForm action=submit attr:class="form" attr:id="submit-form">
                    <input type="hidden" name="campaign" value=campaign.0/>
                    <FormNote result fields=&["summary", "story", "ends_at"]/>
                    <button class="button" type="submit">{i18n.t(Key::SubmitForReview)}</button>
                </ActionForm>
            </ProgressiveForm>
        </section>
    }
}
