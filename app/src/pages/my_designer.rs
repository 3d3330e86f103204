//! A designer keeping their own profile: `/designer-invites/{token}` (the page the invitation's
//! email opens: the account with the invited address accepts) and `/me/designer` (the profile
//! they claimed, its fields and portrait).

use super::invite::{AcceptError, InviteChoice};
use super::load;
use super::studio::designers::DesignerFields;
use crate::api::designer_claims::{load_claim, load_my_designer, AcceptClaim, SaveMyDesigner};
use crate::components::form::{done, image_error, Outcome};
use crate::components::progressive_form::ProgressiveForm;
use crate::domain::{ClaimView, MyDesigner};
use crate::i18n::{use_i18n, Key};
use crate::paths;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ClaimPage() -> impl IntoView {
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let claim = Resource::new(token, load_claim);
    let i18n = use_i18n();
    view! {
        <Title text=format!("{} · Trame", i18n.t(Key::ClaimTitle))/>
        <section class="wrap auth-page invite-page">
            <h1>{i18n.t(Key::ClaimTitle)}</h1>
            {load(claim, move |claim| view! { <ClaimBody claim token=token()/> })}
        </section>
    }
}

#[component]
fn ClaimBody(claim: ClaimView, token: String) -> impl IntoView {
    let i18n = use_i18n();
    let accept = ServerAction::<AcceptClaim>::new();
    let result: Outcome = Signal::derive(move || accept.value().get());
    let lead = i18n
        .t(Key::ClaimLead)
        .replace("{inviter}", &claim.invited_by)
        .replace("{campaign}", &claim.campaign_title)
        .replace("{designer}", &claim.designer);
    let for_me = claim.for_me();
    view! {
        <p class="lead">{lead}</p>
        <p><a href=paths::designer(&claim.designer_slug)>{i18n.t(Key::SeeMyDesignerPage)}</a></p>
        <InviteChoice state=claim.state email=claim.email signed_in=claim.signed_in_as.is_some() for_me
            here=paths::designer_claim(&token)>
            <ActionForm action=accept attr:class="form" attr:id="accept-claim-form">
                <input type="hidden" name="token" value=token.clone()/>
                <AcceptError result/>
                <button class="button" type="submit">{i18n.t(Key::AcceptClaim)}</button>
            </ActionForm>
        </InviteChoice>
    }
}

#[component]
pub fn MyDesignerPage() -> impl IntoView {
    let mine = Resource::new(|| (), |_| load_my_designer());
    let i18n = use_i18n();
    view! {
        <Title text=format!("{} · Trame", i18n.t(Key::MyDesignerTitle))/>
        <section class="wrap studio-editor my-designer">
            <p class="eyebrow"><a href=paths::ACCOUNT>{i18n.t(Key::MyAccount)}</a></p>
            <h1>{i18n.t(Key::MyDesignerTitle)}</h1>
            {load(mine, |mine| match mine {
                Some(mine) => view! { <MyDesignerForm mine/> }.into_any(),
                None => view! { <p class="notice" id="no-designer">{use_i18n().t(Key::MyDesignerNone)}</p> }.into_any(),
            })}
        </section>
    }
}

#[component]
fn MyDesignerForm(mine: MyDesigner) -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveMyDesigner>::new();
    let result: Outcome = Signal::derive(move || save.value().get());
    let claimed = done("claimed", Signal::derive(|| None));
    let saved = {
        let (s, p) = (done("saved", result), done("photo", Signal::derive(|| None)));
        Signal::derive(move || s.get() || p.get())
    };
    let photo_error = image_error("photo_error");
    let card = mine.card;
    view! {
        <Show when=move || claimed.get()>
            <p class="notice" role="status" id="designer-claimed">{i18n.t(Key::ClaimAccepted)}</p>
        </Show>
        <Show when=move || saved.get()>
            <p class="notice" role="status" id="designer-saved">{i18n.t(Key::DesignerSaved)}</p>
        </Show>
        <p class="lead">{i18n.t(Key::MyDesignerLead)}</p>
        <p><a href=paths::designer(&card.slug) id="my-designer-page">{i18n.t(Key::SeeMyDesignerPage)}</a></p>
        <section class="section" aria-labelledby="portrait-heading">
            <h2 id="portrait-heading">{i18n.t(Key::DesignerPhotoLabel)}</h2>
            <p class="form-error" role="alert" id="photo-error">{move || photo_error().map(|k| i18n.t(k))}</p>
            {card.photo_url.clone().map(|url| view! { <img class="designer-photo" src=url alt=card.name.clone() width="120"/> })}
            <form class="form upload-form" method="post" enctype="multipart/form-data" action=paths::MY_DESIGNER_PHOTO>
                <div class="field">
                    <label for="my-designer-photo">{i18n.t(Key::DesignerPhotoLabel)}</label>
                    <input id="my-designer-photo" type="file" name="file" accept="image/png,image/jpeg,image/webp" required/>
                </div>
                <button class="button secondary" type="submit">{i18n.t(Key::UploadPhoto)}</button>
            </form>
        </section>
        <section class="section" aria-labelledby="profile-heading">
            <h2 id="profile-heading">{i18n.t(Key::EditDesigner)}</h2>
            <ProgressiveForm>
                <ActionForm action=save attr:class="form designer-form" attr:id="my-designer-form">
                    <DesignerFields form=mine.form result scope="my-designer-".to_owned() distance=false/>
                    <button class="button" type="submit">{i18n.t(Key::SaveDesigner)}</button>
                </ActionForm>
            </ProgressiveForm>
        </section>
    }
}
