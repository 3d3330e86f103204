//! One module per route.

pub mod account;
pub mod admin;
pub mod auth;
pub mod campaign;
pub mod designers;
pub mod help;
pub mod home;
pub mod invite;
pub mod my_designer;
pub mod partners;
pub mod pledge;
pub mod studio;

use crate::error::AppError;
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;

/// Awaits a page's data and renders it, or the error page with its status.
pub(crate) fn load<T, V>(
    resource: Resource<Result<T, AppError>>,
    render: impl Fn(T) -> V + Copy + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    V: IntoView + 'static,
{
    show(async move { resource.await }, render)
}

/// Like `load`, for data read by calling the server function itself: no resource keeps a copy
/// to clone out again (pages render on the server only), for the pages a rush hits.
pub(crate) fn show<T, V>(
    data: impl std::future::Future<Output = Result<T, AppError>> + Send + 'static,
    render: impl Fn(T) -> V + Copy + Send + Sync + 'static,
) -> impl IntoView
where
    T: Send + 'static,
    V: IntoView + 'static,
{
    let i18n = use_i18n();
    let location = leptos_router::hooks::use_location();
    // A bare Suspend, not `move || Suspend::new(..)`: pages render on the server only (islands),
    // where nothing re-runs it, and Suspense walks its children twice before writing them; a
    // closure would build the whole page at each of those three passes (callgrind: 3 times the
    // reward cards per campaign page).
    view! {
        <Suspense fallback=move || view! { <p class="wrap loading">{i18n.t(Key::Loading)}</p> }>
            {Suspend::new(async move {
                match data.await {
                    Ok(data) => render(data).into_any(),
                    // pages for signed-in people send strangers to sign in, then back here
                    Err(AppError::Unauthorized) => {
                        let here = crate::paths::here(&location.pathname.get_untracked(), &location.search.get_untracked());
                        let path = auth::with_next("/signin", &here);
                        view! { <leptos_router::components::Redirect path/> }.into_any()
                    }
                    Err(error) => view! { <crate::components::error::ErrorView error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
