//! Error pages. On the server they also set the response status.

use crate::error::AppError;
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;
use leptos_meta::Title;

/// Shows an error the way the user should see it, with the matching HTTP status.
#[component]
pub fn ErrorView(error: AppError) -> impl IntoView {
    set_status(error.status_code());
    let i18n = use_i18n();
    let title = match error {
        AppError::NotFound => i18n.t(Key::NotFoundTitle),
        _ => i18n.t(Key::ErrorTitle),
    };
    view! {
        <Title text=title/>
        <section class="wrap error-page">
            <h1>{title}</h1>
            <p>{i18n.t(error.message())}</p>
            <p>
                <a class="button" href="/">{i18n.t(Key::BackHome)}</a>
            </p>
        </section>
    }
}

/// The page for unknown paths (status 404).
#[component]
pub fn NotFound() -> impl IntoView {
    view! { <ErrorView error=AppError::NotFound/> }
}

fn set_status(code: u16) {
    #[cfg(feature = "ssr")]
    if let (Some(response), Ok(status)) =
        (use_context::<leptos_axum::ResponseOptions>(), axum::http::StatusCode::from_u16(code))
    {
        response.set_status(status);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = code;
}
