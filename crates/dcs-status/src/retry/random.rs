//! The default source of random draws: wyrand, one state per thread.
//!
//! Fast (a few nanoseconds, no lock, no system call after a thread's first draw)
//! and well spread, which is all jitter needs; not for anything secret.
#![deny(clippy::arithmetic_side_effects)]

use core::cell::Cell;
use core::hash::BuildHasher;
use core::sync::atomic::{AtomicU64, Ordering};
use std::collections::hash_map::RandomState;
use std::time::{SystemTime, UNIX_EPOCH};

thread_local! {
    /// This thread's wyrand state; 0 until the first draw seeds it.
    static STATE: Cell<u64> = const { Cell::new(0) };
}

/// Seeds drawn so far in this process, so that no two threads get the same seed.
static SEEDS: AtomicU64 = AtomicU64::new(0);

/// wyrand's increment and multiplier (Wang Yi, public domain).
const WY0: u64 = 0xa076_1d64_78bd_642f;
const WY1: u64 = 0xe703_7ed1_a0b4_28db;

/// A uniform random draw in `[0, 1)`: the `u` that [`RetryPolicy::step`] uses when
/// the input gives none.
///
/// wyrand with one state per thread, seeded on the thread's first draw from the
/// process's hash keys (operating-system randomness), the clock, the process id and
/// a counter. 53 random bits, so every value is a multiple of 2⁻⁵³.
///
/// [`RetryPolicy::step`]: crate::RetryPolicy::step
///
/// ```
/// let u = dcs_status::random_unit();
/// assert!((0.0..1.0).contains(&u));
/// ```
pub fn random_unit() -> f64 {
    let bits = STATE
        .try_with(|state| {
            let mut s = state.get();
            if s == 0 {
                s = seed();
            }
            s = s.wrapping_add(WY0);
            state.set(s);
            mix(s)
        })
        // The thread is being torn down: a fresh seed is as random.
        .unwrap_or_else(|_| mix(seed().wrapping_add(WY0)));
    unit(bits)
}

/// Gives this thread's source a fresh seed.
///
/// A process that forks after drawing hands its children the same state, and they
/// would then draw the same delays; a binding calls this in the child after a fork
/// (Python's `os.register_at_fork(after_in_child=...)`, C's `pthread_atfork`).
///
/// ```
/// dcs_status::reseed_random_unit();
/// assert!(dcs_status::random_unit() < 1.0);
/// ```
pub fn reseed_random_unit() {
    // Ignoring the error is right: a thread being torn down draws no more.
    let _ = STATE.try_with(|state| state.set(seed()));
}

/// A seed that differs between threads, processes and runs; never 0.
fn seed() -> u64 {
    let count = SEEDS.fetch_add(1, Ordering::Relaxed);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let hashed = RandomState::new().hash_one((count, nanos, std::process::id()));
    if hashed == 0 {
        WY1
    } else {
        hashed
    }
}

/// wyrand's output function.
fn mix(s: u64) -> u64 {
    let product = u128::from(s).wrapping_mul(u128::from(s ^ WY1));
    let [high, low] = [product.wrapping_shr(64), product].map(|half| half as u64);
    high ^ low
}

/// The top 53 bits of `bits` as a double in `[0, 1)`.
fn unit(bits: u64) -> f64 {
    const SCALE: f64 = 1.0 / (1u64 << 53) as f64;
    (bits.wrapping_shr(11) as f64) * SCALE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_cover_the_unit_interval_evenly() {
        let mut buckets = [0u32; 10];
        for _ in 0..100_000 {
            let u = random_unit();
            assert!((0.0..1.0).contains(&u));
            buckets[(u * 10.0) as usize] += 1;
        }
        // Each tenth expects 10 000; 9 000–11 000 is over 30 standard deviations.
        assert!(
            buckets.iter().all(|&n| (9_000..11_000).contains(&n)),
            "{buckets:?}"
        );
    }

    #[test]
    fn threads_draw_different_sequences() {
        let draws = || (0..4).map(|_| random_unit().to_bits()).collect::<Vec<_>>();
        let here = draws();
        let there = std::thread::spawn(draws).join().unwrap_or_default();
        assert_ne!(here, there);
    }

    #[test]
    fn the_extremes_of_the_bits_map_into_the_interval() {
        assert_eq!(unit(0), 0.0);
        assert_eq!(unit(u64::MAX), super::super::delay::BELOW_ONE);
    }

    #[test]
    fn reseeding_changes_the_sequence() {
        let before = STATE.with(Cell::get);
        reseed_random_unit();
        assert_ne!(STATE.with(Cell::get), before);
    }
}
