/*
 * bench_retry.c: one retry step through libdcs_status (issue 10's goals: one step
 * without a budget at most 50 ns in Rust, with the budget at most twice that; C adds
 * one call).
 *
 *   formula alone       the full-jitter backoff of one category written in C and
 *                       inlined in this program (min(cap, base << (n - 1)) * u): what a
 *                       program that re-typed the formula, and none of the rules,
 *                       would pay; the reference of the ratios;
 *   step, no budget     dcs_status_retry_policy_step on a mix of eight typical
 *                       responses (the Rust benchmark's: server errors, 429 with and
 *                       without Retry-After, a busy DCS code, a fix-the-request code, a
 *                       404, an HTTP-date), the random draw given;
 *   step, budget        the same, each retry paid from a shared budget (large enough
 *                       that every retry is paid);
 *   step + success      the same, and dcs_status_retry_budget_record_success with the
 *                       step, as a loop ends, on the default budget;
 *   step, drawn         no draw given: the library's random source draws one;
 *   log line            dcs_status_retry_step_log_line of each step into a buffer.
 *
 * Each loop is timed best-of-RUNS, the methods taking turns.
 *
 * Usage: bench_retry LABEL [STEPS [RUNS]]    (defaults 2000000 steps, 7 runs)
 */
#define _POSIX_C_SOURCE 200809L

#include <dcs_status.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define NOW INT64_C(1795521600)
#define N_INPUTS 8 /* a power of two */

static dcs_status_step_input inputs[N_INPUTS];
static dcs_status_step_input drawn[N_INPUTS];
static dcs_status_retry_policy policy;

static dcs_status_step_input input(uint32_t attempt, int64_t status, const char *retry_after,
                                   const char *error_code, bool idempotent) {
    dcs_status_step_input in;
    memset(&in, 0, sizeof in);
    in.attempt = attempt;
    in.status = status;
    in.retry_after = retry_after;
    in.retry_after_len = retry_after == NULL ? 0 : strlen(retry_after);
    in.error_code = error_code;
    in.error_code_len = error_code == NULL ? 0 : strlen(error_code);
    in.idempotent = idempotent;
    in.has_now = true;
    in.now = NOW;
    in.has_random = true;
    in.random = 0.5;
    return in;
}

static void setup(void) {
    policy = dcs_status_retry_policy_default();
    inputs[0] = input(1, 502, NULL, NULL, true);
    inputs[1] = input(2, 503, "120", NULL, false);
    inputs[2] = input(1, 429, NULL, NULL, false);
    inputs[3] = input(1, 400, NULL, "DCS.4111", false);
    inputs[4] = input(1, 400, NULL, "DCS.4202", false);
    inputs[5] = input(1, 404, NULL, NULL, false);
    inputs[6] = input(2, 500, NULL, NULL, true);
    inputs[7] = input(1, 429, "Tue, 24 Nov 2026 12:02:00 GMT", NULL, false);
    for (int i = 0; i < N_INPUTS; i++) {
        drawn[i] = inputs[i];
        drawn[i].has_random = false;
    }
}

static double now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static volatile uint64_t sink;

/* The full-jitter formula alone, inlined: no rules, no categories, no budget. */
static inline uint64_t formula(uint64_t base, uint64_t cap, uint32_t n, double u) {
    uint64_t ceiling = n - 1 >= 63 || base > (cap >> (n - 1)) ? cap : base << (n - 1);
    ceiling = ceiling < cap ? ceiling : cap;
    return (uint64_t)(u * (double)ceiling);
}

static double formula_loop(size_t n) {
    uint64_t sum = 0;
    double t0 = now_ns();
    for (size_t i = 0; i < n; i++) {
        const dcs_status_step_input *in = &inputs[i & (N_INPUTS - 1)];
        sum += formula(policy.base_transient_ms, policy.cap_ms, in->attempt, in->random);
    }
    double t = now_ns() - t0;
    sink = sum;
    return t / (double)n;
}

static double step_loop(const dcs_status_step_input *mix, const dcs_status_retry_budget *budget, size_t n) {
    uint64_t sum = 0;
    double t0 = now_ns();
    for (size_t i = 0; i < n; i++) {
        dcs_status_retry_step s;
        dcs_status_retry_policy_step(&policy, &mix[i & (N_INPUTS - 1)], budget, &s);
        sum += s.delay_ms + s.reason;
    }
    double t = now_ns() - t0;
    sink = sum;
    return t / (double)n;
}

static double no_budget_loop(size_t n) { return step_loop(inputs, NULL, n); }

static double budget_loop(size_t n) {
    /* Enough tokens that every retry of the loop is paid (as the Rust benchmark). */
    dcs_status_retry_budget *budget = dcs_status_retry_budget_new(UINT32_MAX, 1, 1);
    double t = step_loop(inputs, budget, n);
    dcs_status_retry_budget_free(budget);
    return t;
}

static double success_loop(size_t n) {
    dcs_status_retry_budget *budget = dcs_status_retry_budget_new_default();
    uint64_t sum = 0;
    double t0 = now_ns();
    for (size_t i = 0; i < n; i++) {
        dcs_status_retry_step s;
        dcs_status_retry_policy_step(&policy, &inputs[i & (N_INPUTS - 1)], budget, &s);
        uint32_t tokens = 0;
        dcs_status_retry_budget_record_success(budget, &s, &tokens);
        sum += s.delay_ms + tokens;
    }
    double t = now_ns() - t0;
    sink = sum;
    dcs_status_retry_budget_free(budget);
    return t / (double)n;
}

static double drawn_loop(size_t n) { return step_loop(drawn, NULL, n); }

static dcs_status_retry_step steps[N_INPUTS];

static double log_line_loop(size_t n) {
    uint64_t sum = 0;
    char line[DCS_STATUS_RETRY_STEP_LOG_LINE_MAX + 1];
    double t0 = now_ns();
    for (size_t i = 0; i < n; i++) {
        sum += dcs_status_retry_step_log_line(&steps[i & (N_INPUTS - 1)], line, sizeof line);
    }
    double t = now_ns() - t0;
    sink = sum;
    return t / (double)n;
}

enum { FORMULA, NO_BUDGET, BUDGET, SUCCESS, DRAWN, LOG_LINE, METHODS };
static const char *const names[METHODS] = {"formula alone (inlined C)",   "step, no budget",
                                           "step, budget",                "step + record_success",
                                           "step, random drawn",          "step_log_line"};
static double (*const loops[METHODS])(size_t) = {formula_loop, no_budget_loop, budget_loop,
                                                 success_loop, drawn_loop,     log_line_loop};

int main(int argc, char **argv) {
    const char *label = argc > 1 ? argv[1] : "library";
    size_t n = argc > 2 ? (size_t)strtoull(argv[2], NULL, 10) : 2000000u;
    int runs = argc > 3 ? atoi(argv[3]) : 7;
    if (n == 0 || runs <= 0) {
        fprintf(stderr, "usage: %s LABEL [STEPS [RUNS]]\n", argv[0]);
        return 2;
    }
    setup();
    /* The steps must be what the rules say before their speed means anything. */
    static const uint32_t reasons[N_INPUTS] = {
        DCS_STATUS_RETRY_REASON_SERVER_ERROR, DCS_STATUS_RETRY_REASON_RETRY_AFTER,
        DCS_STATUS_RETRY_REASON_THROTTLED,    DCS_STATUS_RETRY_REASON_BUSY,
        DCS_STATUS_RETRY_REASON_ERROR_CODE,   DCS_STATUS_RETRY_REASON_STATUS,
        DCS_STATUS_RETRY_REASON_SERVER_ERROR, DCS_STATUS_RETRY_REASON_RETRY_AFTER};
    for (int i = 0; i < N_INPUTS; i++) {
        if (dcs_status_retry_policy_step(&policy, &inputs[i], NULL, &steps[i]) != DCS_STATUS_RESULT_OK ||
            steps[i].reason != reasons[i]) {
            fprintf(stderr, "bench_retry: input %d gives %s\n", i, dcs_status_retry_reason_name(steps[i].reason));
            return 1;
        }
    }
    double best[METHODS];
    for (int m = 0; m < METHODS; m++) {
        (void)loops[m](n / 10 + 1); /* warm up */
    }
    for (int r = 0; r < runs; r++) {
        for (int m = 0; m < METHODS; m++) {
            double t = loops[m](n);
            if (r == 0 || t < best[m]) {
                best[m] = t;
            }
        }
    }
    printf("%-34s %12s %8s\n", label, "ns per op", "ratio");
    for (int m = 0; m < METHODS; m++) {
        printf("  %-32s %9.2f ns %7.2fx\n", names[m], best[m], best[m] / best[FORMULA]);
    }
    return 0;
}
