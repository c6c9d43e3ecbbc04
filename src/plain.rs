//! The session as lines of text, for screen readers and scripts. Same engine, same timing;
//! check-ins read a line from standard input.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, Write};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::Instant;

use crate::audio::Audio;
use crate::checkin::{self, Form, Question};
use crate::history::{History, SafetyCheck, SafetyResult};
use crate::input::{self, Input};
use crate::recorder::Recorder;
use crate::routine::{Catalog, Routine};
use crate::safety::{self, Answer as SafetyAnswer, Screening, Stage};
use crate::session::{Announcement, Effect, Event, Key, Overlay, PainChoice, PhaseKind, Session};
use crate::summary::Summary;
use crate::text;
use crate::trace::Trace;

/// How a plain run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    Done,
    /// A signal stopped it.
    Signal(i32),
    /// The safety questions did not let the session start.
    NotStarted,
}

pub struct Plain<'a, W: Write> {
    out: W,
    /// Cues and voice; the bell, if it rings, rings on the real stderr.
    audio: Audio<File>,
    /// The real stderr, for notes that are not part of the session's text.
    notes: Option<File>,
    rx: &'a Receiver<Input>,
    pending: VecDeque<String>,
    input_ended: bool,
    /// The person has been told that the remaining check-ins are skipped.
    told_input_ended: bool,
    signal: Option<i32>,
    /// The saving problem last told, so each is said once, when it starts.
    told_problem: Option<String>,
}

enum Answer {
    Line(String),
    Ended,
    Signal(i32),
}

impl<'a, W: Write> Plain<'a, W> {
    /// Sound and notes go to stderr, so the text on stdout stays clean for scripts.
    pub fn new(out: W, rx: &'a Receiver<Input>, audio: Audio<File>, notes: Option<File>) -> Self {
        Plain {
            out,
            audio,
            notes,
            rx,
            pending: VecDeque::new(),
            input_ended: false,
            told_input_ended: false,
            signal: None,
            told_problem: None,
        }
    }

    /// Lists the routines and reads a choice; `None` when input ends first.
    pub fn choose(&mut self, catalog: &Catalog) -> io::Result<Option<Routine>> {
        for (n, entry) in catalog.entries.iter().enumerate() {
            let r = &entry.routine;
            writeln!(
                self.out,
                "{}. {}",
                n + 1,
                text::home_line(&r.title, r.level, r.planned_duration())
            )?;
        }
        loop {
            writeln!(self.out, "{}", text::PLAIN_HOME_PROMPT)?;
            self.out.flush()?;
            let line = match self.next_line() {
                Answer::Line(line) => line,
                Answer::Ended | Answer::Signal(_) => return Ok(None),
            };
            let chosen = line
                .trim()
                .parse::<usize>()
                .ok()
                .and_then(|n| n.checked_sub(1))
                .and_then(|i| catalog.entries.get(i));
            match chosen {
                Some(entry) => return Ok(Some(entry.routine.clone())),
                None => writeln!(self.out, "{}", text::PLAIN_HOME_INVALID)?,
            }
        }
    }

    /// Runs the session; returns the signal that stopped it, if one did.
    /// Runs the session with its check-ins; returns the signal that stopped it, if one did.
    pub fn run(
        &mut self,
        routine: Routine,
        history: &History,
        recorder: &mut Recorder,
    ) -> io::Result<Ended> {
        // Said on stderr already, before anything else.
        self.told_problem = recorder.problem().map(String::from);
        writeln!(self.out, "{}", text::plain_intro(&routine))?;
        let gate = safety::gate(history, crate::history::now());
        if !self.screen(Screening::new(gate), recorder)? {
            return Ok(match self.signal {
                Some(s) => Ended::Signal(s),
                None => Ended::NotStarted,
            });
        }
        if safety::needs_cautions(history, &routine) {
            writeln!(self.out, "{}:", text::CAUTIONS_TITLE)?;
            for caution in text::CAUTIONS {
                writeln!(self.out, "  {caution}")?;
            }
            recorder.safety(SafetyCheck::cautions_shown());
        }
        self.ask(Form::before(recorder.session()), recorder)?;
        if let Some(signal) = self.signal {
            recorder.abandon();
            return Ok(Ended::Signal(signal));
        }
        let (mut session, fx) = Session::begin(routine, Instant::now());
        session.set_baseline(recorder.before().0);
        let mut trace = Trace::from_env();
        trace.note(&session, Instant::now());
        self.carry_out(&session, fx, recorder)?;
        while session.outcome().is_none() {
            let event = self.next_event(&session, recorder)?;
            let fx = session.handle(event, Instant::now());
            trace.note(&session, Instant::now());
            self.carry_out(&session, fx, recorder)?;
            // Paused first, so the time away is not counted.
            if event == Event::Suspend {
                self.stop()?;
            }
        }
        if self.signal.is_none() {
            self.ask(Form::after(recorder.session()), recorder)?;
        }
        let summary = Summary::new(session.routine(), recorder.view(), recorder.unsaved());
        self.print_summary(&summary)?;
        Ok(self.signal.map_or(Ended::Done, Ended::Signal))
    }

    /// The red-flag questions, a line each. Returns whether the session may start: only a
    /// clear "no" counts as no, and running out of input means the questions were not answered.
    fn screen(&mut self, mut screening: Screening, recorder: &mut Recorder) -> io::Result<bool> {
        let mut asked = None;
        loop {
            let stage = screening.stage();
            if asked != Some(stage) {
                asked = Some(stage);
                self.say_stage(stage)?;
            }
            let (answer, finished) = match stage {
                Stage::Done(_) => break,
                Stage::EmergencyAdvice => (Some(SafetyAnswer::Enter), true),
                _ => match self.next_line() {
                    Answer::Line(line) => (self.read_answer(stage, &line), false),
                    Answer::Signal(s) => {
                        self.signal = Some(s);
                        break;
                    }
                    Answer::Ended => {
                        self.input_ended = true;
                        break;
                    }
                },
            };
            match answer {
                Some(answer) => {
                    screening.answer(answer);
                }
                None => writeln!(self.out, "{}", text::PLAIN_UNCLEAR)?,
            }
            if finished {
                break;
            }
        }
        recorder.safety(screening.record());
        if !screening.may_start() && self.signal.is_none() {
            let why = match screening.stage() {
                Stage::Done(SafetyResult::SeeDoctorStopped) | Stage::DoctorAdvice => {
                    text::STOPPED_FOR_DOCTOR
                }
                Stage::Done(SafetyResult::Emergency) | Stage::EmergencyAdvice => "",
                _ => text::NOT_ANSWERED,
            };
            if !why.is_empty() {
                writeln!(self.out, "{why}")?;
            }
        }
        self.out.flush()?;
        Ok(screening.may_start())
    }

    fn read_answer(&self, stage: Stage, line: &str) -> Option<SafetyAnswer> {
        match stage {
            Stage::Quick if line.trim().is_empty() => Some(SafetyAnswer::Enter),
            Stage::DoctorAdvice => Some(match line.trim().to_lowercase().as_str() {
                "carry on" | "c" | "continue" => SafetyAnswer::CarryOn,
                _ => SafetyAnswer::Enter,
            }),
            _ => safety::parse_yes_no(line),
        }
    }

    fn say_stage(&mut self, stage: Stage) -> io::Result<()> {
        match stage {
            Stage::Quick => {
                writeln!(self.out, "{} {}", text::QUICK_TITLE, text::QUICK_INTRO)?;
                for q in text::EMERGENCY_QUESTIONS {
                    writeln!(self.out, "  - {q}")?;
                }
                writeln!(self.out, "{}", text::PLAIN_QUICK_PROMPT)?;
            }
            Stage::Emergency(n) => {
                if n == 0 {
                    writeln!(self.out, "{}. {}", text::SCREEN_TITLE, text::SCREEN_INTRO)?;
                }
                let q = text::EMERGENCY_QUESTIONS
                    .get(n)
                    .copied()
                    .unwrap_or_default();
                writeln!(self.out, "{q} {}", text::PLAIN_YES_NO)?;
            }
            Stage::Doctor(n) => {
                let q = text::DOCTOR_QUESTIONS.get(n).copied().unwrap_or_default();
                writeln!(self.out, "{q} {}", text::PLAIN_YES_NO)?;
            }
            Stage::EmergencyAdvice => {
                writeln!(self.out, "{}.", text::EMERGENCY_TITLE)?;
                for line in text::EMERGENCY_ADVICE {
                    writeln!(self.out, "{line}")?;
                }
            }
            Stage::DoctorAdvice => {
                writeln!(self.out, "{}.", text::DOCTOR_TITLE)?;
                for line in text::DOCTOR_ADVICE {
                    writeln!(self.out, "{line}")?;
                }
                writeln!(self.out, "{}", text::PLAIN_DOCTOR_PROMPT)?;
            }
            Stage::Done(_) => {}
        }
        self.out.flush()
    }

    /// Asks a form's questions a line at a time, saving after each answer. End of input skips
    /// the rest; a signal stops.
    fn ask(&mut self, mut form: Form, recorder: &mut Recorder) -> io::Result<()> {
        self.ask_form(&mut form, recorder)
    }

    fn ask_form(&mut self, form: &mut Form, recorder: &mut Recorder) -> io::Result<()> {
        while let Some(question) = form.question() {
            if self.told_input_ended {
                return Ok(());
            }
            writeln!(self.out, "{}", text::plain_question(question))?;
            self.out.flush()?;
            let line = match self.next_line() {
                Answer::Line(line) => line,
                Answer::Signal(s) => {
                    self.signal = Some(s);
                    return Ok(());
                }
                Answer::Ended => {
                    writeln!(self.out, "{}", text::PLAIN_INPUT_ENDED)?;
                    self.told_input_ended = true;
                    return Ok(());
                }
            };
            match form.line(&line) {
                Ok(_) => {
                    // Saved first: the confirmation only ever follows a kept answer.
                    recorder.check_in(&form.answers);
                    self.tell_saving_problem(recorder);
                    if question == Question::Pain {
                        writeln!(self.out, "{}", text::plain_pain_recorded(form.answers.pain))?;
                    }
                }
                Err(()) => writeln!(self.out, "{}", text::plain_invalid(question))?,
            }
        }
        Ok(())
    }

    /// Waits for what happens next: an answer, a key line, a deadline or a signal.
    fn next_event(&mut self, session: &Session, recorder: &mut Recorder) -> io::Result<Event> {
        if let Some(Overlay::PainRule(trigger)) = session.overlay() {
            let (before, now) = session.pains();
            writeln!(
                self.out,
                "{}. {}",
                text::PAIN_RULE_TITLE,
                text::pain_rule_reason(trigger, before, now)
            )?;
            writeln!(self.out, "{}", text::PLAIN_PAIN_RULE_PROMPT)?;
            self.out.flush()?;
            let choice = match self.next_line() {
                Answer::Line(line) => match line.trim().to_lowercase().as_str() {
                    "skip" => PainChoice::Skip,
                    "gentler" => PainChoice::Gentler,
                    _ => PainChoice::Stop,
                },
                Answer::Signal(s) => return Ok(self.interrupted(s)),
                Answer::Ended => PainChoice::Stop,
            };
            writeln!(self.out, "{}", text::pain_choice(choice))?;
            return Ok(Event::Key(Key::Choose(choice)));
        }
        if session.awaiting_check_in() {
            let mut form = Form::during(recorder.session(), session.previous_step_title());
            self.ask_form(&mut form, recorder)?;
            let (_, before_areas) = recorder.before();
            return Ok(match self.signal {
                Some(_) => Event::Interrupt,
                None => Event::CheckedIn {
                    pain: form.answers.pain,
                    spread: checkin::spread(&before_areas, &form.answers.areas),
                },
            });
        }
        if session.is_paused() {
            writeln!(self.out, "{}", text::PLAIN_PAUSED)?;
            self.out.flush()?;
            return Ok(match self.next_line() {
                Answer::Signal(s) => self.interrupted(s),
                Answer::Line(_) | Answer::Ended => Event::Key(Key::Space),
            });
        }
        if session.phase().kind == PhaseKind::Ready {
            return Ok(match self.next_line() {
                Answer::Signal(s) => self.interrupted(s),
                Answer::Line(_) | Answer::Ended => Event::Key(Key::Space),
            });
        }
        loop {
            let now = Instant::now();
            let received = match session.next_wakeup(now) {
                Some(wake) => self.rx.recv_timeout(wake.saturating_duration_since(now)),
                None => self.rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
            };
            match received {
                Ok(Input::Signal(s)) => return Ok(self.interrupted(s)),
                Ok(Input::Line(line)) => self.pending.push_back(line),
                Ok(Input::Closed) => self.input_ended = true,
                Ok(Input::Audio(opened)) => self.audio_opened(&opened),
                Ok(Input::Suspend) => return Ok(Event::Suspend),
                Ok(Input::Key(_) | Input::Resize | Input::Continued) => {}
                Err(RecvTimeoutError::Timeout) => return Ok(Event::Tick),
                Err(RecvTimeoutError::Disconnected) => {
                    if let Some(wake) = session.next_wakeup(now) {
                        std::thread::sleep(wake.saturating_duration_since(now));
                    }
                    return Ok(Event::Tick);
                }
            }
        }
    }

    fn next_line(&mut self) -> Answer {
        if let Some(line) = self.pending.pop_front() {
            return Answer::Line(line);
        }
        if self.input_ended {
            return Answer::Ended;
        }
        loop {
            match self.rx.recv() {
                Ok(Input::Line(line)) => return Answer::Line(line),
                Ok(Input::Signal(s)) => return Answer::Signal(s),
                Ok(Input::Audio(opened)) => self.audio_opened(&opened),
                // Nothing counts down while a question waits: only the stop itself.
                Ok(Input::Suspend) => {
                    if self.stop().is_err() {
                        return Answer::Ended;
                    }
                }
                Ok(Input::Key(_) | Input::Resize | Input::Continued) => {}
                Ok(Input::Closed) | Err(_) => {
                    self.input_ended = true;
                    return Answer::Ended;
                }
            }
        }
    }

    fn audio_opened(&mut self, opened: &Result<(), String>) {
        self.audio.opened(opened);
        // Muted, there is nothing to ring and no way to unmute: the bell is not worth a word.
        if opened.is_err() && !self.audio.is_muted() {
            self.note(text::NO_SOUND_DEVICE);
        }
    }

    /// Waits for the sound device to finish opening before stderr is handed back.
    pub fn settle(&self) {
        self.audio.settle(crate::app::SETTLE_LIMIT);
    }

    /// Tells the person something on stderr, off the session's own lines.
    pub fn note(&mut self, note: &str) {
        if let Some(err) = &mut self.notes {
            let _ = writeln!(err, "unknot: {note}");
        }
    }

    fn interrupted(&mut self, signal: i32) -> Event {
        self.signal = Some(signal);
        Event::Interrupt
    }

    fn carry_out(
        &mut self,
        session: &Session,
        fx: Vec<Effect>,
        recorder: &mut Recorder,
    ) -> io::Result<()> {
        let mut cues = Vec::new();
        for effect in fx {
            match effect {
                Effect::Announce(a) => {
                    self.audio.say(&a, session.routine());
                    self.announce(session.routine(), &a)?
                }
                Effect::Record(r) => {
                    recorder.record(&r);
                    self.tell_saving_problem(recorder);
                }
                Effect::Cue(c) => cues.push(c),
                Effect::Quit(_) => {}
            }
        }
        self.out.flush()?;
        self.audio.play(&cues);
        Ok(())
    }

    /// Says so, stops until `fg`, and forgets lines typed before: after a stop, only a new Enter
    /// goes on.
    fn stop(&mut self) -> io::Result<()> {
        writeln!(self.out, "{}", text::PLAIN_SUSPENDED)?;
        self.out.flush()?;
        input::stop_now()?;
        self.pending.clear();
        Ok(())
    }

    /// A save that fails, said on stderr when it starts failing; the session goes on.
    fn tell_saving_problem(&mut self, recorder: &Recorder) {
        let problem = recorder.problem();
        if problem == self.told_problem.as_deref() {
            return;
        }
        if let Some(p) = problem {
            self.note(p);
        }
        self.told_problem = problem.map(String::from);
    }

    fn announce(&mut self, routine: &Routine, a: &Announcement) -> io::Result<()> {
        // The summary that follows says it, with the routine's name.
        if *a == Announcement::Complete {
            return Ok(());
        }
        writeln!(self.out, "{}", text::announcement(a, routine))?;
        if let Announcement::StepStart { step, .. } = a
            && let Some(step) = routine.steps.get(*step)
        {
            for line in &step.instructions {
                writeln!(self.out, "  {line}")?;
            }
            if let Some(caution) = &step.caution {
                writeln!(self.out, "  {}: {caution}", text::CAUTION)?;
            }
        }
        Ok(())
    }

    fn print_summary(&mut self, s: &Summary) -> io::Result<()> {
        writeln!(self.out)?;
        writeln!(self.out, "{}: {}", text::outcome(s.outcome()), s.title)?;
        for line in s.lines() {
            writeln!(self.out, "{line}")?;
        }
        self.out.flush()
    }
}
