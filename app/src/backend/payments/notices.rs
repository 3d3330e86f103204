//! The emails the payment code sends to backers, written to the outbox in the caller's
//! transaction (they leave only if it commits), each once (a dedupe key per pledge and event).

use super::Payments;
use crate::backend::db::{self, stored};
use crate::backend::email::{self, EmailTemplate};
use crate::domain::{FundingModel, Locale, Money, PledgeId};
use crate::error::AppError;
use crate::i18n::I18n;
use crate::paths;
use chrono::{DateTime, Utc};
use sqlx::PgConnection;

/// A pledge and its backer, as the emails describe them.
struct Facts {
    email: String,
    name: String,
    locale: Locale,
    campaign: String,
    slug: String,
    reward: String,
    total: Money,
    ends_at: DateTime<Utc>,
    funding_model: FundingModel,
}

async fn facts(db: &mut PgConnection, pledge: PledgeId) -> Result<Facts, AppError> {
    let r = sqlx::query!(
        r#"select u.email, u.display_name, u.locale, c.title, c.slug, c.ends_at as "ends_at: DateTime<Utc>",
                  c.funding_model, p.total_amount, p.currency, p.quantity, t.title as "reward?"
           from pledge p join campaign c using (campaign_id) join app_user u on u.user_id = p.backer_id
           left join reward_tier t using (reward_tier_id)
           where p.pledge_id = $1"#,
        pledge.0
    )
    .fetch_one(&mut *db)
    .await?;
    let reward = match r.reward {
        Some(title) if r.quantity > 1 => format!("{} × {title}", r.quantity),
        Some(title) => title,
        None => String::new(),
    };
    Ok(Facts {
        email: r.email,
        name: r.display_name,
        locale: Locale::from_tag(&r.locale).unwrap_or_default(),
        campaign: r.title,
        slug: r.slug,
        reward,
        total: db::money(r.total_amount, &r.currency)?,
        ends_at: r.ends_at,
        funding_model: stored(FundingModel::parse(&r.funding_model))?,
    })
}

/// What happened to a pledge that its backer is told about.
pub(super) enum Notice {
    Confirmed,
    Receipt,
    Changed,
    Cancelled,
    CampaignSucceeded,
    CampaignFailed,
    /// The team cancelled the campaign; `refunded` when the backer had paid.
    CampaignCancelled {
        refunded: bool,
    },
    /// A charge failed; pay before `due`.
    PaymentFailed {
        due: DateTime<Utc>,
    },
    Reminder {
        step: i32,
        due: DateTime<Utc>,
    },
    Dropped,
    Refunded,
}

impl Payments<'_> {
    /// Writes the email of `notice` about `pledge` to the outbox, once.
    pub(super) async fn notify(&self, db: &mut PgConnection, pledge: PledgeId, notice: Notice) -> Result<(), AppError> {
        let f = facts(db, pledge).await?;
        let i18n = I18n { locale: f.locale };
        let mine = self.link(paths::MY_PLEDGES);
        let campaign_link = self.link(&paths::campaign(&f.slug));
        let (name, campaign, amount) = (f.name.clone(), f.campaign.clone(), i18n.money(f.total));
        let (dedupe, template) = match notice {
            Notice::Confirmed => {
                let all_or_nothing = f.funding_model == FundingModel::AllOrNothing;
                let when = i18n.date_time(if all_or_nothing { f.ends_at } else { Utc::now() });
                let template = EmailTemplate::PledgeConfirmed {
                    name,
                    campaign,
                    amount,
                    reward: f.reward,
                    all_or_nothing,
                    when,
                    link: mine,
                };
                ("confirmed".to_owned(), template)
            }
            Notice::Receipt => {
                let template = EmailTemplate::PaymentReceipt {
                    name,
                    campaign,
                    amount,
                    date: i18n.date_time(Utc::now()),
                    reference: pledge.receipt_reference(),
                    link: self.link(&paths::receipt(pledge)),
                };
                ("receipt".to_owned(), template)
            }
            Notice::Changed => {
                // every change is told
                let stamp = Utc::now().timestamp_millis();
                let template = EmailTemplate::PledgeChanged { name, campaign, amount, reward: f.reward, link: mine };
                (format!("changed-{stamp}"), template)
            }
            Notice::Cancelled => {
                ("cancelled".to_owned(), EmailTemplate::PledgeCancelled { name, campaign, amount, link: mine })
            }
            Notice::CampaignSucceeded => {
                let charge_date = i18n.date_time(Utc::now());
                let template = EmailTemplate::CampaignSucceeded { name, campaign, amount, charge_date, link: mine };
                ("campaign-succeeded".to_owned(), template)
            }
            Notice::CampaignFailed => {
                ("campaign-failed".to_owned(), EmailTemplate::CampaignFailed { name, campaign, link: campaign_link })
            }
            Notice::CampaignCancelled { refunded } => {
                let template = EmailTemplate::CampaignCancelled { name, campaign, refunded, link: campaign_link };
                ("campaign-cancelled".to_owned(), template)
            }
            Notice::PaymentFailed { due } => {
                let template = EmailTemplate::PaymentFailed {
                    name,
                    campaign,
                    amount,
                    deadline: i18n.date_time(due),
                    link: self.link(&paths::pay(pledge)),
                };
                ("payment-failed".to_owned(), template)
            }
            Notice::Reminder { step, due } => {
                let template = EmailTemplate::PaymentReminder {
                    name,
                    campaign,
                    amount,
                    deadline: i18n.date_time(due),
                    link: self.link(&paths::pay(pledge)),
                };
                (format!("reminder-{step}"), template)
            }
            Notice::Dropped => {
                ("dropped".to_owned(), EmailTemplate::PledgeDropped { name, campaign, reward: f.reward, link: mine })
            }
            Notice::Refunded => ("refunded".to_owned(), EmailTemplate::Refunded { name, campaign, amount, link: mine }),
        };
        let dedupe = format!("pledge-{pledge}-{dedupe}");
        email::enqueue(db, self.queue, &f.email, f.locale, &template, Some(&dedupe)).await
    }
}
