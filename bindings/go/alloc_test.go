package dcsstatus

import (
	"net/http"
	"testing"
	"time"
)

// sink keeps the compiler from optimising the calls away.
var sink any

// The lookups, and the success paths of the functions that call the core, make
// no allocation (errors do: the core's message, of bounded size; see
// TestErrorsStaySmallWhateverTheInput).
func TestLookupsAndDecisionsMakeNoAllocation(t *testing.T) {
	now := time.Unix(1795521600, 0)
	header := http.Header{"Retry-After": {"120"}}
	badHeader := http.Header{"Retry-After": {"soon"}}
	resp := &http.Response{StatusCode: 429, Header: header, Request: &http.Request{Method: "GET"}}
	var (
		s   Status
		ok  bool
		str string
		c   Class
		r   LookupResult
		d   time.Duration
		dec Decision
		err error
	)
	for name, f := range map[string]func(){
		"Get":                     func() { s, ok = Get(404) },
		"Get(418)":                func() { s, ok = Get(418) },
		"Text":                    func() { str = Text(404) },
		"Phrase":                  func() { str = Phrase(418) },
		"ClassOf":                 func() { c, err = ClassOf(503) },
		"Lookup":                  func() { r, err = Lookup(600) },
		"Status.String":           func() { str = s.String() },
		"Code.String":             func() { str = Code(StatusNotFound).String() },
		"Class.String":            func() { str = ClassClientError.String() },
		"Class.IsError":           func() { ok = ClassClientError.IsError() },
		"FromName":                func() { s, err = FromName("Not Found") },
		"ParseRetryAfter":         func() { d, err = ParseRetryAfter("Wed, 25 Nov 2026 12:00:00 GMT", now) },
		"MethodIsIdempotent":      func() { ok = MethodIsIdempotent("PUT") },
		"Decide":                  func() { dec, err = Decide(429, header, now, false) },
		"Decide(bad Retry-After)": func() { dec, err = Decide(429, badHeader, now, false) },
		"DecideResponse":          func() { dec, err = DecideResponse(resp, now) },
	} {
		if n := testing.AllocsPerRun(1000, f); n != 0 {
			t.Errorf("%s: %v allocations per call, want 0", name, n)
		}
	}
	sink = []any{s, ok, str, c, r, d, dec, err}
}
