package dcsstatus

import (
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

// The error path: CheckResponse makes the *HTTPError (three cgo calls), whose
// message the core renders only when asked.
func BenchmarkCheckResponse429(b *testing.B) {
	now := time.Unix(1795521600, 0)
	resp := &http.Response{StatusCode: 429, Header: http.Header{"Retry-After": {"120"}, "X-Request-Id": {"r-1"}},
		Request: &http.Request{Method: "GET"}}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		benchErr = CheckResponseAt(resp, now)
	}
}

func BenchmarkHTTPErrorMessage(b *testing.B) {
	resp := &http.Response{StatusCode: 429, Header: http.Header{"Retry-After": {"120"}, "X-Request-Id": {"r-1"}},
		Request: &http.Request{Method: "GET"}}
	err := CheckResponseAt(resp, time.Unix(1795521600, 0))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		benchString = err.Error()
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
