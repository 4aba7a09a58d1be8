/*
 * example.c: the C API of dcs-status in one page. Copy it freely.
 *
 * Build against an installed libdcs_status (bindings/c/install.sh):
 *   cc -std=c99 example.c $(pkg-config --cflags --libs dcs_status) -o example
 *   cc -std=c99 example.c $(pkg-config --cflags --libs dcs_status-static) -o example
 * or with CMake: see CMakeLists.txt beside this file.
 *
 * Every function that can fail returns a dcs_status_result: DCS_STATUS_RESULT_OK (0)
 * or an error that dcs_status_result_message() explains (dcs_status_error_message()
 * says it about the input). Text for people comes from the library, written into your
 * buffer as snprintf writes. Nothing needs freeing but a retry budget.
 */
#include <dcs_status.h>

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

/* Prints a failed call's error and returns 1 (for main's exit status). */
static int failed(const char *what, dcs_status_result r) {
    fprintf(stderr, "%s: error %u: %s\n", what, (unsigned)r, dcs_status_result_message(r));
    return 1;
}

static void print_entry(const dcs_status_entry *e) {
    printf("%u %s\n", (unsigned)e->code, e->phrase);
    printf("  DCS name:    %s (%s)\n", e->name, e->ident);
    printf("  class:       %s\n", dcs_status_class_name(e->status_class));
    printf("  retry advice: %s\n", dcs_status_retry_advice_name(e->retry_advice));
    printf("  description: %s\n", e->description);
}

int main(void) {
    printf("libdcs_status %s (header %s), %zu entries\n\n", dcs_status_version(),
           DCS_STATUS_VERSION, dcs_status_count());

    /* 1. The entry for a code: NULL if the table has no such code. (In a hot loop, the
     *    header's dcs_status_get_inline gives the same answer without a call: step 6.) */
    const dcs_status_entry *e = dcs_status_get(429);
    if (e == NULL) {
        fprintf(stderr, "429 is not in the table\n");
        return 1;
    }
    print_entry(e);

    /* 2. A name, in any of its spellings; strings go in as pointer + length. */
    const char *name = "gateway time-out";
    dcs_status_result r = dcs_status_from_name(name, strlen(name), &e);
    if (r != DCS_STATUS_RESULT_OK) {
        return failed("dcs_status_from_name", r);
    }
    printf("\nthe name \"%s\" is %u %s (DCS: %s)\n", name, (unsigned)e->code, e->phrase, e->name);

    /* 3. A code the table lacks: RFC 9110 reads it as the x00 of its class. */
    dcs_status_lookup_result l;
    r = dcs_status_lookup(418, &l);
    if (r != DCS_STATUS_RESULT_OK) {
        return failed("dcs_status_lookup", r);
    }
    printf("418 is %s: handled as %s, like %u %s\n", dcs_status_lookup_kind_name(l.kind),
           dcs_status_class_name(l.status_class), (unsigned)l.entry->code, l.entry->phrase);

    /* 4. A Retry-After header, relative to a fixed "now" (Unix seconds). */
    const int64_t now = INT64_C(1795521600); /* Tue, 24 Nov 2026 12:00:00 GMT */
    const char *retry_after = "Tue, 24 Nov 2026 12:01:30 GMT";
    uint64_t seconds = 0;
    r = dcs_status_parse_retry_after(retry_after, strlen(retry_after), now, &seconds);
    if (r != DCS_STATUS_RESULT_OK) {
        return failed("dcs_status_parse_retry_after", r);
    }
    printf("Retry-After: %s -> retry in %" PRIu64 " s\n", retry_after, seconds);

    /* 5. The retry decision for a 429 response with that header to a POST. */
    const char *method = "POST";
    dcs_status_decision d;
    r = dcs_status_decide(429, retry_after, strlen(retry_after), now,
                          dcs_status_method_is_idempotent(method, strlen(method)), &d);
    if (r != DCS_STATUS_RESULT_OK) {
        return failed("dcs_status_decide", r);
    }
    printf("%s got 429: %s, delay %" PRIu64 " s\n", method, dcs_status_action_name(d.action),
           d.delay_seconds);

    /* 6. A hot path: dcs_status_get_inline, defined static inline in the header, is
     *    dcs_status_get without the call (it reads the library's exported table
     *    dcs_status_by_code, whose 500 slots are fixed by the ABI). Same entries. */
    static const int64_t seen[] = {200, 200, 404, 429, 200, 503, 418, 200, 999, -1};
    unsigned errors = 0;
    for (size_t i = 0; i < sizeof seen / sizeof seen[0]; i++) {
        const dcs_status_entry *s = dcs_status_get_inline(seen[i]);
        errors += s != NULL && s->status_class >= DCS_STATUS_CLASS_CLIENT_ERROR;
    }
    printf("hot path: %u of %zu responses were documented errors\n", errors, sizeof seen / sizeof seen[0]);

    /* 7. The message of an HTTP error response, as every binding words it. Like every
     *    renderer, it returns the whole length: a bigger buffer is needed if that is
     *    >= its size (a NULL buffer only measures). */
    char message[1024];
    const char *request_id = "req-42";
    size_t n = dcs_status_http_error_message(429, retry_after, strlen(retry_after), request_id,
                                             strlen(request_id), now, false, message,
                                             sizeof message);
    printf("HTTP error (%zu bytes): %s\n", n, message);

    /* 8. The retry policy: after each failed attempt, one step says whether to send the
     *    request again, after how long, and why (the same line in every language). A
     *    budget, shared by every thread of the process, stops retrying when too many
     *    requests fail; successes earn its tokens back. It is the one thing to free. */
    dcs_status_retry_policy policy = dcs_status_retry_policy_default();
    policy.max_attempts = 4;
    dcs_status_retry_budget *budget = dcs_status_retry_budget_new_default();
    static const int64_t got[] = {502, 400, 200};            /* what three GETs got */
    static const char *const body_codes[] = {NULL, "DCS.4111", NULL};
    dcs_status_retry_step step;
    for (uint32_t attempt = 1; attempt <= 3; attempt++) {
        if (got[attempt - 1] < 400) {
            uint32_t tokens = 0; /* a success refunds the last retry's cost */
            dcs_status_retry_budget_record_success(budget, attempt > 1 ? &step : NULL, &tokens);
            printf("retry loop: success on attempt %u; the budget holds %u of %u tokens\n", attempt,
                   tokens, dcs_status_retry_budget_capacity(budget));
            break;
        }
        dcs_status_step_input in;
        memset(&in, 0, sizeof in); /* zeroed: no Retry-After, the clock, a random draw */
        in.attempt = attempt;
        in.status = got[attempt - 1];
        in.error_code = body_codes[attempt - 1];
        in.error_code_len = in.error_code == NULL ? 0 : strlen(in.error_code);
        in.idempotent = true;
        in.has_random = true; /* a fixed draw, for this example's fixed output */
        in.random = 0.5;
        r = dcs_status_retry_policy_step(&policy, &in, budget, &step);
        if (r != DCS_STATUS_RESULT_OK) {
            return failed("dcs_status_retry_policy_step", r);
        }
        char line[DCS_STATUS_RETRY_STEP_LOG_LINE_MAX + 1];
        dcs_status_retry_step_log_line(&step, line, sizeof line);
        printf("attempt %u: %s\n", attempt, line);
        if (step.action != DCS_STATUS_STEP_ACTION_RETRY) {
            break;
        }
        /* sleep step.delay_ms, then send the request again */
    }
    dcs_status_retry_budget_free(budget);

    /* 9. Errors are values: a bad header is reported, not a crash. */
    const char *bad = "soon";
    r = dcs_status_parse_retry_after(bad, strlen(bad), now, &seconds);
    dcs_status_error_message(r, bad, strlen(bad), message, sizeof message);
    printf("Retry-After error %u (%s): %s\n", (unsigned)r, dcs_status_result_name(r), message);
    return r == DCS_STATUS_RESULT_ERR_RETRY_AFTER_INVALID_DATE ? 0 : 1;
}
