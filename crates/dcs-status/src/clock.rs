//! The current time, as every function taking a `now` counts it.

use std::time::{SystemTime, UNIX_EPOCH};

/// The current time in Unix seconds (UTC, never the local time zone), for the `now`
/// argument of [`crate::parse_retry_after`], [`crate::decide`] and
/// [`crate::HttpError::new`]. A clock set before 1970 gives a negative number; one
/// past the range of `i64` saturates.
///
/// ```
/// let now = dcs_status::unix_now();
/// assert!(now > 1_700_000_000);
/// ```
pub fn unix_now() -> i64 {
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(after) => i64::try_from(after.as_secs()).unwrap_or(i64::MAX),
        Err(before) => i64::try_from(before.duration().as_secs())
            .map_or(i64::MIN, |seconds| seconds.saturating_neg()),
    }
}
