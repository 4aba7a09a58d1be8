/*
 * test_huge_input.c: garbage input costs the host nothing proportional to its size.
 *
 * The reproducer: dcs_status_from_name once copied every unknown name to the
 * heap, so a 300 MB name under a memory limit aborted the host. Here a 64 MB name (and
 * Retry-After value, request id, error code, error body and header) goes through every
 * function that takes one, and
 * the process's peak resident memory may grow by no more than a few megabytes beyond
 * the input itself. The messages about it stay short.
 *
 * Not run under valgrind (whose own memory is what getrusage would measure).
 */
#define _POSIX_C_SOURCE 200809L

#include <dcs_status.h>

#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "check.h"

#define HUGE_LEN ((size_t)64 << 20)
#define ALLOWED_GROWTH_KB (8L << 10)

static long peak_rss_kb(void) {
    struct rusage usage;
    return getrusage(RUSAGE_SELF, &usage) == 0 ? usage.ru_maxrss : -1;
}

int main(void) {
    char *huge = malloc(HUGE_LEN);
    if (!CHECK(huge != NULL)) {
        CHECK_SUMMARY("test_huge_input");
    }
    memset(huge, 'a', HUGE_LEN); /* valid UTF-8, every byte resident */
    static char message[2048];
    /* Warm up: the first calls may map the library's pages. */
    const dcs_status_entry *e = NULL;
    CHECK_INT(dcs_status_from_name("x", 1, &e), DCS_STATUS_RESULT_ERR_UNKNOWN_NAME);
    dcs_status_error_message(DCS_STATUS_RESULT_ERR_UNKNOWN_NAME, "x", 1, message, sizeof message);

    long before = peak_rss_kb();
    CHECK(before > 0);
    CHECK_INT(dcs_status_from_name(huge, HUGE_LEN, &e), DCS_STATUS_RESULT_ERR_UNKNOWN_NAME);
    uint64_t seconds = 0;
    CHECK_INT(dcs_status_parse_retry_after(huge, HUGE_LEN, 0, &seconds),
              DCS_STATUS_RESULT_ERR_RETRY_AFTER_INVALID_DATE);
    dcs_status_decision d;
    CHECK_INT(dcs_status_decide(503, huge, HUGE_LEN, 0, true, &d), DCS_STATUS_RESULT_OK);
    CHECK(!dcs_status_method_is_idempotent(huge, HUGE_LEN));
    size_t n = dcs_status_error_message(DCS_STATUS_RESULT_ERR_UNKNOWN_NAME, huge, HUGE_LEN, message,
                                        sizeof message);
    CHECK(n < sizeof message);
    CHECK(strstr(message, "(67108864 bytes)") != NULL);
    n = dcs_status_http_error_message(503, huge, HUGE_LEN, huge, HUGE_LEN, 0, true, message,
                                      sizeof message);
    CHECK(n < sizeof message);
    const dcs_status_catalogue_entry *ce = NULL;
    CHECK_INT(dcs_status_catalogue_lookup(huge, HUGE_LEN, &ce), DCS_STATUS_RESULT_ERR_UNKNOWN_ERROR_CODE);
    n = dcs_status_catalogue_explain(huge, HUGE_LEN, message, sizeof message);
    CHECK(n < sizeof message);
    /* A 64 MB error body: one huge message, then the code. */
    const char head[] = "{\"error_msg\":\"";
    const char tail[] = "\",\"error_code\":\"DCS.4111\"}";
    memcpy(huge, head, sizeof head - 1);
    memcpy(huge + HUGE_LEN - (sizeof tail - 1), tail, sizeof tail - 1);
    dcs_status_error_body body;
    CHECK_INT(dcs_status_parse_error_body(huge, HUGE_LEN, &body), DCS_STATUS_RESULT_OK);
    CHECK(body.catalogue != NULL && body.error_msg.len == HUGE_LEN - (sizeof head - 1) - (sizeof tail - 1));
    dcs_status_header header = {"X-Request-Id", 12, huge, HUGE_LEN};
    dcs_status_text id;
    CHECK_INT(dcs_status_resolve_request_id(&header, 1, NULL, &id), DCS_STATUS_RESULT_OK);
    dcs_status_http_error err;
    CHECK_INT(dcs_status_http_error_from_response(400, &header, 1, huge, HUGE_LEN, 0, false, &err),
              DCS_STATUS_RESULT_OK);
    CHECK(err.error_msg.len == 4096 && err.request_id.len == 4096 && err.catalogue != NULL);
    n = dcs_status_http_error_from_response_message(400, &header, 1, huge, HUGE_LEN, 0, false,
                                                    message, sizeof message);
    CHECK(n < sizeof message);
    long after = peak_rss_kb();
    if (!CHECK(after - before < ALLOWED_GROWTH_KB)) {
        fprintf(stderr, "    peak RSS grew by %ld kB for a %zu-byte input\n", after - before,
                HUGE_LEN);
    }
    printf("test_huge_input: peak RSS %ld kB before, %ld kB after\n", before, after);
    free(huge);
    CHECK_SUMMARY("test_huge_input");
}
