//! The visit as lines of text, for screen readers and scripts: the same visit machine and the
//! same timing as the full screen; answers are lines of standard input.
//!
//! This front end only turns input into the visit's events and carries out its effects: lines,
//! the end of input, signals and deadlines go in; printed lines, sounds and history lines come out.
//! When the lines can no longer be printed (the reader has gone, the disk is full), nobody can
//! follow the session: it ends as if interrupted, with everything answered kept in the history.

mod desk;
mod prompts;
mod weekly;

pub use desk::{DeskSetup, desk};
pub use weekly::weekly;

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, IsTerminal, StdoutLock, Write};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::Instant;

use crate::audio::{Audio, AudioSetup, Bell};
use crate::error::AppError;
use crate::history::{Digest, Store};
use crate::sys::input::{self, Input};
use crate::sys::output::Output;
use crate::sys::stderr::{self, StderrCapture};
use crate::sys::trace::{Moment, Trace};
use crate::text;
use crate::visit::{self, Effect, Ending, Event, Recorder, Visit};

/// How a plain run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    Done,
    /// A signal stopped it.
    Signal(i32),
    /// The safety questions did not let the session start.
    NotStarted,
}

/// What a plain run needs, gathered before it starts.
pub struct Setup {
    pub visit: visit::Setup,
    /// What has happened before, read once.
    pub history: Digest,
    /// The history, opened for writing, or why it cannot be.
    pub store: Result<Store, String>,
    pub audio: AudioSetup,
    /// Show what the sound system said, after the run.
    pub verbose: bool,
}

/// Runs a visit in plain lines, from the first question to the summary.
pub fn run(setup: Setup) -> Result<Ended, AppError> {
    let (tx, rx) = watch()?;
    run_on(setup, tx, &rx)
}

/// Lines of standard input and signals, on one channel.
fn watch() -> Result<(Sender<Input>, Receiver<Input>), AppError> {
    let (tx, rx) = input::channel_pair();
    input::watch_signals(tx.clone()).map_err(AppError::Terminal)?;
    input::watch_suspend(tx.clone()).map_err(AppError::Terminal)?;
    input::watch_lines(tx.clone(), io::BufReader::new(io::stdin()));
    Ok((tx, rx))
}

/// A visit on input already watched: `tx` for the sound device to say it opened, `rx` for
/// everything that comes in.
fn run_on(setup: Setup, tx: Sender<Input>, rx: &Receiver<Input>) -> Result<Ended, AppError> {
    if let Err(problem) = &setup.store {
        stderr::say(&text::history::history_not_saved(problem));
    }
    let capture = StderrCapture::start().ok();
    let real_stderr = || capture.as_ref().and_then(|c| c.real_stderr().ok());
    // The bell rings only where a person hears it, never into a file or a pipe.
    let bell = Bell::new(real_stderr().filter(IsTerminal::is_terminal));
    let notes = setup.audio.notes.clone();
    let audio = Audio::start(setup.audio, bell, move |opened| {
        let _ = tx.send(Input::Audio(opened));
    });
    let recorder = Recorder::new(setup.store);
    let mut plain = Plain {
        out: Output::stdout(),
        audio,
        notes: real_stderr(),
        rx,
        told_problem: recorder.problem().map(String::from),
        recorder: Some(recorder),
        unsaved: None,
        signal: None,
        ending: None,
        trace: Trace::from_env(),
        disconnected: false,
    };
    for note in &notes {
        plain.note(note);
    }
    let result = plain.run(setup.visit, &setup.history);
    // The last hold's end and the completion chime are heard out, unless a signal asked to
    // stop now.
    if plain.signal.is_none() {
        plain.audio.finish(crate::audio::FINISH_LIMIT);
    }
    plain.audio.settle(crate::audio::SETTLE_LIMIT);
    let printed = plain.out.finish(Ok(()));
    drop(plain);
    stderr::release(capture, setup.verbose);
    let ended = result.map_err(AppError::Terminal)?;
    printed.map(|()| ended)
}

struct Plain<'a> {
    /// The visit's lines; a failure to print them is kept there, and ends the visit.
    out: Output<StdoutLock<'static>>,
    /// Cues and voice; the bell, if it rings, rings on the real stderr.
    audio: Audio<File>,
    /// The real stderr, for notes that are not part of the visit's text.
    notes: Option<File>,
    rx: &'a Receiver<Input>,
    /// Until the visit lets the history go.
    recorder: Option<Recorder>,
    /// The saving problem last told, so each is said once, when it starts.
    told_problem: Option<String>,
    /// Why part of the session is not in the history, once the visit let it go.
    unsaved: Option<String>,
    signal: Option<i32>,
    ending: Option<Ending>,
    /// Phase boundaries, due and reached, when `UNKNOT_TRACE` asks for them.
    trace: Trace,
    /// Every sender has gone: nothing more can arrive.
    disconnected: bool,
}

impl Plain<'_> {
    #[expect(
        clippy::disallowed_methods,
        reason = "plain mode's loop is where its clock lives: each event goes to the visit with the time it happened"
    )]
    fn run(&mut self, setup: visit::Setup, history: &Digest) -> io::Result<Ended> {
        let past = visit::Past::of(history, setup.now);
        let (mut visit, fx) = Visit::begin(setup, Some(past));
        self.carry_out(&mut visit, fx);
        while self.ending.is_none() {
            // Each interruption takes the visit a stage nearer its end, keeping what it can.
            let event = if self.out.failure().is_some() {
                Event::Interrupt
            } else {
                self.next_event(&visit)
            };
            let suspend = event == Event::Suspend;
            let fx = visit.handle(event, Instant::now());
            self.carry_out(&mut visit, fx);
            if suspend {
                // Paused first, so the time away is not counted.
                input::stop_now()?;
                let fx = visit.handle(Event::Continued, Instant::now());
                self.carry_out(&mut visit, fx);
            }
        }
        Ok(match (self.signal, self.ending) {
            (Some(s), _) => Ended::Signal(s),
            (None, Some(Ending::NotStarted { .. })) => Ended::NotStarted,
            _ => Ended::Done,
        })
    }

    /// Waits for what happens next: a line, the end of input, a deadline or a signal.
    #[expect(
        clippy::disallowed_methods,
        reason = "waiting for the next deadline starts from the time now"
    )]
    fn next_event(&mut self, visit: &Visit) -> Event {
        loop {
            let now = Instant::now();
            let received = match visit.next_wakeup(now) {
                Some(wake) => self.rx.recv_timeout(wake.saturating_duration_since(now)),
                None => self.rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
            };
            match received {
                Ok(Input::Line(line)) => return Event::Line(line),
                Ok(Input::Closed) => return Event::InputEnded,
                Ok(Input::Signal(s)) => {
                    self.signal = Some(s);
                    return Event::Interrupt;
                }
                Ok(Input::Suspend) => return Event::Suspend,
                Ok(Input::Audio(opened)) => self.audio_opened(&opened),
                Ok(Input::Key(_) | Input::Resize | Input::Continued | Input::HistoryRead) => {}
                Err(RecvTimeoutError::Timeout) => return Event::Tick,
                Err(RecvTimeoutError::Disconnected) => {
                    if let Some(wake) = visit.next_wakeup(now) {
                        std::thread::sleep(wake.saturating_duration_since(now));
                        return Event::Tick;
                    }
                    // Nothing more can come: the questions end, and then the visit with them.
                    let first = !std::mem::replace(&mut self.disconnected, true);
                    return if first {
                        Event::InputEnded
                    } else {
                        Event::Interrupt
                    };
                }
            }
        }
    }

    #[expect(
        clippy::disallowed_methods,
        reason = "the history's opening goes back to the visit with the time now, and the trace notes when a boundary was really reached"
    )]
    /// Every effect is carried out, even after the lines can no longer be printed, so that
    /// nothing of the batch is left out of the history; `out` keeps the failure.
    fn carry_out(&mut self, visit: &mut Visit, fx: Vec<Effect>) {
        let mut batches = VecDeque::from([fx]);
        while let Some(fx) = batches.pop_front() {
            let cues = Effect::cues(&fx);
            self.audio.play(&cues);
            if let (false, Some(session)) = (cues.is_empty(), visit.session()) {
                self.trace.moment(Moment::Cue, session, Instant::now());
            }
            let mut speech = None;
            let mut recorded = false;
            for effect in fx {
                match effect {
                    Effect::Cue(_) => {}
                    Effect::Announce(a) => {
                        if let Some(routine) = visit.routine() {
                            let _ = prompts::announce(&mut self.out, &a, routine);
                        }
                    }
                    Effect::Speak(words) => speech = Some(words),
                    Effect::Record(event) => {
                        if let Some(recorder) = &mut self.recorder {
                            recorder.record(event);
                            recorded = true;
                        }
                        self.tell_saving_problem();
                    }
                    Effect::Say(said) => {
                        let unsaved = self.unsaved.as_deref();
                        let _ = prompts::say(&mut self.out, &said, visit, unsaved);
                    }
                    // Opened before the visit began, so that a refused history is said first.
                    Effect::OpenHistory => {
                        batches.push_back(visit.handle(Event::Opened(Ok(())), Instant::now()));
                    }
                    Effect::CloseHistory => {
                        if let Some(recorder) = self.recorder.take() {
                            self.unsaved = recorder.unsaved();
                        }
                    }
                    Effect::Over(ending) => self.ending = Some(ending),
                }
            }
            let _ = self.out.flush();
            if let (true, Some(session)) = (recorded, visit.session()) {
                self.trace.moment(Moment::Synced, session, Instant::now());
            }
            if let Some(words) = speech {
                self.audio.say(words);
            }
            if let Some(session) = visit.session() {
                self.trace.note(session, Instant::now());
            }
        }
    }

    fn audio_opened(&mut self, opened: &Result<(), String>) {
        self.audio.opened(opened);
        // Muted, there is nothing to ring and no way to unmute: the bell is not worth a word.
        if opened.is_err() && !self.audio.is_muted() {
            self.note(text::sound::NO_SOUND_DEVICE);
        }
    }

    /// Tells the person something on stderr, off the visit's own lines.
    fn note(&mut self, note: &str) {
        if let Some(err) = &mut self.notes {
            let _ = writeln!(err, "unknot: {note}");
        }
    }

    /// A save that fails, said on stderr when it starts failing; the session goes on.
    fn tell_saving_problem(&mut self) {
        let problem = self.recorder.as_ref().and_then(Recorder::problem);
        if problem == self.told_problem.as_deref() {
            return;
        }
        let problem = problem.map(String::from);
        if let Some(p) = &problem {
            self.note(p);
        }
        self.told_problem = problem;
    }
}
