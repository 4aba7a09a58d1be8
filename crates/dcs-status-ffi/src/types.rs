//! The structs of the C ABI.

use core::ffi::c_char;

use core_status::Decision;

use crate::enums::{
    dcs_status_action, dcs_status_class, dcs_status_lookup_kind, dcs_status_retry_advice,
};

/// One entry of the DCS status-code table. Entries are static: never copy the strings,
/// never free anything.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct dcs_status_entry {
    /// The numeric status code.
    pub code: u16,
    /// The code's class.
    pub status_class: dcs_status_class,
    /// What the document advises about retrying.
    pub retry_advice: dcs_status_retry_advice,
    /// The entry's position in the table, 0 to `dcs_status_count() - 1`.
    pub index: u32,
    /// DCS's name, exactly as the document writes it ("NotFound", "Request Time-out").
    pub name: *const c_char,
    /// The name in UPPER_SNAKE_CASE ("NOT_FOUND", "REQUEST_TIME_OUT").
    pub ident: *const c_char,
    /// The reason phrase in today's IANA registry ("Not Found", "Request Timeout").
    pub phrase: *const c_char,
    /// DCS's description, verbatim; paragraphs are separated by a blank line ("\n\n").
    pub description: *const c_char,
}

// SAFETY: an entry's pointers point to immutable 'static NUL-terminated strings (the
// library never makes an entry any other way), so sharing entries between threads is
// sound.
unsafe impl Sync for dcs_status_entry {}

/// A pointer to a static entry, or NULL.
#[repr(transparent)]
#[derive(Clone, Copy, Debug)]
pub struct dcs_status_entry_ref(pub Option<&'static dcs_status_entry>);

/// The answer for any status code, from `dcs_status_lookup`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct dcs_status_lookup_result {
    /// The code that was looked up.
    pub code: u16,
    /// Whether the code is documented, unrecognized or invalid.
    pub kind: dcs_status_lookup_kind,
    /// The class the code is handled as.
    pub status_class: dcs_status_class,
    /// The entry whose meaning applies: the code's own, the x00 entry of its class
    /// for an unrecognized code, or 500 for 600..999. Never NULL after success.
    pub entry: *const dcs_status_entry,
}

/// A retry decision, from `dcs_status_decide`; `dcs_status_decision_text` writes it
/// as text.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct dcs_status_decision {
    /// What to do.
    pub action: dcs_status_action,
    /// For `DCS_STATUS_ACTION_RETRY_AFTER`, the delay in seconds; otherwise 0.
    pub delay_seconds: u64,
}

impl From<Decision> for dcs_status_decision {
    fn from(d: Decision) -> Self {
        dcs_status_decision {
            action: d.action().into(),
            delay_seconds: d.delay().map_or(0, |delay| delay.as_secs()),
        }
    }
}
