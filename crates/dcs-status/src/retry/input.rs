//! What a step is asked about: the attempt just made and its response.

use super::RetryInputError;

/// The attempt just made and what came back, as [`RetryPolicy::step`] reads it.
///
/// Plain data (`Copy`; the two header values are borrowed bytes, never copied).
/// Build it with [`StepInput::new`] and the `with_*` methods, or with struct update
/// syntax.
///
/// [`RetryPolicy::step`]: crate::RetryPolicy::step
///
/// ```
/// use dcs_status::StepInput;
///
/// let input = StepInput::new(1, 429)
///     .with_retry_after(b"30")
///     .with_now(1_700_000_000)
///     .with_random(0.5);
/// assert_eq!(input.retry_after, Some(&b"30"[..]));
/// assert_eq!(input.validate(), Ok(()));
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StepInput<'a> {
    /// The number of the attempt just made: 1 for the first. It is also the number
    /// of the retry that would follow (the first retry comes after attempt 1).
    /// 0 is read as 1.
    pub attempt: u32,
    /// The response's HTTP status code, or [`NO_RESPONSE`](crate::NO_RESPONSE) (0)
    /// when none arrived. Any other number outside 100–999 is not a status code:
    /// such a step is `do_not_retry`, reason `status`.
    pub status: i64,
    /// The Retry-After header's value, as received (delay-seconds or an HTTP-date,
    /// read by [`parse_retry_after`](crate::parse_retry_after)); `None` if absent.
    pub retry_after: Option<&'a [u8]>,
    /// The `error_code` of the response body (e.g. `DCS.4111`), as received and
    /// looked up by [`CatalogueEntry::lookup`](crate::CatalogueEntry::lookup);
    /// `None` if the body had none.
    pub error_code: Option<&'a [u8]>,
    /// Whether the request may safely be sent twice
    /// ([`method_is_idempotent`](crate::method_is_idempotent)).
    pub idempotent: bool,
    /// The current time in Unix seconds, against which an HTTP-date Retry-After is
    /// read; `None` reads the system clock, and only when an HTTP-date needs it.
    pub now: Option<i64>,
    /// The random draw `u` in `[0, 1)` that places a jittered delay; `None` draws
    /// one from [`random_unit`](crate::random_unit). A value outside `[0, 1)` is
    /// clamped: NaN and negatives to 0, 1 and more to the largest double below 1.
    pub random: Option<f64>,
    /// The delay of the previous retry, in milliseconds (what the caller waited
    /// before the attempt just made). Only [`Jitter::Decorrelated`] reads it, and not
    /// for the first retry.
    ///
    /// [`Jitter::Decorrelated`]: crate::Jitter::Decorrelated
    pub previous_delay_ms: u64,
    /// The time left before the caller's deadline, in milliseconds, measured at the
    /// same moment as the response; `None` for no deadline. A retry whose delay is
    /// longer is `do_not_retry`, reason `deadline`. (Relative, so the caller can
    /// measure it on a monotonic clock.)
    pub time_left_ms: Option<u64>,
    /// Whether the request has a body that cannot be sent again (a stream already
    /// read, a generator, Go's `GetBody == nil`): a retry that a rule calls for is
    /// then `do_not_retry`, reason `unreplayable_body`. False (the default) for no
    /// body or one the client can re-send or rewind.
    pub unreplayable_body: bool,
}

impl<'a> StepInput<'a> {
    /// The input for attempt `attempt` (1 for the first) that got `status`: no
    /// Retry-After, no error code, not idempotent, the system clock, a random draw,
    /// no previous delay, no deadline.
    ///
    /// ```
    /// let input = dcs_status::StepInput::new(2, 502);
    /// assert_eq!((input.attempt, input.status, input.idempotent), (2, 502, false));
    /// assert_eq!((input.random, input.time_left_ms), (None, None));
    /// ```
    pub const fn new(attempt: u32, status: i64) -> StepInput<'a> {
        StepInput {
            attempt,
            status,
            retry_after: None,
            error_code: None,
            idempotent: false,
            now: None,
            random: None,
            previous_delay_ms: 0,
            time_left_ms: None,
            unreplayable_body: false,
        }
    }

    /// With the Retry-After header's value.
    ///
    /// ```
    /// let input = dcs_status::StepInput::new(1, 503).with_retry_after("120".as_bytes());
    /// assert_eq!(input.retry_after, Some(&b"120"[..]));
    /// ```
    pub const fn with_retry_after(self, value: &'a [u8]) -> StepInput<'a> {
        StepInput {
            retry_after: Some(value),
            ..self
        }
    }

    /// With the body's error code.
    ///
    /// ```
    /// let input = dcs_status::StepInput::new(1, 400).with_error_code(b"DCS.4111");
    /// assert_eq!(input.error_code, Some(&b"DCS.4111"[..]));
    /// ```
    pub const fn with_error_code(self, code: &'a [u8]) -> StepInput<'a> {
        StepInput {
            error_code: Some(code),
            ..self
        }
    }

    /// With whether the request is idempotent.
    ///
    /// ```
    /// use dcs_status::{method_is_idempotent, StepInput};
    ///
    /// let input = StepInput::new(1, 502).with_idempotent(method_is_idempotent("GET"));
    /// assert!(input.idempotent);
    /// ```
    pub const fn with_idempotent(self, idempotent: bool) -> StepInput<'a> {
        StepInput { idempotent, ..self }
    }

    /// With the current time, in Unix seconds.
    ///
    /// ```
    /// let input = dcs_status::StepInput::new(1, 503).with_now(784_111_777);
    /// assert_eq!(input.now, Some(784_111_777));
    /// ```
    pub const fn with_now(self, now: i64) -> StepInput<'a> {
        StepInput {
            now: Some(now),
            ..self
        }
    }

    /// With the random draw `u`, for reproducible delays.
    ///
    /// ```
    /// let input = dcs_status::StepInput::new(1, 502).with_random(0.25);
    /// assert_eq!(input.random, Some(0.25));
    /// ```
    pub const fn with_random(self, u: f64) -> StepInput<'a> {
        StepInput {
            random: Some(u),
            ..self
        }
    }

    /// With the previous retry's delay, in milliseconds.
    ///
    /// ```
    /// let input = dcs_status::StepInput::new(2, 502).with_previous_delay_ms(120);
    /// assert_eq!(input.previous_delay_ms, 120);
    /// ```
    pub const fn with_previous_delay_ms(self, ms: u64) -> StepInput<'a> {
        StepInput {
            previous_delay_ms: ms,
            ..self
        }
    }

    /// With whether the request's body cannot be sent again.
    ///
    /// ```
    /// let input = dcs_status::StepInput::new(1, 503).with_unreplayable_body(true);
    /// assert!(input.unreplayable_body);
    /// ```
    pub const fn with_unreplayable_body(self, unreplayable: bool) -> StepInput<'a> {
        StepInput {
            unreplayable_body: unreplayable,
            ..self
        }
    }

    /// With the time left before the deadline, in milliseconds.
    ///
    /// ```
    /// let input = dcs_status::StepInput::new(1, 502).with_time_left_ms(5_000);
    /// assert_eq!(input.time_left_ms, Some(5_000));
    /// ```
    pub const fn with_time_left_ms(self, ms: u64) -> StepInput<'a> {
        StepInput {
            time_left_ms: Some(ms),
            ..self
        }
    }

    /// Whether the input makes sense: an attempt of at least 1, a status code in
    /// 100–999 or [`NO_RESPONSE`](crate::NO_RESPONSE), and a random draw (if given)
    /// in `[0, 1)`. The first problem found, in that order.
    ///
    /// [`RetryPolicy::step`](crate::RetryPolicy::step) answers any input; callers
    /// that take these values from people check them first.
    ///
    /// ```
    /// use dcs_status::{RetryInputError, StepInput};
    ///
    /// assert_eq!(StepInput::new(0, 503).validate(), Err(RetryInputError::AttemptZero));
    /// assert_eq!(StepInput::new(1, 42).validate(), Err(RetryInputError::NotAStatusCode));
    /// assert_eq!(
    ///     StepInput::new(1, 503).with_random(f64::NAN).validate(),
    ///     Err(RetryInputError::RandomOutOfRange)
    /// );
    /// ```
    pub fn validate(&self) -> Result<(), RetryInputError> {
        if self.attempt == 0 {
            Err(RetryInputError::AttemptZero)
        } else if self.status != crate::NO_RESPONSE && !(100..=999).contains(&self.status) {
            Err(RetryInputError::NotAStatusCode)
        } else if self.random.is_some_and(|u| !(0.0..1.0).contains(&u)) {
            Err(RetryInputError::RandomOutOfRange)
        } else {
            Ok(())
        }
    }
}
