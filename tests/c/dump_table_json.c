/*
 * dump_table_json.c: the whole table, read through dcs_status_count/dcs_status_at,
 * written in the canonical JSON form of crates/dcs-status/src/json.rs: a JSON array
 * in code order, one object per line with exactly the keys code, name, ident, phrase,
 * class, retry, description in that order, no spaces between tokens, `"`, `\` and
 * control characters escaped (\n, \r, \t, else \u00XX), everything else as it is,
 * and a final newline.
 *
 * Usage: dump_table_json              prints it
 *        dump_table_json EXPECTED     compares it byte for byte with the file EXPECTED
 *                                     (the output of `dcs-status list --json`)
 */
#include <dcs_status.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct out {
    char *data;
    size_t len;
    size_t cap;
} out;

static void put(out *o, const char *s, size_t n) {
    if (o->len + n + 1 > o->cap) {
        size_t cap = o->cap == 0 ? 16384 : o->cap;
        while (o->len + n + 1 > cap) {
            cap *= 2;
        }
        char *data = realloc(o->data, cap);
        if (data == NULL) {
            fprintf(stderr, "out of memory\n");
            exit(2);
        }
        o->data = data;
        o->cap = cap;
    }
    memcpy(o->data + o->len, s, n);
    o->len += n;
    o->data[o->len] = '\0';
}

static void puts_(out *o, const char *s) { put(o, s, strlen(s)); }

/* A JSON string, escaped as the canonical form says. A NULL pointer (a bug of the
 * library) is written as null, which can never match the expected output. */
static void string(out *o, const char *s) {
    if (s == NULL) {
        puts_(o, "null");
        return;
    }
    puts_(o, "\"");
    for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++) {
        char esc[8];
        switch (*p) {
        case '"': puts_(o, "\\\""); break;
        case '\\': puts_(o, "\\\\"); break;
        case '\n': puts_(o, "\\n"); break;
        case '\r': puts_(o, "\\r"); break;
        case '\t': puts_(o, "\\t"); break;
        default:
            if (*p < 0x20) {
                snprintf(esc, sizeof esc, "\\u%04x", (unsigned)*p);
                puts_(o, esc);
            } else {
                put(o, (const char *)p, 1); /* UTF-8 bytes pass through unchanged */
            }
        }
    }
    puts_(o, "\"");
}

static void table_json(out *o) {
    puts_(o, "[\n");
    for (size_t i = 0; i < dcs_status_count(); i++) {
        const dcs_status_entry *e = dcs_status_at(i);
        char code[32];
        if (e == NULL) {
            puts_(o, "null");
            continue;
        }
        if (i > 0) {
            puts_(o, ",\n");
        }
        snprintf(code, sizeof code, "%u", (unsigned)e->code);
        puts_(o, "{\"code\":");
        puts_(o, code);
        puts_(o, ",\"name\":");
        string(o, e->name);
        puts_(o, ",\"ident\":");
        string(o, e->ident);
        puts_(o, ",\"phrase\":");
        string(o, e->phrase);
        puts_(o, ",\"class\":");
        string(o, dcs_status_class_name(e->status_class));
        puts_(o, ",\"retry\":");
        string(o, dcs_status_retry_name(e->retry));
        puts_(o, ",\"description\":");
        string(o, e->description);
        puts_(o, "}");
    }
    puts_(o, "\n]\n");
}

/* Reads the whole file; exits on error. */
static out slurp(const char *path) {
    out o = {NULL, 0, 0};
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        fprintf(stderr, "%s: cannot open\n", path);
        exit(2);
    }
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
        put(&o, buf, n);
    }
    fclose(f);
    return o;
}

int main(int argc, char **argv) {
    out mine = {NULL, 0, 0};
    table_json(&mine);
    if (argc == 1) {
        fwrite(mine.data, 1, mine.len, stdout);
        free(mine.data);
        return 0;
    }
    out expected = slurp(argv[1]);
    int status = 0;
    if (expected.len != mine.len || memcmp(expected.data, mine.data, mine.len) != 0) {
        size_t at = 0;
        size_t line = 1;
        while (at < mine.len && at < expected.len && mine.data[at] == expected.data[at]) {
            line += mine.data[at] == '\n';
            at++;
        }
        fprintf(stderr,
                "FAILED: the table dumped from C differs from %s at byte %zu (line %zu); "
                "lengths %zu (C) and %zu (expected)\n",
                argv[1], at, line, mine.len, expected.len);
        status = 1;
    } else {
        printf("dump_table_json: %zu bytes, %zu entries, identical to %s\n", mine.len,
               dcs_status_count(), argv[1]);
    }
    free(mine.data);
    free(expected.data);
    return status;
}
