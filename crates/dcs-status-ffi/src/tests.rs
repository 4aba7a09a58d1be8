//! Tests of the C ABI from Rust that only Rust can run: the header is what cbindgen
//! makes of this crate, the version macros are Cargo's, every export runs inside the
//! panic boundary, every C enum is its core enum, and every public core item is
//! exported or listed with the reason it is not. Everything else about the functions
//! is tested from C and C++ (tests/c), under sanitizers and valgrind.

use core::ffi::{c_char, CStr};
use std::collections::BTreeSet;
use std::path::PathBuf;

use crate::*;

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn generated_header() -> String {
    let crate_dir = env!("CARGO_MANIFEST_DIR");
    let config = cbindgen::Config::from_file(PathBuf::from(crate_dir).join("cbindgen.toml"))
        .unwrap_or_else(|e| panic!("cbindgen.toml: {e}"));
    let mut out = Vec::new();
    cbindgen::Builder::new()
        .with_crate(crate_dir)
        .with_config(config)
        .generate()
        .unwrap_or_else(|e| panic!("cbindgen: {e}"))
        .write(&mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// The committed header must be exactly what cbindgen makes of this crate now.
/// `DCS_STATUS_BLESS=1 cargo test -p dcs-status-ffi header_is_fresh` rewrites it.
#[test]
fn header_is_fresh() {
    let path = repo_root().join("include/dcs_status.h");
    let generated = generated_header();
    if std::env::var_os("DCS_STATUS_BLESS").is_some() {
        std::fs::write(&path, &generated).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed != generated {
        let first_difference = committed
            .lines()
            .zip(generated.lines())
            .enumerate()
            .find(|(_, (a, b))| a != b)
            .map(|(n, (a, b))| format!("line {}:\n  committed: {a}\n  generated: {b}", n + 1))
            .unwrap_or_else(|| "one is a prefix of the other".into());
        panic!(
            "include/dcs_status.h is stale ({first_difference})\n\
             regenerate it: DCS_STATUS_BLESS=1 cargo test -p dcs-status-ffi header_is_fresh"
        );
    }
}

#[test]
fn version_macros_match_cargo_toml() {
    let part = |s: &str| s.parse::<u32>().unwrap_or(u32::MAX);
    let major = part(env!("CARGO_PKG_VERSION_MAJOR"));
    let minor = part(env!("CARGO_PKG_VERSION_MINOR"));
    let patch = part(env!("CARGO_PKG_VERSION_PATCH"));
    assert_eq!(DCS_STATUS_VERSION_MAJOR, major);
    assert_eq!(DCS_STATUS_VERSION_MINOR, minor);
    assert_eq!(DCS_STATUS_VERSION_PATCH, patch);
    assert_eq!(
        DCS_STATUS_VERSION_NUMBER,
        major * 10_000 + minor * 100 + patch
    );
    assert_eq!(cstr(dcs_status_version()), env!("CARGO_PKG_VERSION"));
    let header = generated_header();
    let version_macro = format!(
        "#define DCS_STATUS_VERSION \"{}\"",
        env!("CARGO_PKG_VERSION")
    );
    assert!(
        header.contains(&version_macro),
        "{version_macro} is missing from the header"
    );
    for (name, value) in [
        ("DCS_STATUS_VERSION_MAJOR", major),
        ("DCS_STATUS_VERSION_MINOR", minor),
        ("DCS_STATUS_VERSION_PATCH", patch),
        (
            "DCS_STATUS_VERSION_NUMBER",
            major * 10_000 + minor * 100 + patch,
        ),
    ] {
        assert!(
            header.contains(&format!("#define {name} {value}\n")),
            "{name} is not {value} in the header"
        );
    }
}

#[test]
fn a_panic_inside_the_boundary_becomes_the_internal_error_value() {
    fn result() -> dcs_status_result {
        ffi_panic_boundary! { std::panic::panic_any("boom") }
    }
    fn pointer() -> *const c_char {
        ffi_panic_boundary! { std::panic::panic_any(7) }
    }
    fn boolean() -> bool {
        ffi_panic_boundary! { std::panic::panic_any(()) }
    }
    fn length() -> usize {
        ffi_panic_boundary! { std::panic::panic_any(()) }
    }
    assert_eq!(result(), dcs_status_result::ErrInternal);
    assert!(pointer().is_null());
    assert!(!boolean());
    assert_eq!(length(), 0);
}

/// The Rust sources of this crate (not the tests), by file name.
fn sources() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .filter(|p| !p.ends_with("tests.rs"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            (p.file_name().unwrap().to_string_lossy().into_owned(), text)
        })
        .collect();
    files.sort();
    files
}

/// The function names the header declares (not those it defines static inline): each
/// `dcs_status_...(` on a line of code that is not a comment or a `static` definition.
fn header_functions(header: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for line in header.lines().map(str::trim_start) {
        if line.starts_with("static ") || line.starts_with('*') || line.starts_with("/*") {
            continue;
        }
        for (at, _) in line.match_indices("dcs_status_") {
            let boundary = line[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '_'));
            let name: String = line[at..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if boundary && line[at + name.len()..].starts_with('(') {
                names.insert(name);
            }
        }
    }
    names
}

/// rustls-ffi's rule, checked: every exported function's body is one
/// `ffi_panic_boundary! { ... }`, so no panic can unwind into C. The exported
/// functions are found in the sources and must be exactly the header's, so a parse
/// that missed one cannot pass.
#[test]
fn every_export_runs_inside_the_panic_boundary() {
    let mut exported = BTreeSet::new();
    let mut unguarded = Vec::new();
    for (file, text) in sources() {
        for (at, _) in text.match_indices("extern \"C\" fn ") {
            let rest = &text[at + "extern \"C\" fn ".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            // The signature has no braces: the first `{` opens the body.
            let body = rest
                .find('{')
                .map_or("", |open| rest[open + 1..].trim_start());
            if !body.starts_with("ffi_panic_boundary! {") {
                unguarded.push(format!("{file}: {name}"));
            }
            exported.insert(name);
        }
    }
    assert!(
        unguarded.is_empty(),
        "exports whose body is not `ffi_panic_boundary! {{ ... }}`: {unguarded:?}"
    );
    let header = std::fs::read_to_string(repo_root().join("include/dcs_status.h")).unwrap();
    let declared = header_functions(&header);
    assert!(declared.contains("dcs_status_get") && declared.contains("dcs_status_decide"));
    assert_eq!(
        exported, declared,
        "the exports found in src/ and the header's functions"
    );
}

fn cstr<'a>(p: *const c_char) -> &'a str {
    assert!(!p.is_null());
    // SAFETY: the library only returns static NUL-terminated strings.
    unsafe { CStr::from_ptr(p) }
        .to_str()
        .unwrap_or("<invalid UTF-8>")
}

/// Each C enum is its core enum: as many values, in the same order, named by the core;
/// the results are `Ok` and the core's error kinds, number for number.
#[test]
fn every_c_enum_is_its_core_enum() {
    use core_status::{
        Action, Class, ErrorAdvice, ErrorKind, Jitter, LookupKind, RetryAdvice, RetryCategory,
        RetryReason, StepAction,
    };

    fn check<C: Copy, K: Copy + PartialEq + std::fmt::Debug>(
        c_all: &[C],
        core_all: &[K],
        to_core: impl Fn(C) -> K,
        value: impl Fn(C) -> u32,
        name: extern "C" fn(u32) -> *const c_char,
        core_name: impl Fn(K) -> &'static str,
        outside: &[u32],
    ) {
        let mapped: Vec<K> = c_all.iter().map(|c| to_core(*c)).collect();
        assert_eq!(mapped, core_all);
        for c in c_all {
            assert_eq!(cstr(name(value(*c))), core_name(to_core(*c)));
        }
        let values: BTreeSet<u32> = c_all.iter().map(|c| value(*c)).collect();
        assert_eq!(values.len(), c_all.len(), "values are distinct");
        for value in outside
            .iter()
            .copied()
            .chain([values.last().unwrap() + 1, u32::MAX])
        {
            assert!(name(value).is_null(), "{value}");
        }
    }
    check(
        &dcs_status_class::ALL,
        &Class::ALL,
        |c| c.to_core(),
        |c| c as u32,
        dcs_status_class_name,
        Class::as_str,
        &[0],
    );
    check(
        &dcs_status_retry_advice::ALL,
        &RetryAdvice::ALL,
        |c| c.to_core(),
        |c| c as u32,
        dcs_status_retry_advice_name,
        RetryAdvice::as_str,
        &[0],
    );
    check(
        &dcs_status_lookup_kind::ALL,
        &LookupKind::ALL,
        |c| c.to_core(),
        |c| c as u32,
        dcs_status_lookup_kind_name,
        LookupKind::as_str,
        &[0],
    );
    check(
        &dcs_status_action::ALL,
        &Action::ALL,
        |c| c.to_core(),
        |c| c as u32,
        dcs_status_action_name,
        Action::as_str,
        &[0],
    );
    check(
        &dcs_status_error_advice::ALL,
        &ErrorAdvice::ALL,
        |c| c.to_core(),
        |c| c as u32,
        dcs_status_error_advice_name,
        ErrorAdvice::as_str,
        &[0],
    );
    check(
        &dcs_status_jitter::ALL,
        &Jitter::ALL,
        |c| c.to_core(),
        |c| c as u32,
        dcs_status_jitter_name,
        Jitter::as_str,
        &[0],
    );
    check(
        &dcs_status_retry_category::ALL,
        &RetryCategory::ALL,
        |c| c.to_core(),
        |c| c as u32,
        dcs_status_retry_category_name,
        RetryCategory::as_str,
        &[0],
    );
    check(
        &dcs_status_retry_reason::ALL,
        &RetryReason::ALL,
        |c| c.to_core(),
        |c| c as u32,
        dcs_status_retry_reason_name,
        RetryReason::as_str,
        &[0],
    );
    check(
        &dcs_status_step_action::ALL,
        &StepAction::ALL,
        |c| c.to_core(),
        |c| c as u32,
        dcs_status_step_action_name,
        StepAction::as_str,
        &[0],
    );
    check(
        &dcs_status_jitter::ALL,
        &Jitter::ALL,
        |c| c.to_core(),
        |c| c as u32,
        dcs_status_jitter_explain,
        Jitter::explain,
        &[0],
    );
    check(
        &dcs_status_retry_category::ALL,
        &RetryCategory::ALL,
        |c| c.to_core(),
        |c| c as u32,
        dcs_status_retry_category_explain,
        RetryCategory::explain,
        &[0],
    );
    check(
        &dcs_status_retry_reason::ALL,
        &RetryReason::ALL,
        |c| c.to_core(),
        |c| c as u32,
        dcs_status_retry_reason_explain,
        RetryReason::explain,
        &[0],
    );
    check(
        &dcs_status_step_action::ALL,
        &StepAction::ALL,
        |c| c.to_core(),
        |c| c as u32,
        dcs_status_step_action_explain,
        StepAction::explain,
        &[0],
    );
    check(
        &dcs_status_result::ALL[1..],
        &ErrorKind::ALL,
        |c| c.to_core().unwrap(),
        |c| c as u32,
        dcs_status_result_name,
        ErrorKind::as_str,
        &[],
    );
    assert_eq!(dcs_status_result::Ok as u32, 0);
    assert_eq!(dcs_status_result::ALL[0], dcs_status_result::Ok);
    assert_eq!(cstr(dcs_status_result_name(0)), "ok");
    for kind in ErrorKind::ALL {
        assert_eq!(dcs_status_result::from(kind) as u32, kind as u32, "{kind}");
    }
}

#[test]
fn the_c_table_is_the_core_table() {
    let table = core_status::Status::all();
    assert_eq!(dcs_status_count(), table.len());
    for (i, status) in table.iter().enumerate() {
        // SAFETY: dcs_status_at returns NULL or a pointer to a static entry.
        let entry = unsafe { dcs_status_at(i).as_ref() }.unwrap_or_else(|| panic!("{i}"));
        assert_eq!(entry.code, status.code());
        assert_eq!(entry.index as usize, i);
        assert_eq!(cstr(entry.name), status.name());
        assert_eq!(cstr(entry.ident), status.ident());
        assert_eq!(cstr(entry.phrase), status.phrase());
        assert_eq!(cstr(entry.description), status.description());
        assert_eq!(entry.status_class.to_core(), status.class());
        assert_eq!(entry.retry_advice.to_core(), status.retry_advice());
        assert_eq!(dcs_status_get(i64::from(status.code())), entry as *const _);
    }
}

#[test]
fn the_c_catalogue_is_the_core_catalogue() {
    let all = core_status::CatalogueEntry::all();
    assert_eq!(dcs_status_catalogue_count(), all.len());
    assert!(dcs_status_catalogue_at(all.len()).is_null());
    for (i, e) in all.iter().enumerate() {
        // SAFETY: dcs_status_catalogue_at returns NULL or a pointer to a static entry.
        let entry = unsafe { dcs_status_catalogue_at(i).as_ref() }.unwrap_or_else(|| panic!("{i}"));
        assert_eq!(cstr(entry.code), e.code());
        assert_eq!(entry.status, e.status().code());
        assert_eq!(entry.index as usize, i);
        assert_eq!(entry.advice.to_core(), e.advice());
        assert_eq!(cstr(entry.message), e.message());
        assert_eq!(cstr(entry.description), e.description());
        assert_eq!(cstr(entry.solution), e.solution());
        assert_eq!(
            entry.status_entry,
            dcs_status_get(i64::from(e.status().code()))
        );
        let mut found = core::ptr::null();
        // SAFETY: the code has its length; `found` is writable.
        let result = unsafe {
            dcs_status_catalogue_lookup(e.code().as_ptr().cast(), e.code().len(), &mut found)
        };
        assert_eq!((result, found), (dcs_status_result::Ok, entry as *const _));
    }
}

/// The allocation counter of the test below (tests run on several threads at once).
mod counting {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::cell::Cell;

    pub(crate) struct Counting;

    thread_local! {
        pub(crate) static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
    }

    // SAFETY: forwards to the system allocator, only counting calls.
    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            ALLOCATIONS.with(|n| n.set(n.get() + 1));
            // SAFETY: same contract as ours.
            unsafe { System.alloc(layout) }
        }
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            // SAFETY: same contract as ours.
            unsafe { System.dealloc(ptr, layout) }
        }
        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            ALLOCATIONS.with(|n| n.set(n.get() + 1));
            // SAFETY: same contract as ours.
            unsafe { System.realloc(ptr, layout, new_size) }
        }
    }
}

#[global_allocator]
static GLOBAL: counting::Counting = counting::Counting;

/// A C header over `name` and `value`.
fn header(name: &'static [u8], value: &'static [u8]) -> dcs_status_header {
    dcs_status_header {
        name: name.as_ptr().cast(),
        name_len: name.len(),
        value: value.as_ptr().cast(),
        value_len: value.len(),
    }
}

/// The C body parser, request-id resolution, decoding, catalogue lookups and the
/// response error with its message allocate nothing: called as C calls them, through
/// the exported functions, under a counting allocator, for DCS and gateway bodies,
/// escapes, nesting one level down, and bodies that are not objects.
#[test]
fn the_c_body_parser_and_the_response_error_allocate_nothing() {
    use core::mem::MaybeUninit;
    use core::ptr::{null, null_mut};
    let bodies: [&[u8]; 10] = [
        br#"{ "error_msg" : "Master standby swap is not supported.", "error_code" : "DCS.4855", "error_ext_msg" : null }"#,
        br#"{"error_msg":"The throttling threshold has been reached","error_code":"APIGW.0308","request_id":"d4e8"}"#,
        br#"{"errorCode":"DCS. 4111","errorMsg":"the instance is restarting."}"#,
        br#"{"error":{"code":"E.1","message":"boom"},"details":[1,2]}"#,
        br#"{"error_code":"DCS.4062","error_msg":"Invalid \"name\" \u00e9\n","x\u0041":[1,"\\"]}"#,
        br#"{"error_code":"\u0044CS.4111","error_msg":"\ud83d\ude00","request_id":"r\"1"}"#,
        b"",
        b"<html>502 Bad Gateway</html>",
        b"[1,2,3]",
        b"\xff\xfe",
    ];
    let headers = [
        header(b"Retry-After", b"30"),
        header(b"x-request-id", b" hdr "),
    ];
    let mut buf = [0 as c_char; 1024];
    let before = counting::ALLOCATIONS.with(|n| n.get());
    for body in bodies {
        let (ptr, len) = (body.as_ptr().cast::<c_char>(), body.len());
        let mut parsed = MaybeUninit::<dcs_status_error_body>::uninit();
        let mut id = MaybeUninit::<dcs_status_text>::uninit();
        let mut err = MaybeUninit::<dcs_status_http_error>::uninit();
        // SAFETY: every pointer is valid for its length; outputs are writable.
        unsafe {
            let result = dcs_status_parse_error_body(ptr, len, parsed.as_mut_ptr());
            assert_eq!(result, dcs_status_result::Ok);
            let parsed = parsed.assume_init();
            for text in [
                parsed.error_code,
                parsed.error_msg,
                parsed.error_ext_msg,
                parsed.request_id,
            ] {
                std::hint::black_box(dcs_status_text_decode(&text, buf.as_mut_ptr(), buf.len()));
                let mut found = null();
                std::hint::black_box(dcs_status_catalogue_lookup(text.ptr, text.len, &mut found));
            }
            for n in 0..=headers.len() {
                let result = dcs_status_resolve_request_id(
                    headers.as_ptr(),
                    n,
                    &parsed.request_id,
                    id.as_mut_ptr(),
                );
                assert_eq!(result, dcs_status_result::Ok);
            }
            for code in [200, 400, 429, 500, 777] {
                let h = (headers.as_ptr(), headers.len());
                let result = dcs_status_http_error_from_response(
                    code,
                    h.0,
                    h.1,
                    ptr,
                    len,
                    0,
                    true,
                    err.as_mut_ptr(),
                );
                assert_eq!(result, dcs_status_result::Ok);
                let (buf, cap) = (buf.as_mut_ptr(), buf.len());
                let n = dcs_status_http_error_from_response_message(
                    code, h.0, h.1, ptr, len, 0, true, buf, cap,
                );
                assert!(n > 0 && n < cap);
                let measured = dcs_status_http_error_from_response_message(
                    code,
                    h.0,
                    h.1,
                    ptr,
                    len,
                    0,
                    true,
                    null_mut(),
                    0,
                );
                assert_eq!(measured, n);
            }
        }
    }
    let after = counting::ALLOCATIONS.with(|n| n.get());
    assert_eq!(
        after - before,
        0,
        "allocations in the C body parser and the response error"
    );
}

/// The C retry step allocates nothing, with or without a budget, for every jitter
/// mode and rule, and neither do its log line, the budget's calls, the validations,
/// the delay formula and the random source: called as C calls them, through the
/// exported functions, under a counting allocator. (The budget itself is allocated
/// once, by `dcs_status_retry_budget_new`, outside the count.)
#[test]
fn a_c_retry_step_allocates_nothing() {
    use core::mem::MaybeUninit;
    use core::ptr::null;

    let budget = dcs_status_retry_budget_new_default();
    let small = dcs_status_retry_budget_new_with_tokens(500, 14, 5, 3);
    let long_code = [b'x'; 10_000];
    let input = |attempt: u32, status: i64| dcs_status_step_input {
        attempt,
        status,
        retry_after: null(),
        retry_after_len: 0,
        error_code: null(),
        error_code_len: 0,
        idempotent: true,
        has_now: false,
        now: 0,
        has_random: false,
        random: 0.0,
        previous_delay_ms: 0,
        has_time_left: false,
        time_left_ms: 0,
        unreplayable_body: false,
    };
    let text = |t: &'static [u8]| (t.as_ptr().cast::<c_char>(), t.len());
    let with_retry_after = |mut i: dcs_status_step_input, t: &'static [u8]| {
        (i.retry_after, i.retry_after_len) = text(t);
        i
    };
    let with_code = |mut i: dcs_status_step_input, (ptr, len): (*const c_char, usize)| {
        (i.error_code, i.error_code_len) = (ptr, len);
        i
    };
    let inputs = [
        input(1, 502),
        input(2, 429),
        input(0, 408),
        with_retry_after(input(1, 503), b"120"),
        with_retry_after(input(1, 503), b"Sun, 06 Nov 1994 08:49:37 GMT"),
        with_retry_after(input(1, 429), b"99999"),
        with_code(input(1, 400), text(b"DCS.4111")),
        with_code(input(1, 429), text(b"DCS.4202")),
        with_code(input(1, 400), (long_code.as_ptr().cast(), long_code.len())),
        dcs_status_step_input {
            has_random: true,
            random: f64::NAN,
            ..input(u32::MAX, 500)
        },
        dcs_status_step_input {
            has_time_left: true,
            time_left_ms: 0,
            ..input(1, 504)
        },
        dcs_status_step_input {
            unreplayable_body: true,
            ..input(1, 502)
        },
        dcs_status_step_input {
            has_now: true,
            now: i64::MIN,
            ..input(1, 200)
        },
        input(1, i64::MIN),
    ];
    let mut line = [0 as c_char; DCS_STATUS_RETRY_STEP_LOG_LINE_MAX + 1];
    // The first draw of this thread seeds its random source: not per step.
    std::hint::black_box(dcs_status_random_unit());
    let before = counting::ALLOCATIONS.with(|n| n.get());
    for jitter in dcs_status_jitter::ALL {
        let policy = dcs_status_retry_policy {
            jitter: jitter as u32,
            ..dcs_status_retry_policy_default()
        };
        // SAFETY: every pointer is valid (or NULL where allowed); outputs are writable.
        unsafe {
            assert_eq!(
                dcs_status_retry_policy_validate(&policy),
                dcs_status_result::Ok
            );
            for input in &inputs {
                std::hint::black_box(dcs_status_step_input_validate(input));
                for b in [null(), budget.cast_const(), small.cast_const()] {
                    let mut step = MaybeUninit::<dcs_status_retry_step>::uninit();
                    let result = dcs_status_retry_policy_step(&policy, input, b, step.as_mut_ptr());
                    assert_eq!(result, dcs_status_result::Ok);
                    let step = step.assume_init();
                    let n = dcs_status_retry_step_log_line(&step, line.as_mut_ptr(), line.len());
                    assert!(n > 0 && n <= DCS_STATUS_RETRY_STEP_LOG_LINE_MAX);
                    let mut tokens = 0;
                    if !b.is_null() {
                        let r = dcs_status_retry_budget_record_success(b, &step, &mut tokens);
                        assert_eq!(r, dcs_status_result::Ok);
                        std::hint::black_box(dcs_status_retry_budget_tokens(b));
                    }
                }
            }
            for category in dcs_status_retry_category::ALL {
                let mut ms = 0;
                let r = dcs_status_retry_policy_backoff_ms(
                    &policy,
                    category as u32,
                    7,
                    0.5,
                    100,
                    &mut ms,
                );
                assert_eq!(r, dcs_status_result::Ok);
            }
        }
        std::hint::black_box(dcs_status_random_unit());
    }
    let after = counting::ALLOCATIONS.with(|n| n.get());
    // SAFETY: both budgets came from dcs_status_retry_budget_new*, freed once.
    unsafe {
        dcs_status_retry_budget_free(budget);
        dcs_status_retry_budget_free(small);
    }
    assert_eq!(after - before, 0, "allocations in the C retry step");
}

/// The C policy's defaults, its log line's bound and the budget's defaults are the
/// core's, and a step read back from C is the step that was written.
#[test]
fn the_c_policy_and_steps_are_the_cores() {
    use core_status::{RetryBudget, RetryPolicy, RetryStep, StepInput};

    let policy = dcs_status_retry_policy_default();
    assert_eq!(crate::policy::policy_of(&policy), Ok(RetryPolicy::DEFAULT));
    assert_eq!(DCS_STATUS_RETRY_STEP_LOG_LINE_MAX, RetryStep::LOG_LINE_MAX);
    assert_eq!(DCS_STATUS_NO_RESPONSE, core_status::NO_RESPONSE);
    assert_eq!(DCS_STATUS_BODY_LIMIT, core_status::BODY_LIMIT);
    let budget = dcs_status_retry_budget_new_default();
    // SAFETY: a live budget, freed once.
    unsafe {
        let core = RetryBudget::default();
        assert_eq!(dcs_status_retry_budget_capacity(budget), core.capacity());
        assert_eq!(
            dcs_status_retry_budget_retry_cost(budget),
            core.retry_cost()
        );
        assert_eq!(
            dcs_status_retry_budget_throttle_cost(budget),
            core.throttle_cost()
        );
        assert_eq!(dcs_status_retry_budget_tokens(budget), core.tokens());
        dcs_status_retry_budget_free(budget);
    }
    let budget = RetryBudget::default();
    let inputs = [
        StepInput::new(1, 400).with_error_code(b"DCS.4111"),
        StepInput::new(1, 503).with_retry_after(b"7"),
        StepInput::new(1, 503).with_retry_after(b"7000"),
        StepInput::new(3, 502),
        StepInput::new(1, 404),
    ];
    for input in inputs {
        for b in [None, Some(&budget)] {
            let step = RetryPolicy::DEFAULT.step(&input, b);
            let c: dcs_status_retry_step = step.into();
            assert_eq!(crate::policy::core_step(&c), Ok(step));
        }
    }
}

/// The counter counts: a test that could not fail would prove nothing.
#[test]
fn the_allocation_counter_sees_an_allocation() {
    let before = counting::ALLOCATIONS.with(|n| n.get());
    std::hint::black_box(vec![1u8; 10]);
    assert!(counting::ALLOCATIONS.with(|n| n.get()) > before);
}

/// Every public item of the core, and what C has of it: C names that must appear in
/// the header, or why it is not exported. A new public item in the core fails this
/// test until it is exported or listed here (as ICU4X's FFI checks do).
const CORE_API: &[(&str, Result<&[&str], &str>)] = &[
    ("Action", Ok(&["dcs_status_action", "dcs_status_action_name"])),
    ("Class", Ok(&["dcs_status_class", "dcs_status_class_of", "dcs_status_class_name", "dcs_status_class_is_error"])),
    ("RetryAdvice", Ok(&["dcs_status_retry_advice", "dcs_status_retry_advice_of", "dcs_status_retry_advice_name"])),
    ("Status", Ok(&["dcs_status_entry", "dcs_status_get", "dcs_status_at", "dcs_status_count", "dcs_status_by_code"])),
    ("lookup", Ok(&["dcs_status_lookup"])),
    ("Lookup", Ok(&["dcs_status_lookup_result", "dcs_status_explain"])),
    ("LookupKind", Ok(&["dcs_status_lookup_kind", "dcs_status_lookup_kind_name"])),
    ("NotAStatusCodeError", Ok(&["DCS_STATUS_RESULT_ERR_NOT_A_STATUS_CODE"])),
    ("GivenNumber", Err("C passes int64_t: a number C holds always fits")),
    ("from_name", Ok(&["dcs_status_from_name"])),
    ("from_name_bytes", Ok(&["dcs_status_from_name"])),
    ("UnknownNameError", Ok(&["DCS_STATUS_RESULT_ERR_UNKNOWN_NAME"])),
    ("parse_retry_after", Ok(&["dcs_status_parse_retry_after"])),
    ("RetryAfterError", Ok(&["DCS_STATUS_RESULT_ERR_RETRY_AFTER_EMPTY", "DCS_STATUS_RESULT_ERR_RETRY_AFTER_INVALID_DELAY", "DCS_STATUS_RESULT_ERR_RETRY_AFTER_INVALID_DATE", "DCS_STATUS_RESULT_ERR_RETRY_AFTER_IMPOSSIBLE_DATE"])),
    ("ErrorKind", Ok(&["dcs_status_result", "dcs_status_result_name", "dcs_status_result_message", "dcs_status_result_is_retry_after_error"])),
    ("error_message", Ok(&["dcs_status_error_message"])),
    ("ErrorMessage", Ok(&["dcs_status_error_message"])),
    ("HttpError", Ok(&["dcs_status_http_error_message", "dcs_status_http_error", "dcs_status_http_error_from_response", "dcs_status_http_error_from_response_message"])),
    ("HttpErrorRef", Ok(&["dcs_status_http_error", "dcs_status_http_error_from_response", "dcs_status_http_error_from_response_message"])),
    ("decide", Ok(&["dcs_status_decide"])),
    ("Decision", Ok(&["dcs_status_decision", "dcs_status_decision_text"])),
    ("method_is_idempotent", Ok(&["dcs_status_method_is_idempotent"])),
    ("VERSION", Ok(&["dcs_status_version", "DCS_STATUS_VERSION"])),
    ("quote", Err("C gets messages rendered, their input already quoted: dcs_status_error_message, dcs_status_http_error_message")),
    ("Quoted", Err("as quote")),
    ("unix_now", Err("C has time(); every function takes `now` as an argument")),
    ("parse_http_date", Err("Retry-After is what clients parse; dcs_status_parse_retry_after covers its dates")),
    ("ident_from_name", Err("the rule that named the table's idents; C reads them from the entries")),
    ("entry_json", Err("the canonical JSON is what `dcs-status list --json` prints; tests/c compares the C table with it")),
    ("table_json", Err("as entry_json")),
    ("parse_query", Err("the dcs-status command's reading of its argument")),
    ("table_text", Err("the dcs-status command's `list`")),
    ("catalogue_text", Err("the dcs-status command's `errors`")),
    ("QueryError", Err("the dcs-status command's reading of its argument")),
    ("CatalogueEntry", Ok(&["dcs_status_catalogue_entry", "dcs_status_catalogue_lookup", "dcs_status_catalogue_count", "dcs_status_catalogue_at", "dcs_status_catalogue_explain"])),
    ("ErrorAdvice", Ok(&["dcs_status_error_advice", "dcs_status_error_advice_name"])),
    ("UnknownErrorCode", Ok(&["DCS_STATUS_RESULT_ERR_UNKNOWN_ERROR_CODE"])),
    ("parse_error_body", Ok(&["dcs_status_parse_error_body"])),
    ("ErrorBody", Ok(&["dcs_status_error_body"])),
    ("RawStr", Ok(&["dcs_status_text", "dcs_status_text_decode"])),
    ("resolve_request_id", Ok(&["dcs_status_resolve_request_id", "dcs_status_header"])),
    ("catalogue_json", Err("as table_json: a binding rebuilds it from its own view, to prove it")),
    ("catalogue_entry_json", Err("as entry_json")),
    ("RetryPolicy", Ok(&["dcs_status_retry_policy", "dcs_status_retry_policy_default", "dcs_status_retry_policy_validate", "dcs_status_retry_policy_step", "dcs_status_retry_policy_backoff_ms"])),
    ("Jitter", Ok(&["dcs_status_jitter", "dcs_status_jitter_name", "dcs_status_jitter_explain", "dcs_status_jitter_from_name"])),
    ("StepInput", Ok(&["dcs_status_step_input", "dcs_status_step_input_validate"])),
    ("RetryStep", Ok(&["dcs_status_retry_step", "dcs_status_retry_step_log_line", "DCS_STATUS_RETRY_STEP_LOG_LINE_MAX", "dcs_status_retry_step_gave_up"])),
    ("ExhaustedMessage", Ok(&["dcs_status_retry_step_exhausted_message"])),
    ("NO_RESPONSE", Ok(&["DCS_STATUS_NO_RESPONSE"])),
    ("BODY_LIMIT", Ok(&["DCS_STATUS_BODY_LIMIT"])),
    ("StepAction", Ok(&["dcs_status_step_action", "dcs_status_step_action_name", "dcs_status_step_action_explain"])),
    ("RetryCategory", Ok(&["dcs_status_retry_category", "dcs_status_retry_category_name", "dcs_status_retry_category_explain"])),
    ("RetryReason", Ok(&["dcs_status_retry_reason", "dcs_status_retry_reason_name", "dcs_status_retry_reason_explain"])),
    ("RetryBudget", Ok(&["dcs_status_retry_budget", "dcs_status_retry_budget_new", "dcs_status_retry_budget_new_with_tokens", "dcs_status_retry_budget_new_default", "dcs_status_retry_budget_free", "dcs_status_retry_budget_tokens", "dcs_status_retry_budget_capacity", "dcs_status_retry_budget_retry_cost", "dcs_status_retry_budget_throttle_cost", "dcs_status_retry_budget_record_success"])),
    ("RetryInputError", Ok(&["DCS_STATUS_RESULT_ERR_NO_ATTEMPTS", "DCS_STATUS_RESULT_ERR_CAP_BELOW_BASE", "DCS_STATUS_RESULT_ERR_UNKNOWN_JITTER", "DCS_STATUS_RESULT_ERR_ATTEMPT_ZERO", "DCS_STATUS_RESULT_ERR_NOT_A_STATUS_CODE", "DCS_STATUS_RESULT_ERR_RANDOM_OUT_OF_RANGE"])),
    ("random_unit", Ok(&["dcs_status_random_unit"])),
    ("reseed_random_unit", Ok(&["dcs_status_reseed_random_unit"])),
];

/// The names the core's lib.rs makes public: `pub use a::{B, c};`, `pub const X`.
fn core_public_items() -> Vec<String> {
    let lib = std::fs::read_to_string(repo_root().join("crates/dcs-status/src/lib.rs"))
        .unwrap_or_default();
    let mut items = Vec::new();
    for statement in lib.split(';') {
        let statement = statement.trim();
        let statement = statement.rsplit('\n').next().unwrap_or(statement).trim();
        if let Some(path) = statement.strip_prefix("pub use ") {
            let names = match (path.find('{'), path.rfind('}')) {
                (Some(open), Some(close)) => &path[open + 1..close],
                _ => path.rsplit("::").next().unwrap_or(path),
            };
            items.extend(
                names
                    .split(',')
                    .map(|n| n.trim().to_owned())
                    .filter(|n| !n.is_empty()),
            );
        } else if let Some(rest) = statement.strip_prefix("pub const ") {
            items.extend(rest.split(':').next().map(|n| n.trim().to_owned()));
        }
    }
    items
}

#[test]
fn every_public_core_item_is_exported_or_listed_as_not() {
    let items = core_public_items();
    assert!(
        items.len() >= 20,
        "the parse of the core's lib.rs found only {items:?}"
    );
    let header =
        std::fs::read_to_string(repo_root().join("include/dcs_status.h")).unwrap_or_default();
    // Whole identifiers only: `dcs_status_retry` must not be found in `dcs_status_retry_of`.
    let identifiers: BTreeSet<&str> = header
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .collect();
    for item in &items {
        let Some((_, c)) = CORE_API.iter().find(|(name, _)| name == item) else {
            panic!(
                "the core's public `{item}` is neither exported to C nor listed as not in CORE_API"
            );
        };
        if let Ok(names) = c {
            for name in *names {
                assert!(
                    identifiers.contains(name),
                    "`{item}`: {name} is not in the header"
                );
            }
        }
    }
    for (name, _) in CORE_API {
        assert!(
            items.iter().any(|i| i == name),
            "CORE_API lists `{name}`, which the core no longer has"
        );
    }
}

#[test]
fn gave_up_is_the_cores_and_false_for_null_or_invalid_steps() {
    use core_status::{RetryPolicy, StepInput};

    for (attempt, status) in [(1, 503), (3, 503), (3, 404), (1, 0), (3, 0)] {
        let input = StepInput::new(attempt, status)
            .with_retry_after(b"1")
            .with_idempotent(true)
            .with_random(0.5);
        let core = RetryPolicy::DEFAULT.step(&input, None);
        let c = dcs_status_retry_step::from(core);
        // SAFETY: a live step.
        assert_eq!(unsafe { dcs_status_retry_step_gave_up(&c) }, core.gave_up());
        let message = b"503 Service Unavailable";
        let mut buf = [0 as c_char; DCS_STATUS_RETRY_STEP_LOG_LINE_MAX + 64];
        // SAFETY: a live step, a message of its length, a buffer of its length.
        let n = unsafe {
            dcs_status_retry_step_exhausted_message(
                &c,
                message.as_ptr().cast(),
                message.len(),
                buf.as_mut_ptr(),
                buf.len(),
            )
        };
        // SAFETY: the renderer NUL-terminates within the buffer.
        let text = unsafe { CStr::from_ptr(buf.as_ptr()) };
        assert_eq!(
            text.to_str(),
            Ok(core.exhausted_message(message).to_string().as_str())
        );
        assert_eq!(n, text.to_bytes().len());
    }
    let mut invalid =
        dcs_status_retry_step::from(RetryPolicy::DEFAULT.step(&StepInput::new(3, 503), None));
    invalid.reason = 999;
    // SAFETY: NULL, and a live step.
    unsafe {
        assert!(!dcs_status_retry_step_gave_up(core::ptr::null()));
        assert!(!dcs_status_retry_step_gave_up(&invalid));
    }
}
