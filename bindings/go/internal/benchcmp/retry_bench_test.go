package benchcmp

import (
	"context"
	"net/http"
	"testing"
	"time"

	dcsstatus "github.com/dcs-status/dcs-status/bindings/go"
	"github.com/hashicorp/go-retryablehttp"
)

// The responses both libraries retry: a 503 with Retry-After (the server's
// delay), a 429 without (a throttle backoff) and a 500 (a transient backoff;
// the core retries 503 only with a Retry-After, since DCS sends 503 for requests
// to modify).
var responses = map[string]*http.Response{
	"503-retry-after": {StatusCode: 503, Header: http.Header{"Retry-After": {"2"}}},
	"429":             {StatusCode: 429, Header: http.Header{}},
	"500":             {StatusCode: 500, Header: http.Header{}},
}

// names are the responses' names, in a fixed order.
var names = []string{"503-retry-after", "429", "500"}

// The delay each library answers, kept so the calls are not optimised away.
var sinkDelay time.Duration

// BenchmarkStep is one dcsstatus step: the Retry-After header read from the
// response, then one call into the core (decision, delay, no budget), with the
// core's own random draw.
func BenchmarkStep(b *testing.B) {
	policy := dcsstatus.DefaultRetryPolicy()
	for _, name := range names {
		resp := responses[name]
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				step, err := policy.Step(dcsstatus.StepInput{
					Attempt: 1, Status: resp.StatusCode, RetryAfter: resp.Header.Get("Retry-After"), Idempotent: true,
				}, nil)
				if err != nil || !step.IsRetry() {
					b.Fatal(step, err)
				}
				sinkDelay = step.Delay
			}
		})
	}
}

// BenchmarkStepWithBudget is BenchmarkStep paying from a shared budget, which
// each success refunds.
func BenchmarkStepWithBudget(b *testing.B) {
	policy := dcsstatus.DefaultRetryPolicy()
	budget := dcsstatus.NewDefaultRetryBudget()
	defer budget.Close()
	resp := responses["500"]
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		step, err := policy.Step(dcsstatus.StepInput{
			Attempt: 1, Status: resp.StatusCode, RetryAfter: resp.Header.Get("Retry-After"), Idempotent: true,
		}, budget)
		if err != nil || !step.IsRetry() {
			b.Fatal(step, err)
		}
		budget.RecordSuccess(&step)
		sinkDelay = step.Delay
	}
}

// BenchmarkRetryablehttp is go-retryablehttp's decision (DefaultRetryPolicy)
// and delay (DefaultBackoff, with retryablehttp.Client's default 1 s and 30 s
// bounds) for the same responses.
func BenchmarkRetryablehttp(b *testing.B) {
	ctx := context.Background()
	for _, name := range names {
		resp := responses[name]
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				retry, err := retryablehttp.DefaultRetryPolicy(ctx, resp, nil)
				if err != nil || !retry {
					b.Fatal(retry, err)
				}
				sinkDelay = retryablehttp.DefaultBackoff(time.Second, 30*time.Second, 0, resp)
			}
		})
	}
}
