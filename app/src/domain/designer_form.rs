//! Designers written from the studio: a campaign's team creates the profiles of the designers
//! it works with and edits them while they are linked to the campaign (admins edit any). The
//! form is posted as typed and parses to settings or to the field that is wrong.

use super::campaign_form::text;
use super::partner::website;
use super::pledge::FieldError;
use super::views::DesignerCard;
use super::{CampaignId, Practice};
use crate::i18n::Key;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// The most materials or certifications a profile lists.
pub const MAX_TAGS: usize = 12;

/// A designer as posted (`form[...]`); materials and certifications are comma-separated.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DesignerForm {
    pub name: String,
    pub atelier: String,
    pub city: String,
    pub bio: String,
    pub materials: String,
    pub certifications: String,
    /// Practice codes, one checkbox each (`form[practices][i]`).
    pub practices: Vec<String>,
    pub website: String,
    pub instagram: String,
    /// Kilometres from the atelier to the campaign's city (empty: not said).
    pub distance_km: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DesignerSettings {
    pub name: String,
    pub atelier: String,
    pub city: String,
    pub bio: String,
    pub materials: Vec<String>,
    pub certifications: Vec<String>,
    pub practices: Vec<Practice>,
    pub website: Option<String>,
    pub instagram: Option<String>,
    pub distance_km: Option<Decimal>,
}

/// `lin, chanvre , laine` → `["lin", "chanvre", "laine"]`: trimmed, without empties or repeats.
fn tags(value: &str, field: &'static str) -> Result<Vec<String>, FieldError> {
    let mut out: Vec<String> = Vec::new();
    for tag in value.split(',').map(str::trim).filter(|t| !t.is_empty()) {
        if tag.chars().count() > 40 {
            return Err((field, Key::DesignerTagInvalid));
        }
        if !out.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
            out.push(tag.to_owned());
        }
    }
    if out.len() > MAX_TAGS {
        return Err((field, Key::DesignerTagInvalid));
    }
    Ok(out)
}

/// Kilometres with at most one decimal (`2,5`), from 0 to 20'000; empty is `None`.
pub fn parse_distance(value: &str) -> Result<Option<Decimal>, FieldError> {
    let value = value.trim().replace(',', ".");
    if value.is_empty() {
        return Ok(None);
    }
    Decimal::from_str(&value)
        .ok()
        .filter(|d| *d >= Decimal::ZERO && *d <= Decimal::from(20_000) && d.scale() <= 1)
        .map(Some)
        .ok_or(("distance_km", Key::DistanceInvalid))
}

impl DesignerForm {
    pub fn parse(&self) -> Result<DesignerSettings, FieldError> {
        let mut practices = Vec::new();
        for code in self.practices.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
            let practice = Practice::parse(code).map_err(|_| ("practices", Key::InvalidInputText))?;
            if !practices.contains(&practice) {
                practices.push(practice);
            }
        }
        Ok(DesignerSettings {
            name: text(&self.name, 1, 80).ok_or(("name", Key::NameInvalid))?,
            atelier: text(&self.atelier, 0, 120).ok_or(("atelier", Key::DesignerAtelierInvalid))?,
            city: text(&self.city, 1, 80).ok_or(("city", Key::CityInvalid))?,
            bio: text(&self.bio.replace("\r\n", "\n"), 0, 2_000).ok_or(("bio", Key::RewardDescriptionTooLong))?,
            materials: tags(&self.materials, "materials")?,
            certifications: tags(&self.certifications, "certifications")?,
            practices,
            website: website(&self.website)?,
            instagram: website(&self.instagram).map_err(|_| ("instagram", Key::WebsiteInvalid))?,
            distance_km: parse_distance(&self.distance_km)?,
        })
    }
}

/// A designer in the studio's designers tab: the card, the form filled with it, whether the
/// designer has claimed the profile (then they edit it themselves too) and the invitation to
/// claim it still open.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DesignerEdit {
    pub card: DesignerCard,
    pub form: DesignerForm,
    pub claimed: bool,
    pub invite: Option<super::DesignerInvite>,
}

/// The studio's designers tab.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DesignersEditor {
    pub campaign: CampaignId,
    pub title: String,
    pub designers: Vec<DesignerEdit>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> DesignerForm {
        DesignerForm {
            name: " Léa Martin ".into(),
            atelier: "Atelier Fil".into(),
            city: "Genève".into(),
            bio: "Couturière".into(),
            materials: "lin, chanvre, , Lin, laine".into(),
            certifications: "GOTS".into(),
            practices: vec!["upcycling".into(), "natural_dyes".into(), "upcycling".into()],
            website: "https://lea.example.ch".into(),
            instagram: String::new(),
            distance_km: "2,5".into(),
        }
    }

    #[test]
    fn a_profile_parses_and_names_its_mistakes() {
        let s = form().parse().unwrap();
        assert_eq!(s.name, "Léa Martin");
        assert_eq!(s.materials, ["lin", "chanvre", "laine"]);
        assert_eq!(s.practices, [Practice::Upcycling, Practice::NaturalDyes]);
        assert_eq!(s.distance_km, Some(Decimal::new(25, 1)));
        assert_eq!(DesignerForm { name: " ".into(), ..form() }.parse().unwrap_err().0, "name");
        assert_eq!(DesignerForm { city: String::new(), ..form() }.parse().unwrap_err().0, "city");
        assert_eq!(DesignerForm { practices: vec!["magic".into()], ..form() }.parse().unwrap_err().0, "practices");
        assert_eq!(DesignerForm { distance_km: "-1".into(), ..form() }.parse().unwrap_err().0, "distance_km");
        assert_eq!(DesignerForm { distance_km: "1.25".into(), ..form() }.parse().unwrap_err().0, "distance_km");
        assert_eq!(DesignerForm { website: "javascript:x".into(), ..form() }.parse().unwrap_err().0, "website");
        assert_eq!(DesignerForm { instagram: "insta".into(), ..form() }.parse().unwrap_err().0, "instagram");
        let many = (0..13).map(|i| format!("m{i}")).collect::<Vec<_>>().join(",");
        assert_eq!(DesignerForm { materials: many, ..form() }.parse().unwrap_err().0, "materials");
    }
}
