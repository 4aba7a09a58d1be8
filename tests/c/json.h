/*
 * json.h: a small, self-contained JSON reader for the C tests (C99).
 *
 * Just enough for tests/vectors/NAME.json: objects, arrays, strings (all escapes,
 * \uXXXX with surrogate pairs, raw UTF-8), integers from -2^64+1 to 2^64-1 (kept as
 * sign + magnitude so UINT64_MAX and negative codes both fit, never rounded), numbers
 * with a fraction or an exponent as doubles (the random draws of retry_steps.json:
 * strtod, correctly rounded, so the same double every language's reader gives), true,
 * false, null.
 */
#ifndef DCS_STATUS_TESTS_JSON_H
#define DCS_STATUS_TESTS_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum json_type {
    JSON_NULL,
    JSON_BOOL,
    JSON_INT,
    JSON_REAL,
    JSON_STRING,
    JSON_ARRAY,
    JSON_OBJECT
} json_type;

typedef struct json_value {
    json_type type;
    bool boolean;             /* JSON_BOOL */
    bool negative;            /* JSON_INT: the sign ... */
    uint64_t magnitude;       /* ... and the absolute value */
    double real;              /* JSON_REAL: a number with a fraction or an exponent */
    char *str;                /* JSON_STRING: the bytes, NUL-terminated for printing */
    size_t len;               /* JSON_STRING: the length, without the NUL */
    struct json_value *items; /* JSON_ARRAY, JSON_OBJECT: the values */
    char **keys;              /* JSON_OBJECT: the keys, parallel to items */
    size_t count;             /* JSON_ARRAY, JSON_OBJECT: the number of items */
} json_value;

/* Parses the file at `path` into `*out`. Returns true on success; on failure writes a
 * message (with the byte offset) to `err` and returns false. Free with json_free. */
bool json_parse_file(const char *path, json_value *out, char *err, size_t err_size);

/* Parses `len` bytes at `text`; same contract as json_parse_file. */
bool json_parse(const char *text, size_t len, json_value *out, char *err, size_t err_size);

/* Frees everything `v` owns (not `v` itself). */
void json_free(json_value *v);

/* The member `key` of object `v`, or NULL (also when `v` is not an object). */
const json_value *json_get(const json_value *v, const char *key);

/* The integer `v` as an int64_t; false if `v` is not an integer or does not fit. */
bool json_as_i64(const json_value *v, int64_t *out);

/* The integer `v` as a uint64_t; false if `v` is not a non-negative integer. */
bool json_as_u64(const json_value *v, uint64_t *out);

/* The number `v` as a double: a JSON_REAL, or a JSON_INT of at most 2^53 in
 * magnitude (exact); false for anything else. */
bool json_as_double(const json_value *v, double *out);

#endif /* DCS_STATUS_TESTS_JSON_H */
