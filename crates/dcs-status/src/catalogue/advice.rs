//! What the catalogue advises a client to do about an error code: read from the
//! Solution column, which carries the retry signal that the HTTP status hides.

use core::ffi::CStr;
use core::fmt;

/// The advice of an error code's Solution text.
///
/// Derived from the text by [`ErrorAdvice::from_solution`] (every entry's
/// [`CatalogueEntry::advice`](crate::CatalogueEntry::advice) is that function applied
/// to its [`solution`](crate::CatalogueEntry::solution) at compile time).
///
/// ```
/// use dcs_status::{CatalogueEntry, ErrorAdvice};
///
/// let restarting = CatalogueEntry::lookup("DCS.4111").unwrap();
/// assert_eq!(restarting.status().code(), 400);
/// assert_eq!(restarting.advice(), ErrorAdvice::RetryLater);
/// assert_eq!(restarting.advice().as_str(), "retry_later");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ErrorAdvice {
    /// The Solution says to try again later: the condition is temporary (the
    /// instance is restarting, backing up, running a job), even on HTTP 400.
    RetryLater,
    /// The Solution is "Contact technical support.": retrying will not help.
    ContactSupport,
    /// The Solution asks to check, select, reset or process something: the request
    /// must change.
    FixRequest,
    /// The operation is not allowed (for this instance, or at all).
    NotAllowed,
    /// The Solution gives no advice these rules recognize.
    Unspecified,
}

impl ErrorAdvice {
    /// Every advice, in declaration order (the order of the rules).
    pub const ALL: [ErrorAdvice; 5] = [
        ErrorAdvice::RetryLater,
        ErrorAdvice::ContactSupport,
        ErrorAdvice::FixRequest,
        ErrorAdvice::NotAllowed,
        ErrorAdvice::Unspecified,
    ];

    /// The advice of a Solution text: the first of these rules that matches,
    /// comparing ASCII letters case-insensitively.
    ///
    /// 1. contains "try again later" → [`RetryLater`](ErrorAdvice::RetryLater);
    /// 2. is "Contact technical support." → [`ContactSupport`](ErrorAdvice::ContactSupport);
    /// 3. starts with "Check", "Select", "Reset" or "Process" →
    ///    [`FixRequest`](ErrorAdvice::FixRequest);
    /// 4. is "Operation not allowed." or starts with "Only " →
    ///    [`NotAllowed`](ErrorAdvice::NotAllowed);
    /// 5. otherwise [`Unspecified`](ErrorAdvice::Unspecified).
    ///
    /// ```
    /// use dcs_status::ErrorAdvice;
    ///
    /// let advice = ErrorAdvice::from_solution;
    /// assert_eq!(advice("Try again later or contact technical support."), ErrorAdvice::RetryLater);
    /// assert_eq!(advice("contact technical support."), ErrorAdvice::ContactSupport);
    /// assert_eq!(advice("Check whether the request parameters are valid."), ErrorAdvice::FixRequest);
    /// assert_eq!(advice("Only Redis 4.0 and later support this."), ErrorAdvice::NotAllowed);
    /// assert_eq!(advice("Client IP pass-through is not enabled."), ErrorAdvice::Unspecified);
    /// ```
    pub const fn from_solution(solution: &str) -> ErrorAdvice {
        let s = solution.as_bytes();
        if contains(s, b"try again later") {
            ErrorAdvice::RetryLater
        } else if equals(s, b"contact technical support.") {
            ErrorAdvice::ContactSupport
        } else if starts_with(s, b"check")
            || starts_with(s, b"select")
            || starts_with(s, b"reset")
            || starts_with(s, b"process")
        {
            ErrorAdvice::FixRequest
        } else if equals(s, b"operation not allowed.") || starts_with(s, b"only ") {
            ErrorAdvice::NotAllowed
        } else {
            ErrorAdvice::Unspecified
        }
    }

    /// The canonical name: `retry_later`, `contact_support`, `fix_request`,
    /// `not_allowed` or `unspecified` (the `advice` key of the canonical JSON).
    ///
    /// ```
    /// assert_eq!(dcs_status::ErrorAdvice::ContactSupport.as_str(), "contact_support");
    /// ```
    pub const fn as_str(self) -> &'static str {
        crate::str_of(self.as_cstr())
    }

    /// [`ErrorAdvice::as_str`] as a NUL-terminated C string (for the C ABI).
    pub const fn as_cstr(self) -> &'static CStr {
        match self {
            ErrorAdvice::RetryLater => c"retry_later",
            ErrorAdvice::ContactSupport => c"contact_support",
            ErrorAdvice::FixRequest => c"fix_request",
            ErrorAdvice::NotAllowed => c"not_allowed",
            ErrorAdvice::Unspecified => c"unspecified",
        }
    }

    /// The advice named `name` (as [`ErrorAdvice::as_str`] writes it), if any.
    ///
    /// ```
    /// use dcs_status::ErrorAdvice;
    ///
    /// assert_eq!(ErrorAdvice::from_name("retry_later"), Some(ErrorAdvice::RetryLater));
    /// assert_eq!(ErrorAdvice::from_name("retry later"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<ErrorAdvice> {
        ErrorAdvice::ALL.into_iter().find(|a| a.as_str() == name)
    }

    /// A sentence for people, e.g. "try again later: the condition is temporary".
    ///
    /// ```
    /// use dcs_status::ErrorAdvice;
    ///
    /// assert_eq!(ErrorAdvice::FixRequest.explain(), "fix the request: retrying it unchanged will fail again");
    /// ```
    pub const fn explain(self) -> &'static str {
        match self {
            ErrorAdvice::RetryLater => "try again later: the condition is temporary",
            ErrorAdvice::ContactSupport => "contact technical support: retrying will not help",
            ErrorAdvice::FixRequest => "fix the request: retrying it unchanged will fail again",
            ErrorAdvice::NotAllowed => "the operation is not allowed: do not retry it",
            ErrorAdvice::Unspecified => "the catalogue gives no general advice for this code",
        }
    }
}

impl fmt::Display for ErrorAdvice {
    /// Writes the canonical name, e.g. `retry_later`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether `text` starts with `prefix` (lower case), ignoring ASCII case.
const fn starts_with(text: &[u8], prefix: &[u8]) -> bool {
    text.len() >= prefix.len() && matches_at(text, 0, prefix)
}

/// Whether `text` is `word` (lower case), ignoring ASCII case.
const fn equals(text: &[u8], word: &[u8]) -> bool {
    text.len() == word.len() && matches_at(text, 0, word)
}

/// Whether `text` contains `needle` (lower case), ignoring ASCII case.
// `at + needle.len() <= text.len()` bounds every sum: no overflow.
#[allow(clippy::arithmetic_side_effects)]
const fn contains(text: &[u8], needle: &[u8]) -> bool {
    let mut at = 0;
    while at + needle.len() <= text.len() {
        if matches_at(text, at, needle) {
            return true;
        }
        at += 1;
    }
    false
}

/// Whether `text[at..]` starts with `lower` (lower case), ignoring ASCII case; the
/// caller has checked that `text` is long enough.
// `at + i < text.len()` (the caller's check) bounds every sum: no overflow.
#[allow(clippy::arithmetic_side_effects)]
const fn matches_at(text: &[u8], at: usize, lower: &[u8]) -> bool {
    let mut i = 0;
    while i < lower.len() {
        if text[at + i].to_ascii_lowercase() != lower[i] {
            return false;
        }
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_rule_that_matches_wins() {
        // Rule 1 before rule 3 and 4: a Solution may say both.
        assert_eq!(
            ErrorAdvice::from_solution("Check the instance status and try again later."),
            ErrorAdvice::RetryLater
        );
        assert_eq!(
            ErrorAdvice::from_solution("Only one job at a time: TRY AGAIN LATER."),
            ErrorAdvice::RetryLater
        );
    }

    #[test]
    fn exact_rules_need_the_whole_text() {
        assert_eq!(
            ErrorAdvice::from_solution("Contact technical support"),
            ErrorAdvice::Unspecified
        );
        assert_eq!(
            ErrorAdvice::from_solution("Contact technical support. Now."),
            ErrorAdvice::Unspecified
        );
        assert_eq!(
            ErrorAdvice::from_solution("Operation not allowed"),
            ErrorAdvice::Unspecified
        );
        assert_eq!(
            ErrorAdvice::from_solution("Onlyone"),
            ErrorAdvice::Unspecified
        );
        assert_eq!(ErrorAdvice::from_solution(""), ErrorAdvice::Unspecified);
    }

    #[test]
    fn prefixes_and_case() {
        for text in [
            "check",
            "SELECT a flavor.",
            "Reset the password.",
            "process it",
        ] {
            assert_eq!(
                ErrorAdvice::from_solution(text),
                ErrorAdvice::FixRequest,
                "{text}"
            );
        }
        assert_eq!(
            ErrorAdvice::from_solution("OPERATION NOT ALLOWED."),
            ErrorAdvice::NotAllowed
        );
        assert_eq!(
            ErrorAdvice::from_solution("Please check it."),
            ErrorAdvice::Unspecified
        );
    }

    #[test]
    fn names_round_trip_and_are_snake_case() {
        for advice in ErrorAdvice::ALL {
            assert_eq!(ErrorAdvice::from_name(advice.as_str()), Some(advice));
            assert_eq!(advice.as_cstr().to_str(), Ok(advice.as_str()));
            assert!(advice
                .as_str()
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'_'));
            assert_eq!(advice.to_string(), advice.as_str());
        }
    }
}
