//go:build dcsstatus_pkgconfig

package dcsstatus

// With -tags dcsstatus_pkgconfig: an installed library and header, found
// through pkg-config (dcs_status.pc, as bindings/c/install.sh installs it).

// #cgo pkg-config: dcs_status
import "C"
