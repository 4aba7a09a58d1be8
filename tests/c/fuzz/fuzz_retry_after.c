/*
 * fuzz_retry_after.c: dcs_status_parse_retry_after on any bytes at any `now` (the
 * first 8 bytes), and the message about a value that does not parse.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    int64_t now = take_i64(&data, &size);
    uint8_t cap_seed = take_u8(&data, &size);
    char *value = malloc(size == 0 ? 1 : size);
    FUZZ_ASSERT(value != NULL);
    memcpy(value, data, size);

    uint64_t seconds = 0x5eed;
    dcs_status_result r = dcs_status_parse_retry_after(value, size, now, &seconds);
    FUZZ_ASSERT(r == DCS_STATUS_RESULT_OK || r == DCS_STATUS_RESULT_ERR_INVALID_UTF8 ||
                dcs_status_result_is_retry_after_error(r));
    if (r == DCS_STATUS_RESULT_OK) {
        /* Digits alone (after spaces and tabs) are the delay itself, saturating. */
        size_t start = 0, end = size;
        while (start < end && (value[start] == ' ' || value[start] == '\t')) start++;
        while (end > start && (value[end - 1] == ' ' || value[end - 1] == '\t')) end--;
        if (start < end && value[start] >= '0' && value[start] <= '9') {
            uint64_t expected = 0;
            for (size_t i = start; i < end; i++) {
                FUZZ_ASSERT(value[i] >= '0' && value[i] <= '9');
                uint64_t digit = (uint64_t)(value[i] - '0');
                expected = expected > (UINT64_MAX - digit) / 10 ? UINT64_MAX : expected * 10 + digit;
            }
            FUZZ_ASSERT(seconds == expected);
        }
    } else {
        FUZZ_ASSERT(seconds == 0x5eed); /* untouched on error */
        error_message_args args = {(uint32_t)r, value, size};
        check_rendering(render_error_message, &args, cap_seed);
    }
    free(value);
    return 0;
}
