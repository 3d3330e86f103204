//! The parts of a reward tier: its time slots, its questions, and the campaign's pickup points
//! it offers. Each change locks the campaign, then the tier (`rewards::own_tier`), then the part;
//! a slot with bookings keeps its times and is never removed, nor an answered question or a
//! pickup point a pledge chose.

use super::rewards::{editable, free, own_tier};
use crate::domain::{
    CampaignId, PickupPointId, PickupPointSettings, QuestionSettings, RewardSlotId, RewardTierId, SlotSettings,
};
use crate::error::AppError;
use crate::i18n::Key;
use chrono::{DateTime, Utc};
use sqlx::PgConnection;

/// Adds a time slot (`slot` is `None`) or changes one: a slot with bookings stays at its times.
pub async fn save_slot(
    db: &mut PgConnection,
    id: CampaignId,
    tier: RewardTierId,
    slot: Option<RewardSlotId>,
    s: &SlotSettings,
) -> Result<(), AppError> {
    own_tier(db, id, tier).await?;
    let (starts, ends) = (s.starts_at.to_rfc3339(), s.ends_at.to_rfc3339());
    let Some(slot) = slot else {
        sqlx::query!(
            r#"insert into reward_slot (reward_tier_id, starts_at, ends_at, capacity, location)
               values ($1, $2::text::timestamptz, $3::text::timestamptz, $4, $5)"#,
            tier.0,
            starts,
            ends,
            s.capacity,
            s.location
        )
        .execute(&mut *db)
        .await?;
        return Ok(());
    };
    let held = sqlx::query!(
        r#"select claimed, starts_at as "starts_at: DateTime<Utc>", ends_at as "ends_at: DateTime<Utc>"
           from reward_slot where reward_tier_id = $1 and reward_slot_id = $2 for update"#,
        tier.0,
        slot.0
    )
    .fetch_optional(&mut *db)
    .await?
    .ok_or(AppError::NotFound)?;
    let minute = |t: DateTime<Utc>| t.timestamp().div_euclid(60);
    let moved = minute(held.starts_at) != minute(s.starts_at) || minute(held.ends_at) != minute(s.ends_at);
    if held.claimed > 0 && moved {
        return Err(AppError::invalid("starts_at", Key::SlotMoveLocked));
    }
    if s.capacity < held.claimed {
        return Err(AppError::invalid("capacity", Key::CapacityBelowBooked));
    }
    // unchanged times keep their seconds
    let (starts, ends) = if moved { (starts, ends) } else { (held.starts_at.to_rfc3339(), held.ends_at.to_rfc3339()) };
    sqlx::query!(
        r#"update reward_slot set starts_at = $3::text::timestamptz, ends_at = $4::text::timestamptz, capacity = $5,
                  location = $6
           where reward_tier_id = $1 and reward_slot_id = $2"#,
        tier.0,
        slot.0,
        starts,
        ends,
        s.capacity,
        s.location
    )
    .execute(&mut *db)
    .await?;
    Ok(())
}

/// Removes a slot nobody ever booked.
pub async fn remove_slot(
    db: &mut PgConnection,
    id: CampaignId,
    tier: RewardTierId,
    slot: RewardSlotId,
) -> Result<(), AppError> {
    own_tier(db, id, tier).await?;
    let booked = sqlx::query_scalar!(
        r#"select claimed > 0 or exists (select 1 from pledge p where p.reward_slot_id = s.reward_slot_id) as "booked!"
           from reward_slot s where reward_tier_id = $1 and reward_slot_id = $2 for update"#,
        tier.0,
        slot.0
    )
    .fetch_optional(&mut *db)
    .await?;
    free(booked, "slot", Key::SlotRemoveLocked)?;
    sqlx::query!("delete from reward_slot where reward_tier_id = $1 and reward_slot_id = $2", tier.0, slot.0)
        .execute(&mut *db)
        .await?;
    Ok(())
}

/// Adds a question, last.
pub async fn add_question(
    db: &mut PgConnection,
    id: CampaignId,
    tier: RewardTierId,
    q: &QuestionSettings,
) -> Result<(), AppError> {
    own_tier(db, id, tier).await?;
    sqlx::query!(
        r#"insert into reward_question (reward_tier_id, prompt, kind, choices, required, position)
           values ($1, $2, $3, $4, $5,
                   (select coalesce(max(position) + 1, 0) from reward_question where reward_tier_id = $1))"#,
        tier.0,
        q.prompt,
        q.kind.as_str(),
        &q.choices,
        q.required
    )
    .execute(&mut *db)
    .await?;
    Ok(())
}

/// Removes a question nobody answered.
pub async fn remove_question(
    db: &mut PgConnection,
    id: CampaignId,
    tier: RewardTierId,
    question: i64,
) -> Result<(), AppError> {
    own_tier(db, id, tier).await?;
    let answered = sqlx::query_scalar!(
        r#"select exists (select 1 from pledge_answer a where a.reward_question_id = q.reward_question_id) as "answered!"
           from reward_question q where reward_tier_id = $1 and reward_question_id = $2 for update"#,
        tier.0,
        question
    )
    .fetch_optional(&mut *db)
    .await?;
    free(answered, "question", Key::QuestionRemoveLocked)?;
    sqlx::query!("delete from reward_question where reward_tier_id = $1 and reward_question_id = $2", tier.0, question)
        .execute(&mut *db)
        .await?;
    Ok(())
}

/// Offers (`on`) or stops offering a pickup point of the campaign for a tier.
pub async fn set_pickup(
    db: &mut PgConnection,
    id: CampaignId,
    tier: RewardTierId,
    point: PickupPointId,
    on: bool,
) -> Result<(), AppError> {
    own_tier(db, id, tier).await?;
    let ours = sqlx::query_scalar!(
        r#"select exists (select 1 from pickup_point where campaign_id = $1 and pickup_point_id = $2) as "ours!""#,
        id.0,
        point.0
    )
    .fetch_one(&mut *db)
    .await?;
    if !ours {
        return Err(AppError::NotFound);
    }
    if on {
        sqlx::query!(
            "insert into reward_pickup_point (reward_tier_id, pickup_point_id) values ($1, $2) on conflict do nothing",
            tier.0,
            point.0
        )
        .execute(&mut *db)
        .await?;
    } else {
        sqlx::query!(
            "delete from reward_pickup_point where reward_tier_id = $1 and pickup_point_id = $2",
            tier.0,
            point.0
        )
        .execute(&mut *db)
        .await?;
    }
    Ok(())
}

/// Adds a pickup point to the campaign, last.
pub async fn add_pickup_point(db: &mut PgConnection, id: CampaignId, p: &PickupPointSettings) -> Result<(), AppError> {
    editable(db, id).await?;
    sqlx::query!(
        r#"insert into pickup_point (campaign_id, name, address, city, opening_hours, position)
           values ($1, $2, $3, $4, $5,
                   (select coalesce(max(position) + 1, 0) from pickup_point where campaign_id = $1))"#,
        id.0,
        p.name,
        p.address,
        p.city,
        p.opening_hours
    )
    .execute(&mut *db)
    .await?;
    Ok(())
}

/// Removes a pickup point no pledge chose.
pub async fn remove_pickup_point(db: &mut PgConnection, id: CampaignId, point: PickupPointId) -> Result<(), AppError> {
    editable(db, id).await?;
    let chosen = sqlx::query_scalar!(
        r#"select exists (select 1 from pledge p where p.pickup_point_id = pp.pickup_point_id) as "chosen!"
           from pickup_point pp where campaign_id = $1 and pickup_point_id = $2 for update"#,
        id.0,
        point.0
    )
    .fetch_optional(&mut *db)
    .await?;
    free(chosen, "point", Key::PickupRemoveLocked)?;
    sqlx::query!("delete from pickup_point where campaign_id = $1 and pickup_point_id = $2", id.0, point.0)
        .execute(&mut *db)
        .await?;
    Ok(())
}
