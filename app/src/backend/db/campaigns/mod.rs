//! Reading campaigns for the home page and the campaign page: the campaign itself here, its
//! rewards (rewards.rs) and the page's other sections (sections.rs), each in the visitor's
//! language where the team translated it.

mod rewards;
mod sections;

pub use rewards::rewards;
use sections::{designers, faq, needs, partners, updates};

use super::{money, stored};
use crate::backend::markdown;
use crate::domain::views::{CampaignCard, CampaignDetail, CampaignPage, Image, LiveCampaigns};
use crate::domain::{CampaignId, CampaignStatus, FundingModel, Locale};
use crate::error::AppError;
use chrono::{DateTime, Utc};
use sqlx::PgConnection;

/// A campaign row as read for cards (home page, designer pages).
pub(crate) struct CampaignCardRow {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub city: String,
    pub currency: String,
    pub goal: rust_decimal::Decimal,
    pub pledged_total: rust_decimal::Decimal,
    pub matched_total: rust_decimal::Decimal,
    pub backer_count: i32,
    pub ends_at: DateTime<Utc>,
    pub status: String,
    pub image_url: Option<String>,
    pub image_alt: Option<String>,
}

impl CampaignCardRow {
    pub(crate) fn card(self) -> Result<CampaignCard, AppError> {
        Ok(CampaignCard {
            goal: money(self.goal, &self.currency)?,
            raised: money(self.pledged_total + self.matched_total, &self.currency)?,
            status: stored(CampaignStatus::parse(&self.status))?,
            slug: self.slug,
            title: self.title,
            summary: self.summary,
            city: self.city,
            image: self.image_url.map(|url| Image {
                url,
                alt: self.image_alt.unwrap_or_default(),
                srcset: String::new(),
            }),
            backers: i64::from(self.backer_count),
            ends_at: self.ends_at,
        })
    }
}

/// Live campaigns, the one ending soonest first.
#[tracing::instrument(skip_all, err)]
pub async fn live_campaigns(db: &mut PgConnection, lang: Locale) -> Result<LiveCampaigns, AppError> {
    let rows = sqlx::query_as!(
        CampaignCardRow,
        r#"
        select c.slug, coalesce(nullif(t.title, ''), c.title) as "title!",
               coalesce(nullif(t.summary, ''), c.summary) as "summary!", c.city, c.currency as "currency!", c.goal, c.pledged_total,
               c.matched_total, c.backer_count, c.ends_at as "ends_at: _", c.status,
               i.url as "image_url?", i.alt as "image_alt?"
        from campaign c
        left join lateral (
            select url, alt from campaign_image where campaign_id = c.campaign_id order by position limit 1
        ) i on true
        left join campaign_translation t on t.campaign_id = c.campaign_id and t.locale = $1 and t.locale <> c.locale
        where c.status = 'live' and c.starts_at <= now()
        order by c.ends_at, c.campaign_id
        "#,
        lang.code()
    )
    .fetch_all(&mut *db)
    .await?;
    Ok(LiveCampaigns {
        campaigns: rows.into_iter().map(CampaignCardRow::card).collect::<Result<_, _>>()?,
        partners: partners(db, None).await?,
        server_now: Utc::now(),
    })
}

/// The id of the campaign with this slug (any status), or `NotFound`.
pub async fn id_by_slug(db: &mut PgConnection, slug: &str) -> Result<CampaignId, AppError> {
    let id = sqlx::query_scalar!("select campaign_id from campaign where slug = $1", slug)
        .fetch_optional(&mut *db)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(CampaignId(id))
}

/// Everything the public campaign page shows; `NotFound` for unknown slugs and for campaigns
/// not yet public (drafts, in review).
#[tracing::instrument(skip(db), err)]
pub async fn campaign_page(db: &mut PgConnection, slug: &str, lang: Locale) -> Result<CampaignPage, AppError> {
    let campaign =
        campaign_row(db, Some(slug), None, true, Some(lang)).await?.ok_or(AppError::NotFound)?.into_detail(true)?;
    let id = campaign.id;
    let currency = campaign.goal.currency().code();
    Ok(CampaignPage {
        images: images(db, id).await?,
        rewards: rewards(db, id, currency, Some(lang)).await?,
        designers: designers(db, id).await?,
        partners: partners(db, Some(id)).await?,
        match_funds: super::funds::list(db, super::funds::Funds::Matching(id)).await?,
        needs: needs(db, id).await?,
        updates: updates(db, id).await?,
        faq: faq(db, id, lang).await?,
        campaign,
        server_now: Utc::now(),
    })
}

/// A campaign's figures (no story) whatever its status, for its team's dashboard.
pub async fn detail(db: &mut PgConnection, id: CampaignId) -> Result<CampaignDetail, AppError> {
    campaign_row(db, None, Some(id), false, None).await?.ok_or(AppError::NotFound)?.into_detail(false)
}

/// A campaign's address (any status).
pub async fn slug_of(db: &mut PgConnection, id: CampaignId) -> Result<String, AppError> {
    sqlx::query_scalar!("select slug from campaign where campaign_id = $1", id.0)
        .fetch_optional(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// A public campaign's id by its slug.
pub async fn public_id(db: &mut PgConnection, slug: &str) -> Result<Option<CampaignId>, AppError> {
    Ok(campaign_row(db, Some(slug), None, true, None).await?.map(|row| CampaignId(row.campaign_id)))
}

/// A public campaign's figures (no story), for the live totals.
pub async fn public_detail(db: &mut PgConnection, id: CampaignId) -> Result<Option<CampaignDetail>, AppError> {
    campaign_row(db, None, Some(id), true, None).await?.map(|row| row.into_detail(false)).transpose()
}

struct DetailRow {
    campaign_id: i64,
    slug: String,
    title: String,
    summary: String,
    story_md: String,
    city: String,
    currency: String,
    goal: rust_decimal::Decimal,
    funding_model: String,
    min_pledge: rust_decimal::Decimal,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    status: String,
    pledged_total: rust_decimal::Decimal,
    matched_total: rust_decimal::Decimal,
    backer_count: i32,
    /// The language of the texts read: a translation's, or the campaign's own.
    text_locale: String,
}

impl DetailRow {
    fn into_detail(self, with_story: bool) -> Result<CampaignDetail, AppError> {
        Ok(CampaignDetail {
            id: CampaignId(self.campaign_id),
            story_html: if with_story { markdown::render(&self.story_md) } else { String::new() },
            goal: money(self.goal, &self.currency)?,
            pledged: money(self.pledged_total, &self.currency)?,
            matched: money(self.matched_total, &self.currency)?,
            backers: i64::from(self.backer_count),
            funding_model: stored(FundingModel::parse(&self.funding_model))?,
            min_pledge: money(self.min_pledge, &self.currency)?,
            status: stored(CampaignStatus::parse(&self.status))?,
            slug: self.slug,
            title: self.title,
            summary: self.summary,
            city: self.city,
            starts_at: self.starts_at,
            ends_at: self.ends_at,
            text_locale: Locale::from_tag(&self.text_locale).unwrap_or_default(),
        })
    }
}

/// A campaign by slug or id; when `public_only`, only if public (not a draft, not in review).
/// Its texts in `lang` where the team translated them (field by field), else its own.
async fn campaign_row(
    db: &mut PgConnection,
    slug: Option<&str>,
    id: Option<CampaignId>,
    public_only: bool,
    lang: Option<Locale>,
) -> Result<Option<DetailRow>, AppError> {
    Ok(sqlx::query_as!(
        DetailRow,
        r#"
        select c.campaign_id, c.slug, coalesce(nullif(t.title, ''), c.title) as "title!",
               coalesce(nullif(t.summary, ''), c.summary) as "summary!",
               coalesce(nullif(t.story_md, ''), c.story_md) as "story_md!", c.city, c.currency as "currency!", c.goal,
               c.funding_model, c.min_pledge, c.starts_at as "starts_at: DateTime<Utc>",
               c.ends_at as "ends_at: DateTime<Utc>", c.status, c.pledged_total, c.matched_total, c.backer_count,
               coalesce(t.locale, c.locale) as "text_locale!"
        from campaign c
        left join campaign_translation t on t.campaign_id = c.campaign_id and t.locale = $4 and t.locale <> c.locale
        where ($1::text is null or c.slug = $1) and ($2::bigint is null or c.campaign_id = $2)
          and (not $3 or c.status not in ('draft', 'in_review'))
        "#,
        slug,
        id.map(|i| i.0),
        public_only,
        lang.map(Locale::code)
    )
    .fetch_optional(&mut *db)
    .await?)
}

async fn images(db: &mut PgConnection, id: CampaignId) -> Result<Vec<Image>, AppError> {
    let rows = sqlx::query!(
        "select url, alt, srcset from campaign_image where campaign_id = $1 order by position, campaign_image_id",
        id.0
    )
    .fetch_all(&mut *db)
    .await?;
    Ok(rows.into_iter().map(|r| Image { url: r.url, alt: r.alt, srcset: r.srcset }).collect())
}
