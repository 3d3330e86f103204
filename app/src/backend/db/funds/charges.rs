//! What a match fund owes its campaign and the attempts at charging its partner for it.

use super::super::stored;
use crate::domain::{CampaignStatus, FundingModel, PledgeId};
use crate::error::AppError;
use rust_decimal::Decimal;
use sqlx::PgConnection;

/// What a fund owes: its matches on collected pledges, less what its partner was charged.
pub async fn owed(db: &mut PgConnection, fund: i64) -> Result<Decimal, AppError> {
    Ok(sqlx::query_scalar!(
        r#"select coalesce((select sum(pm.amount) from pledge_match pm join pledge p using (pledge_id)
                            where pm.match_fund_id = $1 and p.status = 'collected'), 0)
                - coalesce((select sum(amount) from match_fund_charge
                            where match_fund_id = $1 and status = 'succeeded'), 0) as "owed!""#,
        fund
    )
    .fetch_one(db)
    .await?)
}

/// A fund as its charge job reads it (locked).
pub struct ChargeTarget {
    pub customer: Option<String>,
    pub payment_method: Option<String>,
    pub currency: String,
    pub funding_model: FundingModel,
    pub campaign_status: CampaignStatus,
}

/// Locks an accepted fund for its charge run.
pub async fn lock_for_charge(db: &mut PgConnection, fund: i64) -> Result<Option<ChargeTarget>, AppError> {
    let Some(r) = sqlx::query!(
        r#"select f.stripe_customer_id, f.stripe_payment_method_id, f.currency as "currency!", c.funding_model,
                  c.status as campaign_status
           from match_fund f join campaign c on c.campaign_id = f.campaign_id
           where f.match_fund_id = $1 and f.status = 'accepted'
           for update of f"#,
        fund
    )
    .fetch_optional(db)
    .await?
    else {
        return Ok(None);
    };
    Ok(Some(ChargeTarget {
        customer: r.stripe_customer_id,
        payment_method: r.stripe_payment_method_id,
        currency: r.currency,
        funding_model: stored(FundingModel::parse(&r.funding_model))?,
        campaign_status: stored(CampaignStatus::parse(&r.campaign_status))?,
    }))
}

/// One attempt at charging a fund's partner.
pub struct FundCharge {
    pub id: i64,
    pub amount: Decimal,
    pub key: String,
    pub payment_intent: Option<String>,
}

/// The attempt not yet settled (written, or Stripe still working on it).
pub async fn open_charge(db: &mut PgConnection, fund: i64) -> Result<Option<FundCharge>, AppError> {
    Ok(sqlx::query_as!(
        FundCharge,
        "select match_fund_charge_id as id, amount, idempotency_key as key, stripe_payment_intent_id as payment_intent
         from match_fund_charge where match_fund_id = $1 and status in ('created', 'processing')",
        fund
    )
    .fetch_optional(db)
    .await?)
}

pub async fn next_charge_attempt(db: &mut PgConnection, fund: i64) -> Result<i32, AppError> {
    Ok(sqlx::query_scalar!(
        r#"select coalesce(max(attempt), 0) + 1 as "next!" from match_fund_charge where match_fund_id = $1"#,
        fund
    )
    .fetch_one(db)
    .await?)
}

pub async fn insert_charge(
    db: &mut PgConnection,
    fund: i64,
    attempt: i32,
    amount: Decimal,
    currency: &str,
    key: &str,
) -> Result<FundCharge, AppError> {
    let id = sqlx::query_scalar!(
        "insert into match_fund_charge (match_fund_id, attempt, amount, currency, idempotency_key)
         values ($1, $2, $3, $4, $5) returning match_fund_charge_id",
        fund,
        attempt,
        amount,
        currency,
        key
    )
    .fetch_one(db)
    .await?;
    Ok(FundCharge { id, amount, key: key.to_owned(), payment_intent: None })
}

/// Records what Stripe said of an attempt.
pub async fn finish_charge(
    db: &mut PgConnection,
    charge: i64,
    status: &str,
    payment_intent: Option<&str>,
    failure: Option<&str>,
) -> Result<(), AppError> {
    sqlx::query!(
        "update match_fund_charge set status = $2, stripe_payment_intent_id = coalesce($3, stripe_payment_intent_id),
                failure_message = $4, updated_at = now()
         where match_fund_charge_id = $1",
        charge,
        status,
        payment_intent,
        failure
    )
    .execute(db)
    .await?;
    Ok(())
}

/// The funds that matched a pledge (to charge them as a flexible pledge is collected).
pub async fn of_pledge(db: &mut PgConnection, pledge: PledgeId) -> Result<Vec<i64>, AppError> {
    Ok(sqlx::query_scalar!(
        "select match_fund_id from pledge_match where pledge_id = $1 order by match_fund_id",
        pledge.0
    )
    .fetch_all(db)
    .await?)
}
