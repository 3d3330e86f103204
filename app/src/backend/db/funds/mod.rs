//! Match funds: offered by an approved financial partner, decided by the campaign's owners,
//! their card, and the lists that show them; what they owe and the charges of their partner
//! are in `charges`. The matching itself is done with the pledge's state (`pledges::state`),
//! under the campaign's lock.

mod charges;

pub use charges::*;

use super::{money, stored};
use crate::domain::{CampaignId, FundStatus, FundTerms, FundView, Locale, PartnerTarget, TierChoice, UserId};
use crate::error::AppError;
use crate::i18n::Key;
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

/// A fund's currency.
pub async fn currency(db: &mut PgConnection, fund: i64) -> Result<crate::domain::Currency, AppError> {
    let code = sqlx::query_scalar!(r#"select currency as "currency!" from match_fund where match_fund_id = $1"#, fund)
        .fetch_one(db)
        .await?;
    stored(crate::domain::Currency::parse(&code))
}
