//! The argument parser: reads a command's arguments as its [`Command`] entry in the
//! table (`commands.rs`) declares them. Nothing here knows a particular command.
//!
//! The syntax, for every command:
//! - `--name VALUE` and `--name=VALUE` for an option that takes a value (the value is
//!   taken as it is, even when it starts with `-`); `--name` for a flag;
//! - positional arguments in the order the entry lists them, all required; an argument
//!   that starts with `-` and a digit (`-5`) is a value, not an option;
//! - `--` ends the options: everything after it is positional;
//! - `-h`/`--help` prints the command's help, and for the query form `-V`/`--version`
//!   prints the version, wherever they stand (an error before them is reported first).

use crate::Context;
use dcs_status::quote;

/// What a command prints on success.
pub(crate) type Output = String;

/// One entry of the command table: what the command is called, what it takes, its help,
/// and the function that runs it.
pub(crate) struct Command {
    /// The word that selects it (`"list"`), or `""` for the query form
    /// (`dcs-status 429`), which runs when the first argument is no command's name.
    pub name: &'static str,
    /// One line saying what it does, without a final period (the command list and the
    /// first line of its help).
    pub about: &'static str,
    /// Its positional arguments, in order; all required.
    pub args: &'static [Arg],
    /// Its options (`--help`, and `--version` for the query form, are implied).
    pub options: &'static [Opt],
    /// Runs it on the parsed arguments: what it prints on stdout, or the message of
    /// the error it prints on stderr.
    pub run: fn(&Matches<'_>, &mut Context<'_>) -> Result<Output, Failure>,
}

/// A positional argument.
pub(crate) struct Arg {
    /// Its name in usage and messages: `CODE`.
    pub name: &'static str,
    /// What it is, for the help.
    pub help: &'static str,
}

/// An option: `--long` (a flag) or `--long VALUE`.
pub(crate) struct Opt {
    /// Its name with the dashes: `--now`.
    pub long: &'static str,
    /// The name of its value in the help (`SECONDS`), or `None` for a flag.
    pub value: Option<&'static str>,
    /// Whether it may be given more than once (each value is kept, in order); any
    /// other option given twice is a usage error.
    pub repeatable: bool,
    /// What it does, for the help.
    pub help: &'static str,
}

/// The error a command ends with: `dcs-status: <message>` on stderr, exit code 2.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Failure(pub String);

impl<E: std::fmt::Display> From<E> for Failure {
    /// The message of an error of the core (it already quotes what it echoes).
    fn from(err: E) -> Self {
        Failure(err.to_string())
    }
}

/// What the arguments ask for.
pub(crate) enum Parsed<'a> {
    /// Run the command with these arguments.
    Run(Matches<'a>),
    /// Print this command's help.
    Help(&'static Command),
    /// Print the version.
    Version,
}

/// The arguments of one run of a command, as its entry names them.
pub(crate) struct Matches<'a> {
    command: &'static Command,
    /// The positional arguments, in the entry's order.
    args: Vec<&'a str>,
    /// Per option of the entry, in its order: its values (`""` for a flag), in the
    /// order given; at most one unless the option is repeatable.
    options: Vec<Vec<&'a str>>,
}

/// A type an option or argument can be read as ([`Matches::arg_as`], [`Matches::value_as`]).
pub(crate) trait Value: Sized {
    /// What a valid value looks like, for the message when one is not:
    /// `invalid value "x" for --now: expected <EXPECTED>`.
    const EXPECTED: &'static str;
    /// The value, if `text` is one.
    fn parse(text: &str) -> Option<Self>;
}

/// `Value` for integer types: ASCII digits with an optional sign, within the type's range.
macro_rules! integer_values {
    ($($t:ty: $expected:literal),* $(,)?) => {$(
        impl Value for $t {
            const EXPECTED: &'static str = $expected;
            fn parse(text: &str) -> Option<Self> {
                text.parse().ok()
            }
        }
    )*};
}

impl Value for f64 {
    const EXPECTED: &'static str = "a number such as 0.25";
    /// A decimal number as Rust reads one (`0.25`, `1e-3`, `nan`, `inf`): the core
    /// then says whether it is in range.
    fn parse(text: &str) -> Option<Self> {
        text.parse().ok()
    }
}

integer_values! {
    i64: "an integer from -9223372036854775808 to 9223372036854775807",
    u64: "an integer from 0 to 18446744073709551615",
    u32: "an integer from 0 to 4294967295",
}

impl<'a> Matches<'a> {
    /// The positional argument `name` (as the entry spells it: `"CODE"`).
    pub fn arg(&self, name: &str) -> &'a str {
        let index = self.command.args.iter().position(|a| a.name == name);
        debug_assert!(
            index.is_some(),
            "{} has no argument {name}",
            self.command.name
        );
        index.and_then(|i| self.args.get(i)).copied().unwrap_or("")
    }

    /// The value of the option `long` (`"--now"`), if it was given.
    pub fn value(&self, long: &str) -> Option<&'a str> {
        let index = self.command.options.iter().position(|o| o.long == long);
        debug_assert!(
            index.is_some(),
            "{} has no option {long}",
            self.command.name
        );
        index
            .and_then(|i| self.options.get(i))
            .and_then(|values| values.first())
            .copied()
    }

    /// Every value of the repeatable option `long` (`"--header"`), in the order given.
    pub fn values(&self, long: &str) -> &[&'a str] {
        let index = self.command.options.iter().position(|o| o.long == long);
        debug_assert!(
            index.is_some(),
            "{} has no option {long}",
            self.command.name
        );
        index
            .and_then(|i| self.options.get(i))
            .map_or(&[], Vec::as_slice)
    }

    /// Whether the flag `long` (`"--json"`) was given.
    pub fn flag(&self, long: &str) -> bool {
        self.value(long).is_some()
    }

    /// The positional argument `name` (`"CODE"`) read as a `T`, or an error naming it.
    pub fn arg_as<T: Value>(&self, name: &str) -> Result<T, Failure> {
        read(name, self.arg(name))
    }

    /// The option `long` (`"--now"`) read as a `T`: `None` when it was not given, an
    /// error naming it when its value is not a `T`.
    pub fn value_as<T: Value>(&self, long: &str) -> Result<Option<T>, Failure> {
        self.value(long).map(|text| read(long, text)).transpose()
    }
}

/// `text`, the value of the argument or option `name`, read as a `T`.
fn read<T: Value>(name: &str, text: &str) -> Result<T, Failure> {
    T::parse(text).ok_or_else(|| {
        Failure(format!(
            "invalid value {} for {name}: expected {}",
            quote(text.as_bytes()),
            T::EXPECTED
        ))
    })
}

/// Whether `arg` is a negative number (`-5`), which is a value, not an option.
fn is_negative_number(arg: &str) -> bool {
    arg.strip_prefix('-')
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
}

/// The way to a command's help, for the end of a usage error.
pub(crate) fn help_hint(command: &Command) -> String {
    if command.name.is_empty() {
        String::from("see `dcs-status --help`")
    } else {
        format!("see `dcs-status {} --help`", command.name)
    }
}

/// Reads `args` (those after the command's name) as `command`'s entry declares them.
pub(crate) fn parse<'a>(
    command: &'static Command,
    args: &[&'a str],
) -> Result<Parsed<'a>, Failure> {
    let usage_error = |message: String| Failure(format!("{message}: {}", help_hint(command)));
    let mut matches = Matches {
        command,
        args: Vec::with_capacity(command.args.len()),
        options: vec![Vec::new(); command.options.len()],
    };
    let mut rest = args.iter().copied();
    let mut options_ended = false;
    while let Some(arg) = rest.next() {
        let is_option = !options_ended && arg.starts_with('-') && arg != "-";
        if !is_option || is_negative_number(arg) {
            if matches.args.len() == command.args.len() {
                return Err(usage_error(format!(
                    "unexpected argument {}",
                    quote(arg.as_bytes())
                )));
            }
            matches.args.push(arg);
            continue;
        }
        if arg == "--" {
            options_ended = true;
            continue;
        }
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) if name.starts_with("--") => (name, Some(value)),
            _ => (arg, None),
        };
        match name {
            "-h" | "--help" if inline.is_none() => return Ok(Parsed::Help(command)),
            "-V" | "--version" if inline.is_none() && command.name.is_empty() => {
                return Ok(Parsed::Version)
            }
            _ => {}
        }
        let Some(index) = command.options.iter().position(|o| o.long == name) else {
            return Err(usage_error(format!(
                "unknown option {}",
                quote(arg.as_bytes())
            )));
        };
        let value = match (command.options.get(index).and_then(|o| o.value), inline) {
            (None, None) => "",
            (None, Some(_)) => return Err(usage_error(format!("{name} takes no value"))),
            (Some(_), Some(value)) => value,
            (Some(_), None) => match rest.next() {
                Some(value) => value,
                None => return Err(usage_error(format!("{name} needs a value"))),
            },
        };
        let repeatable = command.options.get(index).is_some_and(|o| o.repeatable);
        match matches.options.get_mut(index) {
            Some(values) if !values.is_empty() && !repeatable => {
                return Err(usage_error(format!("{name} is given twice")))
            }
            Some(values) => values.push(value),
            None => {}
        }
    }
    if let Some(missing) = command.args.get(matches.args.len()) {
        return Err(if command.name.is_empty() {
            crate::commands::no_query()
        } else {
            usage_error(format!("missing {}", missing.name))
        });
    }
    Ok(Parsed::Run(matches))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_values_say_their_whole_range() {
        assert_eq!(i64::parse("-9223372036854775808"), Some(i64::MIN));
        assert_eq!(i64::parse("9223372036854775808"), None);
        assert_eq!(u64::parse("18446744073709551615"), Some(u64::MAX));
        assert_eq!(u64::parse("-1"), None);
        assert_eq!(u32::parse("4294967295"), Some(u32::MAX));
        assert_eq!(u32::parse("4294967296"), None);
        for (expected, min, max) in [
            (i64::EXPECTED, i64::MIN.to_string(), i64::MAX.to_string()),
            (u64::EXPECTED, u64::MIN.to_string(), u64::MAX.to_string()),
            (u32::EXPECTED, u32::MIN.to_string(), u32::MAX.to_string()),
        ] {
            assert_eq!(expected, format!("an integer from {min} to {max}"));
        }
        for text in ["", "+", "1.0", " 1", "1 ", "١", "１", "0x10"] {
            assert_eq!(i64::parse(text), None, "{text:?}");
        }
    }

    #[test]
    fn a_dash_and_a_digit_is_a_value_a_dash_and_a_letter_an_option() {
        assert!(is_negative_number("-5"));
        assert!(is_negative_number("-0x"));
        assert!(!is_negative_number("-x"));
        assert!(!is_negative_number("--5"));
        assert!(!is_negative_number("-"));
        assert!(!is_negative_number("5"));
    }
}
