package dcsstatus

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// newServer answers each path with the status and headers the test needs,
// on 127.0.0.1 only.
func newServer(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		switch r.URL.Path {
		case "/ok":
			w.WriteHeader(http.StatusOK)
		case "/404":
			h.Set("X-Request-Id", "req-404")
			w.WriteHeader(http.StatusNotFound)
		case "/429-seconds":
			h.Set("Retry-After", "120")
			h.Set("X-Request-Id", "req-429")
			w.WriteHeader(http.StatusTooManyRequests)
		case "/429-date":
			h.Set("Retry-After", time.Now().UTC().Add(120*time.Second).Format(http.TimeFormat))
			w.WriteHeader(http.StatusTooManyRequests)
		case "/429-fixed-date":
			h.Set("Retry-After", "Tue, 24 Nov 2026 12:02:00 GMT")
			w.WriteHeader(http.StatusTooManyRequests)
		case "/429-bad":
			h.Set("Retry-After", "soon")
			w.WriteHeader(http.StatusTooManyRequests)
		case "/503":
			w.WriteHeader(http.StatusServiceUnavailable)
		case "/503-retry-after":
			h.Set("Retry-After", "30")
			w.WriteHeader(http.StatusServiceUnavailable)
		case "/500":
			w.WriteHeader(http.StatusInternalServerError)
		case "/418":
			w.WriteHeader(http.StatusTeapot)
		default:
			t.Errorf("unexpected path %s", r.URL.Path)
			w.WriteHeader(http.StatusBadRequest)
		}
	}))
	t.Cleanup(srv.Close)
	if !strings.HasPrefix(srv.URL, "http://127.0.0.1:") {
		t.Fatalf("server not on 127.0.0.1: %s", srv.URL)
	}
	return srv
}

func do(t *testing.T, srv *httptest.Server, method, path string) *http.Response {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp
}

func TestCheckResponseIsNilForSuccess(t *testing.T) {
	srv := newServer(t)
	if err := CheckResponse(do(t, srv, "GET", "/ok")); err != nil {
		t.Fatal(err)
	}
}

func TestCheckResponse404IsErrNotFoundWithRequestID(t *testing.T) {
	srv := newServer(t)
	err := CheckResponse(do(t, srv, "GET", "/404"))
	if !errors.Is(err, ErrNotFound) || !errors.Is(err, ErrClientError) {
		t.Fatalf("%v is not ErrNotFound and ErrClientError", err)
	}
	if errors.Is(err, ErrServerError) || errors.Is(err, ErrTooManyRequests) || errors.Is(err, ErrNotAStatusCode) {
		t.Fatalf("%v matches too much", err)
	}
	var e *HTTPError
	if !errors.As(err, &e) {
		t.Fatalf("%T is not *Error", err)
	}
	if e.Code != StatusNotFound || e.Kind != LookupKindDocumented || e.Status.RetryAdvice() != RetryAdviceModifyRequest ||
		e.RequestID != "req-404" || e.HasRetryAfter || e.RetryAfterHeader != "" || e.Decision.Action != ActionDoNotRetry {
		t.Fatalf("%+v", e)
	}
	want := "404 Not Found, DCS name NotFound: The requested resource could not be found. " +
		"Retry advice: modify the request instead of re-initiating it; decision: do not retry; request id \"req-404\""
	if err.Error() != want {
		t.Fatalf("got %q, want %q", err.Error(), want)
	}
}

func TestCheckResponse429WithRetryAfterSeconds(t *testing.T) {
	srv := newServer(t)
	for _, method := range []string{"GET", "POST"} {
		resp := do(t, srv, method, "/429-seconds")
		err := CheckResponse(resp)
		var e *HTTPError
		if !errors.Is(err, ErrTooManyRequests) || !errors.As(err, &e) {
			t.Fatalf("%s: %v", method, err)
		}
		want := Decision{Action: ActionRetryAfter, Delay: 120 * time.Second}
		if !e.HasRetryAfter || e.RetryAfter != 120*time.Second || e.Decision != want || e.RetryAfterHeader != "120" {
			t.Fatalf("%s: %+v", method, e)
		}
		if d, err := DecideResponse(resp, time.Now()); err != nil || d != want {
			t.Fatalf("%s: DecideResponse %v, %v", method, d, err)
		}
		if msg := err.Error(); !strings.HasPrefix(msg, "429 Too Many Requests, DCS name TooManyRequests: ") ||
			!strings.HasSuffix(msg, `; decision: retry after 120s; request id "req-429"`) {
			t.Fatalf("%s: %q", method, msg)
		}
	}
}

func TestCheckResponse429WithRetryAfterHTTPDate(t *testing.T) {
	srv := newServer(t)
	err := CheckResponse(do(t, srv, "GET", "/429-date"))
	var e *HTTPError
	if !errors.As(err, &e) || !errors.Is(err, ErrTooManyRequests) {
		t.Fatalf("%v", err)
	}
	// The date has whole seconds: 120 s after the server's clock, read on ours.
	if !e.HasRetryAfter || e.RetryAfter < 118*time.Second || e.RetryAfter > 121*time.Second ||
		e.Decision.Action != ActionRetryAfter || e.Decision.Delay != e.RetryAfter {
		t.Fatalf("%+v", e)
	}

	// With a fixed clock, exactly.
	resp := do(t, srv, "GET", "/429-fixed-date")
	now := time.Unix(1795521600, 0) // Tue, 24 Nov 2026 12:00:00 GMT
	if !errors.As(CheckResponseAt(resp, now), &e) || e.RetryAfter != 120*time.Second {
		t.Fatalf("%+v", e)
	}
	if d, err := DecideResponse(resp, now); err != nil || d != (Decision{ActionRetryAfter, 120 * time.Second}) {
		t.Fatalf("DecideResponse: %v, %v", d, err)
	}
}

func TestCheckResponse429WithInvalidRetryAfterRetriesWithBackoff(t *testing.T) {
	srv := newServer(t)
	var e *HTTPError
	if !errors.As(CheckResponse(do(t, srv, "POST", "/429-bad")), &e) {
		t.Fatal("not an *Error")
	}
	if e.HasRetryAfter || e.RetryAfter != 0 || e.RetryAfterHeader != "soon" || e.Decision.Action != ActionRetryWithBackoff {
		t.Fatalf("%+v", e)
	}
}

func TestCheckResponse503(t *testing.T) {
	srv := newServer(t)
	var e *HTTPError
	err := CheckResponse(do(t, srv, "GET", "/503"))
	if !errors.Is(err, ErrServiceUnavailable) || !errors.Is(err, ErrServerError) || !errors.As(err, &e) {
		t.Fatalf("%v", err)
	}
	// The document: modify the request instead of re-initiating it.
	if e.Status.RetryAdvice() != RetryAdviceModifyRequest || e.Decision.Action != ActionDoNotRetry || e.Decision.ShouldRetry() {
		t.Fatalf("%+v", e)
	}
	// With a Retry-After, retry after it.
	if !errors.As(CheckResponse(do(t, srv, "GET", "/503-retry-after")), &e) ||
		e.Decision != (Decision{ActionRetryAfter, 30 * time.Second}) || !e.Decision.ShouldRetry() {
		t.Fatalf("%+v", e)
	}
}

func TestCheckResponse500RetriesOnlyIdempotentRequests(t *testing.T) {
	srv := newServer(t)
	var e *HTTPError
	if !errors.As(CheckResponse(do(t, srv, "GET", "/500")), &e) || e.Decision.Action != ActionRetryWithBackoff {
		t.Fatalf("GET: %+v", e)
	}
	if !errors.As(CheckResponse(do(t, srv, "POST", "/500")), &e) || e.Decision.Action != ActionDoNotRetry {
		t.Fatalf("POST: %+v", e)
	}
}

func TestCheckResponseUnrecognizedCodeIsHandledAsX00(t *testing.T) {
	srv := newServer(t)
	err := CheckResponse(do(t, srv, "GET", "/418"))
	var e *HTTPError
	if !errors.As(err, &e) || !errors.Is(err, ErrBadRequest) || !errors.Is(err, ErrClientError) {
		t.Fatalf("%v", err)
	}
	if e.Code != 418 || e.Kind != LookupKindUnrecognized || e.Status.Code() != StatusBadRequest {
		t.Fatalf("%+v", e)
	}
	want := "418 (not in the DCS table: read as 400 Bad Request, RFC 9110 §15), DCS name BadRequest: " +
		"The request is invalid. Retry advice: modify the request instead of re-initiating it; decision: do not retry"
	if err.Error() != want {
		t.Fatalf("got %q, want %q", err.Error(), want)
	}
}

func TestCheckResponseOfOddResponses(t *testing.T) {
	if err := CheckResponse(nil); err != ErrNullPointer {
		t.Errorf("nil response: %v", err)
	}
	err := CheckResponse(&http.Response{StatusCode: 1000})
	if !errors.Is(err, ErrNotAStatusCode) || err.Error() != "1000 is not a status code: status codes are three-digit numbers from 100 to 999" {
		t.Errorf("1000: %v", err)
	}
	var e *HTTPError
	if err := CheckResponse(&http.Response{StatusCode: 600}); !errors.As(err, &e) ||
		!errors.Is(err, ErrInternalServerError) || !errors.Is(err, ErrServerError) || e.Kind != LookupKindInvalid {
		t.Errorf("600: %v", err)
	}
	if err := CheckResponse(&http.Response{StatusCode: 302}); err != nil {
		t.Errorf("302: %v", err)
	}
}

func TestSentinelsPrintTheirStatusOrClassAndMatchOnlyThemselves(t *testing.T) {
	if ErrNotFound.Error() != "404 Not Found" || ErrClientError.Error() != "client_error" || ErrServerError.Error() != "server_error" {
		t.Errorf("%q %q %q", ErrNotFound, ErrClientError, ErrServerError)
	}
	if errors.Is(ErrNotFound, ErrClientError) || errors.Is(ErrClientError, ErrServerError) {
		t.Error("a sentinel matches another")
	}
}

func TestHandMadeHTTPErrorMatchesAndPrintsAsChecked(t *testing.T) {
	if !errors.Is(&HTTPError{Code: 404}, ErrNotFound) || !errors.Is(&HTTPError{Code: 418}, ErrBadRequest) ||
		!errors.Is(&HTTPError{Code: 700}, ErrServerError) || errors.Is(&HTTPError{Code: 42}, ErrClientError) {
		t.Fatal("a hand-made HTTPError does not match as CheckResponse's would")
	}
	// Rendered at Unix time 0, for a request that is not idempotent.
	hand := &HTTPError{Code: 502, RequestID: "r"}
	checked := CheckResponseAt(&http.Response{StatusCode: 502, Header: http.Header{"X-Request-Id": {"r"}},
		Request: &http.Request{Method: http.MethodPost}}, time.Unix(0, 0))
	if checked == nil || hand.Error() != checked.Error() || !strings.Contains(hand.Error(), "decision: do not retry") {
		t.Errorf("hand-made %q, checked %q", hand, checked)
	}
}
