//! The retry budget as an opaque, thread-safe handle: the core's `RetryBudget` (one
//! atomic counter) on the heap, shared by every thread that holds the pointer.

use core_status::RetryBudget;

use crate::enums::dcs_status_result;
use crate::policy::core_step;
use crate::types::dcs_status_retry_step;

/// A retry budget (the AWS SDKs' retry quota): retries spend tokens, successes earn
/// them back, and when too many requests fail it runs dry and stops the retries that
/// would only add load. Opaque: made by `dcs_status_retry_budget_new*`, freed by
/// `dcs_status_retry_budget_free`.
///
/// Thread-safe: share one budget among every thread (and request) of a process that
/// talks to one service; every function changes it with one atomic operation, so the
/// tokens never go below 0 or above the capacity and no update is lost. Only
/// `dcs_status_retry_budget_free` must not race with another call on it.
pub struct dcs_status_retry_budget {
    budget: RetryBudget,
}

impl dcs_status_retry_budget {
    /// The core's budget inside.
    pub(crate) fn core(&self) -> &RetryBudget {
        &self.budget
    }
}

/// A new budget on the heap, as a pointer for C.
fn boxed(budget: RetryBudget) -> *mut dcs_status_retry_budget {
    Box::into_raw(Box::new(dcs_status_retry_budget { budget }))
}

/// A new, full budget of `capacity` tokens, where a transient or busy retry costs
/// `retry_cost` and a throttle retry (429, or any Retry-After) `throttle_cost`.
/// Free it with `dcs_status_retry_budget_free`. Never NULL (an allocation failure
/// aborts, as every Rust allocation does).
#[no_mangle]
pub extern "C" fn dcs_status_retry_budget_new(
    capacity: u32,
    retry_cost: u32,
    throttle_cost: u32,
) -> *mut dcs_status_retry_budget {
    ffi_panic_boundary! { boxed(RetryBudget::new(capacity, retry_cost, throttle_cost)) }
}

/// `dcs_status_retry_budget_new`, holding `tokens` instead of a full budget (at most
/// `capacity`: more is read as `capacity`): to resume a saved state, or to test.
#[no_mangle]
pub extern "C" fn dcs_status_retry_budget_new_with_tokens(
    capacity: u32,
    retry_cost: u32,
    throttle_cost: u32,
    tokens: u32,
) -> *mut dcs_status_retry_budget {
    ffi_panic_boundary! {
        boxed(RetryBudget::new(capacity, retry_cost, throttle_cost).with_tokens(tokens))
    }
}

/// A new, full budget with the core's defaults: 500 tokens, 14 per transient or busy
/// retry, 5 per throttle retry (the AWS SDKs' numbers). Free it with
/// `dcs_status_retry_budget_free`; never NULL.
#[no_mangle]
pub extern "C" fn dcs_status_retry_budget_new_default() -> *mut dcs_status_retry_budget {
    ffi_panic_boundary! { boxed(RetryBudget::default()) }
}

/// Frees a budget. NULL is ignored. No other call may use the budget during or
/// after this one.
///
/// # Safety
/// `budget` must be NULL or a budget from `dcs_status_retry_budget_new*` not freed
/// yet, which no other thread is using.
#[no_mangle]
pub unsafe extern "C" fn dcs_status_retry_budget_free(budget: *mut dcs_status_retry_budget) {
    ffi_panic_boundary! {
        if !budget.is_null() {
            // SAFETY: by this function's contract, `budget` came from Box::into_raw in
            // `boxed` and is freed only here, once.
            drop(unsafe { Box::from_raw(budget) });
        }
    }
}

/// The tokens a budget holds now (another thread may change them at any time); 0
/// for NULL.
///
/// # Safety
/// `budget` must be NULL or a live budget from `dcs_status_retry_budget_new*`.
#[no_mangle]
pub unsafe extern "C" fn dcs_status_retry_budget_tokens(
    budget: *const dcs_status_retry_budget,
) -> u32 {
    ffi_panic_boundary! {
        // SAFETY: by this function's contract, `budget` is NULL or live.
        unsafe { budget.as_ref() }.map_or(0, |b| b.budget.tokens())
    }
}

/// The most tokens a budget can hold; 0 for NULL.
///
/// # Safety
/// `budget` must be NULL or a live budget from `dcs_status_retry_budget_new*`.
#[no_mangle]
pub unsafe extern "C" fn dcs_status_retry_budget_capacity(
    budget: *const dcs_status_retry_budget,
) -> u32 {
    ffi_panic_boundary! {
        // SAFETY: by this function's contract, `budget` is NULL or live.
        unsafe { budget.as_ref() }.map_or(0, |b| b.budget.capacity())
    }
}

/// What a transient or busy retry costs a budget; 0 for NULL.
///
/// # Safety
/// `budget` must be NULL or a live budget from `dcs_status_retry_budget_new*`.
#[no_mangle]
pub unsafe extern "C" fn dcs_status_retry_budget_retry_cost(
    budget: *const dcs_status_retry_budget,
) -> u32 {
    ffi_panic_boundary! {
        // SAFETY: by this function's contract, `budget` is NULL or live.
        unsafe { budget.as_ref() }.map_or(0, |b| b.budget.retry_cost())
    }
}

/// What a throttle retry (429, or any Retry-After) costs a budget; 0 for NULL.
///
/// # Safety
/// `budget` must be NULL or a live budget from `dcs_status_retry_budget_new*`.
#[no_mangle]
pub unsafe extern "C" fn dcs_status_retry_budget_throttle_cost(
    budget: *const dcs_status_retry_budget,
) -> u32 {
    ffi_panic_boundary! {
        // SAFETY: by this function's contract, `budget` is NULL or live.
        unsafe { budget.as_ref() }.map_or(0, |b| b.budget.throttle_cost())
    }
}

/// Records that a request succeeded (the core's `RetryBudget::record_success`).
/// `last` is the last step of that request's retry loop, or NULL if the first
/// attempt succeeded:
///
/// - NULL: 1 token is added;
/// - a retry paid from a budget (`action` `DCS_STATUS_STEP_ACTION_RETRY`,
///   `has_tokens_after`): the cost of its category is refunded;
/// - any other step: nothing changes.
///
/// Never above the capacity. `*out_tokens`, if `out_tokens` is not NULL, is the
/// tokens held after.
///
/// Errors: `DCS_STATUS_RESULT_ERR_NULL_POINTER` if `budget` is NULL;
/// `DCS_STATUS_RESULT_ERR_INVALID_ARGUMENT` for a `last` with a field the header does
/// not define (then nothing changes). `*out_tokens` is written only on success.
///
/// # Safety
/// `budget` must be NULL or a live budget from `dcs_status_retry_budget_new*`;
/// `last` must be NULL or point to a readable `dcs_status_retry_step` whose `bool`
/// fields hold false or true; `out_tokens` must be NULL or point to writable memory
/// for one `uint32_t`.
#[no_mangle]
pub unsafe extern "C" fn dcs_status_retry_budget_record_success(
    budget: *const dcs_status_retry_budget,
    last: *const dcs_status_retry_step,
    out_tokens: *mut u32,
) -> dcs_status_result {
    ffi_panic_boundary! {
        // SAFETY: by this function's contract, `budget` is NULL or live.
        let Some(budget) = (unsafe { budget.as_ref() }) else {
            return dcs_status_result::ErrNullPointer;
        };
        // SAFETY: by this function's contract, `last` is NULL or readable.
        let last = match unsafe { last.as_ref() }.map(core_step).transpose() {
            Ok(last) => last,
            Err(e) => return e,
        };
        let tokens = budget.budget.record_success(last.as_ref());
        // SAFETY: by this function's contract, `out_tokens` is NULL or writable.
        if let Some(out) = unsafe { out_tokens.as_mut() } {
            *out = tokens;
        }
        dcs_status_result::Ok
    }
}
