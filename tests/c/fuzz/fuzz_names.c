/*
 * fuzz_names.c: dcs_status_from_name and dcs_status_method_is_idempotent on any bytes,
 * and the message about a name that is not one.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    uint8_t cap_seed = take_u8(&data, &size);
    /* An exact-size copy: a read past `size` is a heap overflow ASan reports. */
    char *name = malloc(size == 0 ? 1 : size);
    FUZZ_ASSERT(name != NULL);
    memcpy(name, data, size);

    const dcs_status_entry *sentinel = dcs_status_get(200);
    const dcs_status_entry *e = sentinel;
    dcs_status_result r = dcs_status_from_name(name, size, &e);
    FUZZ_ASSERT(r == DCS_STATUS_RESULT_OK || r == DCS_STATUS_RESULT_ERR_UNKNOWN_NAME ||
                r == DCS_STATUS_RESULT_ERR_INVALID_UTF8);
    if (r == DCS_STATUS_RESULT_OK) {
        /* A name found leads to an entry of the table, which its own names find. */
        FUZZ_ASSERT(e != NULL && dcs_status_get(e->code) == e);
        const dcs_status_entry *again = NULL;
        FUZZ_ASSERT(dcs_status_from_name(e->ident, strlen(e->ident), &again) == DCS_STATUS_RESULT_OK);
        FUZZ_ASSERT(again == e);
    } else {
        FUZZ_ASSERT(e == sentinel); /* untouched on error */
        error_message_args args = {(uint32_t)r, name, size};
        check_rendering(render_error_message, &args, cap_seed);
    }

    bool idempotent = dcs_status_method_is_idempotent(name, size);
    FUZZ_ASSERT(!idempotent || (size >= 3 && size <= 7));
    free(name);
    return 0;
}
