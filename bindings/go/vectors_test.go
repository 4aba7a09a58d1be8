package dcsstatus

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// The shared test vectors, tests/vectors/*.json, which every language runs.

func readVectors(t testing.TB, name string, cases any) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, "tests", "vectors", name))
	if err != nil {
		t.Fatal(err)
	}
	var file struct {
		Cases json.RawMessage `json:"cases"`
	}
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	dec := json.NewDecoder(bytes.NewReader(file.Cases))
	dec.DisallowUnknownFields()
	if err := dec.Decode(cases); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

// errorNames are the vectors' names of the errors.
var errorNames = map[string]error{
	"not_a_status_code": ErrNotAStatusCode,
	"unknown_name":      ErrUnknownName,
	"invalid_utf8":      ErrInvalidUTF8,
	"empty":             ErrRetryAfterEmpty,
	"invalid_delay":     ErrRetryAfterInvalidDelay,
	"invalid_date":      ErrRetryAfterInvalidDate,
	"impossible_date":   ErrRetryAfterImpossibleDate,
}

func wantError(t *testing.T, what string, name string, got error) {
	t.Helper()
	want, ok := errorNames[name]
	if !ok {
		t.Fatalf("%s: unknown error name %q in the vectors", what, name)
	}
	if !errors.Is(got, want) {
		t.Errorf("%s: got error %v, want %s (%v)", what, got, name, want)
	}
}

func TestVectorsLookups(t *testing.T) {
	var cases []struct {
		Code   int64  `json:"code"`
		Kind   string `json:"kind"`
		Class  string `json:"class"`
		Status int    `json:"status"`
		Error  string `json:"error"`
	}
	readVectors(t, "lookups.json", &cases)
	if len(cases) == 0 {
		t.Fatal("no cases")
	}
	for _, c := range cases {
		code := int(c.Code)
		if int64(code) != c.Code {
			t.Fatalf("%d does not fit an int", c.Code)
		}
		r, err := Resolve(code)
		cls, clsErr := ClassOf(code)
		s, documented := Lookup(code)
		if c.Error != "" {
			wantError(t, "Resolve", c.Error, err)
			wantError(t, "ClassOf", c.Error, clsErr)
			if documented || Text(code) != "" || Phrase(code) != "" {
				t.Errorf("%d: Lookup/Text/Phrase answer for a non-status code", code)
			}
			continue
		}
		if err != nil || clsErr != nil {
			t.Errorf("%d: %v, %v", code, err, clsErr)
			continue
		}
		if r.Code != Code(code) || r.Kind.String() != c.Kind || r.Class.String() != c.Class || int(r.Status.Code()) != c.Status || cls != r.Class {
			t.Errorf("%d: got %v %v %v (%v), want %s %s %d", code, r.Kind, r.Class, r.Status.Code(), cls, c.Kind, c.Class, c.Status)
		}
		if documented != (c.Kind == "documented") || (documented && s != r.Status) {
			t.Errorf("%d: Lookup = %v, %v", code, s, documented)
		}
		if Phrase(code) != r.Status.Phrase() {
			t.Errorf("%d: Phrase = %q", code, Phrase(code))
		}
	}
}

func TestVectorsNames(t *testing.T) {
	var cases []struct {
		Name  string `json:"name"`
		Code  int    `json:"code"`
		Error string `json:"error"`
	}
	readVectors(t, "names.json", &cases)
	if len(cases) == 0 {
		t.Fatal("no cases")
	}
	for _, c := range cases {
		s, err := FromName(c.Name)
		if c.Error != "" {
			wantError(t, "FromName("+c.Name+")", c.Error, err)
			continue
		}
		if err != nil || int(s.Code()) != c.Code {
			t.Errorf("FromName(%q) = %v, %v; want %d", c.Name, s, err, c.Code)
		}
	}
}

func TestVectorsRetryAfter(t *testing.T) {
	var cases []struct {
		Value   string  `json:"value"`
		Now     int64   `json:"now"`
		Seconds *uint64 `json:"seconds"`
		Error   string  `json:"error"`
		Note    string  `json:"note"`
	}
	readVectors(t, "retry_after.json", &cases)
	if len(cases) == 0 {
		t.Fatal("no cases")
	}
	for _, c := range cases {
		seconds, r := parseRetryAfterSeconds(c.Value, c.Now)
		d, err := ParseRetryAfter(c.Value, time.Unix(c.Now, 0))
		if c.Error != "" {
			wantError(t, "ParseRetryAfter("+c.Value+")", c.Error, err)
			if !errors.Is(err, ErrInvalidRetryAfter) {
				t.Errorf("%q: %v does not match ErrInvalidRetryAfter", c.Value, err)
			}
			continue
		}
		if c.Seconds == nil {
			t.Fatalf("%q: a case with neither seconds nor error", c.Value)
		}
		if r != resultOK || seconds != *c.Seconds {
			t.Errorf("%q at %d: %d seconds (result %d), want %d", c.Value, c.Now, seconds, r, *c.Seconds)
		}
		if err != nil || d != secondsToDuration(*c.Seconds) {
			t.Errorf("%q at %d: %v, %v", c.Value, c.Now, d, err)
		}
	}
}

func TestVectorsDecisions(t *testing.T) {
	var cases []struct {
		Code       int64   `json:"code"`
		RetryAfter *string `json:"retry_after"`
		Now        int64   `json:"now"`
		Idempotent bool    `json:"idempotent"`
		Action     string  `json:"action"`
		Seconds    *uint64 `json:"seconds"`
		Error      string  `json:"error"`
		Note       string  `json:"note"`
	}
	readVectors(t, "decisions.json", &cases)
	if len(cases) == 0 {
		t.Fatal("no cases")
	}
	for _, c := range cases {
		var h http.Header
		if c.RetryAfter != nil {
			h = http.Header{"Retry-After": {*c.RetryAfter}}
		}
		now := time.Unix(c.Now, 0)
		d, err := Decide(int(c.Code), h, now, c.Idempotent)

		// The same through a response, with a method that is (or is not) idempotent.
		method := http.MethodPost
		if c.Idempotent {
			method = http.MethodPut
		}
		resp := &http.Response{StatusCode: int(c.Code), Header: h, Request: &http.Request{Method: method}}
		dr, errR := DecideResponse(resp, now)

		if c.Error != "" {
			wantError(t, "Decide", c.Error, err)
			wantError(t, "DecideResponse", c.Error, errR)
			continue
		}
		if err != nil || errR != nil {
			t.Errorf("%+v: %v, %v", c, err, errR)
			continue
		}
		want := Decision{}
		for a := ActionDoNotRetry; a <= ActionRetryWithBackoff; a++ {
			if a.String() == c.Action {
				want.Action = a
			}
		}
		if want.Action == 0 {
			t.Fatalf("unknown action %q", c.Action)
		}
		if c.Seconds != nil {
			want.Delay = secondsToDuration(*c.Seconds)
		}
		if d != want || dr != want {
			t.Errorf("code %d, Retry-After %v, idempotent %v: Decide %v, DecideResponse %v; want %v (%s)",
				c.Code, c.RetryAfter, c.Idempotent, d, dr, want, c.Note)
		}
	}
}

func TestDurationsSaturateAtMaxInt64(t *testing.T) {
	for _, tc := range []struct {
		seconds uint64
		want    time.Duration
	}{
		{0, 0},
		{120, 2 * time.Minute},
		{maxSeconds, time.Duration(maxSeconds) * time.Second},
		{maxSeconds + 1, time.Duration(1<<63 - 1)},
		{1<<64 - 1, time.Duration(1<<63 - 1)},
	} {
		if got := secondsToDuration(tc.seconds); got != tc.want {
			t.Errorf("%d s: %v, want %v", tc.seconds, got, tc.want)
		}
	}
	d, err := ParseRetryAfter("18446744073709551616", time.Now())
	if err != nil || d != time.Duration(1<<63-1) {
		t.Errorf("huge delay: %v, %v", d, err)
	}
}

func TestDecideResponseMethods(t *testing.T) {
	now := time.Unix(1795521600, 0)
	for _, tc := range []struct {
		req  *http.Request
		want Action
	}{
		{&http.Request{Method: "GET"}, ActionRetryWithBackoff},
		{&http.Request{Method: ""}, ActionRetryWithBackoff}, // "" is GET for net/http
		{&http.Request{Method: "DELETE"}, ActionRetryWithBackoff},
		{&http.Request{Method: "POST"}, ActionDoNotRetry},
		{&http.Request{Method: "get"}, ActionDoNotRetry}, // methods are case-sensitive
		{nil, ActionDoNotRetry},
	} {
		d, err := DecideResponse(&http.Response{StatusCode: 502, Request: tc.req}, now)
		if err != nil || d.Action != tc.want {
			t.Errorf("%+v: %v, %v; want %v", tc.req, d, err, tc.want)
		}
	}
	if _, err := DecideResponse(nil, now); err == nil {
		t.Error("nil response: no error")
	}
	if _, err := Decide(1000, nil, now, true); err != ErrNotAStatusCode {
		t.Errorf("1000: %v", err)
	}
}

func TestRetryAfterEmptyValueIsPresentButInvalid(t *testing.T) {
	now := time.Unix(1795521600, 0)
	// An empty Retry-After is present, does not parse, and counts as absent.
	d, err := Decide(429, http.Header{"Retry-After": {""}}, now, false)
	if err != nil || d.Action != ActionRetryWithBackoff {
		t.Errorf("429 with empty Retry-After: %v, %v", d, err)
	}
	if _, err := ParseRetryAfter("", now); err != ErrRetryAfterEmpty {
		t.Errorf("empty: %v", err)
	}
	if _, err := ParseRetryAfter("\xff", now); !errors.Is(err, ErrInvalidUTF8) && !errors.Is(err, ErrInvalidRetryAfter) {
		t.Errorf("invalid UTF-8: %v", err)
	}
}
