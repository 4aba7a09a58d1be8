package dcsstatus

import "strconv"

// The canonical names and groupings of the enums, copied from the core by load
// at init; indexed by value.
var (
	classNames      []string
	classIsError    []bool
	adviceNames     []string
	lookupKindNames []string
	actionNames     []string
)

// Class is the class of a status code; its value is the code's first digit
// (ClassInformational, ..., ClassServerError).
type Class int

// String is the core's canonical name: "informational", "success",
// "redirection", "client_error" or "server_error"; "Class(n)" for any other
// value.
func (c Class) String() string { return enumString(classNames, int(c), "Class") }

// IsError reports whether codes of this class report an error (client or server
// error), as the core says; false for a value that is not a Class.
func (c Class) IsError() bool { return c >= 0 && int(c) < len(classIsError) && classIsError[c] }

// RetryAdvice is what the document advises about retrying a request that got a
// status (RetryAdviceNone, RetryAdviceRetry, RetryAdviceRetryAfter,
// RetryAdviceModifyRequest, RetryAdviceUnspecified).
type RetryAdvice int

// String is the core's canonical name: "none", "retry", "retry_after",
// "modify_request" or "unspecified"; "RetryAdvice(n)" for any other value.
func (a RetryAdvice) String() string { return enumString(adviceNames, int(a), "RetryAdvice") }

// LookupKind is how a status code relates to the table (LookupKindDocumented,
// LookupKindUnrecognized, LookupKindInvalid).
type LookupKind int

// String is the core's canonical name: "documented", "unrecognized" or
// "invalid"; "LookupKind(n)" for any other value.
func (k LookupKind) String() string { return enumString(lookupKindNames, int(k), "LookupKind") }

// Action is what a client should do about a response (ActionDoNotRetry,
// ActionRetryAfter, ActionRetryWithBackoff).
type Action int

// String is the core's canonical name: "do_not_retry", "retry_after" or
// "retry_with_backoff"; "Action(n)" for any other value.
func (a Action) String() string { return enumString(actionNames, int(a), "Action") }

func enumString(names []string, v int, typ string) string {
	if v >= 0 && v < len(names) && names[v] != "" {
		return names[v]
	}
	return typ + "(" + strconv.Itoa(v) + ")"
}
