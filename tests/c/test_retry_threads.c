/*
 * test_retry_threads.c: 8 threads sharing one retry budget (and each drawing from
 * the library's per-thread random source), in three phases that start together:
 *
 *   1. withdrawals only: a budget large enough for every retry, each thread making
 *      retry steps of every category. Every step retries, and the tokens each step
 *      reports, sorted, are one unbroken chain from the capacity down, each link its
 *      step's cost: no update lost, none applied twice, none interleaved wrongly. The
 *      budget ends at the capacity minus every cost.
 *   2. deposits only: from 0 tokens, each thread records successes (first-attempt
 *      successes, +1, and refunds of phase 1's paid steps); the tokens reported make
 *      the same unbroken chain upwards, and the budget ends at the sum.
 *   3. the real mix on the default budget (500 tokens): steps, successes and
 *      exhaustion at once. The tokens are never above the capacity (a wrap below 0
 *      would show as a huge number), an exhausted step held fewer than its cost, and
 *      the budget ends within 0..500.
 *
 * ASan/UBSan and valgrind runs of this program look for data races' symptoms too.
 *
 * Usage: test_retry_threads [ITERATIONS_PER_THREAD]   (default 50000)
 */
#define _POSIX_C_SOURCE 200809L

#include <dcs_status.h>

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#define THREADS 8
#define NOW INT64_C(1795521600)
#define RETRY_COST 14u
#define THROTTLE_COST 5u

static long iterations = 50000;
static pthread_barrier_t start;
static dcs_status_retry_policy policy;
static dcs_status_retry_budget *budget;
static uint64_t capacity; /* phase 1's budget */

/* What one step or success reported: the tokens after it, and what it moved. */
typedef struct token_link {
    uint32_t tokens_after;
    uint32_t amount;
} token_link;

typedef struct worker {
    unsigned id;
    uint32_t state; /* a per-thread linear congruential generator */
    token_link *links; /* one per iteration */
    dcs_status_retry_step *steps;
    unsigned long mismatches;
    unsigned long exhausted, retried, successes;
} worker;

static uint32_t next(worker *w) {
    w->state = w->state * 1664525u + 1013904223u;
    return w->state >> 8;
}

/* A step input that calls for a retry of each category in turn: busy (an error code
 * that says to try again later), throttle (429; 503 with Retry-After), transient (502
 * on an idempotent request). Half of them draw from the library's random source. */
static dcs_status_step_input retry_input(worker *w) {
    uint32_t r = next(w);
    dcs_status_step_input in;
    memset(&in, 0, sizeof in);
    in.attempt = 1 + r % 5;
    in.has_now = true;
    in.now = NOW;
    in.has_random = (r >> 4) & 1;
    in.random = (double)(r % 1000) / 1000.0;
    switch ((r >> 8) % 4) {
    case 0:
        in.status = 400;
        in.error_code = "DCS.4111";
        in.error_code_len = 8;
        break;
    case 1: in.status = 429; break;
    case 2:
        in.status = 503;
        in.retry_after = "1";
        in.retry_after_len = 1;
        break;
    default:
        in.status = 502;
        in.idempotent = true;
        break;
    }
    return in;
}

static uint32_t cost_of(const dcs_status_retry_step *s) {
    return s->category == DCS_STATUS_RETRY_CATEGORY_THROTTLE ? THROTTLE_COST : RETRY_COST;
}

static void *withdraw(void *arg) {
    worker *w = arg;
    pthread_barrier_wait(&start);
    for (long i = 0; i < iterations; i++) {
        dcs_status_step_input in = retry_input(w);
        dcs_status_retry_step *s = &w->steps[i];
        dcs_status_result r = dcs_status_retry_policy_step(&policy, &in, budget, s);
        w->mismatches += r != DCS_STATUS_RESULT_OK || s->action != DCS_STATUS_STEP_ACTION_RETRY ||
                         !s->has_tokens_after || !s->has_category;
        w->links[i].tokens_after = s->tokens_after;
        w->links[i].amount = cost_of(s);
        if (i % 64 == 0) {
            char line[DCS_STATUS_RETRY_STEP_LOG_LINE_MAX + 1];
            size_t n = dcs_status_retry_step_log_line(s, line, sizeof line);
            w->mismatches += n == 0 || n > DCS_STATUS_RETRY_STEP_LOG_LINE_MAX || strncmp(line, "retry ", 6) != 0;
        }
    }
    return NULL;
}

static void *deposit(void *arg) {
    worker *w = arg;
    pthread_barrier_wait(&start);
    for (long i = 0; i < iterations; i++) {
        /* Every other one refunds a paid step of phase 1, the others add 1. */
        const dcs_status_retry_step *last = next(w) % 2 ? &w->steps[i] : NULL;
        uint32_t tokens = 0;
        dcs_status_result r = dcs_status_retry_budget_record_success(budget, last, &tokens);
        w->mismatches += r != DCS_STATUS_RESULT_OK;
        w->links[i].tokens_after = tokens;
        w->links[i].amount = last != NULL ? cost_of(last) : 1;
    }
    return NULL;
}

static void *mix(void *arg) {
    worker *w = arg;
    pthread_barrier_wait(&start);
    dcs_status_retry_step last;
    bool have_last = false;
    for (long i = 0; i < iterations; i++) {
        uint32_t r = next(w);
        if (r % 3 == 0) {
            uint32_t tokens = UINT32_MAX;
            dcs_status_result res =
                dcs_status_retry_budget_record_success(budget, have_last && r % 2 ? &last : NULL, &tokens);
            w->mismatches += res != DCS_STATUS_RESULT_OK || tokens > 500;
            w->successes++;
            continue;
        }
        dcs_status_step_input in = retry_input(w);
        dcs_status_result res = dcs_status_retry_policy_step(&policy, &in, budget, &last);
        have_last = res == DCS_STATUS_RESULT_OK;
        w->mismatches += res != DCS_STATUS_RESULT_OK || !last.has_tokens_after || last.tokens_after > 500;
        if (last.reason == DCS_STATUS_RETRY_REASON_BUDGET_EXHAUSTED) {
            w->mismatches += last.action != DCS_STATUS_STEP_ACTION_DO_NOT_RETRY || last.tokens_after >= cost_of(&last);
            w->exhausted++;
        } else {
            w->mismatches += last.action != DCS_STATUS_STEP_ACTION_RETRY;
            w->retried++;
        }
        w->mismatches += dcs_status_retry_budget_tokens(budget) > 500;
    }
    return NULL;
}

static int by_tokens_descending(const void *a, const void *b) {
    uint32_t x = ((const token_link *)a)->tokens_after, y = ((const token_link *)b)->tokens_after;
    return x < y ? 1 : x > y ? -1 : 0;
}

/* Runs `body` on THREADS workers at once. */
static void run(void *(*body)(void *), worker *workers) {
    pthread_t threads[THREADS];
    CHECK(pthread_barrier_init(&start, NULL, THREADS) == 0);
    for (unsigned t = 0; t < THREADS; t++) {
        CHECK(pthread_create(&threads[t], NULL, body, &workers[t]) == 0);
    }
    for (unsigned t = 0; t < THREADS; t++) {
        CHECK(pthread_join(threads[t], NULL) == 0);
        if (!CHECK(workers[t].mismatches == 0)) {
            fprintf(stderr, "    thread %u: %lu broken promises\n", t, workers[t].mismatches);
        }
        workers[t].mismatches = 0;
    }
    pthread_barrier_destroy(&start);
}

/* Every link reported, sorted: an unbroken chain from `from`, each link its amount
 * down (`down`) or up. Returns where the chain ends. */
static uint64_t check_chain(worker *workers, uint64_t from, bool down, const char *phase) {
    size_t n = (size_t)THREADS * (size_t)iterations;
    token_link *all = malloc(n * sizeof *all);
    if (!CHECK(all != NULL)) {
        return from;
    }
    for (unsigned t = 0; t < THREADS; t++) {
        memcpy(all + (size_t)t * (size_t)iterations, workers[t].links, (size_t)iterations * sizeof *all);
    }
    qsort(all, n, sizeof *all, by_tokens_descending);
    uint64_t at = from;
    size_t broken = 0;
    for (size_t k = 0; k < n; k++) {
        token_link l = down ? all[k] : all[n - 1 - k];
        uint64_t expected = down ? at - l.amount : at + l.amount;
        if (l.tokens_after != expected) {
            if (broken++ == 0) {
                fprintf(stderr, "    %s: link %zu reports %u tokens, the chain expects %llu\n", phase, k,
                        l.tokens_after, (unsigned long long)expected);
            }
        }
        at = l.tokens_after;
    }
    CHECK(broken == 0);
    free(all);
    return at;
}

int main(int argc, char **argv) {
    if (argc > 1) {
        iterations = strtol(argv[1], NULL, 10);
    }
    if (!CHECK(iterations > 0 && iterations <= 1000000)) {
        CHECK_SUMMARY("test_retry_threads");
    }
    policy = dcs_status_retry_policy_default();
    policy.max_attempts = 100;
    worker workers[THREADS];
    for (unsigned t = 0; t < THREADS; t++) {
        memset(&workers[t], 0, sizeof workers[t]);
        workers[t].id = t;
        workers[t].state = 0x9E3779B9u * (t + 1);
        workers[t].links = malloc((size_t)iterations * sizeof *workers[t].links);
        workers[t].steps = malloc((size_t)iterations * sizeof *workers[t].steps);
        if (!CHECK(workers[t].links != NULL && workers[t].steps != NULL)) {
            CHECK_SUMMARY("test_retry_threads");
        }
    }

    /* 1. Withdrawals only, from a budget that pays every retry. */
    capacity = (uint64_t)THREADS * (uint64_t)iterations * RETRY_COST;
    budget = dcs_status_retry_budget_new((uint32_t)capacity, RETRY_COST, THROTTLE_COST);
    run(withdraw, workers);
    uint64_t end = check_chain(workers, capacity, true, "withdrawals");
    CHECK_U64(dcs_status_retry_budget_tokens(budget), end);
    dcs_status_retry_budget_free(budget);

    /* 2. Deposits only, from 0, below the capacity. */
    budget = dcs_status_retry_budget_new_with_tokens(UINT32_MAX, RETRY_COST, THROTTLE_COST, 0);
    run(deposit, workers);
    end = check_chain(workers, 0, false, "deposits");
    CHECK_U64(dcs_status_retry_budget_tokens(budget), end);
    dcs_status_retry_budget_free(budget);

    /* 3. The mix, on the default budget. */
    budget = dcs_status_retry_budget_new_default();
    run(mix, workers);
    unsigned long exhausted = 0, retried = 0, successes = 0;
    for (unsigned t = 0; t < THREADS; t++) {
        exhausted += workers[t].exhausted;
        retried += workers[t].retried;
        successes += workers[t].successes;
    }
    CHECK(dcs_status_retry_budget_tokens(budget) <= 500);
    CHECK(exhausted > 0 && retried > 0 && successes > 0); /* the mix reached every case */
    dcs_status_retry_budget_free(budget);

    for (unsigned t = 0; t < THREADS; t++) {
        free(workers[t].links);
        free(workers[t].steps);
    }
    printf("test_retry_threads: %d threads, %ld iterations each; mix: %lu retries, %lu exhausted, %lu successes\n",
           THREADS, iterations, retried, exhausted, successes);
    CHECK_SUMMARY("test_retry_threads");
}
