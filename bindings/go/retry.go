package dcsstatus

import (
	"math"
	"net/http"
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
// delay it asks for, relative to now. The core's parser does the work (one cgo
// call, no allocation), so every language reads the header alike.
//
// The value is delay-seconds (ASCII digits only: "120"; "+1", "-1", "1.0" are
// errors) or an HTTP-date in IMF-fixdate, RFC 850 or asctime form; a date in
// the past gives 0. Spaces and tabs around the value are allowed. The delay is
// in whole seconds: now is truncated to its Unix second. A delay too long for
// a time.Duration (more than about 292 years, such as a huge delay-seconds)
// saturates at the largest Duration, math.MaxInt64.
//
// Errors (all match ErrInvalidRetryAfter): ErrRetryAfterEmpty,
// ErrRetryAfterInvalidDelay, ErrRetryAfterInvalidDate,
// ErrRetryAfterImpossibleDate, ErrInvalidUTF8.
func ParseRetryAfter(value string, now time.Time) (time.Duration, error) {
	s, r := parseRetryAfterSeconds(value, now.Unix())
	if r != resultOK {
		return 0, apiError(r)
	}
	return secondsToDuration(s), nil
}

// Decision is whether and when to send a request again.
type Decision struct {
	// Action is what to do.
	Action Action
	// Delay is, for ActionRetryAfter, the delay the Retry-After header asks
	// for (saturated at math.MaxInt64, see ParseRetryAfter); otherwise 0.
	Delay time.Duration
}

// Retry reports whether the request should be sent again (after Delay, or
// after the caller's own backoff).
func (d Decision) Retry() bool {
	return d.Action == ActionRetryAfter || d.Action == ActionRetryWithBackoff
}

// String is the action's canonical name, followed for ActionRetryAfter by the
// delay: "do_not_retry", "retry_after 2m0s", "retry_with_backoff".
func (d Decision) String() string {
	if d.Action == ActionRetryAfter {
		return d.Action.String() + " " + d.Delay.String()
	}
	return d.Action.String()
}

// retryAfter is the first Retry-After value of h, and whether it has one.
func retryAfter(h http.Header) (string, bool) {
	if v := h["Retry-After"]; len(v) > 0 {
		return v[0], true
	}
	return "", false
}

// Decide decides whether and when to retry a request that got status code,
// from the response's header (its first Retry-After value; nil is no header),
// the current time and whether the request may safely be sent twice. The
// core decides (one cgo call, no allocation), on the code as it is handled (an
// unrecognized code as its class's x00, 600..999 as 500), first match wins:
//
//  1. 1xx-3xx: do not retry.
//  2. 413, 429 or 503 with a valid Retry-After: retry after that delay.
//  3. 408, and 429 without a valid Retry-After: retry with the caller's backoff.
//  4. 500, 502, 504: retry with backoff if the request is idempotent.
//  5. Everything else: do not retry.
//
// A Retry-After value that does not parse counts as absent. The only error is
// ErrNotAStatusCode, for a code outside 100..999.
func Decide(code int, header http.Header, now time.Time, idempotent bool) (Decision, error) {
	v, ok := retryAfter(header)
	return decision(code, v, ok, now, idempotent, "")
}

// DecideResponse is Decide for a response: its status code and header, and
// whether its request's method is idempotent as the core says (GET, HEAD,
// OPTIONS, TRACE, PUT, DELETE; a request without a method is a GET, as for
// net/http's client; a response without a request counts as not idempotent).
// The only errors are ErrNotAStatusCode, for a code outside 100..999, and
// one for a nil response.
func DecideResponse(resp *http.Response, now time.Time) (Decision, error) {
	if resp == nil {
		return Decision{}, errNilResponse
	}
	method, idempotent := "", false
	if resp.Request != nil {
		method = resp.Request.Method
		if method == "" {
			method = http.MethodGet
		}
	}
	v, ok := retryAfter(resp.Header)
	return decision(resp.StatusCode, v, ok, now, idempotent, method)
}

func decision(code int, retryAfter string, hasRetryAfter bool, now time.Time, idempotent bool, method string) (Decision, error) {
	if _, ok := slot(code); !ok {
		// Also keeps an int that does not fit int64 from reaching C.
		return Decision{}, ErrNotAStatusCode
	}
	action, seconds, r := decide(int64(code), retryAfter, hasRetryAfter, now.Unix(), idempotent, method)
	if r != resultOK {
		return Decision{}, apiError(r)
	}
	return Decision{Action: action, Delay: secondsToDuration(seconds)}, nil
}
