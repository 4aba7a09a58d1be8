/*
 * check.h: the few assertion macros the C tests share (C99, header-only).
 *
 * A failed check prints file:line, the expression and the values, and counts; the
 * test goes on so one run shows every failure. CHECK_SUMMARY() ends main: it prints
 * "<program>: N checks, M failed" and returns the exit status.
 */
#ifndef DCS_STATUS_TESTS_CHECK_H
#define DCS_STATUS_TESTS_CHECK_H

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

static unsigned long check_count;
static unsigned long check_failed;

static inline int check_report(int ok, const char *file, int line, const char *what) {
    check_count++;
    if (!ok) {
        check_failed++;
        fprintf(stderr, "%s:%d: FAILED: %s\n", file, line, what);
    }
    return ok;
}

/* A boolean condition. */
#define CHECK(cond) check_report((cond) ? 1 : 0, __FILE__, __LINE__, #cond)

/* Two integers (compared as intmax_t, so mixing enums, sizes and codes is fine). */
#define CHECK_INT(actual, expected)                                                      \
    do {                                                                                 \
        intmax_t check_a_ = (intmax_t)(actual);                                          \
        intmax_t check_e_ = (intmax_t)(expected);                                        \
        if (!check_report(check_a_ == check_e_, __FILE__, __LINE__,                      \
                          #actual " == " #expected)) {                                   \
            fprintf(stderr, "    actual %" PRIdMAX ", expected %" PRIdMAX "\n", check_a_, \
                    check_e_);                                                           \
        }                                                                                \
    } while (0)

/* Two unsigned 64-bit integers. */
#define CHECK_U64(actual, expected)                                                  \
    do {                                                                             \
        uint64_t check_a_ = (uint64_t)(actual);                                      \
        uint64_t check_e_ = (uint64_t)(expected);                                    \
        if (!check_report(check_a_ == check_e_, __FILE__, __LINE__,                  \
                          #actual " == " #expected)) {                               \
            fprintf(stderr, "    actual %" PRIu64 ", expected %" PRIu64 "\n", check_a_, \
                    check_e_);                                                       \
        }                                                                            \
    } while (0)

/* Two C strings, either of which may be NULL (equal only if both are). */
#define CHECK_STR(actual, expected)                                                   \
    do {                                                                              \
        const char *check_a_ = (actual);                                              \
        const char *check_e_ = (expected);                                            \
        int check_ok_ = (check_a_ == NULL || check_e_ == NULL)                        \
                            ? check_a_ == check_e_                                    \
                            : strcmp(check_a_, check_e_) == 0;                        \
        if (!check_report(check_ok_, __FILE__, __LINE__, #actual " == " #expected)) { \
            fprintf(stderr, "    actual \"%s\", expected \"%s\"\n",                   \
                    check_a_ ? check_a_ : "(NULL)", check_e_ ? check_e_ : "(NULL)");  \
        }                                                                             \
    } while (0)

/* Prints the totals and returns from main. */
#define CHECK_SUMMARY(program)                                                    \
    do {                                                                          \
        printf("%s: %lu checks, %lu failed\n", (program), check_count, check_failed); \
        return check_failed == 0 && check_count > 0 ? 0 : 1;                     \
    } while (0)

#endif /* DCS_STATUS_TESTS_CHECK_H */
