package dcsstatus

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The shared test vectors, tests/vectors/*.json, which every language runs: one
// runner per file, one subtest per case.

// vectorsDir is where the shared vectors are, from this package's directory.
var vectorsDir = filepath.Join(repoRoot, "tests", "vectors")

// vectorRunners has a runner for every file of tests/vectors; nil means the Go
// package has nothing to run it against yet, and says why.
var vectorRunners = map[string]struct {
	run     func(t *testing.T, file string)
	skipped string
}{
	"lookups.json":        {run: runLookupVectors},
	"names.json":          {run: runNameVectors},
	"retry_after.json":    {run: runRetryAfterVectors},
	"decisions.json":      {run: runDecisionVectors},
	"methods.json":        {run: runMethodVectors},
	"error_messages.json": {run: runErrorMessageVectors},
	"http_errors.json":    {run: runHTTPErrorVectors},
	"catalogue.json":      {skipped: "the C API has no error catalogue yet (issue 9)"},
	"bodies.json":         {skipped: "the C API has no error-body parser yet (issue 9)"},
}

func TestVectors(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(vectorsDir, "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no vectors in %s: %v", vectorsDir, err)
	}
	for _, path := range files {
		file := filepath.Base(path)
		t.Run(strings.TrimSuffix(file, ".json"), func(t *testing.T) {
			r, ok := vectorRunners[file]
			switch {
			case !ok:
				t.Fatalf("no Go runner for tests/vectors/%s: add one to vectorRunners", file)
			case r.run == nil:
				t.Skip(r.skipped)
			default:
				r.run(t, file)
			}
		})
	}
}

// readVectors decodes the cases of a vectors file, rejecting keys the case type
// lacks, and fails when there are none.
func readVectors[C any](t testing.TB, file string) []C {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(vectorsDir, file))
	if err != nil {
		t.Fatal(err)
	}
	var wrapper struct {
		About string          `json:"about"`
		Cases json.RawMessage `json:"cases"`
	}
	if err := json.Unmarshal(data, &wrapper); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	dec := json.NewDecoder(bytes.NewReader(wrapper.Cases))
	dec.DisallowUnknownFields()
	var cases []C
	if err := dec.Decode(&cases); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	if len(cases) == 0 {
		t.Fatalf("%s: no cases", file)
	}
	return cases
}

// caseName names a subtest by the case's number and a short form of its input.
func caseName(i int, input any) string {
	s := fmt.Sprint(input)
	if len(s) > 40 {
		s = s[:40] + "..."
	}
	return fmt.Sprintf("%03d %q", i, s)
}

// kindNamed is the ErrorKind the core names name ("unknown_name", ...).
func kindNamed(t *testing.T, name string) ErrorKind {
	t.Helper()
	for k := range resultNames {
		if k > 0 && resultNames[k] == name {
			return ErrorKind(k)
		}
	}
	t.Fatalf("the core has no error kind %q", name)
	return 0
}

// wantKind checks that err is an *InputError of the kind the vectors name.
func wantKind(t *testing.T, name string, err error) {
	t.Helper()
	kind := kindNamed(t, name)
	var e *InputError
	if !errors.As(err, &e) || e.Kind != kind || !errors.Is(err, kind) {
		t.Errorf("got error %v, want an *InputError of kind %s", err, name)
	}
}

func runLookupVectors(t *testing.T, file string) {
	type lookupCase struct {
		Code   int64  `json:"code"`
		Kind   string `json:"kind"`
		Class  string `json:"class"`
		Status int    `json:"status"`
		Error  string `json:"error"`
	}
	for i, c := range readVectors[lookupCase](t, file) {
		t.Run(caseName(i, c.Code), func(t *testing.T) {
			code := int(c.Code)
			r, err := Lookup(code)
			class, classErr := ClassOf(code)
			s, documented := Get(code)
			if c.Error != "" {
				wantKind(t, c.Error, err)
				wantKind(t, c.Error, classErr)
				if documented || Text(code) != "" || Phrase(code) != "" {
					t.Errorf("Get/Text/Phrase answer for a non-status code")
				}
				return
			}
			if err != nil || classErr != nil {
				t.Fatalf("%v, %v", err, classErr)
			}
			if r.Code != Code(code) || r.Kind.String() != c.Kind || r.Class.String() != c.Class ||
				int(r.Status.Code()) != c.Status || class != r.Class {
				t.Errorf("got %v %v %v (ClassOf %v), want %s %s %d", r.Kind, r.Class, r.Status.Code(), class, c.Kind, c.Class, c.Status)
			}
			if documented != (r.Kind == LookupKindDocumented) || (documented && s != r.Status) {
				t.Errorf("Get = %v, %v", s, documented)
			}
			if Phrase(code) != r.Status.Phrase() {
				t.Errorf("Phrase = %q", Phrase(code))
			}
		})
	}
}

func runNameVectors(t *testing.T, file string) {
	type nameCase struct {
		Name  string `json:"name"`
		Code  int    `json:"code"`
		Error string `json:"error"`
	}
	for i, c := range readVectors[nameCase](t, file) {
		t.Run(caseName(i, c.Name), func(t *testing.T) {
			s, err := FromName(c.Name)
			if c.Error != "" {
				wantKind(t, c.Error, err)
				return
			}
			if err != nil || int(s.Code()) != c.Code {
				t.Errorf("got %v, %v; want %d", s, err, c.Code)
			}
		})
	}
}

func runRetryAfterVectors(t *testing.T, file string) {
	type retryAfterCase struct {
		Value   string  `json:"value"`
		Now     int64   `json:"now"`
		Seconds *uint64 `json:"seconds"`
		Error   string  `json:"error"`
		Note    string  `json:"note"`
	}
	for i, c := range readVectors[retryAfterCase](t, file) {
		t.Run(caseName(i, c.Value), func(t *testing.T) {
			d, err := ParseRetryAfter(c.Value, time.Unix(c.Now, 0))
			if c.Error != "" {
				wantKind(t, c.Error, err)
				kind := kindNamed(t, c.Error)
				if errors.Is(err, ErrInvalidRetryAfter) != kind.IsRetryAfter() {
					t.Errorf("errors.Is(%v, ErrInvalidRetryAfter) is not %v", err, kind.IsRetryAfter())
				}
				return
			}
			if c.Seconds == nil {
				t.Fatal("a case with neither seconds nor error")
			}
			// The core's seconds exactly (beyond what a Duration holds, too).
			if seconds, r := parseRetryAfterSeconds(c.Value, c.Now); r != resultOK || seconds != *c.Seconds {
				t.Errorf("core: %d seconds (result %d), want %d (%s)", seconds, r, *c.Seconds, c.Note)
			}
			if err != nil || d != secondsToDuration(*c.Seconds) {
				t.Errorf("got %v, %v; want %d s", d, err, *c.Seconds)
			}
		})
	}
}

func runDecisionVectors(t *testing.T, file string) {
	type decisionCase struct {
		Code       int64   `json:"code"`
		RetryAfter *string `json:"retry_after"`
		Now        int64   `json:"now"`
		Idempotent bool    `json:"idempotent"`
		Action     string  `json:"action"`
		Seconds    *uint64 `json:"seconds"`
		Text       string  `json:"text"`
		Error      string  `json:"error"`
		Note       string  `json:"note"`
	}
	for i, c := range readVectors[decisionCase](t, file) {
		t.Run(caseName(i, c.Code), func(t *testing.T) {
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
				wantKind(t, c.Error, err)
				wantKind(t, c.Error, errR)
				return
			}
			if err != nil || errR != nil {
				t.Fatalf("%v, %v", err, errR)
			}
			want := Decision{}
			for a := range actionNames {
				if actionNames[a] == c.Action {
					want.Action = Action(a)
				}
			}
			if want.Action == 0 {
				t.Fatalf("the core has no action %q", c.Action)
			}
			if c.Seconds != nil {
				want.Delay = secondsToDuration(*c.Seconds)
			}
			if d != want || dr != want {
				t.Errorf("Retry-After %v, idempotent %v: Decide %v, DecideResponse %v; want %v (%s)",
					c.RetryAfter, c.Idempotent, d, dr, want, c.Note)
			}
			if d.String() != c.Text {
				t.Errorf("String() = %q, want %q", d.String(), c.Text)
			}
		})
	}
}

func runMethodVectors(t *testing.T, file string) {
	type methodCase struct {
		Method     string `json:"method"`
		Idempotent bool   `json:"idempotent"`
		Note       string `json:"note"`
	}
	now := time.Unix(1795521600, 0)
	for i, c := range readVectors[methodCase](t, file) {
		t.Run(caseName(i, c.Method), func(t *testing.T) {
			if got := MethodIsIdempotent(c.Method); got != c.Idempotent {
				t.Errorf("MethodIsIdempotent = %v, want %v (%s)", got, c.Idempotent, c.Note)
			}
			if c.Method == "" {
				return // net/http reads a request without a method as a GET
			}
			// 502 is retried with backoff exactly when the request is idempotent.
			resp := &http.Response{StatusCode: StatusBadGateway, Request: &http.Request{Method: c.Method}}
			d, err := DecideResponse(resp, now)
			if err != nil || d.ShouldRetry() != c.Idempotent {
				t.Errorf("DecideResponse(502, %s) = %v, %v", c.Method, d, err)
			}
		})
	}
}

func runErrorMessageVectors(t *testing.T, file string) {
	type messageCase struct {
		Error   string `json:"error"`
		Input   string `json:"input"`
		Message string `json:"message"`
		Note    string `json:"note"`
	}
	now := time.Unix(1795521600, 0)
	for i, c := range readVectors[messageCase](t, file) {
		t.Run(caseName(i, c.Error+" "+c.Input), func(t *testing.T) {
			kind := kindNamed(t, c.Error)
			if got := errorMessage(kind, c.Input); got != c.Message {
				t.Fatalf("got  %q\nwant %q (%s)", got, c.Message, c.Note)
			}
			// Where a function of the package makes this error, its message.
			var err error
			switch {
			case kind == ErrUnknownName:
				_, err = FromName(c.Input)
			case kind.IsRetryAfter():
				_, err = ParseRetryAfter(c.Input, now)
			case kind == ErrNotAStatusCode:
				if n, convErr := strconv.Atoi(c.Input); convErr == nil {
					_, err = Lookup(n)
				}
			}
			if err != nil && err.Error() != c.Message {
				t.Errorf("the function's error: got %q, want %q", err, c.Message)
			}
		})
	}
}

func runHTTPErrorVectors(t *testing.T, file string) {
	type httpErrorCase struct {
		Code       int     `json:"code"`
		RetryAfter *string `json:"retry_after"`
		RequestID  *string `json:"request_id"`
		Now        int64   `json:"now"`
		Idempotent bool    `json:"idempotent"`
		Message    string  `json:"message"`
		Note       string  `json:"note"`
	}
	for i, c := range readVectors[httpErrorCase](t, file) {
		t.Run(caseName(i, c.Code), func(t *testing.T) {
			h := http.Header{}
			if c.RetryAfter != nil {
				h.Set("Retry-After", *c.RetryAfter)
			}
			if c.RequestID != nil {
				if *c.RequestID == "" {
					t.Fatal("an empty request id reads as none in Go (http.Header.Get)")
				}
				h.Set("X-Request-Id", *c.RequestID)
			}
			method := http.MethodPost
			if c.Idempotent {
				method = http.MethodPut
			}
			resp := &http.Response{StatusCode: c.Code, Header: h, Request: &http.Request{Method: method}}
			err := CheckResponseAt(resp, time.Unix(c.Now, 0))
			var e *HTTPError
			if !errors.As(err, &e) {
				t.Fatalf("got %v, want an *HTTPError", err)
			}
			if err.Error() != c.Message {
				t.Errorf("got  %q\nwant %q (%s)", err, c.Message, c.Note)
			}
			if (c.RetryAfter == nil) != (e.RetryAfterHeader == "") || (c.RetryAfter != nil && e.RetryAfterHeader != *c.RetryAfter) {
				t.Errorf("RetryAfterHeader = %q, want %v", e.RetryAfterHeader, c.RetryAfter)
			}
		})
	}
}
