//! Parsing the Retry-After header field (RFC 9110 §10.2.3).

use core::ffi::CStr;
use core::fmt;
use core::time::Duration;

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
/// Spaces and tabs around the value are allowed. No allocation.
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
            let at = parse_http_date(value, now)?;
            Ok(Duration::from_secs(
                u64::try_from(at.saturating_sub(now)).unwrap_or(0),
            ))
        }
        Some(_) => parse_delay_seconds(value).map(Duration::from_secs),
    }
}

/// Parses an HTTP-date (RFC 9110 §5.6.7) into Unix seconds.
///
/// `now` (Unix seconds) is needed only to place an RFC 850 two-digit year.
///
/// ```
/// assert_eq!(dcs_status::parse_http_date(b"Sun, 06 Nov 1994 08:49:37 GMT", 0), Ok(784_111_777));
/// ```
pub fn parse_http_date(value: &[u8], now: i64) -> Result<i64, RetryAfterError> {
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

    /// The canonical name of the error: `empty`, `invalid_delay`, `invalid_date` or
    /// `impossible_date` (as the shared test vectors write it).
    pub const fn as_str(self) -> &'static str {
        match self {
            RetryAfterError::Empty => "empty",
            RetryAfterError::InvalidDelay => "invalid_delay",
            RetryAfterError::InvalidDate => "invalid_date",
            RetryAfterError::ImpossibleDate => "impossible_date",
        }
    }

    /// What was wrong, for a person.
    pub const fn message(self) -> &'static str {
        crate::str_of(self.message_cstr())
    }

    /// [`RetryAfterError::message`] as a NUL-terminated C string (for the C ABI).
    pub const fn message_cstr(self) -> &'static CStr {
        match self {
            RetryAfterError::Empty => c"Retry-After is empty: expected delay-seconds such as \"120\" or an HTTP-date such as \"Sun, 06 Nov 1994 08:49:37 GMT\"",
            RetryAfterError::InvalidDelay => c"Retry-After delay-seconds must be ASCII digits only: no sign, decimal point, inner spaces or non-ASCII digits",
            RetryAfterError::InvalidDate => c"Retry-After is not an HTTP-date: expected IMF-fixdate \"Sun, 06 Nov 1994 08:49:37 GMT\", RFC 850 \"Sunday, 06-Nov-94 08:49:37 GMT\" or asctime \"Sun Nov  6 08:49:37 1994\"",
            RetryAfterError::ImpossibleDate => c"Retry-After names a date or time that does not exist: a day past the end of its month, an hour over 23, a minute over 59 or a second over 60",
        }
    }
}

impl fmt::Display for RetryAfterError {
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
        n.saturating_mul(10).saturating_add(u64::from(d - b'0'))
    }))
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
    fn to_unix(&self) -> Result<i64, RetryAfterError> {
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
        // An RFC 850 year placed near an extreme `now` can lie past i64 seconds:
        // saturate there rather than overflow.
        let time_of_day =
            i64::from(self.hour) * 3_600 + i64::from(self.minute) * 60 + i64::from(self.second);
        Ok(days.saturating_mul(86_400).saturating_add(time_of_day))
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
                Ok(digits.iter().fold(0, |n, d| n * 10 + i64::from(d - b'0')))
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
        Ok(index as i64 + 1)
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

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(year: i64, month: u8, day: u8) -> i64 {
    let (month, day) = (i64::from(month), i64::from(day));
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The Gregorian year in which Unix second `t` falls.
fn civil_year(t: i64) -> i64 {
    let z = t.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let year = yoe + era * 400;
    if mp >= 10 {
        year + 1
    } else {
        year
    }
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
