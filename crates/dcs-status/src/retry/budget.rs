//! The retry budget: a token bucket shared by every thread that holds it.
//!
//! One atomic counter, changed only by compare-and-swap loops that keep it within
//! `0..=capacity`; no lock, no unsafe, no arithmetic that could wrap (the lint
//! below rejects any).
#![deny(clippy::arithmetic_side_effects)]

use core::sync::atomic::{AtomicU32, Ordering};

use super::{RetryCategory, RetryStep, StepAction};

/// A retry budget (the AWS SDKs' retry quota): retries spend tokens, successes earn
/// them back, and when too many requests fail the budget runs dry and stops the
/// retries that would only add load.
///
/// - It starts full, with [`RetryBudget::capacity`] tokens (500 by default).
/// - A [`Transient`](RetryCategory::Transient) or [`Busy`](RetryCategory::Busy)
///   retry costs [`RetryBudget::retry_cost`] (14), a
///   [`Throttle`](RetryCategory::Throttle) retry — including every retry after the
///   server's Retry-After — costs [`RetryBudget::throttle_cost`] (5). A retry it
///   cannot pay for is `do_not_retry`, reason `budget_exhausted`; the first
///   attempt of a request never needs tokens.
/// - [`RetryBudget::record_success`]: a success on the first attempt adds 1 token,
///   a success after retries refunds what the last retry cost; never above the
///   capacity.
///
/// The budget is thread-safe and meant to be shared by all requests of a process to
/// one service (`&RetryBudget`, `Arc<RetryBudget>`, a `static`); it is deliberately
/// not `Clone`, since a copy would be a second, separate budget.
///
/// ```
/// use dcs_status::{RetryBudget, RetryPolicy, StepInput};
///
/// let budget = RetryBudget::default();
/// let policy = RetryPolicy { max_attempts: 4, ..RetryPolicy::DEFAULT };
/// // The AWS SDKs' example: two transient retries, then a success.
/// let first = policy.step(&StepInput::new(1, 502).with_idempotent(true), Some(&budget));
/// assert_eq!(first.tokens_after, Some(486));
/// let second = policy.step(&StepInput::new(2, 502).with_idempotent(true), Some(&budget));
/// assert_eq!(second.tokens_after, Some(472));
/// assert_eq!(budget.record_success(Some(&second)), 486);
/// ```
#[derive(Debug)]
pub struct RetryBudget {
    tokens: AtomicU32,
    capacity: u32,
    retry_cost: u32,
    throttle_cost: u32,
}

impl RetryBudget {
    /// The default capacity: 500 tokens (AWS SDKs).
    ///
    /// ```
    /// use dcs_status::RetryBudget;
    ///
    /// assert_eq!(RetryBudget::default().capacity(), RetryBudget::CAPACITY);
    /// ```
    pub const CAPACITY: u32 = 500;
    /// The default cost of a transient or busy retry: 14 tokens (AWS SDKs, 2026
    /// behaviour; about 35 such retries empty a full budget).
    ///
    /// ```
    /// use dcs_status::RetryBudget;
    ///
    /// assert_eq!(RetryBudget::CAPACITY / RetryBudget::RETRY_COST, 35);
    /// ```
    pub const RETRY_COST: u32 = 14;
    /// The default cost of a throttle retry: 5 tokens (AWS SDKs, 2026 behaviour).
    /// Cheaper, because a throttled request was rejected before it cost the server
    /// any work, and backing off from throttling already slows the client down.
    ///
    /// ```
    /// use dcs_status::{RetryBudget, RetryCategory};
    ///
    /// assert_eq!(RetryBudget::default().cost_of(RetryCategory::Throttle), RetryBudget::THROTTLE_COST);
    /// ```
    pub const THROTTLE_COST: u32 = 5;

    /// A full budget of `capacity` tokens with these costs.
    ///
    /// ```
    /// use dcs_status::{RetryBudget, RetryCategory};
    ///
    /// let budget = RetryBudget::new(100, 10, 1);
    /// assert_eq!((budget.tokens(), budget.capacity()), (100, 100));
    /// assert_eq!(budget.cost_of(RetryCategory::Busy), 10);
    /// assert_eq!(budget.cost_of(RetryCategory::Throttle), 1);
    /// ```
    pub const fn new(capacity: u32, retry_cost: u32, throttle_cost: u32) -> RetryBudget {
        RetryBudget {
            tokens: AtomicU32::new(capacity),
            capacity,
            retry_cost,
            throttle_cost,
        }
    }

    /// The same budget holding `tokens` instead (at most the capacity): to resume a
    /// saved state, or to test.
    ///
    /// ```
    /// use dcs_status::RetryBudget;
    ///
    /// assert_eq!(RetryBudget::default().with_tokens(13).tokens(), 13);
    /// assert_eq!(RetryBudget::default().with_tokens(9_999).tokens(), 500);
    /// ```
    pub const fn with_tokens(self, tokens: u32) -> RetryBudget {
        let tokens = if tokens < self.capacity {
            tokens
        } else {
            self.capacity
        };
        RetryBudget {
            tokens: AtomicU32::new(tokens),
            ..self
        }
    }

    /// The tokens it holds now (another thread may change them at any time).
    ///
    /// ```
    /// assert_eq!(dcs_status::RetryBudget::default().tokens(), 500);
    /// ```
    pub fn tokens(&self) -> u32 {
        self.tokens.load(Ordering::Relaxed)
    }

    /// The most tokens it can hold.
    ///
    /// ```
    /// assert_eq!(dcs_status::RetryBudget::new(7, 1, 1).capacity(), 7);
    /// ```
    pub const fn capacity(&self) -> u32 {
        self.capacity
    }

    /// The cost of a transient or busy retry.
    ///
    /// ```
    /// assert_eq!(dcs_status::RetryBudget::default().retry_cost(), 14);
    /// ```
    pub const fn retry_cost(&self) -> u32 {
        self.retry_cost
    }

    /// The cost of a throttle retry (429, or any Retry-After).
    ///
    /// ```
    /// assert_eq!(dcs_status::RetryBudget::default().throttle_cost(), 5);
    /// ```
    pub const fn throttle_cost(&self) -> u32 {
        self.throttle_cost
    }

    /// What a retry of this category costs.
    ///
    /// ```
    /// use dcs_status::{RetryBudget, RetryCategory};
    ///
    /// let budget = RetryBudget::default();
    /// assert_eq!(budget.cost_of(RetryCategory::Transient), 14);
    /// assert_eq!(budget.cost_of(RetryCategory::Throttle), 5);
    /// ```
    pub const fn cost_of(&self, category: RetryCategory) -> u32 {
        match category {
            RetryCategory::Transient | RetryCategory::Busy => self.retry_cost,
            RetryCategory::Throttle => self.throttle_cost,
        }
    }

    /// Records that a request succeeded, and returns the tokens held after.
    ///
    /// `last_retry` is the last step of that request's loop, `None` if the first
    /// attempt succeeded:
    ///
    /// - `None`: 1 token is added;
    /// - a retry step paid from a budget (`action` `retry`, `tokens_after` set): the
    ///   cost of its category is refunded;
    /// - any other step: nothing changes.
    ///
    /// Never above the capacity.
    ///
    /// ```
    /// use dcs_status::{RetryBudget, RetryPolicy, StepInput};
    ///
    /// let budget = RetryBudget::default().with_tokens(100);
    /// assert_eq!(budget.record_success(None), 101);
    /// let step = RetryPolicy::DEFAULT.step(&StepInput::new(1, 429), Some(&budget));
    /// assert_eq!(step.tokens_after, Some(96));
    /// assert_eq!(budget.record_success(Some(&step)), 101);
    /// ```
    pub fn record_success(&self, last_retry: Option<&RetryStep>) -> u32 {
        let refund = match last_retry {
            None => 1,
            Some(step) if step.action == StepAction::Retry && step.tokens_after.is_some() => {
                step.category.map_or(0, |category| self.cost_of(category))
            }
            Some(_) => 0,
        };
        self.deposit(refund)
    }

    /// Takes `cost` tokens if it holds that many: `Ok(tokens after)`, or
    /// `Err(tokens held)` and no change.
    pub(crate) fn withdraw(&self, cost: u32) -> Result<u32, u32> {
        match self
            .tokens
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |held| {
                held.checked_sub(cost)
            }) {
            Ok(held) => Ok(held.saturating_sub(cost)),
            Err(held) => Err(held),
        }
    }

    /// Adds `amount` tokens, up to the capacity; the tokens held after.
    fn deposit(&self, amount: u32) -> u32 {
        let after = |held: u32| held.saturating_add(amount).min(self.capacity);
        match self
            .tokens
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |held| {
                Some(after(held))
            }) {
            Ok(held) | Err(held) => after(held),
        }
    }
}

impl Default for RetryBudget {
    /// A full budget with the default capacity and costs: 500 tokens, 14 per
    /// transient or busy retry, 5 per throttle retry.
    fn default() -> RetryBudget {
        RetryBudget::new(
            RetryBudget::CAPACITY,
            RetryBudget::RETRY_COST,
            RetryBudget::THROTTLE_COST,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_withdrawal_it_cannot_pay_changes_nothing() {
        let budget = RetryBudget::default().with_tokens(13);
        assert_eq!(budget.withdraw(14), Err(13));
        assert_eq!(budget.tokens(), 13);
        assert_eq!(budget.withdraw(13), Ok(0));
        assert_eq!(budget.withdraw(0), Ok(0));
        assert_eq!(budget.withdraw(1), Err(0));
    }

    #[test]
    fn deposits_stop_at_the_capacity() {
        let budget = RetryBudget::new(10, 3, 1).with_tokens(9);
        assert_eq!(budget.deposit(5), 10);
        assert_eq!(budget.deposit(u32::MAX), 10);
        let empty = RetryBudget::new(0, 3, 1);
        assert_eq!(empty.deposit(1), 0);
    }

    #[test]
    fn a_budget_shared_by_reference_is_one_budget() {
        let budget = RetryBudget::default();
        std::thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| {
                    for _ in 0..10 {
                        assert!(budget.withdraw(5).is_ok());
                    }
                });
            }
        });
        assert_eq!(budget.tokens(), 300);
    }
}
