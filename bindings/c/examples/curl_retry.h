/*
 * curl_retry.h: a libcurl retry loop on the dcs-status retry policy. Copy
 * curl_retry.h and curl_retry.c into your program, or compile curl_retry.c beside it:
 *
 *   cc -std=c99 app.c curl_retry.c $(pkg-config --cflags --libs dcs_status libcurl)
 *
 * dcs_curl_perform() is curl_easy_perform() that retries DCS responses as every
 * dcs-status client does: after each attempt it reads the status, the Retry-After and
 * X-Request-Id headers and the error code of (at most DCS_STATUS_BODY_LIMIT bytes of)
 * an error body, asks dcs_status_retry_policy_step() what to do, logs the step's line
 * (dcs_status_retry_step_log_line(): the same text as Python and Go), sleeps the
 * step's delay and sends the request again, until a step says not to. Only the final
 * response's body reaches your write callback, whole; the bodies of responses it
 * retries never do.
 *
 *   dcs_curl_retry_options opts;
 *   dcs_curl_retry_options_init(&opts);          // the default policy, stderr, nanosleep
 *   opts.write = my_write; opts.write_data = &my_buffer;
 *   dcs_curl_result result;
 *   CURLcode rc = dcs_curl_perform(easy, &opts, &result);
 *   if (rc != CURLE_OK)          ... no response (curl_easy_strerror(rc)); result.attempts says why
 *   else if (result.exhausted)   ... retries ran out: result.status is the last error response
 *   else                         ... result.status is the final response (2xx, or an error
 *                                    that is not retried: 404, 500 on a POST, DCS.4202)
 *   dcs_curl_result_free(&result);
 *
 * The loop owns the handle's CURLOPT_WRITEFUNCTION/WRITEDATA and
 * CURLOPT_HEADERFUNCTION/HEADERDATA while it runs (give your write callback in the
 * options), and CURLOPT_TIMEOUT_MS when the options set a timeout; afterwards the write
 * callback is yours again, the header callback is curl's default. Everything else
 * (URL, method, headers, TLS, CURLOPT_POSTFIELDS) is the handle's, sent as it is on
 * every attempt.
 *
 * Request bodies: a CURLOPT_POSTFIELDS body (and no body) is sent again as it is. A
 * CURLOPT_READFUNCTION body is read once per attempt: set `streamed_body` and give a
 * `rewind` callback that starts it over; without one the request is sent only once:
 * a retry a rule calls for is the core's `unreplayable_body` step ("... DCS.4111 says
 * try again later, but the request body cannot be sent again (unreplayable_body)"),
 * the response is the answer (not exhausted), and the attempt's `body_replayable` is
 * false.
 */
#ifndef DCS_CURL_RETRY_H
#define DCS_CURL_RETRY_H

#include <curl/curl.h>
#include <dcs_status.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The most bytes of a request id or error code an attempt keeps (without the NUL). */
#define DCS_CURL_TEXT_MAX 64

/** The level of a log record: retries are INFO, the final step is DEBUG. */
typedef enum dcs_curl_log_level {
    /** The final step (do not retry): the loop ends. */
    DCS_CURL_LOG_DEBUG = 10,
    /** A retry: the request is sent again after the step's delay. */
    DCS_CURL_LOG_INFO = 20
} dcs_curl_log_level;

/** One attempt: what came back and the step the core took on it. */
typedef struct dcs_curl_attempt {
    /** The attempt's number, 1 for the first. */
    uint32_t attempt;
    /** The response's status, or DCS_STATUS_NO_RESPONSE (0) when none came. */
    long status;
    /** curl's result for the attempt: CURLE_OK when a response came. */
    CURLcode curl_code;
    /** The request id (X-Request-Id, else the body's request_id, else
     *  X-Openstack-Request-Id), printable ASCII (other bytes as '?'), cut at
     *  DCS_CURL_TEXT_MAX bytes; "" when none. */
    char request_id[DCS_CURL_TEXT_MAX + 1];
    /** The error code of the body ("DCS.4111"), printable ASCII as request_id; "" when none. */
    char error_code[DCS_CURL_TEXT_MAX + 1];
    /** Whether the request's body could be sent again (false: streamed without rewind). */
    bool body_replayable;
    /** The core's step: action, delay_ms, reason (dcs_status_retry_reason_name), ... */
    dcs_status_retry_step step;
    /** The step's log line (dcs_status_retry_step_log_line), the same in every language. */
    char log_line[DCS_STATUS_RETRY_STEP_LOG_LINE_MAX + 1];
} dcs_curl_attempt;

/** Receives each attempt's step once it is taken (its level: INFO for a retry). */
typedef void (*dcs_curl_log_fn)(void *user, dcs_curl_log_level level, const dcs_curl_attempt *attempt);
/** Waits `ms` milliseconds. */
typedef void (*dcs_curl_sleep_fn)(void *user, uint64_t ms);
/** The current time in Unix seconds (for an HTTP-date Retry-After). */
typedef int64_t (*dcs_curl_now_fn)(void *user);
/** A monotonic clock in milliseconds (for the timeout). */
typedef uint64_t (*dcs_curl_clock_fn)(void *user);
/** A uniform random draw in [0, 1) (for the jittered delays). */
typedef double (*dcs_curl_random_fn)(void *user);
/** Starts a CURLOPT_READFUNCTION body over; returns 0 on success. */
typedef int (*dcs_curl_rewind_fn)(void *user);

/** How dcs_curl_perform retries: start from dcs_curl_retry_options_init(). */
typedef struct dcs_curl_retry_options {
    /** The retry policy (default: dcs_status_retry_policy_default()). */
    dcs_status_retry_policy policy;
    /** A retry budget shared by the process's requests, or NULL (the default): none.
     *  A success is recorded in it (dcs_status_retry_budget_record_success). */
    dcs_status_retry_budget *budget;
    /** The request's method, for idempotency; NULL (the default): the handle's
     *  (CURLINFO_EFFECTIVE_METHOD). */
    const char *method;
    /** Receives the final response's body, as CURLOPT_WRITEFUNCTION would; NULL (the
     *  default): fwrite to `write_data` as a FILE *, stdout when NULL (curl's default). */
    curl_write_callback write;
    /** The `userdata` of `write`. */
    void *write_data;
    /** The handle sends a CURLOPT_READFUNCTION body (default false). */
    bool streamed_body;
    /** Starts that body over before a retry; NULL (the default): it cannot be, and the
     *  request is sent once (the step's reason: unreplayable_body). */
    dcs_curl_rewind_fn rewind;
    /** The time all attempts and sleeps may take, in milliseconds; 0 (the default): no
     *  limit. Each attempt gets CURLOPT_TIMEOUT_MS of the time left, and a retry whose
     *  delay would end past it is not made (reason deadline). */
    uint64_t timeout_ms;
    /** Where steps go; default: dcs_curl_log_stderr (NULL: nowhere). */
    dcs_curl_log_fn log;
    /** How the loop waits; NULL (the default): nanosleep. */
    dcs_curl_sleep_fn sleep;
    /** The clock for an HTTP-date Retry-After; NULL (the default): the library's
     *  (the system clock). */
    dcs_curl_now_fn now;
    /** The monotonic clock of the timeout; NULL (the default): CLOCK_MONOTONIC. */
    dcs_curl_clock_fn clock_ms;
    /** The random draw of each step; NULL (the default): the library's source. */
    dcs_curl_random_fn random;
    /** The `user` argument of every callback above (not `write`). */
    void *user;
} dcs_curl_retry_options;

/** What dcs_curl_perform did: every attempt, and how it ended. */
typedef struct dcs_curl_result {
    /** The final response's status; DCS_STATUS_NO_RESPONSE (0) when none came. */
    long status;
    /** Retries ran out: the final step gave up (dcs_status_retry_step_gave_up: a rule
     *  called for a retry, but max_attempts, the timeout, the budget or a too-long
     *  Retry-After stopped it). The final response, if any, is an error. */
    bool exhausted;
    /** Every attempt in order (heap; dcs_curl_result_free frees it). */
    dcs_curl_attempt *attempts;
    /** How many. */
    size_t n_attempts;
} dcs_curl_result;

/** Fills `opts` with the defaults (see each field). */
void dcs_curl_retry_options_init(dcs_curl_retry_options *opts);

/**
 * curl_easy_perform(easy) with retries by `opts` (NULL: the defaults). Returns CURLE_OK
 * when a response came (its body went to `opts->write`), else curl's error of the
 * final attempt (no response, or the response failed while its body went to you);
 * CURLE_BAD_FUNCTION_ARGUMENT for a NULL `easy` or `out` or a policy
 * dcs_status_retry_policy_validate refuses, CURLE_OUT_OF_MEMORY, or
 * CURLE_SEND_FAIL_REWIND when `rewind` failed. `*out` always holds the attempts made:
 * free it with dcs_curl_result_free.
 */
CURLcode dcs_curl_perform(CURL *easy, const dcs_curl_retry_options *opts, dcs_curl_result *out);

/** Frees the attempts of a result (and zeroes it); NULL is ignored. */
void dcs_curl_result_free(dcs_curl_result *result);

/** The default log: "dcs_status INFO: <log line> [attempt=1 reason=busy delay_ms=1000
 *  request_id=... error_code=...]" on stderr. */
void dcs_curl_log_stderr(void *user, dcs_curl_log_level level, const dcs_curl_attempt *attempt);

#ifdef __cplusplus
}
#endif

#endif /* DCS_CURL_RETRY_H */
