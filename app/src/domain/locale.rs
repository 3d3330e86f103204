//! The languages Trame speaks.

use serde::{Deserialize, Serialize};

/// A user-interface language. French is the default; every string exists in each language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Locale {
    #[default]
    Fr,
    En,
    De,
}

impl Locale {
    /// Every locale, in the order the language switch shows them.
    pub const ALL: [Locale; 3] = [Locale::Fr, Locale::En, Locale::De];

    /// The BCP 47 language code (`lang` attribute, cookie value).
    pub fn code(self) -> &'static str {
        match self {
            Locale::Fr => "fr",
            Locale::En => "en",
            Locale::De => "de",
        }
    }

    /// The language's own name, for the language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::Fr => "Français",
            Locale::En => "English",
            Locale::De => "Deutsch",
        }
    }

    /// Parses a language tag such as `fr`, `en-GB` or `de-CH` (the region is ignored).
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "fr" => Some(Locale::Fr),
            "en" => Some(Locale::En),
            "de" => Some(Locale::De),
            _ => None,
        }
    }

    /// Picks the best supported locale from an `Accept-Language` header, honouring q-values.
    pub fn negotiate(accept_language: &str) -> Option<Locale> {
        let mut best: Option<(Locale, f32)> = None;
        for item in accept_language.split(',') {
            let mut parts = item.split(';');
            let Some(locale) = parts.next().and_then(Locale::from_tag) else { continue };
            let q = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            if q > 0.0 && best.is_none_or(|(_, bq)| q > bq) {
                best = Some((locale, q));
            }
        }
        best.map(|(l, _)| l)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_with_regions_parse() {
        assert_eq!(Locale::from_tag("de-CH"), Some(Locale::De));
        assert_eq!(Locale::from_tag("EN_gb"), Some(Locale::En));
        assert_eq!(Locale::from_tag("it"), None);
        assert_eq!(Locale::from_tag(""), None);
    }

    #[test]
    fn accept_language_honours_quality() {
        assert_eq!(Locale::negotiate("it-CH, en;q=0.8, fr;q=0.9"), Some(Locale::Fr));
        assert_eq!(Locale::negotiate("en-US,en;q=0.9"), Some(Locale::En));
        assert_eq!(Locale::negotiate("de;q=0, en;q=0.1"), Some(Locale::En));
        assert_eq!(Locale::negotiate("ja, zh"), None);
        assert_eq!(Locale::negotiate(""), None);
    }

    #[test]
    fn codes_round_trip() {
        for l in Locale::ALL {
            assert_eq!(Locale::from_tag(l.code()), Some(l));
        }
    }
}
