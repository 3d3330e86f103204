//! The i18n layer: every user-visible string goes through here. French is the default; English
//! and German are complete (each message lists its three languages side by side, so a missing
//! translation does not compile).
//!
//! The locale of a request is decided once, on the server (cookie, then `Accept-Language`),
//! written into `<html lang>`, and read back from there by the browser when it hydrates.

mod formats;
mod labels;
mod messages;
#[cfg(test)]
pub(crate) mod typography;

pub use labels::Translate;
pub use messages::Key;

use crate::domain::{to_zurich, Locale, Money};
use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};
use leptos::prelude::*;

/// Name of the cookie that remembers the chosen language.
pub const LANG_COOKIE: &str = "trame_lang";

/// The `Set-Cookie` value that remembers a language choice for a year.
#[cfg(feature = "ssr")]
pub fn language_cookie(locale: Locale, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly{secure}", locale.code())
}

/// Picks the string of `locale` out of a (French, English, German) triple.
pub(crate) fn pick(locale: Locale, (fr, en, de): (&'static str, &'static str, &'static str)) -> &'static str {
    match locale {
        Locale::Fr => fr,
        Locale::En => en,
        Locale::De => de,
    }
}

/// The current locale with its formatting helpers; `Copy`, so views capture it freely.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct I18n {
    pub locale: Locale,
}

impl I18n {
    pub fn t(self, key: Key) -> &'static str {
        pick(self.locale, key.text())
    }

    pub fn label<T: Translate>(self, value: T) -> &'static str {
        value.label(self.locale)
    }

    pub fn money(self, money: Money) -> String {
        money.format(self.locale)
    }

    pub fn money_short(self, money: Money) -> String {
        money.format_short(self.locale)
    }

    /// A moment in running text, in Geneva time: `24 décembre 2026 à 18:00` /
    /// `24 December 2026 at 18:00` / `24. Dezember 2026 um 18:00 Uhr`.
    pub fn date_time(self, instant: DateTime<Utc>) -> String {
        let local = to_zurich(instant);
        let date = self.date(local.date());
        let (hour, minute) = (local.hour(), local.minute());
        match self.locale {
            Locale::Fr => format!("{date} à {hour:02}:{minute:02}"),
            Locale::En => format!("{date} at {hour:02}:{minute:02}"),
            Locale::De => format!("{date} um {hour:02}:{minute:02} Uhr"),
        }
    }

    /// `1er décembre 2026` / `1 December 2026` / `1. Dezember 2026`.
    pub fn date(self, date: NaiveDate) -> String {
        let month = formats::month_name(self.locale, date.month());
        match (self.locale, date.day()) {
            (Locale::De, day) => format!("{day}. {month} {}", date.year()),
            (Locale::Fr, 1) => format!("1er {month} {}", date.year()),
            (Locale::Fr | Locale::En, day) => format!("{day} {month} {}", date.year()),
        }
    }

    /// `décembre 2026`, for estimated deliveries.
    pub fn month_year(self, date: NaiveDate) -> String {
        format!("{} {}", formats::month_name(self.locale, date.month()), date.year())
    }

    /// `24 déc.` style short day and time for slots: `sam. 12 déc., 14:00`.
    pub fn slot_time(self, starts: DateTime<Utc>, ends: DateTime<Utc>) -> String {
        let s = to_zurich(starts);
        let e = to_zurich(ends);
        let day = formats::weekday_short(self.locale, s.weekday().num_days_from_monday());
        let month = formats::month_short(self.locale, s.month());
        let date = match self.locale {
            Locale::De => format!("{day} {}. {month}", s.day()),
            Locale::Fr | Locale::En => format!("{day} {} {month}", s.day()),
        };
        format!("{date}, {:02}:{:02}–{:02}:{:02}", s.hour(), s.minute(), e.hour(), e.minute())
    }

    /// `1 contributeur·rice` / `12 backers`.
    pub fn backers(self, n: i64) -> String {
        formats::backers(self.locale, n)
    }

    /// `3 sur 10 restants`.
    pub fn units_left(self, left: i64, of: i64) -> String {
        formats::units_left(self.locale, left, of)
    }

    /// `5 places libres` / `5 spots left` / `noch 5 Plätze frei`.
    pub fn places_left(self, n: i64) -> String {
        formats::places_left(self.locale, n)
    }

    /// `12 jours restants` / `5 h restantes` / `Terminée`, for cards.
    pub fn time_left_short(self, deadline: DateTime<Utc>, now: DateTime<Utc>) -> String {
        formats::time_left_short(self.locale, deadline, now)
    }

    /// `42 % financé`.
    pub fn percent_funded(self, percent: u32) -> String {
        formats::percent_funded(self.locale, percent)
    }

    /// `+50 % sur chaque contribution`.
    pub fn match_ratio(self, ratio: rust_decimal::Decimal) -> String {
        formats::match_ratio(self.locale, ratio)
    }

    /// A match fund's terms in words: `+100 % sur chaque contribution, jusqu’à CHF 40.00 par
    /// contribution, CHF 500.00 au total`.
    pub fn fund_terms(self, ratio: rust_decimal::Decimal, cap_per_pledge: Option<Money>, total: Money) -> String {
        let mut text = self.match_ratio(ratio);
        if let Some(cap) = cap_per_pledge {
            text.push_str(", ");
            text.push_str(&self.t(Key::FundCapPerPledge).replace("{amount}", &self.money(cap)));
        }
        text.push_str(", ");
        text.push_str(&self.t(Key::FundTotal).replace("{amount}", &self.money(total)));
        text
    }

    /// `à 12 km`.
    pub fn distance_km(self, km: rust_decimal::Decimal) -> String {
        formats::distance_km(self.locale, km)
    }
}

/// Provides the request's locale to the app (call once, at the root).
pub fn provide_i18n() -> I18n {
    let i18n = I18n { locale: request_locale() };
    provide_context(i18n);
    i18n
}

/// The current locale's helpers; French when none was provided.
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or(I18n { locale: Locale::Fr })
}

/// On the server: the language cookie, else `Accept-Language`, else French.
#[cfg(feature = "ssr")]
pub fn request_locale() -> Locale {
    use_context::<axum::http::request::Parts>().map(|parts| locale_from_headers(&parts.headers)).unwrap_or_default()
}

/// In the browser: what the server wrote into `<html lang>`.
#[cfg(not(feature = "ssr"))]
pub fn request_locale() -> Locale {
    #[cfg(feature = "hydrate")]
    {
        let lang = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|e| e.get_attribute("lang"));
        if let Some(locale) = lang.as_deref().and_then(Locale::from_tag) {
            return locale;
        }
    }
    Locale::default()
}

/// The locale a request asks for: our cookie first, then `Accept-Language`.
#[cfg(feature = "ssr")]
pub fn locale_from_headers(headers: &axum::http::HeaderMap) -> Locale {
    let from_cookie = headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == LANG_COOKIE)
        .and_then(|(_, value)| Locale::from_tag(value));
    from_cookie
        .or_else(|| {
            headers.get(axum::http::header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).and_then(Locale::negotiate)
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn dates_in_geneva_time_per_language() {
        let t = utc("2026-12-20T17:00:00Z");
        assert_eq!(I18n { locale: Locale::Fr }.date_time(t), "20 décembre 2026 à 18:00");
        assert_eq!(I18n { locale: Locale::En }.date_time(t), "20 December 2026 at 18:00");
        assert_eq!(I18n { locale: Locale::De }.date_time(t), "20. Dezember 2026 um 18:00 Uhr");
        let first = utc("2026-11-30T23:30:00Z");
        assert_eq!(
            I18n { locale: Locale::Fr }.date_time(first),
            "1er décembre 2026 à 00:30",
            "Geneva's day, French ordinal"
        );
        assert_eq!(I18n { locale: Locale::En }.date_time(first), "1 December 2026 at 00:30");
    }

    #[test]
    fn slot_times() {
        let i = I18n { locale: Locale::Fr };
        assert_eq!(i.slot_time(utc("2026-12-12T13:00:00Z"), utc("2026-12-12T16:00:00Z")), "sam. 12 déc., 14:00–17:00");
        let i = I18n { locale: Locale::En };
        assert_eq!(i.slot_time(utc("2026-12-12T13:00:00Z"), utc("2026-12-12T16:00:00Z")), "Sat 12 Dec, 14:00–17:00");
    }

    #[test]
    fn every_key_is_translated_in_every_language() {
        for key in Key::ALL {
            for locale in Locale::ALL {
                assert!(!pick(locale, key.text()).trim().is_empty(), "{key:?} in {locale:?}");
            }
        }
    }

    /// Every message and every label: the glossary's typography, and the same placeholders in
    /// the three languages.
    #[test]
    fn the_catalogue_follows_the_glossary() {
        use crate::domain::*;
        let mut texts: Vec<(String, (&str, &str, &str))> =
            Key::ALL.iter().map(|k| (format!("{k:?}"), k.text())).collect();
        fn labels<T: Translate + std::fmt::Debug>(
            all: &[T],
        ) -> Vec<(String, (&'static str, &'static str, &'static str))> {
            all.iter().map(|v| (format!("{v:?}"), v.names())).collect()
        }
        texts.extend(labels(RewardKind::ALL));
        texts.extend(labels(PledgeStatus::ALL));
        texts.extend(labels(Fulfilment::ALL));
        texts.extend(labels(FundingModel::ALL));
        texts.extend(labels(CampaignStatus::ALL));
        texts.extend(labels(Practice::ALL));
        texts.extend(labels(PartnerKind::ALL));
        texts.extend(labels(PartnerLevel::ALL));
        texts.extend(labels(NeedKind::ALL));
        texts.extend(labels(UpdateVisibility::ALL));
        texts.extend(labels(QuestionKind::ALL));
        texts.extend(labels(MemberRole::ALL));
        texts.extend(labels(HelpOfferStatus::ALL));
        texts.extend(labels(PartnerStatus::ALL));
        let mut faults = Vec::new();
        for (name, (fr, en, de)) in &texts {
            for (locale, text) in [(Locale::Fr, fr), (Locale::En, en), (Locale::De, de)] {
                faults.extend(typography::faults(locale, text).into_iter().map(|f| format!("{name}: {f}")));
            }
            let fr_placeholders = typography::placeholders(fr);
            if typography::placeholders(en) != fr_placeholders || typography::placeholders(de) != fr_placeholders {
                faults.push(format!("{name}: placeholders differ between languages"));
            }
        }
        assert!(faults.is_empty(), "{}", faults.join("\n"));
    }

    #[test]
    fn formatted_counts_follow_the_glossary() {
        for locale in Locale::ALL {
            let i = I18n { locale };
            for text in [i.backers(3), i.units_left(2, 10), i.places_left(5), i.percent_funded(42)] {
                assert!(typography::faults(locale, &text).is_empty(), "{text}");
            }
        }
        assert_eq!(I18n { locale: Locale::Fr }.places_left(5), "5 places libres");
        assert_eq!(I18n { locale: Locale::En }.places_left(5), "5 spots left");
        assert_eq!(I18n { locale: Locale::De }.places_left(5), "noch 5 Plätze frei");
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn cookie_wins_over_accept_language() {
        use axum::http::{header, HeaderMap, HeaderValue};
        let mut h = HeaderMap::new();
        h.insert(header::ACCEPT_LANGUAGE, HeaderValue::from_static("de-CH,de;q=0.9"));
        assert_eq!(locale_from_headers(&h), Locale::De);
        h.insert(header::COOKIE, HeaderValue::from_static("a=b; trame_lang=en"));
        assert_eq!(locale_from_headers(&h), Locale::En);
        h.insert(header::COOKIE, HeaderValue::from_static("trame_lang=xx"));
        assert_eq!(locale_from_headers(&h), Locale::De, "an unknown cookie value is ignored");
        assert_eq!(locale_from_headers(&HeaderMap::new()), Locale::Fr);
    }
}
