package dcsstatus

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"testing"
	"time"
)

// Against net/http: go test -run '^$' -bench . -benchmem -count 5
//
// The package-level sinks keep the compiler from removing the calls.
var (
	benchString   string
	benchStatus   Status
	benchLookup   LookupResult
	benchOK       bool
	benchDuration time.Duration
	benchTime     time.Time
	benchDecision Decision
	benchErr      error
	benchEntry    *CatalogueEntry
	benchBody     ErrorBody
	benchHTTPErr  *HTTPError
	benchFields   dcsFields
)

func BenchmarkText404(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		benchString = Text(404)
	}
}

func BenchmarkNetHTTPStatusText404(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		benchString = http.StatusText(404)
	}
}

func BenchmarkGet404(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		benchStatus, benchOK = Get(404)
	}
}

func BenchmarkLookup418(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		benchLookup, benchErr = Lookup(418)
	}
}

func BenchmarkFromName(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		benchStatus, benchErr = FromName("Gateway Time-out")
	}
}

// A varying code, so neither side is reduced to a constant.
func BenchmarkTextVarying(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		benchString = Text(400 + i&31)
	}
}

func BenchmarkNetHTTPStatusTextVarying(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		benchString = http.StatusText(400 + i&31)
	}
}

const benchDate = "Wed, 25 Nov 2026 12:00:00 GMT"

func BenchmarkParseRetryAfterIMFFixdate(b *testing.B) {
	now := time.Unix(1795521600, 0)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		benchDuration, benchErr = ParseRetryAfter(benchDate, now)
	}
}

func BenchmarkNetHTTPParseTimeIMFFixdate(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		benchTime, benchErr = http.ParseTime(benchDate)
	}
}

func BenchmarkParseRetryAfterSeconds(b *testing.B) {
	now := time.Unix(1795521600, 0)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		benchDuration, benchErr = ParseRetryAfter("120", now)
	}
}

func BenchmarkDecideResponse(b *testing.B) {
	now := time.Unix(1795521600, 0)
	resp := &http.Response{StatusCode: 429, Header: http.Header{"Retry-After": {"120"}}, Request: &http.Request{Method: "GET"}}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		benchDecision, benchErr = DecideResponse(resp, now)
	}
}

// The error path: CheckResponse makes the *HTTPError and its message (one cgo
// call).
func BenchmarkCheckResponse429(b *testing.B) {
	now := time.Unix(1795521600, 0)
	resp := &http.Response{StatusCode: 429, Header: http.Header{"Retry-After": {"120"}, "X-Request-Id": {"r-1"}},
		Request: &http.Request{Method: "GET"}}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		benchErr = CheckResponseAt(resp, now)
	}
}

// The message of an HTTPError made by hand, rendered by the core per call
// (CheckResponse's is rendered once, when the error is made).
func BenchmarkHTTPErrorMessage(b *testing.B) {
	err := &HTTPError{Code: 429, RetryAfterHeader: "120", RequestID: "r-1"}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		benchString = err.Error()
	}
}

// A typical DCS error body, and the struct encoding/json would read it into.
var benchDCSBody = []byte(dcsBody)

type dcsFields struct {
	ErrorCode   string `json:"error_code"`
	ErrorMsg    string `json:"error_msg"`
	ErrorExtMsg string `json:"error_ext_msg"`
}

func BenchmarkParseErrorBody(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		benchBody = ParseErrorBody(benchDCSBody)
	}
}

// The goal's yardstick: ParseErrorBody within 0.5x of this.
func BenchmarkEncodingJSONUnmarshalDCSBody(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		benchFields = dcsFields{}
		benchErr = json.Unmarshal(benchDCSBody, &benchFields)
	}
}

// A code as the catalogue writes it: found in Go.
func BenchmarkLookupErrorCode(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		benchEntry, benchErr = LookupErrorCode("DCS.4111")
	}
}

// Any other spelling: the core's forgiving lookup, one cgo call.
func BenchmarkLookupErrorCodeForgiven(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		benchEntry, benchErr = LookupErrorCode("dcs. 4111")
	}
}

// The floor for an exact lookup in Go: a map from the codes to their entries.
func BenchmarkGoMapExactCode(b *testing.B) {
	m := make(map[string]*CatalogueEntry)
	for _, e := range Catalogue() {
		m[e.Code()] = e
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		benchEntry = m["DCS.4111"]
	}
}

func BenchmarkHTTPErrorFromResponse(b *testing.B) {
	now := time.Unix(1795521600, 0)
	h := http.Header{"X-Request-Id": {"r-1"}, "Content-Type": {"application/json"}}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		benchHTTPErr, benchErr = HTTPErrorFromResponse(400, h, benchDCSBody, now, false)
	}
}

// CheckResponse of a 400 with a DCS body: read the body, put it back, one cgo
// call for the error and its message.
func BenchmarkCheckResponseDCSBody(b *testing.B) {
	now := time.Unix(1795521600, 0)
	h := http.Header{"X-Request-Id": {"r-1"}, "Content-Type": {"application/json"}}
	req := &http.Request{Method: "POST"}
	body := bytes.NewReader(benchDCSBody)
	resp := &http.Response{StatusCode: 400, Header: h, Request: req, ContentLength: int64(len(benchDCSBody))}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		body.Reset(benchDCSBody)
		resp.Body = io.NopCloser(body)
		benchErr = CheckResponseAt(resp, now)
	}
}

func BenchmarkDecisionString(b *testing.B) {
	d := Decision{Action: ActionRetryAfter, Delay: 2 * time.Minute}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		benchString = d.String()
	}
}

func BenchmarkFromNameUnknown(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		benchStatus, benchErr = FromName("teapot")
	}
}
