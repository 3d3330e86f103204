//! `/studio/campaigns/{id}/updates`: news from the team. A new update is saved as a draft and
//! shown as the public page will show it (rendered and sanitised by the server); publishing puts
//! it on the campaign page and emails it to every backer.

use super::fields::{options_of, Choice, FormNote, TextArea, TextField};
use super::{campaign_param, load, StudioNav};
use crate::api::studio::updates::{load_updates, DeleteUpdate, PublishUpdate, SaveUpdate};
use crate::components::form::{done, field_error, Outcome};
use crate::components::progressive_form::ProgressiveForm;
use crate::domain::{CampaignId, StudioUpdate, UpdateForm, UpdateVisibility, UpdatesEditor};
use crate::i18n::{use_i18n, Key};
use crate::paths;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn UpdatesPage() -> impl IntoView {
    let updates = Resource::new(campaign_param(), load_updates);
    load(updates, |editor| view! { <UpdatesView editor/> })
}

#[component]
fn UpdatesView(editor: UpdatesEditor) -> impl IntoView {
    let i18n = use_i18n();
    let campaign = editor.campaign;
    let published = done("published", Signal::derive(|| None));
    let saved = done("saved", Signal::derive(|| None));
    let blank = UpdateForm { visibility: UpdateVisibility::Public.as_str().into(), ..UpdateForm::default() };
    view! {
        <Title text=format!("{} · {} · Trame", i18n.t(Key::Updates), editor.title)/>
        <section class="wrap studio-editor studio-updates" data-status=editor.status.as_str()>
            <p class="eyebrow"><a href=paths::STUDIO>{i18n.t(Key::StudioTitle)}</a> " · " {i18n.label(editor.status)}</p>
            <h1>{editor.title.clone()}</h1>
            <StudioNav campaign current=Key::Updates/>
            <Show when=move || published.get()>
                <p class="notice" role="status" id="update-published">{i18n.t(Key::UpdatePublished)}</p>
            </Show>
            <Show when=move || saved.get()>
                <p class="notice" role="status" id="update-saved">{i18n.t(Key::UpdateSaved)}</p>
            </Show>
            <p class="lead">{i18n.t(Key::UpdatesLead)}</p>
            <h2>{i18n.t(Key::NewUpdate)}</h2>
            <UpdateFormView campaign update=None form=blank/>
            {editor.updates.into_iter().map(|u| view! { <UpdateEntry campaign update=u/> }).collect_view()}
        </section>
    }
}

#[component]
fn UpdateEntry(campaign: CampaignId, update: StudioUpdate) -> impl IntoView {
    let i18n = use_i18n();
    let publish = ServerAction::<PublishUpdate>::new();
    let published: Outcome = Signal::derive(move || publish.value().get());
    let delete = ServerAction::<DeleteUpdate>::new();
    let u = update;
    let when = match u.published_at {
        Some(at) => format!("{} {}", i18n.t(Key::PublishedOn), i18n.date_time(at)),
        None => i18n.t(Key::UpdateDraft).to_owned(),
    };
    let visibility = UpdateVisibility::parse(&u.form.visibility).map(|v| i18n.label(v)).unwrap_or_default();
    let hidden = |name: &'static str, value: i64| view! { <input type="hidden" name=name value=value/> };
    view! {
        <article class="update studio-update" id=format!("update-{}", u.id) data-published=u.published_at.is_some().to_string()>
            <p class="muted small">{when} " · " {visibility}</p>
            <h3>{u.form.title.clone()}</h3>
            <div class="prose update-preview" inner_html=u.body_html.clone()></div>
            <FormNote result=published fields=&["update"]/>
            <div class="actions">
                {u.published_at.is_none().then(|| view! {
                    <ActionForm action=publish attr:class="inline-form" attr:id=format!("publish-{}", u.id)>
                        {hidden("campaign", campaign.0)}
                        {hidden("update", u.id)}
                        <button class="button" type="submit">{i18n.t(Key::PublishUpdate)}</button>
                    </ActionForm>
                    <ActionForm action=delete attr:class="inline-form">
                        {hidden("campaign", campaign.0)}
                        {hidden("update", u.id)}
                        <button class="button secondary" type="submit">{i18n.t(Key::DeleteDraft)}</button>
                    </ActionForm>
                })}
            </div>
            <details>
                <summary>{i18n.t(Key::EditUpdate)}</summary>
                <UpdateFormView campaign update=Some(u.id) form=u.form.clone()/>
            </details>
        </article>
    }
}

/// The form of an update: a new one (`update` is `None`) or a stored one.
#[component]
fn UpdateFormView(campaign: CampaignId, update: Option<i64>, form: UpdateForm) -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveUpdate>::new();
    let result: Outcome = Signal::derive(move || save.value().get());
    let scope = update.map(|u| format!("update-{u}-")).unwrap_or_else(|| "new-update-".into());
    view! {
        <ProgressiveForm>
            <ActionForm
                action=save
                attr:class="form editor-form"
                attr:id=update.map(|u| format!("update-form-{u}")).unwrap_or_else(|| "new-update-form".into())
            >
                <input type="hidden" name="campaign" value=campaign.0/>
                {update.map(|u| view! { <input type="hidden" name="update" value=u/> })}
                <FormNote result fields=&[]/>
                <TextField name="title" label=Key::UpdateTitleLabel value=form.title.clone() scope=scope.clone() error=field_error(result, "title")/>
                <TextArea name="body" label=Key::UpdateBodyLabel value=form.body.clone() rows=8 scope=scope.clone() error=field_error(result, "body")/>
                <p class="hint">{i18n.t(Key::StoryHint)}</p>
                <Choice
                    name="visibility"
                    label=Key::UpdateVisibilityLabel
                    current=form.visibility.clone()
                    options=options_of(UpdateVisibility::ALL, UpdateVisibility::as_str)
                    scope=scope
                    error=field_error(result, "visibility")
                />
                <button class="button secondary" type="submit">{i18n.t(if update.is_none() { Key::SaveDraft } else { Key::SaveUpdate })}</button>
            </ActionForm>
        </ProgressiveForm>
    }
}
