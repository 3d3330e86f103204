//! A campaign's questions and answers (the FAQ on its page), in their order.

use crate::domain::{CampaignId, FaqSettings, StudioFaq};
use crate::error::AppError;
use sqlx::PgConnection;

pub async fn list(db: &mut PgConnection, id: CampaignId) -> Result<Vec<StudioFaq>, AppError> {
    Ok(sqlx::query!(
        "select campaign_faq_id, question, answer_md from campaign_faq where campaign_id = $1
         order by position, campaign_faq_id",
        id.0
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|f| StudioFaq { id: f.campaign_faq_id, question: f.question, answer: f.answer_md })
    .collect())
}

/// Adds an entry, last.
pub async fn add(db: &mut PgConnection, id: CampaignId, f: &FaqSettings) -> Result<(), AppError> {
    sqlx::query!(
        r#"insert into campaign_faq (campaign_id, question, answer_md, position)
           values ($1, $2, $3, (select coalesce(max(position) + 1, 0) from campaign_faq where campaign_id = $1))"#,
        id.0,
        f.question,
        f.answer_md
    )
    .execute(db)
    .await?;
    Ok(())
}

/// Removes an entry of this campaign.
pub async fn remove(db: &mut PgConnection, id: CampaignId, entry: i64) -> Result<(), AppError> {
    let removed = sqlx::query!("delete from campaign_faq where campaign_id = $1 and campaign_faq_id = $2", id.0, entry)
        .execute(db)
        .await?;
    if removed.rows_affected() == 0 {
        return Err(AppError::NotFound);
    }
    Ok(())
}
