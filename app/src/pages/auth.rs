//! Sign up, sign in, forgotten and reset password. Plain forms posted to server functions: an
//! error sends the browser back to the form with the error in the URL, shown by the server.

use crate::api::auth::{RequestPasswordReset, ResetPassword, SignIn, SignUp, VerifyEmail};
use crate::components::form::{done, field_error, Field, FormError, NewPasswordField, Outcome};
use crate::components::progressive_form::ProgressiveForm;
use crate::i18n::{use_i18n, Key};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

fn next_param() -> Signal<String> {
    let query = use_query_map();
    Signal::derive(move || query.read().get("next").unwrap_or_default())
}

#[component]
pub fn SignInPage() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<SignIn>::new();
    let result: Outcome = Signal::derive(move || action.value().get());
    let next = next_param();
    view! {
        <Title text=format!("{} · Trame", i18n.t(Key::SignIn))/>
        <section class="wrap auth-page">
            <h1>{i18n.t(Key::SignIn)}</h1>
            <ProgressiveForm>
                <ActionForm action attr:class="form" attr:id="sign-in-form">
                    <input type="hidden" name="next" value=next/>
                    <FormError result/>
                    <Field name="email" label=Key::EmailLabel kind="email" autocomplete="email" error=field_error(result, "email")/>
                    <Field
                        name="password"
                        label=Key::PasswordLabel
                        kind="password"
                        autocomplete="current-password"
                        error=field_error(result, "password")
                    />
                    <button class="button" type="submit">{i18n.t(Key::SignIn)}</button>
                </ActionForm>
            </ProgressiveForm>
            <p class="form-links">
                <a href="/forgot-password">{i18n.t(Key::ForgotPassword)}</a>
                " · "
                {i18n.t(Key::NoAccountYet)}
                " "
                <a href=move || with_next("/signup", &next.get())>{i18n.t(Key::SignUp)}</a>
            </p>
        </section>
    }
}

#[component]
pub fn SignUpPage() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<SignUp>::new();
    let result: Outcome = Signal::derive(move || action.value().get());
    let next = next_param();
    view! {
        <Title text=format!("{} · Trame", i18n.t(Key::SignUp))/>
        <section class="wrap auth-page">
            <h1>{i18n.t(Key::SignUp)}</h1>
            <ProgressiveForm>
                <ActionForm action attr:class="form" attr:id="sign-up-form">
                    <input type="hidden" name="next" value=next/>
                    <FormError result/>
                    <Field
                        name="display_name"
                        label=Key::DisplayNameLabel
                        autocomplete="name"
                        error=field_error(result, "display_name")
                    />
                    <Field name="email" label=Key::EmailLabel kind="email" autocomplete="email" error=field_error(result, "email")/>
                    <NewPasswordField result=result label=Key::PasswordLabel/>
                    <button class="button" type="submit">{i18n.t(Key::SignUp)}</button>
                </ActionForm>
            </ProgressiveForm>
            <p class="form-links">
                {i18n.t(Key::AlreadyHaveAccount)}
                " "
                <a href=move || with_next("/signin", &next.get())>{i18n.t(Key::SignIn)}</a>
            </p>
        </section>
    }
}

pub(crate) fn with_next(path: &str, next: &str) -> String {
    if next.is_empty() {
        path.to_owned()
    } else {
        let encoded: String = next
            .bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'/' => (b as char).to_string(),
                _ => format!("%{b:02X}"),
            })
            .collect();
        format!("{path}?next={encoded}")
    }
}

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<RequestPasswordReset>::new();
    let result: Outcome = Signal::derive(move || action.value().get());
    let sent = done("sent", result);
    view! {
        <Title text=format!("{} · Trame", i18n.t(Key::ForgotPassword))/>
        <section class="wrap auth-page">
            <h1>{i18n.t(Key::ForgotPassword)}</h1>
            <p>{i18n.t(Key::ForgotPasswordLead)}</p>
            <Show when=move || sent.get()>
                <p class="notice" role="status">{i18n.t(Key::ResetLinkSent)}</p>
            </Show>
            <ProgressiveForm>
                <ActionForm action attr:class="form" attr:id="forgot-form">
                    <FormError result/>
                    <Field name="email" label=Key::EmailLabel kind="email" autocomplete="email" error=field_error(result, "email")/>
                    <button class="button" type="submit">{i18n.t(Key::SendResetLink)}</button>
                </ActionForm>
            </ProgressiveForm>
        </section>
    }
}

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<ResetPassword>::new();
    let result: Outcome = Signal::derive(move || action.value().get());
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    let token_error = field_error(result, "token");
    view! {
        <Title text=format!("{} · Trame", i18n.t(Key::ResetPasswordTitle))/>
        <section class="wrap auth-page">
            <h1>{i18n.t(Key::ResetPasswordTitle)}</h1>
            <Show when=move || token_error.get().is_some()>
                <p class="form-error" role="alert">
                    {i18n.t(Key::ResetLinkInvalid)} " " <a href="/forgot-password">{i18n.t(Key::ForgotPassword)}</a>
                </p>
            </Show>
            <ProgressiveForm>
                <ActionForm action attr:class="form" attr:id="reset-form">
                    <input type="hidden" name="token" value=token/>
                    <FormError result/>
                    <NewPasswordField result=result label=Key::NewPasswordLabel/>
                    <button class="button" type="submit">{i18n.t(Key::SavePassword)}</button>
                </ActionForm>
            </ProgressiveForm>
        </section>
    }
}

/// `/verify-email?token=`: the page the emailed link opens; its button proves the address.
#[component]
pub fn VerifyEmailPage() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<VerifyEmail>::new();
    let result: Outcome = Signal::derive(move || action.value().get());
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    view! {
        <Title text=format!("{} · Trame", i18n.t(Key::VerifyEmailTitle))/>
        <section class="wrap auth-page">
            <h1>{i18n.t(Key::VerifyEmailTitle)}</h1>
            <p>{i18n.t(Key::VerifyEmailText)}</p>
            <ActionForm action attr:class="form" attr:id="verify-form">
                <input type="hidden" name="token" value=token/>
                <FormError result/>
                <button class="button" type="submit">{i18n.t(Key::VerifyEmailButton)}</button>
            </ActionForm>
        </section>
    }
}
