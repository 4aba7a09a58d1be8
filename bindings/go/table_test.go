package dcsstatus

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dcs-status/dcs-status/bindings/go/internal/gen"
)

// repoRoot is the repository's root, two levels above this package.
const repoRoot = "../.."

// canonicalJSON writes the Go view of the table in the canonical JSON form of
// crates/dcs-status/src/json.rs: one object per line, keys in order, no spaces,
// `"`, `\` and control characters escaped, everything else as it is.
func canonicalJSON(statuses []Status) string {
	var b strings.Builder
	b.WriteString("[\n")
	for i, s := range statuses {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `{"code":%d,"name":`, s.Code())
		jsonString(&b, s.Name())
		b.WriteString(`,"ident":`)
		jsonString(&b, s.Ident())
		b.WriteString(`,"phrase":`)
		jsonString(&b, s.Phrase())
		b.WriteString(`,"class":`)
		jsonString(&b, s.Class().String())
		b.WriteString(`,"retry":`)
		jsonString(&b, s.Retry().String())
		b.WriteString(`,"description":`)
		jsonString(&b, s.Description())
		b.WriteString("}")
	}
	b.WriteString("\n]\n")
	return b.String()
}

func jsonString(b *strings.Builder, s string) {
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"':
			b.WriteString(`\"`)
		case c == '\\':
			b.WriteString(`\\`)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c == '\t':
			b.WriteString(`\t`)
		case c < 0x20:
			fmt.Fprintf(b, `\u%04x`, c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
}

func TestCanonicalJSONEscapesQuotesBackslashesAndControls(t *testing.T) {
	var b strings.Builder
	jsonString(&b, "a\"b\\c\nd\x01é")
	if got, want := b.String(), `"a\"b\\c\nd\u0001é"`; got != want {
		t.Fatalf("got %s, want %s", got, want)
	}
}

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

func TestGoViewOfTableMatchesCLIListJSONByteForByte(t *testing.T) {
	want := cliJSON(t)
	got := []byte(canonicalJSON(Statuses()))
	if !bytes.Equal(got, want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) && i < len(wl); i++ {
			if gl[i] != wl[i] {
				t.Fatalf("line %d differs:\n go: %s\ncli: %s", i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("lengths differ: go %d lines, cli %d lines", len(gl), len(wl))
	}
}

func TestGeneratedConstantsAreFreshFromTheTable(t *testing.T) {
	want, err := gen.Generate([]byte(canonicalJSON(Statuses())))
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("zz_generated.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("zz_generated.go is stale: run `go generate` in bindings/go (after cargo build --release -p dcs-status-ffi)")
	}
}

func TestConstantsNameTheirEntries(t *testing.T) {
	for _, tc := range []struct {
		code  Code
		ident string
	}{
		{StatusOK, "OK"},
		{StatusNotFound, "NOT_FOUND"},
		{StatusTooManyRequests, "TOO_MANY_REQUESTS"},
		{StatusServerTimeout, "SERVER_TIMEOUT"},
		{StatusHTTPVersionNotSupported, "HTTP_VERSION_NOT_SUPPORTED"},
	} {
		s, ok := tc.code.Status()
		if !ok || s.Ident() != tc.ident {
			t.Errorf("%d: got %q, %v; want %q", tc.code, s.Ident(), ok, tc.ident)
		}
	}
}

func TestLibraryVersionMatchesHeader(t *testing.T) {
	if Version() != headerVersion {
		t.Fatalf("library %q, header %q", Version(), headerVersion)
	}
}

func TestStatusMethodsAndStrings(t *testing.T) {
	s, ok := Lookup(504)
	if !ok {
		t.Fatal("504 not found")
	}
	if s.String() != "504 Gateway Timeout" || s.Name() != "ServerTimeout" || s.Phrase() != "Gateway Timeout" {
		t.Errorf("504: %q %q %q", s, s.Name(), s.Phrase())
	}
	if s.Class() != ClassServerError || !s.IsServerError() || !s.IsError() || s.IsClientError() {
		t.Errorf("504: class %v", s.Class())
	}
	if s.Class().String() != "server_error" || s.Retry().String() != "unspecified" {
		t.Errorf("504: %v %v", s.Class(), s.Retry())
	}
	if Code(404).String() != "404 Not Found" || Code(418).String() != "418" {
		t.Errorf("Code.String: %q %q", Code(404), Code(418))
	}
	var zero Status
	if zero.IsValid() || zero.String() != "" || zero.Code() != 0 || zero.Class() != 0 || zero.IsError() {
		t.Error("zero Status is not empty")
	}
	if Class(9).String() != "Class(9)" || Action(0).String() != "Action(0)" || Kind(-1).String() != "Kind(-1)" || RetryAdvice(6).String() != "RetryAdvice(6)" {
		t.Error("unknown enum values")
	}
	if KindUnrecognized.String() != "unrecognized" || ActionRetryWithBackoff.String() != "retry_with_backoff" {
		t.Error("enum names")
	}
}

func TestTextMatchesNetHTTPOnlyForDocumentedCodes(t *testing.T) {
	for code := -2; code < 1100; code++ {
		s, ok := Lookup(code)
		if got := Text(code); ok != (got != "") || (ok && got != s.Phrase()) {
			t.Fatalf("Text(%d) = %q, Lookup = %v, %v", code, got, s, ok)
		}
	}
	if Text(418) != "" || Text(404) != "Not Found" || Text(0) != "" {
		t.Fatal("Text")
	}
	if Phrase(418) != "Bad Request" || Phrase(600) != "Internal Server Error" || Phrase(99) != "" {
		t.Fatal("Phrase")
	}
}

func TestStatusesAreInCodeOrderAndLookupFindsEachOne(t *testing.T) {
	all := Statuses()
	if len(all) != 42 {
		t.Fatalf("%d entries", len(all))
	}
	for i, s := range all {
		if i > 0 && all[i-1].Code() >= s.Code() {
			t.Fatalf("not in code order at %d", i)
		}
		if got, ok := Lookup(int(s.Code())); !ok || got != s {
			t.Fatalf("Lookup(%d) = %v, %v", s.Code(), got, ok)
		}
		if got, err := FromName(s.Ident()); err != nil || got != s {
			t.Fatalf("FromName(%q) = %v, %v", s.Ident(), got, err)
		}
	}
}

func TestFromNameOfEmptyAndInvalidUTF8(t *testing.T) {
	if _, err := FromName(""); err != ErrUnknownName {
		t.Errorf("empty: %v", err)
	}
	if _, err := FromName("not\xfffound"); err != ErrInvalidUTF8 {
		t.Errorf("invalid UTF-8: %v", err)
	}
	if ErrUnknownName.Error() == "" || !strings.HasPrefix(ErrUnknownName.Error(), "dcsstatus: unknown status name") {
		t.Errorf("message: %q", ErrUnknownName)
	}
}
