package dcsstatus

import (
	"net/http"
	"time"
)

// Transport is an http.RoundTripper that retries DCS responses by the core's
// policy: set it as an http.Client's Transport and every request the client
// sends is retried as the policy says, with no change at the call sites.
//
//	client := &http.Client{Transport: &dcsstatus.Transport{}}
//
// Its settings are the embedded Retrier's (Policy, Budget, Logger, OnStep,
// Sleep, Now, Random), which Go sets through the field name in a composite
// literal, or directly afterwards:
//
//	t := &dcsstatus.Transport{Retrier: dcsstatus.Retrier{Budget: budget, Logger: slog.Default()}}
//	t.Policy = policy
//
// For each attempt it sends the request through Base and asks the policy for
// the next step (RetryPolicy.Step) from what came back:
//
//   - a response: its status, its first Retry-After, and for an error status
//     (4xx, 5xx, 600..999) the error code of its body, of which it reads at
//     most MaxErrorBodyBytes (ParseErrorBody);
//   - an error of Base (no response: connection refused or reset, a timeout):
//     NoResponse, which the core retries only for an idempotent request
//     (RetryReasonConnectionError);
//   - whether the request may be sent twice: MethodIsIdempotent of its method
//     (none is GET);
//   - the time left before the request context's deadline: a retry whose delay
//     would end after it is not made (RetryReasonDeadline), and a cancelled
//     context leaves no time at all; a context that ends during the sleep ends
//     the request.
//
// Before a retry it reads (at most MaxErrorBodyBytes more) and closes the body
// of the response it retries, so that the connection can be used again, and
// sends the request again with a new body from Request.GetBody, as
// http.NewRequest sets it for a bytes.Buffer, bytes.Reader or strings.Reader
// body. A request with a body and no GetBody is never retried: the core's
// step says RetryReasonUnreplayableBody where it would have retried, and the
// response is returned as it came.
//
// What the caller gets, when the loop stops:
//
//   - the final response, its body readable whole (the bytes read for the
//     error code are put back, as CheckResponse does): a success, or an error
//     response the policy does not retry (a 404, a 500 on a POST, a DCS.4202),
//     as the bare client would return it;
//   - an *HTTPError for the final response, with Steps holding every step,
//     when the retries were exhausted (the last step's GaveUp: max attempts,
//     the deadline, the budget, a Retry-After longer than the policy allows);
//     the response's body is read (at most
//     MaxErrorBodyBytes more) and closed. With ReturnLastResponse, the final
//     response instead;
//   - a *RetryError holding Base's error and every step, for a connection
//     error that was not retried or whose retries were exhausted; a
//     *RetryError holding the context's error when it ended during a sleep.
//
// The http.Client wraps either error in a *url.Error; errors.As finds it
// through that. Requests that succeed give the budget tokens back
// (RetryBudget.RecordSuccess). A Transport is safe for concurrent use, as
// long as its fields are not changed meanwhile.
type Transport struct {
	// Retrier is the retry settings, shared with Do.
	Retrier
	// Base sends each attempt; nil is http.DefaultTransport.
	Base http.RoundTripper
	// ReturnLastResponse makes exhausted retries return the final response
	// (the caller closes its body) instead of an *HTTPError.
	ReturnLastResponse bool
}

// RoundTrip sends req, and again as the policy says (see Transport). As every
// RoundTripper, it does not change req and closes its body, even on errors.
func (t *Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	hasBody := req.Body != nil && req.Body != http.NoBody
	method := req.Method
	if method == "" {
		method = http.MethodGet
	}
	loop, err := t.start(req.Context(), methodIdempotent(method), !hasBody || req.GetBody != nil)
	if err != nil {
		if hasBody {
			_ = req.Body.Close()
		}
		return nil, err
	}
	base := t.Base
	if base == nil {
		base = http.DefaultTransport
	}
	var stepsBuf [4]RetryStep
	steps := stepsBuf[:0]
	send := req
	for {
		resp, sendErr := base.RoundTrip(send)
		got := attempt{status: NoResponse}
		var prefix []byte
		if sendErr == nil {
			got = attempt{status: resp.StatusCode, retryAfter: firstRetryAfter(resp.Header), header: resp.Header}
			if res, err := Lookup(resp.StatusCode); err == nil && res.IsError() {
				prefix = readErrorBody(resp)
				got.body = prefix // the step reads its error code
			}
		}
		step, err := loop.next(steps, got)
		if err != nil {
			if resp != nil {
				drainClose(resp.Body)
			}
			return nil, fail(steps, err)
		}
		steps = append(steps, step)
		if !step.IsRetry() {
			return t.finish(&loop, steps, method, resp, sendErr, prefix)
		}
		if resp != nil {
			drainClose(resp.Body)
		}
		if err := loop.wait(step.Delay); err != nil {
			return nil, fail(steps, err)
		}
		if send, err = again(req); err != nil {
			return nil, fail(steps, err)
		}
	}
}

// finish is what RoundTrip returns after steps, the last one final.
func (t *Transport) finish(loop *retryLoop, steps []RetryStep, method string, resp *http.Response, sendErr error,
	prefix []byte) (*http.Response, error) {
	if sendErr != nil {
		return nil, fail(steps, sendErr)
	}
	if steps[len(steps)-1].Reason == RetryReasonNotAnError {
		loop.success(steps)
		return resp, nil
	}
	if t.ReturnLastResponse || !steps[len(steps)-1].GaveUp() {
		return resp, nil
	}
	now := time.Now
	if loop.r.Now != nil {
		now = loop.r.Now
	}
	e, err := newHTTPError(resp.StatusCode, resp.Header, prefix, now().Unix(), loop.idempotent, method)
	drainClose(resp.Body)
	if err != nil {
		return nil, fail(steps, err) // a status outside 100..999, which never gives up
	}
	e.Steps = stepsCopy(steps)
	return nil, e
}

// standardIdempotent is the core's MethodIsIdempotent of each of net/http's
// method constants, asked once at init, so that RoundTrip makes no cgo call
// for it.
var standardIdempotent = func() map[string]bool {
	m := map[string]bool{}
	for _, method := range []string{http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut,
		http.MethodPatch, http.MethodDelete, http.MethodConnect, http.MethodOptions, http.MethodTrace} {
		m[method] = MethodIsIdempotent(method)
	}
	return m
}()

// methodIdempotent is MethodIsIdempotent(method), from standardIdempotent for
// a standard method.
func methodIdempotent(method string) bool {
	if idempotent, ok := standardIdempotent[method]; ok {
		return idempotent
	}
	return MethodIsIdempotent(method)
}

// again is req with a new body from GetBody (req itself when it has no body),
// for the next attempt.
func again(req *http.Request) (*http.Request, error) {
	if req.Body == nil || req.Body == http.NoBody {
		return req, nil
	}
	body, err := req.GetBody()
	if err != nil {
		return nil, err
	}
	next := *req
	next.Body = body
	return &next, nil
}

// CloseIdleConnections closes Base's idle connections, if it can
// (http.Client.CloseIdleConnections calls it).
func (t *Transport) CloseIdleConnections() {
	type closer interface{ CloseIdleConnections() }
	base := t.Base
	if base == nil {
		base = http.DefaultTransport
	}
	if c, ok := base.(closer); ok {
		c.CloseIdleConnections()
	}
}
