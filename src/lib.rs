//! unknot: a guided self-massage and stretching routine for sciatica, in the terminal.
//!
//! The binary is `main.rs`, which calls [`main`]; the history module is public so that its
//! benchmark can load and summarise a large history directly, and [`readers`] so that fuzz
//! targets can reach the routine and settings readers.

#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

mod app;
mod audio;
mod checkin;
mod cli;
mod commands;
mod config;
mod error;
pub mod history;
mod history_commands;
mod input;
mod paths;
mod plain;
mod printable;
mod quiet;
pub mod readers;
mod recorder;
mod ron_text;
mod routine;
mod safety;
mod session;
mod summary;
mod text;
mod trace;
mod ui;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use clap::error::ErrorKind;

use audio::{Audio, AudioSetup, Bell, Sounds, Voice};
use cli::{Cli, Command, HistoryAction};
use config::Config;
use error::AppError;
use history::export::Format;
use paths::Paths;
use recorder::Recorder;
use routine::Routine;
use ui::Theme;
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
                say(&e.to_string());
            }
            ExitCode::from(e.exit_code())
        }
    }
}

/// What every session needs to know from the command line and the settings.
struct Options {
    paths: Paths,
    interactive: bool,
    verbose: bool,
    config: Config,
    mute: bool,
    voice: bool,
}

fn run(cli: Cli) -> Result<ExitCode, AppError> {
    // Should this fail, a file-size limit ends unknot as it ends any program: nothing worse.
    let _ = input::survive_file_size_limit();
    let paths = Paths::resolve(cli.data_dir, cli.config);
    let mut out = std::io::stdout().lock();
    let printed = |r: std::io::Result<()>| r.map(|()| ExitCode::SUCCESS).or(Ok(ExitCode::SUCCESS));
    let done = |r: Result<(), AppError>| r.map(|()| ExitCode::SUCCESS);
    // Commands that need no settings run even when the settings file is broken.
    match &cli.command {
        Some(Command::Check { files }) => return done(commands::check(files, &mut out)),
        Some(Command::New { name }) => return done(commands::new(&paths, name, &mut out)),
        Some(Command::Paths) => return printed(commands::paths(&paths, &mut out)),
        Some(Command::Safety) => return printed(out.write_all(text::safety_page().as_bytes())),
        Some(Command::About) => return printed(out.write_all(text::ABOUT.as_bytes())),
        Some(Command::Config { .. }) => {
            return printed(out.write_all(config::DEFAULT_FILE.as_bytes()));
        }
        Some(Command::Log {
            pain,
            areas,
            side,
            note,
        }) => {
            let pain = u8::try_from(*pain).unwrap_or(0);
            let (areas, side, note) = (areas.clone(), *side, note.clone());
            return done(history_commands::log(
                &paths, pain, areas, side, note, &mut out,
            ));
        }
        _ => {}
    }
    let config = Config::load(paths.config_file.as_deref())?;
    let options = Options {
        interactive: !cli.plain && std::io::stdout().is_terminal(),
        verbose: cli.verbose,
        mute: cli.mute || config.muted,
        voice: cli.voice || config.voice,
        config,
        paths,
    };
    let paths = &options.paths;
    match cli.command {
        Some(Command::List) => printed(commands::list(&catalog(&options), &mut out)),
        Some(Command::History {
            action: Some(HistoryAction::Import { file }),
            ..
        }) => done(history_commands::import(paths, &file, &mut out)),
        Some(Command::History {
            action: None,
            format,
            since,
        }) => match format {
            None if options.interactive => {
                drop(out);
                let (history, notice) = history_commands::load(paths)?;
                let review = Review::new(history, notice, chrono::Local::now().date_naive());
                full_screen(&options, Vec::new(), 0, app::Start::Review(review))
            }
            _ => done(
                history_commands::export(paths, format.unwrap_or(Format::Table), since, &mut out)
                    .map_err(broken_pipe),
            ),
        },
        Some(Command::Start {
            routine: Some(wanted),
        }) => {
            let catalog = catalog(&options);
            let mut routine = commands::resolve(&catalog, &wanted)?;
            if let Some(lead_in) = options.config.lead_in {
                routine.lead_in = lead_in;
            }
            drop(out);
            session(&options, catalog, Some(routine))
        }
        Some(Command::Start { routine: None }) | None => {
            drop(out);
            session(&options, catalog(&options), None)
        }
        Some(
            Command::Check { .. }
            | Command::New { .. }
            | Command::Paths
            | Command::Safety
            | Command::About
            | Command::Config { .. }
            | Command::Log { .. },
        ) => Ok(ExitCode::SUCCESS),
    }
}

/// Every routine, with the lead-in the settings ask for.
fn catalog(options: &Options) -> routine::Catalog {
    let mut catalog = commands::catalog(&options.paths);
    if let Some(lead_in) = options.config.lead_in {
        for entry in &mut catalog.entries {
            entry.routine.lead_in = lead_in;
        }
    }
    catalog
}

/// Sounds and voice from the settings, with what to tell the person about them.
fn audio_setup(options: &Options) -> AudioSetup {
    let (sounds, mut notes) = Sounds::load(&options.config.sounds);
    let voice = if options.voice {
        let (voice, note) = Voice::start(options.config.voice_command.as_deref());
        notes.extend(note);
        voice
    } else {
        Voice::off()
    };
    AudioSetup {
        sounds,
        voice,
        gain: options.config.gain(),
        muted: options.mute,
        notes,
    }
}

/// Runs a session, full-screen or in plain lines; without a routine, the person picks one first.
fn session(
    options: &Options,
    catalog: routine::Catalog,
    routine: Option<Routine>,
) -> Result<ExitCode, AppError> {
    if catalog.entries.is_empty() && routine.is_none() {
        say(text::ERR_NO_ROUTINES);
        return Ok(ExitCode::from(1));
    }
    if !options.interactive {
        return run_plain(options, &catalog, routine).map(|ended| match ended {
            plain::Ended::Done => ExitCode::SUCCESS,
            plain::Ended::Signal(s) => exit_code(Some(s)),
            // The safety questions kept the session from starting.
            plain::Ended::NotStarted => ExitCode::from(1),
        });
    }
    let start = match routine {
        Some(r) => app::Start::Routine(r),
        None => app::Start::Home,
    };
    full_screen(options, catalog.entries, catalog.broken.len(), start)
}

/// The full-screen app, with the history loaded for the home screen and opened for writing.
fn full_screen(
    options: &Options,
    entries: Vec<routine::RoutineEntry>,
    broken: usize,
    start: app::Start,
) -> Result<ExitCode, AppError> {
    let paths = &options.paths;
    // A session started straight from the command line finds out now if another one is running.
    let store = match &start {
        app::Start::Routine(_) => Some(history_commands::open_store(paths)?),
        _ => None,
    };
    let mut home = Home::new(entries, broken);
    let reader = paths.clone();
    let history: app::HistoryLoader = Box::new(move || history_commands::load(&reader).ok());
    if let Some((h, notice)) = history() {
        home.set_history(&h, history::now());
        home.notice = notice;
    }
    let writer = paths.clone();
    let capture = quiet::StderrCapture::start().ok();
    let ended = app::run(app::Setup {
        home,
        start,
        store,
        open_store: Box::new(move || history_commands::open_store(&writer)),
        history,
        audio: audio_setup(options),
        theme: Theme::new(options.config.theme),
    });
    release_stderr(capture, options.verbose);
    let ended = ended?;
    if let Some(unsaved) = ended.unsaved {
        say(&unsaved);
    }
    Ok(exit_code(ended.signal))
}

/// One line on stderr, as unknot speaks there; a terminal already gone (closed under a stopped
/// session, say) is not worth a panic.
pub(crate) fn say(message: &str) {
    let _ = writeln!(std::io::stderr(), "unknot: {message}");
}

/// Puts stderr back; with `--verbose`, shows what the sound system said meanwhile.
fn release_stderr(capture: Option<quiet::StderrCapture>, verbose: bool) {
    let Some(capture) = capture else {
        return;
    };
    let lines = capture.stop();
    if verbose {
        let mut err = std::io::stderr();
        for line in lines {
            let _ = writeln!(err, "{line}");
        }
    }
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
    options: &Options,
    catalog: &routine::Catalog,
    routine: Option<Routine>,
) -> Result<plain::Ended, AppError> {
    let store = history_commands::open_store(&options.paths)?;
    if let Err(problem) = &store {
        say(&text::history_not_saved(problem));
    }
    let (tx, rx) = input::channel_pair();
    input::watch_signals(tx.clone()).map_err(AppError::Terminal)?;
    input::watch_suspend(tx.clone()).map_err(AppError::Terminal)?;
    input::watch_lines(tx.clone(), std::io::BufReader::new(std::io::stdin()));
    let io_err = |e: std::io::Error| {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            AppError::OutputClosed
        } else {
            AppError::Terminal(e)
        }
    };
    let capture = quiet::StderrCapture::start().ok();
    let real_stderr = || capture.as_ref().and_then(|c| c.real_stderr().ok());
    let stderr_is_terminal = std::io::stderr().is_terminal();
    // The bell rings only where a person hears it, never into a file or a pipe.
    let bell = Bell::new(real_stderr().filter(|_| stderr_is_terminal));
    let setup = audio_setup(options);
    let notes = setup.notes.clone();
    let audio = Audio::start(setup, bell, move |opened| {
        let _ = tx.send(input::Input::Audio(opened));
    });
    let mut plain = plain::Plain::new(std::io::stdout().lock(), &rx, audio, real_stderr());
    for note in &notes {
        plain.note(note);
    }
    let result = match routine {
        Some(r) => Ok(Some(r)),
        None => plain.choose(catalog),
    }
    .and_then(|routine| match routine {
        Some(routine) => {
            let history = history_commands::load(&options.paths)
                .map(|(h, _)| h)
                .unwrap_or_default();
            let mut recorder = Recorder::new(store, &routine);
            plain.run(routine, &history, &mut recorder)
        }
        None => Ok(plain::Ended::Done),
    });
    plain.settle();
    drop(plain);
    release_stderr(capture, options.verbose);
    let _ = std::io::stdout().flush();
    result.map_err(io_err)
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
            say(&format!(
                "{}; see `unknot --help`",
                one_sentence(&e.render().to_string())
            ));
            ExitCode::from(2)
        }
    }
}
