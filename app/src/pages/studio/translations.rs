//! `/studio/campaigns/{id}/translations?lang=en`: the campaign's texts in another language —
//! title, summary, story, each reward, each question — next to the originals. Visitors who read
//! that language see them on the public page; an empty field shows the original.

use super::fields::{FormNote, TextArea, TextField};
use super::{campaign_param, load, StudioNav};
use crate::api::studio::translations::{
    load_translations, SaveCampaignTranslation, SaveFaqTranslation, SaveRewardTranslation,
};
use crate::components::form::{done, field_error, Outcome};
use crate::components::progressive_form::ProgressiveForm;
use crate::domain::{other_locales, CampaignId, FaqTexts, Locale, RewardTexts, TranslatedPart, TranslationsEditor};
use crate::i18n::{use_i18n, Key};
use crate::paths;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn TranslationsPage() -> impl IntoView {
    let campaign = campaign_param();
    let query = use_query_map();
    let lang = move || query.read().get("lang").unwrap_or_default();
    let editor = Resource::new(move || (campaign(), lang()), |(c, l)| load_translations(c, l));
    load(editor, |editor| view! { <TranslationsView editor/> })
}

/// The original text of a field, shown under it.
#[component]
fn Original(text: String) -> impl IntoView {
    let i18n = use_i18n();
    (!text.is_empty()).then(|| {
        view! {
            <details class="original">
                <summary>{i18n.t(Key::OriginalText)}</summary>
                <p class="muted pre-line">{text}</p>
            </details>
        }
    })
}

#[component]
fn TranslationsView(editor: TranslationsEditor) -> impl IntoView {
    let i18n = use_i18n();
    let campaign = editor.campaign;
    let lang = editor.lang;
    let saved = done("saved", Signal::derive(|| None));
    let save = ServerAction::<SaveCampaignTranslation>::new();
    let result: Outcome = Signal::derive(move || save.value().get());
    let (o, t) = (editor.original.clone(), editor.translated.clone());
    let intro = i18n.t(Key::TranslationsLead).replace("{language}", editor.own.native_name());
    view! {
        <Title text=format!("{} · {} · Trame", i18n.t(Key::TranslationsTitle), o.title)/>
        <section class="wrap studio-editor studio-translations" data-status=editor.status.as_str()>
            <p class="eyebrow"><a href=paths::STUDIO>{i18n.t(Key::StudioTitle)}</a> " · " {i18n.label(editor.status)}</p>
            <h1>{o.title.clone()}</h1>
            <StudioNav campaign current=Key::TranslationsTitle/>
            <p class="lead">{intro}</p>
            <nav class="language-tabs" aria-label=i18n.t(Key::TranslationsTitle)>
                <ul class="plain">
                    {other_locales(editor.own)
                        .map(|l| view! {
                            <li>
                                <a href=paths::studio_translations(campaign, l) aria-current=(l == lang).then_some("page") hreflang=l.code()>
                                    {l.native_name()}
                                </a>
                            </li>
                        })
                        .collect_view()}
                </ul>
            </nav>
            <Show when=move || saved.get()>
                <p class="notice" role="status" id="translation-saved">{i18n.t(Key::TranslationSaved)}</p>
            </Show>
            <section class="section" id="campaign-texts">
                <h2>{i18n.t(Key::CampaignTextsTitle)} " · " {lang.native_name()}</h2>
                <ProgressiveForm>
                    <ActionForm action=save attr:class="form editor-form" attr:id="campaign-texts-form">
                        <input type="hidden" name="campaign" value=campaign.0/>
                        <input type="hidden" name="lang" value=lang.code()/>
                        <FormNote result fields=&["lang"]/>
                        <TextField name="title" label=Key::CampaignTitleLabel value=t.title required=false error=field_error(result, "title")/>
                        <Original text=o.title/>
                        <TextArea name="summary" label=Key::SummaryLabel value=t.summary rows=3 error=field_error(result, "summary")/>
                        <Original text=o.summary/>
                        <TextArea name="story" label=Key::StoryLabel value=t.story rows=14 error=field_error(result, "story")/>
                        <Original text=o.story/>
                        <button class="button" type="submit">{i18n.t(Key::SaveTranslation)}</button>
                    </ActionForm>
                </ProgressiveForm>
            </section>
            {(!editor.rewards.is_empty()).then(|| view! { <h2>{i18n.t(Key::NavRewards)}</h2> })}
            {editor.rewards.into_iter().map(|part| view! { <RewardTranslation campaign lang part/> }).collect_view()}
            {(!editor.faq.is_empty()).then(|| view! { <h2>{i18n.t(Key::Faq)}</h2> })}
            {editor.faq.into_iter().map(|part| view! { <FaqTranslation campaign lang part/> }).collect_view()}
        </section>
    }
}

#[component]
fn RewardTranslation(campaign: CampaignId, lang: Locale, part: TranslatedPart<RewardTexts>) -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveRewardTranslation>::new();
    let result: Outcome = Signal::derive(move || save.value().get());
    let scope = format!("reward-{}-", part.id);
    let (o, t) = (part.original, part.translated);
    view! {
        <section class="section translation-part" id=format!("reward-texts-{}", part.id)>
            <h3>{o.title.clone()}</h3>
            <ProgressiveForm>
                <ActionForm action=save attr:class="form editor-form">
                    <input type="hidden" name="campaign" value=campaign.0/>
                    <input type="hidden" name="lang" value=lang.code()/>
                    <input type="hidden" name="tier" value=part.id/>
                    <FormNote result fields=&["lang"]/>
                    <TextField name="title" label=Key::RewardTitleLabel value=t.title required=false scope=scope.clone() error=field_error(result, "title")/>
                    <TextArea name="description" label=Key::RewardDescriptionLabel value=t.description rows=4 scope=scope error=field_error(result, "description")/>
                    <Original text=o.description/>
                    <button class="button secondary" type="submit">{i18n.t(Key::SaveTranslation)}</button>
                </ActionForm>
            </ProgressiveForm>
        </section>
    }
}

#[component]
fn FaqTranslation(campaign: CampaignId, lang: Locale, part: TranslatedPart<FaqTexts>) -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveFaqTranslation>::new();
    let result: Outcome = Signal::derive(move || save.value().get());
    let scope = format!("faq-{}-", part.id);
    let (o, t) = (part.original, part.translated);
    view! {
        <section class="section translation-part" id=format!("faq-texts-{}", part.id)>
            <h3>{o.question.clone()}</h3>
            <ProgressiveForm>
                <ActionForm action=save attr:class="form editor-form">
                    <input type="hidden" name="campaign" value=campaign.0/>
                    <input type="hidden" name="lang" value=lang.code()/>
                    <input type="hidden" name="entry" value=part.id/>
                    <FormNote result fields=&["lang"]/>
                    <TextField name="question" label=Key::QuestionPromptLabel value=t.question required=false scope=scope.clone() error=field_error(result, "question")/>
                    <TextArea name="answer" label=Key::FaqAnswerLabel value=t.answer rows=4 scope=scope error=field_error(result, "answer")/>
                    <Original text=o.answer/>
                    <button class="button secondary" type="submit">{i18n.t(Key::SaveTranslation)}</button>
                </ActionForm>
            </ProgressiveForm>
        </section>
    }
}
