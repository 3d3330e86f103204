//! `/studio/campaigns/{id}/designers`: the designers the campaign works with. The team writes
//! their public profiles (shown on the campaign page, in the registry and on each designer's
//! page with their rewards), links a designer already in the registry, or takes one off.

use super::fields::{FormNote, TextArea, TextField};
use super::{campaign_param, load, StudioNav};
use crate::api::studio::designers::{
    load_designers, InviteDesigner, LinkDesigner, RevokeDesignerInvite, SaveDesigner, UnlinkDesigner,
};
use crate::components::form::{done, field_error, image_error, Outcome};
use crate::components::progressive_form::ProgressiveForm;
use crate::domain::{CampaignId, DesignerEdit, DesignerForm, DesignerInvite, DesignersEditor, Practice};
use crate::i18n::{use_i18n, Key};
use crate::paths;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn DesignersStudioPage() -> impl IntoView {
    let editor = Resource::new(campaign_param(), load_designers);
    load(editor, |editor| view! { <DesignersView editor/> })
}

#[component]
fn DesignersView(editor: DesignersEditor) -> impl IntoView {
    let i18n = use_i18n();
    let campaign = editor.campaign;
    let photo = done("photo", Signal::derive(|| None));
    let saved = Signal::derive({
        let (s, l, u) = (
            done("saved", Signal::derive(|| None)),
            done("linked", Signal::derive(|| None)),
            done("unlinked", Signal::derive(|| None)),
        );
        let withdrawn = done("withdrawn", Signal::derive(|| None));
        move || s.get() || l.get() || u.get() || photo.get() || withdrawn.get()
    });
    let invited = done("invited", Signal::derive(|| None));
    let photo_error = image_error("photo_error");
    let link = ServerAction::<LinkDesigner>::new();
    let linked: Outcome = Signal::derive(move || link.value().get());
    view! {
        <Title text=format!("{} · {} · Trame", i18n.t(Key::Designers), editor.title)/>
        <section class="wrap studio-editor studio-designers">
            <p class="eyebrow"><a href=paths::STUDIO>{i18n.t(Key::StudioTitle)}</a></p>
            <h1>{editor.title.clone()}</h1>
            <StudioNav campaign current=Key::Designers/>
            <Show when=move || saved.get()>
                <p class="notice" role="status" id="designer-saved">{i18n.t(Key::DesignerSaved)}</p>
            </Show>
            <Show when=move || invited.get()>
                <p class="notice" role="status" id="designer-invited">{i18n.t(Key::InviteSent)}</p>
            </Show>
            <p class="form-error" role="alert" id="photo-error">{move || photo_error().map(|k| i18n.t(k))}</p>
            <p class="lead">{i18n.t(Key::DesignersStudioLead)}</p>
            {editor.designers.into_iter().map(|d| view! { <DesignerEntry campaign designer=d/> }).collect_view()}
            <section class="section" aria-labelledby="new-designer-heading">
                <h2 id="new-designer-heading">{i18n.t(Key::NewDesigner)}</h2>
                <DesignerFormView campaign designer=None form=DesignerForm::default()/>
            </section>
            <section class="section" aria-labelledby="link-designer-heading">
                <h2 id="link-designer-heading">{i18n.t(Key::LinkDesigner)}</h2>
                <p class="hint">{i18n.t(Key::LinkDesignerHint)}</p>
                <ProgressiveForm>
                    <ActionForm action=link attr:class="form" attr:id="link-designer-form">
                        <input type="hidden" name="campaign" value=campaign.0/>
                        <FormNote result=linked fields=&["slug", "distance_km"]/>
                        <TextField name="slug" label=Key::DesignerAddressLabel value="" bare=true scope="link-" error=field_error(linked, "slug")/>
                        <TextField name="distance_km" label=Key::DistanceLabel value="" required=false bare=true scope="link-" error=field_error(linked, "distance_km")/>
                        <button class="button secondary" type="submit">{i18n.t(Key::LinkDesigner)}</button>
                    </ActionForm>
                </ProgressiveForm>
            </section>
        </section>
    }
}

#[component]
fn DesignerEntry(campaign: CampaignId, designer: DesignerEdit) -> impl IntoView {
    let i18n = use_i18n();
    let unlink = ServerAction::<UnlinkDesigner>::new();
    let d = designer;
    let id = d.card.id.0;
    view! {
        <article class="section studio-designer" id=format!("designer-{id}")>
            <h2><a href=paths::designer(&d.card.slug)>{d.card.name.clone()}</a></h2>
            <p class="muted small">{d.card.atelier.clone()} " · " {d.card.city.clone()}
                {d.claimed.then(|| view! { " · " {i18n.t(Key::DesignerClaimed)} })}
            </p>
            {d.card.photo_url.clone().map(|url| view! { <img class="designer-photo" src=url alt=d.card.name.clone() width="120"/> })}
            <form class="form upload-form" method="post" enctype="multipart/form-data" action=paths::designer_photo(campaign, id)>
                <div class="field">
                    <label for=format!("designer-{id}-photo")>{i18n.t(Key::DesignerPhotoLabel)}</label>
                    <input id=format!("designer-{id}-photo") type="file" name="file" accept="image/png,image/jpeg,image/webp" required/>
                </div>
                <button class="button secondary" type="submit">{i18n.t(Key::UploadPhoto)}</button>
            </form>
            <details>
                <summary>{i18n.t(Key::EditDesigner)}</summary>
                <DesignerFormView campaign designer=Some(id) form=d.form.clone()/>
            </details>
            <ClaimInvite campaign designer=id claimed=d.claimed invite=d.invite.clone()/>
            <ActionForm action=unlink attr:class="inline-form">
                <input type="hidden" name="campaign" value=campaign.0/>
                <input type="hidden" name="designer" value=id/>
                <button class="button secondary small" type="submit">{i18n.t(Key::UnlinkDesigner)}</button>
            </ActionForm>
        </article>
    }
}

/// Inviting the designer to keep their profile, or the invitation still open (until they
/// claim it).
#[component]
fn ClaimInvite(campaign: CampaignId, designer: i64, claimed: bool, invite: Option<DesignerInvite>) -> impl IntoView {
    let i18n = use_i18n();
    let send = ServerAction::<InviteDesigner>::new();
    let revoke = ServerAction::<RevokeDesignerInvite>::new();
    let result: Outcome = Signal::derive(move || send.value().get());
    let scope = format!("designer-{designer}-invite-");
    let open = invite.map(|i| {
        let until = super::team::invite_until(i.expired, i.expires_at);
        view! {
            <p class="small designer-invite">
                {i18n.t(Key::DesignerInvitedTo).replace("{email}", &i.email)} " · " {until} " "
            </p>
            <ActionForm action=revoke attr:class="inline-form">
                <input type="hidden" name="campaign" value=campaign.0/>
                <input type="hidden" name="designer" value=designer/>
                <button class="button secondary small" type="submit">{i18n.t(Key::WithdrawInvite)}</button>
            </ActionForm>
        }
    });
    (!claimed).then(|| view! {
        {open}
        <details>
            <summary>{i18n.t(Key::InviteDesigner)}</summary>
            <p class="hint">{i18n.t(Key::InviteDesignerHint)}</p>
            <ProgressiveForm>
                <ActionForm action=send attr:class="form">
                    <input type="hidden" name="campaign" value=campaign.0/>
                    <input type="hidden" name="designer" value=designer/>
                    <FormNote result fields=&["email"]/>
                    <TextField name="email" label=Key::EmailLabel value="" kind="email" bare=true scope error=field_error(result, "email")/>
                    <button class="button secondary" type="submit">{i18n.t(Key::SendInvite)}</button>
                </ActionForm>
            </ProgressiveForm>
        </details>
    })
}

/// The profile's form in the studio: a new designer (`designer` is `None`) or one to change.
#[component]
fn DesignerFormView(campaign: CampaignId, designer: Option<i64>, form: DesignerForm) -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveDesigner>::new();
    let result: Outcome = Signal::derive(move || save.value().get());
    let scope = designer.map_or_else(|| "new-designer-".to_owned(), |d| format!("designer-{d}-"));
    view! {
        <ProgressiveForm>
            <ActionForm action=save attr:class="form designer-form">
                <input type="hidden" name="campaign" value=campaign.0/>
                {designer.map(|d| view! { <input type="hidden" name="designer" value=d/> })}
                <DesignerFields form result scope distance=true/>
                <button class="button" type="submit">{i18n.t(Key::SaveDesigner)}</button>
            </ActionForm>
        </ProgressiveForm>
    }
}

/// A designer profile's fields (`form[...]`), with their errors; the distance to the campaign's
/// city only where a campaign's team writes it.
#[component]
pub fn DesignerFields(form: DesignerForm, result: Outcome, scope: String, distance: bool) -> impl IntoView {
    let i18n = use_i18n();
    let practices = Practice::ALL
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let input = format!("{scope}practice-{}", p.as_str());
            let label_for = input.clone();
            let checked = form.practices.iter().any(|c| c == p.as_str());
            view! {
                <div class="field check">
                    <input id=input type="checkbox" name=format!("form[practices][{i}]") value=p.as_str() checked=checked/>
                    <label for=label_for>{i18n.label(*p)}</label>
                </div>
            }
        })
        .collect_view();
    let distance = distance.then(|| {
        view! { <TextField name="distance_km" label=Key::DistanceLabel value=form.distance_km required=false scope=scope.clone() error=field_error(result, "distance_km")/> }
    });
    view! {
        <FormNote result fields=&["name", "atelier", "city", "bio", "materials", "certifications", "practices", "website", "instagram", "distance_km"]/>
        <TextField name="name" label=Key::DesignerNameLabel value=form.name scope=scope.clone() error=field_error(result, "name")/>
        <TextField name="atelier" label=Key::AtelierLabel value=form.atelier required=false scope=scope.clone() error=field_error(result, "atelier")/>
        <TextField name="city" label=Key::CityLabel value=form.city scope=scope.clone() error=field_error(result, "city")/>
        <TextArea name="bio" label=Key::BioLabel value=form.bio rows=4 scope=scope.clone() error=field_error(result, "bio")/>
        <TextField name="materials" label=Key::MaterialsLabel value=form.materials required=false scope=scope.clone() error=field_error(result, "materials")/>
        <TextField name="certifications" label=Key::CertificationsLabel value=form.certifications required=false scope=scope.clone() error=field_error(result, "certifications")/>
        <fieldset class="field tier-choices">
            <legend>{i18n.t(Key::PracticesLabel)}</legend>
            {practices}
        </fieldset>
        <TextField name="website" label=Key::WebsiteLabel value=form.website kind="url" required=false scope=scope.clone() error=field_error(result, "website")/>
        <TextField name="instagram" label=Key::InstagramLabel value=form.instagram kind="url" required=false scope=scope.clone() error=field_error(result, "instagram")/>
        {distance}
    }
}
