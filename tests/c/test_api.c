/*
 * test_api.c: every function of include/dcs_status.h, called from plain C99 (and the
 * header's static inline dcs_status_get_inline over the exported dcs_status_by_code),
 * for what the C ABI adds to the core: NULL pointers, lengths without a NUL
 * terminator, invalid UTF-8, out-of-range codes, indexes and enum values, output
 * left untouched on error, the renderers' snprintf contract, and the fixed enum
 * values. Each bad input must give its documented error value, never a crash (ASan,
 * UBSan and valgrind runs of this program check the "never a crash" part). What the
 * answers are (names, Retry-After, decisions, messages) is the shared vectors' job:
 * test_vectors.c.
 *
 * Every string handed to the library lives in a heap block of exactly its length,
 * with no terminator: a library that read one byte too far would be caught.
 */
#include <dcs_status.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "render_check.h"

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
    CHECK(count > 0); /* the exact table is compared with the CLI's: test_table_json.c */
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
        CHECK(dcs_status_retry_advice_name(e->retry_advice) != NULL);
        CHECK(e->name != NULL && e->name[0] != '\0');
        CHECK(e->ident != NULL && e->ident[0] != '\0');
        CHECK(e->phrase != NULL && e->phrase[0] != '\0');
        CHECK(e->description != NULL && e->description[0] != '\0');
        CHECK(dcs_status_get(e->code) == e); /* the same static entry, not a copy */
        CHECK(dcs_status_at(i) == e);        /* stable */
        /* 1xx-3xx are never errors: no retry advice. */
        if (e->code < 400) {
            CHECK_INT(e->retry_advice, DCS_STATUS_RETRY_ADVICE_NONE);
        } else {
            CHECK(e->retry_advice != DCS_STATUS_RETRY_ADVICE_NONE);
        }
        CHECK(dcs_status_class_is_error(e->status_class) == (e->code >= 400));
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
    CHECK_INT(e->retry_advice, DCS_STATUS_RETRY_ADVICE_RETRY_AFTER);
    const dcs_status_entry *ok = dcs_status_get(200);
    if (CHECK(ok != NULL)) {
        CHECK_STR(ok->name, "OK");
        CHECK_STR(ok->description, "The server successfully processed the request.");
        CHECK_INT(ok->retry_advice, DCS_STATUS_RETRY_ADVICE_NONE);
    }
    const dcs_status_entry *timeout = dcs_status_get(408);
    if (CHECK(timeout != NULL)) {
        CHECK_STR(timeout->name, "Request Time-out");
        CHECK_STR(timeout->ident, "REQUEST_TIME_OUT");
        CHECK_STR(timeout->phrase, "Request Timeout");
        CHECK_INT(timeout->retry_advice, DCS_STATUS_RETRY_ADVICE_RETRY);
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
    CHECK_INT(r.kind, DCS_STATUS_LOOKUP_KIND_DOCUMENTED);
    CHECK_INT(r.status_class, DCS_STATUS_CLASS_CLIENT_ERROR);
    CHECK(r.entry == dcs_status_get(404));

    /* Every code of 100..999: the functions agree with each other (what the answers
     * are is lookups.json's job). */
    for (int64_t code = 100; code <= 999; code++) {
        dcs_status_lookup_result l;
        dcs_status_class c = 0;
        dcs_status_retry_advice advice = 0;
        if (!CHECK(dcs_status_lookup(code, &l) == DCS_STATUS_RESULT_OK)) {
            continue;
        }
        CHECK_INT(l.code, code);
        if (!CHECK(l.entry != NULL)) {
            continue;
        }
        const dcs_status_entry *own = dcs_status_get(code);
        CHECK((l.kind == DCS_STATUS_LOOKUP_KIND_DOCUMENTED) == (own != NULL));
        CHECK(own == NULL || l.entry == own);
        CHECK_INT(l.entry->status_class, l.status_class);
        CHECK(dcs_status_lookup_kind_name(l.kind) != NULL);
        CHECK(dcs_status_class_of(code, &c) == DCS_STATUS_RESULT_OK && c == l.status_class);
        CHECK(dcs_status_retry_advice_of(code, &advice) == DCS_STATUS_RESULT_OK &&
              advice == l.entry->retry_advice);
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
        dcs_status_retry_advice advice = 77;
        CHECK_INT(dcs_status_retry_advice_of(bad[i], &advice), DCS_STATUS_RESULT_ERR_NOT_A_STATUS_CODE);
        CHECK_INT(advice, 77);
        dcs_status_decision d = {DCS_STATUS_ACTION_DO_NOT_RETRY, 77};
        CHECK_INT(dcs_status_decide(bad[i], NULL, 0, NOW, true, &d),
                  DCS_STATUS_RESULT_ERR_NOT_A_STATUS_CODE);
        CHECK_U64(d.delay_seconds, 77);
    }

    /* NULL out pointers, checked before the code. */
    CHECK_INT(dcs_status_lookup(404, NULL), DCS_STATUS_RESULT_ERR_NULL_POINTER);
    CHECK_INT(dcs_status_lookup(42, NULL), DCS_STATUS_RESULT_ERR_NULL_POINTER);
    CHECK_INT(dcs_status_class_of(404, NULL), DCS_STATUS_RESULT_ERR_NULL_POINTER);
    CHECK_INT(dcs_status_retry_advice_of(404, NULL), DCS_STATUS_RESULT_ERR_NULL_POINTER);
}

static void test_from_name(void) {
    const dcs_status_entry *e = NULL;
    CHECK_INT(from_name("not found", &e), DCS_STATUS_RESULT_OK);
    CHECK(e == dcs_status_get(404));

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
    /* A long unknown name (1000 bytes, and 1 MB): an error, not a crash. */
    char *long_name = malloc(1u << 20);
    if (CHECK(long_name != NULL)) {
        memset(long_name, 'a', 1u << 20);
        CHECK_INT(dcs_status_from_name(long_name, 1000, &e), DCS_STATUS_RESULT_ERR_UNKNOWN_NAME);
        CHECK_INT(dcs_status_from_name(long_name, 1u << 20, &e), DCS_STATUS_RESULT_ERR_UNKNOWN_NAME);
        free(long_name);
    }
    CHECK(e == sentinel);
}

static void test_parse_retry_after(void) {
    uint64_t s = 0;
    CHECK_INT(parse("120", NOW, &s), DCS_STATUS_RESULT_OK);
    CHECK_U64(s, 120);
    CHECK_INT(parse(" \t 5 \t", NOW, &s), DCS_STATUS_RESULT_OK);
    CHECK_U64(s, 5);
    /* Any `now`: no overflow at the ends of int64_t (the vectors have the exact values). */
    const int64_t nows[] = {INT64_MIN, INT64_MIN + 1, -1, 0, INT64_MAX - 1, INT64_MAX};
    const char *dates[] = {"Tue, 24 Nov 2026 12:01:00 GMT", "Friday, 31-Dec-96 00:00:00 GMT",
                           "Sunday, 06-Nov-94 08:49:37 GMT", "Tue Nov 24 12:03:00 2026"};
    for (size_t n = 0; n < sizeof nows / sizeof nows[0]; n++) {
        for (size_t d = 0; d < sizeof dates / sizeof dates[0]; d++) {
            CHECK_INT(parse(dates[d], nows[n], &s), DCS_STATUS_RESULT_OK);
        }
    }

    /* The length is honoured. */
    const char digits[] = {'1', '2', '3', '4'};
    CHECK_INT(dcs_status_parse_retry_after(digits, 2, NOW, &s), DCS_STATUS_RESULT_OK);
    CHECK_U64(s, 12);
    CHECK_INT(dcs_status_parse_retry_after("7\0" "8", 3, NOW, &s),
              DCS_STATUS_RESULT_ERR_RETRY_AFTER_INVALID_DELAY);

    /* Errors, with *out_seconds untouched. */
    s = 4242;
    CHECK_INT(dcs_status_parse_retry_after("120", 0, NOW, &s), DCS_STATUS_RESULT_ERR_RETRY_AFTER_EMPTY);
    CHECK_INT(parse("-1", NOW, &s), DCS_STATUS_RESULT_ERR_RETRY_AFTER_INVALID_DELAY);
    CHECK_INT(parse("12\xff", NOW, &s), DCS_STATUS_RESULT_ERR_INVALID_UTF8);
    CHECK_INT(parse("Tue, 24 Nov 2026 12:01:00 GM\xc3", NOW, &s), DCS_STATUS_RESULT_ERR_INVALID_UTF8);
    CHECK_INT(dcs_status_parse_retry_after(NULL, 0, NOW, &s), DCS_STATUS_RESULT_ERR_NULL_POINTER);
    CHECK_INT(dcs_status_parse_retry_after(NULL, 3, NOW, &s), DCS_STATUS_RESULT_ERR_NULL_POINTER);
    CHECK_INT(dcs_status_parse_retry_after("120", 3, NOW, NULL), DCS_STATUS_RESULT_ERR_NULL_POINTER);
    CHECK_U64(s, 4242);
}

static void test_decide(void) {
    dcs_status_decision d;
    /* A Retry-After of invalid UTF-8 counts as absent, as one that does not parse. */
    char *bad = exact("12\xff", 3);
    CHECK_INT(dcs_status_decide(429, bad, 3, NOW, false, &d), DCS_STATUS_RESULT_OK);
    CHECK_INT(d.action, DCS_STATUS_ACTION_RETRY_WITH_BACKOFF);
    CHECK_U64(d.delay_seconds, 0);
    free(bad);
    /* NULL with a length is "no header", not a crash. */
    CHECK_INT(dcs_status_decide(429, NULL, 100, NOW, false, &d), DCS_STATUS_RESULT_OK);
    CHECK_INT(d.action, DCS_STATUS_ACTION_RETRY_WITH_BACKOFF);
    /* The length is honoured: "1205" cut to "12". */
    CHECK_INT(dcs_status_decide(429, "1205", 2, NOW, false, &d), DCS_STATUS_RESULT_OK);
    CHECK_INT(d.action, DCS_STATUS_ACTION_RETRY_AFTER);
    CHECK_U64(d.delay_seconds, 12);
    /* Any `now`. */
    CHECK_INT(dcs_status_decide(503, "Friday, 31-Dec-96 00:00:00 GMT", 30, INT64_MAX, true, &d),
              DCS_STATUS_RESULT_OK);
    CHECK_INT(d.action, DCS_STATUS_ACTION_RETRY_AFTER);
    CHECK(d.delay_seconds > 0);

    CHECK_INT(dcs_status_decide(429, "10", 2, NOW, false, NULL), DCS_STATUS_RESULT_ERR_NULL_POINTER);
}

static void test_method_is_idempotent(void) {
    /* Which methods are idempotent is methods.json's; here, the pointer and length. */
    CHECK(dcs_status_method_is_idempotent("GETX", 3));
    CHECK(!dcs_status_method_is_idempotent("GET", 2));
    CHECK(!dcs_status_method_is_idempotent("GET\0", 4));
    CHECK(!dcs_status_method_is_idempotent(NULL, 0));
    CHECK(!dcs_status_method_is_idempotent(NULL, 3));
    char *get = exact("GET", 3);
    CHECK(dcs_status_method_is_idempotent(get, 3));
    free(get);
}

/* Whether the C string `s` starts with `prefix`. */
static bool starts_with(const char *s, const char *prefix) {
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Where the C string `needle` starts in `haystack` (the first time), or NULL. */
static const char *at(const char *haystack, const char *needle) { return strstr(haystack, needle); }

static void test_catalogue_iteration(void) {
    size_t count = dcs_status_catalogue_count();
    CHECK(count > 0); /* the exact catalogue is the shared vectors' and the CLI's job */
    for (size_t i = 0; i < count; i++) {
        const dcs_status_catalogue_entry *e = dcs_status_catalogue_at(i);
        if (!CHECK(e != NULL)) {
            continue;
        }
        CHECK_INT(e->index, i);
        CHECK(e->code != NULL && e->code[0] != '\0' && strchr(e->code, ' ') == NULL);
        CHECK(e->message != NULL && e->description != NULL && e->solution != NULL);
        CHECK(dcs_status_error_advice_name(e->advice) != NULL);
        /* The status is in the status table, and the entry points at its entry. */
        CHECK(e->status_entry != NULL && e->status_entry == dcs_status_get(e->status));
        /* Found by its own code, as the same static entry; no other entry has it. */
        const dcs_status_catalogue_entry *found = NULL;
        char *code = exact(e->code, strlen(e->code));
        CHECK_INT(dcs_status_catalogue_lookup(code, strlen(e->code), &found), DCS_STATUS_RESULT_OK);
        free(code);
        CHECK(found == e);
        for (size_t k = 0; k < i; k++) {
            CHECK(strcmp(dcs_status_catalogue_at(k)->code, e->code) != 0);
        }
    }
    CHECK(dcs_status_catalogue_at(count) == NULL);
    CHECK(dcs_status_catalogue_at(SIZE_MAX) == NULL);
}

static void test_catalogue_lookup(void) {
    static const dcs_status_catalogue_entry untouched;
    const dcs_status_catalogue_entry *e = &untouched;
    CHECK_INT(dcs_status_catalogue_lookup(NULL, 8, &e), DCS_STATUS_RESULT_ERR_NULL_POINTER);
    CHECK_INT(dcs_status_catalogue_lookup(NULL, 0, &e), DCS_STATUS_RESULT_ERR_NULL_POINTER);
    CHECK_INT(dcs_status_catalogue_lookup("DCS.4111", 8, NULL), DCS_STATUS_RESULT_ERR_NULL_POINTER);
    CHECK(e == &untouched);
    /* The length counts, not a terminator: "DCS.41115" cut to 8 bytes is DCS.4111. */
    CHECK_INT(dcs_status_catalogue_lookup("DCS.41115", 8, &e), DCS_STATUS_RESULT_OK);
    CHECK(e != &untouched && e != NULL && strcmp(e->code, "DCS.4111") == 0);
    e = &untouched;
    const char *unknown[] = {"", "DCS.9999", "DCS.4111\0", "\xff\xfe", "DCS-4111"};
    const size_t lens[] = {0, 8, 9, 2, 8};
    for (size_t i = 0; i < sizeof lens / sizeof lens[0]; i++) {
        char *code = exact(unknown[i], lens[i]);
        CHECK_INT(dcs_status_catalogue_lookup(code, lens[i], &e),
                  DCS_STATUS_RESULT_ERR_UNKNOWN_ERROR_CODE);
        free(code);
    }
    CHECK(e == &untouched);
    /* Huge input: whitespace is forgiven at any length; garbage is unknown, quoted short. */
    size_t huge = (size_t)1 << 20;
    char *input = malloc(huge);
    if (CHECK(input != NULL)) {
        memset(input, ' ', huge);
        memcpy(input + huge - 8, "dcs.4855", 8);
        CHECK_INT(dcs_status_catalogue_lookup(input, huge, &e), DCS_STATUS_RESULT_OK);
        CHECK(e != NULL && strcmp(e->code, "DCS.4855") == 0);
        memset(input, 'x', huge);
        CHECK_INT(dcs_status_catalogue_lookup(input, huge, &e),
                  DCS_STATUS_RESULT_ERR_UNKNOWN_ERROR_CODE);
        char buf[512];
        size_t n = dcs_status_error_message(DCS_STATUS_RESULT_ERR_UNKNOWN_ERROR_CODE, input, huge,
                                            buf, sizeof buf);
        CHECK(n < sizeof buf && strstr(buf, "\"… (1048576 bytes): not in the error-code catalogue") != NULL);
        n = dcs_status_catalogue_explain(input, huge, buf, sizeof buf);
        CHECK(n < sizeof buf && starts_with(buf, "unknown DCS error code \"xxx"));
        free(input);
    }
    char buf[1024];
    dcs_status_catalogue_explain(NULL, 3, buf, sizeof buf);
    CHECK_STR(buf, "a required pointer argument was NULL");
    dcs_status_catalogue_explain(" dcs. 4111 ", 11, buf, sizeof buf);
    CHECK(starts_with(buf, "DCS error code DCS.4111\n  status:      400 Bad Request,"));
}

/* Whether `text` is exactly the `len` bytes at `at` (a slice of that very buffer). */
static bool slice_of(dcs_status_text text, const char *at, size_t len, bool escaped) {
    return text.ptr == at && text.len == len && text.escaped == escaped;
}

static bool absent(dcs_status_text text) { return text.ptr == NULL && text.len == 0 && !text.escaped; }

static void test_parse_error_body(void) {
    const char doc[] = "{\"error_msg\":\"say \\\"hi\\\"\",\"error_code\":\"DCS.4855\",\"error_ext_msg\":null,"
                       "\"request_id\":\"r-1\"}";
    size_t len = sizeof doc - 1;
    char *body = exact(doc, len);
    dcs_status_error_body out;
    CHECK_INT(dcs_status_parse_error_body(body, len, &out), DCS_STATUS_RESULT_OK);
    /* Each text is a slice of the caller's body: pointer and length, escapes kept. */
    CHECK(slice_of(out.error_msg, body + (at(doc, "say") - doc), 10, true));
    CHECK(slice_of(out.error_code, body + (at(doc, "DCS.") - doc), 8, false));
    CHECK(absent(out.error_ext_msg));
    CHECK(slice_of(out.request_id, body + len - 5, 3, false));
    CHECK(out.catalogue != NULL && strcmp(out.catalogue->code, "DCS.4855") == 0);
    char text[32];
    CHECK_INT(dcs_status_text_decode(&out.error_msg, text, sizeof text), 8);
    CHECK_STR(text, "say \"hi\"");

    /* NULL: the output, or a body with a length, is an error; NULL with 0 is empty. */
    dcs_status_error_body kept;
    memset(&kept, 0x5A, sizeof kept);
    CHECK_INT(dcs_status_parse_error_body(NULL, 5, &kept), DCS_STATUS_RESULT_ERR_NULL_POINTER);
    CHECK_INT(dcs_status_parse_error_body(body, len, NULL), DCS_STATUS_RESULT_ERR_NULL_POINTER);
    CHECK(kept.error_code.len == (size_t)0x5A5A5A5A5A5A5A5Aull);
    CHECK_INT(dcs_status_parse_error_body(NULL, 0, &out), DCS_STATUS_RESULT_OK);
    CHECK(absent(out.error_code) && absent(out.error_msg) && absent(out.request_id) &&
          out.catalogue == NULL);
    free(body);

    /* Anything else is no code, never an error: invalid UTF-8, cut short, not JSON. */
    const char *junk[] = {"\xff\xfe{}", "{\"error_code\":\"DCS.4855\"", "<html>", "[1]", "{\"a\":\"\xc3\"}"};
    for (size_t i = 0; i < sizeof junk / sizeof junk[0]; i++) {
        char *copy = exact(junk[i], strlen(junk[i]));
        CHECK_INT(dcs_status_parse_error_body(copy, strlen(junk[i]), &out), DCS_STATUS_RESULT_OK);
        CHECK(absent(out.error_code) && absent(out.error_msg) && out.catalogue == NULL);
        free(copy);
    }

    /* A huge body: 1 MB of padding before the code, read in one pass. */
    size_t huge = (size_t)1 << 20;
    char *big = malloc(huge);
    if (CHECK(big != NULL)) {
        const char head[] = "{\"padding\":\"";
        const char tail[] = "\",\"error_code\":\"DCS.4111\"}";
        memcpy(big, head, sizeof head - 1);
        memset(big + sizeof head - 1, 'x', huge - (sizeof head - 1) - (sizeof tail - 1));
        memcpy(big + huge - (sizeof tail - 1), tail, sizeof tail - 1);
        CHECK_INT(dcs_status_parse_error_body(big, huge, &out), DCS_STATUS_RESULT_OK);
        CHECK(out.catalogue != NULL && slice_of(out.error_code, big + huge - 10, 8, false));
        free(big);
    }
}

/* A header over string literals. */
static dcs_status_header header(const char *name, const char *value) {
    dcs_status_header h = {name, strlen(name), value, strlen(value)};
    return h;
}

static void test_resolve_request_id(void) {
    dcs_status_header headers[3];
    headers[0] = header("X-Openstack-Request-Id", "os");
    headers[1] = header("Content-Type", "application/json");
    headers[2] = header("x-REQUEST-id", " \thdr\t ");
    dcs_status_text body_id = {"body", 4, false};
    dcs_status_text id;
    CHECK_INT(dcs_status_resolve_request_id(headers, 3, &body_id, &id), DCS_STATUS_RESULT_OK);
    CHECK(slice_of(id, headers[2].value + 2, 3, false)); /* trimmed, in the value itself */
    CHECK_INT(dcs_status_resolve_request_id(headers, 2, &body_id, &id), DCS_STATUS_RESULT_OK);
    CHECK(slice_of(id, body_id.ptr, 4, false));
    CHECK_INT(dcs_status_resolve_request_id(headers, 2, NULL, &id), DCS_STATUS_RESULT_OK);
    CHECK(slice_of(id, headers[0].value, 2, false));
    CHECK_INT(dcs_status_resolve_request_id(NULL, 0, NULL, &id), DCS_STATUS_RESULT_OK);
    CHECK(absent(id));

    /* Bad pointers and bytes, each a documented error; *out untouched. */
    dcs_status_text kept = {"kept", 4, true};
    CHECK_INT(dcs_status_resolve_request_id(headers, 3, NULL, NULL), DCS_STATUS_RESULT_ERR_NULL_POINTER);
    CHECK_INT(dcs_status_resolve_request_id(NULL, 1, NULL, &kept), DCS_STATUS_RESULT_ERR_NULL_POINTER);
    dcs_status_header bad = {NULL, 3, "v", 1};
    CHECK_INT(dcs_status_resolve_request_id(&bad, 1, NULL, &kept), DCS_STATUS_RESULT_ERR_NULL_POINTER);
    bad.name = "X-Request-Id";
    bad.name_len = 12;
    bad.value = NULL;
    CHECK_INT(dcs_status_resolve_request_id(&bad, 1, NULL, &kept), DCS_STATUS_RESULT_ERR_NULL_POINTER);
    dcs_status_text null_with_len = {NULL, 3, false};
    CHECK_INT(dcs_status_resolve_request_id(NULL, 0, &null_with_len, &kept),
              DCS_STATUS_RESULT_ERR_NULL_POINTER);
    dcs_status_text not_utf8 = {"\xff", 1, false};
    CHECK_INT(dcs_status_resolve_request_id(NULL, 0, &not_utf8, &kept), DCS_STATUS_RESULT_ERR_INVALID_UTF8);
    CHECK(kept.len == 4 && kept.escaped && strncmp(kept.ptr, "kept", 4) == 0);
    /* A NULL name or value with length 0 is an empty one: no error, no id. */
    bad.value_len = 0;
    CHECK_INT(dcs_status_resolve_request_id(&bad, 1, NULL, &id), DCS_STATUS_RESULT_OK);
    CHECK(absent(id));
    /* A value that is not UTF-8 does not count. */
    headers[2] = header("X-Request-Id", "\xff");
    CHECK_INT(dcs_status_resolve_request_id(headers, 3, NULL, &id), DCS_STATUS_RESULT_OK);
    CHECK(slice_of(id, headers[0].value, 2, false));
}

static void test_text_decode(void) {
    char buf[16];
    memset(buf, 'z', sizeof buf);
    CHECK_INT(dcs_status_text_decode(NULL, buf, sizeof buf), 0);
    CHECK_STR(buf, "");
    dcs_status_text text = {NULL, 0, false};
    CHECK_INT(dcs_status_text_decode(&text, buf, sizeof buf), 0);
    /* Escapes resolved, a NUL among them: the length is the truth. */
    text.ptr = "a\\u0000b\\u00e9";
    text.len = strlen(text.ptr);
    text.escaped = true;
    CHECK_INT(dcs_status_text_decode(&text, buf, sizeof buf), 5);
    CHECK(memcmp(buf, "a\0b\xc3\xa9", 6) == 0);
    /* Not escaped: the bytes as they are. */
    text.escaped = false;
    CHECK_INT(dcs_status_text_decode(&text, buf, sizeof buf), 14);
    CHECK(memcmp(buf, "a\\u0000b", 8) == 0);
    /* Not UTF-8 (no text of this library's): the empty string. */
    dcs_status_text bad = {"\xff", 1, true};
    CHECK_INT(dcs_status_text_decode(&bad, buf, sizeof buf), 0);
    CHECK_STR(buf, "");
    /* NULL buffer: measures. */
    text.escaped = true;
    CHECK_INT(dcs_status_text_decode(&text, NULL, 0), 5);
}

static void test_http_error_from_response(void) {
    const char doc[] = "{\"error_msg\":\"the instance is restarting.\",\"error_code\":\"DCS.4111\",\"error_ext_msg\":null}";
    size_t len = sizeof doc - 1;
    char *body = exact(doc, len);
    dcs_status_header headers[2];
    headers[0] = header("retry-after", "30");
    headers[1] = header("X-Request-Id", "req-1");
    dcs_status_http_error e;
    CHECK_INT(dcs_status_http_error_from_response(400, headers, 2, body, len, NOW, false, &e),
              DCS_STATUS_RESULT_OK);
    CHECK_INT(e.code, 400);
    CHECK_INT(e.kind, DCS_STATUS_LOOKUP_KIND_DOCUMENTED);
    CHECK_INT(e.status_class, DCS_STATUS_CLASS_CLIENT_ERROR);
    CHECK(e.status == dcs_status_get(400));
    CHECK(e.has_retry_after && e.retry_after_seconds == 30);
    CHECK_INT(e.decision.action, DCS_STATUS_ACTION_RETRY_AFTER);
    CHECK_U64(e.decision.delay_seconds, 30);
    CHECK(slice_of(e.error_msg, body + (at(doc, "the instance") - doc), 27, false));
    CHECK(slice_of(e.error_code, body + (at(doc, "DCS.") - doc), 8, false));
    CHECK(absent(e.error_ext_msg));
    CHECK(slice_of(e.request_id, headers[1].value, 5, false));
    CHECK(e.catalogue != NULL && strcmp(e.catalogue->code, "DCS.4111") == 0 &&
          e.catalogue->advice == DCS_STATUS_ERROR_ADVICE_RETRY_LATER);

    /* Errors, each documented; *out untouched. */
    dcs_status_http_error kept;
    memset(&kept, 0x5A, sizeof kept);
    CHECK_INT(dcs_status_http_error_from_response(400, headers, 2, body, len, NOW, false, NULL),
              DCS_STATUS_RESULT_ERR_NULL_POINTER);
    CHECK_INT(dcs_status_http_error_from_response(99, headers, 2, body, len, NOW, false, &kept),
              DCS_STATUS_RESULT_ERR_NOT_A_STATUS_CODE);
    CHECK_INT(dcs_status_http_error_from_response(INT64_MIN, NULL, 0, NULL, 0, NOW, false, &kept),
              DCS_STATUS_RESULT_ERR_NOT_A_STATUS_CODE);
    CHECK_INT(dcs_status_http_error_from_response(400, NULL, 2, body, len, NOW, false, &kept),
              DCS_STATUS_RESULT_ERR_NULL_POINTER);
    CHECK_INT(dcs_status_http_error_from_response(400, headers, 2, NULL, len, NOW, false, &kept),
              DCS_STATUS_RESULT_ERR_NULL_POINTER);
    CHECK_INT(kept.code, 0x5A5A);
    /* No headers, no body: the status alone. */
    CHECK_INT(dcs_status_http_error_from_response(503, NULL, 0, NULL, 0, NOW, true, &e),
              DCS_STATUS_RESULT_OK);
    CHECK(!e.has_retry_after && e.catalogue == NULL && absent(e.error_code) && absent(e.request_id));
    CHECK_INT(e.decision.action, DCS_STATUS_ACTION_DO_NOT_RETRY);

    char buf[1024];
    dcs_status_http_error_from_response_message(400, NULL, 2, body, len, NOW, false, buf, sizeof buf);
    CHECK_STR(buf, "a required pointer argument was NULL");
    dcs_status_http_error_from_response_message(42, headers, 2, body, len, NOW, false, buf, sizeof buf);
    CHECK_STR(buf, "42 is not a status code: status codes are three-digit numbers from 100 to 999");
    size_t n = dcs_status_http_error_from_response_message(400, headers, 2, body, len, NOW, false, buf,
                                                           sizeof buf);
    CHECK_INT(n, strlen(buf));
    CHECK(starts_with(buf, "400 Bad Request, DCS name BadRequest: DCS.4111 the instance is restarting."));
    free(body);

    /* A huge message in the body: each text is cut to 4096 bytes, the message stays short. */
    size_t huge = (size_t)1 << 20;
    char *big = malloc(huge);
    if (CHECK(big != NULL)) {
        const char head[] = "{\"error_code\":\"X\",\"error_msg\":\"";
        memcpy(big, head, sizeof head - 1);
        memset(big + sizeof head - 1, '\n', huge - (sizeof head - 1) - 2);
        memcpy(big + huge - 2, "\"}", 2);
        /* Raw newlines are not JSON: no fields. Escaped ones are. */
        CHECK_INT(dcs_status_http_error_from_response(500, NULL, 0, big, huge, NOW, true, &e),
                  DCS_STATUS_RESULT_OK);
        CHECK(absent(e.error_msg));
        memset(big + sizeof head - 1, 'm', huge - (sizeof head - 1) - 2);
        CHECK_INT(dcs_status_http_error_from_response(500, NULL, 0, big, huge, NOW, true, &e),
                  DCS_STATUS_RESULT_OK);
        CHECK(slice_of(e.error_msg, big + sizeof head - 1, 4096, false));
        /* The message tells the whole message's length, not the kept 4096 bytes. */
        n = dcs_status_http_error_from_response_message(500, NULL, 0, big, huge, NOW, true, buf, sizeof buf);
        char told[64];
        snprintf(told, sizeof told, "\"… (%zu bytes)", huge - (sizeof head - 1) - 2);
        CHECK(n < sizeof buf && strstr(buf, told) != NULL);
        free(big);
    }
}

/* The number of results: 0 and up, as long as they have a name. */
static uint32_t result_count(void) {
    uint32_t n = 0;
    while (dcs_status_result_name(n) != NULL) {
        n++;
    }
    return n;
}

static void test_results(void) {
    uint32_t count = result_count();
    CHECK(count > DCS_STATUS_RESULT_ERR_INTERNAL);
    CHECK_STR(dcs_status_result_name(DCS_STATUS_RESULT_OK), "ok");
    for (uint32_t r = 0; r < count; r++) {
        const char *name = dcs_status_result_name(r);
        const char *message = dcs_status_result_message(r);
        CHECK(message != NULL && message[0] != '\0');
        CHECK(strcmp(message, "unknown dcs_status_result value") != 0);
        for (uint32_t q = 0; q < r; q++) {
            /* each one says something else */
            CHECK(strcmp(dcs_status_result_message(q), message) != 0);
            CHECK(strcmp(dcs_status_result_name(q), name) != 0);
        }
        /* The Retry-After group is the errors named retry_after_*. */
        CHECK(dcs_status_result_is_retry_after_error(r) ==
              (strncmp(name, "retry_after_", 12) == 0));
    }
    CHECK_STR(dcs_status_result_message(DCS_STATUS_RESULT_OK), "success");
    CHECK_STR(dcs_status_result_message(DCS_STATUS_RESULT_ERR_NULL_POINTER),
              "a required pointer argument was NULL");
    const uint32_t unknown[] = {count, count + 1, 0x80000000u, UINT32_MAX};
    for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
        CHECK_STR(dcs_status_result_message(unknown[i]), "unknown dcs_status_result value");
        CHECK_STR(dcs_status_result_name(unknown[i]), NULL);
        CHECK(!dcs_status_result_is_retry_after_error(unknown[i]));
    }
    CHECK(dcs_status_result_is_retry_after_error(DCS_STATUS_RESULT_ERR_RETRY_AFTER_EMPTY));
    CHECK(dcs_status_result_is_retry_after_error(DCS_STATUS_RESULT_ERR_RETRY_AFTER_IMPOSSIBLE_DATE));
    CHECK(!dcs_status_result_is_retry_after_error(DCS_STATUS_RESULT_ERR_INVALID_UTF8));
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
    CHECK(!dcs_status_class_is_error(DCS_STATUS_CLASS_INFORMATIONAL));
    CHECK(!dcs_status_class_is_error(DCS_STATUS_CLASS_SUCCESS));
    CHECK(!dcs_status_class_is_error(DCS_STATUS_CLASS_REDIRECTION));
    CHECK(dcs_status_class_is_error(DCS_STATUS_CLASS_CLIENT_ERROR));
    CHECK(dcs_status_class_is_error(DCS_STATUS_CLASS_SERVER_ERROR));
    CHECK(!dcs_status_class_is_error(0));
    CHECK(!dcs_status_class_is_error(6));
    CHECK(!dcs_status_class_is_error(UINT32_MAX));

    CHECK_STR(dcs_status_retry_advice_name(DCS_STATUS_RETRY_ADVICE_NONE), "none");
    CHECK_STR(dcs_status_retry_advice_name(DCS_STATUS_RETRY_ADVICE_RETRY), "retry");
    CHECK_STR(dcs_status_retry_advice_name(DCS_STATUS_RETRY_ADVICE_RETRY_AFTER), "retry_after");
    CHECK_STR(dcs_status_retry_advice_name(DCS_STATUS_RETRY_ADVICE_MODIFY_REQUEST), "modify_request");
    CHECK_STR(dcs_status_retry_advice_name(DCS_STATUS_RETRY_ADVICE_UNSPECIFIED), "unspecified");
    CHECK_STR(dcs_status_retry_advice_name(0), NULL);
    CHECK_STR(dcs_status_retry_advice_name(6), NULL);
    CHECK_STR(dcs_status_retry_advice_name(UINT32_MAX), NULL);

    CHECK_STR(dcs_status_lookup_kind_name(DCS_STATUS_LOOKUP_KIND_DOCUMENTED), "documented");
    CHECK_STR(dcs_status_lookup_kind_name(DCS_STATUS_LOOKUP_KIND_UNRECOGNIZED), "unrecognized");
    CHECK_STR(dcs_status_lookup_kind_name(DCS_STATUS_LOOKUP_KIND_INVALID), "invalid");
    CHECK_STR(dcs_status_lookup_kind_name(0), NULL);
    CHECK_STR(dcs_status_lookup_kind_name(4), NULL);
    CHECK_STR(dcs_status_lookup_kind_name(UINT32_MAX), NULL);

    CHECK_STR(dcs_status_action_name(DCS_STATUS_ACTION_DO_NOT_RETRY), "do_not_retry");
    CHECK_STR(dcs_status_action_name(DCS_STATUS_ACTION_RETRY_AFTER), "retry_after");
    CHECK_STR(dcs_status_action_name(DCS_STATUS_ACTION_RETRY_WITH_BACKOFF), "retry_with_backoff");
    CHECK_STR(dcs_status_action_name(0), NULL);
    CHECK_STR(dcs_status_action_name(4), NULL);
    CHECK_STR(dcs_status_action_name(UINT32_MAX), NULL);

    CHECK_STR(dcs_status_error_advice_name(DCS_STATUS_ERROR_ADVICE_RETRY_LATER), "retry_later");
    CHECK_STR(dcs_status_error_advice_name(DCS_STATUS_ERROR_ADVICE_CONTACT_SUPPORT), "contact_support");
    CHECK_STR(dcs_status_error_advice_name(DCS_STATUS_ERROR_ADVICE_FIX_REQUEST), "fix_request");
    CHECK_STR(dcs_status_error_advice_name(DCS_STATUS_ERROR_ADVICE_NOT_ALLOWED), "not_allowed");
    CHECK_STR(dcs_status_error_advice_name(DCS_STATUS_ERROR_ADVICE_UNSPECIFIED), "unspecified");
    CHECK_STR(dcs_status_error_advice_name(0), NULL);
    CHECK_STR(dcs_status_error_advice_name(6), NULL);
    CHECK_STR(dcs_status_error_advice_name(UINT32_MAX), NULL);
}

static void test_enum_values_are_fixed(void) {
    /* The numbers are ABI (Go compiles them in): they must never change. */
    CHECK_INT(DCS_STATUS_RESULT_OK, 0);
    CHECK_INT(DCS_STATUS_RESULT_ERR_NULL_POINTER, 1);
    CHECK_INT(DCS_STATUS_RESULT_ERR_NOT_A_STATUS_CODE, 2);
    CHECK_INT(DCS_STATUS_RESULT_ERR_UNKNOWN_NAME, 3);
    CHECK_INT(DCS_STATUS_RESULT_ERR_INVALID_UTF8, 4);
    CHECK_INT(DCS_STATUS_RESULT_ERR_RETRY_AFTER_EMPTY, 5);
    CHECK_INT(DCS_STATUS_RESULT_ERR_RETRY_AFTER_INVALID_DELAY, 6);
    CHECK_INT(DCS_STATUS_RESULT_ERR_RETRY_AFTER_INVALID_DATE, 7);
    CHECK_INT(DCS_STATUS_RESULT_ERR_RETRY_AFTER_IMPOSSIBLE_DATE, 8);
    CHECK_INT(DCS_STATUS_RESULT_ERR_INTERNAL, 9);
    CHECK_INT(DCS_STATUS_RESULT_ERR_UNKNOWN_ERROR_CODE, 10);
    CHECK_INT(DCS_STATUS_RESULT_ERR_NO_ATTEMPTS, 11);
    CHECK_INT(DCS_STATUS_RESULT_ERR_CAP_BELOW_BASE, 12);
    CHECK_INT(DCS_STATUS_RESULT_ERR_UNKNOWN_JITTER, 13);
    CHECK_INT(DCS_STATUS_RESULT_ERR_ATTEMPT_ZERO, 14);
    CHECK_INT(DCS_STATUS_RESULT_ERR_RANDOM_OUT_OF_RANGE, 15);
    CHECK_INT(DCS_STATUS_RESULT_ERR_INVALID_ARGUMENT, 16);
    CHECK_INT(DCS_STATUS_CLASS_INFORMATIONAL, 1);
    CHECK_INT(DCS_STATUS_CLASS_SUCCESS, 2);
    CHECK_INT(DCS_STATUS_CLASS_REDIRECTION, 3);
    CHECK_INT(DCS_STATUS_CLASS_CLIENT_ERROR, 4);
    CHECK_INT(DCS_STATUS_CLASS_SERVER_ERROR, 5);
    CHECK_INT(DCS_STATUS_RETRY_ADVICE_NONE, 1);
    CHECK_INT(DCS_STATUS_RETRY_ADVICE_RETRY, 2);
    CHECK_INT(DCS_STATUS_RETRY_ADVICE_RETRY_AFTER, 3);
    CHECK_INT(DCS_STATUS_RETRY_ADVICE_MODIFY_REQUEST, 4);
    CHECK_INT(DCS_STATUS_RETRY_ADVICE_UNSPECIFIED, 5);
    CHECK_INT(DCS_STATUS_LOOKUP_KIND_DOCUMENTED, 1);
    CHECK_INT(DCS_STATUS_LOOKUP_KIND_UNRECOGNIZED, 2);
    CHECK_INT(DCS_STATUS_LOOKUP_KIND_INVALID, 3);
    CHECK_INT(DCS_STATUS_ACTION_DO_NOT_RETRY, 1);
    CHECK_INT(DCS_STATUS_ACTION_RETRY_AFTER, 2);
    CHECK_INT(DCS_STATUS_ACTION_RETRY_WITH_BACKOFF, 3);
    CHECK_INT(DCS_STATUS_ERROR_ADVICE_RETRY_LATER, 1);
    CHECK_INT(DCS_STATUS_ERROR_ADVICE_CONTACT_SUPPORT, 2);
    CHECK_INT(DCS_STATUS_ERROR_ADVICE_FIX_REQUEST, 3);
    CHECK_INT(DCS_STATUS_ERROR_ADVICE_NOT_ALLOWED, 4);
    CHECK_INT(DCS_STATUS_ERROR_ADVICE_UNSPECIFIED, 5);
    CHECK_INT(sizeof(dcs_status_result), 4);
    CHECK_INT(sizeof(dcs_status_class), 4);
    CHECK_INT(sizeof(dcs_status_retry_advice), 4);
    CHECK_INT(sizeof(dcs_status_lookup_kind), 4);
    CHECK_INT(sizeof(dcs_status_action), 4);
    CHECK_INT(sizeof(dcs_status_error_advice), 4);
}

static size_t explain_of(const void *code, char *buf, size_t cap) {
    return dcs_status_explain(*(const int64_t *)code, buf, cap);
}

static size_t unknown_name_message(const void *name, char *buf, size_t cap) {
    const char *s = name;
    return dcs_status_error_message(DCS_STATUS_RESULT_ERR_UNKNOWN_NAME, s, strlen(s), buf, cap);
}

static size_t catalogue_explain_of(const void *code, char *buf, size_t cap) {
    const char *s = code;
    return dcs_status_catalogue_explain(s, strlen(s), buf, cap);
}

static size_t text_decode_of(const void *text, char *buf, size_t cap) {
    return dcs_status_text_decode(text, buf, cap);
}

static size_t response_message_of(const void *code, char *buf, size_t cap) {
    static const char body[] = "{\"error_code\":\"DCS.4062\",\"error_msg\":\"Invalid \\u00e9 parameter\"}";
    dcs_status_header h = {"X-Request-Id", 12, "r\xc3\xa9q", 4};
    return dcs_status_http_error_from_response_message(*(const int64_t *)code, &h, 1, body,
                                                       sizeof body - 1, NOW, false, buf, cap);
}

static size_t http_error_of(const void *code, char *buf, size_t cap) {
    return dcs_status_http_error_message(*(const int64_t *)code, "120", 3, "req-\xff", 5, NOW, false,
                                         buf, cap);
}

static void test_renderers(void) {
    /* 418's explanation has "§" (two bytes); 404's none. */
    const int64_t codes[] = {404, 418, 777};
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        check_snprintf_contract("dcs_status_explain", explain_of, &codes[i]);
        check_snprintf_contract("dcs_status_http_error_message", http_error_of, &codes[i]);
        check_snprintf_contract("dcs_status_http_error_from_response_message", response_message_of,
                                &codes[i]);
    }
    check_snprintf_contract("dcs_status_catalogue_explain", catalogue_explain_of, "DCS.4821");
    check_snprintf_contract("dcs_status_catalogue_explain", catalogue_explain_of, "DCS.\xc3\xa9");
    const dcs_status_text text = {"\\u00e9t\\u00e9 \\ud83d\\ude00", 24, true};
    check_snprintf_contract("dcs_status_text_decode", text_decode_of, &text);
    check_snprintf_contract("dcs_status_error_message", unknown_name_message, "n\xc3\xa9\xe2\x82\xac?");

    char buf[512];
    /* Codes outside 100..999 get their not-a-status-code message, never garbage. */
    dcs_status_explain(42, buf, sizeof buf);
    CHECK_STR(buf, "42 is not a status code: status codes are three-digit numbers from 100 to 999");
    dcs_status_http_error_message(INT64_MIN, NULL, 0, NULL, 0, NOW, true, buf, sizeof buf);
    CHECK(strncmp(buf, "-9223372036854775808 is not a status code", 41) == 0);

    /* Decisions. */
    CHECK_INT(dcs_status_decision_text(DCS_STATUS_ACTION_RETRY_AFTER, 120, buf, sizeof buf), 16);
    CHECK_STR(buf, "retry_after 120s");
    dcs_status_decision_text(DCS_STATUS_ACTION_DO_NOT_RETRY, 120, buf, sizeof buf);
    CHECK_STR(buf, "do_not_retry");
    dcs_status_decision_text(DCS_STATUS_ACTION_RETRY_AFTER, UINT64_MAX, buf, sizeof buf);
    CHECK_STR(buf, "retry_after 18446744073709551615s");
    dcs_status_decision_text(0, 0, buf, sizeof buf);
    CHECK_STR(buf, "unknown dcs_status_action value");

    /* Every result has a message about an input; NULL input is no input. */
    for (uint32_t r = 0; r < result_count(); r++) {
        CHECK(dcs_status_error_message(r, NULL, 5, buf, sizeof buf) > 0);
        CHECK(strlen(buf) > 0);
    }
    dcs_status_error_message(DCS_STATUS_RESULT_OK, "x", 1, buf, sizeof buf);
    CHECK_STR(buf, "success");
    dcs_status_error_message(UINT32_MAX, "x", 1, buf, sizeof buf);
    CHECK_STR(buf, "unknown dcs_status_result value");
    /* Invalid UTF-8 in the input is shown escaped: the message itself is valid. */
    size_t n = dcs_status_error_message(DCS_STATUS_RESULT_ERR_INVALID_UTF8, "no\xfft", 4, buf, sizeof buf);
    CHECK_STR(buf, "\"no\\xfft\": the text is not valid UTF-8");
    CHECK_INT(n, strlen(buf));

    /* A huge input gives a short message: at most 64 characters of it are shown. */
    size_t huge = 1u << 20;
    char *input = malloc(huge);
    if (CHECK(input != NULL)) {
        memset(input, '\n', huge);
        n = dcs_status_error_message(DCS_STATUS_RESULT_ERR_UNKNOWN_NAME, input, huge, buf, sizeof buf);
        CHECK(n < sizeof buf);
        CHECK(strstr(buf, "(1048576 bytes)") != NULL);
        n = dcs_status_http_error_message(503, input, huge, input, huge, NOW, true, buf, sizeof buf);
        CHECK(n < sizeof buf);
        free(input);
    }
}

int main(void) {
    test_version();
    test_table_iteration();
    test_entry_429();
    test_get_any_value();
    test_get_inline_agrees_with_get_for_every_code();
    test_by_code_has_a_slot_per_code_100_to_599();
    test_lookup();
    test_from_name();
    test_parse_retry_after();
    test_decide();
    test_method_is_idempotent();
    test_results();
    test_enum_names();
    test_enum_values_are_fixed();
    test_renderers();
    test_catalogue_iteration();
    test_catalogue_lookup();
    test_parse_error_body();
    test_resolve_request_id();
    test_text_decode();
    test_http_error_from_response();
    CHECK_SUMMARY("test_api");
}
