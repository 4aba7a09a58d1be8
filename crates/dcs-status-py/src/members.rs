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

/// The members of one enum, in the order of the core's `ALL` (the table's order for
/// `StatusCode`).
type List = PyOnceLock<Vec<Py<PyAny>>>;

/// The member at `index` of the enum `name` of `dcs_status._enums`, whose members are
/// `values` (called once, to fill `list`).
fn at<'py, T, I>(
    py: Python<'py>,
    list: &List,
    name: &str,
    values: impl FnOnce() -> I,
    index: Option<usize>,
) -> PyResult<Bound<'py, PyAny>>
where
    T: IntoPyObject<'py>,
    I: IntoIterator<Item = T>,
{
    let members = list.get_or_try_init(py, || {
        let class = py.import("dcs_status._enums")?.getattr(name)?;
        values()
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
            let names = || <$ty>::ALL.map(<$ty>::as_str);
            at(py, &LIST, $enum, names, position(&<$ty>::ALL, value))
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
    let codes = || Status::all().iter().map(Status::code);
    at(py, &LIST, "StatusCode", codes, Some(status.index()))
}
