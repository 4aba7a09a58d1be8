//! The canonical JSON form of the table: how every binding proves it holds the same
//! table.

use core::fmt::Write;

use crate::Status;

/// The whole table as canonical JSON.
///
/// A JSON array in code order, one object per line, each with exactly the keys
/// `code`, `name`, `ident`, `phrase`, `class`, `retry` (the retry advice),
/// `description` in that order,
/// no spaces between tokens, and `"`, `\` and control characters escaped (`\n`,
/// `\t`, `\u001f`, ...); other characters are written as they are. Ends with a newline.
/// Byte for byte what `dcs-status list --json` prints.
///
/// ```
/// let json = dcs_status::table_json();
/// assert!(json.starts_with("[\n{\"code\":100,\"name\":\"Continue\",\"ident\":\"CONTINUE\","));
/// assert!(json.ends_with("}\n]\n"));
/// // One line per entry, and the brackets.
/// assert_eq!(json.lines().count(), dcs_status::Status::all().len() + 2);
/// ```
pub fn table_json() -> String {
    let mut out = String::with_capacity(16 * 1024);
    out.push_str("[\n");
    for (i, status) in Status::all().iter().enumerate() {
        if i > 0 {
            out.push_str(",\n");
        }
        entry_json(&mut out, status);
    }
    out.push_str("\n]\n");
    out
}

/// Appends one entry's canonical JSON object (no newline) to `out`.
///
/// ```
/// let mut out = String::new();
/// dcs_status::entry_json(&mut out, dcs_status::Status::OK);
/// assert_eq!(
///     out,
///     r#"{"code":200,"name":"OK","ident":"OK","phrase":"OK","class":"success","retry":"none","description":"The server successfully processed the request."}"#
/// );
/// ```
pub fn entry_json(out: &mut String, status: &Status) {
    // Writing to a String cannot fail.
    let _ = write!(out, "{{\"code\":{},\"name\":", status.code());
    string(out, status.name());
    out.push_str(",\"ident\":");
    string(out, status.ident());
    out.push_str(",\"phrase\":");
    string(out, status.phrase());
    out.push_str(",\"class\":");
    string(out, status.class().as_str());
    out.push_str(",\"retry\":");
    string(out, status.retry_advice().as_str());
    out.push_str(",\"description\":");
    string(out, status.description());
    out.push('}');
}

pub(crate) fn string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_quotes_backslashes_and_controls() {
        let mut out = String::new();
        string(&mut out, "a\"b\\c\nd\u{1}é");
        assert_eq!(out, "\"a\\\"b\\\\c\\nd\\u0001é\"");
    }
}
