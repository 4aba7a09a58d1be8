/*
 * fuzz_body.c: the error-body parser, request-id resolution, text decoding, the
 * catalogue lookup and the response error (its fields and its message) for any body,
 * headers, code, `now` and idempotency.
 *
 * Input: now (8 bytes), code selector (2 bytes: mostly 0..1099, sometimes a raw
 * int64_t from the next 8), flags (1 byte: bit 0 idempotent, bits 1-2 the number of
 * headers), then per header a name selector (1 byte: X-Request-Id,
 * x-openstack-request-id, Retry-After or another name, in a case the byte's bit 2
 * picks) and a value length (1 byte) and that many value bytes; the rest is the body.
 */
#include "fuzz_common.h"

#include <ctype.h>

#define MAX_HEADERS 3

/* Whether the `len` bytes at `p` lie inside `[start, start + size)`. */
static int inside(const char *p, size_t len, const char *start, size_t size) {
    return p >= start && len <= size && (size_t)(p - start) <= size - len;
}

/* Whether a text is absent, or inside the body or one of the header values. */
static int text_from(dcs_status_text t, const char *body, size_t size, const dcs_status_header *h,
                     size_t n) {
    if (t.ptr == NULL) {
        return t.len == 0 && !t.escaped;
    }
    if (inside(t.ptr, t.len, body, size)) {
        return 1;
    }
    for (size_t i = 0; i < n; i++) {
        if (!t.escaped && inside(t.ptr, t.len, h[i].value, h[i].value_len)) {
            return 1;
        }
    }
    return 0;
}

/* Decodes a text into an exact-size heap buffer of len + 1 bytes: it always fits. */
static size_t decoded_len(dcs_status_text t) {
    char *buf = malloc(t.len + 1);
    FUZZ_ASSERT(buf != NULL);
    size_t n = dcs_status_text_decode(&t, buf, t.len + 1);
    FUZZ_ASSERT(n <= t.len && buf[n] == '\0');
    FUZZ_ASSERT(dcs_status_text_decode(&t, NULL, 0) == n);
    if (n > 0) {
        /* The decoded catalogue code finds the same entry as the parser's. */
        const dcs_status_catalogue_entry *e = NULL;
        dcs_status_result r = dcs_status_catalogue_lookup(buf, n, &e);
        FUZZ_ASSERT(r == DCS_STATUS_RESULT_OK || r == DCS_STATUS_RESULT_ERR_UNKNOWN_ERROR_CODE);
    }
    free(buf);
    return n;
}

typedef struct response_args {
    int64_t code, now;
    const dcs_status_header *headers;
    size_t n;
    const char *body;
    size_t size;
    bool idempotent;
} response_args;

static size_t render_response(const void *p, char *buf, size_t cap) {
    const response_args *a = p;
    return dcs_status_http_error_from_response_message(a->code, a->headers, a->n, a->body, a->size,
                                                       a->now, a->idempotent, buf, cap);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static const char *const names[] = {"X-Request-Id", "x-openstack-request-id", "Retry-After",
                                        "Content-Type"};
    int64_t now = take_i64(&data, &size);
    uint16_t selector = (uint16_t)(take_u8(&data, &size) | take_u8(&data, &size) << 8);
    int64_t code = selector % 1100;
    if (selector >= 0xF000) {
        code = take_i64(&data, &size);
    }
    uint8_t flags = take_u8(&data, &size);
    bool idempotent = flags & 1;
    size_t n = (flags >> 1) & 3;
    dcs_status_header headers[MAX_HEADERS];
    char name_copies[MAX_HEADERS][32];
    char *values[MAX_HEADERS] = {NULL, NULL, NULL};
    for (size_t i = 0; i < n; i++) {
        uint8_t which = take_u8(&data, &size);
        const char *name = names[which % 4];
        size_t name_len = strlen(name);
        for (size_t k = 0; k < name_len; k++) {
            name_copies[i][k] = (char)((which & 4) ? toupper((unsigned char)name[k])
                                                   : tolower((unsigned char)name[k]));
        }
        size_t len = take_u8(&data, &size);
        len = len < size ? len : size;
        values[i] = malloc(len == 0 ? 1 : len);
        FUZZ_ASSERT(values[i] != NULL);
        memcpy(values[i], data, len);
        data += len;
        size -= len;
        headers[i].name = name_copies[i];
        headers[i].name_len = name_len;
        headers[i].value = values[i];
        headers[i].value_len = len;
    }
    char *body = malloc(size == 0 ? 1 : size);
    FUZZ_ASSERT(body != NULL);
    memcpy(body, data, size);

    /* The body alone: every field a slice of it, decoding fits in len + 1. */
    dcs_status_error_body parsed;
    FUZZ_ASSERT(dcs_status_parse_error_body(body, size, &parsed) == DCS_STATUS_RESULT_OK);
    dcs_status_text texts[] = {parsed.error_code, parsed.error_msg, parsed.error_ext_msg,
                               parsed.request_id};
    for (size_t i = 0; i < 4; i++) {
        FUZZ_ASSERT(text_from(texts[i], body, size, NULL, 0));
        decoded_len(texts[i]);
    }
    if (parsed.catalogue != NULL) {
        FUZZ_ASSERT(parsed.error_code.ptr != NULL);
        FUZZ_ASSERT(dcs_status_catalogue_at(parsed.catalogue->index) == parsed.catalogue);
    }
    dcs_status_text id;
    FUZZ_ASSERT(dcs_status_resolve_request_id(headers, n, &parsed.request_id, &id) ==
                DCS_STATUS_RESULT_OK);
    FUZZ_ASSERT(text_from(id, body, size, headers, n));

    /* The whole response. */
    dcs_status_http_error e;
    dcs_status_result r =
        dcs_status_http_error_from_response(code, headers, n, body, size, now, idempotent, &e);
    if (code < 100 || code > 999) {
        FUZZ_ASSERT(r == DCS_STATUS_RESULT_ERR_NOT_A_STATUS_CODE);
    } else {
        FUZZ_ASSERT(r == DCS_STATUS_RESULT_OK);
        FUZZ_ASSERT(e.code == code && e.status != NULL);
        FUZZ_ASSERT(e.catalogue == parsed.catalogue);
        FUZZ_ASSERT(dcs_status_action_name(e.decision.action) != NULL);
        FUZZ_ASSERT(e.decision.action == DCS_STATUS_ACTION_RETRY_AFTER || e.decision.delay_seconds == 0);
        FUZZ_ASSERT(e.has_retry_after || e.retry_after_seconds == 0);
        if (!dcs_status_class_is_error(e.status_class)) {
            FUZZ_ASSERT(e.decision.action == DCS_STATUS_ACTION_DO_NOT_RETRY);
        }
        dcs_status_text fields[] = {e.error_code, e.error_msg, e.error_ext_msg, e.request_id};
        for (size_t i = 0; i < 4; i++) {
            FUZZ_ASSERT(text_from(fields[i], body, size, headers, n));
            FUZZ_ASSERT(decoded_len(fields[i]) <= 4096);
            /* A cut field is a prefix of the parser's. */
            FUZZ_ASSERT(i == 3 || fields[i].ptr == texts[i].ptr);
        }
        FUZZ_ASSERT(e.request_id.ptr == id.ptr);
    }
    response_args args = {code, now, headers, n, body, size, idempotent};
    check_rendering(render_response, &args, (uint8_t)(flags >> 3));

    for (size_t i = 0; i < n; i++) {
        free(values[i]);
    }
    free(body);
    return 0;
}
