//! The canonical JSON form of the catalogue: what `dcs-status errors --json` prints,
//! what `tests/data/error-codes.json` holds, and how a binding proves it holds the
//! same catalogue.

use core::fmt::Write;

use crate::json::string;
use crate::CatalogueEntry;

/// The whole catalogue as canonical JSON.
///
/// A JSON array in document order, one object per line, each with exactly the keys
/// `code`, `status`, `message`, `description`, `solution`, `advice` in that order, in
/// the style of [`table_json`](crate::table_json): no spaces between tokens, `"`, `\`
/// and control characters escaped, other characters as they are. Ends with a newline.
///
/// ```
/// let json = dcs_status::catalogue_json();
/// assert!(json.starts_with("[\n{\"code\":\""));
/// assert!(json.ends_with("}\n]\n"));
/// assert_eq!(json.lines().count(), dcs_status::CatalogueEntry::all().len() + 2);
/// ```
pub fn catalogue_json() -> String {
    let mut out = String::with_capacity(128 * 1024);
    out.push_str("[\n");
    for (i, entry) in CatalogueEntry::all().iter().enumerate() {
        if i > 0 {
            out.push_str(",\n");
        }
        catalogue_entry_json(&mut out, entry);
    }
    out.push_str("\n]\n");
    out
}

/// Appends one entry's canonical JSON object (no newline) to `out`.
///
/// ```
/// use dcs_status::{catalogue_entry_json, CatalogueEntry};
///
/// let mut out = String::new();
/// catalogue_entry_json(&mut out, CatalogueEntry::lookup("DCS.4111").unwrap());
/// assert_eq!(
///     out,
///     r#"{"code":"DCS.4111","status":400,"message":"the instance is restarting.","description":"Restarting the instance... Please try again later.","solution":"Try again later or contact technical support.","advice":"retry_later"}"#
/// );
/// ```
pub fn catalogue_entry_json(out: &mut String, entry: &CatalogueEntry) {
    out.push_str("{\"code\":");
    string(out, entry.code());
    // Writing to a String cannot fail.
    let _ = write!(out, ",\"status\":{},\"message\":", entry.status().code());
    string(out, entry.message());
    out.push_str(",\"description\":");
    string(out, entry.description());
    out.push_str(",\"solution\":");
    string(out, entry.solution());
    out.push_str(",\"advice\":");
    string(out, entry.advice().as_str());
    out.push('}');
}
