//! Reading campaigns for the home page and the campaign page.

use super::{money, stored};
use crate::backend::markdown;
use crate::domain::views::{
    CampaignCard, CampaignDetail, CampaignPage, DesignerCard, DesignerRef, FaqEntry, Image, LiveCampaigns,
    MatchFundView, NeedView, PartnerView, PickupPointView, QuestionView, RewardTierView, SlotView, UpdateView,
};
use crate::domain::{
    CampaignId, CampaignStatus, Fulfilment, FundingModel, NeedKind, PartnerKind, PartnerLevel, PickupPointId,
    QuestionKind, RewardKind, RewardSlotId, RewardTierId, UpdateVisibility,
};
use crate::error::AppError;
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::PgConnection;
use std::collections::HashMap;

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
pub async fn live_campaigns(db: &mut PgConnection) -> Result<LiveCampaigns, AppError> {
    let rows = sqlx::query_as!(
        CampaignCardRow,
        r#"
        select c.slug, c.title, c.summary, c.city, c.currency as "currency!", c.goal, c.pledged_total,
               c.matched_total, c.backer_count, c.ends_at as "ends_at: _", c.status,
               i.url as "image_url?", i.alt as "image_alt?"
        from campaign c
        left join lateral (
            select url, alt from campaign_image where campaign_id = c.campaign_id order by position limit 1
        ) i on true
        where c.status = 'live' and c.starts_at <= now()
        order by c.ends_at, c.campaign_id
        "#
    )
    .fetch_all(&mut *db)
    .await?;
    Ok(LiveCampaigns {
        campaigns: rows.into_iter().map(CampaignCardRow::card).collect::<Result<_, _>>()?,
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
pub async fn campaign_page(db: &mut PgConnection, slug: &str) -> Result<CampaignPage, AppError> {
    let campaign = campaign_row(db, Some(slug), None, true).await?.ok_or(AppError::NotFound)?.into_detail(true)?;
    let id = campaign.id;
    let currency = campaign.goal.currency().code();
    Ok(CampaignPage {
        images: images(db, id).await?,
        rewards: rewards(db, id, currency).await?,
        designers: designers(db, id).await?,
        partners: partners(db, id).await?,
        match_funds: match_funds(db, id).await?,
        needs: needs(db, id).await?,
        updates: updates(db, id).await?,
        faq: faq(db, id).await?,
        campaign,
        server_now: Utc::now(),
    })
}

/// A campaign's figures (no story) whatever its status, for its team's dashboard.
pub async fn detail(db: &mut PgConnection, id: CampaignId) -> Result<CampaignDetail, AppError> {
    campaign_row(db, None, Some(id), false).await?.ok_or(AppError::NotFound)?.into_detail(false)
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
    Ok(campaign_row(db, Some(slug), None, true).await?.map(|row| CampaignId(row.campaign_id)))
}

/// A public campaign's figures (no story), for the live totals.
pub async fn public_detail(db: &mut PgConnection, id: CampaignId) -> Result<Option<CampaignDetail>, AppError> {
    campaign_row(db, None, Some(id), true).await?.map(|row| row.into_detail(false)).transpose()
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
        })
    }
}

/// A campaign by slug or id; when `public_only`, only if public (not a draft, not in review).
async fn campaign_row(
    db: &mut PgConnection,
    slug: Option<&str>,
    id: Option<CampaignId>,
    public_only: bool,
) -> Result<Option<DetailRow>, AppError> {
    Ok(sqlx::query_as!(
        DetailRow,
        r#"
        select campaign_id, slug, title, summary, story_md, city, currency as "currency!", goal, funding_model,
               min_pledge, starts_at as "starts_at: DateTime<Utc>", ends_at as "ends_at: DateTime<Utc>", status,
               pledged_total, matched_total, backer_count
        from campaign
        where ($1::text is null or slug = $1) and ($2::bigint is null or campaign_id = $2)
          and (not $3 or status not in ('draft', 'in_review'))
        "#,
        slug,
        id.map(|i| i.0),
        public_only
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

/// The visible reward tiers of a campaign, with their slots, pickup points and questions.
pub async fn rewards(db: &mut PgConnection, id: CampaignId, currency: &str) -> Result<Vec<RewardTierView>, AppError> {
    let mut slots: HashMap<i64, Vec<SlotView>> = HashMap::new();
    for s in sqlx::query!(
        r#"
        select s.reward_tier_id, s.reward_slot_id, s.starts_at as "starts_at: DateTime<Utc>",
               s.ends_at as "ends_at: DateTime<Utc>", s.capacity, s.claimed, s.location
        from reward_slot s join reward_tier t using (reward_tier_id)
        where t.campaign_id = $1
        order by s.starts_at, s.reward_slot_id
        "#,
        id.0
    )
    .fetch_all(&mut *db)
    .await?
    {
        slots.entry(s.reward_tier_id).or_default().push(SlotView {
            id: RewardSlotId(s.reward_slot_id),
            starts_at: s.starts_at,
            ends_at: s.ends_at,
            capacity: i64::from(s.capacity),
            claimed: i64::from(s.claimed),
            location: s.location,
        });
    }
    let mut pickup: HashMap<i64, Vec<PickupPointView>> = HashMap::new();
    for p in sqlx::query!(
        r#"
        select rp.reward_tier_id, p.pickup_point_id, p.name, p.address, p.city, p.opening_hours
        from reward_pickup_point rp join pickup_point p using (pickup_point_id)
        where p.campaign_id = $1
        order by p.position, p.pickup_point_id
        "#,
        id.0
    )
    .fetch_all(&mut *db)
    .await?
    {
        pickup.entry(p.reward_tier_id).or_default().push(PickupPointView {
            id: PickupPointId(p.pickup_point_id),
            name: p.name,
            address: p.address,
            city: p.city,
            opening_hours: p.opening_hours,
        });
    }
    let mut questions: HashMap<i64, Vec<QuestionView>> = HashMap::new();
    for q in sqlx::query!(
        r#"
        select q.reward_tier_id, q.reward_question_id, q.prompt, q.kind, q.choices, q.required
        from reward_question q join reward_tier t using (reward_tier_id)
        where t.campaign_id = $1
        order by q.position, q.reward_question_id
        "#,
        id.0
    )
    .fetch_all(&mut *db)
    .await?
    {
        questions.entry(q.reward_tier_id).or_default().push(QuestionView {
            id: q.reward_question_id,
            prompt: q.prompt,
            kind: stored(QuestionKind::parse(&q.kind))?,
            choices: q.choices,
            required: q.required,
        });
    }
    let rows = sqlx::query!(
        r#"
        select t.reward_tier_id, t.title, t.description, t.kind, t.price, t.quantity_limit, t.claimed, t.max_per_pledge,
               t.estimated_delivery as "estimated_delivery: NaiveDate", t.fulfilment, t.location,
               d.slug as "designer_slug?", d.name as "designer_name?"
        from reward_tier t left join designer d using (designer_id)
        where t.campaign_id = $1 and t.is_visible
        order by t.position, t.reward_tier_id
        "#,
        id.0
    )
    .fetch_all(&mut *db)
    .await?;
    rows.into_iter()
        .map(|t| {
            Ok(RewardTierView {
                id: RewardTierId(t.reward_tier_id),
                title: t.title,
                description: t.description,
                kind: stored(RewardKind::parse(&t.kind))?,
                price: money(t.price, currency)?,
                quantity_limit: t.quantity_limit.map(i64::from),
                claimed: i64::from(t.claimed),
                estimated_delivery: t.estimated_delivery,
                fulfilment: stored(Fulfilment::parse(&t.fulfilment))?,
                location: t.location,
                pickup_points: pickup.remove(&t.reward_tier_id).unwrap_or_default(),
                slots: slots.remove(&t.reward_tier_id).unwrap_or_default(),
                questions: questions.remove(&t.reward_tier_id).unwrap_or_default(),
                max_per_pledge: t.max_per_pledge,
                designer: t.designer_slug.zip(t.designer_name).map(|(slug, name)| DesignerRef { slug, name }),
            })
        })
        .collect()
}

async fn designers(db: &mut PgConnection, id: CampaignId) -> Result<Vec<DesignerCard>, AppError> {
    super::designers::campaign_designers(db, id.0).await
}

async fn partners(db: &mut PgConnection, id: CampaignId) -> Result<Vec<PartnerView>, AppError> {
    let rows = sqlx::query!(
        r#"
        select organisation, kind, level, message, logo_url, website_url
        from partner
        where campaign_id = $1 and status = 'approved'
        order by array_position(array['principal', 'major', 'supporter'], level), organisation
        "#,
        id.0
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

async fn match_funds(db: &mut PgConnection, id: CampaignId) -> Result<Vec<MatchFundView>, AppError> {
    let rows = sqlx::query!(
        r#"
        select p.organisation, m.ratio, m.total_cap, m.matched_total, m.currency as "currency!"
        from match_fund m join partner p using (partner_id)
        where m.campaign_id = $1 and m.is_active and p.status = 'approved'
        order by m.match_fund_id
        "#,
        id.0
    )
    .fetch_all(&mut *db)
    .await?;
    rows.into_iter()
        .map(|m| {
            Ok(MatchFundView {
                partner: m.organisation,
                ratio: m.ratio,
                total_cap: money(m.total_cap, &m.currency)?,
                matched: money(m.matched_total, &m.currency)?,
            })
        })
        .collect()
}

async fn needs(db: &mut PgConnection, id: CampaignId) -> Result<Vec<NeedView>, AppError> {
    let rows = sqlx::query!(
        r#"
        select n.kind, n.title, n.description, n.quantity, n.unit,
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
async fn updates(db: &mut PgConnection, id: CampaignId) -> Result<Vec<UpdateView>, AppError> {
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

async fn faq(db: &mut PgConnection, id: CampaignId) -> Result<Vec<FaqEntry>, AppError> {
    let rows = sqlx::query!(
        "select question, answer_md from campaign_faq where campaign_id = $1 order by position, campaign_faq_id",
        id.0
    )
    .fetch_all(&mut *db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|f| FaqEntry { question: f.question, answer_html: markdown::render(&f.answer_md) })
        .collect())
}
