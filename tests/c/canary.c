/*
 * canary.c: planted bugs, one per mode, that prove the checkers of tests/c/run.sh
 * are armed. A sanitizer or valgrind run that reports nothing proves something
 * only if the same setup does report a real bug.
 *
 * Usage: canary heap-overflow | signed-overflow | leak | library-overread
 *
 * library-overread lies to the library about a buffer's length, so that
 * libdcs_status itself reads past a heap block: valgrind must see reads made inside
 * the library (ASan instruments only the C code, so it sees the library's reads only
 * where they go through an intercepted libc call such as memmove).
 */
#include <dcs_status.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s heap-overflow|signed-overflow|leak|library-overread\n", argv[0]);
        return 2;
    }
    /* volatile: keep the compiler from seeing through the bugs. */
    volatile int n = argc + 1;
    if (strcmp(argv[1], "heap-overflow") == 0) {
        char *p = malloc((size_t)n);
        p[n] = 'x';
        int r = p[0];
        free(p);
        return r == 0;
    }
    if (strcmp(argv[1], "signed-overflow") == 0) {
        volatile int big = INT_MAX;
        return big + n > 0;
    }
    if (strcmp(argv[1], "leak") == 0) {
        void *volatile p = malloc(64);
        p = NULL;
        return p != NULL;
    }
    if (strcmp(argv[1], "library-overread") == 0) {
        char *p = malloc(8);
        const dcs_status_entry *e = NULL;
        memcpy(p, "not foun", 8);
        /* 9 bytes claimed, 8 allocated: the library reads one byte too far. */
        dcs_status_result r = dcs_status_from_name(p, 9, &e);
        free(p);
        return (int)r;
    }
    fprintf(stderr, "unknown mode %s\n", argv[1]);
    return 2;
}
