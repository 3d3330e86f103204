//! Closing a campaign at its deadline (or cancelling it), then settling its pledges in batches:
//! charged (goal reached), released (goal missed) or refunded (cancelled).
//!
//! Runs for one campaign never overlap: a run holds an advisory lock in a transaction of its
//! own, which ends with the run however it ends (finished, failed, dropped by a timeout, or its
//! process killed), so a lock never outlives its run. One pledge failing does not stop the
//! others: it goes to the back of the queue and the run comes back to it later.

use super::notices::Notice;
use super::Payments;
use crate::backend::db::campaign_status as campaigns;
use crate::backend::db::pledges::{self, Moved};
use crate::backend::jobs::Task;
use crate::domain::{CampaignId, CampaignStatus, FundingModel, PledgeId, PledgeStatus};
use crate::error::AppError;
use chrono::Duration;

/// Pledges charged (or settled) by one run of the settle job before it queues the next run.
pub const SETTLE_BATCH: i64 = 25;
/// Namespace of the settle runs' advisory locks (the campaign id is the second key).
const SETTLE_LOCK: i32 = 7001;

/// What one settle run left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Settled {
    /// Every pledge is settled (or the campaign is not closed).
    Done,
    /// More pledges wait: run again now.
    More,
    /// Another run holds the campaign's lock.
    Busy,
    /// Pledges wait that this run could not settle (an error, or Stripe still processing a
    /// payment): run again later.
    Blocked,
}

impl Payments<'_> {
    /// At the deadline: the goal decides. Totals freeze; the settle job then charges (goal
    /// reached) or releases (goal missed) every pledge. Early calls re-schedule themselves.
    pub async fn close_campaign(&self, campaign: CampaignId) -> Result<(), AppError> {
        let mut tx = self.pool.begin().await?;
        let Some(c) = campaigns::lock_for_close(&mut tx, campaign).await? else {
            return Ok(());
        };
        if c.status != CampaignStatus::Live {
            return Ok(());
        }
        if c.ends_at > c.now {
            // the deadline moved: come back then
            self.queue
                .enqueue_after(&mut tx, &Task::CloseCampaign { campaign_id: campaign }, c.ends_at - c.now)
                .await?;
            tx.commit().await?;
            return Ok(());
        }
        let to = if c.goal_reached { CampaignStatus::Succeeded } else { CampaignStatus::Failed };
        campaigns::set_closed(&mut tx, campaign, to).await?;
        pledges::freeze_totals(&mut tx, campaign).await?;
        // pledges still waiting for a card will never get one; a payment one of them may still
        // have open at Stripe is cancelled by a job (outside this transaction)
        for pledge in pledges::with_status(&mut tx, campaign, &[PledgeStatus::Pending]).await? {
            pledges::set_status(&mut tx, pledge, PledgeStatus::Dropped).await?;
            self.queue.enqueue(&mut tx, &Task::CancelOpenCharge { pledge_id: pledge }).await?;
        }
        if c.funding_model == FundingModel::AllOrNothing {
            if to == CampaignStatus::Succeeded {
                for pledge in pledges::with_status(&mut tx, campaign, &[PledgeStatus::Active]).await? {
                    self.notify(&mut tx, pledge, Notice::CampaignSucceeded).await?;
                }
            }
            self.queue.enqueue(&mut tx, &Task::Settle { campaign_id: campaign }).await?;
        }
        tx.commit().await?;
        tracing::info!(%campaign, status = to.as_str(), "campaign closed");
        Ok(())
    }

    /// The owner or an admin cancels a live campaign: totals freeze, collected money is refunded
    /// and saved cards are released by the settle job.
    pub async fn cancel_campaign(&self, campaign: CampaignId) -> Result<(), AppError> {
        let mut tx = self.pool.begin().await?;
        let status = campaigns::lock_status(&mut tx, campaign).await?;
        if status.transition(CampaignStatus::Cancelled).is_err() {
            return Err(AppError::CampaignClosed);
        }
        campaigns::set_closed(&mut tx, campaign, CampaignStatus::Cancelled).await?;
        pledges::freeze_totals(&mut tx, campaign).await?;
        self.queue.enqueue(&mut tx, &Task::Settle { campaign_id: campaign }).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The settle job: one run, then the next run queued as needed.
    pub async fn settle_and_continue(&self, campaign: CampaignId) -> Result<(), AppError> {
        let next = match self.settle_some(campaign, SETTLE_BATCH).await? {
            Settled::Done => return Ok(()),
            Settled::More => Duration::zero(),
            // the run holding the lock queues its own next run; this one checks back in case
            // that run dies before it can
            Settled::Busy => Duration::minutes(1),
            Settled::Blocked => Duration::minutes(5),
        };
        let mut db = self.pool.acquire().await?;
        self.queue.enqueue_after(&mut db, &Task::Settle { campaign_id: campaign }, next).await
    }

    /// One run of `SETTLE_BATCH` pledges; `true` while more wait (tests loop on it).
    pub async fn settle(&self, campaign: CampaignId) -> Result<bool, AppError> {
        Ok(self.settle_some(campaign, SETTLE_BATCH).await? == Settled::More)
    }

    /// One run over up to `limit` pledges, under the campaign's settle lock.
    pub async fn settle_some(&self, campaign: CampaignId, limit: i64) -> Result<Settled, AppError> {
        let mut lock = self.pool.begin().await?;
        let locked = sqlx::query_scalar!(
            r#"select pg_try_advisory_xact_lock($1, $2::int4) as "locked!""#,
            SETTLE_LOCK,
            i32::try_from(campaign.0).map_err(|_| AppError::internal_msg("campaign id out of the lock's range"))?
        )
        .fetch_one(&mut *lock)
        .await?;
        if !locked {
            return Ok(Settled::Busy);
        }
        let result = self.settle_batch(campaign, limit).await;
        // ending the transaction frees the lock (so would dropping it, or losing the connection)
        lock.rollback().await?;
        result
    }

    async fn settle_batch(&self, campaign: CampaignId, limit: i64) -> Result<Settled, AppError> {
        let status = campaigns::lock_status(&mut *self.pool.acquire().await?, campaign).await?;
        // (read only: outside a transaction the lock ends with the statement)
        let waiting: &[PledgeStatus] = match status {
            CampaignStatus::Succeeded | CampaignStatus::Failed => &[PledgeStatus::Active],
            CampaignStatus::Cancelled => {
                &[PledgeStatus::Pending, PledgeStatus::Active, PledgeStatus::Collected, PledgeStatus::PaymentFailed]
            }
            _ => return Ok(Settled::Done),
        };
        let batch = pledges::settle_batch(&mut *self.pool.acquire().await?, campaign, waiting, limit).await?;
        let mut failed = 0;
        for &pledge in &batch {
            let settled = match status {
                CampaignStatus::Succeeded => self.charge(pledge, true).await.map(drop),
                CampaignStatus::Failed => self.release_card(pledge, false).await,
                _ => self.refund_or_release(pledge).await,
            };
            if let Err(e) = settled {
                // this pledge waits for a later run; the others go on
                failed += 1;
                tracing::error!(%campaign, %pledge, error = %e, "could not settle a pledge; trying the others");
                pledges::note_settle_error(&mut *self.pool.acquire().await?, pledge).await?;
            }
        }
        let still = pledges::count_with_status(&mut *self.pool.acquire().await?, &batch, waiting).await?;
        Ok(if batch.is_empty() {
            Settled::Done
        } else if still == batch.len() as i64 || (failed > 0 && (batch.len() as i64) < limit) {
            Settled::Blocked
        } else if batch.len() as i64 == limit || still > 0 {
            Settled::More
        } else {
            Settled::Done
        })
    }

    /// Goal missed or campaign cancelled: the pledge is cancelled, its card forgotten, its backer
    /// told. A payment still open at Stripe is cancelled first.
    async fn release_card(&self, pledge: PledgeId, cancelled: bool) -> Result<(), AppError> {
        if self.cancel_open_charge(pledge).await? {
            // Stripe is still moving money on it: a later run comes back
            return Ok(());
        }
        let method = pledges::payment_method(&mut *self.pool.acquire().await?, pledge).await?;
        if let Some(method) = method {
            if let Err(e) = self.stripe.detach(&method).await {
                // the card stays saved at Stripe but is never charged: not worth blocking the run
                tracing::warn!(%pledge, error = %e, "could not detach the saved card");
            }
        }
        let mut tx = self.pool.begin().await?;
        if let Moved::Changed(_) = pledges::set_status(&mut tx, pledge, PledgeStatus::Cancelled).await? {
            let notice = if cancelled { Notice::CampaignCancelled { refunded: false } } else { Notice::CampaignFailed };
            self.notify(&mut tx, pledge, notice).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn refund_or_release(&self, pledge: PledgeId) -> Result<(), AppError> {
        let status = pledges::status_of(&mut *self.pool.acquire().await?, pledge).await?;
        if status == PledgeStatus::Collected {
            self.refund(pledge).await
        } else {
            self.release_card(pledge, true).await
        }
    }
}
