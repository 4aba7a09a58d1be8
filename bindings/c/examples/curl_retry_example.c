/*
 * curl_retry_example.c: a POST on libcurl that the DCS instance answers with 400
 * DCS.4111 ("the instance is being restarted") twice, then 200, retried by
 * dcs_curl_perform (curl_retry.c) on the dcs-status retry policy.
 *
 *   cc -std=c99 curl_retry_example.c curl_retry.c \
 *      $(pkg-config --cflags --libs dcs_status libcurl) -o curl_retry_example
 *   ./curl_retry_example http://127.0.0.1:8080/v2/instances
 *
 * (tests/c/run.sh runs it against tests/clients/scripted_server.py, whose
 * /scenario/dcs-4111-busy-post/<run> plays that scenario.) It prints, on stderr:
 *
 *   dcs_status INFO: retry 1 of 2 in 740 ms: DCS.4111 says try again later (busy) [attempt=1 ...]
 *   dcs_status INFO: retry 2 of 2 in 2913 ms: DCS.4111 says try again later (busy) [attempt=2 ...]
 *   dcs_status DEBUG: do not retry: 200 OK is not an error (not_an_error) [attempt=3 ...]
 *
 * (the delays are drawn: full jitter), then the response's status and body on stdout.
 */
#include "curl_retry.h"

#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s URL\n", argv[0]);
        return 2;
    }
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        return 1;
    }
    CURL *easy = curl_easy_init();
    if (easy == NULL) {
        return 1;
    }
    /* The request, as any libcurl program sets it: a CURLOPT_POSTFIELDS body is sent
     * again as it is on every retry. */
    static const char body[] = "{\"instance_name\": \"cache-1\", \"capacity\": 2}";
    struct curl_slist *headers = curl_slist_append(NULL, "Content-Type: application/json");
    curl_easy_setopt(easy, CURLOPT_URL, argv[1]);
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(easy, CURLOPT_POSTFIELDS, body);
    curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE, (long)strlen(body));

    /* The retries: the default policy (3 attempts, full jitter), steps logged on
     * stderr, nanosleep between attempts, the final body to stdout. A budget shared by
     * the process's requests stops retrying when too many fail. */
    dcs_curl_retry_options opts;
    dcs_curl_retry_options_init(&opts);
    opts.budget = dcs_status_retry_budget_new_default();
    opts.timeout_ms = 30000; /* every attempt and sleep within 30 s */

    dcs_curl_result result;
    CURLcode rc = dcs_curl_perform(easy, &opts, &result);
    int exit_status = 0;
    if (rc != CURLE_OK) {
        /* No response: curl's error, and the steps say whether it was retried. */
        fprintf(stderr, "no response after %zu attempts: %s\n", result.n_attempts, curl_easy_strerror(rc));
        exit_status = 1;
    } else if (result.exhausted) {
        /* Retries ran out: the last error response (its body was printed), why (the
         * core's words: "retries exhausted: ... (max_attempts)"), and each step kept
         * with its reason. */
        char why[DCS_STATUS_RETRY_STEP_LOG_LINE_MAX + 1];
        dcs_status_retry_step_exhausted_message(&result.attempts[result.n_attempts - 1].step, NULL, 0, why, sizeof why);
        fprintf(stderr, "status %ld, %s:\n", result.status, why);
        for (size_t i = 0; i < result.n_attempts; i++) {
            fprintf(stderr, "  %u: %s\n", (unsigned)result.attempts[i].attempt, result.attempts[i].log_line);
        }
        exit_status = 1;
    } else {
        printf("\nstatus %ld after %zu attempts\n", result.status, result.n_attempts);
        exit_status = result.status < 400 ? 0 : 1;
    }
    dcs_curl_result_free(&result);
    dcs_status_retry_budget_free(opts.budget);
    curl_slist_free_all(headers);
    curl_easy_cleanup(easy);
    curl_global_cleanup();
    return exit_status;
}
