/* json.c: see json.h. */
#include "json.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct parser {
    const char *s;
    size_t len;
    size_t pos;
    char *err;
    size_t err_size;
    int depth;
} parser;

static bool fail(parser *p, const char *fmt, ...) {
    if (p->err != NULL && p->err_size > 0) {
        int n = snprintf(p->err, p->err_size, "byte %zu: ", p->pos);
        if (n >= 0 && (size_t)n < p->err_size) {
            va_list ap;
            va_start(ap, fmt);
            vsnprintf(p->err + n, p->err_size - (size_t)n, fmt, ap);
            va_end(ap);
        }
    }
    return false;
}

static void skip_ws(parser *p) {
    while (p->pos < p->len) {
        char c = p->s[p->pos];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
            break;
        }
        p->pos++;
    }
}

static bool literal(parser *p, const char *word) {
    size_t n = strlen(word);
    if (p->len - p->pos < n || memcmp(p->s + p->pos, word, n) != 0) {
        return fail(p, "expected '%s'", word);
    }
    p->pos += n;
    return true;
}

/* A growable byte buffer. */
typedef struct buffer {
    char *data;
    size_t len;
    size_t cap;
} buffer;

static bool buffer_push(buffer *b, char c) {
    if (b->len + 1 >= b->cap) {
        size_t cap = b->cap == 0 ? 32 : b->cap * 2;
        char *data = realloc(b->data, cap);
        if (data == NULL) {
            return false;
        }
        b->data = data;
        b->cap = cap;
    }
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
    return true;
}

static bool push_utf8(buffer *b, uint32_t cp) {
    bool ok = true;
    if (cp < 0x80) {
        ok = buffer_push(b, (char)cp);
    } else if (cp < 0x800) {
        ok = buffer_push(b, (char)(0xC0 | (cp >> 6))) && buffer_push(b, (char)(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        ok = buffer_push(b, (char)(0xE0 | (cp >> 12))) &&
             buffer_push(b, (char)(0x80 | ((cp >> 6) & 0x3F))) &&
             buffer_push(b, (char)(0x80 | (cp & 0x3F)));
    } else {
        ok = buffer_push(b, (char)(0xF0 | (cp >> 18))) &&
             buffer_push(b, (char)(0x80 | ((cp >> 12) & 0x3F))) &&
             buffer_push(b, (char)(0x80 | ((cp >> 6) & 0x3F))) &&
             buffer_push(b, (char)(0x80 | (cp & 0x3F)));
    }
    return ok;
}

static bool hex4(parser *p, uint32_t *out) {
    uint32_t v = 0;
    if (p->len - p->pos < 4) {
        return fail(p, "truncated \\u escape");
    }
    for (int i = 0; i < 4; i++) {
        char c = p->s[p->pos++];
        v <<= 4;
        if (c >= '0' && c <= '9') {
            v |= (uint32_t)(c - '0');
        } else if (c >= 'a' && c <= 'f') {
            v |= (uint32_t)(c - 'a' + 10);
        } else if (c >= 'A' && c <= 'F') {
            v |= (uint32_t)(c - 'A' + 10);
        } else {
            return fail(p, "bad hex digit in \\u escape");
        }
    }
    *out = v;
    return true;
}

/* Parses a string at p->pos (which is at the opening quote). */
static bool parse_string(parser *p, char **out, size_t *out_len) {
    buffer b = {NULL, 0, 0};
    if (!buffer_push(&b, '\0')) { /* allocate, so an empty string is "" and not NULL */
        return fail(p, "out of memory");
    }
    b.len = 0;
    p->pos++; /* the quote */
    for (;;) {
        if (p->pos >= p->len) {
            free(b.data);
            return fail(p, "unterminated string");
        }
        unsigned char c = (unsigned char)p->s[p->pos++];
        if (c == '"') {
            break;
        }
        if (c < 0x20) {
            free(b.data);
            return fail(p, "control character in string");
        }
        if (c != '\\') {
            if (!buffer_push(&b, (char)c)) {
                free(b.data);
                return fail(p, "out of memory");
            }
            continue;
        }
        if (p->pos >= p->len) {
            free(b.data);
            return fail(p, "truncated escape");
        }
        char e = p->s[p->pos++];
        char plain = 0;
        switch (e) {
        case '"': plain = '"'; break;
        case '\\': plain = '\\'; break;
        case '/': plain = '/'; break;
        case 'b': plain = '\b'; break;
        case 'f': plain = '\f'; break;
        case 'n': plain = '\n'; break;
        case 'r': plain = '\r'; break;
        case 't': plain = '\t'; break;
        case 'u': {
            uint32_t cp;
            if (!hex4(p, &cp)) {
                free(b.data);
                return false;
            }
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                uint32_t low;
                if (p->len - p->pos < 2 || p->s[p->pos] != '\\' || p->s[p->pos + 1] != 'u') {
                    free(b.data);
                    return fail(p, "lone high surrogate");
                }
                p->pos += 2;
                if (!hex4(p, &low)) {
                    free(b.data);
                    return false;
                }
                if (low < 0xDC00 || low > 0xDFFF) {
                    free(b.data);
                    return fail(p, "bad low surrogate");
                }
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                free(b.data);
                return fail(p, "lone low surrogate");
            }
            if (!push_utf8(&b, cp)) {
                free(b.data);
                return fail(p, "out of memory");
            }
            continue;
        }
        default:
            free(b.data);
            return fail(p, "bad escape '\\%c'", e);
        }
        if (!buffer_push(&b, plain)) {
            free(b.data);
            return fail(p, "out of memory");
        }
    }
    *out = b.data;
    *out_len = b.len;
    return true;
}

/* Parses an integer: sign and magnitude, exactly, up to 2^64 - 1. */
static bool parse_int(parser *p, json_value *v) {
    v->type = JSON_INT;
    if (p->s[p->pos] == '-') {
        v->negative = true;
        p->pos++;
    }
    size_t start = p->pos;
    while (p->pos < p->len && p->s[p->pos] >= '0' && p->s[p->pos] <= '9') {
        unsigned digit = (unsigned)(p->s[p->pos] - '0');
        if (v->magnitude > (UINT64_MAX - digit) / 10) {
            return fail(p, "integer out of range");
        }
        v->magnitude = v->magnitude * 10 + digit;
        p->pos++;
    }
    if (p->pos == start) {
        return fail(p, "expected a digit");
    }
    if (p->s[start] == '0' && p->pos - start > 1) {
        return fail(p, "leading zero");
    }
    if (v->negative && v->magnitude == 0) {
        v->negative = false;
    }
    return true;
}

/* The length of the digits at p->s[at], at most to the end. */
static size_t digits_at(const parser *p, size_t at) {
    size_t n = 0;
    while (at + n < p->len && p->s[at + n] >= '0' && p->s[at + n] <= '9') {
        n++;
    }
    return n;
}

/* Parses a number: an integer as JSON_INT (exactly); one with a fraction or an
 * exponent as JSON_REAL, by strtod on the token (correctly rounded, as every JSON
 * reader of the other languages reads it: the same double). */
static bool parse_number(parser *p, json_value *v) {
    size_t start = p->pos;
    size_t at = start + (p->s[start] == '-' ? 1 : 0);
    size_t whole = digits_at(p, at);
    at += whole;
    bool real = false;
    if (whole > 0 && at < p->len && p->s[at] == '.') {
        size_t fraction = digits_at(p, at + 1);
        if (fraction == 0) {
            p->pos = at + 1;
            return fail(p, "expected a digit after '.'");
        }
        at += 1 + fraction;
        real = true;
    }
    if (whole > 0 && at < p->len && (p->s[at] == 'e' || p->s[at] == 'E')) {
        size_t sign = at + 1 < p->len && (p->s[at + 1] == '+' || p->s[at + 1] == '-') ? 1 : 0;
        size_t exponent = digits_at(p, at + 1 + sign);
        if (exponent == 0) {
            p->pos = at + 1;
            return fail(p, "expected a digit in the exponent");
        }
        at += 1 + sign + exponent;
        real = true;
    }
    if (!real) {
        return parse_int(p, v);
    }
    if (p->s[start + (p->s[start] == '-' ? 1 : 0)] == '0' && whole > 1) {
        return fail(p, "leading zero");
    }
    char token[64];
    if (at - start >= sizeof token) {
        return fail(p, "number too long");
    }
    memcpy(token, p->s + start, at - start);
    token[at - start] = '\0';
    char *end = NULL;
    v->type = JSON_REAL;
    v->real = strtod(token, &end);
    if (end != token + (at - start)) {
        return fail(p, "bad number");
    }
    p->pos = at;
    return true;
}

static bool parse_value(parser *p, json_value *v);

/* Appends a zeroed slot to v->items (and v->keys for objects); returns it or NULL. */
static json_value *grow(json_value *v) {
    json_value *items = realloc(v->items, (v->count + 1) * sizeof *items);
    if (items == NULL) {
        return NULL;
    }
    v->items = items;
    if (v->type == JSON_OBJECT) {
        char **keys = realloc(v->keys, (v->count + 1) * sizeof *keys);
        if (keys == NULL) {
            return NULL;
        }
        v->keys = keys;
        v->keys[v->count] = NULL;
    }
    memset(&v->items[v->count], 0, sizeof v->items[v->count]);
    v->count++;
    return &v->items[v->count - 1];
}

static bool parse_container(parser *p, json_value *v, bool object) {
    char close = object ? '}' : ']';
    v->type = object ? JSON_OBJECT : JSON_ARRAY;
    if (++p->depth > 64) {
        return fail(p, "nested too deeply");
    }
    p->pos++; /* the opening bracket */
    skip_ws(p);
    if (p->pos < p->len && p->s[p->pos] == close) {
        p->pos++;
        p->depth--;
        return true;
    }
    for (;;) {
        json_value *item = grow(v);
        if (item == NULL) {
            return fail(p, "out of memory");
        }
        if (object) {
            size_t key_len;
            skip_ws(p);
            if (p->pos >= p->len || p->s[p->pos] != '"') {
                return fail(p, "expected a key");
            }
            if (!parse_string(p, &v->keys[v->count - 1], &key_len)) {
                return false;
            }
            skip_ws(p);
            if (p->pos >= p->len || p->s[p->pos] != ':') {
                return fail(p, "expected ':'");
            }
            p->pos++;
        }
        if (!parse_value(p, item)) {
            return false;
        }
        skip_ws(p);
        if (p->pos >= p->len) {
            return fail(p, "unterminated %s", object ? "object" : "array");
        }
        if (p->s[p->pos] == ',') {
            p->pos++;
            continue;
        }
        if (p->s[p->pos] == close) {
            p->pos++;
            p->depth--;
            return true;
        }
        return fail(p, "expected ',' or '%c'", close);
    }
}

static bool parse_value(parser *p, json_value *v) {
    skip_ws(p);
    if (p->pos >= p->len) {
        return fail(p, "unexpected end of input");
    }
    switch (p->s[p->pos]) {
    case '{': return parse_container(p, v, true);
    case '[': return parse_container(p, v, false);
    case '"':
        v->type = JSON_STRING;
        return parse_string(p, &v->str, &v->len);
    case 't':
        v->type = JSON_BOOL;
        v->boolean = true;
        return literal(p, "true");
    case 'f':
        v->type = JSON_BOOL;
        v->boolean = false;
        return literal(p, "false");
    case 'n':
        v->type = JSON_NULL;
        return literal(p, "null");
    default:
        return parse_number(p, v);
    }
}

bool json_parse(const char *text, size_t len, json_value *out, char *err, size_t err_size) {
    parser p = {text, len, 0, err, err_size, 0};
    memset(out, 0, sizeof *out);
    if (!parse_value(&p, out)) {
        json_free(out);
        return false;
    }
    skip_ws(&p);
    if (p.pos != p.len) {
        json_free(out);
        return fail(&p, "trailing characters");
    }
    return true;
}

bool json_parse_file(const char *path, json_value *out, char *err, size_t err_size) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        snprintf(err, err_size, "%s: cannot open", path);
        return false;
    }
    buffer b = {NULL, 0, 0};
    int c;
    while ((c = fgetc(f)) != EOF) {
        if (!buffer_push(&b, (char)c)) {
            fclose(f);
            free(b.data);
            snprintf(err, err_size, "%s: out of memory", path);
            return false;
        }
    }
    bool read_error = ferror(f) != 0;
    fclose(f);
    if (read_error) {
        free(b.data);
        snprintf(err, err_size, "%s: read error", path);
        return false;
    }
    bool ok = json_parse(b.data == NULL ? "" : b.data, b.len, out, err, err_size);
    free(b.data);
    return ok;
}

void json_free(json_value *v) {
    if (v == NULL) {
        return;
    }
    free(v->str);
    for (size_t i = 0; i < v->count; i++) {
        json_free(&v->items[i]);
        if (v->keys != NULL) {
            free(v->keys[i]);
        }
    }
    free(v->items);
    free(v->keys);
    memset(v, 0, sizeof *v);
}

const json_value *json_get(const json_value *v, const char *key) {
    if (v == NULL || v->type != JSON_OBJECT) {
        return NULL;
    }
    for (size_t i = 0; i < v->count; i++) {
        if (strcmp(v->keys[i], key) == 0) {
            return &v->items[i];
        }
    }
    return NULL;
}

bool json_as_i64(const json_value *v, int64_t *out) {
    if (v == NULL || v->type != JSON_INT) {
        return false;
    }
    if (v->negative) {
        if (v->magnitude > (uint64_t)INT64_MAX + 1) {
            return false;
        }
        *out = v->magnitude == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)v->magnitude;
    } else {
        if (v->magnitude > (uint64_t)INT64_MAX) {
            return false;
        }
        *out = (int64_t)v->magnitude;
    }
    return true;
}

bool json_as_u64(const json_value *v, uint64_t *out) {
    if (v == NULL || v->type != JSON_INT || v->negative) {
        return false;
    }
    *out = v->magnitude;
    return true;
}

bool json_as_double(const json_value *v, double *out) {
    if (v == NULL) {
        return false;
    }
    if (v->type == JSON_REAL) {
        *out = v->real;
        return true;
    }
    if (v->type == JSON_INT && v->magnitude <= (UINT64_C(1) << 53)) {
        *out = v->negative ? -(double)v->magnitude : (double)v->magnitude;
        return true;
    }
    return false;
}
