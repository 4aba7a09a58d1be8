// Command gomodzip writes a Go module version in the layout a module proxy serves
// (the GOPROXY protocol, `go help goproxy`), so that a directory, or a file:// URL to
// it, works as GOPROXY:
//
//	PROXY/<module path, escaped>/@v/list           the versions, one a line
//	PROXY/<module path, escaped>/@v/VERSION.info   {"Version": ..., "Time": ...}
//	PROXY/<module path, escaped>/@v/VERSION.mod    the go.mod file
//	PROXY/<module path, escaped>/@v/VERSION.zip    the module zip
//
// The zip is made by golang.org/x/mod/zip, the code the go command checks zips with:
// it applies the same file rules and size limits (500 MiB) and leaves out nested
// modules and vendor directories.
//
// Usage:
//
//	gomodzip -dir DIR -version VERSION [-time RFC3339] -out PROXY
//
// DIR holds the module's go.mod; the module path is read from it. The -time default is
// the current time. Other versions already in PROXY stay listed.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"
	"golang.org/x/mod/semver"
	modzip "golang.org/x/mod/zip"
)

func main() {
	dir := flag.String("dir", "", "the module's directory (with its go.mod)")
	version := flag.String("version", "", "the version, e.g. v0.2.0")
	stamp := flag.String("time", "", "the version's time, RFC 3339 (default: now)")
	out := flag.String("out", "", "the proxy directory to write into")
	flag.Parse()
	if *dir == "" || *version == "" || *out == "" || flag.NArg() != 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*dir, *version, *stamp, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gomodzip:", err)
		os.Exit(1)
	}
}

func run(dir, version, stamp, out string) error {
	if !semver.IsValid(version) || semver.Canonical(version) != version {
		return fmt.Errorf("version %q is not a canonical semantic version (vX.Y.Z)", version)
	}
	when := time.Now().UTC()
	if stamp != "" {
		t, err := time.Parse(time.RFC3339, stamp)
		if err != nil {
			return fmt.Errorf("-time: %w", err)
		}
		when = t.UTC()
	}
	gomod, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		return err
	}
	path := modfile.ModulePath(gomod)
	if path == "" {
		return errors.New(filepath.Join(dir, "go.mod") + " names no module")
	}
	mv := module.Version{Path: path, Version: version}
	if err := module.Check(path, version); err != nil {
		return err
	}
	escaped, err := module.EscapePath(path)
	if err != nil {
		return err
	}
	vdir := filepath.Join(out, filepath.FromSlash(escaped), "@v")
	if err := os.MkdirAll(vdir, 0o755); err != nil {
		return err
	}

	var zip bytes.Buffer
	if err := modzip.CreateFromDir(&zip, mv, dir); err != nil {
		return err
	}
	info, err := json.Marshal(struct {
		Version string
		Time    string
	}{version, when.Format(time.RFC3339)})
	if err != nil {
		return err
	}
	files := map[string][]byte{
		version + ".zip":  zip.Bytes(),
		version + ".mod":  gomod,
		version + ".info": append(info, '\n'),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(vdir, name), data, 0o644); err != nil {
			return err
		}
	}
	return addToList(filepath.Join(vdir, "list"), version)
}

// addToList adds version to the list file (one version a line, sorted), keeping the
// versions already there.
func addToList(list, version string) error {
	data, err := os.ReadFile(list)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	versions := strings.Fields(string(data))
	if !slices.Contains(versions, version) {
		versions = append(versions, version)
	}
	semver.Sort(versions)
	return os.WriteFile(list, []byte(strings.Join(versions, "\n")+"\n"), 0o644)
}
