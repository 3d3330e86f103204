//! The editor's pictures: the hero and the gallery, each with its description, made the hero or
//! removed; and the upload, a plain multipart form posted to the server (it answers with a
//! redirect back here, `?done=image` or `?image_error=` naming what was wrong).

use crate::api::studio::media::{MakeHero, RemoveImage};
use crate::components::form::done;
use crate::domain::{CampaignId, StudioImage};
use crate::i18n::{use_i18n, Key};
use leptos::form::ActionForm;
use leptos::prelude::*;

#[component]
pub(super) fn Images(campaign: CampaignId, images: Vec<StudioImage>) -> impl IntoView {
    let i18n = use_i18n();
    let hero = ServerAction::<MakeHero>::new();
    let remove = ServerAction::<RemoveImage>::new();
    let uploaded = done("image", Signal::derive(|| None));
    let removed = done("image-removed", Signal::derive(|| None));
    let error = crate::components::form::image_error("image_error");
    let hidden = move |image: i64| {
        view! {
            <input type="hidden" name="campaign" value=campaign.0/>
            <input type="hidden" name="image" value=image/>
        }
    };
    view! {
        <section class="section studio-images" id="images" aria-labelledby="images-heading">
            <h2 id="images-heading">{i18n.t(Key::ImagesTitle)}</h2>
            <p class="hint">{i18n.t(Key::ImagesLead)}</p>
            <Show when=move || uploaded.get()>
                <p class="notice" role="status" id="image-uploaded">{i18n.t(Key::ImageUploaded)}</p>
            </Show>
            <Show when=move || removed.get()>
                <p class="notice" role="status" id="image-removed">{i18n.t(Key::ImageRemoved)}</p>
            </Show>
            <ul class="plain image-list">
                {images
                    .into_iter()
                    .enumerate()
                    .map(|(at, img)| {
                        view! {
                            <li id=format!("image-{}", img.id)>
                                <img src=img.url.clone() srcset=(!img.srcset.is_empty()).then(|| img.srcset.clone()) sizes="12rem" alt=img.alt.clone() loading="lazy"/>
                                <p class="small">
                                    {(at == 0).then(|| view! { <span class="badge">{i18n.t(Key::HeroLabel)}</span> " " })}
                                    {img.alt.clone()}
                                </p>
                                <div class="actions">
                                    {(at > 0).then(|| view! {
                                        <ActionForm action=hero attr:class="inline-form">
                                            {hidden(img.id)}
                                            <button class="button secondary small" type="submit">{i18n.t(Key::MakeHero)}</button>
                                        </ActionForm>
                                    })}
                                    <ActionForm action=remove attr:class="inline-form">
                                        {hidden(img.id)}
                                        <button class="button secondary small" type="submit">{i18n.t(Key::RemoveImage)}</button>
                                    </ActionForm>
                                </div>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <form
                class="form"
                id="image-form"
                method="post"
                enctype="multipart/form-data"
                action=format!("/studio/campaigns/{campaign}/images")
            >
                <p class="form-error" role="alert" id="image-error">{move || error().map(|k| i18n.t(k))}</p>
                <div class="field">
                    <label for="image-file">{i18n.t(Key::ImageFileLabel)}</label>
                    <input id="image-file" type="file" name="file" accept="image/jpeg,image/png,image/webp" required/>
                </div>
                <div class="field">
                    <label for="image-alt">{i18n.t(Key::ImageAltLabel)}</label>
                    <input id="image-alt" type="text" name="alt" maxlength="300"/>
                </div>
                <button class="button secondary" type="submit">{i18n.t(Key::UploadImage)}</button>
            </form>
        </section>
    }
}
