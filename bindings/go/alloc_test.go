package dcsstatus

import (
	"net/http"
	"testing"
	"time"
)

// sink keeps the compiler from optimising the calls away.
var sink any

func TestLookupsMakeNoAllocation(t *testing.T) {
	now := time.Unix(1795521600, 0)
	header := http.Header{"Retry-After": {"120"}}
	resp := &http.Response{StatusCode: 429, Header: header, Request: &http.Request{Method: "GET"}}
	var (
		s   Status
		ok  bool
		str string
		c   Class
		r   Resolution
		d   time.Duration
		dec Decision
		err error
	)
	for name, f := range map[string]func(){
		"Lookup":             func() { s, ok = Lookup(404) },
		"Lookup(418)":        func() { s, ok = Lookup(418) },
		"Text":               func() { str = Text(404) },
		"Phrase":             func() { str = Phrase(418) },
		"ClassOf":            func() { c, err = ClassOf(503) },
		"ClassOf(99)":        func() { c, err = ClassOf(99) },
		"Resolve":            func() { r, err = Resolve(600) },
		"Status.String":      func() { str = s.String() },
		"Code.String":        func() { str = StatusNotFound.String() },
		"Class.String":       func() { str = ClassClientError.String() },
		"FromName":           func() { s, err = FromName("Not Found") },
		"ParseRetryAfter":    func() { d, err = ParseRetryAfter("Wed, 25 Nov 2026 12:00:00 GMT", now) },
		"ParseRetryAfter(x)": func() { d, err = ParseRetryAfter("soon", now) },
		"Decide":             func() { dec, err = Decide(429, header, now, false) },
		"DecideResponse":     func() { dec, err = DecideResponse(resp, now) },
	} {
		if n := testing.AllocsPerRun(1000, f); n != 0 {
			t.Errorf("%s: %v allocations per call, want 0", name, n)
		}
	}
	sink = []any{s, ok, str, c, r, d, dec, err}
}
