//! Translations of a campaign's texts, written by its team: the title, summary and story, each
//! reward's name and description, each question and answer. An empty field shows the original;
//! a translation left all empty is removed.

use super::campaign_form::text;
use super::pledge::FieldError;
use super::{CampaignId, CampaignStatus, Locale};
use crate::i18n::Key;
use serde::{Deserialize, Serialize};

/// The campaign's own texts, or their translation, as posted (`form[title]`...).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CampaignTexts {
    pub title: String,
    pub summary: String,
    pub story: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RewardTexts {
    pub title: String,
    pub description: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FaqTexts {
    pub question: String,
    pub answer: String,
}

/// Markdown as typed: Windows line ends made plain, trimmed, at most `max` characters.
fn markdown(value: &str, max: usize, field: &'static str, too_long: Key) -> Result<String, FieldError> {
    let md = value.replace("\r\n", "\n").trim().to_owned();
    if md.chars().count() > max {
        return Err((field, too_long));
    }
    Ok(md)
}

/// Texts that are all empty: the translation is removed.
pub trait Blank {
    fn is_blank(&self) -> bool;
}

impl CampaignTexts {
    pub fn parse(&self) -> Result<CampaignTexts, FieldError> {
        Ok(CampaignTexts {
            title: text(&self.title, 0, 120).ok_or(("title", Key::CampaignTitleInvalid))?,
            summary: text(&self.summary, 0, 300).ok_or(("summary", Key::SummaryTooLong))?,
            story: markdown(&self.story, 50_000, "story", Key::StoryTooLong)?,
        })
    }
}

impl Blank for CampaignTexts {
    fn is_blank(&self) -> bool {
        self.title.is_empty() && self.summary.is_empty() && self.story.is_empty()
    }
}

impl RewardTexts {
    pub fn parse(&self) -> Result<RewardTexts, FieldError> {
        Ok(RewardTexts {
            title: text(&self.title, 0, 120).ok_or(("title", Key::RewardTitleInvalid))?,
            description: markdown(&self.description, 2_000, "description", Key::RewardDescriptionTooLong)?,
        })
    }
}

impl Blank for RewardTexts {
    fn is_blank(&self) -> bool {
        self.title.is_empty() && self.description.is_empty()
    }
}

impl FaqTexts {
    pub fn parse(&self) -> Result<FaqTexts, FieldError> {
        Ok(FaqTexts {
            question: text(&self.question, 0, 300).ok_or(("question", Key::QuestionPromptInvalid))?,
            answer: markdown(&self.answer, 5_000, "answer", Key::FaqAnswerInvalid)?,
        })
    }
}

impl Blank for FaqTexts {
    fn is_blank(&self) -> bool {
        self.question.is_empty() && self.answer.is_empty()
    }
}

/// A part of the campaign (a reward, a question) with its original texts and their translation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TranslatedPart<T> {
    pub id: i64,
    pub original: T,
    pub translated: T,
}

/// The studio's translations page, for one language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TranslationsEditor {
    pub campaign: CampaignId,
    pub status: CampaignStatus,
    /// The language the campaign's own texts are written in.
    pub own: Locale,
    /// The language translated into on this page.
    pub lang: Locale,
    pub original: CampaignTexts,
    pub translated: CampaignTexts,
    pub rewards: Vec<TranslatedPart<RewardTexts>>,
    pub faq: Vec<TranslatedPart<FaqTexts>>,
}

/// The languages a campaign written in `own` can be translated into.
pub fn other_locales(own: Locale) -> impl Iterator<Item = Locale> {
    Locale::ALL.into_iter().filter(move |l| *l != own)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_trimmed_and_an_empty_translation_is_blank() {
        let t = CampaignTexts { title: "  Red thread ".into(), summary: String::new(), story: "a\r\nb ".into() };
        let parsed = t.parse().unwrap();
        assert_eq!(parsed.title, "Red thread");
        assert_eq!(parsed.story, "a\nb");
        assert!(!parsed.is_blank());
        assert!(CampaignTexts { title: " ".into(), ..CampaignTexts::default() }.parse().unwrap().is_blank());
        assert!(RewardTexts::default().parse().unwrap().is_blank());
    }

    #[test]
    fn too_long_texts_are_refused_with_their_field() {
        let long = "x".repeat(121);
        assert_eq!(CampaignTexts { title: long.clone(), ..CampaignTexts::default() }.parse().unwrap_err().0, "title");
        assert_eq!(
            RewardTexts { description: "x".repeat(2_001), ..RewardTexts::default() }.parse().unwrap_err().0,
            "description"
        );
        assert_eq!(FaqTexts { question: "x".repeat(301), ..FaqTexts::default() }.parse().unwrap_err().0, "question");
        assert_eq!(other_locales(Locale::En).collect::<Vec<_>>(), vec![Locale::Fr, Locale::De]);
    }
}
