//go:build !dcsstatus_shared && !dcsstatus_pkgconfig

package dcsstatus

// The default: the prebuilt static library inside this module, picked by platform
// from build/<os>-<arch>/, and the header from build/include, so `go get` and
// `go build` need no Rust, no C library installed and no environment variable.
// The released module ships build/linux-x86_64/libdcs_status.a; in the repository,
// stage-native.sh (run by run-tests.sh) copies the freshly built library there.
// The system libraries are those `rustc --print native-static-libs` lists.

// #cgo CFLAGS: -I${SRCDIR}/build/include
// #cgo linux,amd64 LDFLAGS: -L${SRCDIR}/build/linux-x86_64
// #cgo LDFLAGS: -ldcs_status -lgcc_s -lutil -lrt -lpthread -lm -ldl
import "C"
