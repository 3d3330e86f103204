//! The studio's form fields. Each form's fields are posted as `form[name]` and parsed together
//! (`domain::CampaignForm`, `RewardForm`...). A page with several forms of the same kind (the
//! slots of a reward) gives each a `scope`, so every control keeps a unique id
//! (`{scope}field-{name}`), which labels, error messages and the form island rely on.

use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;

/// `form[name]`.
fn input_name(name: &str) -> String {
    format!("form[{name}]")
}

fn control_id(scope: &str, name: &str) -> String {
    format!("{scope}field-{name}")
}

/// A field's frame: its label, the control, and its error tied to it.
#[component]
pub fn Labelled(
    name: &'static str,
    label: Key,
    #[prop(optional, into)] scope: String,
    error: Signal<Option<Key>>,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = control_id(&scope, name);
    view! {
        <div class="field" class:has-error=move || error.get().is_some()>
            <label for=id.clone()>{i18n.t(label)}</label>
            {children()}
            <p class="field-error" id=format!("{id}-error") role="alert">{move || error.get().map(|k| i18n.t(k))}</p>
        </div>
    }
}

/// An `<input>` (`text`, `number`, `date`, or `datetime-local` for times in Geneva's time);
/// read-only when fixed. Posted as `form[{name}]`, or as `{name}` when `bare` (a server
/// function's own argument).
#[component]
pub fn TextField(
    name: &'static str,
    label: Key,
    #[prop(into)] value: String,
    #[prop(optional)] fixed: bool,
    #[prop(optional)] bare: bool,
    #[prop(default = "text")] kind: &'static str,
    #[prop(default = true)] required: bool,
    #[prop(optional, into)] scope: String,
    error: Signal<Option<Key>>,
) -> impl IntoView {
    let id = control_id(&scope, name);
    view! {
        <Labelled name label scope error>
            <input
                id=id.clone()
                type=kind
                name=if bare { name.to_owned() } else { input_name(name) }
                value=value
                readonly=fixed
                required=required
                inputmode=(kind == "number").then_some("numeric")
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=format!("{id}-error")
            />
        </Labelled>
    }
}

#[component]
pub fn TextArea(
    name: &'static str,
    label: Key,
    #[prop(into)] value: String,
    rows: u32,
    #[prop(optional, into)] scope: String,
    error: Signal<Option<Key>>,
) -> impl IntoView {
    let id = control_id(&scope, name);
    view! {
        <Labelled name label scope error>
            <textarea
                id=id.clone()
                name=input_name(name)
                rows=rows
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=format!("{id}-error")
            >
                {value}
            </textarea>
        </Labelled>
    }
}

/// A `<select>`; when fixed, the choice is sent from a hidden field and the list is disabled.
#[component]
pub fn Choice(
    name: &'static str,
    label: Key,
    #[prop(into)] current: String,
    #[prop(optional)] fixed: bool,
    options: Vec<(String, String)>,
    #[prop(optional, into)] scope: String,
    error: Signal<Option<Key>>,
) -> impl IntoView {
    let id = control_id(&scope, name);
    let hidden = fixed.then(|| view! { <input type="hidden" name=input_name(name) value=current.clone()/> });
    view! {
        <Labelled name label scope error>
            {hidden}
            <select
                id=id.clone()
                name=(!fixed).then(|| input_name(name))
                disabled=fixed
                aria-describedby=format!("{id}-error")
            >
                {options
                    .into_iter()
                    .map(|(value, text)| view! { <option value=value.clone() selected=value == current>{text}</option> })
                    .collect_view()}
            </select>
        </Labelled>
    }
}

/// A checkbox: posted as `on` when ticked, absent otherwise.
#[component]
pub fn Check(name: &'static str, label: Key, checked: bool, #[prop(optional, into)] scope: String) -> impl IntoView {
    let i18n = use_i18n();
    let id = control_id(&scope, name);
    view! {
        <div class="field check">
            <input id=id.clone() type="checkbox" name=input_name(name) value="on" checked=checked/>
            <label for=id>{i18n.t(label)}</label>
        </div>
    }
}

/// The options of a `<select>` over a vocabulary, each named in the page's language.
pub fn options_of<T: crate::i18n::Translate>(all: &[T], code: fn(T) -> &'static str) -> Vec<(String, String)> {
    let i18n = use_i18n();
    all.iter().map(|v| (code(*v).to_owned(), i18n.label(*v).to_owned())).collect()
}

/// The form-wide line: server trouble, and the refusals that name the whole form or a part of
/// the page rather than a field (`review`: the campaign is being reviewed; `tier`, `slot`...).
#[component]
pub fn FormNote(result: crate::components::form::Outcome, fields: &'static [&'static str]) -> impl IntoView {
    use crate::error::AppError;
    let i18n = use_i18n();
    let message = move || match result.get() {
        Some(Err(AppError::Validation { field, message })) => {
            (fields.contains(&field.as_str()) || field == "review").then(|| i18n.t(message))
        }
        Some(Err(e)) => Some(i18n.t(e.message())),
        Some(Ok(())) | None => None,
    };
    view! { <p class="form-error" role="alert">{message}</p> }
}
