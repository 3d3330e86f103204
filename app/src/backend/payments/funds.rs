//! A match fund's money: its partner saves a card the way a backer does (a SetupIntent that
//! Stripe.js confirms in the browser, re-read here), and is charged for what the fund matched
//! on collected pledges: after an all-or-nothing campaign succeeded, as its pledges are charged
//! (nothing when it failed), or as a flexible campaign's pledges are collected. Each collected
//! pledge queues its funds' charge a few minutes later; a run charges all that is owed by then.
//!
//! A charge is written first (`match_fund_charge`, with its idempotency key), committed, then
//! sent: a run that dies is rerun and sends the same key, and the amount owed is what the
//! matches on collected pledges come to, less what succeeded before. Runs never overlap: one
//! open attempt per fund (a unique index), settled before a new one starts.

use super::Payments;
use crate::backend::db::funds::{self, CardTarget};
use crate::backend::jobs::Task;
use crate::backend::stripe::{Intent, PaymentError};
use crate::domain::{CampaignStatus, Currency, FundStatus, FundingModel, Money, UserId};
use crate::error::AppError;
use crate::i18n::Key;
use chrono::Duration;
use rust_decimal::Decimal;

/// How long after a pledge is collected its funds are charged: the pledges collected meanwhile
/// (a whole settle run, say) go in the same charge.
pub(super) fn fund_charge_delay() -> Duration {
    Duration::minutes(10)
}

/// What the fund's card page shows.
#[derive(Debug, Clone, PartialEq)]
pub enum FundCardStep {
    /// Stripe.js confirms this SetupIntent with the card typed in.
    SaveCard { client_secret: String },
    /// The card is saved.
    Saved,
}

impl Payments<'_> {
    /// The fund's card page: the open SetupIntent's secret, `Saved` when the card is saved and
    /// was not refused since, else a new SetupIntent (a first card, or one replacing a card a
    /// charge failed on). Only an accepted fund saves a card.
    pub async fn fund_card(&self, fund: i64, user: UserId) -> Result<FundCardStep, AppError> {
        let target = funds::card_target(&mut *self.pool.acquire().await?, fund, user).await?;
        if target.status != FundStatus::Accepted {
            return Err(AppError::invalid("fund", Key::FundNotAccepted));
        }
        if let Some(id) = &target.setup_intent {
            let intent = self.stripe.setup_intent(id).await?;
            if intent.succeeded() && !target.card_saved {
                self.save_fund_card(&target, &intent).await?;
                return Ok(FundCardStep::Saved);
            }
            let open = matches!(
                intent.status.as_str(),
                "requires_payment_method" | "requires_confirmation" | "requires_action"
            ) && intent.error().is_none();
            if open {
                if let Some(client_secret) = intent.client_secret {
                    return Ok(FundCardStep::SaveCard { client_secret });
                }
            }
        }
        if target.card_saved && !target.charge_failed {
            return Ok(FundCardStep::Saved);
        }
        // a first card, another one after a refused card, or one after a failed charge
        let customer = match &target.customer {
            Some(c) => c.clone(),
            None => self.stripe.create_customer(&target.email, target.user, &self.fund_key(fund, "customer")).await?,
        };
        let after = target.setup_intent.as_deref().unwrap_or("first");
        let key = self.fund_key(fund, &format!("setup-after-{after}"));
        let intent = self.stripe.create_setup_intent(&customer, ("trame_fund", fund), &key).await?;
        funds::set_setup(&mut *self.pool.acquire().await?, fund, &customer, &intent.id).await?;
        let client_secret =
            intent.client_secret.ok_or_else(|| AppError::internal_msg("a SetupIntent without secret"))?;
        Ok(FundCardStep::SaveCard { client_secret })
    }

    /// Stripe.js says the card was saved: Stripe is asked, never the browser's word.
    pub async fn fund_card_confirmed(&self, fund: i64, user: UserId) -> Result<bool, AppError> {
        let target = funds::card_target(&mut *self.pool.acquire().await?, fund, user).await?;
        let Some(id) = &target.setup_intent else { return Ok(target.card_saved) };
        let intent = self.stripe.setup_intent(id).await?;
        if !intent.succeeded() {
            return Ok(target.card_saved);
        }
        self.save_fund_card(&target, &intent).await?;
        Ok(true)
    }

    async fn save_fund_card(&self, target: &CardTarget, intent: &Intent) -> Result<(), AppError> {
        let method = intent.payment_method.as_deref().ok_or_else(|| AppError::internal_msg("no payment method"))?;
        let mut tx = self.pool.begin().await?;
        funds::set_card(&mut tx, target.fund, method).await?;
        // a charge the last card could not pay is tried again with this one
        self.queue.enqueue(&mut tx, &Task::ChargeFund { match_fund_id: target.fund }).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Charges the fund's partner what it owes (the job; safe to run twice).
    pub async fn charge_fund(&self, fund: i64) -> Result<(), AppError> {
        let mut tx = self.pool.begin().await?;
        let Some(f) = funds::lock_for_charge(&mut tx, fund).await? else { return Ok(()) };
        let chargeable = match f.funding_model {
            FundingModel::AllOrNothing => f.campaign_status == CampaignStatus::Succeeded,
            FundingModel::Flexible => true,
        };
        let (Some(customer), Some(method), true) = (f.customer.clone(), f.payment_method.clone(), chargeable) else {
            return Ok(());
        };
        let charge = match funds::open_charge(&mut tx, fund).await? {
            Some(open) => open,
            None => {
                let owed = funds::owed(&mut tx, fund).await?;
                if owed <= Decimal::ZERO {
                    return Ok(());
                }
                let attempt = funds::next_charge_attempt(&mut tx, fund).await?;
                let key = self.fund_key(fund, &format!("charge-{attempt}"));
                funds::insert_charge(&mut tx, fund, attempt, owed, &f.currency, &key).await?
            }
        };
        tx.commit().await?;
        let intent = match &charge.payment_intent {
            // sent before: Stripe says what became of it
            Some(id) => self.stripe.payment_intent(id).await,
            None => {
                let currency = Currency::parse(&f.currency).map_err(|_| AppError::internal_msg("fund currency"))?;
                let amount = Money::new(charge.amount, currency);
                self.stripe
                    .charge(&customer, &method, amount, true, ("trame_fund_charge", charge.id), &charge.key)
                    .await
            }
        };
        let mut db = self.pool.acquire().await?;
        match intent {
            Ok(intent) if intent.succeeded() => {
                funds::finish_charge(&mut db, charge.id, "succeeded", Some(&intent.id), None).await
            }
            Ok(intent) if matches!(intent.status.as_str(), "processing" | "requires_capture") => {
                funds::finish_charge(&mut db, charge.id, "processing", Some(&intent.id), None).await?;
                self.queue.enqueue_after(&mut db, &Task::ChargeFund { match_fund_id: fund }, Duration::minutes(5)).await
            }
            Ok(intent) => {
                let message = intent.error().and_then(|e| e.message.clone()).unwrap_or_else(|| intent.status.clone());
                funds::finish_charge(&mut db, charge.id, "failed", Some(&intent.id), Some(&message)).await
            }
            Err(PaymentError::Card { message, intent, .. }) => {
                let id = intent.map(|(id, _)| id);
                funds::finish_charge(&mut db, charge.id, "failed", id.as_deref(), Some(&message)).await
            }
            // Stripe refused the request itself (a card or customer it does not know)
            Err(PaymentError::Refused(message)) => {
                funds::finish_charge(&mut db, charge.id, "failed", None, Some(&message)).await
            }
            // Stripe did not answer: the job runs again and sends the same key
            Err(e) => Err(e.into()),
        }
    }

    fn fund_key(&self, fund: i64, what: &str) -> String {
        format!("{}-fund-{fund}-{what}", self.settings.deployment_id)
    }
}
