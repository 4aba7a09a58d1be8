/*
 * test_vectors.c: the shared test vectors (tests/vectors/NAME.json), which every
 * language runs, driven through the C API.
 *
 * Usage: test_vectors VECTORS_DIR
 *
 * Every case of names.json, lookups.json, retry_after.json, decisions.json,
 * methods.json, error_messages.json, http_errors.json, catalogue.json, bodies.json and
 * responses.json must give the expected result, fields or text; every string (names,
 * values, bodies, header names and values) goes to the library in a heap block of
 * exactly its length, without a terminator. A vector's "error" is the result's name, as
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

/* The bytes a case describes as PREFIX (text), PREFIX_hex or PREFIX_pieces (texts
 * repeated and concatenated), in a heap block of exactly their length (*len); NULL if
 * the case has none of them. */
static char *bytes_of(const json_value *c, const char *prefix, size_t *len) {
    char key[64];
    const json_value *text = json_get(c, prefix);
    if (text != NULL && text->type == JSON_STRING) {
        *len = text->len;
        return exact(text);
    }
    snprintf(key, sizeof key, "%s_hex", prefix);
    const json_value *hex = json_get(c, key);
    if (hex != NULL && hex->type == JSON_STRING && hex->len % 2 == 0) {
        *len = hex->len / 2;
        char *out = malloc(*len == 0 ? 1 : *len);
        if (out == NULL) {
            fprintf(stderr, "out of memory\n");
            exit(2);
        }
        for (size_t i = 0; i < *len; i++) {
            unsigned byte = 0;
            if (sscanf(hex->str + 2 * i, "%2x", &byte) != 1) {
                free(out);
                return NULL;
            }
            out[i] = (char)byte;
        }
        return out;
    }
    snprintf(key, sizeof key, "%s_pieces", prefix);
    const json_value *pieces = json_get(c, key);
    if (pieces == NULL || pieces->type != JSON_ARRAY) {
        return NULL;
    }
    size_t total = 0;
    for (size_t i = 0; i < pieces->count; i++) {
        const json_value *piece = json_get(&pieces->items[i], "text");
        uint64_t times = 0;
        if (piece == NULL || piece->type != JSON_STRING ||
            !json_as_u64(json_get(&pieces->items[i], "times"), &times)) {
            return NULL;
        }
        total += piece->len * (size_t)times;
    }
    char *out = malloc(total == 0 ? 1 : total);
    if (out == NULL) {
        fprintf(stderr, "out of memory\n");
        exit(2);
    }
    size_t at = 0;
    for (size_t i = 0; i < pieces->count; i++) {
        const json_value *piece = json_get(&pieces->items[i], "text");
        uint64_t times = 0;
        json_as_u64(json_get(&pieces->items[i], "times"), &times);
        for (uint64_t k = 0; k < times; k++) {
            memcpy(out + at, piece->str, piece->len);
            at += piece->len;
        }
    }
    *len = total;
    return out;
}

/* A case's "headers" ([name, value] pairs) as C headers over exact-length heap
 * copies, in *out (free with free_headers); false if the case has none. */
static bool headers_of(const json_value *c, dcs_status_header **out, size_t *n) {
    const json_value *headers = json_get(c, "headers");
    if (headers == NULL || headers->type != JSON_ARRAY) {
        return false;
    }
    *n = headers->count;
    *out = calloc(*n == 0 ? 1 : *n, sizeof **out);
    if (*out == NULL) {
        fprintf(stderr, "out of memory\n");
        exit(2);
    }
    for (size_t i = 0; i < *n; i++) {
        const json_value *pair = &headers->items[i];
        if (pair->type != JSON_ARRAY || pair->count != 2 || pair->items[0].type != JSON_STRING ||
            pair->items[1].type != JSON_STRING) {
            return false;
        }
        (*out)[i].name = exact(&pair->items[0]);
        (*out)[i].name_len = pair->items[0].len;
        (*out)[i].value = exact(&pair->items[1]);
        (*out)[i].value_len = pair->items[1].len;
    }
    return true;
}

static void free_headers(dcs_status_header *headers, size_t n) {
    for (size_t i = 0; i < n; i++) {
        free((void *)headers[i].name);
        free((void *)headers[i].value);
    }
    free(headers);
}

/* Whether `text` decodes (dcs_status_text_decode) to the expected string or null. */
static bool text_is(dcs_status_text text, const json_value *expected) {
    if (expected == NULL) {
        return false;
    }
    if (expected->type == JSON_NULL) {
        return text.ptr == NULL && text.len == 0;
    }
    if (expected->type != JSON_STRING || text.ptr == NULL) {
        return false;
    }
    /* The decoded text is never longer than the raw one: len + 1 bytes hold it. */
    char *buf = malloc(text.len + 1);
    if (buf == NULL) {
        fprintf(stderr, "out of memory\n");
        exit(2);
    }
    size_t n = dcs_status_text_decode(&text, buf, text.len + 1);
    bool same = n == expected->len && n <= text.len && memcmp(buf, expected->str, n) == 0 &&
                buf[n] == '\0';
    free(buf);
    return same;
}

/* Whether a catalogue entry (or NULL) has the expected code (or null). */
static bool entry_is(const dcs_status_catalogue_entry *e, const json_value *expected) {
    if (expected == NULL) {
        return false;
    }
    if (expected->type == JSON_NULL) {
        return e == NULL;
    }
    return e != NULL && expected->type == JSON_STRING && strcmp(e->code, expected->str) == 0 &&
           dcs_status_catalogue_at(e->index) == e;
}

static void test_catalogue(const char *dir) {
    json_value doc;
    const json_value *cases = load(dir, "catalogue.json", &doc);
    if (cases == NULL) {
        return;
    }
    static char buf[4096];
    for (size_t i = 0; i < cases->count; i++) {
        const json_value *c = &cases->items[i];
        const json_value *note = json_get(c, "note");
        const json_value *error = json_get(c, "error");
        const char *shown = note != NULL && note->type == JSON_STRING ? note->str : "?";
        size_t len = 0;
        char *input = bytes_of(c, "input", &len);
        if (!CHECK(input != NULL)) {
            continue;
        }
        static const dcs_status_catalogue_entry untouched;
        const dcs_status_catalogue_entry *e = &untouched;
        dcs_status_result r = dcs_status_catalogue_lookup(input, len, &e);
        if (error != NULL) {
            dcs_status_result expected = DCS_STATUS_RESULT_OK;
            CHECK(error->type == JSON_STRING && result_of_error(error->str, &expected));
            /* *out untouched on error */
            if (!CHECK(r == expected && e == &untouched)) {
                CASE_FAILED("catalogue.json", i, "%s: got %u, expected %s", shown, (unsigned)r,
                            error->str);
            }
            const json_value *message = json_get(c, "error_message");
            if (message != NULL && CHECK(message->type == JSON_STRING)) {
                size_t n = dcs_status_error_message(r, input, len, buf, sizeof buf);
                check_rendered("catalogue.json", i, n, buf, sizeof buf, message);
            }
        } else {
            const json_value *code = json_get(c, "code");
            const json_value *advice = json_get(c, "advice");
            const json_value *message = json_get(c, "message");
            int64_t status = 0;
            if (!CHECK(code != NULL && code->type == JSON_STRING && advice != NULL &&
                       advice->type == JSON_STRING && message != NULL &&
                       message->type == JSON_STRING && json_as_i64(json_get(c, "status"), &status))) {
                free(input);
                continue;
            }
            if (!CHECK(r == DCS_STATUS_RESULT_OK && e != NULL && strcmp(e->code, code->str) == 0 &&
                       e->status == status && e->status_entry == dcs_status_get(status) &&
                       strcmp(str_or_null(dcs_status_error_advice_name(e->advice)), advice->str) == 0 &&
                       strcmp(e->message, message->str) == 0)) {
                CASE_FAILED("catalogue.json", i, "%s: got %u (%s), expected %s", shown, (unsigned)r,
                            dcs_status_result_message(r), code->str);
            }
        }
        free(input);
    }
    json_free(&doc);
}

static void test_bodies(const char *dir) {
    json_value doc;
    const json_value *cases = load(dir, "bodies.json", &doc);
    if (cases == NULL) {
        return;
    }
    for (size_t i = 0; i < cases->count; i++) {
        const json_value *c = &cases->items[i];
        const json_value *note = json_get(c, "note");
        const char *shown = note != NULL && note->type == JSON_STRING ? note->str : "?";
        size_t len = 0;
        char *body = bytes_of(c, "body", &len);
        dcs_status_header *headers = NULL;
        size_t n = 0;
        if (!CHECK(body != NULL && headers_of(c, &headers, &n))) {
            free(body);
            free(headers);
            continue;
        }
        dcs_status_error_body parsed;
        dcs_status_text id = {NULL, 0, false};
        dcs_status_result r = dcs_status_parse_error_body(body, len, &parsed);
        dcs_status_result ri = r == DCS_STATUS_RESULT_OK
                                   ? dcs_status_resolve_request_id(headers, n, &parsed.request_id, &id)
                                   : r;
        if (!CHECK(r == DCS_STATUS_RESULT_OK && ri == DCS_STATUS_RESULT_OK)) {
            CASE_FAILED("bodies.json", i, "%s: got %u and %u", shown, (unsigned)r, (unsigned)ri);
        } else {
            struct {
                const char *key;
                bool ok;
            } fields[] = {
                {"error_code", text_is(parsed.error_code, json_get(c, "error_code"))},
                {"error_msg", text_is(parsed.error_msg, json_get(c, "error_msg"))},
                {"error_ext_msg", text_is(parsed.error_ext_msg, json_get(c, "error_ext_msg"))},
                {"body_request_id", text_is(parsed.request_id, json_get(c, "body_request_id"))},
                {"request_id", text_is(id, json_get(c, "request_id"))},
                {"catalogue_code", entry_is(parsed.catalogue, json_get(c, "catalogue_code"))},
            };
            for (size_t f = 0; f < sizeof fields / sizeof fields[0]; f++) {
                if (!CHECK(fields[f].ok)) {
                    CASE_FAILED("bodies.json", i, "%s: %s", shown, fields[f].key);
                }
            }
        }
        free_headers(headers, n);
        free(body);
    }
    json_free(&doc);
}

static void test_responses(const char *dir) {
    json_value doc;
    const json_value *cases = load(dir, "responses.json", &doc);
    if (cases == NULL) {
        return;
    }
    static char buf[8192];
    for (size_t i = 0; i < cases->count; i++) {
        const json_value *c = &cases->items[i];
        const json_value *note = json_get(c, "note");
        const json_value *idem = json_get(c, "idempotent");
        const json_value *message = json_get(c, "message");
        const json_value *error = json_get(c, "error");
        const char *shown = note != NULL && note->type == JSON_STRING ? note->str : "?";
        int64_t code = 0;
        int64_t now = 0;
        size_t len = 0;
        char *body = bytes_of(c, "body", &len);
        dcs_status_header *headers = NULL;
        size_t n = 0;
        if (!CHECK(body != NULL && headers_of(c, &headers, &n) &&
                   json_as_i64(json_get(c, "code"), &code) && json_as_i64(json_get(c, "now"), &now) &&
                   idem != NULL && idem->type == JSON_BOOL && message != NULL &&
                   message->type == JSON_STRING)) {
            free(body);
            free(headers);
            continue;
        }
        dcs_status_http_error e;
        memset(&e, 0x5A, sizeof e);
        dcs_status_result r =
            dcs_status_http_error_from_response(code, headers, n, body, len, now, idem->boolean, &e);
        size_t rendered = dcs_status_http_error_from_response_message(code, headers, n, body, len, now,
                                                                      idem->boolean, buf, sizeof buf);
        check_rendered("responses.json", i, rendered, buf, sizeof buf, message);
        if (error != NULL) {
            dcs_status_result expected = DCS_STATUS_RESULT_OK;
            CHECK(error->type == JSON_STRING && result_of_error(error->str, &expected));
            if (!CHECK(r == expected && e.code == 0x5A5A)) {
                CASE_FAILED("responses.json", i, "%s: got %u, expected %s", shown, (unsigned)r,
                            error->str);
            }
        } else {
            const json_value *kind = json_get(c, "kind");
            const json_value *action = json_get(c, "action");
            const json_value *retry_after = json_get(c, "retry_after");
            int64_t status = 0;
            uint64_t seconds = 0;
            uint64_t delay = 0;
            if (json_get(c, "seconds") != NULL) {
                CHECK(json_as_u64(json_get(c, "seconds"), &seconds));
            }
            bool has_retry_after = retry_after != NULL && retry_after->type != JSON_NULL;
            if (has_retry_after) {
                CHECK(json_as_u64(retry_after, &delay));
            }
            if (!CHECK(r == DCS_STATUS_RESULT_OK && kind != NULL && kind->type == JSON_STRING &&
                       action != NULL && action->type == JSON_STRING &&
                       json_as_i64(json_get(c, "status"), &status))) {
                CASE_FAILED("responses.json", i, "%s: got %u (%s)", shown, (unsigned)r,
                            dcs_status_result_message(r));
            } else {
                struct {
                    const char *key;
                    bool ok;
                } fields[] = {
                    {"code", e.code == code},
                    {"status", e.status != NULL && e.status->code == status &&
                                   e.status_class == e.status->status_class},
                    {"kind", strcmp(str_or_null(dcs_status_lookup_kind_name(e.kind)), kind->str) == 0},
                    {"retry_after", e.has_retry_after == has_retry_after && e.retry_after_seconds == delay},
                    {"action", strcmp(str_or_null(dcs_status_action_name(e.decision.action)), action->str) == 0},
                    {"seconds", e.decision.delay_seconds == seconds},
                    {"request_id", text_is(e.request_id, json_get(c, "request_id"))},
                    {"error_code", text_is(e.error_code, json_get(c, "error_code"))},
                    {"error_msg", text_is(e.error_msg, json_get(c, "error_msg"))},
                    {"error_ext_msg", text_is(e.error_ext_msg, json_get(c, "error_ext_msg"))},
                    {"catalogue_code", entry_is(e.catalogue, json_get(c, "catalogue_code"))},
                };
                for (size_t f = 0; f < sizeof fields / sizeof fields[0]; f++) {
                    if (!CHECK(fields[f].ok)) {
                        CASE_FAILED("responses.json", i, "%s: %s", shown, fields[f].key);
                    }
                }
            }
        }
        free_headers(headers, n);
        free(body);
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
    /* Fractions and exponents are doubles; integers stay exact. */
    const char reals[] = "[0.5,-0.25,1.0,0.9990234375,2.5e-1,1E3,0.37,7]";
    if (CHECK(json_parse(reals, sizeof reals - 1, &v, err, sizeof err))) {
        const double expected[] = {0.5, -0.25, 1.0, 0.9990234375, 0.25, 1000.0, 0.37, 7.0};
        CHECK(v.type == JSON_ARRAY && v.count == 8);
        for (size_t i = 0; i < v.count && i < 8; i++) {
            double d = -1.0;
            CHECK(json_as_double(&v.items[i], &d) && d == expected[i]);
        }
        CHECK(v.items[7].type == JSON_INT);
        json_free(&v);
    }
    const char *bad[] = {"", "{", "[1,]", "{\"a\" 1}", "1.", ".5", "1e", "1e+", "-", "01.5",
                         "18446744073709551616", "\"\\x\"", "\"\\ud800\"", "[1] x", "01",
                         "\"a\nb\""};
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
    test_catalogue(argv[1]);
    test_bodies(argv[1]);
    test_responses(argv[1]);
    CHECK_SUMMARY("test_vectors");
}
