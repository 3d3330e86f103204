//! A campaign's designers in the studio: create a profile (linked to the campaign), change it
//! while it is linked, link an existing designer, unlink one.

use super::super::designers::DesignerRow;
use crate::domain::{
    CampaignId, DesignerEdit, DesignerForm, DesignerInvite, DesignerSettings, DesignersEditor, Practice, Slug,
};
use crate::error::AppError;
use crate::i18n::Key;
use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use sqlx::PgConnection;

/// A designer with what only the studio shows: certifications, whether it is claimed, and the
/// invitation to claim it still open.
pub(crate) struct EditRow {
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
    pub certifications: Vec<String>,
    pub claimed: bool,
    pub invite_id: Option<i64>,
    pub invite_email: Option<String>,
    pub invite_expires: Option<DateTime<Utc>>,
    pub invite_expired: Option<bool>,
}

impl EditRow {
    pub(crate) fn edit(self) -> Result<DesignerEdit, AppError> {
        let row = DesignerRow {
            designer_id: self.designer_id,
            slug: self.slug,
            name: self.name,
            atelier: self.atelier,
            city: self.city,
            bio: self.bio,
            materials: self.materials,
            practices: self.practices,
            photo_url: self.photo_url,
            website_url: self.website_url,
            instagram_url: self.instagram_url,
            distance_km: self.distance_km,
        };
        let card = row.card()?;
        let form = DesignerForm {
            name: card.name.clone(),
            atelier: card.atelier.clone(),
            city: card.city.clone(),
            bio: card.bio.clone(),
            materials: card.materials.join(", "),
            certifications: self.certifications.join(", "),
            practices: card.practices.iter().map(|p| p.as_str().to_owned()).collect(),
            website: row.website_url.unwrap_or_default(),
            instagram: row.instagram_url.unwrap_or_default(),
            distance_km: card.distance_km.map(|d| d.normalize().to_string()).unwrap_or_default(),
        };
        let invite = match (self.invite_id, self.invite_email, self.invite_expires) {
            (Some(id), Some(email), Some(expires_at)) => {
                Some(DesignerInvite { id, email, expires_at, expired: self.invite_expired.unwrap_or(false) })
            }
            _ => None,
        };
        Ok(DesignerEdit { card, form, claimed: self.claimed, invite })
    }
}

/// The designers tab of a campaign.
pub async fn editor(db: &mut PgConnection, campaign: CampaignId) -> Result<DesignersEditor, AppError> {
    let title = sqlx::query_scalar!("select title from campaign where campaign_id = $1", campaign.0)
        .fetch_optional(&mut *db)
        .await?
        .ok_or(AppError::NotFound)?;
    let designers = sqlx::query_as!(
        EditRow,
        r#"select d.designer_id, d.slug, d.name, d.atelier, d.city, d.bio, d.materials, d.practices, d.photo_url,
                  d.website_url, d.instagram_url, cd.distance_km, d.certifications, d.user_id is not null as "claimed!",
                  i.designer_invite_id as "invite_id?", i.email as "invite_email?",
                  i.expires_at as "invite_expires?: DateTime<Utc>", i.expires_at <= now() as "invite_expired?"
           from campaign_designer cd join designer d using (designer_id)
           left join designer_invite i
                  on i.designer_id = d.designer_id and i.accepted_at is null and i.revoked_at is null
           where cd.campaign_id = $1 order by cd.position, d.name"#,
        campaign.0
    )
    .fetch_all(&mut *db)
    .await?
    .into_iter()
    .map(EditRow::edit)
    .collect::<Result<_, _>>()?;
    Ok(DesignersEditor { campaign, title, designers })
}

fn practices(s: &DesignerSettings) -> Vec<String> {
    s.practices.iter().map(|p: &Practice| p.as_str().to_owned()).collect()
}

/// Creates a designer linked to the campaign (`designer` is `None`) or changes one linked to it.
pub async fn save(
    db: &mut PgConnection,
    campaign: CampaignId,
    designer: Option<i64>,
    s: &DesignerSettings,
) -> Result<i64, AppError> {
    let id = match designer {
        Some(id) => {
            let linked = sqlx::query_scalar!(
                r#"select exists(select 1 from campaign_designer where campaign_id = $1 and designer_id = $2) as "linked!""#,
                campaign.0,
                id
            )
            .fetch_one(&mut *db)
            .await?;
            if !linked {
                return Err(AppError::NotFound);
            }
            update(db, id, s).await?;
            id
        }
        None => {
            let id = insert(db, s).await?;
            sqlx::query!(
                "insert into campaign_designer (campaign_id, designer_id, position)
                 select $1, $2, coalesce(max(position) + 1, 0) from campaign_designer where campaign_id = $1",
                campaign.0,
                id
            )
            .execute(&mut *db)
            .await?;
            id
        }
    };
    sqlx::query!(
        "update campaign_designer set distance_km = $3 where campaign_id = $1 and designer_id = $2",
        campaign.0,
        id,
        s.distance_km
    )
    .execute(&mut *db)
    .await?;
    Ok(id)
}

/// A new profile, its address made from the name (`-2`, `-3`... when taken).
async fn insert(db: &mut PgConnection, s: &DesignerSettings) -> Result<i64, AppError> {
    let base = Slug::from_title(&s.name).map(|s| s.to_string()).unwrap_or_else(|_| "createur".to_owned());
    let base = base.get(..76).unwrap_or(&base).trim_end_matches('-').to_owned();
    for n in 1..=50 {
        let slug = if n == 1 { base.clone() } else { format!("{base}-{n}") };
        // the address is taken first; the rest of the profile is written as a change is
        let created = sqlx::query_scalar!(
            "insert into designer (slug, name, city) values ($1, $2, $3)
             on conflict (slug) do nothing returning designer_id",
            slug,
            s.name,
            s.city
        )
        .fetch_optional(&mut *db)
        .await?;
        if let Some(id) = created {
            update(db, id, s).await?;
            return Ok(id);
        }
    }
    Err(AppError::invalid("name", Key::SlugTaken))
}

/// Writes the profile's fields (not its address, portrait or distances).
pub(crate) async fn update(db: &mut PgConnection, designer: i64, s: &DesignerSettings) -> Result<(), AppError> {
    sqlx::query!(
        "update designer set name = $2, atelier = $3, city = $4, bio = $5, materials = $6, certifications = $7,
                practices = $8, website_url = $9, instagram_url = $10, updated_at = now()
         where designer_id = $1",
        designer,
        s.name,
        s.atelier,
        s.city,
        s.bio,
        &s.materials,
        &s.certifications,
        &practices(s),
        s.website,
        s.instagram
    )
    .execute(db)
    .await?;
    Ok(())
}

/// Links an existing designer (by the address of their page) to the campaign.
pub async fn link(
    db: &mut PgConnection,
    campaign: CampaignId,
    slug: &str,
    distance_km: Option<Decimal>,
) -> Result<i64, AppError> {
    let id = sqlx::query_scalar!("select designer_id from designer where slug = $1", slug.trim())
        .fetch_optional(&mut *db)
        .await?
        .ok_or(AppError::invalid("slug", Key::DesignerNotFound))?;
    sqlx::query!(
        "insert into campaign_designer (campaign_id, designer_id, distance_km, position)
         select $1, $2, $3, coalesce(max(position) + 1, 0) from campaign_designer where campaign_id = $1
         on conflict (campaign_id, designer_id) do update set distance_km = excluded.distance_km",
        campaign.0,
        id,
        distance_km
    )
    .execute(db)
    .await?;
    Ok(id)
}

/// Takes a designer off the campaign (the profile stays; their rewards keep no designer).
pub async fn unlink(db: &mut PgConnection, campaign: CampaignId, designer: i64) -> Result<(), AppError> {
    let removed =
        sqlx::query!("delete from campaign_designer where campaign_id = $1 and designer_id = $2", campaign.0, designer)
            .execute(&mut *db)
            .await?;
    if removed.rows_affected() == 0 {
        return Err(AppError::NotFound);
    }
    sqlx::query!(
        "update reward_tier set designer_id = null where campaign_id = $1 and designer_id = $2",
        campaign.0,
        designer
    )
    .execute(db)
    .await?;
    Ok(())
}

/// Sets the portrait of a designer linked to the campaign; the address it replaces.
pub async fn set_photo(
    db: &mut PgConnection,
    campaign: CampaignId,
    designer: i64,
    url: &str,
) -> Result<Option<String>, AppError> {
    let old = sqlx::query_scalar!(
        r#"with old as (select d.photo_url from designer d
                        join campaign_designer cd on cd.designer_id = d.designer_id and cd.campaign_id = $1
                        where d.designer_id = $2 for update of d)
           update designer d set photo_url = $3, updated_at = now() from old where d.designer_id = $2
           returning old.photo_url as "old?""#,
        campaign.0,
        designer,
        url
    )
    .fetch_optional(db)
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(old)
}
