package dcsstatus

import (
	"errors"
	"math"
	"net/http"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// The fuzzers drive the cgo boundary with arbitrary values. The core's own
// properties (the Retry-After grammar, the date arithmetic) are tested where the
// core is; these check only what this package adds: no crash, the same answer
// as the core's C API, error kinds the function documents, and messages that
// stay short. Their seed corpora run in every `go test`; run-tests.sh fuzzes
// each briefly, and to fuzz longer:
//
//	go test -run '^$' -fuzz '^FuzzDecide$' -fuzztime 5m

// maxMessage bounds every message: the core quotes at most 64 characters of
// input, each escaped to at most 10 bytes ("\u{10ffff}"), in a sentence of its
// own (the HTTP error's holds a description's first paragraph and a request id).
const maxMessage = 2048

// boundaryStrings are the seeds every fuzzer starts from: empty, huge, invalid
// UTF-8, control characters, combining marks, huge digit strings and dates.
func boundaryStrings() []string {
	return []string{
		"", " ", "\t", "0", "120", "-1", "+1", "1.5", "\x00", "\xff\xfe", "a\x00b", "\u0301x", "\u200b\u00a0",
		"\x1b[31mred", "\r\n", strings.Repeat("9", 400), strings.Repeat("x", 5000),
		strings.Repeat("\xff", 1000), strings.Repeat("é", 1000), "not found", "NOT_FOUND", "notFound",
		"Sun, 06 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 08:49:37 GMT\x00",
		"Sunday, 06-Nov-94 08:49:37 GMT", "Friday, 31-Dec-96 00:00:00 GMT", "Friday, 31-Dec-57 00:00:00 GMT",
		"Sun Nov  6 08:49:37 1994", "Sun, 31 Dec 9999 23:59:59 GMT", "Mon, 01 Jan 0001 00:00:00 GMT",
		"Thu, 31 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 25:49:37 GMT",
	}
}

// boundaryNows are the instants the date arithmetic must survive.
var boundaryNows = []int64{math.MinInt64, math.MinInt64 + 1, -1, 0, 784111657, 1795521600, math.MaxInt64 - 1, math.MaxInt64}

// wantKindIn checks that err is an *InputError of one of kinds.
func wantKindIn(t *testing.T, err error, kinds ...ErrorKind) ErrorKind {
	t.Helper()
	var e *InputError
	if !errors.As(err, &e) {
		t.Fatalf("%#v is not an *InputError", err)
	}
	for _, k := range kinds {
		if e.Kind == k {
			if len(err.Error()) > maxMessage {
				t.Fatalf("a %d-byte message", len(err.Error()))
			}
			return k
		}
	}
	t.Fatalf("kind %v is not one of %v", e.Kind, kinds)
	return 0
}

func FuzzFromName(f *testing.F) {
	for _, s := range boundaryStrings() {
		f.Add(s)
	}
	for _, s := range Statuses() {
		f.Add(s.Name())
		f.Add(s.Ident())
		f.Add(s.Phrase())
	}
	f.Fuzz(func(t *testing.T, name string) {
		s, err := FromName(name)
		e, r := fromName(name)
		if err != nil {
			kind := wantKindIn(t, err, ErrUnknownName, ErrInvalidUTF8)
			if uint32(kind) != r || (kind == ErrInvalidUTF8) != !utf8.ValidString(name) {
				t.Fatalf("%q: %v, core result %d", name, err, r)
			}
			return
		}
		if r != resultOK || s != (Status{e}) || !s.IsValid() {
			t.Fatalf("%q: %v, core result %d", name, s, r)
		}
		// The entry found is one of the table's, and its ident finds it again.
		if again, err := FromName(s.Ident()); err != nil || again != s {
			t.Fatalf("%q: %v, but its ident gives %v, %v", name, s, again, err)
		}
	})
}

func FuzzParseRetryAfter(f *testing.F) {
	for _, s := range boundaryStrings() {
		for _, now := range boundaryNows {
			f.Add(s, now)
		}
	}
	f.Fuzz(func(t *testing.T, value string, now int64) {
		d, err := ParseRetryAfter(value, time.Unix(now, 0))
		seconds, r := parseRetryAfterSeconds(value, now)
		if err != nil {
			kind := wantKindIn(t, err, ErrRetryAfterEmpty, ErrRetryAfterInvalidDelay, ErrRetryAfterInvalidDate,
				ErrRetryAfterImpossibleDate, ErrInvalidUTF8)
			if uint32(kind) != r || (kind == ErrInvalidUTF8) != !utf8.ValidString(value) ||
				errors.Is(err, ErrInvalidRetryAfter) == (kind == ErrInvalidUTF8) {
				t.Fatalf("%q at %d: %v, core result %d", value, now, err, r)
			}
			return
		}
		if r != resultOK || d != secondsToDuration(seconds) || d < 0 {
			t.Fatalf("%q at %d: %v, core %d s (result %d)", value, now, d, seconds, r)
		}
	})
}

func FuzzDecide(f *testing.F) {
	codes := []int{math.MinInt, -1, 0, 99, 100, 200, 404, 408, 413, 418, 429, 500, 502, 503, 599, 600, 999, 1000, math.MaxInt}
	for i, s := range boundaryStrings() {
		for j, now := range boundaryNows {
			code := codes[(i+j)%len(codes)]
			f.Add(code, s, true, now, i%2 == 0, "GET")
			f.Add(code, s, j%2 == 0, now, false, "")
		}
	}
	f.Fuzz(func(t *testing.T, code int, retryAfter string, hasRetryAfter bool, now int64, idempotent bool, method string) {
		var h http.Header
		if hasRetryAfter {
			h = http.Header{"Retry-After": {retryAfter}}
		}
		at := time.Unix(now, 0)
		d, err := Decide(code, h, at, idempotent)
		_, inRange := slot(code)
		if err != nil {
			wantKindIn(t, err, ErrNotAStatusCode)
			if inRange {
				t.Fatalf("%d: %v", code, err)
			}
			return
		}
		if !inRange {
			t.Fatalf("%d is not a status code, but Decide says %v", code, d)
		}
		action, seconds, _, r := cDecide(int64(code), retryAfter, hasRetryAfter, now, idempotent, "")
		if r != resultOK || d != (Decision{action, secondsToDuration(seconds)}) {
			t.Fatalf("%d, %q at %d: %v, core %v %d s (result %d)", code, retryAfter, now, d, action, seconds, r)
		}
		switch d.Action {
		case ActionRetryAfter:
			// The delay is the header's, as the parser reads it.
			if p, perr := ParseRetryAfter(retryAfter, at); !hasRetryAfter || perr != nil || p != d.Delay {
				t.Fatalf("%d, %q at %d: %v, but ParseRetryAfter gives %v, %v", code, retryAfter, now, d, p, perr)
			}
		case ActionDoNotRetry, ActionRetryWithBackoff:
			if d.Delay != 0 {
				t.Fatalf("%v with a delay", d)
			}
		default:
			t.Fatalf("action %v", d.Action)
		}
		if text := d.String(); !strings.HasPrefix(text, d.Action.String()) {
			t.Fatalf("%v: text %q", d, text)
		}

		// The same through a response with a method, and the message of its error.
		resp := &http.Response{StatusCode: code, Header: h, Request: &http.Request{Method: method}}
		if method == "" {
			method = http.MethodGet
		}
		dr, err := DecideResponse(resp, at)
		wantIdem, _, _, _ := cDecide(int64(code), retryAfter, hasRetryAfter, now, MethodIsIdempotent(method), "")
		if err != nil || dr.Action != wantIdem {
			t.Fatalf("DecideResponse(%d, %q): %v, %v; want %v", code, method, dr, err, wantIdem)
		}
		var e *HTTPError
		if err := CheckResponseAt(resp, at); errors.As(err, &e) {
			if e.Decision != dr || len(e.Error()) > maxMessage+len(e.Status.Description()) {
				t.Fatalf("%d: %v, %d-byte message", code, e.Decision, len(e.Error()))
			}
		} else if r, _ := Lookup(code); err != nil || r.IsError() {
			t.Fatalf("CheckResponse(%d): %v", code, err)
		}
	})
}
