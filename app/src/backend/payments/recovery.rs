//! Payment recovery: after a failed charge the backer gets reminders with a pay link, then a
//! last automatic try; a pledge still unpaid at its due date is dropped.

use super::notices::Notice;
use super::{Payments, REMINDER_HOURS};
use crate::backend::db::pledges::{self, Moved};
use crate::backend::jobs::Task;
use crate::domain::{PledgeId, PledgeStatus};
use crate::error::AppError;
use chrono::{Duration, Utc};

/// Reminders before the last try.
const REMINDERS: i32 = 3;

impl Payments<'_> {
    /// Step 1..=3: a reminder, 48 h apart; step 4 (the due date): a last off-session try, then
    /// the pledge is dropped.
    pub async fn recover(&self, pledge: PledgeId, step: i32) -> Result<(), AppError> {
        let mut tx = self.pool.begin().await?;
        let row = pledges::lock(&mut tx, pledge).await?;
        if row.status != PledgeStatus::PaymentFailed {
            return Ok(());
        }
        let due = pledges::payment_due(&mut tx, pledge).await?.unwrap_or_else(Utc::now);
        if step <= REMINDERS {
            self.notify(&mut tx, pledge, Notice::Reminder { step, due }).await?;
            pledges::set_reminders_sent(&mut tx, pledge, step).await?;
            let next = if step < REMINDERS {
                Duration::hours(REMINDER_HOURS)
            } else {
                (due - Utc::now()).max(Duration::zero())
            };
            self.queue.enqueue_after(&mut tx, &Task::Recover { pledge_id: pledge, step: step + 1 }, next).await?;
            tx.commit().await?;
            return Ok(());
        }
        tx.commit().await?;
        // the final automatic retry (it replaces a charge still waiting for 3-D Secure)
        if self.charge(pledge, true).await? == PledgeStatus::Collected {
            return Ok(());
        }
        // nothing may still take money once the pledge is dropped
        if self.cancel_open_charge(pledge).await? {
            let mut db = self.pool.acquire().await?;
            let again = Task::Recover { pledge_id: pledge, step };
            return self.queue.enqueue_after(&mut db, &again, Duration::minutes(10)).await;
        }
        let mut tx = self.pool.begin().await?;
        if let Moved::Changed(_) = pledges::set_status(&mut tx, pledge, PledgeStatus::Dropped).await? {
            self.notify(&mut tx, pledge, Notice::Dropped).await?;
        }
        tx.commit().await?;
        Ok(())
    }
}
