//! Turns what happens in a session into history lines, written and synced as it happens.
//! Keeps what it wrote, so the summary is the history's own view of the session.

use uuid::Uuid;

use crate::history::{self, CheckIn, Entry, Event, Outcome, SessionView, Store};
use crate::routine::Routine;
use crate::session::{self, Record};

pub struct Recorder {
    store: Option<Store>,
    session: Uuid,
    routine: String,
    hash: String,
    titles: Vec<String>,
    started: bool,
    entries: Vec<Entry>,
    /// How many of the last `entries` are not on disk yet (a full disk, say): they go with the
    /// next line, in order, so nothing is lost once saving works again.
    unsaved: usize,
    /// Why saving failed, to show on screen; the session goes on.
    problem: Option<String>,
    /// The failure itself, to say at the end if it lasted.
    reason: Option<String>,
}

impl Recorder {
    /// `store` is why the history cannot be written, when it cannot; the session still runs
    /// and says so on screen.
    pub fn new(store: Result<Store, String>, routine: &Routine) -> Recorder {
        let (store, problem) = match store {
            Ok(store) => (Some(store), None),
            Err(why) => (None, Some(crate::text::history_not_saved(&why))),
        };
        Recorder {
            store,
            session: Uuid::now_v7(),
            routine: routine.title.clone(),
            hash: routine.hash.clone(),
            titles: routine.steps.iter().map(|s| s.title.clone()).collect(),
            started: false,
            entries: Vec::new(),
            unsaved: 0,
            problem,
            reason: None,
        }
    }

    pub fn session(&self) -> Uuid {
        self.session
    }

    pub fn problem(&self) -> Option<&str> {
        self.problem.as_deref()
    }

    /// Why some of this session is not in the history, if it is not, to say at the end.
    pub fn unsaved(&self) -> Option<String> {
        match (&self.store, &self.reason, &self.problem) {
            (Some(_), Some(reason), _) if self.unsaved > 0 => {
                Some(crate::text::history_unsaved(self.unsaved, reason))
            }
            (None, _, Some(why)) if !self.entries.is_empty() => Some(why.clone()),
            _ => None,
        }
    }

    /// What the engine asks to keep.
    pub fn record(&mut self, record: &Record) {
        match record {
            Record::SessionStarted { .. } => self.ensure_started(),
            Record::StepDone {
                step,
                planned,
                actual,
                skipped,
            } => self.write(Event::StepDone {
                session: self.session,
                step: *step,
                title: self.titles.get(*step).cloned().unwrap_or_default(),
                planned_s: planned.as_secs_f64(),
                actual_s: actual.as_secs_f64(),
                skipped: *skipped,
            }),
            Record::PainRule { trigger, choice } => self.write(Event::PainRule {
                session: self.session,
                trigger: *trigger,
                choice: *choice,
            }),
            Record::SessionEnded { outcome, elapsed } => self.write(Event::SessionEnded {
                session: self.session,
                outcome: match outcome {
                    session::Outcome::Completed => Outcome::Completed,
                    session::Outcome::Quit => Outcome::Quit,
                    session::Outcome::Interrupted => Outcome::Interrupted,
                },
                elapsed_s: elapsed.as_secs_f64(),
            }),
        }
    }

    /// The answers of a check-in form so far; saved again after every question.
    pub fn check_in(&mut self, answers: &CheckIn) {
        self.write(Event::CheckIn(answers.clone()));
    }

    /// The person left before the session began. If an answer was already saved, the history
    /// shows the session as stopped rather than cut off.
    pub fn abandon(&mut self) {
        if self.started {
            self.write(Event::SessionEnded {
                session: self.session,
                outcome: Outcome::Quit,
                elapsed_s: 0.0,
            });
        }
    }

    /// A safety check, which belongs to no session.
    pub fn safety(&mut self, check: crate::history::SafetyCheck) {
        self.append(Event::Safety(check));
    }

    /// What the pain rule needs from the answers before: the pain, and where it was.
    pub fn before(&self) -> (Option<u8>, Vec<crate::history::Area>) {
        let before = self.view().and_then(|v| v.before);
        (
            before.as_ref().and_then(|c| c.pain),
            before.map(|c| c.areas).unwrap_or_default(),
        )
    }

    /// This session as the history sees it.
    pub fn view(&self) -> Option<SessionView> {
        history::build(&self.entries).sessions.into_iter().next()
    }

    /// The session starts in the history with its first line, so a form abandoned before any
    /// answer leaves nothing behind.
    fn ensure_started(&mut self) {
        if !self.started {
            self.started = true;
            self.write(Event::SessionStarted {
                session: self.session,
                routine: self.routine.clone(),
                routine_hash: self.hash.clone(),
            });
        }
    }

    fn write(&mut self, event: Event) {
        self.ensure_started();
        self.append(event);
    }

    fn append(&mut self, event: Event) {
        let entry = Entry::new(event);
        self.entries.push(entry);
        self.unsaved += 1;
        if let Some(store) = &mut self.store {
            let waiting = &self.entries[self.entries.len() - self.unsaved..];
            match store.append(waiting) {
                Ok(()) => {
                    self.unsaved = 0;
                    self.problem = None;
                    self.reason = None;
                }
                Err(e) => {
                    let reason = e.to_string();
                    self.problem = Some(crate::text::history_saving_paused(&reason));
                    self.reason = Some(reason);
                }
            }
        }
    }
}
