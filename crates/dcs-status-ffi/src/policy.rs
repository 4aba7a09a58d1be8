//! The retry policy (issue 10): its defaults and validation, the next step, the
//! delay formula, a step's log line, and the random source. Every rule, number and
//! sentence is the core's (`dcs_status::RetryPolicy`); this module translates the
//! structs. A step allocates nothing.

use core::ffi::c_char;

use core_status::{
    error_message, random_unit, reseed_random_unit, ErrorKind, Jitter, RetryPolicy, RetryStep,
    StepInput,
};

use crate::budget::dcs_status_retry_budget;
use crate::catalogue::{catalogue_entry_of, core_entry_of};
use crate::enums::{
    dcs_status_jitter, dcs_status_result, dcs_status_retry_category, dcs_status_retry_reason,
    dcs_status_step_action,
};
use crate::input::bytes;
use crate::render::render;
use crate::types::{dcs_status_retry_policy, dcs_status_retry_step, dcs_status_step_input};

/// The most bytes a step's log line can have (without the NUL): a buffer of
/// `DCS_STATUS_RETRY_STEP_LOG_LINE_MAX + 1` bytes always holds one
/// (`dcs_status_retry_step_log_line`).
pub const DCS_STATUS_RETRY_STEP_LOG_LINE_MAX: usize = 256;

/// The status a step input gives when no response arrived (the connection failed,
/// was reset or timed out): rule 0 retries it, reason
/// `DCS_STATUS_RETRY_REASON_CONNECTION_ERROR`, only on an idempotent request. No
/// HTTP status is 0. (A literal for cbindgen; a test pins it to the core's
/// `NO_RESPONSE`.)
pub const DCS_STATUS_NO_RESPONSE: i64 = 0;

/// The most bytes of an error response's body a client reads to find its
/// `error_code` (`dcs_status_parse_error_body`): 65536, the core's `BODY_LIMIT`
/// (pinned by a test).
pub const DCS_STATUS_BODY_LIMIT: usize = 65_536;

impl From<RetryPolicy> for dcs_status_retry_policy {
    fn from(p: RetryPolicy) -> Self {
        dcs_status_retry_policy {
            max_attempts: p.max_attempts,
            jitter: dcs_status_jitter::from_core(p.jitter) as u32,
            base_transient_ms: p.base_transient_ms,
            base_throttle_ms: p.base_throttle_ms,
            base_busy_ms: p.base_busy_ms,
            cap_ms: p.cap_ms,
            max_retry_after_s: p.max_retry_after_s,
        }
    }
}

/// The core's policy of a C policy: `ErrUnknownJitter` for a `jitter` that is no
/// `dcs_status_jitter` (read as a number, never assumed valid).
pub(crate) fn policy_of(p: &dcs_status_retry_policy) -> Result<RetryPolicy, dcs_status_result> {
    let jitter: Jitter = dcs_status_jitter::from_value(p.jitter)
        .ok_or(dcs_status_result::ErrUnknownJitter)?
        .to_core();
    Ok(RetryPolicy {
        max_attempts: p.max_attempts,
        jitter,
        base_transient_ms: p.base_transient_ms,
        base_throttle_ms: p.base_throttle_ms,
        base_busy_ms: p.base_busy_ms,
        cap_ms: p.cap_ms,
        max_retry_after_s: p.max_retry_after_s,
    })
}

/// The core's view of a C step input: its texts borrowed, the flagged values set
/// only when their flag is.
///
/// # Safety
/// Each of `retry_after` and `error_code` must be NULL or point to its length's
/// readable bytes, valid for the returned lifetime.
unsafe fn input_of(input: &dcs_status_step_input) -> StepInput<'_> {
    StepInput {
        attempt: input.attempt,
        status: input.status,
        // SAFETY: by this function's contract, each is NULL or has its length's bytes.
        retry_after: unsafe { bytes(input.retry_after, input.retry_after_len) },
        // SAFETY: as above.
        error_code: unsafe { bytes(input.error_code, input.error_code_len) },
        idempotent: input.idempotent,
        now: input.has_now.then_some(input.now),
        random: input.has_random.then_some(input.random),
        previous_delay_ms: input.previous_delay_ms,
        time_left_ms: input.has_time_left.then_some(input.time_left_ms),
        unreplayable_body: input.unreplayable_body,
    }
}

impl From<RetryStep> for dcs_status_retry_step {
    fn from(s: RetryStep) -> Self {
        dcs_status_retry_step {
            action: dcs_status_step_action::from_core(s.action) as u32,
            delay_ms: s.delay_ms,
            has_category: s.category.is_some(),
            category: s
                .category
                .map_or(0, |c| dcs_status_retry_category::from_core(c) as u32),
            reason: dcs_status_retry_reason::from_core(s.reason) as u32,
            has_tokens_after: s.tokens_after.is_some(),
            tokens_after: s.tokens_after.unwrap_or(0),
            attempt: s.attempt,
            max_attempts: s.max_attempts,
            status: s.status,
            has_retry_after: s.retry_after_s.is_some(),
            retry_after_s: s.retry_after_s.unwrap_or(0),
            catalogue: s
                .catalogue_entry
                .map_or(core::ptr::null(), catalogue_entry_of),
        }
    }
}

/// The core's step of a C step, every enum field and the catalogue pointer checked
/// (never dereferenced): `ErrInvalidArgument` for a value the header does not define.
pub(crate) fn core_step(s: &dcs_status_retry_step) -> Result<RetryStep, dcs_status_result> {
    let invalid = dcs_status_result::ErrInvalidArgument;
    let category = if s.has_category {
        let category = dcs_status_retry_category::from_value(s.category).ok_or(invalid)?;
        Some(category.to_core())
    } else {
        None
    };
    Ok(RetryStep {
        action: dcs_status_step_action::from_value(s.action)
            .ok_or(invalid)?
            .to_core(),
        delay_ms: s.delay_ms,
        category,
        reason: dcs_status_retry_reason::from_value(s.reason)
            .ok_or(invalid)?
            .to_core(),
        tokens_after: s.has_tokens_after.then_some(s.tokens_after),
        attempt: s.attempt,
        max_attempts: s.max_attempts,
        status: s.status,
        retry_after_s: s.has_retry_after.then_some(s.retry_after_s),
        catalogue_entry: core_entry_of(s.catalogue).ok_or(invalid)?,
    })
}

/// The default retry policy: 3 attempts, full jitter, base delays of 50 ms
/// (transient), 1000 ms (throttle) and 2000 ms (busy), a 20000 ms cap, Retry-After
/// honoured up to 300 s. The core's `RetryPolicy::DEFAULT` (its documentation, and
/// the README, give the reasons). Change fields of the copy it returns.
#[no_mangle]
pub extern "C" fn dcs_status_retry_policy_default() -> dcs_status_retry_policy {
    ffi_panic_boundary! { RetryPolicy::DEFAULT.into() }
}

/// Whether a policy's settings make sense, the first problem found in this order:
/// `DCS_STATUS_RESULT_ERR_UNKNOWN_JITTER` for a `jitter` that is no
/// `dcs_status_jitter`, `DCS_STATUS_RESULT_ERR_NO_ATTEMPTS` for `max_attempts` 0,
/// `DCS_STATUS_RESULT_ERR_CAP_BELOW_BASE` for a `cap_ms` below a base delay;
/// `DCS_STATUS_RESULT_ERR_NULL_POINTER` if `policy` is NULL.
///
/// `dcs_status_retry_policy_step` answers for any policy with a known jitter (it
/// reads `max_attempts` 0 as 1, and limits every delay to the cap); programs that
/// take settings from people check them here first and report
/// `dcs_status_result_message` (or `dcs_status_error_message` about the value).
///
/// # Safety
/// `policy` must be NULL or point to a readable `dcs_status_retry_policy`.
#[no_mangle]
pub unsafe extern "C" fn dcs_status_retry_policy_validate(
    policy: *const dcs_status_retry_policy,
) -> dcs_status_result {
    ffi_panic_boundary! {
        // SAFETY: by this function's contract, `policy` is NULL or readable.
        let Some(policy) = (unsafe { policy.as_ref() }) else {
            return dcs_status_result::ErrNullPointer;
        };
        match policy_of(policy).map(|p| p.validate()) {
            Ok(Ok(())) => dcs_status_result::Ok,
            Ok(Err(e)) => e.kind().into(),
            Err(e) => e,
        }
    }
}

/// Whether a step's input makes sense, the first problem found in this order:
/// `DCS_STATUS_RESULT_ERR_ATTEMPT_ZERO` for `attempt` 0,
/// `DCS_STATUS_RESULT_ERR_NOT_A_STATUS_CODE` for a `status` outside 100..999,
/// `DCS_STATUS_RESULT_ERR_RANDOM_OUT_OF_RANGE` for a set `random` that is NaN,
/// negative, or 1 or more; `DCS_STATUS_RESULT_ERR_NULL_POINTER` if `input` is NULL.
/// `dcs_status_retry_policy_step` answers for any input (its documentation says how
/// it reads these).
///
/// # Safety
/// `input` must be NULL or point to a readable `dcs_status_step_input` whose
/// `bool` fields hold false or true and whose texts are NULL or point to their
/// length's readable bytes.
#[no_mangle]
pub unsafe extern "C" fn dcs_status_step_input_validate(
    input: *const dcs_status_step_input,
) -> dcs_status_result {
    ffi_panic_boundary! {
        // SAFETY: by this function's contract, `input` is NULL or readable.
        let Some(input) = (unsafe { input.as_ref() }) else {
            return dcs_status_result::ErrNullPointer;
        };
        // SAFETY: by this function's contract, the input's texts have their lengths.
        let core = unsafe { input_of(input) };
        match core.validate() {
            Ok(()) => dcs_status_result::Ok,
            Err(e) => e.kind().into(),
        }
    }
}

/// Finds the jitter mode named `name` ("full", "equal", "none", "decorrelated";
/// exactly, case-sensitive), `len` bytes with no NUL needed, into `*out`.
///
/// Errors: `DCS_STATUS_RESULT_ERR_NULL_POINTER` if `name` or `out` is NULL;
/// `DCS_STATUS_RESULT_ERR_UNKNOWN_JITTER` for any other name (bytes that are not
/// UTF-8 included: `dcs_status_error_message` writes the message about it). `*out`
/// is written only on success.
///
/// # Safety
/// `name` must be NULL or point to `len` readable bytes; `out` must be NULL or point
/// to writable memory for one `dcs_status_jitter`.
#[no_mangle]
pub unsafe extern "C" fn dcs_status_jitter_from_name(
    name: *const c_char,
    len: usize,
    out: *mut dcs_status_jitter,
) -> dcs_status_result {
    ffi_panic_boundary! {
        if out.is_null() {
            return dcs_status_result::ErrNullPointer;
        }
        // SAFETY: by this function's contract, `name` is NULL or has `len` bytes.
        let Some(name) = (unsafe { bytes(name, len) }) else {
            return dcs_status_result::ErrNullPointer;
        };
        match core::str::from_utf8(name).ok().and_then(Jitter::from_name) {
            Some(jitter) => {
                // SAFETY: `out` is non-null and, by this function's contract, writable.
                unsafe { out.write(jitter.into()) };
                dcs_status_result::Ok
            }
            None => dcs_status_result::ErrUnknownJitter,
        }
    }
}

/// The next step after an attempt: retry (after how long) or stop, and why, by the
/// core's rules (`dcs_status::RetryPolicy::step`), first match wins:
///
/// 1. 1xx-3xx: do not retry, `NOT_AN_ERROR`.
/// 2. `attempt` >= `max_attempts`: do not retry, `MAX_ATTEMPTS`.
/// 3. the error code's catalogue advice is fix_request or not_allowed: do not retry,
///    `ERROR_CODE`.
/// 4. 413, 429 or 503 with a valid Retry-After: longer than `max_retry_after_s`, do
///    not retry, `RETRY_AFTER_TOO_LONG`; else retry after exactly that many seconds
///    (x 1000 ms), category `THROTTLE`, `RETRY_AFTER`, no jitter.
/// 5. the error code's advice is retry_later: retry, `BUSY`, `BUSY` (whatever the
///    method: the error proves the request had no effect).
/// 6. 429: retry, `THROTTLE`, `THROTTLED`.
/// 7. 408: retry, `TRANSIENT`, `TIMEOUT`.
/// 8. 500, 502, 504 and codes handled as 500: idempotent, retry, `TRANSIENT`,
///    `SERVER_ERROR`; else do not retry, `NOT_IDEMPOTENT`.
/// 9. anything else: do not retry, `STATUS` (also a number outside 100..999).
///
/// Rules 5-8 wait the backoff delay of their category for retry number `attempt`
/// (`dcs_status_retry_policy_backoff_ms`). A retry is then checked against the
/// deadline (`has_time_left`: a longer delay is `DEADLINE`) and paid from `budget`
/// if one is given (`BUDGET_EXHAUSTED` if it cannot pay; charged only for a retry
/// that passes every check). `budget` may be NULL: no budget.
///
/// `*out` is the step (`has_tokens_after` when a budget was given); its log line is
/// `dcs_status_retry_step_log_line`. Nothing is allocated; the budget is updated
/// with one atomic operation, safe from any number of threads.
///
/// Errors: `DCS_STATUS_RESULT_ERR_NULL_POINTER` if `policy`, `input` or `out` is
/// NULL; `DCS_STATUS_RESULT_ERR_UNKNOWN_JITTER` if the policy's `jitter` is no
/// `dcs_status_jitter`. Any other value is answered, as the rules say (validate
/// first, if the values come from people). `*out` is written only on success, and
/// then the budget was charged if the step retries.
///
/// # Safety
/// `policy` and `input` must be NULL or point to readable structs (the input's
/// `bool` fields false or true, its texts NULL or their length's readable bytes);
/// `budget` must be NULL or a live budget from `dcs_status_retry_budget_new*`; `out`
/// must be NULL or point to writable memory for one `dcs_status_retry_step`.
#[no_mangle]
pub unsafe extern "C" fn dcs_status_retry_policy_step(
    policy: *const dcs_status_retry_policy,
    input: *const dcs_status_step_input,
    budget: *const dcs_status_retry_budget,
    out: *mut dcs_status_retry_step,
) -> dcs_status_result {
    ffi_panic_boundary! {
        // SAFETY: by this function's contract, each is NULL or readable.
        let (Some(policy), Some(input)) = (unsafe { policy.as_ref() }, unsafe { input.as_ref() }) else {
            return dcs_status_result::ErrNullPointer;
        };
        if out.is_null() {
            return dcs_status_result::ErrNullPointer;
        }
        let policy = match policy_of(policy) {
            Ok(policy) => policy,
            Err(e) => return e,
        };
        // SAFETY: by this function's contract, the input's texts have their lengths.
        let input = unsafe { input_of(input) };
        // SAFETY: by this function's contract, `budget` is NULL or a live budget.
        let budget = unsafe { budget.as_ref() }.map(dcs_status_retry_budget::core);
        let step = policy.step(&input, budget);
        // SAFETY: `out` is non-null and, by this function's contract, writable.
        unsafe { out.write(step.into()) };
        dcs_status_result::Ok
    }
}

/// The backoff delay of retry number `retry` (1 for the first; 0 is read as 1) of a
/// category, in milliseconds, for the random draw `random` and, for decorrelated
/// jitter, the previous retry's delay (the core's `RetryPolicy::backoff_ms`). With
/// `base` the category's base delay and n = `retry`:
///
/// - ceiling = min(cap_ms, base * 2^(n-1)), exact in integers, without overflow for
///   any n;
/// - full: floor(u * ceiling); equal: floor(ceiling/2 + u * ceiling/2); none:
///   ceiling;
/// - decorrelated: min(cap_ms, floor(base + u * (3 * previous - base))), previous
///   being base for the first retry.
///
/// Products with u are IEEE doubles, so every language gets the same integer. A
/// `random` outside [0, 1) is clamped: NaN and negatives to 0, 1 and more to the
/// largest double below 1. `*out_ms` is written only on success.
///
/// Errors: `DCS_STATUS_RESULT_ERR_NULL_POINTER` if `policy` or `out_ms` is NULL;
/// `DCS_STATUS_RESULT_ERR_UNKNOWN_JITTER` for a policy whose `jitter` is no
/// `dcs_status_jitter`; `DCS_STATUS_RESULT_ERR_INVALID_ARGUMENT` for a `category`
/// that is no `dcs_status_retry_category`.
///
/// # Safety
/// `policy` must be NULL or point to a readable `dcs_status_retry_policy`; `out_ms`
/// must be NULL or point to writable memory for one `uint64_t`.
#[no_mangle]
pub unsafe extern "C" fn dcs_status_retry_policy_backoff_ms(
    policy: *const dcs_status_retry_policy,
    category: u32,
    retry: u32,
    random: f64,
    previous_ms: u64,
    out_ms: *mut u64,
) -> dcs_status_result {
    ffi_panic_boundary! {
        // SAFETY: by this function's contract, `policy` is NULL or readable.
        let Some(policy) = (unsafe { policy.as_ref() }) else {
            return dcs_status_result::ErrNullPointer;
        };
        if out_ms.is_null() {
            return dcs_status_result::ErrNullPointer;
        }
        let policy = match policy_of(policy) {
            Ok(policy) => policy,
            Err(e) => return e,
        };
        let Some(category) = dcs_status_retry_category::from_value(category) else {
            return dcs_status_result::ErrInvalidArgument;
        };
        let delay = policy.backoff_ms(category.to_core(), retry, random, previous_ms);
        // SAFETY: `out_ms` is non-null and, by this function's contract, writable.
        unsafe { out_ms.write(delay) };
        dcs_status_result::Ok
    }
}

/// Writes a step's log line, the same in every language: "retry 2 of 3 in 740 ms:
/// DCS.4111 says try again later (busy)" or "do not retry: 404 Not Found is not an
/// error a retry can fix (status)". ASCII, at most
/// `DCS_STATUS_RETRY_STEP_LOG_LINE_MAX` bytes. Nothing is allocated.
///
/// A NULL `step` writes the message of `DCS_STATUS_RESULT_ERR_NULL_POINTER`; a step
/// with a field the header does not define (an enum value, a catalogue pointer that
/// is not the library's), that of `DCS_STATUS_RESULT_ERR_INVALID_ARGUMENT`. Returns
/// the line's length; see the renderers' contract at `dcs_status_explain`.
///
/// # Safety
/// `step` must be NULL or point to a readable `dcs_status_retry_step` whose `bool`
/// fields hold false or true; `buf` must be NULL or point to `cap` writable bytes.
#[no_mangle]
pub unsafe extern "C" fn dcs_status_retry_step_log_line(
    step: *const dcs_status_retry_step,
    buf: *mut c_char,
    cap: usize,
) -> usize {
    ffi_panic_boundary! {
        // SAFETY: by this function's contract, `step` is NULL or readable.
        let step = unsafe { step.as_ref() }.ok_or(dcs_status_result::ErrNullPointer).and_then(core_step);
        // SAFETY: by this function's contract, `buf` is NULL or has `cap` bytes.
        unsafe {
            match step {
                Ok(step) => render(buf, cap, step),
                Err(e) => render(
                    buf,
                    cap,
                    error_message(e.to_core().unwrap_or(ErrorKind::Internal), &[]),
                ),
            }
        }
    }
}

/// Writes the message of a retrying client's error, ended with why its retries ran
/// out when `step` (its last) gave up: "MESSAGE; retries exhausted: 503 Service
/// Unavailable on attempt 3, and max_attempts is 3 (max_attempts)" (the clause
/// alone for an empty message; the message unchanged for a step that did not give
/// up; bytes that are not UTF-8 as U+FFFD). `message` is `message_len` bytes (NULL
/// for none). NULL and invalid steps as for `dcs_status_retry_step_log_line`,
/// whose renderers' contract this follows; the clause is at most
/// `DCS_STATUS_RETRY_STEP_LOG_LINE_MAX` bytes.
///
/// # Safety
/// As for `dcs_status_retry_step_log_line`; `message` must be NULL or point to
/// `message_len` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn dcs_status_retry_step_exhausted_message(
    step: *const dcs_status_retry_step,
    message: *const c_char,
    message_len: usize,
    buf: *mut c_char,
    cap: usize,
) -> usize {
    ffi_panic_boundary! {
        // SAFETY: by this function's contract, `step` is NULL or readable.
        let step = unsafe { step.as_ref() }.ok_or(dcs_status_result::ErrNullPointer).and_then(core_step);
        // SAFETY: by this function's contract, NULL or `message_len` bytes.
        let message = unsafe { bytes(message, message_len) }.unwrap_or_default();
        // SAFETY: by this function's contract, `buf` is NULL or has `cap` bytes.
        unsafe {
            match step {
                Ok(step) => render(buf, cap, step.exhausted_message(message)),
                Err(e) => render(
                    buf,
                    cap,
                    error_message(e.to_core().unwrap_or(ErrorKind::Internal), &[]),
                ),
            }
        }
    }
}

/// Whether the policy gave up at `step`: a rule called for a retry, but a limit
/// stopped it (reason `MAX_ATTEMPTS`, `RETRY_AFTER_TOO_LONG`, `DEADLINE` or
/// `BUDGET_EXHAUSTED`). A retrying client then reports its retries as exhausted,
/// where a response no retry can fix (a 404, a 500 on a POST) is simply the answer.
/// False for a NULL `step` or one with a field the header does not define.
///
/// # Safety
/// `step` must be NULL or point to a readable `dcs_status_retry_step` whose `bool`
/// fields hold false or true.
#[no_mangle]
pub unsafe extern "C" fn dcs_status_retry_step_gave_up(step: *const dcs_status_retry_step) -> bool {
    ffi_panic_boundary! {
        // SAFETY: by this function's contract, `step` is NULL or readable.
        unsafe { step.as_ref() }
            .ok_or(dcs_status_result::ErrNullPointer)
            .and_then(core_step)
            .is_ok_and(|step| step.gave_up())
    }
}

/// A uniform random draw in [0, 1) from the library's source: what a step uses when
/// the input has no `random`. wyrand with one state per thread, seeded from the
/// operating system's randomness on the thread's first draw; fast, never locked, not
/// for anything secret.
#[no_mangle]
pub extern "C" fn dcs_status_random_unit() -> f64 {
    ffi_panic_boundary! { random_unit() }
}

/// Gives the calling thread's random source a fresh seed. A process that forks after
/// drawing hands its child the same state: call this in the child
/// (`pthread_atfork(NULL, NULL, child_handler)`), or the two draw the same delays.
#[no_mangle]
pub extern "C" fn dcs_status_reseed_random_unit() {
    ffi_panic_boundary! { reseed_random_unit() }
}
