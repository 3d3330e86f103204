//! Money at work: saving cards, charging them, recovering failed payments, closing campaigns,
//! refunding. Stripe is called outside our transactions; what it answers is applied inside one,
//! by the same functions whether the answer came back from a call, a webhook or a re-read.
//!
//! Exactly-once charging: a charge is first written as a `payment` row with an idempotency key
//! made of our ids (`pledge-42-charge-1`), committed, then sent to Stripe with that key. A run that
//! dies anywhere is rerun: a row Stripe never answered is sent again with the same key (Stripe
//! returns the first result), and a pledge whose charge is recorded is never charged again.

use super::db::pledges::{self, Moved};
use super::email::{self, EmailTemplate};
use super::jobs::{Jobs, Task};
use super::stripe::{Intent, PaymentError, Stripe};
use crate::domain::{CampaignStatus, FundingModel, Locale, Money, PledgeStatus};
use crate::error::AppError;
use crate::i18n::I18n;
use chrono::{DateTime, Duration, Utc};
use sqlx::{PgConnection, PgPool};

/// Days a backer has to pay after a failed charge before the pledge is dropped.
pub const RECOVERY_DAYS: i64 = 7;
/// Hours between payment reminders.
pub const REMINDER_HOURS: i64 = 48;
/// Pledges charged (or settled) by one run of the settle job before it queues the next run.
pub const SETTLE_BATCH: i64 = 25;

/// What the payment code needs.
#[derive(Clone, Copy)]
pub struct Payments<'a> {
    pub pool: &'a PgPool,
    pub stripe: &'a Stripe,
    pub jobs: &'a Jobs,
    pub public_url: &'a str,
}

impl From<PaymentError> for AppError {
    fn from(e: PaymentError) -> AppError {
        AppError::internal("stripe", &e)
    }
}

/// What the backer's browser should do next for a pledge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Next {
    /// Enter a card: `confirmCardSetup` with this SetupIntent secret.
    SaveCard { client_secret: String },
    /// Authenticate a payment (3-D Secure): `confirmCardPayment` with this PaymentIntent secret.
    Authenticate { client_secret: String },
    /// Nothing: the pledge is active, collected, or over.
    Done,
}

/// The backer of a pledge, for emails.
struct Backer {
    email: String,
    name: String,
    locale: Locale,
}

async fn backer_of(db: &mut PgConnection, pledge: i64) -> Result<Backer, AppError> {
    let r = sqlx::query!(
        "select u.email, u.display_name, u.locale from pledge p join app_user u on u.user_id = p.backer_id
         where p.pledge_id = $1",
        pledge
    )
    .fetch_one(&mut *db)
    .await?;
    Ok(Backer { email: r.email, name: r.display_name, locale: Locale::from_tag(&r.locale).unwrap_or_default() })
}

/// A pledge as its emails describe it.
struct PledgeFacts {
    campaign: String,
    slug: String,
    reward: String,
    total: Money,
    ends_at: DateTime<Utc>,
    funding_model: FundingModel,
}

async fn facts(db: &mut PgConnection, pledge: i64) -> Result<PledgeFacts, AppError> {
    let r = sqlx::query!(
        r#"select c.title, c.slug, c.ends_at as "ends_at: DateTime<Utc>", c.funding_model, p.total_amount, p.currency,
                  p.quantity, t.title as "reward?"
           from pledge p join campaign c using (campaign_id) left join reward_tier t using (reward_tier_id)
           where p.pledge_id = $1"#,
        pledge
    )
    .fetch_one(&mut *db)
    .await?;
    let reward = match r.reward {
        Some(title) if r.quantity > 1 => format!("{} × {title}", r.quantity),
        Some(title) => title,
        None => String::new(),
    };
    Ok(PledgeFacts {
        campaign: r.title,
        slug: r.slug,
        reward,
        total: super::db::money(r.total_amount, &r.currency)?,
        ends_at: r.ends_at,
        funding_model: super::db::stored(FundingModel::parse(&r.funding_model))?,
    })
}

impl<'a> Payments<'a> {
    fn link(&self, path: &str) -> String {
        format!("{}{path}", self.public_url.trim_end_matches('/'))
    }

    async fn email(
        &self,
        db: &mut PgConnection,
        pledge: i64,
        dedupe: &str,
        build: impl FnOnce(&Backer, &PledgeFacts, I18n) -> EmailTemplate,
    ) -> Result<(), AppError> {
        let backer = backer_of(db, pledge).await?;
        let facts = facts(db, pledge).await?;
        let template = build(&backer, &facts, I18n { locale: backer.locale });
        email::enqueue(db, self.jobs, &backer.email, backer.locale, &template, Some(dedupe)).await
    }

    async fn email_confirmed(&self, db: &mut PgConnection, pledge: i64) -> Result<(), AppError> {
        let link = self.link("/me/pledges");
        self.email(db, pledge, &format!("pledge-{pledge}-confirmed"), |b, f, i18n| EmailTemplate::PledgeConfirmed {
            name: b.name.clone(),
            campaign: f.campaign.clone(),
            amount: i18n.money(f.total),
            reward: f.reward.clone(),
            all_or_nothing: f.funding_model == FundingModel::AllOrNothing,
            when: i18n.date_time(if f.funding_model == FundingModel::AllOrNothing { f.ends_at } else { Utc::now() }),
            link,
        })
        .await
    }

    async fn email_receipt(&self, db: &mut PgConnection, pledge: i64) -> Result<(), AppError> {
        let link = self.link(&format!("/pledges/{pledge}/receipt"));
        self.email(db, pledge, &format!("pledge-{pledge}-receipt"), |b, f, i18n| EmailTemplate::PaymentReceipt {
            name: b.name.clone(),
            campaign: f.campaign.clone(),
            amount: i18n.money(f.total),
            date: i18n.date_time(Utc::now()),
            reference: crate::domain::PledgeId(pledge).receipt_reference(),
            link,
        })
        .await
    }

    // ----- saving a card -------------------------------------------------------------------

    /// What the pay page of a pledge needs: a SetupIntent to save a card, or a PaymentIntent to
    /// authenticate. Creates the Stripe customer and intent on first use.
    pub async fn next_step(&self, pledge: i64) -> Result<Next, AppError> {
        let mut db = self.pool.acquire().await?;
        let row = pledges::lock(&mut db, pledge).await?;
        if !matches!(row.status, PledgeStatus::Pending | PledgeStatus::PaymentFailed) {
            return Ok(Next::Done);
        }
        // a payment waiting for its 3-D Secure step comes first
        let waiting = sqlx::query!(
            "select stripe_object_id, client_secret from payment
             where pledge_id = $1 and kind = 'charge' and status = 'requires_action' and client_secret is not null
             order by attempt desc limit 1",
            pledge
        )
        .fetch_optional(&mut *db)
        .await?;
        drop(db);
        if let Some(w) = waiting {
            if let Some(id) = &w.stripe_object_id {
                let intent = self.stripe.payment_intent(id).await?;
                if intent.requires_action() {
                    return Ok(Next::Authenticate { client_secret: w.client_secret.unwrap_or_default() });
                }
                self.apply_payment_intent(&intent).await?;
            }
        }
        self.setup_intent(pledge).await
    }

    async fn customer(&self, pledge: i64) -> Result<String, AppError> {
        let mut db = self.pool.acquire().await?;
        let row = pledges::lock(&mut db, pledge).await?;
        if let Some(customer) = row.stripe_customer_id {
            return Ok(customer);
        }
        let backer = backer_of(&mut db, pledge).await?;
        drop(db);
        let customer =
            self.stripe.create_customer(&backer.email, row.backer_id, &format!("pledge-{pledge}-customer")).await?;
        sqlx::query!(
            "update pledge set stripe_customer_id = coalesce(stripe_customer_id, $2) where pledge_id = $1",
            pledge,
            customer
        )
        .execute(self.pool)
        .await?;
        Ok(customer)
    }

    /// The pledge's open SetupIntent, or a new one when the last attempt ended.
    async fn setup_intent(&self, pledge: i64) -> Result<Next, AppError> {
        let customer = self.customer(pledge).await?;
        let last = sqlx::query!(
            "select attempt, stripe_object_id from payment where pledge_id = $1 and kind = 'setup'
             order by attempt desc limit 1",
            pledge
        )
        .fetch_optional(self.pool)
        .await?;
        let attempt = match &last {
            Some(last) => {
                if let Some(id) = &last.stripe_object_id {
                    let intent = self.stripe.setup_intent(id).await?;
                    if intent.succeeded() {
                        let method = sqlx::query_scalar!(
                            "select stripe_payment_method_id from pledge where pledge_id = $1",
                            pledge
                        )
                        .fetch_one(self.pool)
                        .await?;
                        let last_charge = sqlx::query_scalar!(
                            "select status from payment where pledge_id = $1 and kind = 'charge'
                             order by attempt desc limit 1",
                            pledge
                        )
                        .fetch_optional(self.pool)
                        .await?;
                        // a card whose charge failed needs a new one; any other saved card is
                        // applied (which may charge it) and the next step is looked at again
                        let refused = method == intent.payment_method && last_charge.as_deref() == Some("failed");
                        if !refused {
                            self.apply_setup_intent(&intent).await?;
                            return Box::pin(self.next_step(pledge)).await;
                        }
                    }
                    if matches!(
                        intent.status.as_str(),
                        "requires_payment_method" | "requires_action" | "requires_confirmation"
                    ) && intent.last_setup_error.is_none()
                    {
                        return Ok(Next::SaveCard { client_secret: intent.client_secret.unwrap_or_default() });
                    }
                }
                last.attempt + 1
            }
            None => 1,
        };
        let key = format!("pledge-{pledge}-setup-{attempt}");
        let intent = self.stripe.create_setup_intent(&customer, pledge, &key).await?;
        sqlx::query!(
            "insert into payment (pledge_id, kind, attempt, idempotency_key, stripe_object_id)
             values ($1, 'setup', $2, $3, $4)
             on conflict (idempotency_key) do nothing",
            pledge,
            attempt,
            key,
            intent.id
        )
        .execute(self.pool)
        .await?;
        Ok(Next::SaveCard { client_secret: intent.client_secret.unwrap_or_default() })
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
    pub async fn apply_setup_intent_in(&self, db: &mut PgConnection, intent: &Intent) -> Result<Option<i64>, AppError> {
        let Some(payment) = sqlx::query!(
            "select payment_id, pledge_id, status from payment where stripe_object_id = $1 and kind = 'setup' for update",
            intent.id
        )
        .fetch_optional(&mut *db)
        .await?
        else {
            tracing::info!(intent = %intent.id, "setup intent of no pledge of ours");
            return Ok(None);
        };
        let status = intent.payment_status();
        let error = intent.error();
        sqlx::query!(
            "update payment set status = $2, error_code = $3, error_message = $4, updated_at = now() where payment_id = $1",
            payment.payment_id,
            status,
            error.and_then(|e| e.code.clone()),
            error.and_then(|e| e.message.clone())
        )
        .execute(&mut *db)
        .await?;
        if !intent.succeeded() {
            return Ok(None);
        }
        let pledge = payment.pledge_id;
        sqlx::query!(
            "update pledge set stripe_payment_method_id = $2, updated_at = now() where pledge_id = $1",
            pledge,
            intent.payment_method
        )
        .execute(&mut *db)
        .await?;
        let row = pledges::lock(db, pledge).await?;
        match (row.status, row.funding_model) {
            (PledgeStatus::Pending, FundingModel::AllOrNothing) => {
                if let Moved::Changed(_) = pledges::set_status(db, pledge, PledgeStatus::Active).await? {
                    self.email_confirmed(db, pledge).await?;
                }
                Ok(None)
            }
            (PledgeStatus::Pending, FundingModel::Flexible) | (PledgeStatus::PaymentFailed, _) => Ok(Some(pledge)),
            _ => Ok(None),
        }
    }

    // ----- charging ------------------------------------------------------------------------

    /// Charges a pledge's saved card once: off-session in the charge run and the final retry,
    /// on-session from the pay page. Returns the pledge's status afterwards. A Stripe outage is an
    /// error (the job retries with the same key); a refused card is a result.
    pub async fn charge(&self, pledge: i64, off_session: bool) -> Result<PledgeStatus, AppError> {
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
        let amount = pledges::total_of(&row)?;
        // a charge Stripe has not answered yet is sent again with its key; otherwise a new attempt
        let unanswered = sqlx::query!(
            "select payment_id, idempotency_key from payment
             where pledge_id = $1 and kind = 'charge' and status = 'pending' and stripe_object_id is null
             order by attempt desc limit 1",
            pledge
        )
        .fetch_optional(&mut *tx)
        .await?;
        let (payment_id, key) = match unanswered {
            Some(p) => (p.payment_id, p.idempotency_key),
            None => {
                if sqlx::query_scalar!(
                    "select 1 from payment where pledge_id = $1 and kind = 'charge' and status in ('succeeded', 'requires_action')",
                    pledge
                )
                .fetch_optional(&mut *tx)
                .await?
                .is_some()
                    && row.status != PledgeStatus::PaymentFailed
                {
                    return Ok(row.status);
                }
                let attempt = sqlx::query_scalar!(
                    r#"select coalesce(max(attempt), 0) + 1 as "n!" from payment where pledge_id = $1 and kind = 'charge'"#,
                    pledge
                )
                .fetch_one(&mut *tx)
                .await?;
                let key = format!("pledge-{pledge}-charge-{attempt}");
                let id = sqlx::query_scalar!(
                    "insert into payment (pledge_id, kind, attempt, amount, currency, idempotency_key)
                     values ($1, 'charge', $2, $3, $4, $5) returning payment_id",
                    pledge,
                    attempt,
                    row.total_amount,
                    row.currency,
                    key
                )
                .fetch_one(&mut *tx)
                .await?;
                (id, key)
            }
        };
        tx.commit().await?;
        match self.stripe.charge(&customer, &method, amount, off_session, payment_id, &key).await {
            Ok(intent) => {
                let mut tx = self.pool.begin().await?;
                self.record_intent(&mut tx, payment_id, &intent).await?;
                self.apply_payment_intent_in(&mut tx, &intent).await?;
                let status = pledges::lock(&mut tx, pledge).await?.status;
                tx.commit().await?;
                Ok(status)
            }
            Err(PaymentError::Card { code, message, intent }) => {
                let mut tx = self.pool.begin().await?;
                // real Stripe answers an off-session charge that needs 3-D Secure with a 402 and
                // the intent: the backer can authenticate it on the pay page
                let status =
                    if code == "authentication_required" && intent.is_some() { "requires_action" } else { "failed" };
                let (intent_id, secret) = intent.unzip();
                sqlx::query!(
                    "update payment set status = $4, error_code = $2, error_message = $3,
                            stripe_object_id = coalesce(stripe_object_id, $5),
                            client_secret = coalesce(client_secret, $6), updated_at = now()
                     where payment_id = $1 and status = 'pending'",
                    payment_id,
                    code,
                    message,
                    status,
                    intent_id,
                    secret.flatten()
                )
                .execute(&mut *tx)
                .await?;
                let status = self.charge_failed(&mut tx, pledge).await?;
                tx.commit().await?;
                Ok(status)
            }
            Err(e) => Err(e.into()),
        }
    }

    /// Ties a payment row to the intent Stripe created for it.
    async fn record_intent(&self, db: &mut PgConnection, payment_id: i64, intent: &Intent) -> Result<(), AppError> {
        sqlx::query!(
            "update payment set stripe_object_id = coalesce(stripe_object_id, $2),
                    client_secret = coalesce(client_secret, $3), updated_at = now()
             where payment_id = $1",
            payment_id,
            intent.id,
            intent.client_secret
        )
        .execute(&mut *db)
        .await?;
        Ok(())
    }

    /// Applies a PaymentIntent as Stripe reports it (webhook, re-read).
    pub async fn apply_payment_intent(&self, intent: &Intent) -> Result<(), AppError> {
        let mut tx = self.pool.begin().await?;
        self.apply_payment_intent_in(&mut tx, intent).await?;
        tx.commit().await?;
        Ok(())
    }

    /// In the caller's transaction. Finds our payment by the intent's id, or by the payment id we
    /// put in its metadata (a webhook can arrive before the call that created it returns).
    pub async fn apply_payment_intent_in(&self, db: &mut PgConnection, intent: &Intent) -> Result<(), AppError> {
        let by_metadata = intent.metadata.get("trame_payment").and_then(|v| v.parse::<i64>().ok());
        let Some(payment) = sqlx::query!(
            "select payment_id, pledge_id, status from payment
             where kind = 'charge' and (stripe_object_id = $1 or (stripe_object_id is null and payment_id = $2))
             for update",
            intent.id,
            by_metadata
        )
        .fetch_optional(&mut *db)
        .await?
        else {
            tracing::info!(intent = %intent.id, "payment intent of no payment of ours");
            return Ok(());
        };
        let pledge = payment.pledge_id;
        let status = intent.payment_status();
        // a succeeded payment stays succeeded, whatever arrives late
        if payment.status == "succeeded" {
            return Ok(());
        }
        let error = intent.error();
        sqlx::query!(
            "update payment set status = $2, stripe_object_id = coalesce(stripe_object_id, $3),
                    client_secret = coalesce(client_secret, $4), error_code = $5, error_message = $6, updated_at = now()
             where payment_id = $1",
            payment.payment_id,
            status,
            intent.id,
            intent.client_secret,
            error.and_then(|e| e.code.clone()),
            error.and_then(|e| e.message.clone())
        )
        .execute(&mut *db)
        .await?;
        match status {
            "succeeded" => {
                if let Moved::Changed(from) = pledges::set_status(db, pledge, PledgeStatus::Collected).await? {
                    if from == PledgeStatus::Pending {
                        self.email_confirmed(db, pledge).await?;
                    }
                    self.email_receipt(db, pledge).await?;
                }
            }
            "requires_action" | "failed" => {
                self.charge_failed(db, pledge).await?;
            }
            _ => {}
        }
        Ok(())
    }

    /// A charge was refused or needs the backer. An active pledge (the charge run) starts payment
    /// recovery; others keep their status (the backer is on the pay page and sees the message).
    async fn charge_failed(&self, db: &mut PgConnection, pledge: i64) -> Result<PledgeStatus, AppError> {
        if let Moved::Changed(_) = pledges::set_status(db, pledge, PledgeStatus::PaymentFailed).await? {
            // the deadline the emails and the final retry use: one clock, the database's
            let due = sqlx::query_scalar!(
                r#"update pledge set payment_due_at = now() + make_interval(days => $2), reminders_sent = 0
                   where pledge_id = $1 returning payment_due_at as "due!: DateTime<Utc>""#,
                pledge,
                RECOVERY_DAYS as i32
            )
            .fetch_one(&mut *db)
            .await?;
            let link = self.link(&format!("/pledges/{pledge}/pay"));
            self.email(db, pledge, &format!("pledge-{pledge}-payment-failed"), |b, f, i18n| {
                EmailTemplate::PaymentFailed {
                    name: b.name.clone(),
                    campaign: f.campaign.clone(),
                    amount: i18n.money(f.total),
                    deadline: i18n.date_time(due),
                    link,
                }
            })
            .await?;
            self.jobs
                .enqueue_after(db, &Task::Recover { pledge_id: pledge, step: 1 }, Duration::hours(REMINDER_HOURS))
                .await?;
        }
        Ok(pledges::lock(db, pledge).await?.status)
    }

    // ----- recovery ------------------------------------------------------------------------

    /// Step 1..=3: a reminder, 48 h apart; step 4 (day 7): a last off-session try, then drop.
    pub async fn recover(&self, pledge: i64, step: i32) -> Result<(), AppError> {
        let mut tx = self.pool.begin().await?;
        let row = pledges::lock(&mut tx, pledge).await?;
        if row.status != PledgeStatus::PaymentFailed {
            return Ok(());
        }
        let due = sqlx::query_scalar!(
            r#"select payment_due_at as "due: DateTime<Utc>" from pledge where pledge_id = $1"#,
            pledge
        )
        .fetch_one(&mut *tx)
        .await?
        .unwrap_or_else(Utc::now);
        if step <= 3 {
            let link = self.link(&format!("/pledges/{pledge}/pay"));
            self.email(&mut tx, pledge, &format!("pledge-{pledge}-reminder-{step}"), |b, f, i18n| {
                EmailTemplate::PaymentReminder {
                    name: b.name.clone(),
                    campaign: f.campaign.clone(),
                    amount: i18n.money(f.total),
                    deadline: i18n.date_time(due),
                    link,
                }
            })
            .await?;
            sqlx::query!("update pledge set reminders_sent = $2 where pledge_id = $1", pledge, step)
                .execute(&mut *tx)
                .await?;
            let next =
                if step < 3 { Duration::hours(REMINDER_HOURS) } else { (due - Utc::now()).max(Duration::zero()) };
            self.jobs.enqueue_after(&mut tx, &Task::Recover { pledge_id: pledge, step: step + 1 }, next).await?;
            tx.commit().await?;
            return Ok(());
        }
        tx.commit().await?;
        // the final automatic retry
        let status = self.charge(pledge, true).await?;
        if status == PledgeStatus::Collected {
            return Ok(());
        }
        let mut tx = self.pool.begin().await?;
        if let Moved::Changed(_) = pledges::set_status(&mut tx, pledge, PledgeStatus::Dropped).await? {
            let link = self.link("/me/pledges");
            self.email(&mut tx, pledge, &format!("pledge-{pledge}-dropped"), |b, f, _| EmailTemplate::PledgeDropped {
                name: b.name.clone(),
                campaign: f.campaign.clone(),
                link,
            })
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// A pending pledge whose hold passed without a saved card gives its unit back. Stripe is
    /// asked first: a card saved at the last second (webhook not yet here) wins.
    pub async fn release_hold(&self, pledge: i64) -> Result<(), AppError> {
        let setup = sqlx::query_scalar!(
            "select stripe_object_id from payment where pledge_id = $1 and kind = 'setup' and stripe_object_id is not null
             order by attempt desc limit 1",
            pledge
        )
        .fetch_optional(self.pool)
        .await?
        .flatten();
        if let Some(id) = setup {
            let intent = self.stripe.setup_intent(&id).await?;
            if intent.succeeded() {
                return self.apply_setup_intent(&intent).await;
            }
        }
        let mut tx = self.pool.begin().await?;
        let expired = sqlx::query_scalar!(
            r#"select hold_expires_at <= now() as "expired!" from pledge where pledge_id = $1 and status = 'pending'"#,
            pledge
        )
        .fetch_optional(&mut *tx)
        .await?;
        match expired {
            Some(true) => {
                pledges::set_status(&mut tx, pledge, PledgeStatus::Dropped).await?;
            }
            Some(false) => {
                // the hold was extended (e.g. a new card attempt): look again later
                self.jobs
                    .enqueue_after(&mut tx, &Task::ReleaseHold { pledge_id: pledge }, Duration::minutes(1))
                    .await?;
            }
            None => {}
        }
        tx.commit().await?;
        Ok(())
    }

    // ----- backers' own actions --------------------------------------------------------------

    /// The backer withdraws a pending or active pledge before the deadline.
    pub async fn cancel_pledge(&self, pledge: i64, backer: crate::domain::UserId) -> Result<(), AppError> {
        let mut tx = self.pool.begin().await?;
        let row = pledges::lock(&mut tx, pledge).await?;
        if row.backer_id != backer.0 {
            return Err(AppError::NotFound);
        }
        let open = sqlx::query_scalar!(
            r#"select (status = 'live' and ends_at > now()) as "open!" from campaign where campaign_id = $1"#,
            row.campaign_id
        )
        .fetch_one(&mut *tx)
        .await?;
        if !open {
            return Err(AppError::CampaignClosed);
        }
        match pledges::set_status(&mut tx, pledge, PledgeStatus::Cancelled).await? {
            Moved::Changed(_) => {
                let link = self.link("/me/pledges");
                self.email(&mut tx, pledge, &format!("pledge-{pledge}-cancelled"), |b, f, i18n| {
                    EmailTemplate::PledgeCancelled {
                        name: b.name.clone(),
                        campaign: f.campaign.clone(),
                        amount: i18n.money(f.total),
                        link,
                    }
                })
                .await?;
            }
            Moved::Unchanged => {}
            Moved::NotAllowed(_) => {
                return Err(AppError::Validation {
                    field: "pledge".into(),
                    message: crate::i18n::Key::PledgeCannotChange,
                })
            }
        }
        tx.commit().await?;
        Ok(())
    }

    /// Sends the "pledge changed" email (after `db::pledges::change`).
    pub async fn email_changed(&self, db: &mut PgConnection, pledge: i64) -> Result<(), AppError> {
        let link = self.link("/me/pledges");
        let stamp = Utc::now().timestamp_millis();
        self.email(db, pledge, &format!("pledge-{pledge}-changed-{stamp}"), |b, f, i18n| EmailTemplate::PledgeChanged {
            name: b.name.clone(),
            campaign: f.campaign.clone(),
            amount: i18n.money(f.total),
            reward: f.reward.clone(),
            link,
        })
        .await
    }

    // ----- closing and settling campaigns ------------------------------------------------------

    /// At the deadline: the goal decides. Totals freeze; the settle job then charges (goal
    /// reached) or releases (goal missed) every pledge. Early calls re-schedule themselves.
    pub async fn close_campaign(&self, campaign: i64) -> Result<(), AppError> {
        let mut tx = self.pool.begin().await?;
        let Some(c) = sqlx::query!(
            r#"select status, funding_model, goal, pledged_total, matched_total,
                      ends_at as "ends_at: DateTime<Utc>", now() as "now!: DateTime<Utc>"
               from campaign where campaign_id = $1 for update"#,
            campaign
        )
        .fetch_optional(&mut *tx)
        .await?
        else {
            return Ok(());
        };
        if super::db::stored(CampaignStatus::parse(&c.status))? != CampaignStatus::Live {
            return Ok(());
        }
        if c.ends_at > c.now {
            // the deadline moved: come back then
            self.jobs.enqueue_after(&mut tx, &Task::CloseCampaign { campaign_id: campaign }, c.ends_at - c.now).await?;
            tx.commit().await?;
            return Ok(());
        }
        let reached = c.pledged_total + c.matched_total >= c.goal;
        let to = if reached { CampaignStatus::Succeeded } else { CampaignStatus::Failed };
        sqlx::query!(
            "update campaign set status = $2, closed_at = now(), updated_at = now() where campaign_id = $1",
            campaign,
            to.as_str()
        )
        .execute(&mut *tx)
        .await?;
        pledges::freeze_totals(&mut tx, campaign).await?;
        // pledges still waiting for a card will never get one
        let waiting =
            sqlx::query_scalar!("select pledge_id from pledge where campaign_id = $1 and status = 'pending'", campaign)
                .fetch_all(&mut *tx)
                .await?;
        for pledge in waiting {
            pledges::set_status(&mut tx, pledge, PledgeStatus::Dropped).await?;
        }
        if super::db::stored(FundingModel::parse(&c.funding_model))? == FundingModel::AllOrNothing {
            let active = sqlx::query_scalar!(
                "select pledge_id from pledge where campaign_id = $1 and status = 'active'",
                campaign
            )
            .fetch_all(&mut *tx)
            .await?;
            for pledge in active {
                if reached {
                    let link = self.link("/me/pledges");
                    self.email(&mut tx, pledge, &format!("pledge-{pledge}-campaign-succeeded"), |b, f, i18n| {
                        EmailTemplate::CampaignSucceeded {
                            name: b.name.clone(),
                            campaign: f.campaign.clone(),
                            amount: i18n.money(f.total),
                            charge_date: i18n.date_time(Utc::now()),
                            link,
                        }
                    })
                    .await?;
                }
            }
            self.jobs.enqueue(&mut tx, &Task::Settle { campaign_id: campaign }).await?;
        }
        tx.commit().await?;
        tracing::info!(campaign, status = to.as_str(), "campaign closed");
        Ok(())
    }

    /// The owner or an admin cancels a live campaign: totals freeze, collected money is refunded
    /// and saved cards are released by the settle job.
    pub async fn cancel_campaign(&self, campaign: i64) -> Result<(), AppError> {
        let mut tx = self.pool.begin().await?;
        let status = sqlx::query_scalar!("select status from campaign where campaign_id = $1 for update", campaign)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(AppError::NotFound)?;
        let from = super::db::stored(CampaignStatus::parse(&status))?;
        if from.transition(CampaignStatus::Cancelled).is_err() {
            return Err(AppError::CampaignClosed);
        }
        sqlx::query!(
            "update campaign set status = 'cancelled', closed_at = now(), updated_at = now() where campaign_id = $1",
            campaign
        )
        .execute(&mut *tx)
        .await?;
        pledges::freeze_totals(&mut tx, campaign).await?;
        self.jobs.enqueue(&mut tx, &Task::Settle { campaign_id: campaign }).await?;
        tx.commit().await?;
        Ok(())
    }

    /// One run of the settle job: up to `SETTLE_BATCH` pledges of a closed campaign are charged
    /// (succeeded), released (failed) or refunded (cancelled). Returns whether pledges remain.
    /// Runs for one campaign never overlap (an advisory lock), and a rerun only picks up pledges
    /// still waiting, so killing it anywhere and running it again charges nobody twice.
    pub async fn settle(&self, campaign: i64) -> Result<bool, AppError> {
        self.settle_some(campaign, SETTLE_BATCH).await
    }

    /// `settle` with a batch of `limit` pledges.
    pub async fn settle_some(&self, campaign: i64, limit: i64) -> Result<bool, AppError> {
        let mut lock = self.pool.acquire().await?;
        let locked =
            sqlx::query_scalar!(r#"select pg_try_advisory_lock(7001, $1::int4) as "locked!""#, campaign as i32)
                .fetch_one(&mut *lock)
                .await?;
        if !locked {
            // another run is at work; it queues the next run itself
            return Ok(false);
        }
        let result = self.settle_batch(campaign, limit).await;
        sqlx::query_scalar!(r#"select pg_advisory_unlock(7001, $1::int4) as "unlocked!""#, campaign as i32)
            .fetch_one(&mut *lock)
            .await?;
        result
    }

    async fn settle_batch(&self, campaign: i64, limit: i64) -> Result<bool, AppError> {
        let status = sqlx::query_scalar!("select status from campaign where campaign_id = $1", campaign)
            .fetch_one(self.pool)
            .await?;
        let status = super::db::stored(CampaignStatus::parse(&status))?;
        let waiting: &[&str] = match status {
            CampaignStatus::Succeeded => &["active"],
            CampaignStatus::Failed => &["active"],
            CampaignStatus::Cancelled => &["pending", "active", "collected", "payment_failed"],
            _ => return Ok(false),
        };
        let waiting: Vec<String> = waiting.iter().map(|s| (*s).to_owned()).collect();
        let batch = sqlx::query_scalar!(
            "select pledge_id from pledge where campaign_id = $1 and status = any($2) order by pledge_id limit $3",
            campaign,
            &waiting,
            limit
        )
        .fetch_all(self.pool)
        .await?;
        for pledge in &batch {
            match status {
                CampaignStatus::Succeeded => {
                    self.charge(*pledge, true).await?;
                }
                CampaignStatus::Failed => self.release_card(*pledge, false).await?,
                _ => self.refund_or_release(*pledge).await?,
            }
        }
        // every pledge of a batch leaves the waiting statuses; if none did, stop rather than loop
        let still = sqlx::query_scalar!(
            r#"select count(*) as "n!" from pledge where pledge_id = any($1) and status = any($2)"#,
            &batch,
            &waiting
        )
        .fetch_one(self.pool)
        .await?;
        if !batch.is_empty() && still == batch.len() as i64 {
            tracing::error!(campaign, "settle run made no progress; stopping");
            return Ok(false);
        }
        Ok(batch.len() as i64 == limit)
    }

    /// Goal missed or campaign cancelled: the pledge is cancelled, its card forgotten, its backer
    /// told.
    async fn release_card(&self, pledge: i64, cancelled: bool) -> Result<(), AppError> {
        let method = sqlx::query_scalar!("select stripe_payment_method_id from pledge where pledge_id = $1", pledge)
            .fetch_one(self.pool)
            .await?;
        if let Some(method) = method {
            if let Err(e) = self.stripe.detach(&method).await {
                // the card stays saved at Stripe but is never charged: not worth blocking the run
                tracing::warn!(pledge, error = %e, "could not detach the saved card");
            }
        }
        let mut tx = self.pool.begin().await?;
        if let Moved::Changed(_) = pledges::set_status(&mut tx, pledge, PledgeStatus::Cancelled).await? {
            let slug_link = |f: &PledgeFacts| self.link(&format!("/campaigns/{}", f.slug));
            if cancelled {
                self.email(&mut tx, pledge, &format!("pledge-{pledge}-campaign-cancelled"), |b, f, _| {
                    EmailTemplate::CampaignCancelled {
                        name: b.name.clone(),
                        campaign: f.campaign.clone(),
                        refunded: false,
                        link: slug_link(f),
                    }
                })
                .await?;
            } else {
                self.email(&mut tx, pledge, &format!("pledge-{pledge}-campaign-failed"), |b, f, _| {
                    EmailTemplate::CampaignFailed {
                        name: b.name.clone(),
                        campaign: f.campaign.clone(),
                        link: slug_link(f),
                    }
                })
                .await?;
            }
        }
        tx.commit().await?;
        Ok(())
    }

    async fn refund_or_release(&self, pledge: i64) -> Result<(), AppError> {
        let status = {
            let mut db = self.pool.acquire().await?;
            pledges::lock(&mut db, pledge).await?.status
        };
        if status != PledgeStatus::Collected {
            return self.release_card(pledge, true).await;
        }
        self.refund(pledge).await
    }

    /// Refunds a collected pledge in full, once (key `pledge-42-refund-1`).
    pub async fn refund(&self, pledge: i64) -> Result<(), AppError> {
        let charge = sqlx::query!(
            "select stripe_object_id, amount, currency from payment
             where pledge_id = $1 and kind = 'charge' and status = 'succeeded' order by attempt desc limit 1",
            pledge
        )
        .fetch_optional(self.pool)
        .await?;
        let Some(intent) = charge.and_then(|c| c.stripe_object_id.map(|id| (id, c.amount, c.currency))) else {
            // collected without a charge at Stripe (imported): nothing to send back there
            tracing::warn!(pledge, "collected pledge without a Stripe charge marked refunded");
            let mut tx = self.pool.begin().await?;
            self.mark_refunded(&mut tx, pledge).await?;
            tx.commit().await?;
            return Ok(());
        };
        let (intent, amount, currency) = intent;
        let key = format!("pledge-{pledge}-refund-1");
        sqlx::query!(
            "insert into payment (pledge_id, kind, attempt, amount, currency, idempotency_key)
             values ($1, 'refund', 1, $2, $3, $4) on conflict (idempotency_key) do nothing",
            pledge,
            amount,
            currency,
            key
        )
        .execute(self.pool)
        .await?;
        let refund = self.stripe.refund(&intent, &key).await?;
        let mut tx = self.pool.begin().await?;
        sqlx::query!(
            "update payment set status = 'succeeded', stripe_object_id = coalesce(stripe_object_id, $2), updated_at = now()
             where idempotency_key = $1",
            key,
            refund.id
        )
        .execute(&mut *tx)
        .await?;
        self.mark_refunded(&mut tx, pledge).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The pledge's money went back (our refund, or `charge.refunded` from Stripe).
    pub async fn mark_refunded(&self, db: &mut PgConnection, pledge: i64) -> Result<(), AppError> {
        if let Moved::Changed(_) = pledges::set_status(db, pledge, PledgeStatus::Refunded).await? {
            let link = self.link("/me/pledges");
            self.email(db, pledge, &format!("pledge-{pledge}-refunded"), |b, f, i18n| EmailTemplate::Refunded {
                name: b.name.clone(),
                campaign: f.campaign.clone(),
                amount: i18n.money(f.total),
                link,
            })
            .await?;
        }
        Ok(())
    }

    /// `charge.refunded`: the charge's PaymentIntent is applied first (events come in any
    /// order), then the refund.
    pub async fn apply_refunded_charge(&self, db: &mut PgConnection, intent: &Intent) -> Result<(), AppError> {
        self.apply_payment_intent_in(db, intent).await?;
        let pledge = sqlx::query_scalar!(
            "select pledge_id from payment where kind = 'charge' and stripe_object_id = $1",
            intent.id
        )
        .fetch_optional(&mut *db)
        .await?;
        if let Some(pledge) = pledge {
            self.mark_refunded(db, pledge).await?;
        }
        Ok(())
    }
}
