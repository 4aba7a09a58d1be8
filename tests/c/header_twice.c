/*
 * header_twice.c: include/dcs_status.h included twice in one C translation unit
 * (its include guard, and the separate guard of its static inline block: defining
 * dcs_status_get_inline twice would not compile), compiled as C99 with -Wall -Wextra
 * -Wpedantic -Werror, and linked: the declarations match the library's symbols,
 * dcs_status_by_code included.
 */
#include <dcs_status.h>
#include <dcs_status.h>

#include <stdio.h>

/* The header is self-contained: it needs nothing included before it, and the C
 * typedefs of its enums are 32-bit, as the ABI says. */
typedef char dcs_status_result_is_32_bits[sizeof(dcs_status_result) == 4 ? 1 : -1];
typedef char dcs_status_class_is_32_bits[sizeof(dcs_status_class) == 4 ? 1 : -1];
typedef char dcs_status_version_number_is_an_integer[DCS_STATUS_VERSION_NUMBER >= 0 ? 1 : -1];
/* dcs_status_by_code's size is part of the ABI: one slot per code 100..599. */
typedef char dcs_status_by_code_has_500_slots[sizeof dcs_status_by_code == 500 * sizeof(dcs_status_entry_ref) ? 1 : -1];

int main(void) {
    dcs_status_result_is_32_bits a;
    dcs_status_class_is_32_bits b;
    dcs_status_version_number_is_an_integer c;
    dcs_status_by_code_has_500_slots d;
    (void)a;
    (void)b;
    (void)c;
    (void)d;
    const dcs_status_entry *e = dcs_status_get(429);
    if (e == NULL || dcs_status_get_inline(429) != e || dcs_status_by_code[429 - 100] != e) {
        fprintf(stderr, "header_twice: no entry for 429, or get, get_inline and by_code disagree\n");
        return 1;
    }
    unsigned code = e->code; /* no cast: this file also compiles as C++ with -Wold-style-cast */
    printf("header_twice: %u %s, library %s, header %s\n", code, e->phrase, dcs_status_version(),
           DCS_STATUS_VERSION);
    return 0;
}
