//! The backer's own actions on a pledge: create it, change it, cancel it. The server functions
//! and the bench call these; the rules live here.

use super::notices::Notice;
use super::Payments;
use crate::backend::db::payments as payment_rows;
use crate::backend::db::pledges::{self, Created, Moved, HOLD_MINUTES};
use crate::backend::jobs::Task;
use crate::domain::{CampaignId, PledgeChoice, PledgeId, PledgeStatus, UserId};
use crate::error::AppError;
use crate::i18n::Key;

/// Pledges a backer may have waiting for a payment on one campaign at once: enough to retry,
/// too few to keep a limited reward "sold out" for everyone else.
pub const MAX_PENDING_PER_CAMPAIGN: i64 = 3;

fn refused(message: Key) -> AppError {
    AppError::Validation { field: "pledge".into(), message }
}

impl Payments<'_> {
    /// Creates a pending pledge, claims its units and queues the release of its hold; a
    /// replayed key returns the first pledge. Then prepares its payment at Stripe (a failure
    /// there leaves the pledge, and its pay page offers to try again).
    pub async fn create_pledge(
        &self,
        backer: UserId,
        campaign: CampaignId,
        choice: &PledgeChoice,
        key: &str,
    ) -> Result<PledgeId, AppError> {
        let id = self.create_pledge_row(backer, campaign, choice, key).await?;
        if let Err(e) = self.prepare(id).await {
            tracing::warn!(pledge = %id, error = ?e, "could not prepare the payment; the pay page will retry");
        }
        Ok(id)
    }

    /// The pledge alone, without Stripe (the bench measures this).
    pub async fn create_pledge_row(
        &self,
        backer: UserId,
        campaign: CampaignId,
        choice: &PledgeChoice,
        key: &str,
    ) -> Result<PledgeId, AppError> {
        if key.len() < 8 || key.len() > 100 {
            return Err(AppError::Validation { field: "key".into(), message: Key::InvalidInputText });
        }
        for _ in 0..3 {
            let mut tx = self.pool.begin().await?;
            match pledges::create(&mut tx, backer, campaign, choice, key).await? {
                Created::New(id) => {
                    if pledges::pending_of(&mut tx, backer, campaign).await? > MAX_PENDING_PER_CAMPAIGN {
                        return Err(refused(Key::PledgeTooManyPending));
                    }
                    let release = Task::ReleaseHold { pledge_id: id };
                    self.queue.enqueue_after(&mut tx, &release, chrono::Duration::minutes(HOLD_MINUTES.into())).await?;
                    tx.commit().await?;
                    return Ok(id);
                }
                Created::Existing(id) => return Ok(id),
                // another request with the same key is committing: ours rolls back, then reads it
                Created::Racing => tx.rollback().await?,
            }
        }
        Err(AppError::internal_msg("pledge creation kept racing with itself"))
    }

    /// Replaces the reward and amount of a pending or active pledge before the deadline, and
    /// tells the backer. Refused while a charge of it is open at Stripe: its result would be
    /// applied to what the pledge has become.
    pub async fn change_pledge(&self, pledge: PledgeId, backer: UserId, choice: &PledgeChoice) -> Result<(), AppError> {
        let mut tx = self.pool.begin().await?;
        let row = pledges::lock(&mut tx, pledge).await?;
        if row.backer_id != backer.0 {
            return Err(AppError::NotFound);
        }
        if payment_rows::open_charge(&mut tx, pledge).await?.is_some() {
            return Err(refused(Key::PledgeChargeInProgress));
        }
        pledges::change(&mut tx, &row, choice).await?;
        self.notify(&mut tx, pledge, Notice::Changed).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The backer withdraws a pending or active pledge before the deadline; its unit goes back
    /// at once. Refused while a charge of it is open at Stripe.
    pub async fn cancel_pledge(&self, pledge: PledgeId, backer: UserId) -> Result<(), AppError> {
        let mut tx = self.pool.begin().await?;
        let row = pledges::lock(&mut tx, pledge).await?;
        if row.backer_id != backer.0 {
            return Err(AppError::NotFound);
        }
        if !pledges::campaign_open(&mut tx, row.campaign_id).await? {
            return Err(AppError::CampaignClosed);
        }
        if payment_rows::open_charge(&mut tx, pledge).await?.is_some() {
            return Err(refused(Key::PledgeChargeInProgress));
        }
        match pledges::set_status(&mut tx, pledge, PledgeStatus::Cancelled).await? {
            Moved::Changed(_) => self.notify(&mut tx, pledge, Notice::Cancelled).await?,
            Moved::Unchanged => {}
            Moved::NotAllowed(_) => return Err(refused(Key::PledgeCannotChange)),
        }
        tx.commit().await?;
        Ok(())
    }
}
