//! Lookup by code against a plain static array and `http::StatusCode::canonical_reason`;
//! lookup by name; Retry-After parsing.
//!
//! `cargo bench -p dcs-status --bench lookup`. Every lookup benchmark walks the same
//! mix of 64 codes (the 42 of the table and 22 it lacks), so branch prediction and
//! caches see the same work in every variant.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dcs_status::{from_name, lookup, parse_retry_after, Status};

/// The anchor: a plain static array of phrases indexed by `code - 100`.
static PLAIN_ARRAY: [Option<&str>; 500] = {
    let mut slots = [None; 500];
    let table = Status::all();
    let mut i = 0;
    while i < table.len() {
        slots[(table[i].code() - 100) as usize] = Some(table[i].phrase());
        i += 1;
    }
    slots
};

fn codes() -> Vec<u16> {
    let mut codes: Vec<u16> = Status::all().iter().map(Status::code).collect();
    codes.extend([
        103, 207, 226, 307, 308, 418, 421, 423, 425, 426, 428, 431, 451, 506, 507, 508, 510, 511,
        199, 299, 499, 599,
    ]);
    codes
}

fn by_code(c: &mut Criterion) {
    let codes = codes();
    let mut group = c.benchmark_group("phrase_by_code");
    group.throughput(Throughput::Elements(codes.len() as u64));
    group.bench_function("plain_static_array", |b| {
        b.iter(|| {
            for &code in black_box(&codes) {
                let slot = usize::from(code).wrapping_sub(100);
                black_box(PLAIN_ARRAY.get(slot).copied().flatten());
            }
        })
    });
    group.bench_function("dcs_status_from_code", |b| {
        b.iter(|| {
            for &code in black_box(&codes) {
                black_box(Status::from_code(code).map(Status::phrase));
            }
        })
    });
    group.bench_function("http_canonical_reason", |b| {
        b.iter(|| {
            for &code in black_box(&codes) {
                black_box(
                    http::StatusCode::from_u16(code)
                        .ok()
                        .and_then(|s| s.canonical_reason()),
                );
            }
        })
    });
    group.bench_function("dcs_status_lookup_rfc9110", |b| {
        b.iter(|| {
            for &code in black_box(&codes) {
                black_box(lookup(code).map(|found| found.status().phrase()).ok());
            }
        })
    });
    group.finish();
}

fn by_name(c: &mut Criterion) {
    let names = [
        "NotFound",
        "not found",
        "NOT_FOUND",
        "Gateway Time-out",
        "Request Entity Too Large",
        "HTTP Version not supported",
        "TooManyRequests",
        "no such status",
    ];
    let mut group = c.benchmark_group("by_name");
    group.throughput(Throughput::Elements(names.len() as u64));
    group.bench_function("dcs_status_from_name", |b| {
        b.iter(|| {
            for name in black_box(&names) {
                black_box(from_name(name).ok());
            }
        })
    });
    group.finish();
}

fn retry_after(c: &mut Criterion) {
    let mut group = c.benchmark_group("retry_after");
    let now = 1_795_521_600;
    for (label, value) in [
        ("delay_seconds", "120"),
        ("imf_fixdate", "Tue, 24 Nov 2026 12:02:00 GMT"),
        ("rfc850", "Tuesday, 24-Nov-26 12:02:00 GMT"),
        ("asctime", "Tue Nov 24 12:02:00 2026"),
        ("invalid", "Tue, 31 Nov 2026 12:02:00 GMT"),
    ] {
        group.bench_function(label, |b| {
            b.iter(|| black_box(parse_retry_after(black_box(value), now)))
        });
    }
    group.finish();
}

criterion_group!(benches, by_code, by_name, retry_after);
criterion_main!(benches);
