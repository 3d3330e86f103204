//! A campaign's visible reward tiers with their slots, pickup points and questions.

use super::super::{money, stored};
use crate::domain::views::{DesignerRef, PickupPointView, QuestionView, RewardTierView, SlotView};
use crate::domain::{
    CampaignId, Fulfilment, Locale, PickupPointId, QuestionKind, RewardKind, RewardSlotId, RewardTierId,
};
use crate::error::AppError;
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::PgConnection;
use std::collections::HashMap;

/// The visible reward tiers of a campaign, with their slots, pickup points and questions; their
/// names and descriptions in `lang` where the team translated them.
pub async fn rewards(
    db: &mut PgConnection,
    id: CampaignId,
    currency: &str,
    lang: Option<Locale>,
) -> Result<Vec<RewardTierView>, AppError> {
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
        select t.reward_tier_id, coalesce(nullif(tr.title, ''), t.title) as "title!",
               coalesce(nullif(tr.description, ''), t.description) as "description!", t.kind, t.price,
               t.quantity_limit, t.claimed, t.max_per_pledge,
               t.estimated_delivery as "estimated_delivery: NaiveDate", t.fulfilment, t.location,
               d.slug as "designer_slug?", d.name as "designer_name?"
        from reward_tier t
        join campaign c using (campaign_id)
        left join designer d using (designer_id)
        left join reward_tier_translation tr
            on tr.reward_tier_id = t.reward_tier_id and tr.locale = $2 and tr.locale <> c.locale
        where t.campaign_id = $1 and t.is_visible
        order by t.position, t.reward_tier_id
        "#,
        id.0,
        lang.map(Locale::code)
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
