//! The retry policy: how many attempts, how long to wait between them, and when to
//! stop — one set of rules and one formula that the C, Python and Go bindings call
//! rather than re-type.
//!
//! - [`RetryPolicy`] holds the settings (attempts, [`Jitter`], base delays per
//!   [`RetryCategory`], cap, longest Retry-After honoured) with documented defaults.
//! - [`RetryPolicy::step`] turns one response ([`StepInput`]) into a [`RetryStep`]:
//!   a [`StepAction`], a delay in milliseconds, a [`RetryCategory`] and a
//!   [`RetryReason`], optionally paid for from a shared [`RetryBudget`].
//! - [`RetryPolicy::backoff_ms`] is the delay formula on its own.
//! - A [`RetryStep`] prints as one log line, the same in every language.
//!
//! ```
//! use dcs_status::{RetryBudget, RetryPolicy, StepInput};
//!
//! let policy = RetryPolicy::DEFAULT;
//! let budget = RetryBudget::default();
//! // The first attempt failed: HTTP 400, DCS.4111 "the instance is restarting".
//! let input = StepInput::new(1, 400).with_error_code(b"DCS.4111").with_random(0.37);
//! let step = policy.step(&input, Some(&budget));
//! assert!(step.is_retry());
//! assert_eq!(step.delay_ms, 740); // floor(0.37 × 2000 ms)
//! assert_eq!(step.tokens_after, Some(486));
//! assert_eq!(
//!     step.to_string(),
//!     "retry 1 of 2 in 740 ms: DCS.4111 says try again later (busy)"
//! );
//! ```

mod budget;
mod category;
mod delay;
mod error;
mod input;
mod log_line;
mod policy;
mod random;
mod reason;
mod step;

pub use budget::RetryBudget;
pub use category::RetryCategory;
pub(crate) use error::unknown_jitter;
pub use error::RetryInputError;
pub use input::StepInput;
pub use log_line::ExhaustedMessage;
pub use policy::{Jitter, RetryPolicy};
pub use random::{random_unit, reseed_random_unit};
pub use reason::RetryReason;
pub use step::{RetryStep, StepAction};
