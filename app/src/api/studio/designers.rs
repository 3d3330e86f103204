//! A campaign's designers in the studio (owners and editors; admins for any campaign): create a
//! profile, change one linked to the campaign, link an existing designer, unlink one, invite a
//! designer to claim their profile or withdraw that invitation.

use crate::domain::{DesignerForm, DesignersEditor};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
mod server {
    pub use super::super::server::{done, invalid, team_tx};
    pub use crate::backend::accounts::limited_email;
    pub use crate::backend::db::{designer_claims, studio::designers};
    pub use crate::backend::limits::Action;
    pub use crate::backend::{auth, state, with_status};
    pub use crate::domain::{parse_distance, CampaignId, MemberRole};
    pub use crate::paths;

    pub fn at(id: CampaignId, designer: i64) -> String {
        format!("{}#designer-{designer}", paths::studio_designers(id))
    }
}

#[server(endpoint = "studio/designers")]
pub async fn load_designers(campaign: i64) -> Result<DesignersEditor, AppError> {
    use server::*;
    with_status(
        async move {
            let id = CampaignId(campaign);
            auth::require_member(id, MemberRole::Editor).await?;
            designers::editor(&mut *state()?.pool.acquire().await?, id).await
        }
        .await,
    )
}

/// Creates a designer linked to the campaign (no `designer`) or changes one linked to it.
#[server(endpoint = "studio/designer/save")]
pub async fn save_designer(campaign: i64, designer: Option<i64>, form: DesignerForm) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let id = CampaignId(campaign);
            let settings = form.parse().map_err(invalid);
            let mut tx = team_tx(id, MemberRole::Editor).await?;
            let saved = designers::save(&mut tx, id, designer, &settings?).await?;
            done(tx, &at(id, saved), "saved").await
        }
        .await,
    )
}

/// Links an existing designer, named by the address of their page (`lea-martin`).
#[server(endpoint = "studio/designer/link")]
pub async fn link_designer(
    campaign: i64,
    slug: String,
    #[server(default)] distance_km: String,
) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let id = CampaignId(campaign);
            let distance = parse_distance(&distance_km).map_err(invalid)?;
            let mut tx = team_tx(id, MemberRole::Editor).await?;
            let linked = designers::link(&mut tx, id, &slug, distance).await?;
            done(tx, &at(id, linked), "linked").await
        }
        .await,
    )
}

#[server(endpoint = "studio/designer/unlink")]
pub async fn unlink_designer(campaign: i64, designer: i64) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let id = CampaignId(campaign);
            let mut tx = team_tx(id, MemberRole::Editor).await?;
            designers::unlink(&mut tx, id, designer).await?;
            done(tx, &paths::studio_designers(id), "unlinked").await
        }
        .await,
    )
}

/// Invites the designer's address to claim their profile; the link goes to that address only.
#[server(endpoint = "studio/designer/invite")]
pub async fn invite_designer(campaign: i64, designer: i64, email: String) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let id = CampaignId(campaign);
            let me = auth::require_member(id, MemberRole::Editor).await?;
            let state = state()?;
            let email = limited_email(&state, Action::Invite, &email).await?;
            crate::backend::designer_claims::invite(&state, id, designer, &me, &email).await?;
            leptos_axum::redirect(&paths::done(&at(id, designer), "invited"));
            Ok(())
        }
        .await,
    )
}

#[server(endpoint = "studio/designer/revoke")]
pub async fn revoke_designer_invite(campaign: i64, designer: i64) -> Result<(), AppError> {
    use server::*;
    with_status(
        async move {
            let id = CampaignId(campaign);
            let mut tx = team_tx(id, MemberRole::Editor).await?;
            designer_claims::revoke(&mut tx, id, designer).await?;
            done(tx, &at(id, designer), "withdrawn").await
        }
        .await,
    )
}
