// Package linux_x86_64 holds libdcs_status.a for linux/amd64 inside the Go module,
// where cgo links it from (#cgo linux,amd64 LDFLAGS in link_static.go). It has no
// code: includebuild.go imports it so that `go mod vendor` keeps this directory.
//
// In the repository the library is copied here by stage-native.sh; the released
// module ships it (bindings/release.sh).
package linux_x86_64 //nolint:revive // named for the directory, as wasmtime-go does
