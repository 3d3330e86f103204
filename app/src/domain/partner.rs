//! Partners who sign up themselves: a sponsor of one campaign or of the platform applies, the
//! campaign's owners (admins for the platform) approve or reject it with a reason, and an
//! approved partner shows on the partner wall. An edit after approval goes back to review.

use super::campaign_form::text;
use super::pledge::FieldError;
use super::{CampaignId, CampaignStatus, FundView, PartnerKind, PartnerLevel, PartnerStatus, TierChoice};
use crate::i18n::Key;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The sign-up form as posted (`form[...]`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PartnerForm {
    pub organisation: String,
    pub contact_name: String,
    pub kind: String,
    pub level: String,
    /// What they offer (for in-kind partners: a space, machines, skills, time...), shown on the wall.
    pub message: String,
    pub website: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PartnerSettings {
    pub organisation: String,
    pub contact_name: String,
    pub kind: PartnerKind,
    pub level: PartnerLevel,
    pub message: String,
    pub website: Option<String>,
}

/// An `http(s)://` address without spaces, of at most 300 characters.
pub(super) fn website(value: &str) -> Result<Option<String>, FieldError> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    let rest = value.strip_prefix("https://").or_else(|| value.strip_prefix("http://"));
    match rest {
        Some(host)
            if !host.is_empty() && host.contains('.') && value.len() <= 300 && !value.contains(char::is_whitespace) =>
        {
            Ok(Some(value.to_owned()))
        }
        _ => Err(("website", Key::WebsiteInvalid)),
    }
}

impl PartnerForm {
    pub fn parse(&self) -> Result<PartnerSettings, FieldError> {
        Ok(PartnerSettings {
            organisation: text(&self.organisation, 1, 160).ok_or(("organisation", Key::OrganisationInvalid))?,
            contact_name: text(&self.contact_name, 1, 80).ok_or(("contact_name", Key::NameInvalid))?,
            kind: PartnerKind::parse(self.kind.trim()).map_err(|_| ("kind", Key::InvalidInputText))?,
            level: match self.level.trim() {
                "" => PartnerLevel::Supporter,
                l => PartnerLevel::parse(l).map_err(|_| ("level", Key::InvalidInputText))?,
            },
            message: text(&self.message.replace("\r\n", "\n"), 0, 1_000)
                .ok_or(("message", Key::PartnerMessageTooLong))?,
            website: website(&self.website)?,
        })
    }
}

/// The campaign a partner applies to (`None`: the platform).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartnerTarget {
    pub slug: String,
    pub title: String,
}

/// The sign-up page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartnerJoinPage {
    pub campaign: Option<PartnerTarget>,
    /// The signed-in person's name, to start the contact field with.
    pub contact_name: String,
    pub email: String,
}

/// An application on its partner's account page, or in a review list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartnerApplication {
    pub id: i64,
    pub campaign: Option<PartnerTarget>,
    pub form: PartnerForm,
    pub contact_email: String,
    pub status: PartnerStatus,
    /// The reviewer's reason, when rejected.
    pub review_note: Option<String>,
    pub logo_url: Option<String>,
    pub created_at: DateTime<Utc>,
    /// Its match funds (financial partners of a campaign).
    pub funds: Vec<FundView>,
    /// The campaign's rewards a new fund may be kept to (on the partner's own page, when they
    /// may offer one).
    pub tiers: Vec<TierChoice>,
}

impl PartnerApplication {
    /// An approved financial partner of a campaign offers match funds.
    pub fn offers_funds(&self) -> bool {
        self.status == PartnerStatus::Approved
            && self.form.kind == PartnerKind::Financial.as_str()
            && self.campaign.is_some()
    }
}

/// The studio's partners page (or the admins' one for the platform, `campaign` is `None`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartnersReview {
    pub campaign: Option<CampaignId>,
    pub title: String,
    pub status: Option<CampaignStatus>,
    pub partners: Vec<PartnerApplication>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> PartnerForm {
        PartnerForm {
            organisation: " Atelier Lumière ".into(),
            contact_name: "Zoé".into(),
            kind: "in_kind".into(),
            level: String::new(),
            message: "Un local de 40 m² le samedi".into(),
            website: "https://lumiere.example.ch".into(),
        }
    }

    #[test]
    fn a_sign_up_parses_and_names_its_mistakes() {
        let s = form().parse().unwrap();
        assert_eq!(
            (s.organisation.as_str(), s.kind, s.level),
            ("Atelier Lumière", PartnerKind::InKind, PartnerLevel::Supporter)
        );
        assert_eq!(PartnerForm { website: String::new(), ..form() }.parse().unwrap().website, None);
        for bad in ["javascript:alert(1)", "lumiere.ch", "https://", "https://a b.ch", "ftp://x.ch"] {
            assert_eq!(PartnerForm { website: bad.into(), ..form() }.parse().unwrap_err().0, "website", "{bad}");
        }
        assert_eq!(PartnerForm { organisation: " ".into(), ..form() }.parse().unwrap_err().0, "organisation");
        assert_eq!(PartnerForm { kind: "bank".into(), ..form() }.parse().unwrap_err().0, "kind");
        assert_eq!(PartnerForm { message: "x".repeat(1_001), ..form() }.parse().unwrap_err().0, "message");
    }
}
