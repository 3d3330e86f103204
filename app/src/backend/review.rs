//! The review before a campaign goes live: its team submits it (`draft → in_review`), an admin
//! approves it (`in_review → live`; public and open to pledges from `starts_at`, its close
//! scheduled at the deadline) or sends it back to draft with a reason. Each step is one
//! transaction that also queues the owners' emails, so a step and its emails happen together.

use super::db::studio::review::{self, UnderReview};
use super::email::{self, EmailTemplate};
use super::jobs::Task;
use super::AppState;
use crate::domain::{CampaignId, CampaignStatus, UserId};
use crate::error::AppError;
use crate::i18n::{I18n, Key};
use crate::paths;

/// The transition, or a clear refusal (`review` names the step that cannot happen now).
fn step(c: &UnderReview, to: CampaignStatus) -> Result<(), AppError> {
    c.status.transition(to).map(drop).map_err(|_| AppError::invalid("review", Key::ReviewStepRefused))
}

/// The team sends its draft to review: it must have a summary, a story and a deadline ahead.
pub async fn submit(state: &AppState, id: CampaignId) -> Result<(), AppError> {
    let mut tx = state.pool.begin().await?;
    let c = review::lock(&mut tx, id).await?;
    step(&c, CampaignStatus::InReview)?;
    if !c.has_summary {
        return Err(AppError::invalid("summary", Key::SubmitNeedsSummary));
    }
    if !c.has_story {
        return Err(AppError::invalid("story", Key::SubmitNeedsStory));
    }
    if c.ends_at <= c.now {
        return Err(AppError::invalid("ends_at", Key::DeadlinePassed));
    }
    review::record(&mut tx, id, CampaignStatus::InReview, None, None).await?;
    let link = state.settings.links.absolute(paths::STUDIO);
    tell_owners(state, &mut tx, id, &format!("submitted-{id}-{}", c.now.timestamp()), |name, _| {
        EmailTemplate::CampaignSubmitted { name, campaign: c.title.clone(), link: link.clone() }
    })
    .await?;
    tx.commit().await?;
    Ok(())
}

/// An admin approves: live, public from its start, closed at its deadline.
pub async fn approve(state: &AppState, id: CampaignId, admin: UserId) -> Result<(), AppError> {
    let mut tx = state.pool.begin().await?;
    let c = review::lock(&mut tx, id).await?;
    step(&c, CampaignStatus::Live)?;
    if c.ends_at <= c.now {
        return Err(AppError::invalid("ends_at", Key::DeadlinePassed));
    }
    review::record(&mut tx, id, CampaignStatus::Live, Some(admin), None).await?;
    if c.starts_at > c.now {
        state.queue.enqueue_after(&mut tx, &Task::OpenCampaign { campaign_id: id }, c.starts_at - c.now).await?;
    }
    state.queue.enqueue_after(&mut tx, &Task::CloseCampaign { campaign_id: id }, c.ends_at - c.now).await?;
    let link = state.settings.links.absolute(&paths::campaign(&c.slug));
    let starts = c.starts_at.max(c.now);
    tell_owners(state, &mut tx, id, &format!("approved-{id}-{}", c.now.timestamp()), |name, i18n| {
        EmailTemplate::CampaignApproved {
            name,
            campaign: c.title.clone(),
            starts: i18n.date_time(starts),
            link: link.clone(),
        }
    })
    .await?;
    tx.commit().await?;
    Ok(())
}

/// An admin sends it back to draft with a reason the team sees in the studio and by email.
pub async fn send_back(state: &AppState, id: CampaignId, admin: UserId, reason: &str) -> Result<(), AppError> {
    let reason = reason.trim();
    if !(1..=2000).contains(&reason.chars().count()) {
        return Err(AppError::invalid("reason", Key::ReviewReasonNeeded));
    }
    let mut tx = state.pool.begin().await?;
    let c = review::lock(&mut tx, id).await?;
    step(&c, CampaignStatus::Draft)?;
    review::record(&mut tx, id, CampaignStatus::Draft, Some(admin), Some(reason)).await?;
    let link = state.settings.links.absolute(&paths::studio_campaign(id));
    tell_owners(state, &mut tx, id, &format!("returned-{id}-{}", c.now.timestamp()), |name, _| {
        EmailTemplate::CampaignReturned {
            name,
            campaign: c.title.clone(),
            reason: reason.to_owned(),
            link: link.clone(),
        }
    })
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Queues one email per owner, in the owner's language (`make` gets the name and language).
async fn tell_owners(
    state: &AppState,
    db: &mut sqlx::PgConnection,
    id: CampaignId,
    dedupe: &str,
    make: impl Fn(String, I18n) -> EmailTemplate,
) -> Result<(), AppError> {
    for owner in review::owners(db, id).await? {
        let key = format!("{dedupe}-{}", owner.email.to_lowercase());
        let template = make(owner.name, I18n { locale: owner.locale });
        email::enqueue(db, &state.queue, &owner.email, owner.locale, &template, Some(&key)).await?;
    }
    Ok(())
}
