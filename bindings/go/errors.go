package dcsstatus

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// The errors of the functions of this package, with the core's messages. Test
// for them with errors.Is.
var (
	// ErrNotAStatusCode means the number is not a status code (outside 100..999).
	ErrNotAStatusCode error = &resultError{resultNotAStatusCode}
	// ErrUnknownName means no entry has this name (FromName).
	ErrUnknownName error = &resultError{resultUnknownName}
	// ErrInvalidUTF8 means the text is not valid UTF-8.
	ErrInvalidUTF8 error = &resultError{resultInvalidUTF8}
	// ErrRetryAfterEmpty means the Retry-After value is empty or only spaces.
	ErrRetryAfterEmpty error = &resultError{resultRetryAfterEmpty}
	// ErrRetryAfterInvalidDelay means the Retry-After value is not delay-seconds
	// (ASCII digits only) and does not start with a letter as an HTTP-date does.
	ErrRetryAfterInvalidDelay error = &resultError{resultInvalidDelay}
	// ErrRetryAfterInvalidDate means the Retry-After value is not an HTTP-date in
	// any of its three forms.
	ErrRetryAfterInvalidDate error = &resultError{resultInvalidDate}
	// ErrRetryAfterImpossibleDate means the Retry-After value has the form of an
	// HTTP-date, but no such date or time exists (31 November, hour 25, ...).
	ErrRetryAfterImpossibleDate error = &resultError{resultImpossibleDate}
	// ErrInvalidRetryAfter matches (errors.Is) every error of ParseRetryAfter:
	// the four ErrRetryAfter... errors and ErrInvalidUTF8.
	ErrInvalidRetryAfter = errors.New("dcsstatus: invalid Retry-After value")
)

// resultMessages holds "dcsstatus: " and the core's sentence for each result,
// filled at init.
var resultMessages [resultCount]string

// resultError is an error result of the C API.
type resultError struct {
	result uint32
}

func (e *resultError) Error() string {
	if e.result < resultCount {
		return resultMessages[e.result]
	}
	return "dcsstatus: unknown result " + strconv.FormatUint(uint64(e.result), 10)
}

func (e *resultError) Is(target error) bool {
	if target != ErrInvalidRetryAfter {
		return false
	}
	switch e.result {
	case resultInvalidUTF8, resultRetryAfterEmpty, resultInvalidDelay, resultInvalidDate, resultImpossibleDate:
		return true
	}
	return false
}

// apiError is the error value of a C API result; the exported variables for
// those callers can meet, a new value (a bug in the library) for the others.
func apiError(r uint32) error {
	switch r {
	case resultNotAStatusCode:
		return ErrNotAStatusCode
	case resultUnknownName:
		return ErrUnknownName
	case resultInvalidUTF8:
		return ErrInvalidUTF8
	case resultRetryAfterEmpty:
		return ErrRetryAfterEmpty
	case resultInvalidDelay:
		return ErrRetryAfterInvalidDelay
	case resultInvalidDate:
		return ErrRetryAfterInvalidDate
	case resultImpossibleDate:
		return ErrRetryAfterImpossibleDate
	}
	return &resultError{r}
}

// statusSentinel is the type of ErrBadRequest, ErrNotFound, ...: one for each
// error status of the table, generated with the Status constants.
type statusSentinel struct {
	code Code
}

func (s *statusSentinel) Error() string { return "dcsstatus: " + s.code.String() }

// classSentinel is the type of ErrClientError and ErrServerError.
type classSentinel struct {
	class Class
	text  string
}

func (s *classSentinel) Error() string { return s.text }

var (
	// ErrClientError matches (errors.Is) an *Error for any 4xx status.
	ErrClientError error = &classSentinel{ClassClientError, "dcsstatus: client error (4xx)"}
	// ErrServerError matches (errors.Is) an *Error for any 5xx status, and for
	// 600..999, which are handled as server errors.
	ErrServerError error = &classSentinel{ClassServerError, "dcsstatus: server error (5xx)"}
)

// errNilResponse is CheckResponse's answer to a nil response.
var errNilResponse = errors.New("dcsstatus: nil *http.Response")

// Error is the error for a response whose status is an error: 4xx, 5xx, or
// 600..999 (handled as 500). CheckResponse returns it.
//
// errors.Is(err, ErrNotFound) reports whether Status is 404, and
// errors.Is(err, ErrClientError) whether the status is 4xx; a code the table
// lacks matches the sentinel of the entry whose meaning applies (418 matches
// ErrBadRequest, 600 ErrInternalServerError). Use errors.As to get the *Error.
type Error struct {
	// Code is the response's status code as received (418 stays 418).
	Code Code
	// Kind says whether the table documents Code.
	Kind Kind
	// Status is the entry whose meaning applies: Code's own, the x00 entry of
	// its class for an unrecognized code, or 500 for 600..999.
	Status Status
	// Advice is what the document advises about retrying (Status.Retry()).
	Advice RetryAdvice
	// HasRetryAfter reports whether the response had a Retry-After header with
	// a valid value; RetryAfter is then the delay it asks for (saturated, see
	// ParseRetryAfter).
	HasRetryAfter bool
	// RetryAfter is the delay from the Retry-After header, or 0.
	RetryAfter time.Duration
	// Decision is whether and when to send the request again (DecideResponse).
	Decision Decision
	// RequestID is the response's X-Request-Id header (the request's id in the
	// service's logs), or "".
	RequestID string
}

// Error describes the status, the retry decision and the request id, e.g.
// `dcsstatus: 429 Too Many Requests (DCS: TooManyRequests); retry after 2m0s; request id "r-1"`.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("dcsstatus: ")
	b.WriteString(strconv.Itoa(int(e.Code)))
	if e.Status.IsValid() {
		if e.Status.Code() != e.Code {
			b.WriteString(" (")
			b.WriteString(e.Kind.String())
			b.WriteString(", handled as ")
			b.WriteString(e.Status.String())
			b.WriteString(")")
		} else {
			b.WriteString(" ")
			b.WriteString(e.Status.Phrase())
		}
		if e.Status.Name() != e.Status.Phrase() {
			b.WriteString(" (DCS: ")
			b.WriteString(e.Status.Name())
			b.WriteString(")")
		}
	}
	switch e.Decision.Action {
	case ActionRetryAfter:
		b.WriteString("; retry after ")
		b.WriteString(e.Decision.Delay.String())
	case ActionRetryWithBackoff:
		b.WriteString("; retry with backoff")
	}
	if e.RequestID != "" {
		b.WriteString("; request id ")
		b.WriteString(strconv.Quote(e.RequestID))
	}
	return b.String()
}

// Is reports whether target is the sentinel of e's status (ErrNotFound, ...) or
// of its class (ErrClientError, ErrServerError).
// An Error made by hand with only Code set is matched as CheckResponse would
// have filled it.
func (e *Error) Is(target error) bool {
	s := e.Status
	if !s.IsValid() {
		r, err := Resolve(int(e.Code))
		if err != nil {
			return false
		}
		s = r.Status
	}
	switch t := target.(type) {
	case *statusSentinel:
		return s.Code() == t.code
	case *classSentinel:
		return s.Class() == t.class
	}
	return false
}

// CheckResponse returns nil when resp's status is not an error (1xx-3xx), and
// an *Error otherwise, with the Retry-After delay and the retry decision taken
// relative to time.Now(). It reads only the status and the headers: the caller
// still reads and closes the body. A status code outside 100..999 gives an
// error wrapping ErrNotAStatusCode.
func CheckResponse(resp *http.Response) error {
	return CheckResponseAt(resp, time.Now())
}

// CheckResponseAt is CheckResponse with the current time given, for a
// Retry-After given as an HTTP-date.
func CheckResponseAt(resp *http.Response, now time.Time) error {
	if resp == nil {
		return errNilResponse
	}
	res, err := Resolve(resp.StatusCode)
	if err != nil {
		return &notAStatusCode{resp.StatusCode}
	}
	if res.Class != ClassClientError && res.Class != ClassServerError {
		return nil
	}
	e := &Error{
		Code:      res.Code,
		Kind:      res.Kind,
		Status:    res.Status,
		Advice:    res.Status.Retry(),
		RequestID: resp.Header.Get("X-Request-Id"),
	}
	if v, ok := retryAfter(resp.Header); ok {
		if d, err := ParseRetryAfter(v, now); err == nil {
			e.HasRetryAfter, e.RetryAfter = true, d
		}
	}
	// The code is a status code, so the core cannot refuse it.
	e.Decision, _ = DecideResponse(resp, now)
	return e
}

// notAStatusCode is CheckResponse's error for a response whose code is not a
// status code.
type notAStatusCode struct {
	code int
}

func (e *notAStatusCode) Error() string {
	return "dcsstatus: response status " + strconv.Itoa(e.code) + ": " +
		strings.TrimPrefix(ErrNotAStatusCode.Error(), "dcsstatus: ")
}

func (e *notAStatusCode) Unwrap() error { return ErrNotAStatusCode }
