package dcsstatus

import (
	"io"
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

// retryAfterHeader is the header whose value HTTPError.RetryAfterHeader keeps,
// in canonical form: the core's HttpError::RETRY_AFTER_HEADER (the C API does
// not export it).
const retryAfterHeader = "Retry-After"

// MaxErrorBodyBytes is how much of an error response's body CheckResponse reads:
// 64 KiB (the core's BODY_LIMIT), far more than any DCS or API gateway error
// body (a few hundred bytes).
// A longer body is read as its first MaxErrorBodyBytes bytes, an object cut
// short, so without a code. The rest stays unread for the caller.
const MaxErrorBodyBytes = bodyLimit

// HTTPError is one error for one response: what its status, headers and body
// say together, as the core reads them (C's dcs_status_http_error_from_response,
// Rust's HttpError::from_response). CheckResponse returns it for a response
// whose status is an error: 4xx, 5xx, or 600..999 (handled as 500);
// HTTPErrorFromResponse makes it for any response. It carries the fields of
// Python's DcsHTTPError, and its message is the core's, the same in every
// language. The texts of the body and the request id are each kept up to 4096
// bytes (the core's HttpError::TEXT_LIMIT), so that a hostile response cannot
// make the error as large as itself.
//
// errors.Is(err, ErrNotFound) reports whether Status is 404, and
// errors.Is(err, ErrClientError) whether the status is 4xx; a code the table
// lacks matches the sentinel of the entry whose meaning applies (418 matches
// ErrBadRequest, 600 ErrInternalServerError). errors.Is(err,
// ErrorCode("DCS.4111")) reports whether the body carried that error code (see
// ErrorCode). Use errors.As to get the *HTTPError.
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
	// RequestID is the response's request id, as the core resolves it: the
	// X-Request-Id header (any case), else the body's request_id, else the
	// X-Openstack-Request-Id header (any case); a header counts without its
	// surrounding spaces and tabs, and an empty one does not. "" when none has
	// one.
	RequestID string
	// ErrorCode is the error code of the body ("DCS.4111"), as sent
	// (ParseErrorBody reads the body; HasErrorCode says whether it had one).
	ErrorCode string
	// HasErrorCode reports whether the body had an error code.
	HasErrorCode bool
	// ErrorMsg is the error message of the body, as sent.
	ErrorMsg string
	// HasErrorMsg reports whether the body had an error message.
	HasErrorMsg bool
	// ErrorExtMsg is the extended error message of the body (DCS sends null:
	// absent).
	ErrorExtMsg string
	// HasErrorExtMsg reports whether the body had an extended error message.
	HasErrorExtMsg bool
	// Catalogue is the catalogue's entry for ErrorCode, or nil when the
	// catalogue lacks the code (the message then shows the body's own) or there
	// is none. Its Advice is what the document advises about the code.
	Catalogue *CatalogueEntry
	// Decision is whether and when to send the request again: the error code's
	// advice first (a code whose Solution says to try again later is retried,
	// even on 400), then the status's rules (DecideResponse).
	Decision Decision
	// Steps is every retry step of the request, in order, when a Transport
	// gave up retrying it (the last step's GaveUp: the retries were
	// exhausted); nil otherwise. Each step's String is its log line, and Error
	// is then the last step's ExhaustedMessage of the response's message.
	Steps []RetryStep

	// message is the core's message, rendered when the error was made.
	message string
}

// Error is the core's one-line message for the response, rendered when the
// error was made (C's dcs_status_http_error_from_response_message). What the
// document says comes first: with an error code the catalogue knows, its code,
// message and Solution; otherwise the status's description. Then the retry
// advice, the decision, and what the response said, quoted: a code the
// catalogue lacks, the server's message, error_ext_msg, the request id. E.g.
//
//	400 Bad Request, DCS name BadRequest: DCS.4111 the instance is restarting. Solution: Try again later or contact technical support. Retry advice: try again later: the condition is temporary; decision: retry with backoff; request id "req-1"
//	418 (not in the DCS table: read as 400 Bad Request, RFC 9110 §15), DCS name BadRequest: The request is invalid. Retry advice: modify the request instead of re-initiating it; decision: do not retry
//
// Changing the fields afterwards does not change it. An HTTPError made by hand
// (not by CheckResponse or HTTPErrorFromResponse) is rendered from Code,
// RetryAfterHeader and RequestID, as if checked at Unix time 0 for a request
// that is not idempotent (one cgo call).
func (e *HTTPError) Error() string {
	message := e.message
	if message == "" {
		message = httpErrorMessage(int64(e.Code), e.RetryAfterHeader, e.RetryAfterHeader != "",
			e.RequestID, e.RequestID != "", 0, false)
	}
	return withExhausted(message, e.Steps)
}

// withExhausted is message as the last of steps ends it
// (RetryStep.ExhaustedMessage: with why the retries ran out, if they did);
// message itself without steps.
func withExhausted(message string, steps []RetryStep) string {
	if n := len(steps); n > 0 {
		return steps[n-1].ExhaustedMessage(message)
	}
	return message
}

// Is reports whether target is the sentinel of e's status (ErrNotFound, ...) or
// of its class (ErrClientError, ErrServerError), or the ErrorCode of e's body
// (see ErrorCode). An HTTPError made by hand with only Code or ErrorCode set
// is matched as CheckResponse would have filled it.
func (e *HTTPError) Is(target error) bool {
	switch t := target.(type) {
	case *statusSentinel:
		return e.status().Code() == t.code
	case *classSentinel:
		return e.status().Class() == t.class
	case ErrorCode:
		return e.hasErrorCode(string(t))
	}
	return false
}

// status is Status, or, for an HTTPError made by hand, the entry Lookup gives
// Code (the zero Status when Code is not a status code).
func (e *HTTPError) status() Status {
	if e.Status.IsValid() {
		return e.Status
	}
	r, _ := Lookup(int(e.Code))
	return r.Status
}

// hasErrorCode reports whether the body's error code is code: the same
// catalogue entry by the core's lookup, or, for a code the catalogue lacks, the
// same text.
func (e *HTTPError) hasErrorCode(code string) bool {
	if code == "" || e.ErrorCode == "" {
		return false
	}
	entry := e.Catalogue
	if entry == nil {
		entry = lookupCatalogue(e.ErrorCode) // made by hand, or not in the catalogue
	}
	if entry == nil {
		return code == e.ErrorCode
	}
	return code == entry.code || lookupCatalogue(code) == entry
}

// HTTPErrorFromResponse reads one response into one error, as the core does
// for every language (one cgo call): the status code read as RFC 9110 section
// 15 says (an *InputError of kind ErrNotAStatusCode outside 100..999), the
// first Retry-After header parsed at now, the body as ParseErrorBody reads it
// (any bytes: nothing in it is an error), the catalogue's entry for its code,
// the request id, the decision for a request that is idempotent or not, and the
// message. Header names match in any case. It reads a status that is not an
// error too (a 200 with an error body), which CheckResponse does not.
//
// For a response of net/http, use CheckResponse, which reads the body for you
// and leaves it readable.
func HTTPErrorFromResponse(code int, header http.Header, body []byte, now time.Time, idempotent bool) (*HTTPError, error) {
	return newHTTPError(code, header, body, now.Unix(), idempotent, "")
}

// newHTTPError is HTTPErrorFromResponse for a request whose idempotence is its
// method's, when method is not "".
func newHTTPError(code int, header http.Header, body []byte, now int64, idempotent bool, method string) (*HTTPError, error) {
	if _, ok := slot(code); !ok {
		// Also keeps an int that does not fit int64 from reaching C.
		return nil, notAStatusCode(code)
	}
	a := httpErrorFromResponse(int64(code), header, body, now, idempotent, method)
	if a.result != resultOK || a.statusIndex >= len(entries) {
		// The code is a status code and every pointer is valid: a bug.
		return nil, newInputError(ErrInternal, "")
	}
	texts, has, off := a.texts()
	e := &HTTPError{
		Code:             Code(code),
		Kind:             a.kind,
		Status:           Status{&entries[a.statusIndex]},
		HasRetryAfter:    a.hasRetryAfter,
		RetryAfterHeader: firstRetryAfter(header),
		ErrorCode:        texts[0],
		HasErrorCode:     has[0],
		ErrorMsg:         texts[1],
		HasErrorMsg:      has[1],
		ErrorExtMsg:      texts[2],
		HasErrorExtMsg:   has[2],
		RequestID:        texts[3],
		Decision:         Decision{Action: a.action},
		message:          view(a.buf, off, a.messageLen),
	}
	if a.hasRetryAfter {
		e.RetryAfter = secondsToDuration(a.retryAfterSeconds)
	}
	if a.action == ActionRetryAfter {
		e.Decision.Delay = secondsToDuration(a.delaySeconds)
	}
	if a.catalogueIndex >= 0 && a.catalogueIndex < len(catalogue) {
		e.Catalogue = &catalogue[a.catalogueIndex]
	}
	return e, nil
}

// firstRetryAfter is the value of h's first Retry-After header, or "".
func firstRetryAfter(h http.Header) string {
	v, _ := retryAfter(h)
	return v
}

// CheckResponse returns nil when resp's status is not an error (1xx-3xx), and
// an *HTTPError otherwise (HTTPErrorFromResponse), with the Retry-After delay
// and the retry decision taken relative to time.Now(), for a request as
// idempotent as its method (MethodIsIdempotent; a request without a method is a
// GET, and a response without a request counts as not idempotent).
//
// For an error status, CheckResponse reads the body, at most its first
// MaxErrorBodyBytes bytes, and puts it back: resp.Body becomes a reader of
// those bytes followed by the rest of the original body, whose Close closes the
// original, so the caller still reads the whole body and closes it as before.
// A read that fails keeps what came before the failure; the caller's reads then
// get those bytes and that error. A response without a body, or from whose body
// nothing could be read, is left as it is. A status code outside 100..999 gives an *InputError
// of kind ErrNotAStatusCode, a nil response ErrNullPointer; neither reads the
// body.
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
	e, err := newHTTPError(resp.StatusCode, resp.Header, readErrorBody(resp), now.Unix(), false, requestMethod(resp))
	if err != nil {
		return err
	}
	return e
}

// readErrorBody reads at most MaxErrorBodyBytes of resp's body and puts a body
// back that gives those bytes again, then the rest of the original.
func readErrorBody(resp *http.Response) []byte {
	if resp.Body == nil || resp.Body == http.NoBody {
		return nil
	}
	prefix, err := readPrefix(resp.Body, resp.ContentLength)
	if len(prefix) == 0 {
		return nil // nothing was taken: the body is as it was
	}
	resp.Body = &replayBody{prefix: prefix, err: err, rest: resp.Body}
	return prefix
}

// readPrefix reads r until its end, an error or MaxErrorBodyBytes bytes,
// whichever comes first, with one allocation when the body is as long as
// contentLength says (-1 when unknown; net/http gives a response of length 0
// the body http.NoBody). io.EOF is no error.
func readPrefix(r io.Reader, contentLength int64) ([]byte, error) {
	size := 512
	if contentLength > 0 && contentLength < MaxErrorBodyBytes {
		size = int(contentLength) + 1 // + 1: room to see the end
	}
	buf := make([]byte, 0, size)
	for len(buf) < MaxErrorBodyBytes {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):min(cap(buf), MaxErrorBodyBytes)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
	return buf, nil
}

// replayBody is the body CheckResponse puts back: the bytes it read, then the
// error that ended its read, if one did, else the rest of the original body.
type replayBody struct {
	prefix []byte
	err    error
	rest   io.ReadCloser
}

// Read reads the bytes CheckResponse read first, then the original body.
func (b *replayBody) Read(p []byte) (int, error) {
	if len(b.prefix) > 0 {
		n := copy(p, b.prefix)
		b.prefix = b.prefix[n:]
		return n, nil
	}
	if b.err != nil {
		return 0, b.err
	}
	return b.rest.Read(p)
}

// Close closes the original body; reads after it read from the original, which
// says it is closed.
func (b *replayBody) Close() error {
	b.prefix, b.err = nil, nil
	return b.rest.Close()
}
