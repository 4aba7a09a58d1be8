package dcsstatus

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// hugeBody is an error body of 1 MiB whose code comes after the first 64 KiB.
var hugeBody = []byte(`{"padding":"` + strings.Repeat("x", 1<<20) + `","error_code":"DCS.4111","error_msg":"m"}`)

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
		case "/400-dcs4111":
			h.Set("Content-Type", "application/json")
			h.Set("X-Request-Id", "req-4111")
			w.WriteHeader(http.StatusBadRequest)
			w.Write([]byte(dcsBody))
		case "/400-dcs4202":
			w.WriteHeader(http.StatusBadRequest)
			w.Write([]byte(`{"error_msg":"ssl request params are invalid.","error_code":"DCS.4202","error_ext_msg":null}`))
		case "/502-html":
			h.Set("Content-Type", "text/html")
			w.WriteHeader(http.StatusBadGateway)
			w.Write([]byte("<html><body><h1>502 Bad Gateway</h1></body></html>"))
		case "/400-huge":
			// Chunked (no Content-Length), far longer than CheckResponse reads.
			w.WriteHeader(http.StatusBadRequest)
			w.Write(hugeBody)
		case "/429-header-case":
			// Names as sent, not canonical: net/http's client reads them in any case.
			h["x-request-id"] = []string{" req-lower\t"}
			h["X-OPENSTACK-REQUEST-ID"] = []string{"req-os"}
			h["retry-after"] = []string{"7"}
			w.WriteHeader(http.StatusTooManyRequests)
			w.Write([]byte(`{"error_code":"APIGW.0308","error_msg":"throttled","request_id":"req-body"}`))
		case "/500-openstack-id":
			h["x-openstack-request-id"] = []string{"req-os"}
			w.WriteHeader(http.StatusInternalServerError)
			w.Write([]byte(`{"error_code":"DCS.5000","error_msg":"Internal service error."}`))
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

// get sends a request to the server and returns its response with the body
// still to read (closed at the end of the test).
func get(t *testing.T, srv *httptest.Server, method, path string) *http.Response {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}

// readBody reads the whole body the caller gets after CheckResponse.
func readBody(t *testing.T, resp *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestCheckResponse400DCS4111IsRetriedAndLeavesTheBody(t *testing.T) {
	srv := newServer(t)
	resp := get(t, srv, "POST", "/400-dcs4111")
	err := CheckResponse(resp)
	var e *HTTPError
	if !errors.As(err, &e) || !errors.Is(err, ErrBadRequest) || !errors.Is(err, ErrorCode("DCS.4111")) {
		t.Fatalf("%v", err)
	}
	if e.ErrorCode != "DCS.4111" || !e.HasErrorCode || e.ErrorMsg != "the instance is restarting." || e.HasErrorExtMsg ||
		e.RequestID != "req-4111" || e.Catalogue.Code() != "DCS.4111" || e.Catalogue.Advice() != ErrorAdviceRetryLater {
		t.Fatalf("%+v", e)
	}
	// The code says try again later: retried even for a POST, even on 400.
	if e.Decision != (Decision{Action: ActionRetryWithBackoff}) {
		t.Fatalf("decision %v", e.Decision)
	}
	want := "400 Bad Request, DCS name BadRequest: DCS.4111 the instance is restarting. Solution: Try again later or " +
		"contact technical support. Retry advice: try again later: the condition is temporary; decision: retry with backoff; " +
		`request id "req-4111"`
	if err.Error() != want {
		t.Fatalf("got  %q\nwant %q", err, want)
	}
	if got := readBody(t, resp); got != dcsBody {
		t.Fatalf("the body after CheckResponse: %q", got)
	}
}

func TestCheckResponse400DCS4202IsNotRetried(t *testing.T) {
	srv := newServer(t)
	var e *HTTPError
	resp := get(t, srv, "PUT", "/400-dcs4202")
	err := CheckResponse(resp)
	if !errors.As(err, &e) || !errors.Is(err, ErrorCode("dcs.4202")) || errors.Is(err, ErrorCode("DCS.4111")) {
		t.Fatalf("%v", err)
	}
	if e.Catalogue.Advice() != ErrorAdviceFixRequest || e.Decision.ShouldRetry() || e.RequestID != "" {
		t.Fatalf("%+v", e)
	}
	if !strings.Contains(err.Error(), "DCS.4202 ssl request params are invalid. Solution: Check whether the request parameters are valid.") {
		t.Fatalf("%q", err)
	}
	if !strings.HasPrefix(readBody(t, resp), `{"error_msg":"ssl request params are invalid."`) {
		t.Fatal("the body is gone")
	}
}

func TestCheckResponseOfANonJSONBodyDecidesByTheStatus(t *testing.T) {
	srv := newServer(t)
	var e *HTTPError
	resp := get(t, srv, "GET", "/502-html")
	if !errors.As(CheckResponse(resp), &e) {
		t.Fatal("not an *HTTPError")
	}
	if e.HasErrorCode || e.HasErrorMsg || e.Catalogue != nil || e.Decision.Action != ActionRetryWithBackoff {
		t.Fatalf("%+v", e)
	}
	if got := readBody(t, resp); got != "<html><body><h1>502 Bad Gateway</h1></body></html>" {
		t.Fatalf("%q", got)
	}
}

// CheckResponse reads only MaxErrorBodyBytes: the code after them is not seen,
// and the caller still reads the whole body, byte for byte.
func TestCheckResponseOfAHugeBodyReadsAPrefixAndLeavesAllOfIt(t *testing.T) {
	srv := newServer(t)
	var e *HTTPError
	resp := get(t, srv, "GET", "/400-huge")
	if resp.ContentLength != -1 {
		t.Fatalf("the server sent a Content-Length: %d", resp.ContentLength)
	}
	if !errors.As(CheckResponse(resp), &e) || e.HasErrorCode || e.Catalogue != nil {
		t.Fatalf("%+v", e)
	}
	if got := readBody(t, resp); got != string(hugeBody) {
		t.Fatalf("read %d bytes after CheckResponse, want %d", len(got), len(hugeBody))
	}
	// The whole body, parsed by the caller, has the code.
	if b := ParseErrorBody(hugeBody); b.ErrorCode != "DCS.4111" {
		t.Fatalf("%+v", b)
	}
}

func TestCheckResponseReadsHeadersInAnyCase(t *testing.T) {
	srv := newServer(t)
	var e *HTTPError
	now := time.Unix(1795521600, 0)
	resp := get(t, srv, "GET", "/429-header-case")
	if !errors.As(CheckResponseAt(resp, now), &e) {
		t.Fatal("not an *HTTPError")
	}
	// X-Request-Id (without its spaces) wins over the body's and X-Openstack-Request-Id.
	if e.RequestID != "req-lower" || e.ErrorCode != "APIGW.0308" || e.Catalogue != nil ||
		e.Decision != (Decision{ActionRetryAfter, 7 * time.Second}) || e.RetryAfterHeader != "7" {
		t.Fatalf("%+v", e)
	}
	if !errors.As(CheckResponse(get(t, srv, "GET", "/500-openstack-id")), &e) || e.RequestID != "req-os" {
		t.Fatalf("%+v", e)
	}

	// Headers made by hand, with names in any case: the core matches them.
	h := http.Header{"x-request-id": {"hand"}, "RETRY-AFTER": {"9"}}
	got, err := HTTPErrorFromResponse(503, h, nil, now, false)
	if err != nil || got.RequestID != "hand" || got.Decision != (Decision{ActionRetryAfter, 9 * time.Second}) {
		t.Fatalf("%+v, %v", got, err)
	}
}

// closeRecorder is a body that records its Close and can fail a read.
type closeRecorder struct {
	io.Reader
	closed bool
}

func (c *closeRecorder) Close() error {
	c.closed = true
	return nil
}

// failingReader gives its bytes, then an error.
type failingReader struct {
	data []byte
	err  error
}

func (f *failingReader) Read(p []byte) (int, error) {
	if len(f.data) == 0 {
		return 0, f.err
	}
	n := copy(p, f.data)
	f.data = f.data[n:]
	return n, nil
}

func TestTheBodyPutBackClosesTheOriginal(t *testing.T) {
	original := &closeRecorder{Reader: strings.NewReader(dcsBody)}
	resp := &http.Response{StatusCode: 400, Body: original, ContentLength: int64(len(dcsBody))}
	if !errors.Is(CheckResponse(resp), ErrorCode("DCS.4111")) {
		t.Fatal("the body was not read")
	}
	if resp.Body == io.ReadCloser(original) || original.closed {
		t.Fatal("the body was not put back, or was closed")
	}
	if got := readBody(t, resp); got != dcsBody {
		t.Fatalf("%q", got)
	}
	if err := resp.Body.Close(); err != nil || !original.closed {
		t.Fatalf("Close: %v, closed %v", err, original.closed)
	}
}

func TestABodyReadErrorReachesTheCaller(t *testing.T) {
	broken := errors.New("connection reset")
	original := &closeRecorder{Reader: &failingReader{data: []byte(`{"error_code":"DCS.4111"`), err: broken}}
	resp := &http.Response{StatusCode: 500, Body: original, ContentLength: -1}
	var e *HTTPError
	if !errors.As(CheckResponse(resp), &e) || e.HasErrorCode {
		t.Fatalf("%+v", e) // an object cut short has no code
	}
	got, err := io.ReadAll(resp.Body)
	if string(got) != `{"error_code":"DCS.4111"` || err != broken {
		t.Fatalf("%q, %v", got, err)
	}
}

func TestCheckResponseLeavesBodiesItNeedNotRead(t *testing.T) {
	for _, tc := range []struct {
		code int
		body io.ReadCloser
	}{
		{200, io.NopCloser(strings.NewReader(dcsBody))}, // a success: not read
		{404, http.NoBody},
		{404, io.NopCloser(strings.NewReader(""))},                     // empty: nothing taken
		{404, io.NopCloser(&failingReader{err: errors.New("closed")})}, // nothing read: nothing taken
		{404, nil},
		{1000, io.NopCloser(strings.NewReader(dcsBody))}, // not a status code: not read
	} {
		resp := &http.Response{StatusCode: tc.code, Body: tc.body}
		CheckResponse(resp)
		if resp.Body != tc.body {
			t.Errorf("%d: the body was replaced", tc.code)
		}
	}
}
