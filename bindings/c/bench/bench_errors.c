/*
 * bench_errors.c: the cost of the error-code catalogue and of error bodies through
 * libdcs_status.
 *
 *   catalogue lookup   dcs_status_catalogue_lookup (forgiving of case and whitespace,
 *                      a perfect hash) against the fastest exact match a C program
 *                      would write itself: a binary search with strcmp over the
 *                      sorted codes, inlined in this program (the goal: within 2x);
 *   body parse         dcs_status_parse_error_body of a typical DCS error body (the
 *                      goal: at most 1 us), and of the gateway's body;
 *   response error     dcs_status_http_error_from_response (parse, catalogue,
 *                      request id, Retry-After, decision) and its message rendered.
 *
 * The codes: a fixed pseudo-random mix of 4096, 90% the catalogue's (exactly as the
 * document writes them), 10% codes it lacks. Each loop is timed best-of-RUNS, the
 * methods taking turns.
 *
 * Usage: bench_errors LABEL [OPERATIONS [RUNS]]    (defaults 2000000 operations, 7 runs)
 */
#define _POSIX_C_SOURCE 200809L

#include <dcs_status.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define N_CODES 4096 /* a power of two */
#define MASK (N_CODES - 1)

static const char *codes[N_CODES];
static size_t code_lens[N_CODES];

/* The baseline: the catalogue's codes sorted, and their entries. */
static const char **sorted;
static const dcs_status_catalogue_entry **sorted_entries;
static size_t n_sorted;

static int by_code(const void *a, const void *b) {
    return strcmp((*(const dcs_status_catalogue_entry *const *)a)->code,
                  (*(const dcs_status_catalogue_entry *const *)b)->code);
}

/* The exact match a C program would write: binary search with strcmp. */
static inline const dcs_status_catalogue_entry *exact_lookup(const char *code) {
    size_t lo = 0, hi = n_sorted;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(code, sorted[mid]);
        if (c == 0) {
            return sorted_entries[mid];
        }
        if (c < 0) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    return NULL;
}

static double now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static volatile uintptr_t sink;

static double baseline_loop(size_t n) {
    uintptr_t sum = 0;
    double t0 = now_ns();
    for (size_t i = 0; i < n; i++) {
        sum += (uintptr_t)exact_lookup(codes[i & MASK]);
    }
    double t = now_ns() - t0;
    sink = sum;
    return t / (double)n;
}

static double library_loop(size_t n) {
    uintptr_t sum = 0;
    double t0 = now_ns();
    for (size_t i = 0; i < n; i++) {
        const dcs_status_catalogue_entry *e = NULL;
        dcs_status_catalogue_lookup(codes[i & MASK], code_lens[i & MASK], &e);
        sum += (uintptr_t)e;
    }
    double t = now_ns() - t0;
    sink = sum;
    return t / (double)n;
}

static const char dcs_body[] =
    "{\"error_msg\":\"the instance is restarting.\",\"error_code\":\"DCS.4111\",\"error_ext_msg\":null}";
static const char gateway_body[] =
    "{\"error_msg\":\"The throttling threshold has been reached: policy user over "
    "ratelimit,limit:200,time:5 minute\",\"error_code\":\"APIGW.0308\",\"request_id\":\"d4e8f2c1\"}";

static double parse_loop(const char *body, size_t len, size_t n) {
    uintptr_t sum = 0;
    double t0 = now_ns();
    for (size_t i = 0; i < n; i++) {
        dcs_status_error_body out;
        dcs_status_parse_error_body(body, len, &out);
        sum += (uintptr_t)out.catalogue + out.error_msg.len;
    }
    double t = now_ns() - t0;
    sink = sum;
    return t / (double)n;
}

static double parse_dcs_loop(size_t n) { return parse_loop(dcs_body, sizeof dcs_body - 1, n); }
static double parse_gateway_loop(size_t n) { return parse_loop(gateway_body, sizeof gateway_body - 1, n); }

static const dcs_status_header headers[] = {
    {"Content-Type", 12, "application/json", 16},
    {"X-Request-Id", 12, "8c1e2f9a-5b7d-4e3c-9a1f-2d6b8e4c7a90", 36},
};
#define NOW INT64_C(1795521600)

static double response_loop(size_t n) {
    uintptr_t sum = 0;
    double t0 = now_ns();
    for (size_t i = 0; i < n; i++) {
        dcs_status_http_error e;
        dcs_status_http_error_from_response(400, headers, 2, dcs_body, sizeof dcs_body - 1, NOW, false, &e);
        sum += (uintptr_t)e.catalogue + e.decision.action;
    }
    double t = now_ns() - t0;
    sink = sum;
    return t / (double)n;
}

static double message_loop(size_t n) {
    uintptr_t sum = 0;
    char buf[1024];
    double t0 = now_ns();
    for (size_t i = 0; i < n; i++) {
        sum += dcs_status_http_error_from_response_message(400, headers, 2, dcs_body, sizeof dcs_body - 1,
                                                           NOW, false, buf, sizeof buf);
    }
    double t = now_ns() - t0;
    sink = sum;
    return t / (double)n;
}

enum { BASELINE, LOOKUP, PARSE_DCS, PARSE_GATEWAY, RESPONSE, MESSAGE, METHODS };
static const char *const names[METHODS] = {
    "exact match (bsearch + strcmp)", "dcs_status_catalogue_lookup", "parse_error_body (DCS body)",
    "parse_error_body (gateway body)", "http_error_from_response", "..._from_response_message"};
static double (*const loops[METHODS])(size_t) = {baseline_loop,      library_loop,  parse_dcs_loop,
                                                 parse_gateway_loop, response_loop, message_loop};

static void setup(void) {
    n_sorted = dcs_status_catalogue_count();
    sorted = malloc(n_sorted * sizeof *sorted);
    sorted_entries = malloc(n_sorted * sizeof *sorted_entries);
    if (sorted == NULL || sorted_entries == NULL) {
        exit(2);
    }
    for (size_t i = 0; i < n_sorted; i++) {
        sorted_entries[i] = dcs_status_catalogue_at(i);
    }
    qsort(sorted_entries, n_sorted, sizeof *sorted_entries, by_code);
    for (size_t i = 0; i < n_sorted; i++) {
        sorted[i] = sorted_entries[i]->code;
    }
    static const char *const unknown[] = {"DCS.4922", "DCS.9999", "APIGW.0308", "111400999", "DCS.4050"};
    uint32_t state = 12345;
    for (size_t i = 0; i < N_CODES; i++) {
        state = state * 1664525u + 1013904223u;
        uint32_t r = state >> 8;
        codes[i] = r % 10 < 9 ? dcs_status_catalogue_at((r / 10) % n_sorted)->code
                              : unknown[(r / 10) % (sizeof unknown / sizeof unknown[0])];
        code_lens[i] = strlen(codes[i]);
    }
}

int main(int argc, char **argv) {
    const char *label = argc > 1 ? argv[1] : "library";
    size_t n = argc > 2 ? (size_t)strtoull(argv[2], NULL, 10) : 2000000u;
    int runs = argc > 3 ? atoi(argv[3]) : 7;
    if (n == 0 || runs <= 0) {
        fprintf(stderr, "usage: %s LABEL [OPERATIONS [RUNS]]\n", argv[0]);
        return 2;
    }
    setup();
    /* Both ways must find the same entries before their speed means anything. */
    for (size_t i = 0; i < N_CODES; i++) {
        const dcs_status_catalogue_entry *e = NULL;
        dcs_status_catalogue_lookup(codes[i], code_lens[i], &e);
        if (e != exact_lookup(codes[i])) {
            fprintf(stderr, "bench_errors: the library and the exact match disagree on %s\n", codes[i]);
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
        printf("  %-32s %9.2f ns %7.2fx\n", names[m], best[m], best[m] / best[BASELINE]);
    }
    free(sorted);
    free(sorted_entries);
    return 0;
}
