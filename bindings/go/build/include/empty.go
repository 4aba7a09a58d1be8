// Package include holds dcs_status.h, the C header of libdcs_status, inside the Go
// module, where cgo finds it (#cgo CFLAGS in link_static.go). It has no code:
// includebuild.go imports it so that `go mod vendor` keeps this directory.
//
// In the repository the header is copied here by stage-native.sh; the released
// module ships it (bindings/release.sh).
package include
