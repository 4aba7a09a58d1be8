package dcsstatus

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// Transport beyond the shared scenarios (client_scenarios_test.go runs those):
// bodies that cannot be sent again, the context's deadline and cancellation,
// the budget, ReturnLastResponse, a policy that is not valid.

// scenarioTransport is a Transport for one run of a scenario of the vectors,
// reporting to run, sending through server.
func scenarioTransport(doc clientScenarios, run *scenarioRun, server *scriptedServer) *Transport {
	return &Transport{Retrier: run.retrier(doc), Base: server.base()}
}

// A body without GetBody cannot be sent again: the busy POST, which the core
// retries, is sent once, its final step says the body cannot be sent again
// (unreplayable_body, which is not giving up), and the response comes back as
// it came, its body whole.
func TestTransportBodyWithoutGetBodyIsNotRetried(t *testing.T) {
	doc := loadClientScenarios(t)
	sc := doc.scenario(t, "dcs-4111-busy-post")
	server := newScriptedServer(t, sc)
	var run scenarioRun
	req := newScenarioRequest(t, context.Background(), sc, server.URL)
	req.Body, req.GetBody = io.NopCloser(strings.NewReader(*sc.RequestBody)), nil
	resp, err := (&http.Client{Transport: scenarioTransport(doc, &run, server)}).Do(req)
	checkReceived(t, server, sc, 1)
	if len(run.sleeps) != 0 || len(run.steps) != 1 || run.steps[0].Reason != RetryReasonUnreplayableBody ||
		run.steps[0].IsRetry() || run.steps[0].GaveUp() {
		t.Fatalf("slept %v, steps %v; want one final step, unreplayable_body", run.sleeps, run.steps)
	}
	if records := run.logs.all(); len(records) != 1 || records[0].message != run.steps[0].String() ||
		records[0].attrs["error_code"] != bodyErrorCode(sc.Responses[0].Body) {
		t.Errorf("log records %+v, want the step's line", records)
	}
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	if first := sc.Responses[0]; resp.StatusCode != first.Status || string(body) != first.Body {
		t.Errorf("got %d %q, want %d %q", resp.StatusCode, body, first.Status, first.Body)
	}
	if n := server.unclosedBodies(); n != 0 {
		t.Errorf("%d response bodies left open", n)
	}
}

// A retry whose delay would end after the context's deadline is not made,
// and the transport never sleeps: the Retry-After of 1 s against 500 ms left.
func TestTransportStopsAtTheDeadline(t *testing.T) {
	doc := loadClientScenarios(t)
	sc := doc.scenario(t, "429-retry-after-seconds")
	server := newScriptedServer(t, sc)
	var run scenarioRun
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	resp, err := (&http.Client{Transport: scenarioTransport(doc, &run, server)}).Do(
		newScenarioRequest(t, ctx, sc, server.URL))
	checkReceived(t, server, sc, 1)
	var he *HTTPError
	if !errors.As(err, &he) || int(he.Code) != sc.Responses[0].Status {
		t.Fatalf("got %v, %v, want an *HTTPError", resp, err)
	}
	if len(run.sleeps) != 0 || len(he.Steps) != 1 || he.Steps[0].Reason != RetryReasonDeadline ||
		!he.Steps[0].GaveUp() {
		t.Errorf("slept %v, steps %v; want no sleep and one step that gave up at the deadline", run.sleeps, he.Steps)
	}
	if n := server.unclosedBodies(); n != 0 {
		t.Errorf("%d response bodies left open", n)
	}
}

// A context cancelled during the sleep ends the request with the context's
// error and the steps so far, the retried response closed.
func TestTransportContextCancelledDuringSleep(t *testing.T) {
	doc := loadClientScenarios(t)
	sc := doc.scenario(t, "500-get-retried")
	server := newScriptedServer(t, sc)
	var run scenarioRun
	transport := scenarioTransport(doc, &run, server)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var slept time.Duration
	transport.Sleep = func(ctx context.Context, d time.Duration) error {
		slept = d
		cancel()
		return sleepContext(ctx, d) // the real sleep, which the cancel ends
	}
	_, err := (&http.Client{Transport: transport}).Do(newScenarioRequest(t, ctx, sc, server.URL))
	checkReceived(t, server, sc, 1)
	var re *RetryError
	if !errors.Is(err, context.Canceled) || !errors.As(err, &re) || len(re.Steps) != 1 || !re.Steps[0].IsRetry() ||
		slept != re.Steps[0].Delay {
		t.Fatalf("got %v; want context.Canceled in a *RetryError with the retry step", err)
	}
	if n := server.unclosedBodies(); n != 0 {
		t.Errorf("%d response bodies left open", n)
	}
}

// A context already cancelled leaves no time: the step stops at the deadline
// and Base's error comes back with it.
func TestTransportContextAlreadyCancelled(t *testing.T) {
	doc := loadClientScenarios(t)
	sc := doc.scenario(t, "500-get-retried")
	server := newScriptedServer(t, sc)
	var run scenarioRun
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := (&http.Client{Transport: scenarioTransport(doc, &run, server)}).Do(
		newScenarioRequest(t, ctx, sc, server.URL))
	var re *RetryError
	if !errors.Is(err, context.Canceled) || !errors.As(err, &re) || len(run.sleeps) != 0 {
		t.Fatalf("got %v, slept %v; want context.Canceled in a *RetryError, no sleep", err, run.sleeps)
	}
	if last := re.Steps[len(re.Steps)-1]; last.IsRetry() {
		t.Errorf("the last step %v retries", last)
	}
}

// The budget pays for each retry and a success refunds the last one; when it
// cannot pay, the retry is not made and the transport gives up.
func TestTransportBudget(t *testing.T) {
	doc := loadClientScenarios(t)
	sc := doc.scenario(t, "500-get-retried")
	server := newScriptedServer(t, sc)
	var run scenarioRun
	transport := scenarioTransport(doc, &run, server)
	transport.Budget = NewDefaultRetryBudget()
	defer transport.Budget.Close()
	full, retryCost, throttleCost := transport.Budget.Capacity(), transport.Budget.RetryCost(), transport.Budget.ThrottleCost()
	resp, err := (&http.Client{Transport: transport}).Do(newScenarioRequest(t, context.Background(), sc, server.URL))
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	if !run.steps[0].HasTokensAfter || run.steps[0].TokensAfter != full-retryCost {
		t.Errorf("the retry left %d tokens, want %d", run.steps[0].TokensAfter, full-retryCost)
	}
	if got := transport.Budget.Tokens(); got != full {
		t.Errorf("after the success the budget holds %d tokens, want %d (refunded)", got, full)
	}

	// A budget that cannot pay for the retry.
	server = newScriptedServer(t, sc)
	run = scenarioRun{}
	transport = scenarioTransport(doc, &run, server)
	transport.Budget = NewRetryBudgetWithTokens(full, retryCost, throttleCost, retryCost-1)
	defer transport.Budget.Close()
	_, err = (&http.Client{Transport: transport}).Do(newScenarioRequest(t, context.Background(), sc, server.URL))
	var he *HTTPError
	if !errors.As(err, &he) || len(he.Steps) != 1 || he.Steps[0].Reason != RetryReasonBudgetExhausted {
		t.Fatalf("got %v, want an *HTTPError that gave up on the budget", err)
	}
	checkReceived(t, server, sc, 1)

	// A first attempt that succeeds earns a token.
	ok := doc.scenario(t, "429-retry-after-seconds")
	ok.Responses = ok.Responses[1:]
	server = newScriptedServer(t, ok)
	run = scenarioRun{}
	transport = scenarioTransport(doc, &run, server)
	half := full / 2
	transport.Budget = NewRetryBudgetWithTokens(full, retryCost, throttleCost, half)
	defer transport.Budget.Close()
	resp, err = (&http.Client{Transport: transport}).Do(newScenarioRequest(t, context.Background(), ok, server.URL))
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	if got := transport.Budget.Tokens(); got != half+1 {
		t.Errorf("a first-attempt success left %d tokens, want %d", got, half+1)
	}
}

// ReturnLastResponse: exhausted retries return the final response, its body
// whole, instead of the *HTTPError.
func TestTransportReturnLastResponse(t *testing.T) {
	doc := loadClientScenarios(t)
	for _, sc := range doc.Scenarios {
		if sc.Expected.Outcome.Kind != outcomeHTTPError {
			continue
		}
		t.Run(sc.Name, func(t *testing.T) {
			server := newScriptedServer(t, sc)
			var run scenarioRun
			transport := scenarioTransport(doc, &run, server)
			transport.ReturnLastResponse = true
			resp, err := (&http.Client{Transport: transport}).Do(newScenarioRequest(t, context.Background(), sc, server.URL))
			if err != nil {
				t.Fatal(err)
			}
			body, err := io.ReadAll(resp.Body)
			_ = resp.Body.Close()
			if resp.StatusCode != sc.Expected.Outcome.Status || err != nil || string(body) != sc.finalResponse().Body {
				t.Errorf("got %d %q (%v), want %d %q", resp.StatusCode, body, err, sc.Expected.Outcome.Status,
					sc.finalResponse().Body)
			}
			checkReceived(t, server, sc, sc.Expected.Requests)
			checkStepList(t, run.steps, sc.Expected.Reasons, sc.Expected.LogLines)
		})
	}
}

// A policy that is not valid fails before the request is sent, and the
// request's body is closed; the zero policy is the default.
func TestTransportPolicy(t *testing.T) {
	doc := loadClientScenarios(t)
	sc := doc.scenario(t, "dcs-4111-busy-post")
	server := newScriptedServer(t, sc)
	var run scenarioRun
	transport := scenarioTransport(doc, &run, server)
	transport.Policy = RetryPolicy{MaxAttempts: 5} // no Jitter
	req := newScenarioRequest(t, context.Background(), sc, server.URL)
	body := &trackedBody{ReadCloser: req.Body}
	req.Body = body
	_, err := (&http.Client{Transport: transport}).Do(req)
	if !errors.Is(err, ErrUnknownJitter) || len(server.received()) != 0 || !body.isClosed() {
		t.Errorf("got %v, %d requests, body closed %v; want ErrUnknownJitter, none sent, the body closed",
			err, len(server.received()), body.isClosed())
	}

	transport.Policy = DefaultRetryPolicy()
	transport.Policy.MaxAttempts = 2
	resp, err := (&http.Client{Transport: transport}).Do(newScenarioRequest(t, context.Background(), sc, server.URL))
	var he *HTTPError
	if !errors.As(err, &he) || len(he.Steps) != 2 || he.Steps[1].Reason != RetryReasonMaxAttempts {
		t.Errorf("got %v, %v; want an *HTTPError after 2 attempts", resp, err)
	}
}

// The zero Transport sends through http.DefaultTransport with the default
// policy, and CloseIdleConnections reaches its Base.
func TestTransportZeroValue(t *testing.T) {
	doc := loadClientScenarios(t)
	sc := doc.scenario(t, "500-post-not-retried")
	server := newScriptedServer(t, sc)
	transport := &Transport{}
	client := &http.Client{Transport: transport}
	resp, err := client.Do(newScenarioRequest(t, context.Background(), sc, server.URL))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	if resp.StatusCode != sc.Responses[0].Status || string(body) != sc.Responses[0].Body {
		t.Errorf("got %d %q, want %d %q", resp.StatusCode, body, sc.Responses[0].Status, sc.Responses[0].Body)
	}
	client.CloseIdleConnections()
	(&Transport{Base: closeCounter{}}).CloseIdleConnections()
}

// closeCounter is a Base that panics when sent a request, and records nothing:
// CloseIdleConnections must not reach RoundTrip.
type closeCounter struct{}

func (closeCounter) RoundTrip(*http.Request) (*http.Response, error) { panic("not sent") }

// methodIdempotent answers as the core for the standard methods it keeps and
// for any other.
func TestMethodIdempotentIsTheCores(t *testing.T) {
	for _, method := range []string{http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut,
		http.MethodPatch, http.MethodDelete, http.MethodConnect, http.MethodOptions, http.MethodTrace,
		"get", "PROPFIND", ""} {
		if got, want := methodIdempotent(method), MethodIsIdempotent(method); got != want {
			t.Errorf("methodIdempotent(%q) = %v, the core says %v", method, got, want)
		}
	}
}

// retryStepBody, the one cgo call Transport makes per error response, gives
// the step and the error code that ParseErrorBody then Step give, for codes
// with and without escapes, too long to resolve in the call, absent, and
// bodies that are not JSON.
func TestRetryStepBodyIsParseThenStep(t *testing.T) {
	long := `DCS.` + strings.Repeat(`\u0034`, 100)
	bodies := []string{
		`{"error_code": "DCS.4111", "error_msg": "restarting"}`,
		`{"error_code": "DCS.41\u0031\u0031"}`,
		`{"error_code": "DCS.4202"}`,
		`{"error_code": "` + long + `"}`,
		`{"error": {"code": "APIGW.0308", "message": "throttled"}}`,
		`{"error_code": "\"quoted\""}`,
		`{"error_code": ""}`,
		`{"error_code": null}`,
		`not json`,
		`{"error_code": "DCS.4111"`,
		"",
	}
	policy := DefaultRetryPolicy()
	for _, body := range bodies {
		for _, status := range []int{400, 429, 500} {
			in := StepInput{Attempt: 1, Status: status, Idempotent: true, Random: 0.5, HasRandom: true}
			got, code, escaped, ok, r := retryStepBody(policy, &in, []byte(body), nil)
			parsed := ParseErrorBody([]byte(body))
			in.ErrorCode = parsed.ErrorCode
			want, err := policy.Step(in, nil)
			if err != nil {
				t.Fatal(err)
			}
			if ok == strings.Contains(body, long) {
				t.Fatalf("%q: a step made: %v; want one for every code short enough", body, ok)
			}
			loop := retryLoop{r: &Retrier{Random: func() float64 { return 0.5 }}, ctx: context.Background(),
				policy: policy, idempotent: true, replayable: true}
			if step, err := loop.next(nil, attempt{status: status, body: []byte(body)}); err != nil || step != want {
				t.Errorf("%d %q: the loop's step %v (%v), want %v", status, body, step, err, want)
			}
			if !ok {
				continue
			}
			gotCode := string(code)
			if escaped {
				gotCode = parsed.ErrorCode
			}
			if r != resultOK || got.String() != want.String() || got != want || gotCode != parsed.ErrorCode ||
				(code == nil && !escaped && parsed.ErrorCode != "") {
				t.Errorf("%d %q: step %v, code %q (escaped %v); want %v, %q", status, body, got, code, escaped,
					want, parsed.ErrorCode)
			}
		}
	}
}
