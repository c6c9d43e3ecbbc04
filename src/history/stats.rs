//! Figures from the history: per routine, which steps seem to help, the streak and sessions
//! a week. Pure functions of the sessions built from the events.

use chrono::{Days, NaiveDate};

use super::event::Outcome;
use super::view::History;

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
        let i = figures
            .iter()
            .position(|f| f.routine == s.routine)
            .unwrap_or_else(|| {
                figures.push(RoutineFigures {
                    routine: s.routine.clone(),
                    sessions: 0,
                    completed: 0,
                    with_change: 0,
                    average_change: None,
                });
                figures.len() - 1
            });
        let f = &mut figures[i];
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
#[expect(
    clippy::disallowed_methods,
    reason = "made-up history lines get fresh ids"
)]
mod tests {
    use std::time::Duration;

    use chrono::{DateTime, FixedOffset};
    use uuid::Uuid;

    use super::*;
    use crate::history::{Change, CheckIn, Entry, Event, Moment, Verdict, build};

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
                    planned_s: None,
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
