//! `dcs-status`: explain DCS status codes, list the table, parse Retry-After values and
//! decide on retries, from the command line. The program is the library's
//! [`dcs_status_cli::run`]; this prints what it returns.

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut stdin = std::io::stdin().lock();
    let args = std::env::args_os().skip(1);
    let outcome = dcs_status_cli::run(args, dcs_status_cli::Context::new(&mut stdin));
    // A closed pipe (`dcs-status list | head`) is not an error worth a message.
    let _ = std::io::stdout().write_all(&outcome.stdout);
    let _ = std::io::stderr().write_all(&outcome.stderr);
    ExitCode::from(outcome.code)
}
