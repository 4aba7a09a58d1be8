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
	version string
	entries []entry
	byCode  [codeSlots]*entry       // the documented entry of each code, or nil
	texts   [codeSlots]string       // the phrase of each documented code, or ""
	lookups [codeSlots]lookupAnswer // the core's RFC 9110 answer for each code
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
	retryAdvice RetryAdvice
	str         string // "404 Not Found"
}

// lookupAnswer is the core's answer for one code, as dcs_status_lookup gives it.
type lookupAnswer struct {
	kind  LookupKind
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

// Version is the version of the libdcs_status library linked in, e.g. "0.3.0".
func Version() string { return version }

// Code is an HTTP status code, as received (any int) or as the table has it
// (Status.Code). The constants StatusNotFound, ... are untyped, as net/http's
// are, so they compare with resp.StatusCode and with a Code alike.
type Code int

// Status is the documented entry of code, and whether the table has one (Get).
func (c Code) Status() (Status, bool) { return Get(int(c)) }

// String is "404 Not Found" for a code in the table and the bare number ("418")
// for any other.
func (c Code) String() string {
	if s, ok := Get(int(c)); ok {
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

// RetryAdvice is what the document advises about retrying a request that got
// this status.
func (s Status) RetryAdvice() RetryAdvice {
	if s.e == nil {
		return 0
	}
	return s.e.retryAdvice
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

// IsError reports whether the code reports an error (4xx or 5xx): its class's
// Class.IsError.
func (s Status) IsError() bool { return s.Class().IsError() }

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

// Get returns the table's entry for code, and true; or the zero Status and
// false when the table does not document code (including 418, 600 and -1: for
// the RFC 9110 reading of such codes see Lookup). It is C's dcs_status_get. No
// cgo call, no allocation.
func Get(code int) (Status, bool) {
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
// as RFC 9110 section 15 reads it (Lookup): that of the code itself when the
// table has it ("Not Found" for 404), that of the x00 code of its class when it
// does not ("Bad Request" for 418), that of 500 for 600..999; "" outside
// 100..999. Use Text for the phrase of documented codes only.
func Phrase(code int) string {
	if i, ok := slot(code); ok {
		return lookups[i].entry.phrase
	}
	return ""
}

// ClassOf returns the class code is handled as: its first digit for 100..599,
// ClassServerError for 600..999, and an *InputError of kind ErrNotAStatusCode
// outside 100..999.
func ClassOf(code int) (Class, error) {
	i, ok := slot(code)
	if !ok {
		return 0, notAStatusCode(code)
	}
	return lookups[i].class, nil
}

// LookupResult is how RFC 9110 section 15 reads a status code (C's
// dcs_status_lookup_result): documented, unrecognized (read as the x00 code of
// its class) or invalid (600..999, read as 500).
type LookupResult struct {
	// Code is the code that was looked up.
	Code Code
	// Kind says whether the table documents Code.
	Kind LookupKind
	// Class is the class Code is handled as.
	Class Class
	// Status is the entry whose meaning applies: Code's own, the x00 entry of
	// its class for an unrecognized code, or 500 for 600..999.
	Status Status
}

// IsError reports whether the code is handled as an error (4xx, 5xx, and
// 600..999): its class's Class.IsError.
func (r LookupResult) IsError() bool { return r.Class.IsError() }

// Lookup reads any integer as a status code, as RFC 9110 section 15 says to: a
// code the table lacks is handled as the x00 code of its class, and 600..999 as
// a server error with the meaning of 500. The answers were computed by the core
// at init, so this makes no cgo call and no allocation. For an integer outside
// 100..999 it returns an *InputError of kind ErrNotAStatusCode.
func Lookup(code int) (LookupResult, error) {
	i, ok := slot(code)
	if !ok {
		return LookupResult{}, notAStatusCode(code)
	}
	r := &lookups[i]
	return LookupResult{Code: Code(code), Kind: r.kind, Class: r.class, Status: Status{r.entry}}, nil
}

// FromName returns the entry a name refers to: DCS's name ("NotFound"), the
// ident ("NOT_FOUND"), the IANA phrase ("Not Found") or an older RFC phrase
// ("Request Entity Too Large"), forgiving case, separators and camelCase, by
// the core's rules (one cgo call; the Rust documentation of from_name states
// them). Errors: an *InputError of kind ErrUnknownName or ErrInvalidUTF8.
func FromName(name string) (Status, error) {
	e, r := fromName(name)
	if r != resultOK {
		return Status{}, newInputError(ErrorKind(r), name)
	}
	return Status{e}, nil
}
