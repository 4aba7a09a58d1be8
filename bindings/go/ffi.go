package dcsstatus

// Every call into libdcs_status is in this file. After init only FromName,
// ParseRetryAfter, Decide, DecideResponse and CheckResponse cross into C, once
// per call; everything else reads the Go copy of the table made at init.

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
	dcs_status_decision decision;
} dcsgo_decision;

// retry_after is NULL when the response had no Retry-After. When method is not
// NULL, idempotent is replaced by dcs_status_method_is_idempotent(method).
static dcsgo_decision dcsgo_decide(int64_t code, const char *retry_after, size_t len,
		int64_t now, bool idempotent, const char *method, size_t method_len) {
	dcsgo_decision r = {0, {0, 0}};
	if (method != NULL) {
		idempotent = dcs_status_method_is_idempotent(method, method_len);
	}
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
	// AdviceNone is for 1xx-3xx: not an error, nothing to retry.
	AdviceNone RetryAdvice = C.DCS_STATUS_RETRY_NONE
	// AdviceRetry means the request may be re-initiated without modification (408).
	AdviceRetry RetryAdvice = C.DCS_STATUS_RETRY_RETRY
	// AdviceRetryAfter advises to re-initiate after the time in the Retry-After header
	// (413, 429).
	AdviceRetryAfter RetryAdvice = C.DCS_STATUS_RETRY_RETRY_AFTER
	// AdviceModifyRequest advises to modify the request instead of re-initiating it
	// (400, 403, 404, 405, 503).
	AdviceModifyRequest RetryAdvice = C.DCS_STATUS_RETRY_MODIFY_REQUEST
	// AdviceUnspecified is for an error about which the document gives no advice.
	AdviceUnspecified RetryAdvice = C.DCS_STATUS_RETRY_UNSPECIFIED
)

const (
	// KindDocumented means the table has the code.
	KindDocumented Kind = C.DCS_STATUS_KIND_DOCUMENTED
	// KindUnrecognized is for 100..599 but not in the table: handled as the
	// x00 code of its class (RFC 9110 section 15).
	KindUnrecognized Kind = C.DCS_STATUS_KIND_UNRECOGNIZED
	// KindInvalid is for 600..999, not a valid status code: handled as a server
	// error with the meaning of 500 (RFC 9110 section 15).
	KindInvalid Kind = C.DCS_STATUS_KIND_INVALID
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

// The results of the C functions that can fail.
const (
	resultOK              = uint32(C.DCS_STATUS_RESULT_OK)
	resultNotAStatusCode  = uint32(C.DCS_STATUS_RESULT_ERR_NOT_A_STATUS_CODE)
	resultUnknownName     = uint32(C.DCS_STATUS_RESULT_ERR_UNKNOWN_NAME)
	resultInvalidUTF8     = uint32(C.DCS_STATUS_RESULT_ERR_INVALID_UTF8)
	resultRetryAfterEmpty = uint32(C.DCS_STATUS_RESULT_ERR_RETRY_AFTER_EMPTY)
	resultInvalidDelay    = uint32(C.DCS_STATUS_RESULT_ERR_RETRY_AFTER_INVALID_DELAY)
	resultInvalidDate     = uint32(C.DCS_STATUS_RESULT_ERR_RETRY_AFTER_INVALID_DATE)
	resultImpossibleDate  = uint32(C.DCS_STATUS_RESULT_ERR_RETRY_AFTER_IMPOSSIBLE_DATE)
	resultPanic           = uint32(C.DCS_STATUS_RESULT_ERR_PANIC)
	resultCount           = resultPanic + 1
)

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

// load copies the table, the answer for every code 100..999 and the canonical
// names of the enums from libdcs_status into Go values. It runs once, at init.
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
			retry:       RetryAdvice(p.retry),
		}
	}

	for code := lowestCode; code < highestEnd; code++ {
		r := C.dcsgo_lookup_code(C.int64_t(code))
		if uint32(r.result) != resultOK || int(r.index) >= n {
			panic(fmt.Sprintf("dcsstatus: libdcs_status cannot look up %d: %s", code, resultText(uint32(r.result))))
		}
		resolved[code-lowestCode] = resolution{
			kind:  Kind(r.kind),
			class: Class(r.status_class),
			entry: &entries[r.index],
		}
	}

	for c := ClassInformational; c <= ClassServerError; c++ {
		classNames[c] = enumName(C.dcs_status_class_name(C.uint32_t(c)), "class", int(c))
	}
	for a := AdviceNone; a <= AdviceUnspecified; a++ {
		adviceNames[a] = enumName(C.dcs_status_retry_name(C.uint32_t(a)), "retry advice", int(a))
	}
	for k := KindDocumented; k <= KindInvalid; k++ {
		kindNames[k] = enumName(C.dcs_status_kind_name(C.uint32_t(k)), "kind", int(k))
	}
	for a := ActionDoNotRetry; a <= ActionRetryWithBackoff; a++ {
		actionNames[a] = enumName(C.dcs_status_action_name(C.uint32_t(a)), "action", int(a))
	}
	for r := range resultMessages {
		resultMessages[r] = "dcsstatus: " + C.GoString(C.dcs_status_result_message(C.uint32_t(r)))
	}
}

func enumName(p *C.char, what string, value int) string {
	if p == nil {
		panic(fmt.Sprintf("dcsstatus: libdcs_status has no name for %s %d", what, value))
	}
	return C.GoString(p)
}

// resultText is the C API's sentence for a result, before load has run too.
func resultText(r uint32) string {
	return C.GoString(C.dcs_status_result_message(C.uint32_t(r)))
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

// decide asks the core for the retry decision. hasRetryAfter false passes
// NULL (no Retry-After header). A method other than "" replaces idempotent by
// whether that method is idempotent, as the core says.
func decide(code int64, retryAfter string, hasRetryAfter bool, now int64, idempotent bool, method string) (Action, uint64, uint32) {
	var ra *C.char
	var raLen C.size_t
	if hasRetryAfter {
		ra, raLen = cString(retryAfter)
	}
	var m *C.char
	var mLen C.size_t
	if method != "" {
		m, mLen = cString(method)
	}
	r := C.dcsgo_decide(C.int64_t(code), ra, raLen, C.int64_t(now), C.bool(idempotent), m, mLen)
	return Action(r.decision.action), uint64(r.decision.delay_seconds), uint32(r.result)
}
