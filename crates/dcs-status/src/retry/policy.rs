//! The retry policy's settings and their defaults.

use core::ffi::CStr;
use core::fmt;

use super::{RetryCategory, RetryInputError};

/// How a backoff delay is drawn below its ceiling (see [`RetryPolicy::backoff_ms`]
/// for the formulas).
///
/// ```
/// use dcs_status::Jitter;
///
/// assert_eq!(Jitter::from_name("decorrelated"), Some(Jitter::Decorrelated));
/// assert_eq!(Jitter::Full.as_str(), "full");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Jitter {
    /// A uniform draw in `[0, ceiling)`: the AWS SDKs' default ("full jitter"), which
    /// spreads competing clients the most.
    Full = 0,
    /// Half the ceiling plus a uniform draw in `[0, ceiling/2)`: never shorter than
    /// half the ceiling.
    Equal = 1,
    /// Exactly the ceiling: plain exponential backoff, the same for every client.
    None = 2,
    /// A uniform draw between the base and three times the previous delay (the AWS
    /// architecture blog's "decorrelated jitter"), capped.
    Decorrelated = 3,
}

impl Jitter {
    /// Every mode, in declaration order.
    ///
    /// ```
    /// assert_eq!(dcs_status::Jitter::ALL.len(), 4);
    /// ```
    pub const ALL: [Jitter; 4] = [
        Jitter::Full,
        Jitter::Equal,
        Jitter::None,
        Jitter::Decorrelated,
    ];

    /// The canonical name: `full`, `equal`, `none` or `decorrelated`.
    ///
    /// ```
    /// assert_eq!(dcs_status::Jitter::Equal.as_str(), "equal");
    /// ```
    pub const fn as_str(self) -> &'static str {
        crate::str_of(self.as_cstr())
    }

    /// [`Jitter::as_str`] as a NUL-terminated C string (for the C ABI).
    ///
    /// ```
    /// assert_eq!(dcs_status::Jitter::None.as_cstr(), c"none");
    /// ```
    pub const fn as_cstr(self) -> &'static CStr {
        match self {
            Jitter::Full => c"full",
            Jitter::Equal => c"equal",
            Jitter::None => c"none",
            Jitter::Decorrelated => c"decorrelated",
        }
    }

    /// The mode named `name` (as [`Jitter::as_str`] writes it), if any. A caller that
    /// needs an error for a bad name uses [`RetryInputError::UnknownJitter`].
    ///
    /// ```
    /// use dcs_status::{Jitter, RetryInputError};
    ///
    /// assert_eq!(Jitter::from_name("full"), Some(Jitter::Full));
    /// let bad = Jitter::from_name("Full").ok_or(RetryInputError::UnknownJitter);
    /// assert_eq!(
    ///     bad.unwrap_err().to_string(),
    ///     "unknown jitter mode: expected full, equal, none or decorrelated"
    /// );
    /// ```
    pub fn from_name(name: &str) -> Option<Jitter> {
        Jitter::ALL.into_iter().find(|j| j.as_str() == name)
    }

    /// A sentence for people.
    ///
    /// ```
    /// assert_eq!(
    ///     dcs_status::Jitter::Full.explain(),
    ///     "full jitter: a uniform draw between zero and the ceiling"
    /// );
    /// ```
    pub const fn explain(self) -> &'static str {
        crate::str_of(self.explain_cstr())
    }

    /// [`Jitter::explain`] as a NUL-terminated C string (for the C ABI).
    ///
    /// ```
    /// assert!(dcs_status::Jitter::None.explain_cstr().to_bytes().starts_with(b"no jitter"));
    /// ```
    pub const fn explain_cstr(self) -> &'static CStr {
        match self {
            Jitter::Full => c"full jitter: a uniform draw between zero and the ceiling",
            Jitter::Equal => {
                c"equal jitter: half the ceiling plus a uniform draw up to the other half"
            }
            Jitter::None => c"no jitter: exactly the ceiling, doubling with every retry",
            Jitter::Decorrelated => {
                c"decorrelated jitter: a uniform draw between the base and three times the previous delay"
            }
        }
    }
}

impl fmt::Display for Jitter {
    /// Writes the canonical name, e.g. `full`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The settings of a retry loop: how many attempts, how long to wait, what to
/// honour. Plain data: `Copy`, no interior mutability, built in `const` context.
///
/// Change a setting with struct update syntax; [`RetryPolicy::validate`] says
/// whether the combination makes sense, and [`RetryPolicy::step`] answers for any
/// values (its documentation says how it reads the senseless ones).
///
/// ```
/// use dcs_status::{Jitter, RetryPolicy};
///
/// const PATIENT: RetryPolicy = RetryPolicy {
///     max_attempts: 6,
///     jitter: Jitter::Equal,
///     ..RetryPolicy::DEFAULT
/// };
/// assert_eq!(PATIENT.validate(), Ok(()));
/// assert_eq!(PATIENT.cap_ms, 20_000);
/// ```
///
/// # The defaults, and why
///
/// | setting | default | from |
/// |---|---|---|
/// | `max_attempts` | 3 | AWS SDKs (standard mode) |
/// | `jitter` | `full` | AWS SDKs, gax-go, google-api-core, Envoy |
/// | `base_transient_ms` | 50 | AWS SDKs (2026 behaviour) |
/// | `base_throttle_ms` | 1000 | AWS SDKs (2026 behaviour) |
/// | `base_busy_ms` | 2000 | DCS "try again later" errors (see below) |
/// | `cap_ms` | 20000 | AWS SDKs |
/// | `max_retry_after_s` | 300 | Envoy; the OTC API gateway's 5-minute windows |
///
/// - **3 attempts** (the first and two retries): a transient fault usually clears by
///   then, and a caller waits at most about 1 s + 2 s of throttle backoff (ceilings
///   1 s and 2 s) or 2 s + 4 s of busy backoff before it sees the error. gRPC caps
///   its attempts at 5, go-retryablehttp makes 5, urllib3 11; those are libraries for
///   any server, this is a policy for one API, whose throttling and busy states have
///   their own categories.
/// - **Full jitter**: a uniform draw in `[0, ceiling)` spreads clients that failed
///   together the most, and finishes the work with the fewest calls in the AWS
///   architecture blog's comparison; `equal` keeps half the ceiling as a minimum.
/// - **50 ms transient, 1000 ms throttle**: the AWS SDKs' bases since their 2026
///   update. A dropped connection or a 502 from a restarting gateway is worth trying
///   again at once; a rate limit needs the window to move on.
/// - **2000 ms busy**: DCS answers HTTP 400 with a "try again later" code while an
///   instance is restarting (`DCS.4111`), backing up (`DCS.4096`), being created
///   (`DCS.4118`) or running a job (`DCS.4017`). Those states last seconds to
///   minutes, longer than a rate-limit window, so the first busy retry waits up to
///   twice the throttle base; not more, because some clear in seconds (`DCS.4069`,
///   "another user is modifying configuration parameters"). A caller that wants to
///   outwait a restart raises `max_attempts`: with 6 attempts the ceilings are 2, 4,
///   8, 16 and 20 s, up to 50 s in all.
/// - **20 s cap**: the AWS SDKs' cap. A wait longer than that inside one call is
///   rarely what its caller wants; Retry-After may still ask for more (next item).
/// - **300 s `max_retry_after_s`**: urllib3 honours up to 6 hours, which suits a
///   batch job but not an API call that would block silently for hours. The OTC
///   API gateway counts its throttling thresholds over windows of up to 5 minutes
///   ("limit:200,time:5 minute") and its 429 text says to "wait up to one minute";
///   Envoy's rate-limited backoff discards server delays above 300 s by default. A
///   longer Retry-After is returned to the caller (`retry_after_too_long`) rather
///   than slept through.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RetryPolicy {
    /// Attempts in all, the first included: 3 means at most two retries.
    pub max_attempts: u32,
    /// How a backoff delay is drawn below its ceiling.
    pub jitter: Jitter,
    /// The base delay of [`RetryCategory::Transient`] retries, in milliseconds.
    pub base_transient_ms: u64,
    /// The base delay of [`RetryCategory::Throttle`] retries, in milliseconds.
    pub base_throttle_ms: u64,
    /// The base delay of [`RetryCategory::Busy`] retries, in milliseconds.
    pub base_busy_ms: u64,
    /// The longest backoff delay, in milliseconds. A Retry-After delay is limited by
    /// `max_retry_after_s` instead.
    pub cap_ms: u64,
    /// The longest Retry-After honoured, in seconds; a server that asks for more gets
    /// [`RetryReason::RetryAfterTooLong`](crate::RetryReason::RetryAfterTooLong).
    pub max_retry_after_s: u64,
}

impl RetryPolicy {
    /// The default policy; [`RetryPolicy`]'s documentation gives the reasons.
    ///
    /// ```
    /// use dcs_status::{Jitter, RetryPolicy};
    ///
    /// let p = RetryPolicy::DEFAULT;
    /// assert_eq!((p.max_attempts, p.jitter), (3, Jitter::Full));
    /// assert_eq!((p.base_transient_ms, p.base_throttle_ms, p.base_busy_ms), (50, 1_000, 2_000));
    /// assert_eq!((p.cap_ms, p.max_retry_after_s), (20_000, 300));
    /// assert_eq!(RetryPolicy::default(), p);
    /// ```
    pub const DEFAULT: RetryPolicy = RetryPolicy {
        max_attempts: 3,
        jitter: Jitter::Full,
        base_transient_ms: 50,
        base_throttle_ms: 1_000,
        base_busy_ms: 2_000,
        cap_ms: 20_000,
        max_retry_after_s: 300,
    };

    /// [`RetryPolicy::DEFAULT`], for contexts that want a function.
    ///
    /// ```
    /// assert_eq!(dcs_status::RetryPolicy::new(), dcs_status::RetryPolicy::DEFAULT);
    /// ```
    pub const fn new() -> RetryPolicy {
        RetryPolicy::DEFAULT
    }

    /// The base delay of a category, in milliseconds.
    ///
    /// ```
    /// use dcs_status::{RetryCategory, RetryPolicy};
    ///
    /// assert_eq!(RetryPolicy::DEFAULT.base_ms(RetryCategory::Busy), 2_000);
    /// ```
    pub const fn base_ms(&self, category: RetryCategory) -> u64 {
        match category {
            RetryCategory::Transient => self.base_transient_ms,
            RetryCategory::Throttle => self.base_throttle_ms,
            RetryCategory::Busy => self.base_busy_ms,
        }
    }

    /// Whether the settings make sense: at least one attempt, and a cap no lower
    /// than any base delay. The first problem found, in that order.
    ///
    /// [`RetryPolicy::step`] never fails on such a policy: zero attempts allow no
    /// retry (as one would), and a cap below a base limits that category's delays to
    /// the cap. Bindings that build a policy from user input call this first and
    /// report the error.
    ///
    /// ```
    /// use dcs_status::{RetryInputError, RetryPolicy};
    ///
    /// let none = RetryPolicy { max_attempts: 0, ..RetryPolicy::DEFAULT };
    /// assert_eq!(none.validate(), Err(RetryInputError::NoAttempts));
    /// let low_cap = RetryPolicy { cap_ms: 500, ..RetryPolicy::DEFAULT };
    /// assert_eq!(low_cap.validate(), Err(RetryInputError::CapBelowBase));
    /// ```
    pub const fn validate(&self) -> Result<(), RetryInputError> {
        if self.max_attempts == 0 {
            Err(RetryInputError::NoAttempts)
        } else if self.cap_ms < self.base_transient_ms
            || self.cap_ms < self.base_throttle_ms
            || self.cap_ms < self.base_busy_ms
        {
            Err(RetryInputError::CapBelowBase)
        } else {
            Ok(())
        }
    }
}

impl Default for RetryPolicy {
    /// [`RetryPolicy::DEFAULT`].
    fn default() -> RetryPolicy {
        RetryPolicy::DEFAULT
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jitter_names_round_trip_and_are_snake_case() {
        for jitter in Jitter::ALL {
            assert_eq!(Jitter::from_name(jitter.as_str()), Some(jitter));
            assert_eq!(jitter.as_cstr().to_str(), Ok(jitter.as_str()));
            assert_eq!(jitter.explain_cstr().to_str(), Ok(jitter.explain()));
            assert!(jitter.as_str().bytes().all(|b| b.is_ascii_lowercase()));
            assert_eq!(jitter.to_string(), jitter.as_str());
        }
        assert_eq!(Jitter::from_name(""), None);
        assert_eq!(Jitter::from_name("full "), None);
    }

    #[test]
    fn the_default_policy_is_valid() {
        assert_eq!(RetryPolicy::DEFAULT.validate(), Ok(()));
    }

    #[test]
    fn a_cap_equal_to_every_base_is_valid() {
        let flat = RetryPolicy {
            base_transient_ms: 100,
            base_throttle_ms: 100,
            base_busy_ms: 100,
            cap_ms: 100,
            ..RetryPolicy::DEFAULT
        };
        assert_eq!(flat.validate(), Ok(()));
        for (field, policy) in [
            (
                "transient",
                RetryPolicy {
                    base_transient_ms: 101,
                    ..flat
                },
            ),
            (
                "throttle",
                RetryPolicy {
                    base_throttle_ms: 101,
                    ..flat
                },
            ),
            (
                "busy",
                RetryPolicy {
                    base_busy_ms: 101,
                    ..flat
                },
            ),
        ] {
            assert_eq!(
                policy.validate(),
                Err(RetryInputError::CapBelowBase),
                "{field}"
            );
        }
    }
}
