/*
 * test_retry_vectors.c: the shared vectors of the retry policy
 * (tests/vectors/retry_steps.json), which every language runs, driven through the C
 * API: every section (steps, delays, budget sequences, validation, names) and the
 * defaults.
 *
 * Usage: test_retry_vectors VECTORS_DIR
 *
 * Names go both ways through the library only (dcs_status_jitter_from_name, the
 * enums' _name functions, dcs_status_result_name): nothing here maps a name to a
 * value by hand. Every text (Retry-After, error code, jitter name) goes to the
 * library in a heap block of exactly its length, without a terminator.
 */
#include <dcs_status.h>

#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "json.h"

static const char *str_or_null(const char *s) { return s == NULL ? "(NULL)" : s; }

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

/* Reports which case failed. */
#define CASE_FAILED(section, i, fmt, ...) \
    fprintf(stderr, "    %s case %zu: " fmt "\n", (section), (i), __VA_ARGS__)

/* The member `key` of `v` as a uint64_t (0 and a failed check when it is none). */
static uint64_t u64_of(const json_value *v, const char *key) {
    uint64_t out = 0;
    if (!CHECK(json_as_u64(json_get(v, key), &out))) {
        fprintf(stderr, "    no unsigned integer \"%s\"\n", key);
    }
    return out;
}

static uint32_t u32_of(const json_value *v, const char *key) {
    uint64_t out = u64_of(v, key);
    CHECK(out <= UINT32_MAX);
    return (uint32_t)out;
}

/* The value of an enum whose _name function gives `name` (0 when none does). */
typedef const char *(*name_fn)(uint32_t);
static uint32_t value_named(name_fn name_of, const char *name) {
    for (uint32_t v = 1; name_of(v) != NULL; v++) {
        if (strcmp(name_of(v), name) == 0) {
            return v;
        }
    }
    return 0;
}

/* The result dcs_status_result_name calls `name`, or UINT32_MAX. */
static uint32_t result_named(const char *name) {
    for (uint32_t r = 0; dcs_status_result_name(r) != NULL; r++) {
        if (strcmp(dcs_status_result_name(r), name) == 0) {
            return r;
        }
    }
    return UINT32_MAX;
}

/* A policy as the vectors write it; the jitter by its name, through the library. */
static dcs_status_retry_policy policy_of(const json_value *v) {
    dcs_status_retry_policy p = dcs_status_retry_policy_default();
    const json_value *jitter = json_get(v, "jitter");
    dcs_status_jitter j = 0;
    if (CHECK(jitter != NULL && jitter->type == JSON_STRING)) {
        char *name = exact(jitter);
        CHECK_INT(dcs_status_jitter_from_name(name, jitter->len, &j), DCS_STATUS_RESULT_OK);
        free(name);
    }
    p.max_attempts = u32_of(v, "max_attempts");
    p.jitter = j;
    p.base_transient_ms = u64_of(v, "base_transient_ms");
    p.base_throttle_ms = u64_of(v, "base_throttle_ms");
    p.base_busy_ms = u64_of(v, "base_busy_ms");
    p.cap_ms = u64_of(v, "cap_ms");
    p.max_retry_after_s = u64_of(v, "max_retry_after_s");
    return p;
}

/* A budget made just for a case: capacity, costs and tokens. */
static dcs_status_retry_budget *budget_of(const json_value *v) {
    return dcs_status_retry_budget_new_with_tokens(u32_of(v, "capacity"), u32_of(v, "retry_cost"),
                                                   u32_of(v, "throttle_cost"), u32_of(v, "tokens"));
}

/* A step input, its texts copied to the heap (free them with free_input). */
static dcs_status_step_input input_of(const json_value *v) {
    dcs_status_step_input in;
    memset(&in, 0, sizeof in);
    in.attempt = u32_of(v, "attempt");
    CHECK(json_as_i64(json_get(v, "status"), &in.status));
    const json_value *retry_after = json_get(v, "retry_after");
    if (retry_after != NULL && retry_after->type == JSON_STRING) {
        in.retry_after = exact(retry_after);
        in.retry_after_len = retry_after->len;
    }
    const json_value *error_code = json_get(v, "error_code");
    if (error_code != NULL && error_code->type == JSON_STRING) {
        in.error_code = exact(error_code);
        in.error_code_len = error_code->len;
    }
    const json_value *idempotent = json_get(v, "idempotent");
    CHECK(idempotent != NULL && idempotent->type == JSON_BOOL);
    in.idempotent = idempotent != NULL && idempotent->boolean;
    in.has_now = json_as_i64(json_get(v, "now"), &in.now);
    in.has_random = json_as_double(json_get(v, "random"), &in.random);
    in.previous_delay_ms = u64_of(v, "previous_delay_ms");
    in.has_time_left = json_as_u64(json_get(v, "time_left_ms"), &in.time_left_ms);
    const json_value *unreplayable = json_get(v, "unreplayable_body");
    CHECK(unreplayable != NULL && unreplayable->type == JSON_BOOL);
    in.unreplayable_body = unreplayable != NULL && unreplayable->boolean;
    return in;
}

static void free_input(dcs_status_step_input *in) {
    free((void *)in->retry_after);
    free((void *)in->error_code);
}

/* Whether the optional name field `key` of `expected` (a string or null) is `name`
 * (NULL for absent). */
static bool name_is(const json_value *expected, const char *key, const char *name) {
    const json_value *v = json_get(expected, key);
    if (v == NULL) {
        return false;
    }
    if (v->type == JSON_NULL) {
        return name == NULL;
    }
    return v->type == JSON_STRING && name != NULL && strcmp(v->str, name) == 0;
}

/* Whether the optional integer `key` of `expected` (or null) is `value` (when `has`). */
static bool number_is(const json_value *expected, const char *key, bool has, uint64_t value) {
    const json_value *v = json_get(expected, key);
    uint64_t n = 0;
    if (v != NULL && v->type == JSON_NULL) {
        return !has;
    }
    return has && json_as_u64(v, &n) && n == value;
}

/* The step against the vector's expected action, delay, category, reason, tokens and
 * log line; a failed field is reported by name. */
static void check_step(const char *section, size_t i, const json_value *note, const json_value *expected,
                       const dcs_status_retry_step *step) {
    char line[DCS_STATUS_RETRY_STEP_LOG_LINE_MAX + 1];
    size_t n = dcs_status_retry_step_log_line(step, line, sizeof line);
    const json_value *log_line = json_get(expected, "log_line");
    struct {
        const char *key;
        bool ok;
    } fields[] = {
        {"action", name_is(expected, "action", dcs_status_step_action_name(step->action))},
        {"delay_ms", number_is(expected, "delay_ms", true, step->delay_ms)},
        {"category", name_is(expected, "category",
                             step->has_category ? dcs_status_retry_category_name(step->category) : NULL)},
        {"category unset", step->has_category || step->category == 0},
        {"reason", name_is(expected, "reason", dcs_status_retry_reason_name(step->reason))},
        {"tokens_after", number_is(expected, "tokens_after", step->has_tokens_after, step->tokens_after)},
        {"log_line", log_line != NULL && log_line->type == JSON_STRING && n == log_line->len &&
                         n <= DCS_STATUS_RETRY_STEP_LOG_LINE_MAX && strcmp(line, log_line->str) == 0},
    };
    for (size_t f = 0; f < sizeof fields / sizeof fields[0]; f++) {
        if (!CHECK(fields[f].ok)) {
            CASE_FAILED(section, i, "%s: %s (log line \"%s\")",
                        note != NULL && note->type == JSON_STRING ? note->str : "", fields[f].key, line);
        }
    }
}

/* Runs one step of the vectors: the policy, the input and the budget (or NULL). */
static bool step_of(const dcs_status_retry_policy *policy, const json_value *input_json,
                    const dcs_status_retry_budget *budget, dcs_status_retry_step *out) {
    dcs_status_step_input in = input_of(input_json);
    memset(out, 0, sizeof *out);
    dcs_status_result r = dcs_status_retry_policy_step(policy, &in, budget, out);
    free_input(&in);
    return CHECK(r == DCS_STATUS_RESULT_OK);
}

static const json_value *section_of(const json_value *doc, const char *key) {
    const json_value *v = json_get(doc, key);
    if (!CHECK(v != NULL && (v->type == JSON_ARRAY || v->type == JSON_OBJECT) && v->count > 0)) {
        fprintf(stderr, "    no section \"%s\"\n", key);
        return NULL;
    }
    return v;
}

static void test_steps(const json_value *doc) {
    const json_value *steps = section_of(doc, "steps");
    for (size_t i = 0; steps != NULL && i < steps->count; i++) {
        const json_value *c = &steps->items[i];
        dcs_status_retry_policy policy = policy_of(json_get(c, "policy"));
        const json_value *budget_json = json_get(c, "budget");
        dcs_status_retry_budget *budget =
            budget_json != NULL && budget_json->type == JSON_OBJECT ? budget_of(budget_json) : NULL;
        dcs_status_retry_step step;
        if (step_of(&policy, json_get(c, "input"), budget, &step)) {
            check_step("steps", i, json_get(c, "note"), json_get(c, "expected"), &step);
            /* The budget holds what the step says it left. */
            if (budget != NULL) {
                CHECK(step.has_tokens_after && dcs_status_retry_budget_tokens(budget) == step.tokens_after);
            }
        }
        dcs_status_retry_budget_free(budget);
    }
}

static void test_delays(const json_value *doc) {
    const json_value *delays = section_of(doc, "delays");
    for (size_t i = 0; delays != NULL && i < delays->count; i++) {
        const json_value *c = &delays->items[i];
        dcs_status_retry_policy policy = policy_of(json_get(c, "policy"));
        const json_value *category = json_get(c, "category");
        double random = -1.0;
        CHECK(json_as_double(json_get(c, "random"), &random));
        uint64_t delay = UINT64_MAX - 1;
        dcs_status_result r = dcs_status_retry_policy_backoff_ms(
            &policy, value_named(dcs_status_retry_category_name, category != NULL ? category->str : ""),
            u32_of(c, "retry"), random, u64_of(c, "previous_ms"), &delay);
        if (!CHECK(r == DCS_STATUS_RESULT_OK && delay == u64_of(c, "delay_ms"))) {
            CASE_FAILED("delays", i, "%s: got %s, %llu", json_get(c, "note")->str,
                        dcs_status_result_name(r), (unsigned long long)delay);
        }
    }
}

static void test_budget_sequences(const json_value *doc) {
    const json_value *sequences = section_of(doc, "budget_sequences");
    for (size_t i = 0; sequences != NULL && i < sequences->count; i++) {
        const json_value *s = &sequences->items[i];
        dcs_status_retry_policy policy = policy_of(json_get(s, "policy"));
        dcs_status_retry_budget *budget = budget_of(json_get(s, "budget"));
        const json_value *events = json_get(s, "events");
        dcs_status_retry_step last;
        bool have_last = false;
        CHECK(events != NULL && events->type == JSON_ARRAY && events->count > 0);
        for (size_t e = 0; events != NULL && e < events->count; e++) {
            const json_value *event = &events->items[e];
            const json_value *success = json_get(event, "success");
            if (success == NULL) {
                if (step_of(&policy, json_get(event, "step"), budget, &last)) {
                    check_step("budget_sequences", i, json_get(s, "note"), json_get(event, "expected"), &last);
                    have_last = true;
                }
                continue;
            }
            const dcs_status_retry_step *previous = NULL;
            if (strcmp(success->str, "after_last_step") == 0) {
                CHECK(have_last);
                previous = have_last ? &last : NULL;
            } else {
                CHECK(strcmp(success->str, "first_attempt") == 0);
            }
            uint32_t tokens = UINT32_MAX;
            dcs_status_result r = dcs_status_retry_budget_record_success(budget, previous, &tokens);
            if (!CHECK(r == DCS_STATUS_RESULT_OK && tokens == u32_of(event, "tokens_after") &&
                       dcs_status_retry_budget_tokens(budget) == tokens)) {
                CASE_FAILED("budget_sequences", i, "event %zu: %s, %u tokens", e, dcs_status_result_name(r),
                            tokens);
            }
        }
        dcs_status_retry_budget_free(budget);
    }
}

/* Whether a result is the vector's "error": its name, or OK for null. */
static bool result_is(dcs_status_result r, const json_value *error) {
    if (error != NULL && error->type == JSON_NULL) {
        return r == DCS_STATUS_RESULT_OK;
    }
    return error != NULL && error->type == JSON_STRING && r == result_named(error->str);
}

static void test_validation(const json_value *doc) {
    const json_value *validation = section_of(doc, "validation");
    const json_value *policies = json_get(validation, "policies");
    const json_value *inputs = json_get(validation, "inputs");
    const json_value *names = json_get(validation, "jitter_names");
    CHECK(policies != NULL && policies->count > 0 && inputs != NULL && inputs->count > 0 &&
          names != NULL && names->count > 0);
    for (size_t i = 0; policies != NULL && i < policies->count; i++) {
        const json_value *c = &policies->items[i];
        dcs_status_retry_policy policy = policy_of(json_get(c, "policy"));
        dcs_status_result r = dcs_status_retry_policy_validate(&policy);
        if (!CHECK(result_is(r, json_get(c, "error")))) {
            CASE_FAILED("validation.policies", i, "got %s", dcs_status_result_name(r));
        }
    }
    for (size_t i = 0; inputs != NULL && i < inputs->count; i++) {
        const json_value *c = &inputs->items[i];
        dcs_status_step_input in = input_of(json_get(c, "input"));
        dcs_status_result r = dcs_status_step_input_validate(&in);
        free_input(&in);
        if (!CHECK(result_is(r, json_get(c, "error")))) {
            CASE_FAILED("validation.inputs", i, "got %s", dcs_status_result_name(r));
        }
    }
    for (size_t i = 0; names != NULL && i < names->count; i++) {
        const json_value *c = &names->items[i];
        const json_value *name = json_get(c, "name");
        const json_value *jitter = json_get(c, "jitter");
        char *copy = exact(name);
        dcs_status_jitter found = 0x5eed;
        dcs_status_result r = dcs_status_jitter_from_name(copy, name->len, &found);
        free(copy);
        bool ok = jitter != NULL && jitter->type == JSON_NULL
                      ? r == DCS_STATUS_RESULT_ERR_UNKNOWN_JITTER && found == 0x5eed
                      : r == DCS_STATUS_RESULT_OK && name_is(c, "jitter", dcs_status_jitter_name(found));
        if (!CHECK(ok)) {
            CASE_FAILED("validation.jitter_names", i, "\"%s\": %s", name->str, dcs_status_result_name(r));
        }
    }
}

/* A list of {name, sentence} against an enum's values 1, 2, ... in order. */
static void check_names(const json_value *names, const char *list, name_fn name_of, name_fn explain_of) {
    const json_value *items = json_get(names, list);
    if (!CHECK(items != NULL && items->type == JSON_ARRAY && items->count > 0)) {
        return;
    }
    for (size_t i = 0; i < items->count; i++) {
        uint32_t value = (uint32_t)i + 1;
        const json_value *name = json_get(&items->items[i], "name");
        const json_value *sentence = json_get(&items->items[i], "sentence");
        if (!CHECK(name != NULL && sentence != NULL && name_of(value) != NULL &&
                   strcmp(name_of(value), name->str) == 0 &&
                   strcmp(str_or_null(explain_of(value)), sentence->str) == 0)) {
            CASE_FAILED(list, i, "%s: %s", str_or_null(name_of(value)), str_or_null(explain_of(value)));
        }
    }
    /* As many values as the core has, no more. */
    CHECK(name_of((uint32_t)items->count + 1) == NULL);
    CHECK(explain_of((uint32_t)items->count + 1) == NULL);
}

static void test_names(const json_value *doc) {
    const json_value *names = section_of(doc, "names");
    check_names(names, "reasons", dcs_status_retry_reason_name, dcs_status_retry_reason_explain);
    check_names(names, "categories", dcs_status_retry_category_name, dcs_status_retry_category_explain);
    check_names(names, "actions", dcs_status_step_action_name, dcs_status_step_action_explain);
    check_names(names, "jitters", dcs_status_jitter_name, dcs_status_jitter_explain);
    /* The input errors are results, with the kind's name and message. */
    const json_value *errors = json_get(names, "input_errors");
    CHECK(errors != NULL && errors->count > 0);
    for (size_t i = 0; errors != NULL && i < errors->count; i++) {
        const json_value *name = json_get(&errors->items[i], "name");
        const json_value *sentence = json_get(&errors->items[i], "sentence");
        uint32_t r = result_named(name->str);
        if (!CHECK(r != UINT32_MAX && strcmp(dcs_status_result_message(r), sentence->str) == 0)) {
            CASE_FAILED("input_errors", i, "%s", name->str);
        }
    }
}

static void test_defaults(const json_value *doc) {
    const json_value *expected = json_get(doc, "default_policy");
    dcs_status_retry_policy vector = policy_of(expected);
    dcs_status_retry_policy policy = dcs_status_retry_policy_default();
    CHECK_INT(policy.max_attempts, vector.max_attempts);
    CHECK_INT(policy.jitter, vector.jitter);
    CHECK_U64(policy.base_transient_ms, vector.base_transient_ms);
    CHECK_U64(policy.base_throttle_ms, vector.base_throttle_ms);
    CHECK_U64(policy.base_busy_ms, vector.base_busy_ms);
    CHECK_U64(policy.cap_ms, vector.cap_ms);
    CHECK_U64(policy.max_retry_after_s, vector.max_retry_after_s);
    const json_value *budget_json = json_get(doc, "default_budget");
    dcs_status_retry_budget *budget = dcs_status_retry_budget_new_default();
    CHECK_INT(dcs_status_retry_budget_capacity(budget), u32_of(budget_json, "capacity"));
    CHECK_INT(dcs_status_retry_budget_retry_cost(budget), u32_of(budget_json, "retry_cost"));
    CHECK_INT(dcs_status_retry_budget_throttle_cost(budget), u32_of(budget_json, "throttle_cost"));
    CHECK_INT(dcs_status_retry_budget_tokens(budget), dcs_status_retry_budget_capacity(budget));
    dcs_status_retry_budget_free(budget);
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s VECTORS_DIR\n", argv[0]);
        return 2;
    }
    char path[4096];
    char err[256];
    json_value doc;
    snprintf(path, sizeof path, "%s/retry_steps.json", argv[1]);
    if (!CHECK(json_parse_file(path, &doc, err, sizeof err))) {
        fprintf(stderr, "    %s: %s\n", path, err);
        CHECK_SUMMARY("test_retry_vectors");
    }
    test_defaults(&doc);
    test_steps(&doc);
    test_delays(&doc);
    test_budget_sequences(&doc);
    test_validation(&doc);
    test_names(&doc);
    json_free(&doc);
    CHECK_SUMMARY("test_retry_vectors");
}
