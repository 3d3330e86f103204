//! Match funds between a partner and a campaign's owners: the offer (the owners are emailed),
//! the decision (the partner is emailed, with the link to save a card when accepted) and the
//! partner withdrawing an offer not yet decided. Money is in `payments::funds`.

use super::db::funds;
use super::db::studio::review;
use super::email::{self, EmailTemplate};
use super::AppState;
use crate::domain::{CampaignId, FundStatus, FundTerms, Money, UserId};
use crate::error::AppError;
use crate::i18n::{I18n, Key};
use crate::paths;

/// A partner offers a fund; the campaign's owners are emailed.
pub async fn offer(state: &AppState, user: UserId, partner: i64, terms: &FundTerms) -> Result<i64, AppError> {
    let mut tx = state.pool.begin().await?;
    let fund = funds::offer(&mut tx, user, partner, terms).await?;
    let people = funds::lock(&mut tx, fund, None, Some(user)).await?;
    let currency = funds::currency(&mut tx, fund).await?;
    let link = state.settings.links.absolute(&paths::studio_partners(people.campaign));
    for owner in review::owners(&mut tx, people.campaign).await? {
        let template = EmailTemplate::MatchFundOffered {
            name: owner.name,
            campaign: people.title.clone(),
            organisation: people.organisation.clone(),
            terms: I18n { locale: owner.locale }.fund_terms(
                terms.ratio,
                terms.cap_per_pledge.map(|c| Money::new(c, currency)),
                Money::new(terms.total_cap, currency),
            ),
            link: link.clone(),
        };
        email::enqueue(&mut tx, &state.queue, &owner.email, owner.locale, &template, None).await?;
    }
    tx.commit().await?;
    Ok(fund)
}

/// The owners accept or decline (with a reason) a fund offered to their campaign.
pub async fn decide(
    state: &AppState,
    campaign: CampaignId,
    fund: i64,
    accept: bool,
    reason: &str,
) -> Result<(), AppError> {
    let reason = reason.trim();
    if !accept && !(1..=1000).contains(&reason.chars().count()) {
        return Err(AppError::invalid("reason", Key::ReviewReasonNeeded));
    }
    let to = if accept { FundStatus::Accepted } else { FundStatus::Declined };
    let mut tx = state.pool.begin().await?;
    let people = funds::lock(&mut tx, fund, Some(campaign), None).await?;
    people.status.transition(to).map_err(|_| AppError::invalid("fund", Key::FundAlreadyDecided))?;
    funds::set_status(&mut tx, fund, to, (!accept).then_some(reason)).await?;
    let link = if accept { paths::fund_card(fund) } else { paths::MY_PARTNERS.to_owned() };
    let template = EmailTemplate::MatchFundDecided {
        name: people.partner_name,
        organisation: people.organisation,
        campaign: people.title,
        accepted: accept,
        reason: reason.to_owned(),
        link: state.settings.links.absolute(&link),
    };
    email::enqueue(&mut tx, &state.queue, &people.partner_email, people.partner_locale, &template, None).await?;
    tx.commit().await?;
    Ok(())
}

/// The partner takes back an offer the owners have not decided yet.
pub async fn withdraw(state: &AppState, user: UserId, fund: i64) -> Result<(), AppError> {
    let mut tx = state.pool.begin().await?;
    let people = funds::lock(&mut tx, fund, None, Some(user)).await?;
    people.status.transition(FundStatus::Withdrawn).map_err(|_| AppError::invalid("fund", Key::FundAlreadyDecided))?;
    funds::set_status(&mut tx, fund, FundStatus::Withdrawn, None).await?;
    tx.commit().await?;
    Ok(())
}
