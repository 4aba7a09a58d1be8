//go:build dcsstatus_shared && !dcsstatus_pkgconfig

package dcsstatus

// With -tags dcsstatus_shared: the shared library built in this repository,
// found at run time through an rpath to target/release. Its soname is
// libdcs_status.so.<major>, so that name must exist there or on the loader's
// path (see the package documentation).

// #cgo CFLAGS: -I${SRCDIR}/../../include
// #cgo LDFLAGS: -L${SRCDIR}/../../target/release -ldcs_status -Wl,-rpath,${SRCDIR}/../../target/release
import "C"
