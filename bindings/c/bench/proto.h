/*
 * proto.h: a prototype of a possible addition to the C API, for the benchmark only.
 *
 * If libdcs_status exported its (static, immutable) entry table and a byte index
 * by code, the header could offer a `static inline` lookup that compiles to two
 * loads in the caller, with no call at all, through the shared library too:
 *
 *   extern const struct dcs_status_entry dcs_status_entries[];      // in code order
 *   extern const uint8_t dcs_status_slot_by_code[500];               // 100..599; 255 = none
 *   static inline const struct dcs_status_entry *dcs_status_get_inline(int64_t code);
 *
 * proto.c builds those two arrays (from dcs_status_at, at load time) in a separate
 * library, libdcs_status_proto.so or an object linked in, so the benchmark measures
 * what such an inline lookup would cost across a shared-library boundary.
 */
#ifndef DCS_STATUS_BENCH_PROTO_H
#define DCS_STATUS_BENCH_PROTO_H

#include <dcs_status.h>

#define DCS_STATUS_PROTO_NONE 255

extern dcs_status_entry dcs_status_proto_entries[64];
extern uint8_t dcs_status_proto_slot_by_code[500];

static inline const dcs_status_entry *dcs_status_proto_get_inline(int64_t code) {
    uint64_t slot = (uint64_t)code - 100;
    if (slot >= 500) {
        return NULL;
    }
    uint8_t i = dcs_status_proto_slot_by_code[slot];
    return i == DCS_STATUS_PROTO_NONE ? NULL : &dcs_status_proto_entries[i];
}

#endif
