//! The command line: what it accepts, and one `match` that sends each subcommand to the file of
//! its group (`start`, `routines`, `history`, `pages`).

mod desk;
mod history;
mod pages;
mod parse;
mod remind;
mod routines;
mod shell;
mod start;

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{NaiveDate, NaiveTime};
use clap::{CommandFactory, Parser, Subcommand};
use clap_complete::engine::ArgValueCompleter;

use parse::{
    NoteParser, clap_error, note_after_dashes, parse_date, parse_interval, parse_pain, parse_time,
};
use remind::Reminder;
pub use shell::Shell;

use crate::error::AppError;
use crate::history::export::Format;
use crate::history::{Area, BodySide};
use crate::sys::paths::Paths;

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
        #[arg(add = ArgValueCompleter::new(routines::complete_name))]
        routine: Option<String>,
    },
    /// List every routine you can start, with its level and length
    List,
    /// Check routine files and report every problem with its line and column
    Check {
        /// Routine files (.ron) to check; several may be given
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Record a pain score now, outside any session
    #[command(allow_negative_numbers = true)]
    Log {
        /// Pain now: 0 no pain, 1-3 mild, 4-6 moderate, 7-10 severe, 10 worst imaginable
        #[arg(value_parser = parse_pain)]
        pain: u8,
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
        /// For the name of a bundled routine: start from a copy of it, which then takes its place
        #[arg(long)]
        replace: bool,
    },
    /// Print the shell code that completes unknot's commands and routine names
    Completions {
        /// The shell: bash, zsh or fish
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Write a calendar file with a repeating reminder to do a routine, for your phone or desktop
    /// calendar to import
    Remind {
        /// Write an iCalendar (.ics) file, which calendars import
        #[arg(long, required = true)]
        ics: bool,
        /// The time of day, in the calendar's local time (HH:MM)
        #[arg(long, value_parser = parse_time, default_value = "08:30", value_name = "HH:MM")]
        at: NaiveTime,
        /// The days; every day when left out (--days mon,wed,fri)
        #[arg(long, value_enum, value_delimiter = ',', value_name = "DAYS")]
        days: Vec<remind::Day>,
        /// The routine the reminder names (see `unknot list`)
        #[arg(long, add = ArgValueCompleter::new(routines::complete_name), value_name = "NAME")]
        routine: Option<String>,
        /// The file to write, or - for standard output
        #[arg(long, default_value = "unknot-reminder.ics", value_name = "FILE")]
        out: PathBuf,
        /// Replace the file if it exists
        #[arg(long)]
        force: bool,
    },
    /// Leave running while you work: every 45 minutes it rings and asks you to stand up and move,
    /// with the desk-break routine one key away
    Desk {
        /// Time from one break to the next reminder: minutes (45), or 90s, 1h30m (default: the
        /// setting desk.every, 45 minutes)
        #[arg(long, value_parser = parse_interval, value_name = "TIME")]
        every: Option<std::time::Duration>,
        /// How long a snooze puts the reminder off (default: the setting desk.snooze, 10 minutes)
        #[arg(long, value_parser = parse_interval, value_name = "TIME")]
        snooze: Option<std::time::Duration>,
        /// The routine a break starts (default: the setting desk.routine, desk-break)
        #[arg(long, add = ArgValueCompleter::new(routines::complete_name), value_name = "NAME")]
        routine: Option<String>,
    },
    /// Print unknot's manual page, or write a page for every command into a folder
    Man {
        /// The folder to write unknot.1 and a page for each command into (for example
        /// ~/.local/share/man/man1)
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum HistoryAction {
    /// Merge another history file (from another machine) into yours, without duplicates
    Import {
        /// A history.jsonl from another machine or a backup; it is read, never changed
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
}

/// Reads the command line. Help and version are printed here; a mistake is said in one
/// sentence and given as the exit code (2).
///
/// # Errors
/// The exit code to leave with, when there is nothing to run.
pub fn parse() -> Result<Cli, ExitCode> {
    // A shell asking for completions (`COMPLETE=bash unknot -- …`) is answered and unknot ends.
    clap_complete::CompleteEnv::with_factory(Cli::command).complete();
    let args = note_after_dashes(std::env::args_os().collect());
    Cli::try_parse_from(&args).map_err(|e| clap_error(&e, &Cli::command(), &args))
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
        Some(Command::Check { files }) => done(routines::check(&files)),
        Some(Command::New { name, replace }) => done(routines::new(&paths, &name, replace)),
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
        Some(Command::Completions { shell }) => done(shell::completions(shell)),
        Some(Command::Remind {
            at,
            days,
            routine,
            out,
            force,
            ..
        }) => done(remind::run(
            &paths,
            Reminder { at, days, routine },
            &out,
            force,
        )),
        Some(Command::Desk {
            every,
            snooze,
            routine,
        }) => desk::run(
            &paths,
            flags,
            &desk::Asked {
                every,
                snooze,
                routine,
            },
        ),
        Some(Command::Man { dir }) => done(shell::man(Cli::command(), dir.as_deref())),
    }
}
