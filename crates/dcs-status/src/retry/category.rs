//! The three kinds of retry, each with its own base delay and budget cost.

use core::ffi::CStr;
use core::fmt;

/// What kind of failure a retry answers; it picks the base delay
/// ([`RetryPolicy::base_ms`](crate::RetryPolicy::base_ms)) and the budget cost
/// ([`RetryBudget::cost_of`](crate::RetryBudget::cost_of)).
///
/// ```
/// use dcs_status::RetryCategory;
///
/// assert_eq!(RetryCategory::Busy.as_str(), "busy");
/// assert_eq!(RetryCategory::from_name("throttle"), Some(RetryCategory::Throttle));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RetryCategory {
    /// A failure that may clear at once: a server error on an idempotent request, a
    /// request timeout.
    Transient = 0,
    /// The server limits the request rate: 429, or any Retry-After the server sent.
    Throttle = 1,
    /// The DCS instance is in a state that forbids the operation for now
    /// (restarting, backing up, running a job): an error code that says "try again
    /// later".
    Busy = 2,
}

impl RetryCategory {
    /// Every category, in declaration order.
    ///
    /// ```
    /// assert_eq!(dcs_status::RetryCategory::ALL.len(), 3);
    /// ```
    pub const ALL: [RetryCategory; 3] = [
        RetryCategory::Transient,
        RetryCategory::Throttle,
        RetryCategory::Busy,
    ];

    /// The canonical name: `transient`, `throttle` or `busy`.
    ///
    /// ```
    /// assert_eq!(dcs_status::RetryCategory::Transient.as_str(), "transient");
    /// ```
    pub const fn as_str(self) -> &'static str {
        crate::str_of(self.as_cstr())
    }

    /// [`RetryCategory::as_str`] as a NUL-terminated C string (for the C ABI).
    ///
    /// ```
    /// assert_eq!(dcs_status::RetryCategory::Throttle.as_cstr(), c"throttle");
    /// ```
    pub const fn as_cstr(self) -> &'static CStr {
        match self {
            RetryCategory::Transient => c"transient",
            RetryCategory::Throttle => c"throttle",
            RetryCategory::Busy => c"busy",
        }
    }

    /// The category named `name` (as [`RetryCategory::as_str`] writes it), if any.
    ///
    /// ```
    /// use dcs_status::RetryCategory;
    ///
    /// assert_eq!(RetryCategory::from_name("busy"), Some(RetryCategory::Busy));
    /// assert_eq!(RetryCategory::from_name("Busy"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<RetryCategory> {
        RetryCategory::ALL.into_iter().find(|c| c.as_str() == name)
    }

    /// One sentence for people.
    ///
    /// ```
    /// assert_eq!(
    ///     dcs_status::RetryCategory::Throttle.explain(),
    ///     "the server is limiting the request rate: back off from the throttle base delay"
    /// );
    /// ```
    pub const fn explain(self) -> &'static str {
        crate::str_of(self.explain_cstr())
    }

    /// [`RetryCategory::explain`] as a NUL-terminated C string (for the C ABI).
    ///
    /// ```
    /// let sentence = dcs_status::RetryCategory::Busy.explain_cstr();
    /// assert!(sentence.to_bytes().starts_with(b"the instance is busy"));
    /// ```
    pub const fn explain_cstr(self) -> &'static CStr {
        match self {
            RetryCategory::Transient => {
                c"a failure that may clear at once: back off from the transient base delay"
            }
            RetryCategory::Throttle => {
                c"the server is limiting the request rate: back off from the throttle base delay"
            }
            RetryCategory::Busy => {
                c"the instance is busy (restarting, backing up, running a job): back off from the busy base delay"
            }
        }
    }
}

impl fmt::Display for RetryCategory {
    /// Writes the canonical name, e.g. `throttle`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_snake_case() {
        for category in RetryCategory::ALL {
            assert_eq!(RetryCategory::from_name(category.as_str()), Some(category));
            assert_eq!(category.as_cstr().to_str(), Ok(category.as_str()));
            assert_eq!(category.explain_cstr().to_str(), Ok(category.explain()));
            assert!(category.as_str().bytes().all(|b| b.is_ascii_lowercase()));
            assert_eq!(category.to_string(), category.as_str());
        }
    }
}
