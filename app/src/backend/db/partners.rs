//! Partners' applications: made by a signed-in person for a campaign or the platform, changed
//! by them (back to review once approved), reviewed by the campaign's owners or the admins.

use super::funds::{self, Funds};
use super::stored;
use crate::domain::{
    CampaignId, CampaignStatus, Locale, PartnerApplication, PartnerForm, PartnerKind, PartnerLevel, PartnerSettings,
    PartnerStatus, PartnerTarget, PartnersReview, UserId,
};
use crate::error::AppError;
use chrono::{DateTime, Utc};
use sqlx::PgConnection;

struct Row {
    partner_id: i64,
    slug: Option<String>,
    title: Option<String>,
    organisation: String,
    contact_name: String,
    contact_email: String,
    kind: String,
    level: String,
    message: String,
    website_url: Option<String>,
    logo_url: Option<String>,
    status: String,
    review_note: Option<String>,
    created_at: DateTime<Utc>,
}

impl Row {
    fn application(self) -> Result<PartnerApplication, AppError> {
        Ok(PartnerApplication {
            id: self.partner_id,
            campaign: self.slug.zip(self.title).map(|(slug, title)| PartnerTarget { slug, title }),
            form: PartnerForm {
                organisation: self.organisation,
                contact_name: self.contact_name,
                kind: stored(PartnerKind::parse(&self.kind))?.as_str().to_owned(),
                level: stored(PartnerLevel::parse(&self.level))?.as_str().to_owned(),
                message: self.message,
                website: self.website_url.unwrap_or_default(),
            },
            contact_email: self.contact_email,
            status: stored(PartnerStatus::parse(&self.status))?,
            review_note: self.review_note,
            logo_url: self.logo_url,
            created_at: self.created_at,
            funds: Vec::new(),
            tiers: Vec::new(),
        })
    }
}

/// The applications of one campaign (`Some`), of the platform (`None`), or of one person.
async fn rows(
    db: &mut PgConnection,
    campaign: Option<CampaignId>,
    user: Option<UserId>,
) -> Result<Vec<PartnerApplication>, AppError> {
    sqlx::query_as!(
        Row,
        r#"select p.partner_id, c.slug as "slug?", c.title as "title?", p.organisation, p.contact_name, p.contact_email,
                  p.kind, p.level, p.message, p.website_url, p.logo_url, p.status, p.review_note,
                  p.created_at as "created_at: DateTime<Utc>"
           from partner p left join campaign c using (campaign_id)
           where case when $2::bigint is not null then p.user_id = $2
                      when $1::bigint is not null then p.campaign_id = $1
                      else p.campaign_id is null end
           order by p.status = 'applied' desc, p.created_at desc, p.partner_id desc"#,
        campaign.map(|c| c.0),
        user.map(|u| u.0)
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(Row::application)
    .collect()
}

/// One's applications, with the funds of financial ones and the rewards a new fund may name.
pub async fn mine(db: &mut PgConnection, user: UserId) -> Result<Vec<PartnerApplication>, AppError> {
    let mut list = rows(db, None, Some(user)).await?;
    let funds = funds::list(db, Funds::OfUser(user)).await?;
    for application in &mut list {
        application.funds = funds.iter().filter(|f| f.partner_id == application.id).cloned().collect();
        if let (true, Some(c)) = (application.offers_funds(), &application.campaign) {
            application.tiers = funds::tier_choices(db, &c.slug).await?;
        }
    }
    Ok(list)
}

/// The review list of a campaign, or of the platform when `campaign` is `None`.
pub async fn review_list(db: &mut PgConnection, campaign: Option<CampaignId>) -> Result<PartnersReview, AppError> {
    let (title, status) = match campaign {
        Some(id) => {
            let c = sqlx::query!("select title, status from campaign where campaign_id = $1", id.0)
                .fetch_optional(&mut *db)
                .await?
                .ok_or(AppError::NotFound)?;
            (c.title, Some(stored(CampaignStatus::parse(&c.status))?))
        }
        None => (String::new(), None),
    };
    let mut partners = rows(db, campaign, None).await?;
    if let Some(id) = campaign {
        let funds = funds::list(db, Funds::OfCampaign(id)).await?;
        for partner in &mut partners {
            partner.funds = funds.iter().filter(|f| f.partner_id == partner.id).cloned().collect();
        }
    }
    Ok(PartnersReview { campaign, title, status, partners })
}

/// A public campaign's address and title, for the sign-up page.
pub async fn target(db: &mut PgConnection, slug: &str) -> Result<(CampaignId, PartnerTarget), AppError> {
    let c = sqlx::query!(
        "select campaign_id, slug, title from campaign where slug = $1 and status not in ('draft', 'in_review')",
        slug
    )
    .fetch_optional(db)
    .await?
    .ok_or(AppError::NotFound)?;
    Ok((CampaignId(c.campaign_id), PartnerTarget { slug: c.slug, title: c.title }))
}

pub async fn campaign_title(db: &mut PgConnection, campaign: CampaignId) -> Result<String, AppError> {
    Ok(sqlx::query_scalar!("select title from campaign where campaign_id = $1", campaign.0).fetch_one(db).await?)
}

/// Records an application (`applied`) by `user`, who is its contact address.
pub async fn apply(
    db: &mut PgConnection,
    user: UserId,
    campaign: Option<CampaignId>,
    s: &PartnerSettings,
) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar!(
        r#"insert into partner (campaign_id, user_id, organisation, contact_name, contact_email, kind, level, message, website_url)
           select $1, user_id, $3, $4, email, $5, $6, $7, $8 from app_user where user_id = $2
           returning partner_id"#,
        campaign.map(|c| c.0),
        user.0,
        s.organisation,
        s.contact_name,
        s.kind.as_str(),
        s.level.as_str(),
        s.message,
        s.website
    )
    .fetch_one(db)
    .await?)
}

/// The partner changes their texts: back to review (off the wall until approved again).
pub async fn update_own(
    db: &mut PgConnection,
    partner: i64,
    user: UserId,
    s: &PartnerSettings,
) -> Result<(), AppError> {
    let changed = sqlx::query!(
        "update partner set organisation = $3, contact_name = $4, kind = $5, level = $6, message = $7, website_url = $8,
                status = 'applied', review_note = null, reviewed_at = null, updated_at = now()
         where partner_id = $1 and user_id = $2",
        partner,
        user.0,
        s.organisation,
        s.contact_name,
        s.kind.as_str(),
        s.level.as_str(),
        s.message,
        s.website
    )
    .execute(db)
    .await?;
    if changed.rows_affected() == 0 {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// Sets the partner's logo (their own application); the previous logo's address, to remove.
pub async fn set_logo(
    db: &mut PgConnection,
    partner: i64,
    user: UserId,
    url: &str,
) -> Result<Option<String>, AppError> {
    let old = sqlx::query_scalar!(
        r#"with old as (select logo_url from partner where partner_id = $1 and user_id = $2 for update)
           update partner p set logo_url = $3, status = 'applied', review_note = null, reviewed_at = null, updated_at = now()
           from old where p.partner_id = $1
           returning old.logo_url as "old?""#,
        partner,
        user.0,
        url
    )
    .fetch_optional(db)
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(old)
}

/// Whether `user` may change this application (it is theirs).
pub async fn owned_by(db: &mut PgConnection, partner: i64, user: UserId) -> Result<bool, AppError> {
    Ok(sqlx::query_scalar!(
        r#"select exists(select 1 from partner where partner_id = $1 and user_id = $2) as "owned!""#,
        partner,
        user.0
    )
    .fetch_one(db)
    .await?)
}

/// Who the review's email goes to.
pub struct Reviewed {
    pub organisation: String,
    pub name: String,
    pub email: String,
    pub locale: Locale,
    /// The campaign's title, or empty for the platform.
    pub campaign: String,
}

/// Approves or rejects (with a reason) an application of this campaign (`None`: the platform).
pub async fn review(
    db: &mut PgConnection,
    campaign: Option<CampaignId>,
    partner: i64,
    to: PartnerStatus,
    note: Option<&str>,
) -> Result<Reviewed, AppError> {
    let r = sqlx::query!(
        r#"update partner p set status = $3, review_note = $4, reviewed_at = now(), updated_at = now()
           where p.partner_id = $1 and p.campaign_id is not distinct from $2
           returning p.organisation, p.contact_name, p.contact_email,
                     (select locale from app_user where user_id = p.user_id) as "locale?",
                     coalesce((select title from campaign where campaign_id = p.campaign_id), '') as "campaign!""#,
        partner,
        campaign.map(|c| c.0),
        to.as_str(),
        note
    )
    .fetch_optional(db)
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(Reviewed {
        organisation: r.organisation,
        name: r.contact_name,
        email: r.contact_email,
        locale: r.locale.as_deref().and_then(Locale::from_tag).unwrap_or_default(),
        campaign: r.campaign,
    })
}
