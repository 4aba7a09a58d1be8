// Package benchcmp measures the Go binding against other Go libraries, side by
// side in one run, in a module of its own so that their dependencies never reach
// the package's go.mod:
//
//	cd bindings/go/internal/benchcmp && go test -run '^$' -bench . -benchmem -count 5
//
// RetryPolicy.Step against go-retryablehttp's DefaultRetryPolicy and
// DefaultBackoff, for the same 503 and 429 responses; and an http.Client whose
// Transport is a dcsstatus.Transport against go-retryablehttp's StandardClient
// on the same retried scenario (429, then 200, with zero delay) against a local
// server, in turns (BenchmarkRetried429Interleaved) and one after the other
// (BenchmarkRetried429).
package benchcmp
