//! Generates the error-code catalogue from `data/error-codes.rst`, the project's copy
//! of the DCS API reference's "Error Codes" page: the one source of truth. A new
//! version of the page is a file drop.
//!
//! Writes to `OUT_DIR`:
//! - `catalogue_table.rs`: the catalogue's distinct texts (each once: 188 messages are
//!   also their row's description, and 25 solutions serve 287 rows), the entries in
//!   document order as indexes into them, and the perfect hash that finds an entry by
//!   its code (included by `src/catalogue.rs`);
//! - `catalogue_match.rs`: a `match` on the exact codes, the baseline of
//!   `benches/catalogue.rs`.
//!
//! The document's table is an RST grid table whose rows are each on one line. Any
//! other layout (another set of columns, a cell spread over two lines, a row without
//! five cells, a code that is no code) fails the build with the line that is wrong,
//! rather than generate a table that differs from the page. Only the reading of the
//! text lives here; the rules (advice, status link) are `const fn`s of the crate,
//! applied to the generated rows at compile time.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

#[allow(dead_code)]
mod key {
    include!("src/catalogue/key.rs");
}

use key::Key;

const DOCUMENT: &str = "data/error-codes.rst";

/// The columns the generator reads, in the order the page has them.
const COLUMNS: [&str; 5] = [
    "Status Code",
    "Error Codes",
    "Error Message",
    "Description",
    "Solution",
];

/// One row of the table, as the catalogue holds it.
struct Row {
    line: usize,
    code: String,
    status: u16,
    message: String,
    description: String,
    solution: String,
}

fn main() {
    println!("cargo::rerun-if-changed={DOCUMENT}");
    println!("cargo::rerun-if-changed=src/catalogue/key.rs");
    let text = fs::read_to_string(DOCUMENT).unwrap_or_else(|e| panic!("{DOCUMENT}: {e}"));
    let rows = parse(&text);
    let keys: Vec<Key> = rows.iter().map(key_of).collect();
    for (i, key) in keys.iter().enumerate() {
        if let Some(j) = keys[..i].iter().position(|k| k == key) {
            panic!(
                "{DOCUMENT}:{}: code {} is {} again (line {})",
                rows[i].line, rows[i].code, rows[j].code, rows[j].line
            );
        }
    }
    let hash = perfect_hash(&keys);

    let out = PathBuf::from(env::var_os("OUT_DIR").expect("OUT_DIR is set by cargo"));
    write(
        &out.join("catalogue_table.rs"),
        &table_source(&rows, &keys, &hash),
    );
    write(&out.join("catalogue_match.rs"), &match_source(&rows));
}

/// Reads the rows below the header separator (`+===`), each on one line.
fn parse(text: &str) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut header_seen = false;
    let mut in_body = false;
    let mut previous_was_border = false;
    for (i, line) in text.lines().enumerate() {
        let line_number = i + 1;
        let at = |what: &str| format!("{DOCUMENT}:{line_number}: {what}: {line}");
        if line.starts_with("+=") {
            in_body = true;
            previous_was_border = true;
            continue;
        }
        if line.starts_with("+-") {
            previous_was_border = true;
            continue;
        }
        if !line.starts_with('|') {
            previous_was_border = false;
            continue;
        }
        let cells = cells(line).unwrap_or_else(|| panic!("{}", at("expected 5 cells")));
        if !in_body {
            assert!(
                cells == COLUMNS,
                "{}",
                at(&format!("expected the columns {COLUMNS:?}"))
            );
            header_seen = true;
            continue;
        }
        assert!(
            previous_was_border,
            "{}",
            at("a row continues on a second line (cells over several lines are not read)")
        );
        previous_was_border = false;
        let [status, code, message, description, solution] = cells;
        let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(!code.is_empty(), "{}", at("a row without a code"));
        rows.push(Row {
            line: line_number,
            status: status
                .parse()
                .unwrap_or_else(|_| panic!("{}", at("not a status code"))),
            code,
            message: unescape(message),
            description: unescape(description),
            solution: unescape(solution),
        });
    }
    assert!(header_seen, "{DOCUMENT}: no table header {COLUMNS:?}");
    assert!(!rows.is_empty(), "{DOCUMENT}: the table has no rows");
    assert!(
        rows.len() < usize::from(u16::MAX),
        "{DOCUMENT}: too many rows"
    );
    for row in &rows {
        for text in [&row.code, &row.message, &row.description, &row.solution] {
            assert!(
                !text.contains('\0'),
                "{DOCUMENT}:{}: a NUL byte in a cell",
                row.line
            );
        }
    }
    rows
}

/// The five trimmed cells of a table line `| a | b | c | d | e |`.
fn cells(line: &str) -> Option<[&str; 5]> {
    let inner = line.trim_end().strip_prefix('|')?.strip_suffix('|')?;
    let mut cells = inner.split('|').map(str::trim);
    let five = [
        cells.next()?,
        cells.next()?,
        cells.next()?,
        cells.next()?,
        cells.next()?,
    ];
    match cells.next() {
        Some(_) => None,
        None => Some(five),
    }
}

/// Resolves RST backslash escapes: `\x` reads as `x`, and an escaped space vanishes.
fn unescape(cell: &str) -> String {
    let mut out = String::with_capacity(cell.len());
    let mut chars = cell.chars();
    while let Some(c) = chars.next() {
        match (c, chars.clone().next()) {
            ('\\', Some(next)) => {
                chars.next();
                if !next.is_whitespace() {
                    out.push(next);
                }
            }
            (c, _) => out.push(c),
        }
    }
    out
}

fn key_of(row: &Row) -> Key {
    Key::of(row.code.as_bytes()).unwrap_or_else(|| {
        panic!(
            "{DOCUMENT}:{}: code {:?} is longer than {} bytes",
            row.line,
            row.code,
            Key::CAPACITY
        )
    })
}

/// A perfect hash of the keys (hash and displace): with `h = key.hash(seed)`, key
/// `k` is in `slots[key::slot(h, pilots[key::bucket(h, pilots.len())], slots.len())]`,
/// and no two keys share a slot. Empty slots hold `u16::MAX`.
struct PerfectHash {
    seed: u64,
    pilots: Vec<u16>,
    slots: Vec<u16>,
}

fn perfect_hash(keys: &[Key]) -> PerfectHash {
    let slot_count = keys.len().next_power_of_two();
    for keys_per_bucket in [4, 3, 2, 1] {
        let bucket_count = keys.len().div_ceil(keys_per_bucket).next_power_of_two();
        for seed in 0..64 {
            if let Some(found) = displace(keys, seed, bucket_count, slot_count) {
                return found;
            }
        }
    }
    panic!("no perfect hash found for the catalogue's codes: change Key::hash");
}

fn displace(
    keys: &[Key],
    seed: u64,
    bucket_count: usize,
    slot_count: usize,
) -> Option<PerfectHash> {
    let hashes: Vec<u64> = keys.iter().map(|k| k.hash(seed)).collect();
    let mut buckets = vec![Vec::new(); bucket_count];
    for (i, &h) in hashes.iter().enumerate() {
        buckets[key::bucket(h, bucket_count)].push(i);
    }
    let mut order: Vec<usize> = (0..bucket_count).collect();
    order.sort_by_key(|&b| std::cmp::Reverse(buckets[b].len()));
    let mut slots = vec![u16::MAX; slot_count];
    let mut pilots = vec![0u16; bucket_count];
    for b in order {
        let bucket = &buckets[b];
        if bucket.is_empty() {
            break;
        }
        // Pilots beyond the slot count repeat the same displacements.
        let pilot = (0..=u16::MAX).take(slot_count).find(|&pilot| {
            let wanted: Vec<usize> = bucket
                .iter()
                .map(|&i| key::slot(hashes[i], pilot, slot_count))
                .collect();
            wanted
                .iter()
                .enumerate()
                .all(|(n, &s)| slots[s] == u16::MAX && !wanted[..n].contains(&s))
        })?;
        for &i in bucket {
            slots[key::slot(hashes[i], pilot, slot_count)] =
                u16::try_from(i).expect("fewer than u16::MAX rows");
        }
        pilots[b] = pilot;
    }
    Some(PerfectHash {
        seed,
        pilots,
        slots,
    })
}

fn table_source<'a>(rows: &'a [Row], keys: &[Key], hash: &PerfectHash) -> String {
    let mut out = String::with_capacity(256 * 1024);
    out.push_str("// @generated by build.rs from data/error-codes.rst: do not edit.\n\n");
    // Each distinct text once, in order of first use; rows refer to them by index, so
    // the table holds no pointers (no relocations in the shared library).
    let mut texts: Vec<&str> = Vec::new();
    let mut index_of = |text: &'a str| -> usize {
        match texts.iter().position(|t| *t == text) {
            Some(i) => i,
            None => {
                texts.push(text);
                texts.len() - 1
            }
        }
    };
    let indexes: Vec<[usize; 4]> = rows
        .iter()
        .map(|r| {
            [
                index_of(&r.code),
                index_of(&r.message),
                index_of(&r.description),
                index_of(&r.solution),
            ]
        })
        .collect();
    assert!(
        texts.len() < usize::from(u16::MAX),
        "{DOCUMENT}: too many texts"
    );
    let _ = writeln!(out, "/// How many entries the catalogue has.");
    let _ = writeln!(out, "pub(crate) const LEN: usize = {};\n", rows.len());
    // One string holds them all, each followed by a NUL (a C string too); `SPANS` holds
    // each one's start and length: plain numbers, so no relocation per text.
    let mut blob = String::new();
    let mut spans = Vec::new();
    for t in &texts {
        assert!(!t.contains('\0'), "{DOCUMENT}: a cell contains a NUL");
        let start = u32::try_from(blob.len()).expect("the catalogue's text fits in 4 GiB");
        let len = u32::try_from(t.len()).expect("a cell fits in 4 GiB");
        spans.push((start, len));
        blob.push_str(t);
        blob.push('\0');
    }
    out.push_str("/// The catalogue's distinct texts, each once and followed by a NUL.\n");
    // `{:?}` writes each NUL as `\0`, which a following digit makes look octal.
    out.push_str("#[allow(clippy::octal_escapes)]\n");
    let _ = writeln!(out, "static TEXT: &str = {blob:?};\n");
    out.push_str("/// Each distinct text's start in `TEXT` and its length, in bytes.\n");
    let _ = writeln!(
        out,
        "static SPANS: [(u32, u32); {}] = {spans:?};\n",
        spans.len()
    );
    out.push_str("/// Every entry, in document order: `row(index, code, status, message,\n");
    out.push_str("/// description, solution)`, the texts as indexes into `SPANS`.\n");
    out.push_str("pub(crate) static ENTRIES: [CatalogueEntry; LEN] = [\n");
    for (i, (row, [code, message, description, solution])) in rows.iter().zip(&indexes).enumerate()
    {
        let _ = writeln!(
            out,
            "    // {DOCUMENT}:{} {}\n    CatalogueEntry::row({i}, {code}, {}, {message}, {description}, {solution}),",
            row.line, row.code, row.status,
        );
    }
    out.push_str("];\n\n");
    let words: Vec<u128> = keys.iter().map(Key::word).collect();
    let _ = writeln!(
        out,
        "/// Every entry's key as one number (`Key::word`), in document order.\n\
         pub(crate) static KEYS: [u128; LEN] = {words:?};\n\n\
         /// The perfect hash's seed.\n\
         pub(crate) const SEED: u64 = {};\n\n\
         /// The perfect hash's displacement per bucket.\n\
         pub(crate) static PILOTS: [u16; {}] = {:?};\n\n\
         /// The perfect hash's slots: an index into `ENTRIES`, or `u16::MAX`.\n\
         pub(crate) static SLOTS: [u16; {}] = {:?};",
        hash.seed,
        hash.pilots.len(),
        hash.pilots,
        hash.slots.len(),
        hash.slots,
    );
    out
}

/// `StaticText::new("…\0")`: the cell with its NUL, one copy for Rust and C.
fn match_source(rows: &[Row]) -> String {
    let mut out = String::from(
        "// @generated by build.rs from data/error-codes.rst: do not edit.\n\n\
         /// The position of an exact code in the catalogue, by a `match` on every code.\n\
         pub fn match_exact(code: &str) -> Option<usize> {\n    match code {\n",
    );
    for (i, row) in rows.iter().enumerate() {
        let _ = writeln!(out, "        {:?} => Some({i}),", row.code);
    }
    out.push_str("        _ => None,\n    }\n}\n");
    out
}

fn write(path: &Path, text: &str) {
    if fs::read_to_string(path).ok().as_deref() != Some(text) {
        fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
}
