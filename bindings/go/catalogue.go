package dcsstatus

// The Go copy of the error-code catalogue, filled once by load at init and
// never written again.
var (
	catalogue        []CatalogueEntry
	catalogueByCode  map[string]*CatalogueEntry // by each entry's code, as the core writes it
	errorAdviceNames []string
)

// ErrorAdvice is what the DCS error-code catalogue's Solution advises about an
// error code (ErrorAdviceRetryLater, ErrorAdviceContactSupport,
// ErrorAdviceFixRequest, ErrorAdviceNotAllowed, ErrorAdviceUnspecified): the
// retry signal that the HTTP status hides. The core derives it from the
// Solution's text; the Rust documentation of ErrorAdvice::from_solution states
// the rules.
type ErrorAdvice int

// String is the core's canonical name: "retry_later", "contact_support",
// "fix_request", "not_allowed" or "unspecified"; "ErrorAdvice(n)" for any other
// value.
func (a ErrorAdvice) String() string { return enumString(errorAdviceNames, int(a), "ErrorAdvice") }

// CatalogueEntry is one entry of the DCS error-code catalogue (the "Error
// Codes" appendix of the DCS API reference): an error code, the HTTP status
// DCS sends it with, the document's message, description and Solution, and the
// advice read from the Solution.
//
// Entries are the package's own, shared and immutable: get them from
// LookupErrorCode, Catalogue, ErrorBody.Catalogue or HTTPError.Catalogue, and
// compare them with ==. A nil *CatalogueEntry is no entry: its methods return
// zero values.
type CatalogueEntry struct {
	code        string
	status      Status
	advice      ErrorAdvice
	index       int
	message     string
	description string
	solution    string
}

// catalogueIndex is the entry's index in the catalogue, -1 for nil.
func (e *CatalogueEntry) catalogueIndex() int {
	if e == nil {
		return -1
	}
	return e.index
}

// Code is the error code as the document writes it, whitespace removed
// ("DCS.4855", "111400017"): what a DCS error body sends as error_code.
func (e *CatalogueEntry) Code() string {
	if e == nil {
		return ""
	}
	return e.code
}

// Status is the status table's entry for the HTTP status DCS sends the code
// with (the document's, which does not always match the code's family:
// DCS.4069 is sent with 500).
func (e *CatalogueEntry) Status() Status {
	if e == nil {
		return Status{}
	}
	return e.status
}

// Advice is what the Solution advises.
func (e *CatalogueEntry) Advice() ErrorAdvice {
	if e == nil {
		return 0
	}
	return e.advice
}

// Index is the entry's position in the catalogue, in document order: its index
// in Catalogue().
func (e *CatalogueEntry) Index() int {
	if e == nil {
		return 0
	}
	return e.index
}

// Message is the error message, verbatim; templates keep their placeholders
// ("Invalid {0} parameter in the request.").
func (e *CatalogueEntry) Message() string {
	if e == nil {
		return ""
	}
	return e.message
}

// Description is the document's description of the error, verbatim.
func (e *CatalogueEntry) Description() string {
	if e == nil {
		return ""
	}
	return e.description
}

// Solution is the document's Solution, verbatim (RST escapes resolved).
func (e *CatalogueEntry) Solution() string {
	if e == nil {
		return ""
	}
	return e.solution
}

// String is the code, "DCS.4111" ("" for nil).
func (e *CatalogueEntry) String() string { return e.Code() }

// Explain is the core's explanation of the entry for people, as `dcs-status
// DCS.4111` prints it: the code, its status, message, description, Solution and
// advice, one per line, ending with a newline (one cgo call). For nil, the
// core's message about an unknown error code "".
func (e *CatalogueEntry) Explain() string { return catalogueExplain(e.Code()) }

// Catalogue returns every entry of the error-code catalogue, in document order,
// in a new slice.
func Catalogue() []*CatalogueEntry {
	all := make([]*CatalogueEntry, len(catalogue))
	for i := range catalogue {
		all[i] = &catalogue[i]
	}
	return all
}

// LookupErrorCode returns the catalogue's entry for an error code, by the
// core's forgiving rule: ASCII case is ignored and ASCII whitespace anywhere is
// skipped, so "dcs.4855", " DCS. 4855 " and "DCS.4855" are one code; both
// families are found ("DCS.4111", "111400017"). A code as the catalogue writes
// it is found in Go, with no cgo call and no allocation; any other spelling
// costs one cgo call, still without allocating.
//
// A code the catalogue lacks is an *InputError of kind ErrUnknownErrorCode
// (errors.Is(err, ErrUnknownErrorCode)), whose message is the core's, quoting at
// most 64 characters of the code; never a guess.
func LookupErrorCode(code string) (*CatalogueEntry, error) {
	if e, ok := catalogueByCode[code]; ok {
		return e, nil
	}
	e, r := catalogueLookup(code)
	if r != resultOK {
		return nil, newInputError(ErrorKind(r), code)
	}
	return e, nil
}

// lookupCatalogue is LookupErrorCode without the error: nil for a code the
// catalogue lacks.
func lookupCatalogue(code string) *CatalogueEntry {
	if e, ok := catalogueByCode[code]; ok {
		return e
	}
	e, _ := catalogueLookup(code)
	return e
}

// ErrorCode is a DCS error code ("DCS.4111", "111400017") as an error, so that
// errors.Is matches an *HTTPError by the code its body carried:
//
//	if errors.Is(err, dcsstatus.ErrorCode("DCS.4111")) { // the instance is restarting
//		...
//	}
//
// The match is the core's: a code of the catalogue matches every spelling the
// catalogue's lookup reads as that code (case and whitespace forgiven, so
// ErrorCode("dcs.4111") matches a body's "DCS.4111"); a code the catalogue
// lacks ("APIGW.0308") matches only exactly as the body sent it. The empty
// ErrorCode matches nothing.
type ErrorCode string

// Error is the code itself.
func (c ErrorCode) Error() string { return string(c) }
