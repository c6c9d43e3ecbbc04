//! What the history holds, session by session: the events folded into sessions with their
//! pain before and after, quick logs and safety answers. A pure function of the loaded events,
//! kept up to date one event at a time as a visit records more ([`History::add`]).

use std::time::Duration;

use chrono::{DateTime, FixedOffset};
// A fast hash: the keys are ids from the user's own file, so there is nobody to defend against.
use foldhash::HashMap;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::event::{
    CheckIn, Entry, Event, Moment, Outcome, PainChoice, PainTrigger, SafetyCheck, SittingBreak,
    WeeklyCheck,
};
use super::seen::Seen;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct History {
    /// Oldest first.
    pub sessions: Vec<SessionView>,
    /// Quick logs outside any session, oldest first.
    pub logs: Vec<Dated<CheckIn>>,
    /// Safety questions and cautions, oldest first.
    pub safety: Vec<Dated<SafetyCheck>>,
    /// Sitting-break prompts of `unknot desk` and their answers, oldest first.
    pub breaks: Vec<Dated<SittingBreak>>,
    /// Weekly checks, one per form with its last answers, oldest first.
    pub weekly: Vec<Dated<WeeklyCheck>>,
    /// Where each id went, so a later event finds its session or form.
    pub(super) index: Index,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct Index {
    /// Every event id folded in: the same event again counts once.
    pub(super) seen: Seen,
    /// Session id to its place in `sessions`.
    pub(super) sessions: HashMap<Uuid, usize>,
    /// A quick log's form id to its place in `logs`.
    pub(super) log_forms: HashMap<Uuid, usize>,
    /// The time a session's end record gives, by session id.
    pub(super) ended: HashMap<Uuid, Duration>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dated<T> {
    #[serde(deserialize_with = "super::timestamp::deserialize")]
    pub at: DateTime<FixedOffset>,
    pub value: T,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionView {
    pub id: Uuid,
    pub routine: String,
    #[serde(deserialize_with = "super::timestamp::deserialize")]
    pub started: DateTime<FixedOffset>,
    /// Interrupted when the session never recorded its end (a crash, a kill, a power cut).
    pub outcome: Outcome,
    pub elapsed: Duration,
    pub before: Option<CheckIn>,
    pub during: Vec<Dated<CheckIn>>,
    pub after: Option<CheckIn>,
    /// Pain the morning after, when it was asked.
    pub next_morning: Option<CheckIn>,
    /// Times the pain-monitoring rule paused the session, and the choice made.
    pub pain_rules: Vec<(PainTrigger, PainChoice)>,
    pub steps: Vec<StepView>,
    /// The routine's planned time, when the session's first line kept it.
    pub planned: Option<Duration>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StepView {
    pub step: usize,
    pub title: String,
    pub planned: Duration,
    pub actual: Duration,
    pub skipped: bool,
}

/// Two pain scores; a change between them over weeks can be judged against what counts as a
/// real change ([`Change::verdict`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    pub before: u8,
    pub after: u8,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Down by about 2 points or 30% or more.
    Better,
    /// Down, but by less than that.
    SlightlyLower,
    Same,
    SlightlyHigher,
    /// Up by about 2 points or 30% or more.
    Worse,
}

impl Change {
    pub fn delta(&self) -> i16 {
        i16::from(self.after) - i16::from(self.before)
    }

    /// The change as a share of the starting score; `None` from zero.
    pub fn percent(&self) -> Option<f64> {
        (self.before > 0).then(|| f64::from(self.delta()) * 100.0 / f64::from(self.before))
    }

    /// About 2 points or about 30% is a change a person notices (Farrar 2001; Ostelo 2008):
    /// thresholds for change over weeks, never for one session (CLINICAL §5).
    pub fn verdict(&self) -> Verdict {
        let delta = self.delta();
        let meaningful = delta.abs() >= 2 || self.percent().is_some_and(|p| p.abs() >= 30.0);
        match (delta.signum(), meaningful) {
            (0, _) => Verdict::Same,
            (-1, true) => Verdict::Better,
            (-1, false) => Verdict::SlightlyLower,
            (_, true) => Verdict::Worse,
            (_, false) => Verdict::SlightlyHigher,
        }
    }
}

impl Verdict {
    /// The verdict of an average change; only the 2-point rule applies to an average.
    pub fn of_average(average: f64) -> Verdict {
        match average {
            a if a <= -2.0 => Verdict::Better,
            a if a < -0.05 => Verdict::SlightlyLower,
            a if a < 0.05 => Verdict::Same,
            a if a < 2.0 => Verdict::SlightlyHigher,
            _ => Verdict::Worse,
        }
    }
}

impl SessionView {
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

    /// The work done against the work planned.
    pub fn work(&self) -> Work {
        Work {
            done: self.work_done(),
            planned: self.work_planned(),
        }
    }

    /// The work actually done: the time each step really ran. A step skipped counts only the
    /// seconds it ran before the skip, never its planned time.
    pub fn work_done(&self) -> Duration {
        self.steps.iter().map(|s| s.actual).sum()
    }

    /// The work planned: the routine's planned time, or, for a session recorded before unknot
    /// kept it, that of the steps recorded.
    pub fn work_planned(&self) -> Duration {
        self.planned
            .unwrap_or_else(|| self.steps.iter().map(|s| s.planned).sum())
    }

    /// At least half the planned work was done (skipped steps count only the time they ran).
    pub fn mostly_done(&self) -> bool {
        self.work().mostly_done()
    }

    /// Why this session's pain change cannot be read, if it cannot: most of the routine was
    /// skipped, or too little was done to say anything (CLINICAL §5).
    pub fn not_readable(&self) -> Option<Unread> {
        self.work().not_readable()
    }

    /// How the session ended, with a session that reached its end by skipping most of it
    /// told apart from one done.
    pub fn finish(&self) -> Finish {
        self.work().finish(self.outcome)
    }

    /// How the pain changed from before to after, said without a verdict; `None` without both
    /// scores.
    pub fn reading(&self) -> Option<Reading> {
        self.work().reading(self.change())
    }
}

/// A session's work: the time its steps really ran, and the time planned. The rules that read a
/// session's pain change and its end live here, so the whole view and the digest judge alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Work {
    pub done: Duration,
    pub planned: Duration,
}

impl Work {
    /// At least half the planned work was done.
    pub fn mostly_done(self) -> bool {
        self.done * 2 >= self.planned
    }

    /// Why a pain change over this work cannot be read, if it cannot.
    pub fn not_readable(self) -> Option<Unread> {
        if !self.mostly_done() {
            Some(Unread::MostlySkipped)
        } else if self.done < READABLE_AFTER {
            Some(Unread::TooShort)
        } else {
            None
        }
    }

    /// How a session that recorded `outcome` ended.
    pub fn finish(self, outcome: Outcome) -> Finish {
        match outcome {
            Outcome::Completed if self.mostly_done() => Finish::Completed,
            Outcome::Completed => Finish::MostlySkipped,
            Outcome::Quit => Finish::Stopped,
            Outcome::Interrupted => Finish::Interrupted,
        }
    }

    /// How `change` reads after this work; `None` without a change.
    pub fn reading(self, change: Option<Change>) -> Option<Reading> {
        let change = change?;
        Some(match (self.not_readable(), change.delta().signum()) {
            (Some(why), _) => Reading::NotJudged(why),
            (None, -1) => Reading::Lower,
            (None, 0) => Reading::Same,
            (None, _) => Reading::Higher,
        })
    }
}

/// How a session ended, as the summary, the review and the exports say it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Finish {
    /// It reached its end with at least half the planned work done.
    Completed,
    /// It reached its end, but most of the routine was skipped.
    MostlySkipped,
    /// The person stopped it.
    Stopped,
    /// Stopped from outside, or its end was never recorded.
    Interrupted,
}

/// Under this much work done, a session says too little to read its pain change.
pub const READABLE_AFTER: Duration = Duration::from_secs(180);

/// Why a session's change in pain is not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unread {
    /// Under half the planned work was done.
    MostlySkipped,
    /// Under 3 minutes of work.
    TooShort,
}

/// One session's change in pain, said as it is: a single session gets no verdict, since relief
/// right after exercise is common and often short-lived (CLINICAL §5). The 2-point and 30 %
/// thresholds are for trends over weeks ([`Change::verdict`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    Lower,
    Same,
    Higher,
    /// Not read at all.
    NotJudged(Unread),
}

/// Folds the events into sessions and quick logs. A check-in form saved several times counts
/// once, with its last answers. A line whose event id came before is the same event again (two
/// history files joined by hand, or a save retried after a failure it did not know had written),
/// and counts once.
pub fn build(entries: &[Entry]) -> History {
    let mut folder = ViewFolder::default();
    folder.0.index.seen.reserve(entries.len());
    for entry in entries {
        folder.fold(entry);
    }
    folder.finish()
}

/// Folds events in as they are read, one at a time, as [`build`] does.
#[derive(Debug, Default)]
pub struct ViewFolder(pub(super) History);

impl ViewFolder {
    pub fn fold(&mut self, entry: &Entry) {
        self.0.fold(entry);
    }

    /// The view, in time order.
    pub fn finish(mut self) -> History {
        self.0.settle();
        self.0
    }
}

/// One session as the history will show it, from its events in order; `at` stands for the time
/// of each. `None` without any event.
pub fn session_view(events: &[Event], at: DateTime<FixedOffset>) -> Option<SessionView> {
    let mut history = History::default();
    for (n, event) in (1u128..).zip(events) {
        history.fold(&Entry {
            v: super::event::VERSION,
            id: Uuid::from_u128(n),
            at,
            event: event.clone(),
        });
    }
    history.settle();
    history.sessions.into_iter().next()
}

impl History {
    /// Each session's local date, oldest first.
    pub fn days(&self) -> impl Iterator<Item = chrono::NaiveDate> + '_ {
        self.sessions.iter().map(|s| s.started.date_naive())
    }

    /// One more event, as if it had been in the file when it was read.
    pub fn add(&mut self, entry: &Entry) {
        let touched = self.fold(entry);
        let sorted = last_in_order(&self.sessions, |s| s.started)
            && last_in_order(&self.logs, |l| l.at)
            && last_in_order(&self.safety, |s| s.at)
            && last_in_order(&self.breaks, |b| b.at)
            && last_in_order(&self.weekly, |w| w.at);
        if !sorted {
            self.settle();
        } else if let Some(i) = touched {
            self.fill_elapsed(i);
        }
    }

    /// Folds in one event; returns the place of the session it touched, if any.
    fn fold(&mut self, entry: &Entry) -> Option<usize> {
        if !self.index.seen.insert(entry.id) {
            return None;
        }
        let at = entry.at;
        let i = match &entry.event {
            Event::SessionStarted {
                session,
                routine,
                planned_s,
                ..
            } => {
                let i = self.session_index(*session, at);
                self.sessions[i].routine.clone_from(routine);
                self.sessions[i].started = at;
                self.sessions[i].planned = planned_s.map(secs);
                i
            }
            Event::StepDone {
                session,
                step,
                title,
                planned_s,
                actual_s,
                skipped,
            } => {
                let i = self.session_index(*session, at);
                self.sessions[i].steps.push(StepView {
                    step: *step,
                    title: title.clone(),
                    planned: secs(*planned_s),
                    actual: secs(*actual_s),
                    skipped: *skipped,
                });
                i
            }
            Event::SessionEnded {
                session,
                outcome,
                elapsed_s,
            } => {
                let i = self.session_index(*session, at);
                self.sessions[i].outcome = *outcome;
                self.index.ended.insert(*session, secs(*elapsed_s));
                i
            }
            Event::Safety(check) => {
                self.safety.push(Dated {
                    at,
                    value: check.clone(),
                });
                return None;
            }
            Event::WeeklyCheck(check) => {
                super::weekly::keep(&mut self.weekly, at, check);
                return None;
            }
            Event::SittingBreak(answered) => {
                self.breaks.push(Dated {
                    at,
                    value: *answered,
                });
                return None;
            }
            Event::PainRule {
                session,
                trigger,
                choice,
            } => {
                let i = self.session_index(*session, at);
                self.sessions[i].pain_rules.push((*trigger, *choice));
                i
            }
            Event::CheckIn(check_in) => {
                let Some(id) = check_in.session else {
                    self.log(at, check_in.clone());
                    return None;
                };
                let i = self.session_index(id, at);
                place_check_in(&mut self.sessions[i], at, check_in.clone());
                i
            }
        };
        Some(i)
    }

    fn session_index(&mut self, id: Uuid, at: DateTime<FixedOffset>) -> usize {
        let sessions = &mut self.sessions;
        *self.index.sessions.entry(id).or_insert_with(|| {
            sessions.push(SessionView {
                id,
                routine: String::new(),
                started: at,
                outcome: Outcome::Interrupted,
                elapsed: Duration::ZERO,
                before: None,
                during: Vec::new(),
                after: None,
                next_morning: None,
                pain_rules: Vec::new(),
                steps: Vec::new(),
                planned: None,
            });
            sessions.len() - 1
        })
    }

    /// A quick log; the same form saved again replaces its answers.
    fn log(&mut self, at: DateTime<FixedOffset>, check_in: CheckIn) {
        let form = check_in.form;
        let dated = Dated {
            at,
            value: check_in,
        };
        if let Some(&i) = self.index.log_forms.get(&form) {
            self.logs[i] = dated;
        } else {
            self.index.log_forms.insert(form, self.logs.len());
            self.logs.push(dated);
        }
    }

    /// The time a session took: what its end record says, or, without one (a crash, a kill), what
    /// its finished steps add up to.
    fn fill_elapsed(&mut self, i: usize) {
        let s = &mut self.sessions[i];
        s.elapsed = match self.index.ended.get(&s.id) {
            Some(d) if !d.is_zero() => *d,
            _ => s.steps.iter().map(|st| st.actual).sum(),
        };
    }

    /// Oldest first, and every place in the index where it now is.
    fn settle(&mut self) {
        for i in 0..self.sessions.len() {
            self.fill_elapsed(i);
        }
        self.sessions.sort_by_key(|s| s.started);
        self.logs.sort_by_key(|l| l.at);
        self.safety.sort_by_key(|s| s.at);
        self.breaks.sort_by_key(|b| b.at);
        self.weekly.sort_by_key(|w| w.at);
        self.index.sessions = places(&self.sessions, |s| s.id);
        self.index.log_forms = places(&self.logs, |l| l.value.form);
    }
}

/// Each item's key to its place in `items`.
pub(super) fn places<T>(items: &[T], key: impl Fn(&T) -> Uuid) -> HashMap<Uuid, usize> {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| (key(item), i))
        .collect()
}

/// Whether the last item is in time order with the one before it.
pub(super) fn last_in_order<T>(items: &[T], at: impl Fn(&T) -> DateTime<FixedOffset>) -> bool {
    match items {
        [.., before, last] => at(before) <= at(last),
        _ => true,
    }
}

fn place_check_in(s: &mut SessionView, at: DateTime<FixedOffset>, c: CheckIn) {
    match c.moment {
        Moment::Before => s.before = Some(c),
        Moment::After => s.after = Some(c),
        Moment::NextMorning => s.next_morning = Some(c),
        Moment::During | Moment::Log => {
            match s.during.iter_mut().find(|d| d.value.form == c.form) {
                Some(existing) => existing.value = c,
                None => s.during.push(Dated { at, value: c }),
            }
        }
    }
}

pub(super) fn secs(s: f64) -> Duration {
    Duration::try_from_secs_f64(s).unwrap_or_default()
}
