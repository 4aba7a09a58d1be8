package dcsstatus

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
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
	"lookups.json":          {run: runLookupVectors},
	"names.json":            {run: runNameVectors},
	"retry_after.json":      {run: runRetryAfterVectors},
	"decisions.json":        {run: runDecisionVectors},
	"methods.json":          {run: runMethodVectors},
	"error_messages.json":   {run: runErrorMessageVectors},
	"http_errors.json":      {run: runHTTPErrorVectors},
	"catalogue.json":        {run: runCatalogueVectors},
	"bodies.json":           {run: runBodyVectors},
	"responses.json":        {run: runResponseVectors},
	"retry_steps.json":      {run: runRetryStepVectors},
	"client_scenarios.json": {run: runClientScenarioVectors},
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

// piece is a text repeated, for long inputs: the vectors' input_pieces and
// body_pieces.
type piece struct {
	Text  string `json:"text"`
	Times int    `json:"times"`
}

// vectorBytes is the input a case gives as exactly one of text, hex or pieces.
func vectorBytes(t *testing.T, text *string, hexText *string, pieces []piece) []byte {
	t.Helper()
	given := 0
	var b []byte
	if text != nil {
		given++
		b = []byte(*text)
	}
	if hexText != nil {
		given++
		var err error
		if b, err = hex.DecodeString(*hexText); err != nil {
			t.Fatal(err)
		}
	}
	if pieces != nil {
		given++
		var buf bytes.Buffer
		for _, p := range pieces {
			buf.WriteString(strings.Repeat(p.Text, p.Times))
		}
		b = buf.Bytes()
	}
	if given != 1 {
		t.Fatalf("the case gives its input %d ways, not 1", given)
	}
	return b
}

// wantText checks a text and its presence against a vector's string or null.
func wantText(t *testing.T, field, got string, has bool, want *string) {
	t.Helper()
	if has != (want != nil) || (want != nil && got != *want) {
		t.Errorf("%s: got %q (present %v), want %v", field, got, has, quotedOrNull(want))
	}
}

func quotedOrNull(s *string) string {
	if s == nil {
		return "null"
	}
	return strconv.Quote(*s)
}

// wantCatalogue checks a catalogue entry against a vector's code or null.
func wantCatalogue(t *testing.T, got *CatalogueEntry, want *string) {
	t.Helper()
	if (got == nil) != (want == nil) || (want != nil && got.Code() != *want) {
		t.Errorf("catalogue: got %v, want %v", got, quotedOrNull(want))
	}
}

// vectorHeaders builds the headers of a case as net/http does (canonical names,
// values in order), and as a hand-made http.Header keeps them (names as
// given); the second is nil when the case spells one name two ways, whose order
// a map does not keep.
func vectorHeaders(pairs [][2]string) (canonical, asGiven http.Header) {
	canonical, asGiven = http.Header{}, http.Header{}
	spelling := map[string]string{}
	for _, p := range pairs {
		canonical.Add(p[0], p[1])
		asGiven[p[0]] = append(asGiven[p[0]], p[1])
		key := http.CanonicalHeaderKey(p[0])
		if s, ok := spelling[key]; ok && s != p[0] {
			asGiven = nil
			break
		}
		spelling[key] = p[0]
	}
	if asGiven == nil {
		canonical = http.Header{}
		for _, p := range pairs {
			canonical.Add(p[0], p[1])
		}
	}
	return canonical, asGiven
}

func runCatalogueVectors(t *testing.T, file string) {
	type catalogueCase struct {
		Note         string  `json:"note"`
		Input        *string `json:"input"`
		InputHex     *string `json:"input_hex"`
		InputPieces  []piece `json:"input_pieces"`
		Code         string  `json:"code"`
		Status       int     `json:"status"`
		Advice       string  `json:"advice"`
		Message      string  `json:"message"`
		Error        string  `json:"error"`
		ErrorMessage *string `json:"error_message"`
	}
	for i, c := range readVectors[catalogueCase](t, file) {
		t.Run(caseName(i, c.Note), func(t *testing.T) {
			code := string(vectorBytes(t, c.Input, c.InputHex, c.InputPieces))
			e, err := LookupErrorCode(code)
			if c.Error != "" {
				wantKind(t, c.Error, err)
				if !errors.Is(err, ErrUnknownErrorCode) || e != nil {
					t.Errorf("got %v, %v", e, err)
				}
				if c.ErrorMessage != nil && err.Error() != *c.ErrorMessage {
					t.Errorf("got  %q\nwant %q", err, *c.ErrorMessage)
				}
				return
			}
			if err != nil {
				t.Fatalf("%v (%s)", err, c.Note)
			}
			if e.Code() != c.Code || int(e.Status().Code()) != c.Status || e.Advice().String() != c.Advice || e.Message() != c.Message {
				t.Errorf("got %s %v %v %q; want %s %d %s %q", e.Code(), e.Status(), e.Advice(), e.Message(), c.Code, c.Status, c.Advice, c.Message)
			}
			// The entry is the catalogue's own, and an HTTPError whose body sent
			// the input matches the entry's code.
			if all := Catalogue(); all[e.Index()] != e {
				t.Errorf("Catalogue()[%d] is not the entry found", e.Index())
			}
			he := &HTTPError{Code: 400, ErrorCode: code, HasErrorCode: true}
			if !errors.Is(he, ErrorCode(c.Code)) {
				t.Errorf("an HTTPError with error code %q does not match ErrorCode(%q)", code, c.Code)
			}
		})
	}
}

func runBodyVectors(t *testing.T, file string) {
	type bodyCase struct {
		Note          string      `json:"note"`
		Body          *string     `json:"body"`
		BodyHex       *string     `json:"body_hex"`
		BodyPieces    []piece     `json:"body_pieces"`
		Headers       [][2]string `json:"headers"`
		ErrorCode     *string     `json:"error_code"`
		ErrorMsg      *string     `json:"error_msg"`
		ErrorExtMsg   *string     `json:"error_ext_msg"`
		BodyRequestID *string     `json:"body_request_id"`
		RequestID     *string     `json:"request_id"`
		CatalogueCode *string     `json:"catalogue_code"`
	}
	now := time.Unix(1795521600, 0)
	for i, c := range readVectors[bodyCase](t, file) {
		t.Run(caseName(i, c.Note), func(t *testing.T) {
			body := vectorBytes(t, c.Body, c.BodyHex, c.BodyPieces)
			b := ParseErrorBody(body)
			wantText(t, "error_code", b.ErrorCode, b.HasErrorCode, c.ErrorCode)
			wantText(t, "error_msg", b.ErrorMsg, b.HasErrorMsg, c.ErrorMsg)
			wantText(t, "error_ext_msg", b.ErrorExtMsg, b.HasErrorExtMsg, c.ErrorExtMsg)
			wantText(t, "body_request_id", b.RequestID, b.HasRequestID, c.BodyRequestID)
			wantCatalogue(t, b.Catalogue, c.CatalogueCode)

			// The same body in a response: the same texts (all are shorter than
			// the error's limit), and the request id resolved with the headers.
			canonical, asGiven := vectorHeaders(c.Headers)
			for _, h := range []http.Header{canonical, asGiven} {
				if h == nil {
					continue
				}
				e, err := HTTPErrorFromResponse(400, h, body, now, false)
				if err != nil {
					t.Fatal(err)
				}
				wantText(t, "request_id", e.RequestID, e.RequestID != "", c.RequestID)
				wantText(t, "the response's error_code", e.ErrorCode, e.HasErrorCode, c.ErrorCode)
				wantText(t, "the response's error_msg", e.ErrorMsg, e.HasErrorMsg, c.ErrorMsg)
				wantText(t, "the response's error_ext_msg", e.ErrorExtMsg, e.HasErrorExtMsg, c.ErrorExtMsg)
				if e.Catalogue != b.Catalogue {
					t.Errorf("the response's catalogue entry %v, the body's %v", e.Catalogue, b.Catalogue)
				}
			}
		})
	}
}

func runResponseVectors(t *testing.T, file string) {
	type responseCase struct {
		Note          string      `json:"note"`
		Code          int64       `json:"code"`
		Headers       [][2]string `json:"headers"`
		Body          *string     `json:"body"`
		BodyHex       *string     `json:"body_hex"`
		BodyPieces    []piece     `json:"body_pieces"`
		Now           int64       `json:"now"`
		Idempotent    bool        `json:"idempotent"`
		Status        int         `json:"status"`
		Kind          string      `json:"kind"`
		RetryAfter    *uint64     `json:"retry_after"`
		RequestID     *string     `json:"request_id"`
		Action        string      `json:"action"`
		Seconds       *uint64     `json:"seconds"`
		ErrorCode     *string     `json:"error_code"`
		ErrorMsg      *string     `json:"error_msg"`
		ErrorExtMsg   *string     `json:"error_ext_msg"`
		CatalogueCode *string     `json:"catalogue_code"`
		Message       string      `json:"message"`
		Error         string      `json:"error"`
	}
	for i, c := range readVectors[responseCase](t, file) {
		t.Run(caseName(i, c.Note), func(t *testing.T) {
			body := vectorBytes(t, c.Body, c.BodyHex, c.BodyPieces)
			header, _ := vectorHeaders(c.Headers)
			now := time.Unix(c.Now, 0)
			e, err := HTTPErrorFromResponse(int(c.Code), header, body, now, c.Idempotent)

			// The same through CheckResponse, for a method as idempotent as the
			// case's request; it reads only error statuses.
			method := http.MethodPost
			if c.Idempotent {
				method = http.MethodPut
			}
			resp := &http.Response{StatusCode: int(c.Code), Header: header, Request: &http.Request{Method: method},
				Body: io.NopCloser(bytes.NewReader(body)), ContentLength: -1}
			checked := CheckResponseAt(resp, now)

			if c.Error != "" {
				wantKind(t, c.Error, err)
				wantKind(t, c.Error, checked)
				if e != nil || err.Error() != c.Message {
					t.Errorf("got %v, %q; want %q", e, err, c.Message)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if e.Error() != c.Message {
				t.Errorf("got  %q\nwant %q (%s)", e, c.Message, c.Note)
			}
			if int(e.Status.Code()) != c.Status || e.Kind.String() != c.Kind || e.Code != Code(c.Code) {
				t.Errorf("status %v, kind %v; want %d, %s", e.Status, e.Kind, c.Status, c.Kind)
			}
			if e.HasRetryAfter != (c.RetryAfter != nil) || (c.RetryAfter != nil && e.RetryAfter != secondsToDuration(*c.RetryAfter)) {
				t.Errorf("Retry-After %v (%v), want %v", e.RetryAfter, e.HasRetryAfter, c.RetryAfter)
			}
			want := Decision{}
			for a := range actionNames {
				if actionNames[a] == c.Action {
					want.Action = Action(a)
				}
			}
			if c.Seconds != nil {
				want.Delay = secondsToDuration(*c.Seconds)
			}
			if want.Action == 0 || e.Decision != want {
				t.Errorf("decision %v, want %s %v", e.Decision, c.Action, c.Seconds)
			}
			wantText(t, "request_id", e.RequestID, e.RequestID != "", c.RequestID)
			wantText(t, "error_code", e.ErrorCode, e.HasErrorCode, c.ErrorCode)
			wantText(t, "error_msg", e.ErrorMsg, e.HasErrorMsg, c.ErrorMsg)
			wantText(t, "error_ext_msg", e.ErrorExtMsg, e.HasErrorExtMsg, c.ErrorExtMsg)
			wantCatalogue(t, e.Catalogue, c.CatalogueCode)

			var ce *HTTPError
			switch {
			case !e.Status.IsError():
				if checked != nil {
					t.Errorf("CheckResponse of %d: %v", c.Code, checked)
				}
			case !errors.As(checked, &ce):
				t.Errorf("CheckResponse: %v", checked)
			case ce.Error() != e.Error() || ce.Decision != e.Decision || ce.RequestID != e.RequestID ||
				ce.ErrorCode != e.ErrorCode || ce.Catalogue != e.Catalogue:
				t.Errorf("CheckResponse: %+v\nHTTPErrorFromResponse: %+v", ce, e)
			}
			// The caller still reads the whole body.
			if got, err := io.ReadAll(resp.Body); err != nil || !bytes.Equal(got, body) {
				t.Errorf("the body read after CheckResponse: %d bytes, %v; want %d", len(got), err, len(body))
			}
			if c.CatalogueCode != nil && !errors.Is(e, ErrorCode(*c.CatalogueCode)) {
				t.Errorf("does not match ErrorCode(%q)", *c.CatalogueCode)
			}
		})
	}
}
