// Package benchcmp measures the Go binding against other Go libraries, side by
// side in one run, in a module of its own so that their dependencies never reach
// the package's go.mod:
//
//	cd bindings/go/internal/benchcmp && go test -run '^$' -bench . -benchmem -count 5
//
// RetryPolicy.Step against go-retryablehttp's DefaultRetryPolicy and
// DefaultBackoff, for the same 503 and 429 responses.
package benchcmp
