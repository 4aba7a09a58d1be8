package dcsstatus

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"testing"
	"time"
)

// Retrier.Do beyond the shared scenarios (client_scenarios_test.go runs those
// through a function that sends with a bare client and returns CheckResponse's
// error), with errors made by hand.

// throttled is the *HTTPError of a 429 asking to wait retryAfter, at the
// vectors' clock.
func throttled(t *testing.T, doc clientScenarios, retryAfter string) *HTTPError {
	t.Helper()
	e, err := HTTPErrorFromResponse(http.StatusTooManyRequests, http.Header{"Retry-After": {retryAfter}}, nil,
		time.Unix(doc.Now, 0), true)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// An *HTTPError wrapped by the caller's own error is read as its response,
// and found through the *RetryError; the budget pays and is refunded.
func TestDoReadsAWrappedHTTPError(t *testing.T) {
	doc := loadClientScenarios(t)
	var run scenarioRun
	r := run.retrier(doc)
	r.Budget = NewDefaultRetryBudget()
	defer r.Budget.Close()
	full := r.Budget.Capacity()
	calls := 0
	err := r.Do(context.Background(), false, func(context.Context) error {
		calls++
		if calls == 1 {
			return fmt.Errorf("creating the instance: %w", throttled(t, doc, "2"))
		}
		return nil
	})
	if err != nil || calls != 2 || len(run.steps) != 1 || run.steps[0].Reason != RetryReasonRetryAfter ||
		len(run.sleeps) != 1 || run.sleeps[0] != 2*time.Second {
		t.Fatalf("got %v after %d calls, steps %v, sleeps %v", err, calls, run.steps, run.sleeps)
	}
	if got := r.Budget.Tokens(); got != full {
		t.Errorf("the budget holds %d tokens after the success, want %d", got, full)
	}
}

// Any other error is no response: retried only when the call is idempotent.
func TestDoOtherErrorsAreNoResponse(t *testing.T) {
	doc := loadClientScenarios(t)
	failure := errors.New("connection refused")
	for _, idempotent := range []bool{false, true} {
		var run scenarioRun
		r := run.retrier(doc)
		calls := 0
		err := r.Do(context.Background(), idempotent, func(context.Context) error {
			calls++
			return failure
		})
		var re *RetryError
		if !errors.Is(err, failure) || !errors.As(err, &re) {
			t.Fatalf("got %v, want the call's error in a *RetryError", err)
		}
		// Its message is the call's; when the retries ran out, with why.
		want := failure.Error()
		if idempotent {
			want += "; retries exhausted: no response on attempt 3, and max_attempts is 3 (max_attempts)"
		}
		if err.Error() != want {
			t.Errorf("message %q, want %q", err.Error(), want)
		}
		wantCalls, wantReason := 1, RetryReasonNotIdempotent
		if idempotent {
			wantCalls, wantReason = int(DefaultRetryPolicy().MaxAttempts), RetryReasonMaxAttempts
		}
		last := re.Steps[len(re.Steps)-1]
		if calls != wantCalls || len(re.Steps) != wantCalls || last.Reason != wantReason ||
			last.Status != NoResponse || last.GaveUp() != idempotent {
			t.Errorf("idempotent %v: %d calls, steps %v; want %d calls, ending with %s", idempotent, calls,
				re.Steps, wantCalls, wantReason)
		}
		for _, step := range re.Steps[:len(re.Steps)-1] {
			if step.Reason != RetryReasonConnectionError {
				t.Errorf("step %v, want %s", step, RetryReasonConnectionError)
			}
		}
	}
}

// The context's deadline stops a retry that would end after it, without a
// sleep; a cancel during the sleep ends the loop with the context's error.
func TestDoContext(t *testing.T) {
	doc := loadClientScenarios(t)
	var run scenarioRun
	r := run.retrier(doc)
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	err := r.Do(ctx, true, func(context.Context) error { return throttled(t, doc, "1") })
	var re *RetryError
	if !errors.As(err, &re) || len(re.Steps) != 1 || re.Steps[0].Reason != RetryReasonDeadline || len(run.sleeps) != 0 {
		t.Fatalf("got %v, slept %v; want a stop at the deadline, no sleep", err, run.sleeps)
	}

	r.Sleep = nil // the real sleep, which the cancel ends at once
	ctx, cancel = context.WithCancel(context.Background())
	calls := 0
	err = r.Do(ctx, true, func(context.Context) error {
		calls++
		cancel()
		return errors.New("reset") // cancelled after the call: the step sees no time left
	})
	if !errors.As(err, &re) || calls != 1 || re.Steps[len(re.Steps)-1].IsRetry() {
		t.Fatalf("got %v after %d calls; want a stop after the first", err, calls)
	}

	ctx, cancel = context.WithCancel(context.Background())
	r.Random = func() float64 { return 0.999 } // a delay of most of the base
	r.Sleep = func(ctx context.Context, d time.Duration) error {
		cancel()
		return sleepContext(ctx, d)
	}
	err = r.Do(ctx, true, func(context.Context) error { return errors.New("reset") })
	if !errors.Is(err, context.Canceled) || !errors.As(err, &re) || len(re.Steps) != 1 || !re.Steps[0].IsRetry() {
		t.Fatalf("got %v; want context.Canceled after the first retry step", err)
	}
}

// A policy that is not valid fails before the first call.
func TestDoInvalidPolicy(t *testing.T) {
	r := Retrier{Policy: RetryPolicy{MaxAttempts: 3}}
	called := false
	err := r.Do(context.Background(), true, func(context.Context) error { called = true; return nil })
	if !errors.Is(err, ErrUnknownJitter) || called {
		t.Errorf("got %v, called %v; want ErrUnknownJitter before any call", err, called)
	}
}

// sleepContext waits, or returns the context's error as soon as it is done.
func TestSleepContext(t *testing.T) {
	if err := sleepContext(context.Background(), 0); err != nil {
		t.Errorf("a zero sleep: %v", err)
	}
	if err := sleepContext(context.Background(), time.Millisecond); err != nil {
		t.Errorf("a 1 ms sleep: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := sleepContext(ctx, time.Hour); !errors.Is(err, context.Canceled) {
		t.Errorf("a cancelled hour: %v", err)
	}
	if err := sleepContext(ctx, 0); !errors.Is(err, context.Canceled) {
		t.Errorf("a cancelled zero sleep: %v", err)
	}
}
