package dcsstatus

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"time"
)

// Retrier is a retry loop on the core's policy: the settings Transport (for
// an *http.Client) and Do (for SDK-style calls that return an error) share.
// After each attempt it asks RetryPolicy.Step for the next step, reports it
// (OnStep, Logger), and sleeps the step's delay before the next attempt. The
// zero value is ready to use: the default policy, no budget, no logging, the
// system clock, the core's random draws and a real sleep. A Retrier is safe
// for concurrent use as long as its fields are not changed meanwhile.
type Retrier struct {
	// Policy is the retry policy. The zero RetryPolicy means
	// DefaultRetryPolicy(); any other policy must pass RetryPolicy.Validate,
	// or every request or call fails with Validate's error before its first
	// attempt (start from DefaultRetryPolicy and change fields).
	Policy RetryPolicy
	// Budget, if not nil, pays for every retry (RetryBudget); successes earn
	// tokens back (RetryBudget.RecordSuccess). Share one among the clients of
	// one service.
	Budget *RetryBudget
	// Logger, if not nil, logs every step: the message is the step's log line
	// (RetryStep.String, the core's text, the same in every language), at
	// slog.LevelInfo for a retry and slog.LevelDebug for the final step, with
	// the attributes attempt, reason, delay_ms, request_id (the response's
	// X-Request-Id header, or HTTPError.RequestID) and error_code (the
	// error_code of the response's body); "" for a text there is none of.
	// Nil logs nothing: a library does not log unless asked (pass
	// slog.Default() for the program's logger).
	Logger *slog.Logger
	// OnStep, if not nil, is called with every step, in order, before the
	// retry's sleep: the request's or call's context and the step
	// (RetryStep.IsRetry says whether another attempt follows).
	OnStep func(ctx context.Context, step RetryStep)
	// Sleep, if not nil, waits d before the next attempt, or returns a
	// non-nil error to stop the loop (then returned, wrapped in a
	// *RetryError). Nil waits on a timer, and returns ctx.Err() as soon as ctx
	// is done. Tests inject one that records d and returns at once. The loop
	// never calls it with a ctx that is already done.
	Sleep func(ctx context.Context, d time.Duration) error
	// Now, if not nil, is the clock a Retry-After HTTP-date is read against
	// (StepInput.Now); nil is the system clock. The time left before the
	// context's deadline is measured with the system clock, which the
	// context's timer follows.
	Now func() time.Time
	// Random, if not nil, gives the draw in [0, 1) that places each jittered
	// delay (StepInput.Random); nil lets the core draw (RandomUnit).
	Random func() float64
}

// RetryError is the error of a request or call that the retry loop stopped
// without a response to return: a connection error (or, for Do, any error)
// that was not retried or whose retries were exhausted, a context that ended
// during a retry's sleep, or a request body that GetBody could not give again.
// Err is that error, Steps every step of the loop, the last one the step that
// stopped it (none when Err came before any step: the sleep's error follows
// a retry step).
//
// Its message is Err's, ending, when the last step gave up (the retries were
// exhausted), with why (that step's ExhaustedMessage); every reason is in Steps
// (RetryStep.String).
// errors.Is and errors.As see Err (Unwrap): errors.Is(err,
// context.DeadlineExceeded), or an *HTTPError that a Do call's function
// returned. An *http.Client wraps it in a *url.Error; errors.As finds it
// through that too.
type RetryError struct {
	// Steps is every step of the loop, in order.
	Steps []RetryStep
	// Err is the error the loop stopped on.
	Err error
}

// Error is Err's message, and why the retries ran out if they did.
func (e *RetryError) Error() string { return withExhausted(e.Err.Error(), e.Steps) }

// Unwrap is Err.
func (e *RetryError) Unwrap() error { return e.Err }

// Do calls fn until it succeeds or the policy stops retrying, sleeping each
// step's delay in between: a retry loop for SDK-style calls that return an
// error. idempotent says whether the call may safely be made twice (for an
// HTTP method, MethodIsIdempotent).
//
// An error of fn that holds an *HTTPError (errors.As; CheckResponse makes one)
// is read as that response: its status, Retry-After, error code and request
// id. Any other error is read as no response (NoResponse: a connection error,
// retried only when idempotent). Do returns nil when fn does (the budget
// earns tokens back; no step is asked for a success, so none is logged), and
// otherwise a *RetryError holding fn's last error and every step: the error
// was not retried or the retries were exhausted (the last step's GaveUp), the
// context ended during a sleep (Err is then ctx.Err()), or Policy is not
// valid (Validate's error, returned before fn is called).
//
// fn receives ctx. The loop stops when ctx is done: a retry whose delay would
// end after ctx's deadline is not made (RetryReasonDeadline), and a context
// cancelled during a sleep ends it.
func (r *Retrier) Do(ctx context.Context, idempotent bool, fn func(ctx context.Context) error) error {
	loop, err := r.start(ctx, idempotent, true)
	if err != nil {
		return err
	}
	var stepsBuf [4]RetryStep
	steps := stepsBuf[:0]
	for {
		callErr := fn(ctx)
		if callErr == nil {
			loop.success(steps)
			return nil
		}
		got := attempt{status: NoResponse}
		var he *HTTPError
		if errors.As(callErr, &he) {
			got = attempt{status: int(he.Code), retryAfter: he.RetryAfterHeader, errorCode: he.ErrorCode,
				requestID: he.RequestID, hasRequestID: true}
		}
		step, err := loop.next(steps, got)
		if err != nil {
			return fail(steps, err)
		}
		steps = append(steps, step)
		if !step.IsRetry() {
			return fail(steps, callErr)
		}
		if err := loop.wait(step.Delay); err != nil {
			return fail(steps, err)
		}
	}
}

// attempt is what one attempt got, as the step and the log read it.
type attempt struct {
	// status is the response's status code, or NoResponse.
	status int
	// retryAfter and errorCode are the response's Retry-After and the error
	// code of its body, "" for none; or, when body is not nil, the core reads
	// the error code from body, the bytes read of an error response's body,
	// in the step's cgo call, and next sets code (the code as it is in body)
	// or codeEscaped (a code with escapes, which ParseErrorBody resolves).
	retryAfter, errorCode string
	body                  []byte
	code                  []byte
	codeEscaped           bool
	// header is the response's header, where the log finds X-Request-Id
	// (only when it logs), unless hasRequestID gives requestID.
	header       http.Header
	requestID    string
	hasRequestID bool
}

// requestIDHeader is the header whose value the log's request_id attribute
// is.
const requestIDHeader = "X-Request-Id"

// retryLoop is one request's or call's retry loop. Its steps are kept apart,
// by the caller, in an array on its stack: escape analysis would move them to
// the heap with the context (which the sleep leaks) if they were a field.
type retryLoop struct {
	r          *Retrier
	ctx        context.Context
	policy     RetryPolicy
	idempotent bool
	// replayable is false for a request whose body cannot be sent again.
	replayable bool
}

// start begins a loop on ctx.
func (r *Retrier) start(ctx context.Context, idempotent, replayable bool) (retryLoop, error) {
	policy := r.Policy
	if policy == (RetryPolicy{}) {
		policy = defaultPolicy
	} else if err := policy.Validate(); err != nil {
		return retryLoop{}, err
	}
	return retryLoop{r: r, ctx: ctx, policy: policy, idempotent: idempotent, replayable: replayable}, nil
}

// next asks the policy for the step after the attempt that got got, steps
// being the steps before it, and reports it. A request whose body cannot be
// sent again is asked about with StepInput.UnreplayableBody: the core stops a
// retry it would call for with RetryReasonUnreplayableBody (not given up: the
// response is the answer).
func (l *retryLoop) next(steps []RetryStep, got attempt) (RetryStep, error) {
	in := StepInput{
		Attempt:          uint32(len(steps) + 1),
		Status:           got.status,
		RetryAfter:       got.retryAfter,
		ErrorCode:        got.errorCode,
		Idempotent:       l.idempotent,
		UnreplayableBody: !l.replayable,
	}
	if n := len(steps); n > 0 {
		in.PreviousDelayMS = steps[n-1].DelayMS
	}
	if l.r.Now != nil {
		in.Now = l.r.Now()
	}
	if l.r.Random != nil {
		in.Random, in.HasRandom = l.r.Random(), true
	}
	if deadline, ok := l.ctx.Deadline(); ok {
		in.TimeLeft, in.HasTimeLeft = time.Until(deadline), true
	}
	if l.ctx.Err() != nil {
		in.TimeLeft, in.HasTimeLeft = 0, true // cancelled: no time left
	}
	step, err := l.step(&in, &got, l.r.Budget)
	if err != nil {
		return step, err // only an unknown Jitter, which start rejected
	}
	l.report(step, &got)
	return step, nil
}

// step is the policy's step for in, with the error code of got's body when
// it has one (retryStepBody: one cgo call for both).
func (l *retryLoop) step(in *StepInput, got *attempt, budget *RetryBudget) (RetryStep, error) {
	if got.body == nil {
		return l.policy.Step(*in, budget)
	}
	step, code, escaped, ok, r := retryStepBody(l.policy, in, got.body, budget)
	if !ok { // a code with escapes, too long for the one call
		in.ErrorCode = ParseErrorBody(got.body).ErrorCode
		got.errorCode = in.ErrorCode
		return l.policy.Step(*in, budget)
	}
	if r != resultOK {
		return RetryStep{}, ErrorKind(r)
	}
	got.code, got.codeEscaped = code, escaped
	return step, nil
}

// errorCodeText is the error code of the attempt's body, "" for none.
func (a *attempt) errorCodeText() string {
	switch {
	case a.code != nil:
		return string(a.code)
	case a.codeEscaped:
		return ParseErrorBody(a.body).ErrorCode
	}
	return a.errorCode
}

// report passes step to OnStep and to the Logger.
func (l *retryLoop) report(step RetryStep, got *attempt) {
	if l.r.OnStep != nil {
		l.r.OnStep(l.ctx, step)
	}
	logger := l.r.Logger
	if logger == nil {
		return
	}
	level := slog.LevelDebug
	if step.IsRetry() {
		level = slog.LevelInfo
	}
	if !logger.Enabled(l.ctx, level) {
		return // the log line is a cgo call: only for a record that is kept
	}
	requestID := got.requestID
	if !got.hasRequestID && got.header != nil {
		requestID = got.header.Get(requestIDHeader)
	}
	logger.LogAttrs(l.ctx, level, step.String(),
		slog.Uint64("attempt", uint64(step.Attempt)),
		slog.String("reason", step.Reason.String()),
		slog.Uint64("delay_ms", step.DelayMS),
		slog.String("request_id", requestID),
		slog.String("error_code", got.errorCodeText()))
}

// wait sleeps d before the next attempt, and fails at once when the context is
// done.
func (l *retryLoop) wait(d time.Duration) error {
	if err := l.ctx.Err(); err != nil {
		return err
	}
	if l.r.Sleep != nil {
		return l.r.Sleep(l.ctx, d)
	}
	return sleepContext(l.ctx, d)
}

// sleepContext waits d, or until ctx is done (then its error).
func sleepContext(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-timer.C:
		return nil
	}
}

// success records a success after steps in the budget: a refund of the last
// retry, or a token for a first attempt.
func (l *retryLoop) success(steps []RetryStep) {
	if l.r.Budget == nil {
		return
	}
	for i := len(steps) - 1; i >= 0 && i >= len(steps)-2; i-- {
		if steps[i].IsRetry() {
			last := steps[i] // a copy: the steps' array stays on the stack
			l.r.Budget.RecordSuccess(&last)
			return
		}
	}
	l.r.Budget.RecordSuccess(nil)
}

// stepsCopy is steps in a slice of their own.
func stepsCopy(steps []RetryStep) []RetryStep {
	return append([]RetryStep(nil), steps...)
}

// fail is err with steps.
func fail(steps []RetryStep, err error) error {
	return &RetryError{Steps: stepsCopy(steps), Err: err}
}

// maxDrainBytes is the most Transport reads of a response it retries, after
// the bytes it read for the error code, so that its connection can be used
// again; a longer body's connection is closed instead.
const maxDrainBytes = MaxErrorBodyBytes

// drainClose reads at most maxDrainBytes of body, then closes it.
func drainClose(body io.ReadCloser) {
	if body == nil {
		return
	}
	_, _ = io.CopyN(io.Discard, body, maxDrainBytes)
	_ = body.Close()
}
