package dcsstatus_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"time"

	dcsstatus "github.com/dcs-status/dcs-status/bindings/go"
)

// busyTwice is a DCS stand-in: 400 DCS.4111 (the instance is restarting) to
// the first two requests, then 200.
func busyTwice() *httptest.Server {
	var n atomic.Int32
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		fmt.Printf("server: %s %s\n", r.Method, body)
		if n.Add(1) <= 2 {
			w.Header().Set("X-Request-Id", fmt.Sprintf("req-busy-%d", n.Load()))
			w.WriteHeader(http.StatusBadRequest)
			fmt.Fprint(w, `{"error_msg": "The instance is being restarted.", "error_code": "DCS.4111", "error_ext_msg": null}`)
			return
		}
		fmt.Fprint(w, "ok")
	}))
}

// exampleLogger logs to standard output, every level, without the time.
func exampleLogger() *slog.Logger {
	return slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		Level: slog.LevelDebug,
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		},
	}))
}

// An http.Client whose Transport retries: a POST with a body http.NewRequest
// can give again (a strings.Reader), answered 400 DCS.4111 twice, then 200.
// The core retries DCS.4111 whatever the method, since the request had no
// effect; each retry is logged with the core's line. Sleep and Random are
// injected so that the example runs at once and the same every time: leave
// them nil in a program.
func ExampleTransport() {
	server := busyTwice()
	defer server.Close()

	client := &http.Client{Transport: &dcsstatus.Transport{Retrier: dcsstatus.Retrier{
		Logger: exampleLogger(),
		Sleep:  func(context.Context, time.Duration) error { return nil },
		Random: func() float64 { return 0.5 },
	}}}
	req, err := http.NewRequest(http.MethodPost, server.URL+"/v2/instances", strings.NewReader(`{"capacity": 2}`))
	if err != nil {
		panic(err)
	}
	resp, err := client.Do(req)
	if err != nil {
		var he *dcsstatus.HTTPError
		if errors.As(err, &he) { // the retries were exhausted
			for _, step := range he.Steps {
				fmt.Println(step)
			}
		}
		return
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	fmt.Println(resp.Status, string(body))
	// Output:
	// server: POST {"capacity": 2}
	// level=INFO msg="retry 1 of 2 in 1000 ms: DCS.4111 says try again later (busy)" attempt=1 reason=busy delay_ms=1000 request_id=req-busy-1 error_code=DCS.4111
	// server: POST {"capacity": 2}
	// level=INFO msg="retry 2 of 2 in 2000 ms: DCS.4111 says try again later (busy)" attempt=2 reason=busy delay_ms=2000 request_id=req-busy-2 error_code=DCS.4111
	// server: POST {"capacity": 2}
	// level=DEBUG msg="do not retry: 200 OK is not an error (not_an_error)" attempt=3 reason=not_an_error delay_ms=0 request_id="" error_code=""
	// 200 OK ok
}

// Exhausted retries: the *HTTPError of the final response, carrying every
// step, found with errors.As through the client's *url.Error.
func ExampleTransport_exhausted() {
	server := busyTwice()
	defer server.Close()

	transport := &dcsstatus.Transport{}
	transport.Policy = dcsstatus.DefaultRetryPolicy()
	transport.Policy.MaxAttempts = 2
	transport.Sleep = func(context.Context, time.Duration) error { return nil } // not in a program
	transport.Random = func() float64 { return 0.5 }
	client := &http.Client{Transport: transport}

	_, err := client.Post(server.URL+"/v2/instances", "application/json", strings.NewReader(`{"capacity": 2}`))
	var he *dcsstatus.HTTPError
	if errors.As(err, &he) {
		fmt.Println(he.Code, he.ErrorCode, he.RequestID)
		for _, step := range he.Steps {
			fmt.Println(step)
		}
	}
	// Output:
	// server: POST {"capacity": 2}
	// server: POST {"capacity": 2}
	// 400 Bad Request DCS.4111 req-busy-2
	// retry 1 of 1 in 1000 ms: DCS.4111 says try again later (busy)
	// do not retry: 400 Bad Request on attempt 2, and max_attempts is 2 (max_attempts)
}

// An SDK-style call that returns an error: Do calls it again while the policy
// says so. The function here fails twice with the *HTTPError of a 429
// (CheckResponse makes one from a response; an SDK's error that wraps one
// works too), then succeeds.
func ExampleRetrier_Do() {
	r := dcsstatus.Retrier{
		OnStep: func(_ context.Context, step dcsstatus.RetryStep) { fmt.Println(step) },
		Sleep:  func(context.Context, time.Duration) error { return nil }, // not in a program
	}
	calls := 0
	err := r.Do(context.Background(), true, func(ctx context.Context) error {
		calls++
		if calls <= 2 {
			e, _ := dcsstatus.HTTPErrorFromResponse(http.StatusTooManyRequests,
				http.Header{"Retry-After": {"3"}}, nil, time.Now(), true)
			return fmt.Errorf("resizing cache-1: %w", e)
		}
		return nil
	})
	fmt.Println(calls, "calls, error:", err)
	// Output:
	// retry 1 of 2 in 3000 ms: 429 Too Many Requests asks to wait 3 s (retry_after)
	// retry 2 of 2 in 3000 ms: 429 Too Many Requests asks to wait 3 s (retry_after)
	// 3 calls, error: <nil>
}
