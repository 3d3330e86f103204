//! `/account`: name, language, password, sign out.

use super::load;
use crate::api::auth::{current_user, ChangePassword, ResendVerification, SignOut, UpdateAccount};
use crate::components::form::{done, field_error, Field, FormError, NewPasswordField, Outcome};
use crate::components::progressive_form::ProgressiveForm;
use crate::domain::views::SignedInUser;
use crate::domain::Locale;
use crate::i18n::{use_i18n, Key};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;

#[component]
pub fn AccountPage() -> impl IntoView {
    let user = Resource::new(|| (), |_| current_user());
    load(user, |user| match user {
        Some(user) => view! { <AccountView user/> }.into_any(),
        None => view! { <Redirect path="/signin?next=/account"/> }.into_any(),
    })
}

#[component]
fn AccountView(user: SignedInUser) -> impl IntoView {
    let i18n = use_i18n();
    let profile = ServerAction::<UpdateAccount>::new();
    let password = ServerAction::<ChangePassword>::new();
    let sign_out = ServerAction::<SignOut>::new();
    let profile_result: Outcome = Signal::derive(move || profile.value().get());
    let password_result: Outcome = Signal::derive(move || password.value().get());
    let changed = done("password", password_result);
    let saved = done("saved", profile_result);
    let resend = ServerAction::<ResendVerification>::new();
    let resend_result: Outcome = Signal::derive(move || resend.value().get());
    let resent = done("verification", resend_result);
    let verification = if user.email_verified {
        view! { <p class="notice" id="email-verified">{i18n.t(Key::EmailVerified)}</p> }.into_any()
    } else {
        view! {
            <div class="notice" id="email-unverified">
                <p>{i18n.t(Key::EmailNotVerified)}</p>
                <Show when=move || resent.get()>
                    <p role="status">{i18n.t(Key::VerificationSent)}</p>
                </Show>
                <ActionForm action=resend attr:class="inline-form" attr:id="resend-verification-form">
                    <FormError result=resend_result/>
                    <button class="button button-secondary" type="submit">{i18n.t(Key::ResendVerification)}</button>
                </ActionForm>
            </div>
        }
        .into_any()
    };
    view! {
        <Title text=format!("{} · Trame", i18n.t(Key::MyAccount))/>
        <section class="wrap auth-page account-page">
            <h1>{i18n.t(Key::MyAccount)}</h1>
            <p class="muted">{i18n.t(Key::SignedInAs)} " " <strong id="account-email">{user.email.clone()}</strong></p>
            {verification}
            <p class="actions">
                <a class="button secondary" href=crate::paths::MY_PLEDGES>{i18n.t(Key::MyPledges)}</a>
                <a class="button secondary" href=crate::paths::MY_HELP id="my-help-link">{i18n.t(Key::MyHelp)}</a>
                <a class="button secondary" href=crate::paths::MY_PARTNERS id="my-partners-link">{i18n.t(Key::MyPartnerships)}</a>
                <a class="button secondary" href=crate::paths::MY_DESIGNER id="my-designer-link">{i18n.t(Key::MyDesignerTitle)}</a>
            </p>

            <h2>{i18n.t(Key::ProfileSection)}</h2>
            <Show when=move || saved.get()>
                <p class="notice" role="status" id="profile-saved">{i18n.t(Key::ProfileSavedNotice)}</p>
            </Show>
            <ProgressiveForm>
                <ActionForm action=profile attr:class="form" attr:id="profile-form">
                    <FormError result=profile_result/>
                    <Field
                        name="display_name"
                        label=Key::DisplayNameLabel
                        autocomplete="name"
                        value=user.display_name.clone()
                        error=field_error(profile_result, "display_name")
                    />
                    <div class="field">
                        <label for="field-locale">{i18n.t(Key::LanguagePreference)}</label>
                        <select id="field-locale" name="locale">
                            {Locale::ALL
                                .into_iter()
                                .map(|l| view! { <option value=l.code() selected=l == user.locale>{l.native_name()}</option> })
                                .collect_view()}
                        </select>
                    </div>
                    <button class="button" type="submit">{i18n.t(Key::Save)}</button>
                </ActionForm>
            </ProgressiveForm>

            <h2>{i18n.t(Key::ChangePasswordSection)}</h2>
            <Show when=move || changed.get()>
                <p class="notice" role="status">{i18n.t(Key::PasswordChangedNotice)}</p>
            </Show>
            <ProgressiveForm>
                <ActionForm action=password attr:class="form" attr:id="password-form">
                    <FormError result=password_result/>
                    <Field
                        name="current_password"
                        label=Key::CurrentPasswordLabel
                        kind="password"
                        autocomplete="current-password"
                        error=field_error(password_result, "current_password")
                    />
                    <NewPasswordField result=password_result label=Key::NewPasswordLabel/>
                    <button class="button" type="submit">{i18n.t(Key::ChangePasswordSection)}</button>
                </ActionForm>
            </ProgressiveForm>

            <ActionForm action=sign_out attr:class="sign-out" attr:id="sign-out-form">
                <button class="button button-secondary" type="submit">{i18n.t(Key::SignOut)}</button>
            </ActionForm>
        </section>
    }
}
