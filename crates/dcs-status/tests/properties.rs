//! Property tests: total functions, round trips, and Retry-After against date math.

use std::time::Duration;

use dcs_status::{
    decide, error_message, from_name, lookup, parse_http_date, parse_retry_after, quote, Class,
    ErrorKind, HttpError, LookupKind, Quoted, Status,
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
                    LookupKind::Documented => prop_assert_eq!(found.status().code(), code),
                    LookupKind::Unrecognized => {
                        prop_assert_eq!(Some(found.class()), Class::of(code));
                        prop_assert_eq!(found.status().code(), code / 100 * 100);
                    }
                    LookupKind::Invalid => {
                        prop_assert!(code >= 600);
                        prop_assert_eq!(found.class(), Class::ServerError);
                    }
                }
                prop_assert!(decide(code, Some("5"), 0, true).is_ok());
            }
            Err(e) => {
                prop_assert!(!(100..=999).contains(&code));
                prop_assert_eq!(e.code(), Some(i64::from(code)));
            }
        }
        prop_assert_eq!(Status::from_code(code).is_some(), lookup(code).is_ok_and(|f| f.kind() == LookupKind::Documented));
    }

    #[test]
    fn any_i64_gets_an_answer(code: i64) {
        prop_assert_eq!(lookup(code).is_ok(), (100..=999).contains(&code));
    }

    #[test]
    fn names_idents_and_phrases_round_trip(index in 0..Status::all().len()) {
        let s = &Status::all()[index];
        for name in [s.name(), s.ident(), s.phrase()] {
            prop_assert_eq!(from_name(name), Ok(s), "{}", name);
        }
    }

    #[test]
    fn any_case_and_any_separators_between_the_words_find_the_entry(
        index in 0..Status::all().len(),
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
    fn arbitrary_text_never_panics(text in ".{0,60}", now: i64) {
        let _ = from_name(&text);
        let _ = parse_retry_after(&text, now);
    }

    #[test]
    fn arbitrary_bytes_at_any_now_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..80), now: i64, code in 0i64..1100, idempotent: bool) {
        let _ = parse_retry_after(&bytes, now);
        let _ = parse_http_date(&bytes, now);
        if let Ok(found) = lookup(code) {
            let _ = found.decide(Some(&bytes), now, idempotent);
        }
        for kind in ErrorKind::ALL {
            prop_assert!(error_message(kind, &bytes).to_string().len() < 1_000);
        }
    }

    #[test]
    fn quotes_of_short_text_are_rust_debug(text in "(?s).{0,64}|[\\x00-\\x7f\\u{300}-\\u{36f}]{0,64}") {
        prop_assert_eq!(quote(&text).to_string(), format!("{text:?}"));
    }

    #[test]
    fn quotes_show_at_most_64_characters_and_the_whole_length(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let q = quote(&bytes);
        prop_assert!(bytes.starts_with(q.shown()));
        prop_assert_eq!(q.input_len(), bytes.len());
        let shown_chars: usize = q.shown().utf8_chunks().map(|c| c.valid().chars().count() + c.invalid().len()).sum();
        prop_assert!(shown_chars <= Quoted::MAX_CHARS);
        prop_assert_eq!(q.is_shortened(), q.shown().len() < bytes.len());
        if q.is_shortened() {
            prop_assert_eq!(shown_chars, Quoted::MAX_CHARS);
            let suffix = format!("… ({} bytes)", bytes.len());
            prop_assert!(q.to_string().ends_with(&suffix));
        }
    }

    #[test]
    fn http_error_messages_are_one_line_whatever_the_headers(
        code in 100i64..=999,
        retry_after in prop::option::of(prop::collection::vec(any::<u8>(), 0..300)),
        request_id in prop::option::of(prop::collection::vec(any::<u8>(), 0..300)),
        now: i64,
        idempotent: bool,
    ) {
        let err = HttpError::new(code, retry_after.as_deref(), request_id.as_deref(), now, idempotent).unwrap();
        let message = err.to_string();
        prop_assert_eq!(message.lines().count(), 1);
        prop_assert!(message.len() < 2_000);
        prop_assert_eq!(err.decision(), lookup(code).unwrap().decide(retry_after.as_deref(), now, idempotent));
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
    fn imf_fixdates_equal_the_date_math((y, mo, d, h, mi, s) in valid_date(), now in prop_oneof![any::<i64>(), -5_000_000_000i64..5_000_000_000]) {
        let days = days_by_counting(y, mo, d);
        let at = days * 86_400 + i64::from(h * 3600 + mi * 60 + s);
        let weekday = DAYS[days.rem_euclid(7) as usize];
        let month = MONTHS[mo as usize - 1];
        let imf = format!("{weekday}, {d:02} {month} {y:04} {h:02}:{mi:02}:{s:02} GMT");
        prop_assert_eq!(parse_http_date(imf.as_bytes(), now), Ok(at), "{}", imf);
        let asctime = format!("{weekday} {month} {d:>2} {h:02}:{mi:02}:{s:02} {y:04}");
        prop_assert_eq!(parse_http_date(asctime.as_bytes(), now), Ok(at), "{}", asctime);
        // In i128: with `now` anywhere in i64, the difference may not fit in i64.
        let expected = Duration::from_secs(u64::try_from((i128::from(at) - i128::from(now)).max(0)).unwrap_or(u64::MAX));
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
    fn rfc850_dates_at_any_now_give_a_delay_of_at_most_fifty_years_ahead(
        (_, mo, d, h, mi, s) in valid_date(),
        yy in 0i64..100,
        now: i64,
    ) {
        let rfc850 = format!("Monday, {d:02}-{}-{yy:02} {h:02}:{mi:02}:{s:02} GMT", MONTHS[mo as usize - 1]);
        let delay = parse_retry_after(&rfc850, now);
        // Never an overflow: a date placed at most 50 years (and a day) after `now`.
        prop_assert!(delay.is_ok(), "{} at {}: {:?}", rfc850, now, delay);
        prop_assert!(delay.unwrap_or_default() <= Duration::from_secs(51 * 366 * 86_400));
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
