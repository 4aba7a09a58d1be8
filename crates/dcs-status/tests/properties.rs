//! Property tests: total functions, round trips, and Retry-After against date math.

use std::time::Duration;

use dcs_status::{
    decide, from_name, lookup, parse_http_date, parse_retry_after, Class, Kind, Status,
};
use proptest::prelude::*;

/// Days since 1970-01-01 of a date, by counting (independent of the parser's formula).
fn days_by_counting(year: i64, month: u32, day: u32) -> i64 {
    let leap = |y: i64| y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let month_days = |y: i64, m: u32| match m {
        2 if leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    let mut days = 0i64;
    if year >= 1970 {
        for y in 1970..year {
            days += if leap(y) { 366 } else { 365 };
        }
    } else {
        for y in year..1970 {
            days -= if leap(y) { 366 } else { 365 };
        }
    }
    for m in 1..month {
        days += month_days(year, m);
    }
    days + i64::from(day) - 1
}

const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]; // 1970-01-01 was a Thursday
const LONG_DAYS: [&str; 7] = [
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn valid_date() -> impl Strategy<Value = (i64, u32, u32, u32, u32, u32)> {
    (
        1900i64..2200,
        1u32..=12,
        1u32..=28,
        0u32..24,
        0u32..60,
        0u32..60,
    )
}

proptest! {
    #[test]
    fn every_u16_gets_an_answer(code: u16) {
        match lookup(code) {
            Ok(found) => {
                prop_assert!((100..=999).contains(&code));
                prop_assert_eq!(found.code(), code);
                match found.kind() {
                    Kind::Documented => prop_assert_eq!(found.status().code(), code),
                    Kind::Unrecognized => {
                        prop_assert_eq!(Some(found.class()), Class::of(code));
                        prop_assert_eq!(found.status().code(), code / 100 * 100);
                    }
                    Kind::Invalid => {
                        prop_assert!(code >= 600);
                        prop_assert_eq!(found.class(), Class::ServerError);
                    }
                }
                prop_assert!(decide(code, Some("5"), 0, true).is_ok());
            }
            Err(e) => {
                prop_assert!(!(100..=999).contains(&code));
                prop_assert_eq!(e.code(), i64::from(code));
            }
        }
        prop_assert_eq!(Status::from_code(code).is_some(), lookup(code).is_ok_and(|f| f.kind() == Kind::Documented));
    }

    #[test]
    fn any_i64_gets_an_answer(code: i64) {
        prop_assert_eq!(lookup(code).is_ok(), (100..=999).contains(&code));
    }

    #[test]
    fn names_idents_and_phrases_round_trip(index in 0usize..42) {
        let s = &Status::all()[index];
        for name in [s.name(), s.ident(), s.phrase()] {
            prop_assert_eq!(from_name(name), Ok(s), "{}", name);
        }
    }

    #[test]
    fn any_case_and_any_separators_between_the_words_find_the_entry(
        index in 0usize..42,
        upper_mask: u64,
        separators in prop::collection::vec(prop::sample::select(vec![" ", "-", "_", "  ", " - ", "\t"]), 8),
    ) {
        let s = &Status::all()[index];
        let mut name = String::new();
        for (i, word) in s.ident().split('_').enumerate() {
            if i > 0 {
                name.push_str(separators[i % separators.len()]);
            }
            name.push_str(word);
        }
        let name: String = name
            .chars()
            .enumerate()
            .map(|(i, c)| if upper_mask >> (i % 64) & 1 == 1 { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() })
            .collect();
        prop_assert_eq!(from_name(&name), Ok(s), "{}", name);
    }

    #[test]
    fn arbitrary_text_never_panics(text in ".{0,60}") {
        let _ = from_name(&text);
        let _ = parse_retry_after(&text, 0);
    }

    #[test]
    fn delay_seconds_parse_to_their_value(n: u64, pad in "[ \t]{0,3}") {
        let value = format!("{pad}{n}{pad}");
        prop_assert_eq!(parse_retry_after(&value, 0), Ok(Duration::from_secs(n)));
    }

    #[test]
    fn huge_delays_saturate(digits in "[1-9][0-9]{20,40}") {
        prop_assert_eq!(parse_retry_after(&digits, 0), Ok(Duration::from_secs(u64::MAX)));
    }

    #[test]
    fn imf_fixdates_equal_the_date_math((y, mo, d, h, mi, s) in valid_date(), now in -5_000_000_000i64..5_000_000_000) {
        let days = days_by_counting(y, mo, d);
        let at = days * 86_400 + i64::from(h * 3600 + mi * 60 + s);
        let weekday = DAYS[days.rem_euclid(7) as usize];
        let month = MONTHS[mo as usize - 1];
        let imf = format!("{weekday}, {d:02} {month} {y:04} {h:02}:{mi:02}:{s:02} GMT");
        prop_assert_eq!(parse_http_date(imf.as_bytes(), now), Ok(at), "{}", imf);
        let asctime = format!("{weekday} {month} {d:>2} {h:02}:{mi:02}:{s:02} {y:04}");
        prop_assert_eq!(parse_http_date(asctime.as_bytes(), now), Ok(at), "{}", asctime);
        let expected = Duration::from_secs(u64::try_from(at - now).unwrap_or(0));
        prop_assert_eq!(parse_retry_after(&imf, now), Ok(expected));
    }

    #[test]
    fn rfc850_dates_within_fifty_years_of_now_read_back((y, mo, d, h, mi, s) in valid_date(), offset in -49i64..=49) {
        // `now` is in year `y - offset`; a date at most 49 years ahead or behind is
        // placed in its own century.
        let now_year = y - offset;
        let now = days_by_counting(now_year, 7, 1) * 86_400;
        let days = days_by_counting(y, mo, d);
        let at = days * 86_400 + i64::from(h * 3600 + mi * 60 + s);
        let weekday = LONG_DAYS[days.rem_euclid(7) as usize];
        let rfc850 = format!("{weekday}, {d:02}-{}-{:02} {h:02}:{mi:02}:{s:02} GMT", MONTHS[mo as usize - 1], y % 100);
        prop_assert_eq!(parse_http_date(rfc850.as_bytes(), now), Ok(at), "{}", rfc850);
    }

    #[test]
    fn days_past_the_end_of_the_month_are_impossible(y in 1900i64..2200, mo in 1u32..=12, extra in 1u32..=3) {
        let last = (28..=31).rev().find(|&d| {
            let next = if mo == 12 { days_by_counting(y + 1, 1, 1) } else { days_by_counting(y, mo + 1, 1) };
            next - days_by_counting(y, mo, 1) == i64::from(d)
        }).unwrap_or(31);
        let day = last + extra;
        prop_assume!(day <= 99);
        let value = format!("Mon, {day:02} {} {y} 00:00:00 GMT", MONTHS[mo as usize - 1]);
        prop_assert_eq!(parse_retry_after(&value, 0), Err(dcs_status::RetryAfterError::ImpossibleDate));
    }
}
