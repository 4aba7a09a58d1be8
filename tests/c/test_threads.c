/*
 * test_threads.c: 8 threads hammering lookups and parsing at once.
 *
 * The header promises every function is thread-safe (no mutable global state, no
 * thread-local errors). Each thread first sweeps codes -1000..2000 and the int64_t
 * extremes, comparing the header's static inline dcs_status_get_inline (a read of the
 * exported dcs_status_by_code) with dcs_status_get, all threads at once; then runs
 * the same mix of dcs_status_get, _get_inline, _lookup, _from_name,
 * _parse_retry_after, _decide, _catalogue_lookup and _parse_error_body calls (and
 * every 16th time, the messages of an HTTP error and of a response error rendered
 * into a local buffer), in its own order, and compares every answer
 * with the one computed on the main thread before the threads started.
 * ASan/UBSan and valgrind runs of this program look for data races' symptoms too.
 *
 * Usage: test_threads [ITERATIONS_PER_THREAD]   (default 50000)
 */
#define _POSIX_C_SOURCE 200809L

#include <dcs_status.h>

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#define THREADS 8
#define NOW INT64_C(1795521600)

static const int64_t codes[] = {100, 101, 200, 201, 204, 301, 304, 400, 401, 403, 404, 405, 408,
                                409, 413, 414, 418, 429, 451, 500, 501, 502, 503, 504, 507, 599,
                                600, 999, -1, 0, 99, 1000, 65536 + 404, INT64_MIN, INT64_MAX};
static const char *const names[] = {"not found", "NOT_FOUND", "NotFound", "Too Many Requests",
                                    "Request Time-out", "gateway_time_out", "no such name",
                                    "", "ok", "\xff\xfe"};
static const char *const retry_afters[] = {"120", "Tue, 24 Nov 2026 12:01:00 GMT",
                                           "Tuesday, 24-Nov-26 12:02:00 GMT",
                                           "Tue Nov 24 12:03:00 2026", "", "soon", "-1",
                                           "Tue, 31 Nov 2026 12:00:00 GMT", "12\xff"};

static const char *const error_codes[] = {"DCS.4111", " dcs. 4855 ", "111400017", "DCS.9999", "",
                                          "\xff"};
static const char *const bodies[] = {
    "{\"error_msg\":\"the instance is restarting.\",\"error_code\":\"DCS.4111\",\"error_ext_msg\":null}",
    "{\"error_msg\":\"throttled\",\"error_code\":\"APIGW.0308\",\"request_id\":\"d4e8\"}",
    "{\"error\":{\"code\":\"DCS.4202\",\"message\":\"m\"}}", "<html>", "", "{\"error_code\":\"DCS.4855\""};

#define N_CODES (sizeof codes / sizeof codes[0])
#define N_ERROR_CODES (sizeof error_codes / sizeof error_codes[0])
#define N_BODIES (sizeof bodies / sizeof bodies[0])
#define N_NAMES (sizeof names / sizeof names[0])
#define N_RETRY (sizeof retry_afters / sizeof retry_afters[0])

/* The answers, computed single-threaded first. */
static const dcs_status_entry *expected_get[N_CODES];
static dcs_status_result expected_lookup_result[N_CODES];
static dcs_status_lookup_result expected_lookup[N_CODES];
static dcs_status_result expected_name_result[N_NAMES];
static const dcs_status_entry *expected_name[N_NAMES];
static dcs_status_result expected_parse_result[N_RETRY];
static uint64_t expected_parse[N_RETRY];
static dcs_status_result expected_decide_result[N_CODES][N_RETRY];
static dcs_status_decision expected_decide[N_CODES][N_RETRY];
#define MESSAGE_CAP 1024
static char expected_message[N_CODES][N_RETRY][MESSAGE_CAP];
static dcs_status_result expected_catalogue_result[N_ERROR_CODES];
static const dcs_status_catalogue_entry *expected_catalogue[N_ERROR_CODES];
static dcs_status_error_body expected_body[N_BODIES];
static char expected_response[N_CODES][N_BODIES][MESSAGE_CAP];

static pthread_barrier_t start;
static long iterations = 50000;

typedef struct worker {
    unsigned id;
    unsigned long calls;
    unsigned long mismatches;
    unsigned long swept; /* codes of the sweep */
} worker;

/* The sweep: dcs_status_get_inline against dcs_status_get on a wide range of codes. */
#define SWEEP_FIRST (-1000)
#define SWEEP_LAST 2000

static void sweep(worker *w) {
    for (int64_t code = SWEEP_FIRST; code <= SWEEP_LAST; code++) {
        w->mismatches += dcs_status_get_inline(code) != dcs_status_get(code);
        w->swept++;
    }
    const int64_t extremes[] = {INT64_MIN, INT64_MIN + 1, INT64_MIN + 404, INT64_MAX - 1, INT64_MAX};
    for (size_t i = 0; i < sizeof extremes / sizeof extremes[0]; i++) {
        w->mismatches += dcs_status_get_inline(extremes[i]) != dcs_status_get(extremes[i]);
        w->swept++;
    }
}

static void compute_expected(void) {
    for (size_t c = 0; c < N_CODES; c++) {
        expected_get[c] = dcs_status_get(codes[c]);
        memset(&expected_lookup[c], 0, sizeof expected_lookup[c]);
        expected_lookup_result[c] = dcs_status_lookup(codes[c], &expected_lookup[c]);
        for (size_t r = 0; r < N_RETRY; r++) {
            memset(&expected_decide[c][r], 0, sizeof expected_decide[c][r]);
            expected_decide_result[c][r] = dcs_status_decide(
                codes[c], retry_afters[r], strlen(retry_afters[r]), NOW, c % 2 == 0, &expected_decide[c][r]);
            size_t n = dcs_status_http_error_message(codes[c], retry_afters[r], strlen(retry_afters[r]),
                                                     "id", 2, NOW, c % 2 == 0, expected_message[c][r],
                                                     MESSAGE_CAP);
            CHECK(n > 0 && n < MESSAGE_CAP);
        }
    }
    for (size_t c = 0; c < N_CODES; c++) {
        for (size_t b = 0; b < N_BODIES; b++) {
            size_t n = dcs_status_http_error_from_response_message(
                codes[c], NULL, 0, bodies[b], strlen(bodies[b]), NOW, c % 2 == 0,
                expected_response[c][b], MESSAGE_CAP);
            CHECK(n > 0 && n < MESSAGE_CAP);
        }
    }
    for (size_t k = 0; k < N_ERROR_CODES; k++) {
        expected_catalogue[k] = NULL;
        expected_catalogue_result[k] =
            dcs_status_catalogue_lookup(error_codes[k], strlen(error_codes[k]), &expected_catalogue[k]);
    }
    for (size_t b = 0; b < N_BODIES; b++) {
        memset(&expected_body[b], 0, sizeof expected_body[b]);
        CHECK(dcs_status_parse_error_body(bodies[b], strlen(bodies[b]), &expected_body[b]) ==
              DCS_STATUS_RESULT_OK);
    }
    for (size_t n = 0; n < N_NAMES; n++) {
        expected_name[n] = NULL;
        expected_name_result[n] = dcs_status_from_name(names[n], strlen(names[n]), &expected_name[n]);
    }
    for (size_t r = 0; r < N_RETRY; r++) {
        expected_parse[r] = 0;
        expected_parse_result[r] =
            dcs_status_parse_retry_after(retry_afters[r], strlen(retry_afters[r]), NOW, &expected_parse[r]);
    }
}

/* Whether two texts are the same slice (compared field by field: not the padding). */
static bool same_text(dcs_status_text a, dcs_status_text b) {
    return a.ptr == b.ptr && a.len == b.len && a.escaped == b.escaped;
}

static bool same_body(const dcs_status_error_body *a, const dcs_status_error_body *b) {
    return same_text(a->error_code, b->error_code) && same_text(a->error_msg, b->error_msg) &&
           same_text(a->error_ext_msg, b->error_ext_msg) &&
           same_text(a->request_id, b->request_id) && a->catalogue == b->catalogue;
}

static void *hammer(void *arg) {
    worker *w = arg;
    /* A per-thread linear congruential generator: each thread its own order. */
    uint32_t state = 0x9E3779B9u * (w->id + 1);
    pthread_barrier_wait(&start);
    sweep(w);
    for (long i = 0; i < iterations; i++) {
        state = state * 1664525u + 1013904223u;
        size_t c = (state >> 8) % N_CODES;
        size_t n = (state >> 12) % N_NAMES;
        size_t r = (state >> 16) % N_RETRY;

        const dcs_status_entry *e = dcs_status_get(codes[c]);
        w->mismatches += e != expected_get[c];
        w->mismatches += dcs_status_get_inline(codes[c]) != expected_get[c];

        dcs_status_lookup_result l;
        memset(&l, 0, sizeof l);
        dcs_status_result lr = dcs_status_lookup(codes[c], &l);
        w->mismatches += lr != expected_lookup_result[c] ||
                         memcmp(&l, &expected_lookup[c], sizeof l) != 0;

        const dcs_status_entry *named = NULL;
        dcs_status_result nr = dcs_status_from_name(names[n], strlen(names[n]), &named);
        w->mismatches += nr != expected_name_result[n] || named != expected_name[n];

        uint64_t seconds = 0;
        dcs_status_result pr =
            dcs_status_parse_retry_after(retry_afters[r], strlen(retry_afters[r]), NOW, &seconds);
        w->mismatches += pr != expected_parse_result[r] || seconds != expected_parse[r];

        dcs_status_decision d;
        memset(&d, 0, sizeof d);
        dcs_status_result dr = dcs_status_decide(codes[c], retry_afters[r], strlen(retry_afters[r]),
                                                 NOW, c % 2 == 0, &d);
        w->mismatches += dr != expected_decide_result[c][r] ||
                         memcmp(&d, &expected_decide[c][r], sizeof d) != 0;

        /* Error messages are static: no per-thread state to clobber. */
        w->mismatches += strcmp(dcs_status_result_message(pr), dcs_status_result_message(expected_parse_result[r])) != 0;
        size_t k = (state >> 20) % N_ERROR_CODES;
        const dcs_status_catalogue_entry *ce = NULL;
        dcs_status_result cr = dcs_status_catalogue_lookup(error_codes[k], strlen(error_codes[k]), &ce);
        w->mismatches += cr != expected_catalogue_result[k] || ce != expected_catalogue[k];

        size_t b = (state >> 24) % N_BODIES;
        dcs_status_error_body body;
        memset(&body, 0, sizeof body);
        dcs_status_result br = dcs_status_parse_error_body(bodies[b], strlen(bodies[b]), &body);
        w->mismatches += br != DCS_STATUS_RESULT_OK || !same_body(&body, &expected_body[b]);
        w->calls += 9;

        /* Rendered text: into this thread's own buffer, the same as the main thread's. */
        if (i % 16 == 0) {
            char message[MESSAGE_CAP];
            dcs_status_http_error_message(codes[c], retry_afters[r], strlen(retry_afters[r]), "id", 2,
                                          NOW, c % 2 == 0, message, sizeof message);
            w->mismatches += strcmp(message, expected_message[c][r]) != 0;
            dcs_status_http_error_from_response_message(codes[c], NULL, 0, bodies[b],
                                                        strlen(bodies[b]), NOW, c % 2 == 0, message,
                                                        sizeof message);
            w->mismatches += strcmp(message, expected_response[c][b]) != 0;
        }
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc > 1) {
        iterations = strtol(argv[1], NULL, 10);
    }
    if (!CHECK(iterations > 0)) {
        CHECK_SUMMARY("test_threads");
    }
    compute_expected();
    /* Sanity of the expectations themselves. */
    CHECK(expected_get[10] != NULL && expected_get[10]->code == 404);
    CHECK(expected_name_result[0] == DCS_STATUS_RESULT_OK && expected_name[0] == expected_get[10]);
    CHECK(expected_parse_result[1] == DCS_STATUS_RESULT_OK && expected_parse[1] == 60);
    CHECK(expected_catalogue_result[1] == DCS_STATUS_RESULT_OK && expected_catalogue[1] != NULL);
    CHECK(expected_body[0].catalogue == expected_catalogue[0]);

    pthread_t threads[THREADS];
    worker workers[THREADS];
    CHECK(pthread_barrier_init(&start, NULL, THREADS) == 0);
    for (unsigned t = 0; t < THREADS; t++) {
        workers[t].id = t;
        workers[t].calls = 0;
        workers[t].mismatches = 0;
        workers[t].swept = 0;
        CHECK(pthread_create(&threads[t], NULL, hammer, &workers[t]) == 0);
    }
    unsigned long calls = 0;
    for (unsigned t = 0; t < THREADS; t++) {
        CHECK(pthread_join(threads[t], NULL) == 0);
        if (!CHECK(workers[t].mismatches == 0)) {
            fprintf(stderr, "    thread %u: %lu mismatches\n", t, workers[t].mismatches);
        }
        calls += workers[t].calls;
        CHECK_INT(workers[t].swept, SWEEP_LAST - SWEEP_FIRST + 1 + 5);
    }
    pthread_barrier_destroy(&start);
    CHECK_INT(calls, (unsigned long)THREADS * 9 * (unsigned long)iterations);
    printf("test_threads: %d threads, %lu calls\n", THREADS, calls);
    CHECK_SUMMARY("test_threads");
}
