//! The whole view as its derived file keeps it, laid out to be read back fast, one line each:
//! the names of routines and steps; the sessions in two halves, parsed on two threads, each
//! naming its routine and steps by their place among those names; the rest of the view; and the
//! event ids seen, as [`Seen`] keeps them.

use std::time::Duration;

use chrono::{DateTime, FixedOffset};
use foldhash::HashMap;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::event::{
    CheckIn, Outcome, PainChoice, PainTrigger, SafetyCheck, SittingBreak, WeeklyCheck,
};
use super::seen::Seen;
use super::view::{Dated, History, Index, SessionView, StepView, ViewFolder, places};

/// The time each session's end record gave, by session.
type Ended = Vec<(Uuid, Duration)>;

/// A length of time as whole seconds and nanoseconds: `[33,0]`.
type Time = (u64, u32);

fn time(duration: Duration) -> Time {
    (duration.as_secs(), duration.subsec_nanos())
}

fn duration((secs, nanos): Time) -> Duration {
    Duration::new(secs, nanos)
}

/// A session as kept: its routine and the titles of its steps by their place among the names (a
/// few dozen, where a long history repeats them tens of thousands of times), each step one array.
#[derive(Serialize, Deserialize)]
struct KeptSession {
    id: Uuid,
    routine: usize,
    #[serde(deserialize_with = "super::timestamp::deserialize")]
    started: DateTime<FixedOffset>,
    outcome: Outcome,
    elapsed: Time,
    before: Option<CheckIn>,
    during: Vec<Dated<CheckIn>>,
    after: Option<CheckIn>,
    next_morning: Option<CheckIn>,
    pain_rules: Vec<(PainTrigger, PainChoice)>,
    /// Each step's number, title, planned and actual time, and whether it was skipped.
    steps: Vec<(usize, usize, Time, Time, bool)>,
    planned: Option<Time>,
    /// The time its end record gave.
    ended: Option<Time>,
}

/// The names sessions use, each once, and their places.
#[derive(Default)]
struct Names<'a> {
    all: Vec<&'a str>,
    places: HashMap<&'a str, usize>,
}

impl<'a> Names<'a> {
    fn place(&mut self, name: &'a str) -> usize {
        *self.places.entry(name).or_insert_with(|| {
            self.all.push(name);
            self.all.len() - 1
        })
    }

    fn keep(&mut self, session: &'a SessionView, ended: Option<&Duration>) -> KeptSession {
        // Each of its check-ins names the session it is in: no need to say so again.
        let unnamed = |c: &CheckIn| CheckIn {
            session: c.session.filter(|id| *id != session.id),
            ..c.clone()
        };
        KeptSession {
            id: session.id,
            routine: self.place(&session.routine),
            started: session.started,
            outcome: session.outcome,
            elapsed: time(session.elapsed),
            before: session.before.as_ref().map(unnamed),
            during: (session.during.iter())
                .map(|d| Dated {
                    at: d.at,
                    value: unnamed(&d.value),
                })
                .collect(),
            after: session.after.as_ref().map(unnamed),
            next_morning: session.next_morning.as_ref().map(unnamed),
            pain_rules: session.pain_rules.clone(),
            steps: (session.steps.iter())
                .map(|s| {
                    let title = self.place(&s.title);
                    (s.step, title, time(s.planned), time(s.actual), s.skipped)
                })
                .collect(),
            planned: session.planned.map(time),
            ended: ended.copied().map(time),
        }
    }
}

/// The sessions of a line of [`encode`], with their names, and the time each one's end record
/// gave; `None` for a name out of place.
fn sessions(line: &[u8], names: &[String]) -> Option<(Vec<SessionView>, Ended)> {
    let kept: Vec<KeptSession> = serde_json::from_slice(line).ok()?;
    let name = |place: usize| names.get(place).cloned();
    let ended = (kept.iter())
        .filter_map(|k| Some((k.id, duration(k.ended?))))
        .collect();
    let sessions = kept
        .into_iter()
        .map(|k| {
            let in_it = |mut c: CheckIn| {
                c.session = c.session.or(Some(k.id));
                c
            };
            let steps = (k.steps.into_iter())
                .map(|(step, title, planned, actual, skipped)| {
                    Some(StepView {
                        step,
                        title: name(title)?,
                        planned: duration(planned),
                        actual: duration(actual),
                        skipped,
                    })
                })
                .collect::<Option<_>>()?;
            Some(SessionView {
                id: k.id,
                routine: name(k.routine)?,
                started: k.started,
                outcome: k.outcome,
                elapsed: duration(k.elapsed),
                before: k.before.map(in_it),
                during: (k.during.into_iter())
                    .map(|d| Dated {
                        at: d.at,
                        value: in_it(d.value),
                    })
                    .collect(),
                after: k.after.map(in_it),
                next_morning: k.next_morning.map(in_it),
                pain_rules: k.pain_rules,
                steps,
                planned: k.planned.map(duration),
            })
        })
        .collect::<Option<_>>()?;
    Some((sessions, ended))
}

/// Everything of the view but its sessions and the ids seen, lent to be written.
#[derive(Serialize)]
struct RestOf<'a> {
    logs: &'a [Dated<CheckIn>],
    safety: &'a [Dated<SafetyCheck>],
    breaks: &'a [Dated<SittingBreak>],
    weekly: &'a [Dated<WeeklyCheck>],
}

/// The same, read back.
#[derive(Deserialize)]
struct Rest {
    logs: Vec<Dated<CheckIn>>,
    safety: Vec<Dated<SafetyCheck>>,
    breaks: Vec<Dated<SittingBreak>>,
    weekly: Vec<Dated<WeeklyCheck>>,
}

/// The five lines of a view's derived form.
///
/// # Errors
/// What `serde_json` reports, which for these types it never does.
pub fn encode(folder: &ViewFolder) -> serde_json::Result<Vec<u8>> {
    let view = &folder.0;
    let mut names = Names::default();
    let kept: Vec<KeptSession> = (view.sessions.iter())
        .map(|s| names.keep(s, view.index.ended.get(&s.id)))
        .collect();
    let (first, second) = kept.split_at(kept.len() / 2);
    let mut bytes = serde_json::to_vec(&names.all)?;
    for half in [first, second] {
        bytes.push(b'\n');
        serde_json::to_writer(&mut bytes, half)?;
    }
    bytes.push(b'\n');
    serde_json::to_writer(
        &mut bytes,
        &RestOf {
            logs: &view.logs,
            safety: &view.safety,
            breaks: &view.breaks,
            weekly: &view.weekly,
        },
    )?;
    bytes.push(b'\n');
    bytes.extend_from_slice(&view.index.seen.digits());
    Ok(bytes)
}

/// A view read back from [`encode`]'s lines; `None` for anything else.
pub fn decode(bytes: &[u8]) -> Option<ViewFolder> {
    let mut lines = bytes.splitn(5, |b| *b == b'\n');
    let names: Vec<String> = serde_json::from_slice(lines.next()?).ok()?;
    let (first, second, rest, seen) = (lines.next()?, lines.next()?, lines.next()?, lines.next()?);
    let ((first, seen), (second, rest)) = std::thread::scope(|scope| {
        let there = scope.spawn(|| (sessions(first, &names), Seen::from_digits(seen)));
        let here = (
            sessions(second, &names),
            serde_json::from_slice::<Rest>(rest).ok(),
        );
        (there.join().unwrap_or_default(), here)
    });
    let ((mut sessions, mut ended), (later, ended_later), rest) = (first?, second?, rest?);
    sessions.extend(later);
    ended.extend(ended_later);
    // Where each session and quick log lies is where it was kept: found again, not kept twice.
    Some(ViewFolder(History {
        index: Index {
            seen: seen?,
            sessions: places(&sessions, |s| s.id),
            log_forms: places(&rest.logs, |l| l.value.form),
            ended: ended.into_iter().collect(),
        },
        sessions,
        logs: rest.logs,
        safety: rest.safety,
        breaks: rest.breaks,
        weekly: rest.weekly,
    }))
}
