package dcsstatus

import (
	"bytes"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dcs-status/dcs-status/bindings/go/internal/gen"
)

// repoRoot is the repository's root, two levels above this package.
const repoRoot = "../.."

// cliJSON runs `dcs-status list --json`: $DCS_STATUS_CLI, or the release build
// of the CLI in target/ (cargo build --release -p dcs-status-cli).
func cliJSON(t *testing.T) []byte {
	t.Helper()
	cli := os.Getenv("DCS_STATUS_CLI")
	if cli == "" {
		cli = filepath.Join(repoRoot, "target", "release", "dcs-status")
	}
	if _, err := os.Stat(cli); err != nil {
		t.Fatalf("no dcs-status CLI at %s (build it: cargo build --release -p dcs-status-cli, or set DCS_STATUS_CLI): %v", cli, err)
	}
	out, err := exec.Command(cli, "list", "--json").Output()
	if err != nil {
		t.Fatalf("%s list --json: %v", cli, err)
	}
	return out
}

// isErrorClass is gen.ClassIsError answered by this package (the core).
func isErrorClass(name string) (bool, error) {
	for c := range classNames {
		if classNames[c] == name && name != "" {
			return Class(c).IsError(), nil
		}
	}
	return false, fmt.Errorf("no class %q", name)
}

func TestGoViewOfTableMatchesCLIListJSON(t *testing.T) {
	want, err := gen.Parse(cliJSON(t))
	if err != nil {
		t.Fatal(err)
	}
	got := Statuses()
	if len(got) != len(want) {
		t.Fatalf("Go has %d entries, the CLI %d", len(got), len(want))
	}
	for i, w := range want {
		s := got[i]
		g := gen.Entry{
			Code: int(s.Code()), Name: s.Name(), Ident: s.Ident(), Phrase: s.Phrase(),
			Class: s.Class().String(), Retry: s.RetryAdvice().String(), Description: s.Description(),
		}
		if g != w {
			t.Errorf("entry %d:\n go: %+v\ncli: %+v", i, g, w)
		}
	}
}

func TestGeneratedFilesAreFresh(t *testing.T) {
	const hint = "run `go generate` in bindings/go (after cargo build --release -p dcs-status-ffi -p dcs-status-cli)"
	for _, tc := range []struct {
		file string
		make func() ([]byte, error)
	}{
		{"zz_generated.go", func() ([]byte, error) { return gen.Generate(cliJSON(t), isErrorClass) }},
		{"link_static.go", func() ([]byte, error) {
			libs, err := os.ReadFile(filepath.Join(repoRoot, "bindings", "c", "native-static-libs.txt"))
			if err != nil {
				return nil, err
			}
			return gen.LinkStatic(libs)
		}},
	} {
		want, err := tc.make()
		if err != nil {
			t.Fatalf("%s: %v", tc.file, err)
		}
		got, err := os.ReadFile(tc.file)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale: %s", tc.file, hint)
		}
	}
}

func TestConstantsNameTheirEntriesAndIANAPhrases(t *testing.T) {
	for _, tc := range []struct {
		code  int
		ident string
	}{
		{StatusOK, "OK"},
		{StatusNotFound, "NOT_FOUND"},
		{StatusTooManyRequests, "TOO_MANY_REQUESTS"},
		{StatusServerTimeout, "SERVER_TIMEOUT"},
		{StatusGatewayTimeout, "SERVER_TIMEOUT"},
		{StatusHTTPVersionNotSupported, "HTTP_VERSION_NOT_SUPPORTED"},
		{StatusContentTooLarge, "REQUEST_ENTITY_TOO_LARGE"},
		{StatusRequestTimeout, "REQUEST_TIME_OUT"},
	} {
		s, ok := Get(tc.code)
		if !ok || s.Ident() != tc.ident {
			t.Errorf("%d: got %q, %v; want %q", tc.code, s.Ident(), ok, tc.ident)
		}
	}
	if ErrGatewayTimeout != ErrServerTimeout {
		t.Error("ErrGatewayTimeout is not ErrServerTimeout")
	}
	// Untyped, as net/http's: they compare with resp.StatusCode directly.
	resp := &http.Response{StatusCode: http.StatusGatewayTimeout}
	if resp.StatusCode != StatusGatewayTimeout || Code(resp.StatusCode) != StatusServerTimeout {
		t.Error("constants do not compare with an int and a Code")
	}
}

func TestEveryPhraseNamesItsEntry(t *testing.T) {
	// The IANA aliases are named from the phrases: the core must read each
	// phrase as its own entry.
	for _, s := range Statuses() {
		if got, err := FromName(s.Phrase()); err != nil || got != s {
			t.Errorf("FromName(%q) = %v, %v; want %v", s.Phrase(), got, err, s)
		}
	}
}

func TestLibraryVersionMatchesHeader(t *testing.T) {
	if Version() != headerVersion {
		t.Fatalf("library %q, header %q", Version(), headerVersion)
	}
}

func TestStatusMethodsAndStrings(t *testing.T) {
	s, ok := Get(504)
	if !ok {
		t.Fatal("504 not found")
	}
	if s.String() != "504 Gateway Timeout" || s.Name() != "ServerTimeout" || s.Phrase() != "Gateway Timeout" {
		t.Errorf("504: %q %q %q", s, s.Name(), s.Phrase())
	}
	if s.Class() != ClassServerError || !s.IsServerError() || !s.IsError() || s.IsClientError() {
		t.Errorf("504: class %v", s.Class())
	}
	if s.Class().String() != "server_error" || s.RetryAdvice().String() != "unspecified" {
		t.Errorf("504: %v %v", s.Class(), s.RetryAdvice())
	}
	if ok, _ := Get(200); ok.IsError() || !ok.IsSuccess() {
		t.Error("200 is an error")
	}
	if Code(404).String() != "404 Not Found" || Code(418).String() != "418" {
		t.Errorf("Code.String: %q %q", Code(404), Code(418))
	}
	var zero Status
	if zero.IsValid() || zero.String() != "" || zero.Code() != 0 || zero.Class() != 0 || zero.IsError() || zero.RetryAdvice() != 0 {
		t.Error("zero Status is not empty")
	}
}

func TestTextAgreesWithNetHTTPStatusText(t *testing.T) {
	for code := -2; code < 1100; code++ {
		s, ok := Get(code)
		text := Text(code)
		if ok != (text != "") || (ok && text != s.Phrase()) {
			t.Fatalf("Text(%d) = %q, Get = %v, %v", code, text, s, ok)
		}
		// Where net/http has a phrase for a code of the table, it is the same
		// phrase, or an older one the core reads as the same entry ("Request
		// Entity Too Large" for 413's "Content Too Large").
		theirs := http.StatusText(code)
		if !ok || theirs == "" || theirs == text {
			continue
		}
		if got, err := FromName(theirs); err != nil || got != s {
			t.Errorf("%d: net/http says %q, the table %q, and FromName(%q) = %v, %v", code, theirs, text, theirs, got, err)
		}
	}
	if Text(418) != "" || Text(404) != http.StatusText(404) || Text(0) != "" {
		t.Fatal("Text")
	}
	if Phrase(418) != "Bad Request" || Phrase(600) != "Internal Server Error" || Phrase(99) != "" {
		t.Fatal("Phrase")
	}
}

func TestStatusesAreInCodeOrderAndGetFindsEachOne(t *testing.T) {
	all := Statuses()
	if len(all) == 0 {
		t.Fatal("no entries")
	}
	for i, s := range all {
		if i > 0 && all[i-1].Code() >= s.Code() {
			t.Fatalf("not in code order at %d", i)
		}
		if got, ok := Get(int(s.Code())); !ok || got != s {
			t.Fatalf("Get(%d) = %v, %v", s.Code(), got, ok)
		}
		if got, err := FromName(s.Ident()); err != nil || got != s {
			t.Fatalf("FromName(%q) = %v, %v", s.Ident(), got, err)
		}
	}
}

func TestLookupResultIsErrorFollowsTheClass(t *testing.T) {
	for code := lowestCode; code < highestEnd; code++ {
		r, err := Lookup(code)
		if err != nil {
			t.Fatal(err)
		}
		if r.IsError() != r.Class.IsError() || r.IsError() != (code >= 400) {
			t.Fatalf("%d: IsError %v, class %v", code, r.IsError(), r.Class)
		}
	}
}

func TestFromNameErrorsQuoteTheName(t *testing.T) {
	_, err := FromName("")
	if !strings.HasPrefix(fmt.Sprint(err), `unknown status name "":`) {
		t.Errorf("empty: %v", err)
	}
	_, err = FromName("not\xfffound")
	if want := `"not\xfffound": the text is not valid UTF-8`; fmt.Sprint(err) != want {
		t.Errorf("invalid UTF-8: got %q, want %q", err, want)
	}
}
