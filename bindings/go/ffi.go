package dcsstatus

// Every call into libdcs_status is in this file. At init, load copies the table,
// the core's answer for every code 100..999 and the names and groupings of the C
// enums into Go values; after that, the lookups (Get, Text, Phrase, ClassOf,
// Lookup) read only those. FromName, ParseRetryAfter, Decide, DecideResponse,
// MethodIsIdempotent and CheckResponse cross into C once per call. Messages are
// rendered by the core per call, on the error path only (and by Decision.String
// and HTTPError.Error).

/*
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "dcs_status.h"

// The wrappers below return their results by value, so that Go passes no
// pointer to its own memory for the C side to write (such a pointer would make
// the Go variable escape to the heap: one allocation per call).

typedef struct {
	uint32_t result;
	uint64_t seconds;
} dcsgo_seconds;

static dcsgo_seconds dcsgo_parse_retry_after(const char *value, size_t len, int64_t now) {
	dcsgo_seconds r = {0, 0};
	r.result = dcs_status_parse_retry_after(value, len, now, &r.seconds);
	return r;
}

typedef struct {
	uint32_t result;
	uint32_t index;
} dcsgo_index;

static dcsgo_index dcsgo_from_name(const char *name, size_t len) {
	dcsgo_index r = {0, 0};
	const dcs_status_entry *entry = NULL;
	r.result = dcs_status_from_name(name, len, &entry);
	if (r.result == DCS_STATUS_RESULT_OK) {
		r.index = entry->index;
	}
	return r;
}

typedef struct {
	uint32_t result;
	bool idempotent;
	dcs_status_decision decision;
} dcsgo_decision;

// retry_after is NULL when the response had no Retry-After. When method is not
// NULL, idempotent is replaced by dcs_status_method_is_idempotent(method); the
// answer says which was used.
static dcsgo_decision dcsgo_decide(int64_t code, const char *retry_after, size_t len,
		int64_t now, bool idempotent, const char *method, size_t method_len) {
	dcsgo_decision r = {0, false, {0, 0}};
	if (method != NULL) {
		idempotent = dcs_status_method_is_idempotent(method, method_len);
	}
	r.idempotent = idempotent;
	r.result = dcs_status_decide(code, retry_after, len, now, idempotent, &r.decision);
	return r;
}

typedef struct {
	uint32_t result;
	uint32_t kind;
	uint32_t status_class;
	uint32_t index;
} dcsgo_lookup;

static dcsgo_lookup dcsgo_lookup_code(int64_t code) {
	dcsgo_lookup r = {0, 0, 0, 0};
	dcs_status_lookup_result out;
	r.result = dcs_status_lookup(code, &out);
	if (r.result == DCS_STATUS_RESULT_OK) {
		r.kind = out.kind;
		r.status_class = out.status_class;
		r.index = out.entry->index;
	}
	return r;
}
*/
import "C"

import (
	"fmt"
	"unsafe"
)

// The values of the C enums, kept as the ABI numbers them.
const (
	// ClassInformational is 1xx.
	ClassInformational Class = C.DCS_STATUS_CLASS_INFORMATIONAL
	// ClassSuccess is 2xx.
	ClassSuccess Class = C.DCS_STATUS_CLASS_SUCCESS
	// ClassRedirection is 3xx.
	ClassRedirection Class = C.DCS_STATUS_CLASS_REDIRECTION
	// ClassClientError is 4xx.
	ClassClientError Class = C.DCS_STATUS_CLASS_CLIENT_ERROR
	// ClassServerError is 5xx, and 600..999, which are handled as server errors.
	ClassServerError Class = C.DCS_STATUS_CLASS_SERVER_ERROR
)

const (
	// RetryAdviceNone is for 1xx-3xx: not an error, nothing to retry.
	RetryAdviceNone RetryAdvice = C.DCS_STATUS_RETRY_ADVICE_NONE
	// RetryAdviceRetry means the request may be re-initiated without
	// modification (408).
	RetryAdviceRetry RetryAdvice = C.DCS_STATUS_RETRY_ADVICE_RETRY
	// RetryAdviceRetryAfter advises to re-initiate after the time in the
	// Retry-After header (413, 429).
	RetryAdviceRetryAfter RetryAdvice = C.DCS_STATUS_RETRY_ADVICE_RETRY_AFTER
	// RetryAdviceModifyRequest advises to modify the request instead of
	// re-initiating it (400, 403, 404, 405, 503).
	RetryAdviceModifyRequest RetryAdvice = C.DCS_STATUS_RETRY_ADVICE_MODIFY_REQUEST
	// RetryAdviceUnspecified is for an error about which the document gives no
	// advice.
	RetryAdviceUnspecified RetryAdvice = C.DCS_STATUS_RETRY_ADVICE_UNSPECIFIED
)

const (
	// LookupKindDocumented means the table has the code.
	LookupKindDocumented LookupKind = C.DCS_STATUS_LOOKUP_KIND_DOCUMENTED
	// LookupKindUnrecognized is for 100..599 but not in the table: handled as
	// the x00 code of its class (RFC 9110 section 15).
	LookupKindUnrecognized LookupKind = C.DCS_STATUS_LOOKUP_KIND_UNRECOGNIZED
	// LookupKindInvalid is for 600..999, not a valid status code: handled as a
	// server error with the meaning of 500 (RFC 9110 section 15).
	LookupKindInvalid LookupKind = C.DCS_STATUS_LOOKUP_KIND_INVALID
)

const (
	// ActionDoNotRetry says not to send the request again.
	ActionDoNotRetry Action = C.DCS_STATUS_ACTION_DO_NOT_RETRY
	// ActionRetryAfter says to send it again after Decision.Delay, from the
	// Retry-After header.
	ActionRetryAfter Action = C.DCS_STATUS_ACTION_RETRY_AFTER
	// ActionRetryWithBackoff says to send it again after a delay of the caller's own
	// backoff policy.
	ActionRetryWithBackoff Action = C.DCS_STATUS_ACTION_RETRY_WITH_BACKOFF
)

// The kinds of error, numbered as the C API's results (dcs_status_result) and the
// core's ErrorKind. Each is an error whose message is the core's sentence without
// the offending value; the functions of this package return an *InputError, which
// carries the value too and matches its kind with errors.Is.
const (
	// ErrNullPointer means a required pointer was nil (CheckResponse and
	// DecideResponse of a nil *http.Response).
	ErrNullPointer ErrorKind = C.DCS_STATUS_RESULT_ERR_NULL_POINTER
	// ErrNotAStatusCode means the number is not a status code (outside 100..999).
	ErrNotAStatusCode ErrorKind = C.DCS_STATUS_RESULT_ERR_NOT_A_STATUS_CODE
	// ErrUnknownName means no entry has this name (FromName).
	ErrUnknownName ErrorKind = C.DCS_STATUS_RESULT_ERR_UNKNOWN_NAME
	// ErrInvalidUTF8 means the text is not valid UTF-8.
	ErrInvalidUTF8 ErrorKind = C.DCS_STATUS_RESULT_ERR_INVALID_UTF8
	// ErrRetryAfterEmpty means the Retry-After value is empty or only spaces.
	ErrRetryAfterEmpty ErrorKind = C.DCS_STATUS_RESULT_ERR_RETRY_AFTER_EMPTY
	// ErrRetryAfterInvalidDelay means the Retry-After value is not delay-seconds
	// (ASCII digits only) and does not start with a letter as an HTTP-date does.
	ErrRetryAfterInvalidDelay ErrorKind = C.DCS_STATUS_RESULT_ERR_RETRY_AFTER_INVALID_DELAY
	// ErrRetryAfterInvalidDate means the Retry-After value is not an HTTP-date in
	// any of its three forms.
	ErrRetryAfterInvalidDate ErrorKind = C.DCS_STATUS_RESULT_ERR_RETRY_AFTER_INVALID_DATE
	// ErrRetryAfterImpossibleDate means the Retry-After value has the form of an
	// HTTP-date, but no such date or time exists (31 November, hour 25, ...).
	ErrRetryAfterImpossibleDate ErrorKind = C.DCS_STATUS_RESULT_ERR_RETRY_AFTER_IMPOSSIBLE_DATE
	// ErrInternal means an internal error of the library (a bug, caught before it
	// reached Go): please report it.
	ErrInternal ErrorKind = C.DCS_STATUS_RESULT_ERR_INTERNAL
)

// resultOK is the C API's success.
const resultOK = uint32(C.DCS_STATUS_RESULT_OK)

// headerVersion is the version of the header dcs_status.h this package was
// compiled with.
const headerVersion = C.DCS_STATUS_VERSION

// emptyByte is a readable byte for empty Go strings, whose data pointer may
// be nil: the C API reads NULL as "no value" or an error, and an empty value is
// neither.
var emptyByte byte

// cString gives C a pointer to s's bytes and their length. The C side only
// reads them during the call and keeps nothing, and the bytes hold no Go
// pointers, so this follows the cgo pointer-passing rules. An empty string
// gets a pointer to a static byte, never NULL.
func cString(s string) (*C.char, C.size_t) {
	if len(s) == 0 {
		return (*C.char)(unsafe.Pointer(&emptyByte)), 0
	}
	return (*C.char)(unsafe.Pointer(unsafe.StringData(s))), C.size_t(len(s))
}

// cOptional is cString for a value that may be absent: NULL when present is
// false.
func cOptional(s string, present bool) (*C.char, C.size_t) {
	if !present {
		return nil, 0
	}
	return cString(s)
}

// load copies the table, the answer for every code 100..999 and the names and
// groupings of the enums from libdcs_status into Go values. It runs once, at
// init.
func load() {
	version = C.GoString(C.dcs_status_version())

	n := int(C.dcs_status_count())
	entries = make([]entry, n)
	for i := range entries {
		p := C.dcs_status_at(C.size_t(i))
		if p == nil || int(p.index) != i {
			panic(fmt.Sprintf("dcsstatus: libdcs_status has no consistent entry %d of %d", i, n))
		}
		entries[i] = entry{
			code:        Code(p.code),
			name:        C.GoString(p.name),
			ident:       C.GoString(p.ident),
			phrase:      C.GoString(p.phrase),
			description: C.GoString(p.description),
			class:       Class(p.status_class),
			retryAdvice: RetryAdvice(p.retry_advice),
		}
	}

	for code := lowestCode; code < highestEnd; code++ {
		r := C.dcsgo_lookup_code(C.int64_t(code))
		if uint32(r.result) != resultOK || int(r.index) >= n {
			panic(fmt.Sprintf("dcsstatus: libdcs_status cannot look up %d: %s",
				code, C.GoString(C.dcs_status_result_message(r.result))))
		}
		lookups[code-lowestCode] = lookupAnswer{
			kind:  LookupKind(r.kind),
			class: Class(r.status_class),
			entry: &entries[r.index],
		}
	}

	classNames = enumNames(func(v uint32) *C.char { return C.dcs_status_class_name(C.uint32_t(v)) })
	adviceNames = enumNames(func(v uint32) *C.char { return C.dcs_status_retry_advice_name(C.uint32_t(v)) })
	lookupKindNames = enumNames(func(v uint32) *C.char { return C.dcs_status_lookup_kind_name(C.uint32_t(v)) })
	actionNames = enumNames(func(v uint32) *C.char { return C.dcs_status_action_name(C.uint32_t(v)) })
	resultNames = enumNames(func(v uint32) *C.char { return C.dcs_status_result_name(C.uint32_t(v)) })

	classIsError = make([]bool, len(classNames))
	for c := range classIsError {
		classIsError[c] = bool(C.dcs_status_class_is_error(C.uint32_t(c)))
	}
	resultMessages = make([]string, len(resultNames))
	resultIsRetryAfter = make([]bool, len(resultNames))
	for r := range resultNames {
		resultMessages[r] = C.GoString(C.dcs_status_result_message(C.uint32_t(r)))
		resultIsRetryAfter[r] = bool(C.dcs_status_result_is_retry_after_error(C.uint32_t(r)))
	}

	for _, want := range []struct {
		names []string
		last  int
		what  string
	}{
		{classNames, int(ClassServerError), "class"},
		{adviceNames, int(RetryAdviceUnspecified), "retry advice"},
		{lookupKindNames, int(LookupKindInvalid), "lookup kind"},
		{actionNames, int(ActionRetryWithBackoff), "action"},
		{resultNames, int(ErrInternal), "result"},
	} {
		if len(want.names) <= want.last {
			panic(fmt.Sprintf("dcsstatus: libdcs_status names no %s %d", want.what, want.last))
		}
	}
}

// enumNames asks name for the canonical name of each value of a C enum, from 0
// up to the first value above 0 that has none (the enums are dense; some start
// at 1). A value without a name gets "".
func enumNames(name func(uint32) *C.char) []string {
	var names []string
	for v := uint32(0); ; v++ {
		p := name(v)
		if p == nil {
			if v == 0 {
				names = append(names, "")
				continue
			}
			return names
		}
		names = append(names, C.GoString(p))
	}
}

// render returns the whole text a renderer of the C API writes: they all have
// snprintf's contract (at most cap-1 bytes and a NUL, the whole length
// returned), so a second call with a buffer of the right size gets a text too
// long for the first. The texts are short whatever the input (the core quotes at
// most 64 characters of it).
func render(write func(buf *C.char, capacity C.size_t) C.size_t) string {
	var small [512]byte
	n := int(write((*C.char)(unsafe.Pointer(&small[0])), C.size_t(len(small))))
	if n < len(small) {
		return string(small[:n])
	}
	big := make([]byte, n+1)
	m := int(write((*C.char)(unsafe.Pointer(&big[0])), C.size_t(len(big))))
	return string(big[:min(m, n)])
}

// errorMessage is the core's message of an error of kind about input (the
// bytes the failed call was given).
func errorMessage(kind ErrorKind, input string) string {
	p, n := cString(input)
	return render(func(buf *C.char, capacity C.size_t) C.size_t {
		return C.dcs_status_error_message(C.uint32_t(kind), p, n, buf, capacity)
	})
}

// decisionText is the core's text of a decision: "do_not_retry",
// "retry_after 120s", "retry_with_backoff".
func decisionText(action Action, seconds uint64) string {
	return render(func(buf *C.char, capacity C.size_t) C.size_t {
		return C.dcs_status_decision_text(C.uint32_t(action), C.uint64_t(seconds), buf, capacity)
	})
}

// httpErrorMessage is the core's one-line message of an HTTP error response.
// The header values are passed as NULL when absent.
func httpErrorMessage(code int64, retryAfter string, hasRetryAfter bool, requestID string, hasRequestID bool, now int64, idempotent bool) string {
	ra, raLen := cOptional(retryAfter, hasRetryAfter)
	id, idLen := cOptional(requestID, hasRequestID)
	return render(func(buf *C.char, capacity C.size_t) C.size_t {
		return C.dcs_status_http_error_message(C.int64_t(code), ra, raLen, id, idLen,
			C.int64_t(now), C.bool(idempotent), buf, capacity)
	})
}

// fromName asks the core which entry a name refers to.
func fromName(name string) (*entry, uint32) {
	p, n := cString(name)
	r := C.dcsgo_from_name(p, n)
	if uint32(r.result) != resultOK {
		return nil, uint32(r.result)
	}
	return &entries[r.index], resultOK
}

// parseRetryAfterSeconds asks the core's parser for the delay in seconds.
func parseRetryAfterSeconds(value string, now int64) (uint64, uint32) {
	p, n := cString(value)
	r := C.dcsgo_parse_retry_after(p, n, C.int64_t(now))
	return uint64(r.seconds), uint32(r.result)
}

// methodIsIdempotent asks the core whether a request method is idempotent.
func methodIsIdempotent(method string) bool {
	p, n := cString(method)
	return bool(C.dcs_status_method_is_idempotent(p, n))
}

// cDecide asks the core for the retry decision. hasRetryAfter false passes
// NULL (no Retry-After header). A method other than "" replaces idempotent by
// whether that method is idempotent, as the core says; the idempotent returned
// is the one the core decided with.
func cDecide(code int64, retryAfter string, hasRetryAfter bool, now int64, idempotent bool, method string) (action Action, seconds uint64, usedIdempotent bool, result uint32) {
	ra, raLen := cOptional(retryAfter, hasRetryAfter)
	m, mLen := cOptional(method, method != "")
	r := C.dcsgo_decide(C.int64_t(code), ra, raLen, C.int64_t(now), C.bool(idempotent), m, mLen)
	return Action(r.decision.action), uint64(r.decision.delay_seconds), bool(r.idempotent), uint32(r.result)
}
