//! The retry policy: one step (rules and delay), with and without a budget.
//!
//! `cargo bench -p dcs-status --bench policy`. Goals (issue 10): one step without a
//! budget ≤ 50 ns; with the budget ≤ 2× that.
//!
//! - `retry_step/*`: a mix of eight typical responses (server errors, 429 with and
//!   without Retry-After, a busy DCS code, a fix-the-request code, a 404, an
//!   HTTP-date), one step each, the random draw given: per element, so the figure is
//!   the time of one step. `no_budget`, `with_budget` (a shared budget, charged by
//!   every retry) and `with_budget_and_success` (plus `record_success`, as a loop
//!   ends), and `random_drawn` (no draw given: the core's source draws one).
//! - `retry_step_single/*`: one response repeated, to show the spread between the
//!   cheapest and the dearest rule.
//! - `backoff_ms`, `random_unit`: the formula and the random source alone;
//!   `decide`: the existing decision without a policy, for reference.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dcs_status::{decide, random_unit, RetryBudget, RetryCategory, RetryPolicy, StepInput};

const NOW: i64 = 1_795_521_600;

fn mix() -> Vec<StepInput<'static>> {
    [
        StepInput::new(1, 502).with_idempotent(true),
        StepInput::new(2, 503).with_retry_after(b"120"),
        StepInput::new(1, 429),
        StepInput::new(1, 400).with_error_code(b"DCS.4111"),
        StepInput::new(1, 400).with_error_code(b"DCS.4202"),
        StepInput::new(1, 404),
        StepInput::new(2, 500).with_idempotent(true),
        StepInput::new(1, 429).with_retry_after(b"Tue, 24 Nov 2026 12:02:00 GMT"),
    ]
    .map(|input| input.with_now(NOW).with_random(0.5))
    .to_vec()
}

fn steps(c: &mut Criterion) {
    let policy = RetryPolicy::DEFAULT;
    let inputs = mix();
    let mut group = c.benchmark_group("retry_step");
    group.throughput(Throughput::Elements(inputs.len() as u64));
    group.bench_function("no_budget", |b| {
        b.iter(|| {
            for input in black_box(&inputs) {
                black_box(policy.step(input, None));
            }
        })
    });
    // Enough tokens that no run can empty it: every retry is paid for.
    let budget = RetryBudget::new(u32::MAX, 1, 1);
    group.bench_function("with_budget", |b| {
        b.iter(|| {
            for input in black_box(&inputs) {
                black_box(policy.step(input, Some(&budget)));
            }
        })
    });
    let budget = RetryBudget::default();
    group.bench_function("with_budget_and_success", |b| {
        b.iter(|| {
            for input in black_box(&inputs) {
                let step = policy.step(input, Some(&budget));
                black_box(budget.record_success(Some(&step)));
            }
        })
    });
    let drawn: Vec<StepInput> = inputs
        .iter()
        .map(|input| StepInput {
            random: None,
            ..*input
        })
        .collect();
    group.bench_function("random_drawn", |b| {
        b.iter(|| {
            for input in black_box(&drawn) {
                black_box(policy.step(input, None));
            }
        })
    });
    group.finish();

    let mut group = c.benchmark_group("retry_step_single");
    group.throughput(Throughput::Elements(1));
    for (name, input) in [
        ("server_error_502", inputs[0]),
        ("retry_after_seconds", inputs[1]),
        ("busy_dcs_4111", inputs[3]),
        ("retry_after_http_date", inputs[7]),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| black_box(policy.step(black_box(&input), None)))
        });
    }
    group.finish();
}

fn parts(c: &mut Criterion) {
    let policy = RetryPolicy::DEFAULT;
    let mut group = c.benchmark_group("retry_parts");
    group.throughput(Throughput::Elements(1));
    group.bench_function("backoff_ms", |b| {
        b.iter(|| {
            black_box(policy.backoff_ms(
                RetryCategory::Transient,
                black_box(3),
                black_box(0.5),
                black_box(0),
            ))
        })
    });
    group.bench_function("random_unit", |b| b.iter(|| black_box(random_unit())));
    group.bench_function("decide", |b| {
        b.iter(|| black_box(decide(black_box(503u16), Some(black_box("120")), NOW, true)))
    });
    group.finish();
}

criterion_group!(benches, steps, parts);
criterion_main!(benches);
