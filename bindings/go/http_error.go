package dcsstatus

import (
	"net/http"
	"time"
)

// statusSentinel is the type of ErrBadRequest, ErrNotFound, ...: one for each
// error status of the table, generated with the Status constants.
type statusSentinel struct {
	code Code
}

// Error is the code and its phrase, "404 Not Found".
func (s *statusSentinel) Error() string { return s.code.String() }

// classSentinel is the type of ErrClientError and ErrServerError.
type classSentinel struct {
	class Class
}

// Error is the core's name of the class, "client_error" or "server_error".
func (s *classSentinel) Error() string { return s.class.String() }

var (
	// ErrClientError matches (errors.Is) an *HTTPError for any 4xx status.
	ErrClientError error = &classSentinel{ClassClientError}
	// ErrServerError matches (errors.Is) an *HTTPError for any 5xx status, and
	// for 600..999, which are handled as server errors.
	ErrServerError error = &classSentinel{ClassServerError}
)

// The headers CheckResponse reads, in canonical form: the core's
// HttpError::RETRY_AFTER_HEADER and REQUEST_ID_HEADER (the C API does not export
// them).
const (
	retryAfterHeader = "Retry-After"
	requestIDHeader  = "X-Request-Id"
)

// HTTPError is the error for a response whose status is an error: 4xx, 5xx, or
// 600..999 (handled as 500). CheckResponse returns it. It carries the fields of
// Python's DcsHTTPError, and its message is the core's (Rust's HttpError, C's
// dcs_status_http_error_message), the same in every language.
//
// errors.Is(err, ErrNotFound) reports whether Status is 404, and
// errors.Is(err, ErrClientError) whether the status is 4xx; a code the table
// lacks matches the sentinel of the entry whose meaning applies (418 matches
// ErrBadRequest, 600 ErrInternalServerError). Use errors.As to get the
// *HTTPError.
type HTTPError struct {
	// Code is the response's status code as received (418 stays 418).
	Code Code
	// Kind says whether the table documents Code.
	Kind LookupKind
	// Status is the entry whose meaning applies: Code's own, the x00 entry of
	// its class for an unrecognized code, or 500 for 600..999. Its
	// RetryAdvice is what the document advises.
	Status Status
	// HasRetryAfter reports whether the response had a Retry-After header with
	// a valid value; RetryAfter is then the delay it asks for (saturated, see
	// ParseRetryAfter).
	HasRetryAfter bool
	// RetryAfter is the delay from the Retry-After header, or 0.
	RetryAfter time.Duration
	// RetryAfterHeader is the Retry-After header's value as received (valid or
	// not), or "" when the response had none.
	RetryAfterHeader string
	// RequestID is the response's X-Request-Id header (the request's id in the
	// service's logs), or "".
	RequestID string
	// Decision is whether and when to send the request again (DecideResponse).
	Decision Decision

	// now and idempotent are what the decision was made with, for Error.
	now        int64
	idempotent bool
}

// Error is the core's one-line message for the response: the code as read,
// the DCS name, the description's first paragraph, the retry advice, the
// decision and the request id (one cgo call), e.g.
//
//	429 Too Many Requests, DCS name TooManyRequests: The client has sent more requests [...]. Retry advice: re-initiate the request after the time in the Retry-After header; decision: retry after 120s; request id "r-1"
//	418 (not in the DCS table: read as 400 Bad Request, RFC 9110 §15), DCS name BadRequest: The request is invalid. Retry advice: modify the request instead of re-initiating it; decision: do not retry
//
// The core renders it from Code, RetryAfterHeader, RequestID and the time and
// request method of the check; an HTTPError made by hand is rendered as if
// checked at Unix time 0 for a request that is not idempotent.
func (e *HTTPError) Error() string {
	return httpErrorMessage(int64(e.Code), e.RetryAfterHeader, e.RetryAfterHeader != "",
		e.RequestID, e.RequestID != "", e.now, e.idempotent)
}

// Is reports whether target is the sentinel of e's status (ErrNotFound, ...) or
// of its class (ErrClientError, ErrServerError).
// An HTTPError made by hand with only Code set is matched as CheckResponse
// would have filled it.
func (e *HTTPError) Is(target error) bool {
	s := e.Status
	if !s.IsValid() {
		r, err := Lookup(int(e.Code))
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
// an *HTTPError otherwise, with the Retry-After delay and the retry decision
// taken relative to time.Now(). It reads only the status and the headers: the
// caller still reads and closes the body. A status code outside 100..999 gives
// an *InputError of kind ErrNotAStatusCode, a nil response ErrNullPointer.
func CheckResponse(resp *http.Response) error {
	return CheckResponseAt(resp, time.Now())
}

// CheckResponseAt is CheckResponse with the current time given, for a
// Retry-After given as an HTTP-date.
func CheckResponseAt(resp *http.Response, now time.Time) error {
	if resp == nil {
		return ErrNullPointer
	}
	res, err := Lookup(resp.StatusCode)
	if err != nil {
		return err
	}
	if !res.IsError() {
		return nil
	}
	e := &HTTPError{
		Code:      res.Code,
		Kind:      res.Kind,
		Status:    res.Status,
		RequestID: resp.Header.Get(requestIDHeader),
		now:       now.Unix(),
	}
	v, hasRetryAfter := retryAfter(resp.Header)
	if hasRetryAfter {
		e.RetryAfterHeader = v
		if s, r := parseRetryAfterSeconds(v, e.now); r == resultOK {
			e.HasRetryAfter, e.RetryAfter = true, secondsToDuration(s)
		}
	}
	// The code is a status code, so the core cannot refuse it.
	e.Decision, e.idempotent, err = decideCode(resp.StatusCode, v, hasRetryAfter, e.now, false, requestMethod(resp))
	if err != nil {
		return err
	}
	return e
}
