/*
 * fuzz_common.h: what the libFuzzer harnesses share (header-only, C99).
 *
 * A harness reads its arguments from the fuzzer's bytes (an int64_t `now` as 8 bytes,
 * then the text), calls the library and checks what the header promises beyond "no
 * crash": results from the documented set, output written only on success, rendered
 * text with snprintf's contract. A broken promise aborts, which libFuzzer reports.
 */
#ifndef DCS_STATUS_FUZZ_COMMON_H
#define DCS_STATUS_FUZZ_COMMON_H

#include <dcs_status.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Aborts with a message when `cond` is false. */
#define FUZZ_ASSERT(cond)                                                          \
    do {                                                                           \
        if (!(cond)) {                                                             \
            fprintf(stderr, "%s:%d: broken promise: %s\n", __FILE__, __LINE__, #cond); \
            abort();                                                               \
        }                                                                          \
    } while (0)

/* Takes an int64_t from the front of the input (0 when too short). */
static inline int64_t take_i64(const uint8_t **data, size_t *size) {
    int64_t v = 0;
    if (*size >= sizeof v) {
        memcpy(&v, *data, sizeof v);
        *data += sizeof v;
        *size -= sizeof v;
    }
    return v;
}

/* Takes a uint64_t from the front of the input (0 when too short). */
static inline uint64_t take_u64(const uint8_t **data, size_t *size) {
    uint64_t v = 0;
    if (*size >= sizeof v) {
        memcpy(&v, *data, sizeof v);
        *data += sizeof v;
        *size -= sizeof v;
    }
    return v;
}

/* Takes a uint32_t from the front of the input (0 when too short). */
static inline uint32_t take_u32(const uint8_t **data, size_t *size) {
    uint32_t v = 0;
    if (*size >= sizeof v) {
        memcpy(&v, *data, sizeof v);
        *data += sizeof v;
        *size -= sizeof v;
    }
    return v;
}

/* Takes one byte from the front of the input (0 when empty). */
static inline uint8_t take_u8(const uint8_t **data, size_t *size) {
    uint8_t v = 0;
    if (*size > 0) {
        v = **data;
        *data += 1;
        *size -= 1;
    }
    return v;
}

/* A renderer of the library, as a closure over its arguments. */
typedef size_t (*fuzz_render_fn)(const void *args, char *buf, size_t cap);

/* The renderers' contract at a few capacities: the same length every time, at most
 * cap - 1 bytes and a NUL written into an exact-size heap buffer (ASan sees one byte
 * more), a prefix of the whole text, cut at most 3 bytes short (never inside a
 * UTF-8 character). */
static inline void check_rendering(fuzz_render_fn render, const void *args, uint8_t cap_seed) {
    size_t len = render(args, NULL, 0);
    FUZZ_ASSERT(len > 0 && len < 4096);
    char *full = malloc(len + 1);
    FUZZ_ASSERT(full != NULL);
    FUZZ_ASSERT(render(args, full, len + 1) == len);
    FUZZ_ASSERT(strlen(full) == len);
    const size_t caps[] = {1, (size_t)cap_seed % (len + 2) + 1, len, len + 1};
    for (size_t i = 0; i < sizeof caps / sizeof caps[0]; i++) {
        size_t cap = caps[i];
        char *buf = malloc(cap);
        FUZZ_ASSERT(buf != NULL);
        FUZZ_ASSERT(render(args, buf, cap) == len);
        size_t written = strlen(buf);
        size_t fits = cap - 1 < len ? cap - 1 : len;
        FUZZ_ASSERT(written <= fits && written + 4 > fits);
        FUZZ_ASSERT(memcmp(buf, full, written) == 0);
        /* Not inside a character: the next byte of the text starts one. */
        FUZZ_ASSERT(written == len || ((unsigned char)full[written] & 0xC0) != 0x80);
        free(buf);
    }
    free(full);
}

/* Arguments of dcs_status_error_message. */
typedef struct error_message_args {
    uint32_t result;
    const char *input;
    size_t len;
} error_message_args;

static inline size_t render_error_message(const void *p, char *buf, size_t cap) {
    const error_message_args *a = p;
    return dcs_status_error_message(a->result, a->input, a->len, buf, cap);
}

#endif /* DCS_STATUS_FUZZ_COMMON_H */
