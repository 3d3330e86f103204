//! Pledges in the database: creating and changing one (with its reward claim) here, its status
//! (with the units it holds and the campaign's totals) in `state`, the reads in `read`.
//!
//! Two rules hold everywhere here:
//! - a reward unit is claimed by one guarded `UPDATE` in the pledge's transaction, and given back
//!   in the transaction that moves the pledge to a status that holds none;
//! - the campaign's totals move in the transaction that changes what counts toward them, with the
//!   campaign row locked, and only while the campaign is live: at the deadline they freeze.

mod billing;
mod read;
mod state;

pub use billing::*;
pub use read::{check_backer, check_matches, check_totals, of_backer, settlement, view, MatchMismatch, TotalsMismatch};
pub use state::*;

use super::stored;
use crate::domain::{CampaignId, CampaignStatus, PledgeChoice, PledgeId, UserId};
use crate::error::AppError;
use crate::i18n::Key;
use rust_decimal::Decimal;
use sqlx::PgConnection;

/// Minutes a pending pledge keeps its unit without a saved card.
pub const HOLD_MINUTES: i32 = 15;
/// The largest pledge we take (sanity limit against typing mistakes).
pub const MAX_TOTAL: Decimal = Decimal::from_parts(10_000_000, 0, 0, false, 2);

/// What `create` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Created {
    New(PledgeId),
    /// The same form was sent before (same key): this is its pledge.
    Existing(PledgeId),
    /// The same form is being saved right now by another request: roll back and read it again.
    Racing,
}

fn invalid(field: &str, message: Key) -> AppError {
    AppError::invalid(field, message)
}

/// The campaign as a pledge sees it, locked against the close (`for share`).
struct OpenCampaign {
    currency: String,
    min_pledge: Decimal,
}

async fn open_campaign(db: &mut PgConnection, campaign: CampaignId) -> Result<OpenCampaign, AppError> {
    let row = sqlx::query!(
        r#"select status, currency, min_pledge, starts_at <= now() and ends_at > now() as "open!"
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
    // amounts typed by people are bounded when parsed; the sums are checked all the same
    let too_much = || invalid("extra", Key::PledgeAmountInvalid);
    let reward_amount = tier.price.checked_mul(Decimal::from(choice.quantity)).ok_or_else(too_much)?;
    let total = reward_amount.checked_add(choice.extra).ok_or_else(too_much)?;
    Ok(Claimed { reward_amount, total })
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
pub(crate) async fn release(
    db: &mut PgConnection,
    tier: Option<i64>,
    slot: Option<i64>,
    quantity: i32,
) -> Result<(), AppError> {
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

async fn save_answers(db: &mut PgConnection, pledge: PledgeId, choice: &PledgeChoice) -> Result<(), AppError> {
    sqlx::query!("delete from pledge_answer where pledge_id = $1", pledge.0).execute(&mut *db).await?;
    for (question, answer) in choice.answers.iter().filter(|(_, a)| !a.is_empty()) {
        sqlx::query!(
            "insert into pledge_answer (pledge_id, reward_question_id, answer) values ($1, $2, $3)",
            pledge.0,
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
            Ok(Created::Existing(PledgeId(existing.pledge_id)))
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
    let Some(id) = id.map(PledgeId) else { return Ok(Created::Racing) };
    save_answers(db, id, choice).await?;
    Ok(Created::New(id))
}

/// Replaces the reward and amount of a pending or active pledge before the deadline: the old
/// units go back and the new ones are claimed, and the totals follow, in the caller's transaction.
/// `row` is the pledge, locked (with its campaign) and checked to be the backer's.
pub async fn change(db: &mut PgConnection, row: &Locked, choice: &PledgeChoice) -> Result<(), AppError> {
    if !row.status.changeable() {
        return Err(invalid("pledge", Key::PledgeCannotChange));
    }
    let open = open_campaign(db, row.campaign_id).await?;
    let counting = row.status.counts_toward_total();
    if counting {
        count(db, row, false).await?;
    }
    release(db, row.reward_tier_id, row.reward_slot_id, row.quantity).await?;
    let claimed = claim(db, row.campaign_id, &open, choice).await?;
    if claimed.total <= Decimal::ZERO || claimed.total > MAX_TOTAL {
        return Err(invalid("extra", Key::PledgeAmountInvalid));
    }
    sqlx::query!(
        "update pledge set reward_tier_id = $2, reward_slot_id = $3, pickup_point_id = $4, quantity = $5,
                reward_amount = $6, extra_amount = $7, total_amount = $8, updated_at = now()
         where pledge_id = $1",
        row.pledge_id.0,
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
    save_answers(db, row.pledge_id, choice).await?;
    if counting {
        let row = lock(db, row.pledge_id).await?;
        count(db, &row, true).await?;
    }
    Ok(())
}
