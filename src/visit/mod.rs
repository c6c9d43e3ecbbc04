//! The whole visit around a session, as one pure state machine that both front ends drive: the
//! morning-after question, the choice of routine, the safety questions, the cautions, the
//! questions before, the session, the questions after, and the summary.
//!
//! Events and the time they happen go in, effects come out ([`Visit::handle`]). Every rule about
//! what is asked, when, and what is kept lives here, so plain mode asks what the full screen
//! asks by construction. No terminal, clock, disk or sound in here: the visit's id and the
//! wall-clock time it began come in with its [`Setup`], the time of each event with the event.

mod answers;
pub mod checkin;
#[cfg(test)]
mod checkin_tests;
mod effect;
mod lines;
mod past;
mod recorder;
mod session_part;
mod spoken;
#[cfg(test)]
mod spoken_tests;
mod start;
mod summary;
#[cfg(test)]
mod tests;

use std::time::Instant;

use chrono::{DateTime, FixedOffset};
use uuid::Uuid;

pub use checkin::{Form, FormKey, Progress, Question, clean_note};
pub use effect::{Effect, Ending, Event, NotStarted, Say};
pub use past::Past;
pub use recorder::Recorder;
pub use summary::Summary;

use crate::history::{self, CheckIn};
use crate::routine::{Routine, RoutineEntry};
use crate::safety::Screening;
use crate::session::Session;

/// How the person answers: with keys on a screen, or with lines of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pace {
    /// A screen stays until a key moves on from it.
    Keys,
    /// Lines scroll past: what only informs (the cautions, the emergency advice) waits for nothing.
    Lines,
}

/// What a visit starts from.
#[derive(Debug, Clone)]
pub struct Setup {
    /// The routines to choose from; unused when `routine` is given.
    pub entries: Vec<RoutineEntry>,
    /// The routine, when it was chosen on the command line.
    pub routine: Option<Routine>,
    /// This visit's session id, new for each visit.
    pub id: Uuid,
    /// When the visit began, by the wall clock: for the safety questions' 30 days and the
    /// morning after.
    pub now: DateTime<FixedOffset>,
    pub pace: Pace,
}

/// Where the visit is.
#[derive(Debug, Clone)]
pub enum Stage {
    /// How the pain was the morning after the last session.
    Morning {
        form: Form,
        /// When that session started.
        of: DateTime<FixedOffset>,
    },
    /// Choosing a routine.
    Choose,
    /// The red-flag questions.
    Safety(Screening),
    /// The self-massage cautions, once, before the first routine with a ball or roller.
    Cautions,
    /// The questions before the session.
    Before(Form),
    /// The session, and a check-in step's questions while they are asked.
    Session {
        session: Box<Session>,
        form: Option<Form>,
    },
    /// The questions after the session.
    After(Form),
    Summary(Box<Summary>),
    /// Done: the front end starts another visit, or leaves.
    Over,
}

#[derive(Debug, Clone)]
pub struct Visit {
    stage: Stage,
    pace: Pace,
    entries: Vec<RoutineEntry>,
    routine: Option<Routine>,
    id: Uuid,
    began: DateTime<FixedOffset>,
    /// What came before, once the history has been read.
    past: Option<Past>,
    /// The history is open for this visit's routine, and the safety questions wait only for
    /// the past.
    opened: bool,
    /// Forms made so far, for their ids.
    forms: u32,
    /// This session's records so far, for its summary.
    records: Vec<history::Event>,
    /// The answers before the session: the pain rule measures from them.
    before: Option<CheckIn>,
    /// The pain a check-in step has just been given, while the session takes it in.
    just_answered: Option<u8>,
    lines: lines::Lines,
    /// The pain scale's anchors have been said: once a visit is enough.
    told_scale: bool,
}

impl Visit {
    /// Starts a visit; `past` is what happened before it, when the history has been read
    /// already. Without it the routines can be chosen, and the past comes as [`Event::Past`].
    pub fn begin(setup: Setup, past: Option<Past>) -> (Visit, Vec<Effect>) {
        let mut visit = Visit {
            stage: Stage::Choose,
            pace: setup.pace,
            entries: setup.entries,
            routine: setup.routine,
            id: setup.id,
            began: setup.now,
            past: None,
            opened: false,
            forms: 0,
            records: Vec::new(),
            before: None,
            just_answered: None,
            lines: lines::Lines::default(),
            told_scale: false,
        };
        let mut fx = Vec::new();
        match past {
            Some(past) => {
                visit.past = Some(past);
                visit.morning_or_choose(&mut fx);
            }
            // A routine given on the command line waits for the past, as its morning after
            // comes first; the routines can be chosen at once.
            None if visit.routine.is_some() => {}
            None => fx.push(Effect::Say(Say::Routines)),
        }
        visit.speak(&mut fx);
        (visit, fx)
    }

    /// When the visit began, by the wall clock: what its [`Past`] is worked out for.
    pub fn began(&self) -> DateTime<FixedOffset> {
        self.began
    }

    /// Feeds one event that happened at `now` (monotonic time, for the session's deadlines).
    pub fn handle(&mut self, event: Event, now: Instant) -> Vec<Effect> {
        let mut fx = Vec::new();
        match event {
            Event::Line(line) => self.lines.pending.push_back(line),
            Event::InputEnded => self.lines.ended = true,
            Event::Tick => self.tick(now, &mut fx),
            Event::Choose(i) => self.choose(i, &mut fx),
            Event::Opened(opened) => self.opened(&opened, &mut fx),
            Event::Past(past) => self.past_read(*past, &mut fx),
            Event::Safety(answer) => self.safety_answer(answer, &mut fx),
            Event::Continue => self.on_continue(&mut fx),
            Event::Form(key) => self.form_key(key, now, &mut fx),
            Event::Session(key) => self.session_key(key, now, &mut fx),
            Event::Leave => self.leave(&mut fx),
            Event::Stop => self.stop(now, &mut fx),
            Event::Interrupt => self.interrupt(now, &mut fx),
            Event::Suspend => self.suspend(now, &mut fx),
            Event::Hidden => self.feed(crate::session::Event::Suspend, now, &mut fx),
            Event::Continued => self.continued(&mut fx),
        }
        self.take_lines(now, &mut fx);
        self.speak(&mut fx);
        fx
    }

    pub fn stage(&self) -> &Stage {
        &self.stage
    }

    /// The routine chosen, once it is.
    pub fn routine(&self) -> Option<&Routine> {
        self.routine.as_ref()
    }

    /// The routines to choose from.
    pub fn entries(&self) -> &[RoutineEntry] {
        &self.entries
    }

    /// The session, while it runs.
    pub fn session(&self) -> Option<&Session> {
        match &self.stage {
            Stage::Session { session, .. } => Some(session),
            _ => None,
        }
    }

    /// When something visible or audible happens next, if nothing else does first.
    pub fn next_wakeup(&self, now: Instant) -> Option<Instant> {
        self.session().and_then(|s| s.next_wakeup(now))
    }

    /// The next form's id: made from this visit's id, so it is unique without a clock.
    fn next_form_id(&mut self) -> Uuid {
        self.forms += 1;
        Uuid::from_u128(self.id.as_u128() ^ u128::from(self.forms))
    }

    /// A line for the history; the session's own lines start with its first.
    fn record(&mut self, event: history::Event, fx: &mut Vec<Effect>) {
        let ours = event.session() == Some(self.id);
        if ours && self.records.is_empty() {
            let routine = self.routine.as_ref();
            let start = history::Event::SessionStarted {
                session: self.id,
                routine: routine.map(|r| r.title.clone()).unwrap_or_default(),
                routine_hash: routine.map(|r| r.hash.clone()).unwrap_or_default(),
                planned_s: routine.map(|r| r.planned_duration().as_secs_f64()),
            };
            self.records.push(start.clone());
            fx.push(Effect::Record(start));
        }
        if ours {
            self.records.push(event.clone());
        }
        fx.push(Effect::Record(event));
    }

    /// Ends the visit.
    fn over(&mut self, ending: Ending, fx: &mut Vec<Effect>) {
        self.stage = Stage::Over;
        fx.push(Effect::CloseHistory);
        fx.push(Effect::Over(ending));
    }

    /// Says a question, unless input has ended and nothing more is asked.
    fn ask(&self, question: Option<Question>, fx: &mut Vec<Effect>) {
        if let Some(q) = question
            && !self.lines.told_ended
        {
            fx.push(Effect::Say(Say::Question(q)));
        }
    }
}
