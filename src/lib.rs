//! unknot: a guided self-massage and stretching routine for sciatica, in the terminal.
//!
//! The binary is `main.rs`, which calls [`main`]; the history module is public so that its
//! benchmark can load and summarise a large history directly.

#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

mod app;
mod audio;
mod cli;
mod commands;
mod error;
pub mod history;
mod input;
mod paths;
mod plain;
mod routine;
mod session;
mod summary;
mod text;
mod ui;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use clap::error::ErrorKind;

use audio::Bell;
use cli::{Cli, Command};
use error::AppError;
use paths::Paths;
use routine::Routine;

/// Parses the command line, runs the command and says what went wrong, if anything.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return clap_error(&e),
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            if !matches!(e, AppError::Reported { .. } | AppError::OutputClosed) {
                eprintln!("unknot: {e}");
            }
            ExitCode::from(e.exit_code())
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, AppError> {
    let plain = cli.plain || !std::io::stdout().is_terminal();
    let paths = Paths::resolve(cli.data_dir, cli.config);
    let mut out = std::io::stdout().lock();
    let printed = |r: std::io::Result<()>| r.map(|()| ExitCode::SUCCESS).or(Ok(ExitCode::SUCCESS));
    match cli.command {
        Some(Command::List) => printed(commands::list(&commands::catalog(&paths), &mut out)),
        Some(Command::Check { files }) => {
            commands::check(&files, &mut out).map(|()| ExitCode::SUCCESS)
        }
        Some(Command::New { name }) => {
            commands::new(&paths, &name, &mut out).map(|()| ExitCode::SUCCESS)
        }
        Some(Command::Paths) => printed(commands::paths(&paths, &mut out)),
        Some(Command::Start {
            routine: Some(wanted),
        }) => {
            let catalog = commands::catalog(&paths);
            let routine = commands::resolve(&catalog, &wanted)?;
            drop(out);
            session(plain, cli.mute, catalog, Some(routine))
        }
        Some(Command::Start { routine: None }) | None => {
            drop(out);
            session(plain, cli.mute, commands::catalog(&paths), None)
        }
    }
}

/// Runs a session, full-screen or in plain lines; without a routine, the person picks one first.
fn session(
    plain: bool,
    mute: bool,
    catalog: routine::Catalog,
    routine: Option<Routine>,
) -> Result<ExitCode, AppError> {
    if catalog.entries.is_empty() && routine.is_none() {
        eprintln!("unknot: {}", text::ERR_NO_ROUTINES);
        return Ok(ExitCode::from(1));
    }
    let signal = if plain {
        run_plain(mute, &catalog, routine)?
    } else {
        let home = ui::home::Home {
            broken: catalog.broken.len(),
            entries: catalog.entries,
            selected: 0,
        };
        app::run(home, routine, mute)?
    };
    Ok(signal.map_or(ExitCode::SUCCESS, |s| {
        ExitCode::from(128u8.saturating_add(u8::try_from(s).unwrap_or(0)))
    }))
}

fn run_plain(
    mute: bool,
    catalog: &routine::Catalog,
    routine: Option<Routine>,
) -> Result<Option<i32>, AppError> {
    let (tx, rx) = input::channel_pair();
    input::watch_signals(tx.clone()).map_err(AppError::Terminal)?;
    input::watch_lines(tx, std::io::BufReader::new(std::io::stdin()));
    let stdout = std::io::stdout();
    let io_err = |e: std::io::Error| {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            AppError::OutputClosed
        } else {
            AppError::Terminal(e)
        }
    };
    let bell = || {
        let stderr = std::io::stderr();
        Bell::new((!mute && stderr.is_terminal()).then_some(stderr))
    };
    let routine = match routine {
        Some(r) => r,
        None => match plain::Plain::new(stdout.lock(), &rx, bell())
            .choose(catalog)
            .map_err(io_err)?
        {
            Some(r) => r,
            None => return Ok(None),
        },
    };
    let signal = plain::Plain::new(stdout.lock(), &rx, bell())
        .run(routine)
        .map_err(io_err)?;
    let _ = std::io::stdout().flush();
    Ok(signal)
}

/// clap's first paragraph on one line, with its tip (a likely spelling) in brackets.
fn one_sentence(rendered: &str) -> String {
    let mut paragraphs = rendered
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "));
    let first = paragraphs.next().unwrap_or_default();
    let mut sentence = first.trim_start_matches("error: ").to_string();
    if let Some(tip) = paragraphs.find_map(|p| p.strip_prefix("tip: ").map(str::to_string)) {
        sentence.push_str(&format!(" ({tip})"));
    }
    sentence
}

/// clap's errors in unknot's voice: one sentence, exit code 2; help and version as usual.
fn clap_error(e: &clap::Error) -> ExitCode {
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = e.print();
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!(
                "unknot: {}; see `unknot --help`",
                one_sentence(&e.render().to_string())
            );
            ExitCode::from(2)
        }
    }
}
