//! Email: written to the outbox in the same transaction as the event that causes it, then sent
//! by a durable job — over SMTP when configured, otherwise as `.eml` files a person can open.

mod templates;

pub use templates::{EmailTemplate, Rendered};

use crate::backend::jobs::{DeliverEmail, Queue};
use crate::domain::Locale;
use crate::error::AppError;
use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use sqlx::PgConnection;
use std::path::Path;

/// Where emails go.
pub enum Mailer {
    Smtp {
        transport: AsyncSmtpTransport<Tokio1Executor>,
        from: Mailbox,
    },
    /// One `.eml` file per email in a folder (development, tests).
    Files {
        transport: AsyncFileTransport<Tokio1Executor>,
        from: Mailbox,
    },
}

#[derive(Debug, thiserror::Error)]
pub enum MailerError {
    #[error("invalid sender address {0:?}")]
    From(String),
    #[error("invalid SMTP_URL: {0}")]
    Smtp(#[from] lettre::transport::smtp::Error),
    #[error("cannot create the email folder: {0}")]
    Folder(#[from] std::io::Error),
}

impl Mailer {
    /// SMTP when `smtp_url` is set (`smtps://user:password@host:465`), files in `folder` otherwise.
    pub fn new(smtp_url: Option<&str>, from: &str, folder: &Path) -> Result<Mailer, MailerError> {
        let from: Mailbox = from.parse().map_err(|_| MailerError::From(from.to_owned()))?;
        Ok(match smtp_url {
            Some(url) => Mailer::Smtp { transport: AsyncSmtpTransport::<Tokio1Executor>::from_url(url)?.build(), from },
            None => {
                std::fs::create_dir_all(folder)?;
                Mailer::Files { transport: AsyncFileTransport::new(folder), from }
            }
        })
    }

    fn from(&self) -> &Mailbox {
        match self {
            Mailer::Smtp { from, .. } | Mailer::Files { from, .. } => from,
        }
    }

    async fn send(&self, message: Message) -> Result<(), String> {
        match self {
            Mailer::Smtp { transport, .. } => transport.send(message).await.map(drop).map_err(|e| e.to_string()),
            Mailer::Files { transport, .. } => transport.send(message).await.map(drop).map_err(|e| e.to_string()),
        }
    }
}

/// Writes an email to the outbox and schedules its delivery, inside the caller's transaction:
/// if the transaction rolls back, no email leaves. `dedupe_key` makes the same email once.
pub async fn enqueue(
    db: &mut PgConnection,
    queue: &Queue,
    to: &str,
    locale: Locale,
    template: &EmailTemplate,
    dedupe_key: Option<&str>,
) -> Result<(), AppError> {
    let payload = serde_json::to_value(template).map_err(|e| AppError::internal("email payload", &e))?;
    let id = sqlx::query_scalar!(
        "insert into email_outbox (to_address, locale, template, payload, dedupe_key)
         values ($1, $2, $3, $4, $5)
         on conflict (dedupe_key) do nothing
         returning email_outbox_id",
        to,
        locale.code(),
        template.code(),
        payload,
        dedupe_key
    )
    .fetch_optional(&mut *db)
    .await?;
    if let Some(id) = id {
        queue.enqueue_email(db, &DeliverEmail { email_outbox_id: id }).await?;
    }
    Ok(())
}

/// Sends one outbox email, once: a sent email is never sent again, a failure is recorded and
/// retried by the job. Runs in the job's transaction.
pub async fn deliver(db: &mut PgConnection, mailer: &Mailer, id: i64) -> Result<(), String> {
    let Some(row) = sqlx::query!(
        "select to_address, locale, payload, status from email_outbox where email_outbox_id = $1 for update",
        id
    )
    .fetch_optional(&mut *db)
    .await
    .map_err(|e| e.to_string())?
    else {
        return Ok(());
    };
    if row.status == "sent" {
        return Ok(());
    }
    let template: EmailTemplate = serde_json::from_value(row.payload).map_err(|e| e.to_string())?;
    let rendered = template.render(Locale::from_tag(&row.locale).unwrap_or_default());
    let result = match row.to_address.parse::<Mailbox>() {
        Ok(to) => match Message::builder()
            .from(mailer.from().clone())
            .to(to)
            .subject(rendered.subject)
            .multipart(MultiPart::alternative_plain_html(rendered.text, rendered.html))
        {
            Ok(message) => mailer.send(message).await,
            Err(e) => Err(e.to_string()),
        },
        Err(e) => Err(format!("bad address: {e}")),
    };
    let (status, error) = match &result {
        Ok(()) => ("sent", None),
        Err(e) => ("pending", Some(e.as_str())),
    };
    sqlx::query!(
        "update email_outbox set status = $2, last_error = $3, attempts = attempts + 1,
                sent_at = case when $2 = 'sent' then now() end
         where email_outbox_id = $1",
        id,
        status,
        error
    )
    .execute(&mut *db)
    .await
    .map_err(|e| e.to_string())?;
    result
}
