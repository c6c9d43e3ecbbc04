//! `unknot desk` in the full screen: the desk machine between breaks, and the app for each
//! desk break. It carries out the machine's effects: a ring, a history line, a break started.
//! Nothing wakes it between prompts, and the sound device is open only while it rings or a
//! break runs, so sitting costs no processor time.

use std::io::Stdout;
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use super::screen::{App, Ended, Setup};
use super::{Front, start_audio};
use crate::audio::{Audio, AudioSetup, Bell};
use crate::desk::{Desk, Effect, Event, Rhythm, Stage};
use crate::history;
use crate::routine::Routine;
use crate::session::Cue;
use crate::sys::input::Input;
use crate::text;
use crate::ui::desk::DeskView;
use crate::ui::keys::{self, Act, Context};
use crate::ui::{self, Theme};

/// How long the sound device stays open after a ring, for the chime to play out.
const RING_PLAYS: Duration = Duration::from_secs(4);

/// What `unknot desk` needs, gathered by the command line.
pub struct DeskSetup {
    pub rhythm: Rhythm,
    /// The routine a break starts.
    pub routine: Routine,
    /// The app's setup for one break: the history read again, opened for writing.
    pub open_break: Box<dyn FnMut(Routine) -> Setup>,
    /// Sounds and voice, from the settings, each time the device is opened.
    pub audio: Box<dyn FnMut() -> AudioSetup>,
    /// Appends one line to the history; `Err` says why it could not be kept.
    pub record: Box<dyn FnMut(history::Event) -> Result<(), String>>,
    /// Start quiet: no chime and no bell.
    pub muted: bool,
    pub theme: Theme,
}

pub struct DeskApp {
    desk: Desk,
    setup: DeskSetup,
    tx: Sender<Input>,
    /// The sound device, open from a ring until the chime has played or a break takes it.
    ringing: Option<(Audio<Stdout>, Instant)>,
    /// The desk break, while it runs.
    on_break: Option<App>,
    /// The last thing to tell: a line not saved.
    notice: Option<String>,
    /// Advice a break's safety questions led to: the desk ends, and leaves it on the terminal.
    farewell: Option<String>,
    too_small: bool,
    signal: Option<i32>,
    done: bool,
}

impl DeskApp {
    pub fn new(setup: DeskSetup, tx: Sender<Input>, now: Instant) -> DeskApp {
        DeskApp {
            desk: Desk::new(setup.rhythm, now),
            setup,
            tx,
            ringing: None,
            on_break: None,
            notice: None,
            farewell: None,
            too_small: false,
            signal: None,
            done: false,
        }
    }

    fn feed(&mut self, event: Event, now: Instant) {
        for effect in self.desk.handle(event, now) {
            match effect {
                Effect::Ring => self.ring(now),
                Effect::Record(line) => {
                    self.notice = (self.setup.record)(line).err();
                }
                Effect::StartBreak => self.start_break(now),
            }
        }
    }

    /// The terminal bell always (it also marks the window or tab as wanting attention), and a
    /// chime on the sound device, opened for it.
    fn ring(&mut self, now: Instant) {
        if self.setup.muted {
            return;
        }
        Bell::new(Some(std::io::stdout())).play(&[Cue::CheckIn]);
        let mut audio = start_audio((self.setup.audio)(), self.tx.clone());
        audio.play(&[Cue::CheckIn]);
        self.ringing = Some((audio, now + RING_PLAYS));
    }

    fn start_break(&mut self, now: Instant) {
        let audio = match self.ringing.take() {
            Some((audio, _)) => audio,
            None => start_audio((self.setup.audio)(), self.tx.clone()),
        };
        let setup = (self.setup.open_break)(self.setup.routine.clone());
        self.notice = None;
        self.on_break = Some(App::new(setup, audio, now, Some(self.tx.clone())));
    }

    /// After anything the break was given: once it is over, back to sitting, with what it
    /// left to say.
    fn after_break(&mut self, now: Instant) {
        if !self.on_break.as_ref().is_some_and(App::is_done) {
            return;
        }
        let Some(app) = self.on_break.take() else {
            return;
        };
        // The screen stays unknot's, so nothing waits for the sound device to settle.
        let ended = app.ended();
        self.notice = ended.unsaved;
        self.feed(
            Event::BreakOver {
                moved: ended.session_began,
            },
            now,
        );
        // Advice to see a doctor outweighs a reminder to stand up: it is left on the terminal,
        // as when a routine is started from the command line.
        if ended.farewell.is_some() {
            self.farewell = ended.farewell;
            self.done = true;
        }
    }

    fn context(&self) -> Context {
        match self.desk.stage() {
            Stage::Prompt { .. } => Context::DeskPrompt,
            Stage::Sitting { .. } | Stage::OnBreak { .. } => Context::DeskSitting,
        }
    }

    /// The wall-clock time of the next prompt: now on the wall clock, plus what is left of the
    /// monotonic wait, so a jump of the wall clock shows at the next frame.
    fn next_at(&self, now: Instant) -> Option<String> {
        let at = self.desk.due_at(now, history::now())?;
        Some(at.format("%H:%M").to_string())
    }
}

impl Front for DeskApp {
    fn set_size(&mut self, area: Rect, now: Instant) {
        match &mut self.on_break {
            Some(app) => app.set_size(area, now),
            None => self.too_small = ui::too_small(area),
        }
    }

    fn draw(&self, frame: &mut Frame, now: Instant) {
        if let Some(app) = &self.on_break {
            return app.draw(frame, now);
        }
        let area = frame.area();
        if self.too_small {
            return ui::render_too_small_saying(
                text::desk::TOO_SMALL_MEANWHILE,
                area,
                frame.buffer_mut(),
                self.setup.theme,
            );
        }
        let view = DeskView {
            desk: &self.desk,
            sitting: self.desk.sitting(now),
            next_at: self.next_at(now),
            routine: &self.setup.routine.title,
            length: self.setup.routine.planned_duration(),
            notice: self.notice.as_deref(),
        };
        ui::desk::render(&view, self.setup.theme, area, frame.buffer_mut());
    }

    fn is_done(&self) -> bool {
        self.done
    }

    fn next_wakeup(&self, now: Instant) -> Option<Instant> {
        if let Some(app) = &self.on_break {
            return app.next_wakeup(now);
        }
        let quiet = self.ringing.as_ref().map(|(_, until)| *until);
        match (self.desk.next_wakeup(now), quiet) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    fn tick(&mut self, now: Instant) {
        if let Some(app) = &mut self.on_break {
            app.tick(now);
            return self.after_break(now);
        }
        if self
            .ringing
            .as_ref()
            .is_some_and(|(_, until)| now >= *until)
        {
            self.ringing = None;
        }
        self.feed(Event::Tick, now);
    }

    fn on_key(&mut self, key: &KeyEvent, now: Instant) -> bool {
        if let Some(app) = &mut self.on_break {
            let changed = app.on_key(key, now);
            self.after_break(now);
            return changed;
        }
        let Some(act) = keys::lookup(self.context(), key) else {
            return false;
        };
        match act {
            Act::Leave | Act::Stop => self.done = true,
            Act::Desk(event) if !self.too_small => self.feed(event, now),
            _ => return false,
        }
        true
    }

    fn on_signal(&mut self, signal: i32, now: Instant) {
        if let Some(app) = &mut self.on_break {
            app.on_signal(signal, now);
        }
        self.signal = Some(signal);
        self.done = true;
    }

    fn suspend(&mut self, now: Instant) {
        if let Some(app) = &mut self.on_break {
            app.suspend(now);
        }
    }

    fn continued(&mut self, now: Instant) {
        match &mut self.on_break {
            Some(app) => app.continued(now),
            // A break that fell due while stopped is asked for now.
            None => self.feed(Event::Tick, now),
        }
    }

    fn audio_opened(&mut self, opened: &Result<(), String>) {
        match (&mut self.on_break, &mut self.ringing) {
            (Some(app), _) => app.audio_opened(opened),
            (None, Some((audio, _))) => audio.opened(opened),
            (None, None) => {}
        }
    }

    fn take_history(&mut self, now: Instant) {
        if let Some(app) = &mut self.on_break {
            app.take_history(now);
        }
    }

    fn finish(self) -> Ended {
        let signal = self.signal;
        if let Some(app) = self.on_break {
            return Ended {
                signal,
                ..app.finish()
            };
        }
        // Not waiting for a sound device still opening after a ring: leaving must be at once,
        // and the process ends with it.
        Ended {
            signal,
            unsaved: self.notice,
            farewell: self.farewell,
            session_began: false,
        }
    }
}
