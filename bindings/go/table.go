package dcsstatus

import (
	"strconv"
)

// The status codes are the integers lowestCode <= code < highestEnd; the tables
// below have one slot per code, at code-lowestCode.
const (
	lowestCode = 100
	highestEnd = 1000
	codeSlots  = highestEnd - lowestCode
)

// The Go copy of the table, filled once by load at init and never written again,
// so reading it from any number of goroutines needs no lock.
var (
	version     string
	entries     []entry
	byCode      [codeSlots]*entry     // the documented entry of each code, or nil
	texts       [codeSlots]string     // the phrase of each documented code, or ""
	resolved    [codeSlots]resolution // the core's RFC 9110 answer for each code
	classNames  [ClassServerError + 1]string
	adviceNames [AdviceUnspecified + 1]string
	kindNames   [KindInvalid + 1]string
	actionNames [ActionRetryWithBackoff + 1]string
)

func init() {
	load()
	for i := range entries {
		e := &entries[i]
		e.str = strconv.Itoa(int(e.code)) + " " + e.phrase
		byCode[e.code-lowestCode] = e
		texts[e.code-lowestCode] = e.phrase
	}
}

type entry struct {
	code        Code
	name        string
	ident       string
	phrase      string
	description string
	class       Class
	retry       RetryAdvice
	str         string // "404 Not Found"
}

type resolution struct {
	kind  Kind
	class Class
	entry *entry
}

// slot is the index of code in the per-code tables, and whether it is a status
// code (100..999) at all.
func slot(code int) (int, bool) {
	i := code - lowestCode
	// As unsigned, a code below 100 (or an int that overflowed) is huge.
	return i, uint(i) < codeSlots
}

// Version is the version of the libdcs_status library linked in, e.g. "0.1.0".
func Version() string { return version }

// Code is an HTTP status code. The constants of this type (StatusNotFound, ...)
// are the codes of the DCS table, named from their idents as net/http names its
// constants; convert a response's code with Code(resp.StatusCode).
type Code int

// Status is the documented entry of code, and whether the table has one.
func (c Code) Status() (Status, bool) { return Lookup(int(c)) }

// String is "404 Not Found" for a code in the table and the bare number ("418")
// for any other.
func (c Code) String() string {
	if s, ok := Lookup(int(c)); ok {
		return s.e.str
	}
	return strconv.Itoa(int(c))
}

// Status is one entry of the DCS table. It is a small handle: copying it is
// cheap, and two Status values are == when they are the same entry. The zero
// Status is no entry: its methods return zero values and IsValid reports false.
type Status struct {
	e *entry
}

// IsValid reports whether s is an entry of the table (not the zero Status).
func (s Status) IsValid() bool { return s.e != nil }

// Code is the entry's status code.
func (s Status) Code() Code {
	if s.e == nil {
		return 0
	}
	return s.e.code
}

// Name is DCS's name, exactly as the document writes it ("NotFound",
// "Request Time-out").
func (s Status) Name() string {
	if s.e == nil {
		return ""
	}
	return s.e.name
}

// Ident is the name in UPPER_SNAKE_CASE ("NOT_FOUND", "REQUEST_TIME_OUT"); the
// Go constant is named from it (StatusNotFound, StatusRequestTimeOut).
func (s Status) Ident() string {
	if s.e == nil {
		return ""
	}
	return s.e.ident
}

// Phrase is the reason phrase in today's IANA registry ("Not Found",
// "Request Timeout").
func (s Status) Phrase() string {
	if s.e == nil {
		return ""
	}
	return s.e.phrase
}

// Description is DCS's description, verbatim; paragraphs are separated by a
// blank line ("\n\n").
func (s Status) Description() string {
	if s.e == nil {
		return ""
	}
	return s.e.description
}

// Class is the class of the entry's code.
func (s Status) Class() Class {
	if s.e == nil {
		return 0
	}
	return s.e.class
}

// Retry is what the document advises about retrying a request that got this
// status.
func (s Status) Retry() RetryAdvice {
	if s.e == nil {
		return 0
	}
	return s.e.retry
}

// IsInformational reports whether the code is 1xx.
func (s Status) IsInformational() bool { return s.Class() == ClassInformational }

// IsSuccess reports whether the code is 2xx.
func (s Status) IsSuccess() bool { return s.Class() == ClassSuccess }

// IsRedirection reports whether the code is 3xx.
func (s Status) IsRedirection() bool { return s.Class() == ClassRedirection }

// IsClientError reports whether the code is 4xx.
func (s Status) IsClientError() bool { return s.Class() == ClassClientError }

// IsServerError reports whether the code is 5xx.
func (s Status) IsServerError() bool { return s.Class() == ClassServerError }

// IsError reports whether the code is 4xx or 5xx.
func (s Status) IsError() bool { return s.IsClientError() || s.IsServerError() }

// String is the code and the IANA phrase, "404 Not Found" ("" for the zero
// Status).
func (s Status) String() string {
	if s.e == nil {
		return ""
	}
	return s.e.str
}

// Statuses returns every entry of the table, in code order, in a new slice.
func Statuses() []Status {
	all := make([]Status, len(entries))
	for i := range entries {
		all[i] = Status{&entries[i]}
	}
	return all
}

// Lookup returns the table's entry for code, and true; or the zero Status and
// false when the table does not document code (including 418, 600 and -1: for
// the RFC 9110 reading of such codes see Resolve). No cgo call, no allocation.
func Lookup(code int) (Status, bool) {
	i, ok := slot(code)
	if !ok {
		return Status{}, false
	}
	e := byCode[i]
	return Status{e}, e != nil
}

// Text returns the IANA reason phrase of a code in the DCS table, and "" for any
// other code, as http.StatusText does for its own list. No cgo call, no
// allocation.
func Text(code int) string {
	if i, ok := slot(code); ok {
		return texts[i]
	}
	return ""
}

// Phrase returns the reason phrase of the entry whose meaning applies to code
// as RFC 9110 section 15 reads it: that of the code itself when the table has
// it ("Not Found" for 404), that of the x00 code of its class when it does not
// ("Bad Request" for 418), that of 500 for 600..999; "" outside 100..999. Use
// Text for the phrase of documented codes only.
func Phrase(code int) string {
	if i, ok := slot(code); ok {
		return resolved[i].entry.phrase
	}
	return ""
}

// ClassOf returns the class code is handled as: its first digit for 100..599,
// ClassServerError for 600..999, and ErrNotAStatusCode outside 100..999.
func ClassOf(code int) (Class, error) {
	i, ok := slot(code)
	if !ok {
		return 0, ErrNotAStatusCode
	}
	return resolved[i].class, nil
}

// Resolution is how RFC 9110 section 15 reads a status code: documented,
// unrecognized (read as the x00 code of its class) or invalid (600..999, read
// as 500).
type Resolution struct {
	// Code is the code that was resolved.
	Code Code
	// Kind says whether the table documents Code.
	Kind Kind
	// Class is the class Code is handled as.
	Class Class
	// Status is the entry whose meaning applies: Code's own, the x00 entry of
	// its class for an unrecognized code, or 500 for 600..999.
	Status Status
}

// Resolve reads any integer as a status code, as RFC 9110 section 15 says to:
// a code the table lacks is handled as the x00 code of its class, and 600..999
// as a server error with the meaning of 500. The answers were computed by the
// core at init, so this makes no cgo call and no allocation. It returns
// ErrNotAStatusCode for an integer outside 100..999.
func Resolve(code int) (Resolution, error) {
	i, ok := slot(code)
	if !ok {
		return Resolution{}, ErrNotAStatusCode
	}
	r := &resolved[i]
	return Resolution{Code: Code(code), Kind: r.kind, Class: r.class, Status: Status{r.entry}}, nil
}

// FromName returns the entry a name refers to: DCS's name ("NotFound"), the
// ident ("NOT_FOUND"), the IANA phrase ("Not Found") or an older RFC phrase
// ("Request Entity Too Large"), in any case, with spaces, hyphens and
// underscores interchangeable. The core does the matching (one cgo call).
// Errors: ErrUnknownName, ErrInvalidUTF8.
func FromName(name string) (Status, error) {
	e, r := fromName(name)
	if r != resultOK {
		return Status{}, apiError(r)
	}
	return Status{e}, nil
}
