//! The members of the package's enums (`dcs_status._enums`) that answers are made of:
//! `Lookup.status` is a `StatusCode`, `Decision.action` a `RetryAction`, and so on.
//!
//! The enums are built in Python from this module's constants; their members are
//! looked up here once, on the first answer that needs them, by the core's values
//! (`StatusCode(404)`, `LookupKind("documented")`), then handed out by index.

use dcs_status::{Action, Class, LookupKind, RetryAdvice, Status};
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;

/// The members, each list in the order of the core's `ALL` (the table's order for
/// `StatusCode`).
pub(crate) struct Members {
    statuses: Vec<Py<PyAny>>,
    classes: Vec<Py<PyAny>>,
    advices: Vec<Py<PyAny>>,
    kinds: Vec<Py<PyAny>>,
    actions: Vec<Py<PyAny>>,
}

/// The members of enum `name`, one per value.
fn members_of<'py, T>(
    enums: &Bound<'py, PyModule>,
    name: &str,
    values: impl IntoIterator<Item = T>,
) -> PyResult<Vec<Py<PyAny>>>
where
    T: IntoPyObject<'py>,
{
    let class = enums.getattr(name)?;
    values
        .into_iter()
        .map(|value| class.call1((value,)).map(Bound::unbind))
        .collect()
}

/// The member at `index` of `list`: always there, since every list has one member
/// per value of the core's `ALL`.
fn at<'py>(
    py: Python<'py>,
    list: &[Py<PyAny>],
    index: Option<usize>,
) -> PyResult<Bound<'py, PyAny>> {
    index
        .and_then(|i| list.get(i))
        .map(|member| member.bind(py).clone())
        .ok_or_else(|| PyRuntimeError::new_err(dcs_status::ErrorKind::Internal.message()))
}

/// Where `value` is in `all`.
fn position<T: PartialEq>(all: &[T], value: T) -> Option<usize> {
    all.iter().position(|v| *v == value)
}

impl Members {
    /// The members, looked up on the first call.
    pub(crate) fn get(py: Python<'_>) -> PyResult<&Members> {
        static MEMBERS: PyOnceLock<Members> = PyOnceLock::new();
        MEMBERS.get_or_try_init(py, || {
            let enums = py.import("dcs_status._enums")?;
            Ok(Members {
                statuses: members_of(&enums, "StatusCode", Status::all().iter().map(Status::code))?,
                classes: members_of(&enums, "StatusClass", Class::ALL.map(Class::as_str))?,
                advices: members_of(
                    &enums,
                    "RetryAdvice",
                    RetryAdvice::ALL.map(RetryAdvice::as_str),
                )?,
                kinds: members_of(
                    &enums,
                    "LookupKind",
                    LookupKind::ALL.map(LookupKind::as_str),
                )?,
                actions: members_of(&enums, "RetryAction", Action::ALL.map(Action::as_str))?,
            })
        })
    }

    /// The `StatusCode` member of an entry.
    pub(crate) fn status<'py>(
        &self,
        py: Python<'py>,
        status: &Status,
    ) -> PyResult<Bound<'py, PyAny>> {
        at(py, &self.statuses, Some(status.index()))
    }

    /// The `StatusClass` member of a class.
    pub(crate) fn class<'py>(&self, py: Python<'py>, class: Class) -> PyResult<Bound<'py, PyAny>> {
        at(py, &self.classes, position(&Class::ALL, class))
    }

    /// The `RetryAdvice` member of an advice.
    pub(crate) fn advice<'py>(
        &self,
        py: Python<'py>,
        advice: RetryAdvice,
    ) -> PyResult<Bound<'py, PyAny>> {
        at(py, &self.advices, position(&RetryAdvice::ALL, advice))
    }

    /// The `LookupKind` member of a kind.
    pub(crate) fn kind<'py>(
        &self,
        py: Python<'py>,
        kind: LookupKind,
    ) -> PyResult<Bound<'py, PyAny>> {
        at(py, &self.kinds, position(&LookupKind::ALL, kind))
    }

    /// The `RetryAction` member of an action.
    pub(crate) fn action<'py>(
        &self,
        py: Python<'py>,
        action: Action,
    ) -> PyResult<Bound<'py, PyAny>> {
        at(py, &self.actions, position(&Action::ALL, action))
    }
}
