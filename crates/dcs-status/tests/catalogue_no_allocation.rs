//! Catalogue lookups, error-body parsing, request-id resolution and decoding into a
//! caller's buffer never allocate: what the C ABI needs to hand out slices with
//! nothing to free.

use std::hint::black_box;

use dcs_status::{parse_error_body, resolve_request_id, CatalogueEntry};

mod common;

use common::allocations_during;

#[test]
fn catalogue_lookups_do_not_allocate_found_or_not() {
    let long = vec![b'x'; 100_000];
    let count = allocations_during(|| {
        for entry in CatalogueEntry::all() {
            black_box(CatalogueEntry::lookup(entry.code()).ok());
        }
        for code in [
            "dcs.4855",
            " DCS. 4855 ",
            "111400017",
            "DCS.9999",
            "",
            "DCS.4855\0",
        ] {
            black_box(CatalogueEntry::lookup(code).ok());
            black_box(CatalogueEntry::lookup(code).err());
        }
        black_box(CatalogueEntry::lookup(&long).err());
        black_box(CatalogueEntry::lookup(b"\xff\xfe").err());
    });
    assert_eq!(count, 0, "allocations in catalogue lookups");
}

/// Bodies in which no container holds another below the top-level object's members
/// (every DCS and gateway error body), and bodies that are not objects.
const BODIES: [&[u8]; 12] = [
    br#"{ "error_msg" : "Master standby swap is not supported.", "error_code" : "DCS.4855", "error_ext_msg" : null }"#,
    br#"{"error_msg":"throttled","error_code":"APIGW.0308","request_id":"d4e8"}"#,
    br#"{"errorCode":"DCS.4111","errorMsg":"the instance is restarting."}"#,
    br#"{"error":{"code":"E.1","message":"boom"},"details":[1,2]}"#,
    br#"{"error_code":"DCS.4062","error_msg":"Invalid \"name\" \u00e9\n","x\u0041":[1,"\\"]}"#,
    br#"{"error_code":400,"error_msg":null,"code":1.5e3,"message":true,"a":[],"b":{}}"#,
    br#"{"error_code":"DCS. 4855","error_msg":"m","error_code":"again"}"#,
    b"",
    b"   ",
    b"<html>502 Bad Gateway</html>",
    b"[1,2,3]",
    b"\xff\xfe",
];

#[test]
fn error_bodies_are_parsed_without_allocating() {
    let count = allocations_during(|| {
        for body in BODIES {
            let parsed = black_box(parse_error_body(body));
            black_box(parsed.catalogue_entry());
            let headers: [(&[u8], &[u8]); 2] = [
                (b"x-openstack-request-id", b"req-os"),
                (b"X-Request-Id", b" abc "),
            ];
            black_box(resolve_request_id(headers, parsed.request_id()));
            let mut buf = [0u8; 128];
            if let Some(message) = parsed.error_msg() {
                black_box(message.decode_into(&mut buf));
                black_box(message.decoded_len());
                black_box(message == "m");
            }
        }
    });
    assert_eq!(count, 0, "allocations in body parsing");
}

#[test]
fn the_counter_sees_allocations() {
    // serde_json allocates its error value for an object cut short; the counter sees
    // it, so the tests above can fail.
    let count = allocations_during(|| {
        black_box(parse_error_body(br#"{"error_code":"#));
    });
    assert!(count > 0);
}
