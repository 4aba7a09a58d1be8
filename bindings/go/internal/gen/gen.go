// Package gen writes the generated files of package dcsstatus:
//
//   - zz_generated.go, the Go constants and sentinel errors, from the canonical
//     JSON form of the DCS table (what `dcs-status list --json` prints);
//   - link_static.go, the cgo flags of the default static link, from
//     bindings/c/native-static-libs.txt (the system libraries rustc lists for the
//     static library, checked against rustc by the C suite).
//
// Neither the table nor the library list is typed by hand in Go.
package gen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/format"
	"regexp"
	"strings"
)

// Entry is one object of the canonical JSON.
type Entry struct {
	Code        int    `json:"code"`
	Name        string `json:"name"`
	Ident       string `json:"ident"`
	Phrase      string `json:"phrase"`
	Class       string `json:"class"`
	Retry       string `json:"retry"`
	Description string `json:"description"`
}

// Parse reads the canonical JSON of the table, rejecting unknown keys.
func Parse(canonical []byte) ([]Entry, error) {
	dec := json.NewDecoder(bytes.NewReader(canonical))
	dec.DisallowUnknownFields()
	var entries []Entry
	if err := dec.Decode(&entries); err != nil {
		return nil, fmt.Errorf("gen: the canonical JSON does not parse: %w", err)
	}
	if len(entries) == 0 {
		return nil, fmt.Errorf("gen: the canonical JSON has no entries")
	}
	return entries, nil
}

// initialisms are the words Go writes in capitals in identifiers (the list of
// golint, and OK as net/http writes StatusOK).
var initialisms = map[string]bool{
	"ACL": true, "API": true, "ASCII": true, "CPU": true, "CSS": true, "DNS": true,
	"EOF": true, "GUID": true, "HTML": true, "HTTP": true, "HTTPS": true, "ID": true,
	"IP": true, "JSON": true, "OK": true, "QPS": true, "RAM": true, "RPC": true,
	"SLA": true, "SMTP": true, "SQL": true, "SSH": true, "TCP": true, "TLS": true,
	"TTL": true, "UDP": true, "UI": true, "UID": true, "UUID": true, "URI": true,
	"URL": true, "UTF8": true, "VM": true, "XML": true, "XMPP": true, "XSRF": true,
	"XSS": true,
}

// GoName is the Go name of an ident, as net/http names its constants:
// NOT_FOUND -> NotFound, HTTP_VERSION_NOT_SUPPORTED -> HTTPVersionNotSupported,
// REQUEST_URI_TOO_LARGE -> RequestURITooLarge, OK -> OK.
func GoName(ident string) (string, error) {
	var b strings.Builder
	for _, word := range strings.Split(ident, "_") {
		if word == "" {
			return "", fmt.Errorf("gen: ident %q has an empty word", ident)
		}
		for _, c := range word {
			if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
				return "", fmt.Errorf("gen: ident %q is not UPPER_SNAKE_CASE", ident)
			}
		}
		if initialisms[word] {
			b.WriteString(word)
			continue
		}
		b.WriteString(word[:1])
		b.WriteString(strings.ToLower(word[1:]))
	}
	name := b.String()
	if name == "" || name[0] < 'A' || name[0] > 'Z' {
		return "", fmt.Errorf("gen: ident %q gives no exported Go name", ident)
	}
	return name, nil
}

// phraseWords splits a reason phrase into its words, in upper case, for its Go
// name: "Gateway Timeout" -> GATEWAY_TIMEOUT, "URI Too Long" -> URI_TOO_LONG.
// Words are runs of ASCII letters and digits (IANA phrases have no camelCase).
var phraseWords = regexp.MustCompile(`[A-Za-z0-9]+`)

// PhraseGoName is the Go name of a reason phrase: "Gateway Timeout" ->
// GatewayTimeout, "URI Too Long" -> URITooLong.
func PhraseGoName(phrase string) (string, error) {
	words := phraseWords.FindAllString(phrase, -1)
	return GoName(strings.ToUpper(strings.Join(words, "_")))
}

// ClassIsError says whether the entries of a class (its canonical name, as the
// JSON writes it) are errors; the generator asks the core through it.
type ClassIsError func(class string) (bool, error)

// Generate returns the gofmt'd source of zz_generated.go for the table in its
// canonical JSON form: an untyped constant per entry, named from its ident
// (StatusServerTimeout = 504), an alias named from its IANA phrase where that
// name differs (StatusGatewayTimeout = StatusServerTimeout), and a sentinel
// error per entry whose class isError says is an error (and one per alias).
func Generate(canonical []byte, isError ClassIsError) ([]byte, error) {
	entries, err := Parse(canonical)
	if err != nil {
		return nil, err
	}
	type named struct {
		entry   Entry
		name    string
		alias   string // "" when the phrase gives the same name
		isError bool
	}
	all := make([]named, len(entries))
	taken := map[string]int{} // Go name -> code
	for i, e := range entries {
		name, err := GoName(e.Ident)
		if err != nil {
			return nil, err
		}
		if code, dup := taken[name]; dup {
			return nil, fmt.Errorf("gen: %d and %d are both named %s", code, e.Code, name)
		}
		taken[name] = e.Code
		isErr, err := isError(e.Class)
		if err != nil {
			return nil, fmt.Errorf("gen: %d: %w", e.Code, err)
		}
		all[i] = named{entry: e, name: name, isError: isErr}
	}
	for i := range all {
		alias, err := PhraseGoName(all[i].entry.Phrase)
		if err != nil {
			return nil, fmt.Errorf("gen: the phrase of %d: %w", all[i].entry.Code, err)
		}
		if alias == all[i].name {
			continue
		}
		if code, dup := taken[alias]; dup {
			return nil, fmt.Errorf("gen: the phrase of %d is named %s, as %d is", all[i].entry.Code, alias, code)
		}
		taken[alias] = all[i].entry.Code
		all[i].alias = alias
	}

	var b bytes.Buffer
	b.WriteString("// Code generated by dcsstatus-gen from `dcs-status list --json`; DO NOT EDIT.\n\n")
	b.WriteString("package dcsstatus\n\n")
	b.WriteString("// The status codes of the DCS table, named from their idents as net/http\n")
	b.WriteString("// names its constants (NOT_FOUND: StatusNotFound). Untyped, as net/http's are:\n")
	b.WriteString("// they compare with an int (resp.StatusCode) and with a Code alike.\n")
	b.WriteString("const (\n")
	for _, n := range all {
		e := n.entry
		fmt.Fprintf(&b, "\t// Status%s is %d %s (DCS: %q), %s; retry advice: %s.\n",
			n.name, e.Code, e.Phrase, e.Name, strings.ReplaceAll(e.Class, "_", " "), e.Retry)
		fmt.Fprintf(&b, "\tStatus%s = %d\n", n.name, e.Code)
	}
	b.WriteString(")\n\n")
	b.WriteString("// The same codes named from their IANA phrases, where those names differ\n")
	b.WriteString("// (\"Gateway Timeout\": StatusGatewayTimeout is StatusServerTimeout).\n")
	b.WriteString("const (\n")
	for _, n := range all {
		if n.alias == "" {
			continue
		}
		fmt.Fprintf(&b, "\t// Status%s is Status%s, named from its IANA phrase %q.\n", n.alias, n.name, n.entry.Phrase)
		fmt.Fprintf(&b, "\tStatus%s = Status%s\n", n.alias, n.name)
	}
	b.WriteString(")\n\n")
	b.WriteString("// The sentinel errors of the error statuses of the DCS table:\n")
	b.WriteString("// errors.Is(err, ErrNotFound) reports whether err is an *HTTPError for 404.\n")
	b.WriteString("var (\n")
	for _, n := range all {
		if !n.isError {
			continue
		}
		fmt.Fprintf(&b, "\t// Err%s matches (errors.Is) an *HTTPError for %d %s.\n", n.name, n.entry.Code, n.entry.Phrase)
		fmt.Fprintf(&b, "\tErr%s error = &statusSentinel{Status%s}\n", n.name, n.name)
	}
	for _, n := range all {
		if !n.isError || n.alias == "" {
			continue
		}
		fmt.Fprintf(&b, "\t// Err%s is Err%s, named from its IANA phrase %q.\n", n.alias, n.name, n.entry.Phrase)
		fmt.Fprintf(&b, "\tErr%s = Err%s\n", n.alias, n.name)
	}
	b.WriteString(")\n")
	src, err := format.Source(b.Bytes())
	if err != nil {
		return nil, fmt.Errorf("gen: the generated source does not format: %w", err)
	}
	return src, nil
}

// staticLib is one word of native-static-libs.txt: a library to link, -lNAME.
var staticLib = regexp.MustCompile(`^-l[A-Za-z0-9_.+-]+$`)

// LinkStatic returns the source of link_static.go for the system libraries of
// native-static-libs.txt (words such as -lgcc_s -lutil ... -lc, separated by
// spaces or newlines).
func LinkStatic(nativeStaticLibs []byte) ([]byte, error) {
	libs := strings.Fields(string(nativeStaticLibs))
	if len(libs) == 0 {
		return nil, fmt.Errorf("gen: native-static-libs.txt lists no library")
	}
	for _, lib := range libs {
		if !staticLib.MatchString(lib) {
			return nil, fmt.Errorf("gen: native-static-libs.txt: %q is not -lNAME", lib)
		}
	}
	src := `// Code generated by dcsstatus-gen from bindings/c/native-static-libs.txt; DO NOT EDIT.

//go:build !dcsstatus_shared && !dcsstatus_pkgconfig

package dcsstatus

// The default: the prebuilt static library inside this module, picked by platform
// from build/<os>-<arch>/, and the header from build/include, so ` + "`go get`" + ` and
// ` + "`go build`" + ` need no Rust, no C library installed and no environment variable.
// The released module ships build/linux-x86_64/libdcs_status.a; in the repository,
// stage-native.sh (run by run-tests.sh) copies the freshly built library there.
// The system libraries after -ldcs_status are those of
// bindings/c/native-static-libs.txt, which the C suite checks against
// ` + "`rustc --print native-static-libs`" + `.

// #cgo CFLAGS: -I${SRCDIR}/build/include
// #cgo linux,amd64 LDFLAGS: -L${SRCDIR}/build/linux-x86_64
// #cgo LDFLAGS: -ldcs_status ` + strings.Join(libs, " ") + `
import "C"
`
	out, err := format.Source([]byte(src))
	if err != nil {
		return nil, fmt.Errorf("gen: link_static.go does not format: %w", err)
	}
	return out, nil
}
