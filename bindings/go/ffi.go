package dcsstatus

// Every call into libdcs_status is in this file. At init, load copies the table,
// the core's answer for every code 100..999, the error-code catalogue and the
// names and groupings of the C enums into Go values; after that, the lookups
// (Get, Text, Phrase, ClassOf, Lookup, and LookupErrorCode of a code as the
// catalogue writes it) read only those. FromName, ParseRetryAfter, Decide,
// DecideResponse, MethodIsIdempotent, ParseErrorBody, HTTPErrorFromResponse,
// CheckResponse (for an error status), LookupErrorCode of any other spelling,
// and the retry policy's Step, BackoffMS, Validate, ParseJitter, RetryStep.String
// and the RetryBudget methods cross into C once per call. The retry enums'
// names and sentences and the default policy are copied at init too. Messages are rendered by the core, on the error
// path only (and by Decision.String and CatalogueEntry.Explain).

/*
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
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

typedef struct {
	uint32_t result;
	uint32_t index;
} dcsgo_catalogue_index;

static dcsgo_catalogue_index dcsgo_catalogue_lookup(const char *code, size_t len) {
	dcsgo_catalogue_index r = {0, 0};
	const dcs_status_catalogue_entry *entry = NULL;
	r.result = dcs_status_catalogue_lookup(code, len, &entry);
	if (r.result == DCS_STATUS_RESULT_OK) {
		r.index = entry->index;
	}
	return r;
}

// Each catalogue entry's texts, in this order: code, message, description,
// solution; and what else Go keeps of it.
enum { DCSGO_CATALOGUE_TEXTS = 4 };

typedef struct {
	uint32_t status_index;
	uint32_t advice;
} dcsgo_catalogue_meta;

// dcsgo_catalogue_copy writes the texts of the catalogue's first n entries one
// after another into buf (when it has room for them: pass NULL to measure), their
// lengths into len (DCSGO_CATALOGUE_TEXTS per entry) and the rest into meta, and
// returns the texts' total length; SIZE_MAX if an entry is not as the header
// describes it.
static size_t dcsgo_catalogue_copy(char *buf, size_t cap, size_t *len, dcsgo_catalogue_meta *meta, size_t n) {
	size_t pos = 0;
	for (size_t i = 0; i < n; i++) {
		const dcs_status_catalogue_entry *e = dcs_status_catalogue_at(i);
		if (e == NULL || e->index != i || e->status_entry == NULL) {
			return SIZE_MAX;
		}
		const char *texts[DCSGO_CATALOGUE_TEXTS] = {e->code, e->message, e->description, e->solution};
		for (int t = 0; t < DCSGO_CATALOGUE_TEXTS; t++) {
			size_t l = strlen(texts[t]);
			if (buf != NULL && l <= cap - pos) {
				memcpy(buf + pos, texts[t], l);
			}
			len[i * DCSGO_CATALOGUE_TEXTS + t] = l;
			pos += l;
		}
		meta[i].status_index = e->status_entry->index;
		meta[i].advice = e->advice;
	}
	return pos;
}

// The texts of a body or of a response's error, in this order: error_code,
// error_msg, error_ext_msg, request_id.
enum { DCSGO_TEXTS = 4 };

// dcsgo_decode writes each present text, its escapes resolved, into buf from
// offset *pos on, one after another; len[i] is text i's decoded length, bit i of
// *present says whether it is present, and *pos moves past it. Once a text does
// not fit (*pos >= cap), the rest are only measured, so that *pos ends as the
// room all of them need, and a buffer longer than that holds them all.
static void dcsgo_decode(const dcs_status_text texts[DCSGO_TEXTS], char *buf, size_t cap,
		size_t *pos, size_t len[DCSGO_TEXTS], uint32_t *present) {
	for (int i = 0; i < DCSGO_TEXTS; i++) {
		len[i] = 0;
		if (texts[i].ptr == NULL) {
			continue;
		}
		*present |= 1u << i;
		bool room = *pos < cap;
		len[i] = dcs_status_text_decode(&texts[i], room ? buf + *pos : NULL, room ? cap - *pos : 0);
		*pos += len[i];
	}
}

typedef struct {
	uint32_t result;
	uint32_t present;
	size_t len[DCSGO_TEXTS];
	size_t need;        // the decoded texts' length: they are in buf when need < cap
	int64_t catalogue;  // the catalogue entry's index, or -1
} dcsgo_body;

static dcsgo_body dcsgo_parse_error_body(const char *body, size_t body_len, char *buf, size_t cap) {
	dcsgo_body r;
	memset(&r, 0, sizeof r);
	r.catalogue = -1;
	dcs_status_error_body b;
	r.result = dcs_status_parse_error_body(body, body_len, &b);
	if (r.result != DCS_STATUS_RESULT_OK) {
		return r;
	}
	dcs_status_text texts[DCSGO_TEXTS] = {b.error_code, b.error_msg, b.error_ext_msg, b.request_id};
	dcsgo_decode(texts, buf, cap, &r.need, r.len, &r.present);
	if (b.catalogue != NULL) {
		r.catalogue = b.catalogue->index;
	}
	return r;
}

typedef struct {
	uint32_t result;
	uint32_t kind;
	uint32_t status_index;
	bool idempotent;
	bool has_retry_after;
	uint64_t retry_after_seconds;
	uint32_t action;
	uint64_t delay_seconds;
	int64_t catalogue;  // the catalogue entry's index, or -1
	uint32_t present;
	size_t len[DCSGO_TEXTS];
	size_t message_len; // the message follows the texts in buf
	size_t need;        // texts and message: they are in buf when need < cap
} dcsgo_response;

// dcsgo_http_error_from_response reads a response into one error and writes its
// texts and its message into buf. When method is not NULL, idempotent is replaced
// by dcs_status_method_is_idempotent(method); the answer says which was used.
static dcsgo_response dcsgo_http_error_from_response(int64_t code,
		const dcs_status_header *headers, size_t n_headers, const char *body, size_t body_len,
		int64_t now, bool idempotent, const char *method, size_t method_len, char *buf, size_t cap) {
	dcsgo_response r;
	memset(&r, 0, sizeof r);
	r.catalogue = -1;
	if (method != NULL) {
		idempotent = dcs_status_method_is_idempotent(method, method_len);
	}
	r.idempotent = idempotent;
	dcs_status_http_error e;
	r.result = dcs_status_http_error_from_response(code, headers, n_headers, body, body_len, now,
		idempotent, &e);
	if (r.result != DCS_STATUS_RESULT_OK) {
		return r;
	}
	r.kind = e.kind;
	r.status_index = e.status->index;
	r.has_retry_after = e.has_retry_after;
	r.retry_after_seconds = e.retry_after_seconds;
	r.action = e.decision.action;
	r.delay_seconds = e.decision.delay_seconds;
	if (e.catalogue != NULL) {
		r.catalogue = e.catalogue->index;
	}
	dcs_status_text texts[DCSGO_TEXTS] = {e.error_code, e.error_msg, e.error_ext_msg, e.request_id};
	size_t pos = 0;
	dcsgo_decode(texts, buf, cap, &pos, r.len, &r.present);
	bool room = pos < cap;
	r.message_len = dcs_status_http_error_from_response_message(code, headers, n_headers, body,
		body_len, now, idempotent, room ? buf + pos : NULL, room ? cap - pos : 0);
	r.need = pos + r.message_len;
	return r;
}

typedef struct {
	uint32_t result;
	int64_t catalogue;  // the catalogue entry's index, or -1
	dcs_status_retry_step step;
} dcsgo_step;

// dcsgo_retry_step is one retry step. Its arguments are scalars, which cgo
// passes faster than structs (and no Go pointer is stored in C memory); NULL
// texts are absent.
static dcsgo_step dcsgo_retry_step(uint32_t max_attempts, uint32_t jitter, uint64_t base_transient_ms,
		uint64_t base_throttle_ms, uint64_t base_busy_ms, uint64_t cap_ms, uint64_t max_retry_after_s,
		uint32_t attempt, int64_t status, const char *retry_after, size_t retry_after_len,
		const char *error_code, size_t error_code_len, bool idempotent, bool has_now, int64_t now,
		bool has_random, double random, uint64_t previous_delay_ms, bool has_time_left,
		uint64_t time_left_ms, bool unreplayable_body, const dcs_status_retry_budget *budget) {
	dcs_status_retry_policy policy = {max_attempts, jitter, base_transient_ms, base_throttle_ms,
		base_busy_ms, cap_ms, max_retry_after_s};
	dcs_status_step_input in = {attempt, status, retry_after, retry_after_len, error_code,
		error_code_len, idempotent, has_now, now, has_random, random, previous_delay_ms, has_time_left,
		time_left_ms, unreplayable_body};
	dcsgo_step r;
	r.catalogue = -1;
	r.result = dcs_status_retry_policy_step(&policy, &in, budget, &r.step);
	if (r.result == DCS_STATUS_RESULT_OK && r.step.catalogue != NULL) {
		r.catalogue = r.step.catalogue->index;
	}
	return r;
}

// The error code of a body, as dcsgo_retry_step_body found it.
enum {
	DCSGO_CODE_NONE = 0,     // the body has none
	DCSGO_CODE_IN_BODY = 1,  // at code_off, code_len bytes, without escapes
	DCSGO_CODE_ESCAPED = 2,  // with escapes, resolved for the step
	DCSGO_CODE_TOO_LONG = 3, // with escapes, too long to resolve here: no step was made
};

typedef struct {
	dcsgo_step r;
	uint32_t code;
	size_t code_off;
	size_t code_len;
} dcsgo_body_step;

// dcsgo_retry_step_body is dcsgo_retry_step with the error code read from an
// error response's body by dcs_status_parse_error_body, in the same call.
static dcsgo_body_step dcsgo_retry_step_body(uint32_t max_attempts, uint32_t jitter,
		uint64_t base_transient_ms, uint64_t base_throttle_ms, uint64_t base_busy_ms, uint64_t cap_ms,
		uint64_t max_retry_after_s, uint32_t attempt, int64_t status, const char *retry_after,
		size_t retry_after_len, const char *body, size_t body_len, bool idempotent, bool has_now, int64_t now,
		bool has_random, double random, uint64_t previous_delay_ms, bool has_time_left,
		uint64_t time_left_ms, bool unreplayable_body, const dcs_status_retry_budget *budget) {
	dcsgo_body_step out;
	memset(&out, 0, sizeof out);
	const char *code = NULL;
	size_t code_len = 0;
	char decoded[256];
	dcs_status_error_body b;
	if (body != NULL && dcs_status_parse_error_body(body, body_len, &b) == DCS_STATUS_RESULT_OK &&
			b.error_code.ptr != NULL) {
		if (!b.error_code.escaped) {
			code = b.error_code.ptr;
			code_len = b.error_code.len;
			out.code = DCSGO_CODE_IN_BODY;
			out.code_off = (size_t)(code - body);
			out.code_len = code_len;
		} else if (b.error_code.len < sizeof decoded) {
			code_len = dcs_status_text_decode(&b.error_code, decoded, sizeof decoded);
			code = decoded;
			out.code = DCSGO_CODE_ESCAPED;
		} else {
			out.code = DCSGO_CODE_TOO_LONG;
			return out;
		}
	}
	out.r = dcsgo_retry_step(max_attempts, jitter, base_transient_ms, base_throttle_ms, base_busy_ms,
		cap_ms, max_retry_after_s, attempt, status, retry_after, retry_after_len, code, code_len,
		idempotent, has_now, now, has_random, random, previous_delay_ms, has_time_left, time_left_ms,
		unreplayable_body, budget);
	return out;
}

static uint32_t dcsgo_step_input_validate(dcs_status_step_input in) {
	return dcs_status_step_input_validate(&in);
}

static uint32_t dcsgo_retry_policy_validate(dcs_status_retry_policy policy) {
	return dcs_status_retry_policy_validate(&policy);
}

typedef struct {
	uint32_t result;
	uint64_t ms;
} dcsgo_ms;

static dcsgo_ms dcsgo_backoff_ms(dcs_status_retry_policy policy, uint32_t category, uint32_t retry,
		double random, uint64_t previous_ms) {
	dcsgo_ms r = {0, 0};
	r.result = dcs_status_retry_policy_backoff_ms(&policy, category, retry, random, previous_ms, &r.ms);
	return r;
}

typedef struct {
	uint32_t result;
	uint32_t jitter;
} dcsgo_jitter;

static dcsgo_jitter dcsgo_jitter_from_name(const char *name, size_t len) {
	dcsgo_jitter r = {0, 0};
	dcs_status_jitter j = 0;
	r.result = dcs_status_jitter_from_name(name, len, &j);
	r.jitter = j;
	return r;
}

typedef struct {
	uint32_t result;
	uint32_t tokens;
} dcsgo_tokens;

// dcsgo_step_of is a step as Go passes it back (cStep): the struct by value,
// its catalogue entry as an index (-1 for none), which Go has and the pointer
// is found from here, without another cgo call.
static dcs_status_retry_step dcsgo_step_of(dcs_status_retry_step step, int64_t catalogue) {
	step.catalogue = catalogue >= 0 ? dcs_status_catalogue_at((size_t)catalogue) : NULL;
	return step;
}

// dcsgo_record_success records a success; has_last false for a first-attempt
// success.
static dcsgo_tokens dcsgo_record_success(const dcs_status_retry_budget *budget, bool has_last,
		dcs_status_retry_step last, int64_t catalogue) {
	dcsgo_tokens r = {0, 0};
	last = dcsgo_step_of(last, catalogue);
	r.result = dcs_status_retry_budget_record_success(budget, has_last ? &last : NULL, &r.tokens);
	return r;
}

static size_t dcsgo_step_log_line(char *buf, size_t cap, dcs_status_retry_step step, int64_t catalogue) {
	step = dcsgo_step_of(step, catalogue);
	return dcs_status_retry_step_log_line(&step, buf, cap);
}

static size_t dcsgo_step_exhausted_message(const char *message, size_t message_len, char *buf,
		size_t cap, dcs_status_retry_step step, int64_t catalogue) {
	step = dcsgo_step_of(step, catalogue);
	return dcs_status_retry_step_exhausted_message(&step, message, message_len, buf, cap);
}

static bool dcsgo_step_gave_up(dcs_status_retry_step step, int64_t catalogue) {
	step = dcsgo_step_of(step, catalogue);
	return dcs_status_retry_step_gave_up(&step);
}
*/
import "C"

import (
	"fmt"
	"net/http"
	"runtime"
	"slices"
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
	// ErrUnknownErrorCode means no entry of the DCS error-code catalogue has this
	// code (LookupErrorCode).
	ErrUnknownErrorCode ErrorKind = C.DCS_STATUS_RESULT_ERR_UNKNOWN_ERROR_CODE
	// ErrNoAttempts means a retry policy's MaxAttempts is 0
	// (RetryPolicy.Validate).
	ErrNoAttempts ErrorKind = C.DCS_STATUS_RESULT_ERR_NO_ATTEMPTS
	// ErrCapBelowBase means a retry policy's CapMS is below one of its base
	// delays (RetryPolicy.Validate).
	ErrCapBelowBase ErrorKind = C.DCS_STATUS_RESULT_ERR_CAP_BELOW_BASE
	// ErrUnknownJitter means a Jitter that is none of the Jitter... constants
	// (RetryPolicy.Validate, RetryPolicy.Step), or a name that is not one
	// (ParseJitter).
	ErrUnknownJitter ErrorKind = C.DCS_STATUS_RESULT_ERR_UNKNOWN_JITTER
	// ErrAttemptZero means a step input's Attempt is 0 (StepInput.Validate).
	ErrAttemptZero ErrorKind = C.DCS_STATUS_RESULT_ERR_ATTEMPT_ZERO
	// ErrRandomOutOfRange means a step input's Random is NaN, negative, or 1
	// or more (StepInput.Validate).
	ErrRandomOutOfRange ErrorKind = C.DCS_STATUS_RESULT_ERR_RANDOM_OUT_OF_RANGE
	// ErrInvalidArgument means a value the C API does not define, such as a
	// RetryCategory that is none of the constants (RetryPolicy.BackoffMS).
	ErrInvalidArgument ErrorKind = C.DCS_STATUS_RESULT_ERR_INVALID_ARGUMENT
)

const (
	// JitterFull is a uniform draw in [0, ceiling): the AWS SDKs' "full
	// jitter" (the default).
	JitterFull Jitter = C.DCS_STATUS_JITTER_FULL
	// JitterEqual is half the ceiling plus a uniform draw up to the other half.
	JitterEqual Jitter = C.DCS_STATUS_JITTER_EQUAL
	// JitterNone is exactly the ceiling: plain exponential backoff.
	JitterNone Jitter = C.DCS_STATUS_JITTER_NONE
	// JitterDecorrelated is a uniform draw between the base and three times
	// the previous delay, capped.
	JitterDecorrelated Jitter = C.DCS_STATUS_JITTER_DECORRELATED
)

const (
	// RetryCategoryTransient is a failure that may clear at once: a server
	// error on an idempotent request, a request timeout.
	RetryCategoryTransient RetryCategory = C.DCS_STATUS_RETRY_CATEGORY_TRANSIENT
	// RetryCategoryThrottle is a server limiting the request rate: 429, or any
	// Retry-After it sent.
	RetryCategoryThrottle RetryCategory = C.DCS_STATUS_RETRY_CATEGORY_THROTTLE
	// RetryCategoryBusy is a busy DCS instance (restarting, backing up,
	// running a job): an error code that says to try again later.
	RetryCategoryBusy RetryCategory = C.DCS_STATUS_RETRY_CATEGORY_BUSY
)

const (
	// RetryReasonNotAnError is rule 1: 1xx-3xx is not an error.
	RetryReasonNotAnError RetryReason = C.DCS_STATUS_RETRY_REASON_NOT_AN_ERROR
	// RetryReasonMaxAttempts is rule 2: the attempt just made was the last the
	// policy allows.
	RetryReasonMaxAttempts RetryReason = C.DCS_STATUS_RETRY_REASON_MAX_ATTEMPTS
	// RetryReasonErrorCode is rule 3: the error code says to fix the request,
	// or that the operation is not allowed.
	RetryReasonErrorCode RetryReason = C.DCS_STATUS_RETRY_REASON_ERROR_CODE
	// RetryReasonRetryAfterTooLong is rule 4: the server's Retry-After asks for
	// longer than the policy's MaxRetryAfterS.
	RetryReasonRetryAfterTooLong RetryReason = C.DCS_STATUS_RETRY_REASON_RETRY_AFTER_TOO_LONG
	// RetryReasonRetryAfter is rule 4: retry after exactly the server's
	// Retry-After.
	RetryReasonRetryAfter RetryReason = C.DCS_STATUS_RETRY_REASON_RETRY_AFTER
	// RetryReasonBusy is rule 5: the error code says to try again later.
	RetryReasonBusy RetryReason = C.DCS_STATUS_RETRY_REASON_BUSY
	// RetryReasonThrottled is rule 6: 429 without a valid Retry-After.
	RetryReasonThrottled RetryReason = C.DCS_STATUS_RETRY_REASON_THROTTLED
	// RetryReasonTimeout is rule 7: 408.
	RetryReasonTimeout RetryReason = C.DCS_STATUS_RETRY_REASON_TIMEOUT
	// RetryReasonServerError is rule 8: 500, 502, 504 or a code handled as
	// 500, on an idempotent request.
	RetryReasonServerError RetryReason = C.DCS_STATUS_RETRY_REASON_SERVER_ERROR
	// RetryReasonNotIdempotent is rules 0 and 8: no response, or the same, on a request that is not
	// idempotent.
	RetryReasonNotIdempotent RetryReason = C.DCS_STATUS_RETRY_REASON_NOT_IDEMPOTENT
	// RetryReasonStatus is rule 9: any other status, or a number that is not a
	// status code.
	RetryReasonStatus RetryReason = C.DCS_STATUS_RETRY_REASON_STATUS
	// RetryReasonBudgetExhausted is a retry the budget cannot pay for.
	RetryReasonBudgetExhausted RetryReason = C.DCS_STATUS_RETRY_REASON_BUDGET_EXHAUSTED
	// RetryReasonDeadline is a retry whose delay would end past the caller's
	// deadline.
	RetryReasonDeadline RetryReason = C.DCS_STATUS_RETRY_REASON_DEADLINE
	// RetryReasonConnectionError is rule 0: no response arrived (Status
	// NoResponse: the connection failed, was reset or timed out) on an
	// idempotent request.
	RetryReasonConnectionError RetryReason = C.DCS_STATUS_RETRY_REASON_CONNECTION_ERROR
	// RetryReasonUnreplayableBody is a retry of a request whose body cannot be
	// sent again (StepInput.UnreplayableBody).
	RetryReasonUnreplayableBody RetryReason = C.DCS_STATUS_RETRY_REASON_UNREPLAYABLE_BODY
)

const (
	// StepActionRetry says to wait RetryStep.Delay, then send the request
	// again.
	StepActionRetry StepAction = C.DCS_STATUS_STEP_ACTION_RETRY
	// StepActionDoNotRetry says not to send it again: hand the response to
	// the caller.
	StepActionDoNotRetry StepAction = C.DCS_STATUS_STEP_ACTION_DO_NOT_RETRY
)

const (
	// ErrorAdviceRetryLater means the Solution says to try again later: the
	// condition is temporary (the instance is restarting, backing up, running a
	// job), even on HTTP 400.
	ErrorAdviceRetryLater ErrorAdvice = C.DCS_STATUS_ERROR_ADVICE_RETRY_LATER
	// ErrorAdviceContactSupport means the Solution is "Contact technical
	// support.": retrying will not help.
	ErrorAdviceContactSupport ErrorAdvice = C.DCS_STATUS_ERROR_ADVICE_CONTACT_SUPPORT
	// ErrorAdviceFixRequest means the Solution asks to check, select, reset or
	// process something: the request must change.
	ErrorAdviceFixRequest ErrorAdvice = C.DCS_STATUS_ERROR_ADVICE_FIX_REQUEST
	// ErrorAdviceNotAllowed means the operation is not allowed (for this
	// instance, or at all).
	ErrorAdviceNotAllowed ErrorAdvice = C.DCS_STATUS_ERROR_ADVICE_NOT_ALLOWED
	// ErrorAdviceUnspecified means the Solution gives no advice the core's rules
	// recognize.
	ErrorAdviceUnspecified ErrorAdvice = C.DCS_STATUS_ERROR_ADVICE_UNSPECIFIED
)

// logLineMax is the most bytes a step's log line can have.
const logLineMax = C.DCS_STATUS_RETRY_STEP_LOG_LINE_MAX

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

	loadCatalogue()

	classNames = enumNames(func(v uint32) *C.char { return C.dcs_status_class_name(C.uint32_t(v)) })
	adviceNames = enumNames(func(v uint32) *C.char { return C.dcs_status_retry_advice_name(C.uint32_t(v)) })
	lookupKindNames = enumNames(func(v uint32) *C.char { return C.dcs_status_lookup_kind_name(C.uint32_t(v)) })
	actionNames = enumNames(func(v uint32) *C.char { return C.dcs_status_action_name(C.uint32_t(v)) })
	resultNames = enumNames(func(v uint32) *C.char { return C.dcs_status_result_name(C.uint32_t(v)) })
	errorAdviceNames = enumNames(func(v uint32) *C.char { return C.dcs_status_error_advice_name(C.uint32_t(v)) })

	jitterNames = enumNames(func(v uint32) *C.char { return C.dcs_status_jitter_name(C.uint32_t(v)) })
	jitterSentences = enumNames(func(v uint32) *C.char { return C.dcs_status_jitter_explain(C.uint32_t(v)) })
	retryCategoryNames = enumNames(func(v uint32) *C.char { return C.dcs_status_retry_category_name(C.uint32_t(v)) })
	retryCategorySentences = enumNames(func(v uint32) *C.char { return C.dcs_status_retry_category_explain(C.uint32_t(v)) })
	retryReasonNames = enumNames(func(v uint32) *C.char { return C.dcs_status_retry_reason_name(C.uint32_t(v)) })
	retryReasonSentences = enumNames(func(v uint32) *C.char { return C.dcs_status_retry_reason_explain(C.uint32_t(v)) })
	stepActionNames = enumNames(func(v uint32) *C.char { return C.dcs_status_step_action_name(C.uint32_t(v)) })
	stepActionSentences = enumNames(func(v uint32) *C.char { return C.dcs_status_step_action_explain(C.uint32_t(v)) })
	defaultPolicy = policyFromC(C.dcs_status_retry_policy_default())

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
		{resultNames, int(ErrInvalidArgument), "result"},
		{jitterNames, int(JitterDecorrelated), "jitter"},
		{retryCategoryNames, int(RetryCategoryBusy), "retry category"},
		{retryReasonNames, int(RetryReasonUnreplayableBody), "retry reason"},
		{stepActionNames, int(StepActionDoNotRetry), "step action"},
		{errorAdviceNames, int(ErrorAdviceUnspecified), "error advice"},
	} {
		if len(want.names) <= want.last {
			panic(fmt.Sprintf("dcsstatus: libdcs_status names no %s %d", want.what, want.last))
		}
	}
}

// loadCatalogue copies the error-code catalogue, in document order, and indexes
// it by each entry's code as the core writes it. The texts of all entries are
// copied into one Go allocation (two cgo calls: one measures, one copies), over
// which the entries' strings are made.
func loadCatalogue() {
	n := int(C.dcs_status_catalogue_count())
	lens := make([]C.size_t, n*C.DCSGO_CATALOGUE_TEXTS+1) // + 1: never empty
	meta := make([]C.dcsgo_catalogue_meta, n+1)
	total := C.dcsgo_catalogue_copy(nil, 0, &lens[0], &meta[0], C.size_t(n))
	if total == C.SIZE_MAX {
		panic(fmt.Sprintf("dcsstatus: libdcs_status has no consistent catalogue of %d entries", n))
	}
	buf := make([]byte, int(total)+1)
	if C.dcsgo_catalogue_copy((*C.char)(unsafe.Pointer(&buf[0])), C.size_t(len(buf)), &lens[0], &meta[0], C.size_t(n)) != total {
		panic("dcsstatus: libdcs_status's catalogue changed while it was copied")
	}
	off := 0
	text := func(i int) string {
		s := view(buf, off, int(lens[i]))
		off += int(lens[i])
		return s
	}
	catalogue = make([]CatalogueEntry, n)
	catalogueByCode = make(map[string]*CatalogueEntry, n)
	for i := range catalogue {
		t := i * C.DCSGO_CATALOGUE_TEXTS
		if int(meta[i].status_index) >= len(entries) {
			panic(fmt.Sprintf("dcsstatus: catalogue entry %d has a status the table lacks", i))
		}
		e := &catalogue[i]
		*e = CatalogueEntry{
			code:        text(t),
			message:     text(t + 1),
			description: text(t + 2),
			solution:    text(t + 3),
			status:      Status{&entries[meta[i].status_index]},
			advice:      ErrorAdvice(meta[i].advice),
			index:       i,
		}
		catalogueByCode[e.code] = e
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

// catalogueLookup asks the core which catalogue entry a code is, by its forgiving
// rule; nil and the result when none is.
func catalogueLookup(code string) (*CatalogueEntry, uint32) {
	p, n := cString(code)
	r := C.dcsgo_catalogue_lookup(p, n)
	switch {
	case uint32(r.result) != resultOK:
		return nil, uint32(r.result)
	case int(r.index) >= len(catalogue):
		return nil, uint32(ErrInternal) // an entry load did not copy
	}
	return &catalogue[r.index], resultOK
}

// catalogueExplain is the core's explanation of an error code.
func catalogueExplain(code string) string {
	p, n := cString(code)
	return render(func(buf *C.char, capacity C.size_t) C.size_t {
		return C.dcs_status_catalogue_explain(p, n, buf, capacity)
	})
}

// The number of texts the C wrappers decode (error_code, error_msg,
// error_ext_msg, request_id) and the room first offered for them.
const (
	nTexts      = C.DCSGO_TEXTS
	firstBuffer = 1024
)

// decodedTexts are the texts a C wrapper decoded into buf, one after another.
type decodedTexts struct {
	buf     []byte
	present uint32
	lens    [nTexts]int
}

// texts returns the decoded texts as Go strings over buf, which nothing writes
// after the call, so the strings share its one allocation; off is where the next
// byte after them is.
func (d *decodedTexts) texts() (texts [nTexts]string, has [nTexts]bool, off int) {
	for i := range texts {
		if d.present&(1<<i) == 0 {
			continue
		}
		has[i] = true
		texts[i] = view(d.buf, off, d.lens[i])
		off += d.lens[i]
	}
	return texts, has, off
}

// view is the n bytes of buf at off as a string that shares buf's memory.
func view(buf []byte, off, n int) string {
	if n == 0 {
		return ""
	}
	return unsafe.String(&buf[off], n)
}

// cBody gives C a pointer to the body's bytes, NULL for an empty body.
func cBody(body []byte) (*C.char, C.size_t) {
	if len(body) == 0 {
		return nil, 0
	}
	return (*C.char)(unsafe.Pointer(unsafe.SliceData(body))), C.size_t(len(body))
}

// parseErrorBody asks the core to parse a body, with one cgo call when its texts
// fit the first buffer, which they do for any body shorter than it (decoded,
// they are never longer than the body).
func parseErrorBody(body []byte) (d decodedTexts, catalogueIndex int) {
	b, n := cBody(body)
	d.buf = make([]byte, min(len(body)+1, firstBuffer))
	for {
		r := C.dcsgo_parse_error_body(b, n, (*C.char)(unsafe.Pointer(&d.buf[0])), C.size_t(len(d.buf)))
		if uint32(r.result) != resultOK {
			// The core refuses only NULL pointers, which this never passes.
			panic("dcsstatus: dcs_status_parse_error_body: " + C.GoString(C.dcs_status_result_message(r.result)))
		}
		if need := int(r.need); need >= len(d.buf) {
			d.buf = make([]byte, need+1)
			continue
		}
		d.present = uint32(r.present)
		for i := range d.lens {
			d.lens[i] = int(r.len[i])
		}
		return d, int(r.catalogue)
	}
}

// responseAnswer is the core's error for one response, with its texts and
// message decoded into one buffer.
type responseAnswer struct {
	decodedTexts
	result            uint32
	kind              LookupKind
	statusIndex       int
	idempotent        bool
	hasRetryAfter     bool
	retryAfterSeconds uint64
	action            Action
	delaySeconds      uint64
	catalogueIndex    int
	messageLen        int
}

// httpErrorFromResponse asks the core for the error of one response (one cgo
// call, two when its texts and message do not fit the first buffer). A method
// other than "" replaces idempotent by whether that method is idempotent, as the
// core says. The headers are copied into one Go buffer, pinned while C reads it,
// so that the C array of headers may point into it.
func httpErrorFromResponse(code int64, header http.Header, body []byte, now int64, idempotent bool, method string) responseAnswer {
	var pinner runtime.Pinner
	defer pinner.Unpin()
	headers := cHeaders(header, &pinner)
	var h *C.dcs_status_header
	if len(headers) > 0 {
		h = &headers[0]
	}
	b, n := cBody(body)
	m, mLen := cOptional(method, method != "")
	a := responseAnswer{decodedTexts: decodedTexts{buf: make([]byte, firstBuffer)}}
	for {
		r := C.dcsgo_http_error_from_response(C.int64_t(code), h, C.size_t(len(headers)), b, n,
			C.int64_t(now), C.bool(idempotent), m, mLen, (*C.char)(unsafe.Pointer(&a.buf[0])), C.size_t(len(a.buf)))
		a.result = uint32(r.result)
		if a.result != resultOK {
			return a
		}
		if need := int(r.need); need >= len(a.buf) {
			a.buf = make([]byte, need+1)
			continue
		}
		a.present = uint32(r.present)
		for i := range a.lens {
			a.lens[i] = int(r.len[i])
		}
		a.kind = LookupKind(r.kind)
		a.statusIndex = int(r.status_index)
		a.idempotent = bool(r.idempotent)
		a.hasRetryAfter = bool(r.has_retry_after)
		a.retryAfterSeconds = uint64(r.retry_after_seconds)
		a.action = Action(r.action)
		a.delaySeconds = uint64(r.delay_seconds)
		a.catalogueIndex = int(r.catalogue)
		a.messageLen = int(r.message_len)
		return a
	}
}

// cHeaders is every value of h as a C header, the names in sorted order (a
// map's order is random; the core takes the first value that counts of several
// headers of one name, and net/http keeps the values of one name in the order
// received). Names and values are copied into one Go buffer, pinned with pinner,
// so that the returned array, which points into it, may be passed to C.
func cHeaders(h http.Header, pinner *runtime.Pinner) []C.dcs_status_header {
	names := make([]string, 0, len(h))
	size, count := 0, 0
	for name, values := range h {
		names = append(names, name)
		for _, v := range values {
			size += len(name) + len(v)
			count++
		}
	}
	if count == 0 {
		return nil
	}
	slices.Sort(names)
	// One byte more than the texts, for empty names and values to point at.
	buf := make([]byte, size+1)
	base := unsafe.Pointer(&buf[0])
	pinner.Pin(base)
	headers := make([]C.dcs_status_header, 0, count)
	off := 0
	text := func(s string) (*C.char, C.size_t) {
		p := (*C.char)(unsafe.Add(base, off))
		off += copy(buf[off:], s)
		return p, C.size_t(len(s))
	}
	for _, name := range names {
		for _, v := range h[name] {
			var hdr C.dcs_status_header
			hdr.name, hdr.name_len = text(name)
			hdr.value, hdr.value_len = text(v)
			headers = append(headers, hdr)
		}
	}
	return headers
}

// cPolicy is p as the C API's struct.
func (p RetryPolicy) cPolicy() C.dcs_status_retry_policy {
	return C.dcs_status_retry_policy{
		max_attempts:      C.uint32_t(p.MaxAttempts),
		jitter:            C.uint32_t(p.Jitter),
		base_transient_ms: C.uint64_t(p.BaseTransientMS),
		base_throttle_ms:  C.uint64_t(p.BaseThrottleMS),
		base_busy_ms:      C.uint64_t(p.BaseBusyMS),
		cap_ms:            C.uint64_t(p.CapMS),
		max_retry_after_s: C.uint64_t(p.MaxRetryAfterS),
	}
}

// policyFromC is the C API's policy as a RetryPolicy.
func policyFromC(c C.dcs_status_retry_policy) RetryPolicy {
	return RetryPolicy{
		MaxAttempts:     uint32(c.max_attempts),
		Jitter:          Jitter(c.jitter),
		BaseTransientMS: uint64(c.base_transient_ms),
		BaseThrottleMS:  uint64(c.base_throttle_ms),
		BaseBusyMS:      uint64(c.base_busy_ms),
		CapMS:           uint64(c.cap_ms),
		MaxRetryAfterS:  uint64(c.max_retry_after_s),
	}
}

// cInput is in as the C API's struct, without its texts (dcsgo_retry_step
// sets them).
func (in *StepInput) cInput() C.dcs_status_step_input {
	c := C.dcs_status_step_input{
		attempt:           C.uint32_t(in.Attempt),
		status:            C.int64_t(in.Status),
		idempotent:        C.bool(in.Idempotent),
		has_random:        C.bool(in.HasRandom),
		random:            C.double(in.Random),
		previous_delay_ms: C.uint64_t(in.PreviousDelayMS),
		has_time_left:     C.bool(in.HasTimeLeft),
		time_left_ms:      C.uint64_t(durationMS(in.TimeLeft)),
		unreplayable_body: C.bool(in.UnreplayableBody),
	}
	if !in.Now.IsZero() {
		c.has_now = true
		c.now = C.int64_t(in.Now.Unix())
	}
	return c
}

// validateStepInput is the core's first problem with in, or resultOK.
func validateStepInput(in *StepInput) uint32 {
	return uint32(C.dcsgo_step_input_validate(in.cInput()))
}

// validatePolicy is the core's first problem with p, or resultOK.
func validatePolicy(p RetryPolicy) uint32 {
	return uint32(C.dcsgo_retry_policy_validate(p.cPolicy()))
}

// backoffMS asks the core for a backoff delay.
func backoffMS(p RetryPolicy, category RetryCategory, retry uint32, random float64, previousMS uint64) (uint64, uint32) {
	r := C.dcsgo_backoff_ms(p.cPolicy(), C.uint32_t(category), C.uint32_t(retry), C.double(random), C.uint64_t(previousMS))
	return uint64(r.ms), uint32(r.result)
}

// jitterFromName asks the core which jitter mode a name is.
func jitterFromName(name string) (Jitter, uint32) {
	p, n := cString(name)
	r := C.dcsgo_jitter_from_name(p, n)
	return Jitter(r.jitter), uint32(r.result)
}

// randomUnit is a draw from the core's random source.
func randomUnit() float64 { return float64(C.dcs_status_random_unit()) }

// retryStep asks the core for the next step: one cgo call. An empty text is
// passed as absent (the core reads an empty Retry-After as one that does not
// parse, and an empty error code as one the catalogue lacks: both as absent).
func retryStep(p RetryPolicy, in *StepInput, budget *RetryBudget) (RetryStep, uint32) {
	ra, raLen := cOptional(in.RetryAfter, in.RetryAfter != "")
	ec, ecLen := cOptional(in.ErrorCode, in.ErrorCode != "")
	var hasNow bool
	var now int64
	if !in.Now.IsZero() {
		hasNow, now = true, in.Now.Unix()
	}
	r := C.dcsgo_retry_step(C.uint32_t(p.MaxAttempts), C.uint32_t(p.Jitter), C.uint64_t(p.BaseTransientMS),
		C.uint64_t(p.BaseThrottleMS), C.uint64_t(p.BaseBusyMS), C.uint64_t(p.CapMS), C.uint64_t(p.MaxRetryAfterS),
		C.uint32_t(in.Attempt), C.int64_t(in.Status), ra, raLen, ec, ecLen, C.bool(in.Idempotent),
		C.bool(hasNow), C.int64_t(now), C.bool(in.HasRandom), C.double(in.Random), C.uint64_t(in.PreviousDelayMS),
		C.bool(in.HasTimeLeft), C.uint64_t(durationMS(in.TimeLeft)), C.bool(in.UnreplayableBody), budget.handle())
	runtime.KeepAlive(budget)
	return stepFromC(&r)
}

// retryStepBody is retryStep for a response whose body (an error response's,
// as much as was read; nil for none) gives the error code, read by the core in
// the same cgo call: in.ErrorCode is not read. code is the body's error code as
// it appears in body (a slice of it), or nil; escaped reports a code with JSON
// escapes, which code does not give (ParseErrorBody resolves them). ok is
// false, and no step was made, for a code with escapes too long to resolve in
// that call: then ParseErrorBody and Step.
func retryStepBody(p RetryPolicy, in *StepInput, body []byte, budget *RetryBudget) (s RetryStep, code []byte, escaped, ok bool, result uint32) {
	ra, raLen := cOptional(in.RetryAfter, in.RetryAfter != "")
	b, n := cBody(body)
	var hasNow bool
	var now int64
	if !in.Now.IsZero() {
		hasNow, now = true, in.Now.Unix()
	}
	r := C.dcsgo_retry_step_body(C.uint32_t(p.MaxAttempts), C.uint32_t(p.Jitter), C.uint64_t(p.BaseTransientMS),
		C.uint64_t(p.BaseThrottleMS), C.uint64_t(p.BaseBusyMS), C.uint64_t(p.CapMS), C.uint64_t(p.MaxRetryAfterS),
		C.uint32_t(in.Attempt), C.int64_t(in.Status), ra, raLen, b, n, C.bool(in.Idempotent),
		C.bool(hasNow), C.int64_t(now), C.bool(in.HasRandom), C.double(in.Random), C.uint64_t(in.PreviousDelayMS),
		C.bool(in.HasTimeLeft), C.uint64_t(durationMS(in.TimeLeft)), C.bool(in.UnreplayableBody), budget.handle())
	runtime.KeepAlive(budget)
	switch r.code {
	case C.DCSGO_CODE_TOO_LONG:
		return RetryStep{}, nil, true, false, resultOK
	case C.DCSGO_CODE_IN_BODY:
		off, l := int(r.code_off), int(r.code_len)
		if off >= 0 && l >= 0 && off+l <= len(body) {
			code = body[off : off+l : off+l]
		}
	case C.DCSGO_CODE_ESCAPED:
		escaped = true
	}
	s, result = stepFromC(&r.r)
	return s, code, escaped, true, result
}

// stepFromC is the step a dcsgo_step holds.
func stepFromC(r *C.dcsgo_step) (RetryStep, uint32) {
	if uint32(r.result) != resultOK {
		return RetryStep{}, uint32(r.result)
	}
	c := &r.step
	s := RetryStep{
		Action:         StepAction(c.action),
		DelayMS:        uint64(c.delay_ms),
		Delay:          msToDuration(uint64(c.delay_ms)),
		HasCategory:    bool(c.has_category),
		Category:       RetryCategory(c.category),
		Reason:         RetryReason(c.reason),
		HasTokensAfter: bool(c.has_tokens_after),
		TokensAfter:    uint32(c.tokens_after),
		Attempt:        uint32(c.attempt),
		MaxAttempts:    uint32(c.max_attempts),
		Status:         int(c.status),
		HasRetryAfter:  bool(c.has_retry_after),
		RetryAfter:     secondsToDuration(uint64(c.retry_after_s)),
		RetryAfterS:    uint64(c.retry_after_s),
	}
	if r.catalogue >= 0 && int(r.catalogue) < len(catalogue) {
		s.Catalogue = &catalogue[r.catalogue]
	}
	return s, resultOK
}

// cStep is s as the C API's struct, without its catalogue pointer, and its
// catalogue entry's index (-1 for none), which dcsgo_step_of turns back into
// the pointer: how a RetryStep goes back to C (two arguments; the struct is
// passed by value, so nothing escapes).
func (s *RetryStep) cStep() (C.dcs_status_retry_step, C.int64_t) {
	return C.dcs_status_retry_step{
		action:           C.uint32_t(s.Action),
		delay_ms:         C.uint64_t(s.DelayMS),
		has_category:     C.bool(s.HasCategory),
		category:         C.uint32_t(s.Category),
		reason:           C.uint32_t(s.Reason),
		has_tokens_after: C.bool(s.HasTokensAfter),
		tokens_after:     C.uint32_t(s.TokensAfter),
		attempt:          C.uint32_t(s.Attempt),
		max_attempts:     C.uint32_t(s.MaxAttempts),
		status:           C.int64_t(s.Status),
		has_retry_after:  C.bool(s.HasRetryAfter),
		retry_after_s:    C.uint64_t(s.RetryAfterS),
	}, C.int64_t(s.Catalogue.catalogueIndex())
}

// stepLogLine is the core's log line of a step, which always fits
// DCS_STATUS_RETRY_STEP_LOG_LINE_MAX bytes: one cgo call, and the string is the
// only allocation.
func stepLogLine(s *RetryStep) string {
	// The buffer escapes (C writes it) and becomes the string, which nothing
	// writes after the call.
	buf := make([]byte, logLineMax+1)
	step, catalogue := s.cStep()
	n := int(C.dcsgo_step_log_line((*C.char)(unsafe.Pointer(&buf[0])), C.size_t(len(buf)), step, catalogue))
	return view(buf, 0, min(n, len(buf)-1))
}

// NoResponse is the StepInput Status of an attempt that got no response (the
// connection failed, was reset or timed out): rule 0 retries it, reason
// RetryReasonConnectionError, only on an idempotent request. No HTTP status
// is 0. The core's NO_RESPONSE.
const NoResponse = C.DCS_STATUS_NO_RESPONSE

// bodyLimit is the core's BODY_LIMIT (MaxErrorBodyBytes).
const bodyLimit = C.DCS_STATUS_BODY_LIMIT

// stepExhaustedMessage is the core's RetryStep::exhausted_message of s:
// message, ended with "; retries exhausted: WHY (REASON)" when s gave up.
func stepExhaustedMessage(s *RetryStep, message string) string {
	m, mLen := cString(message)
	// Room for the message, "; " and the clause (at most logLineMax bytes).
	buf := make([]byte, len(message)+2+logLineMax+1)
	step, catalogue := s.cStep()
	n := int(C.dcsgo_step_exhausted_message(m, mLen, (*C.char)(unsafe.Pointer(&buf[0])), C.size_t(len(buf)),
		step, catalogue))
	runtime.KeepAlive(message)
	return view(buf, 0, min(n, len(buf)-1))
}

// stepGaveUp is the core's RetryStep::gave_up of s.
func stepGaveUp(s *RetryStep) bool {
	return bool(C.dcsgo_step_gave_up(s.cStep()))
}

// cBudget is the C handle of a budget.
type cBudget = *C.dcs_status_retry_budget

func newBudget(capacity, retryCost, throttleCost, tokens uint32, full bool) cBudget {
	if full {
		return C.dcs_status_retry_budget_new(C.uint32_t(capacity), C.uint32_t(retryCost), C.uint32_t(throttleCost))
	}
	return C.dcs_status_retry_budget_new_with_tokens(C.uint32_t(capacity), C.uint32_t(retryCost), C.uint32_t(throttleCost), C.uint32_t(tokens))
}

func newDefaultBudget() cBudget           { return C.dcs_status_retry_budget_new_default() }
func freeBudget(h cBudget)                { C.dcs_status_retry_budget_free(h) }
func budgetTokens(h cBudget) uint32       { return uint32(C.dcs_status_retry_budget_tokens(h)) }
func budgetCapacity(h cBudget) uint32     { return uint32(C.dcs_status_retry_budget_capacity(h)) }
func budgetRetryCost(h cBudget) uint32    { return uint32(C.dcs_status_retry_budget_retry_cost(h)) }
func budgetThrottleCost(h cBudget) uint32 { return uint32(C.dcs_status_retry_budget_throttle_cost(h)) }

// budgetRecordSuccess records a success, after last (nil: the first attempt
// succeeded); the tokens after and the result.
func budgetRecordSuccess(h cBudget, last *RetryStep) (uint32, uint32) {
	var s RetryStep
	if last != nil {
		s = *last
	}
	step, catalogue := s.cStep()
	r := C.dcsgo_record_success(h, C.bool(last != nil), step, catalogue)
	return uint32(r.tokens), uint32(r.result)
}

// budgetOpaque stands for the C budget type, which is incomplete in Go, in
// an atomic.Pointer; the pointer is C memory, which the garbage collector
// ignores.
type budgetOpaque struct{}

func toOpaque(h cBudget) *budgetOpaque   { return (*budgetOpaque)(unsafe.Pointer(h)) }
func fromOpaque(p *budgetOpaque) cBudget { return (cBudget)(unsafe.Pointer(p)) }
