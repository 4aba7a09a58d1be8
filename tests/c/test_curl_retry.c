/*
 * test_curl_retry.c: the libcurl retry loop (bindings/c/examples/curl_retry.c) against
 * the scripted server (tests/clients/scripted_server.py), playing every scenario of
 * tests/vectors/client_scenarios.json as every language's client tests do: the clock
 * at the vector's `now`, every draw its `random`, sleeps recorded (never waited).
 *
 * Usage: test_curl_retry VECTORS_DIR BASE_URL   (tests/c/run.sh starts the server)
 *
 * For each scenario: the requests the server received and their bodies, the delays
 * slept, each attempt's reason, log line and log level (INFO for a retry, DEBUG for the
 * final step), its request id and error code, the outcome (a response, exhausted
 * retries, or curl's error) and the final response's body, which the caller gets whole.
 * Every expected value is read from the vector file; none is written here. Then what
 * the vectors cannot say: a CURLOPT_READFUNCTION body is sent again after a rewind, and
 * once only without one (reason unreplayable_body); the timeout stops a retry; a budget is charged and refunded;
 * and, from a server in this program, error bodies longer than DCS_STATUS_BODY_LIMIT: a
 * retried one is dropped at the limit, one that is not retried reaches the caller whole.
 */
#include "../../bindings/c/examples/curl_retry.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "check.h"
#include "json.h"

/* --- A growable byte buffer (the caller's side of the write callback) ------------- */

typedef struct buffer {
    char *bytes;
    size_t len;
} buffer;

static size_t buffer_write(char *bytes, size_t size, size_t nmemb, void *userdata) {
    buffer *b = userdata;
    size_t n = size * nmemb;
    char *grown = realloc(b->bytes, b->len + n + 1);
    if (grown == NULL) {
        return 0;
    }
    memcpy(grown + b->len, bytes, n);
    b->bytes = grown;
    b->len += n;
    b->bytes[b->len] = '\0';
    return n;
}

static bool buffer_is(const buffer *b, const char *text) {
    return b->len == strlen(text) && (b->len == 0 || memcmp(b->bytes, text, b->len) == 0);
}

/* --- What the injected callbacks record ------------------------------------------- */

#define MAX_RECORDED 32

typedef struct recorder {
    int64_t now;
    double random;
    uint64_t clock_ms;
    uint64_t sleeps[MAX_RECORDED];
    size_t n_sleeps;
    dcs_curl_log_level levels[MAX_RECORDED];
    size_t n_logs;
    /* A streamed request body (CURLOPT_READFUNCTION). */
    const char *stream;
    size_t stream_len;
    size_t stream_pos;
    unsigned rewinds;
} recorder;

static void record_sleep(void *user, uint64_t ms) {
    recorder *r = user;
    if (r->n_sleeps < MAX_RECORDED) {
        r->sleeps[r->n_sleeps] = ms;
    }
    r->n_sleeps++;
}

static void record_log(void *user, dcs_curl_log_level level, const dcs_curl_attempt *a) {
    recorder *r = user;
    if (r->n_logs < MAX_RECORDED) {
        r->levels[r->n_logs] = level;
    }
    r->n_logs++;
    dcs_curl_log_stderr(NULL, level, a); /* the default log, in the test's output */
}

static int64_t fixed_now(void *user) { return ((recorder *)user)->now; }
static double fixed_random(void *user) { return ((recorder *)user)->random; }
static uint64_t fixed_clock(void *user) { return ((recorder *)user)->clock_ms; }

static size_t stream_read(char *dest, size_t size, size_t nmemb, void *userdata) {
    recorder *r = userdata;
    size_t n = size * nmemb;
    size_t left = r->stream_len - r->stream_pos;
    if (n > left) {
        n = left;
    }
    memcpy(dest, r->stream + r->stream_pos, n);
    r->stream_pos += n;
    return n;
}

static int stream_rewind(void *user) {
    recorder *r = user;
    r->stream_pos = 0;
    r->rewinds++;
    return 0;
}

/* --- Helpers ---------------------------------------------------------------------- */

static const char *base_url;
static unsigned run_counter;

static void die(const char *what) {
    fprintf(stderr, "test_curl_retry: %s\n", what);
    exit(2);
}

/* A fresh run of a scenario: "<base>/<kind>/<name>/<run>". */
static void url_of(char *out, size_t cap, const char *kind, const char *name, const char *run) {
    if ((size_t)snprintf(out, cap, "%s/%s/%s/%s", base_url, kind, name, run) >= cap) {
        die("URL too long");
    }
}

/* The server's record of a run: a JSON list of {method, body}. */
static bool received(const char *name, const char *run, json_value *out) {
    char url[1024];
    url_of(url, sizeof url, "received", name, run);
    CURL *easy = curl_easy_init();
    if (easy == NULL) {
        die("curl_easy_init");
    }
    buffer b = {NULL, 0};
    curl_easy_setopt(easy, CURLOPT_URL, url);
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, buffer_write);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, &b);
    CURLcode rc = curl_easy_perform(easy);
    curl_easy_cleanup(easy);
    char err[256];
    bool ok = CHECK(rc == CURLE_OK) && CHECK(json_parse(b.bytes == NULL ? "" : b.bytes, b.len, out, err, sizeof err));
    free(b.bytes);
    return ok;
}

/* The value of header `name` in a vector response's [name, value] pairs, or NULL. */
static const char *header_of(const json_value *response, const char *name) {
    const json_value *headers = json_get(response, "headers");
    for (size_t i = 0; headers != NULL && i < headers->count; i++) {
        if (strcmp(headers->items[i].items[0].str, name) == 0) {
            return headers->items[i].items[1].str;
        }
    }
    return NULL;
}

/* The error_code of a vector response's body, or "" when it has none. */
static void error_code_of(const json_value *response, char *out, size_t cap) {
    out[0] = '\0';
    const json_value *body = json_get(response, "body");
    json_value parsed;
    char err[256];
    if (body == NULL || !json_parse(body->str, body->len, &parsed, err, sizeof err)) {
        return;
    }
    const json_value *code = json_get(&parsed, "error_code");
    if (code != NULL && code->type == JSON_STRING) {
        snprintf(out, cap, "%s", code->str);
    }
    json_free(&parsed);
}

/* The request of a scenario on a fresh handle: its method and body (POSTFIELDS, or a
 * READFUNCTION stream when `streamed`). */
static CURL *request(const json_value *scenario, const char *run, recorder *rec, bool streamed, struct curl_slist **headers) {
    const char *name = json_get(scenario, "name")->str;
    const char *method = json_get(scenario, "method")->str;
    const json_value *body = json_get(scenario, "request_body");
    char url[1024];
    url_of(url, sizeof url, "scenario", name, run);
    CURL *easy = curl_easy_init();
    if (easy == NULL) {
        die("curl_easy_init");
    }
    curl_easy_setopt(easy, CURLOPT_URL, url);
    *headers = curl_slist_append(NULL, "Expect:"); /* no 100-continue round trip */
    if (body->type == JSON_STRING) {
        *headers = curl_slist_append(*headers, "Content-Type: application/json");
        if (streamed) {
            rec->stream = body->str;
            rec->stream_len = body->len;
            curl_easy_setopt(easy, CURLOPT_UPLOAD, 1L);
            curl_easy_setopt(easy, CURLOPT_READFUNCTION, stream_read);
            curl_easy_setopt(easy, CURLOPT_READDATA, rec);
            curl_easy_setopt(easy, CURLOPT_INFILESIZE_LARGE, (curl_off_t)body->len);
        } else {
            curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE, (long)body->len);
            curl_easy_setopt(easy, CURLOPT_POSTFIELDS, body->str);
        }
    }
    /* As libcurl programs do: a POST is its body; other methods are named. */
    if (strcmp(method, "GET") != 0 && !(strcmp(method, "POST") == 0 && body->type == JSON_STRING && !streamed)) {
        curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, method);
    }
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, *headers);
    return easy;
}

static void options_for(dcs_curl_retry_options *opts, recorder *rec, buffer *body, int64_t now, double random) {
    dcs_curl_retry_options_init(opts);
    rec->now = now;
    rec->random = random;
    opts->now = fixed_now;
    opts->random = fixed_random;
    opts->sleep = record_sleep;
    opts->log = record_log;
    opts->clock_ms = fixed_clock;
    opts->user = rec;
    opts->write = buffer_write;
    opts->write_data = body;
}

/* --- Every scenario of the vectors -------------------------------------------------- */

static void scenario(const json_value *s, int64_t now, double random) {
    const char *name = json_get(s, "name")->str;
    const json_value *expected = json_get(s, "expected");
    const json_value *responses = json_get(s, "responses");
    const json_value *reasons = json_get(expected, "reasons");
    const json_value *lines = json_get(expected, "log_lines");
    const json_value *sleeps = json_get(expected, "sleeps_ms");
    const json_value *outcome = json_get(expected, "outcome");
    const char *kind = json_get(outcome, "kind")->str;
    uint64_t requests = 0;
    CHECK(json_as_u64(json_get(expected, "requests"), &requests));
    fprintf(stderr, "scenario %s\n", name);

    char run[64];
    snprintf(run, sizeof run, "c-%ld-%u", (long)getpid(), ++run_counter);
    recorder rec;
    memset(&rec, 0, sizeof rec);
    buffer body = {NULL, 0};
    dcs_curl_retry_options opts;
    options_for(&opts, &rec, &body, now, random);
    struct curl_slist *headers = NULL;
    CURL *easy = request(s, run, &rec, false, &headers);
    dcs_curl_result result;
    CURLcode rc = dcs_curl_perform(easy, &opts, &result);

    /* The attempts: reason, log line, level, request id, error code. */
    CHECK_INT(result.n_attempts, lines->count);
    CHECK_INT(rec.n_logs, lines->count);
    for (size_t i = 0; i < result.n_attempts && i < lines->count; i++) {
        const dcs_curl_attempt *a = &result.attempts[i];
        bool last = i + 1 == lines->count;
        CHECK_STR(a->log_line, lines->items[i].str);
        CHECK_STR(dcs_status_retry_reason_name(a->step.reason), reasons->items[i].str);
        CHECK_INT(a->attempt, i + 1);
        CHECK_INT(rec.levels[i], last ? DCS_CURL_LOG_DEBUG : DCS_CURL_LOG_INFO);
        CHECK(a->body_replayable);
        const json_value *response = &responses->items[i < responses->count ? i : responses->count - 1];
        const json_value *reset = json_get(response, "reset");
        if (reset != NULL && reset->boolean) {
            CHECK_INT(a->status, DCS_STATUS_NO_RESPONSE);
            CHECK(a->curl_code != CURLE_OK);
            CHECK_STR(a->request_id, "");
            CHECK_STR(a->error_code, "");
        } else {
            int64_t status = 0;
            CHECK(json_as_i64(json_get(response, "status"), &status));
            CHECK_INT(a->status, status);
            CHECK_INT(a->curl_code, CURLE_OK);
            const char *id = header_of(response, "X-Request-Id");
            CHECK_STR(a->request_id, id == NULL ? "" : id);
            char code[128];
            error_code_of(response, code, sizeof code);
            CHECK_STR(a->error_code, code);
        }
    }

    /* The delays slept. */
    CHECK_INT(rec.n_sleeps, sleeps->count);
    for (size_t i = 0; i < rec.n_sleeps && i < sleeps->count && i < MAX_RECORDED; i++) {
        uint64_t ms = 0;
        CHECK(json_as_u64(&sleeps->items[i], &ms));
        CHECK_U64(rec.sleeps[i], ms);
    }

    /* The outcome, and the final response's body, whole, the only one the caller got. */
    if (strcmp(kind, "connection_error") == 0) {
        CHECK(rc != CURLE_OK);
        CHECK(!result.exhausted);
        CHECK_INT(result.status, DCS_STATUS_NO_RESPONSE);
        CHECK_INT(body.len, 0);
    } else {
        int64_t status = 0;
        CHECK(json_as_i64(json_get(outcome, "status"), &status));
        CHECK_INT(rc, CURLE_OK);
        CHECK_INT(result.status, status);
        CHECK(result.exhausted == (strcmp(kind, "http_error") == 0));
        CHECK(strcmp(kind, "http_error") == 0 || strcmp(kind, "response") == 0);
        const json_value *final = &responses->items[requests <= responses->count ? requests - 1 : responses->count - 1];
        if (!CHECK(buffer_is(&body, json_get(final, "body")->str))) {
            fprintf(stderr, "    body: %.*s\n", (int)body.len, body.bytes == NULL ? "" : body.bytes);
        }
    }
    CHECK_INT(result.exhausted, result.n_attempts > 0 &&
                                    dcs_status_retry_step_gave_up(&result.attempts[result.n_attempts - 1].step));
    if (result.exhausted) {
        /* Why, in the core's words: the last log line's evidence and reason. */
        const char *last = result.attempts[result.n_attempts - 1].log_line;
        const char *prefix = "do not retry: ";
        char why[DCS_STATUS_RETRY_STEP_LOG_LINE_MAX + 1];
        char want[DCS_STATUS_RETRY_STEP_LOG_LINE_MAX + 32];
        dcs_status_retry_step_exhausted_message(&result.attempts[result.n_attempts - 1].step, NULL, 0, why, sizeof why);
        CHECK(strncmp(last, prefix, strlen(prefix)) == 0);
        snprintf(want, sizeof want, "retries exhausted: %s", last + strlen(prefix));
        CHECK(strcmp(why, want) == 0);
    }

    /* What the server received: every attempt, each with the whole body. */
    json_value got;
    if (received(name, run, &got)) {
        CHECK_INT(got.count, requests);
        const json_value *sent = json_get(s, "request_body");
        for (size_t i = 0; i < got.count; i++) {
            CHECK_STR(json_get(&got.items[i], "method")->str, json_get(s, "method")->str);
            const json_value *b = json_get(&got.items[i], "body");
            CHECK_STR(b->type == JSON_STRING ? b->str : NULL, sent->type == JSON_STRING ? sent->str : NULL);
        }
        json_free(&got);
    }
    dcs_curl_result_free(&result);
    curl_slist_free_all(headers);
    curl_easy_cleanup(easy);
    free(body.bytes);
}

/* The first scenario whose outcome is `kind` and whose first step retries with
 * `reason` (so the checks below follow the vectors, not names written here). */
static const json_value *scenario_retrying(const json_value *all, const char *method, const char *reason) {
    for (size_t i = 0; i < all->count; i++) {
        const json_value *s = &all->items[i];
        const json_value *reasons = json_get(json_get(s, "expected"), "reasons");
        if (strcmp(json_get(s, "method")->str, method) == 0 && reasons->count >= 3 &&
            strcmp(reasons->items[0].str, reason) == 0 &&
            strcmp(reasons->items[reasons->count - 1].str, "not_an_error") == 0 &&
            json_get(s, "request_body")->type == JSON_STRING) {
            return s;
        }
    }
    die("no scenario retries a request with a body twice, then succeeds");
    return NULL;
}

/* A CURLOPT_READFUNCTION body: sent again after a rewind on every retry; without a
 * rewind, sent once, the step saying why (unreplayable_body), the response the answer. */
static void streamed_bodies(const json_value *s, int64_t now, double random) {
    const char *name = json_get(s, "name")->str;
    const json_value *expected = json_get(s, "expected");
    const char *sent = json_get(s, "request_body")->str;
    uint64_t requests = 0;
    CHECK(json_as_u64(json_get(expected, "requests"), &requests));
    for (int with_rewind = 1; with_rewind >= 0; with_rewind--) {
        fprintf(stderr, "streamed body of %s, %s rewind\n", name, with_rewind ? "with" : "without");
        char run[64];
        snprintf(run, sizeof run, "c-%ld-%u", (long)getpid(), ++run_counter);
        recorder rec;
        memset(&rec, 0, sizeof rec);
        buffer body = {NULL, 0};
        dcs_curl_retry_options opts;
        options_for(&opts, &rec, &body, now, random);
        opts.streamed_body = true;
        opts.rewind = with_rewind ? stream_rewind : NULL;
        struct curl_slist *headers = NULL;
        CURL *easy = request(s, run, &rec, true, &headers);
        dcs_curl_result result;
        CURLcode rc = dcs_curl_perform(easy, &opts, &result);
        CHECK_INT(rc, CURLE_OK);
        json_value got;
        if (with_rewind) {
            CHECK_INT(result.n_attempts, requests);
            CHECK_INT(rec.rewinds, requests - 1);
            CHECK(!result.exhausted);
            CHECK_INT(rec.n_sleeps, requests - 1);
        } else {
            /* Sent once; the core's step says why, and the response is the answer. */
            const json_value *first = &json_get(s, "responses")->items[0];
            int64_t status = 0;
            CHECK(json_as_i64(json_get(first, "status"), &status));
            CHECK_INT(result.n_attempts, 1);
            CHECK_INT(rec.n_sleeps, 0);
            CHECK_INT(rec.rewinds, 0);
            CHECK(result.n_attempts == 1 && !result.attempts[0].body_replayable);
            CHECK(result.n_attempts == 1 &&
                  result.attempts[0].step.reason == DCS_STATUS_RETRY_REASON_UNREPLAYABLE_BODY);
            CHECK(result.n_attempts == 1 && result.attempts[0].step.action == DCS_STATUS_STEP_ACTION_DO_NOT_RETRY);
            CHECK_INT(rec.n_logs, 1);
            CHECK_INT(rec.levels[0], DCS_CURL_LOG_DEBUG);
            CHECK(!result.exhausted);
            CHECK_INT(result.status, status);
            CHECK(buffer_is(&body, json_get(first, "body")->str));
        }
        if (received(name, run, &got)) {
            CHECK_INT(got.count, with_rewind ? requests : 1);
            for (size_t i = 0; i < got.count; i++) {
                CHECK_STR(json_get(&got.items[i], "body")->str, sent);
            }
            json_free(&got);
        }
        dcs_curl_result_free(&result);
        curl_slist_free_all(headers);
        curl_easy_cleanup(easy);
        free(body.bytes);
    }
}

/* The timeout: a retry whose delay would end past it is not made (reason deadline),
 * measured on the injected clock. */
static void timeout_stops_a_retry(const json_value *s, int64_t now, double random) {
    fprintf(stderr, "timeout shorter than the first delay of %s\n", json_get(s, "name")->str);
    uint64_t first_delay = 0;
    CHECK(json_as_u64(&json_get(json_get(s, "expected"), "sleeps_ms")->items[0], &first_delay));
    char run[64];
    snprintf(run, sizeof run, "c-%ld-%u", (long)getpid(), ++run_counter);
    recorder rec;
    memset(&rec, 0, sizeof rec);
    buffer body = {NULL, 0};
    dcs_curl_retry_options opts;
    options_for(&opts, &rec, &body, now, random);
    opts.timeout_ms = first_delay - 1;
    struct curl_slist *headers = NULL;
    CURL *easy = request(s, run, &rec, false, &headers);
    dcs_curl_result result;
    CURLcode rc = dcs_curl_perform(easy, &opts, &result);
    CHECK_INT(rc, CURLE_OK);
    CHECK_INT(result.n_attempts, 1);
    CHECK_INT(rec.n_sleeps, 0);
    CHECK(result.n_attempts == 1 && result.attempts[0].step.reason == DCS_STATUS_RETRY_REASON_DEADLINE);
    CHECK(result.exhausted);
    dcs_curl_result_free(&result);
    curl_slist_free_all(headers);
    curl_easy_cleanup(easy);
    free(body.bytes);
}

/* A budget: each retry is paid, the success refunds the last one. */
static void budget_charged_and_refunded(const json_value *s, int64_t now, double random) {
    fprintf(stderr, "budget on %s\n", json_get(s, "name")->str);
    char run[64];
    snprintf(run, sizeof run, "c-%ld-%u", (long)getpid(), ++run_counter);
    recorder rec;
    memset(&rec, 0, sizeof rec);
    buffer body = {NULL, 0};
    dcs_curl_retry_options opts;
    options_for(&opts, &rec, &body, now, random);
    opts.budget = dcs_status_retry_budget_new_default();
    struct curl_slist *headers = NULL;
    CURL *easy = request(s, run, &rec, false, &headers);
    dcs_curl_result result;
    CURLcode rc = dcs_curl_perform(easy, &opts, &result);
    CHECK_INT(rc, CURLE_OK);
    CHECK(!result.exhausted);
    uint32_t capacity = dcs_status_retry_budget_capacity(opts.budget);
    uint32_t cost = dcs_status_retry_budget_retry_cost(opts.budget);
    size_t retries = result.n_attempts - 1;
    CHECK(retries >= 2);
    CHECK(result.attempts[retries - 1].step.has_tokens_after);
    CHECK_INT(result.attempts[retries - 1].step.tokens_after, capacity - retries * cost);
    CHECK_INT(dcs_status_retry_budget_tokens(opts.budget), capacity - (retries - 1) * cost);
    dcs_status_retry_budget_free(opts.budget);
    dcs_curl_result_free(&result);
    curl_slist_free_all(headers);
    curl_easy_cleanup(easy);
    free(body.bytes);
}

/* --- Error bodies longer than the limit (a server thread of this program) ----------- */

typedef struct big_server {
    int listener;
    const char *const *responses; /* status lines' codes, one per connection */
    size_t n_responses;
    size_t body_len;
    unsigned requests;
} big_server;

/* The big error body: a JSON object whose code comes first, padded past the limit. */
static char *big_body(size_t len) {
    static const char head[] = "{\"error_code\": \"DCS.5000\", \"error_msg\": \"Internal service error.\", \"pad\": \"";
    char *body = malloc(len + 1);
    if (body == NULL) {
        die("out of memory");
    }
    memset(body, 'x', len);
    memcpy(body, head, sizeof head - 1);
    memcpy(body + len - 2, "\"}", 2);
    body[len] = '\0';
    return body;
}

static void *serve_big(void *arg) {
    big_server *srv = arg;
    char *body = big_body(srv->body_len);
    for (size_t i = 0; i < srv->n_responses; i++) {
        int c = accept(srv->listener, NULL, NULL);
        if (c < 0) {
            break;
        }
        /* The request: headers (and a body, which these tests do not check). */
        char req[8192];
        size_t got = 0;
        while (got < sizeof req - 1) {
            ssize_t n = recv(c, req + got, sizeof req - 1 - got, 0);
            if (n <= 0) {
                break;
            }
            got += (size_t)n;
            req[got] = '\0';
            if (strstr(req, "\r\n\r\n") != NULL) {
                break;
            }
        }
        srv->requests++;
        char head[256];
        const char *status = srv->responses[i];
        bool ok = strcmp(status, "200 OK") == 0;
        int n = snprintf(head, sizeof head, "HTTP/1.1 %s\r\nContent-Length: %zu\r\nConnection: close\r\n\r\n", status,
                         ok ? (size_t)3 : srv->body_len);
        send(c, head, (size_t)n, MSG_NOSIGNAL);
        const char *payload = ok ? "ok\n" : body;
        size_t len = ok ? 3 : srv->body_len, sent = 0;
        while (sent < len) {
            ssize_t w = send(c, payload + sent, len - sent, MSG_NOSIGNAL);
            if (w <= 0) {
                break; /* the client stopped reading: a retried body */
            }
            sent += (size_t)w;
        }
        close(c);
    }
    free(body);
    return NULL;
}

/* One request to a server thread playing `responses`; checks attempts and the body. */
static void big_error_body(const char *method, const char *const *responses, size_t n_responses, size_t attempts,
                           const char *final_body_or_null_for_big) {
    fprintf(stderr, "%s with an error body of %d bytes\n", method, 3 * DCS_STATUS_BODY_LIMIT);
    big_server srv;
    memset(&srv, 0, sizeof srv);
    srv.responses = responses;
    srv.n_responses = n_responses;
    srv.body_len = 3 * (size_t)DCS_STATUS_BODY_LIMIT;
    srv.listener = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t addr_len = sizeof addr;
    if (srv.listener < 0 || bind(srv.listener, (struct sockaddr *)&addr, sizeof addr) != 0 ||
        listen(srv.listener, 4) != 0 || getsockname(srv.listener, (struct sockaddr *)&addr, &addr_len) != 0) {
        die("cannot listen on 127.0.0.1");
    }
    struct timeval wait = {10, 0}; /* accept gives up: the thread always ends */
    setsockopt(srv.listener, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);
    pthread_t thread;
    if (pthread_create(&thread, NULL, serve_big, &srv) != 0) {
        die("pthread_create");
    }
    char url[128];
    snprintf(url, sizeof url, "http://127.0.0.1:%u/big", (unsigned)ntohs(addr.sin_port));
    recorder rec;
    memset(&rec, 0, sizeof rec);
    buffer body = {NULL, 0};
    dcs_curl_retry_options opts;
    options_for(&opts, &rec, &body, 0, 0.5);
    opts.timeout_ms = 10000; /* the clock is fixed: each attempt gets 10 s, never hangs */
    CURL *easy = curl_easy_init();
    if (easy == NULL) {
        die("curl_easy_init");
    }
    curl_easy_setopt(easy, CURLOPT_URL, url);
    if (strcmp(method, "POST") == 0) {
        curl_easy_setopt(easy, CURLOPT_POSTFIELDS, "{}");
    }
    dcs_curl_result result;
    CURLcode rc = dcs_curl_perform(easy, &opts, &result);
    pthread_join(thread, NULL);
    close(srv.listener);
    CHECK_INT(rc, CURLE_OK);
    CHECK_INT(result.n_attempts, attempts);
    CHECK_INT(srv.requests, attempts);
    if (final_body_or_null_for_big != NULL) {
        CHECK(buffer_is(&body, final_body_or_null_for_big));
    } else {
        char *expected = big_body(srv.body_len);
        CHECK(buffer_is(&body, expected)); /* prefix and rest: the caller's, whole */
        free(expected);
    }
    for (size_t i = 0; i < result.n_attempts; i++) {
        CHECK_INT(result.attempts[i].curl_code, CURLE_OK); /* a stopped transfer is the loop's */
    }
    dcs_curl_result_free(&result);
    curl_easy_cleanup(easy);
    free(body.bytes);
}

static void error_bodies_past_the_limit(void) {
    /* A GET: the 500 is retried (its transfer stopped at the limit), then 200. */
    static const char *const get[] = {"500 Internal Server Error", "200 OK"};
    big_error_body("GET", get, 2, 2, "ok\n");
    /* A POST: the 500 is not retried, and its body is the caller's, whole. */
    static const char *const post[] = {"500 Internal Server Error"};
    big_error_body("POST", post, 1, 1, NULL);
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s VECTORS_DIR BASE_URL\n", argv[0]);
        return 2;
    }
    base_url = argv[2];
    char path[4096];
    snprintf(path, sizeof path, "%s/client_scenarios.json", argv[1]);
    json_value doc;
    char err[512];
    if (!json_parse_file(path, &doc, err, sizeof err)) {
        fprintf(stderr, "%s: %s\n", path, err);
        return 2;
    }
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        die("curl_global_init");
    }
    int64_t now = 0;
    double random = 0;
    CHECK(json_as_i64(json_get(&doc, "now"), &now));
    CHECK(json_as_double(json_get(&doc, "random"), &random));
    const json_value *all = json_get(&doc, "scenarios");
    CHECK(all != NULL && all->count > 0);
    for (size_t i = 0; all != NULL && i < all->count; i++) {
        scenario(&all->items[i], now, random);
    }
    const json_value *busy_post = scenario_retrying(all, "POST", "busy");
    streamed_bodies(busy_post, now, random);
    timeout_stops_a_retry(busy_post, now, random);
    budget_charged_and_refunded(busy_post, now, random);
    error_bodies_past_the_limit();
    curl_global_cleanup();
    json_free(&doc);
    CHECK_SUMMARY("test_curl_retry");
}
