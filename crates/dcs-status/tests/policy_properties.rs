//! Property tests of the retry policy: delays within their limits for any input, no
//! overflow or panic anywhere up to `u32::MAX` retries and `u64::MAX` settings, and a
//! budget that stays within `0..=capacity` and loses no update under 8 threads.

use std::sync::atomic::{AtomicU64, Ordering};

use dcs_status::{
    Jitter, RetryBudget, RetryCategory, RetryPolicy, RetryReason, RetryStep, StepAction, StepInput,
};
use proptest::prelude::*;

fn jitter() -> impl Strategy<Value = Jitter> {
    prop::sample::select(Jitter::ALL.to_vec())
}

fn category() -> impl Strategy<Value = RetryCategory> {
    prop::sample::select(RetryCategory::ALL.to_vec())
}

/// Any u64, with the edges and small values (where the rules change) made likely.
fn any_u64() -> impl Strategy<Value = u64> {
    prop_oneof![
        any::<u64>(),
        0u64..100_000,
        Just(0),
        Just(u64::MAX),
        Just(1 << 53),
    ]
}

/// Any u32, likewise.
fn any_u32() -> impl Strategy<Value = u32> {
    prop_oneof![any::<u32>(), 0u32..100, Just(u32::MAX), Just(u32::MAX - 1)]
}

/// Any double: every bit pattern (NaN, infinities, negatives, subnormals) and
/// plenty of ordinary draws in [0, 1).
fn any_random() -> impl Strategy<Value = f64> {
    prop_oneof![any::<u64>().prop_map(f64::from_bits), 0.0..1.0f64]
}

fn policy() -> impl Strategy<Value = RetryPolicy> {
    (
        any_u32(),
        jitter(),
        any_u64(),
        any_u64(),
        any_u64(),
        any_u64(),
        any_u64(),
    )
        .prop_map(
            |(max_attempts, jitter, transient, throttle, busy, cap, max_retry_after)| RetryPolicy {
                max_attempts,
                jitter,
                base_transient_ms: transient,
                base_throttle_ms: throttle,
                base_busy_ms: busy,
                cap_ms: cap,
                max_retry_after_s: max_retry_after,
            },
        )
}

/// Statuses the rules distinguish (0: no response), and any integer.
fn status() -> impl Strategy<Value = i64> {
    prop_oneof![
        prop::sample::select(vec![
            0i64, 200, 400, 404, 408, 413, 429, 500, 502, 503, 504, 599, 600, 999
        ]),
        any::<i64>(),
        0i64..1200,
    ]
}

/// Retry-After values: delay-seconds, dates, and any bytes.
fn retry_after() -> impl Strategy<Value = Option<Vec<u8>>> {
    let text = prop_oneof![
        "[0-9]{1,30}",
        Just("Sun, 06 Nov 1994 08:49:37 GMT".to_owned()),
        Just("Sunday, 31-Dec-99 23:59:59 GMT".to_owned()),
        Just("Sun Nov  6 08:49:37 2094".to_owned()),
        Just(String::new()),
    ]
    .prop_map(String::into_bytes);
    prop::option::of(prop_oneof![text, prop::collection::vec(any::<u8>(), 0..40)])
}

/// Error codes: catalogue codes of every advice, unknown ones, any bytes.
fn error_code() -> impl Strategy<Value = Option<Vec<u8>>> {
    let known = prop::sample::select(vec![
        "DCS.4111",
        "DCS.4069",
        "DCS.4202",
        "DCS.4855",
        "DCS.5000",
        "DCS.4300",
        "111400017",
        "DCS.9999",
        "",
    ])
    .prop_map(|c| c.as_bytes().to_vec());
    prop::option::of(prop_oneof![
        known,
        prop::collection::vec(any::<u8>(), 0..80)
    ])
}

#[derive(Debug, Clone)]
struct Input {
    attempt: u32,
    status: i64,
    retry_after: Option<Vec<u8>>,
    error_code: Option<Vec<u8>>,
    idempotent: bool,
    now: i64,
    random: f64,
    previous_delay_ms: u64,
    time_left_ms: Option<u64>,
    unreplayable_body: bool,
}

impl Input {
    fn step_input(&self) -> StepInput<'_> {
        StepInput {
            attempt: self.attempt,
            status: self.status,
            retry_after: self.retry_after.as_deref(),
            error_code: self.error_code.as_deref(),
            idempotent: self.idempotent,
            now: Some(self.now),
            random: Some(self.random),
            previous_delay_ms: self.previous_delay_ms,
            time_left_ms: self.time_left_ms,
            unreplayable_body: self.unreplayable_body,
        }
    }
}

fn input() -> impl Strategy<Value = Input> {
    (
        any_u32(),
        status(),
        retry_after(),
        error_code(),
        any::<bool>(),
        prop_oneof![any::<i64>(), 0i64..4_000_000_000],
        any_random(),
        any_u64(),
        prop::option::of(any_u64()),
        prop::bool::weighted(0.2),
    )
        .prop_map(
            |(
                attempt,
                status,
                retry_after,
                error_code,
                idempotent,
                now,
                random,
                previous_delay_ms,
                time_left_ms,
                unreplayable_body,
            )| Input {
                attempt,
                status,
                retry_after,
                error_code,
                idempotent,
                now,
                random,
                previous_delay_ms,
                time_left_ms,
                unreplayable_body,
            },
        )
}

/// `min(cap, base · 2^(n−1))`, computed with 128-bit integers.
fn ceiling_by_u128(base: u64, cap: u64, n: u32) -> u64 {
    let shift = n.max(1) - 1;
    let doubled = if shift >= 64 {
        if base == 0 {
            0
        } else {
            u128::MAX
        }
    } else {
        u128::from(base) << shift
    };
    u64::try_from(doubled.min(u128::from(cap))).unwrap_or(cap)
}

proptest! {
    #[test]
    fn a_backoff_delay_never_exceeds_the_cap_nor_the_ceiling(
        policy in policy(),
        category in category(),
        retry in any_u32(),
        random in any_random(),
        previous in any_u64(),
    ) {
        let delay = policy.backoff_ms(category, retry, random, previous);
        prop_assert!(delay <= policy.cap_ms);
        let ceiling = ceiling_by_u128(policy.base_ms(category), policy.cap_ms, retry);
        match policy.jitter {
            Jitter::None => prop_assert_eq!(delay, ceiling),
            Jitter::Full => prop_assert!(delay <= ceiling),
            Jitter::Equal => {
                prop_assert!(delay <= ceiling);
                // At least half the ceiling, wherever a double holds the ceiling exactly.
                if ceiling <= 1 << 53 {
                    prop_assert!(delay >= ceiling / 2);
                }
            }
            Jitter::Decorrelated => {
                // Never below the base (unless the cap is), wherever a double holds it.
                let base = policy.base_ms(category);
                if base <= 1 << 53 {
                    prop_assert!(delay >= base.min(policy.cap_ms));
                }
            }
        }
    }

    #[test]
    fn full_jitter_is_u_times_the_ceiling_for_exact_ceilings(
        base in 0u64..1 << 20,
        retry in 1u32..40,
        random in 0.0..1.0f64,
    ) {
        let policy = RetryPolicy { base_transient_ms: base, cap_ms: 1 << 52, ..RetryPolicy::DEFAULT };
        let ceiling = ceiling_by_u128(base, 1 << 52, retry);
        let delay = policy.backoff_ms(RetryCategory::Transient, retry, random, 0);
        prop_assert_eq!(delay, (random * ceiling as f64).floor() as u64);
    }

    #[test]
    fn any_step_answers_within_its_limits(policy in policy(), input in input(), tokens in any_u32()) {
        let budget = RetryBudget::default().with_tokens(tokens);
        for budget in [None, Some(&budget)] {
            let step = policy.step(&input.step_input(), budget);
            check_step(&policy, &input, &step)?;
            if let (Some(budget), Some(after)) = (budget, step.tokens_after) {
                prop_assert!(after <= budget.capacity());
                prop_assert_eq!(after, budget.tokens());
            }
        }
    }

    #[test]
    fn a_step_that_stops_never_charges_the_budget(policy in policy(), input in input()) {
        let budget = RetryBudget::default().with_tokens(250);
        let step = policy.step(&input.step_input(), Some(&budget));
        if step.is_retry() {
            let cost = budget.cost_of(step.category.unwrap_or(RetryCategory::Transient));
            prop_assert_eq!(budget.tokens(), 250 - cost);
        } else {
            prop_assert_eq!(budget.tokens(), 250);
        }
    }

    #[test]
    fn the_same_input_gives_the_same_step(policy in policy(), input in input()) {
        let a = policy.step(&input.step_input(), None);
        let b = policy.step(&input.step_input(), None);
        prop_assert_eq!(a, b);
    }
}

/// What every step must satisfy, whatever its input.
fn check_step(policy: &RetryPolicy, input: &Input, step: &RetryStep) -> Result<(), TestCaseError> {
    prop_assert_eq!(step.is_retry(), step.reason.is_retry());
    prop_assert_eq!(step.action == StepAction::Retry, step.reason.is_retry());
    prop_assert_eq!(step.attempt, input.attempt.max(1));
    prop_assert_eq!(step.max_attempts, policy.max_attempts);
    prop_assert_eq!(step.status, input.status);
    prop_assert_eq!(
        step.gave_up(),
        !step.is_retry() && step.category.is_some() && step.reason != RetryReason::UnreplayableBody
    );
    if input.unreplayable_body {
        prop_assert!(!step.is_retry());
    }
    if step.gave_up() {
        prop_assert!(matches!(
            step.reason,
            RetryReason::MaxAttempts
                | RetryReason::RetryAfterTooLong
                | RetryReason::Deadline
                | RetryReason::BudgetExhausted
        ));
    }
    if step.is_retry() {
        prop_assert!(step.attempt < policy.max_attempts);
        if let Some(left) = input.time_left_ms {
            prop_assert!(step.delay_ms <= left);
        }
    } else {
        prop_assert_eq!(step.delay_ms, 0);
    }
    match step.reason {
        RetryReason::RetryAfter => {
            let seconds = step.retry_after_s.unwrap_or(u64::MAX);
            prop_assert!(seconds <= policy.max_retry_after_s);
            prop_assert_eq!(step.delay_ms, seconds.saturating_mul(1_000));
            prop_assert!(step.delay_ms <= policy.max_retry_after_s.saturating_mul(1_000));
            prop_assert_eq!(step.category, Some(RetryCategory::Throttle));
        }
        RetryReason::Busy
        | RetryReason::Throttled
        | RetryReason::Timeout
        | RetryReason::ServerError
        | RetryReason::ConnectionError => {
            prop_assert!(step.delay_ms <= policy.cap_ms);
            prop_assert!(step.category.is_some());
        }
        RetryReason::RetryAfterTooLong => {
            prop_assert!(step.retry_after_s.unwrap_or(0) > policy.max_retry_after_s);
            prop_assert_eq!(step.category, Some(RetryCategory::Throttle));
        }
        RetryReason::BudgetExhausted | RetryReason::Deadline => {
            prop_assert!(step.category.is_some());
        }
        RetryReason::UnreplayableBody => {
            prop_assert!(step.category.is_some());
            prop_assert!(input.unreplayable_body);
            prop_assert!(!step.gave_up());
        }
        // The attempts are checked after the rules: max_attempts only ever stops a
        // retry that a rule called for.
        RetryReason::MaxAttempts => {
            prop_assert!(step.category.is_some());
            prop_assert!(step.attempt >= policy.max_attempts);
        }
        RetryReason::NotAnError
        | RetryReason::ErrorCode
        | RetryReason::NotIdempotent
        | RetryReason::Status => prop_assert_eq!(step.category, None),
    }
    let exhausted = step.exhausted_message("").to_string();
    prop_assert!(exhausted.len() <= RetryStep::LOG_LINE_MAX, "{}", exhausted);
    prop_assert!(exhausted.is_ascii(), "{}", exhausted);
    prop_assert_eq!(exhausted.is_empty(), !step.gave_up());
    let message = step.exhausted_message("HTTP 5xx").to_string();
    if step.gave_up() {
        prop_assert_eq!(message, format!("HTTP 5xx; {exhausted}"));
    } else {
        prop_assert_eq!(message, "HTTP 5xx");
    }
    let line = step.to_string();
    prop_assert!(line.len() <= RetryStep::LOG_LINE_MAX, "{}", line);
    prop_assert!(line.is_ascii(), "{}", line);
    prop_assert!(line.ends_with(&format!("({})", step.reason)), "{}", line);
    Ok(())
}

/// 8 threads, each running retry loops against one budget.
const THREADS: u64 = 8;

/// One thread's share of a contended run: steps and successes in an order drawn
/// from `seed`; returns (tokens paid, tokens refunded) as the steps report them.
fn hammer(budget: &RetryBudget, policy: &RetryPolicy, seed: u64, rounds: u32) -> (u64, u64) {
    let inputs = [
        StepInput::new(1, 502).with_idempotent(true),
        StepInput::new(1, 429),
        StepInput::new(1, 503).with_retry_after(b"1"),
        StepInput::new(1, 400).with_error_code(b"DCS.4111"),
        StepInput::new(1, 404),
    ];
    let mut state = seed | 1;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let (mut paid, mut refunded) = (0, 0);
    for _ in 0..rounds {
        let pick = usize::try_from(next() % inputs.len() as u64).unwrap_or(0);
        let step = policy.step(&inputs[pick].with_random(0.5), Some(budget));
        let after = step.tokens_after.unwrap_or(u32::MAX);
        assert!(after <= budget.capacity(), "{after}");
        if step.is_retry() {
            paid += u64::from(budget.cost_of(step.category.unwrap_or(RetryCategory::Transient)));
        }
        match next() % 3 {
            0 => {
                let after = budget.record_success(None);
                assert!(after <= budget.capacity());
                refunded += 1;
            }
            1 => {
                let after = budget.record_success(Some(&step));
                assert!(after <= budget.capacity());
                if step.is_retry() {
                    refunded += u64::from(
                        budget.cost_of(step.category.unwrap_or(RetryCategory::Transient)),
                    );
                }
            }
            _ => {}
        }
    }
    (paid, refunded)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// With room on both sides (no refund can hit the capacity, no retry can find
    /// the budget empty), the tokens left are exactly the start minus what was paid
    /// plus what was refunded: no update is lost between threads.
    #[test]
    fn eight_threads_lose_no_update(seed in any::<u64>(), retry_cost in 0u32..50, throttle_cost in 0u32..50) {
        let start = u32::MAX / 2;
        let budget = RetryBudget::new(u32::MAX, retry_cost, throttle_cost).with_tokens(start);
        let policy = RetryPolicy { max_attempts: 2, ..RetryPolicy::DEFAULT };
        let totals: Vec<(u64, u64)> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..THREADS)
                .map(|t| {
                    let (budget, policy) = (&budget, &policy);
                    s.spawn(move || hammer(budget, policy, seed.wrapping_add(t), 2_000))
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap_or((0, 0))).collect()
        });
        let paid: u64 = totals.iter().map(|t| t.0).sum();
        let refunded: u64 = totals.iter().map(|t| t.1).sum();
        prop_assert_eq!(u64::from(budget.tokens()), u64::from(start) - paid + refunded);
    }

    /// A small budget under contention: every value any thread sees is within
    /// 0..=capacity, and at the end too.
    #[test]
    fn eight_threads_keep_a_small_budget_within_its_capacity(
        seed in any::<u64>(),
        capacity in 0u32..60,
        retry_cost in 0u32..20,
        throttle_cost in 0u32..20,
    ) {
        let budget = RetryBudget::new(capacity, retry_cost, throttle_cost);
        let policy = RetryPolicy { max_attempts: 2, ..RetryPolicy::DEFAULT };
        std::thread::scope(|s| {
            for t in 0..THREADS {
                let (budget, policy) = (&budget, &policy);
                s.spawn(move || hammer(budget, policy, seed.wrapping_add(t), 2_000));
            }
        });
        prop_assert!(budget.tokens() <= capacity);
    }

    /// Without refunds, exactly `floor(start / cost)` retries are paid for, however
    /// the 8 threads interleave: none is paid twice from the same tokens.
    #[test]
    fn eight_threads_spend_each_token_once(start in 0u32..2_000, cost in 1u32..40) {
        let budget = RetryBudget::new(2_000, cost, cost).with_tokens(start);
        let policy = RetryPolicy { max_attempts: 2, ..RetryPolicy::DEFAULT };
        let retries = AtomicU64::new(0);
        std::thread::scope(|s| {
            for _ in 0..THREADS {
                s.spawn(|| {
                    let input = StepInput::new(1, 429).with_random(0.5);
                    for _ in 0..400 {
                        if policy.step(&input, Some(&budget)).is_retry() {
                            retries.fetch_add(1, Ordering::Relaxed);
                        }
                    }
                });
            }
        });
        prop_assert_eq!(retries.load(Ordering::Relaxed), u64::from(start / cost));
        prop_assert_eq!(budget.tokens(), start % cost);
    }
}
