//! Campaign updates (news from the team): the studio's form, its list, and an update as its
//! own public page shows it.

use super::campaign_form::text;
use super::pledge::FieldError;
use super::{CampaignId, UpdateVisibility};
use crate::i18n::Key;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// An update as posted.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UpdateForm {
    pub title: String,
    /// Markdown.
    pub body: String,
    pub visibility: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct UpdateSettings {
    pub title: String,
    pub body_md: String,
    pub visibility: UpdateVisibility,
}

impl UpdateForm {
    pub fn parse(&self) -> Result<UpdateSettings, FieldError> {
        let title = text(&self.title, 1, 160).ok_or(("title", Key::UpdateTitleInvalid))?;
        let body_md = self.body.replace("\r\n", "\n").trim().to_owned();
        if body_md.is_empty() || body_md.chars().count() > 20_000 {
            return Err(("body", Key::UpdateBodyInvalid));
        }
        let visibility =
            UpdateVisibility::parse(self.visibility.trim()).map_err(|_| ("visibility", Key::InvalidInputText))?;
        Ok(UpdateSettings { title, body_md, visibility })
    }
}

/// An update in the studio: a draft (`published_at` is `None`) or published.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StudioUpdate {
    pub id: i64,
    pub form: UpdateForm,
    /// The body rendered and sanitised as the public page shows it.
    pub body_html: String,
    pub published_at: Option<DateTime<Utc>>,
}

/// The studio's updates page of a campaign.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UpdatesEditor {
    pub campaign: CampaignId,
    pub title: String,
    pub slug: String,
    pub status: super::CampaignStatus,
    /// The newest first.
    pub updates: Vec<StudioUpdate>,
}

/// An update's own public page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UpdatePage {
    pub campaign_title: String,
    pub slug: String,
    pub title: String,
    /// Empty when the update is for backers and the reader is not one (nor on the team).
    pub body_html: String,
    pub visibility: UpdateVisibility,
    pub published_at: DateTime<Utc>,
    /// The reader may see a backers-only body.
    pub readable: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_update_needs_a_title_a_body_and_a_visibility() {
        let form = UpdateForm {
            title: " Le métier est là ".into(),
            body: "Photos\r\nbientôt".into(),
            visibility: "backers".into(),
        };
        let s = form.parse().unwrap();
        assert_eq!(
            (s.title.as_str(), s.body_md.as_str(), s.visibility),
            ("Le métier est là", "Photos\nbientôt", UpdateVisibility::Backers)
        );
        assert_eq!(UpdateForm { title: "".into(), ..form.clone() }.parse().unwrap_err().0, "title");
        assert_eq!(UpdateForm { body: "  ".into(), ..form.clone() }.parse().unwrap_err().0, "body");
        assert_eq!(UpdateForm { visibility: "friends".into(), ..form }.parse().unwrap_err().0, "visibility");
    }
}
