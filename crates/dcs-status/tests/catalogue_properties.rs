//! Property tests of the catalogue and the body parser: total functions, a model of
//! the key rules, and escapes decoded as serde_json writes them.

use dcs_status::{parse_error_body, resolve_request_id, CatalogueEntry, RawStr};
use proptest::prelude::*;
use serde_json::Value;

/// A JSON value of a member: a string, another scalar, or a container.
fn json_value() -> impl Strategy<Value = Value> {
    let scalar = prop_oneof![
        any::<String>().prop_map(Value::from),
        "[A-Z]{3}\\.[0-9]{4}".prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<bool>().prop_map(Value::from),
        Just(Value::Null),
    ];
    scalar.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::vec((key(), inner), 0..4)
                .prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    })
}

/// A member name: mostly the parser's keys, sometimes another.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "error_code",
            "error_msg",
            "errorCode",
            "errorMsg",
            "code",
            "message",
            "error_ext_msg",
            "request_id",
            "error",
        ])
        .prop_map(str::to_owned),
        "[a-z_]{0,12}",
    ]
}

/// Members in order, with distinct names (a JSON object the model can reason about).
fn members() -> impl Strategy<Value = Vec<(String, Value)>> {
    prop::collection::vec((key(), json_value()), 0..10).prop_map(|members| {
        let mut seen = std::collections::HashSet::new();
        members
            .into_iter()
            .filter(|(k, _)| seen.insert(k.clone()))
            .collect()
    })
}

fn object_text(members: &[(String, Value)]) -> String {
    let inner: Vec<String> = members
        .iter()
        .map(|(k, v)| format!("{}:{}", Value::from(k.as_str()), v))
        .collect();
    format!("{{{}}}", inner.join(","))
}

/// The rules over an ordered object, written independently of the parser.
fn model(members: &[(String, Value)]) -> [Option<String>; 4] {
    let get = |object: &[(String, Value)], key: &str| -> Option<String> {
        object
            .iter()
            .find(|(k, _)| k == key)
            .and_then(|(_, v)| v.as_str().map(str::to_owned))
    };
    let pair = |object: &[(String, Value)]| {
        [
            ("error_code", "error_msg"),
            ("errorCode", "errorMsg"),
            ("code", "message"),
        ]
        .iter()
        .map(|(c, m)| (get(object, c), get(object, m)))
        .find(|(c, m)| c.is_some() || m.is_some())
    };
    let request_id = get(members, "request_id");
    if let Some((code, message)) = pair(members) {
        return [code, message, get(members, "error_ext_msg"), request_id];
    }
    let nested: Option<Vec<(String, Value)>> = members.iter().find_map(|(_, v)| {
        v.as_object()
            .map(|o| o.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
    });
    if let Some(nested) = nested {
        if let Some((code, message)) = pair(&nested) {
            return [code, message, get(&nested, "error_ext_msg"), request_id];
        }
    }
    [None, None, get(members, "error_ext_msg"), request_id]
}

fn parsed(body: &[u8]) -> [Option<String>; 4] {
    let b = parse_error_body(body);
    [
        b.error_code(),
        b.error_msg(),
        b.error_ext_msg(),
        b.request_id(),
    ]
    .map(|f| f.map(|s| s.decode().into_owned()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_bytes_give_a_body_never_a_panic(body in prop::collection::vec(any::<u8>(), 0..256)) {
        let parsed = parse_error_body(&body);
        let _ = parsed.catalogue_entry();
        let _ = resolve_request_id([(&b"x-request-id"[..], &body[..])], parsed.request_id());
    }

    #[test]
    fn objects_are_read_by_the_rules(members in members()) {
        let text = object_text(&members);
        prop_assert_eq!(parsed(text.as_bytes()), model(&members), "{}", text);
    }

    #[test]
    fn objects_cut_short_have_no_fields(members in members(), cut in any::<prop::sample::Index>()) {
        let text = object_text(&members);
        let at = cut.index(text.len());
        if let Some(prefix) = text.get(..at) {
            prop_assert_eq!(parsed(prefix.as_bytes()), [None, None, None, None], "{}", prefix);
        }
    }

    #[test]
    fn strings_decode_to_what_serde_json_encoded(s in any::<String>()) {
        let json = Value::from(s.as_str()).to_string();
        let raw = &json[1..json.len() - 1];
        let text = RawStr::json(raw);
        prop_assert_eq!(text.decode(), s.as_str());
        let mut buf = vec![0; raw.len()];
        prop_assert_eq!(text.decode_into(&mut buf), Some(s.as_str()));
    }

    #[test]
    fn unicode_escapes_decode_to_their_character(c in any::<char>()) {
        let mut units = [0u16; 2];
        let raw: String = c.encode_utf16(&mut units).iter().map(|u| format!("\\u{u:04X}")).collect();
        let text = RawStr::json(&raw);
        prop_assert_eq!(text.decode(), c.to_string());
        prop_assert!(text.decoded_len() <= raw.len());
    }

    #[test]
    fn any_raw_text_decodes_within_its_length(raw in "[\\\\a-fu0-9\"/nrtbé😀]{0,24}") {
        let text = RawStr::json(&raw);
        let mut buf = vec![0; raw.len()];
        let decoded = text.decode_into(&mut buf).map(str::to_owned);
        prop_assert_eq!(decoded.as_deref(), Some(&*text.decode()));
    }

    #[test]
    fn codes_are_found_in_any_case_with_whitespace_anywhere(
        index in any::<prop::sample::Index>(),
        spaces in prop::collection::vec((any::<prop::sample::Index>(), "[ \t\r\n]{1,3}"), 0..4),
        upper in prop::collection::vec(any::<bool>(), 16),
    ) {
        let entry = index.get(CatalogueEntry::all());
        let mut code: String = entry
            .code()
            .chars()
            .zip(upper.iter().cycle())
            .map(|(c, &up)| if up { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() })
            .collect();
        for (at, space) in spaces {
            code.insert_str(at.index(code.len() + 1), &space);
        }
        prop_assert_eq!(CatalogueEntry::lookup(&code), Ok(entry), "{:?}", code);
    }

    #[test]
    fn lookup_finds_exactly_the_codes_of_the_catalogue(code in "[DCSdcs. 0-9]{0,12}") {
        let normalized: String = code
            .chars()
            .filter(|c| !c.is_ascii_whitespace())
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let expected = CatalogueEntry::all().iter().find(|e| e.code() == normalized);
        prop_assert_eq!(CatalogueEntry::lookup(&code).ok(), expected, "{:?}", code);
    }
}
