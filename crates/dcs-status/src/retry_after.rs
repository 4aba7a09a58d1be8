//! Parsing the Retry-After header field (RFC 9110 §10.2.3).
//!
//! Every step of the date and delay arithmetic is checked or saturating: the input and
//! `now` are untrusted, and a wrapped or panicking sum must never become a delay (the
//! crate denies `clippy::arithmetic_side_effects`).

use core::fmt;
use core::time::Duration;

use crate::ErrorKind;

/// Parses a Retry-After value into the delay it asks for, relative to `now`.
///
/// `now` is the current time in Unix seconds. The value is either
///
/// - delay-seconds: ASCII digits only (`"120"`; `"+1"`, `"-1"`, `"1.0"` and non-ASCII
///   digits are errors); a number too large for `u64` saturates at `u64::MAX` seconds;
/// - or an HTTP-date (RFC 9110 §5.6.7) in any of its three forms:
///   IMF-fixdate `Sun, 06 Nov 1994 08:49:37 GMT`, RFC 850 `Sunday, 06-Nov-94 08:49:37
///   GMT` (a two-digit year more than 50 years ahead of `now` is taken as the last
///   such year in the past), or asctime `Sun Nov  6 08:49:37 1994`. The delay is the
///   time from `now` to that date, 0 for a date in the past. Dates that do not exist
///   (31 November, 29 February 2027, hour 25) are errors. The day name is checked
///   for form only.
///
/// Spaces and tabs around the value are allowed. Any `now` is valid, from `i64::MIN`
/// to `i64::MAX`: the arithmetic is exact (a date later than `i64::MAX` seconds is no
/// overflow). No allocation.
///
/// ```
/// use std::time::Duration;
/// use dcs_status::{parse_retry_after, RetryAfterError};
///
/// let now = 784_111_777; // Sun, 06 Nov 1994 08:49:37 GMT
/// assert_eq!(parse_retry_after("120", now), Ok(Duration::from_secs(120)));
/// assert_eq!(
///     parse_retry_after("Sun, 06 Nov 1994 08:51:37 GMT", now),
///     Ok(Duration::from_secs(120))
/// );
/// assert_eq!(parse_retry_after("-1", now), Err(RetryAfterError::InvalidDelay));
/// assert_eq!(
///     parse_retry_after("Thu, 31 Nov 1994 08:49:37 GMT", now),
///     Err(RetryAfterError::ImpossibleDate)
/// );
/// ```
pub fn parse_retry_after(value: impl AsRef<[u8]>, now: i64) -> Result<Duration, RetryAfterError> {
    let value = trim_ows(value.as_ref());
    match value.first() {
        None => Err(RetryAfterError::Empty),
        Some(c) if c.is_ascii_alphabetic() => {
            let at = http_date(value, now)?;
            let delay = at.saturating_sub(i128::from(now)).max(0);
            Ok(Duration::from_secs(
                u64::try_from(delay).unwrap_or(u64::MAX),
            ))
        }
        Some(_) => parse_delay_seconds(value).map(Duration::from_secs),
    }
}

/// Parses an HTTP-date (RFC 9110 §5.6.7) into Unix seconds.
///
/// `now` (Unix seconds) is needed only to place an RFC 850 two-digit year. An RFC 850
/// date placed beyond the range of `i64` (with `now` within 50 years of it) saturates
/// at `i64::MIN` or `i64::MAX`.
///
/// ```
/// assert_eq!(dcs_status::parse_http_date(b"Sun, 06 Nov 1994 08:49:37 GMT", 0), Ok(784_111_777));
/// ```
pub fn parse_http_date(value: &[u8], now: i64) -> Result<i64, RetryAfterError> {
    let at = http_date(value, now)?;
    Ok(i64::try_from(at).unwrap_or(if at < 0 { i64::MIN } else { i64::MAX }))
}

/// [`parse_http_date`], in `i128` so that any date near any `now` is exact.
fn http_date(value: &[u8], now: i64) -> Result<i128, RetryAfterError> {
    let value = trim_ows(value);
    if value.is_empty() {
        return Err(RetryAfterError::Empty);
    }
    let mut p = Parser { rest: value };
    let date = if value.get(3) == Some(&b',') {
        p.imf_fixdate()?
    } else if value.contains(&b',') {
        p.rfc850_date(now)?
    } else {
        p.asctime_date()?
    };
    if !p.rest.is_empty() {
        return Err(RetryAfterError::InvalidDate);
    }
    date.to_unix()
}

/// Why a Retry-After value could not be parsed.
///
/// [`crate::decide`] treats an unparseable value as absent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RetryAfterError {
    /// The value is empty or only spaces.
    Empty,
    /// The value does not start with a letter, so it must be delay-seconds, but it is
    /// not ASCII digits only.
    InvalidDelay,
    /// The value starts with a letter but is not an HTTP-date in any of its three
    /// forms.
    InvalidDate,
    /// The value has the form of an HTTP-date, but no such date or time exists.
    ImpossibleDate,
}

impl RetryAfterError {
    /// Every error, in declaration order.
    pub const ALL: [RetryAfterError; 4] = [
        RetryAfterError::Empty,
        RetryAfterError::InvalidDelay,
        RetryAfterError::InvalidDate,
        RetryAfterError::ImpossibleDate,
    ];

    /// The kind of error, whose name (`retry_after_invalid_delay`, ...) the shared
    /// test vectors and every binding use.
    ///
    /// ```
    /// use dcs_status::{ErrorKind, RetryAfterError};
    ///
    /// assert_eq!(RetryAfterError::Empty.kind(), ErrorKind::RetryAfterEmpty);
    /// ```
    pub const fn kind(self) -> ErrorKind {
        match self {
            RetryAfterError::Empty => ErrorKind::RetryAfterEmpty,
            RetryAfterError::InvalidDelay => ErrorKind::RetryAfterInvalidDelay,
            RetryAfterError::InvalidDate => ErrorKind::RetryAfterInvalidDate,
            RetryAfterError::ImpossibleDate => ErrorKind::RetryAfterImpossibleDate,
        }
    }

    /// What was wrong, for a person: [`ErrorKind::message`] of [`RetryAfterError::kind`].
    pub const fn message(self) -> &'static str {
        self.kind().message()
    }
}

impl fmt::Display for RetryAfterError {
    /// The message alone; [`crate::error_message`] puts the quoted value in front.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message())
    }
}

impl std::error::Error for RetryAfterError {}

/// Strips optional white space (spaces and tabs) from both ends.
fn trim_ows(mut v: &[u8]) -> &[u8] {
    while let [b' ' | b'\t', rest @ ..] = v {
        v = rest;
    }
    while let [rest @ .., b' ' | b'\t'] = v {
        v = rest;
    }
    v
}

/// `1*DIGIT`, saturating at `u64::MAX`.
fn parse_delay_seconds(v: &[u8]) -> Result<u64, RetryAfterError> {
    if !v.iter().all(u8::is_ascii_digit) {
        return Err(RetryAfterError::InvalidDelay);
    }
    Ok(v.iter().fold(0u64, |n, d| {
        n.saturating_mul(10)
            .saturating_add(u64::from(d.wrapping_sub(b'0')))
    }))
}

/// Unix seconds of a day number and a time of day, exactly. In `i128`: a day an `i64`
/// of seconds can reach, times 86 400, may pass `i64::MAX` (an RFC 850 date just after
/// it), but an `i64` times 86 400 plus a day's seconds is below 2^81, far inside `i128`.
#[allow(clippy::arithmetic_side_effects)] // cannot overflow: see above
fn unix_seconds(days: i64, hour: u8, minute: u8, second: u8) -> i128 {
    i128::from(days) * 86_400
        + i128::from(hour) * 3_600
        + i128::from(minute) * 60
        + i128::from(second)
}

/// `n` followed by the ASCII digit `d`, for the date's fields (at most four digits,
/// so below 10^4: no overflow).
#[allow(clippy::arithmetic_side_effects)] // n < 1000 and d is a digit: see above
fn decimal_digit(n: i64, d: u8) -> i64 {
    n * 10 + i64::from(d - b'0')
}

/// A calendar date and time of day, as written (not yet checked).
struct DateTime {
    year: i64,
    month: u8,
    day: u8,
    hour: u8,
    minute: u8,
    second: u8,
}

impl DateTime {
    fn to_unix(&self) -> Result<i128, RetryAfterError> {
        let valid = (1..=12).contains(&self.month)
            && self.day >= 1
            && self.day <= days_in_month(self.year, self.month)
            && self.hour <= 23
            && self.minute <= 59
            && self.second <= 60;
        if !valid {
            return Err(RetryAfterError::ImpossibleDate);
        }
        let days = days_from_civil(self.year, self.month, self.day);
        Ok(unix_seconds(days, self.hour, self.minute, self.second))
    }
}

const SHORT_DAYS: [&[u8]; 7] = [b"Mon", b"Tue", b"Wed", b"Thu", b"Fri", b"Sat", b"Sun"];
const LONG_DAYS: [&[u8]; 7] = [
    b"Monday",
    b"Tuesday",
    b"Wednesday",
    b"Thursday",
    b"Friday",
    b"Saturday",
    b"Sunday",
];
const MONTHS: [&[u8]; 12] = [
    b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov", b"Dec",
];

/// A cursor over the value; every step fails with [`RetryAfterError::InvalidDate`].
struct Parser<'a> {
    rest: &'a [u8],
}

impl Parser<'_> {
    /// `Sun, 06 Nov 1994 08:49:37 GMT`
    fn imf_fixdate(&mut self) -> Result<DateTime, RetryAfterError> {
        self.one_of(&SHORT_DAYS)?;
        self.literal(b", ")?;
        let day = self.digits(2)?;
        self.literal(b" ")?;
        let month = self.month()?;
        self.literal(b" ")?;
        let year = self.digits(4)?;
        self.literal(b" ")?;
        let (hour, minute, second) = self.time_of_day()?;
        self.literal(b" GMT")?;
        date(year, month, day, hour, minute, second)
    }

    /// `Sunday, 06-Nov-94 08:49:37 GMT`
    fn rfc850_date(&mut self, now: i64) -> Result<DateTime, RetryAfterError> {
        self.one_of(&LONG_DAYS)?;
        self.literal(b", ")?;
        let day = self.digits(2)?;
        self.literal(b"-")?;
        let month = self.month()?;
        self.literal(b"-")?;
        let two_digit_year = self.digits(2)?;
        self.literal(b" ")?;
        let (hour, minute, second) = self.time_of_day()?;
        self.literal(b" GMT")?;
        let year = rfc850_year(two_digit_year, now);
        date(year, month, day, hour, minute, second)
    }

    /// `Sun Nov  6 08:49:37 1994` (the day is two digits, or a space and one digit)
    fn asctime_date(&mut self) -> Result<DateTime, RetryAfterError> {
        self.one_of(&SHORT_DAYS)?;
        self.literal(b" ")?;
        let month = self.month()?;
        self.literal(b" ")?;
        let day = if self.rest.first() == Some(&b' ') {
            self.literal(b" ")?;
            self.digits(1)?
        } else {
            self.digits(2)?
        };
        self.literal(b" ")?;
        let (hour, minute, second) = self.time_of_day()?;
        self.literal(b" ")?;
        let year = self.digits(4)?;
        date(year, month, day, hour, minute, second)
    }

    fn time_of_day(&mut self) -> Result<(i64, i64, i64), RetryAfterError> {
        let hour = self.digits(2)?;
        self.literal(b":")?;
        let minute = self.digits(2)?;
        self.literal(b":")?;
        let second = self.digits(2)?;
        Ok((hour, minute, second))
    }

    fn literal(&mut self, expected: &[u8]) -> Result<(), RetryAfterError> {
        match self.rest.strip_prefix(expected) {
            Some(rest) => {
                self.rest = rest;
                Ok(())
            }
            None => Err(RetryAfterError::InvalidDate),
        }
    }

    fn digits(&mut self, count: usize) -> Result<i64, RetryAfterError> {
        match self.rest.split_at_checked(count) {
            Some((digits, rest)) if digits.iter().all(u8::is_ascii_digit) => {
                self.rest = rest;
                Ok(digits.iter().fold(0i64, |n, d| decimal_digit(n, *d)))
            }
            _ => Err(RetryAfterError::InvalidDate),
        }
    }

    /// Consumes one of `words` (case-sensitive, as RFC 9110 writes them); its index.
    fn one_of(&mut self, words: &[&[u8]]) -> Result<usize, RetryAfterError> {
        for (i, word) in words.iter().enumerate() {
            if let Some(rest) = self.rest.strip_prefix(*word) {
                self.rest = rest;
                return Ok(i);
            }
        }
        Err(RetryAfterError::InvalidDate)
    }

    /// A month name; its number, 1 to 12.
    fn month(&mut self) -> Result<i64, RetryAfterError> {
        let index = self.one_of(&MONTHS)?;
        i64::try_from(index)
            .map(|i| i.saturating_add(1))
            .map_err(|_| RetryAfterError::InvalidDate)
    }
}

fn date(
    year: i64,
    month: i64,
    day: i64,
    hour: i64,
    minute: i64,
    second: i64,
) -> Result<DateTime, RetryAfterError> {
    // Each field was read from at most two digits (the year from four), so these fit.
    let small = |n: i64| u8::try_from(n).map_err(|_| RetryAfterError::ImpossibleDate);
    Ok(DateTime {
        year,
        month: small(month)?,
        day: small(day)?,
        hour: small(hour)?,
        minute: small(minute)?,
        second: small(second)?,
    })
}

/// RFC 9110 §5.6.7: a two-digit year that appears to be more than 50 years in the
/// future is the most recent past year with the same last two digits.
// Bounded: civil_year is within ±2.93e11 for any i64 `now` and two_digits is 0..=99,
// so these sums stay far inside i64.
#[allow(clippy::arithmetic_side_effects)]
fn rfc850_year(two_digits: i64, now: i64) -> i64 {
    let now_year = civil_year(now);
    // The year with these last two digits in now_year - 49 ..= now_year + 50.
    let year = now_year - now_year.rem_euclid(100) + two_digits;
    if year > now_year + 50 {
        year - 100
    } else if year <= now_year - 50 {
        year + 100
    } else {
        year
    }
}

fn is_leap_year(year: i64) -> bool {
    // `%` by a constant other than 0 and -1 cannot overflow; a remainder of 0 means
    // "divisible" for negative years too.
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i64, month: u8) -> u8 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm); exact
/// for any year within 2.5e16 of year 0, far beyond the ±2.9e11 an `i64` of seconds
/// reaches.
fn days_from_civil(year: i64, month: u8, day: u8) -> i64 {
    // Years start in March, so that February's leap day ends the year.
    let y = if month <= 2 {
        year.saturating_sub(1)
    } else {
        year
    };
    let era = y.div_euclid(400);
    let year_of_era = y.rem_euclid(400);
    era.saturating_mul(146_097)
        .saturating_add(day_of_era(year_of_era, month, day))
        .saturating_sub(719_468)
}

/// The day within its 400-year era (0..=146_096) of a date, its year counted from
/// March within the era.
// Bounded: year_of_era in 0..=399, month in 1..=12, day in 1..=31 keep every value
// below 10^6, so the plain arithmetic cannot overflow (and stays cheap).
#[allow(clippy::arithmetic_side_effects)]
fn day_of_era(year_of_era: i64, month: u8, day: u8) -> i64 {
    let march_based_month = (i64::from(month) + 9) % 12;
    let day_of_year = (153 * march_based_month + 2) / 5 + i64::from(day) - 1;
    year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year
}

/// The Gregorian year in which Unix second `t` falls (any `t`: within ±2.93e11).
// Bounded: t / 86_400 is within ±1.07e14 and the era within ±7.4e8 for any i64 `t`, so
// these sums and products stay far inside i64.
#[allow(clippy::arithmetic_side_effects)]
fn civil_year(t: i64) -> i64 {
    let days = t.div_euclid(86_400) + 719_468; // from 0000-03-01
    let era = days.div_euclid(146_097);
    era * 400 + year_in_era(days.rem_euclid(146_097))
}

/// The Gregorian year (counted from the era's first, 0..=400) of the era's day
/// `day_of_era` (0..=146_096).
// Bounded: day_of_era in 0..=146_096 keeps every value below 10^6, so the plain
// arithmetic cannot overflow (and stays cheap).
#[allow(clippy::arithmetic_side_effects)]
fn year_in_era(day_of_era: i64) -> i64 {
    let doe = day_of_era;
    let year_of_era = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let day_of_year = doe - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let march_based_month = (5 * day_of_year + 2) / 153;
    // January and February belong to the next calendar year.
    year_of_era + i64::from(march_based_month >= 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 784_111_777; // Sun, 06 Nov 1994 08:49:37 GMT

    #[test]
    fn the_three_date_forms_agree() {
        for v in [
            "Sun, 06 Nov 1994 08:49:37 GMT",
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
        ] {
            assert_eq!(parse_http_date(v.as_bytes(), NOW), Ok(NOW), "{v}");
        }
    }

    #[test]
    fn civil_year_and_days_from_civil_agree_at_the_ends_of_i64() {
        for t in [i64::MIN, i64::MIN + 1, -1, 0, 1, i64::MAX - 1, i64::MAX] {
            let year = civil_year(t);
            let start = unix_seconds(days_from_civil(year, 1, 1), 0, 0, 0);
            let next = unix_seconds(days_from_civil(year + 1, 1, 1), 0, 0, 0);
            assert!(
                start <= i128::from(t) && i128::from(t) < next,
                "{t}: {year}"
            );
        }
    }

    #[test]
    fn rfc850_dates_near_the_ends_of_i64_are_exact() {
        // A date within 50 years of `now` is placed next to it, even past i64::MAX.
        let year = civil_year(i64::MAX);
        let yy = year.rem_euclid(100);
        for now in [i64::MAX, i64::MAX - 86_400 * 365 * 10] {
            let value = format!("Sunday, 01-Jan-{:02} 00:00:00 GMT", (yy + 1) % 100);
            let at = unix_seconds(days_from_civil(year + 1, 1, 1), 0, 0, 0);
            let expected = u64::try_from(at - i128::from(now)).unwrap();
            assert_eq!(
                parse_retry_after(&value, now),
                Ok(Duration::from_secs(expected)),
                "{value} at {now}"
            );
            assert_eq!(parse_http_date(value.as_bytes(), now), Ok(i64::MAX));
        }
        let value = "Sunday, 06-Nov-94 08:49:37 GMT";
        let fifty_years = Duration::from_secs(51 * 366 * 86_400);
        let delay = parse_retry_after(value, i64::MIN).unwrap();
        assert!(delay < fifty_years, "{delay:?}");
        assert!(parse_http_date(value.as_bytes(), i64::MIN).unwrap() < 0);
    }

    #[test]
    fn civil_year_matches_known_instants() {
        assert_eq!(civil_year(0), 1970);
        assert_eq!(civil_year(-1), 1969);
        assert_eq!(civil_year(NOW), 1994);
        assert_eq!(civil_year(951_782_400), 2000); // 2000-02-29
        assert_eq!(civil_year(978_307_199), 2000); // 2000-12-31 23:59:59
        assert_eq!(civil_year(978_307_200), 2001);
    }

    #[test]
    fn rfc850_two_digit_years_look_back_past_fifty_years_ahead() {
        let now_2026 = 1_795_000_000; // late 2026
        assert_eq!(rfc850_year(26, now_2026), 2026);
        assert_eq!(rfc850_year(76, now_2026), 2076);
        assert_eq!(rfc850_year(77, now_2026), 1977);
        assert_eq!(rfc850_year(0, now_2026), 2000);
        assert_eq!(rfc850_year(99, now_2026), 1999);
        let now_1999 = 930_000_000; // mid 1999
        assert_eq!(rfc850_year(0, now_1999), 2000);
        assert_eq!(rfc850_year(49, now_1999), 2049);
        assert_eq!(rfc850_year(50, now_1999), 1950);
    }

    #[test]
    fn an_rfc850_date_near_the_ends_of_time_saturates_instead_of_overflowing() {
        let date = b"Sunday, 31-Dec-99 23:59:59 GMT";
        assert!(parse_http_date(date, i64::MAX).is_ok_and(|t| t > 0));
        assert!(parse_http_date(date, i64::MIN).is_ok_and(|t| t < 0));
        assert!(parse_retry_after(date, i64::MIN).is_ok());
    }

    #[test]
    fn leap_years() {
        assert_eq!(days_in_month(2000, 2), 29);
        assert_eq!(days_in_month(1900, 2), 28);
        assert_eq!(days_in_month(2028, 2), 29);
        assert_eq!(days_in_month(2027, 2), 28);
    }
}
