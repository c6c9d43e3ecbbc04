//! The command line: what it accepts, and one `match` that sends each subcommand to the file of
//! its group (`start`, `routines`, `history`, `pages`).

mod history;
mod pages;
mod routines;
mod show;
mod start;

use std::ffi::{OsStr, OsString};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::builder::{StringValueParser, TypedValueParser};
use clap::error::ErrorKind;
use clap::{Parser, Subcommand};

use crate::error::AppError;
use crate::history::export::Format;
use crate::history::{Area, BodySide};
use crate::sys::paths::Paths;
use crate::sys::stderr::say;
use crate::visit;

#[derive(Debug, Parser)]
#[command(
    name = "unknot",
    version,
    about = "Guided self-massage and stretching for sciatica, in the terminal.",
    long_about = "Guided self-massage and stretching for sciatica, in the terminal.\n\n\
        Run `unknot` to pick a routine, or `unknot start NAME` to begin one.\n\
        unknot is self-care support, not treatment: see a clinician if symptoms are severe or worsening."
)]
pub struct Cli {
    /// Where your history is kept (default: your system's data folder)
    #[arg(long, global = true, env = "UNKNOT_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// The config file to use; your own routines live in a `routines` folder beside it
    #[arg(long, global = true, env = "UNKNOT_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Plain lines of text instead of the full-screen view (for screen readers and scripts)
    #[arg(long, global = true)]
    pub plain: bool,

    /// Start with the sound off (press m in a session to switch it on)
    #[arg(long, global = true)]
    pub mute: bool,

    /// Speak the name of each step before it starts (needs espeak-ng, spd-say or say)
    #[arg(long, global = true)]
    pub voice: bool,

    /// After a session, print the messages the sound system gave (kept off the screen during it)
    #[arg(long, global = true)]
    pub verbose: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start a routine by name (see `unknot list`) or from a file
    Start {
        /// A routine name, title, or the path of a .ron file; without it, pick from a list
        routine: Option<String>,
    },
    /// List every routine you can start, with its level and length
    List,
    /// Show a routine before starting it: each step's figure, instructions and dose
    Show {
        /// A routine name, title, or the path of a .ron file
        #[arg(required_unless_present = "poses")]
        routine: Option<String>,
        /// List the figures a routine step can name with `pose`
        #[arg(long, conflicts_with = "routine")]
        poses: bool,
    },
    /// Check routine files and report every problem with its line and column
    Check {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Record a pain score now, outside any session
    #[command(allow_negative_numbers = true)]
    Log {
        /// Pain now: 0 no pain, 1-3 mild, 4-6 moderate, 7-10 severe, 10 worst imaginable
        #[arg(value_parser = clap::value_parser!(i64).range(0..=10))]
        pain: i64,
        /// Where you feel it; several allowed (--where buttock,thigh)
        #[arg(long = "where", value_enum, value_delimiter = ',', value_name = "AREA")]
        areas: Vec<Area>,
        /// Which side
        #[arg(long, value_enum)]
        side: Option<BodySide>,
        /// A short note, up to 200 characters; it may start with a dash (--note "-better")
        #[arg(long, allow_hyphen_values = true, value_parser = NoteParser, value_name = "TEXT")]
        note: Option<String>,
    },
    /// Review past sessions and pain scores, or print them for sharing
    History {
        #[command(subcommand)]
        action: Option<HistoryAction>,
        /// Print instead of opening the review screen: table, csv or json
        #[arg(long, value_enum)]
        format: Option<Format>,
        /// Only from this day on (YYYY-MM-DD)
        #[arg(long, value_parser = parse_date, value_name = "DATE")]
        since: Option<NaiveDate>,
    },
    /// Show where unknot keeps your routines, config and history
    Paths,
    /// The warning signs that need a doctor, and the cautions for self-massage
    Safety,
    /// What self-massage and stretching can and cannot do, with sources
    About,
    /// Settings: print the default config file, with comments, ready to copy
    Config {
        /// Print the full default config
        #[arg(long, required = true)]
        print_default: bool,
    },
    /// Write a new routine file, with comments, ready to edit
    New {
        /// The routine's name: letters, digits and dashes
        name: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum HistoryAction {
    /// Merge another history file (from another machine) into yours, without duplicates
    Import { file: PathBuf },
}

/// A note as typed on the command line, cleaned as every note is ([`visit::clean_note`]): one
/// line, empty when nothing is left. Too long is refused in one sentence that does not repeat
/// the note.
#[derive(Clone)]
struct NoteParser;

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
                    crate::text::checkin::err_note_too_long(e.max, e.chars),
                )
                .with_cmd(cmd)
            })
    }
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| crate::text::cli::ERR_DATE.to_string())
}

/// Reads the command line. Help and version are printed here; a mistake is said in one
/// sentence and given as the exit code (2).
///
/// # Errors
/// The exit code to leave with, when there is nothing to run.
pub fn parse() -> Result<Cli, ExitCode> {
    Cli::try_parse_from(note_after_dashes(std::env::args_os().collect()))
        .map_err(|e| clap_error(&e))
}

/// `--note -- TEXT` read as `--note TEXT`: what clap's tip once said to type for a note that
/// starts with a dash, and how many programs take `--`. Read as clap would, `--` would be the
/// note and TEXT an argument that `log` does not have.
fn note_after_dashes(mut args: Vec<OsString>) -> Vec<OsString> {
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

/// Runs the command.
///
/// # Errors
/// What went wrong, as one sentence with its exit code ([`AppError::exit_code`]).
pub fn run(cli: Cli) -> Result<ExitCode, AppError> {
    // Should this fail, a file-size limit ends unknot as it ends any program: nothing worse.
    let _ = crate::sys::input::survive_file_size_limit();
    let paths = Paths::resolve(cli.data_dir.clone(), cli.config.clone());
    let flags = start::Flags {
        plain: cli.plain,
        mute: cli.mute,
        voice: cli.voice,
        verbose: cli.verbose,
    };
    let done = |r: Result<(), AppError>| r.map(|()| ExitCode::SUCCESS);
    match cli.command {
        None | Some(Command::Start { routine: None }) => start::home(&paths, flags),
        Some(Command::Start {
            routine: Some(wanted),
        }) => start::routine(&paths, flags, &wanted),
        Some(Command::List) => done(routines::list(&paths, flags)),
        Some(Command::Show {
            routine: Some(wanted),
            ..
        }) => done(show::routine(&paths, flags, &wanted)),
        Some(Command::Show { routine: None, .. }) => done(show::poses(&paths, flags)),
        Some(Command::Check { files }) => done(routines::check(&files)),
        Some(Command::New { name }) => done(routines::new(&paths, &name)),
        Some(Command::Log {
            pain,
            areas,
            side,
            note,
        }) => done(history::log(&paths, pain, areas, side, note.as_deref())),
        Some(Command::History {
            action: Some(HistoryAction::Import { file }),
            ..
        }) => done(history::import(&paths, &file)),
        Some(Command::History {
            action: None,
            format,
            since,
        }) => history::review_or_export(&paths, flags, format, since),
        Some(Command::Paths) => done(pages::paths(&paths)),
        Some(Command::Safety) => done(pages::safety(&paths)),
        Some(Command::About) => done(pages::about()),
        Some(Command::Config { .. }) => done(pages::default_config()),
    }
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

/// clap's errors in unknot's voice: one sentence, exit code 2; help and version as usual.
fn clap_error(e: &clap::Error) -> ExitCode {
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => crate::error::leave(
            e.print()
                .and_then(|()| std::io::stdout().flush())
                .map(|()| ExitCode::SUCCESS)
                .map_err(crate::sys::output::failed),
        ),
        _ => {
            say(&format!(
                "{}; see `unknot --help`",
                one_sentence(&e.render().to_string())
            ));
            ExitCode::from(2)
        }
    }
}
