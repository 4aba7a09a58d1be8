// Command dcsstatus-gen writes bindings/go/zz_generated.go from the canonical
// JSON form of the DCS table. `go generate` runs it in bindings/go:
//
//	dcsstatus-gen [-json FILE] [-o zz_generated.go]
//
// Without -json it runs `cargo run -q -p dcs-status-cli -- list --json` in the
// repository; -json - reads standard input. The output is written only when
// generation succeeds.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/dcs-status/dcs-status/bindings/go/internal/gen"
)

func main() {
	in := flag.String("json", "", "the canonical JSON of the table: a file, or - for standard input (default: run the dcs-status CLI with cargo)")
	out := flag.String("o", "zz_generated.go", "the file to write")
	manifest := flag.String("manifest", filepath.Join("..", "..", "Cargo.toml"), "the workspace's Cargo.toml, for running the CLI")
	flag.Parse()

	canonical, err := read(*in, *manifest)
	if err == nil {
		var src []byte
		if src, err = gen.Generate(canonical); err == nil {
			err = os.WriteFile(*out, src, 0o644)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "dcsstatus-gen:", err)
		os.Exit(1)
	}
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
