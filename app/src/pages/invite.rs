//! `/invites/{token}`: the page a team invitation's email opens. It names the campaign and the
//! role; the account with the invited address accepts (others are told to sign in with it).

use super::auth::with_next;
use super::load;
use crate::api::studio::team::{load_invite, AcceptInvite};
use crate::components::form::{FormError, Outcome};
use crate::domain::{InviteState, InviteView};
use crate::i18n::{use_i18n, Key};
use crate::paths;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn InvitePage() -> impl IntoView {
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let invite = Resource::new(token, load_invite);
    let i18n = use_i18n();
    view! {
        <Title text=format!("{} · Trame", i18n.t(Key::InviteTitle))/>
        <section class="wrap auth-page invite-page">
            <h1>{i18n.t(Key::InviteTitle)}</h1>
            {load(invite, move |invite| view! { <InviteBody invite token=token()/> })}
        </section>
    }
}

#[component]
fn InviteBody(invite: InviteView, token: String) -> impl IntoView {
    let i18n = use_i18n();
    let accept = ServerAction::<AcceptInvite>::new();
    let result: Outcome = Signal::derive(move || accept.value().get());
    let lead = i18n
        .t(Key::InviteLead)
        .replace("{inviter}", &invite.invited_by)
        .replace("{campaign}", &invite.campaign_title)
        .replace("{role}", i18n.label(invite.role));
    let for_me = invite.for_me();
    view! {
        <p class="lead">{lead}</p>
        <InviteChoice state=invite.state email=invite.email signed_in=invite.signed_in_as.is_some() for_me
            here=paths::invite(&token)>
            <ActionForm action=accept attr:class="form" attr:id="accept-invite-form">
                <input type="hidden" name="token" value=token.clone()/>
                <AcceptError result/>
                <button class="button" type="submit">{i18n.t(Key::AcceptInvite)}</button>
            </ActionForm>
        </InviteChoice>
    }
}

/// What an invitation's link offers, by its state: a notice once it was used, withdrawn or
/// expired; signing in (or up) to a stranger; a notice to another account; and the form
/// accepting it (`children`) to the account invited.
#[component]
pub(crate) fn InviteChoice(
    state: InviteState,
    email: String,
    signed_in: bool,
    for_me: bool,
    here: String,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    match state {
        InviteState::Accepted => {
            view! { <p class="notice" id="invite-state">{i18n.t(Key::InviteAlreadyUsed)}</p> }.into_any()
        }
        InviteState::Withdrawn | InviteState::Expired => {
            view! { <p class="notice" id="invite-state">{i18n.t(Key::InviteNotUsable)}</p> }.into_any()
        }
        InviteState::Open if !signed_in => view! {
            <p>{i18n.t(Key::InviteSignInFirst).replace("{email}", &email)}</p>
            <p class="actions">
                <a class="button" href=with_next("/signin", &here)>{i18n.t(Key::SignIn)}</a>
                <a class="button secondary" href=with_next("/signup", &here)>{i18n.t(Key::SignUp)}</a>
            </p>
        }
        .into_any(),
        InviteState::Open if !for_me => view! {
            <p class="notice" id="invite-state">{i18n.t(Key::InviteOtherAccount).replace("{email}", &email)}</p>
        }
        .into_any(),
        InviteState::Open => children().into_any(),
    }
}

/// Why accepting an invitation was refused (it is said in the form's field `invite`).
#[component]
pub(crate) fn AcceptError(result: Outcome) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <FormError result/>
        <p class="form-error" role="alert">{move || match result.get() {
            Some(Err(crate::error::AppError::Validation { message, .. })) => Some(i18n.t(message)),
            _ => None,
        }}</p>
    }
}
