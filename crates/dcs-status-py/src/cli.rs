//! `cli(argv, stdin=None)`: the `dcs-status` command itself, run in this process, so
//! that `python -m dcs_status` is the same program as `dcs-status` (see
//! `bindings/python/python/dcs_status/__main__.py`).

use std::io::{self, Read};

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

/// `cli(argv, stdin=None)`: runs the `dcs-status` command (crates/dcs-status-cli) on
/// `argv` (without the program name) and returns `(stdout, stderr, exit_code)`, the
/// bytes it prints and the code it exits with.
///
/// Each argument is `bytes` (as `os.fsencode` gives them, so that an argument that is
/// not UTF-8 reaches the command as it was typed) or `str` (encoded as `os.fsencode`
/// does on POSIX: UTF-8, surrogate escapes back to their bytes). `stdin` is a binary
/// file (`sys.stdin.buffer`), read only by a command that reads standard input; `None`
/// reads as empty.
///
///     >>> from dcs_status._native import cli
///     >>> cli([b"retry", b"429", b"--retry-after", b"120"])
///     (b'retry 1 of 2 in 120000 ms: 429 Too Many Requests asks to wait 120 s (retry_after)\n', b'', 0)
///     >>> cli(["list", "--jsn"])[1:]
///     (b'dcs-status: unknown option "--jsn": see `dcs-status list --help`\n', 2)
#[pyfunction]
#[pyo3(signature = (argv, stdin=None))]
pub fn cli<'py>(
    py: Python<'py>,
    argv: Vec<Bound<'py, PyAny>>,
    stdin: Option<Bound<'py, PyAny>>,
) -> PyResult<(Bound<'py, PyBytes>, Bound<'py, PyBytes>, u8)> {
    let args = argv.iter().map(arg_bytes).collect::<PyResult<Vec<_>>>()?;
    let mut empty = io::empty();
    let mut file;
    let stdin: &mut dyn Read = match stdin.filter(|s| !s.is_none()) {
        Some(stdin) => {
            file = PyBinaryFile(stdin);
            &mut file
        }
        None => &mut empty,
    };
    let outcome = dcs_status_cli::run_bytes(args, dcs_status_cli::Context::new(stdin));
    Ok((
        PyBytes::new(py, &outcome.stdout),
        PyBytes::new(py, &outcome.stderr),
        outcome.code,
    ))
}

/// The bytes of one argument: a `bytes` as it is, a `str` as `os.fsencode` encodes it.
fn arg_bytes(arg: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    if let Ok(bytes) = arg.cast::<PyBytes>() {
        Ok(bytes.as_bytes().to_vec())
    } else if arg.is_instance_of::<PyString>() {
        let encoded = arg.call_method1("encode", ("utf-8", "surrogateescape"))?;
        Ok(encoded.cast::<PyBytes>()?.as_bytes().to_vec())
    } else {
        Err(PyTypeError::new_err(format!(
            "cli() arguments must be str or bytes, not {}",
            arg.get_type().name()?
        )))
    }
}

/// A Python binary file (anything with `read(n) -> bytes`) as a [`Read`].
struct PyBinaryFile<'py>(Bound<'py, PyAny>);

impl Read for PyBinaryFile<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let chunk = self
            .0
            .call_method1("read", (buf.len(),))
            .map_err(io::Error::other)?;
        let chunk = chunk
            .cast::<PyBytes>()
            .map_err(|e| io::Error::other(e.to_string()))?
            .as_bytes();
        // A file that returns more than it was asked for loses the rest: `read(n)`
        // promises at most n bytes.
        Ok(buf.iter_mut().zip(chunk).map(|(b, c)| *b = *c).count())
    }
}
