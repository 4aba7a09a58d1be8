//! A retry step, the budget, the default random source and the log line written
//! into a buffer never allocate: the C, Go and Python layers call them per request.

use dcs_status::{random_unit, Jitter, RetryBudget, RetryPolicy, RetryStep, StepInput};

mod common;

use common::allocations_during;

#[test]
fn steps_budgets_draws_and_log_lines_do_not_allocate() {
    let budget = RetryBudget::default();
    let inputs = [
        StepInput::new(1, 502).with_idempotent(true),
        StepInput::new(2, 429),
        StepInput::new(1, 503).with_retry_after(b"Sun, 06 Nov 1994 08:49:37 GMT"),
        StepInput::new(1, 503).with_retry_after(b"120").with_now(0),
        StepInput::new(1, 400).with_error_code(b"DCS.4111"),
        StepInput::new(1, 429).with_error_code(b"DCS.4202"),
        StepInput::new(1, 400).with_error_code(&[b'x'; 10_000]),
        StepInput::new(1, 42),
        StepInput::new(1, 504)
            .with_idempotent(true)
            .with_time_left_ms(0),
    ];
    let count = allocations_during(|| {
        let mut line = [0u8; RetryStep::LOG_LINE_MAX];
        for jitter in Jitter::ALL {
            let policy = RetryPolicy {
                jitter,
                ..RetryPolicy::DEFAULT
            };
            for input in &inputs {
                for budget in [None, Some(&budget)] {
                    let step = policy.step(input, budget);
                    std::hint::black_box(step.write_log_line(&mut line));
                    std::hint::black_box(budget.map(|b| b.record_success(Some(&step))));
                }
            }
        }
        std::hint::black_box(random_unit());
    });
    assert_eq!(count, 0, "allocations in a retry step");
}

#[test]
fn a_new_thread_seeds_its_random_source_without_allocating() {
    let count = std::thread::spawn(|| {
        allocations_during(|| {
            std::hint::black_box(random_unit());
        })
    })
    .join()
    .unwrap_or(usize::MAX);
    assert_eq!(count, 0);
}
