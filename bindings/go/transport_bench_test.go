package dcsstatus

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

// BenchmarkClientOK is the overhead of Transport on a request that succeeds
// first time (goal: at most 5 %), side by side against a local server: the
// bare http.Client, then one whose Transport is a Transport over the same kind
// of base transport (default policy, no budget, no logger). Each op is a GET
// whose 200 body is read whole and closed.
//
//	go test -run '^$' -bench 'ClientOK' -benchmem -count 5
func BenchmarkClientOK(b *testing.B) {
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		_, _ = io.WriteString(w, "ok\n")
	}))
	defer server.Close()
	clients := []struct {
		name   string
		client *http.Client
	}{
		{"bare", &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}},
		{"transport", &http.Client{Transport: &Transport{Base: http.DefaultTransport.(*http.Transport).Clone()}}},
	}
	for _, c := range clients {
		b.Run(c.name, func(b *testing.B) {
			defer c.client.CloseIdleConnections()
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				resp, err := c.client.Get(server.URL)
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
