/*
 * render_check.h: the renderers' snprintf contract, checked at every capacity
 * (header-only, C99; include check.h first). Shared by the C tests of every renderer.
 */
#ifndef DCS_STATUS_TESTS_RENDER_CHECK_H
#define DCS_STATUS_TESTS_RENDER_CHECK_H

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Whether `len` bytes at `s` are valid UTF-8 (the renderers never cut a character). */
static inline bool valid_utf8(const unsigned char *s, size_t len) {
    size_t i = 0;
    while (i < len) {
        unsigned char c = s[i];
        size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (n == 0 || i + n > len) {
            return false;
        }
        for (size_t k = 1; k < n; k++) {
            if ((s[i + k] & 0xC0) != 0x80) {
                return false;
            }
        }
        i += n;
    }
    return true;
}

/* The length of the C string in `cap` bytes at `s`, or `cap` if it has no NUL. */
static inline size_t bounded_strlen(const char *s, size_t cap) {
    const char *nul = memchr(s, '\0', cap);
    return nul == NULL ? cap : (size_t)(nul - s);
}

/* A renderer, as a closure over its arguments. */
typedef size_t (*render_fn)(const void *args, char *buf, size_t cap);

/* The renderer's contract, at every capacity from 0 to the text's length + 2: the
 * returned length never changes; at most cap - 1 bytes and a NUL are written, never
 * past cap, never half a UTF-8 character; what is written is a prefix of the text. */
static inline void check_snprintf_contract(const char *what, render_fn render, const void *args) {
    size_t len = render(args, NULL, 0);
    CHECK_INT(render(args, NULL, 100), len);
    if (!CHECK(len > 0 && len < 100000)) {
        return;
    }
    char *full = malloc(len + 1);
    if (!CHECK(full != NULL)) {
        return;
    }
    CHECK_INT(render(args, full, len + 1), len);
    CHECK_INT(strlen(full), len);
    CHECK(valid_utf8((const unsigned char *)full, len));
    for (size_t cap = 1; cap <= len + 2; cap++) {
        char *buf = malloc(cap); /* exactly cap bytes: ASan and valgrind see an overflow */
        if (!CHECK(buf != NULL)) {
            break;
        }
        memset(buf, 0x5A, cap);
        size_t n = render(args, buf, cap);
        size_t written = bounded_strlen(buf, cap);
        if (!CHECK(n == len && written < cap && memcmp(buf, full, written) == 0 &&
                   valid_utf8((const unsigned char *)buf, written) &&
                   written + 4 > (cap - 1 < len ? cap - 1 : len))) {
            fprintf(stderr, "    %s at cap %zu: returned %zu, wrote %zu of %zu\n", what, cap, n,
                    written, len);
        }
        free(buf);
    }
    free(full);
}

#endif /* DCS_STATUS_TESTS_RENDER_CHECK_H */
