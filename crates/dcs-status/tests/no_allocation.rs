//! Lookups, name lookups, Retry-After parsing, decisions and the borrowed response
//! error never allocate; errors about untrusted input allocate a fixed amount,
//! whatever the input's size.

use dcs_status::{
    decide, error_message, from_name, from_name_bytes, lookup, parse_retry_after, quote, ErrorKind,
    HttpError, HttpErrorRef, Status,
};

mod common;

use common::allocations_and_bytes_during as allocations_during;

#[test]
fn the_hot_paths_do_not_allocate() {
    let (count, _) = allocations_during(|| {
        for code in 0u16..=1100 {
            std::hint::black_box(Status::from_code(code));
            std::hint::black_box(lookup(code).ok());
            std::hint::black_box(decide(code, Some("Tue, 24 Nov 2026 12:02:00 GMT"), 0, true).ok());
        }
        for s in Status::all() {
            std::hint::black_box(from_name_bytes(s.name().as_bytes()));
            std::hint::black_box(from_name_bytes(s.phrase().as_bytes()));
        }
        std::hint::black_box(from_name_bytes(b"no such name"));
        for value in [
            "120",
            "Sun, 06 Nov 1994 08:49:37 GMT",
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "x",
        ] {
            std::hint::black_box(parse_retry_after(value, 0).ok());
        }
        std::hint::black_box(quote("any text"));
        let headers: [(&[u8], &[u8]); 2] = [(b"Retry-After", b"120"), (b"X-Request-Id", b"id")];
        let body = br#"{"error_msg":"the instance is restarting.","error_code":"DCS.4111","error_ext_msg":null}"#;
        std::hint::black_box(HttpErrorRef::from_response(429, headers, body, 0, false).ok());
    });
    assert_eq!(count, 0, "allocations on the hot paths");
}

/// The issue's reproducer: an unknown name of hundreds of megabytes once cost a copy of
/// itself. A 10 MB name (and a 10 MB header value) must cost a fixed, small amount.
#[test]
fn errors_about_huge_input_allocate_a_fixed_small_amount() {
    let huge = vec![b'\n'; 10 * 1024 * 1024];
    let huge_text = String::from_utf8(huge.clone()).unwrap();
    let mut message_len = 0;
    let (count, bytes) = allocations_during(|| {
        let err = from_name(&huge_text).unwrap_err();
        std::hint::black_box(&err);
        std::hint::black_box(from_name_bytes(&huge));
        std::hint::black_box(parse_retry_after(&huge, i64::MAX).err());
        std::hint::black_box(quote(&huge));
    });
    assert!(count <= 1, "{count} allocations");
    assert!(bytes < 1024, "{bytes} bytes allocated for a 10 MB input");
    // The owned error copies the request id, cut to its limit.
    let (count, bytes) = allocations_during(|| {
        std::hint::black_box(HttpError::new(503, Some(&huge), Some(&huge), 0, true).ok());
    });
    assert!(count <= 1, "{count} allocations");
    assert!(
        bytes <= HttpError::TEXT_LIMIT,
        "{bytes} bytes allocated for a 10 MB input"
    );
    let (_, bytes) = allocations_during(|| {
        message_len = error_message(ErrorKind::UnknownName, &huge)
            .to_string()
            .len();
    });
    assert!(message_len < 500, "a message of {message_len} bytes");
    assert!(bytes < 4096, "{bytes} bytes allocated for the message");
}

#[test]
fn the_counter_sees_allocations() {
    let (count, bytes) = allocations_during(|| {
        std::hint::black_box(vec![0u8; 100]);
    });
    assert!(count > 0 && bytes >= 100);
}
