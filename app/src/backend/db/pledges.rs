//! Pledges in the database: creating one (with its reward claim), changing its status (with the
//! units it holds and the campaign's totals), and the reads of the pledge pages.
//!
//! Two rules hold everywhere here:
//! - a reward unit is claimed by one guarded `UPDATE` in the pledge's transaction, and given back
//!   in the transaction that moves the pledge to a status that holds none;
//! - the campaign's totals move in the transaction that changes what counts toward them, with the
//!   campaign row locked, and only while the campaign is live: at the deadline they freeze.

use super::{money, stored};
use crate::domain::views::{PledgeView, Settlement};
use crate::domain::{
    CampaignId, CampaignStatus, FundingModel, PickupPointId, PledgeChoice, PledgeId, PledgeStatus, RewardSlotId,
    RewardTierId, UserId,
};
use crate::error::AppError;
use crate::i18n::Key;
use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use sqlx::PgConnection;

/// Minutes a pending pledge keeps its unit without a saved card.
pub const HOLD_MINUTES: i32 = 15;
/// The largest pledge we take (sanity limit against typing mistakes).
pub const MAX_TOTAL: Decimal = Decimal::from_parts(10_000_000, 0, 0, false, 2);

/// What `create` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Created {
    New(i64),
    /// The same form was sent before (same key): this is its pledge.
    Existing(i64),
    /// The same form is being saved right now by another request: roll back and read it again.
    Racing,
}

fn invalid(field: &str, message: Key) -> AppError {
    AppError::Validation { field: field.to_owned(), message }
}

/// The campaign as a pledge sees it, locked against the close (`for share`).
struct OpenCampaign {
    currency: String,
    min_pledge: Decimal,
}

async fn open_campaign(db: &mut PgConnection, campaign: CampaignId) -> Result<OpenCampaign, AppError> {
    let row = sqlx::query!(
        r#"select status, currency, min_pledge, ends_at > now() as "open!"
           from campaign where campaign_id = $1 for share"#,
        campaign.0
    )
    .fetch_optional(&mut *db)
    .await?
    .ok_or(AppError::NotFound)?;
    if !stored(CampaignStatus::parse(&row.status))?.accepts_pledges() || !row.open {
        return Err(AppError::CampaignClosed);
    }
    Ok(OpenCampaign { currency: row.currency, min_pledge: row.min_pledge })
}

/// The amounts of a choice, from database prices, after claiming its units.
struct Claimed {
    reward_amount: Decimal,
    total: Decimal,
}

/// Checks a choice against the campaign's catalogue and claims its units (tier, then slot). Any
/// error leaves the caller's transaction to roll back.
async fn claim(
    db: &mut PgConnection,
    campaign: CampaignId,
    open: &OpenCampaign,
    choice: &PledgeChoice,
) -> Result<Claimed, AppError> {
    if choice.currency != open.currency {
        return Err(invalid("currency", Key::PledgeWrongCurrency));
    }
    let Some(tier_id) = choice.tier else {
        if choice.slot.is_some() || choice.pickup.is_some() || !choice.answers.is_empty() {
            return Err(invalid("tier", Key::PledgeRewardUnknown));
        }
        if choice.extra < open.min_pledge {
            return Err(invalid("extra", Key::PledgeBelowMinimum));
        }
        return Ok(Claimed { reward_amount: Decimal::ZERO, total: choice.extra });
    };
    let tier = sqlx::query!(
        r#"select price, max_per_pledge, fulfilment, is_visible,
                  exists (select 1 from reward_slot s where s.reward_tier_id = t.reward_tier_id) as "has_slots!",
                  exists (select 1 from reward_pickup_point p where p.reward_tier_id = t.reward_tier_id) as "has_pickup!"
           from reward_tier t where reward_tier_id = $1 and campaign_id = $2"#,
        tier_id.0,
        campaign.0
    )
    .fetch_optional(&mut *db)
    .await?
    .filter(|t| t.is_visible)
    .ok_or_else(|| invalid("tier", Key::PledgeRewardUnknown))?;
    if choice.quantity > tier.max_per_pledge {
        return Err(invalid("quantity", Key::PledgeTooMany));
    }
    if let Some(slot) = required_choice(tier.has_slots, choice.slot.map(|s| s.0), "slot", Key::PledgeChooseSlot)? {
        let known = sqlx::query_scalar!(
            "select 1 from reward_slot where reward_slot_id = $1 and reward_tier_id = $2",
            slot,
            tier_id.0
        )
        .fetch_optional(&mut *db)
        .await?;
        known.ok_or_else(|| invalid("slot", Key::PledgeRewardUnknown))?;
    }
    let pickup = choice.pickup.map(|p| p.0);
    if let Some(point) = required_choice(tier.has_pickup, pickup, "pickup", Key::PledgeChoosePickup)? {
        let known = sqlx::query_scalar!(
            "select 1 from reward_pickup_point where pickup_point_id = $1 and reward_tier_id = $2",
            point,
            tier_id.0
        )
        .fetch_optional(&mut *db)
        .await?;
        known.ok_or_else(|| invalid("pickup", Key::PledgeRewardUnknown))?;
    }
    check_answers(db, tier_id.0, choice).await?;
    // the claim: one guarded statement each, backed by the CHECK constraints
    let claimed = sqlx::query_scalar!(
        "update reward_tier set claimed = claimed + $2, updated_at = now()
         where reward_tier_id = $1 and (quantity_limit is null or claimed + $2 <= quantity_limit)
         returning reward_tier_id",
        tier_id.0,
        choice.quantity
    )
    .fetch_optional(&mut *db)
    .await?;
    if claimed.is_none() {
        return Err(AppError::SoldOut);
    }
    if let Some(slot) = choice.slot {
        let claimed = sqlx::query_scalar!(
            "update reward_slot set claimed = claimed + $2
             where reward_slot_id = $1 and claimed + $2 <= capacity returning reward_slot_id",
            slot.0,
            choice.quantity
        )
        .fetch_optional(&mut *db)
        .await?;
        if claimed.is_none() {
            return Err(AppError::SoldOut);
        }
    }
    let reward_amount = tier.price * Decimal::from(choice.quantity);
    Ok(Claimed { reward_amount, total: reward_amount + choice.extra })
}

/// A choice the tier requires when it `offers` it (a date, a pickup point) and refuses
/// otherwise; returns the id to check against the tier.
fn required_choice(offers: bool, chosen: Option<i64>, field: &str, missing: Key) -> Result<Option<i64>, AppError> {
    match (offers, chosen) {
        (true, None) => Err(invalid(field, missing)),
        (false, Some(_)) => Err(invalid(field, Key::PledgeRewardUnknown)),
        (_, chosen) => Ok(chosen),
    }
}

async fn check_answers(db: &mut PgConnection, tier: i64, choice: &PledgeChoice) -> Result<(), AppError> {
    let questions = sqlx::query!(
        "select reward_question_id, kind, choices, required from reward_question where reward_tier_id = $1",
        tier
    )
    .fetch_all(&mut *db)
    .await?;
    for (question, _) in &choice.answers {
        if !questions.iter().any(|q| q.reward_question_id == *question) {
            return Err(invalid("answers", Key::PledgeRewardUnknown));
        }
    }
    for q in &questions {
        let answer = choice.answers.iter().find(|(id, _)| *id == q.reward_question_id).map(|(_, a)| a.as_str());
        let field = format!("answer-{}", q.reward_question_id);
        match answer {
            None | Some("") if q.required => return Err(invalid(&field, Key::PledgeAnswerRequired)),
            Some(a) if !a.is_empty() && q.kind == "choice" && !q.choices.iter().any(|c| c == a) => {
                return Err(invalid(&field, Key::PledgeAnswerRequired))
            }
            _ => {}
        }
    }
    Ok(())
}

/// Gives back the units a pledge holds.
async fn release(db: &mut PgConnection, tier: Option<i64>, slot: Option<i64>, quantity: i32) -> Result<(), AppError> {
    if let Some(tier) = tier {
        sqlx::query!(
            "update reward_tier set claimed = claimed - $2, updated_at = now() where reward_tier_id = $1",
            tier,
            quantity
        )
        .execute(&mut *db)
        .await?;
    }
    if let Some(slot) = slot {
        sqlx::query!("update reward_slot set claimed = claimed - $2 where reward_slot_id = $1", slot, quantity)
            .execute(&mut *db)
            .await?;
    }
    Ok(())
}

async fn save_answers(db: &mut PgConnection, pledge: i64, choice: &PledgeChoice) -> Result<(), AppError> {
    sqlx::query!("delete from pledge_answer where pledge_id = $1", pledge).execute(&mut *db).await?;
    for (question, answer) in choice.answers.iter().filter(|(_, a)| !a.is_empty()) {
        sqlx::query!(
            "insert into pledge_answer (pledge_id, reward_question_id, answer) values ($1, $2, $3)",
            pledge,
            question,
            answer
        )
        .execute(&mut *db)
        .await?;
    }
    Ok(())
}

/// Creates a pending pledge and claims its units, in the caller's transaction. The amounts come
/// from database prices; the same `key` from the same backer gives the same pledge.
pub async fn create(
    db: &mut PgConnection,
    backer: UserId,
    campaign: CampaignId,
    choice: &PledgeChoice,
    key: &str,
) -> Result<Created, AppError> {
    if let Some(existing) = sqlx::query!(
        "select pledge_id, campaign_id from pledge where backer_id = $1 and idempotency_key = $2",
        backer.0,
        key
    )
    .fetch_optional(&mut *db)
    .await?
    {
        return if existing.campaign_id == campaign.0 {
            Ok(Created::Existing(existing.pledge_id))
        } else {
            Err(invalid("key", Key::InvalidInputText))
        };
    }
    let open = open_campaign(db, campaign).await?;
    let claimed = claim(db, campaign, &open, choice).await?;
    if claimed.total <= Decimal::ZERO || claimed.total > MAX_TOTAL {
        return Err(invalid("extra", Key::PledgeAmountInvalid));
    }
    let id = sqlx::query_scalar!(
        "insert into pledge (campaign_id, backer_id, reward_tier_id, reward_slot_id, pickup_point_id, quantity,
                             reward_amount, extra_amount, total_amount, currency, idempotency_key, hold_expires_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now() + make_interval(mins => $12))
         on conflict (backer_id, idempotency_key) do nothing
         returning pledge_id",
        campaign.0,
        backer.0,
        choice.tier.map(|t| t.0),
        choice.slot.map(|s| s.0),
        choice.pickup.map(|p| p.0),
        choice.quantity,
        claimed.reward_amount,
        choice.extra,
        claimed.total,
        open.currency,
        key,
        HOLD_MINUTES
    )
    .fetch_optional(&mut *db)
    .await?;
    let Some(id) = id else { return Ok(Created::Racing) };
    save_answers(db, id, choice).await?;
    Ok(Created::New(id))
}

/// Replaces the reward and amount of a pending or active pledge before the deadline: the old
/// units go back and the new ones are claimed, and the totals follow, in the caller's transaction.
pub async fn change(db: &mut PgConnection, pledge: i64, backer: UserId, choice: &PledgeChoice) -> Result<(), AppError> {
    let row = lock(db, pledge).await?;
    if row.backer_id != backer.0 {
        return Err(AppError::NotFound);
    }
    if !matches!(row.status, PledgeStatus::Pending | PledgeStatus::Active) {
        return Err(invalid("pledge", Key::PledgeCannotChange));
    }
    let open = open_campaign(db, CampaignId(row.campaign_id)).await?;
    let counting = row.status.counts_toward_total();
    if counting {
        count(db, &row, false).await?;
    }
    release(db, row.reward_tier_id, row.reward_slot_id, row.quantity).await?;
    let claimed = claim(db, CampaignId(row.campaign_id), &open, choice).await?;
    if claimed.total <= Decimal::ZERO || claimed.total > MAX_TOTAL {
        return Err(invalid("extra", Key::PledgeAmountInvalid));
    }
    sqlx::query!(
        "update pledge set reward_tier_id = $2, reward_slot_id = $3, pickup_point_id = $4, quantity = $5,
                reward_amount = $6, extra_amount = $7, total_amount = $8, updated_at = now()
         where pledge_id = $1",
        pledge,
        choice.tier.map(|t| t.0),
        choice.slot.map(|s| s.0),
        choice.pickup.map(|p| p.0),
        choice.quantity,
        claimed.reward_amount,
        choice.extra,
        claimed.total
    )
    .execute(&mut *db)
    .await?;
    save_answers(db, pledge, choice).await?;
    if counting {
        let row = lock(db, pledge).await?;
        count(db, &row, true).await?;
    }
    Ok(())
}

/// A pledge row, locked for the transaction.
#[derive(Debug, Clone)]
pub struct Locked {
    pub pledge_id: i64,
    pub campaign_id: i64,
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

pub async fn lock(db: &mut PgConnection, pledge: i64) -> Result<Locked, AppError> {
    let r = sqlx::query!(
        "select p.pledge_id, p.campaign_id, p.backer_id, p.status, p.reward_tier_id, p.reward_slot_id, p.quantity,
                p.total_amount, p.matched_amount, p.currency, p.stripe_customer_id, p.stripe_payment_method_id,
                c.funding_model, c.status as campaign_status
         from pledge p join campaign c using (campaign_id)
         where p.pledge_id = $1 for update of p",
        pledge
    )
    .fetch_optional(&mut *db)
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(Locked {
        pledge_id: r.pledge_id,
        campaign_id: r.campaign_id,
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
pub async fn set_status(db: &mut PgConnection, pledge: i64, to: PledgeStatus) -> Result<Moved, AppError> {
    let row = lock(db, pledge).await?;
    let from = row.status;
    if from == to {
        return Ok(Moved::Unchanged);
    }
    if !from.can_become(to) {
        return Ok(Moved::NotAllowed(from));
    }
    sqlx::query!(
        "update pledge set status = $2, updated_at = now(),
                hold_expires_at = case when $2 = 'pending' then hold_expires_at end,
                collected_at = case when $2 = 'collected' then now() else collected_at end,
                cancelled_at = case when $2 in ('cancelled', 'dropped') then now() else cancelled_at end
         where pledge_id = $1",
        pledge,
        to.as_str()
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
/// campaigns keep the totals they had at the deadline.
async fn count(db: &mut PgConnection, pledge: &Locked, counting: bool) -> Result<(), AppError> {
    let status =
        sqlx::query_scalar!("select status from campaign where campaign_id = $1 for update", pledge.campaign_id)
            .fetch_one(&mut *db)
            .await?;
    if stored(CampaignStatus::parse(&status))? != CampaignStatus::Live {
        return Ok(());
    }
    let matched = if counting { take_match(db, pledge).await? } else { give_back_match(db, pledge).await? };
    let others = sqlx::query_scalar!(
        r#"select count(*) as "n!" from pledge
           where campaign_id = $1 and backer_id = $2 and pledge_id <> $3
             and status in ('active', 'collected', 'payment_failed')"#,
        pledge.campaign_id,
        pledge.backer_id,
        pledge.pledge_id
    )
    .fetch_one(&mut *db)
    .await?;
    let sign = if counting { Decimal::ONE } else { Decimal::NEGATIVE_ONE };
    let backer_delta = if others == 0 {
        if counting {
            1
        } else {
            -1
        }
    } else {
        0
    };
    sqlx::query!(
        "update campaign set pledged_total = pledged_total + $2, matched_total = matched_total + $3,
                backer_count = backer_count + $4, updated_at = now()
         where campaign_id = $1",
        pledge.campaign_id,
        pledge.total_amount * sign,
        matched * sign,
        backer_delta
    )
    .execute(&mut *db)
    .await?;
    Ok(())
}

/// What the campaign's active match fund adds to this pledge (within its caps), recorded on the
/// pledge and the fund.
async fn take_match(db: &mut PgConnection, pledge: &Locked) -> Result<Decimal, AppError> {
    let Some(fund) = sqlx::query!(
        "select match_fund_id, ratio, cap_per_pledge, total_cap, matched_total from match_fund
         where campaign_id = $1 and is_active and (reward_tier_id is null or reward_tier_id = $2)
         order by match_fund_id limit 1 for update",
        pledge.campaign_id,
        pledge.reward_tier_id
    )
    .fetch_optional(&mut *db)
    .await?
    else {
        return Ok(Decimal::ZERO);
    };
    let room = (fund.total_cap - fund.matched_total).max(Decimal::ZERO);
    let mut matched = (pledge.total_amount * fund.ratio).round_dp(2).min(room);
    if let Some(cap) = fund.cap_per_pledge {
        matched = matched.min(cap);
    }
    sqlx::query!(
        "update match_fund set matched_total = matched_total + $2 where match_fund_id = $1",
        fund.match_fund_id,
        matched
    )
    .execute(&mut *db)
    .await?;
    sqlx::query!("update pledge set matched_amount = $2 where pledge_id = $1", pledge.pledge_id, matched)
        .execute(&mut *db)
        .await?;
    Ok(matched)
}

async fn give_back_match(db: &mut PgConnection, pledge: &Locked) -> Result<Decimal, AppError> {
    let matched = pledge.matched_amount;
    if matched > Decimal::ZERO {
        sqlx::query!(
            "update match_fund set matched_total = greatest(matched_total - $2, 0)
             where match_fund_id = (select match_fund_id from match_fund
                                    where campaign_id = $1 and (reward_tier_id is null or reward_tier_id = $3)
                                    order by match_fund_id limit 1)",
            pledge.campaign_id,
            matched,
            pledge.reward_tier_id
        )
        .execute(&mut *db)
        .await?;
        sqlx::query!("update pledge set matched_amount = 0 where pledge_id = $1", pledge.pledge_id)
            .execute(&mut *db)
            .await?;
    }
    Ok(matched)
}

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
    let rows = sqlx::query!(
        r#"with sums as (
             select c.campaign_id, c.pledged_total, c.backer_count,
                    coalesce(sum(p.total_amount), 0) as "pledges_sum!",
                    count(distinct p.backer_id) as "backers!"
             from campaign c
             left join pledge p on p.campaign_id = c.campaign_id and case
                 when c.status in ('succeeded', 'failed', 'cancelled') then p.counted_at_close
                 else p.status in ('active', 'collected', 'payment_failed') end
             group by c.campaign_id)
           select campaign_id, pledged_total, backer_count, "pledges_sum!", "backers!" from sums
           where pledged_total <> "pledges_sum!" or backer_count <> "backers!""#
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

/// Freezes a campaign's totals: marks the pledges that count at this moment. Called in the
/// transaction that closes or cancels it.
pub async fn freeze_totals(db: &mut PgConnection, campaign: i64) -> Result<(), AppError> {
    sqlx::query!(
        "update pledge set counted_at_close = status in ('active', 'collected', 'payment_failed')
         where campaign_id = $1",
        campaign
    )
    .execute(&mut *db)
    .await?;
    Ok(())
}

/// Amount and currency of a pledge, as money.
pub fn total_of(pledge: &Locked) -> Result<crate::domain::Money, AppError> {
    money(pledge.total_amount, &pledge.currency)
}

/// Pledges as their backers see them: one (`pledge`) or all of a backer's (`backer`).
async fn views(db: &mut PgConnection, pledge: Option<i64>, backer: Option<i64>) -> Result<Vec<PledgeView>, AppError> {
    let rows = sqlx::query!(
        r#"select p.pledge_id, c.slug, c.title as campaign_title, c.status as campaign_status, c.funding_model,
                  c.ends_at as "ends_at: DateTime<Utc>", (c.status = 'live' and c.ends_at > now()) as "open!",
                  p.reward_tier_id, t.title as "reward_title?", p.reward_slot_id,
                  s.starts_at as "slot_starts?: DateTime<Utc>", s.ends_at as "slot_ends?: DateTime<Utc>",
                  p.pickup_point_id, pp.name as "pickup?", p.quantity, p.reward_amount, p.extra_amount,
                  p.total_amount, p.currency, p.status, p.created_at as "created_at: DateTime<Utc>",
                  p.collected_at as "collected_at: DateTime<Utc>", p.payment_due_at as "payment_due_at: DateTime<Utc>",
                  (select coalesce(pay.error_message, pay.error_code) from payment pay
                   where pay.pledge_id = p.pledge_id and pay.status = 'failed'
                   order by pay.updated_at desc limit 1) as "payment_error?",
                  coalesce((select array_agg(a.reward_question_id order by a.reward_question_id) from pledge_answer a
                            where a.pledge_id = p.pledge_id), '{}') as "answer_ids!",
                  coalesce((select array_agg(a.answer order by a.reward_question_id) from pledge_answer a
                            where a.pledge_id = p.pledge_id), '{}') as "answers!"
           from pledge p join campaign c using (campaign_id)
           left join reward_tier t on t.reward_tier_id = p.reward_tier_id
           left join reward_slot s on s.reward_slot_id = p.reward_slot_id
           left join pickup_point pp on pp.pickup_point_id = p.pickup_point_id
           where ($1::bigint is null or p.pledge_id = $1) and ($2::bigint is null or p.backer_id = $2)
           order by p.created_at desc, p.pledge_id desc"#,
        pledge,
        backer
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
                changeable: r.open && matches!(status, PledgeStatus::Pending | PledgeStatus::Active),
            })
        })
        .collect()
}

/// `NotFound` unless the pledge belongs to `backer` (another backer's pledge does not exist for them).
pub async fn check_backer(db: &mut PgConnection, pledge: i64, backer: UserId) -> Result<(), AppError> {
    let owner = sqlx::query_scalar!("select backer_id from pledge where pledge_id = $1", pledge)
        .fetch_optional(&mut *db)
        .await?;
    if owner == Some(backer.0) {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// One pledge, if it belongs to `backer`.
pub async fn view(db: &mut PgConnection, pledge: i64, backer: UserId) -> Result<PledgeView, AppError> {
    check_backer(db, pledge, backer).await?;
    views(db, Some(pledge), None).await?.pop().ok_or(AppError::NotFound)
}

/// Every pledge of a backer, newest first.
pub async fn of_backer(db: &mut PgConnection, backer: UserId) -> Result<Vec<PledgeView>, AppError> {
    views(db, None, Some(backer.0)).await
}

/// Collected, awaiting and dropped money of a campaign.
pub async fn settlement(db: &mut PgConnection, campaign: CampaignId) -> Result<Settlement, AppError> {
    let r = sqlx::query!(
        r#"select c.currency,
                  coalesce(sum(p.total_amount) filter (where p.status = 'collected'), 0) as "collected!",
                  count(*) filter (where p.status = 'collected') as "collected_count!",
                  coalesce(sum(p.total_amount) filter (where p.status = 'payment_failed'), 0) as "awaiting!",
                  count(*) filter (where p.status = 'payment_failed') as "awaiting_count!",
                  coalesce(sum(p.total_amount) filter (where p.status = 'dropped' and p.counted_at_close), 0) as "dropped!",
                  count(*) filter (where p.status = 'dropped' and p.counted_at_close) as "dropped_count!",
                  coalesce(sum(p.total_amount) filter (where p.status = 'refunded'), 0) as "refunded!"
           from campaign c left join pledge p using (campaign_id)
           where c.campaign_id = $1 group by c.currency"#,
        campaign.0
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
