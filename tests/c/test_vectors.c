/*
 * test_vectors.c: the shared test vectors (tests/vectors/NAME.json), which every
 * language runs, driven through the C API.
 *
 * Usage: test_vectors VECTORS_DIR
 *
 * Every case of names.json, lookups.json, retry_after.json, decisions.json,
 * methods.json, error_messages.json and http_errors.json must give the expected
 * result or text; every string goes to the library in a heap block of exactly its
 * length, without a terminator. A vector's "error" is the result's name, as
 * dcs_status_result_name gives it: nothing here maps names to results by hand.
 */
#include <dcs_status.h>

#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "json.h"

/* The result a vector's "error" names (dcs_status_result_name), in *out. */
static bool result_of_error(const char *error, dcs_status_result *out) {
    for (uint32_t r = 0; dcs_status_result_name(r) != NULL; r++) {
        if (strcmp(dcs_status_result_name(r), error) == 0) {
            *out = (dcs_status_result)r;
            return true;
        }
    }
    return false;
}

/* A heap copy of a JSON string's bytes, without a terminator. */
static char *exact(const json_value *s) {
    char *copy = malloc(s->len == 0 ? 1 : s->len);
    if (copy == NULL) {
        fprintf(stderr, "out of memory\n");
        exit(2);
    }
    memcpy(copy, s->str, s->len);
    return copy;
}

static const char *str_or_null(const char *s) { return s == NULL ? "(NULL)" : s; }

/* Loads DIR/NAME and returns its "cases" array (in *doc, to be freed), or NULL. */
static const json_value *load(const char *dir, const char *name, json_value *doc) {
    char path[4096];
    char err[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    if (!CHECK(json_parse_file(path, doc, err, sizeof err))) {
        fprintf(stderr, "    %s: %s\n", path, err);
        return NULL;
    }
    const json_value *cases = json_get(doc, "cases");
    if (!CHECK(cases != NULL && cases->type == JSON_ARRAY && cases->count > 0)) {
        fprintf(stderr, "    %s: no \"cases\" array\n", path);
        return NULL;
    }
    return cases;
}

/* Reports which case failed, once per failing case. */
#define CASE_FAILED(file, i, fmt, ...) \
    fprintf(stderr, "    %s case %zu: " fmt "\n", (file), (i), __VA_ARGS__)

static void test_names(const char *dir) {
    json_value doc;
    const json_value *cases = load(dir, "names.json", &doc);
    if (cases == NULL) {
        return;
    }
    for (size_t i = 0; i < cases->count; i++) {
        const json_value *c = &cases->items[i];
        const json_value *name = json_get(c, "name");
        const json_value *error = json_get(c, "error");
        int64_t code = 0;
        if (!CHECK(name != NULL && name->type == JSON_STRING)) {
            continue;
        }
        char *copy = exact(name);
        const dcs_status_entry *e = NULL;
        dcs_status_result r = dcs_status_from_name(copy, name->len, &e);
        free(copy);
        if (error != NULL) {
            dcs_status_result expected = DCS_STATUS_RESULT_OK;
            CHECK(error->type == JSON_STRING && result_of_error(error->str, &expected));
            if (!CHECK(r == expected)) {
                CASE_FAILED("names.json", i, "\"%s\": got %u, expected %s", name->str, (unsigned)r,
                            error->str);
            }
        } else if (CHECK(json_as_i64(json_get(c, "code"), &code))) {
            if (!CHECK(r == DCS_STATUS_RESULT_OK && e != NULL && e->code == code)) {
                CASE_FAILED("names.json", i, "\"%s\": got %u (%s), expected %lld", name->str,
                            (unsigned)r, dcs_status_result_message(r), (long long)code);
            }
        }
    }
    json_free(&doc);
}

static void test_lookups(const char *dir) {
    json_value doc;
    const json_value *cases = load(dir, "lookups.json", &doc);
    if (cases == NULL) {
        return;
    }
    for (size_t i = 0; i < cases->count; i++) {
        const json_value *c = &cases->items[i];
        const json_value *error = json_get(c, "error");
        int64_t code;
        if (!CHECK(json_as_i64(json_get(c, "code"), &code))) {
            continue;
        }
        dcs_status_lookup_result l;
        dcs_status_result r = dcs_status_lookup(code, &l);
        dcs_status_class cls = 0;
        dcs_status_result rc = dcs_status_class_of(code, &cls);
        if (error != NULL) {
            dcs_status_result expected = DCS_STATUS_RESULT_OK;
            CHECK(error->type == JSON_STRING && result_of_error(error->str, &expected));
            if (!CHECK(r == expected && rc == expected)) {
                CASE_FAILED("lookups.json", i, "%lld: got %u/%u, expected %s", (long long)code,
                            (unsigned)r, (unsigned)rc, error->str);
            }
            continue;
        }
        const json_value *kind = json_get(c, "kind");
        const json_value *klass = json_get(c, "class");
        int64_t status;
        if (!CHECK(kind != NULL && kind->type == JSON_STRING && klass != NULL &&
                   klass->type == JSON_STRING && json_as_i64(json_get(c, "status"), &status))) {
            continue;
        }
        if (!CHECK(r == DCS_STATUS_RESULT_OK && l.entry != NULL && l.code == code &&
                   l.entry->code == status &&
                   strcmp(str_or_null(dcs_status_lookup_kind_name(l.kind)), kind->str) == 0 &&
                   strcmp(str_or_null(dcs_status_class_name(l.status_class)), klass->str) == 0 &&
                   rc == DCS_STATUS_RESULT_OK && cls == l.status_class)) {
            CASE_FAILED("lookups.json", i, "%lld: got %u, expected %s %s %lld", (long long)code,
                        (unsigned)r, kind->str, klass->str, (long long)status);
        }
    }
    json_free(&doc);
}

static void test_retry_after(const char *dir) {
    json_value doc;
    const json_value *cases = load(dir, "retry_after.json", &doc);
    if (cases == NULL) {
        return;
    }
    for (size_t i = 0; i < cases->count; i++) {
        const json_value *c = &cases->items[i];
        const json_value *value = json_get(c, "value");
        const json_value *error = json_get(c, "error");
        int64_t now;
        if (!CHECK(value != NULL && value->type == JSON_STRING &&
                   json_as_i64(json_get(c, "now"), &now))) {
            continue;
        }
        char *copy = exact(value);
        uint64_t seconds = 0x5eed;
        dcs_status_result r = dcs_status_parse_retry_after(copy, value->len, now, &seconds);
        free(copy);
        if (error != NULL) {
            dcs_status_result expected = DCS_STATUS_RESULT_OK;
            CHECK(error->type == JSON_STRING && result_of_error(error->str, &expected));
            if (!CHECK(r == expected && seconds == 0x5eed)) {
                CASE_FAILED("retry_after.json", i, "\"%s\": got %u, expected %s", value->str,
                            (unsigned)r, error->str);
            }
        } else {
            uint64_t expected;
            if (!CHECK(json_as_u64(json_get(c, "seconds"), &expected))) {
                continue;
            }
            if (!CHECK(r == DCS_STATUS_RESULT_OK && seconds == expected)) {
                CASE_FAILED("retry_after.json", i, "\"%s\": got %u (%s) %llu, expected %llu",
                            value->str, (unsigned)r, dcs_status_result_message(r),
                            (unsigned long long)seconds, (unsigned long long)expected);
            }
        }
    }
    json_free(&doc);
}

static void test_decisions(const char *dir) {
    json_value doc;
    const json_value *cases = load(dir, "decisions.json", &doc);
    if (cases == NULL) {
        return;
    }
    for (size_t i = 0; i < cases->count; i++) {
        const json_value *c = &cases->items[i];
        const json_value *retry_after = json_get(c, "retry_after");
        const json_value *idem = json_get(c, "idempotent");
        const json_value *error = json_get(c, "error");
        int64_t code;
        int64_t now;
        if (!CHECK(json_as_i64(json_get(c, "code"), &code) && json_as_i64(json_get(c, "now"), &now) &&
                   idem != NULL && idem->type == JSON_BOOL && retry_after != NULL &&
                   (retry_after->type == JSON_NULL || retry_after->type == JSON_STRING))) {
            continue;
        }
        char *copy = retry_after->type == JSON_STRING ? exact(retry_after) : NULL;
        size_t len = retry_after->type == JSON_STRING ? retry_after->len : 0;
        dcs_status_decision d = {0, 0x5eed};
        dcs_status_result r = dcs_status_decide(code, copy, len, now, idem->boolean, &d);
        free(copy);
        const char *shown = retry_after->type == JSON_STRING ? retry_after->str : "(none)";
        if (error != NULL) {
            dcs_status_result expected = DCS_STATUS_RESULT_OK;
            CHECK(error->type == JSON_STRING && result_of_error(error->str, &expected));
            if (!CHECK(r == expected)) {
                CASE_FAILED("decisions.json", i, "%lld \"%s\": got %u, expected %s", (long long)code,
                            shown, (unsigned)r, error->str);
            }
            continue;
        }
        const json_value *action = json_get(c, "action");
        const json_value *text = json_get(c, "text");
        uint64_t seconds = 0;
        if (json_get(c, "seconds") != NULL) {
            CHECK(json_as_u64(json_get(c, "seconds"), &seconds));
        }
        if (!CHECK(action != NULL && action->type == JSON_STRING && text != NULL &&
                   text->type == JSON_STRING)) {
            continue;
        }
        char shown_text[64];
        dcs_status_decision_text(d.action, d.delay_seconds, shown_text, sizeof shown_text);
        if (!CHECK(strcmp(shown_text, text->str) == 0)) {
            CASE_FAILED("decisions.json", i, "text \"%s\", expected \"%s\"", shown_text, text->str);
        }
        if (!CHECK(r == DCS_STATUS_RESULT_OK &&
                   strcmp(str_or_null(dcs_status_action_name(d.action)), action->str) == 0 &&
                   d.delay_seconds == seconds)) {
            CASE_FAILED("decisions.json", i, "%lld \"%s\" %s: got %u %s %llu, expected %s %llu",
                        (long long)code, shown, idem->boolean ? "idempotent" : "not idempotent",
                        (unsigned)r, str_or_null(dcs_status_action_name(d.action)),
                        (unsigned long long)d.delay_seconds, action->str,
                        (unsigned long long)seconds);
        }
    }
    json_free(&doc);
}

static void test_methods(const char *dir) {
    json_value doc;
    const json_value *cases = load(dir, "methods.json", &doc);
    if (cases == NULL) {
        return;
    }
    for (size_t i = 0; i < cases->count; i++) {
        const json_value *c = &cases->items[i];
        const json_value *method = json_get(c, "method");
        const json_value *idem = json_get(c, "idempotent");
        if (!CHECK(method != NULL && method->type == JSON_STRING && idem != NULL &&
                   idem->type == JSON_BOOL)) {
            continue;
        }
        char *copy = exact(method);
        bool got = dcs_status_method_is_idempotent(copy, method->len);
        free(copy);
        if (!CHECK(got == idem->boolean)) {
            CASE_FAILED("methods.json", i, "\"%s\": got %d", method->str, got);
        }
    }
    json_free(&doc);
}

/* The text a renderer wrote, checked against `expected` (and its length). */
static void check_rendered(const char *file, size_t i, size_t n, const char *buf, size_t cap,
                           const json_value *expected) {
    if (!CHECK(n == expected->len && n < cap && strcmp(buf, expected->str) == 0)) {
        CASE_FAILED(file, i, "got (%zu bytes)\n      %s\n    expected (%zu bytes)\n      %s", n,
                    buf, expected->len, expected->str);
    }
}

static void test_error_messages(const char *dir) {
    json_value doc;
    const json_value *cases = load(dir, "error_messages.json", &doc);
    if (cases == NULL) {
        return;
    }
    static char buf[4096];
    for (size_t i = 0; i < cases->count; i++) {
        const json_value *c = &cases->items[i];
        const json_value *error = json_get(c, "error");
        const json_value *input = json_get(c, "input");
        const json_value *message = json_get(c, "message");
        dcs_status_result result = DCS_STATUS_RESULT_OK;
        if (!CHECK(error != NULL && error->type == JSON_STRING && input != NULL &&
                   input->type == JSON_STRING && message != NULL &&
                   message->type == JSON_STRING && result_of_error(error->str, &result))) {
            continue;
        }
        char *copy = exact(input);
        size_t n = dcs_status_error_message(result, copy, input->len, buf, sizeof buf);
        free(copy);
        check_rendered("error_messages.json", i, n, buf, sizeof buf, message);
    }
    json_free(&doc);
}

static void test_http_errors(const char *dir) {
    json_value doc;
    const json_value *cases = load(dir, "http_errors.json", &doc);
    if (cases == NULL) {
        return;
    }
    static char buf[4096];
    for (size_t i = 0; i < cases->count; i++) {
        const json_value *c = &cases->items[i];
        const json_value *retry_after = json_get(c, "retry_after");
        const json_value *request_id = json_get(c, "request_id");
        const json_value *idem = json_get(c, "idempotent");
        const json_value *message = json_get(c, "message");
        int64_t code;
        int64_t now;
        if (!CHECK(json_as_i64(json_get(c, "code"), &code) && json_as_i64(json_get(c, "now"), &now) &&
                   retry_after != NULL && request_id != NULL && idem != NULL &&
                   idem->type == JSON_BOOL && message != NULL && message->type == JSON_STRING)) {
            continue;
        }
        char *ra = retry_after->type == JSON_STRING ? exact(retry_after) : NULL;
        char *id = request_id->type == JSON_STRING ? exact(request_id) : NULL;
        size_t n = dcs_status_http_error_message(code, ra, ra ? retry_after->len : 0, id,
                                                 id ? request_id->len : 0, now, idem->boolean, buf,
                                                 sizeof buf);
        free(ra);
        free(id);
        check_rendered("http_errors.json", i, n, buf, sizeof buf, message);
    }
    json_free(&doc);
}

/* The JSON reader itself: escapes, big and negative integers, rejection of junk. */
static void test_json_reader(void) {
    json_value v;
    char err[128];
    const char text[] = "{\"a\":\"x\\t\\u00e9\\ud83d\\ude00\\\"\",\"b\":[18446744073709551615,-9223372036854775808,true,null]}";
    if (CHECK(json_parse(text, sizeof text - 1, &v, err, sizeof err))) {
        const json_value *a = json_get(&v, "a");
        const json_value *b = json_get(&v, "b");
        CHECK(a != NULL && a->type == JSON_STRING && a->len == 9 &&
              memcmp(a->str, "x\t\xc3\xa9\xf0\x9f\x98\x80\"", 9) == 0);
        uint64_t u = 0;
        int64_t s = 0;
        CHECK(b != NULL && b->count == 4 && json_as_u64(&b->items[0], &u) && u == UINT64_MAX &&
              !json_as_i64(&b->items[0], &s) && json_as_i64(&b->items[1], &s) && s == INT64_MIN &&
              b->items[2].type == JSON_BOOL && b->items[2].boolean && b->items[3].type == JSON_NULL);
        json_free(&v);
    }
    const char *bad[] = {"", "{", "[1,]", "{\"a\" 1}", "1.5", "1e3", "18446744073709551616",
                         "\"\\x\"", "\"\\ud800\"", "[1] x", "01", "\"a\nb\""};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        if (!CHECK(!json_parse(bad[i], strlen(bad[i]), &v, err, sizeof err))) {
            fprintf(stderr, "    accepted: %s\n", bad[i]);
            json_free(&v);
        }
    }
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s VECTORS_DIR\n", argv[0]);
        return 2;
    }
    test_json_reader();
    test_names(argv[1]);
    test_lookups(argv[1]);
    test_retry_after(argv[1]);
    test_decisions(argv[1]);
    test_methods(argv[1]);
    test_error_messages(argv[1]);
    test_http_errors(argv[1]);
    CHECK_SUMMARY("test_vectors");
}
