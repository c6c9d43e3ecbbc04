//! `unknot desk` in plain lines: the same desk machine as the full screen. Between reminders it
//! waits on input with no wake-up but the next reminder's; answers are lines (b, z, k, q), and
//! a break taken runs the plain visit of the desk-break routine on the same input.

use std::io::{self, IsTerminal, Write};
use std::sync::mpsc::RecvTimeoutError;
use std::time::Instant;

use super::{Ended, Setup, run_on, watch};
use crate::desk::{Desk, Effect, Event, Rhythm};
use crate::error::AppError;
use crate::history;
use crate::routine::Routine;
use crate::sys::input::{self, Input};
use crate::sys::output::{Output, failed};
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
}

/// Runs the desk until `q`, the end of input, or a signal.
///
/// # Errors
/// Signals that cannot be watched; the lines can no longer be printed.
#[expect(
    clippy::disallowed_methods,
    reason = "plain desk's loop is where its clock lives: each event goes to the machine with the time it happened"
)]
pub fn desk(mut setup: DeskSetup) -> Result<Ended, AppError> {
    let (tx, rx) = watch()?;
    let mut out = Output::stdout();
    let mut desk = Desk::new(setup.rhythm, Instant::now());
    let rhythm = setup.rhythm;
    say(&mut out, &words::rhythm(rhythm.every, rhythm.snooze))?;
    waiting(&mut out, &desk, Instant::now())?;
    loop {
        let received = match desk.next_wakeup() {
            Some(wake) => rx.recv_timeout(wake.saturating_duration_since(Instant::now())),
            None => rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        let event = match received {
            Err(RecvTimeoutError::Timeout) | Ok(Input::Continued) => Event::Tick,
            Ok(Input::Line(line)) => match line.trim().to_ascii_lowercase().as_str() {
                "b" => Event::Take,
                "z" => Event::Snooze,
                "k" => Event::Skip,
                "q" => break,
                "" => continue,
                _ => {
                    say(&mut out, words::PLAIN_NOT_UNDERSTOOD)?;
                    continue;
                }
            },
            Ok(Input::Signal(s)) => return Ok(Ended::Signal(s)),
            Ok(Input::Suspend) => {
                input::stop_now().map_err(AppError::Terminal)?;
                Event::Tick
            }
            Ok(Input::Closed) | Err(RecvTimeoutError::Disconnected) => break,
            Ok(Input::Key(_) | Input::Resize | Input::Audio(_) | Input::HistoryRead) => continue,
        };
        let now = Instant::now();
        let before = desk.stage();
        for effect in desk.handle(event, now) {
            match effect {
                Effect::Ring => {
                    ring(setup.muted);
                    say(
                        &mut out,
                        &words::plain_prompt(desk.sitting(now), rhythm.snooze),
                    )?;
                }
                Effect::Record(line) => {
                    if let Err(problem) = (setup.record)(line) {
                        say(&mut out, &problem)?;
                    }
                }
                Effect::StartBreak => {
                    let visit = (setup.open_break)(setup.routine.clone());
                    if let Ended::Signal(s) = run_on(visit, tx.clone(), &rx)? {
                        return Ok(Ended::Signal(s));
                    }
                    desk.handle(Event::BreakOver, Instant::now());
                    say(&mut out, words::ON_BREAK_ENDED)?;
                }
            }
        }
        let said = match event {
            Event::Snooze if desk.stage() != before => Some(words::PLAIN_SNOOZED),
            Event::Skip if desk.stage() != before => Some(words::PLAIN_SKIPPED),
            _ => None,
        };
        if let Some(said) = said {
            say(&mut out, said)?;
        }
        if desk.stage() != before && desk.next_wakeup().is_some() {
            waiting(&mut out, &desk, Instant::now())?;
        }
    }
    say(&mut out, words::PLAIN_STOPPED)?;
    out.finish(Ok(()))?;
    Ok(Ended::Done)
}

/// "Next break at 10:45 …": the wall-clock time of the next reminder.
fn waiting(out: &mut impl Write, desk: &Desk, now: Instant) -> Result<(), AppError> {
    let Some(due) = desk.next_wakeup() else {
        return Ok(());
    };
    let left = chrono::TimeDelta::from_std(due.saturating_duration_since(now)).unwrap_or_default();
    let at = (history::now() + left).format("%H:%M").to_string();
    say(out, &words::plain_waiting(&at))
}

/// One line, flushed at once: a person is waiting on it.
fn say(out: &mut impl Write, line: &str) -> Result<(), AppError> {
    writeln!(out, "{line}")
        .and_then(|()| out.flush())
        .map_err(failed)
}

/// The terminal bell, on stderr where a person hears it, never into a file or a pipe.
fn ring(muted: bool) {
    if !muted && io::stderr().is_terminal() {
        let mut err = io::stderr();
        let _ = err.write_all(b"\x07").and_then(|()| err.flush());
    }
}
