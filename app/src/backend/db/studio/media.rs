//! A campaign's pictures: the first by position is the hero, the others its gallery. Each row
//! keeps its largest width as `url`, every width in `srcset`, and the files under the media
//! folder in `files` (removed with it).

use crate::backend::media::{url, Variant};
use crate::domain::{CampaignId, StudioImage};
use crate::error::AppError;
use sqlx::PgConnection;

/// Records an upload's widths as the campaign's last picture.
pub async fn insert(db: &mut PgConnection, id: CampaignId, variants: &[Variant], alt: &str) -> Result<(), AppError> {
    let largest = variants.last().ok_or(AppError::Internal)?;
    let srcset = variants.iter().map(|v| format!("{} {}w", url(&v.path), v.width)).collect::<Vec<_>>().join(", ");
    let files: Vec<String> = variants.iter().map(|v| v.path.clone()).collect();
    sqlx::query!(
        r#"insert into campaign_image (campaign_id, url, alt, width, height, srcset, files, position)
           values ($1, $2, $3, $4, $5, $6, $7,
                   (select coalesce(max(position) + 1, 0) from campaign_image where campaign_id = $1))"#,
        id.0,
        url(&largest.path),
        alt,
        i32::try_from(largest.width).unwrap_or(i32::MAX),
        i32::try_from(largest.height).unwrap_or(i32::MAX),
        srcset,
        &files
    )
    .execute(db)
    .await?;
    Ok(())
}

/// The campaign's pictures, the hero first.
pub async fn list(db: &mut PgConnection, id: CampaignId) -> Result<Vec<StudioImage>, AppError> {
    Ok(sqlx::query!(
        "select campaign_image_id, url, alt, srcset from campaign_image where campaign_id = $1 order by position, campaign_image_id",
        id.0
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|r| StudioImage { id: r.campaign_image_id, url: r.url, alt: r.alt, srcset: r.srcset })
    .collect())
}

/// Removes a picture of this campaign; returns its files, for the caller to delete once committed.
pub async fn remove(db: &mut PgConnection, id: CampaignId, image: i64) -> Result<Vec<String>, AppError> {
    sqlx::query_scalar!(
        "delete from campaign_image where campaign_id = $1 and campaign_image_id = $2 returning files",
        id.0,
        image
    )
    .fetch_optional(db)
    .await?
    .ok_or(AppError::NotFound)
}

/// Makes a picture of this campaign its hero (first), the others keeping their order.
pub async fn make_hero(db: &mut PgConnection, id: CampaignId, image: i64) -> Result<(), AppError> {
    let moved = sqlx::query!(
        r#"update campaign_image i set position = o.position::int
           from (select campaign_image_id,
                        row_number() over (order by campaign_image_id <> $2, position, campaign_image_id) - 1 as position
                 from campaign_image where campaign_id = $1) o
           where i.campaign_image_id = o.campaign_image_id and i.campaign_id = $1
             and exists (select 1 from campaign_image where campaign_id = $1 and campaign_image_id = $2)"#,
        id.0,
        image
    )
    .execute(db)
    .await?;
    if moved.rows_affected() == 0 {
        return Err(AppError::NotFound);
    }
    Ok(())
}
