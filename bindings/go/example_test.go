package dcsstatus_test

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"time"

	dcsstatus "github.com/dcs-status/dcs-status/bindings/go"
)

func ExampleGet() {
	s, ok := dcsstatus.Get(504)
	fmt.Println(ok, s)
	fmt.Println(s.Name(), s.Ident(), s.Class(), s.RetryAdvice(), s.IsServerError())

	_, ok = dcsstatus.Get(418) // not in the DCS table
	fmt.Println(ok)
	// Output:
	// true 504 Gateway Timeout
	// ServerTimeout SERVER_TIMEOUT server_error unspecified true
	// false
}

func ExampleText() {
	fmt.Printf("%q %q %q\n", dcsstatus.Text(404), dcsstatus.Text(413), dcsstatus.Text(418))
	// Output:
	// "Not Found" "Content Too Large" ""
}

func ExampleLookup() {
	for _, code := range []int{404, 418, 600} {
		r, err := dcsstatus.Lookup(code)
		fmt.Println(code, r.Kind, r.Class, r.Status, r.IsError(), err)
	}
	_, err := dcsstatus.Lookup(42)
	fmt.Println(err)
	fmt.Println(errors.Is(err, dcsstatus.ErrNotAStatusCode))
	// Output:
	// 404 documented client_error 404 Not Found true <nil>
	// 418 unrecognized client_error 400 Bad Request true <nil>
	// 600 invalid server_error 500 Internal Server Error true <nil>
	// 42 is not a status code: status codes are three-digit numbers from 100 to 999
	// true
}

func ExampleFromName() {
	for _, name := range []string{"NotFound", "request entity too large", "Gateway Time-out"} {
		s, err := dcsstatus.FromName(name)
		fmt.Println(s, err)
	}
	_, err := dcsstatus.FromName("teapot")
	fmt.Println(err)
	fmt.Println(errors.Is(err, dcsstatus.ErrUnknownName))
	// Output:
	// 404 Not Found <nil>
	// 413 Content Too Large <nil>
	// 504 Gateway Timeout <nil>
	// unknown status name "teapot": expected a DCS name ("NotFound"), an ident ("NOT_FOUND") or a reason phrase ("Not Found")
	// true
}

func ExampleParseRetryAfter() {
	now := time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)
	for _, v := range []string{"120", "Tue, 24 Nov 2026 12:05:00 GMT", "Sun, 06 Nov 1994 08:49:37 GMT"} {
		d, err := dcsstatus.ParseRetryAfter(v, now)
		fmt.Println(d, err)
	}
	_, err := dcsstatus.ParseRetryAfter("-1", now)
	fmt.Println(err)
	fmt.Println(errors.Is(err, dcsstatus.ErrRetryAfterInvalidDelay), errors.Is(err, dcsstatus.ErrInvalidRetryAfter))
	// Output:
	// 2m0s <nil>
	// 5m0s <nil>
	// 0s <nil>
	// "-1": Retry-After delay-seconds must be ASCII digits only: no sign, decimal point, inner spaces or non-ASCII digits
	// true true
}

func ExampleDecide() {
	now := time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)
	withDelay := http.Header{"Retry-After": {"120"}}

	d, _ := dcsstatus.Decide(429, withDelay, now, false)
	fmt.Println(d, d.Delay, d.ShouldRetry())
	d, _ = dcsstatus.Decide(429, nil, now, false)
	fmt.Println(d)
	d, _ = dcsstatus.Decide(502, nil, now, true) // idempotent: retry
	fmt.Println(d)
	d, _ = dcsstatus.Decide(502, nil, now, false)
	fmt.Println(d)
	d, _ = dcsstatus.Decide(404, withDelay, now, true)
	fmt.Println(d, d.ShouldRetry())
	// Output:
	// retry_after 120s 2m0s true
	// retry_with_backoff
	// retry_with_backoff
	// do_not_retry
	// do_not_retry false
}

func ExampleCheckResponse() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "120")
		w.Header().Set("X-Request-Id", "4f2a")
		w.WriteHeader(http.StatusTooManyRequests)
	}))
	defer srv.Close()

	resp, err := http.Get(srv.URL)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer resp.Body.Close()

	err = dcsstatus.CheckResponse(resp)
	fmt.Println(errors.Is(err, dcsstatus.ErrTooManyRequests), errors.Is(err, dcsstatus.ErrClientError))
	var e *dcsstatus.HTTPError
	if errors.As(err, &e) {
		fmt.Println(e.Code == dcsstatus.StatusTooManyRequests, e.RetryAfter, e.RetryAfterHeader, e.Decision, e.RequestID)
	}
	// Output:
	// true true
	// true 2m0s 120 retry_after 120s 4f2a
}

func ExampleHTTPError_Error() {
	resp := &http.Response{StatusCode: http.StatusTeapot, Request: &http.Request{Method: http.MethodGet}}
	fmt.Println(dcsstatus.CheckResponse(resp))
	// Output:
	// 418 (not in the DCS table: read as 400 Bad Request, RFC 9110 §15), DCS name BadRequest: The request is invalid. Retry advice: modify the request instead of re-initiating it; decision: do not retry
}

func ExampleCode() {
	resp := &http.Response{StatusCode: 504}
	// The constants are untyped, as net/http's: compare them with an int.
	if resp.StatusCode == dcsstatus.StatusGatewayTimeout {
		fmt.Println(dcsstatus.Code(resp.StatusCode), dcsstatus.StatusGatewayTimeout == dcsstatus.StatusServerTimeout)
	}
	// Output:
	// 504 Gateway Timeout true
}
