//! Charging a saved card, and applying what Stripe says became of a charge.
//!
//! A charge Stripe may still move money on (written down but unanswered, processing, waiting
//! for 3-D Secure) blocks any new attempt: it is re-read first, and one waiting for the backer
//! is cancelled at Stripe before another attempt replaces it. Every result is checked against
//! the amount and currency we asked for; money taken for a pledge that cannot be collected
//! (cancelled, dropped, already paid, or charged the wrong amount) is refunded automatically.

use super::notices::Notice;
use super::{Payments, RECOVERY_DAYS, REMINDER_HOURS};
use crate::backend::db::payments::{self as payment_rows, Payment, StripeFailure};
use crate::backend::db::pledges::{self, Moved};
use crate::backend::jobs::Task;
use crate::backend::stripe::{Intent, PaymentError};
use crate::domain::{FundingModel, PaymentKind, PaymentStatus, PledgeId, PledgeStatus};
use crate::error::AppError;
use chrono::Duration;
use sqlx::PgConnection;

impl Payments<'_> {
    /// Charges a pledge's saved card once: off-session in the charge run and the final retry,
    /// on-session when the backer saved a new card. Returns the pledge's status afterwards. A
    /// Stripe outage is an error (the job retries with the same key); a refused card is a result.
    pub async fn charge(&self, pledge: PledgeId, off_session: bool) -> Result<PledgeStatus, AppError> {
        // an open charge comes first: it may have succeeded, and one waiting for the backer is
        // superseded by this attempt
        if let Some(open) = self.settle_open_charge(pledge).await? {
            if open.stripe_object_id.is_some() && open.status != PaymentStatus::Processing {
                self.cancel_at_stripe(&open).await?;
            }
        }
        let mut tx = self.pool.begin().await?;
        let row = pledges::lock(&mut tx, pledge).await?;
        let chargeable = match row.status {
            PledgeStatus::Active | PledgeStatus::PaymentFailed => true,
            PledgeStatus::Pending => row.funding_model == FundingModel::Flexible,
            _ => false,
        };
        if !chargeable {
            return Ok(row.status);
        }
        let (Some(customer), Some(method)) = (row.stripe_customer_id.clone(), row.stripe_payment_method_id.clone())
        else {
            // no saved card to charge (a pledge imported without one): the backer pays on the pay page
            let status = if off_session { self.charge_failed(&mut tx, pledge).await? } else { row.status };
            tx.commit().await?;
            return Ok(status);
        };
        let (payment_id, key, amount) = match payment_rows::open_charge(&mut tx, pledge).await? {
            // written down, never answered: sent again with its key and its amount (Stripe
            // returns the first result if it was sent)
            Some(p) if p.stripe_object_id.is_none() => {
                let amount = p.amount.ok_or_else(|| AppError::internal_msg("charge row without an amount"))?;
                (p.payment_id, p.idempotency_key, amount)
            }
            // still open at Stripe (processing, or it could not be cancelled): wait for it
            Some(_) => return Ok(row.status),
            None => {
                let paid = payment_rows::of_pledge(&mut tx, pledge, PaymentKind::Charge, &[PaymentStatus::Succeeded]);
                if !paid.await?.is_empty() {
                    return Ok(row.status);
                }
                let attempt = payment_rows::next_attempt(&mut tx, pledge, PaymentKind::Charge).await?;
                let key = self.keys().charge(pledge, attempt);
                let amount = pledges::total_of(&row)?;
                let id =
                    payment_rows::insert(&mut tx, pledge, PaymentKind::Charge, attempt, Some(amount), &key).await?;
                (id, key, amount)
            }
        };
        tx.commit().await?;
        match self.stripe.charge(&customer, &method, amount, off_session, ("trame_payment", payment_id), &key).await {
            Ok(intent) => {
                let mut tx = self.pool.begin().await?;
                payment_rows::record_object(&mut tx, payment_id, &intent.id, intent.client_secret.as_deref()).await?;
                self.apply_payment_intent_in(&mut tx, &intent).await?;
                let status = pledges::lock(&mut tx, pledge).await?.status;
                tx.commit().await?;
                Ok(status)
            }
            Err(PaymentError::Card { code, message, intent }) => {
                let mut tx = self.pool.begin().await?;
                pledges::lock(&mut tx, pledge).await?;
                // real Stripe answers an off-session charge that needs 3-D Secure with a 402 and
                // the intent: the backer can authenticate it on the pay page
                let needs_backer = code == "authentication_required" && intent.is_some();
                if let Some((id, secret)) = &intent {
                    payment_rows::record_object(&mut tx, payment_id, id, secret.as_deref()).await?;
                }
                let payment = payment_rows::lock(&mut tx, payment_id).await?;
                let to = if needs_backer { PaymentStatus::RequiresAction } else { PaymentStatus::Failed };
                let failure = StripeFailure { code: Some(code), message: Some(message) };
                payment_rows::set_status(&mut tx, &payment, to, Some(&failure)).await?;
                let status = self.charge_failed(&mut tx, pledge).await?;
                tx.commit().await?;
                Ok(status)
            }
            Err(e) => Err(e.into()),
        }
    }

    /// Applies a PaymentIntent as Stripe reports it (webhook, re-read).
    pub async fn apply_payment_intent(&self, intent: &Intent) -> Result<(), AppError> {
        let mut tx = self.pool.begin().await?;
        self.apply_payment_intent_in(&mut tx, intent).await?;
        tx.commit().await?;
        Ok(())
    }

    /// In the caller's transaction. Finds our payment by the intent's id, or by the payment id we
    /// put in its metadata.
    pub async fn apply_payment_intent_in(&self, db: &mut PgConnection, intent: &Intent) -> Result<(), AppError> {
        let by_metadata = intent.metadata.get("trame_payment").and_then(|v| v.parse::<i64>().ok());
        let Some(found) = payment_rows::for_object(db, PaymentKind::Charge, &intent.id, by_metadata).await? else {
            tracing::info!(intent = %intent.id, "payment intent of no payment of ours");
            return Ok(());
        };
        let pledge = found.pledge_id;
        let row = pledges::lock(db, pledge).await?;
        let payment = payment_rows::lock(db, found.payment_id).await?;
        if payment.stripe_object_id.is_none() {
            payment_rows::record_object(db, payment.payment_id, &intent.id, intent.client_secret.as_deref()).await?;
        }
        let status = intent.payment_status();
        let failure = intent.error().map(|e| StripeFailure { code: e.code.clone(), message: e.message.clone() });
        if !payment_rows::set_status(db, &payment, status, failure.as_ref()).await? {
            // already applied, or a late event about a final payment
            return Ok(());
        }
        match status {
            PaymentStatus::Succeeded => {
                let asked = payment.amount;
                let collectable = intent.money() == asked
                    && asked == Some(pledges::total_of(&row)?)
                    && row.status.can_become(PledgeStatus::Collected);
                if !collectable {
                    return self.refund_unwanted(db, &payment, intent, row.status).await;
                }
                if let Moved::Changed(from) = pledges::set_status(db, pledge, PledgeStatus::Collected).await? {
                    if from == PledgeStatus::Pending {
                        self.notify(db, pledge, Notice::Confirmed).await?;
                    }
                    self.notify(db, pledge, Notice::Receipt).await?;
                    // its match is owed by its funds: charged a little later, together with the
                    // other pledges collected meanwhile
                    for fund in crate::backend::db::funds::of_pledge(db, pledge).await? {
                        let task = Task::ChargeFund { match_fund_id: fund };
                        self.queue.enqueue_after(db, &task, super::funds::fund_charge_delay()).await?;
                    }
                }
            }
            PaymentStatus::RequiresAction | PaymentStatus::Failed => {
                self.charge_failed(db, pledge).await?;
            }
            _ => {}
        }
        Ok(())
    }

    /// Money Stripe took that the pledge cannot keep: recorded on the payment and refunded by a
    /// job (after this transaction commits). A pledge still owing its money starts recovery.
    async fn refund_unwanted(
        &self,
        db: &mut PgConnection,
        payment: &Payment,
        intent: &Intent,
        pledge_status: PledgeStatus,
    ) -> Result<(), AppError> {
        tracing::error!(
            payment = payment.payment_id,
            pledge = %payment.pledge_id,
            intent = %intent.id,
            asked = ?payment.amount,
            taken = ?intent.money(),
            status = %pledge_status,
            "a charge succeeded that its pledge cannot keep: refunding it"
        );
        payment_rows::note_error(db, payment.payment_id, super::refund::NOT_COLLECTABLE).await?;
        self.queue.enqueue(db, &Task::RefundCharge { payment_id: payment.payment_id }).await?;
        if matches!(pledge_status, PledgeStatus::Active | PledgeStatus::PaymentFailed) {
            self.charge_failed(db, payment.pledge_id).await?;
        }
        Ok(())
    }

    /// A charge was refused or needs the backer. An active pledge (the charge run) starts payment
    /// recovery; others keep their status (the backer is on the pay page and sees the message).
    pub(super) async fn charge_failed(
        &self,
        db: &mut PgConnection,
        pledge: PledgeId,
    ) -> Result<PledgeStatus, AppError> {
        if let Moved::Changed(_) = pledges::set_status(db, pledge, PledgeStatus::PaymentFailed).await? {
            let due = pledges::start_recovery(db, pledge, RECOVERY_DAYS).await?;
            self.notify(db, pledge, Notice::PaymentFailed { due }).await?;
            let task = Task::Recover { pledge_id: pledge, step: 1 };
            self.queue.enqueue_after(db, &task, Duration::hours(REMINDER_HOURS)).await?;
        }
        Ok(pledges::lock(db, pledge).await?.status)
    }

    /// Re-reads the pledge's open charge at Stripe and applies it; returns it if it is still open.
    pub(super) async fn settle_open_charge(&self, pledge: PledgeId) -> Result<Option<Payment>, AppError> {
        let open = payment_rows::open_charge(&mut *self.pool.acquire().await?, pledge).await?;
        let Some(id) = open.as_ref().and_then(|p| p.stripe_object_id.clone()) else {
            return Ok(open);
        };
        let intent = self.stripe.payment_intent(&id).await?;
        self.apply_payment_intent(&intent).await?;
        payment_rows::open_charge(&mut *self.pool.acquire().await?, pledge).await
    }

    /// Cancels an open charge at Stripe; if Stripe refuses (it succeeded or is processing
    /// meanwhile), what it reports is applied instead.
    async fn cancel_at_stripe(&self, open: &Payment) -> Result<(), AppError> {
        let Some(id) = &open.stripe_object_id else { return Ok(()) };
        let intent = match self.stripe.cancel_payment_intent(id).await {
            Ok(intent) => intent,
            Err(PaymentError::Card { .. } | PaymentError::Refused(_)) => self.stripe.payment_intent(id).await?,
            Err(e) => return Err(e.into()),
        };
        self.apply_payment_intent(&intent).await
    }

    /// Ends the pledge's open charge before the pledge ends: cancelled at Stripe, or, if never
    /// answered, given up here (should it succeed after all, the money is refunded). Returns
    /// `true` while Stripe is still moving money on it (processing): the caller waits.
    pub(super) async fn cancel_open_charge(&self, pledge: PledgeId) -> Result<bool, AppError> {
        let Some(open) = self.settle_open_charge(pledge).await? else { return Ok(false) };
        match (&open.stripe_object_id, open.status) {
            (_, PaymentStatus::Processing) => return Ok(true),
            (Some(_), _) => self.cancel_at_stripe(&open).await?,
            (None, _) => {
                let mut tx = self.pool.begin().await?;
                pledges::lock(&mut tx, pledge).await?;
                let payment = payment_rows::lock(&mut tx, open.payment_id).await?;
                let failure = StripeFailure { code: Some("abandoned".into()), message: None };
                payment_rows::set_status(&mut tx, &payment, PaymentStatus::Cancelled, Some(&failure)).await?;
                tx.commit().await?;
            }
        }
        let still = payment_rows::open_charge(&mut *self.pool.acquire().await?, pledge).await?;
        Ok(still.is_some_and(|p| p.status == PaymentStatus::Processing))
    }

    /// The job after a pledge ended: its open payment is cancelled at Stripe, or looked at again
    /// in a minute while Stripe is still moving money on it.
    pub async fn end_open_charge(&self, pledge: PledgeId) -> Result<(), AppError> {
        if self.cancel_open_charge(pledge).await? {
            let mut db = self.pool.acquire().await?;
            let again = Task::CancelOpenCharge { pledge_id: pledge };
            self.queue.enqueue_after(&mut db, &again, Duration::minutes(1)).await?;
        }
        Ok(())
    }
}
