/* proto.c: the exported arrays of proto.h, filled from libdcs_status at load time. */
#include "proto.h"

#include <string.h>

dcs_status_entry dcs_status_proto_entries[64];
uint8_t dcs_status_proto_slot_by_code[500];

__attribute__((constructor)) static void dcs_status_proto_fill(void) {
    memset(dcs_status_proto_slot_by_code, DCS_STATUS_PROTO_NONE, sizeof dcs_status_proto_slot_by_code);
    for (size_t i = 0; i < dcs_status_count() && i < 64; i++) {
        const dcs_status_entry *e = dcs_status_at(i);
        dcs_status_proto_entries[i] = *e;
        if (e->code >= 100 && e->code < 600) {
            dcs_status_proto_slot_by_code[e->code - 100] = (uint8_t)i;
        }
    }
}
