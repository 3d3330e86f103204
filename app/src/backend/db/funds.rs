//! Match funds: offered by an approved financial partner, decided by the campaign's owners,
//! their card, and what they matched and were charged. The matching itself is done with the
//! pledge's state (`pledges::state`), under the campaign's lock.

use super::{money, stored};
use crate::domain::{CampaignId, FundStatus, FundTerms, FundView, Locale, PartnerTarget, TierChoice, UserId};
use crate::error::AppError;
use crate::i18n::Key;
use rust_decimal::Decimal;
use sqlx::PgConnection;

/// Which funds to list.
#[derive(Debug, Clone, Copy)]
pub enum Funds {
    /// Every fund offered to this campaign (its owners).
    OfCampaign(CampaignId),
    /// The funds of this person's partnerships.
    OfUser(UserId),
    /// The funds matching this campaign's pledges (its public page), in the order they apply.
    Matching(CampaignId),
}

pub async fn list(db: &mut PgConnection, which: Funds) -> Result<Vec<FundView>, AppError> {
    let (campaign, user, matching_only) = match which {
        Funds::OfCampaign(c) => (Some(c.0), None, false),
        Funds::OfUser(u) => (None, Some(u.0), false),
        Funds::Matching(c) => (Some(c.0), None, true),
    };
    let rows = sqlx::query!(
        r#"select f.match_fund_id, f.partner_id, p.organisation, c.slug, c.title, f.status, f.ratio, f.cap_per_pledge, f.total_cap,
                  f.matched_total, f.currency as "currency!", f.stripe_payment_method_id is not null as "card_saved!",
                  f.decline_reason,
                  array(select t.title from match_fund_tier mt join reward_tier t using (reward_tier_id)
                        where mt.match_fund_id = f.match_fund_id order by t.position, t.reward_tier_id) as "tiers!",
                  coalesce((select sum(ch.amount) from match_fund_charge ch
                            where ch.match_fund_id = f.match_fund_id and ch.status = 'succeeded'), 0) as "charged!",
                  coalesce((select ch.status = 'failed' from match_fund_charge ch
                            where ch.match_fund_id = f.match_fund_id order by ch.attempt desc limit 1), false)
                      as "charge_failed!"
           from match_fund f join partner p using (partner_id) join campaign c on c.campaign_id = f.campaign_id
           where case when $2::bigint is not null then p.user_id = $2 else f.campaign_id = $1 end
             and (not $3 or (f.status = 'accepted' and f.matching_since is not null and p.status = 'approved'))
           order by f.matching_since nulls last, f.created_at, f.match_fund_id"#,
        campaign,
        user,
        matching_only
    )
    .fetch_all(db)
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(FundView {
                id: r.match_fund_id,
                partner_id: r.partner_id,
                partner: r.organisation,
                campaign: PartnerTarget { slug: r.slug, title: r.title },
                status: stored(FundStatus::parse(&r.status))?,
                ratio: r.ratio,
                cap_per_pledge: r.cap_per_pledge.map(|c| money(c, &r.currency)).transpose()?,
                total_cap: money(r.total_cap, &r.currency)?,
                matched: money(r.matched_total, &r.currency)?,
                tiers: r.tiers,
                card_saved: r.card_saved,
                decline_reason: r.decline_reason,
                charged: money(r.charged, &r.currency)?,
                charge_failed: r.charge_failed,
            })
        })
        .collect()
}

/// The rewards of a campaign a fund may be kept to.
pub async fn tier_choices(db: &mut PgConnection, campaign: &str) -> Result<Vec<TierChoice>, AppError> {
    Ok(sqlx::query_as!(
        TierChoice,
        r#"select t.reward_tier_id as id, t.title from reward_tier t join campaign c using (campaign_id)
           where c.slug = $1 and t.is_visible order by t.position, t.reward_tier_id"#,
        campaign
    )
    .fetch_all(db)
    .await?)
}

/// A fund offered by `user`'s approved financial partnership of an open campaign.
pub async fn offer(db: &mut PgConnection, user: UserId, partner: i64, terms: &FundTerms) -> Result<i64, AppError> {
    let target = sqlx::query!(
        "select p.campaign_id as \"campaign_id!\", c.currency from partner p join campaign c using (campaign_id)
         where p.partner_id = $1 and p.user_id = $2 and p.kind = 'financial' and p.status = 'approved'
           and c.status in ('draft', 'in_review', 'live')",
        partner,
        user.0
    )
    .fetch_optional(&mut *db)
    .await?
    .ok_or(AppError::NotFound)?;
    let fund = sqlx::query_scalar!(
        "insert into match_fund (campaign_id, partner_id, currency, ratio, cap_per_pledge, total_cap)
         values ($1, $2, $3, $4, $5, $6) returning match_fund_id",
        target.campaign_id,
        partner,
        target.currency,
        terms.ratio,
        terms.cap_per_pledge,
        terms.total_cap
    )
    .fetch_one(&mut *db)
    .await?;
    let kept = sqlx::query!(
        "insert into match_fund_tier (match_fund_id, reward_tier_id)
         select $1, reward_tier_id from reward_tier where campaign_id = $2 and reward_tier_id = any($3)",
        fund,
        target.campaign_id,
        &terms.tiers
    )
    .execute(&mut *db)
    .await?;
    if kept.rows_affected() != terms.tiers.len() as u64 {
        return Err(AppError::invalid("tiers", Key::InvalidInputText));
    }
    Ok(fund)
}

/// The people told about a fund: its partner's contact, and the campaign.
pub struct FundPeople {
    pub fund: i64,
    pub campaign: CampaignId,
    pub title: String,
    pub organisation: String,
    pub partner_name: String,
    pub partner_email: String,
    pub partner_locale: Locale,
    pub status: FundStatus,
}

/// Locks a fund (of `campaign` when given, of `user`'s partnership when given).
pub async fn lock(
    db: &mut PgConnection,
    fund: i64,
    campaign: Option<CampaignId>,
    user: Option<UserId>,
) -> Result<FundPeople, AppError> {
    let r = sqlx::query!(
        r#"select f.match_fund_id, f.campaign_id, c.title, p.organisation, p.contact_name, p.contact_email,
                  (select locale from app_user where user_id = p.user_id) as "locale?", f.status
           from match_fund f join partner p using (partner_id) join campaign c on c.campaign_id = f.campaign_id
           where f.match_fund_id = $1 and ($2::bigint is null or f.campaign_id = $2)
             and ($3::bigint is null or p.user_id = $3)
           for update of f"#,
        fund,
        campaign.map(|c| c.0),
        user.map(|u| u.0)
    )
    .fetch_optional(db)
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(FundPeople {
        fund: r.match_fund_id,
        campaign: CampaignId(r.campaign_id),
        title: r.title,
        organisation: r.organisation,
        partner_name: r.contact_name,
        partner_email: r.contact_email,
        partner_locale: r.locale.as_deref().and_then(Locale::from_tag).unwrap_or_default(),
        status: stored(FundStatus::parse(&r.status))?,
    })
}

/// Moves a locked fund to `to` (the state machine is checked by the caller), with the owners'
/// reason when declined.
pub async fn set_status(
    db: &mut PgConnection,
    fund: i64,
    to: FundStatus,
    reason: Option<&str>,
) -> Result<(), AppError> {
    sqlx::query!(
        "update match_fund set status = $2, decline_reason = $3, decided_at = now(),
                matching_since = case when $2 = 'accepted' and stripe_payment_method_id is not null then now() end
         where match_fund_id = $1",
        fund,
        to.as_str(),
        reason
    )
    .execute(db)
    .await?;
    Ok(())
}

/// What saving a fund's card needs.
pub struct CardTarget {
    pub fund: i64,
    pub user: i64,
    pub email: String,
    pub status: FundStatus,
    pub customer: Option<String>,
    pub setup_intent: Option<String>,
    pub card_saved: bool,
    /// The last charge of the saved card failed: another card is wanted.
    pub charge_failed: bool,
}

/// The fund of `user`'s partnership whose card is to be saved.
pub async fn card_target(db: &mut PgConnection, fund: i64, user: UserId) -> Result<CardTarget, AppError> {
    let r = sqlx::query!(
        r#"select f.match_fund_id, u.user_id, u.email, f.status, f.stripe_customer_id, f.stripe_setup_intent_id,
                  f.stripe_payment_method_id is not null as "card_saved!",
                  coalesce((select ch.status = 'failed' from match_fund_charge ch
                            where ch.match_fund_id = f.match_fund_id order by ch.attempt desc limit 1), false)
                      as "charge_failed!"
           from match_fund f join partner p using (partner_id) join app_user u on u.user_id = p.user_id
           where f.match_fund_id = $1 and p.user_id = $2"#,
        fund,
        user.0
    )
    .fetch_optional(db)
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(CardTarget {
        fund: r.match_fund_id,
        user: r.user_id,
        email: r.email,
        status: stored(FundStatus::parse(&r.status))?,
        customer: r.stripe_customer_id,
        setup_intent: r.stripe_setup_intent_id,
        card_saved: r.card_saved,
        charge_failed: r.charge_failed,
    })
}

pub async fn set_setup(db: &mut PgConnection, fund: i64, customer: &str, setup_intent: &str) -> Result<(), AppError> {
    sqlx::query!(
        "update match_fund set stripe_customer_id = $2, stripe_setup_intent_id = $3 where match_fund_id = $1",
        fund,
        customer,
        setup_intent
    )
    .execute(db)
    .await?;
    Ok(())
}

/// The partner's card is saved: an accepted fund starts matching (it keeps its place in the
/// order if it had one).
pub async fn set_card(db: &mut PgConnection, fund: i64, payment_method: &str) -> Result<(), AppError> {
    sqlx::query!(
        "update match_fund set stripe_payment_method_id = $2,
                matching_since = case when status = 'accepted' then coalesce(matching_since, now()) end
         where match_fund_id = $1",
        fund,
        payment_method
    )
    .execute(db)
    .await?;
    Ok(())
}

/// Someone an email goes to.
pub struct Recipient {
    pub name: String,
    pub email: String,
    pub locale: Locale,
}

/// The campaign's owners, to tell them of an offer or an application.
pub async fn owners(db: &mut PgConnection, campaign: CampaignId) -> Result<Vec<Recipient>, AppError> {
    Ok(sqlx::query!(
        "select u.display_name, u.email, u.locale from campaign_member m join app_user u using (user_id)
         where m.campaign_id = $1 and m.role = 'owner' order by u.user_id",
        campaign.0
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|r| Recipient {
        name: r.display_name,
        email: r.email,
        locale: Locale::from_tag(&r.locale).unwrap_or_default(),
    })
    .collect())
}

/// A fund's currency.
pub async fn currency(db: &mut PgConnection, fund: i64) -> Result<crate::domain::Currency, AppError> {
    let code = sqlx::query_scalar!(r#"select currency as "currency!" from match_fund where match_fund_id = $1"#, fund)
        .fetch_one(db)
        .await?;
    stored(crate::domain::Currency::parse(&code))
}

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
    pub funding_model: crate::domain::FundingModel,
    pub campaign_status: crate::domain::CampaignStatus,
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
        funding_model: stored(crate::domain::FundingModel::parse(&r.funding_model))?,
        campaign_status: stored(crate::domain::CampaignStatus::parse(&r.campaign_status))?,
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
pub async fn of_pledge(db: &mut PgConnection, pledge: crate::domain::PledgeId) -> Result<Vec<i64>, AppError> {
    Ok(sqlx::query_scalar!(
        "select match_fund_id from pledge_match where pledge_id = $1 order by match_fund_id",
        pledge.0
    )
    .fetch_all(db)
    .await?)
}
