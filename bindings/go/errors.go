package dcsstatus

import (
	"strconv"
	"strings"
)

// The names, messages and grouping of the results of the C API, copied from the
// core by load at init; indexed by result (0 is success).
var (
	resultNames        []string
	resultMessages     []string
	resultIsRetryAfter []bool
)

// ErrorKind is what went wrong: one value per kind of error of the core
// (ErrNotAStatusCode, ErrUnknownName, ErrInvalidUTF8, ErrRetryAfterEmpty, ...),
// numbered as the C API's results. An ErrorKind is itself an error, whose
// message is the core's sentence without the offending value; the functions of
// this package return an *InputError, which carries that value in its message
// and matches its kind:
//
//	_, err := dcsstatus.FromName("teapot")
//	errors.Is(err, dcsstatus.ErrUnknownName) // true
//	var kind dcsstatus.ErrorKind
//	errors.As(err, &kind)                    // kind == ErrUnknownName
type ErrorKind uint32

// Error is the core's sentence for the kind, e.g. "the text is not valid UTF-8".
func (k ErrorKind) Error() string {
	if k > 0 && int(k) < len(resultMessages) {
		return resultMessages[k]
	}
	return k.String()
}

// String is the core's canonical name of the kind, as the shared test vectors
// write it: "not_a_status_code", "unknown_name", "retry_after_empty", ...;
// "ErrorKind(n)" for any other value.
func (k ErrorKind) String() string {
	if k > 0 && int(k) < len(resultNames) && resultNames[k] != "" {
		return resultNames[k]
	}
	return "ErrorKind(" + strconv.FormatUint(uint64(k), 10) + ")"
}

// IsRetryAfter reports whether the kind is one of the errors of a Retry-After
// value (the four ErrRetryAfter... kinds), as the core groups them.
func (k ErrorKind) IsRetryAfter() bool {
	return int(k) < len(resultIsRetryAfter) && resultIsRetryAfter[k]
}

// Is makes errors.Is(err, ErrInvalidRetryAfter) true for the kinds for which
// IsRetryAfter is.
func (k ErrorKind) Is(target error) bool {
	return target == ErrInvalidRetryAfter && k.IsRetryAfter()
}

// ErrInvalidRetryAfter matches (errors.Is) the errors of a Retry-After value: the
// kinds for which ErrorKind.IsRetryAfter is true. ParseRetryAfter's other error
// is ErrInvalidUTF8, for a value that is not UTF-8.
var ErrInvalidRetryAfter error = retryAfterGroup{}

// retryAfterGroup is the type of ErrInvalidRetryAfter. Its message is the
// core's names of the kinds it matches, "retry_after_empty|retry_after_invalid_delay|...".
type retryAfterGroup struct{}

// Error joins the names of the kinds the group matches.
func (retryAfterGroup) Error() string {
	var names []string
	for k := range resultIsRetryAfter {
		if resultIsRetryAfter[k] {
			names = append(names, ErrorKind(k).String())
		}
	}
	return strings.Join(names, "|")
}

// InputError is the error of a function given a bad value: its Kind and the
// core's message about the value, which quotes at most 64 characters of it,
// escaped, so the error stays small whatever the input. errors.Is(err, Kind)
// is true; so is errors.Is(err, ErrInvalidRetryAfter) for the kinds of a
// Retry-After value.
//
//	unknown status name "teapot": expected a DCS name ("NotFound"), an ident ("NOT_FOUND") or a reason phrase ("Not Found")
type InputError struct {
	// Kind is what went wrong.
	Kind ErrorKind
	// message is the core's message, rendered when the error was made.
	message string
}

// newInputError renders the core's message of an error of kind about input.
func newInputError(kind ErrorKind, input string) *InputError {
	return &InputError{Kind: kind, message: errorMessage(kind, input)}
}

// notAStatusCode is the error of a number that is not a status code.
func notAStatusCode(code int) *InputError {
	return newInputError(ErrNotAStatusCode, strconv.FormatInt(int64(code), 10))
}

// Error is the core's message, e.g. `"-1": Retry-After delay-seconds must be
// ASCII digits only: no sign, decimal point, inner spaces or non-ASCII digits`.
func (e *InputError) Error() string { return e.message }

// Unwrap returns the Kind, for errors.Is and errors.As.
func (e *InputError) Unwrap() error { return e.Kind }
