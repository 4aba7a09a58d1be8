//! The table as C structs, built from the core's table at compile time.

use core_status::Status;

use crate::types::{dcs_status_class, dcs_status_entry, dcs_status_retry};

/// The table as C sees it, in the core's order.
pub(crate) struct Entries(pub(crate) [dcs_status_entry; Status::all().len()]);

// SAFETY: the entries are never mutated, and their pointers point to the core's
// immutable 'static NUL-terminated strings, so sharing them between threads is sound.
unsafe impl Sync for Entries {}

pub(crate) static ENTRIES: Entries = Entries(build());

// Only ever evaluated at compile time (for ENTRIES): an index out of range would fail
// the build, never a call from C.
#[allow(clippy::indexing_slicing)]
const fn build() -> [dcs_status_entry; Status::all().len()] {
    let table = Status::all();
    let mut out = [dcs_status_entry {
        code: 0,
        status_class: dcs_status_class::Informational,
        retry: dcs_status_retry::None,
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
            retry: dcs_status_retry::from_core(s.retry()),
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
        .0
        .get(status.index())
        .map_or(core::ptr::null(), |e| e as *const _)
}
