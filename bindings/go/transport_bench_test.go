package dcsstatus

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// okServer is a local server that answers every request 200 "ok\n".
func okServer() *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		_, _ = io.WriteString(w, "ok\n")
	}))
}

// okClients are the clients BenchmarkClientOK compares: the bare
// http.Client, and one whose Transport is a Transport (default policy, no
// budget, no logger) over the same kind of base transport.
func okClients() []struct {
	name   string
	client *http.Client
} {
	newBase := func() *http.Transport { return http.DefaultTransport.(*http.Transport).Clone() }
	return []struct {
		name   string
		client *http.Client
	}{
		{"bare", &http.Client{Transport: newBase()}},
		{"transport", &http.Client{Transport: &Transport{Base: newBase()}}},
	}
}

// getOK GETs url with client, reads the body whole and closes it.
func getOK(b *testing.B, client *http.Client, url string) {
	resp, err := client.Get(url)
	if err != nil {
		b.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b.Fatal(resp.Status)
	}
}

// BenchmarkClientOK is the overhead of Transport on a request that succeeds
// first time against a local server (goal: at most 5 %): the bare client and
// the one with a Transport, one sub-benchmark each. Each op is a GET whose
// body is read whole and closed.
//
//	go test -run '^$' -bench 'ClientOK' -benchmem -count 5
func BenchmarkClientOK(b *testing.B) {
	server := okServer()
	defer server.Close()
	for _, c := range okClients() {
		b.Run(c.name, func(b *testing.B) {
			defer c.client.CloseIdleConnections()
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				getOK(b, c.client, server.URL)
			}
		})
	}
}

// BenchmarkClientOKInterleaved is BenchmarkClientOK with the two clients
// taking turns, request by request, so that both see the same load on a
// shared machine; it reports each one's ns per request and the overhead in
// percent (an op is one request of each).
func BenchmarkClientOKInterleaved(b *testing.B) {
	server := okServer()
	defer server.Close()
	clients := okClients()
	spent := make([]time.Duration, len(clients))
	for _, c := range clients {
		getOK(b, c.client, server.URL) // a connection each, before the clock runs
		defer c.client.CloseIdleConnections()
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k := range clients {
			j := (i + k) % len(clients) // each goes first every other time
			start := time.Now()
			getOK(b, clients[j].client, server.URL)
			spent[j] += time.Since(start)
		}
	}
	bare, transport := float64(spent[0])/float64(b.N), float64(spent[1])/float64(b.N)
	b.ReportMetric(bare, "bare-ns/req")
	b.ReportMetric(transport, "transport-ns/req")
	b.ReportMetric(100*(transport-bare)/bare, "overhead-%")
}

// answerOK is a Base that answers 200 at once, without a network: what is
// left of a round trip is the cost of the RoundTripper around it.
type answerOK struct{}

func (answerOK) RoundTrip(req *http.Request) (*http.Response, error) {
	return &http.Response{StatusCode: http.StatusOK, Header: http.Header{},
		Body: io.NopCloser(strings.NewReader("ok\n")), Request: req}, nil
}

// BenchmarkTransportOverhead is Transport's own cost on a request that
// succeeds first time, without the network's noise: answerOK alone, then
// wrapped in a Transport (default policy, no budget, no logger: one cgo call,
// the step).
func BenchmarkTransportOverhead(b *testing.B) {
	req, err := http.NewRequest(http.MethodGet, "http://127.0.0.1/v2/instances", nil)
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		rt   http.RoundTripper
	}{
		{"base", answerOK{}},
		{"transport", &Transport{Base: answerOK{}}},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				resp, err := c.rt.RoundTrip(req)
				if err != nil {
					b.Fatal(err)
				}
				_ = resp.Body.Close()
			}
		})
	}
}
