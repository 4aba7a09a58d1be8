/*
 * test_table_json.c: the table as C sees it is the table `dcs-status list --json`
 * prints (the core's canonical JSON), entry for entry and field for field: read
 * through dcs_status_count/dcs_status_at, compared with the JSON parsed by json.c.
 * The same number of entries in the same order, each with exactly the keys code,
 * name, ident, phrase, class, retry (the retry advice) and description.
 *
 * Usage: test_table_json LIST_JSON   (the output of `dcs-status list --json`)
 */
#include <dcs_status.h>

#include <string.h>

#include "check.h"
#include "json.h"

static const char *const keys[] = {"code", "name", "ident", "phrase", "class", "retry", "description"};
#define N_KEYS (sizeof keys / sizeof keys[0])

/* The JSON string `key` of `object` equals the C string `expected`. */
static void check_string(const json_value *object, const char *key, const char *expected,
                         unsigned code) {
    const json_value *v = json_get(object, key);
    if (!CHECK(v != NULL && v->type == JSON_STRING && expected != NULL &&
               v->len == strlen(expected) && memcmp(v->str, expected, v->len) == 0)) {
        fprintf(stderr, "    %u %s: JSON \"%s\", C \"%s\"\n", code, key,
                v != NULL && v->type == JSON_STRING ? v->str : "(missing)",
                expected != NULL ? expected : "(NULL)");
    }
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s LIST_JSON\n", argv[0]);
        return 2;
    }
    json_value doc;
    char err[256];
    if (!CHECK(json_parse_file(argv[1], &doc, err, sizeof err))) {
        fprintf(stderr, "    %s: %s\n", argv[1], err);
        CHECK_SUMMARY("test_table_json");
    }
    if (CHECK(doc.type == JSON_ARRAY)) {
        CHECK_INT(doc.count, dcs_status_count());
        for (size_t i = 0; i < doc.count && i < dcs_status_count(); i++) {
            const json_value *object = &doc.items[i];
            const dcs_status_entry *e = dcs_status_at(i);
            int64_t code = 0;
            if (!CHECK(e != NULL && object->type == JSON_OBJECT &&
                       json_as_i64(json_get(object, "code"), &code))) {
                continue;
            }
            CHECK_INT(object->count, N_KEYS);
            for (size_t k = 0; k < N_KEYS && k < object->count; k++) {
                CHECK_STR(object->keys[k], keys[k]); /* the canonical order */
            }
            CHECK_INT(code, e->code);
            check_string(object, "name", e->name, e->code);
            check_string(object, "ident", e->ident, e->code);
            check_string(object, "phrase", e->phrase, e->code);
            check_string(object, "class", dcs_status_class_name(e->status_class), e->code);
            check_string(object, "retry", dcs_status_retry_advice_name(e->retry_advice), e->code);
            check_string(object, "description", e->description, e->code);
        }
    }
    json_free(&doc);
    CHECK_SUMMARY("test_table_json");
}
