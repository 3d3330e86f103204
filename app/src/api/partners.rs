//! Partners: the sign-up (signed in), one's applications (change the texts; the logo is a
//! multipart upload, `server/src/routes.rs`), and the review by a campaign's owners (studio) or
//! by the admins (the platform's partners).

use crate::domain::{PartnerApplication, PartnerForm, PartnerJoinPage, PartnersReview};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
mod server {
    pub use crate::backend::db::partners;
    pub use crate::backend::{auth, state, with_status};
    pub use crate::domain::{CampaignId, MemberRole, PartnerForm, PartnerSettings};
    pub use crate::error::AppError;
    pub use crate::paths;

    pub fn parsed(form: &PartnerForm) -> Result<PartnerSettings, AppError> {
        form.parse().map_err(|(field, key)| AppError::invalid(field, key))
    }

    /// A campaign's slug from the address; empty means the platform.
    pub fn slug(campaign: &Option<String>) -> Option<&str> {
        campaign.as_deref().map(str::trim).filter(|s| !s.is_empty())
    }

    /// The review list again, at the partner just reviewed.
    pub fn review_page(campaign: Option<CampaignId>, partner: i64) -> String {
        let page = campaign.map_or_else(|| paths::ADMIN_PARTNERS.to_owned(), paths::studio_partners);
        paths::done(&format!("{page}#partner-{partner}"), "reviewed")
    }
}

#[server(endpoint = "partners/join")]
pub async fn load_join_page(#[server(default)] campaign: Option<String>) -> Result<PartnerJoinPage, AppError> {
    use server::*;
    with_status(
        async move {
            let me = auth::require_user().await?;
            let target = match slug(&campaign) {
                Some(slug) => Some(partners::target(&mut *state()?.pool.acquire().await?, slug).await?.1),
                None => None,
            };
            Ok(PartnerJoinPage { campaign: target, contact_name: me.display_name, email: me.email })
        }
        .await,
    )
}

/// Applies as a partner of a campaign (`campaign`: its slug) or of the platform.
#[server(endpoint = "partners/apply")]
pub async fn apply_partner(#[server(default)] campaign: Option<String>, form: PartnerForm) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let settings = parsed(&form);
            let me = auth::require_user().await?;
            let state = state()?;
            let mut tx = state.pool.begin().await?;
            let target = match slug(&campaign) {
                Some(slug) => Some(partners::target(&mut tx, slug).await?.0),
                None => None,
            };
            let id = crate::backend::partners::apply(&state, &mut tx, me.id, target, &settings?).await?;
            tx.commit().await?;
            leptos_axum::redirect(&paths::done(&format!("{}#partner-{id}", paths::MY_PARTNERS), "applied"));
            Ok(())
        }
        .await,
    )
}

#[server(endpoint = "partners/mine")]
pub async fn my_partners() -> Result<Vec<PartnerApplication>, AppError> {
    use server::*;
    with_status(
        async move {
            let me = auth::require_user().await?;
            partners::mine(&mut *state()?.pool.acquire().await?, me.id).await
        }
        .await,
    )
}

/// The partner changes their texts (back to review).
#[server(endpoint = "partners/update")]
pub async fn update_partner(partner: i64, form: PartnerForm) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let settings = parsed(&form);
            let me = auth::require_user().await?;
            let state = state()?;
            let mut tx = state.pool.begin().await?;
            partners::update_own(&mut tx, partner, me.id, &settings?).await?;
            tx.commit().await?;
            leptos_axum::redirect(&paths::done(&format!("{}#partner-{partner}", paths::MY_PARTNERS), "changed"));
            Ok(())
        }
        .await,
    )
}

/// A campaign's applications (its owners and admins).
#[server(endpoint = "studio/partners")]
pub async fn load_campaign_partners(campaign: i64) -> Result<PartnersReview, AppError> {
    use server::*;
    with_status(
        async move {
            let id = CampaignId(campaign);
            auth::require_member(id, MemberRole::Owner).await?;
            partners::review_list(&mut *state()?.pool.acquire().await?, Some(id)).await
        }
        .await,
    )
}

/// An owner approves (`approve`) or rejects with a reason an application to their campaign.
#[server(endpoint = "studio/partner/review")]
pub async fn review_campaign_partner(
    campaign: i64,
    partner: i64,
    approve: bool,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let id = CampaignId(campaign);
            auth::require_member(id, MemberRole::Owner).await?;
            crate::backend::partners::review(&state()?, Some(id), partner, approve, &reason).await?;
            leptos_axum::redirect(&review_page(Some(id), partner));
            Ok(())
        }
        .await,
    )
}

/// The platform's applications (admins).
#[server(endpoint = "admin/partners")]
pub async fn load_platform_partners() -> Result<PartnersReview, AppError> {
    use server::*;
    with_status(
        async move {
            auth::require_admin().await?;
            partners::review_list(&mut *state()?.pool.acquire().await?, None).await
        }
        .await,
    )
}

#[server(endpoint = "admin/partner/review")]
pub async fn review_platform_partner(
    partner: i64,
    approve: bool,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            auth::require_admin().await?;
            crate::backend::partners::review(&state()?, None, partner, approve, &reason).await?;
            leptos_axum::redirect(&review_page(None, partner));
            Ok(())
        }
        .await,
    )
}
