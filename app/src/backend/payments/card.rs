//! Saving a card: the Stripe customer and SetupIntent of a pledge, what Stripe says became of
//! them, and the hold a pledge without a payment gives back.

use super::notices::Notice;
use super::Payments;
use crate::backend::db::payments::{self as payment_rows, StripeFailure};
use crate::backend::db::pledges::{self, Moved};
use crate::backend::jobs::Task;
use crate::backend::stripe::Intent;
use crate::domain::views::PayStep;
use crate::domain::{FundingModel, PaymentKind, PaymentStatus, PledgeId, PledgeStatus};
use crate::error::AppError;
use chrono::Duration;
use sqlx::PgConnection;

/// The pay page's step, from our records.
pub async fn pay_step(db: &mut PgConnection, pledge: PledgeId) -> Result<PayStep, AppError> {
    let status = pledges::status_of(db, pledge).await?;
    if !matches!(status, PledgeStatus::Pending | PledgeStatus::PaymentFailed) {
        return Ok(PayStep::Done);
    }
    if let Some(charge) = payment_rows::open_charge(db, pledge).await? {
        return Ok(match (charge.status, charge.client_secret) {
            (PaymentStatus::RequiresAction, Some(client_secret)) => PayStep::Authenticate { client_secret },
            _ => PayStep::Processing,
        });
    }
    let setup = payment_rows::latest(db, pledge, PaymentKind::Setup).await?;
    Ok(match setup {
        Some(s) if s.status.is_open() => match s.client_secret {
            Some(client_secret) => PayStep::SaveCard { client_secret },
            None => PayStep::Prepare,
        },
        _ => PayStep::Prepare,
    })
}

impl Payments<'_> {
    /// Brings a pledge up to date with Stripe and makes what its pay page needs: the open
    /// charge and the latest SetupIntent are re-read and applied (a saved card makes a pledge
    /// active, or charges a flexible one), then a SetupIntent is created if a card is still
    /// needed. Called on POSTs (pledge creation, the pay page's buttons, Stripe.js's return).
    pub async fn prepare(&self, pledge: PledgeId) -> Result<(), AppError> {
        self.sync(pledge).await?;
        let step = pay_step(&mut *self.pool.acquire().await?, pledge).await?;
        if step == PayStep::Prepare {
            self.new_setup_intent(pledge).await?;
        }
        Ok(())
    }

    /// Re-reads the pledge's open charge and latest SetupIntent at Stripe and applies them.
    pub async fn sync(&self, pledge: PledgeId) -> Result<(), AppError> {
        self.settle_open_charge(pledge).await?;
        let setup = payment_rows::latest(&mut *self.pool.acquire().await?, pledge, PaymentKind::Setup).await?;
        if let Some(id) = setup.and_then(|s| s.stripe_object_id) {
            let intent = self.stripe.setup_intent(&id).await?;
            self.apply_setup_intent(&intent).await?;
        }
        Ok(())
    }

    /// The pledge's Stripe customer, created once.
    async fn customer(&self, pledge: PledgeId) -> Result<String, AppError> {
        let mut db = self.pool.acquire().await?;
        let row = pledges::lock(&mut db, pledge).await?;
        if let Some(customer) = row.stripe_customer_id {
            return Ok(customer);
        }
        let email = pledges::backer_email(&mut db, pledge).await?;
        drop(db);
        let key = self.keys().customer(pledge);
        let customer = self.stripe.create_customer(&email, row.backer_id, &key).await?;
        pledges::set_customer(&mut *self.pool.acquire().await?, pledge, &customer).await?;
        Ok(customer)
    }

    /// A new SetupIntent for a pledge that needs a card.
    async fn new_setup_intent(&self, pledge: PledgeId) -> Result<(), AppError> {
        let customer = self.customer(pledge).await?;
        let mut tx = self.pool.begin().await?;
        pledges::lock(&mut tx, pledge).await?;
        let attempt = payment_rows::next_attempt(&mut tx, pledge, PaymentKind::Setup).await?;
        let key = self.keys().setup(pledge, attempt);
        let payment = payment_rows::insert(&mut tx, pledge, PaymentKind::Setup, attempt, None, &key).await?;
        tx.commit().await?;
        let intent = self.stripe.create_setup_intent(&customer, ("trame_pledge", pledge.0), &key).await?;
        let mut db = self.pool.acquire().await?;
        payment_rows::record_object(&mut db, payment, &intent.id, intent.client_secret.as_deref()).await?;
        Ok(())
    }

    /// Applies a SetupIntent as Stripe reports it (re-read, never the browser's word): a saved
    /// card makes an all-or-nothing pledge active; a flexible pledge is then charged.
    pub async fn apply_setup_intent(&self, intent: &Intent) -> Result<(), AppError> {
        let mut tx = self.pool.begin().await?;
        let charge_now = self.apply_setup_intent_in(&mut tx, intent).await?;
        tx.commit().await?;
        if let Some(pledge) = charge_now {
            self.charge(pledge, false).await?;
        }
        Ok(())
    }

    /// In the caller's transaction; returns a pledge to charge now (flexible, or a payment being
    /// recovered with a new card).
    pub async fn apply_setup_intent_in(
        &self,
        db: &mut PgConnection,
        intent: &Intent,
    ) -> Result<Option<PledgeId>, AppError> {
        let Some(found) = payment_rows::for_object(db, PaymentKind::Setup, &intent.id, None).await? else {
            tracing::info!(intent = %intent.id, "setup intent of no pledge of ours");
            return Ok(None);
        };
        let pledge = found.pledge_id;
        let row = pledges::lock(db, pledge).await?;
        let payment = payment_rows::lock(db, found.payment_id).await?;
        let failure = intent.error().map(|e| StripeFailure { code: e.code.clone(), message: e.message.clone() });
        let status = intent.payment_status();
        let moved = payment_rows::set_status(db, &payment, status, failure.as_ref()).await?;
        // a card saved before is applied once; a later re-read of the same intent does nothing
        if status != PaymentStatus::Succeeded || !moved {
            return Ok(None);
        }
        pledges::set_payment_method(db, pledge, intent.payment_method.as_deref()).await?;
        match (row.status, row.funding_model) {
            (PledgeStatus::Pending, FundingModel::AllOrNothing) => {
                if let Moved::Changed(_) = pledges::set_status(db, pledge, PledgeStatus::Active).await? {
                    self.notify(db, pledge, Notice::Confirmed).await?;
                }
                Ok(None)
            }
            (PledgeStatus::Pending, FundingModel::Flexible) | (PledgeStatus::PaymentFailed, _) => Ok(Some(pledge)),
            _ => Ok(None),
        }
    }

    /// A pending pledge whose hold passed without being paid for gives its unit back, whatever
    /// the funding model. Stripe is asked first: a card saved or a payment made at the last
    /// second wins; a payment waiting for the backer is cancelled; one Stripe is still working
    /// on is waited for.
    pub async fn release_hold(&self, pledge: PledgeId) -> Result<(), AppError> {
        let wait = {
            let mut db = self.pool.acquire().await?;
            pledges::hold_left(&mut db, pledge).await?
        };
        match wait {
            // no longer pending: nothing to release
            None => return Ok(()),
            Some(left) if left > Duration::zero() => {
                let mut db = self.pool.acquire().await?;
                return self.queue.enqueue_after(&mut db, &Task::ReleaseHold { pledge_id: pledge }, left).await;
            }
            Some(_) => {}
        }
        self.sync(pledge).await?;
        // a payment Stripe may still finish is cancelled (or, when it is already moving money,
        // waited for)
        if self.cancel_open_charge(pledge).await? {
            let mut db = self.pool.acquire().await?;
            return self
                .queue
                .enqueue_after(&mut db, &Task::ReleaseHold { pledge_id: pledge }, Duration::minutes(1))
                .await;
        }
        let mut tx = self.pool.begin().await?;
        if pledges::lock(&mut tx, pledge).await?.status == PledgeStatus::Pending {
            pledges::set_status(&mut tx, pledge, PledgeStatus::Dropped).await?;
        }
        tx.commit().await?;
        Ok(())
    }
}
