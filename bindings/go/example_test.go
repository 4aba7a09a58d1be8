package dcsstatus_test

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
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

// CheckResponse reads the error body (at most MaxErrorBodyBytes of it) and puts
// it back: the caller reads it as if nothing had.
func ExampleCheckResponse_body() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Request-Id", "req-1")
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprint(w, `{"error_msg":"the instance is restarting.","error_code":"DCS.4111","error_ext_msg":null}`)
	}))
	defer srv.Close()

	resp, err := http.Post(srv.URL, "application/json", strings.NewReader(`{"action":"restart"}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer resp.Body.Close()

	err = dcsstatus.CheckResponse(resp)
	var e *dcsstatus.HTTPError
	if errors.As(err, &e) {
		fmt.Println(e.ErrorCode, e.ErrorMsg, e.HasErrorExtMsg, e.RequestID)
		fmt.Println(e.Catalogue.Advice(), e.Decision) // retried, even on 400, even for a POST
	}
	fmt.Println(err)
	body, _ := io.ReadAll(resp.Body)
	fmt.Println(string(body))
	// Output:
	// DCS.4111 the instance is restarting. false req-1
	// retry_later retry_with_backoff
	// 400 Bad Request, DCS name BadRequest: DCS.4111 the instance is restarting. Solution: Try again later or contact technical support. Retry advice: try again later: the condition is temporary; decision: retry with backoff; request id "req-1"
	// {"error_msg":"the instance is restarting.","error_code":"DCS.4111","error_ext_msg":null}
}

func ExampleErrorCode() {
	resp := &http.Response{
		StatusCode: http.StatusBadRequest,
		Body:       io.NopCloser(strings.NewReader(`{"error_code":"DCS.4111","error_msg":"the instance is restarting."}`)),
	}
	err := dcsstatus.CheckResponse(resp)
	switch {
	case errors.Is(err, dcsstatus.ErrorCode("DCS.4099")):
		fmt.Println("the instance is busy")
	case errors.Is(err, dcsstatus.ErrorCode("dcs.4111")): // as the core's lookup reads codes
		fmt.Println("the instance is restarting")
	case errors.Is(err, dcsstatus.ErrBadRequest):
		fmt.Println("another 400")
	}
	// Output:
	// the instance is restarting
}

func ExampleHTTPErrorFromResponse() {
	// A response read by another HTTP client, or a body already read.
	header := http.Header{"x-openstack-request-id": {"req-os"}} // names in any case
	body := []byte(`{"error_code":"DCS.4922","error_msg":"Instance not found.","error_ext_msg":null}`)
	e, err := dcsstatus.HTTPErrorFromResponse(404, header, body, time.Now(), true)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(e.Status, e.ErrorCode, e.Catalogue == nil, e.RequestID, e.Decision)
	fmt.Println(e)
	// Output:
	// 404 Not Found DCS.4922 true req-os do_not_retry
	// 404 Not Found, DCS name NotFound: The requested resource could not be found. Retry advice: modify the request instead of re-initiating it; decision: do not retry; error code "DCS.4922" (not in the DCS error-code catalogue); server message "Instance not found."; request id "req-os"
}

func ExampleParseErrorBody() {
	b := dcsstatus.ParseErrorBody([]byte(`{ "error_msg" : "Master standby swap is not supported.", "error_code" : "DCS.4855", "error_ext_msg" : null }`))
	fmt.Println(b.ErrorCode, b.HasErrorCode)
	fmt.Println(b.ErrorMsg)
	fmt.Println(b.HasErrorExtMsg, b.Catalogue.Advice())

	// Other shapes, and bodies that are no error body: never an error.
	for _, body := range []string{
		`{"error":{"code":"E.1","message":"boom"}}`,
		`{"error_msg":"throttled","error_code":"APIGW.0308","request_id":"d4e8f2c1"}`,
		`<html><body>502 Bad Gateway</body></html>`,
	} {
		b := dcsstatus.ParseErrorBody([]byte(body))
		fmt.Printf("%q %q %q %v\n", b.ErrorCode, b.ErrorMsg, b.RequestID, b.Catalogue != nil)
	}
	// Output:
	// DCS.4855 true
	// Master standby swap is not supported.
	// false not_allowed
	// "E.1" "boom" "" false
	// "APIGW.0308" "throttled" "d4e8f2c1" false
	// "" "" "" false
}

func ExampleLookupErrorCode() {
	e, err := dcsstatus.LookupErrorCode("dcs. 4111") // case and whitespace forgiven
	fmt.Println(e, err)
	fmt.Println(e.Status(), e.Advice())
	fmt.Println(e.Message())
	fmt.Println(e.Solution())

	_, err = dcsstatus.LookupErrorCode("DCS.4922")
	fmt.Println(err)
	fmt.Println(errors.Is(err, dcsstatus.ErrUnknownErrorCode))
	// Output:
	// DCS.4111 <nil>
	// 400 Bad Request retry_later
	// the instance is restarting.
	// Try again later or contact technical support.
	// unknown DCS error code "DCS.4922": not in the error-code catalogue
	// true
}

// The codes whose Solution says to try again later, though DCS does not send
// them with 400.
func ExampleCatalogue() {
	for _, e := range dcsstatus.Catalogue() {
		if e.Advice() == dcsstatus.ErrorAdviceRetryLater && e.Status().Code() != dcsstatus.StatusBadRequest {
			fmt.Println(e.Code(), e.Status(), e.Message())
		}
	}
	// Output:
	// DCS.5101 404 Not Found Create agency failed.
	// 111400069 500 Internal Server Error Another user is modifying configuration parameters of the DCS instance. Please try again later.
	// 111500037 500 Internal Server Error query order info fail
	// 111500041 500 Internal Server Error No resource tenant available.
	// 111500044 500 Internal Server Error update resource status fail
	// DCS.4069 500 Internal Server Error Another user is modifying configuration parameters of the DCS instance. Please try again later.
}

func ExampleCatalogueEntry_Explain() {
	e, _ := dcsstatus.LookupErrorCode("DCS.4111")
	fmt.Print(e.Explain())
	// Output:
	// DCS error code DCS.4111
	//   status:      400 Bad Request, DCS name BadRequest
	//   message:     the instance is restarting.
	//   description: Restarting the instance... Please try again later.
	//   solution:    Try again later or contact technical support.
	//   advice:      try again later: the condition is temporary (retry_later)
}

func ExampleErrorAdvice() {
	for _, code := range []string{"DCS.4111", "DCS.5000", "DCS.4202", "DCS.4855", "DCS.4300"} {
		e, _ := dcsstatus.LookupErrorCode(code)
		switch a := e.Advice(); a {
		case dcsstatus.ErrorAdviceRetryLater:
			fmt.Println(code, a, "-> try again later")
		default:
			fmt.Println(code, a)
		}
	}
	// Output:
	// DCS.4111 retry_later -> try again later
	// DCS.5000 contact_support
	// DCS.4202 fix_request
	// DCS.4855 not_allowed
	// DCS.4300 unspecified
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
