//! Times are UTC inside; shown in Europe/Zurich. The zone's rule (EU summer time: last Sunday
//! of March to last Sunday of October, switching at 01:00 UTC) is computed here so the browser
//! needs no time-zone database.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc, Weekday};
use serde::{Deserialize, Serialize};

/// Local wall-clock time in Geneva/Zurich for an instant.
pub fn to_zurich(instant: DateTime<Utc>) -> NaiveDateTime {
    let year = instant.year();
    let summer_starts = last_sunday_at_one_utc(year, 3);
    let summer_ends = last_sunday_at_one_utc(year, 10);
    let offset_hours = if instant >= summer_starts && instant < summer_ends { 2 } else { 1 };
    instant.naive_utc() + Duration::hours(offset_hours)
}

/// The instant of a wall-clock time in Geneva. In the hour that happens twice (last Sunday of
/// October) the first is taken; a time in the hour that never happens (last Sunday of March)
/// is read with winter's offset.
pub fn from_zurich(local: NaiveDateTime) -> DateTime<Utc> {
    let summer = Utc.from_utc_datetime(&(local - Duration::hours(2)));
    if to_zurich(summer) == local {
        return summer;
    }
    Utc.from_utc_datetime(&(local - Duration::hours(1)))
}

fn last_sunday_at_one_utc(year: i32, month: u32) -> DateTime<Utc> {
    // day 31 exists in both March and October
    let last = NaiveDate::from_ymd_opt(year, month, 31).unwrap_or(NaiveDate::MIN);
    let back = last.weekday().num_days_from_sunday();
    let sunday = last - Duration::days(i64::from(back));
    debug_assert_eq!(sunday.weekday(), Weekday::Sun);
    Utc.from_utc_datetime(&sunday.and_hms_opt(1, 0, 0).unwrap_or_default())
}

/// Time left until a deadline, split for a countdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeLeft {
    pub days: i64,
    pub hours: i64,
    pub minutes: i64,
    pub seconds: i64,
}

impl TimeLeft {
    /// Time from `now` to `deadline`; `None` once the deadline has passed.
    pub fn until(deadline: DateTime<Utc>, now: DateTime<Utc>) -> Option<TimeLeft> {
        Self::from_seconds((deadline - now).num_seconds())
    }

    /// `total` seconds left, split; `None` when nothing is left.
    pub fn from_seconds(total: i64) -> Option<TimeLeft> {
        if total <= 0 {
            return None;
        }
        Some(TimeLeft {
            days: total / 86_400,
            hours: total % 86_400 / 3_600,
            minutes: total % 3_600 / 60,
            seconds: total % 60,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn winter_is_utc_plus_one_and_summer_utc_plus_two() {
        assert_eq!(to_zurich(utc("2026-12-20T17:00:00Z")).to_string(), "2026-12-20 18:00:00");
        assert_eq!(to_zurich(utc("2026-07-01T10:30:00Z")).to_string(), "2026-07-01 12:30:00");
    }

    #[test]
    fn switches_on_the_last_sundays_at_one_utc() {
        // 2026: summer time from 29 March to 25 October
        assert_eq!(to_zurich(utc("2026-03-29T00:59:59Z")).to_string(), "2026-03-29 01:59:59");
        assert_eq!(to_zurich(utc("2026-03-29T01:00:00Z")).to_string(), "2026-03-29 03:00:00");
        assert_eq!(to_zurich(utc("2026-10-25T00:59:59Z")).to_string(), "2026-10-25 02:59:59");
        assert_eq!(to_zurich(utc("2026-10-25T01:00:00Z")).to_string(), "2026-10-25 02:00:00");
        // 2027: 28 March and 31 October
        assert_eq!(to_zurich(utc("2027-03-28T01:00:00Z")).to_string(), "2027-03-28 03:00:00");
        assert_eq!(to_zurich(utc("2027-10-31T00:30:00Z")).to_string(), "2027-10-31 02:30:00");
    }

    #[test]
    fn geneva_times_go_back_to_utc() {
        for instant in ["2026-12-20T17:00:00Z", "2026-07-01T10:30:00Z", "2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z"]
        {
            let instant = utc(instant);
            let back = from_zurich(to_zurich(instant));
            // 02:30 on 25 October happens twice: the first one is meant
            let expected = if instant == utc("2026-10-25T01:30:00Z") { utc("2026-10-25T00:30:00Z") } else { instant };
            assert_eq!(back, expected);
        }
        let skipped = NaiveDate::from_ymd_opt(2026, 3, 29).unwrap().and_hms_opt(2, 30, 0).unwrap();
        assert_eq!(from_zurich(skipped), utc("2026-03-29T01:30:00Z"));
    }

    #[test]
    fn time_left_splits_and_ends() {
        let now = utc("2026-11-22T10:00:00Z");
        let left = TimeLeft::until(utc("2026-11-24T13:04:05Z"), now).unwrap();
        assert_eq!(left, TimeLeft { days: 2, hours: 3, minutes: 4, seconds: 5 });
        assert_eq!(TimeLeft::until(now, now), None);
        assert_eq!(TimeLeft::until(utc("2026-11-22T09:00:00Z"), now), None);
    }
}
