//! Reads of pledges: as their backers see them, the campaign team's settlement, and the
//! consistency checks of totals and match funds (`trame check-totals`).

use super::super::{money, stored};
use crate::domain::views::{PledgeView, Settlement};
use crate::domain::{
    CampaignId, CampaignStatus, FundingModel, PaymentKind, PaymentStatus, PickupPointId, PledgeId, PledgeStatus,
    RewardSlotId, RewardTierId, UserId,
};
use crate::error::AppError;
use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use sqlx::PgConnection;

/// A campaign whose totals differ from the sum of its pledges.
#[derive(Debug, Clone, PartialEq)]
pub struct TotalsMismatch {
    pub campaign_id: i64,
    pub pledged_total: Decimal,
    pub pledges_sum: Decimal,
    pub backer_count: i32,
    pub backers: i64,
}

/// Compares every campaign's totals with its pledges: live campaigns with the pledges counting
/// now, closed ones with the pledges counted at the close. Empty when all is consistent.
pub async fn check_totals(db: &mut PgConnection) -> Result<Vec<TotalsMismatch>, AppError> {
    let closed = CampaignStatus::codes(&[CampaignStatus::Succeeded, CampaignStatus::Failed, CampaignStatus::Cancelled]);
    let counting = PledgeStatus::codes(PledgeStatus::COUNTING);
    let rows = sqlx::query!(
        r#"with sums as (
             select c.campaign_id, c.pledged_total, c.backer_count,
                    coalesce(sum(p.total_amount), 0) as "pledges_sum!",
                    count(distinct p.backer_id) as "backers!"
             from campaign c
             left join pledge p on p.campaign_id = c.campaign_id and case
                 when c.status = any($1) then p.counted_at_close
                 else p.status = any($2) end
             group by c.campaign_id)
           select campaign_id, pledged_total, backer_count, "pledges_sum!", "backers!" from sums
           where pledged_total <> "pledges_sum!" or backer_count <> "backers!""#,
        &closed,
        &counting
    )
    .fetch_all(&mut *db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| TotalsMismatch {
            campaign_id: r.campaign_id,
            pledged_total: r.pledged_total,
            pledges_sum: r.pledges_sum,
            backer_count: r.backer_count,
            backers: r.backers,
        })
        .collect())
}

/// A match fund, or a campaign's matched total, that differs from the matches of its pledges.
#[derive(Debug, Clone, PartialEq)]
pub struct MatchMismatch {
    pub campaign_id: i64,
    /// `None`: the campaign's `matched_total`.
    pub match_fund_id: Option<i64>,
    pub recorded: Decimal,
    pub pledges_sum: Decimal,
}

/// Compares every match fund's total with the matches its pledges hold (a pledge holds its match
/// while it counts; at the close both freeze), and every live campaign's matched total with its
/// counting pledges' matches. Empty when all is consistent.
pub async fn check_matches(db: &mut PgConnection) -> Result<Vec<MatchMismatch>, AppError> {
    let counting = PledgeStatus::codes(PledgeStatus::COUNTING);
    let funds = sqlx::query!(
        r#"select f.campaign_id, f.match_fund_id, f.matched_total,
                  coalesce((select sum(pm.amount) from pledge_match pm where pm.match_fund_id = f.match_fund_id), 0)
                      as "pledges_sum!"
           from match_fund f"#
    )
    .fetch_all(&mut *db)
    .await?;
    let campaigns = sqlx::query!(
        r#"select c.campaign_id, c.matched_total,
                  coalesce((select sum(p.matched_amount) from pledge p
                            where p.campaign_id = c.campaign_id and p.status = any($2)), 0) as "pledges_sum!"
           from campaign c where c.status = $1"#,
        CampaignStatus::Live.as_str(),
        &counting
    )
    .fetch_all(&mut *db)
    .await?;
    let funds = funds.into_iter().map(|f| MatchMismatch {
        campaign_id: f.campaign_id,
        match_fund_id: Some(f.match_fund_id),
        recorded: f.matched_total,
        pledges_sum: f.pledges_sum,
    });
    let campaigns = campaigns.into_iter().map(|c| MatchMismatch {
        campaign_id: c.campaign_id,
        match_fund_id: None,
        recorded: c.matched_total,
        pledges_sum: c.pledges_sum,
    });
    Ok(funds.chain(campaigns).filter(|m| m.recorded != m.pledges_sum).collect())
}

/// Pledges as their backers see them: one (`pledge`) or all of a backer's (`backer`).
async fn views(
    db: &mut PgConnection,
    pledge: Option<PledgeId>,
    backer: Option<UserId>,
) -> Result<Vec<PledgeView>, AppError> {
    let rows = sqlx::query!(
        r#"select p.pledge_id, c.slug, c.title as campaign_title, c.status as campaign_status, c.funding_model,
                  c.ends_at as "ends_at: DateTime<Utc>", (c.status = 'live' and c.ends_at > now()) as "open!",
                  p.reward_tier_id, t.title as "reward_title?", p.reward_slot_id,
                  s.starts_at as "slot_starts?: DateTime<Utc>", s.ends_at as "slot_ends?: DateTime<Utc>",
                  p.pickup_point_id, pp.name as "pickup?", p.quantity, p.reward_amount, p.extra_amount,
                  p.total_amount, p.currency, p.status, p.created_at as "created_at: DateTime<Utc>",
                  p.collected_at as "collected_at: DateTime<Utc>", p.payment_due_at as "payment_due_at: DateTime<Utc>",
                  (select coalesce(pay.error_message, pay.error_code) from payment pay
                   where pay.pledge_id = p.pledge_id and pay.status = $3
                   order by pay.updated_at desc limit 1) as "payment_error?",
                  exists (select 1 from payment pay where pay.pledge_id = p.pledge_id and pay.kind = $4
                          and pay.status = any($5)) as "charge_open!",
                  coalesce((select array_agg(a.reward_question_id order by a.reward_question_id) from pledge_answer a
                            where a.pledge_id = p.pledge_id), '{}') as "answer_ids!",
                  coalesce((select array_agg(a.answer order by a.reward_question_id) from pledge_answer a
                            where a.pledge_id = p.pledge_id), '{}') as "answers!",
                  coalesce(s.location, t.location) as "slot_location?",
                  p.fulfilled_at as "fulfilled_at: DateTime<Utc>", p.checked_in_at as "checked_in_at: DateTime<Utc>",
                  p.checkin_token::text as "checkin_token!"
           from pledge p join campaign c using (campaign_id)
           left join reward_tier t on t.reward_tier_id = p.reward_tier_id
           left join reward_slot s on s.reward_slot_id = p.reward_slot_id
           left join pickup_point pp on pp.pickup_point_id = p.pickup_point_id
           where ($1::bigint is null or p.pledge_id = $1) and ($2::bigint is null or p.backer_id = $2)
           order by p.created_at desc, p.pledge_id desc"#,
        pledge.map(|p| p.0),
        backer.map(|b| b.0),
        PaymentStatus::Failed.as_str(),
        PaymentKind::Charge.as_str(),
        &PaymentStatus::codes(PaymentStatus::OPEN)
    )
    .fetch_all(&mut *db)
    .await?;
    rows.into_iter()
        .map(|r| {
            let status = stored(PledgeStatus::parse(&r.status))?;
            Ok(PledgeView {
                id: PledgeId(r.pledge_id),
                campaign_slug: r.slug,
                campaign_title: r.campaign_title,
                campaign_status: stored(CampaignStatus::parse(&r.campaign_status))?,
                funding_model: stored(FundingModel::parse(&r.funding_model))?,
                ends_at: r.ends_at,
                reward_tier_id: r.reward_tier_id.map(RewardTierId),
                reward_title: r.reward_title,
                reward_slot_id: r.reward_slot_id.map(RewardSlotId),
                slot: r.slot_starts.zip(r.slot_ends),
                pickup_point_id: r.pickup_point_id.map(PickupPointId),
                pickup: r.pickup,
                quantity: r.quantity,
                reward_amount: money(r.reward_amount, &r.currency)?,
                extra_amount: money(r.extra_amount, &r.currency)?,
                total: money(r.total_amount, &r.currency)?,
                status,
                answers: r.answer_ids.into_iter().zip(r.answers).collect(),
                created_at: r.created_at,
                collected_at: r.collected_at,
                payment_due_at: r.payment_due_at,
                payment_error: r.payment_error,
                changeable: r.open && status.changeable() && !r.charge_open,
                slot_location: r.slot_location,
                fulfilled_at: r.fulfilled_at,
                checked_in_at: r.checked_in_at,
                checkin_token: r.slot_starts.map(|_| r.checkin_token),
                checkin_qr: None,
            })
        })
        .collect()
}

/// `NotFound` unless the pledge belongs to `backer` (another backer's pledge does not exist for them).
pub async fn check_backer(db: &mut PgConnection, pledge: PledgeId, backer: UserId) -> Result<(), AppError> {
    let owner = sqlx::query_scalar!("select backer_id from pledge where pledge_id = $1", pledge.0)
        .fetch_optional(&mut *db)
        .await?;
    if owner == Some(backer.0) {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// One pledge, if it belongs to `backer`.
pub async fn view(db: &mut PgConnection, pledge: PledgeId, backer: UserId) -> Result<PledgeView, AppError> {
    check_backer(db, pledge, backer).await?;
    views(db, Some(pledge), None).await?.pop().ok_or(AppError::NotFound)
}

/// Every pledge of a backer, newest first.
pub async fn of_backer(db: &mut PgConnection, backer: UserId) -> Result<Vec<PledgeView>, AppError> {
    views(db, None, Some(backer)).await
}

/// Collected, awaiting and dropped money of a campaign.
pub async fn settlement(db: &mut PgConnection, campaign: CampaignId) -> Result<Settlement, AppError> {
    let r = sqlx::query!(
        r#"select c.currency,
                  coalesce(sum(p.total_amount) filter (where p.status = $2), 0) as "collected!",
                  count(*) filter (where p.status = $2) as "collected_count!",
                  coalesce(sum(p.total_amount) filter (where p.status = $3), 0) as "awaiting!",
                  count(*) filter (where p.status = $3) as "awaiting_count!",
                  coalesce(sum(p.total_amount) filter (where p.status = $4 and p.counted_at_close), 0) as "dropped!",
                  count(*) filter (where p.status = $4 and p.counted_at_close) as "dropped_count!",
                  coalesce(sum(p.total_amount) filter (where p.status = $5), 0) as "refunded!"
           from campaign c left join pledge p using (campaign_id)
           where c.campaign_id = $1 group by c.currency"#,
        campaign.0,
        PledgeStatus::Collected.as_str(),
        PledgeStatus::PaymentFailed.as_str(),
        PledgeStatus::Dropped.as_str(),
        PledgeStatus::Refunded.as_str()
    )
    .fetch_one(&mut *db)
    .await?;
    Ok(Settlement {
        collected: money(r.collected, &r.currency)?,
        collected_count: r.collected_count,
        awaiting: money(r.awaiting, &r.currency)?,
        awaiting_count: r.awaiting_count,
        dropped: money(r.dropped, &r.currency)?,
        dropped_count: r.dropped_count,
        refunded: money(r.refunded, &r.currency)?,
    })
}
