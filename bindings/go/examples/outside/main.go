// Command outside uses package dcsstatus from a module of its own, through a
// replace directive, as a program outside the repository's Go module does. It
// prints the entry for 429, then asks a local server (127.0.0.1) for a 429
// response with Retry-After and shows what CheckResponse makes of it. It exits
// with status 1 if the error is not what it should be.
//
//	cargo build --release -p dcs-status-ffi   # in the repository's root
//	go run .
package main

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"time"

	dcsstatus "github.com/dcs-status/dcs-status/bindings/go"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "outside:", err)
		os.Exit(1)
	}
}

func run() error {
	s, ok := dcsstatus.Get(429)
	if !ok {
		return errors.New("no entry for 429")
	}
	fmt.Printf("entry: %s (DCS name %q, ident %s, class %s, retry advice %s)\n",
		s, s.Name(), s.Ident(), s.Class(), s.RetryAdvice())
	fmt.Printf("description: %s\n", s.Description())

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "120")
		w.Header().Set("X-Request-Id", "outside-1")
		w.WriteHeader(http.StatusTooManyRequests)
	})}
	go srv.Serve(ln)
	defer srv.Close()

	client := &http.Client{Timeout: 10 * time.Second}
	resp, err := client.Get("http://" + ln.Addr().String() + "/")
	if err != nil {
		return err
	}
	resp.Body.Close()

	err = dcsstatus.CheckResponse(resp)
	fmt.Println("CheckResponse:", err)
	var e *dcsstatus.HTTPError
	if !errors.Is(err, dcsstatus.ErrTooManyRequests) || !errors.As(err, &e) {
		return fmt.Errorf("CheckResponse gave %v, not ErrTooManyRequests", err)
	}
	fmt.Printf("errors.Is(err, ErrTooManyRequests): true; Retry-After: %v; decision: %v; request id: %s\n",
		e.RetryAfter, e.Decision, e.RequestID)
	if e.RetryAfter != 120*time.Second || e.Decision.Action != dcsstatus.ActionRetryAfter {
		return fmt.Errorf("parsed delay %v, decision %v; want 2m0s, retry_after", e.RetryAfter, e.Decision)
	}
	return nil
}
