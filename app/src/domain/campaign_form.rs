//! The campaign editor's form (the studio): what the team typed, and the settings it parses to.
//! Times are typed in Geneva's time (`2026-12-20T18:00`, as `<input type="datetime-local">`
//! sends them) and kept in UTC.

use super::pledge::{parse_amount, FieldError};
use super::time::from_zurich;
use super::{CampaignId, CampaignStatus, Currency, FundingModel, Locale, MemberRole, Money, Slug};
use crate::i18n::Key;
use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

/// The form as posted: every field a string, as typed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CampaignForm {
    pub title: String,
    pub slug: String,
    pub summary: String,
    pub story: String,
    pub city: String,
    pub currency: String,
    pub goal: String,
    pub funding_model: String,
    pub starts_at: String,
    pub ends_at: String,
    pub min_pledge: String,
    /// The language the texts are written in (`fr`, `en`, `de`); French when not sent.
    #[serde(default)]
    pub language: String,
}

/// A campaign's settings, valid.
#[derive(Debug, Clone, PartialEq)]
pub struct CampaignSettings {
    pub title: String,
    pub slug: Slug,
    pub summary: String,
    pub story_md: String,
    pub city: String,
    pub goal: Money,
    pub funding_model: FundingModel,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub min_pledge: Money,
    pub language: Locale,
}

/// A campaign in its team's studio list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StudioCampaign {
    pub id: CampaignId,
    pub slug: String,
    pub title: String,
    pub status: CampaignStatus,
    pub role: MemberRole,
    pub raised: Money,
    pub goal: Money,
    pub ends_at: DateTime<Utc>,
}

/// The campaign editor's page: the settings as stored, written as the form shows them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CampaignEditor {
    pub id: CampaignId,
    pub status: CampaignStatus,
    pub form: CampaignForm,
    /// The story rendered and sanitised exactly as on the public page.
    pub story_html: String,
    /// Why the review sent it back to draft (until it is submitted again).
    pub review_note: Option<String>,
    /// Its pictures, the hero first.
    pub images: Vec<StudioImage>,
    /// Its questions and answers, in order.
    pub faq: Vec<StudioFaq>,
}

/// A question and its answer (Markdown) as posted.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FaqForm {
    pub question: String,
    pub answer: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FaqSettings {
    pub question: String,
    pub answer_md: String,
}

impl FaqForm {
    pub fn parse(&self) -> Result<FaqSettings, FieldError> {
        let question = text(&self.question, 1, 300).ok_or(("question", Key::QuestionPromptInvalid))?;
        let answer_md = self.answer.replace("\r\n", "\n").trim().to_owned();
        if answer_md.is_empty() || answer_md.chars().count() > 5_000 {
            return Err(("answer", Key::FaqAnswerInvalid));
        }
        Ok(FaqSettings { question, answer_md })
    }
}

/// A question and answer in the editor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StudioFaq {
    pub id: i64,
    pub question: String,
    pub answer: String,
}

/// A picture of a campaign in the editor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StudioImage {
    pub id: i64,
    pub url: String,
    pub alt: String,
    pub srcset: String,
}

/// A campaign waiting in the admins' review queue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewItem {
    pub id: CampaignId,
    pub title: String,
    pub summary: String,
    pub city: String,
    pub goal: Money,
    /// The owners' names, comma-separated.
    pub owners: String,
    pub rewards: i64,
    pub submitted_at: Option<DateTime<Utc>>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

/// Longest campaign: 90 days, as most platforms allow (a deadline is what makes people act).
pub const MAX_DAYS: i64 = 90;

impl CampaignForm {
    pub fn parse(&self) -> Result<CampaignSettings, FieldError> {
        let title = text(&self.title, 1, 120).ok_or(("title", Key::CampaignTitleInvalid))?;
        let slug = Slug::parse(self.slug.trim()).map_err(|_| ("slug", Key::SlugInvalid))?;
        let summary = text(&self.summary, 0, 300).ok_or(("summary", Key::SummaryTooLong))?;
        let story_md = self.story.replace("\r\n", "\n");
        if story_md.chars().count() > 50_000 {
            return Err(("story", Key::StoryTooLong));
        }
        let city = text(&self.city, 1, 80).ok_or(("city", Key::CityInvalid))?;
        let currency = Currency::parse(self.currency.trim()).map_err(|_| ("currency", Key::InvalidInputText))?;
        let goal = parse_amount(&self.goal)
            .filter(|g| !g.is_zero() && *g <= rust_decimal::Decimal::from(10_000_000))
            .ok_or(("goal", Key::GoalInvalid))?;
        let funding_model =
            FundingModel::parse(self.funding_model.trim()).map_err(|_| ("funding_model", Key::InvalidInputText))?;
        let starts_at = local_time(&self.starts_at).ok_or(("starts_at", Key::DateInvalid))?;
        let ends_at = local_time(&self.ends_at).ok_or(("ends_at", Key::DateInvalid))?;
        if ends_at <= starts_at {
            return Err(("ends_at", Key::EndBeforeStart));
        }
        if (ends_at - starts_at).num_days() > MAX_DAYS {
            return Err(("ends_at", Key::CampaignTooLong));
        }
        let min_pledge = parse_amount(&self.min_pledge)
            .filter(|m| !m.is_zero() && *m <= goal)
            .ok_or(("min_pledge", Key::MinPledgeInvalid))?;
        let language = match self.language.trim() {
            "" => Locale::Fr,
            code => Locale::ALL.into_iter().find(|l| l.code() == code).ok_or(("language", Key::InvalidInputText))?,
        };
        Ok(CampaignSettings {
            language,
            title,
            slug,
            summary,
            story_md,
            city,
            goal: Money::new(goal, currency),
            funding_model,
            starts_at,
            ends_at,
            min_pledge: Money::new(min_pledge, currency),
        })
    }
}

/// Trimmed text of `min..=max` characters.
pub(super) fn text(value: &str, min: usize, max: usize) -> Option<String> {
    let value = value.trim();
    (min..=max).contains(&value.chars().count()).then(|| value.to_owned())
}

/// `2026-12-20T18:00` (or with seconds) in Geneva's time, to UTC.
pub(super) fn local_time(value: &str) -> Option<DateTime<Utc>> {
    let value = value.trim();
    let local = NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M:%S"))
        .ok()?;
    Some(from_zurich(local))
}

/// How an instant is written into `<input type="datetime-local">`, in Geneva's time.
pub fn local_input(instant: DateTime<Utc>) -> String {
    super::to_zurich(instant).format("%Y-%m-%dT%H:%M").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> CampaignForm {
        CampaignForm {
            title: " Fil Rouge ".into(),
            slug: "fil-rouge".into(),
            summary: "Un atelier partagé".into(),
            story: "## Notre histoire\r\nDu fil.".into(),
            city: "Genève".into(),
            currency: "CHF".into(),
            goal: "25’000".into(),
            funding_model: "all_or_nothing".into(),
            starts_at: "2027-03-01T09:00".into(),
            ends_at: "2027-03-31T18:00".into(),
            min_pledge: "5".into(),
            language: "de".into(),
        }
    }

    #[test]
    fn a_complete_form_parses_with_geneva_times_in_utc() {
        let s = form().parse().unwrap();
        assert_eq!(s.title, "Fil Rouge");
        assert_eq!(s.goal.amount(), rust_decimal::Decimal::from(25_000));
        assert_eq!(s.story_md, "## Notre histoire\nDu fil.");
        // winter: UTC+1; 31 March 2027 is summer time: UTC+2
        assert_eq!(s.starts_at.to_rfc3339(), "2027-03-01T08:00:00+00:00");
        assert_eq!(s.ends_at.to_rfc3339(), "2027-03-31T16:00:00+00:00");
        assert_eq!(local_input(s.ends_at), "2027-03-31T18:00");
        assert_eq!(s.language, Locale::De);
        let unsent = CampaignForm { language: String::new(), ..form() };
        assert_eq!(unsent.parse().unwrap().language, Locale::Fr, "French when the form does not say");
        assert_eq!(CampaignForm { language: "it".into(), ..form() }.parse().unwrap_err().0, "language");
    }

    #[test]
    fn each_mistake_names_its_field() {
        let with = |f: fn(&mut CampaignForm)| {
            let mut form = form();
            f(&mut form);
            form.parse().unwrap_err().0
        };
        assert_eq!(with(|f| f.title = "  ".into()), "title");
        assert_eq!(with(|f| f.slug = "Fil Rouge".into()), "slug");
        assert_eq!(with(|f| f.goal = "0".into()), "goal");
        assert_eq!(with(|f| f.goal = "beaucoup".into()), "goal");
        assert_eq!(with(|f| f.currency = "USD".into()), "currency");
        assert_eq!(with(|f| f.ends_at = "2027-02-01T09:00".into()), "ends_at");
        assert_eq!(with(|f| f.ends_at = "2027-08-01T09:00".into()), "ends_at");
        assert_eq!(with(|f| f.starts_at = "demain".into()), "starts_at");
        assert_eq!(with(|f| f.min_pledge = "30000".into()), "min_pledge");
        assert_eq!(with(|f| f.funding_model = "maybe".into()), "funding_model");
    }
}
