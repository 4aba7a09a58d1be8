package benchcmp

import (
	"io"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

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

// BenchmarkRetried429 is the retried scenario, 429 then 200, with zero delay,
// side by side: an http.Client whose Transport is a dcsstatus.Transport (the
// draw injected as 0, so the throttle backoff is 0 ms; the real sleep, which
// returns at once for 0), and go-retryablehttp's StandardClient (RetryWaitMin
// and RetryWaitMax 0, no logger). Each op is one GET, two round trips, the
// final body read whole and closed.
func BenchmarkRetried429(b *testing.B) {
	newBase := func() *http.Transport { return http.DefaultTransport.(*http.Transport).Clone() }
	clients := []struct {
		name string
		new  func() *http.Client
	}{
		{"dcsstatus", func() *http.Client {
			t := &dcsstatus.Transport{Base: newBase()}
			t.Random = func() float64 { return 0 }
			return &http.Client{Transport: t}
		}},
		{"retryablehttp", func() *http.Client {
			c := retryablehttp.NewClient()
			c.HTTPClient = &http.Client{Transport: newBase()}
			c.RetryWaitMin, c.RetryWaitMax = 0, 0
			c.Logger = nil
			return c.StandardClient()
		}},
	}
	for _, c := range clients {
		b.Run(c.name, func(b *testing.B) {
			server := throttleOnce()
			defer server.Close()
			client := c.new()
			defer client.CloseIdleConnections()
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				resp, err := client.Get(server.URL)
				if err != nil {
					b.Fatal(err)
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				_ = resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					b.Fatal(resp.Status)
				}
			}
		})
	}
}
