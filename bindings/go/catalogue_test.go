package dcsstatus

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// cli runs the dcs-status command with args: $DCS_STATUS_CLI, or the release
// build in target/ (see cliJSON).
func cli(t *testing.T, args ...string) []byte {
	t.Helper()
	path := os.Getenv("DCS_STATUS_CLI")
	if path == "" {
		path = filepath.Join(repoRoot, "target", "release", "dcs-status")
	}
	out, err := exec.Command(path, args...).Output()
	if err != nil {
		t.Fatalf("%s %s: %v", path, strings.Join(args, " "), err)
	}
	return out
}

// The catalogue export of `dcs-status errors --json`, the canonical form of the
// catalogue, one object per entry in document order.
type exportedEntry struct {
	Code        string `json:"code"`
	Status      int    `json:"status"`
	Message     string `json:"message"`
	Description string `json:"description"`
	Solution    string `json:"solution"`
	Advice      string `json:"advice"`
}

func TestGoViewOfCatalogueMatchesCLIErrorsJSON(t *testing.T) {
	var want []exportedEntry
	if err := json.Unmarshal(cli(t, "errors", "--json"), &want); err != nil {
		t.Fatal(err)
	}
	got := Catalogue()
	if len(got) != len(want) || len(got) == 0 {
		t.Fatalf("Go has %d entries, the CLI %d", len(got), len(want))
	}
	for i, w := range want {
		e := got[i]
		g := exportedEntry{e.Code(), int(e.Status().Code()), e.Message(), e.Description(), e.Solution(), e.Advice().String()}
		if g != w || e.Index() != i {
			t.Errorf("entry %d (index %d):\n go: %+v\ncli: %+v", i, e.Index(), g, w)
		}
	}
}

// LookupErrorCode finds a code spelled as the catalogue writes it in Go: the core's
// lookup must give the same entry for each, and for each in lower case (which only
// the core reads).
func TestEveryCodeFindsItsEntryInGoAndInTheCore(t *testing.T) {
	for _, e := range Catalogue() {
		if got, err := LookupErrorCode(e.Code()); err != nil || got != e {
			t.Errorf("LookupErrorCode(%q) = %v, %v", e.Code(), got, err)
		}
		if got, r := catalogueLookup(e.Code()); r != resultOK || got != e {
			t.Errorf("the core's lookup of %q = %v, result %d", e.Code(), got, r)
		}
		lower := strings.ToLower(e.Code())
		if got, err := LookupErrorCode(" " + lower + "\t"); err != nil || got != e {
			t.Errorf("LookupErrorCode(%q) = %v, %v", lower, got, err)
		}
		if e.Status().Code() == 0 || !e.Status().IsValid() || e.Advice().String() == "" || e.Message() == "" {
			t.Errorf("%s: %v %v %q", e, e.Status(), e.Advice(), e.Message())
		}
	}
}

func TestCatalogueReturnsANewSliceEachTime(t *testing.T) {
	a := Catalogue()
	a[0] = nil
	if b := Catalogue(); b[0] == nil || b[0].Index() != 0 {
		t.Fatal("Catalogue shares its slice")
	}
}

func TestUnknownErrorCodeIsAnInputErrorQuotingAtMost64Characters(t *testing.T) {
	for _, code := range []string{"", "DCS.9999", "DCS-4855", "DCS.4855\x00", "\xff\xfe", strings.Repeat("x", 4<<20)} {
		e, err := LookupErrorCode(code)
		var ie *InputError
		if e != nil || !errors.Is(err, ErrUnknownErrorCode) || !errors.As(err, &ie) || ie.Kind != ErrUnknownErrorCode {
			t.Fatalf("%.20q: %v, %#v", code, e, err)
		}
		if !strings.HasPrefix(err.Error(), "unknown DCS error code ") || len(err.Error()) > maxMessage {
			t.Errorf("%.20q: %d bytes: %.200q", code, len(err.Error()), err)
		}
	}
	if ErrUnknownErrorCode.String() != "unknown_error_code" {
		t.Errorf("%q", ErrUnknownErrorCode.String())
	}
}

func TestNilCatalogueEntryHasZeroValues(t *testing.T) {
	var e *CatalogueEntry
	if e.Code() != "" || e.Status().IsValid() || e.Advice() != 0 || e.Index() != 0 || e.Message() != "" ||
		e.Description() != "" || e.Solution() != "" || e.String() != "" {
		t.Fatal("a nil entry has values")
	}
	if !strings.HasPrefix(e.Explain(), `unknown DCS error code "":`) {
		t.Errorf("Explain: %q", e.Explain())
	}
}

func TestExplainIsWhatTheCLIPrints(t *testing.T) {
	for _, code := range []string{"DCS.4111", "111400017", "DCS.4855"} {
		e, err := LookupErrorCode(code)
		if err != nil {
			t.Fatal(err)
		}
		if want := string(cli(t, code)); e.Explain() != want {
			t.Errorf("%s:\n got %q\nwant %q", code, e.Explain(), want)
		}
	}
}

func TestErrorAdviceHasTheCoresNames(t *testing.T) {
	seen := map[string]bool{}
	for a := ErrorAdviceRetryLater; a <= ErrorAdviceUnspecified; a++ {
		if a.String() == "" || strings.HasPrefix(a.String(), "ErrorAdvice(") || seen[a.String()] {
			t.Errorf("%d: %q", a, a.String())
		}
		seen[a.String()] = true
	}
	if ErrorAdviceRetryLater.String() != "retry_later" || ErrorAdvice(0).String() != "ErrorAdvice(0)" || ErrorAdvice(99).String() != "ErrorAdvice(99)" {
		t.Errorf("%q %q %q", ErrorAdviceRetryLater, ErrorAdvice(0), ErrorAdvice(99))
	}
	// Every entry's advice is one of them.
	for _, e := range Catalogue() {
		if !seen[e.Advice().String()] {
			t.Errorf("%s: advice %v", e, e.Advice())
		}
	}
}

func TestErrorCodeMatchesByTheCoresLookup(t *testing.T) {
	e, err := HTTPErrorFromResponse(400, nil, []byte(`{"error_code":"DCS.4111","error_msg":"m"}`), timeZero, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		code  ErrorCode
		match bool
	}{
		{"DCS.4111", true}, {"dcs.4111", true}, {" DCS. 4111 ", true},
		{"DCS.4202", false}, {"DCS.411", false}, {"", false}, {"APIGW.0308", false},
	} {
		if errors.Is(e, tc.code) != tc.match {
			t.Errorf("errors.Is(DCS.4111, ErrorCode(%q)) is not %v", tc.code, tc.match)
		}
	}
	if ErrorCode("DCS.4111").Error() != "DCS.4111" {
		t.Errorf("%q", ErrorCode("DCS.4111").Error())
	}

	// A code the catalogue lacks matches only as sent.
	gw, _ := HTTPErrorFromResponse(429, nil, []byte(`{"error_code":"APIGW.0308","error_msg":"m"}`), timeZero, false)
	if !errors.Is(gw, ErrorCode("APIGW.0308")) || errors.Is(gw, ErrorCode("apigw.0308")) || errors.Is(gw, ErrorCode("DCS.4111")) {
		t.Error("APIGW.0308")
	}
	// No code: nothing matches, not even the empty code.
	none, _ := HTTPErrorFromResponse(500, nil, []byte(`{"error_code":"","error_msg":"m"}`), timeZero, false)
	if !none.HasErrorCode || errors.Is(none, ErrorCode("")) {
		t.Error("an empty code matches")
	}
	// Made by hand with only ErrorCode: matched as HTTPErrorFromResponse's would be.
	if !errors.Is(&HTTPError{Code: 400, ErrorCode: "dcs. 4111"}, ErrorCode("DCS.4111")) {
		t.Error("a hand-made HTTPError does not match its code")
	}
	// Through a wrapper, and beside the status's sentinels.
	wrapped := errors.Join(errors.New("creating the instance"), e)
	if !errors.Is(wrapped, ErrorCode("DCS.4111")) || !errors.Is(wrapped, ErrBadRequest) {
		t.Error("a wrapped HTTPError does not match")
	}
}
