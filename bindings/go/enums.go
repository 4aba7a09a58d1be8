package dcsstatus

import "strconv"

// Class is the class of a status code; its value is the code's first digit
// (ClassInformational, ..., ClassServerError).
type Class int

// String is the core's canonical name: "informational", "success",
// "redirection", "client_error" or "server_error"; "Class(n)" for any other
// value.
func (c Class) String() string { return enumString(classNames[:], int(c), "Class") }

// RetryAdvice is what the document advises about retrying a request that got a
// status (AdviceNone, AdviceRetry, AdviceRetryAfter, AdviceModifyRequest,
// AdviceUnspecified).
type RetryAdvice int

// String is the core's canonical name: "none", "retry", "retry_after",
// "modify_request" or "unspecified"; "RetryAdvice(n)" for any other value.
func (a RetryAdvice) String() string { return enumString(adviceNames[:], int(a), "RetryAdvice") }

// Kind is how a status code relates to the table (KindDocumented,
// KindUnrecognized, KindInvalid).
type Kind int

// String is the core's canonical name: "documented", "unrecognized" or
// "invalid"; "Kind(n)" for any other value.
func (k Kind) String() string { return enumString(kindNames[:], int(k), "Kind") }

// Action is what a client should do about a response (ActionDoNotRetry,
// ActionRetryAfter, ActionRetryWithBackoff).
type Action int

// String is the core's canonical name: "do_not_retry", "retry_after" or
// "retry_with_backoff"; "Action(n)" for any other value.
func (a Action) String() string { return enumString(actionNames[:], int(a), "Action") }

func enumString(names []string, v int, typ string) string {
	if v >= 0 && v < len(names) && names[v] != "" {
		return names[v]
	}
	return typ + "(" + strconv.Itoa(v) + ")"
}
