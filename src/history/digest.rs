//! What a visit, the home screen and the exports need from the history, kept small: one brief
//! record a session (no steps, no check-ins during it beyond their notes), the safety answers and
//! the quick logs. Folded one line at a time as the file is read, so no more than one line of it
//! is ever in memory; the whole view (`view.rs`) is built only for the review.
//!
//! A new kind of event is one more arm in [`Digest::fold`]: what the home screen or a visit
//! needs of it goes into a field here, and everything else stays in the file for the review.

use std::time::Duration;

use chrono::{DateTime, FixedOffset};
// A fast hash: the keys are ids from the user's own file, so there is nobody to defend against.
use foldhash::HashMap;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::event::{CheckIn, Entry, Event, Moment, Outcome, PainChoice, SafetyCheck, WeeklyCheck};
use super::recent::{LetGo, Recent};
use super::stream::Order;
use super::view::{Change, Dated, Finish, Reading, Unread, Work, last_in_order, places, secs};

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Digest {
    /// Oldest first. Boxed, so that the list grows by pointers: a history of years holds
    /// thousands of sessions, and a list of whole briefs would be copied whole as it grows.
    pub sessions: Vec<Box<Brief>>,
    /// Quick logs outside any session, oldest first; a form saved again holds its last answers.
    pub logs: Vec<Dated<CheckIn>>,
    /// Safety questions and cautions, oldest first.
    pub safety: Vec<Dated<SafetyCheck>>,
    /// Weekly checks, one per form with its last answers, oldest first: a few a month, kept
    /// whole for the home screen's offer, the activities to rate and the signs of worsening.
    pub weekly: Vec<Dated<WeeklyCheck>>,
    /// Session id to its place in `sessions`.
    sessions_at: HashMap<Uuid, usize>,
    /// A quick log's form id to its place in `logs`.
    log_forms: HashMap<Uuid, usize>,
    /// What a digest of the recent past let go of (see [`super::recent`]).
    pub(super) let_go: LetGo,
    /// The time of the first thing observed: a check-in or a weekly check.
    pub(super) first_observed: Option<DateTime<FixedOffset>>,
}

/// One session, in brief: what its row in an export, the home screen's last line, the morning
/// question, progression and the signs of worsening read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Brief {
    pub id: Uuid,
    pub routine: String,
    #[serde(deserialize_with = "super::timestamp::deserialize")]
    pub started: DateTime<FixedOffset>,
    /// Interrupted when the session never recorded its end (a crash, a kill, a power cut).
    pub outcome: Outcome,
    /// What its end record says, or without one what its steps add up to.
    pub elapsed: Duration,
    /// Steps recorded.
    pub steps: usize,
    /// The time the recorded steps really ran, and what they were planned for.
    pub steps_actual: Duration,
    pub steps_planned: Duration,
    /// The routine's planned time, when the session's first line kept it.
    pub planned: Option<Duration>,
    pub before: Option<CheckIn>,
    /// The notes of the check-ins during it, by form, in the order the forms began.
    pub during_notes: Vec<(Uuid, Option<String>)>,
    pub after: Option<CheckIn>,
    /// Pain the morning after, when it was asked.
    pub next_morning: Option<CheckIn>,
    /// The pain-monitoring rule stopped it.
    pub stopped_by_pain: bool,
    /// The time its end record gave, if it had one.
    ended: Option<Duration>,
}

impl Brief {
    fn new(id: Uuid, at: DateTime<FixedOffset>) -> Brief {
        Brief {
            id,
            routine: String::new(),
            started: at,
            outcome: Outcome::Interrupted,
            elapsed: Duration::ZERO,
            steps: 0,
            steps_actual: Duration::ZERO,
            steps_planned: Duration::ZERO,
            planned: None,
            before: None,
            during_notes: Vec::new(),
            after: None,
            next_morning: None,
            stopped_by_pain: false,
            ended: None,
        }
    }

    /// The work done against the work planned (see [`Work`]).
    pub fn work(&self) -> Work {
        Work {
            done: self.steps_actual,
            planned: self.planned.unwrap_or(self.steps_planned),
        }
    }

    pub fn pain_before(&self) -> Option<u8> {
        self.before.as_ref().and_then(|c| c.pain)
    }

    pub fn pain_after(&self) -> Option<u8> {
        self.after.as_ref().and_then(|c| c.pain)
    }

    pub fn change(&self) -> Option<Change> {
        Some(Change {
            before: self.pain_before()?,
            after: self.pain_after()?,
        })
    }

    pub fn not_readable(&self) -> Option<Unread> {
        self.work().not_readable()
    }

    pub fn finish(&self) -> Finish {
        self.work().finish(self.outcome)
    }

    pub fn reading(&self) -> Option<Reading> {
        self.work().reading(self.change())
    }

    fn fill_elapsed(&mut self) {
        self.elapsed = match self.ended {
            Some(d) if !d.is_zero() => d,
            _ => self.steps_actual,
        };
    }
}

/// Folds lines in as they are read: each event id counts once, as in the whole view, and the
/// ids are let go once the file is read.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Folder {
    digest: Digest,
    /// The ids seen, with their times, so that they can be let go with what they were.
    seen: HashMap<Uuid, DateTime<FixedOffset>>,
    /// Set for a digest of the recent past, which lets older events go as it reads.
    recent: Option<Recent>,
    /// How far the lines read keep to time order.
    order: Order,
}

impl Folder {
    /// A folder that keeps only the recent past and what is kept whatever its age (see
    /// [`super::recent`]): what a visit and the home screen read, in memory that does not grow
    /// with the length of the history.
    pub fn recent() -> Folder {
        Folder {
            recent: Some(Recent::default()),
            ..Folder::default()
        }
    }

    pub fn fold(&mut self, entry: &Entry) {
        self.order.see(entry.at);
        let new = match &mut self.recent {
            Some(recent) => {
                let safety = match &entry.event {
                    Event::Safety(check) => Some(check),
                    _ => None,
                };
                recent.admit(&mut self.digest, entry.id, entry.at, safety)
            }
            None => self.seen.insert(entry.id, entry.at).is_none(),
        };
        if new {
            self.digest.fold(entry);
        }
    }

    /// Takes out the sessions that started, and the quick logs saved, before `before`, each
    /// in time order, as they will be when the file is read: for a file in time order (see
    /// [`super::in_time_order`]) when `before` is earlier than any line to come by more than a
    /// session's lines are apart. The ids seen before then are let go with them, and so are the
    /// safety answers and weekly checks before then, which no export row holds: what is kept
    /// does not grow with the file.
    pub fn take_before(
        &mut self,
        before: DateTime<FixedOffset>,
    ) -> (Vec<Box<Brief>>, Vec<Dated<CheckIn>>) {
        let d = &mut self.digest;
        let (sessions, kept): (Vec<_>, Vec<_>) =
            d.sessions.drain(..).partition(|s| s.started < before);
        d.sessions = kept;
        let (logs, kept): (Vec<_>, Vec<_>) = d.logs.drain(..).partition(|l| l.at < before);
        d.logs = kept;
        d.safety.retain(|s| s.at >= before);
        d.weekly.retain(|w| w.at >= before);
        d.index();
        self.seen.retain(|_, at| *at >= before);
        let mut taken = Digest {
            sessions,
            logs,
            ..Digest::default()
        };
        taken.settle();
        (taken.sessions, taken.logs)
    }

    /// The digest, in time order.
    pub fn finish(mut self) -> Digest {
        if let Some(recent) = self.recent.take() {
            recent.finish(&mut self.digest);
        }
        self.digest.settle();
        self.digest
    }
}

/// The digest of `entries`, as reading them from a file gives it.
pub fn digest(entries: &[Entry]) -> Digest {
    let mut folder = Folder::default();
    for entry in entries {
        folder.fold(entry);
    }
    folder.finish()
}

impl Digest {
    /// One more event, recorded during this run (so new: its id was never seen), as if it had
    /// been in the file when it was read.
    pub fn add(&mut self, entry: &Entry) {
        let touched = self.fold(entry);
        let sorted = last_in_order(&self.sessions, |s| s.started)
            && last_in_order(&self.logs, |l| l.at)
            && last_in_order(&self.safety, |s| s.at)
            && last_in_order(&self.weekly, |w| w.at);
        if !sorted {
            self.settle();
        } else if let Some(i) = touched {
            self.sessions[i].fill_elapsed();
        }
    }

    /// Each session's local date, oldest first: once a day for sessions let go, once a session
    /// for those kept.
    pub fn days(&self) -> impl Iterator<Item = chrono::NaiveDate> + '_ {
        self.let_go
            .days
            .iter()
            .copied()
            .chain(self.sessions.iter().map(|s| s.started.date_naive()))
    }

    /// Whether any safety answer or caution is of `kind`.
    pub fn any_safety(&self, kind: super::SafetyKind) -> bool {
        (kind == super::SafetyKind::MassageCautions && self.let_go.cautions_shown)
            || self.safety.iter().any(|s| s.value.check == kind)
    }

    /// Folds in one event; returns the place of the session it touched, if any.
    fn fold(&mut self, entry: &Entry) -> Option<usize> {
        let at = entry.at;
        let i = match &entry.event {
            Event::SessionStarted {
                session,
                routine,
                planned_s,
                ..
            } => {
                let i = self.session_index(*session, at);
                let s = &mut self.sessions[i];
                s.routine.clone_from(routine);
                s.started = at;
                s.planned = planned_s.map(secs);
                i
            }
            Event::StepDone {
                session,
                planned_s,
                actual_s,
                ..
            } => {
                let i = self.session_index(*session, at);
                let s = &mut self.sessions[i];
                s.steps += 1;
                s.steps_actual += secs(*actual_s);
                s.steps_planned += secs(*planned_s);
                i
            }
            Event::SessionEnded {
                session,
                outcome,
                elapsed_s,
            } => {
                let i = self.session_index(*session, at);
                self.sessions[i].outcome = *outcome;
                self.sessions[i].ended = Some(secs(*elapsed_s));
                i
            }
            Event::Safety(check) => {
                self.safety.push(Dated {
                    at,
                    value: check.clone(),
                });
                return None;
            }
            // Sitting breaks are for the review alone: nothing here reads them.
            Event::SittingBreak(_) => return None,
            Event::WeeklyCheck(check) => {
                self.observed(at);
                super::weekly::keep(&mut self.weekly, at, check);
                return None;
            }
            Event::PainRule {
                session, choice, ..
            } => {
                let i = self.session_index(*session, at);
                self.sessions[i].stopped_by_pain |= *choice == PainChoice::Stop;
                i
            }
            Event::CheckIn(check_in) => {
                if matches!(
                    check_in.moment,
                    Moment::Before | Moment::NextMorning | Moment::Log
                ) {
                    self.observed(at);
                }
                let Some(id) = check_in.session else {
                    self.log(at, check_in.clone());
                    return None;
                };
                let i = self.session_index(id, at);
                place_check_in(&mut self.sessions[i], check_in);
                i
            }
        };
        Some(i)
    }

    fn observed(&mut self, at: DateTime<FixedOffset>) {
        self.first_observed = Some(self.first_observed.map_or(at, |first| first.min(at)));
    }

    fn session_index(&mut self, id: Uuid, at: DateTime<FixedOffset>) -> usize {
        let sessions = &mut self.sessions;
        *self.sessions_at.entry(id).or_insert_with(|| {
            sessions.push(Box::new(Brief::new(id, at)));
            sessions.len() - 1
        })
    }

    fn log(&mut self, at: DateTime<FixedOffset>, check_in: CheckIn) {
        let form = check_in.form;
        let dated = Dated {
            at,
            value: check_in,
        };
        if let Some(&i) = self.log_forms.get(&form) {
            self.logs[i] = dated;
        } else {
            self.log_forms.insert(form, self.logs.len());
            self.logs.push(dated);
        }
    }

    /// Oldest first, and every place in the indexes where it now is.
    fn settle(&mut self) {
        for s in &mut self.sessions {
            s.fill_elapsed();
        }
        self.sessions.sort_by_key(|s| s.started);
        self.logs.sort_by_key(|l| l.at);
        self.safety.sort_by_key(|s| s.at);
        self.weekly.sort_by_key(|w| w.at);
        self.index();
    }

    /// Every place in the indexes where it now is.
    pub(super) fn index(&mut self) {
        self.sessions_at = places(&self.sessions, |s| s.id);
        self.log_forms = places(&self.logs, |l| l.value.form);
    }
}

fn place_check_in(s: &mut Brief, c: &CheckIn) {
    match c.moment {
        Moment::Before => s.before = Some(c.clone()),
        Moment::After => s.after = Some(c.clone()),
        Moment::NextMorning => s.next_morning = Some(c.clone()),
        Moment::During | Moment::Log => {
            match s.during_notes.iter_mut().find(|(form, _)| *form == c.form) {
                Some(existing) => existing.1.clone_from(&c.note),
                None => s.during_notes.push((c.form, c.note.clone())),
            }
        }
    }
}
