//! The campaign page's other sections: designers, partners, needs, updates, FAQ (its match
//! funds are read by `db::funds`).

use super::super::stored;
use crate::backend::markdown;
use crate::domain::views::{DesignerCard, FaqEntry, NeedView, PartnerView, UpdateView};
use crate::domain::{CampaignId, Locale, NeedKind, PartnerKind, PartnerLevel, UpdateVisibility};
use crate::error::AppError;
use chrono::{DateTime, Utc};
use sqlx::PgConnection;

pub(super) async fn designers(db: &mut PgConnection, id: CampaignId) -> Result<Vec<DesignerCard>, AppError> {
    super::super::designers::campaign_designers(db, id.0).await
}

/// The approved partners of a campaign, or of the platform (`None`).
pub(super) async fn partners(db: &mut PgConnection, id: Option<CampaignId>) -> Result<Vec<PartnerView>, AppError> {
    let rows = sqlx::query!(
        r#"
        select organisation, kind, level, message, logo_url, website_url
        from partner
        where campaign_id is not distinct from $1 and status = 'approved'
        order by array_position(array['principal', 'major', 'supporter'], level), organisation
        "#,
        id.map(|c| c.0)
    )
    .fetch_all(&mut *db)
    .await?;
    rows.into_iter()
        .map(|p| {
            Ok(PartnerView {
                organisation: p.organisation,
                kind: stored(PartnerKind::parse(&p.kind))?,
                level: stored(PartnerLevel::parse(&p.level))?,
                message: p.message,
                logo_url: p.logo_url,
                website_url: p.website_url,
            })
        })
        .collect()
}

pub(super) async fn needs(db: &mut PgConnection, id: CampaignId) -> Result<Vec<NeedView>, AppError> {
    let rows = sqlx::query!(
        r#"
        select n.need_id, n.kind, n.title, n.description, n.quantity, n.unit,
               coalesce(sum(h.quantity) filter (where h.status in ('accepted', 'done')), 0) as "covered!"
        from need n left join help_offer h using (need_id)
        where n.campaign_id = $1
        group by n.need_id
        order by n.position, n.need_id
        "#,
        id.0
    )
    .fetch_all(&mut *db)
    .await?;
    rows.into_iter()
        .map(|n| {
            Ok(NeedView {
                id: n.need_id,
                kind: stored(NeedKind::parse(&n.kind))?,
                title: n.title,
                description: n.description,
                quantity: i64::from(n.quantity),
                unit: n.unit,
                covered: n.covered,
            })
        })
        .collect()
}

/// Published updates, newest first. Backers-only updates keep their title but not their body
/// (until sign-in tells us who is reading).
pub(super) async fn updates(db: &mut PgConnection, id: CampaignId) -> Result<Vec<UpdateView>, AppError> {
    let rows = sqlx::query!(
        r#"
        select campaign_update_id, title, body_md, visibility, published_at as "published_at!: DateTime<Utc>"
        from campaign_update
        where campaign_id = $1 and published_at is not null and published_at <= now()
        order by published_at desc
        "#,
        id.0
    )
    .fetch_all(&mut *db)
    .await?;
    rows.into_iter()
        .map(|u| {
            let visibility = stored(UpdateVisibility::parse(&u.visibility))?;
            let body_html = match visibility {
                UpdateVisibility::Public => markdown::render(&u.body_md),
                UpdateVisibility::Backers => String::new(),
            };
            Ok(UpdateView {
                id: u.campaign_update_id,
                title: u.title,
                body_html,
                visibility,
                published_at: u.published_at,
            })
        })
        .collect()
}

/// The questions and answers, in `lang` where the team translated them.
pub(super) async fn faq(db: &mut PgConnection, id: CampaignId, lang: Locale) -> Result<Vec<FaqEntry>, AppError> {
    let rows = sqlx::query!(
        r#"select coalesce(nullif(t.question, ''), f.question) as "question!",
                  coalesce(nullif(t.answer_md, ''), f.answer_md) as "answer_md!"
           from campaign_faq f
           join campaign c using (campaign_id)
           left join campaign_faq_translation t
               on t.campaign_faq_id = f.campaign_faq_id and t.locale = $2 and t.locale <> c.locale
           where f.campaign_id = $1 order by f.position, f.campaign_faq_id"#,
        id.0,
        lang.code()
    )
    .fetch_all(&mut *db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|f| FaqEntry { question: f.question, answer_html: markdown::render(&f.answer_md) })
        .collect())
}
