//! Gives the shared library its soname, and its linker version script,
//! `dcs_status.map`: only `dcs_status_*` is exported.
//!
//! The soname follows semantic versioning as Cargo reads it: a program linked against
//! the library keeps working with any release that may not break it, and refuses one
//! that may. Before 1.0 a minor release may break the ABI (0.2 renamed C functions of
//! 0.1), so the soname is `libdcs_status.so.0.<minor>`; from 1.0 on only a major
//! release may, and it is `libdcs_status.so.<major>`.
//!
//! rustc passes a version script of its own for a cdylib, listing the crate's exported
//! items; GNU ld merges the two anonymous scripts, so ours states the rule and the
//! C suite's `nm -D` check (tests/c) proves the result.
//!
//! A program linked against the build tree's `libdcs_status.so` asks the loader for the
//! soname, which cargo does not create: this script also puts the link
//! `libdcs_status.so.0.<minor> -> libdcs_status.so` beside it (target/<profile>/), so
//! `LD_LIBRARY_PATH=target/release` works after a plain `cargo build --release`.

use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=dcs_status.map");
    let major = std::env::var("CARGO_PKG_VERSION_MAJOR").unwrap_or_else(|_| "0".into());
    let minor = std::env::var("CARGO_PKG_VERSION_MINOR").unwrap_or_else(|_| "0".into());
    let target_os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if target_os != "linux" && !target_os.ends_with("bsd") {
        return;
    }
    let soname = soname(&major, &minor);
    println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,{soname}");
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    println!("cargo:rustc-cdylib-link-arg=-Wl,--version-script={manifest_dir}/dcs_status.map");

    if let Some(dir) = std::env::var_os("OUT_DIR")
        .as_deref()
        .and_then(artifact_dir)
    {
        if let Err(e) = soname_link(&dir, &soname) {
            println!(
                "cargo:warning=cannot create {}: {e}",
                dir.join(&soname).display()
            );
        }
    }
}

/// The soname of version `major.minor`: `libdcs_status.so.0.<minor>` before 1.0,
/// `libdcs_status.so.<major>` from 1.0 on.
fn soname(major: &str, minor: &str) -> String {
    if major == "0" {
        format!("libdcs_status.so.0.{minor}")
    } else {
        format!("libdcs_status.so.{major}")
    }
}

/// The directory cargo writes the library to, target/<profile> (or
/// target/<triple>/<profile>), from OUT_DIR = <that>/build/<package>-<hash>/out; None
/// for any other layout.
fn artifact_dir(out_dir: &std::ffi::OsStr) -> Option<PathBuf> {
    let out_dir = Path::new(out_dir);
    let build = out_dir.parent()?.parent()?;
    if build.file_name()? != "build" {
        return None;
    }
    build.parent().map(Path::to_path_buf)
}

/// `dir/soname -> libdcs_status.so`, a relative symlink (dangling until rustc links the
/// library), replacing whatever else has that name.
#[cfg(unix)]
fn soname_link(dir: &Path, soname: &str) -> std::io::Result<()> {
    let link = dir.join(soname);
    let target = Path::new("libdcs_status.so");
    if std::fs::read_link(&link).is_ok_and(|t| t == target) {
        return Ok(());
    }
    match std::fs::remove_file(&link) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    std::os::unix::fs::symlink(target, &link)
}

#[cfg(not(unix))]
fn soname_link(_dir: &Path, _soname: &str) -> std::io::Result<()> {
    Ok(())
}
