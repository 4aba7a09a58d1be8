package dcsstatus

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// The retrying clients' shared scenarios, tests/vectors/client_scenarios.json:
// an httptest server plays each scenario's responses, the client under test
// (Transport, Retrier.Do) runs it with the vector's clock and draw and a sleep
// that records, and the test checks what the server received, the sleeps, the
// steps, the log records and what the caller got.

// clientScenarios is the whole file.
type clientScenarios struct {
	About     string           `json:"about"`
	Now       int64            `json:"now"`
	Random    float64          `json:"random"`
	Scenarios []clientScenario `json:"scenarios"`
}

// clientScenario is one scenario.
type clientScenario struct {
	Name        string              `json:"name"`
	Method      string              `json:"method"`
	RequestBody *string             `json:"request_body"`
	Responses   []scriptedResponse  `json:"responses"`
	Expected    clientScenarioWants `json:"expected"`
}

// scriptedResponse is what the server sends to one request: a response, or a
// TCP reset.
type scriptedResponse struct {
	Status  int         `json:"status"`
	Headers [][2]string `json:"headers"`
	Body    string      `json:"body"`
	Reset   bool        `json:"reset"`
}

// clientScenarioWants is a scenario's expected results.
type clientScenarioWants struct {
	Requests int      `json:"requests"`
	SleepsMS []uint64 `json:"sleeps_ms"`
	Reasons  []string `json:"reasons"`
	LogLines []string `json:"log_lines"`
	Outcome  struct {
		Kind   string `json:"kind"`
		Status int    `json:"status"`
	} `json:"outcome"`
}

// The outcome kinds of the scenarios.
const (
	outcomeResponse        = "response"
	outcomeHTTPError       = "http_error"
	outcomeConnectionError = "connection_error"
)

// loadClientScenarios reads the scenarios, rejecting keys the types lack.
func loadClientScenarios(t testing.TB) clientScenarios {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(vectorsDir, "client_scenarios.json"))
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var doc clientScenarios
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("client_scenarios.json: %v", err)
	}
	if len(doc.Scenarios) == 0 {
		t.Fatal("client_scenarios.json: no scenarios")
	}
	return doc
}

// scenario is the scenario named name.
func (doc clientScenarios) scenario(t testing.TB, name string) clientScenario {
	t.Helper()
	for _, sc := range doc.Scenarios {
		if sc.Name == name {
			return sc
		}
	}
	t.Fatalf("client_scenarios.json has no scenario %q", name)
	return clientScenario{}
}

// received is one request the scripted server received.
type received struct {
	method string
	body   string
}

// scriptedServer plays one scenario's responses, in order (the last one past
// the end), and records the requests.
type scriptedServer struct {
	*httptest.Server
	mu       sync.Mutex
	requests []received
	// bodies tracks the bodies of the responses Base returned, through
	// trackingTransport.
	bodies []*trackedBody
}

// newScriptedServer starts a server for sc, closed at the end of the test.
func newScriptedServer(t testing.TB, sc clientScenario) *scriptedServer {
	t.Helper()
	s := &scriptedServer{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			t.Errorf("reading a request body: %v", err)
		}
		s.mu.Lock()
		s.requests = append(s.requests, received{r.Method, string(body)})
		n := len(s.requests)
		s.mu.Unlock()
		resp := sc.Responses[min(n, len(sc.Responses))-1]
		if resp.Reset {
			resetConnection(t, w)
			return
		}
		for _, h := range resp.Headers {
			w.Header().Add(h[0], h[1])
		}
		w.Header().Set("Content-Length", strconv.Itoa(len(resp.Body)))
		w.WriteHeader(resp.Status)
		_, _ = io.WriteString(w, resp.Body)
	}))
	t.Cleanup(s.Close)
	return s
}

// resetConnection closes the request's connection with a TCP reset (linger 0)
// before any response.
func resetConnection(t testing.TB, w http.ResponseWriter) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		t.Errorf("hijack: %v", err)
		return
	}
	if tcp, ok := conn.(*net.TCPConn); ok {
		if err := tcp.SetLinger(0); err != nil {
			t.Errorf("SetLinger(0): %v", err)
		}
	} else {
		t.Errorf("hijacked a %T, not a *net.TCPConn", conn)
	}
	_ = conn.Close()
}

// received is the requests the server received so far.
func (s *scriptedServer) received() []received {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]received(nil), s.requests...)
}

// trackedBody is a response body that records whether it was closed.
type trackedBody struct {
	io.ReadCloser
	mu     sync.Mutex
	closed bool
}

func (b *trackedBody) Close() error {
	b.mu.Lock()
	b.closed = true
	b.mu.Unlock()
	return b.ReadCloser.Close()
}

func (b *trackedBody) isClosed() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.closed
}

// trackingTransport is the server's client transport, tracking the bodies of
// the responses it returns.
type trackingTransport struct {
	s    *scriptedServer
	base http.RoundTripper
}

func (tt trackingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := tt.base.RoundTrip(req)
	if resp != nil {
		b := &trackedBody{ReadCloser: resp.Body}
		resp.Body = b
		tt.s.mu.Lock()
		tt.s.bodies = append(tt.s.bodies, b)
		tt.s.mu.Unlock()
	}
	return resp, err
}

// base is the transport the client under test sends each attempt with: the
// server's own (closed with it), tracking bodies.
func (s *scriptedServer) base() http.RoundTripper {
	return trackingTransport{s: s, base: s.Client().Transport}
}

// unclosedBodies is how many response bodies are still open.
func (s *scriptedServer) unclosedBodies() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, b := range s.bodies {
		if !b.isClosed() {
			n++
		}
	}
	return n
}

// newScenarioRequest is sc's request to the server, with a body GetBody can
// give again (http.NewRequest sets it for a strings.Reader).
func newScenarioRequest(t testing.TB, ctx context.Context, sc clientScenario, url string) *http.Request {
	t.Helper()
	var body io.Reader
	if sc.RequestBody != nil {
		body = strings.NewReader(*sc.RequestBody)
	}
	req, err := http.NewRequestWithContext(ctx, sc.Method, url+"/scenario/"+sc.Name, body)
	if err != nil {
		t.Fatal(err)
	}
	return req
}

// logRecord is one record the client logged.
type logRecord struct {
	level   slog.Level
	message string
	attrs   map[string]string
}

// logCapture is a slog.Handler that keeps every record, at every level.
type logCapture struct {
	mu      sync.Mutex
	records []logRecord
}

func (h *logCapture) Enabled(context.Context, slog.Level) bool { return true }

func (h *logCapture) Handle(_ context.Context, r slog.Record) error {
	rec := logRecord{level: r.Level, message: r.Message, attrs: map[string]string{}}
	r.Attrs(func(a slog.Attr) bool {
		rec.attrs[a.Key] = a.Value.String()
		return true
	})
	h.mu.Lock()
	h.records = append(h.records, rec)
	h.mu.Unlock()
	return nil
}

func (h *logCapture) WithAttrs([]slog.Attr) slog.Handler { return h }
func (h *logCapture) WithGroup(string) slog.Handler      { return h }

func (h *logCapture) all() []logRecord {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]logRecord(nil), h.records...)
}

// scenarioRun is what one run of a scenario recorded: the sleeps, the steps
// (OnStep) and the log records.
type scenarioRun struct {
	mu     sync.Mutex
	sleeps []time.Duration
	steps  []RetryStep
	logs   *logCapture
}

// retrier is a Retrier with the vector's clock and draw, a sleep that records
// and never waits, and everything reported to run.
func (run *scenarioRun) retrier(doc clientScenarios) Retrier {
	run.logs = &logCapture{}
	return Retrier{
		Logger: slog.New(run.logs),
		OnStep: func(_ context.Context, step RetryStep) {
			run.mu.Lock()
			run.steps = append(run.steps, step)
			run.mu.Unlock()
		},
		Sleep: func(ctx context.Context, d time.Duration) error {
			run.mu.Lock()
			run.sleeps = append(run.sleeps, d)
			run.mu.Unlock()
			return ctx.Err()
		},
		Now:    func() time.Time { return time.Unix(doc.Now, 0) },
		Random: func() float64 { return doc.Random },
	}
}

// checkReceived checks that the server received want requests of sc, each
// with sc's method and body.
func checkReceived(t *testing.T, s *scriptedServer, sc clientScenario, want int) {
	t.Helper()
	got := s.received()
	if len(got) != want {
		t.Errorf("the server received %d requests, want %d", len(got), want)
	}
	wantBody := ""
	if sc.RequestBody != nil {
		wantBody = *sc.RequestBody
	}
	for i, r := range got {
		if r.method != sc.Method || r.body != wantBody {
			t.Errorf("request %d: %s %q, want %s %q", i+1, r.method, r.body, sc.Method, wantBody)
		}
	}
}

// checkSteps checks the sleeps, the steps' reasons and log lines, and the log
// records against the expected reasons and lines (the scenario's, or the
// first of them for Do, which asks for no step on a success).
func checkSteps(t *testing.T, run *scenarioRun, sc clientScenario, reasons, lines []string) {
	t.Helper()
	run.mu.Lock()
	sleeps, steps := run.sleeps, run.steps
	run.mu.Unlock()
	var sleepsMS []uint64
	for _, d := range sleeps {
		sleepsMS = append(sleepsMS, uint64(d/time.Millisecond))
	}
	if !equalSlices(sleepsMS, sc.Expected.SleepsMS) {
		t.Errorf("slept %v ms, want %v", sleepsMS, sc.Expected.SleepsMS)
	}
	checkStepList(t, steps, reasons, lines)
	records := run.logs.all()
	if len(records) != len(lines) {
		t.Fatalf("%d log records, want %d: %+v", len(records), len(lines), records)
	}
	for i, rec := range records {
		wantLevel := slog.LevelInfo
		if !steps[i].IsRetry() {
			wantLevel = slog.LevelDebug
		}
		var requestID string
		var errorCode string
		if resp := sc.Responses[min(i, len(sc.Responses)-1)]; !resp.Reset {
			requestID = headerValue(resp.Headers, requestIDHeader)
			if resp.Status >= 400 {
				errorCode = bodyErrorCode(resp.Body)
			}
		}
		delayMS := uint64(0) // a retry's delay is its sleep
		if wantLevel == slog.LevelInfo && i < len(sc.Expected.SleepsMS) {
			delayMS = sc.Expected.SleepsMS[i]
		}
		want := map[string]string{
			"attempt":    strconv.Itoa(i + 1),
			"reason":     reasons[i],
			"delay_ms":   strconv.FormatUint(delayMS, 10),
			"request_id": requestID,
			"error_code": errorCode,
		}
		if rec.level != wantLevel || rec.message != lines[i] || !equalMaps(rec.attrs, want) {
			t.Errorf("log record %d: %v %q %v, want %v %q %v", i+1, rec.level, rec.message, rec.attrs,
				wantLevel, lines[i], want)
		}
	}
}

// checkStepList checks steps' reasons and log lines.
func checkStepList(t *testing.T, steps []RetryStep, reasons, lines []string) {
	t.Helper()
	if len(steps) != len(reasons) {
		t.Fatalf("%d steps %v, want %d: %v", len(steps), steps, len(reasons), reasons)
	}
	for i, step := range steps {
		if step.Reason.String() != reasons[i] || step.String() != lines[i] {
			t.Errorf("step %d: %s %q, want %s %q", i+1, step.Reason, step.String(), reasons[i], lines[i])
		}
	}
}

// headerValue is the value of the first pair named name (any case), or "".
func headerValue(pairs [][2]string, name string) string {
	for _, h := range pairs {
		if strings.EqualFold(h[0], name) {
			return h[1]
		}
	}
	return ""
}

// bodyErrorCode is the body's top-level error_code, read with encoding/json
// (not with the package's parser, which is under test), or "".
func bodyErrorCode(body string) string {
	var b struct {
		ErrorCode string `json:"error_code"`
	}
	_ = json.Unmarshal([]byte(body), &b)
	return b.ErrorCode
}

func equalSlices[T comparable](a, b []T) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func equalMaps(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// finalResponse is the response the server sent to the scenario's last
// expected request.
func (sc clientScenario) finalResponse() scriptedResponse {
	return sc.Responses[min(sc.Expected.Requests, len(sc.Responses))-1]
}

// runClientScenarioVectors runs every scenario through an http.Client whose
// Transport is a Transport, then through Retrier.Do.
func runClientScenarioVectors(t *testing.T, _ string) {
	doc := loadClientScenarios(t)
	for _, sc := range doc.Scenarios {
		t.Run("Transport/"+sc.Name, func(t *testing.T) { runTransportScenario(t, doc, sc) })
		t.Run("Do/"+sc.Name, func(t *testing.T) { runDoScenario(t, doc, sc) })
	}
}

// runTransportScenario plays sc through http.Client{Transport: &Transport{...}}.
func runTransportScenario(t *testing.T, doc clientScenarios, sc clientScenario) {
	server := newScriptedServer(t, sc)
	var run scenarioRun
	client := &http.Client{Transport: &Transport{Retrier: run.retrier(doc), Base: server.base()}}
	resp, err := client.Do(newScenarioRequest(t, context.Background(), sc, server.URL))
	checkReceived(t, server, sc, sc.Expected.Requests)
	checkSteps(t, &run, sc, sc.Expected.Reasons, sc.Expected.LogLines)
	want := sc.Expected.Outcome
	switch want.Kind {
	case outcomeResponse:
		if err != nil {
			t.Fatalf("got %v, want a %d response", err, want.Status)
		}
		body, err := io.ReadAll(resp.Body)
		_ = resp.Body.Close()
		if resp.StatusCode != want.Status || err != nil || string(body) != sc.finalResponse().Body {
			t.Errorf("got %d %q (%v), want %d %q", resp.StatusCode, body, err, want.Status, sc.finalResponse().Body)
		}
	case outcomeHTTPError:
		var he *HTTPError
		if resp != nil || !errors.As(err, &he) || int(he.Code) != want.Status {
			t.Fatalf("got %v, %v, want an *HTTPError %d", resp, err, want.Status)
		}
		checkStepList(t, he.Steps, sc.Expected.Reasons, sc.Expected.LogLines)
		if !he.Steps[len(he.Steps)-1].GaveUp() {
			t.Errorf("the last step %v did not give up", he.Steps[len(he.Steps)-1])
		}
		// The message ends with why the retries ran out: the last log line's
		// evidence and reason.
		last := sc.Expected.LogLines[len(sc.Expected.LogLines)-1]
		why := "; retries exhausted: " + strings.TrimPrefix(last, "do not retry: ")
		if !strings.HasSuffix(he.Error(), why) {
			t.Errorf("message %q, want it to end with %q", he.Error(), why)
		}
	case outcomeConnectionError:
		var re *RetryError
		var he *HTTPError
		if resp != nil || !errors.As(err, &re) || errors.As(err, &he) || re.Err == nil {
			t.Fatalf("got %v, %v, want a *RetryError holding the connection's error", resp, err)
		}
		checkStepList(t, re.Steps, sc.Expected.Reasons, sc.Expected.LogLines)
	default:
		t.Fatalf("unknown outcome %q", want.Kind)
	}
	if n := server.unclosedBodies(); n > 0 {
		t.Errorf("%d response bodies left open", n)
	}
}

// runDoScenario plays sc through Retrier.Do, whose function sends the request
// with a bare client and returns CheckResponse's error.
func runDoScenario(t *testing.T, doc clientScenarios, sc clientScenario) {
	server := newScriptedServer(t, sc)
	var run scenarioRun
	r := run.retrier(doc)
	var body []byte
	err := r.Do(context.Background(), MethodIsIdempotent(sc.Method), func(ctx context.Context) error {
		resp, err := server.Client().Do(newScenarioRequest(t, ctx, sc, server.URL))
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		if err := CheckResponse(resp); err != nil {
			return err
		}
		body, err = io.ReadAll(resp.Body)
		return err
	})
	reasons, lines := sc.Expected.Reasons, sc.Expected.LogLines
	if reasons[len(reasons)-1] == RetryReasonNotAnError.String() {
		// Do asks for no step on a success.
		reasons, lines = reasons[:len(reasons)-1], lines[:len(lines)-1]
	}
	checkReceived(t, server, sc, sc.Expected.Requests)
	checkSteps(t, &run, sc, reasons, lines)
	want := sc.Expected.Outcome
	var re *RetryError
	var he *HTTPError
	switch {
	case want.Kind == outcomeResponse && want.Status < 400:
		if err != nil || string(body) != sc.finalResponse().Body {
			t.Errorf("got %v, %q, want nil and %q", err, body, sc.finalResponse().Body)
		}
		return
	case want.Kind == outcomeConnectionError:
		if !errors.As(err, &re) || errors.As(err, &he) {
			t.Fatalf("got %v, want a *RetryError holding the connection's error", err)
		}
	default: // an error response, retried or not
		if !errors.As(err, &re) || !errors.As(err, &he) || int(he.Code) != want.Status {
			t.Fatalf("got %v, want a *RetryError holding an *HTTPError %d", err, want.Status)
		}
	}
	checkStepList(t, re.Steps, reasons, lines)
	if gaveUp := re.Steps[len(re.Steps)-1].GaveUp(); gaveUp != (want.Kind == outcomeHTTPError) {
		t.Errorf("the last step's GaveUp is %v for a %s", gaveUp, want.Kind)
	}
}
