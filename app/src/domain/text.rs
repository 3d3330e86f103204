//! Text that must have a shape: URL slugs and email addresses.

use serde::{Deserialize, Serialize};

/// Why a slug was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum SlugError {
    #[error("a slug has 3 to 80 characters")]
    Length,
    #[error("a slug uses lowercase letters, digits and single hyphens")]
    Characters,
}

/// The URL name of a campaign or designer: `atelier-circulaire-geneve`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Slug(String);

impl Slug {
    pub fn parse(value: &str) -> Result<Slug, SlugError> {
        if !(3..=80).contains(&value.len()) {
            return Err(SlugError::Length);
        }
        let well_formed = value
            .split('-')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
        if well_formed {
            Ok(Slug(value.to_owned()))
        } else {
            Err(SlugError::Characters)
        }
    }

    /// A slug made from a title: accents folded, other characters turned into hyphens.
    pub fn from_title(title: &str) -> Result<Slug, SlugError> {
        let mut out = String::new();
        for c in title.chars().flat_map(char::to_lowercase) {
            let folded = fold_accent(c);
            if folded.chars().all(|f| f.is_ascii_alphanumeric()) && !folded.is_empty() {
                out.push_str(folded);
            } else if c.is_ascii_alphanumeric() {
                out.push(c);
            } else if !out.ends_with('-') && !out.is_empty() {
                out.push('-');
            }
        }
        let mut slug = out.trim_end_matches('-').to_owned();
        if slug.len() > 80 {
            slug.truncate(80);
            slug = slug.trim_end_matches('-').to_owned();
        }
        Slug::parse(&slug)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn fold_accent(c: char) -> &'static str {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'å' => "a",
        'ä' | 'æ' => "ae",
        'ç' => "c",
        'è' | 'é' | 'ê' | 'ë' => "e",
        'ì' | 'í' | 'î' | 'ï' => "i",
        'ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' => "o",
        'ö' | 'œ' => "oe",
        'ù' | 'ú' | 'û' => "u",
        'ü' => "ue",
        'ß' => "ss",
        'ÿ' => "y",
        _ => "",
    }
}

impl TryFrom<String> for Slug {
    type Error = SlugError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Slug::parse(&value)
    }
}

impl From<Slug> for String {
    fn from(slug: Slug) -> String {
        slug.0
    }
}

impl std::fmt::Display for Slug {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Why an email address was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum EmailError {
    #[error("the email address is empty")]
    Empty,
    #[error("the email address is too long")]
    TooLong,
    #[error("the email address is not of the form name@example.ch")]
    Shape,
}

/// An email address of a plausible shape (delivery is what proves it exists), trimmed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    pub fn parse(value: &str) -> Result<Email, EmailError> {
        let value = value.trim();
        if value.is_empty() {
            return Err(EmailError::Empty);
        }
        if value.len() > 254 {
            return Err(EmailError::TooLong);
        }
        let (local, domain) = value.split_once('@').ok_or(EmailError::Shape)?;
        let domain_ok = domain.split('.').count() >= 2
            && domain.split('.').all(|label| !label.is_empty() && !label.starts_with('-') && !label.ends_with('-'))
            && domain.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '.');
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local.chars().any(|c| c.is_whitespace() || c == '@' || c.is_control());
        if domain_ok && local_ok {
            Ok(Email(value.to_owned()))
        } else {
            Err(EmailError::Shape)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Lower-cased form used to compare addresses (unique case-insensitively).
    pub fn normalized(&self) -> String {
        self.0.to_lowercase()
    }
}

impl TryFrom<String> for Email {
    type Error = EmailError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Email::parse(&value)
    }
}

impl From<Email> for String {
    fn from(email: Email) -> String {
        email.0
    }
}

impl std::fmt::Display for Email {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Percent-encodes a value for a query string (letters, digits and `-_.~` stay).
pub fn query_value(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_parse() {
        assert!(Slug::parse("atelier-circulaire").is_ok());
        assert!(Slug::parse("geneve-2026").is_ok());
        assert_eq!(Slug::parse("ab"), Err(SlugError::Length));
        assert_eq!(Slug::parse(&"a".repeat(81)), Err(SlugError::Length));
        for bad in ["Atelier", "a--b", "-abc", "abc-", "a_b_c", "été-ok", "a b c", "../etc"] {
            assert_eq!(Slug::parse(bad), Err(SlugError::Characters), "{bad}");
        }
    }

    #[test]
    fn slugs_from_french_and_german_titles() {
        assert_eq!(Slug::from_title("Mode durable à Genève !").unwrap().as_str(), "mode-durable-a-geneve");
        assert_eq!(Slug::from_title("Größe & Nähe").unwrap().as_str(), "groesse-naehe");
        assert_eq!(Slug::from_title("  L’Œuvre — zéro déchet  ").unwrap().as_str(), "l-oeuvre-zero-dechet");
        assert!(Slug::from_title("!!").is_err());
        assert!(Slug::from_title(&"é".repeat(200)).unwrap().as_str().len() <= 80);
    }

    #[test]
    fn slug_deserialisation_validates() {
        assert!(serde_json::from_str::<Slug>("\"ok-slug\"").is_ok());
        assert!(serde_json::from_str::<Slug>("\"Not OK\"").is_err());
    }

    #[test]
    fn emails_parse() {
        let e = Email::parse("  Ana.Muller@Example.CH ").unwrap();
        assert_eq!(e.as_str(), "Ana.Muller@Example.CH");
        assert_eq!(e.normalized(), "ana.muller@example.ch");
        assert!(Email::parse("léa@atelier.ch").is_ok());
        assert_eq!(Email::parse(""), Err(EmailError::Empty));
        assert_eq!(Email::parse(&format!("{}@x.ch", "a".repeat(260))), Err(EmailError::TooLong));
        for bad in ["nobody", "a@b", "@x.ch", "a b@x.ch", "a@x..ch", "a@-x.ch", "a@@x.ch", "a@x.ch."] {
            assert_eq!(Email::parse(bad), Err(EmailError::Shape), "{bad}");
        }
    }
}
