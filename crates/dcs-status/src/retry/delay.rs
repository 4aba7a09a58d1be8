//! The backoff delay: one formula, in whole milliseconds, identical in every
//! language because every language calls this one.
//!
//! Integer steps saturate; the products with the random draw are IEEE doubles, in
//! the order written, without fused multiply-add. No operation here can overflow or
//! panic (the lint below rejects any that could).
#![deny(clippy::arithmetic_side_effects)]

use super::{Jitter, RetryCategory, RetryPolicy};

/// The largest double below 1 (1 − 2⁻⁵³): where a random draw of 1 or more is
/// clamped to.
pub(crate) const BELOW_ONE: f64 = f64::from_bits(0x3FEF_FFFF_FFFF_FFFF);

impl RetryPolicy {
    /// The backoff delay of retry number `retry` (1 for the first) of a category, in
    /// milliseconds, for the random draw `random` in `[0, 1)` and, for decorrelated
    /// jitter, the previous retry's delay.
    ///
    /// With `base` the category's base delay and `n = retry`:
    ///
    /// - `ceiling = min(cap_ms, base · 2^(n−1))`, exact in integers: a product past
    ///   `u64::MAX` saturates (so any `n` up to `u32::MAX` gives `cap_ms`, or 0 for a
    ///   base of 0);
    /// - `full`: `floor(u · ceiling)`;
    /// - `equal`: `floor(ceiling/2 + u · ceiling/2)`;
    /// - `none`: `ceiling`;
    /// - `decorrelated`: `min(cap_ms, floor(base + u · (3 · previous − base)))`, with
    ///   `previous = base` for the first retry. `3 · previous` saturates; when it is
    ///   below `base` (a previous delay under a third of the base, e.g. 0 from a
    ///   caller that kept none), the span counts as 0 and the delay is `base`, so a
    ///   decorrelated delay is never below the base (before the cap).
    ///
    /// Where `u` appears, the integers are converted to IEEE doubles (round to
    /// nearest), `ceiling/2` is a double, the expression is evaluated in the order
    /// written, and `floor` gives the whole milliseconds; the result is then limited
    /// to the ceiling (full, equal) or the cap (decorrelated), which only matters
    /// for ceilings above 2⁵³ ms that a double cannot hold exactly. `n = 0` is read
    /// as 1. A `random` outside `[0, 1)` is clamped: NaN and negatives to 0, 1 and
    /// more to the largest double below 1.
    ///
    /// ```
    /// use dcs_status::{Jitter, RetryCategory, RetryPolicy};
    ///
    /// let p = RetryPolicy::DEFAULT; // full jitter, transient base 50 ms, cap 20 s
    /// assert_eq!(p.backoff_ms(RetryCategory::Transient, 1, 0.5, 0), 25);
    /// assert_eq!(p.backoff_ms(RetryCategory::Transient, 3, 0.5, 0), 100);
    /// assert_eq!(p.backoff_ms(RetryCategory::Throttle, u32::MAX, 0.5, 0), 10_000);
    ///
    /// let none = RetryPolicy { jitter: Jitter::None, ..p };
    /// assert_eq!(none.backoff_ms(RetryCategory::Busy, 2, 0.9, 0), 4_000);
    ///
    /// let decorrelated = RetryPolicy { jitter: Jitter::Decorrelated, ..p };
    /// // The first retry: previous = base = 50, so floor(50 + 0.5 · 100).
    /// assert_eq!(decorrelated.backoff_ms(RetryCategory::Transient, 1, 0.5, 0), 100);
    /// // Later ones spread up to three times the previous delay.
    /// assert_eq!(decorrelated.backoff_ms(RetryCategory::Transient, 2, 0.5, 100), 175);
    /// ```
    pub fn backoff_ms(
        &self,
        category: RetryCategory,
        retry: u32,
        random: f64,
        previous_ms: u64,
    ) -> u64 {
        let base = self.base_ms(category);
        let u = clamp_unit(random);
        match self.jitter {
            Jitter::Full => {
                let ceiling = ceiling(base, self.cap_ms, retry);
                whole_ms(u * ceiling as f64).min(ceiling)
            }
            Jitter::Equal => {
                let ceiling = ceiling(base, self.cap_ms, retry);
                let half = ceiling as f64 / 2.0;
                whole_ms(half + u * half).min(ceiling)
            }
            Jitter::None => ceiling(base, self.cap_ms, retry),
            Jitter::Decorrelated => {
                let previous = if retry <= 1 { base } else { previous_ms };
                let span = previous.saturating_mul(3).saturating_sub(base);
                whole_ms(base as f64 + u * span as f64).min(self.cap_ms)
            }
        }
    }
}

/// `min(cap, base · 2^(n−1))` in saturating integers; `n = 0` is read as 1.
pub(crate) const fn ceiling(base: u64, cap: u64, n: u32) -> u64 {
    let doubled = match 2u64.checked_pow(n.saturating_sub(1)) {
        Some(factor) => base.saturating_mul(factor),
        // 2^(n−1) is past u64::MAX, and so is base · 2^(n−1) unless base is 0.
        None if base == 0 => 0,
        None => u64::MAX,
    };
    if doubled < cap {
        doubled
    } else {
        cap
    }
}

/// A random draw made safe: `u` itself if it is in `[0, 1)`, else 0 for NaN and
/// negatives, [`BELOW_ONE`] for 1 and more.
pub(crate) fn clamp_unit(u: f64) -> f64 {
    if (0.0..1.0).contains(&u) {
        u
    } else if u >= 1.0 {
        BELOW_ONE
    } else {
        0.0
    }
}

/// `floor(x)` as whole milliseconds: a non-negative finite double, whose conversion
/// saturates at `u64::MAX` (and reads NaN as 0, which cannot occur here).
fn whole_ms(x: f64) -> u64 {
    x.floor() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ceiling_doubles_from_the_base_to_the_cap() {
        let ceilings: Vec<u64> = (1..=6).map(|n| ceiling(50, 1_000, n)).collect();
        assert_eq!(ceilings, [50, 100, 200, 400, 800, 1_000]);
        assert_eq!(ceiling(50, 1_000, 0), 50);
    }

    #[test]
    fn the_ceiling_saturates_instead_of_overflowing() {
        for n in [59, 60, 63, 64, 65, 66, 1_000, u32::MAX] {
            assert_eq!(ceiling(50, 20_000, n), 20_000, "{n}");
            assert_eq!(
                ceiling(1, u64::MAX, n),
                1u64.checked_shl(n - 1).unwrap_or(u64::MAX),
                "{n}"
            );
            assert_eq!(ceiling(0, 20_000, n), 0, "{n}");
            assert_eq!(ceiling(u64::MAX, u64::MAX, n), u64::MAX, "{n}");
        }
        assert_eq!(ceiling(1, u64::MAX, 64), 1 << 63);
    }

    #[test]
    fn random_draws_outside_the_unit_interval_are_clamped() {
        assert_eq!(clamp_unit(f64::NAN), 0.0);
        assert_eq!(clamp_unit(-0.5), 0.0);
        assert_eq!(clamp_unit(f64::NEG_INFINITY), 0.0);
        assert_eq!(clamp_unit(1.0), BELOW_ONE);
        assert_eq!(clamp_unit(f64::INFINITY), BELOW_ONE);
        assert_eq!(clamp_unit(0.75), 0.75);
        assert_eq!(BELOW_ONE, 0.999_999_999_999_999_9);
    }

    #[test]
    fn full_jitter_stays_below_a_ceiling_a_double_cannot_hold() {
        let huge = RetryPolicy {
            base_transient_ms: (1 << 60) - 1,
            cap_ms: u64::MAX,
            ..RetryPolicy::DEFAULT
        };
        for jitter in Jitter::ALL {
            let p = RetryPolicy { jitter, ..huge };
            for n in [1, 2, 4, 5, 64] {
                let ceiling = ceiling(huge.base_transient_ms, huge.cap_ms, n);
                let delay = p.backoff_ms(RetryCategory::Transient, n, BELOW_ONE, u64::MAX);
                assert!(
                    delay <= ceiling || jitter == Jitter::Decorrelated,
                    "{jitter} {n}"
                );
                assert!(delay <= p.cap_ms);
            }
        }
    }
}
