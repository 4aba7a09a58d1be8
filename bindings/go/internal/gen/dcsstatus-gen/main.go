// Command dcsstatus-gen writes the generated files of package dcsstatus.
// `go generate` runs it in bindings/go:
//
//	dcsstatus-gen [-json FILE] [-o zz_generated.go] [-static-libs FILE] [-link-o link_static.go]
//
// zz_generated.go comes from the canonical JSON form of the DCS table: without
// -json it runs `cargo run -q -p dcs-status-cli -- list --json` in the
// repository; -json - reads standard input. Which classes are errors, it asks
// the core through package dcsstatus (so it links libdcs_status: if the static
// link itself is what needs regenerating, run it with
// GOFLAGS=-tags=dcsstatus_shared). link_static.go comes from
// bindings/c/native-static-libs.txt. A file is written only when its generation
// succeeds.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"

	dcsstatus "github.com/dcs-status/dcs-status/bindings/go"
	"github.com/dcs-status/dcs-status/bindings/go/internal/gen"
)

func main() {
	in := flag.String("json", "", "the canonical JSON of the table: a file, or - for standard input (default: run the dcs-status CLI with cargo)")
	out := flag.String("o", "zz_generated.go", "the file to write the constants to")
	manifest := flag.String("manifest", filepath.Join("..", "..", "Cargo.toml"), "the workspace's Cargo.toml, for running the CLI")
	staticLibs := flag.String("static-libs", filepath.Join("..", "c", "native-static-libs.txt"), "the native static libraries of libdcs_status.a")
	linkOut := flag.String("link-o", "link_static.go", "the file to write the static link's flags to")
	flag.Parse()

	if err := run(*in, *out, *manifest, *staticLibs, *linkOut); err != nil {
		fmt.Fprintln(os.Stderr, "dcsstatus-gen:", err)
		os.Exit(1)
	}
}

func run(in, out, manifest, staticLibs, linkOut string) error {
	canonical, err := read(in, manifest)
	if err != nil {
		return err
	}
	src, err := gen.Generate(canonical, classIsError)
	if err != nil {
		return err
	}
	libs, err := os.ReadFile(staticLibs)
	if err != nil {
		return err
	}
	link, err := gen.LinkStatic(libs)
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, src, 0o644); err != nil {
		return err
	}
	return os.WriteFile(linkOut, link, 0o644)
}

// classIsError is the core's answer, through package dcsstatus.
func classIsError(name string) (bool, error) {
	for c := dcsstatus.ClassInformational; c <= dcsstatus.ClassServerError; c++ {
		if c.String() == name {
			return c.IsError(), nil
		}
	}
	return false, fmt.Errorf("the core has no class %q", name)
}

func read(in, manifest string) ([]byte, error) {
	switch in {
	case "":
		cmd := exec.Command("cargo", "run", "-q", "--manifest-path", manifest, "-p", "dcs-status-cli", "--", "list", "--json")
		cmd.Stderr = os.Stderr
		return cmd.Output()
	case "-":
		return io.ReadAll(os.Stdin)
	default:
		return os.ReadFile(in)
	}
}
