//! `unknot desk` in plain lines: the same desk machine as the full screen. Between reminders it
//! waits on input with no wake-up but the next reminder's; answers are lines (b, z, k, q), and
//! a break taken runs the plain visit of the desk-break routine on the same input.

use std::fs::File;
use std::io::{IsTerminal, StdoutLock, Write};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::Instant;

use super::{Ended, Setup, run_on, watch};
use crate::audio::Bell;
use crate::desk::{Desk, Effect, Event, Rhythm};
use crate::error::AppError;
use crate::history;
use crate::routine::Routine;
use crate::session::Cue;
use crate::sys::input::{self, Input};
use crate::sys::output::{Output, failed};
use crate::sys::stderr::{self, StderrCapture};
use crate::text::desk as words;

/// What plain `unknot desk` needs, gathered by the command line.
pub struct DeskSetup {
    pub rhythm: Rhythm,
    /// The routine a break starts.
    pub routine: Routine,
    /// The plain visit's setup for one break: the history read again, opened for writing.
    pub open_break: Box<dyn FnMut(Routine) -> Setup>,
    /// Appends one line to the history; `Err` says why it could not be kept.
    pub record: Box<dyn FnMut(history::Event) -> Result<(), String>>,
    /// No bell at a reminder.
    pub muted: bool,
    /// Show what the sound system said, once the desk ends.
    pub verbose: bool,
}

/// Runs the desk until `q`, the end of input, or a signal.
///
/// # Errors
/// Signals that cannot be watched; the lines can no longer be printed.
#[expect(
    clippy::disallowed_methods,
    reason = "the desk starts counting the sitting now"
)]
pub fn desk(mut setup: DeskSetup) -> Result<Ended, AppError> {
    let (tx, rx) = watch()?;
    // What the sound system prints, while a break's device is still opening long after the
    // break, stays off the lines until the desk ends (shown with --verbose).
    let capture = StderrCapture::start().ok();
    // The bell rings where a person hears it, never into a file or a pipe.
    let bell = Bell::new(
        capture
            .as_ref()
            .and_then(|c| c.real_stderr().ok())
            .filter(|err| !setup.muted && err.is_terminal()),
    );
    let mut desk = Plain {
        out: Output::stdout(),
        desk: Desk::new(setup.rhythm, Instant::now()),
        bell,
    };
    let result = desk.run(&mut setup, &tx, &rx);
    stderr::release(capture, setup.verbose);
    let ended = result?;
    desk.say(words::PLAIN_STOPPED)?;
    desk.out.finish(Ok(()))?;
    Ok(ended)
}

struct Plain {
    out: Output<StdoutLock<'static>>,
    desk: Desk,
    /// On the real stderr, when it is a terminal.
    bell: Bell<File>,
}

impl Plain {
    #[expect(
        clippy::disallowed_methods,
        reason = "plain desk's loop is where its clock lives: each event goes to the machine with the time it happened"
    )]
    fn run(
        &mut self,
        setup: &mut DeskSetup,
        tx: &Sender<Input>,
        rx: &Receiver<Input>,
    ) -> Result<Ended, AppError> {
        let rhythm = setup.rhythm;
        self.say(&words::rhythm(rhythm.every, rhythm.snooze))?;
        self.waiting(Instant::now())?;
        loop {
            // Only the reminder wakes it: at the prompt the lines wait for an answer.
            let received = match self.desk.due() {
                Some(wake) => rx.recv_timeout(wake.saturating_duration_since(Instant::now())),
                None => rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
            };
            let event = match received {
                Err(RecvTimeoutError::Timeout) | Ok(Input::Continued) => Event::Tick,
                Ok(Input::Line(line)) => match line.trim().to_ascii_lowercase().as_str() {
                    "b" => Event::Take,
                    "z" => Event::Snooze,
                    "k" => Event::Skip,
                    "q" => return Ok(Ended::Done),
                    "" => continue,
                    _ => {
                        self.say(words::PLAIN_NOT_UNDERSTOOD)?;
                        continue;
                    }
                },
                Ok(Input::Signal(s)) => return Ok(Ended::Signal(s)),
                Ok(Input::Suspend) => {
                    input::stop_now().map_err(AppError::Terminal)?;
                    Event::Tick
                }
                Ok(Input::Closed) | Err(RecvTimeoutError::Disconnected) => {
                    return Ok(Ended::Done);
                }
                Ok(Input::Key(_) | Input::Resize | Input::Audio(_) | Input::HistoryRead) => {
                    continue;
                }
            };
            let before = self.desk.stage();
            let fx = self.desk.handle(event, Instant::now());
            if let Some(ended) = self.carry_out(fx, setup, tx, rx)? {
                return Ok(ended);
            }
            let said = match event {
                Event::Snooze if self.desk.stage() != before => Some(words::PLAIN_SNOOZED),
                Event::Skip if self.desk.stage() != before => Some(words::PLAIN_SKIPPED),
                _ => None,
            };
            if let Some(said) = said {
                self.say(said)?;
            }
            if self.desk.stage() != before && self.desk.due().is_some() {
                self.waiting(Instant::now())?;
            }
        }
    }

    /// The machine's effects; a break runs the plain visit on the same input. Returns how the
    /// desk ends, when a break ends it: a signal, or safety questions that kept the session
    /// from starting (their advice is on the lines above).
    #[expect(
        clippy::disallowed_methods,
        reason = "the break's end goes back to the machine with the time it ended"
    )]
    fn carry_out(
        &mut self,
        fx: Vec<Effect>,
        setup: &mut DeskSetup,
        tx: &Sender<Input>,
        rx: &Receiver<Input>,
    ) -> Result<Option<Ended>, AppError> {
        for effect in fx {
            match effect {
                Effect::Ring => {
                    self.bell.play(&[Cue::CheckIn]);
                    let sat = self.desk.sitting(Instant::now());
                    self.say(&words::plain_prompt(sat, setup.rhythm.snooze))?;
                }
                Effect::Record(line) => {
                    if let Err(problem) = (setup.record)(line) {
                        self.say(&problem)?;
                    }
                }
                Effect::StartBreak => {
                    let visit = (setup.open_break)(setup.routine.clone());
                    let ended = run_on(visit, tx.clone(), rx)?;
                    let moved = ended == Ended::Done;
                    let fx = self.desk.handle(Event::BreakOver { moved }, Instant::now());
                    self.carry_out(fx, setup, tx, rx)?;
                    if ended != Ended::Done {
                        return Ok(Some(ended));
                    }
                    self.say(words::ON_BREAK_ENDED)?;
                }
            }
        }
        Ok(None)
    }

    /// "Next break at 10:45 …": the wall-clock time of the next reminder.
    fn waiting(&mut self, now: Instant) -> Result<(), AppError> {
        let Some(at) = self.desk.due_at(now, history::now()) else {
            return Ok(());
        };
        self.say(&words::plain_waiting(&at.format("%H:%M").to_string()))
    }

    /// One line, flushed at once: a person is waiting on it.
    fn say(&mut self, line: &str) -> Result<(), AppError> {
        writeln!(self.out, "{line}")
            .and_then(|()| self.out.flush())
            .map_err(failed)
    }
}
