/*
 * fuzz_retry.c: the retry policy's step (dcs_status_retry_policy_step), its delay
 * formula, its log line, the validations and the budget, for any policy (any jitter
 * number, any base, cap and attempt count), any input (any attempt, status, `now`,
 * any bit pattern as the random draw: NaN, infinities, subnormals) and any budget.
 *
 * Input, little-endian, each field cut short to 0 when the data runs out:
 *   policy  max_attempts u32, jitter u32, base_transient_ms, base_throttle_ms,
 *           base_busy_ms, cap_ms, max_retry_after_s u64      (48 bytes)
 *   input   attempt u32, status i64, now i64, the random draw's bits u64,
 *           previous_delay_ms u64, time_left_ms u64          (44 bytes)
 *   flags   1 byte: bit 0 idempotent, 1 has_now, 2 has_random, 3 has_time_left,
 *           4 Retry-After present, 5 error code present, 6 a budget
 *   budget  capacity, retry_cost, throttle_cost, tokens u32  (16 bytes)
 *   texts   1 byte n, then n bytes of Retry-After (at most what is left), the rest
 *           the error code
 *
 * Promises checked beyond "no crash": the result is OK exactly when the jitter is
 * one of DCS_STATUS_JITTER_*; a step's fields are the header's values and agree with
 * each other (a retry has a category and a retry reason; a stop waits 0 ms; no delay
 * above the cap but the server's Retry-After, which is at most max_retry_after_s); the
 * budget reports what it holds, never above its capacity, and is charged only for a
 * retry; the same input gives the same step; the log line has the renderers' contract
 * and fits DCS_STATUS_RETRY_STEP_LOG_LINE_MAX; output is untouched on error.
 */
#include "fuzz_common.h"

static size_t render_log_line(const void *step, char *buf, size_t cap) {
    return dcs_status_retry_step_log_line(step, buf, cap);
}

static bool is_retry_reason(uint32_t reason) {
    return reason == DCS_STATUS_RETRY_REASON_RETRY_AFTER || reason == DCS_STATUS_RETRY_REASON_BUSY ||
           reason == DCS_STATUS_RETRY_REASON_THROTTLED || reason == DCS_STATUS_RETRY_REASON_TIMEOUT ||
           reason == DCS_STATUS_RETRY_REASON_SERVER_ERROR || reason == DCS_STATUS_RETRY_REASON_CONNECTION_ERROR;
}

/* Whether two steps say the same, field by field (not the padding). */
static bool same_step(const dcs_status_retry_step *a, const dcs_status_retry_step *b) {
    return a->action == b->action && a->delay_ms == b->delay_ms && a->has_category == b->has_category &&
           a->category == b->category && a->reason == b->reason && a->has_tokens_after == b->has_tokens_after &&
           a->tokens_after == b->tokens_after && a->attempt == b->attempt && a->max_attempts == b->max_attempts &&
           a->status == b->status && a->has_retry_after == b->has_retry_after &&
           a->retry_after_s == b->retry_after_s && a->catalogue == b->catalogue;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    dcs_status_retry_policy policy;
    policy.max_attempts = take_u32(&data, &size);
    policy.jitter = take_u32(&data, &size);
    policy.base_transient_ms = take_u64(&data, &size);
    policy.base_throttle_ms = take_u64(&data, &size);
    policy.base_busy_ms = take_u64(&data, &size);
    policy.cap_ms = take_u64(&data, &size);
    policy.max_retry_after_s = take_u64(&data, &size);

    dcs_status_step_input in;
    memset(&in, 0, sizeof in);
    in.attempt = take_u32(&data, &size);
    in.status = take_i64(&data, &size);
    in.now = take_i64(&data, &size);
    uint64_t bits = take_u64(&data, &size);
    memcpy(&in.random, &bits, sizeof in.random);
    in.previous_delay_ms = take_u64(&data, &size);
    in.time_left_ms = take_u64(&data, &size);
    uint8_t flags = take_u8(&data, &size);
    in.idempotent = flags & 1;
    in.has_now = (flags >> 1) & 1;
    in.has_random = (flags >> 2) & 1;
    in.has_time_left = (flags >> 3) & 1;
    in.unreplayable_body = (flags >> 7) & 1;
    uint32_t capacity = take_u32(&data, &size);
    uint32_t retry_cost = take_u32(&data, &size);
    uint32_t throttle_cost = take_u32(&data, &size);
    uint32_t tokens = take_u32(&data, &size);
    size_t n = take_u8(&data, &size);
    n = n < size ? n : size;
    /* Exact-size heap copies: ASan sees a read one byte too far. */
    char *retry_after = malloc(n == 0 ? 1 : n);
    char *error_code = malloc(size - n == 0 ? 1 : size - n);
    FUZZ_ASSERT(retry_after != NULL && error_code != NULL);
    memcpy(retry_after, data, n);
    memcpy(error_code, data + n, size - n);
    if ((flags >> 4) & 1) {
        in.retry_after = retry_after;
        in.retry_after_len = n;
    }
    if ((flags >> 5) & 1) {
        in.error_code = error_code;
        in.error_code_len = size - n;
    }
    dcs_status_retry_budget *budget =
        (flags >> 6) & 1 ? dcs_status_retry_budget_new_with_tokens(capacity, retry_cost, throttle_cost, tokens) : NULL;
    uint32_t held = dcs_status_retry_budget_tokens(budget);
    bool known_jitter = dcs_status_jitter_name(policy.jitter) != NULL;

    /* The validations answer with their documented results. */
    dcs_status_result pv = dcs_status_retry_policy_validate(&policy);
    FUZZ_ASSERT(known_jitter ? pv == DCS_STATUS_RESULT_OK || pv == DCS_STATUS_RESULT_ERR_NO_ATTEMPTS ||
                                   pv == DCS_STATUS_RESULT_ERR_CAP_BELOW_BASE
                             : pv == DCS_STATUS_RESULT_ERR_UNKNOWN_JITTER);
    dcs_status_result iv = dcs_status_step_input_validate(&in);
    FUZZ_ASSERT(iv == DCS_STATUS_RESULT_OK || iv == DCS_STATUS_RESULT_ERR_ATTEMPT_ZERO ||
                iv == DCS_STATUS_RESULT_ERR_NOT_A_STATUS_CODE || iv == DCS_STATUS_RESULT_ERR_RANDOM_OUT_OF_RANGE);
    FUZZ_ASSERT((iv == DCS_STATUS_RESULT_ERR_ATTEMPT_ZERO) == (in.attempt == 0));

    dcs_status_retry_step step;
    memset(&step, 0xA5, sizeof step);
    dcs_status_retry_step before = step;
    dcs_status_result r = dcs_status_retry_policy_step(&policy, &in, budget, &step);
    if (!known_jitter) {
        FUZZ_ASSERT(r == DCS_STATUS_RESULT_ERR_UNKNOWN_JITTER);
        FUZZ_ASSERT(memcmp(&step, &before, sizeof step) == 0);
        FUZZ_ASSERT(dcs_status_retry_budget_tokens(budget) == held);
    } else {
        FUZZ_ASSERT(r == DCS_STATUS_RESULT_OK);
        FUZZ_ASSERT(dcs_status_step_action_name(step.action) != NULL);
        FUZZ_ASSERT(dcs_status_retry_reason_name(step.reason) != NULL);
        FUZZ_ASSERT(step.has_category ? dcs_status_retry_category_name(step.category) != NULL : step.category == 0);
        FUZZ_ASSERT(step.attempt == (in.attempt == 0 ? 1 : in.attempt));
        FUZZ_ASSERT(step.max_attempts == policy.max_attempts && step.status == in.status);
        if (step.action == DCS_STATUS_STEP_ACTION_RETRY) {
            FUZZ_ASSERT(is_retry_reason(step.reason) && step.has_category);
            FUZZ_ASSERT(step.attempt < policy.max_attempts);
            if (step.reason == DCS_STATUS_RETRY_REASON_RETRY_AFTER) {
                FUZZ_ASSERT(step.has_retry_after && step.retry_after_s <= policy.max_retry_after_s);
                FUZZ_ASSERT(step.delay_ms == (step.retry_after_s > UINT64_MAX / 1000 ? UINT64_MAX
                                                                                     : step.retry_after_s * 1000));
            } else {
                FUZZ_ASSERT(step.delay_ms <= policy.cap_ms);
            }
            FUZZ_ASSERT(!in.has_time_left || step.delay_ms <= in.time_left_ms);
            FUZZ_ASSERT(!in.unreplayable_body); /* a body that cannot be sent again never is */
        } else {
            FUZZ_ASSERT(!is_retry_reason(step.reason) && step.delay_ms == 0);
        }
        FUZZ_ASSERT(step.has_tokens_after == (budget != NULL));
        if (budget != NULL) {
            uint32_t now_held = dcs_status_retry_budget_tokens(budget);
            FUZZ_ASSERT(step.tokens_after == now_held && now_held <= dcs_status_retry_budget_capacity(budget));
            /* Charged only for a retry, by its category's cost. */
            if (step.action == DCS_STATUS_STEP_ACTION_RETRY) {
                uint32_t cost = step.category == DCS_STATUS_RETRY_CATEGORY_THROTTLE ? throttle_cost : retry_cost;
                FUZZ_ASSERT(held >= cost && now_held == held - cost);
            } else {
                FUZZ_ASSERT(now_held == held);
            }
        }
        check_rendering(render_log_line, &step, flags);
        FUZZ_ASSERT(dcs_status_retry_step_log_line(&step, NULL, 0) <= DCS_STATUS_RETRY_STEP_LOG_LINE_MAX);
        /* The same input, read the same way: the same step (a clock read for an
         * HTTP-date could tick between the two, so only with `now` given). */
        if (in.has_random && (in.has_now || in.retry_after == NULL)) {
            dcs_status_retry_step again;
            FUZZ_ASSERT(dcs_status_retry_policy_step(&policy, &in, NULL, &again) == DCS_STATUS_RESULT_OK);
            dcs_status_retry_step expected = step;
            expected.has_tokens_after = false;
            expected.tokens_after = 0;
            if (step.reason == DCS_STATUS_RETRY_REASON_BUDGET_EXHAUSTED) {
                /* Without a budget nothing stops it. */
                FUZZ_ASSERT(again.action == DCS_STATUS_STEP_ACTION_RETRY && again.has_category);
            } else {
                FUZZ_ASSERT(same_step(&again, &expected));
            }
        }
        /* A success after it: the budget stays within its capacity. */
        uint32_t after = UINT32_MAX;
        FUZZ_ASSERT(dcs_status_retry_budget_record_success(budget, &step, &after) ==
                    (budget != NULL ? DCS_STATUS_RESULT_OK : DCS_STATUS_RESULT_ERR_NULL_POINTER));
        FUZZ_ASSERT(budget == NULL || after <= dcs_status_retry_budget_capacity(budget));
    }

    /* The delay formula on its own, for every category. */
    for (uint32_t category = DCS_STATUS_RETRY_CATEGORY_TRANSIENT; category <= DCS_STATUS_RETRY_CATEGORY_BUSY;
         category++) {
        uint64_t ms = 0x5eed;
        dcs_status_result br =
            dcs_status_retry_policy_backoff_ms(&policy, category, in.attempt, in.random, in.previous_delay_ms, &ms);
        if (known_jitter) {
            FUZZ_ASSERT(br == DCS_STATUS_RESULT_OK && ms <= policy.cap_ms);
        } else {
            FUZZ_ASSERT(br == DCS_STATUS_RESULT_ERR_UNKNOWN_JITTER && ms == 0x5eed);
        }
    }
    dcs_status_retry_budget_free(budget);
    free(retry_after);
    free(error_code);
    return 0;
}
