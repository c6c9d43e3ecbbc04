//! What the history says: sessions with their pain before and after, quick logs, per-routine
//! figures, which steps seem to help, the streak. Pure functions of the loaded events.

use std::time::Duration;

use chrono::{DateTime, Days, FixedOffset, NaiveDate};
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

#[derive(Debug, Clone, PartialEq)]
pub struct RoutineFigures {
    pub routine: String,
    pub sessions: usize,
    pub completed: usize,
    /// Sessions with a pain score both before and after.
    pub with_change: usize,
    /// Mean of (after - before) over those sessions.
    pub average_change: Option<f64>,
}

/// Per routine, most used first.
pub fn per_routine(h: &History) -> Vec<RoutineFigures> {
    let mut figures: Vec<RoutineFigures> = Vec::new();
    for s in &h.sessions {
        let f = match figures.iter_mut().position(|f| f.routine == s.routine) {
            Some(i) => &mut figures[i],
            None => {
                figures.push(RoutineFigures {
                    routine: s.routine.clone(),
                    sessions: 0,
                    completed: 0,
                    with_change: 0,
                    average_change: None,
                });
                let last = figures.len() - 1;
                &mut figures[last]
            }
        };
        f.sessions += 1;
        f.completed += usize::from(s.outcome == Outcome::Completed);
        if let Some(change) = s.change() {
            let total = f.average_change.unwrap_or(0.0) * f.with_change as f64;
            f.with_change += 1;
            f.average_change = Some((total + f64::from(change.delta())) / f.with_change as f64);
        }
    }
    figures.sort_by_key(|f| std::cmp::Reverse(f.sessions));
    figures
}

#[derive(Debug, Clone, PartialEq)]
pub struct StepEffect {
    pub routine: String,
    /// The step just before the check-in that measured it.
    pub step: String,
    pub average_change: f64,
    pub count: usize,
}

/// For each check-in during or after a session, the change from the score before it, credited
/// to the step just before it; averaged across sessions.
pub fn step_effects(h: &History) -> Vec<StepEffect> {
    let mut sums: Vec<(String, String, i64, usize)> = Vec::new();
    for s in &h.sessions {
        let mut previous = s.pain_before();
        let mut scores: Vec<(Option<String>, Option<u8>)> = s
            .during
            .iter()
            .map(|d| (d.value.after_step.clone(), d.value.pain))
            .collect();
        if let Some(after) = &s.after {
            let last_step = s.steps.last().map(|st| st.title.clone());
            scores.push((after.after_step.clone().or(last_step), after.pain));
        }
        for (step, pain) in scores {
            if let (Some(before), Some(now), Some(step)) = (previous, pain, step) {
                let delta = i64::from(now) - i64::from(before);
                match sums
                    .iter_mut()
                    .find(|(r, st, ..)| *r == s.routine && *st == step)
                {
                    Some(entry) => {
                        entry.2 += delta;
                        entry.3 += 1;
                    }
                    None => sums.push((s.routine.clone(), step, delta, 1)),
                }
            }
            if pain.is_some() {
                previous = pain;
            }
        }
    }
    sums.into_iter()
        .map(|(routine, step, total, count)| StepEffect {
            routine,
            step,
            average_change: total as f64 / count as f64,
            count,
        })
        .collect()
}

/// Days in a row with at least one session, counting back from today (or from yesterday,
/// so the streak is not lost before today's session).
pub fn streak(h: &History, today: NaiveDate) -> u32 {
    let days: std::collections::HashSet<NaiveDate> =
        h.sessions.iter().map(|s| s.started.date_naive()).collect();
    let mut day = if days.contains(&today) {
        today
    } else {
        match today.checked_sub_days(Days::new(1)) {
            Some(d) => d,
            None => return 0,
        }
    };
    let mut count = 0;
    while days.contains(&day) {
        count += 1;
        match day.checked_sub_days(Days::new(1)) {
            Some(d) => day = d,
            None => break,
        }
    }
    count
}

/// Sessions a week, averaged over the last four weeks.
pub fn per_week(h: &History, today: NaiveDate) -> f64 {
    let Some(start) = today.checked_sub_days(Days::new(27)) else {
        return 0.0;
    };
    let recent = h
        .sessions
        .iter()
        .filter(|s| (start..=today).contains(&s.started.date_naive()))
        .count();
    recent as f64 / 4.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(day: u32, hour: u32) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(&format!("2026-11-{day:02}T{hour:02}:00:00+01:00")).unwrap()
    }

    fn entry(at: DateTime<FixedOffset>, event: Event) -> Entry {
        Entry::at(at, event)
    }

    fn check(session: Option<Uuid>, moment: Moment, pain: u8, after_step: Option<&str>) -> Event {
        Event::CheckIn(CheckIn {
            form: Uuid::now_v7(),
            session,
            moment,
            after_step: after_step.map(String::from),
            pain: Some(pain),
            ..CheckIn::default()
        })
    }

    /// A session on `day`: pain before, one check-in after the ball, pain after.
    fn session(day: u32, before: u8, mid: u8, after: u8, ended: bool) -> Vec<Entry> {
        let id = Uuid::now_v7();
        let mut v = vec![
            entry(
                at(day, 8),
                Event::SessionStarted {
                    session: id,
                    routine: "Gentle start".into(),
                    routine_hash: "abc".into(),
                },
            ),
            entry(at(day, 8), check(Some(id), Moment::Before, before, None)),
            entry(
                at(day, 8),
                Event::StepDone {
                    session: id,
                    step: 0,
                    title: "Ball".into(),
                    planned_s: 120.0,
                    actual_s: 100.0,
                    skipped: true,
                },
            ),
            entry(
                at(day, 8),
                check(Some(id), Moment::During, mid, Some("Ball")),
            ),
            entry(
                at(day, 8),
                Event::StepDone {
                    session: id,
                    step: 2,
                    title: "Stretch".into(),
                    planned_s: 60.0,
                    actual_s: 60.0,
                    skipped: false,
                },
            ),
        ];
        if ended {
            v.push(entry(
                at(day, 9),
                Event::SessionEnded {
                    session: id,
                    outcome: Outcome::Completed,
                    elapsed_s: 600.0,
                },
            ));
        }
        v.push(entry(
            at(day, 9),
            check(Some(id), Moment::After, after, None),
        ));
        v
    }

    #[test]
    fn verdicts_follow_the_two_point_or_thirty_percent_rule() {
        let v = |before, after| Change { before, after }.verdict();
        assert_eq!(v(6, 4), Verdict::Better);
        assert_eq!(v(6, 5), Verdict::SlightlyLower);
        assert_eq!(v(3, 2), Verdict::Better, "33% down");
        assert_eq!(v(8, 7), Verdict::SlightlyLower, "12% down");
        assert_eq!(v(5, 5), Verdict::Same);
        assert_eq!(v(0, 1), Verdict::SlightlyHigher);
        assert_eq!(v(4, 6), Verdict::Worse);
    }

    #[test]
    fn sessions_collect_their_check_ins_and_steps() {
        let h = build(&session(20, 6, 5, 3, true));
        assert_eq!(h.sessions.len(), 1);
        let s = &h.sessions[0];
        assert_eq!(s.routine, "Gentle start");
        assert_eq!(s.outcome, Outcome::Completed);
        assert_eq!(s.elapsed, Duration::from_secs(600));
        assert_eq!(
            s.change(),
            Some(Change {
                before: 6,
                after: 3
            })
        );
        assert_eq!(s.during.len(), 1);
        assert_eq!(s.steps.len(), 2);
    }

    #[test]
    fn a_session_without_an_end_is_interrupted_and_timed_by_its_steps() {
        let h = build(&session(20, 6, 5, 3, false));
        assert_eq!(h.sessions[0].outcome, Outcome::Interrupted);
        assert_eq!(h.sessions[0].elapsed, Duration::from_secs(160));
    }

    #[test]
    fn an_event_written_twice_counts_once() {
        let once = session(20, 6, 5, 3, false);
        let twice: Vec<Entry> = once.iter().chain(&once).cloned().collect();
        assert_eq!(build(&twice), build(&once));
        assert_eq!(build(&twice).sessions[0].steps.len(), 2);
    }

    #[test]
    fn a_form_saved_answer_by_answer_counts_once_with_its_last_answers() {
        let form = Uuid::now_v7();
        let first = CheckIn {
            form,
            pain: Some(4),
            ..CheckIn::default()
        };
        let second = CheckIn {
            note: Some("after a walk".into()),
            ..first.clone()
        };
        let h = build(&[
            entry(at(20, 8), Event::CheckIn(first)),
            entry(at(20, 8), Event::CheckIn(second.clone())),
        ]);
        assert_eq!(h.logs.len(), 1);
        assert_eq!(h.logs[0].value, second);
    }

    #[test]
    fn per_routine_averages_the_change() {
        let mut all = session(18, 6, 5, 3, true);
        all.extend(session(19, 5, 5, 5, true));
        all.extend(session(20, 7, 6, 6, false));
        let f = per_routine(&build(&all));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].sessions, 3);
        assert_eq!(f[0].completed, 2);
        assert_eq!(f[0].with_change, 3);
        assert!((f[0].average_change.unwrap() - (-4.0 / 3.0)).abs() < 1e-9);
    }

    #[test]
    fn step_effects_credit_the_step_before_each_check_in() {
        let mut all = session(18, 6, 4, 3, true);
        all.extend(session(19, 5, 4, 4, true));
        let effects = step_effects(&build(&all));
        let ball = effects.iter().find(|e| e.step == "Ball").unwrap();
        assert_eq!(ball.count, 2);
        assert!((ball.average_change - -1.5).abs() < 1e-9);
        let stretch = effects.iter().find(|e| e.step == "Stretch").unwrap();
        assert!((stretch.average_change - -0.5).abs() < 1e-9);
    }

    #[test]
    fn streak_counts_days_in_a_row_up_to_today_or_yesterday() {
        let mut all = session(17, 5, 5, 5, true);
        all.extend(session(19, 5, 5, 5, true));
        all.extend(session(20, 5, 5, 5, true));
        let h = build(&all);
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        assert_eq!(streak(&h, day(20)), 2);
        assert_eq!(streak(&h, day(21)), 2, "today's session may still come");
        assert_eq!(streak(&h, day(22)), 0);
        assert!((per_week(&h, day(21)) - 0.75).abs() < 1e-9);
    }
}
