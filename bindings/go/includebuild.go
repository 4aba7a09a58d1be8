//go:build includebuild

package dcsstatus

// Never built: nothing sets the includebuild tag. `go mod vendor` copies only the
// directories of packages some build could import (golang/go#26366), so these blank
// imports make it keep build/, where the header and the prebuilt static library are
// (wasmtime-go does the same).
import (
	_ "github.com/dcs-status/dcs-status/bindings/go/build/include"
	_ "github.com/dcs-status/dcs-status/bindings/go/build/linux-x86_64"
)
