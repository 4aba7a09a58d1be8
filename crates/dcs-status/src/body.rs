//! Error bodies: what a DCS (or API gateway) error response says in its body, read
//! from bytes of any content and never thrown on.
//!
//! A DCS error body is `{"error_msg": "...", "error_code": "DCS.4855",
//! "error_ext_msg": null}`; the API gateway adds `request_id`; other services write
//! `errorCode`/`errorMsg`, `code`/`message`, or put the pair in a nested object
//! (`{"error": {"code": ..., "message": ...}}`). [`parse_error_body`] reads them all
//! with serde_json, keeping only the wanted members (borrowed, as [`RawStr`]s) and
//! skipping everything else unread.

use core::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;

use crate::CatalogueEntry;

mod raw_str;
mod request_id;

pub use raw_str::RawStr;
pub use request_id::resolve_request_id;
pub(crate) use request_id::RequestIdHeaders;

/// What an error response's body says: its error code, message, extended message
/// and request id, each borrowed from the body as sent.
///
/// Each field is `None` when the body does not have it as a JSON string (missing,
/// `null`, a number, an object...). A body that is not a JSON object (empty, not
/// JSON, not UTF-8, an array, cut short) has none of them.
///
/// ```
/// use dcs_status::parse_error_body;
///
/// let body = parse_error_body(
///     br#"{"error_msg": "Master standby swap is not supported.", "error_code": "DCS.4855", "error_ext_msg": null}"#,
/// );
/// assert_eq!(body.error_code().unwrap(), "DCS.4855");
/// assert_eq!(body.error_msg().unwrap(), "Master standby swap is not supported.");
/// assert_eq!(body.error_ext_msg(), None);
/// assert_eq!(body.catalogue_entry().unwrap().status().code(), 400);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct ErrorBody<'a> {
    error_code: Option<RawStr<'a>>,
    error_msg: Option<RawStr<'a>>,
    error_ext_msg: Option<RawStr<'a>>,
    request_id: Option<RawStr<'a>>,
}

impl<'a> ErrorBody<'a> {
    /// The error code (`DCS.4855`, `111400017`, `APIGW.0308`...), as sent.
    pub const fn error_code(&self) -> Option<RawStr<'a>> {
        self.error_code
    }

    /// The error message, as sent (a template's placeholders may be filled in).
    pub const fn error_msg(&self) -> Option<RawStr<'a>> {
        self.error_msg
    }

    /// `error_ext_msg`, read from the object the code and message came from (DCS
    /// documents it as unused and always `null`).
    pub const fn error_ext_msg(&self) -> Option<RawStr<'a>> {
        self.error_ext_msg
    }

    /// The body's own top-level `request_id` (the API gateway sends one). For the
    /// response's request id, which prefers the `X-Request-Id` header, see
    /// [`resolve_request_id`].
    pub const fn request_id(&self) -> Option<RawStr<'a>> {
        self.request_id
    }

    /// The catalogue's entry for the body's error code, when the catalogue has it
    /// (looked up as [`CatalogueEntry::lookup`] does, so `"DCS. 4855"` is found). No
    /// allocation; a code over 64 bytes once its escapes are resolved is no
    /// catalogue code.
    ///
    /// ```
    /// let body = dcs_status::parse_error_body(br#"{"error_code":"DCS.4111","error_msg":"the instance is restarting."}"#);
    /// assert_eq!(body.catalogue_entry().unwrap().advice().as_str(), "retry_later");
    /// ```
    pub fn catalogue_entry(&self) -> Option<&'static CatalogueEntry> {
        let code = self.error_code?;
        match code.as_str() {
            Some(text) => CatalogueEntry::lookup(text).ok(),
            None => {
                let mut buf = [0; 64];
                CatalogueEntry::lookup(code.decode_into(&mut buf)?).ok()
            }
        }
    }
}

/// Reads an error response's body: any bytes, never an error, never a panic.
///
/// From a JSON object, the first of these pairs of keys in which the code or the
/// message is a JSON string gives both (each only if it is a string):
/// `error_code`/`error_msg`; `errorCode`/`errorMsg`; `code`/`message`; then the same
/// pairs one level down, in the first member whose value is an object
/// (`{"error": {"code": ..., "message": ...}}`). `error_ext_msg` comes from the same
/// object as the pair (the top level when there is none); `request_id` from the top
/// level. When a key appears twice, its first value counts.
///
/// Anything else has no code: an empty body, text that is not JSON (an HTML error
/// page), JSON that is not an object, invalid UTF-8, an object cut short or followed
/// by more than whitespace. Nesting is skipped without recursion, so no depth can
/// overflow the stack. Work is linear in the body's length; the fields are borrowed
/// from `body`. Nothing is allocated for a body that is not an object, nor for an
/// object whose members' values hold no container inside a container (every DCS
/// and gateway error body). Deeper nesting costs serde_json a scratch stack of one
/// byte per level, and malformed JSON its error value, both freed before this
/// returns.
///
/// ```
/// use dcs_status::parse_error_body;
///
/// let gateway = parse_error_body(br#"{"error_msg":"The throttling threshold has been reached","error_code":"APIGW.0308","request_id":"d4e8"}"#);
/// assert_eq!(gateway.error_code().unwrap(), "APIGW.0308");
/// assert_eq!(gateway.request_id().unwrap(), "d4e8");
///
/// let nested = parse_error_body(br#"{"error": {"code": "E1", "message": "boom"}}"#);
/// assert_eq!(nested.error_code().unwrap(), "E1");
/// assert_eq!(nested.error_msg().unwrap(), "boom");
///
/// for junk in [&b""[..], b"<html>502 Bad Gateway</html>", b"[1, 2]", b"\xff\xfe", b"{\"error_code\": \"DCS.4855\""] {
///     assert_eq!(parse_error_body(junk).error_code(), None);
/// }
/// ```
pub fn parse_error_body(body: &[u8]) -> ErrorBody<'_> {
    let Some(top) = members(body) else {
        return ErrorBody::default();
    };
    let nested = || {
        let inner = members(top.first_object?.as_bytes())?;
        Some((inner.pair()?, inner.string(Name::ErrorExtMsg)))
    };
    let ((error_code, error_msg), error_ext_msg) = match top.pair() {
        Some(pair) => (pair, top.string(Name::ErrorExtMsg)),
        None => nested().unwrap_or(((None, None), top.string(Name::ErrorExtMsg))),
    };
    ErrorBody {
        error_code,
        error_msg,
        error_ext_msg,
        request_id: top.string(Name::RequestId),
    }
}

/// The keys the parser reads: every other key is skipped. The discriminant indexes
/// [`Members::values`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Name {
    ErrorCode,
    ErrorMsg,
    ErrorCodeCamel,
    ErrorMsgCamel,
    Code,
    Message,
    ErrorExtMsg,
    RequestId,
    Other,
}

impl Name {
    const KEYS: [(&'static str, Name); 8] = [
        ("error_code", Name::ErrorCode),
        ("error_msg", Name::ErrorMsg),
        ("errorCode", Name::ErrorCodeCamel),
        ("errorMsg", Name::ErrorMsgCamel),
        ("code", Name::Code),
        ("message", Name::Message),
        ("error_ext_msg", Name::ErrorExtMsg),
        ("request_id", Name::RequestId),
    ];

    /// The pairs of code and message keys, in the order they are tried.
    const PAIRS: [(Name, Name); 3] = [
        (Name::ErrorCode, Name::ErrorMsg),
        (Name::ErrorCodeCamel, Name::ErrorMsgCamel),
        (Name::Code, Name::Message),
    ];

    /// The key a member's raw JSON name (with its quotes) stands for. Escapes in
    /// the name are resolved in a small buffer: longer names are none of ours.
    fn of(raw: &str) -> Name {
        let Some(content) = raw.strip_prefix('"').and_then(|r| r.strip_suffix('"')) else {
            return Name::Other;
        };
        let name = RawStr::json(content);
        let mut buf = [0; 16];
        let Some(name) = name.as_str().or_else(|| name.decode_into(&mut buf)) else {
            return Name::Other;
        };
        Name::KEYS
            .iter()
            .find(|(key, _)| *key == name)
            .map_or(Name::Other, |&(_, n)| n)
    }
}

impl<'de> Deserialize<'de> for Name {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Name, D::Error> {
        let raw = <&RawValue>::deserialize(deserializer)?;
        Ok(Name::of(raw.get()))
    }
}

/// What the parser keeps of one JSON object: the first raw value (any JSON type) of
/// each wanted key, and the first member whose value is an object.
#[derive(Default)]
struct Members<'a> {
    values: [Option<&'a str>; Name::KEYS.len()],
    first_object: Option<&'a str>,
}

impl<'a> Members<'a> {
    /// The value of `name`, if it is a JSON string.
    fn string(&self, name: Name) -> Option<RawStr<'a>> {
        let raw = (*self.values.get(name as usize)?)?;
        Some(RawStr::json(raw.strip_prefix('"')?.strip_suffix('"')?))
    }

    /// The code and message of the first pair in which either is a string.
    #[allow(clippy::type_complexity)]
    fn pair(&self) -> Option<(Option<RawStr<'a>>, Option<RawStr<'a>>)> {
        Name::PAIRS
            .iter()
            .map(|&(code, message)| (self.string(code), self.string(message)))
            .find(|(code, message)| code.is_some() || message.is_some())
    }
}

/// The members of the JSON object `json`, or `None` when it is not exactly one
/// (surrounding whitespace aside).
fn members(json: &[u8]) -> Option<Members<'_>> {
    // Turn away what cannot be an object before serde_json, which would allocate its
    // error for it.
    if json.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        return None;
    }
    let mut deserializer = serde_json::Deserializer::from_slice(json);
    let members = deserializer.deserialize_any(MembersVisitor).ok()?;
    deserializer.end().ok()?;
    Some(members)
}

/// Reads an object's members: wanted keys' values are kept as raw JSON (borrowed,
/// unparsed), every other value is skipped by serde_json without being built.
///
/// Any other JSON value is refused with one fixed error: the default refusals word
/// the value (`invalid type: floating point ...`), which would link serde_json's float
/// formatting (and its tables, 20 KB) into every binary for messages nobody reads.
struct MembersVisitor;

/// The error for a value that is not an object.
fn not_an_object<E: serde::de::Error>() -> E {
    E::custom("not a JSON object")
}

impl<'de> Visitor<'de> for MembersVisitor {
    type Value = Members<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Err(not_an_object())
    }

    fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Err(not_an_object())
    }

    fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Err(not_an_object())
    }

    fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Err(not_an_object())
    }

    fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<Self::Value, E> {
        Err(not_an_object())
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Err(not_an_object())
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
        Err(not_an_object())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Members<'de>, A::Error> {
        let mut members = Members::default();
        while let Some(name) = map.next_key::<Name>()? {
            let value: &'de RawValue = map.next_value()?;
            let raw = value.get();
            if members.first_object.is_none() && raw.starts_with('{') {
                members.first_object = Some(raw);
            }
            if let Some(slot) = members.values.get_mut(name as usize) {
                slot.get_or_insert(raw);
            }
        }
        Ok(members)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(body: &[u8]) -> [Option<String>; 4] {
        let b = parse_error_body(body);
        [b.error_code, b.error_msg, b.error_ext_msg, b.request_id]
            .map(|f| f.map(|s| s.decode().into_owned()))
    }

    fn s(text: &str) -> Option<String> {
        Some(text.to_owned())
    }

    #[test]
    fn fields_point_into_the_callers_buffer() {
        // The C ABI hands out (pointer, length) into the caller's body: the fields
        // must be slices of it, at the top level and one level down.
        for body in [
            &br#"{"error_code":"DCS.4855","error_msg":"m\n","error_ext_msg":"e","request_id":"r"}"#
                [..],
            br#"{"request_id":"r","error":{"code":"C","message":"m","error_ext_msg":"e"}}"#,
        ] {
            let parsed = parse_error_body(body);
            let range = body.as_ptr_range();
            let fields = [
                parsed.error_code,
                parsed.error_msg,
                parsed.error_ext_msg,
                parsed.request_id,
            ];
            for field in fields {
                let raw = field.expect("every field is set").as_raw().as_bytes();
                assert!(range.start <= raw.as_ptr() && raw.as_ptr_range().end <= range.end);
            }
        }
    }

    #[test]
    fn names_with_escapes_are_read_as_their_text() {
        assert_eq!(
            fields(br#"{"error\u005fcode":"X","error_msg":"m"}"#),
            [s("X"), s("m"), None, None]
        );
        assert_eq!(Name::of(r#""error_code_but_much_longer""#), Name::Other);
        assert_eq!(Name::of(r#""""#), Name::Other);
    }

    #[test]
    fn the_first_value_of_a_repeated_key_counts() {
        assert_eq!(
            fields(br#"{"error_code":"A","error_code":"B","error_msg":"m"}"#),
            [s("A"), s("m"), None, None]
        );
        assert_eq!(
            fields(br#"{"error_code":1,"error_code":"B","error_msg":"m"}"#),
            [None, s("m"), None, None]
        );
    }

    #[test]
    fn a_pair_is_found_by_either_string_and_keeps_together() {
        assert_eq!(
            fields(br#"{"error_msg":"m","code":"C","message":"n"}"#),
            [None, s("m"), None, None]
        );
        assert_eq!(
            fields(br#"{"error_code":404,"code":"C","message":"n"}"#),
            [s("C"), s("n"), None, None]
        );
    }

    #[test]
    fn only_the_first_object_member_is_looked_into() {
        assert_eq!(
            fields(br#"{"a":{"x":1},"b":{"code":"C","message":"m"}}"#),
            [None, None, None, None]
        );
        assert_eq!(
            fields(br#"{"a":[{"code":"C"}],"b":{"code":"C","message":"m","error_ext_msg":"e"}}"#),
            [s("C"), s("m"), s("e"), None]
        );
        // Two levels down is too deep.
        assert_eq!(
            fields(br#"{"a":{"b":{"code":"C","message":"m"}}}"#),
            [None, None, None, None]
        );
    }

    #[test]
    fn whitespace_around_the_object_is_fine_and_anything_else_is_not() {
        assert_eq!(
            fields(b" \r\n\t{\"code\":\"C\"} \n"),
            [s("C"), None, None, None]
        );
        assert_eq!(fields(b"{\"code\":\"C\"} x"), [None, None, None, None]);
        assert_eq!(fields(b"{\"code\":\"C\"}{}"), [None, None, None, None]);
    }
}
