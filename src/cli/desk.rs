//! `unknot desk`: the sitting-break reminder, full screen or in plain lines. Everything the
//! front ends touch in the world is gathered here: the settings, the break's routine, and how
//! to read and write the history for each break.

use std::process::ExitCode;
use std::rc::Rc;
use std::time::Duration;

use uuid::Uuid;

use super::history::{open_store, reader};
use super::routines;
use super::start::{Flags, Options, exit_code, load_or_say_why};
use crate::app;
use crate::desk::Rhythm;
use crate::error::AppError;
use crate::history::{self, Store};
use crate::plain;
use crate::routine::Routine;
use crate::sys::paths::Paths;
use crate::sys::stderr::{self, StderrCapture, say};
use crate::ui::Theme;
use crate::ui::home::Home;
use crate::visit::{self, Pace, Recorder};

/// What the command line asked for; what it left out comes from the settings.
pub struct Asked {
    pub every: Option<Duration>,
    pub snooze: Option<Duration>,
    pub routine: Option<String>,
}

/// Runs the desk until the person leaves it.
///
/// # Errors
/// Settings that cannot be read, a routine that cannot be found, a terminal that cannot be used.
pub fn run(paths: &Paths, flags: Flags, asked: &Asked) -> Result<ExitCode, AppError> {
    let options = Options::load(paths, flags)?;
    let settings = &options.config.desk;
    let catalog = options.catalog();
    let routine = routines::resolve(
        &catalog,
        asked.routine.as_deref().unwrap_or(&settings.routine),
    )?;
    let minutes = |m: u32| Duration::from_secs(u64::from(m) * 60);
    let rhythm = Rhythm {
        every: asked.every.unwrap_or(minutes(settings.every)),
        snooze: asked.snooze.unwrap_or(minutes(settings.snooze)),
    };
    let options = Rc::new(options);
    if options.interactive {
        full_screen(&options, rhythm, routine)
    } else {
        plain_lines(&options, rhythm, routine)
    }
}

fn full_screen(
    options: &Rc<Options>,
    rhythm: Rhythm,
    routine: Routine,
) -> Result<ExitCode, AppError> {
    let capture = StderrCapture::start().ok();
    let for_break = Rc::clone(options);
    let for_audio = Rc::clone(options);
    let paths = options.paths.clone();
    let ended = app::desk(app::DeskSetup {
        rhythm,
        routine,
        open_break: Box::new(move |routine| {
            let writer = for_break.paths.clone();
            app::Setup {
                home: Home::new(Vec::new(), 0),
                start: app::Start::Routine(routine),
                read: reader(&for_break.paths),
                store: Some(store_or_why(&for_break.paths)),
                open_store: Box::new(move || open_store(&writer)),
                theme: Theme::new(for_break.config.theme),
                notices: for_break.audio().1,
            }
        }),
        audio: Box::new(move || for_audio.audio().0),
        record: Box::new(move |line| record(&paths, line)),
        muted: options.mute,
        theme: Theme::new(options.config.theme),
    });
    stderr::release(capture, options.verbose);
    let ended = ended?;
    if let Some(unsaved) = ended.unsaved {
        say(&unsaved);
    }
    if let Some(advice) = ended.farewell {
        crate::sys::output::print_line(&advice)?;
    }
    Ok(exit_code(ended.signal))
}

#[expect(
    clippy::disallowed_methods,
    reason = "a plain break's visit id is made here, as the person takes the break"
)]
fn plain_lines(
    options: &Rc<Options>,
    rhythm: Rhythm,
    routine: Routine,
) -> Result<ExitCode, AppError> {
    let for_break = Rc::clone(options);
    let paths = options.paths.clone();
    let ended = plain::desk(plain::DeskSetup {
        rhythm,
        routine,
        open_break: Box::new(move |routine| {
            let (history, notice) = load_or_say_why(&for_break.paths);
            if let Some(notice) = notice {
                say(&notice);
            }
            plain::Setup {
                visit: visit::Setup {
                    entries: Vec::new(),
                    routine: Some(routine),
                    id: Uuid::now_v7(),
                    now: history::now(),
                    pace: Pace::Lines,
                },
                history,
                store: store_or_why(&for_break.paths),
                audio: for_break.audio().0,
                verbose: for_break.verbose,
            }
        }),
        record: Box::new(move |line| record(&paths, line)),
        muted: options.mute,
        verbose: options.verbose,
    })?;
    Ok(match ended {
        plain::Ended::Signal(s) => exit_code(Some(s)),
        plain::Ended::Done => ExitCode::SUCCESS,
        // As after `unknot start`: the safety questions kept the session from starting.
        plain::Ended::NotStarted => ExitCode::from(1),
    })
}

/// The history opened for a break's visit, or why it cannot be: a refused history (a link,
/// another user's file) is said as the reason, and the break goes on without saving.
fn store_or_why(paths: &Paths) -> Result<Store, String> {
    open_store(paths).unwrap_or_else(|e| Err(e.to_string()))
}

/// One line appended to the history, or why it was not kept.
fn record(paths: &Paths, line: history::Event) -> Result<(), String> {
    let mut recorder = Recorder::new(store_or_why(paths));
    recorder.record(line);
    recorder.unsaved().map_or(Ok(()), Err)
}
