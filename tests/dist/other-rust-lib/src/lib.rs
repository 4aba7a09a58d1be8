//! A Rust static library that is not dcs-status, for the link test of
//! tests/dist/run.sh. It uses what libdcs_status's copy of the standard library also
//! defines (formatting, collections, the allocator, unwinding), so both archives carry
//! the same Rust symbols.

use std::collections::HashMap;
use std::ffi::c_int;

/// The number of distinct words in a fixed sentence (8), counted with a `HashMap`
/// inside `catch_unwind`; -1 if that panicked.
#[no_mangle]
pub extern "C" fn other_rust_distinct_words() -> c_int {
    std::panic::catch_unwind(|| {
        let sentence = format!("{} {}", "the quick brown fox jumps over", "the lazy dog");
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for word in sentence.split_whitespace() {
            *counts.entry(word).or_default() += 1;
        }
        c_int::try_from(counts.len()).unwrap_or(-1)
    })
    .unwrap_or(-1)
}
