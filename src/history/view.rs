//! What the history holds, session by session: the events folded into sessions with their
//! pain before and after, quick logs and safety answers. A pure function of the loaded events.

use std::time::Duration;

use chrono::{DateTime, FixedOffset};
// A fast hash: the keys are ids from the user's own file, so there is nobody to defend against.
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use uuid::Uuid;

use super::event::{CheckIn, Entry, Event, Moment, Outcome, PainChoice, PainTrigger, SafetyCheck};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct History {
    /// Oldest first.
    pub sessions: Vec<SessionView>,
    /// Quick logs outside any session, oldest first.
    pub logs: Vec<Dated<CheckIn>>,
    /// Safety questions and cautions, oldest first.
    pub safety: Vec<Dated<SafetyCheck>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Dated<T> {
    pub at: DateTime<FixedOffset>,
    pub value: T,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SessionView {
    pub id: Uuid,
    pub routine: String,
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
}

#[derive(Debug, Clone, PartialEq)]
pub struct StepView {
    pub step: usize,
    pub title: String,
    pub planned: Duration,
    pub actual: Duration,
    pub skipped: bool,
}

/// Pain before and after, judged against what counts as a real change.
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

    /// About 2 points or about 30% is a change a person notices (Farrar 2001; Ostelo 2008).
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
}

/// Folds the events into sessions and quick logs. A check-in form saved several times counts
/// once, with its last answers. A line whose event id came before is the same event again (two
/// history files joined by hand, or a save retried after a failure it did not know had written),
/// and counts once.
pub fn build(entries: &[Entry]) -> History {
    let mut seen: HashSet<Uuid> = HashSet::with_capacity(entries.len());
    let mut sessions: Vec<SessionView> = Vec::new();
    let mut by_id: HashMap<Uuid, usize> = HashMap::new();
    let mut logs: Vec<Dated<CheckIn>> = Vec::new();
    let mut safety: Vec<Dated<SafetyCheck>> = Vec::new();
    let mut log_forms: HashMap<Uuid, usize> = HashMap::new();

    let mut session_index = |sessions: &mut Vec<SessionView>, id: Uuid, at| {
        *by_id.entry(id).or_insert_with(|| {
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
            });
            sessions.len() - 1
        })
    };

    for entry in entries.iter().filter(|e| seen.insert(e.id)) {
        match &entry.event {
            Event::SessionStarted {
                session, routine, ..
            } => {
                let i = session_index(&mut sessions, *session, entry.at);
                sessions[i].routine = routine.clone();
                sessions[i].started = entry.at;
            }
            Event::StepDone {
                session,
                step,
                title,
                planned_s,
                actual_s,
                skipped,
            } => {
                let i = session_index(&mut sessions, *session, entry.at);
                sessions[i].steps.push(StepView {
                    step: *step,
                    title: title.clone(),
                    planned: secs(*planned_s),
                    actual: secs(*actual_s),
                    skipped: *skipped,
                });
            }
            Event::SessionEnded {
                session,
                outcome,
                elapsed_s,
            } => {
                let i = session_index(&mut sessions, *session, entry.at);
                sessions[i].outcome = *outcome;
                sessions[i].elapsed = secs(*elapsed_s);
            }
            Event::Safety(check) => safety.push(Dated {
                at: entry.at,
                value: check.clone(),
            }),
            Event::PainRule {
                session,
                trigger,
                choice,
            } => {
                let i = session_index(&mut sessions, *session, entry.at);
                sessions[i].pain_rules.push((*trigger, *choice));
            }
            Event::CheckIn(check_in) => {
                let check_in = check_in.clone();
                match check_in.session {
                    Some(id) => {
                        let i = session_index(&mut sessions, id, entry.at);
                        place_check_in(&mut sessions[i], entry.at, check_in);
                    }
                    None => {
                        let form = check_in.form;
                        let dated = Dated {
                            at: entry.at,
                            value: check_in,
                        };
                        match log_forms.get(&form) {
                            Some(&i) => logs[i] = dated,
                            None => {
                                log_forms.insert(form, logs.len());
                                logs.push(dated);
                            }
                        }
                    }
                }
            }
        }
    }
    for s in &mut sessions {
        // Without an end record, the time is what the finished steps add up to.
        if s.elapsed.is_zero() {
            s.elapsed = s.steps.iter().map(|st| st.actual).sum();
        }
    }
    sessions.sort_by_key(|s| s.started);
    logs.sort_by_key(|l| l.at);
    safety.sort_by_key(|s| s.at);
    History {
        sessions,
        logs,
        safety,
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

fn secs(s: f64) -> Duration {
    Duration::try_from_secs_f64(s).unwrap_or_default()
}
