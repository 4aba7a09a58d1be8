package dcsstatus

import (
	"math"
	"net/http"
	"strconv"
	"time"
)

// maxSeconds is the largest number of whole seconds a time.Duration holds.
const maxSeconds = uint64(math.MaxInt64 / int64(time.Second))

// secondsToDuration converts the core's delay in seconds to a time.Duration,
// saturating at the largest Duration (about 292 years) as the core saturates
// at the largest uint64.
func secondsToDuration(s uint64) time.Duration {
	if s > maxSeconds {
		return time.Duration(math.MaxInt64)
	}
	return time.Duration(s) * time.Second
}

// ParseRetryAfter parses a Retry-After value (RFC 9110 section 10.2.3) into the
// delay it asks for, relative to now, by the core's rules (one cgo call, no
// allocation on success; the Rust documentation of parse_retry_after gives the
// grammar): delay-seconds ("120") or an HTTP-date; a date in the past gives 0.
// The delay is in whole seconds: now is truncated to its Unix second. A delay
// too long for a time.Duration (more than about 292 years) saturates at the
// largest Duration, math.MaxInt64.
//
// Errors: an *InputError whose Kind is one of the Retry-After kinds
// (ErrRetryAfterEmpty, ErrRetryAfterInvalidDelay, ErrRetryAfterInvalidDate,
// ErrRetryAfterImpossibleDate; all match ErrInvalidRetryAfter), or
// ErrInvalidUTF8.
func ParseRetryAfter(value string, now time.Time) (time.Duration, error) {
	s, r := parseRetryAfterSeconds(value, now.Unix())
	if r != resultOK {
		return 0, newInputError(ErrorKind(r), value)
	}
	return secondsToDuration(s), nil
}

// MethodIsIdempotent reports whether requests with this method may safely be
// sent twice, as the core says (RFC 9110 section 9.2.2; case-sensitive). One
// cgo call.
func MethodIsIdempotent(method string) bool { return methodIsIdempotent(method) }

// Decision is whether and when to send a request again.
type Decision struct {
	// Action is what to do.
	Action Action
	// Delay is, for ActionRetryAfter, the delay the Retry-After header asks
	// for (saturated at math.MaxInt64, see ParseRetryAfter); otherwise 0.
	Delay time.Duration
}

// ShouldRetry reports whether the request should be sent again (after Delay, or
// after the caller's own backoff).
func (d Decision) ShouldRetry() bool {
	return d.Action == ActionRetryAfter || d.Action == ActionRetryWithBackoff
}

// String is the core's text of the decision: "do_not_retry",
// "retry_after 120s" or "retry_with_backoff" (one cgo call).
func (d Decision) String() string {
	seconds := uint64(0)
	if d.Delay > 0 {
		seconds = uint64(d.Delay / time.Second)
	}
	return decisionText(d.Action, seconds)
}

// retryAfter is the first Retry-After value of h, and whether it has one.
func retryAfter(h http.Header) (string, bool) {
	if v := h[retryAfterHeader]; len(v) > 0 {
		return v[0], true
	}
	return "", false
}

// Decide decides whether and when to retry a request that got status code,
// from the response's header (its first Retry-After value; nil is no header),
// the current time and whether the request may safely be sent twice. The core
// decides by its rules (one cgo call, no allocation; the Rust documentation of
// Lookup::decide lists them), on the code as Lookup reads it. A Retry-After
// value that does not parse counts as absent.
//
// The only error is an *InputError of kind ErrNotAStatusCode, for a code
// outside 100..999.
func Decide(code int, header http.Header, now time.Time, idempotent bool) (Decision, error) {
	v, ok := retryAfter(header)
	d, _, err := decideCode(code, v, ok, now.Unix(), idempotent, "")
	return d, err
}

// DecideResponse is Decide for a response: its status code and header, and
// whether its request's method is idempotent (MethodIsIdempotent; a request
// without a method is a GET, as for net/http's client; a response without a
// request counts as not idempotent). Errors: an *InputError of kind
// ErrNotAStatusCode for a code outside 100..999, and ErrNullPointer for a nil
// response.
func DecideResponse(resp *http.Response, now time.Time) (Decision, error) {
	if resp == nil {
		return Decision{}, ErrNullPointer
	}
	v, ok := retryAfter(resp.Header)
	d, _, err := decideCode(resp.StatusCode, v, ok, now.Unix(), false, requestMethod(resp))
	return d, err
}

// requestMethod is the method of resp's request ("GET" when the request has
// none, as net/http reads it), or "" when resp has no request.
func requestMethod(resp *http.Response) string {
	if resp.Request == nil {
		return ""
	}
	if resp.Request.Method == "" {
		return http.MethodGet
	}
	return resp.Request.Method
}

// decideCode is the decision for an int code, with the idempotent the core
// decided with (that of method, when method is not "").
func decideCode(code int, retryAfter string, hasRetryAfter bool, now int64, idempotent bool, method string) (Decision, bool, error) {
	if _, ok := slot(code); !ok {
		// Also keeps an int that does not fit int64 from reaching C.
		return Decision{}, false, notAStatusCode(code)
	}
	action, seconds, usedIdempotent, r := cDecide(int64(code), retryAfter, hasRetryAfter, now, idempotent, method)
	if r != resultOK {
		return Decision{}, false, newInputError(ErrorKind(r), strconv.Itoa(code))
	}
	return Decision{Action: action, Delay: secondsToDuration(seconds)}, usedIdempotent, nil
}
