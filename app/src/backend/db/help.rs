//! Needs and help offers: the team's list of needs (studio), offers made against them by
//! signed-in people, and each offer's steps. Every query of the studio names the campaign: a
//! need or an offer of another campaign is not found.

use super::stored;
use crate::domain::views::NeedView;
use crate::domain::{
    CampaignId, CampaignStatus, HelpOfferSettings, HelpOfferStatus, Locale, MyOffer, NeedForm, NeedKind, NeedSettings,
    NeedsEditor, OfferPage, StudioNeed, StudioOffer, UserId,
};
use crate::error::AppError;
use crate::i18n::Key;
use chrono::{DateTime, Utc};
use sqlx::PgConnection;
use std::collections::HashMap;

/// The studio's needs page.
pub async fn editor(db: &mut PgConnection, id: CampaignId) -> Result<NeedsEditor, AppError> {
    let c = sqlx::query!("select title, status from campaign where campaign_id = $1", id.0)
        .fetch_optional(&mut *db)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut offers: HashMap<i64, Vec<StudioOffer>> = HashMap::new();
    for o in sqlx::query!(
        r#"select h.help_offer_id, h.need_id, h.name, h.email, h.quantity, h.message, h.status,
                  h.created_at as "created_at: DateTime<Utc>"
           from help_offer h join need n using (need_id)
           where n.campaign_id = $1 and h.status <> 'withdrawn'
           order by h.created_at, h.help_offer_id"#,
        id.0
    )
    .fetch_all(&mut *db)
    .await?
    {
        offers.entry(o.need_id).or_default().push(StudioOffer {
            id: o.help_offer_id,
            name: o.name,
            email: o.email,
            quantity: i64::from(o.quantity),
            message: o.message,
            status: stored(HelpOfferStatus::parse(&o.status))?,
            created_at: o.created_at,
        });
    }
    let needs = sqlx::query!(
        r#"select n.need_id, n.kind, n.title, n.description, n.quantity, n.unit,
                  coalesce(sum(h.quantity) filter (where h.status in ('accepted', 'done')), 0) as "covered!"
           from need n left join help_offer h using (need_id)
           where n.campaign_id = $1
           group by n.need_id order by n.position, n.need_id"#,
        id.0
    )
    .fetch_all(&mut *db)
    .await?
    .into_iter()
    .map(|n| StudioNeed {
        id: n.need_id,
        form: NeedForm {
            kind: n.kind,
            title: n.title,
            description: n.description,
            quantity: n.quantity.to_string(),
            unit: n.unit,
        },
        covered: n.covered,
        offers: offers.remove(&n.need_id).unwrap_or_default(),
    })
    .collect();
    Ok(NeedsEditor { campaign: id, title: c.title, status: stored(CampaignStatus::parse(&c.status))?, needs })
}

/// Adds a need, last (`need` is `None`), or changes one of this campaign.
pub async fn save_need(
    db: &mut PgConnection,
    id: CampaignId,
    need: Option<i64>,
    s: &NeedSettings,
) -> Result<i64, AppError> {
    let saved = match need {
        None => {
            sqlx::query_scalar!(
                r#"insert into need (campaign_id, kind, title, description, quantity, unit, position)
                   values ($1, $2, $3, $4, $5, $6, (select coalesce(max(position) + 1, 0) from need where campaign_id = $1))
                   returning need_id"#,
                id.0,
                s.kind.as_str(),
                s.title,
                s.description,
                s.quantity,
                s.unit
            )
            .fetch_one(&mut *db)
            .await?
        }
        Some(need) => sqlx::query_scalar!(
            "update need set kind = $3, title = $4, description = $5, quantity = $6, unit = $7, updated_at = now()
             where campaign_id = $1 and need_id = $2 returning need_id",
            id.0,
            need,
            s.kind.as_str(),
            s.title,
            s.description,
            s.quantity,
            s.unit
        )
        .fetch_optional(&mut *db)
        .await?
        .ok_or(AppError::NotFound)?,
    };
    Ok(saved)
}

/// Removes a need nobody has been accepted for yet (its open offers go with it).
pub async fn remove_need(db: &mut PgConnection, id: CampaignId, need: i64) -> Result<(), AppError> {
    let n = sqlx::query!(
        r#"select exists(select 1 from help_offer where need_id = $2 and status in ('accepted', 'done')) as "helped!"
           from need where campaign_id = $1 and need_id = $2 for update"#,
        id.0,
        need
    )
    .fetch_optional(&mut *db)
    .await?
    .ok_or(AppError::NotFound)?;
    if n.helped {
        return Err(AppError::invalid("need", Key::NeedHasHelp));
    }
    sqlx::query!("delete from need where campaign_id = $1 and need_id = $2", id.0, need).execute(&mut *db).await?;
    Ok(())
}

/// Who and what an offer's email is about.
pub struct OfferNotice {
    pub campaign: CampaignId,
    pub slug: String,
    pub campaign_title: String,
    pub need_title: String,
    pub quantity: i64,
    pub unit: String,
    pub name: String,
    pub email: String,
    pub locale: Locale,
}

struct OfferRow {
    campaign_id: i64,
    slug: String,
    campaign_title: String,
    need_title: String,
    quantity: i32,
    unit: String,
    name: String,
    email: String,
    locale: Option<String>,
    status: String,
    user_id: Option<i64>,
}

impl OfferRow {
    fn notice(self) -> OfferNotice {
        OfferNotice {
            campaign: CampaignId(self.campaign_id),
            slug: self.slug,
            campaign_title: self.campaign_title,
            need_title: self.need_title,
            quantity: i64::from(self.quantity),
            unit: self.unit,
            name: self.name,
            email: self.email,
            locale: self.locale.as_deref().and_then(Locale::from_tag).unwrap_or_default(),
        }
    }
}

/// Locks an offer with what its emails name.
async fn lock_offer(db: &mut PgConnection, offer: i64) -> Result<OfferRow, AppError> {
    sqlx::query_as!(
        OfferRow,
        r#"select n.campaign_id, c.slug, c.title as campaign_title, n.title as need_title, h.quantity, n.unit,
                  h.name, h.email, u.locale as "locale?", h.status, h.user_id
           from help_offer h join need n using (need_id) join campaign c using (campaign_id)
           left join app_user u on u.user_id = h.user_id
           where h.help_offer_id = $1
           for update of h"#,
        offer
    )
    .fetch_optional(&mut *db)
    .await?
    .ok_or(AppError::NotFound)
}

/// Moves an offer one step (`to`), refusing a step its state machine does not allow.
async fn step(db: &mut PgConnection, offer: i64, row: &OfferRow, to: HelpOfferStatus) -> Result<(), AppError> {
    stored(HelpOfferStatus::parse(&row.status))?
        .transition(to)
        .map_err(|_| AppError::invalid("offer", Key::HelpStepRefused))?;
    sqlx::query!("update help_offer set status = $2, updated_at = now() where help_offer_id = $1", offer, to.as_str())
        .execute(&mut *db)
        .await?;
    Ok(())
}

/// The team accepts, declines or marks done an offer on one of its needs.
pub async fn decide(
    db: &mut PgConnection,
    id: CampaignId,
    offer: i64,
    to: HelpOfferStatus,
) -> Result<OfferNotice, AppError> {
    let row = lock_offer(db, offer).await?;
    if row.campaign_id != id.0 {
        return Err(AppError::NotFound);
    }
    step(db, offer, &row, to).await?;
    Ok(row.notice())
}

/// The helper withdraws their own offer.
pub async fn withdraw(db: &mut PgConnection, offer: i64, user: UserId) -> Result<OfferNotice, AppError> {
    let row = lock_offer(db, offer).await?;
    if row.user_id != Some(user.0) {
        return Err(AppError::NotFound);
    }
    step(db, offer, &row, HelpOfferStatus::Withdrawn).await?;
    Ok(row.notice())
}

/// A need of a public campaign, for the offer page.
pub async fn offer_page(db: &mut PgConnection, slug: &str, need: i64) -> Result<OfferPage, AppError> {
    let n = sqlx::query!(
        r#"select c.slug, c.title as campaign_title, n.need_id, n.kind, n.title, n.description, n.quantity, n.unit,
                  coalesce((select sum(quantity) from help_offer
                            where need_id = n.need_id and status in ('accepted', 'done')), 0) as "covered!"
           from need n join campaign c using (campaign_id)
           where c.slug = $1 and n.need_id = $2 and c.status not in ('draft', 'in_review')"#,
        slug,
        need
    )
    .fetch_optional(&mut *db)
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(OfferPage {
        slug: n.slug,
        campaign_title: n.campaign_title,
        need: NeedView {
            id: n.need_id,
            kind: stored(NeedKind::parse(&n.kind))?,
            title: n.title,
            description: n.description,
            quantity: i64::from(n.quantity),
            unit: n.unit,
            covered: n.covered,
        },
    })
}

/// Records an offer by `user` on a need of a live campaign; one open offer per person and need.
pub async fn offer(
    db: &mut PgConnection,
    slug: &str,
    need: i64,
    user: UserId,
    s: &HelpOfferSettings,
) -> Result<(i64, OfferNotice), AppError> {
    let open = sqlx::query!(
        r#"select c.status, exists(select 1 from help_offer where need_id = n.need_id and user_id = $3
                                   and status in ('offered', 'accepted')) as "already!"
           from need n join campaign c using (campaign_id)
           where c.slug = $1 and n.need_id = $2 and c.status not in ('draft', 'in_review')
           for update of n"#,
        slug,
        need,
        user.0
    )
    .fetch_optional(&mut *db)
    .await?
    .ok_or(AppError::NotFound)?;
    if stored(CampaignStatus::parse(&open.status))? != CampaignStatus::Live {
        return Err(AppError::invalid("quantity", Key::HelpClosed));
    }
    if open.already {
        return Err(AppError::invalid("quantity", Key::AlreadyOffered));
    }
    let offer = sqlx::query_scalar!(
        "insert into help_offer (need_id, user_id, name, email, quantity, message)
         select $1, user_id, display_name, email, $3, $4 from app_user where user_id = $2
         returning help_offer_id",
        need,
        user.0,
        s.quantity,
        s.message
    )
    .fetch_one(&mut *db)
    .await?;
    let row = lock_offer(db, offer).await?;
    Ok((offer, row.notice()))
}

/// The offers someone made, newest first.
pub async fn my_offers(db: &mut PgConnection, user: UserId) -> Result<Vec<MyOffer>, AppError> {
    sqlx::query!(
        r#"select h.help_offer_id, c.slug, c.title as campaign_title, n.title as need_title, h.quantity, n.unit,
                  h.status, h.created_at as "created_at: DateTime<Utc>"
           from help_offer h join need n using (need_id) join campaign c using (campaign_id)
           where h.user_id = $1
           order by h.created_at desc, h.help_offer_id desc"#,
        user.0
    )
    .fetch_all(&mut *db)
    .await?
    .into_iter()
    .map(|o| {
        Ok(MyOffer {
            id: o.help_offer_id,
            slug: o.slug,
            campaign_title: o.campaign_title,
            need_title: o.need_title,
            quantity: i64::from(o.quantity),
            unit: o.unit,
            status: stored(HelpOfferStatus::parse(&o.status))?,
            created_at: o.created_at,
        })
    })
    .collect()
}
