//! Words that change with a number or a date: month and weekday names, plurals of backers,
//! units and places, time left, percentages, match ratios and distances, per language.

use crate::domain::Locale;
use chrono::{DateTime, Utc};
use rust_decimal::Decimal;

const MONTHS: [(&str, &str, &str); 12] = [
    ("janvier", "January", "Januar"),
    ("février", "February", "Februar"),
    ("mars", "March", "März"),
    ("avril", "April", "April"),
    ("mai", "May", "Mai"),
    ("juin", "June", "Juni"),
    ("juillet", "July", "Juli"),
    ("août", "August", "August"),
    ("septembre", "September", "September"),
    ("octobre", "October", "Oktober"),
    ("novembre", "November", "November"),
    ("décembre", "December", "Dezember"),
];

const MONTHS_SHORT: [(&str, &str, &str); 12] = [
    ("janv.", "Jan", "Jan."),
    ("févr.", "Feb", "Feb."),
    ("mars", "Mar", "März"),
    ("avr.", "Apr", "Apr."),
    ("mai", "May", "Mai"),
    ("juin", "Jun", "Juni"),
    ("juil.", "Jul", "Juli"),
    ("août", "Aug", "Aug."),
    ("sept.", "Sep", "Sept."),
    ("oct.", "Oct", "Okt."),
    ("nov.", "Nov", "Nov."),
    ("déc.", "Dec", "Dez."),
];

const WEEKDAYS_SHORT: [(&str, &str, &str); 7] = [
    ("lun.", "Mon", "Mo."),
    ("mar.", "Tue", "Di."),
    ("mer.", "Wed", "Mi."),
    ("jeu.", "Thu", "Do."),
    ("ven.", "Fri", "Fr."),
    ("sam.", "Sat", "Sa."),
    ("dim.", "Sun", "So."),
];

/// `month` is 1-based.
pub(super) fn month_name(locale: Locale, month: u32) -> &'static str {
    super::pick(locale, MONTHS[(month.clamp(1, 12) - 1) as usize])
}

pub(super) fn month_short(locale: Locale, month: u32) -> &'static str {
    super::pick(locale, MONTHS_SHORT[(month.clamp(1, 12) - 1) as usize])
}

/// `day` counts from Monday = 0.
pub(super) fn weekday_short(locale: Locale, day: u32) -> &'static str {
    super::pick(locale, WEEKDAYS_SHORT[day.min(6) as usize])
}

pub(super) fn backers(locale: Locale, n: i64) -> String {
    match (locale, n) {
        (Locale::Fr, 0 | 1) => format!("{n} contributeur·rice"),
        (Locale::Fr, _) => format!("{n} contributeur·rices"),
        (Locale::En, 1) => "1 backer".to_owned(),
        (Locale::En, _) => format!("{n} backers"),
        (Locale::De, 1) => "1 Unterstützer:in".to_owned(),
        (Locale::De, _) => format!("{n} Unterstützer:innen"),
    }
}

pub(super) fn units_left(locale: Locale, left: i64, of: i64) -> String {
    match (locale, left) {
        (Locale::Fr, 0 | 1) => format!("{left} restant sur {of}"),
        (Locale::Fr, _) => format!("{left} restants sur {of}"),
        (Locale::En, _) => format!("{left} left of {of}"),
        (Locale::De, _) => format!("noch {left} von {of}"),
    }
}

pub(super) fn places_left(locale: Locale, n: i64) -> String {
    match (locale, n) {
        (Locale::Fr, 0 | 1) => format!("{n} place libre"),
        (Locale::Fr, _) => format!("{n} places libres"),
        (Locale::En, 1) => "1 spot left".to_owned(),
        (Locale::En, _) => format!("{n} spots left"),
        (Locale::De, 1) => "noch 1 Platz frei".to_owned(),
        (Locale::De, _) => format!("noch {n} Plätze frei"),
    }
}

pub(super) fn time_left_short(locale: Locale, deadline: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let seconds = (deadline - now).num_seconds();
    if seconds <= 0 {
        return super::pick(locale, ("Terminée", "Ended", "Beendet")).to_owned();
    }
    let days = seconds / 86_400;
    let hours = seconds / 3_600;
    match locale {
        Locale::Fr if days >= 2 => format!("{days} jours restants"),
        Locale::Fr if hours >= 1 => format!("{hours} h restantes"),
        Locale::Fr => "Dernières minutes".to_owned(),
        Locale::En if days >= 2 => format!("{days} days left"),
        Locale::En if hours >= 1 => format!("{hours} h left"),
        Locale::En => "Final minutes".to_owned(),
        Locale::De if days >= 2 => format!("noch {days} Tage"),
        Locale::De if hours >= 1 => format!("noch {hours} Std."),
        Locale::De => "Letzte Minuten".to_owned(),
    }
}

pub(super) fn percent_funded(locale: Locale, percent: u32) -> String {
    match locale {
        Locale::Fr => format!("{percent}\u{a0}% financé"),
        Locale::En => format!("{percent}% funded"),
        Locale::De => format!("{percent}\u{a0}% finanziert"),
    }
}

/// `+50 % sur chaque contribution` for a match ratio of 0.5.
pub(super) fn match_ratio(locale: Locale, ratio: Decimal) -> String {
    let percent = (ratio * Decimal::ONE_HUNDRED).normalize();
    match locale {
        Locale::Fr => format!("+{percent}\u{a0}% sur chaque contribution"),
        Locale::En => format!("+{percent}% on every pledge"),
        Locale::De => format!("+{percent}\u{a0}% auf jeden Beitrag"),
    }
}

pub(super) fn distance_km(locale: Locale, km: Decimal) -> String {
    let km = km.normalize();
    match locale {
        Locale::Fr => format!("à {} km", km.to_string().replace('.', ",")),
        Locale::En => format!("{km} km away"),
        Locale::De => format!("{} km entfernt", km.to_string().replace('.', ",")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals() {
        assert_eq!(backers(Locale::Fr, 1), "1 contributeur·rice");
        assert_eq!(backers(Locale::Fr, 12), "12 contributeur·rices");
        assert_eq!(backers(Locale::En, 1), "1 backer");
        assert_eq!(backers(Locale::De, 3), "3 Unterstützer:innen");
        assert_eq!(units_left(Locale::Fr, 3, 10), "3 restants sur 10");
        assert_eq!(units_left(Locale::En, 1, 10), "1 left of 10");
    }

    #[test]
    fn short_time_left() {
        let now: DateTime<Utc> = "2026-11-22T10:00:00Z".parse().unwrap();
        let in_days = now + chrono::Duration::days(12) + chrono::Duration::hours(3);
        assert_eq!(time_left_short(Locale::Fr, in_days, now), "12 jours restants");
        assert_eq!(time_left_short(Locale::En, now + chrono::Duration::hours(30), now), "30 h left");
        assert_eq!(time_left_short(Locale::De, now - chrono::Duration::seconds(1), now), "Beendet");
    }

    #[test]
    fn match_ratios() {
        assert_eq!(match_ratio(Locale::Fr, Decimal::new(50, 2)), "+50\u{a0}% sur chaque contribution");
        assert_eq!(match_ratio(Locale::En, Decimal::ONE), "+100% on every pledge");
    }

    #[test]
    fn distances() {
        assert_eq!(distance_km(Locale::Fr, Decimal::new(125, 1)), "à 12,5 km");
        assert_eq!(distance_km(Locale::En, Decimal::new(30, 1)), "3 km away");
    }
}
