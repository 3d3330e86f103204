//! Translations of a campaign's texts: read for the studio's page, saved (or removed when left
//! empty) one part at a time. Every query names the campaign: a part of another campaign is not
//! found.

use super::super::stored;
use super::rewards::editable;
use crate::domain::{
    Blank, CampaignId, CampaignStatus, CampaignTexts, FaqTexts, Locale, RewardTexts, TranslatedPart, TranslationsEditor,
};
use crate::error::AppError;
use sqlx::PgConnection;

/// The page for translating the campaign into `lang` (the campaign's own language gives the
/// first other one).
pub async fn editor(db: &mut PgConnection, id: CampaignId, lang: Locale) -> Result<TranslationsEditor, AppError> {
    let c = sqlx::query!(
        r#"select c.status, c.locale, c.title, c.summary, c.story_md,
                  t.title as "t_title?", t.summary as "t_summary?", t.story_md as "t_story?"
           from campaign c left join campaign_translation t on t.campaign_id = c.campaign_id and t.locale = $2
           where c.campaign_id = $1"#,
        id.0,
        lang.code()
    )
    .fetch_optional(&mut *db)
    .await?
    .ok_or(AppError::NotFound)?;
    let own = Locale::from_tag(&c.locale).unwrap_or_default();
    if lang == own {
        let first = crate::domain::other_locales(own).next().unwrap_or_default();
        return Box::pin(editor(db, id, first)).await;
    }
    let rewards = sqlx::query!(
        r#"select r.reward_tier_id, r.title, r.description, t.title as "t_title?", t.description as "t_description?"
           from reward_tier r left join reward_tier_translation t on t.reward_tier_id = r.reward_tier_id and t.locale = $2
           where r.campaign_id = $1 order by r.position, r.reward_tier_id"#,
        id.0,
        lang.code()
    )
    .fetch_all(&mut *db)
    .await?
    .into_iter()
    .map(|r| TranslatedPart {
        id: r.reward_tier_id,
        original: RewardTexts { title: r.title, description: r.description },
        translated: RewardTexts {
            title: r.t_title.unwrap_or_default(),
            description: r.t_description.unwrap_or_default(),
        },
    })
    .collect();
    let faq = sqlx::query!(
        r#"select f.campaign_faq_id, f.question, f.answer_md, t.question as "t_question?", t.answer_md as "t_answer?"
           from campaign_faq f left join campaign_faq_translation t on t.campaign_faq_id = f.campaign_faq_id and t.locale = $2
           where f.campaign_id = $1 order by f.position, f.campaign_faq_id"#,
        id.0,
        lang.code()
    )
    .fetch_all(&mut *db)
    .await?
    .into_iter()
    .map(|f| TranslatedPart {
        id: f.campaign_faq_id,
        original: FaqTexts { question: f.question, answer: f.answer_md },
        translated: FaqTexts { question: f.t_question.unwrap_or_default(), answer: f.t_answer.unwrap_or_default() },
    })
    .collect();
    Ok(TranslationsEditor {
        campaign: id,
        status: stored(CampaignStatus::parse(&c.status))?,
        own,
        lang,
        original: CampaignTexts { title: c.title, summary: c.summary, story: c.story_md },
        translated: CampaignTexts {
            title: c.t_title.unwrap_or_default(),
            summary: c.t_summary.unwrap_or_default(),
            story: c.t_story.unwrap_or_default(),
        },
        rewards,
        faq,
    })
}

/// A language the campaign can be translated into: not its own.
async fn other_language(db: &mut PgConnection, id: CampaignId, lang: Locale) -> Result<(), AppError> {
    editable(db, id).await?;
    let own =
        sqlx::query_scalar!("select locale from campaign where campaign_id = $1", id.0).fetch_one(&mut *db).await?;
    if own == lang.code() {
        return Err(AppError::invalid("lang", crate::i18n::Key::TranslationOwnLanguage));
    }
    Ok(())
}

pub async fn save_campaign(
    db: &mut PgConnection,
    id: CampaignId,
    lang: Locale,
    t: &CampaignTexts,
) -> Result<(), AppError> {
    other_language(db, id, lang).await?;
    if t.is_blank() {
        sqlx::query!("delete from campaign_translation where campaign_id = $1 and locale = $2", id.0, lang.code())
            .execute(&mut *db)
            .await?;
        return Ok(());
    }
    sqlx::query!(
        "insert into campaign_translation (campaign_id, locale, title, summary, story_md) values ($1, $2, $3, $4, $5)
         on conflict (campaign_id, locale) do update
         set title = excluded.title, summary = excluded.summary, story_md = excluded.story_md, updated_at = now()",
        id.0,
        lang.code(),
        t.title,
        t.summary,
        t.story
    )
    .execute(&mut *db)
    .await?;
    Ok(())
}

pub async fn save_reward(
    db: &mut PgConnection,
    id: CampaignId,
    lang: Locale,
    tier: i64,
    t: &RewardTexts,
) -> Result<(), AppError> {
    other_language(db, id, lang).await?;
    let ours = sqlx::query_scalar!(
        r#"select exists(select 1 from reward_tier where campaign_id = $1 and reward_tier_id = $2) as "ours!""#,
        id.0,
        tier
    )
    .fetch_one(&mut *db)
    .await?;
    if !ours {
        return Err(AppError::NotFound);
    }
    if t.is_blank() {
        sqlx::query!(
            "delete from reward_tier_translation where reward_tier_id = $1 and locale = $2",
            tier,
            lang.code()
        )
        .execute(&mut *db)
        .await?;
        return Ok(());
    }
    sqlx::query!(
        "insert into reward_tier_translation (reward_tier_id, locale, title, description) values ($1, $2, $3, $4)
         on conflict (reward_tier_id, locale) do update
         set title = excluded.title, description = excluded.description, updated_at = now()",
        tier,
        lang.code(),
        t.title,
        t.description
    )
    .execute(&mut *db)
    .await?;
    Ok(())
}

pub async fn save_faq(
    db: &mut PgConnection,
    id: CampaignId,
    lang: Locale,
    entry: i64,
    t: &FaqTexts,
) -> Result<(), AppError> {
    other_language(db, id, lang).await?;
    let ours = sqlx::query_scalar!(
        r#"select exists(select 1 from campaign_faq where campaign_id = $1 and campaign_faq_id = $2) as "ours!""#,
        id.0,
        entry
    )
    .fetch_one(&mut *db)
    .await?;
    if !ours {
        return Err(AppError::NotFound);
    }
    if t.is_blank() {
        sqlx::query!(
            "delete from campaign_faq_translation where campaign_faq_id = $1 and locale = $2",
            entry,
            lang.code()
        )
        .execute(&mut *db)
        .await?;
        return Ok(());
    }
    sqlx::query!(
        "insert into campaign_faq_translation (campaign_faq_id, campaign_id, locale, question, answer_md)
         values ($1, $2, $3, $4, $5)
         on conflict (campaign_faq_id, locale) do update
         set question = excluded.question, answer_md = excluded.answer_md, updated_at = now()",
        entry,
        id.0,
        lang.code(),
        t.question,
        t.answer
    )
    .execute(&mut *db)
    .await?;
    Ok(())
}
