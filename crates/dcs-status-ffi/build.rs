//! Gives the shared library its soname, `libdcs_status.so.<major>`, so that programs
//! linked against it keep working across minor releases and refuse a new major one.

fn main() {
    let major = std::env::var("CARGO_PKG_VERSION_MAJOR").unwrap_or_else(|_| "0".into());
    let target_os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if target_os == "linux" || target_os.ends_with("bsd") {
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libdcs_status.so.{major}");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
