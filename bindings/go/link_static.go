//go:build !dcsstatus_shared && !dcsstatus_pkgconfig

package dcsstatus

// The default: the static library built in this repository
// (cargo build --release -p dcs-status-ffi), so programs are self-contained.
// The native libraries are those `--print native-static-libs` lists for the
// static library.

// #cgo CFLAGS: -I${SRCDIR}/../../include
// #cgo LDFLAGS: ${SRCDIR}/../../target/release/libdcs_status.a -lgcc_s -lutil -lrt -lpthread -lm -ldl
import "C"
