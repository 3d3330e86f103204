//! The reward editor's queries: the pages' reads, and the tiers (their parts are in parts.rs).
//! The locks that protect backers are checked on rows locked `for update` (a pledge claiming a
//! unit takes the same row lock, so a check and a claim never cross):
//! - a tier chosen by live pledges keeps its price once launched, and its limit never goes
//!   below the units they hold; a tier any pledge chose cannot be deleted (hide it instead);
//! - a slot with bookings cannot be moved or removed, nor its capacity go below them;
//! - a question with answers and a pickup point a pledge chose cannot be removed.

use super::super::{money, stored};
use crate::domain::views::PickupPointView;
use crate::domain::{
    local_input, CampaignId, CampaignStatus, Currency, PickupPointId, QuestionKind, RewardEditor, RewardForm,
    RewardKind, RewardSettings, RewardSlotId, RewardTierId, RewardsEditor, SlotForm, StudioQuestion, StudioReward,
    StudioSlot,
};
use crate::error::AppError;
use crate::i18n::Key;
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::PgConnection;

/// Locks the campaign (always the first lock, as in a pledge) and checks it can be changed:
/// not while under review (what the reviewer approves is what goes live).
pub async fn editable(db: &mut PgConnection, id: CampaignId) -> Result<CampaignStatus, AppError> {
    let status = super::super::campaign_status::lock_status(db, id).await?;
    if status == CampaignStatus::InReview {
        return Err(AppError::invalid("review", Key::InReviewLocked));
    }
    Ok(status)
}

struct Campaign {
    title: String,
    status: CampaignStatus,
    currency: Currency,
}

async fn campaign(db: &mut PgConnection, id: CampaignId) -> Result<Campaign, AppError> {
    let r = sqlx::query!(r#"select title, status, currency as "currency!" from campaign where campaign_id = $1"#, id.0)
        .fetch_optional(db)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Campaign {
        title: r.title,
        status: stored(CampaignStatus::parse(&r.status))?,
        currency: stored(Currency::parse(&r.currency))?,
    })
}

/// The rewards page: every tier (hidden ones too) and the campaign's pickup points.
pub async fn rewards_editor(db: &mut PgConnection, id: CampaignId) -> Result<RewardsEditor, AppError> {
    let c = campaign(db, id).await?;
    let rows = sqlx::query!(
        r#"
        select t.reward_tier_id, t.title, t.kind, t.price, t.quantity_limit, t.claimed, t.is_visible,
               exists (select 1 from pledge p where p.reward_tier_id = t.reward_tier_id) as "pledged!",
               (select count(*) from reward_slot s where s.reward_tier_id = t.reward_tier_id) as "slots!"
        from reward_tier t
        where t.campaign_id = $1
        order by t.position, t.reward_tier_id
        "#,
        id.0
    )
    .fetch_all(&mut *db)
    .await?;
    let rewards = rows
        .into_iter()
        .map(|t| {
            Ok(StudioReward {
                id: RewardTierId(t.reward_tier_id),
                title: t.title,
                kind: stored(RewardKind::parse(&t.kind))?,
                price: money(t.price, c.currency.code())?,
                quantity_limit: t.quantity_limit.map(i64::from),
                claimed: i64::from(t.claimed),
                visible: t.is_visible,
                pledged: t.pledged,
                slots: t.slots,
            })
        })
        .collect::<Result<_, AppError>>()?;
    Ok(RewardsEditor {
        campaign: id,
        title: c.title,
        status: c.status,
        currency: c.currency,
        rewards,
        pickup_points: pickup_points(db, id).await?,
    })
}

async fn pickup_points(db: &mut PgConnection, id: CampaignId) -> Result<Vec<PickupPointView>, AppError> {
    let rows = sqlx::query!(
        r#"select pickup_point_id, name, address, city, opening_hours from pickup_point
           where campaign_id = $1 order by position, pickup_point_id"#,
        id.0
    )
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|p| PickupPointView {
            id: PickupPointId(p.pickup_point_id),
            name: p.name,
            address: p.address,
            city: p.city,
            opening_hours: p.opening_hours,
        })
        .collect())
}

/// The reward editor: a stored tier of this campaign, or a blank one (`tier` is `None`).
pub async fn reward_editor(
    db: &mut PgConnection,
    id: CampaignId,
    tier: Option<RewardTierId>,
) -> Result<RewardEditor, AppError> {
    let c = campaign(db, id).await?;
    let designers = sqlx::query!(
        r#"select d.designer_id, d.name from campaign_designer cd join designer d using (designer_id)
           where cd.campaign_id = $1 order by cd.position, d.name"#,
        id.0
    )
    .fetch_all(&mut *db)
    .await?
    .into_iter()
    .map(|d| (d.designer_id, d.name))
    .collect();
    let points = pickup_points(db, id).await?;
    let mut editor = RewardEditor {
        campaign: id,
        campaign_title: c.title,
        status: c.status,
        currency: c.currency,
        tier,
        form: RewardForm {
            kind: RewardKind::Object.as_str().into(),
            fulfilment: "pickup".into(),
            max_per_pledge: "1".into(),
            visible: Some("on".into()),
            ..RewardForm::default()
        },
        claimed: 0,
        pledged: false,
        slots: Vec::new(),
        questions: Vec::new(),
        pickup_points: points.iter().cloned().map(|p| (p, false)).collect(),
        designers,
    };
    let Some(tier) = tier else { return Ok(editor) };
    let t = sqlx::query!(
        r#"
        select title, description, kind, price, quantity_limit, claimed, max_per_pledge,
               estimated_delivery as "estimated_delivery: NaiveDate", fulfilment, location, designer_id, is_visible,
               exists (select 1 from pledge p where p.reward_tier_id = t.reward_tier_id) as "pledged!"
        from reward_tier t where campaign_id = $1 and reward_tier_id = $2
        "#,
        id.0,
        tier.0
    )
    .fetch_optional(&mut *db)
    .await?
    .ok_or(AppError::NotFound)?;
    editor.form = RewardForm {
        title: t.title,
        description: t.description,
        kind: t.kind,
        price: t.price.normalize().to_string(),
        quantity_limit: t.quantity_limit.map(|q| q.to_string()).unwrap_or_default(),
        max_per_pledge: t.max_per_pledge.to_string(),
        estimated_delivery: t.estimated_delivery.map(|d| d.to_string()).unwrap_or_default(),
        fulfilment: t.fulfilment,
        location: t.location.unwrap_or_default(),
        designer: t.designer_id.map(|d| d.to_string()).unwrap_or_default(),
        visible: t.is_visible.then(|| "on".to_owned()),
    };
    editor.claimed = i64::from(t.claimed);
    editor.pledged = t.pledged;
    editor.slots = sqlx::query!(
        r#"select reward_slot_id, starts_at as "starts_at: DateTime<Utc>", ends_at as "ends_at: DateTime<Utc>",
                  capacity, claimed, location
           from reward_slot where reward_tier_id = $1 order by starts_at, reward_slot_id"#,
        tier.0
    )
    .fetch_all(&mut *db)
    .await?
    .into_iter()
    .map(|s| StudioSlot {
        id: RewardSlotId(s.reward_slot_id),
        form: SlotForm {
            starts_at: local_input(s.starts_at),
            ends_at: local_input(s.ends_at),
            capacity: s.capacity.to_string(),
            location: s.location.unwrap_or_default(),
        },
        claimed: i64::from(s.claimed),
    })
    .collect();
    editor.questions = sqlx::query!(
        r#"select q.reward_question_id, q.prompt, q.kind, q.choices, q.required,
                  exists (select 1 from pledge_answer a where a.reward_question_id = q.reward_question_id) as "answered!"
           from reward_question q where q.reward_tier_id = $1 order by q.position, q.reward_question_id"#,
        tier.0
    )
    .fetch_all(&mut *db)
    .await?
    .into_iter()
    .map(|q| {
        Ok(StudioQuestion {
            id: q.reward_question_id,
            prompt: q.prompt,
            kind: stored(QuestionKind::parse(&q.kind))?,
            choices: q.choices,
            required: q.required,
            answered: q.answered,
        })
    })
    .collect::<Result<_, AppError>>()?;
    let offered: Vec<i64> =
        sqlx::query_scalar!("select pickup_point_id from reward_pickup_point where reward_tier_id = $1", tier.0)
            .fetch_all(&mut *db)
            .await?;
    editor.pickup_points = points.into_iter().map(|p| (p.clone(), offered.contains(&p.id.0))).collect();
    Ok(editor)
}

/// Creates a tier (`tier` is `None`, placed last) or saves one, within the locks above.
pub async fn save_reward(
    db: &mut PgConnection,
    id: CampaignId,
    tier: Option<RewardTierId>,
    s: &RewardSettings,
) -> Result<RewardTierId, AppError> {
    let status = editable(db, id).await?;
    if let Some(designer) = s.designer {
        let linked = sqlx::query_scalar!(
            r#"select exists (select 1 from campaign_designer where campaign_id = $1 and designer_id = $2) as "linked!""#,
            id.0,
            designer
        )
        .fetch_one(&mut *db)
        .await?;
        if !linked {
            return Err(AppError::invalid("designer", Key::InvalidInputText));
        }
    }
    let delivery = s.estimated_delivery.map(|d| d.to_string());
    let Some(tier) = tier else {
        let created = sqlx::query_scalar!(
            r#"
            insert into reward_tier (campaign_id, title, description, kind, price, quantity_limit, max_per_pledge,
                                     estimated_delivery, fulfilment, location, designer_id, is_visible, position)
            values ($1, $2, $3, $4, $5, $6, $7, $8::text::date, $9, $10, $11, $12,
                    (select coalesce(max(position) + 1, 0) from reward_tier where campaign_id = $1))
            returning reward_tier_id
            "#,
            id.0,
            s.title,
            s.description,
            s.kind.as_str(),
            s.price,
            s.quantity_limit,
            s.max_per_pledge,
            delivery,
            s.fulfilment.as_str(),
            s.location,
            s.designer,
            s.visible
        )
        .fetch_one(&mut *db)
        .await?;
        return Ok(RewardTierId(created));
    };
    let held = sqlx::query!(
        "select price, claimed from reward_tier where campaign_id = $1 and reward_tier_id = $2 for update",
        id.0,
        tier.0
    )
    .fetch_optional(&mut *db)
    .await?
    .ok_or(AppError::NotFound)?;
    if status.is_public() && held.claimed > 0 && held.price != s.price {
        return Err(AppError::invalid("price", Key::RewardPriceLocked));
    }
    if s.quantity_limit.is_some_and(|limit| limit < held.claimed) {
        return Err(AppError::invalid("quantity_limit", Key::LimitBelowClaimed));
    }
    sqlx::query!(
        r#"
        update reward_tier
        set title = $3, description = $4, kind = $5, price = $6, quantity_limit = $7, max_per_pledge = $8,
            estimated_delivery = $9::text::date, fulfilment = $10, location = $11, designer_id = $12,
            is_visible = $13, updated_at = now()
        where campaign_id = $1 and reward_tier_id = $2
        "#,
        id.0,
        tier.0,
        s.title,
        s.description,
        s.kind.as_str(),
        s.price,
        s.quantity_limit,
        s.max_per_pledge,
        delivery,
        s.fulfilment.as_str(),
        s.location,
        s.designer,
        s.visible
    )
    .execute(&mut *db)
    .await?;
    Ok(tier)
}

/// Deletes a tier no pledge ever chose.
pub async fn delete_reward(db: &mut PgConnection, id: CampaignId, tier: RewardTierId) -> Result<(), AppError> {
    editable(db, id).await?;
    let pledged = sqlx::query_scalar!(
        r#"select exists (select 1 from pledge where reward_tier_id = t.reward_tier_id) as "pledged!"
           from reward_tier t where campaign_id = $1 and reward_tier_id = $2 for update"#,
        id.0,
        tier.0
    )
    .fetch_optional(&mut *db)
    .await?;
    free(pledged, "tier", Key::RewardDeleteLocked)?;
    sqlx::query!("delete from reward_tier where campaign_id = $1 and reward_tier_id = $2", id.0, tier.0)
        .execute(&mut *db)
        .await?;
    Ok(())
}

/// Moves a tier one place up (`up`) or down in the campaign's list.
pub async fn move_reward(db: &mut PgConnection, id: CampaignId, tier: RewardTierId, up: bool) -> Result<(), AppError> {
    editable(db, id).await?;
    let mut order: Vec<i64> = sqlx::query_scalar!(
        "select reward_tier_id from reward_tier where campaign_id = $1 order by position, reward_tier_id",
        id.0
    )
    .fetch_all(&mut *db)
    .await?;
    let at = order.iter().position(|t| *t == tier.0).ok_or(AppError::NotFound)?;
    let other = if up { at.checked_sub(1) } else { Some(at + 1).filter(|o| *o < order.len()) };
    if let Some(other) = other {
        order.swap(at, other);
    }
    sqlx::query!(
        r#"update reward_tier t set position = o.position::int
           from unnest($2::bigint[]) with ordinality as o(reward_tier_id, position)
           where t.campaign_id = $1 and t.reward_tier_id = o.reward_tier_id"#,
        id.0,
        &order
    )
    .execute(&mut *db)
    .await?;
    Ok(())
}

/// Locks the campaign, then the tier if it is this campaign's.
pub(super) async fn own_tier(db: &mut PgConnection, id: CampaignId, tier: RewardTierId) -> Result<(), AppError> {
    editable(db, id).await?;
    sqlx::query_scalar!(
        "select reward_tier_id from reward_tier where campaign_id = $1 and reward_tier_id = $2 for update",
        id.0,
        tier.0
    )
    .fetch_optional(db)
    .await?
    .map(drop)
    .ok_or(AppError::NotFound)
}

/// A part's "in use" flag read under its lock: not found, refused with `message`, or free.
pub(super) fn free(in_use: Option<bool>, field: &str, message: Key) -> Result<(), AppError> {
    match in_use {
        None => Err(AppError::NotFound),
        Some(true) => Err(AppError::invalid(field, message)),
        Some(false) => Ok(()),
    }
}
