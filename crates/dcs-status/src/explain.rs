//! Text for people: the explanation of a code and the table as aligned rows, as the
//! `dcs-status` command (and `python -m dcs_status`) print them.

use core::fmt;

use crate::http_error::DecisionWords;
use crate::{
    from_name, lookup, quote, CatalogueEntry, GivenNumber, HttpError, Lookup, NotAStatusCodeError,
    Status, UnknownNameError,
};

/// The width explanations are wrapped to.
const WIDTH: usize = 80;
/// The indentation of an explanation's values: two spaces and a 13-column label.
const INDENT: usize = 15;

/// Reads a query as a user types it: a status code (`"429"`, any number of digits
/// with an optional sign) or a name (`"not found"`), and looks it up.
///
/// ```
/// assert_eq!(dcs_status::parse_query("429").unwrap().code(), 429);
/// assert_eq!(dcs_status::parse_query(" not found ").unwrap().code(), 404);
/// assert!(dcs_status::parse_query("42").is_err());
/// assert!(dcs_status::parse_query(&"9".repeat(40)).unwrap_err().to_string().starts_with("a number larger than"));
/// ```
pub fn parse_query(query: &str) -> Result<Lookup, QueryError> {
    match GivenNumber::parse(query.trim().as_bytes()) {
        Some(GivenNumber::Value(code)) => lookup(code).map_err(QueryError::NotAStatusCode),
        Some(given) => Err(QueryError::NotAStatusCode(NotAStatusCodeError::new(given))),
        None => {
            let status = from_name(query).map_err(QueryError::UnknownName)?;
            lookup(status.code()).map_err(QueryError::NotAStatusCode)
        }
    }
}

/// The error of [`parse_query`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QueryError {
    /// The query is a number, but not a status code.
    NotAStatusCode(NotAStatusCodeError),
    /// The query is not a number, and no entry has this name.
    UnknownName(UnknownNameError),
}

impl QueryError {
    /// [`crate::ErrorKind::NotAStatusCode`] or [`crate::ErrorKind::UnknownName`].
    pub const fn kind(&self) -> crate::ErrorKind {
        match self {
            QueryError::NotAStatusCode(e) => e.kind(),
            QueryError::UnknownName(e) => e.kind(),
        }
    }
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QueryError::NotAStatusCode(e) => e.fmt(f),
            QueryError::UnknownName(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for QueryError {}

impl Lookup {
    /// A multi-line explanation for people, wrapped to 80 columns.
    ///
    /// ```
    /// let text = dcs_status::lookup(404).unwrap().explain();
    /// assert!(text.starts_with("404 Not Found\n  DCS name:    NotFound\n"));
    /// ```
    pub fn explain(&self) -> String {
        let status = self.status();
        let mut out = format!("{self}\n");
        let class = self.class();
        let class_text = format!(
            "{} ({}xx)",
            class.as_str().replace('_', " "),
            class.base_code() / 100
        );
        row(&mut out, "DCS name:", status.name());
        row(&mut out, "ident:", status.ident());
        row(&mut out, "class:", &class_text);
        row(&mut out, "retry:", status.retry_advice().explain());
        for (i, paragraph) in status.description().split("\n\n").enumerate() {
            if i > 0 {
                out.push('\n');
            }
            row(
                &mut out,
                if i == 0 { "description:" } else { "" },
                paragraph,
            );
        }
        out
    }
}

impl CatalogueEntry {
    /// A multi-line explanation for people, wrapped to 80 columns: the code, the
    /// status DCS sends it with, the message, description and solution, and the
    /// advice, as `dcs-status DCS.4111` prints it.
    ///
    /// ```
    /// let entry = dcs_status::CatalogueEntry::lookup("DCS.4111").unwrap();
    /// assert_eq!(
    ///     entry.explain(),
    ///     "DCS error code DCS.4111\n\
    ///     \x20 status:      400 Bad Request, DCS name BadRequest\n\
    ///     \x20 message:     the instance is restarting.\n\
    ///     \x20 description: Restarting the instance... Please try again later.\n\
    ///     \x20 solution:    Try again later or contact technical support.\n\
    ///     \x20 advice:      try again later: the condition is temporary (retry_later)\n"
    /// );
    /// ```
    pub fn explain(&self) -> String {
        let status = self.status();
        let mut out = format!("DCS error code {}\n", self.code());
        let status_text = format!("{status}, DCS name {}", status.name());
        let advice = format!("{} ({})", self.advice().explain(), self.advice());
        row(&mut out, "status:", &status_text);
        row(&mut out, "message:", self.message());
        row(&mut out, "description:", self.description());
        row(&mut out, "solution:", self.solution());
        row(&mut out, "advice:", &advice);
        out
    }
}

impl HttpError {
    /// A multi-line explanation for people, wrapped to 80 columns, as `dcs-status
    /// explain-body` prints it: the status as read, the body's error code and what the
    /// catalogue says of it (or the status's description, for a code the catalogue
    /// lacks), what the response itself said (quoted), Retry-After, the request id
    /// and the decision.
    ///
    /// ```
    /// use dcs_status::HttpError;
    ///
    /// let body = br#"{"error_code":"DCS.4111","error_msg":"the instance is restarting."}"#;
    /// let headers: [(&[u8], &[u8]); 1] = [(b"X-Request-Id", b"req-1")];
    /// let err = HttpError::from_response(400, headers, body, 0, false).unwrap();
    /// assert_eq!(
    ///     err.explain(),
    ///     "400 Bad Request\n\
    ///     \x20 DCS name:    BadRequest\n\
    ///     \x20 error code:  DCS.4111\n\
    ///     \x20 message:     the instance is restarting.\n\
    ///     \x20 description: Restarting the instance... Please try again later.\n\
    ///     \x20 solution:    Try again later or contact technical support.\n\
    ///     \x20 advice:      try again later: the condition is temporary (retry_later)\n\
    ///     \x20 request id:  \"req-1\"\n\
    ///     \x20 decision:    retry with backoff\n"
    /// );
    /// ```
    pub fn explain(&self) -> String {
        let status = self.status();
        let mut out = format!("{}\n", self.lookup());
        row(&mut out, "DCS name:", status.name());
        match (self.catalogue(), self.error_code()) {
            (Some(entry), _) => {
                row(&mut out, "error code:", entry.code());
                row(&mut out, "message:", entry.message());
                if let Some(said) = self.error_msg().filter(|m| *m != entry.message()) {
                    row(&mut out, "server says:", &quote(said).to_string());
                }
                row(&mut out, "description:", entry.description());
                row(&mut out, "solution:", entry.solution());
                let advice = format!("{} ({})", entry.advice().explain(), entry.advice());
                row(&mut out, "advice:", &advice);
            }
            (None, code) => {
                let code = match code {
                    Some(code) => format!("{} (not in the DCS error-code catalogue)", quote(code)),
                    None => String::from("none"),
                };
                row(&mut out, "error code:", &code);
                if let Some(said) = self.error_msg() {
                    row(&mut out, "server says:", &quote(said).to_string());
                }
                for (i, paragraph) in status.description().split("\n\n").enumerate() {
                    if i > 0 {
                        out.push('\n');
                    }
                    row(
                        &mut out,
                        if i == 0 { "description:" } else { "" },
                        paragraph,
                    );
                }
                row(&mut out, "retry:", status.retry_advice().explain());
            }
        }
        if let Some(ext) = self.error_ext_msg() {
            row(&mut out, "extended:", &quote(ext).to_string());
        }
        match (
            self.retry_after(),
            self.retry_after_error(),
            self.retry_after_value(),
        ) {
            (Some(delay), _, _) => row(&mut out, "retry after:", &format!("{}s", delay.as_secs())),
            (None, Some(e), Some(value)) => {
                let text = format!("{value}: {}", e.kind().message());
                row(&mut out, "retry after:", &text);
            }
            _ => {}
        }
        if let Some(id) = self.request_id() {
            row(&mut out, "request id:", &quote(id).to_string());
        }
        row(
            &mut out,
            "decision:",
            &DecisionWords(self.decision()).to_string(),
        );
        out
    }
}

/// The whole catalogue as aligned rows, one per entry in document order: code,
/// HTTP status, advice and message, as `dcs-status errors` prints it.
///
/// ```
/// let text = dcs_status::catalogue_text();
/// assert_eq!(text.lines().count(), dcs_status::CatalogueEntry::all().len());
/// assert!(text.contains("\nDCS.4111  400 retry_later     the instance is restarting.\n"));
/// ```
pub fn catalogue_text() -> String {
    CatalogueEntry::all()
        .iter()
        .map(|e| {
            format!(
                "{:<10}{:<4}{:<16}{}\n",
                e.code(),
                e.status().code(),
                e.advice().as_str(),
                e.message()
            )
        })
        .collect()
}

/// Appends `  label  value`, the value word-wrapped and indented under itself.
fn row(out: &mut String, label: &str, value: &str) {
    out.push_str(&format!("  {label:<width$}", width = INDENT - 2));
    let mut column = INDENT;
    for (i, word) in value.split(' ').filter(|w| !w.is_empty()).enumerate() {
        let length = word.chars().count();
        if i > 0 && column.saturating_add(1).saturating_add(length) > WIDTH {
            out.push('\n');
            out.push_str(&" ".repeat(INDENT));
            column = INDENT;
        } else if i > 0 {
            out.push(' ');
            column = column.saturating_add(1);
        }
        out.push_str(word);
        column = column.saturating_add(length);
    }
    out.push('\n');
}

/// The whole table as aligned rows, one per entry: code, DCS name, IANA phrase,
/// class and retry advice.
///
/// ```
/// let text = dcs_status::table_text();
/// assert_eq!(text.lines().count(), dcs_status::Status::all().len());
/// assert!(text.starts_with("100 Continue"));
/// ```
pub fn table_text() -> String {
    Status::all()
        .iter()
        .map(|s| {
            format!(
                "{:<4}{:<32}{:<33}{:<14}{}\n",
                s.code(),
                s.name(),
                s.phrase(),
                s.class().as_str(),
                s.retry_advice().as_str()
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explanations_fit_in_80_columns() {
        for code in 100..=999 {
            let text = lookup(code).unwrap().explain();
            for line in text.lines() {
                assert!(line.chars().count() <= WIDTH, "{code}: {line:?}");
            }
        }
    }

    #[test]
    fn wrapping_keeps_every_word_in_order() {
        for s in Status::all() {
            let text = lookup(s.code()).unwrap().explain();
            let description_start = text.find("description: ").unwrap() + "description: ".len();
            let words: Vec<&str> = text[description_start..].split_whitespace().collect();
            let expected: Vec<&str> = s.description().split_whitespace().collect();
            assert_eq!(words, expected, "{}", s.code());
        }
    }

    #[test]
    fn paragraphs_are_separated_by_an_empty_line() {
        let text = lookup(404).unwrap().explain();
        assert!(text.ends_with(
            "  description: The requested resource could not be found.\n\n               The client should modify the request instead of re-initiating it.\n"
        ));
    }

    #[test]
    fn catalogue_explanations_fit_in_80_columns_and_keep_every_word() {
        for entry in CatalogueEntry::all() {
            let text = entry.explain();
            for line in text.lines() {
                assert!(line.chars().count() <= WIDTH, "{}: {line:?}", entry.code());
            }
            let words: Vec<&str> = text.split_whitespace().collect();
            for field in [entry.message(), entry.description(), entry.solution()] {
                let expected: Vec<&str> = field.split_whitespace().collect();
                assert!(
                    words.windows(expected.len().max(1)).any(|w| w == expected),
                    "{}: {field:?}",
                    entry.code()
                );
            }
        }
    }

    #[test]
    fn response_explanations_fit_in_80_columns() {
        let long = "word ".repeat(100);
        for body in [
            format!(r#"{{"error_code":"DCS.4062","error_msg":"{long}","error_ext_msg":"{long}"}}"#),
            format!(r#"{{"error_code":"{long}","error_msg":"x"}}"#),
            String::new(),
        ] {
            for code in [400, 404, 418, 429, 503, 777] {
                let headers: [(&[u8], &[u8]); 2] = [
                    (b"Retry-After", b"soon"),
                    (b"X-Request-Id", long.as_bytes()),
                ];
                let err =
                    HttpError::from_response(code, headers, body.as_bytes(), 0, true).unwrap();
                for line in err.explain().lines() {
                    assert!(line.chars().count() <= WIDTH, "{code}: {line:?}");
                }
            }
        }
    }

    #[test]
    fn queries_report_which_error() {
        assert!(matches!(
            parse_query("1000"),
            Err(QueryError::NotAStatusCode(_))
        ));
        assert!(matches!(
            parse_query("nope"),
            Err(QueryError::UnknownName(_))
        ));
        assert_eq!(parse_query("+404").map(|l| l.code()), Ok(404));
    }
}
