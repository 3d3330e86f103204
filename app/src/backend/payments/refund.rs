//! Refunds: a collected pledge's money goes back (the campaign was cancelled), every succeeded
//! charge of it, each once (key `…-pledge-42-refund-1` for charge attempt 1); and money taken
//! for a pledge that cannot keep it goes back on its own.

use super::notices::Notice;
use super::Payments;
use crate::backend::db::payments::{self as payment_rows, Payment};
use crate::backend::db::pledges::{self, Moved};
use crate::backend::stripe::Intent;
use crate::domain::{PaymentKind, PaymentStatus, PledgeId, PledgeStatus};
use crate::error::AppError;
use sqlx::PgConnection;

/// The error code noted on a charge refunded because its pledge could not keep it.
pub(super) const NOT_COLLECTABLE: &str = "refunded_not_collectable";

impl Payments<'_> {
    /// Refunds a collected pledge in full: every charge of it that succeeded.
    pub async fn refund(&self, pledge: PledgeId) -> Result<(), AppError> {
        let charges = {
            let mut db = self.pool.acquire().await?;
            payment_rows::of_pledge(&mut db, pledge, PaymentKind::Charge, &[PaymentStatus::Succeeded]).await?
        };
        if charges.iter().all(|c| c.stripe_object_id.is_none()) {
            // collected without a charge at Stripe (imported): nothing to send back there
            tracing::warn!(%pledge, "collected pledge without a Stripe charge marked refunded");
        }
        for charge in &charges {
            self.refund_one(charge).await?;
        }
        let mut tx = self.pool.begin().await?;
        pledges::lock(&mut tx, pledge).await?;
        self.mark_refunded(&mut tx, pledge).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Gives back a succeeded charge its pledge could not keep (a job queued when it was seen).
    pub async fn refund_charge(&self, payment_id: i64) -> Result<(), AppError> {
        let charge = payment_rows::lock(&mut *self.pool.acquire().await?, payment_id).await?;
        if charge.kind == PaymentKind::Charge && charge.status == PaymentStatus::Succeeded {
            self.refund_one(&charge).await?;
        }
        Ok(())
    }

    /// Refunds one succeeded charge in full, once: the refund is written down, then sent with
    /// its key; a rerun finds it done, or sends the same key again.
    async fn refund_one(&self, charge: &Payment) -> Result<(), AppError> {
        let Some(intent) = &charge.stripe_object_id else { return Ok(()) };
        let pledge = charge.pledge_id;
        let key = self.keys().refund(pledge, charge.attempt);
        let mut tx = self.pool.begin().await?;
        pledges::lock(&mut tx, pledge).await?;
        let id =
            payment_rows::insert(&mut tx, pledge, PaymentKind::Refund, charge.attempt, charge.amount, &key).await?;
        let refund = payment_rows::lock(&mut tx, id).await?;
        tx.commit().await?;
        if refund.status == PaymentStatus::Succeeded {
            return Ok(());
        }
        let created = self.stripe.refund(intent, &key).await?;
        let mut tx = self.pool.begin().await?;
        pledges::lock(&mut tx, pledge).await?;
        payment_rows::record_object(&mut tx, id, &created.id, None).await?;
        let refund = payment_rows::lock(&mut tx, id).await?;
        payment_rows::set_status(&mut tx, &refund, PaymentStatus::Succeeded, None).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The pledge's money went back (our refund, or `charge.refunded` from Stripe).
    pub async fn mark_refunded(&self, db: &mut PgConnection, pledge: PledgeId) -> Result<(), AppError> {
        if let Moved::Changed(_) = pledges::set_status(db, pledge, PledgeStatus::Refunded).await? {
            self.notify(db, pledge, Notice::Refunded).await?;
        }
        Ok(())
    }

    /// `charge.refunded`: the charge's PaymentIntent is applied first (events come in any
    /// order), then the refund, unless the refunded charge was one its pledge never kept.
    pub async fn apply_refunded_charge(&self, db: &mut PgConnection, intent: &Intent) -> Result<(), AppError> {
        self.apply_payment_intent_in(db, intent).await?;
        let Some(charge) = payment_rows::for_object(db, PaymentKind::Charge, &intent.id, None).await? else {
            return Ok(());
        };
        if payment_rows::error_code(db, charge.payment_id).await?.as_deref() == Some(NOT_COLLECTABLE) {
            return Ok(());
        }
        pledges::lock(db, charge.pledge_id).await?;
        self.mark_refunded(db, charge.pledge_id).await
    }
}
