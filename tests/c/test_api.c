/*
 * test_api.c: every function of include/dcs_status.h, called from plain C99 (and the
 * header's static inline dcs_status_get_inline over the exported dcs_status_by_code), with
 * good input and with every kind of bad input the header documents: NULL pointers,
 * lengths without a NUL terminator, invalid UTF-8, out-of-range codes, indexes and
 * enum values. Each bad input must give its documented error value, never a crash
 * (ASan, UBSan and valgrind runs of this program check the "never a crash" part).
 *
 * Every string handed to the library lives in a heap block of exactly its length,
 * with no terminator: a library that read one byte too far would be caught.
 */
#include <dcs_status.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

/* A heap copy of `len` bytes of `s`, without a terminator. */
static char *exact(const char *s, size_t len) {
    char *copy = malloc(len == 0 ? 1 : len);
    if (copy == NULL) {
        fprintf(stderr, "out of memory\n");
        exit(2);
    }
    memcpy(copy, s, len);
    return copy;
}

/* dcs_status_from_name on an exact-length copy of `name`. */
static dcs_status_result from_name(const char *name, const dcs_status_entry **out) {
    size_t len = strlen(name);
    char *copy = exact(name, len);
    dcs_status_result r = dcs_status_from_name(copy, len, out);
    free(copy);
    return r;
}

/* dcs_status_parse_retry_after on an exact-length copy of `value`. */
static dcs_status_result parse(const char *value, int64_t now, uint64_t *out) {
    size_t len = strlen(value);
    char *copy = exact(value, len);
    dcs_status_result r = dcs_status_parse_retry_after(copy, len, now, out);
    free(copy);
    return r;
}

static bool idempotent(const char *method) {
    size_t len = strlen(method);
    char *copy = exact(method, len);
    bool r = dcs_status_method_is_idempotent(copy, len);
    free(copy);
    return r;
}

/* Tue, 24 Nov 2026 12:00:00 GMT, the `now` of the shared vectors. */
#define NOW INT64_C(1795521600)

static void test_version(void) {
    CHECK_STR(dcs_status_version(), DCS_STATUS_VERSION);
    CHECK_INT(DCS_STATUS_VERSION_NUMBER,
              DCS_STATUS_VERSION_MAJOR * 10000 + DCS_STATUS_VERSION_MINOR * 100 +
                  DCS_STATUS_VERSION_PATCH);
    char expected[64];
    snprintf(expected, sizeof expected, "%d.%d.%d", DCS_STATUS_VERSION_MAJOR,
             DCS_STATUS_VERSION_MINOR, DCS_STATUS_VERSION_PATCH);
    CHECK_STR(dcs_status_version(), expected);
#if DCS_STATUS_VERSION_NUMBER < 100
#error "the combined version macro must be usable in #if"
#endif
}

static void test_table_iteration(void) {
    size_t count = dcs_status_count();
    CHECK_INT(count, 42);
    unsigned previous = 0;
    for (size_t i = 0; i < count; i++) {
        const dcs_status_entry *e = dcs_status_at(i);
        if (!CHECK(e != NULL)) {
            continue;
        }
        CHECK_INT(e->index, i);
        CHECK(e->code > previous); /* code order, no duplicates */
        previous = e->code;
        CHECK(e->code >= 100 && e->code <= 599);
        CHECK_INT(e->status_class, e->code / 100);
        CHECK(e->retry >= DCS_STATUS_RETRY_NONE && e->retry <= DCS_STATUS_RETRY_UNSPECIFIED);
        CHECK(e->name != NULL && e->name[0] != '\0');
        CHECK(e->ident != NULL && e->ident[0] != '\0');
        CHECK(e->phrase != NULL && e->phrase[0] != '\0');
        CHECK(e->description != NULL && e->description[0] != '\0');
        CHECK(dcs_status_get(e->code) == e); /* the same static entry, not a copy */
        CHECK(dcs_status_at(i) == e);        /* stable */
        /* 1xx-3xx are never errors: no retry advice. */
        if (e->code < 400) {
            CHECK_INT(e->retry, DCS_STATUS_RETRY_NONE);
        } else {
            CHECK(e->retry != DCS_STATUS_RETRY_NONE);
        }
    }
    CHECK(dcs_status_at(count) == NULL);
    CHECK(dcs_status_at(count + 1) == NULL);
    CHECK(dcs_status_at(SIZE_MAX) == NULL);
    CHECK(dcs_status_at(SIZE_MAX / 2) == NULL);
}

static void test_entry_429(void) {
    const dcs_status_entry *e = dcs_status_get(429);
    if (!CHECK(e != NULL)) {
        return;
    }
    CHECK_INT(e->code, 429);
    CHECK_STR(e->phrase, "Too Many Requests");
    CHECK_STR(e->ident, "TOO_MANY_REQUESTS");
    CHECK_INT(e->status_class, DCS_STATUS_CLASS_CLIENT_ERROR);
    CHECK_INT(e->retry, DCS_STATUS_RETRY_RETRY_AFTER);
    const dcs_status_entry *ok = dcs_status_get(200);
    if (CHECK(ok != NULL)) {
        CHECK_STR(ok->name, "OK");
        CHECK_STR(ok->description, "The server successfully processed the request.");
        CHECK_INT(ok->retry, DCS_STATUS_RETRY_NONE);
    }
    const dcs_status_entry *timeout = dcs_status_get(408);
    if (CHECK(timeout != NULL)) {
        CHECK_STR(timeout->name, "Request Time-out");
        CHECK_STR(timeout->ident, "REQUEST_TIME_OUT");
        CHECK_STR(timeout->phrase, "Request Timeout");
        CHECK_INT(timeout->retry, DCS_STATUS_RETRY_RETRY);
    }
}

static void test_get_any_value(void) {
    size_t found = 0;
    for (int64_t code = -1100; code <= 1100; code++) {
        const dcs_status_entry *e = dcs_status_get(code);
        if (e != NULL) {
            found++;
            CHECK_INT(e->code, code);
        }
    }
    CHECK_INT(found, dcs_status_count());
    /* No truncation to 16 or 32 bits: 404 + 2^16, 404 + 2^32 are not 404. */
    const int64_t never[] = {INT64_MIN, INT64_MIN + 404, -404, -1, 0, 1, 99, 418, 600, 999,
                             1000, 65535, 65536, 65536 + 404, INT64_C(4294967296) + 404,
                             INT64_MAX};
    for (size_t i = 0; i < sizeof never / sizeof never[0]; i++) {
        CHECK(dcs_status_get(never[i]) == NULL);
    }
}

/* The codes the inline lookup is compared on: a wide range around 100..599 and the
 * values where a bad range check, a truncation or an overflow of code - 100 would show. */
static const int64_t inline_extremes[] = {INT64_MIN,      INT64_MIN + 1,  INT64_MIN + 100,
                                          INT64_MIN + 404, -INT64_C(4294967296) + 404,
                                          INT64_C(4294967296) + 404, INT64_C(4294967296) + 100,
                                          65536 + 404,    INT64_MAX - 1,  INT64_MAX};

static void test_get_inline_agrees_with_get_for_every_code(void) {
    unsigned long mismatches = 0;
    size_t found = 0;
    for (int64_t code = -1000; code <= 2000; code++) {
        const dcs_status_entry *e = dcs_status_get_inline(code);
        if (e != dcs_status_get(code)) {
            mismatches++;
            fprintf(stderr, "    dcs_status_get_inline(%" PRId64 ") differs from dcs_status_get\n", code);
        }
        found += e != NULL;
    }
    CHECK_INT(mismatches, 0);
    CHECK_INT(found, dcs_status_count());
    for (size_t i = 0; i < sizeof inline_extremes / sizeof inline_extremes[0]; i++) {
        CHECK(dcs_status_get_inline(inline_extremes[i]) == NULL);
        CHECK(dcs_status_get_inline(inline_extremes[i]) == dcs_status_get(inline_extremes[i]));
    }
    CHECK(dcs_status_get_inline(99) == NULL);
    CHECK(dcs_status_get_inline(600) == NULL);
}

static void test_by_code_has_a_slot_per_code_100_to_599(void) {
    /* The size is part of the ABI: 500 slots, forever. */
    CHECK_INT(sizeof dcs_status_by_code / sizeof dcs_status_by_code[0], 500);
    size_t filled = 0;
    for (size_t slot = 0; slot < 500; slot++) {
        const dcs_status_entry *e = dcs_status_by_code[slot];
        int64_t code = (int64_t)slot + 100;
        if (e != NULL) {
            filled++;
            CHECK_INT(e->code, code);
        }
        if (!CHECK(e == dcs_status_get(code))) {
            fprintf(stderr, "    slot %zu (code %" PRId64 ")\n", slot, code);
        }
    }
    CHECK_INT(filled, dcs_status_count());
    /* Every entry of the table is in its code's slot: the same static entry. */
    for (size_t i = 0; i < dcs_status_count(); i++) {
        const dcs_status_entry *e = dcs_status_at(i);
        if (CHECK(e != NULL)) {
            CHECK(dcs_status_by_code[e->code - 100] == e);
        }
    }
}

static void test_lookup(void) {
    dcs_status_lookup_result r;
    CHECK_INT(dcs_status_lookup(404, &r), DCS_STATUS_RESULT_OK);
    CHECK_INT(r.code, 404);
    CHECK_INT(r.kind, DCS_STATUS_KIND_DOCUMENTED);
    CHECK_INT(r.status_class, DCS_STATUS_CLASS_CLIENT_ERROR);
    CHECK(r.entry == dcs_status_get(404));

    /* RFC 9110 section 15: an unrecognized code is read as its class's x00. */
    CHECK_INT(dcs_status_lookup(418, &r), DCS_STATUS_RESULT_OK);
    CHECK_INT(r.code, 418);
    CHECK_INT(r.kind, DCS_STATUS_KIND_UNRECOGNIZED);
    CHECK_INT(r.status_class, DCS_STATUS_CLASS_CLIENT_ERROR);
    CHECK(r.entry == dcs_status_get(400));

    CHECK_INT(dcs_status_lookup(777, &r), DCS_STATUS_RESULT_OK);
    CHECK_INT(r.kind, DCS_STATUS_KIND_INVALID);
    CHECK_INT(r.status_class, DCS_STATUS_CLASS_SERVER_ERROR);
    CHECK(r.entry == dcs_status_get(500));

    /* Every code of 100..999: consistent with dcs_status_get, class_of and retry_of. */
    for (int64_t code = 100; code <= 999; code++) {
        dcs_status_lookup_result l;
        dcs_status_class c = 0;
        dcs_status_retry rt = 0;
        if (!CHECK(dcs_status_lookup(code, &l) == DCS_STATUS_RESULT_OK)) {
            continue;
        }
        CHECK(l.entry != NULL);
        CHECK_INT(l.code, code);
        const dcs_status_entry *own = dcs_status_get(code);
        if (own != NULL) {
            CHECK(l.kind == DCS_STATUS_KIND_DOCUMENTED && l.entry == own);
        } else if (code < 600) {
            CHECK(l.kind == DCS_STATUS_KIND_UNRECOGNIZED && l.entry == dcs_status_get(code / 100 * 100));
        } else {
            CHECK(l.kind == DCS_STATUS_KIND_INVALID && l.entry == dcs_status_get(500));
        }
        CHECK_INT(l.status_class, code < 600 ? code / 100 : 5);
        CHECK(dcs_status_class_of(code, &c) == DCS_STATUS_RESULT_OK && c == l.status_class);
        CHECK(dcs_status_retry_of(code, &rt) == DCS_STATUS_RESULT_OK && l.entry != NULL &&
              rt == l.entry->retry);
    }

    /* Out of range: the error, and *out left unchanged. */
    const int64_t bad[] = {INT64_MIN, -404, -1, 0, 42, 99, 1000, 1404, 65536 + 404,
                           INT64_C(4294967296) + 404, INT64_MAX};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        dcs_status_lookup_result sentinel;
        memset(&sentinel, 0xA5, sizeof sentinel);
        dcs_status_lookup_result copy = sentinel;
        CHECK_INT(dcs_status_lookup(bad[i], &sentinel), DCS_STATUS_RESULT_ERR_NOT_A_STATUS_CODE);
        CHECK(memcmp(&sentinel, &copy, sizeof copy) == 0);
        dcs_status_class c = 77;
        CHECK_INT(dcs_status_class_of(bad[i], &c), DCS_STATUS_RESULT_ERR_NOT_A_STATUS_CODE);
        CHECK_INT(c, 77);
        dcs_status_retry rt = 77;
        CHECK_INT(dcs_status_retry_of(bad[i], &rt), DCS_STATUS_RESULT_ERR_NOT_A_STATUS_CODE);
        CHECK_INT(rt, 77);
        dcs_status_decision d = {DCS_STATUS_ACTION_DO_NOT_RETRY, 77};
        CHECK_INT(dcs_status_decide(bad[i], NULL, 0, NOW, true, &d),
                  DCS_STATUS_RESULT_ERR_NOT_A_STATUS_CODE);
    }

    /* NULL out pointers. */
    CHECK_INT(dcs_status_lookup(404, NULL), DCS_STATUS_RESULT_ERR_NULL_POINTER);
    CHECK_INT(dcs_status_class_of(404, NULL), DCS_STATUS_RESULT_ERR_NULL_POINTER);
    CHECK_INT(dcs_status_retry_of(404, NULL), DCS_STATUS_RESULT_ERR_NULL_POINTER);
}

static void test_class_and_retry_of(void) {
    dcs_status_class c;
    dcs_status_retry r;
    CHECK(dcs_status_class_of(100, &c) == DCS_STATUS_RESULT_OK && c == DCS_STATUS_CLASS_INFORMATIONAL);
    CHECK(dcs_status_class_of(204, &c) == DCS_STATUS_RESULT_OK && c == DCS_STATUS_CLASS_SUCCESS);
    CHECK(dcs_status_class_of(399, &c) == DCS_STATUS_RESULT_OK && c == DCS_STATUS_CLASS_REDIRECTION);
    CHECK(dcs_status_class_of(451, &c) == DCS_STATUS_RESULT_OK && c == DCS_STATUS_CLASS_CLIENT_ERROR);
    CHECK(dcs_status_class_of(999, &c) == DCS_STATUS_RESULT_OK && c == DCS_STATUS_CLASS_SERVER_ERROR);
    CHECK(dcs_status_retry_of(200, &r) == DCS_STATUS_RESULT_OK && r == DCS_STATUS_RETRY_NONE);
    CHECK(dcs_status_retry_of(408, &r) == DCS_STATUS_RESULT_OK && r == DCS_STATUS_RETRY_RETRY);
    CHECK(dcs_status_retry_of(413, &r) == DCS_STATUS_RESULT_OK && r == DCS_STATUS_RETRY_RETRY_AFTER);
    CHECK(dcs_status_retry_of(429, &r) == DCS_STATUS_RESULT_OK && r == DCS_STATUS_RETRY_RETRY_AFTER);
    CHECK(dcs_status_retry_of(404, &r) == DCS_STATUS_RESULT_OK && r == DCS_STATUS_RETRY_MODIFY_REQUEST);
    CHECK(dcs_status_retry_of(503, &r) == DCS_STATUS_RESULT_OK && r == DCS_STATUS_RETRY_MODIFY_REQUEST);
}

static void test_from_name(void) {
    const dcs_status_entry *e = NULL;
    CHECK_INT(from_name("not found", &e), DCS_STATUS_RESULT_OK);
    CHECK(e == dcs_status_get(404));
    CHECK_INT(from_name("TOO_MANY_REQUESTS", &e), DCS_STATUS_RESULT_OK);
    CHECK(e == dcs_status_get(429));

    /* Every entry's name, ident and phrase lead back to it. */
    for (size_t i = 0; i < dcs_status_count(); i++) {
        const dcs_status_entry *entry = dcs_status_at(i);
        const char *names[3];
        names[0] = entry->name;
        names[1] = entry->ident;
        names[2] = entry->phrase;
        for (size_t n = 0; n < 3; n++) {
            const dcs_status_entry *found = NULL;
            if (!CHECK(from_name(names[n], &found) == DCS_STATUS_RESULT_OK && found == entry)) {
                fprintf(stderr, "    name \"%s\" of %u\n", names[n], entry->code);
            }
        }
    }

    /* The length is honoured: no terminator is read, bytes past len are ignored. */
    const char not_terminated[] = {'n', 'o', 't', ' ', 'f', 'o', 'u', 'n', 'd', 'X'};
    e = NULL;
    CHECK_INT(dcs_status_from_name(not_terminated, 9, &e), DCS_STATUS_RESULT_OK);
    CHECK(e == dcs_status_get(404));
    CHECK_INT(dcs_status_from_name(not_terminated, 10, &e), DCS_STATUS_RESULT_ERR_UNKNOWN_NAME);
    CHECK_INT(dcs_status_from_name("OKAY", 2, &e), DCS_STATUS_RESULT_OK);
    CHECK(e == dcs_status_get(200));
    /* An embedded NUL is a byte like any other: not a terminator. */
    CHECK_INT(dcs_status_from_name("OK\0", 3, &e), DCS_STATUS_RESULT_ERR_UNKNOWN_NAME);

    /* Errors, with *out untouched. */
    const dcs_status_entry *sentinel = dcs_status_get(200);
    e = sentinel;
    CHECK_INT(from_name("", &e), DCS_STATUS_RESULT_ERR_UNKNOWN_NAME);
    CHECK_INT(from_name("no such status", &e), DCS_STATUS_RESULT_ERR_UNKNOWN_NAME);
    CHECK_INT(from_name("404", &e), DCS_STATUS_RESULT_ERR_UNKNOWN_NAME);
    CHECK_INT(dcs_status_from_name("x", 0, &e), DCS_STATUS_RESULT_ERR_UNKNOWN_NAME);
    CHECK_INT(dcs_status_from_name(NULL, 0, &e), DCS_STATUS_RESULT_ERR_NULL_POINTER);
    CHECK_INT(dcs_status_from_name(NULL, 9, &e), DCS_STATUS_RESULT_ERR_NULL_POINTER);
    CHECK_INT(dcs_status_from_name("not found", 9, NULL), DCS_STATUS_RESULT_ERR_NULL_POINTER);
    CHECK_INT(from_name("not \xff" "found", &e), DCS_STATUS_RESULT_ERR_INVALID_UTF8);
    CHECK_INT(from_name("\xc3", &e), DCS_STATUS_RESULT_ERR_INVALID_UTF8);          /* truncated */
    CHECK_INT(from_name("\xc0\xaf", &e), DCS_STATUS_RESULT_ERR_INVALID_UTF8);      /* overlong */
    CHECK_INT(from_name("\xed\xa0\x80", &e), DCS_STATUS_RESULT_ERR_INVALID_UTF8);  /* surrogate */
    /* A valid sequence cut by len is invalid UTF-8. */
    CHECK_INT(dcs_status_from_name("OK\xc3\xa9", 3, &e), DCS_STATUS_RESULT_ERR_INVALID_UTF8);
    CHECK(e == sentinel);
}

static void test_parse_retry_after(void) {
    uint64_t s = 0;
    CHECK_INT(parse("120", NOW, &s), DCS_STATUS_RESULT_OK);
    CHECK_U64(s, 120);
    CHECK_INT(parse("Tue, 24 Nov 2026 12:01:00 GMT", NOW, &s), DCS_STATUS_RESULT_OK);
    CHECK_U64(s, 60);
    CHECK_INT(parse("Tuesday, 24-Nov-26 12:02:00 GMT", NOW, &s), DCS_STATUS_RESULT_OK);
    CHECK_U64(s, 120);
    CHECK_INT(parse("Tue Nov 24 12:03:00 2026", NOW, &s), DCS_STATUS_RESULT_OK);
    CHECK_U64(s, 180);
    CHECK_INT(parse("Tue, 24 Nov 2026 11:00:00 GMT", NOW, &s), DCS_STATUS_RESULT_OK);
    CHECK_U64(s, 0); /* the past means now */
    CHECK_INT(parse("99999999999999999999999", NOW, &s), DCS_STATUS_RESULT_OK);
    CHECK_U64(s, UINT64_MAX);
    CHECK_INT(parse(" \t 5 \t", NOW, &s), DCS_STATUS_RESULT_OK);
    CHECK_U64(s, 5);
    /* Extreme `now` values must not overflow. */
    CHECK_INT(parse("Tue, 24 Nov 2026 12:01:00 GMT", INT64_MIN, &s), DCS_STATUS_RESULT_OK);
    CHECK_INT(parse("Tue, 24 Nov 2026 12:01:00 GMT", INT64_MAX, &s), DCS_STATUS_RESULT_OK);
    CHECK_U64(s, 0);
    CHECK_INT(parse("30", INT64_MIN, &s), DCS_STATUS_RESULT_OK);
    CHECK_U64(s, 30);

    /* The length is honoured. */
    const char digits[] = {'1', '2', '3', '4'};
    CHECK_INT(dcs_status_parse_retry_after(digits, 2, NOW, &s), DCS_STATUS_RESULT_OK);
    CHECK_U64(s, 12);
    CHECK_INT(dcs_status_parse_retry_after("7\0" "8", 3, NOW, &s),
              DCS_STATUS_RESULT_ERR_RETRY_AFTER_INVALID_DELAY);

    /* Errors, with *out_seconds untouched. */
    s = 4242;
    CHECK_INT(parse("", NOW, &s), DCS_STATUS_RESULT_ERR_RETRY_AFTER_EMPTY);
    CHECK_INT(parse(" \t ", NOW, &s), DCS_STATUS_RESULT_ERR_RETRY_AFTER_EMPTY);
    CHECK_INT(dcs_status_parse_retry_after("120", 0, NOW, &s), DCS_STATUS_RESULT_ERR_RETRY_AFTER_EMPTY);
    CHECK_INT(parse("-1", NOW, &s), DCS_STATUS_RESULT_ERR_RETRY_AFTER_INVALID_DELAY);
    CHECK_INT(parse("1.5", NOW, &s), DCS_STATUS_RESULT_ERR_RETRY_AFTER_INVALID_DELAY);
    CHECK_INT(parse("Someday", NOW, &s), DCS_STATUS_RESULT_ERR_RETRY_AFTER_INVALID_DATE);
    CHECK_INT(parse("Tue, 31 Nov 2026 12:00:00 GMT", NOW, &s),
              DCS_STATUS_RESULT_ERR_RETRY_AFTER_IMPOSSIBLE_DATE);
    CHECK_INT(parse("Tue, 24 Nov 2026 25:00:00 GMT", NOW, &s),
              DCS_STATUS_RESULT_ERR_RETRY_AFTER_IMPOSSIBLE_DATE);
    CHECK_INT(parse("12\xff", NOW, &s), DCS_STATUS_RESULT_ERR_INVALID_UTF8);
    CHECK_INT(parse("Tue, 24 Nov 2026 12:01:00 GM\xc3", NOW, &s), DCS_STATUS_RESULT_ERR_INVALID_UTF8);
    CHECK_INT(dcs_status_parse_retry_after(NULL, 0, NOW, &s), DCS_STATUS_RESULT_ERR_NULL_POINTER);
    CHECK_INT(dcs_status_parse_retry_after(NULL, 3, NOW, &s), DCS_STATUS_RESULT_ERR_NULL_POINTER);
    CHECK_INT(dcs_status_parse_retry_after("120", 3, NOW, NULL), DCS_STATUS_RESULT_ERR_NULL_POINTER);
    CHECK_U64(s, 4242);
}

static dcs_status_decision decide(int64_t code, const char *retry_after, bool idem) {
    dcs_status_decision d;
    d.action = 0;
    d.delay_seconds = 999999;
    dcs_status_result r;
    if (retry_after == NULL) {
        r = dcs_status_decide(code, NULL, 0, NOW, idem, &d);
    } else {
        size_t len = strlen(retry_after);
        char *copy = exact(retry_after, len);
        r = dcs_status_decide(code, copy, len, NOW, idem, &d);
        free(copy);
    }
    CHECK_INT(r, DCS_STATUS_RESULT_OK);
    return d;
}

static void test_decide(void) {
    dcs_status_decision d;
    d = decide(429, "Tue, 24 Nov 2026 12:01:00 GMT", false);
    CHECK_INT(d.action, DCS_STATUS_ACTION_RETRY_AFTER);
    CHECK_U64(d.delay_seconds, 60);
    d = decide(503, "120", true);
    CHECK_INT(d.action, DCS_STATUS_ACTION_RETRY_AFTER);
    CHECK_U64(d.delay_seconds, 120);
    d = decide(429, NULL, false);
    CHECK_INT(d.action, DCS_STATUS_ACTION_RETRY_WITH_BACKOFF);
    CHECK_U64(d.delay_seconds, 0);
    d = decide(200, "10", true);
    CHECK_INT(d.action, DCS_STATUS_ACTION_DO_NOT_RETRY);
    CHECK_U64(d.delay_seconds, 0);
    d = decide(500, NULL, true);
    CHECK_INT(d.action, DCS_STATUS_ACTION_RETRY_WITH_BACKOFF);
    d = decide(500, NULL, false);
    CHECK_INT(d.action, DCS_STATUS_ACTION_DO_NOT_RETRY);
    d = decide(404, "10", true);
    CHECK_INT(d.action, DCS_STATUS_ACTION_DO_NOT_RETRY);

    /* A Retry-After that does not parse (invalid UTF-8 included) counts as absent. */
    d = decide(429, "soon", false);
    CHECK_INT(d.action, DCS_STATUS_ACTION_RETRY_WITH_BACKOFF);
    d = decide(429, "12\xff", false);
    CHECK_INT(d.action, DCS_STATUS_ACTION_RETRY_WITH_BACKOFF);
    d = decide(413, "", false);
    CHECK_INT(d.action, DCS_STATUS_ACTION_DO_NOT_RETRY);
    /* NULL with a length is "no header", not a crash. */
    dcs_status_decision nd;
    CHECK_INT(dcs_status_decide(429, NULL, 100, NOW, false, &nd), DCS_STATUS_RESULT_OK);
    CHECK_INT(nd.action, DCS_STATUS_ACTION_RETRY_WITH_BACKOFF);
    /* The length is honoured: "1205" cut to "12". */
    CHECK_INT(dcs_status_decide(429, "1205", 2, NOW, false, &nd), DCS_STATUS_RESULT_OK);
    CHECK_INT(nd.action, DCS_STATUS_ACTION_RETRY_AFTER);
    CHECK_U64(nd.delay_seconds, 12);

    CHECK_INT(dcs_status_decide(429, "10", 2, NOW, false, NULL), DCS_STATUS_RESULT_ERR_NULL_POINTER);
}

static void test_method_is_idempotent(void) {
    const char *yes[] = {"GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE"};
    const char *no[] = {"POST", "PATCH", "CONNECT", "get", "Get", "", "GETS", " GET", "DELETE\xff"};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
        if (!CHECK(idempotent(yes[i]))) {
            fprintf(stderr, "    method %s\n", yes[i]);
        }
    }
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++) {
        if (!CHECK(!idempotent(no[i]))) {
            fprintf(stderr, "    method %s\n", no[i]);
        }
    }
    CHECK(dcs_status_method_is_idempotent("GETX", 3));
    CHECK(!dcs_status_method_is_idempotent("GET", 2));
    CHECK(!dcs_status_method_is_idempotent(NULL, 0));
    CHECK(!dcs_status_method_is_idempotent(NULL, 3));
}

static void test_result_message(void) {
    const char *messages[10];
    for (uint32_t r = 0; r <= 9; r++) {
        messages[r] = dcs_status_result_message(r);
        CHECK(messages[r] != NULL && messages[r][0] != '\0');
        CHECK(strcmp(messages[r], "unknown dcs_status_result value") != 0);
        for (uint32_t q = 0; q < r; q++) {
            CHECK(strcmp(messages[q], messages[r]) != 0); /* each one says something else */
        }
    }
    CHECK_STR(dcs_status_result_message(DCS_STATUS_RESULT_OK), "success");
    CHECK_STR(dcs_status_result_message(DCS_STATUS_RESULT_ERR_NULL_POINTER),
              "a required pointer argument was NULL");
    CHECK_STR(dcs_status_result_message(10), "unknown dcs_status_result value");
    CHECK_STR(dcs_status_result_message(UINT32_MAX), "unknown dcs_status_result value");
    CHECK_STR(dcs_status_result_message(0x80000000u), "unknown dcs_status_result value");
}

static void test_enum_names(void) {
    CHECK_STR(dcs_status_class_name(DCS_STATUS_CLASS_INFORMATIONAL), "informational");
    CHECK_STR(dcs_status_class_name(DCS_STATUS_CLASS_SUCCESS), "success");
    CHECK_STR(dcs_status_class_name(DCS_STATUS_CLASS_REDIRECTION), "redirection");
    CHECK_STR(dcs_status_class_name(DCS_STATUS_CLASS_CLIENT_ERROR), "client_error");
    CHECK_STR(dcs_status_class_name(DCS_STATUS_CLASS_SERVER_ERROR), "server_error");
    CHECK_STR(dcs_status_class_name(0), NULL);
    CHECK_STR(dcs_status_class_name(6), NULL);
    CHECK_STR(dcs_status_class_name(UINT32_MAX), NULL);

    CHECK_STR(dcs_status_retry_name(DCS_STATUS_RETRY_NONE), "none");
    CHECK_STR(dcs_status_retry_name(DCS_STATUS_RETRY_RETRY), "retry");
    CHECK_STR(dcs_status_retry_name(DCS_STATUS_RETRY_RETRY_AFTER), "retry_after");
    CHECK_STR(dcs_status_retry_name(DCS_STATUS_RETRY_MODIFY_REQUEST), "modify_request");
    CHECK_STR(dcs_status_retry_name(DCS_STATUS_RETRY_UNSPECIFIED), "unspecified");
    CHECK_STR(dcs_status_retry_name(0), NULL);
    CHECK_STR(dcs_status_retry_name(6), NULL);
    CHECK_STR(dcs_status_retry_name(UINT32_MAX), NULL);

    CHECK_STR(dcs_status_kind_name(DCS_STATUS_KIND_DOCUMENTED), "documented");
    CHECK_STR(dcs_status_kind_name(DCS_STATUS_KIND_UNRECOGNIZED), "unrecognized");
    CHECK_STR(dcs_status_kind_name(DCS_STATUS_KIND_INVALID), "invalid");
    CHECK_STR(dcs_status_kind_name(0), NULL);
    CHECK_STR(dcs_status_kind_name(4), NULL);
    CHECK_STR(dcs_status_kind_name(UINT32_MAX), NULL);

    CHECK_STR(dcs_status_action_name(DCS_STATUS_ACTION_DO_NOT_RETRY), "do_not_retry");
    CHECK_STR(dcs_status_action_name(DCS_STATUS_ACTION_RETRY_AFTER), "retry_after");
    CHECK_STR(dcs_status_action_name(DCS_STATUS_ACTION_RETRY_WITH_BACKOFF), "retry_with_backoff");
    CHECK_STR(dcs_status_action_name(0), NULL);
    CHECK_STR(dcs_status_action_name(4), NULL);
    CHECK_STR(dcs_status_action_name(UINT32_MAX), NULL);
}

static void test_enum_values_are_fixed(void) {
    /* The numbers are ABI: they must never change. */
    CHECK_INT(DCS_STATUS_RESULT_OK, 0);
    CHECK_INT(DCS_STATUS_RESULT_ERR_NULL_POINTER, 1);
    CHECK_INT(DCS_STATUS_RESULT_ERR_NOT_A_STATUS_CODE, 2);
    CHECK_INT(DCS_STATUS_RESULT_ERR_UNKNOWN_NAME, 3);
    CHECK_INT(DCS_STATUS_RESULT_ERR_INVALID_UTF8, 4);
    CHECK_INT(DCS_STATUS_RESULT_ERR_RETRY_AFTER_EMPTY, 5);
    CHECK_INT(DCS_STATUS_RESULT_ERR_RETRY_AFTER_INVALID_DELAY, 6);
    CHECK_INT(DCS_STATUS_RESULT_ERR_RETRY_AFTER_INVALID_DATE, 7);
    CHECK_INT(DCS_STATUS_RESULT_ERR_RETRY_AFTER_IMPOSSIBLE_DATE, 8);
    CHECK_INT(DCS_STATUS_RESULT_ERR_PANIC, 9);
    CHECK_INT(DCS_STATUS_ACTION_DO_NOT_RETRY, 1);
    CHECK_INT(DCS_STATUS_ACTION_RETRY_AFTER, 2);
    CHECK_INT(DCS_STATUS_ACTION_RETRY_WITH_BACKOFF, 3);
    CHECK_INT(DCS_STATUS_KIND_DOCUMENTED, 1);
    CHECK_INT(DCS_STATUS_KIND_INVALID, 3);
    CHECK_INT(sizeof(dcs_status_result), 4);
    CHECK_INT(sizeof(dcs_status_class), 4);
}

int main(void) {
    test_version();
    test_table_iteration();
    test_entry_429();
    test_get_any_value();
    test_get_inline_agrees_with_get_for_every_code();
    test_by_code_has_a_slot_per_code_100_to_599();
    test_lookup();
    test_class_and_retry_of();
    test_from_name();
    test_parse_retry_after();
    test_decide();
    test_method_is_idempotent();
    test_result_message();
    test_enum_names();
    test_enum_values_are_fixed();
    CHECK_SUMMARY("test_api");
}
