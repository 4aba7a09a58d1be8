package dcsstatus

import (
	"net/http"
	"runtime"
	"sync"
	"testing"
	"time"
)

// Goroutines hammering every entry point at once: run under -race, this proves
// the table is read without data races and the cgo calls keep no shared state.
func TestConcurrentLookupsAgreeWithSequentialOnes(t *testing.T) {
	type answer struct {
		status   Status
		ok       bool
		text     string
		phrase   string
		resolved LookupResult
		class    Class
	}
	want := make(map[int]answer)
	for code := 90; code < 1010; code++ {
		s, ok := Get(code)
		r, _ := Lookup(code)
		c, _ := ClassOf(code)
		want[code] = answer{s, ok, Text(code), Phrase(code), r, c}
	}
	_, teapotErr := FromName("teapot")
	teapot := teapotErr.Error()
	now := time.Unix(1795521600, 0)
	h := http.Header{"Retry-After": {"Tue, 24 Nov 2026 12:02:00 GMT"}}

	workers := 4 * runtime.GOMAXPROCS(0)
	iterations := 100
	if testing.Short() {
		iterations = 3
	}
	var wg sync.WaitGroup
	errs := make(chan string, workers)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < iterations; i++ {
				for code := 90; code < 1010; code++ {
					s, ok := Get(code)
					r, _ := Lookup(code)
					c, _ := ClassOf(code)
					if (answer{s, ok, Text(code), Phrase(code), r, c}) != want[code] {
						errs <- "lookup of " + Code(code).String()
						return
					}
				}
				if s, err := FromName("server timeout"); err != nil || s.Code() != StatusServerTimeout {
					errs <- "FromName"
					return
				}
				if d, err := ParseRetryAfter("Tue, 24 Nov 2026 12:02:00 GMT", now); err != nil || d != 2*time.Minute {
					errs <- "ParseRetryAfter"
					return
				}
				if d, err := Decide(429+w%2*74, h, now, true); err != nil || d.Action != ActionRetryAfter || d.Delay != 2*time.Minute {
					errs <- "Decide"
					return
				}
				_ = Code(StatusNotFound).String() + ClassClientError.String() + ErrNotFound.Error() + Decision{ActionRetryAfter, time.Second}.String()
				if _, err := FromName("teapot"); err == nil || err.Error() != teapot {
					errs <- "FromName error"
					return
				}
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error("a goroutine got a different answer: " + e)
	}
}
