/*
 * curl_retry.c: dcs_curl_perform, a libcurl retry loop on the dcs-status retry policy
 * (curl_retry.h says how to use it). C99 and POSIX (nanosleep, clock_gettime). Copy it
 * freely.
 *
 * Every decision and every word of the log comes from libdcs_status: this file only
 * moves bytes between curl and the core.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include "curl_retry.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* A header value kept for the step: the first of its name in the response. */
typedef struct header_value {
    char *bytes; /* heap; curl bounds a header line (CURL_MAX_HTTP_HEADER) */
    size_t len;
    bool set;
} header_value;

/* What happens to the body of the response in flight. */
typedef enum body_mode {
    BODY_UNDECIDED, /* no byte yet */
    BODY_FORWARD,   /* the caller's: a success, or an error that is not retried */
    BODY_BUFFER,    /* an error: kept (at most DCS_STATUS_BODY_LIMIT) for its error code */
    BODY_DISCARD    /* an error to retry, longer than the limit: the transfer is stopped */
} body_mode;

/* One attempt in flight. */
typedef struct attempt_state {
    CURL *easy;
    const dcs_curl_retry_options *opts;
    header_value retry_after, request_id, openstack_request_id;
    char *body; /* DCS_STATUS_BODY_LIMIT bytes, allocated once per call */
    size_t body_len;
    body_mode mode;
    bool forwarded;        /* some of this response's body reached the caller */
    bool stopped_by_us;    /* the write callback stopped a retried response's transfer */
    bool caller_failed;    /* the caller's write callback refused bytes */
    bool decided;          /* `step` was taken during the transfer (body over the limit) */
    long status;
    dcs_curl_attempt *record; /* the attempt being filled */
    /* Inputs of the step shared by the whole loop. */
    uint32_t attempt;
    dcs_status_retry_policy policy;
    bool unreplayable_body; /* a streamed body without a rewind: never sent again */
    uint64_t previous_delay_ms;
    bool has_deadline;
    uint64_t deadline_ms;
    dcs_status_result step_result;
} attempt_state;

/* --- Defaults ------------------------------------------------------------------- */

static void sleep_nanosleep(void *user, uint64_t ms) {
    (void)user;
    struct timespec t;
    t.tv_sec = (time_t)(ms / 1000);
    t.tv_nsec = (long)(ms % 1000) * 1000000L;
    while (nanosleep(&t, &t) != 0 && errno == EINTR) {
    }
}

static uint64_t clock_monotonic_ms(void *user) {
    (void)user;
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000u + (uint64_t)t.tv_nsec / 1000000u;
}

void dcs_curl_log_stderr(void *user, dcs_curl_log_level level, const dcs_curl_attempt *a) {
    (void)user;
    const char *reason = dcs_status_retry_reason_name(a->step.reason);
    fprintf(stderr, "dcs_status %s: %s [attempt=%u reason=%s delay_ms=%llu request_id=%s error_code=%s]\n",
            level == DCS_CURL_LOG_INFO ? "INFO" : "DEBUG", a->log_line, (unsigned)a->attempt,
            reason == NULL ? "?" : reason, (unsigned long long)a->step.delay_ms, a->request_id,
            a->error_code);
}

void dcs_curl_retry_options_init(dcs_curl_retry_options *opts) {
    if (opts == NULL) {
        return;
    }
    memset(opts, 0, sizeof *opts);
    opts->policy = dcs_status_retry_policy_default();
    opts->log = dcs_curl_log_stderr;
}

void dcs_curl_result_free(dcs_curl_result *result) {
    if (result == NULL) {
        return;
    }
    free(result->attempts);
    memset(result, 0, sizeof *result);
}

/* --- Headers -------------------------------------------------------------------- */

static bool name_is(const char *line, size_t name_len, const char *name) {
    if (name_len != strlen(name)) {
        return false;
    }
    for (size_t i = 0; i < name_len; i++) {
        char c = line[i];
        if (c >= 'A' && c <= 'Z') {
            c = (char)(c - 'A' + 'a');
        }
        char n = name[i];
        if (n >= 'A' && n <= 'Z') {
            n = (char)(n - 'A' + 'a');
        }
        if (c != n) {
            return false;
        }
    }
    return true;
}

/* Keeps a header's value (without the CRLF; the core trims the spaces) if it is the
 * first of its name. Returns false when out of memory. */
static bool keep(header_value *h, const char *value, size_t len) {
    if (h->set) {
        return true;
    }
    while (len > 0 && (value[len - 1] == '\r' || value[len - 1] == '\n')) {
        len--;
    }
    char *copy = malloc(len == 0 ? 1 : len);
    if (copy == NULL) {
        return false;
    }
    memcpy(copy, value, len);
    h->bytes = copy;
    h->len = len;
    h->set = true;
    return true;
}

static void forget(header_value *h) {
    free(h->bytes);
    memset(h, 0, sizeof *h);
}

static void forget_headers(attempt_state *st) {
    forget(&st->retry_after);
    forget(&st->request_id);
    forget(&st->openstack_request_id);
}

static size_t on_header(char *line, size_t size, size_t nitems, void *userdata) {
    attempt_state *st = userdata;
    size_t n = size * nitems;
    /* A status line starts a response: an interim one (100 Continue) or a redirect's
     * headers are not the final response's. */
    if (n >= 5 && memcmp(line, "HTTP/", 5) == 0) {
        forget_headers(st);
        return n;
    }
    const char *colon = memchr(line, ':', n);
    if (colon == NULL) {
        return n;
    }
    size_t name_len = (size_t)(colon - line);
    const char *value = colon + 1;
    size_t value_len = n - name_len - 1;
    header_value *h = NULL;
    if (name_is(line, name_len, "Retry-After")) {
        h = &st->retry_after;
    } else if (name_is(line, name_len, "X-Request-Id")) {
        h = &st->request_id;
    } else if (name_is(line, name_len, "X-Openstack-Request-Id")) {
        h = &st->openstack_request_id;
    }
    if (h != NULL && !keep(h, value, value_len)) {
        return 0; /* out of memory: curl stops with CURLE_WRITE_ERROR */
    }
    return n;
}

/* --- The step ------------------------------------------------------------------- */

/* Copies a text into `out` as printable ASCII (other bytes as '?'), at most
 * DCS_CURL_TEXT_MAX bytes. */
static void printable(const char *bytes, size_t len, char out[DCS_CURL_TEXT_MAX + 1]) {
    if (len > DCS_CURL_TEXT_MAX) {
        len = DCS_CURL_TEXT_MAX;
    }
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)bytes[i];
        out[i] = c >= 0x20 && c < 0x7f ? (char)c : '?';
    }
    out[len] = '\0';
}

/* A JSON-escaped text of the body, decoded into `out` for the record. */
static void printable_text(const dcs_status_text *t, char out[DCS_CURL_TEXT_MAX + 1]) {
    out[0] = '\0';
    if (t->ptr == NULL) {
        return;
    }
    char decoded[DCS_CURL_TEXT_MAX + 1];
    size_t n = dcs_status_text_decode(t, decoded, sizeof decoded);
    printable(decoded, n < sizeof decoded ? n : DCS_CURL_TEXT_MAX, out);
}

/* Takes the core's step on the attempt in flight, as `status` (DCS_STATUS_NO_RESPONSE
 * when none came), and fills the record. */
static void take_step(attempt_state *st, long status) {
    const dcs_curl_retry_options *o = st->opts;
    dcs_curl_attempt *rec = st->record;
    rec->status = status;

    dcs_status_error_body body;
    memset(&body, 0, sizeof body);
    if (status != DCS_STATUS_NO_RESPONSE && st->body_len > 0) {
        dcs_status_parse_error_body(st->body, st->body_len, &body); /* any bytes: OK */
    }
    dcs_status_step_input in;
    memset(&in, 0, sizeof in);
    in.attempt = st->attempt;
    in.status = status;
    /* The method the attempt used (known once curl has set the request up). */
    const char *method = o->method;
    if (method == NULL) {
        curl_easy_getinfo(st->easy, CURLINFO_EFFECTIVE_METHOD, &method);
    }
    in.idempotent = method != NULL && dcs_status_method_is_idempotent(method, strlen(method));
    in.previous_delay_ms = st->previous_delay_ms;
    in.unreplayable_body = st->unreplayable_body;
    char code[DCS_CURL_TEXT_MAX + 1];
    if (status != DCS_STATUS_NO_RESPONSE) {
        if (st->retry_after.set) {
            in.retry_after = st->retry_after.bytes;
            in.retry_after_len = st->retry_after.len;
        }
        if (body.error_code.ptr != NULL) {
            /* The code as sent, its JSON escapes resolved when it has any (a code that
             * long is in no catalogue: the raw text says as much). */
            size_t n = body.error_code.escaped ? dcs_status_text_decode(&body.error_code, code, sizeof code)
                                               : sizeof code;
            in.error_code = n < sizeof code ? code : body.error_code.ptr;
            in.error_code_len = n < sizeof code ? n : body.error_code.len;
        }
        dcs_status_header headers[2];
        size_t n_headers = 0;
        if (st->request_id.set) {
            headers[n_headers++] = (dcs_status_header){"X-Request-Id", 12, st->request_id.bytes, st->request_id.len};
        }
        if (st->openstack_request_id.set) {
            headers[n_headers++] = (dcs_status_header){"X-Openstack-Request-Id", 22,
                                                       st->openstack_request_id.bytes,
                                                       st->openstack_request_id.len};
        }
        dcs_status_text id;
        if (dcs_status_resolve_request_id(headers, n_headers, &body.request_id, &id) == DCS_STATUS_RESULT_OK) {
            printable_text(&id, rec->request_id);
        }
        printable_text(&body.error_code, rec->error_code);
    }
    if (o->now != NULL) {
        in.has_now = true;
        in.now = o->now(o->user);
    }
    if (o->random != NULL) {
        in.has_random = true;
        in.random = o->random(o->user);
    }
    if (st->has_deadline) {
        uint64_t t = o->clock_ms != NULL ? o->clock_ms(o->user) : clock_monotonic_ms(NULL);
        in.has_time_left = true;
        in.time_left_ms = t < st->deadline_ms ? st->deadline_ms - t : 0;
    }
    st->step_result = dcs_status_retry_policy_step(&st->policy, &in, o->budget, &rec->step);
    dcs_status_retry_step_log_line(&rec->step, rec->log_line, sizeof rec->log_line);
    st->decided = true;
}

/* --- The body ------------------------------------------------------------------- */

/* Hands bytes to the caller's write callback (or fwrite, as curl's default does). */
static bool deliver(attempt_state *st, char *bytes, size_t len) {
    if (len == 0) {
        return true;
    }
    st->forwarded = true;
    const dcs_curl_retry_options *o = st->opts;
    size_t done = o->write != NULL ? o->write(bytes, 1, len, o->write_data)
                                   : fwrite(bytes, 1, len, o->write_data != NULL ? (FILE *)o->write_data : stdout);
    if (done != len) {
        st->caller_failed = true;
        return false;
    }
    return true;
}

static size_t on_write(char *bytes, size_t size, size_t nmemb, void *userdata) {
    attempt_state *st = userdata;
    size_t n = size * nmemb;
    if (st->mode == BODY_UNDECIDED) {
        long status = 0;
        curl_easy_getinfo(st->easy, CURLINFO_RESPONSE_CODE, &status);
        st->status = status;
        /* 1xx-3xx are never retried (rule 1): the body is the caller's at once. */
        st->mode = status >= 400 ? BODY_BUFFER : BODY_FORWARD;
    }
    switch (st->mode) {
    case BODY_FORWARD:
        return deliver(st, bytes, n) ? n : 0;
    case BODY_BUFFER: {
        size_t room = DCS_STATUS_BODY_LIMIT - st->body_len;
        size_t take = n < room ? n : room;
        memcpy(st->body + st->body_len, bytes, take);
        st->body_len += take;
        if (take == n) {
            return n;
        }
        /* Longer than the limit: decide on the prefix now. A response to retry is
         * dropped (the transfer stopped, never read whole); one that is not retried
         * is the caller's, prefix first. */
        take_step(st, st->status);
        if (st->step_result == DCS_STATUS_RESULT_OK && st->record->step.action == DCS_STATUS_STEP_ACTION_RETRY) {
            st->mode = BODY_DISCARD;
            st->stopped_by_us = true;
            return 0;
        }
        st->mode = BODY_FORWARD;
        return deliver(st, st->body, st->body_len) && deliver(st, bytes + take, n - take) ? n : 0;
    }
    case BODY_DISCARD:
    case BODY_UNDECIDED:
        break;
    }
    st->stopped_by_us = true;
    return 0;
}

/* --- The loop ------------------------------------------------------------------- */

static dcs_curl_attempt *new_record(dcs_curl_result *out, uint32_t attempt) {
    dcs_curl_attempt *grown = realloc(out->attempts, (out->n_attempts + 1) * sizeof *grown);
    if (grown == NULL) {
        return NULL;
    }
    out->attempts = grown;
    dcs_curl_attempt *rec = &grown[out->n_attempts++];
    memset(rec, 0, sizeof *rec);
    rec->attempt = attempt;
    return rec;
}

/* Restores the handle's callbacks to the caller's (the header callback to curl's). */
static void restore(CURL *easy, const dcs_curl_retry_options *o) {
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, (curl_write_callback)NULL);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, (void *)NULL);
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, o->write);
    /* curl's default write callback fwrites to WRITEDATA: never NULL for it. */
    curl_easy_setopt(easy, CURLOPT_WRITEDATA,
                     o->write == NULL && o->write_data == NULL ? (void *)stdout : o->write_data);
}

CURLcode dcs_curl_perform(CURL *easy, const dcs_curl_retry_options *opts, dcs_curl_result *out) {
    if (out == NULL) {
        return CURLE_BAD_FUNCTION_ARGUMENT;
    }
    memset(out, 0, sizeof *out);
    dcs_curl_retry_options defaults;
    if (opts == NULL) {
        dcs_curl_retry_options_init(&defaults);
        opts = &defaults;
    }
    if (easy == NULL || dcs_status_retry_policy_validate(&opts->policy) != DCS_STATUS_RESULT_OK) {
        return CURLE_BAD_FUNCTION_ARGUMENT;
    }
    attempt_state st;
    memset(&st, 0, sizeof st);
    st.easy = easy;
    st.opts = opts;
    st.policy = opts->policy;
    st.unreplayable_body = opts->streamed_body && opts->rewind == NULL;
    uint64_t start = opts->clock_ms != NULL ? opts->clock_ms(opts->user) : clock_monotonic_ms(NULL);
    st.has_deadline = opts->timeout_ms > 0;
    st.deadline_ms = start + opts->timeout_ms;
    st.body = malloc(DCS_STATUS_BODY_LIMIT);
    if (st.body == NULL) {
        return CURLE_OUT_OF_MEMORY;
    }
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, &st);
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, on_write);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, &st);

    CURLcode rc = CURLE_OK;
    dcs_status_retry_step previous; /* the last retry's step, for the budget */
    memset(&previous, 0, sizeof previous);
    bool has_previous = false;
    for (uint32_t attempt = 1;; attempt++) {
        st.attempt = attempt;
        st.record = new_record(out, attempt);
        if (st.record == NULL) {
            rc = CURLE_OUT_OF_MEMORY;
            break;
        }
        st.record->body_replayable = !st.unreplayable_body;
        st.body_len = 0;
        st.mode = BODY_UNDECIDED;
        st.forwarded = st.stopped_by_us = st.caller_failed = st.decided = false;
        st.status = 0;
        forget_headers(&st);
        if (st.has_deadline) {
            uint64_t now = opts->clock_ms != NULL ? opts->clock_ms(opts->user) : clock_monotonic_ms(NULL);
            uint64_t left = now < st.deadline_ms ? st.deadline_ms - now : 1;
            curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, (long)(left > 0x7fffffff ? 0x7fffffff : left));
        }

        rc = curl_easy_perform(easy);
        st.record->curl_code = rc;
        long status = 0;
        curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
        if (rc == CURLE_WRITE_ERROR && st.stopped_by_us) {
            rc = CURLE_OK; /* a retried response's body, stopped at the limit: decided */
            st.record->curl_code = rc;
        } else if (rc != CURLE_OK && (st.caller_failed || st.forwarded)) {
            /* The caller has (some of) this response: it cannot be taken back, so the
             * step is on the response as received, and curl's error is the result. */
            if (!st.decided) {
                take_step(&st, status);
            }
        } else if (rc != CURLE_OK) {
            status = DCS_STATUS_NO_RESPONSE;
        }
        if (!st.decided) {
            take_step(&st, status);
        }
        const dcs_curl_attempt *rec = st.record;
        if (st.step_result != DCS_STATUS_RESULT_OK) {
            rc = CURLE_BAD_FUNCTION_ARGUMENT; /* a bug: the policy was validated */
            break;
        }
        bool retry = rec->step.action == DCS_STATUS_STEP_ACTION_RETRY;
        if (opts->log != NULL) {
            opts->log(opts->user, retry ? DCS_CURL_LOG_INFO : DCS_CURL_LOG_DEBUG, rec);
        }
        if (!retry) {
            out->status = rec->status;
            out->exhausted = dcs_status_retry_step_gave_up(&rec->step);
            /* The final response's body, kept while its step was taken, is the caller's. */
            if (rc == CURLE_OK && st.mode == BODY_BUFFER && !deliver(&st, st.body, st.body_len)) {
                rc = CURLE_WRITE_ERROR;
            }
            if (opts->budget != NULL && rc == CURLE_OK && rec->step.reason == DCS_STATUS_RETRY_REASON_NOT_AN_ERROR) {
                dcs_status_retry_budget_record_success(opts->budget, has_previous ? &previous : NULL, NULL);
            }
            break;
        }
        (opts->sleep != NULL ? opts->sleep : sleep_nanosleep)(opts->user, rec->step.delay_ms);
        if (opts->streamed_body && opts->rewind(opts->user) != 0) {
            out->status = rec->status;
            rc = CURLE_SEND_FAIL_REWIND;
            break;
        }
        st.previous_delay_ms = rec->step.delay_ms;
        previous = rec->step; /* a copy: the next record may move out->attempts */
        has_previous = true;
    }
    forget_headers(&st);
    free(st.body);
    restore(easy, opts);
    return rc;
}
