package dcsstatus

import (
	"math"
	"time"
)

// defaultPolicy is the core's default policy, copied by load at init.
var defaultPolicy RetryPolicy

// RetryPolicy is the settings of a retry loop (the core's RetryPolicy, whose
// documentation and the README give the reasons for the defaults): plain data,
// copied freely. Start from DefaultRetryPolicy and change fields:
//
//	p := dcsstatus.DefaultRetryPolicy()
//	p.MaxAttempts = 5
//
// The durations are whole milliseconds (seconds for MaxRetryAfterS), as in
// every language, so that a policy can hold any value the core can.
// Validate says whether the settings make sense; Step answers for any values
// but an unknown Jitter (the zero RetryPolicy has none: build on the default).
type RetryPolicy struct {
	// MaxAttempts is the attempts in all, the first included: 3 (the default)
	// means at most two retries. Step reads 0 as 1.
	MaxAttempts uint32
	// Jitter is how a backoff delay is drawn (default JitterFull).
	Jitter Jitter
	// BaseTransientMS is the base delay of transient retries (default 50).
	BaseTransientMS uint64
	// BaseThrottleMS is the base delay of throttle retries (default 1000).
	BaseThrottleMS uint64
	// BaseBusyMS is the base delay of busy retries (default 2000).
	BaseBusyMS uint64
	// CapMS is the longest backoff delay (default 20000). A Retry-After delay
	// is limited by MaxRetryAfterS instead.
	CapMS uint64
	// MaxRetryAfterS is the longest Retry-After honoured, in seconds (default
	// 300); a longer one is RetryReasonRetryAfterTooLong.
	MaxRetryAfterS uint64
}

// DefaultRetryPolicy is the core's default policy: 3 attempts, full jitter,
// base delays of 50 ms (transient), 1000 ms (throttle) and 2000 ms (busy), a
// 20000 ms cap, Retry-After honoured up to 300 s. Each call returns a copy.
func DefaultRetryPolicy() RetryPolicy { return defaultPolicy }

// Validate reports the first problem with the settings, in the core's order:
// ErrUnknownJitter, ErrNoAttempts, ErrCapBelowBase (an ErrorKind, whose message
// is the core's sentence); nil when they make sense. Programs that take
// settings from people check them here first.
func (p RetryPolicy) Validate() error {
	if r := validatePolicy(p); r != resultOK {
		return ErrorKind(r)
	}
	return nil
}

// BackoffMS is the backoff delay in milliseconds of retry number retry (1 for
// the first; 0 is read as 1) of a category, for the random draw random and,
// for decorrelated jitter, the previous retry's delay (one cgo call). With
// base the category's base delay and n = retry:
//
//   - ceiling = min(CapMS, base * 2^(n-1)), exact, without overflow for any n;
//   - full: floor(u * ceiling); equal: floor(ceiling/2 + u * ceiling/2); none:
//     ceiling;
//   - decorrelated: min(CapMS, floor(base + u * (3 * previous - base))),
//     previous being base for the first retry.
//
// A random outside [0, 1) is clamped (NaN and negatives to 0). Errors:
// ErrUnknownJitter, and ErrInvalidArgument for a category that is none of the
// RetryCategory constants.
func (p RetryPolicy) BackoffMS(category RetryCategory, retry uint32, random float64, previousMS uint64) (uint64, error) {
	ms, r := backoffMS(p, category, retry, random, previousMS)
	if r != resultOK {
		return 0, ErrorKind(r)
	}
	return ms, nil
}

// StepInput is the attempt just made and what came back: what RetryPolicy.Step
// reads. The zero value means: attempt 1 (0 is read as 1), no Retry-After, no
// error code, not idempotent, the system clock, a draw from the core's random
// source, no previous delay, no deadline; set Attempt and Status, then what the
// response had.
type StepInput struct {
	// Attempt is the number of the attempt just made: 1 for the first (also
	// the number of the retry that would follow).
	Attempt uint32
	// Status is the response's HTTP status code, or NoResponse (0) when none
	// arrived; any other number outside 100..999 is RetryReasonStatus.
	Status int
	// RetryAfter is the response's Retry-After value as received
	// (delay-seconds or an HTTP-date); "" for none. One that does not parse
	// counts as absent.
	RetryAfter string
	// ErrorCode is the error_code of the response's body ("DCS.4111"), as
	// received (ErrorBody.ErrorCode); "" for none. It is looked up as
	// LookupErrorCode does; a code the catalogue lacks gives no advice.
	ErrorCode string
	// Idempotent is whether the request may safely be sent twice
	// (MethodIsIdempotent).
	Idempotent bool
	// Now is the current time, for an HTTP-date Retry-After (whole seconds);
	// the zero Time reads the system clock.
	Now time.Time
	// Random is the draw u in [0, 1) that places a jittered delay, when
	// HasRandom is set (for reproducible delays); otherwise the step draws
	// from the core's fast random source (RandomUnit). NaN and negatives are
	// read as 0, 1 and more as the largest float64 below 1 (Validate reports
	// them).
	Random    float64
	HasRandom bool
	// PreviousDelayMS is the previous retry's delay (RetryStep.DelayMS): only
	// decorrelated jitter reads it, and not for the first retry.
	PreviousDelayMS uint64
	// TimeLeft is the time left before the caller's deadline, measured when
	// the response came, when HasTimeLeft is set (time.Until(deadline)); a
	// retry whose delay is longer is RetryReasonDeadline. It is read in whole
	// milliseconds, rounded down; a negative one as 0.
	TimeLeft    time.Duration
	HasTimeLeft bool
	// UnreplayableBody reports a request body that cannot be sent again (a
	// request with a body and no GetBody): a retry a rule calls for is then
	// RetryReasonUnreplayableBody, and the response is the answer.
	UnreplayableBody bool
}

// Validate reports the first problem with the input, in the core's order:
// ErrAttemptZero, ErrNotAStatusCode, ErrRandomOutOfRange (an ErrorKind, whose
// message is the core's sentence); nil when it makes sense. Step answers for
// any input; its documentation says how it reads these.
func (in StepInput) Validate() error {
	if r := validateStepInput(&in); r != resultOK {
		return ErrorKind(r)
	}
	return nil
}

// Step is the next step after an attempt: retry (after how long) or stop, and
// why, by the core's rules, first match wins (one cgo call, no allocation):
//
//  0. NoResponse: idempotent, retry, RetryCategoryTransient,
//     RetryReasonConnectionError; else do not retry, RetryReasonNotIdempotent.
//  1. 1xx-3xx: do not retry, RetryReasonNotAnError.
//  2. (no rule: MaxAttempts is one of the limits below.)
//  3. the error code's catalogue advice is fix_request or not_allowed: do not
//     retry, RetryReasonErrorCode.
//  4. 413, 429 or 503 with a valid Retry-After: longer than MaxRetryAfterS, do
//     not retry, RetryReasonRetryAfterTooLong; else retry after exactly that
//     many seconds, RetryCategoryThrottle, RetryReasonRetryAfter, no jitter.
//  5. the error code's advice is retry_later: retry, RetryCategoryBusy,
//     RetryReasonBusy (whatever the method: the request had no effect).
//  6. 429: retry, RetryCategoryThrottle, RetryReasonThrottled.
//  7. 408: retry, RetryCategoryTransient, RetryReasonTimeout.
//  8. 500, 502, 504 and codes handled as 500: idempotent, retry,
//     RetryCategoryTransient, RetryReasonServerError; else do not retry,
//     RetryReasonNotIdempotent.
//  9. anything else: do not retry, RetryReasonStatus.
//
// Rules 0 and 5-8 wait the backoff delay of their category for retry number
// Attempt (BackoffMS). A retry is then checked against the limits, in order:
// Attempt >= MaxAttempts (RetryReasonMaxAttempts), UnreplayableBody
// (RetryReasonUnreplayableBody), the deadline (HasTimeLeft,
// RetryReasonDeadline), and paid from budget, if it is not nil
// (RetryReasonBudgetExhausted if it cannot pay; charged only for a retry that
// passes every check). A nil or closed budget is no budget. A step a limit
// other than UnreplayableBody stopped has given up (RetryStep.GaveUp).
//
// The only error is ErrUnknownJitter, for a policy whose Jitter is none of the
// Jitter constants (the zero RetryPolicy's): a programming error, which a
// policy built on DefaultRetryPolicy, or checked by Validate, never has.
func (p RetryPolicy) Step(in StepInput, budget *RetryBudget) (RetryStep, error) {
	s, r := retryStep(p, &in, budget)
	if r != resultOK {
		return RetryStep{}, ErrorKind(r)
	}
	return s, nil
}

// RetryStep is what RetryPolicy.Step decided, and what its log line cites. The
// first fields are the decision, the rest echo the input.
//
// String and RetryBudget.RecordSuccess read its fields back, as the core wrote
// them: a field changed to a value the core does not define (an unknown
// Reason) makes String the core's message about an invalid argument and
// RecordSuccess change nothing.
type RetryStep struct {
	// Action is whether to send the request again.
	Action StepAction
	// Delay is how long to wait before sending it again (0 for
	// StepActionDoNotRetry); DelayMS exactly, saturated at the longest
	// time.Duration (about 292 years).
	Delay time.Duration
	// DelayMS is the delay in milliseconds, as the core says it: pass it as the
	// next StepInput's PreviousDelayMS.
	DelayMS uint64
	// Category is the kind of retry, when HasCategory: set when a rule called
	// for a retry (rules 4 to 8), even if the Retry-After was too long, the
	// deadline too near or the budget empty.
	Category    RetryCategory
	HasCategory bool
	// Reason is why.
	Reason RetryReason
	// TokensAfter is the budget's tokens after this step, when HasTokensAfter
	// (a budget was given).
	TokensAfter    uint32
	HasTokensAfter bool
	// Attempt is the attempt just made, as read (0 was read as 1).
	Attempt uint32
	// MaxAttempts is the policy's MaxAttempts.
	MaxAttempts uint32
	// Status is the status, as given.
	Status int
	// RetryAfter is the server's Retry-After, when HasRetryAfter (rule 4 read
	// a valid one); RetryAfterS exactly, saturated as ParseRetryAfter's.
	RetryAfter    time.Duration
	RetryAfterS   uint64
	HasRetryAfter bool
	// Catalogue is the catalogue's entry for the input's error code, or nil.
	Catalogue *CatalogueEntry
}

// IsRetry reports whether the step sends the request again.
func (s RetryStep) IsRetry() bool { return s.Action == StepActionRetry }

// String is the core's log line of the step, the same in every language:
// "retry 2 of 3 in 740 ms: DCS.4111 says try again later (busy)" or "do not
// retry: 404 Not Found is not an error a retry can fix (status)" (one cgo
// call). The zero RetryStep, which Step never returns, gets the core's message
// about an invalid argument.
func (s RetryStep) String() string { return stepLogLine(&s) }

// GaveUp reports whether the policy gave up at this step: a rule called for a
// retry, but a limit stopped it (RetryReasonMaxAttempts,
// RetryReasonRetryAfterTooLong, RetryReasonDeadline or
// RetryReasonBudgetExhausted). A retrying client then reports its retries as
// exhausted, where a response no retry can fix (a 404, a 500 on a POST) is
// simply the answer. The core decides (RetryStep::gave_up); false for a step
// with a field the core does not define.
func (s RetryStep) GaveUp() bool { return stepGaveUp(&s) }

// ExhaustedMessage is message, ended with why the retries ran out when this
// (the last) step GaveUp: "MESSAGE; retries exhausted: WHY (REASON)" (the
// clause alone for an empty message; message unchanged for a step that did
// not give up). The core's text (RetryStep::exhausted_message): HTTPError and
// RetryError make their messages with it from their last step.
func (s RetryStep) ExhaustedMessage(message string) string { return stepExhaustedMessage(&s, message) }

// RandomUnit is a uniform draw in [0, 1) from the core's random source: what
// Step uses when the input has no Random. Fast, never locked, not for
// anything secret.
func RandomUnit() float64 { return randomUnit() }

// msToDuration converts milliseconds to a time.Duration, saturating at the
// largest Duration.
func msToDuration(ms uint64) time.Duration {
	if ms > uint64(math.MaxInt64/int64(time.Millisecond)) {
		return time.Duration(math.MaxInt64)
	}
	return time.Duration(ms) * time.Millisecond
}

// durationMS is d in whole milliseconds, rounded down; 0 for a negative d.
func durationMS(d time.Duration) uint64 {
	if d <= 0 {
		return 0
	}
	return uint64(d / time.Millisecond)
}
