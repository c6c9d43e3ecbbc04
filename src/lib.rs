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
mod checkin;
mod cli;
mod commands;
mod error;
pub mod history;
mod history_commands;
mod input;
mod paths;
mod plain;
mod recorder;
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
use cli::{Cli, Command, HistoryAction};
use error::AppError;
use history::export::Format;
use paths::Paths;
use recorder::Recorder;
use routine::Routine;
use ui::home::Home;
use ui::review::Review;

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
    let interactive = !cli.plain && std::io::stdout().is_terminal();
    let paths = Paths::resolve(cli.data_dir, cli.config);
    let mut out = std::io::stdout().lock();
    let printed = |r: std::io::Result<()>| r.map(|()| ExitCode::SUCCESS).or(Ok(ExitCode::SUCCESS));
    let done = |r: Result<(), AppError>| r.map(|()| ExitCode::SUCCESS);
    match cli.command {
        Some(Command::List) => printed(commands::list(&commands::catalog(&paths), &mut out)),
        Some(Command::Check { files }) => done(commands::check(&files, &mut out)),
        Some(Command::New { name }) => done(commands::new(&paths, &name, &mut out)),
        Some(Command::Paths) => printed(commands::paths(&paths, &mut out)),
        Some(Command::Log {
            pain,
            areas,
            side,
            note,
        }) => {
            let pain = u8::try_from(pain).unwrap_or(0);
            done(history_commands::log(
                &paths, pain, areas, side, note, &mut out,
            ))
        }
        Some(Command::History {
            action: Some(HistoryAction::Import { file }),
            ..
        }) => done(history_commands::import(&paths, &file, &mut out)),
        Some(Command::History {
            action: None,
            format,
            since,
        }) => match format {
            None if interactive => {
                drop(out);
                let (history, notice) = history_commands::load(&paths)?;
                let review = Review::new(history, notice, chrono::Local::now().date_naive());
                full_screen(
                    &paths,
                    Vec::new(),
                    0,
                    app::Start::Review(review),
                    cli.mute,
                    false,
                )
            }
            _ => done(
                history_commands::export(&paths, format.unwrap_or(Format::Table), since, &mut out)
                    .map_err(broken_pipe),
            ),
        },
        Some(Command::Start {
            routine: Some(wanted),
        }) => {
            let catalog = commands::catalog(&paths);
            let routine = commands::resolve(&catalog, &wanted)?;
            drop(out);
            session(&paths, interactive, cli.mute, catalog, Some(routine))
        }
        Some(Command::Start { routine: None }) | None => {
            drop(out);
            session(
                &paths,
                interactive,
                cli.mute,
                commands::catalog(&paths),
                None,
            )
        }
    }
}

/// Runs a session, full-screen or in plain lines; without a routine, the person picks one first.
fn session(
    paths: &Paths,
    interactive: bool,
    mute: bool,
    catalog: routine::Catalog,
    routine: Option<Routine>,
) -> Result<ExitCode, AppError> {
    if catalog.entries.is_empty() && routine.is_none() {
        eprintln!("unknot: {}", text::ERR_NO_ROUTINES);
        return Ok(ExitCode::from(1));
    }
    if !interactive {
        return run_plain(paths, mute, &catalog, routine).map(exit_code);
    }
    let start = match routine {
        Some(r) => app::Start::Routine(r),
        None => app::Start::Home,
    };
    full_screen(
        paths,
        catalog.entries,
        catalog.broken.len(),
        start,
        mute,
        true,
    )
}

/// The full-screen app, with the history loaded for the home screen and opened for writing.
fn full_screen(
    paths: &Paths,
    entries: Vec<routine::RoutineEntry>,
    broken: usize,
    start: app::Start,
    mute: bool,
    writes: bool,
) -> Result<ExitCode, AppError> {
    // A session started straight from the command line finds out now if another one is running.
    let store = match (writes, &start) {
        (true, app::Start::Routine(_)) => Some(history_commands::open_store(paths)?),
        _ => None,
    };
    let mut home = Home::new(entries, broken);
    let reader = paths.clone();
    let history: app::HistoryLoader = Box::new(move || history_commands::load(&reader).ok());
    if let Some((h, notice)) = history() {
        home.set_history(&h, chrono::Local::now().date_naive());
        home.notice = notice;
    }
    let writer = paths.clone();
    let signal = app::run(app::Setup {
        home,
        start,
        store,
        open_store: Box::new(move || history_commands::open_store(&writer)),
        history,
        mute,
    })?;
    Ok(exit_code(signal))
}

/// 0, or 128 + the signal that stopped the session, as a shell reports it.
fn exit_code(signal: Option<i32>) -> ExitCode {
    signal.map_or(ExitCode::SUCCESS, |s| {
        ExitCode::from(128u8.saturating_add(u8::try_from(s).unwrap_or(0)))
    })
}

/// Output cut off by whoever reads it (`| head`) is not worth a message.
fn broken_pipe(e: AppError) -> AppError {
    match e {
        AppError::Output(io) if io.kind() == std::io::ErrorKind::BrokenPipe => {
            AppError::OutputClosed
        }
        other => other,
    }
}

fn run_plain(
    paths: &Paths,
    mute: bool,
    catalog: &routine::Catalog,
    routine: Option<Routine>,
) -> Result<Option<i32>, AppError> {
    let store = history_commands::open_store(paths)?;
    if let Err(problem) = &store {
        eprintln!("unknot: {}", text::history_not_saved(problem));
    }
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
    let mut recorder = Recorder::new(store, &routine);
    let signal = plain::Plain::new(stdout.lock(), &rx, bell())
        .run(routine, &mut recorder)
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
