//! A pledge's status: locking it, and moving it through its state machine (with the units it
//! holds, the campaign's totals and its match). Other reads and writes on pledges the payment
//! code makes are in `billing`.
//!
//! Lock order, everywhere: the campaign row, then the pledge row, then anything else (reward
//! units, match funds, payment rows). `lock` takes the first two in that order, so code that
//! locks a pledge cannot deadlock with a close, which locks the campaign and then its pledges.

use super::super::{money, stored};
use super::release;
use crate::domain::matching::{self, FundRoom};
use crate::domain::{CampaignId, CampaignStatus, FundingModel, Money, PledgeId, PledgeStatus};
use crate::error::AppError;
use rust_decimal::Decimal;
use sqlx::PgConnection;

/// A pledge row, locked for the transaction (with its campaign row).
#[derive(Debug, Clone)]
pub struct Locked {
    pub pledge_id: PledgeId,
    pub campaign_id: CampaignId,
    pub backer_id: i64,
    pub status: PledgeStatus,
    pub reward_tier_id: Option<i64>,
    pub reward_slot_id: Option<i64>,
    pub quantity: i32,
    pub total_amount: Decimal,
    pub matched_amount: Decimal,
    pub currency: String,
    pub stripe_customer_id: Option<String>,
    pub stripe_payment_method_id: Option<String>,
    pub funding_model: FundingModel,
    pub campaign_status: CampaignStatus,
}

/// Locks the pledge's campaign row, then the pledge row (see the module's lock order).
pub async fn lock(db: &mut PgConnection, pledge: PledgeId) -> Result<Locked, AppError> {
    sqlx::query_scalar!(
        "select c.campaign_id from campaign c
         where c.campaign_id = (select p.campaign_id from pledge p where p.pledge_id = $1) for update",
        pledge.0
    )
    .fetch_optional(&mut *db)
    .await?
    .ok_or(AppError::NotFound)?;
    let r = sqlx::query!(
        "select p.pledge_id, p.campaign_id, p.backer_id, p.status, p.reward_tier_id, p.reward_slot_id, p.quantity,
                p.total_amount, p.matched_amount, p.currency, p.stripe_customer_id,
                p.stripe_payment_method_id, c.funding_model, c.status as campaign_status
         from pledge p join campaign c using (campaign_id)
         where p.pledge_id = $1 for update of p",
        pledge.0
    )
    .fetch_optional(&mut *db)
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(Locked {
        pledge_id: PledgeId(r.pledge_id),
        campaign_id: CampaignId(r.campaign_id),
        backer_id: r.backer_id,
        status: stored(PledgeStatus::parse(&r.status))?,
        reward_tier_id: r.reward_tier_id,
        reward_slot_id: r.reward_slot_id,
        quantity: r.quantity,
        total_amount: r.total_amount,
        matched_amount: r.matched_amount,
        currency: r.currency,
        stripe_customer_id: r.stripe_customer_id,
        stripe_payment_method_id: r.stripe_payment_method_id,
        funding_model: stored(FundingModel::parse(&r.funding_model))?,
        campaign_status: stored(CampaignStatus::parse(&r.campaign_status))?,
    })
}

/// What `set_status` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moved {
    /// From this status to the one asked.
    Changed(PledgeStatus),
    /// Already there.
    Unchanged,
    /// The state machine does not allow it from the current status.
    NotAllowed(PledgeStatus),
}

/// Moves a pledge through its state machine, giving back its units and updating the campaign's
/// totals as needed, in the caller's transaction.
pub async fn set_status(db: &mut PgConnection, pledge: PledgeId, to: PledgeStatus) -> Result<Moved, AppError> {
    let row = lock(db, pledge).await?;
    let from = row.status;
    if from == to {
        return Ok(Moved::Unchanged);
    }
    if !from.can_become(to) {
        return Ok(Moved::NotAllowed(from));
    }
    let ended = matches!(to, PledgeStatus::Cancelled | PledgeStatus::Dropped);
    sqlx::query!(
        "update pledge set status = $2, updated_at = now(),
                hold_expires_at = case when $3 then hold_expires_at end,
                collected_at = case when $4 then now() else collected_at end,
                cancelled_at = case when $5 then now() else cancelled_at end
         where pledge_id = $1",
        pledge.0,
        to.as_str(),
        to == PledgeStatus::Pending,
        to == PledgeStatus::Collected,
        ended
    )
    .execute(&mut *db)
    .await?;
    if from.holds_reward_unit() && !to.holds_reward_unit() {
        release(db, row.reward_tier_id, row.reward_slot_id, row.quantity).await?;
    }
    if from.counts_toward_total() != to.counts_toward_total() {
        count(db, &row, to.counts_toward_total()).await?;
    }
    Ok(Moved::Changed(from))
}

/// Adds a pledge to its campaign's totals (`counting`) or takes it out, with its match. Closed
/// campaigns keep the totals they had at the deadline. The campaign row is already locked.
pub(super) async fn count(db: &mut PgConnection, pledge: &Locked, counting: bool) -> Result<(), AppError> {
    if pledge.campaign_status != CampaignStatus::Live {
        return Ok(());
    }
    let matched = if counting { take_match(db, pledge).await? } else { give_back_match(db, pledge).await? };
    let others = sqlx::query_scalar!(
        r#"select count(*) as "n!" from pledge
           where campaign_id = $1 and backer_id = $2 and pledge_id <> $3 and status = any($4)"#,
        pledge.campaign_id.0,
        pledge.backer_id,
        pledge.pledge_id.0,
        &PledgeStatus::codes(PledgeStatus::COUNTING)
    )
    .fetch_one(&mut *db)
    .await?;
    let sign = if counting { Decimal::ONE } else { Decimal::NEGATIVE_ONE };
    let backer_delta = match (others, counting) {
        (0, true) => 1,
        (0, false) => -1,
        _ => 0,
    };
    sqlx::query!(
        "update campaign set pledged_total = pledged_total + $2, matched_total = matched_total + $3,
                backer_count = backer_count + $4, updated_at = now()
         where campaign_id = $1",
        pledge.campaign_id.0,
        pledge.total_amount * sign,
        matched * sign,
        backer_delta
    )
    .execute(&mut *db)
    .await?;
    Ok(())
}

/// What the campaign's matching funds add to this pledge: funds apply one after another in the
/// order they began matching, each franc pledged matched once (`domain::matching`). What each
/// fund gave is recorded in `pledge_match` and on the fund; the pledge keeps the sum.
async fn take_match(db: &mut PgConnection, pledge: &Locked) -> Result<Decimal, AppError> {
    let funds = sqlx::query!(
        "select f.match_fund_id, f.ratio, f.cap_per_pledge, f.total_cap - f.matched_total as \"left!\"
         from match_fund f join partner p using (partner_id)
         where f.campaign_id = $1 and f.status = 'accepted' and f.matching_since is not null and p.status = 'approved'
           and (not exists (select 1 from match_fund_tier t where t.match_fund_id = f.match_fund_id)
                or exists (select 1 from match_fund_tier t
                           where t.match_fund_id = f.match_fund_id and t.reward_tier_id = $2))
         order by f.matching_since, f.match_fund_id
         for update of f",
        pledge.campaign_id.0,
        pledge.reward_tier_id
    )
    .fetch_all(&mut *db)
    .await?;
    let rooms: Vec<FundRoom> =
        funds.iter().map(|f| FundRoom { ratio: f.ratio, cap_per_pledge: f.cap_per_pledge, left: f.left }).collect();
    let mut total = Decimal::ZERO;
    for (fund, gives) in funds.iter().zip(matching::split(pledge.total_amount, &rooms)) {
        if gives <= Decimal::ZERO {
            continue;
        }
        sqlx::query!(
            "update match_fund set matched_total = matched_total + $2 where match_fund_id = $1",
            fund.match_fund_id,
            gives
        )
        .execute(&mut *db)
        .await?;
        sqlx::query!(
            "insert into pledge_match (pledge_id, match_fund_id, amount) values ($1, $2, $3)",
            pledge.pledge_id.0,
            fund.match_fund_id,
            gives
        )
        .execute(&mut *db)
        .await?;
        total += gives;
    }
    sqlx::query!("update pledge set matched_amount = $2 where pledge_id = $1", pledge.pledge_id.0, total)
        .execute(&mut *db)
        .await?;
    Ok(total)
}

/// Gives a pledge's match back to the funds it came from (whatever became of them: a fund's
/// total is what it gave).
async fn give_back_match(db: &mut PgConnection, pledge: &Locked) -> Result<Decimal, AppError> {
    let given = sqlx::query!(
        "delete from pledge_match where pledge_id = $1 returning match_fund_id, amount",
        pledge.pledge_id.0
    )
    .fetch_all(&mut *db)
    .await?;
    for g in &given {
        sqlx::query!(
            "update match_fund set matched_total = greatest(matched_total - $2, 0) where match_fund_id = $1",
            g.match_fund_id,
            g.amount
        )
        .execute(&mut *db)
        .await?;
    }
    sqlx::query!("update pledge set matched_amount = 0 where pledge_id = $1", pledge.pledge_id.0)
        .execute(&mut *db)
        .await?;
    Ok(pledge.matched_amount)
}

/// Freezes a campaign's totals: marks the pledges that count at this moment. Called in the
/// transaction that closes or cancels it.
pub async fn freeze_totals(db: &mut PgConnection, campaign: CampaignId) -> Result<(), AppError> {
    sqlx::query!(
        "update pledge set counted_at_close = status = any($2) where campaign_id = $1",
        campaign.0,
        &PledgeStatus::codes(PledgeStatus::COUNTING)
    )
    .execute(&mut *db)
    .await?;
    Ok(())
}

/// Amount and currency of a pledge, as money.
pub fn total_of(pledge: &Locked) -> Result<Money, AppError> {
    money(pledge.total_amount, &pledge.currency)
}
