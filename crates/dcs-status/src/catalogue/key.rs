// This file is compiled twice: as the module `catalogue::key` of the crate, and into
// `build.rs` by `include!`, which builds the catalogue's perfect hash from the
// document's codes with these same functions. So it holds no inner attributes
// or doc comments, and refers to nothing outside itself.

/// An error code as lookup compares it: every ASCII whitespace byte removed and ASCII
/// letters upper-cased (`" dcs. 4855 "` → `DCS.4855`), in a fixed buffer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Key {
    bytes: [u8; Key::CAPACITY],
    len: usize,
}

impl Key {
    /// Room for the longest key. The catalogue's codes have 8 (`DCS.4855`) or 9
    /// (`111400017`) bytes; the build fails on a code longer than this.
    pub(crate) const CAPACITY: usize = 16;

    /// The key of `code`: `None` when it has no byte besides whitespace, or more than
    /// [`Key::CAPACITY`] (then no code of the catalogue can match, and reading stops).
    pub(crate) fn of(code: &[u8]) -> Option<Key> {
        let mut key = Key {
            bytes: [0; Key::CAPACITY],
            len: 0,
        };
        for &byte in code {
            if byte.is_ascii_whitespace() {
                continue;
            }
            *key.bytes.get_mut(key.len)? = byte.to_ascii_uppercase();
            key.len = key.len.saturating_add(1); // below the key's capacity
        }
        if key.len == 0 {
            None
        } else {
            Some(key)
        }
    }

    /// The key's bytes as one number (zero after the key): with [`Key::len`], what
    /// tells two keys apart.
    pub(crate) fn word(&self) -> u128 {
        u128::from_le_bytes(self.bytes)
    }

    /// The key's length in bytes.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// A 64-bit hash of the key, one of a family chosen by `seed`.
    ///
    /// The 16 bytes (zero after the key) are read as two words and mixed with the
    /// length by two multiply-xorshift rounds (the finalizer of SplitMix64).
    pub(crate) fn hash(&self, seed: u64) -> u64 {
        let words = self.word();
        let mut h = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ self.len as u64;
        h = (h ^ words as u64).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        h = (h ^ (h >> 31) ^ (words >> 64) as u64).wrapping_mul(0x94D0_49BB_1331_11EB);
        h ^ (h >> 32)
    }
}

/// The bucket of a key's hash, among `buckets` (a power of two): from its high bits.
pub(crate) fn bucket(hash: u64, buckets: usize) -> usize {
    (hash >> 40) as usize & buckets.wrapping_sub(1)
}

/// The slot of a key's hash, among `slots` (a power of two), once its bucket's pilot
/// is known: its low bits, displaced by the pilot (hash and displace, as PTHash).
pub(crate) fn slot(hash: u64, pilot: u16, slots: usize) -> usize {
    (hash ^ u64::from(pilot).wrapping_mul(0x9E37_79B9_7F4A_7C15)) as usize & slots.wrapping_sub(1)
}
