//! `/studio/campaigns/{id}`: the campaign editor. A plain form (it works without JavaScript);
//! once launched, the fields backers pledged on are shown fixed, and the server refuses them.

use super::load;
use crate::api::studio::{load_campaign_editor, SaveCampaign};
use crate::components::form::{done, field_error, FormError, Outcome};
use crate::components::progressive_form::ProgressiveForm;
use crate::domain::{CampaignEditor, Currency, FundingModel};
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
            <Show when=move || saved.get()>
                <p class="notice" role="status" id="campaign-saved">{i18n.t(Key::CampaignSaved)}</p>
            </Show>
            {editor.status.is_public().then(|| view! {
                <p><a href=paths::campaign(&f.slug)>{i18n.t(Key::SeeCampaignPage)}</a></p>
            })}
            <ProgressiveForm>
                <ActionForm action=save attr:class="form editor-form" attr:id="campaign-form">
                    <input type="hidden" name="campaign" value=editor.id.0/>
                    <FormError result/>
                    <h2>{i18n.t(Key::CampaignSettingsTitle)}</h2>
                    {text("title", Key::CampaignTitleLabel, f.title.clone(), false)}
                    {text("slug", Key::SlugLabel, f.slug.clone(), locked)}
                    <p class="hint">{i18n.t(Key::SlugHint)}</p>
                    <TextArea name="summary" label=Key::SummaryLabel value=f.summary.clone() rows=3 error=field_error(result, "summary")/>
                    <TextArea name="story" label=Key::StoryLabel value=f.story.clone() rows=16 error=field_error(result, "story")/>
                    <p class="hint">{i18n.t(Key::StoryHint)}</p>
                    {text("city", Key::CityLabel, f.city.clone(), false)}
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
                        options=FundingModel::ALL.iter().map(|m| (m.as_str().to_owned(), i18n.label(*m).to_owned())).collect()
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
        </section>
    }
}

/// `form[name]`: the editor's fields are parsed together (`domain::CampaignForm`).
fn input_name(name: &str) -> String {
    format!("form[{name}]")
}

/// A field's frame: its label, the control (`#field-{name}`), and its error tied to it.
#[component]
fn Labelled(name: &'static str, label: Key, error: Signal<Option<Key>>, children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("field-{name}");
    view! {
        <div class="field" class:has-error=move || error.get().is_some()>
            <label for=id.clone()>{i18n.t(label)}</label>
            {children()}
            <p class="field-error" id=format!("{id}-error") role="alert">{move || error.get().map(|k| i18n.t(k))}</p>
        </div>
    }
}

/// An `<input>` (text, or `datetime-local` for times in Geneva's time); read-only when fixed.
#[component]
fn TextField(
    name: &'static str,
    label: Key,
    value: String,
    fixed: bool,
    #[prop(default = "text")] kind: &'static str,
    error: Signal<Option<Key>>,
) -> impl IntoView {
    view! {
        <Labelled name label error>
            <input
                id=format!("field-{name}")
                type=kind
                name=input_name(name)
                value=value
                readonly=fixed
                required
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=format!("field-{name}-error")
            />
        </Labelled>
    }
}

#[component]
fn TextArea(name: &'static str, label: Key, value: String, rows: u32, error: Signal<Option<Key>>) -> impl IntoView {
    view! {
        <Labelled name label error>
            <textarea
                id=format!("field-{name}")
                name=input_name(name)
                rows=rows
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=format!("field-{name}-error")
            >
                {value}
            </textarea>
        </Labelled>
    }
}

/// A `<select>`; when fixed, the choice is sent from a hidden field and the list is disabled.
#[component]
fn Choice(
    name: &'static str,
    label: Key,
    current: String,
    fixed: bool,
    options: Vec<(String, String)>,
    error: Signal<Option<Key>>,
) -> impl IntoView {
    let hidden = fixed.then(|| view! { <input type="hidden" name=input_name(name) value=current.clone()/> });
    view! {
        <Labelled name label error>
            {hidden}
            <select
                id=format!("field-{name}")
                name=(!fixed).then(|| input_name(name))
                disabled=fixed
                aria-describedby=format!("field-{name}-error")
            >
                {options
                    .into_iter()
                    .map(|(value, text)| view! { <option value=value.clone() selected=value == current>{text}</option> })
                    .collect_view()}
            </select>
        </Labelled>
    }
}
