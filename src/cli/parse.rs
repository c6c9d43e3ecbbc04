//! Reading the command line's values, and clap's errors in unknot's voice: one sentence that
//! points to the help of the command that was typed, exit code 2.

use std::ffi::{OsStr, OsString};
use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;

use chrono::{NaiveDate, NaiveTime};
use clap::builder::{StringValueParser, TypedValueParser};
use clap::error::ErrorKind;

use crate::sys::stderr::say;
use crate::text;
use crate::visit;

/// A pain score on the numeric rating scale: a whole number from 0 to 10.
///
/// # Errors
/// One sentence saying what is expected, for `5.5`, `11`, `-1` or a word alike.
pub fn parse_pain(s: &str) -> Result<u8, String> {
    s.trim()
        .parse::<u8>()
        .ok()
        .filter(|p| *p <= 10)
        .ok_or_else(|| text::cli::ERR_PAIN.to_string())
}

/// A time of day as `HH:MM` (24-hour).
///
/// # Errors
/// One sentence with an example of the form.
pub fn parse_time(s: &str) -> Result<NaiveTime, String> {
    NaiveTime::parse_from_str(s.trim(), "%H:%M").map_err(|_| text::cli::ERR_TIME.to_string())
}

/// How long between sitting breaks, or a snooze: minutes alone (`45`), or a number with a unit
/// (`90s`, `45m`, `1h30m`), from 1 second to 8 hours.
///
/// # Errors
/// One sentence with examples of the forms.
pub fn parse_interval(s: &str) -> Result<std::time::Duration, String> {
    let s = s.trim();
    let interval = if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse::<u64>()
            .ok()
            .and_then(|m| m.checked_mul(60))
            .map(std::time::Duration::from_secs)
    } else {
        humantime::parse_duration(s).ok()
    };
    interval
        .filter(|d| (1..=8 * 3600).contains(&d.as_secs()))
        .ok_or_else(|| text::desk::ERR_DURATION.to_string())
}

/// A day as `YYYY-MM-DD`.
///
/// # Errors
/// One sentence with an example of the form.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| text::cli::ERR_DATE.to_string())
}

/// A note as typed on the command line, cleaned as every note is ([`visit::clean_note`]): one
/// line, empty when nothing is left. Too long is refused in one sentence that does not repeat
/// the note.
#[derive(Clone)]
pub struct NoteParser;

impl TypedValueParser for NoteParser {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<String, clap::Error> {
        let typed = StringValueParser::new().parse_ref(cmd, arg, value)?;
        visit::clean_note(&typed)
            .map(Option::unwrap_or_default)
            .map_err(|e| {
                clap::Error::raw(
                    ErrorKind::ValueValidation,
                    text::checkin::err_note_too_long(e.max, e.chars),
                )
                .with_cmd(cmd)
            })
    }
}

/// `--note -- TEXT` read as `--note TEXT`: what clap's tip once said to type for a note that
/// starts with a dash, and how many programs take `--`. Read as clap would, `--` would be the
/// note and TEXT an argument that `log` does not have.
pub fn note_after_dashes(mut args: Vec<OsString>) -> Vec<OsString> {
    let note = args
        .iter()
        .take_while(|a| *a != "--")
        .position(|a| a == "--note");
    if let Some(at) =
        note.filter(|at| args.get(at + 1).is_some_and(|a| a == "--") && args.len() > at + 2)
    {
        args.remove(at + 1);
    }
    args
}

/// clap's first paragraph on one line, with its tip (a likely spelling) in brackets.
fn one_sentence(rendered: &str) -> String {
    let mut paragraphs = rendered
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "));
    let first = paragraphs.next().unwrap_or_default();
    let mut sentence = first.trim_start_matches("error: ").to_string();
    if let Some(tip) = paragraphs.find_map(|p| p.strip_prefix("tip: ").map(str::to_string)) {
        let _ = write!(sentence, " ({tip})");
    }
    sentence
}

/// The command whose help fits the mistake: the subcommands named in `args` (the whole
/// command line, program first), as `unknot history import`.
fn command_typed(cmd: &clap::Command, args: &[OsString]) -> String {
    let mut words = vec![cmd.get_name().to_string()];
    let mut at = cmd;
    for arg in args.iter().skip(1).filter_map(|a| a.to_str()) {
        if let Some(sub) = at.find_subcommand(arg) {
            words.push(sub.get_name().to_string());
            at = sub;
        }
    }
    words.join(" ")
}

/// clap's errors in unknot's voice: one sentence, exit code 2; help and version as usual.
/// `cmd` and `args` are what was parsed, for the help to point to.
pub fn clap_error(e: &clap::Error, cmd: &clap::Command, args: &[OsString]) -> ExitCode {
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => crate::error::leave(
            e.print()
                .and_then(|()| std::io::stdout().flush())
                .map(|()| ExitCode::SUCCESS)
                .map_err(crate::sys::output::failed),
        ),
        _ => {
            say(&text::cli::err_usage(
                &one_sentence(&e.render().to_string()),
                &command_typed(cmd, args),
            ));
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pain_score_is_a_whole_number_from_0_to_10() {
        assert_eq!(parse_pain("0"), Ok(0));
        assert_eq!(parse_pain(" 10 "), Ok(10));
        for bad in ["5.5", "11", "-1", "five", "", "1e1"] {
            assert_eq!(
                parse_pain(bad),
                Err(text::cli::ERR_PAIN.to_string()),
                "{bad}"
            );
        }
    }

    #[test]
    fn the_help_pointed_to_is_that_of_the_command_typed() {
        use clap::CommandFactory;
        let cmd = super::super::Cli::command();
        let typed = |line: &str| {
            let args: Vec<OsString> = line.split(' ').map(OsString::from).collect();
            command_typed(&cmd, &args)
        };
        assert_eq!(typed("unknot log 5.5"), "unknot log");
        assert_eq!(
            typed("unknot --plain history import"),
            "unknot history import"
        );
        assert_eq!(typed("unknot --nope"), "unknot");
        assert_eq!(typed("unknot log --note history"), "unknot log");
    }

    #[test]
    fn an_interval_is_minutes_alone_or_a_number_with_a_unit() {
        use std::time::Duration;
        assert_eq!(parse_interval("45"), Ok(Duration::from_secs(45 * 60)));
        assert_eq!(parse_interval(" 90s "), Ok(Duration::from_secs(90)));
        assert_eq!(parse_interval("1h30m"), Ok(Duration::from_secs(5400)));
        for bad in ["", "0", "0s", "9h", "-5", "45 minutes please", "1.5"] {
            assert_eq!(
                parse_interval(bad),
                Err(text::desk::ERR_DURATION.to_string()),
                "{bad:?}"
            );
        }
    }
}
