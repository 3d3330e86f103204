//! The dashboard's queries: pledges per day, sales against limits, the backers table and the
//! backers export. Read-only; the caller checked the team role for the exact campaign.

use super::super::{money, stored};
use crate::domain::{
    Attendee, BackerFilter, BackerRow, BackersPage, CampaignId, Dashboard, PledgeDay, PledgeId, PledgeStatus,
    RewardSlotId, RewardTierId, SlotSales, TierSales, BACKERS_PER_PAGE,
};
use crate::error::AppError;
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::PgConnection;
use std::collections::HashMap;

pub async fn dashboard(db: &mut PgConnection, id: CampaignId) -> Result<Dashboard, AppError> {
    let campaign = super::super::campaigns::detail(db, id).await?;
    let days = sqlx::query!(
        r#"select (created_at at time zone 'Europe/Zurich')::date as "day!: NaiveDate",
                  sum(total_amount) as "amount!", count(*) as "pledges!"
           from pledge where campaign_id = $1 and status = any($2)
           group by 1 order by 1"#,
        id.0,
        &PledgeStatus::codes(PledgeStatus::COUNTING)
    )
    .fetch_all(&mut *db)
    .await?
    .into_iter()
    .map(|d| PledgeDay { day: d.day, amount: d.amount, pledges: d.pledges })
    .collect();
    let mut attendees: HashMap<i64, Vec<Attendee>> = HashMap::new();
    for a in sqlx::query!(
        r#"select p.reward_slot_id as "slot!", p.pledge_id, u.display_name, p.quantity,
                  p.checked_in_at as "checked_in_at: DateTime<Utc>"
           from pledge p join app_user u on u.user_id = p.backer_id
           where p.campaign_id = $1 and p.reward_slot_id is not null and p.status = any($2)
           order by u.display_name, p.pledge_id"#,
        id.0,
        &PledgeStatus::codes(super::fulfilment::HANDED_OVER)
    )
    .fetch_all(&mut *db)
    .await?
    {
        attendees.entry(a.slot).or_default().push(Attendee {
            pledge: PledgeId(a.pledge_id),
            name: a.display_name,
            quantity: a.quantity,
            checked_in_at: a.checked_in_at,
        });
    }
    let mut slots: HashMap<i64, Vec<SlotSales>> = HashMap::new();
    for s in sqlx::query!(
        r#"select s.reward_tier_id, s.reward_slot_id, s.starts_at as "starts_at: DateTime<Utc>", s.claimed, s.capacity
           from reward_slot s join reward_tier t using (reward_tier_id)
           where t.campaign_id = $1 order by s.starts_at, s.reward_slot_id"#,
        id.0
    )
    .fetch_all(&mut *db)
    .await?
    {
        slots.entry(s.reward_tier_id).or_default().push(SlotSales {
            id: RewardSlotId(s.reward_slot_id),
            starts_at: s.starts_at,
            claimed: i64::from(s.claimed),
            capacity: i64::from(s.capacity),
            attendees: attendees.remove(&s.reward_slot_id).unwrap_or_default(),
        });
    }
    let tiers = sqlx::query!(
        "select reward_tier_id, title, claimed, quantity_limit from reward_tier
         where campaign_id = $1 order by position, reward_tier_id",
        id.0
    )
    .fetch_all(&mut *db)
    .await?
    .into_iter()
    .map(|t| TierSales {
        id: RewardTierId(t.reward_tier_id),
        title: t.title,
        claimed: i64::from(t.claimed),
        limit: t.quantity_limit.map(i64::from),
        slots: slots.remove(&t.reward_tier_id).unwrap_or_default(),
    })
    .collect();
    Ok(Dashboard { campaign, days, tiers, server_now: Utc::now() })
}

/// A page of the backers table, the newest pledges first.
pub async fn backers(db: &mut PgConnection, id: CampaignId, filter: &BackerFilter) -> Result<BackersPage, AppError> {
    let search = filter.search();
    let tier = filter.tier();
    let status = filter.status().map(|s| s.as_str());
    let (by_tier, tier_id) = (tier.is_some(), tier.flatten().map(|t| t.0));
    let matching = sqlx::query_scalar!(
        r#"select count(*) as "n!" from pledge p join app_user u on u.user_id = p.backer_id
           where p.campaign_id = $1
             and ($2::text is null or strpos(lower(u.display_name), lower($2)) > 0 or strpos(lower(u.email), lower($2)) > 0)
             and (not $3 or p.reward_tier_id is not distinct from $4)
             and ($5::text is null or p.status = $5)"#,
        id.0,
        search,
        by_tier,
        tier_id,
        status
    )
    .fetch_one(&mut *db)
    .await?;
    let page = filter.page();
    let rows = sqlx::query!(
        r#"select p.pledge_id, u.display_name, u.email, t.title as "reward?", s.starts_at as "slot?: DateTime<Utc>",
                  p.quantity, p.total_amount, p.currency as "currency!", p.status, p.fulfilled_at is not null as "fulfilled!",
                  p.created_at as "created_at: DateTime<Utc>"
           from pledge p join app_user u on u.user_id = p.backer_id
           left join reward_tier t on t.reward_tier_id = p.reward_tier_id
           left join reward_slot s on s.reward_slot_id = p.reward_slot_id
           where p.campaign_id = $1
             and ($2::text is null or strpos(lower(u.display_name), lower($2)) > 0 or strpos(lower(u.email), lower($2)) > 0)
             and (not $3 or p.reward_tier_id is not distinct from $4)
             and ($5::text is null or p.status = $5)
           order by p.created_at desc, p.pledge_id desc
           limit $6 offset $7"#,
        id.0,
        search,
        by_tier,
        tier_id,
        status,
        i64::from(BACKERS_PER_PAGE),
        i64::from(page - 1) * i64::from(BACKERS_PER_PAGE)
    )
    .fetch_all(&mut *db)
    .await?
    .into_iter()
    .map(|r| {
        Ok(BackerRow {
            pledge: PledgeId(r.pledge_id),
            name: r.display_name,
            email: r.email,
            reward: r.reward,
            slot: r.slot,
            quantity: r.quantity,
            total: money(r.total_amount, &r.currency)?,
            status: stored(PledgeStatus::parse(&r.status))?,
            fulfilled: r.fulfilled,
            created_at: r.created_at,
        })
    })
    .collect::<Result<_, AppError>>()?;
    let tiers = sqlx::query!(
        "select reward_tier_id, title from reward_tier where campaign_id = $1 order by position, reward_tier_id",
        id.0
    )
    .fetch_all(&mut *db)
    .await?
    .into_iter()
    .map(|t| (RewardTierId(t.reward_tier_id), t.title))
    .collect();
    Ok(BackersPage { rows, matching, page, tiers })
}

/// One pledge as the export writes it.
pub struct ExportRow {
    pub pledge: i64,
    pub name: String,
    pub email: String,
    pub reward: Option<String>,
    pub slot: Option<DateTime<Utc>>,
    pub pickup_point: Option<String>,
    pub quantity: i32,
    /// "Size: M; Diet: vegetarian"
    pub answers: String,
    pub reward_amount: rust_decimal::Decimal,
    pub extra_amount: rust_decimal::Decimal,
    pub total_amount: rust_decimal::Decimal,
    pub currency: String,
    pub status: PledgeStatus,
    pub fulfilled_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

/// Every pledge of the campaign, the oldest first.
pub async fn export(db: &mut PgConnection, id: CampaignId) -> Result<Vec<ExportRow>, AppError> {
    sqlx::query!(
        r#"select p.pledge_id, u.display_name, u.email, t.title as "reward?", s.starts_at as "slot?: DateTime<Utc>",
                  pp.name as "pickup_point?", p.quantity,
                  coalesce((select string_agg(q.prompt || ': ' || a.answer, '; ' order by q.position, q.reward_question_id)
                            from pledge_answer a join reward_question q using (reward_question_id)
                            where a.pledge_id = p.pledge_id), '') as "answers!",
                  p.reward_amount, p.extra_amount, p.total_amount, p.currency as "currency!", p.status,
                  p.fulfilled_at as "fulfilled_at: DateTime<Utc>", p.created_at as "created_at: DateTime<Utc>"
           from pledge p join app_user u on u.user_id = p.backer_id
           left join reward_tier t on t.reward_tier_id = p.reward_tier_id
           left join reward_slot s on s.reward_slot_id = p.reward_slot_id
           left join pickup_point pp on pp.pickup_point_id = p.pickup_point_id
           where p.campaign_id = $1
           order by p.created_at, p.pledge_id"#,
        id.0
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|r| {
        Ok(ExportRow {
            pledge: r.pledge_id,
            name: r.display_name,
            email: r.email,
            reward: r.reward,
            slot: r.slot,
            pickup_point: r.pickup_point,
            quantity: r.quantity,
            answers: r.answers,
            reward_amount: r.reward_amount,
            extra_amount: r.extra_amount,
            total_amount: r.total_amount,
            currency: r.currency,
            status: stored(PledgeStatus::parse(&r.status))?,
            fulfilled_at: r.fulfilled_at,
            created_at: r.created_at,
        })
    })
    .collect()
}
