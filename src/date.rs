//! Dates that keep their precision: a day, a month, a year, a decade, a century, a span of
//! years, "before 1989", "after 2000", or unknown. Written and read as short strings
//! (`2022-03-22`, `2022-03`, `1944`, `1960s`, `13c`, `1970/1989`, `before 1989`, `c. 2008`,
//! `unknown`), so the data files stay readable.
//!
//! Not for: time zones, times of day, or calendars other than the Gregorian.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cmp::Ordering;
use std::fmt;

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    Day,
    Month,
    Year,
    /// A span of years, e.g. 1970/1989.
    Range,
    Decade,
    Century,
    /// Some time before the given year.
    Before,
    /// Some time after the given year.
    After,
    Unknown,
}

/// A calendar date with its precision. `year` is the first year the date may mean
/// (for `Before`, the year it is known to precede).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Date {
    pub precision: Precision,
    pub year: i32,
    pub month: u8,
    pub day: u8,
    /// Last year of a range.
    pub end_year: i32,
    /// "c. 2008": the year is approximate.
    pub approx: bool,
}

/// The longest date text read, in characters (`c. before 1989` is 14): anything longer is
/// refused at once.
pub const MAX_DATE_CHARS: usize = 40;

/// A point in time as (year, month, day), for comparisons.
pub type Ymd = (i32, u8, u8);

const MIN_YMD: Ymd = (i32::MIN, 1, 1);
const MAX_YMD: Ymd = (i32::MAX, 12, 31);

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => {
            if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 {
                29
            } else {
                28
            }
        }
        _ => 0,
    }
}

impl Date {
    pub const UNKNOWN: Date = Date {
        precision: Precision::Unknown,
        year: 0,
        month: 0,
        day: 0,
        end_year: 0,
        approx: false,
    };

    pub fn year(year: i32) -> Date {
        Date {
            precision: Precision::Year,
            year,
            ..Date::UNKNOWN
        }
    }

    pub fn ymd(year: i32, month: u8, day: u8) -> Date {
        Date {
            precision: Precision::Day,
            year,
            month,
            day,
            ..Date::UNKNOWN
        }
    }

    pub fn is_unknown(&self) -> bool {
        self.precision == Precision::Unknown
    }

    /// Parse one of the accepted forms; the error says what was expected. A date is short:
    /// longer input is refused before it is read ([`MAX_DATE_CHARS`]), and the `c.` prefix
    /// is read in a loop, never by recursion, so no input can exhaust the stack.
    pub fn parse(input: &str) -> Result<Date, String> {
        let s = input.trim();
        if s.chars().count() > MAX_DATE_CHARS {
            let head: String = s.chars().take(20).collect();
            return Err(format!(
                "cannot read date {head:?}…: a date is at most {MAX_DATE_CHARS} characters, \
                 this one has {}",
                s.chars().count()
            ));
        }
        let mut lower = s.to_ascii_lowercase();
        // "c. 2008": approximate; the prefix is stripped in a loop ("c. c. 2008" is "c. 2008")
        let mut approx = false;
        while let Some(rest) = lower
            .strip_prefix("c. ")
            .or_else(|| lower.strip_prefix("c."))
        {
            lower = rest.trim_start().to_string();
            approx = true;
        }
        let mut d = Date::parse_plain(input, &lower)?;
        d.approx |= approx;
        Ok(d)
    }

    /// The forms without the `c.` prefix; `lower` is the trimmed, lower-case text.
    fn parse_plain(input: &str, lower: &str) -> Result<Date, String> {
        let lower = lower.trim();
        if lower.is_empty() || lower == "unknown" || lower == "?" || lower == "—" {
            return Ok(Date::UNKNOWN);
        }
        let bad = || {
            format!(
                "cannot read date {input:?}: expected YYYY-MM-DD, YYYY-MM, YYYY, YYYYs, NNc, \
                 YYYY/YYYY, \"before YYYY\", \"after YYYY\", \"c. YYYY\" or \"unknown\""
            )
        };
        if let Some(rest) = lower.strip_prefix("before ") {
            let year = parse_year(rest.trim()).ok_or_else(bad)?;
            return Ok(Date {
                precision: Precision::Before,
                year,
                ..Date::UNKNOWN
            });
        }
        if let Some(rest) = lower.strip_prefix("after ") {
            let year = parse_year(rest.trim()).ok_or_else(bad)?;
            return Ok(Date {
                precision: Precision::After,
                year,
                ..Date::UNKNOWN
            });
        }
        if let Some(rest) = lower.strip_suffix('s') {
            if !rest.contains('-') && !rest.contains('/') {
                let year = parse_year(rest).ok_or_else(bad)?;
                if year % 10 != 0 {
                    return Err(format!("decade {input:?} must end in 0, like 1960s"));
                }
                return Ok(Date {
                    precision: Precision::Decade,
                    year,
                    ..Date::UNKNOWN
                });
            }
        }
        if let Some(rest) = lower.strip_suffix('c') {
            let n: i32 = rest.parse().map_err(|_| bad())?;
            if !(1..=30).contains(&n) {
                return Err(bad());
            }
            return Ok(Date {
                precision: Precision::Century,
                year: (n - 1) * 100 + 1,
                ..Date::UNKNOWN
            });
        }
        if let Some((from, to)) = lower.split_once('/') {
            let year = parse_year(from.trim()).ok_or_else(bad)?;
            let end_year = parse_year(to.trim()).ok_or_else(bad)?;
            if end_year < year {
                return Err(format!("range {input:?} ends before it starts"));
            }
            return Ok(Date {
                precision: Precision::Range,
                year,
                end_year,
                ..Date::UNKNOWN
            });
        }
        let parts: Vec<&str> = lower.split('-').collect();
        match parts.as_slice() {
            [y] => Ok(Date::year(parse_year(y).ok_or_else(bad)?)),
            [y, m] => {
                let year = parse_year(y).ok_or_else(bad)?;
                let month = parse_num(m, 2).ok_or_else(bad)?;
                if !(1..=12).contains(&month) {
                    return Err(format!("month out of range in {input:?}"));
                }
                Ok(Date {
                    precision: Precision::Month,
                    year,
                    month,
                    ..Date::UNKNOWN
                })
            }
            [y, m, d] => {
                let year = parse_year(y).ok_or_else(bad)?;
                let month = parse_num(m, 2).ok_or_else(bad)?;
                let day = parse_num(d, 2).ok_or_else(bad)?;
                if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
                    return Err(format!("no such day: {input:?}"));
                }
                Ok(Date::ymd(year, month, day))
            }
            _ => Err(bad()),
        }
    }

    /// The earliest day the date may mean.
    pub fn start(&self) -> Ymd {
        match self.precision {
            Precision::Day => (self.year, self.month, self.day),
            Precision::Month => (self.year, self.month, 1),
            Precision::Year | Precision::Range | Precision::Decade | Precision::Century => {
                (self.year, 1, 1)
            }
            Precision::After => (self.year.saturating_add(1), 1, 1),
            Precision::Before | Precision::Unknown => MIN_YMD,
        }
    }

    /// The latest day the date may mean.
    pub fn end(&self) -> Ymd {
        match self.precision {
            Precision::Day => (self.year, self.month, self.day),
            Precision::Month => (self.year, self.month, days_in_month(self.year, self.month)),
            Precision::Year => (self.year, 12, 31),
            Precision::Range => (self.end_year, 12, 31),
            Precision::Decade => (self.year.saturating_add(9), 12, 31),
            Precision::Century => (self.year.saturating_add(99), 12, 31),
            Precision::Before => (self.year.saturating_sub(1), 12, 31),
            Precision::After | Precision::Unknown => MAX_YMD,
        }
    }

    /// A year to sort and count by: the first year the date may mean, if any.
    pub fn sort_year(&self) -> Option<i32> {
        match self.precision {
            Precision::Unknown => None,
            Precision::Before => Some(self.year - 1),
            _ => Some(self.year),
        }
    }

    /// Order by start, then end; unknown dates last.
    pub fn chrono_cmp(&self, other: &Date) -> Ordering {
        match (self.is_unknown(), other.is_unknown()) {
            (true, true) => Ordering::Equal,
            (true, false) => Ordering::Greater,
            (false, true) => Ordering::Less,
            _ => self
                .start()
                .cmp(&other.start())
                .then(self.end().cmp(&other.end())),
        }
    }
}

fn parse_year(s: &str) -> Option<i32> {
    if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn parse_num(s: &str, width: usize) -> Option<u8> {
    if s.is_empty() || s.len() > width || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.approx {
            f.write_str("c. ")?;
        }
        match self.precision {
            Precision::Day => write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day),
            Precision::Month => write!(f, "{:04}-{:02}", self.year, self.month),
            Precision::Year => write!(f, "{}", self.year),
            Precision::Range => write!(f, "{}/{}", self.year, self.end_year),
            Precision::Decade => write!(f, "{}s", self.year),
            Precision::Century => write!(f, "{}c", (self.year - 1) / 100 + 1),
            Precision::Before => write!(f, "before {}", self.year),
            Precision::After => write!(f, "after {}", self.year),
            Precision::Unknown => f.write_str("unknown"),
        }
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date string such as 1944, 2022-03-22, 1960s or \"before 1989\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Date, E> {
                Date::parse(v).map_err(E::custom)
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Date, E> {
                i32::try_from(v)
                    .ok()
                    .filter(|y| (0..=9999).contains(y))
                    .map(Date::year)
                    .ok_or_else(|| E::custom(format!("year {v} out of range")))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Date, E> {
                self.visit_i64(i64::try_from(v).unwrap_or(i64::MAX))
            }
        }
        d.deserialize_any(V)
    }
}

/// In TypeScript a date is the string it serializes to (`"1944"`, `"2022-03-22"`, `"1960s"`).
impl ts_rs::TS for Date {
    type WithoutGenerics = Self;
    type OptionInnerType = Self;
    fn name(_: &ts_rs::Config) -> String {
        "string".to_owned()
    }
    fn inline(_: &ts_rs::Config) -> String {
        "string".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_precision() {
        for s in [
            "2022-03-22",
            "2022-03",
            "1944",
            "1960s",
            "13c",
            "1970/1989",
            "before 1989",
            "after 2000",
            "c. 2008",
            "unknown",
        ] {
            let d = Date::parse(s).unwrap();
            assert_eq!(d.to_string(), s);
        }
    }

    #[test]
    fn keeps_the_span_a_date_may_mean() {
        let d = Date::parse("1960s").unwrap();
        assert_eq!(d.start(), (1960, 1, 1));
        assert_eq!(d.end(), (1969, 12, 31));
        let b = Date::parse("before 1989").unwrap();
        assert_eq!(b.end(), (1988, 12, 31));
        assert_eq!(Date::parse("13c").unwrap().start(), (1201, 1, 1));
        assert_eq!(Date::parse("2024-02").unwrap().end(), (2024, 2, 29));
    }

    #[test]
    fn rejects_impossible_dates_with_a_reason() {
        for s in [
            "2023-02-29",
            "2022-13",
            "19x4",
            "1965s",
            "2000/1990",
            "12345",
        ] {
            assert!(Date::parse(s).is_err(), "{s} should fail");
        }
    }

    #[test]
    fn reads_thousands_of_approximate_prefixes_without_recursing() {
        // 4,400 nested "c." prefixes used to overflow the stack (and kill the wasm module)
        let hostile = format!("{}1990", "c.".repeat(4400));
        let err = Date::parse(&hostile).unwrap_err();
        assert!(err.contains("at most 40 characters"), "{err}");
        let d = Date::parse("c. c. 1990").unwrap();
        assert!(d.approx);
        assert_eq!(d.year, 1990);
    }

    #[test]
    fn refuses_a_date_longer_than_a_date_can_be() {
        assert!(Date::parse(&"1".repeat(41)).is_err());
        assert!(Date::parse(&format!("{}1990", " ".repeat(100))).is_ok());
    }

    #[test]
    fn orders_unknown_last() {
        let mut v = [
            Date::UNKNOWN,
            Date::year(1956),
            Date::parse("1944").unwrap(),
        ];
        v.sort_by(|a, b| a.chrono_cmp(b));
        assert_eq!(v[0].year, 1944);
        assert!(v[2].is_unknown());
    }
}
