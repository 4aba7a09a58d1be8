package dcsstatus_test

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"time"

	dcsstatus "github.com/dcs-status/dcs-status/bindings/go"
)

func ExampleLookup() {
	s, ok := dcsstatus.Lookup(504)
	fmt.Println(ok, s)
	fmt.Println(s.Name(), s.Ident(), s.Class(), s.Retry(), s.IsServerError())

	_, ok = dcsstatus.Lookup(418) // not in the DCS table
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

func ExampleResolve() {
	for _, code := range []int{404, 418, 600} {
		r, err := dcsstatus.Resolve(code)
		fmt.Println(code, r.Kind, r.Class, r.Status, err)
	}
	_, err := dcsstatus.Resolve(42)
	fmt.Println(err)
	// Output:
	// 404 documented client_error 404 Not Found <nil>
	// 418 unrecognized client_error 400 Bad Request <nil>
	// 600 invalid server_error 500 Internal Server Error <nil>
	// dcsstatus: not a status code: status codes are three-digit numbers from 100 to 999
}

func ExampleFromName() {
	for _, name := range []string{"NotFound", "request entity too large", "Gateway Time-out"} {
		s, err := dcsstatus.FromName(name)
		fmt.Println(s, err)
	}
	_, err := dcsstatus.FromName("teapot")
	fmt.Println(errors.Is(err, dcsstatus.ErrUnknownName))
	// Output:
	// 404 Not Found <nil>
	// 413 Content Too Large <nil>
	// 504 Gateway Timeout <nil>
	// true
}

func ExampleParseRetryAfter() {
	now := time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)
	for _, v := range []string{"120", "Tue, 24 Nov 2026 12:05:00 GMT", "Sun, 06 Nov 1994 08:49:37 GMT"} {
		d, err := dcsstatus.ParseRetryAfter(v, now)
		fmt.Println(d, err)
	}
	_, err := dcsstatus.ParseRetryAfter("-1", now)
	fmt.Println(errors.Is(err, dcsstatus.ErrRetryAfterInvalidDelay))
	// Output:
	// 2m0s <nil>
	// 5m0s <nil>
	// 0s <nil>
	// true
}

func ExampleDecide() {
	now := time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)
	withDelay := http.Header{"Retry-After": {"30"}}

	d, _ := dcsstatus.Decide(429, withDelay, now, false)
	fmt.Println(d, d.Retry())
	d, _ = dcsstatus.Decide(429, nil, now, false)
	fmt.Println(d)
	d, _ = dcsstatus.Decide(502, nil, now, true) // idempotent: retry
	fmt.Println(d)
	d, _ = dcsstatus.Decide(502, nil, now, false)
	fmt.Println(d)
	d, _ = dcsstatus.Decide(404, withDelay, now, true)
	fmt.Println(d)
	// Output:
	// retry_after 30s true
	// retry_with_backoff
	// retry_with_backoff
	// do_not_retry
	// do_not_retry
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
	fmt.Println(err)
	fmt.Println(errors.Is(err, dcsstatus.ErrTooManyRequests), errors.Is(err, dcsstatus.ErrClientError))
	var e *dcsstatus.Error
	if errors.As(err, &e) {
		fmt.Println(e.Code == dcsstatus.StatusTooManyRequests, e.RetryAfter, e.Decision.Retry(), e.RequestID)
	}
	// Output:
	// dcsstatus: 429 Too Many Requests (DCS: TooManyRequests); retry after 2m0s; request id "4f2a"
	// true true
	// true 2m0s true 4f2a
}

func ExampleCode() {
	resp := &http.Response{StatusCode: 404}
	if dcsstatus.Code(resp.StatusCode) == dcsstatus.StatusNotFound {
		fmt.Println(dcsstatus.StatusNotFound)
	}
	// Output:
	// 404 Not Found
}
