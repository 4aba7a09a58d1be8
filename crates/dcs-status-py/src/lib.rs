//! Placeholder: the pyo3 module is being written.
