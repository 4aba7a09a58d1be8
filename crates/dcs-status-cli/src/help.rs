//! The help text, made from the command table: nothing here names a command.

use crate::commands::COMMANDS;
use crate::parse::Command;

/// The width help text is wrapped to.
const WIDTH: usize = 80;

/// What `dcs-status help` says of itself in the command list.
pub(crate) const HELP_ABOUT: &str = "Prints this help, or a command's (`dcs-status help retry`)";

/// The help of `command`: the whole program's for the query form, else the command's.
pub(crate) fn help(command: &Command) -> String {
    let mut out = format!("{}.\n\n", command.about);
    let args: String = command
        .args
        .iter()
        .map(|a| format!(" {}", a.name))
        .collect();
    if command.name.is_empty() {
        out.push_str(&format!(
            "Usage: dcs-status{args}\n       dcs-status COMMAND [OPTIONS] [ARGS]\n"
        ));
    } else {
        let options = if command.options.is_empty() {
            ""
        } else {
            " [OPTIONS]"
        };
        out.push_str(&format!(
            "Usage: dcs-status {}{options}{args}\n",
            command.name
        ));
    }
    let rows: Vec<(String, &str)> = command
        .args
        .iter()
        .map(|a| (a.name.to_owned(), a.help))
        .collect();
    section(&mut out, "Arguments", &rows);
    if command.name.is_empty() {
        let mut rows: Vec<(String, &str)> = COMMANDS
            .iter()
            .map(|c| (c.name.to_owned(), c.about))
            .collect();
        rows.push((String::from("help"), HELP_ABOUT));
        section(&mut out, "Commands", &rows);
    }
    let mut rows: Vec<(String, &str)> = command
        .options
        .iter()
        .map(|o| match o.value {
            Some(value) => (format!("    {} {value}", o.long), o.help),
            None => (format!("    {}", o.long), o.help),
        })
        .collect();
    rows.push((String::from("-h, --help"), "Prints help"));
    if command.name.is_empty() {
        rows.push((String::from("-V, --version"), "Prints the version"));
    }
    section(&mut out, "Options", &rows);
    if command.name.is_empty() {
        out.push_str("\n`dcs-status COMMAND --help` prints a command's help.\n");
    }
    out
}

/// Appends a titled section of `label  text` rows, the texts aligned and wrapped.
fn section(out: &mut String, title: &str, rows: &[(String, &str)]) {
    if rows.is_empty() {
        return;
    }
    out.push_str(&format!("\n{title}:\n"));
    let width = rows.iter().map(|(label, _)| label.chars().count()).max();
    let indent = 2 + width.unwrap_or(0) + 2;
    for (label, text) in rows {
        out.push_str(&format!("  {label:<w$}  ", w = indent - 4));
        wrap(out, text, indent);
    }
}

/// Appends `text` word-wrapped to [`WIDTH`], continuation lines indented by `indent`.
fn wrap(out: &mut String, text: &str, indent: usize) {
    let mut column = indent;
    for (i, word) in text.split(' ').enumerate() {
        let length = word.chars().count();
        if i > 0 && column + 1 + length > WIDTH {
            out.push('\n');
            out.push_str(&" ".repeat(indent));
            column = indent;
        } else if i > 0 {
            out.push(' ');
            column += 1;
        }
        out.push_str(word);
        column += length;
    }
    out.push('\n');
}
