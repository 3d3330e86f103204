//! Form pieces: a labelled field with its error, and the form-wide error line.

use crate::error::AppError;
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;

/// The last result of a form's server action (`None` before the first submit).
pub type Outcome = Signal<Option<Result<(), AppError>>>;

/// The error of `field` in an action's last result, if any.
pub fn field_error(result: Outcome, field: impl Into<String>) -> Signal<Option<Key>> {
    let field = field.into();
    Signal::derive(move || match result.get() {
        Some(Err(AppError::Validation { field: f, message })) if f == field => Some(message),
        _ => None,
    })
}

/// Whether the page was reached with `?done={what}` (see `paths::done`) or the action has just
/// succeeded in place.
pub fn done(what: &'static str, result: Outcome) -> Signal<bool> {
    let query = leptos_router::hooks::use_query_map();
    Signal::derive(move || matches!(result.get(), Some(Ok(()))) || query.read().get("done").is_some_and(|d| d == what))
}

/// A labelled input; the error (from the server) is tied to it for screen readers.
#[component]
pub fn Field(
    name: &'static str,
    label: Key,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: &'static str,
    #[prop(optional)] hint: Option<Key>,
    #[prop(optional, into)] value: Option<String>,
    #[prop(into)] error: Signal<Option<Key>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("field-{name}");
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = {
        let (error_id, hint_id) = (error_id.clone(), hint_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class:has-error=move || error.get().is_some()>
            <label for=id.clone()>{i18n.t(label)}</label>
            <input
                id=id
                name=name
                type=kind
                autocomplete=(!autocomplete.is_empty()).then_some(autocomplete)
                value=value
                required
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described
            />
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{i18n.t(h)}</p> })}
            <p class="field-error" id=error_id role="alert">
                {move || error.get().map(|k| i18n.t(k))}
            </p>
        </div>
    }
}

/// An error that belongs to no field (rate limit, server trouble).
#[component]
pub fn FormError(result: Outcome) -> impl IntoView {
    let i18n = use_i18n();
    let message = move || match result.get() {
        Some(Err(AppError::Validation { .. })) | Some(Ok(_)) | None => None,
        Some(Err(e)) => Some(i18n.t(e.message())),
    };
    view! { <p class="form-error" role="alert">{message}</p> }
}

/// The field for choosing a password, with the rules as its hint.
#[component]
pub fn NewPasswordField(result: Outcome, #[prop(default = Key::NewPasswordLabel)] label: Key) -> impl IntoView {
    view! {
        <Field
            name="password"
            label
            kind="password"
            autocomplete="new-password"
            hint=Key::PasswordHint
            error=field_error(result, "password")
        />
    }
}

/// The refusal of an upload named in the address (`?{param}=ImageTooLarge`): only the upload
/// messages we know, since the address is the visitor's to write.
pub fn image_error(param: &'static str) -> impl Fn() -> Option<Key> + Copy + Send + Sync + 'static {
    let query = leptos_router::hooks::use_query_map();
    move || {
        let code = query.read().get(param)?;
        Key::ALL.iter().copied().find(|k| {
            matches!(
                k,
                Key::ImageTooLarge
                    | Key::ImageNotImage
                    | Key::ImageTooManyPixels
                    | Key::ImageTooSmall
                    | Key::LocationTooLong
            ) && format!("{k:?}") == code
        })
    }
}
