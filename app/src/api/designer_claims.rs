//! A designer claiming their profile: the page the invitation's link opens, accepting it, and
//! the claimed profile its designer edits on `/me/designer`.

use crate::domain::{ClaimView, DesignerForm, MyDesigner};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
mod server {
    pub use crate::backend::db::designer_claims;
    pub use crate::backend::{auth, state, with_status};
    pub use crate::error::AppError;
    pub use crate::paths;
}

/// What a claim link shows (anyone holding the link).
#[server(endpoint = "designer-invites/show")]
pub async fn load_claim(token: String) -> Result<ClaimView, AppError> {
    use server::*;
    with_status(
        async move {
            let me = auth::maybe_user().await?;
            let mut db = state()?.pool.acquire().await?;
            designer_claims::view(&mut db, &auth::hash_token(&token), me.map(|u| u.email)).await
        }
        .await,
    )
}

/// The signed-in account, the one invited, takes the profile; then the profile to edit.
#[server(endpoint = "designer-invites/accept")]
pub async fn accept_claim(token: String) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let me = auth::require_user().await?;
            crate::backend::designer_claims::accept(&state()?, &token, me.id).await?;
            leptos_axum::redirect(&paths::done(paths::MY_DESIGNER, "claimed"));
            Ok(())
        }
        .await,
    )
}

/// The profile the signed-in account keeps, if any.
#[server(endpoint = "me/designer")]
pub async fn load_my_designer() -> Result<Option<MyDesigner>, AppError> {
    use server::*;
    with_status(
        async move {
            let me = auth::require_user().await?;
            designer_claims::mine(&mut *state()?.pool.acquire().await?, me.id).await
        }
        .await,
    )
}

/// The designer saves their own profile (the distances belong to each campaign's team).
#[server(endpoint = "me/designer/save")]
pub async fn save_my_designer(form: DesignerForm) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let settings = DesignerForm { distance_km: String::new(), ..form }
                .parse()
                .map_err(|(field, key)| AppError::invalid(field, key));
            let me = auth::require_user().await?;
            let mut tx = state()?.pool.begin().await?;
            designer_claims::save_mine(&mut tx, me.id, &settings?).await?;
            tx.commit().await?;
            leptos_axum::redirect(&paths::done(paths::MY_DESIGNER, "saved"));
            Ok(())
        }
        .await,
    )
}
