//! Calendar days and instants. A "day" is the runner's local calendar date at the moment of
//! logging (PRODUCT §3). The core never reads the wall clock: shells pass an instant (Unix
//! milliseconds) and a time zone (IANA name) or a local date, so every rule is testable.

use std::fmt;

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::Timestamp;

use crate::error::CoreError;

/// Earliest and latest dates accepted anywhere (design choice: guards against typos like 0202-01-01).
const MIN_YEAR: i16 = 2000;
const MAX_YEAR: i16 = 2200;

/// "Now" as the shell sees it: the current instant and the runner's IANA time zone.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize, uniffi::Record)]
pub struct Moment {
    /// Unix epoch milliseconds.
    pub instant_ms: i64,
    /// IANA time zone name, e.g. "Europe/Berlin".
    pub time_zone: String,
}

impl Moment {
    /// The runner's local date at this instant.
    pub(crate) fn today(&self) -> Result<Day, CoreError> {
        Day::at_instant(self.instant_ms, &self.time_zone)
    }
}

/// A local calendar date. Crosses the FFI boundary as an ISO `YYYY-MM-DD` string.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(Date);

impl Day {
    /// Parses a strict `YYYY-MM-DD` date; the error names `field` and the expected form.
    pub fn parse(field: &str, text: &str) -> Result<Day, CoreError> {
        let bad = || CoreError::invalid(field, format!("enter a date such as 2026-03-01, in the years {MIN_YEAR}–{MAX_YEAR} (you entered {text:?})"));
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return Err(bad());
        }
        let date: Date = text.parse().map_err(|_| bad())?;
        if !(MIN_YEAR..=MAX_YEAR).contains(&date.year()) {
            return Err(bad());
        }
        Ok(Day(date))
    }

    /// Builds a day from year, month and day numbers.
    pub fn from_ymd(year: i16, month: i8, day: i8) -> Result<Day, CoreError> {
        let date = Date::new(year, month, day)
            .map_err(|e| CoreError::invalid("date", format!("not a calendar date: {e}")))?;
        if !(MIN_YEAR..=MAX_YEAR).contains(&date.year()) {
            return Err(CoreError::invalid("date", format!("year must be between {MIN_YEAR} and {MAX_YEAR}")));
        }
        Ok(Day(date))
    }

    /// The local date at `instant_ms` in the IANA time zone `time_zone` (e.g. "Europe/Berlin").
    pub fn at_instant(instant_ms: i64, time_zone: &str) -> Result<Day, CoreError> {
        let tz = time_zone_named(time_zone)?;
        let ts = timestamp_from_ms(instant_ms)?;
        Ok(Day(tz.to_datetime(ts).date()))
    }

    /// The local date at `instant_ms` for a fixed UTC offset in minutes (east positive).
    pub fn at_instant_with_offset(instant_ms: i64, utc_offset_minutes: i32) -> Result<Day, CoreError> {
        if !(-18 * 60..=18 * 60).contains(&utc_offset_minutes) {
            return Err(CoreError::range("utc_offset_minutes", "-1080..=1080", utc_offset_minutes));
        }
        let offset = jiff::tz::Offset::from_seconds(utc_offset_minutes * 60)
            .map_err(|e| CoreError::invalid("utc_offset_minutes", e.to_string()))?;
        let ts = timestamp_from_ms(instant_ms)?;
        Ok(Day(offset.to_datetime(ts).date()))
    }

    pub fn date(self) -> Date {
        self.0
    }

    /// ISO `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        self.0.to_string()
    }

    pub fn add_days(self, days: i32) -> Day {
        Day(self.0.checked_add(jiff::Span::new().days(days)).expect("date arithmetic within supported range"))
    }

    /// Whole days from `earlier` to `self` (negative when `self` is before `earlier`).
    pub fn days_since(self, earlier: Day) -> i32 {
        (self.0.to_jiff_days() - earlier.0.to_jiff_days()) as i32
    }

    /// ISO weekday: Monday = 1 … Sunday = 7.
    pub fn iso_weekday(self) -> u8 {
        self.0.weekday().to_monday_one_offset() as u8
    }

    /// The Monday on or before this day (weeks in trends start on Monday).
    pub fn week_start(self) -> Day {
        self.add_days(-(i32::from(self.iso_weekday()) - 1))
    }
}

trait ToJiffDays {
    fn to_jiff_days(self) -> i64;
}
impl ToJiffDays for Date {
    fn to_jiff_days(self) -> i64 {
        // Days since 1970-01-01; exact for the supported range.
        self.since(Date::constant(1970, 1, 1)).map(|s| i64::from(s.get_days())).unwrap_or(0)
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl fmt::Debug for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Day({})", self.0)
    }
}

impl serde::Serialize for Day {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

impl<'de> serde::Deserialize<'de> for Day {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Day::parse("date", &text).map_err(serde::de::Error::custom)
    }
}

/// Looks up an IANA time zone in the bundled database (identical on every platform).
pub fn time_zone_named(name: &str) -> Result<TimeZone, CoreError> {
    TimeZone::get(name).map_err(|_| CoreError::invalid("time_zone", format!("use a time-zone name such as Europe/Berlin (you entered {name:?})")))
}

/// Converts Unix milliseconds to a timestamp, rejecting values outside jiff's range.
pub fn timestamp_from_ms(instant_ms: i64) -> Result<Timestamp, CoreError> {
    Timestamp::from_millisecond(instant_ms)
        .map_err(|_| CoreError::invalid("instant_ms", format!("must be Unix milliseconds within the years 1–9999 (it was {instant_ms})")))
}

/// Rejects a date after `today` (a pain score cannot be logged for tomorrow).
pub fn ensure_not_future(field: &str, day: Day, today: Day) -> Result<(), CoreError> {
    if day > today {
        return Err(CoreError::invalid(field, format!("{day} is in the future: enter today ({today}) or an earlier date")));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_is_strict() {
        assert!(Day::parse("date", "2026-09-01").is_ok());
        for bad in ["2026-9-1", "2026-02-30", "01-09-2026", "", "1999-12-31", "2026-09-01T00:00"] {
            let err = Day::parse("date", bad).unwrap_err().to_string();
            assert!(err.contains("date"), "{bad}: {err}");
        }
    }

    #[test]
    fn arithmetic_and_weeks() {
        let d = Day::parse("d", "2026-11-23").unwrap(); // a Monday
        assert_eq!(d.iso_weekday(), 1);
        assert_eq!(d.add_days(6).week_start(), d);
        assert_eq!(d.add_days(7).days_since(d), 7);
        assert_eq!(d.add_days(-400).days_since(d), -400);
    }

    #[test]
    fn local_day_respects_zone_around_midnight() {
        // 2026-03-28 23:30 in Berlin (CET, UTC+1) = 22:30Z; 00:30 the next day = 23:30Z.
        let late = Timestamp::from_second(1_774_737_000).unwrap(); // 2026-03-28T22:30:00Z
        let ms = late.as_millisecond();
        assert_eq!(Day::at_instant(ms, "Europe/Berlin").unwrap().iso(), "2026-03-28");
        assert_eq!(Day::at_instant(ms + 3_600_000, "Europe/Berlin").unwrap().iso(), "2026-03-29");
        assert_eq!(Day::at_instant(ms, "Asia/Kolkata").unwrap().iso(), "2026-03-29");
        assert!(Day::at_instant(ms, "Mars/Olympus").is_err());
        assert_eq!(Day::at_instant_with_offset(ms, 60).unwrap().iso(), "2026-03-28");
        assert_eq!(Day::at_instant_with_offset(ms, 120).unwrap().iso(), "2026-03-29");
    }
}
