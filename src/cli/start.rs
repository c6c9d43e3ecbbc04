//! Starting unknot proper: the home screen, a routine, or the review; full screen, or plain lines
//! when asked or when the output is not a terminal. Everything the front ends need is gathered
//! here once: the settings, the routines, the history (read once), the history opened for writing.

use std::process::ExitCode;

use ratatui::symbols::Marker;
use uuid::Uuid;

use super::history::{check, digest, open_store, reader};
use super::routines;
use crate::app;
use crate::audio::{AudioSetup, Sounds, Voice};
use crate::config::Config;
use crate::error::AppError;
use crate::history;
use crate::plain;
use crate::routine::{Catalog, Routine};
use crate::sys::paths::Paths;
use crate::sys::stderr::{self, StderrCapture, say};
use crate::text;
use crate::ui::Theme;
use crate::ui::home::Home;
use crate::ui::notices::Notice;
use crate::visit::{self, Pace};

/// The command line's global switches.
#[derive(Debug, Clone, Copy)]
pub struct Flags {
    pub plain: bool,
    pub mute: bool,
    pub voice: bool,
    pub verbose: bool,
}

impl Flags {
    /// Whether to draw the full screen: not asked for plain lines, and on a terminal that can
    /// be drawn on (not `TERM=dumb`, nor unset).
    pub fn full_screen(self) -> bool {
        !self.plain && crate::sys::terminal::can_draw()
    }
}

/// The command line and the settings, together.
#[derive(Clone)]
pub struct Options {
    pub paths: Paths,
    /// Full screen; otherwise plain lines.
    pub interactive: bool,
    pub verbose: bool,
    pub config: Config,
    pub mute: bool,
    pub voice: bool,
}

impl Options {
    /// Reads the settings file.
    ///
    /// # Errors
    /// A settings file that cannot be read or is not valid, with its line and column.
    pub fn load(paths: &Paths, flags: Flags) -> Result<Options, AppError> {
        let config = Config::load(paths.config_file.as_deref())?;
        Ok(Options {
            interactive: flags.full_screen(),
            verbose: flags.verbose,
            mute: flags.mute || config.muted,
            voice: flags.voice || config.voice,
            config,
            paths: paths.clone(),
        })
    }

    /// How figures are drawn here: as the settings say, in braille unless the terminal is the
    /// Linux console, whose fonts have none; `None` when they are off.
    pub fn figure_marker(&self) -> Option<Marker> {
        self.config
            .figures
            .marker(crate::sys::terminal::has_braille())
    }

    /// Every routine, with the settings applied.
    pub fn catalog(&self) -> Catalog {
        routines::catalog(&self.paths).with_lead_in(self.config.lead_in)
    }

    /// Sounds and voice from the settings, with what to tell the person about them; the same
    /// as notices, in full and short, for the session screen's edge.
    pub(super) fn audio(&self) -> (AudioSetup, Vec<Notice>) {
        let (sounds, unused) = Sounds::load(&self.config.sounds);
        let mut notices: Vec<Notice> = unused
            .into_iter()
            .map(|n| Notice::new(n, text::sound::SOUND_FILE_SHORT))
            .collect();
        let voice = if self.voice {
            let (voice, note) = Voice::start(
                self.config.voice_command.as_deref(),
                self.config.voice_name.as_deref(),
                self.config.voice_rate,
            );
            notices.extend(note.map(|n| Notice::new(n, text::sound::NO_VOICE_SHORT)));
            voice
        } else {
            Voice::off()
        };
        let audio = AudioSetup {
            sounds,
            voice,
            gain: self.config.gain(),
            muted: self.mute,
            notes: notices.iter().map(|n| n.full.to_string()).collect(),
        };
        (audio, notices)
    }
}

/// The home screen, or in plain lines the list of routines to choose from.
pub fn home(paths: &Paths, flags: Flags) -> Result<ExitCode, AppError> {
    let options = Options::load(paths, flags)?;
    let catalog = options.catalog();
    if catalog.entries.is_empty() {
        say(text::routine::ERR_NO_ROUTINES);
        return Ok(ExitCode::from(1));
    }
    visit(&options, catalog, None)
}

/// A routine by name, title or path, started at once.
pub fn routine(paths: &Paths, flags: Flags, wanted: &str) -> Result<ExitCode, AppError> {
    let options = Options::load(paths, flags)?;
    let catalog = options.catalog();
    let routine = routines::resolve(&catalog, wanted)?;
    visit(&options, catalog, Some(routine))
}

/// The weekly check: full screen, or in plain lines.
pub fn weekly(paths: &Paths, flags: Flags) -> Result<ExitCode, AppError> {
    let options = Options::load(paths, flags)?;
    if !options.interactive {
        let (history, notice) = load_or_say_why(paths);
        if let Some(notice) = notice {
            say(&notice);
        }
        let known = history::known_activities(&history.weekly);
        let ended = plain::weekly(&known, open_store(paths)?)?;
        return Ok(match ended {
            plain::Ended::Signal(s) => exit_code(Some(s)),
            plain::Ended::Done | plain::Ended::NotStarted => ExitCode::SUCCESS,
        });
    }
    full_screen(&options, Home::new(Vec::new(), 0), app::Start::Weekly, None)
}

/// The review of past sessions, full screen.
pub fn review(options: &Options) -> Result<ExitCode, AppError> {
    check(&options.paths)?;
    full_screen(options, Home::new(Vec::new(), 0), app::Start::Review, None)
}

#[expect(
    clippy::disallowed_methods,
    reason = "a plain visit's id is made here, as the command line starts it"
)]
fn visit(
    options: &Options,
    catalog: Catalog,
    routine: Option<Routine>,
) -> Result<ExitCode, AppError> {
    let paths = &options.paths;
    if options.interactive {
        // Started straight into a routine, a refused history is said before the terminal is
        // taken over; from the home screen, when a routine is chosen.
        let store = routine.is_some().then(|| open_store(paths)).transpose()?;
        let home = Home::new(catalog.entries, catalog.broken.len());
        let start = routine.map_or(app::Start::Home, app::Start::Routine);
        return full_screen(options, home, start, store);
    }
    let store = open_store(paths)?;
    let (history, notice) = load_or_say_why(paths);
    if let Some(notice) = notice {
        say(&notice);
    }
    let used = !history.sessions.is_empty() || !history.logs.is_empty();
    if routine.is_none() && used && history::weekly_due(&history.weekly, history::now()) {
        crate::sys::output::print_line(text::weekly::PLAIN_OFFER)?;
    }
    let ended = plain::run(plain::Setup {
        visit: visit::Setup {
            entries: catalog.entries,
            routine,
            id: Uuid::now_v7(),
            now: history::now(),
            pace: Pace::Lines,
        },
        history,
        store,
        audio: options.audio().0,
        verbose: options.verbose,
    })?;
    Ok(match ended {
        plain::Ended::Done => ExitCode::SUCCESS,
        plain::Ended::Signal(s) => exit_code(Some(s)),
        // The safety questions kept the session from starting.
        plain::Ended::NotStarted => ExitCode::from(1),
    })
}

/// The history for a visit, and what to tell about it: lines skipped, or why it could not be
/// read at all. A session goes on without the past; the person is told, not left to wonder why
/// it is empty.
pub(super) fn load_or_say_why(paths: &Paths) -> (history::Digest, Option<String>) {
    digest(paths).unwrap_or_else(|e| (history::Digest::default(), Some(e.to_string())))
}

fn full_screen(
    options: &Options,
    home: Home,
    start: app::Start,
    store: Option<Result<history::Store, String>>,
) -> Result<ExitCode, AppError> {
    let writer = options.paths.clone();
    let capture = StderrCapture::start().ok();
    let (audio, notices) = options.audio();
    let setup = app::Setup {
        home,
        start,
        read: reader(&options.paths),
        store,
        open_store: Box::new(move || open_store(&writer)),
        theme: Theme::new(options.config.theme).with_figures(options.figure_marker()),
        notices,
    };
    let ended = app::run(setup, audio);
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

/// 0, or 128 + the signal that stopped the session, as a shell reports it.
pub(super) fn exit_code(signal: Option<i32>) -> ExitCode {
    signal.map_or(ExitCode::SUCCESS, |s| {
        ExitCode::from(128u8.saturating_add(u8::try_from(s).unwrap_or(0)))
    })
}
