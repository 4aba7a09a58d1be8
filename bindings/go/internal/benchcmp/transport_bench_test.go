package benchcmp

import (
	"io"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	dcsstatus "github.com/dcs-status/dcs-status/bindings/go"
	"github.com/hashicorp/go-retryablehttp"
)

// throttleBody is the API gateway's body of a 429.
const throttleBody = `{"error_msg": "The throttling threshold has been reached", "error_code": "APIGW.0308", "error_ext_msg": null}`

// throttleOnce is a server that answers 429 (no Retry-After, the gateway's
// body) to every odd request and 200 to every even one: each GET of a client
// that retries is a 429, then a 200.
func throttleOnce() *httptest.Server {
	var n atomic.Uint64
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		if n.Add(1)%2 == 1 {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusTooManyRequests)
			_, _ = io.WriteString(w, throttleBody)
			return
		}
		_, _ = io.WriteString(w, "ok\n")
	}))
}

// retriedClients are the clients the Retried429 benchmarks compare: an
// http.Client whose Transport is a dcsstatus.Transport (the draw injected as
// 0, so the throttle backoff is 0 ms; the real sleep, which returns at once
// for 0; no logger), and go-retryablehttp's StandardClient (RetryWaitMin and
// RetryWaitMax 0, no logger), each over a base transport of its own.
func retriedClients() []struct {
	name   string
	client *http.Client
} {
	newBase := func() *http.Transport { return http.DefaultTransport.(*http.Transport).Clone() }
	ours := &dcsstatus.Transport{Base: newBase()}
	ours.Random = func() float64 { return 0 }
	theirs := retryablehttp.NewClient()
	theirs.HTTPClient = &http.Client{Transport: newBase()}
	theirs.RetryWaitMin, theirs.RetryWaitMax = 0, 0
	theirs.Logger = nil
	return []struct {
		name   string
		client *http.Client
	}{
		{"dcsstatus", &http.Client{Transport: ours}},
		{"retryablehttp", theirs.StandardClient()},
	}
}

// getRetried GETs url with client (a 429, then a 200), reads the final body
// whole and closes it.
func getRetried(b *testing.B, client *http.Client, url string) {
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

// BenchmarkRetried429 is the retried scenario, 429 then 200, with zero delay,
// one sub-benchmark per client (retriedClients). Each op is one GET: two round
// trips, the final body read whole and closed.
func BenchmarkRetried429(b *testing.B) {
	for _, c := range retriedClients() {
		b.Run(c.name, func(b *testing.B) {
			server := throttleOnce()
			defer server.Close()
			defer c.client.CloseIdleConnections()
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				getRetried(b, c.client, server.URL)
			}
		})
	}
}

// BenchmarkRetried429Interleaved is BenchmarkRetried429 with the two clients
// taking turns, GET by GET (each with a server of its own), so that both see
// the same load on a shared machine; it reports each one's ns per GET and
// the ratio dcsstatus / go-retryablehttp (an op is one GET of each).
func BenchmarkRetried429Interleaved(b *testing.B) {
	clients := retriedClients()
	servers := make([]*httptest.Server, len(clients))
	spent := make([]time.Duration, len(clients))
	for i, c := range clients {
		servers[i] = throttleOnce()
		defer servers[i].Close()
		defer c.client.CloseIdleConnections()
		getRetried(b, c.client, servers[i].URL) // connections, before the clock runs
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k := range clients {
			j := (i + k) % len(clients) // each goes first every other time
			start := time.Now()
			getRetried(b, clients[j].client, servers[j].URL)
			spent[j] += time.Since(start)
		}
	}
	ours, theirs := float64(spent[0])/float64(b.N), float64(spent[1])/float64(b.N)
	b.ReportMetric(ours, "dcsstatus-ns/get")
	b.ReportMetric(theirs, "retryablehttp-ns/get")
	b.ReportMetric(ours/theirs, "ratio")
}
