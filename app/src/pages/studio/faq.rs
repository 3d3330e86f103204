//! The editor's questions and answers: shown on the campaign page in this order; answers in
//! Markdown, rendered and sanitised like the story.

use super::fields::{FormNote, TextArea, TextField};
use crate::api::studio::faq::{AddFaq, RemoveFaq};
use crate::components::form::{done, field_error, Outcome};
use crate::components::progressive_form::ProgressiveForm;
use crate::domain::{CampaignId, StudioFaq};
use crate::i18n::{use_i18n, Key};
use leptos::form::ActionForm;
use leptos::prelude::*;

#[component]
pub(super) fn FaqEditor(campaign: CampaignId, entries: Vec<StudioFaq>) -> impl IntoView {
    let i18n = use_i18n();
    let add = ServerAction::<AddFaq>::new();
    let result: Outcome = Signal::derive(move || add.value().get());
    let remove = ServerAction::<RemoveFaq>::new();
    let changed = done("faq", result);
    view! {
        <section class="section studio-faq" id="faq" aria-labelledby="faq-heading">
            <h2 id="faq-heading">{i18n.t(Key::Faq)}</h2>
            <Show when=move || changed.get()>
                <p class="notice" role="status" id="faq-changed">{i18n.t(Key::RewardsChanged)}</p>
            </Show>
            <ul class="plain question-list">
                {entries
                    .into_iter()
                    .map(|f| {
                        view! {
                            <li id=format!("faq-{}", f.id)>
                                <strong>{f.question.clone()}</strong>
                                <ActionForm action=remove attr:class="inline-form">
                                    <input type="hidden" name="campaign" value=campaign.0/>
                                    <input type="hidden" name="entry" value=f.id/>
                                    <button class="button secondary small" type="submit">{i18n.t(Key::RemoveQuestion)}</button>
                                </ActionForm>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <ProgressiveForm>
                <ActionForm action=add attr:class="form" attr:id="faq-form">
                    <input type="hidden" name="campaign" value=campaign.0/>
                    <FormNote result fields=&[]/>
                    <TextField name="question" label=Key::QuestionPromptLabel value="" scope="faq-" error=field_error(result, "question")/>
                    <TextArea name="answer" label=Key::FaqAnswerLabel value="" rows=4 scope="faq-" error=field_error(result, "answer")/>
                    <button class="button secondary" type="submit">{i18n.t(Key::AddFaq)}</button>
                </ActionForm>
            </ProgressiveForm>
        </section>
    }
}
