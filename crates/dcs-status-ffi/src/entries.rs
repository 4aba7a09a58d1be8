//! The table as C structs, built from the core's table at compile time.

use core_status::Status;

use crate::enums::{dcs_status_class, dcs_status_retry_advice};
use crate::types::{dcs_status_entry, dcs_status_entry_ref};

/// The table as C sees it, in the core's order.
pub(crate) static ENTRIES: [dcs_status_entry; Status::all().len()] = build();

/// One slot per code from 100 to 599: the code's entry, or NULL where the table has no
/// such code. Exported (as data) so that the header's `dcs_status_get_inline` can
/// look a code up without a function call. Its size never changes: every code a
/// future table may add is already a slot.
#[no_mangle]
#[allow(clippy::indexing_slicing)] // evaluated at compile time only
pub static dcs_status_by_code: [dcs_status_entry_ref; 500] = {
    let mut slots = [dcs_status_entry_ref(None); 500];
    let table = Status::all();
    let mut i = 0;
    while i < table.len() {
        let code = table[i].code();
        assert!(code >= 100 && code <= 599, "a code outside the slots");
        slots[(code - 100) as usize] = dcs_status_entry_ref(Some(&ENTRIES[i]));
        i += 1;
    }
    slots
};

// Only ever evaluated at compile time (for ENTRIES): an index out of range or an
// overflow would fail the build, never a call from C.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
const fn build() -> [dcs_status_entry; Status::all().len()] {
    let table = Status::all();
    let mut out = [dcs_status_entry {
        code: 0,
        status_class: dcs_status_class::Informational,
        retry_advice: dcs_status_retry_advice::None,
        index: 0,
        name: core::ptr::null(),
        ident: core::ptr::null(),
        phrase: core::ptr::null(),
        description: core::ptr::null(),
    }; Status::all().len()];
    let mut i = 0;
    while i < table.len() {
        let s = &table[i];
        out[i] = dcs_status_entry {
            code: s.code(),
            status_class: dcs_status_class::from_core(s.class()),
            retry_advice: dcs_status_retry_advice::from_core(s.retry_advice()),
            index: s.index() as u32,
            name: s.name_cstr().as_ptr(),
            ident: s.ident_cstr().as_ptr(),
            phrase: s.phrase_cstr().as_ptr(),
            description: s.description_cstr().as_ptr(),
        };
        i += 1;
    }
    out
}

/// The C entry of a core entry.
pub(crate) fn entry_of(status: &'static Status) -> *const dcs_status_entry {
    ENTRIES
        .get(status.index())
        .map_or(core::ptr::null(), |e| e as *const _)
}
