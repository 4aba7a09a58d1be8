/*
 * test_retry.c: every function of the retry policy's C API (issue 10), from plain C99,
 * for what the C ABI adds to the core: NULL pointers, enum fields holding any number,
 * catalogue pointers that are not the library's, texts without a terminator, NULL
 * texts with a length, NaN and infinite draws, output left untouched on error, the
 * log line's snprintf contract and bound, the budget handle's life, and the fixed
 * enum values. What the steps decide is the shared vectors' job
 * (test_retry_vectors.c); 8 threads sharing a budget, test_retry_threads.c.
 *
 * Every text handed to the library lives in a heap block of exactly its length, with
 * no terminator: a library that read one byte too far would be caught.
 */
#include <dcs_status.h>

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "render_check.h"

/* A heap copy of `s` without its terminator (free it). */
static char *exact(const char *s) {
    size_t len = strlen(s);
    char *copy = malloc(len == 0 ? 1 : len);
    if (copy == NULL) {
        fprintf(stderr, "out of memory\n");
        exit(2);
    }
    memcpy(copy, s, len);
    return copy;
}

/* Tue, 24 Nov 2026 12:00:00 GMT, the `now` of the shared vectors. */
#define NOW INT64_C(1795521600)

/* An input for attempt `attempt` that got `status`, with the draw 0.5 and `now`. */
static dcs_status_step_input input(uint32_t attempt, int64_t status) {
    dcs_status_step_input in;
    memset(&in, 0, sizeof in);
    in.attempt = attempt;
    in.status = status;
    in.has_now = true;
    in.now = NOW;
    in.has_random = true;
    in.random = 0.5;
    return in;
}

/* A step filled with a pattern, to see that a failing call leaves it alone. */
static dcs_status_retry_step pattern_step(void) {
    dcs_status_retry_step s;
    memset(&s, 0xA5, sizeof s);
    return s;
}

static bool untouched(const dcs_status_retry_step *s) {
    dcs_status_retry_step p = pattern_step();
    return memcmp(s, &p, sizeof p) == 0;
}

static void test_enum_values_are_fixed(void) {
    /* The numbers are ABI (Go compiles them in): they must never change. */
    CHECK_INT(DCS_STATUS_JITTER_FULL, 1);
    CHECK_INT(DCS_STATUS_JITTER_EQUAL, 2);
    CHECK_INT(DCS_STATUS_JITTER_NONE, 3);
    CHECK_INT(DCS_STATUS_JITTER_DECORRELATED, 4);
    CHECK_INT(DCS_STATUS_RETRY_CATEGORY_TRANSIENT, 1);
    CHECK_INT(DCS_STATUS_RETRY_CATEGORY_THROTTLE, 2);
    CHECK_INT(DCS_STATUS_RETRY_CATEGORY_BUSY, 3);
    CHECK_INT(DCS_STATUS_RETRY_REASON_NOT_AN_ERROR, 1);
    CHECK_INT(DCS_STATUS_RETRY_REASON_MAX_ATTEMPTS, 2);
    CHECK_INT(DCS_STATUS_RETRY_REASON_ERROR_CODE, 3);
    CHECK_INT(DCS_STATUS_RETRY_REASON_RETRY_AFTER_TOO_LONG, 4);
    CHECK_INT(DCS_STATUS_RETRY_REASON_RETRY_AFTER, 5);
    CHECK_INT(DCS_STATUS_RETRY_REASON_BUSY, 6);
    CHECK_INT(DCS_STATUS_RETRY_REASON_THROTTLED, 7);
    CHECK_INT(DCS_STATUS_RETRY_REASON_TIMEOUT, 8);
    CHECK_INT(DCS_STATUS_RETRY_REASON_SERVER_ERROR, 9);
    CHECK_INT(DCS_STATUS_RETRY_REASON_NOT_IDEMPOTENT, 10);
    CHECK_INT(DCS_STATUS_RETRY_REASON_STATUS, 11);
    CHECK_INT(DCS_STATUS_RETRY_REASON_BUDGET_EXHAUSTED, 12);
    CHECK_INT(DCS_STATUS_RETRY_REASON_DEADLINE, 13);
    CHECK_INT(DCS_STATUS_RETRY_REASON_CONNECTION_ERROR, 14);
    CHECK_INT(DCS_STATUS_RETRY_REASON_UNREPLAYABLE_BODY, 15);
    CHECK_INT(DCS_STATUS_NO_RESPONSE, 0);
    CHECK_INT(DCS_STATUS_BODY_LIMIT, 65536);
    CHECK_INT(DCS_STATUS_STEP_ACTION_RETRY, 1);
    CHECK_INT(DCS_STATUS_STEP_ACTION_DO_NOT_RETRY, 2);
    CHECK_INT(sizeof(dcs_status_jitter), 4);
    CHECK_INT(sizeof(dcs_status_retry_category), 4);
    CHECK_INT(sizeof(dcs_status_retry_reason), 4);
    CHECK_INT(sizeof(dcs_status_step_action), 4);
    CHECK(DCS_STATUS_RETRY_STEP_LOG_LINE_MAX >= 200);
}

static void test_enum_names(void) {
    CHECK_STR(dcs_status_jitter_name(DCS_STATUS_JITTER_FULL), "full");
    CHECK_STR(dcs_status_jitter_name(DCS_STATUS_JITTER_EQUAL), "equal");
    CHECK_STR(dcs_status_jitter_name(DCS_STATUS_JITTER_NONE), "none");
    CHECK_STR(dcs_status_jitter_name(DCS_STATUS_JITTER_DECORRELATED), "decorrelated");
    CHECK_STR(dcs_status_retry_category_name(DCS_STATUS_RETRY_CATEGORY_TRANSIENT), "transient");
    CHECK_STR(dcs_status_retry_category_name(DCS_STATUS_RETRY_CATEGORY_THROTTLE), "throttle");
    CHECK_STR(dcs_status_retry_category_name(DCS_STATUS_RETRY_CATEGORY_BUSY), "busy");
    CHECK_STR(dcs_status_step_action_name(DCS_STATUS_STEP_ACTION_RETRY), "retry");
    CHECK_STR(dcs_status_step_action_name(DCS_STATUS_STEP_ACTION_DO_NOT_RETRY), "do_not_retry");
    CHECK_STR(dcs_status_retry_reason_name(DCS_STATUS_RETRY_REASON_NOT_AN_ERROR), "not_an_error");
    CHECK_STR(dcs_status_retry_reason_name(DCS_STATUS_RETRY_REASON_MAX_ATTEMPTS), "max_attempts");
    CHECK_STR(dcs_status_retry_reason_name(DCS_STATUS_RETRY_REASON_ERROR_CODE), "error_code");
    CHECK_STR(dcs_status_retry_reason_name(DCS_STATUS_RETRY_REASON_RETRY_AFTER_TOO_LONG), "retry_after_too_long");
    CHECK_STR(dcs_status_retry_reason_name(DCS_STATUS_RETRY_REASON_RETRY_AFTER), "retry_after");
    CHECK_STR(dcs_status_retry_reason_name(DCS_STATUS_RETRY_REASON_BUSY), "busy");
    CHECK_STR(dcs_status_retry_reason_name(DCS_STATUS_RETRY_REASON_THROTTLED), "throttled");
    CHECK_STR(dcs_status_retry_reason_name(DCS_STATUS_RETRY_REASON_TIMEOUT), "timeout");
    CHECK_STR(dcs_status_retry_reason_name(DCS_STATUS_RETRY_REASON_SERVER_ERROR), "server_error");
    CHECK_STR(dcs_status_retry_reason_name(DCS_STATUS_RETRY_REASON_NOT_IDEMPOTENT), "not_idempotent");
    CHECK_STR(dcs_status_retry_reason_name(DCS_STATUS_RETRY_REASON_STATUS), "status");
    CHECK_STR(dcs_status_retry_reason_name(DCS_STATUS_RETRY_REASON_BUDGET_EXHAUSTED), "budget_exhausted");
    CHECK_STR(dcs_status_retry_reason_name(DCS_STATUS_RETRY_REASON_DEADLINE), "deadline");
    CHECK_STR(dcs_status_retry_reason_name(DCS_STATUS_RETRY_REASON_CONNECTION_ERROR), "connection_error");
    CHECK_STR(dcs_status_retry_reason_name(DCS_STATUS_RETRY_REASON_UNREPLAYABLE_BODY), "unreplayable_body");
    CHECK_STR(dcs_status_jitter_explain(DCS_STATUS_JITTER_FULL),
              "full jitter: a uniform draw between zero and the ceiling");
    CHECK_STR(dcs_status_step_action_explain(DCS_STATUS_STEP_ACTION_RETRY),
              "wait for the delay, then send the request again");
    /* Any other number: NULL, never a crash. */
    const uint32_t unknown[] = {0, 16, 99, 0x80000000u, UINT32_MAX};
    for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
        uint32_t v = unknown[i];
        CHECK_STR(dcs_status_retry_reason_name(v), NULL);
        CHECK_STR(dcs_status_retry_reason_explain(v), NULL);
        CHECK_STR(dcs_status_jitter_name(v == 16 ? 5 : v), NULL);
        CHECK_STR(dcs_status_jitter_explain(v == 16 ? 5 : v), NULL);
        CHECK_STR(dcs_status_retry_category_name(v == 16 ? 4 : v), NULL);
        CHECK_STR(dcs_status_retry_category_explain(v == 16 ? 4 : v), NULL);
        CHECK_STR(dcs_status_step_action_name(v == 14 ? 3 : v), NULL);
        CHECK_STR(dcs_status_step_action_explain(v == 14 ? 3 : v), NULL);
    }
    /* The policy's errors are results, named as the core names them. */
    CHECK_STR(dcs_status_result_name(DCS_STATUS_RESULT_ERR_NO_ATTEMPTS), "no_attempts");
    CHECK_STR(dcs_status_result_name(DCS_STATUS_RESULT_ERR_CAP_BELOW_BASE), "cap_below_base");
    CHECK_STR(dcs_status_result_name(DCS_STATUS_RESULT_ERR_UNKNOWN_JITTER), "unknown_jitter");
    CHECK_STR(dcs_status_result_name(DCS_STATUS_RESULT_ERR_ATTEMPT_ZERO), "attempt_zero");
    CHECK_STR(dcs_status_result_name(DCS_STATUS_RESULT_ERR_RANDOM_OUT_OF_RANGE), "random_out_of_range");
    CHECK_STR(dcs_status_result_name(DCS_STATUS_RESULT_ERR_INVALID_ARGUMENT), "invalid_argument");
    CHECK_STR(dcs_status_result_message(DCS_STATUS_RESULT_ERR_UNKNOWN_JITTER),
              "unknown jitter mode: expected full, equal, none or decorrelated");
    char buf[256];
    char *bogus = exact("bogus");
    dcs_status_error_message(DCS_STATUS_RESULT_ERR_UNKNOWN_JITTER, bogus, 5, buf, sizeof buf);
    CHECK_STR(buf, "unknown jitter mode \"bogus\": expected full, equal, none or decorrelated");
    free(bogus);
}

static void test_policy(void) {
    dcs_status_retry_policy p = dcs_status_retry_policy_default();
    CHECK_INT(p.max_attempts, 3);
    CHECK_INT(p.jitter, DCS_STATUS_JITTER_FULL);
    CHECK_U64(p.base_transient_ms, 50);
    CHECK_U64(p.base_throttle_ms, 1000);
    CHECK_U64(p.base_busy_ms, 2000);
    CHECK_U64(p.cap_ms, 20000);
    CHECK_U64(p.max_retry_after_s, 300);
    CHECK_INT(dcs_status_retry_policy_validate(&p), DCS_STATUS_RESULT_OK);
    CHECK_INT(dcs_status_retry_policy_validate(NULL), DCS_STATUS_RESULT_ERR_NULL_POINTER);

    /* The jitter field holds any number: only the four values are one. */
    const uint32_t bad_jitter[] = {0, 5, 0x5eed, UINT32_MAX};
    for (size_t i = 0; i < sizeof bad_jitter / sizeof bad_jitter[0]; i++) {
        dcs_status_retry_policy q = p;
        q.jitter = bad_jitter[i];
        CHECK_INT(dcs_status_retry_policy_validate(&q), DCS_STATUS_RESULT_ERR_UNKNOWN_JITTER);
        q.max_attempts = 0; /* the jitter is checked first */
        CHECK_INT(dcs_status_retry_policy_validate(&q), DCS_STATUS_RESULT_ERR_UNKNOWN_JITTER);
    }
    /* A zeroed policy is none: use the default. */
    dcs_status_retry_policy zero;
    memset(&zero, 0, sizeof zero);
    CHECK_INT(dcs_status_retry_policy_validate(&zero), DCS_STATUS_RESULT_ERR_UNKNOWN_JITTER);

    dcs_status_retry_policy q = p;
    q.max_attempts = 0;
    CHECK_INT(dcs_status_retry_policy_validate(&q), DCS_STATUS_RESULT_ERR_NO_ATTEMPTS);
    q.cap_ms = 1; /* no attempts is found first */
    CHECK_INT(dcs_status_retry_policy_validate(&q), DCS_STATUS_RESULT_ERR_NO_ATTEMPTS);
    q = p;
    q.cap_ms = 1999;
    CHECK_INT(dcs_status_retry_policy_validate(&q), DCS_STATUS_RESULT_ERR_CAP_BELOW_BASE);
    q.base_busy_ms = q.base_throttle_ms = q.base_transient_ms = q.cap_ms = UINT64_MAX;
    q.max_attempts = UINT32_MAX;
    q.max_retry_after_s = UINT64_MAX;
    CHECK_INT(dcs_status_retry_policy_validate(&q), DCS_STATUS_RESULT_OK);
}

static void test_jitter_from_name(void) {
    const char *names[] = {"full", "equal", "none", "decorrelated"};
    for (uint32_t i = 0; i < 4; i++) {
        char *name = exact(names[i]);
        dcs_status_jitter j = 0;
        CHECK_INT(dcs_status_jitter_from_name(name, strlen(names[i]), &j), DCS_STATUS_RESULT_OK);
        CHECK_INT(j, i + 1);
        CHECK_STR(dcs_status_jitter_name(j), names[i]);
        free(name);
    }
    const char *bad[] = {"Full", "full ", "", "nonee", "\xff", "ful"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char *name = exact(bad[i]);
        dcs_status_jitter j = 0x5eed;
        CHECK_INT(dcs_status_jitter_from_name(name, strlen(bad[i]), &j), DCS_STATUS_RESULT_ERR_UNKNOWN_JITTER);
        CHECK_INT(j, 0x5eed); /* untouched */
        free(name);
    }
    /* A length shorter than the text: only those bytes count. */
    dcs_status_jitter j = 0;
    CHECK_INT(dcs_status_jitter_from_name("nonesuch", 4, &j), DCS_STATUS_RESULT_OK);
    CHECK_INT(j, DCS_STATUS_JITTER_NONE);
    CHECK_INT(dcs_status_jitter_from_name(NULL, 4, &j), DCS_STATUS_RESULT_ERR_NULL_POINTER);
    CHECK_INT(dcs_status_jitter_from_name("full", 4, NULL), DCS_STATUS_RESULT_ERR_NULL_POINTER);
}

static void test_input_validate(void) {
    dcs_status_step_input in = input(1, 503);
    CHECK_INT(dcs_status_step_input_validate(&in), DCS_STATUS_RESULT_OK);
    CHECK_INT(dcs_status_step_input_validate(NULL), DCS_STATUS_RESULT_ERR_NULL_POINTER);
    dcs_status_step_input zero;
    memset(&zero, 0, sizeof zero);
    CHECK_INT(dcs_status_step_input_validate(&zero), DCS_STATUS_RESULT_ERR_ATTEMPT_ZERO);
    zero.attempt = 1; /* status 0: DCS_STATUS_NO_RESPONSE, a valid input */
    CHECK_INT(dcs_status_step_input_validate(&zero), DCS_STATUS_RESULT_OK);
    const int64_t statuses[] = {INT64_MIN, -1, 1, 99, 1000, INT64_MAX};
    for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++) {
        in = input(1, statuses[i]);
        CHECK_INT(dcs_status_step_input_validate(&in), DCS_STATUS_RESULT_ERR_NOT_A_STATUS_CODE);
    }
    const double bad_draws[] = {NAN, -NAN, INFINITY, -INFINITY, 1.0, 1.5, -0.25, -1e-300, 1e300};
    for (size_t i = 0; i < sizeof bad_draws / sizeof bad_draws[0]; i++) {
        in = input(1, 503);
        in.random = bad_draws[i];
        CHECK_INT(dcs_status_step_input_validate(&in), DCS_STATUS_RESULT_ERR_RANDOM_OUT_OF_RANGE);
        in.has_random = false; /* not set: not read */
        CHECK_INT(dcs_status_step_input_validate(&in), DCS_STATUS_RESULT_OK);
    }
    const double good_draws[] = {0.0, -0.0, 0.5, 0.9999999999999999, 4.9e-324};
    for (size_t i = 0; i < sizeof good_draws / sizeof good_draws[0]; i++) {
        in = input(1, 503);
        in.random = good_draws[i];
        CHECK_INT(dcs_status_step_input_validate(&in), DCS_STATUS_RESULT_OK);
    }
}

static void test_step_bad_input(void) {
    dcs_status_retry_policy p = dcs_status_retry_policy_default();
    dcs_status_step_input in = input(1, 429);
    dcs_status_retry_budget *budget = dcs_status_retry_budget_new_default();
    dcs_status_retry_step out = pattern_step();
    CHECK_INT(dcs_status_retry_policy_step(NULL, &in, budget, &out), DCS_STATUS_RESULT_ERR_NULL_POINTER);
    CHECK_INT(dcs_status_retry_policy_step(&p, NULL, budget, &out), DCS_STATUS_RESULT_ERR_NULL_POINTER);
    CHECK_INT(dcs_status_retry_policy_step(&p, &in, budget, NULL), DCS_STATUS_RESULT_ERR_NULL_POINTER);
    CHECK(untouched(&out));
    p.jitter = 77;
    CHECK_INT(dcs_status_retry_policy_step(&p, &in, budget, &out), DCS_STATUS_RESULT_ERR_UNKNOWN_JITTER);
    CHECK(untouched(&out));
    /* No step was made: nothing was charged. */
    CHECK_INT(dcs_status_retry_budget_tokens(budget), 500);
    dcs_status_retry_budget_free(budget);
}

static void test_step(void) {
    dcs_status_retry_policy p = dcs_status_retry_policy_default();
    dcs_status_retry_budget *budget = dcs_status_retry_budget_new_default();
    dcs_status_retry_step s;

    /* Busy: DCS.4111 on a POST, from an exact-length text. */
    dcs_status_step_input in = input(1, 400);
    char *code = exact("DCS.4111");
    in.error_code = code;
    in.error_code_len = 8;
    in.random = 0.37;
    CHECK_INT(dcs_status_retry_policy_step(&p, &in, budget, &s), DCS_STATUS_RESULT_OK);
    CHECK_INT(s.action, DCS_STATUS_STEP_ACTION_RETRY);
    CHECK_U64(s.delay_ms, 740);
    CHECK(s.has_category && s.category == DCS_STATUS_RETRY_CATEGORY_BUSY);
    CHECK_INT(s.reason, DCS_STATUS_RETRY_REASON_BUSY);
    CHECK(s.has_tokens_after && s.tokens_after == 486);
    CHECK_INT(dcs_status_retry_budget_tokens(budget), 486);
    CHECK_INT(s.attempt, 1);
    CHECK_INT(s.max_attempts, 3);
    CHECK_INT(s.status, 400);
    CHECK(!s.has_retry_after && s.retry_after_s == 0);
    const dcs_status_catalogue_entry *entry = NULL;
    CHECK_INT(dcs_status_catalogue_lookup(code, 8, &entry), DCS_STATUS_RESULT_OK);
    CHECK(s.catalogue == entry && entry != NULL);
    char line[DCS_STATUS_RETRY_STEP_LOG_LINE_MAX + 1];
    CHECK_INT(dcs_status_retry_step_log_line(&s, line, sizeof line), strlen(line));
    CHECK_STR(line, "retry 1 of 2 in 740 ms: DCS.4111 says try again later (busy)");

    /* Without a budget: no tokens, and the budget is not touched. */
    CHECK_INT(dcs_status_retry_policy_step(&p, &in, NULL, &s), DCS_STATUS_RESULT_OK);
    CHECK(!s.has_tokens_after && s.tokens_after == 0);
    CHECK(s.catalogue == entry && s.delay_ms == 740);
    CHECK_INT(dcs_status_retry_budget_tokens(budget), 486);
    free(code);

    /* Retry-After, from an exact-length text: no jitter, the server's delay. */
    in = input(1, 503);
    char *retry_after = exact("7");
    in.retry_after = retry_after;
    in.retry_after_len = 1;
    CHECK_INT(dcs_status_retry_policy_step(&p, &in, budget, &s), DCS_STATUS_RESULT_OK);
    CHECK_INT(s.reason, DCS_STATUS_RETRY_REASON_RETRY_AFTER);
    CHECK(s.has_retry_after && s.retry_after_s == 7 && s.delay_ms == 7000);
    CHECK(s.has_category && s.category == DCS_STATUS_RETRY_CATEGORY_THROTTLE);
    CHECK(s.has_tokens_after && s.tokens_after == 481);
    free(retry_after);

    /* A NULL text with a length is absent (never read). */
    in = input(1, 503);
    in.retry_after_len = 100;
    in.error_code_len = SIZE_MAX;
    CHECK_INT(dcs_status_retry_policy_step(&p, &in, NULL, &s), DCS_STATUS_RESULT_OK);
    CHECK_INT(s.reason, DCS_STATUS_RETRY_REASON_STATUS);
    CHECK(!s.has_category && s.category == 0 && s.catalogue == NULL);

    /* A zeroed input: attempt 1, the clock, the library's draw. */
    dcs_status_step_input zero;
    memset(&zero, 0, sizeof zero);
    zero.status = 429;
    CHECK_INT(dcs_status_retry_policy_step(&p, &zero, NULL, &s), DCS_STATUS_RESULT_OK);
    CHECK_INT(s.attempt, 1);
    CHECK_INT(s.reason, DCS_STATUS_RETRY_REASON_THROTTLED);
    CHECK(s.delay_ms < 1000); /* full jitter below the first ceiling */
    zero.status = DCS_STATUS_NO_RESPONSE; /* no response, and zeroed: not idempotent */
    CHECK_INT(dcs_status_retry_policy_step(&p, &zero, NULL, &s), DCS_STATUS_RESULT_OK);
    CHECK_INT(s.reason, DCS_STATUS_RETRY_REASON_NOT_IDEMPOTENT);
    CHECK_INT(s.action, DCS_STATUS_STEP_ACTION_DO_NOT_RETRY);

    /* The deadline refuses a retry without charging the budget. */
    uint32_t before = dcs_status_retry_budget_tokens(budget);
    in = input(1, 429);
    in.has_time_left = true;
    in.time_left_ms = 499;
    CHECK_INT(dcs_status_retry_policy_step(&p, &in, budget, &s), DCS_STATUS_RESULT_OK);
    CHECK_INT(s.reason, DCS_STATUS_RETRY_REASON_DEADLINE);
    CHECK(s.has_tokens_after && s.tokens_after == before);
    CHECK_INT(dcs_status_retry_budget_tokens(budget), before);

    /* The overflow region: any attempt, NaN and infinite draws, huge bases. */
    dcs_status_retry_policy huge = p;
    huge.max_attempts = UINT32_MAX;
    huge.base_transient_ms = huge.base_throttle_ms = huge.base_busy_ms = UINT64_MAX;
    huge.cap_ms = UINT64_MAX;
    const double draws[] = {NAN, -INFINITY, INFINITY, 1.0, -0.0, 0.9999999999999999};
    for (uint32_t jitter = DCS_STATUS_JITTER_FULL; jitter <= DCS_STATUS_JITTER_DECORRELATED; jitter++) {
        huge.jitter = jitter;
        for (size_t d = 0; d < sizeof draws / sizeof draws[0]; d++) {
            const uint32_t attempts[] = {0, 1, 63, 64, 65, UINT32_MAX - 1, UINT32_MAX};
            for (size_t a = 0; a < sizeof attempts / sizeof attempts[0]; a++) {
                in = input(attempts[a], 502);
                in.idempotent = true;
                in.random = draws[d];
                in.previous_delay_ms = UINT64_MAX;
                memset(&s, 0, sizeof s);
                CHECK_INT(dcs_status_retry_policy_step(&huge, &in, NULL, &s), DCS_STATUS_RESULT_OK);
                CHECK(dcs_status_step_action_name(s.action) != NULL);
                CHECK(dcs_status_retry_reason_name(s.reason) != NULL);
                CHECK(s.delay_ms <= huge.cap_ms);
                size_t n = dcs_status_retry_step_log_line(&s, line, sizeof line);
                CHECK(n == strlen(line) && n <= DCS_STATUS_RETRY_STEP_LOG_LINE_MAX);
            }
        }
    }
    dcs_status_retry_budget_free(budget);
}

static void test_backoff(void) {
    dcs_status_retry_policy p = dcs_status_retry_policy_default();
    uint64_t ms = 0x5eed;
    CHECK_INT(dcs_status_retry_policy_backoff_ms(&p, DCS_STATUS_RETRY_CATEGORY_TRANSIENT, 1, 0.5, 0, &ms),
              DCS_STATUS_RESULT_OK);
    CHECK_U64(ms, 25);
    CHECK_INT(dcs_status_retry_policy_backoff_ms(&p, DCS_STATUS_RETRY_CATEGORY_THROTTLE, UINT32_MAX, 0.5, 0, &ms),
              DCS_STATUS_RESULT_OK);
    CHECK_U64(ms, 10000);
    CHECK_INT(dcs_status_retry_policy_backoff_ms(&p, DCS_STATUS_RETRY_CATEGORY_BUSY, 1, NAN, 0, &ms),
              DCS_STATUS_RESULT_OK);
    CHECK_U64(ms, 0); /* NaN is read as 0 */
    CHECK_INT(dcs_status_retry_policy_backoff_ms(&p, DCS_STATUS_RETRY_CATEGORY_BUSY, 1, INFINITY, 0, &ms),
              DCS_STATUS_RESULT_OK);
    CHECK_U64(ms, 1999); /* infinity: the largest draw below 1 */
    ms = 0x5eed;
    const uint32_t bad[] = {0, 4, UINT32_MAX};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        CHECK_INT(dcs_status_retry_policy_backoff_ms(&p, bad[i], 1, 0.5, 0, &ms),
                  DCS_STATUS_RESULT_ERR_INVALID_ARGUMENT);
    }
    CHECK_INT(dcs_status_retry_policy_backoff_ms(NULL, 1, 1, 0.5, 0, &ms), DCS_STATUS_RESULT_ERR_NULL_POINTER);
    CHECK_INT(dcs_status_retry_policy_backoff_ms(&p, 1, 1, 0.5, 0, NULL), DCS_STATUS_RESULT_ERR_NULL_POINTER);
    p.jitter = 0;
    CHECK_INT(dcs_status_retry_policy_backoff_ms(&p, 1, 1, 0.5, 0, &ms), DCS_STATUS_RESULT_ERR_UNKNOWN_JITTER);
    CHECK_U64(ms, 0x5eed); /* untouched by every error */
}

/* The log line of a step, as a closure for the snprintf contract. */
static size_t log_line_of(const void *step, char *buf, size_t cap) {
    return dcs_status_retry_step_log_line(step, buf, cap);
}

static void test_log_line(void) {
    dcs_status_retry_policy p = dcs_status_retry_policy_default();
    dcs_status_step_input in = input(1, 429);
    dcs_status_retry_step s;
    CHECK_INT(dcs_status_retry_policy_step(&p, &in, NULL, &s), DCS_STATUS_RESULT_OK);
    check_snprintf_contract("dcs_status_retry_step_log_line", log_line_of, &s);
    char line[DCS_STATUS_RETRY_STEP_LOG_LINE_MAX + 1];
    dcs_status_retry_step_log_line(&s, line, sizeof line);
    CHECK_STR(line, "retry 1 of 2 in 500 ms: 429 Too Many Requests without a valid Retry-After (throttled)");

    /* NULL, and fields the header does not define: the core's messages. */
    check_snprintf_contract("dcs_status_retry_step_log_line(NULL)", log_line_of, NULL);
    dcs_status_retry_step_log_line(NULL, line, sizeof line);
    CHECK_STR(line, dcs_status_result_message(DCS_STATUS_RESULT_ERR_NULL_POINTER));
    const char *invalid = dcs_status_result_message(DCS_STATUS_RESULT_ERR_INVALID_ARGUMENT);
    dcs_status_retry_step bad = s;
    bad.action = 0;
    dcs_status_retry_step_log_line(&bad, line, sizeof line);
    CHECK_STR(line, invalid);
    bad = s;
    bad.reason = 16;
    dcs_status_retry_step_log_line(&bad, line, sizeof line);
    CHECK_STR(line, invalid);
    bad = s;
    bad.category = UINT32_MAX;
    dcs_status_retry_step_log_line(&bad, line, sizeof line);
    CHECK_STR(line, invalid);
    bad.has_category = false; /* not set: not read */
    dcs_status_retry_step_log_line(&bad, line, sizeof line);
    CHECK_STR(line, "retry 1 of 2 in 500 ms: 429 Too Many Requests without a valid Retry-After (throttled)");

    /* A catalogue pointer must be one of the library's entries: compared by address,
     * never dereferenced. */
    const dcs_status_catalogue_entry *first = dcs_status_catalogue_at(0);
    const dcs_status_catalogue_entry *last = dcs_status_catalogue_at(dcs_status_catalogue_count() - 1);
    dcs_status_catalogue_entry copy = *first;
    const dcs_status_catalogue_entry *foreign[] = {
        &copy,
        (const dcs_status_catalogue_entry *)((uintptr_t)first + 1),
        (const dcs_status_catalogue_entry *)((uintptr_t)last + sizeof *last),
        (const dcs_status_catalogue_entry *)((uintptr_t)first - sizeof *first),
        (const dcs_status_catalogue_entry *)(uintptr_t)8,
        (const dcs_status_catalogue_entry *)UINTPTR_MAX};
    for (size_t i = 0; i < sizeof foreign / sizeof foreign[0]; i++) {
        bad = s;
        bad.catalogue = foreign[i];
        dcs_status_retry_step_log_line(&bad, line, sizeof line);
        CHECK_STR(line, invalid);
    }
    bad = s;
    bad.catalogue = last;
    bad.reason = DCS_STATUS_RETRY_REASON_BUSY;
    CHECK(dcs_status_retry_step_log_line(&bad, line, sizeof line) > 0);
    CHECK(strstr(line, last->code) != NULL);

    /* The widest step fits in DCS_STATUS_RETRY_STEP_LOG_LINE_MAX. */
    size_t widest = 0;
    for (uint32_t reason = 1; dcs_status_retry_reason_name(reason) != NULL; reason++) {
        for (uint32_t action = 1; action <= 2; action++) {
            for (size_t e = 0; e < dcs_status_catalogue_count(); e++) {
                dcs_status_retry_step w;
                memset(&w, 0, sizeof w);
                w.action = action;
                w.reason = reason;
                w.delay_ms = UINT64_MAX;
                w.has_category = true;
                w.category = DCS_STATUS_RETRY_CATEGORY_BUSY;
                w.has_tokens_after = true;
                w.tokens_after = UINT32_MAX;
                w.attempt = w.max_attempts = UINT32_MAX;
                w.status = INT64_MIN;
                w.has_retry_after = true;
                w.retry_after_s = UINT64_MAX;
                w.catalogue = dcs_status_catalogue_at(e);
                size_t n = dcs_status_retry_step_log_line(&w, NULL, 0);
                widest = n > widest ? n : widest;
            }
        }
    }
    CHECK(widest > 100 && widest <= DCS_STATUS_RETRY_STEP_LOG_LINE_MAX);
}

static void test_budget(void) {
    /* NULL everywhere: documented answers. */
    dcs_status_retry_budget_free(NULL);
    CHECK_INT(dcs_status_retry_budget_tokens(NULL), 0);
    CHECK_INT(dcs_status_retry_budget_capacity(NULL), 0);
    CHECK_INT(dcs_status_retry_budget_retry_cost(NULL), 0);
    CHECK_INT(dcs_status_retry_budget_throttle_cost(NULL), 0);
    uint32_t tokens = 0x5eed;
    CHECK_INT(dcs_status_retry_budget_record_success(NULL, NULL, &tokens), DCS_STATUS_RESULT_ERR_NULL_POINTER);
    CHECK_INT(tokens, 0x5eed);

    dcs_status_retry_budget *b = dcs_status_retry_budget_new(10, 3, 1);
    if (!CHECK(b != NULL)) {
        return;
    }
    CHECK_INT(dcs_status_retry_budget_capacity(b), 10);
    CHECK_INT(dcs_status_retry_budget_retry_cost(b), 3);
    CHECK_INT(dcs_status_retry_budget_throttle_cost(b), 1);
    CHECK_INT(dcs_status_retry_budget_tokens(b), 10);
    /* A success on the first attempt: +1, never above the capacity; out_tokens may be NULL. */
    CHECK_INT(dcs_status_retry_budget_record_success(b, NULL, NULL), DCS_STATUS_RESULT_OK);
    CHECK_INT(dcs_status_retry_budget_tokens(b), 10);

    dcs_status_retry_policy p = dcs_status_retry_policy_default();
    p.max_attempts = 10;
    dcs_status_step_input in = input(1, 502);
    in.idempotent = true;
    dcs_status_retry_step s;
    for (int i = 0; i < 3; i++) {
        CHECK_INT(dcs_status_retry_policy_step(&p, &in, b, &s), DCS_STATUS_RESULT_OK);
        CHECK_INT(s.action, DCS_STATUS_STEP_ACTION_RETRY);
    }
    CHECK_INT(dcs_status_retry_budget_tokens(b), 1);
    CHECK_INT(dcs_status_retry_policy_step(&p, &in, b, &s), DCS_STATUS_RESULT_OK);
    CHECK_INT(s.reason, DCS_STATUS_RETRY_REASON_BUDGET_EXHAUSTED);
    CHECK(s.has_tokens_after && s.tokens_after == 1);
    /* Refused steps refund nothing; a paid retry refunds its cost. */
    CHECK_INT(dcs_status_retry_budget_record_success(b, &s, &tokens), DCS_STATUS_RESULT_OK);
    CHECK_INT(tokens, 1);
    dcs_status_retry_step paid = s;
    paid.action = DCS_STATUS_STEP_ACTION_RETRY;
    paid.reason = DCS_STATUS_RETRY_REASON_SERVER_ERROR;
    CHECK_INT(dcs_status_retry_budget_record_success(b, &paid, &tokens), DCS_STATUS_RESULT_OK);
    CHECK_INT(tokens, 4);
    paid.has_tokens_after = false; /* not paid from a budget: nothing */
    CHECK_INT(dcs_status_retry_budget_record_success(b, &paid, &tokens), DCS_STATUS_RESULT_OK);
    CHECK_INT(tokens, 4);
    CHECK_INT(dcs_status_retry_budget_record_success(b, NULL, &tokens), DCS_STATUS_RESULT_OK);
    CHECK_INT(tokens, 5);
    /* A step with a field the header does not define changes nothing. */
    dcs_status_retry_step bad = s;
    bad.action = 3;
    tokens = 0x5eed;
    CHECK_INT(dcs_status_retry_budget_record_success(b, &bad, &tokens), DCS_STATUS_RESULT_ERR_INVALID_ARGUMENT);
    bad = paid;
    bad.has_tokens_after = true;
    bad.has_category = true;
    bad.category = 0;
    CHECK_INT(dcs_status_retry_budget_record_success(b, &bad, &tokens), DCS_STATUS_RESULT_ERR_INVALID_ARGUMENT);
    CHECK_INT(tokens, 0x5eed);
    CHECK_INT(dcs_status_retry_budget_tokens(b), 5);
    dcs_status_retry_budget_free(b);

    /* With tokens: at most the capacity; a budget of nothing pays nothing. */
    b = dcs_status_retry_budget_new_with_tokens(500, 14, 5, 9999);
    CHECK_INT(dcs_status_retry_budget_tokens(b), 500);
    dcs_status_retry_budget_free(b);
    b = dcs_status_retry_budget_new_with_tokens(500, 14, 5, 13);
    in = input(1, 502);
    in.idempotent = true;
    CHECK_INT(dcs_status_retry_policy_step(&p, &in, b, &s), DCS_STATUS_RESULT_OK);
    CHECK_INT(s.reason, DCS_STATUS_RETRY_REASON_BUDGET_EXHAUSTED);
    in = input(1, 429);
    CHECK_INT(dcs_status_retry_policy_step(&p, &in, b, &s), DCS_STATUS_RESULT_OK);
    CHECK(s.reason == DCS_STATUS_RETRY_REASON_THROTTLED && s.tokens_after == 8);
    dcs_status_retry_budget_free(b);
    b = dcs_status_retry_budget_new(0, 0, 0);
    CHECK_INT(dcs_status_retry_policy_step(&p, &in, b, &s), DCS_STATUS_RESULT_OK);
    CHECK(s.reason == DCS_STATUS_RETRY_REASON_THROTTLED && s.tokens_after == 0); /* costs 0 */
    CHECK_INT(dcs_status_retry_budget_record_success(b, NULL, &tokens), DCS_STATUS_RESULT_OK);
    CHECK_INT(tokens, 0);
    dcs_status_retry_budget_free(b);
}

static void test_random(void) {
    double sum = 0.0;
    for (int i = 0; i < 10000; i++) {
        double u = dcs_status_random_unit();
        CHECK(u >= 0.0 && u < 1.0);
        sum += u;
    }
    CHECK(sum > 4000.0 && sum < 6000.0); /* about 5000 */
    dcs_status_reseed_random_unit();
    double u = dcs_status_random_unit();
    CHECK(u >= 0.0 && u < 1.0);
}

int main(void) {
    test_enum_values_are_fixed();
    test_enum_names();
    test_policy();
    test_jitter_from_name();
    test_input_validate();
    test_step_bad_input();
    test_step();
    test_backoff();
    test_log_line();
    test_budget();
    test_random();
    CHECK_SUMMARY("test_retry");
}
