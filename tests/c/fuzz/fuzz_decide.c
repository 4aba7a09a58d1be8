/*
 * fuzz_decide.c: dcs_status_decide (and the HTTP error message, the decision's text)
 * for any code, `now`, idempotency and Retry-After value.
 *
 * Input: now (8 bytes), code selector (2 bytes: mostly 0..1099, sometimes a raw
 * int64_t from the next 8), flags (1 byte: idempotent, header present), then the
 * Retry-After value.
 */
#include "fuzz_common.h"

typedef struct http_error_args {
    int64_t code, now;
    const char *retry_after;
    size_t len;
    bool idempotent;
} http_error_args;

static size_t render_http_error(const void *p, char *buf, size_t cap) {
    const http_error_args *a = p;
    return dcs_status_http_error_message(a->code, a->retry_after, a->len, a->retry_after, a->len,
                                         a->now, a->idempotent, buf, cap);
}

typedef struct decision_args {
    dcs_status_decision d;
} decision_args;

static size_t render_decision(const void *p, char *buf, size_t cap) {
    const decision_args *a = p;
    return dcs_status_decision_text(a->d.action, a->d.delay_seconds, buf, cap);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    int64_t now = take_i64(&data, &size);
    uint16_t selector = (uint16_t)(take_u8(&data, &size) | take_u8(&data, &size) << 8);
    int64_t code = selector % 1100;
    if (selector >= 0xF000) {
        code = take_i64(&data, &size);
    }
    uint8_t flags = take_u8(&data, &size);
    bool idempotent = flags & 1;
    bool present = flags & 2;
    char *value = malloc(size == 0 ? 1 : size);
    FUZZ_ASSERT(value != NULL);
    memcpy(value, data, size);

    dcs_status_decision d = {0, 0x5eed};
    dcs_status_result r = dcs_status_decide(code, present ? value : NULL, size, now, idempotent, &d);
    dcs_status_lookup_result l;
    dcs_status_result lr = dcs_status_lookup(code, &l);
    FUZZ_ASSERT(r == lr);
    if (r == DCS_STATUS_RESULT_OK) {
        FUZZ_ASSERT(dcs_status_action_name(d.action) != NULL);
        FUZZ_ASSERT(d.action == DCS_STATUS_ACTION_RETRY_AFTER || d.delay_seconds == 0);
        if (!dcs_status_class_is_error(l.status_class)) {
            FUZZ_ASSERT(d.action == DCS_STATUS_ACTION_DO_NOT_RETRY);
        }
        if (d.action == DCS_STATUS_ACTION_RETRY_AFTER) {
            /* The delay is the one the header asks for, parsed the same way. */
            uint64_t seconds = 0;
            FUZZ_ASSERT(present);
            FUZZ_ASSERT(dcs_status_parse_retry_after(value, size, now, &seconds) == DCS_STATUS_RESULT_OK);
            FUZZ_ASSERT(seconds == d.delay_seconds);
        }
        decision_args da = {d};
        check_rendering(render_decision, &da, flags);
    } else {
        FUZZ_ASSERT(r == DCS_STATUS_RESULT_ERR_NOT_A_STATUS_CODE);
        FUZZ_ASSERT(code < 100 || code > 999);
    }
    http_error_args args = {code, now, present ? value : NULL, size, idempotent};
    check_rendering(render_http_error, &args, (uint8_t)(flags >> 2));
    free(value);
    return 0;
}
