package dcsstatus

import (
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// A step crosses into C once and allocates nothing, with or without a budget
// and with texts; the log line allocates only its string.
func TestStepMakesNoAllocation(t *testing.T) {
	p := DefaultRetryPolicy()
	b := NewDefaultRetryBudget()
	defer b.Close()
	in := StepInput{Attempt: 1, Status: 503, RetryAfter: "2", ErrorCode: "DCS.4111", Idempotent: true,
		Now: time.Unix(1795521600, 0), Random: 0.5, HasRandom: true, HasTimeLeft: true, TimeLeft: time.Minute}
	var s RetryStep
	var err error
	var str string
	for name, f := range map[string]func(){
		"Step":               func() { s, err = p.Step(in, nil) },
		"Step(budget)":       func() { s, err = p.Step(in, b); b.RecordSuccess(&s) },
		"Step(clock, draw)":  func() { s, err = p.Step(StepInput{Attempt: 1, Status: 500, Idempotent: true}, nil) },
		"BackoffMS":          func() { _, err = p.BackoffMS(RetryCategoryBusy, 2, 0.25, 0) },
		"Validate":           func() { err = p.Validate() },
		"StepInput.Validate": func() { err = in.Validate() },
	} {
		if n := testing.AllocsPerRun(1000, f); n != 0 {
			t.Errorf("%s: %v allocations per call, want 0", name, n)
		}
	}
	if n := testing.AllocsPerRun(100, func() { str = s.String() }); n > 1 {
		t.Errorf("String: %v allocations per call, want at most 1", n)
	}
	sink = []any{s, err, str}
}

// The errors are the core's kinds, matched with errors.Is.
func TestRetryPolicyErrorsAreTheCoresKinds(t *testing.T) {
	var zero RetryPolicy
	if err := zero.Validate(); !errors.Is(err, ErrUnknownJitter) || err.Error() != ErrUnknownJitter.Error() {
		t.Errorf("zero policy: Validate() = %v, want ErrUnknownJitter", err)
	}
	if _, err := zero.Step(StepInput{Attempt: 1, Status: 500}, nil); !errors.Is(err, ErrUnknownJitter) {
		t.Errorf("zero policy: Step error %v, want ErrUnknownJitter", err)
	}
	p := DefaultRetryPolicy()
	p.MaxAttempts = 0
	if err := p.Validate(); !errors.Is(err, ErrNoAttempts) {
		t.Errorf("MaxAttempts 0: %v", err)
	}
	p = DefaultRetryPolicy()
	p.CapMS = p.BaseTransientMS - 1
	if err := p.Validate(); !errors.Is(err, ErrCapBelowBase) {
		t.Errorf("cap below base: %v", err)
	}
	if _, err := DefaultRetryPolicy().BackoffMS(RetryCategory(99), 1, 0.5, 0); !errors.Is(err, ErrInvalidArgument) {
		t.Errorf("BackoffMS of category 99: %v", err)
	}
	if err := (StepInput{Attempt: 1, Status: 500, Random: 1, HasRandom: true}).Validate(); !errors.Is(err, ErrRandomOutOfRange) {
		t.Errorf("random 1: %v", err)
	}
	_, err := ParseJitter("Full\x00" + strings.Repeat("x", 500))
	var e *InputError
	if !errors.As(err, &e) || e.Kind != ErrUnknownJitter || !strings.Contains(err.Error(), `\0`) || len(err.Error()) > maxMessage {
		t.Errorf("ParseJitter: %v", err)
	}
}

// A step echoes the attempt as read, and a closed or nil budget is no budget.
func TestClosedBudgetIsNoBudget(t *testing.T) {
	b := NewRetryBudget(10, 3, 1)
	p := DefaultRetryPolicy()
	in := StepInput{Status: 500, Idempotent: true, Random: 0, HasRandom: true}
	s, err := p.Step(in, b)
	if err != nil || !s.IsRetry() || !s.HasTokensAfter || s.TokensAfter != 7 || b.Tokens() != 7 || s.Attempt != 1 {
		t.Fatalf("%+v, %v; budget %d", s, err, b.Tokens())
	}
	b.Close()
	b.Close()
	if s, _ := p.Step(in, b); s.HasTokensAfter || !s.IsRetry() {
		t.Errorf("closed budget: %+v", s)
	}
	if b.Tokens() != 0 || b.Capacity() != 0 || b.RecordSuccess(nil) != 0 {
		t.Error("a closed budget holds tokens")
	}
	var nilBudget *RetryBudget
	if s, _ := p.Step(in, nilBudget); s.HasTokensAfter || nilBudget.Tokens() != 0 {
		t.Errorf("nil budget: %+v", s)
	}
}

// A step Step did not make (the zero RetryStep) changes no budget, and its log
// line is the core's message about an invalid argument.
func TestZeroRetryStepChangesNothing(t *testing.T) {
	b := NewRetryBudgetWithTokens(100, 10, 5, 50)
	defer b.Close()
	var zero RetryStep
	if got := b.RecordSuccess(&zero); got != 50 || b.Tokens() != 50 {
		t.Errorf("RecordSuccess(zero step) = %d, tokens %d; want 50", got, b.Tokens())
	}
	if got, want := zero.String(), ErrInvalidArgument.Error(); got != want {
		t.Errorf("zero step's line %q, want %q", got, want)
	}
}

// One budget shared by many goroutines loses no update: exactly as many
// retries are granted as its tokens pay for, and refunds restore it exactly.
func TestBudgetSharedByGoroutinesLosesNoUpdate(t *testing.T) {
	const capacity, cost = 500, 14
	b := NewRetryBudget(capacity, cost, 5)
	defer b.Close()
	p := DefaultRetryPolicy()
	p.MaxAttempts = 1 << 30
	in := StepInput{Attempt: 1, Status: 500, Idempotent: true, Random: 0, HasRandom: true}
	workers, perWorker := 8, 50
	var granted atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range perWorker {
				s, err := p.Step(in, b)
				if err != nil || s.TokensAfter > capacity {
					t.Errorf("%+v, %v", s, err)
				}
				if s.IsRetry() {
					granted.Add(1)
				} else if s.Reason != RetryReasonBudgetExhausted {
					t.Errorf("refused for %v", s.Reason)
				}
			}
		}()
	}
	wg.Wait()
	if want := int64(capacity / cost); granted.Load() != want || b.Tokens() != capacity%cost {
		t.Fatalf("%d retries granted, %d tokens left; want %d and %d", granted.Load(), b.Tokens(), want, capacity%cost)
	}

	// Each goroutine retries and refunds: the budget ends where it started.
	full := NewDefaultRetryBudget()
	defer full.Close()
	start := full.Tokens()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range perWorker {
				s, _ := p.Step(in, full)
				if got := full.RecordSuccess(&s); got > full.Capacity() {
					t.Errorf("%d tokens, above the capacity", got)
				}
			}
		}()
	}
	wg.Wait()
	if full.Tokens() != start {
		t.Errorf("after retries and refunds: %d tokens, want %d", full.Tokens(), start)
	}
}

// GaveUp is the core's: true when a limit stopped a retry that a rule called
// for, false for a retry and for a response no retry can fix.
func TestRetryStepGaveUp(t *testing.T) {
	p := DefaultRetryPolicy()
	for _, c := range []struct {
		attempt uint32
		status  int
		want    bool
	}{
		{1, 503, false}, // retried after its Retry-After
		{3, 503, true},  // the third attempt was the last
		{3, 404, false}, // nothing to give up
		{1, NoResponse, false},
		{3, NoResponse, true},
	} {
		in := StepInput{Attempt: c.attempt, Status: c.status, RetryAfter: "1", Idempotent: true, Random: 0.5, HasRandom: true}
		s, err := p.Step(in, nil)
		if err != nil {
			t.Fatal(err)
		}
		if s.GaveUp() != c.want {
			t.Errorf("attempt %d, status %d: GaveUp() = %v, want %v (%s)", c.attempt, c.status, s.GaveUp(), c.want, s)
		}
	}
	if (RetryStep{Reason: 999}).GaveUp() {
		t.Error("a step with an undefined reason gave up")
	}
}
