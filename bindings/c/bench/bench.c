/*
 * bench.c: the cost of a lookup by code through libdcs_status, the function
 * dcs_status_get and the header's static inline dcs_status_get_inline (which indexes
 * the exported dcs_status_by_code), against a plain static C array of entry pointers
 * indexed by code - 100 in the same program, the fastest a C program can do.
 *
 * Built twice by run.sh beside this file: linked with the shared library (a call
 * through the PLT into libdcs_status.so; dcs_status_by_code read through the GOT) and
 * with the static library (a direct call; the table linked in).
 *
 * The codes: a fixed pseudo-random mix of 4096 codes, 80% in the table, 10% in
 * 100..599 but not in the table, 10% outside it (600..999, negatives, huge values).
 * Two loops, each timed best-of-RUNS:
 *   independent   sum += code of each lookup: lookups can overlap (throughput)
 *   dependent     the next code's index depends on the last result (latency):
 *                 nothing can be hoisted, vectorized or overlapped
 *
 * Usage: bench LABEL [LOOKUPS [RUNS]]    (defaults 20000000 lookups, 7 runs)
 */
#define _POSIX_C_SOURCE 200809L

#include <dcs_status.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define N_CODES 4096 /* a power of two */
#define MASK (N_CODES - 1)

static int64_t codes[N_CODES];
static const dcs_status_entry *by_code[900]; /* the baseline: code - 100 -> entry */

static inline const dcs_status_entry *array_get(int64_t code) {
    uint64_t slot = (uint64_t)code - 100;
    return slot < 900 ? by_code[slot] : NULL;
}

/* The same array lookup behind a call, to split the library's cost into "a call"
 * and "what the call does". */
__attribute__((noinline)) static const dcs_status_entry *array_get_call(int64_t code) {
    return array_get(code);
}

static double now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

/* One loop per method and shape, so that the inlined array version really is inlined.
 * `sink` keeps the results alive. */
static volatile uint64_t sink;

#define INDEPENDENT(name, LOOKUP)                                      \
    static double name(size_t n) {                                     \
        uint64_t sum = 0;                                              \
        double t0 = now_ns();                                          \
        for (size_t i = 0; i < n; i++) {                               \
            const dcs_status_entry *e = LOOKUP(codes[i & MASK]);       \
            sum += e != NULL ? e->code : 1;                            \
        }                                                              \
        double t = now_ns() - t0;                                      \
        sink = sum;                                                    \
        return t / (double)n;                                          \
    }
#define DEPENDENT(name, LOOKUP)                                        \
    static double name(size_t n) {                                     \
        size_t at = 0;                                                 \
        double t0 = now_ns();                                          \
        for (size_t i = 0; i < n; i++) {                               \
            const dcs_status_entry *e = LOOKUP(codes[at]);             \
            at = (at + 1 + (e != NULL ? e->code : 1)) & MASK;          \
        }                                                              \
        double t = now_ns() - t0;                                      \
        sink = at;                                                     \
        return t / (double)n;                                          \
    }

INDEPENDENT(array_independent, array_get)
INDEPENDENT(array_call_independent, array_get_call)
INDEPENDENT(library_independent, dcs_status_get)
DEPENDENT(array_dependent, array_get)
DEPENDENT(array_call_dependent, array_get_call)
DEPENDENT(library_dependent, dcs_status_get)
INDEPENDENT(inline_independent, dcs_status_get_inline)
DEPENDENT(inline_dependent, dcs_status_get_inline)

/* The loops to time, in the order of the printed rows. */
enum { ARRAY, ARRAY_CALL, GET, GET_INLINE, METHODS };
static const char *const method_names[METHODS] = {"static C array (inlined)", "static C array (noinline call)",
                                                  "dcs_status_get", "dcs_status_get_inline"};
static double (*const independent[METHODS])(size_t) = {array_independent, array_call_independent,
                                                       library_independent, inline_independent};
static double (*const dependent[METHODS])(size_t) = {array_dependent, array_call_dependent, library_dependent,
                                                     inline_dependent};

/* best[m]: the fastest of RUNS timings of loops[m]. The methods take turns, round
 * after round, so that a noisy moment of a shared machine hits them all alike. */
static void best_of(double (*const loops[METHODS])(size_t), size_t n, int runs, double best[METHODS]) {
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
}

static void setup(void) {
    static const int64_t outside[] = {600, 700, 999, -1, 0, 42, 99, 1000, 65536 + 404,
                                      INT64_C(1) << 40};
    uint32_t state = 12345;
    size_t documented = dcs_status_count();
    for (size_t i = 0; i < dcs_status_count(); i++) {
        const dcs_status_entry *e = dcs_status_at(i);
        by_code[e->code - 100] = e;
    }
    for (size_t i = 0; i < N_CODES; i++) {
        state = state * 1664525u + 1013904223u;
        uint32_t r = state >> 8;
        if (r % 10 < 8) {
            codes[i] = dcs_status_at((r / 10) % documented)->code;
        } else if (r % 10 == 8) {
            int64_t c;
            do { /* a code of 100..599 the table lacks */
                state = state * 1664525u + 1013904223u;
                c = 100 + (int64_t)((state >> 8) % 500);
            } while (dcs_status_get(c) != NULL);
            codes[i] = c;
        } else {
            codes[i] = outside[(r / 10) % (sizeof outside / sizeof outside[0])];
        }
    }
}

int main(int argc, char **argv) {
    const char *label = argc > 1 ? argv[1] : "library";
    size_t n = argc > 2 ? (size_t)strtoull(argv[2], NULL, 10) : 20000000u;
    int runs = argc > 3 ? atoi(argv[3]) : 7;
    if (n == 0 || runs <= 0) {
        fprintf(stderr, "usage: %s LABEL [LOOKUPS [RUNS]]\n", argv[0]);
        return 2;
    }
    setup();

    /* Every way must give the same (static) entry before their speed means anything. */
    for (size_t i = 0; i < N_CODES; i++) {
        const dcs_status_entry *l = dcs_status_get(codes[i]);
        if (array_get(codes[i]) != l || dcs_status_get_inline(codes[i]) != l) {
            fprintf(stderr, "bench: array_get, dcs_status_get and dcs_status_get_inline disagree on %" PRId64 "\n",
                    codes[i]);
            return 1;
        }
    }

    double ind[METHODS], dep[METHODS];
    best_of(independent, n, runs, ind);
    best_of(dependent, n, runs, dep);

    printf("%-34s %12s %8s %12s %8s\n", label, "independent", "ratio", "dependent", "ratio");
    for (int m = 0; m < METHODS; m++) {
        printf("  %-32s %9.2f ns %7.2fx %9.2f ns %7.2fx\n", method_names[m], ind[m], ind[m] / ind[ARRAY], dep[m],
               dep[m] / dep[ARRAY]);
    }
    return 0;
}
