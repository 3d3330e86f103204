//! The public designer registry.

use super::campaigns::CampaignCardRow;
use super::{money, stored};
use crate::domain::views::{DesignerCard, DesignerPage, DesignerReward};
use crate::domain::{DesignerId, Practice, RewardKind};
use crate::error::AppError;
use rust_decimal::Decimal;
use sqlx::PgConnection;

/// A designer row as read by every designer query.
pub(crate) struct DesignerRow {
    pub designer_id: i64,
    pub slug: String,
    pub name: String,
    pub atelier: String,
    pub city: String,
    pub bio: String,
    pub materials: Vec<String>,
    pub practices: Vec<String>,
    pub photo_url: Option<String>,
    pub website_url: Option<String>,
    pub instagram_url: Option<String>,
    pub distance_km: Option<Decimal>,
}

impl DesignerRow {
    pub(crate) fn card(&self) -> Result<DesignerCard, AppError> {
        Ok(DesignerCard {
            id: DesignerId(self.designer_id),
            slug: self.slug.clone(),
            name: self.name.clone(),
            atelier: self.atelier.clone(),
            city: self.city.clone(),
            bio: self.bio.clone(),
            materials: self.materials.clone(),
            practices: self.practices.iter().map(|p| stored(Practice::parse(p))).collect::<Result<_, _>>()?,
            photo_url: self.photo_url.clone(),
            distance_km: self.distance_km,
        })
    }
}

/// Every designer, by name.
#[tracing::instrument(skip_all, err)]
pub async fn all_designers(db: &mut PgConnection) -> Result<Vec<DesignerCard>, AppError> {
    let rows = sqlx::query_as!(
        DesignerRow,
        r#"
        select designer_id, slug, name, atelier, city, bio, materials, practices, photo_url, website_url,
               instagram_url, null::numeric as "distance_km"
        from designer
        order by name, designer_id
        "#
    )
    .fetch_all(&mut *db)
    .await?;
    rows.iter().map(DesignerRow::card).collect()
}

/// The designers of a campaign, with their distance from its city.
pub(crate) async fn campaign_designers(db: &mut PgConnection, campaign_id: i64) -> Result<Vec<DesignerCard>, AppError> {
    let rows = sqlx::query_as!(
        DesignerRow,
        r#"
        select d.designer_id, d.slug, d.name, d.atelier, d.city, d.bio, d.materials, d.practices, d.photo_url,
               d.website_url, d.instagram_url, cd.distance_km
        from campaign_designer cd join designer d using (designer_id)
        where cd.campaign_id = $1
        order by cd.position, d.name
        "#,
        campaign_id
    )
    .fetch_all(&mut *db)
    .await?;
    rows.iter().map(DesignerRow::card).collect()
}

/// A designer's page with their public campaigns and rewards.
#[tracing::instrument(skip(db), err)]
pub async fn designer_page(db: &mut PgConnection, slug: &str) -> Result<DesignerPage, AppError> {
    let row = sqlx::query_as!(
        DesignerRow,
        r#"
        select designer_id, slug, name, atelier, city, bio, materials, practices, photo_url, website_url,
               instagram_url, null::numeric as "distance_km"
        from designer where slug = $1
        "#,
        slug
    )
    .fetch_optional(&mut *db)
    .await?
    .ok_or(AppError::NotFound)?;

    let campaigns = sqlx::query_as!(
        CampaignCardRow,
        r#"
        select c.slug, c.title, c.summary, c.city, c.currency as "currency!", c.goal, c.pledged_total,
               c.matched_total, c.backer_count, c.ends_at as "ends_at: _", c.status,
               i.url as "image_url?", i.alt as "image_alt?"
        from campaign_designer cd join campaign c using (campaign_id)
        left join lateral (
            select url, alt from campaign_image where campaign_id = c.campaign_id order by position limit 1
        ) i on true
        where cd.designer_id = $1 and c.status not in ('draft', 'in_review')
        order by c.ends_at desc
        "#,
        row.designer_id
    )
    .fetch_all(&mut *db)
    .await?
    .into_iter()
    .map(CampaignCardRow::card)
    .collect::<Result<Vec<_>, AppError>>()?;

    let rewards = sqlx::query!(
        r#"
        select t.title, t.kind, t.price, c.currency as "currency!", c.slug as campaign_slug, c.title as campaign_title
        from reward_tier t join campaign c using (campaign_id)
        where t.designer_id = $1 and t.is_visible and c.status not in ('draft', 'in_review')
        order by c.ends_at desc, t.position
        "#,
        row.designer_id
    )
    .fetch_all(&mut *db)
    .await?
    .into_iter()
    .map(|r| {
        Ok(DesignerReward {
            title: r.title,
            kind: stored(RewardKind::parse(&r.kind))?,
            price: money(r.price, &r.currency)?,
            campaign_slug: r.campaign_slug,
            campaign_title: r.campaign_title,
        })
    })
    .collect::<Result<Vec<_>, AppError>>()?;

    let certifications =
        sqlx::query_scalar!("select certifications from designer where designer_id = $1", row.designer_id)
            .fetch_one(&mut *db)
            .await?;
    Ok(DesignerPage {
        designer: row.card()?,
        certifications,
        website_url: row.website_url,
        instagram_url: row.instagram_url,
        campaigns,
        rewards,
        server_now: chrono::Utc::now(),
    })
}
