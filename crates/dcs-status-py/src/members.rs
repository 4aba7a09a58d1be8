//! The members of the package's enums (`dcs_status._enums`) that answers are made of:
//! `Lookup.status` is a `StatusCode`, `Decision.action` a `RetryAction`,
//! `RetryStep.reason` a `RetryReason`, and so on.
//!
//! The enums are built in Python from the module's constants; each enum's members are
//! looked up here once, on the first answer that needs one of them, by the core's
//! values (`StatusCode(404)`, `LookupKind("documented")`), then handed out by index.
//! Each enum has its own list, so an answer builds only the enums it is made of.

use dcs_status::{
    Action, Class, ErrorAdvice, Jitter, LookupKind, RetryAdvice, RetryCategory, RetryReason,
    Status, StepAction,
};
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyString;

/// The members of one enum, in the order of the core's `ALL` (the table's order for
/// `StatusCode`).
type List = PyOnceLock<Vec<Py<PyAny>>>;

/// The member at `index` of the enum `name` of `dcs_status._enums`, whose members are
/// the enum called with each of `values` (called once, to fill `list`).
///
/// Not generic, so that every enum shares one copy of this code.
fn at<'py>(
    py: Python<'py>,
    list: &List,
    name: &str,
    values: &dyn Fn(Python<'py>) -> PyResult<Vec<Bound<'py, PyAny>>>,
    index: Option<usize>,
) -> PyResult<Bound<'py, PyAny>> {
    let members = list.get_or_try_init(py, || {
        let class = py.import("dcs_status._enums")?.getattr(name)?;
        values(py)?
            .into_iter()
            .map(|value| class.call1((value,)).map(Bound::unbind))
            .collect::<PyResult<Vec<_>>>()
    })?;
    // Always there: every list has one member per value of the core's `ALL`.
    index
        .and_then(|i| members.get(i))
        .map(|member| member.bind(py).clone())
        .ok_or_else(|| PyRuntimeError::new_err(dcs_status::ErrorKind::Internal.message()))
}

/// The core's names as Python strings.
fn names<'py>(py: Python<'py>, names: &[&str]) -> PyResult<Vec<Bound<'py, PyAny>>> {
    Ok(names
        .iter()
        .map(|n| PyString::new(py, n).into_any())
        .collect())
}

/// Where `value` is in `all`.
fn position<T: PartialEq>(all: &[T], value: T) -> Option<usize> {
    all.iter().position(|v| *v == value)
}

/// The functions below: one per enum, `name(py, value)` → its member.
macro_rules! str_members {
    ($($(#[$doc:meta])* $fn:ident($ty:ty) => $enum:literal;)*) => {$(
        $(#[$doc])*
        pub(crate) fn $fn(py: Python<'_>, value: $ty) -> PyResult<Bound<'_, PyAny>> {
            static LIST: List = PyOnceLock::new();
            let values = |py| names(py, &<$ty>::ALL.map(<$ty>::as_str));
            at(py, &LIST, $enum, &values, position(&<$ty>::ALL, value))
        }
    )*};
}

str_members! {
    /// The `StatusClass` member of a class.
    class(Class) => "StatusClass";
    /// The `RetryAdvice` member of a status's advice.
    advice(RetryAdvice) => "RetryAdvice";
    /// The `LookupKind` member of a kind.
    kind(LookupKind) => "LookupKind";
    /// The `RetryAction` member of a decision's action.
    action(Action) => "RetryAction";
    /// The `ErrorAdvice` member of an error code's advice.
    error_advice(ErrorAdvice) => "ErrorAdvice";
    /// The `Jitter` member of a jitter mode.
    jitter(Jitter) => "Jitter";
    /// The `RetryCategory` member of a category.
    category(RetryCategory) => "RetryCategory";
    /// The `RetryReason` member of a reason.
    reason(RetryReason) => "RetryReason";
    /// The `StepAction` member of a step's action.
    step_action(StepAction) => "StepAction";
}

/// The `StatusCode` member of an entry.
pub(crate) fn status<'py>(py: Python<'py>, status: &Status) -> PyResult<Bound<'py, PyAny>> {
    static LIST: List = PyOnceLock::new();
    let codes = |py: Python<'py>| -> PyResult<Vec<Bound<'py, PyAny>>> {
        Status::all()
            .iter()
            .map(|s| Ok(s.code().into_pyobject(py)?.into_any()))
            .collect()
    };
    at(py, &LIST, "StatusCode", &codes, Some(status.index()))
}
