// Package dcsstatus is the status-code table of the DCS API ("Status Codes",
// dcs-api-0312043) and the rules derived from it, for Go: what a code means,
// which entry a name refers to, how to read Retry-After, whether to retry, and
// an error value for error responses.
//
// The table and its rules live in one Rust core; this package links it through
// its C ABI (libdcs_status) with cgo. The table is copied into Go values once,
// at init, so Lookup, Text, Phrase, ClassOf and Resolve make no cgo call and
// no allocation: Text(404) is faster than http.StatusText(404).
// FromName, ParseRetryAfter and the retry decision call the core (one cgo
// call each), so every language parses and decides alike.
//
//	if s, ok := dcsstatus.Lookup(429); ok {
//		fmt.Println(s, s.Name(), s.Retry()) // 429 Too Many Requests TooManyRequests retry_after
//	}
//
//	resp, err := client.Do(req)
//	...
//	if err := dcsstatus.CheckResponse(resp); err != nil {
//		var e *dcsstatus.Error
//		if errors.Is(err, dcsstatus.ErrTooManyRequests) && errors.As(err, &e) {
//			time.Sleep(e.RetryAfter)
//		}
//	}
//
// The constants (StatusNotFound, StatusServerTimeout, ...) and the sentinel
// errors (ErrNotFound, ...) are generated from the table (go generate; see
// zz_generated.go) and named from each entry's ident as net/http names its
// constants. They are of type Code: compare a response's code with
// dcsstatus.Code(resp.StatusCode) == dcsstatus.StatusNotFound.
//
// # Codes the table lacks
//
// Lookup and Text answer only for the codes the table documents, as
// http.StatusText does. Resolve, Phrase and ClassOf read any code as RFC 9110
// section 15 says: an unrecognized code as the x00 code of its class, 600..999
// as a server error with the meaning of 500.
//
// # Durations
//
// The core counts delays in seconds as a uint64 and saturates at its largest
// value; this package converts them to time.Duration, saturating at
// math.MaxInt64 (about 292 years).
//
// # Linking
//
// Build the library first, in the repository's root:
//
//	cargo build --release -p dcs-status-ffi
//
// By default the package links the static library
// target/release/libdcs_status.a (with -lgcc_s -lutil -lrt -lpthread -lm -ldl),
// so programs need nothing at run time. Two build tags choose otherwise:
//
//   - -tags dcsstatus_shared links target/release/libdcs_status.so, with an
//     rpath to that directory. Its soname is libdcs_status.so.0, which cargo
//     does not create: make it with
//     ln -sf libdcs_status.so target/release/libdcs_status.so.0
//     (or put a directory holding it on LD_LIBRARY_PATH).
//   - -tags dcsstatus_pkgconfig finds an installed library and header with
//     pkg-config (dcs_status.pc, as bindings/c/install.sh installs them; set
//     PKG_CONFIG_PATH for a non-standard prefix). This is the option for a
//     copy of this module outside the repository, as in the module cache.
//
// Every function is safe for concurrent use.
package dcsstatus

//go:generate go run ./internal/gen/dcsstatus-gen -o zz_generated.go -link-o link_static.go
