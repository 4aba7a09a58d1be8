// Package dcsstatus is the status-code table of the DCS API ("Status Codes",
// dcs-api-0312043), its error-code catalogue ("Error Codes") and the rules
// derived from them, for Go: what a code means, which entry a name refers to,
// what an error body says and what its error code advises, how to read
// Retry-After, whether to retry, and one error value for an error response.
//
// The table, its rules and every message live in one Rust core; this package
// links it through its C ABI (libdcs_status) with cgo and prints what the core
// renders, so every language gives the same answers in the same words. The
// table is copied into Go values once, at init, so Get, Text, Phrase, ClassOf
// and Lookup make no cgo call and no allocation: Text(404) is faster than
// http.StatusText(404). FromName, ParseRetryAfter and the retry decision call
// the core (one cgo call each).
//
//	if s, ok := dcsstatus.Get(429); ok {
//		fmt.Println(s, s.Name(), s.RetryAdvice()) // 429 Too Many Requests TooManyRequests retry_after
//	}
//
//	resp, err := client.Do(req)
//	...
//	if err := dcsstatus.CheckResponse(resp); err != nil {
//		var e *dcsstatus.HTTPError
//		if errors.As(err, &e) && e.Decision.ShouldRetry() {
//			time.Sleep(e.Decision.Delay) // or the caller's backoff
//		}
//		if errors.Is(err, dcsstatus.ErrorCode("DCS.4111")) { // the body's error code
//			...
//		}
//	}
//
// # Error codes and error bodies
//
// A 400 says little: most DCS errors are 400. The body says what happened,
// {"error_code": "DCS.4111", "error_msg": "the instance is restarting.", ...},
// and the catalogue what to do about it. LookupErrorCode and Catalogue give the
// catalogue's entries (CatalogueEntry: the code's status, message, description,
// Solution and the ErrorAdvice read from it); ParseErrorBody reads any body,
// never failing; CheckResponse reads at most MaxErrorBodyBytes of an error
// response's body, puts it back for the caller, and makes one *HTTPError of
// status, headers and body (HTTPErrorFromResponse does the same for a body
// already read), whose decision reads the error code's advice before the
// status, and whose message is the core's.
//
// The constants (StatusNotFound, StatusServerTimeout, ...) and the sentinel
// errors (ErrNotFound, ...) are generated from the table (go generate; see
// zz_generated.go) and named from each entry's ident as net/http names its
// constants, with an alias named from the IANA phrase where that differs
// (StatusGatewayTimeout is StatusServerTimeout). They are untyped, as
// net/http's are: resp.StatusCode == dcsstatus.StatusNotFound.
//
// # Retrying clients
//
// Transport is an http.RoundTripper that retries by the core's policy: set it
// as an http.Client's Transport and every request is retried as
// RetryPolicy.Step says, its body sent again through Request.GetBody, never past
// the request context's deadline, each step logged through log/slog with the
// core's line. Exhausted retries end with the final response's *HTTPError,
// whose Steps hold every step; a connection error with a *RetryError.
// Retrier.Do is the same loop for SDK-style calls that return an error; the
// settings (Retrier: Policy, Budget, Logger, OnStep, Sleep, Now, Random) are
// shared.
//
//	client := &http.Client{Transport: &dcsstatus.Transport{}}
//	resp, err := client.Do(req) // 429, then 200: resp is the 200
//
// # Names
//
// The same concept has the same name in every language: Get is C's
// dcs_status_get (the table only), Lookup and LookupResult are Rust's lookup
// and Lookup and C's dcs_status_lookup (RFC 9110's reading of any code),
// LookupKind, RetryAdvice, Action, ErrorKind, ErrorAdvice, CatalogueEntry,
// ErrorBody and HTTPError are the core's types of those names;
// LookupErrorCode is C's dcs_status_catalogue_lookup, ParseErrorBody its
// dcs_status_parse_error_body, HTTPErrorFromResponse its
// dcs_status_http_error_from_response.
//
// # Codes the table lacks
//
// Get and Text answer only for the codes the table documents, as
// http.StatusText does. Lookup, Phrase and ClassOf read any code as RFC 9110
// section 15 says: an unrecognized code as the x00 code of its class, 600..999
// as a server error with the meaning of 500.
//
// # Errors
//
// A function given a bad value returns an *InputError: the core's message,
// quoting at most 64 characters of the value, and its ErrorKind
// (errors.Is(err, ErrUnknownName), errors.Is(err, ErrUnknownErrorCode)). An
// error response is an *HTTPError, whose message is the core's and which
// matches the sentinel of its status and class (errors.Is(err,
// ErrTooManyRequests), errors.Is(err, ErrClientError)) and the error code of its
// body (errors.Is(err, ErrorCode("DCS.4111"))). Nothing in a body is an error.
//
// # Durations
//
// The core counts delays in seconds as a uint64 and saturates at its largest
// value; this package converts them to time.Duration, saturating at
// math.MaxInt64 (about 292 years).
//
// # Linking
//
// By default the package links the prebuilt static library of this module,
// build/<os>-<arch>/libdcs_status.a (linux/amd64 in a release), with the
// system libraries rustc lists for it (bindings/c/native-static-libs.txt, from
// which link_static.go is generated), so programs need nothing at run time.
// In the repository, build it and stage it there first:
//
//	cargo build --release -p dcs-status-ffi
//	bash bindings/go/stage-native.sh
//
// Two build tags choose otherwise:
//
//   - -tags dcsstatus_shared links target/release/libdcs_status.so of this
//     repository, with an rpath to that directory (where the FFI crate's build
//     script also makes the soname's link).
//   - -tags dcsstatus_pkgconfig finds an installed library and header with
//     pkg-config (dcs_status.pc, as bindings/c/install.sh installs them; set
//     PKG_CONFIG_PATH for a non-standard prefix). This is the option for
//     platforms without a prebuilt library.
//
// Every function is safe for concurrent use.
package dcsstatus

//go:generate go run ./internal/gen/dcsstatus-gen -o zz_generated.go -link-o link_static.go
