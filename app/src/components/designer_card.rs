use crate::domain::views::DesignerCard;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// A designer in a list: portrait (or initials), atelier, city, practices.
#[component]
pub fn DesignerCardView(designer: DesignerCard) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/designers/{}", designer.slug);
    let distance = designer.distance_km.map(|km| view! { <span class="muted">" · " {i18n.distance_km(km)}</span> });
    view! {
        <article class="designer-card">
            <Portrait name=designer.name.clone() photo_url=designer.photo_url.clone()/>
            <div>
                <h3>
                    <a href=href>{designer.name.clone()}</a>
                </h3>
                <p class="muted">{designer.atelier.clone()} " · " {designer.city.clone()} {distance}</p>
                <ul class="chips">
                    {designer
                        .practices
                        .iter()
                        .map(|p| view! { <li class="chip">{i18n.label(*p)}</li> })
                        .collect_view()}
                </ul>
            </div>
        </article>
    }
}

/// A photo when there is one, otherwise the designer's initials.
#[component]
pub fn Portrait(name: String, photo_url: Option<String>) -> impl IntoView {
    match photo_url {
        Some(url) => view! { <img class="portrait" src=url alt="" width="72" height="72" loading="lazy"/> }.into_any(),
        None => {
            let initials: String = name.split_whitespace().filter_map(|w| w.chars().next()).take(2).collect();
            view! {
                <span class="portrait portrait-initials" aria-hidden="true">
                    {initials}
                </span>
            }
            .into_any()
        }
    }
}
