//! Figures from the history: per routine, the stretches of a routine between two pain scores,
//! the streak and sessions a week. Pure functions of the sessions built from the events.

use chrono::{Days, NaiveDate};

use super::event::BreakAnswer;
use super::view::{Finish, History, StepView};

#[derive(Debug, Clone, PartialEq)]
pub struct RoutineFigures {
    pub routine: String,
    pub sessions: usize,
    /// Sessions that reached their end with most of the routine done ([`Finish::Completed`]).
    pub completed: usize,
    /// Sessions with a pain score both before and after whose change can be read: not most of
    /// the routine skipped, not too short ([`super::SessionView::not_readable`], CLINICAL §5).
    pub with_change: usize,
    /// Mean of (after - before) over those sessions, 0–10 points.
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
        f.completed += usize::from(s.finish() == Finish::Completed);
        if let Some(change) = s.change().filter(|_| s.not_readable().is_none()) {
            let total = f.average_change.unwrap_or(0.0) * f.with_change as f64;
            f.with_change += 1;
            f.average_change = Some((total + f64::from(change.delta())) / f.with_change as f64);
        }
    }
    figures.sort_by_key(|f| std::cmp::Reverse(f.sessions));
    figures
}

/// Fewer data points than this show nothing: an average of a handful of scores says little
/// (CLINICAL §5).
pub const STRETCH_MIN_SESSIONS: usize = 5;

/// A stretch of a routine: the steps done between two pain scores, with the change from the
/// first score to the second averaged over the sessions that did every one of its steps.
/// Routines run in a fixed order, so this describes the stretch, never one step's effect.
#[derive(Debug, Clone, PartialEq)]
pub struct Stretch {
    pub routine: String,
    /// The titles of its steps, in order; never empty.
    pub steps: Vec<String>,
    /// Mean of (score after the stretch - score before it).
    pub average_change: f64,
    /// Sessions it rests on.
    pub sessions: usize,
}

/// Where the history's stretches are being added up: by routine and steps, the sum of the
/// changes and how many there were.
struct Tally<'a> {
    routine: &'a str,
    steps: &'a [StepView],
    total: i64,
    count: usize,
}

/// The stretches of every routine done fully, with a pain score on either side, in at least
/// [`STRETCH_MIN_SESSIONS`] sessions; each routine's stretches together, in the order they come.
///
/// A session's pain scores are walked in order (before, each check-in during it, after), and
/// between two scores lie the steps recorded since the first: a check-in's `after_step` names
/// the last of them. A stretch counts for a session only when it holds a step, none of its steps
/// was skipped and both scores were given. The stretch to the end counts only when the session
/// was completed, since a session stopped early did not reach the routine's end. A check-in
/// naming a step that is not among those left is a record that does not line up, and the rest
/// of that session counts nothing.
pub fn stretches(h: &History) -> Vec<Stretch> {
    let mut tallies: Vec<Tally> = Vec::new();
    for s in &h.sessions {
        let mut rest: &[StepView] = &s.steps;
        let mut score = s.pain_before();
        let mut lined_up = true;
        for d in &s.during {
            let taken = match d.value.after_step.as_deref() {
                // The check-in came first, or right after another: no step since the last score.
                None => Some(0),
                Some(title) => rest.iter().position(|st| st.title == title).map(|i| i + 1),
            };
            let Some(taken) = taken else {
                lined_up = false;
                break;
            };
            let (stretch, later) = rest.split_at(taken);
            tally(&mut tallies, &s.routine, stretch, score, d.value.pain);
            rest = later;
            score = d.value.pain;
        }
        if lined_up && s.finish() == Finish::Completed {
            tally(&mut tallies, &s.routine, rest, score, s.pain_after());
        }
    }
    let mut routines: Vec<&str> = Vec::new();
    for t in &tallies {
        if !routines.contains(&t.routine) {
            routines.push(t.routine);
        }
    }
    let mut found: Vec<Stretch> = tallies
        .into_iter()
        .filter(|t| t.count >= STRETCH_MIN_SESSIONS)
        .map(|t| Stretch {
            routine: t.routine.to_string(),
            steps: t.steps.iter().map(|st| st.title.clone()).collect(),
            average_change: t.total as f64 / t.count as f64,
            sessions: t.count,
        })
        .collect();
    found.sort_by_key(|f| routines.iter().position(|r| *r == f.routine));
    found
}

/// Adds one session's stretch to the tallies, if it counts: a step at least, none skipped, a
/// pain score on either side.
fn tally<'a>(
    tallies: &mut Vec<Tally<'a>>,
    routine: &'a str,
    steps: &'a [StepView],
    before: Option<u8>,
    after: Option<u8>,
) {
    let (Some(before), Some(after)) = (before, after) else {
        return;
    };
    if steps.is_empty() || steps.iter().any(|st| st.skipped) {
        return;
    }
    let change = i64::from(after) - i64::from(before);
    let same = |t: &Tally| {
        t.routine == routine
            && t.steps.len() == steps.len()
            && t.steps.iter().zip(steps).all(|(a, b)| a.title == b.title)
    };
    match tallies.iter_mut().find(|t| same(t)) {
        Some(t) => {
            t.total += change;
            t.count += 1;
        }
        None => tallies.push(Tally {
            routine,
            steps,
            total: change,
            count: 1,
        }),
    }
}

/// Days in a row with at least one session, counting back from today (or from yesterday,
/// so the streak is not lost before today's session); `days` are the sessions' local dates.
pub fn streak(days: impl IntoIterator<Item = NaiveDate>, today: NaiveDate) -> u32 {
    let days: std::collections::HashSet<NaiveDate> = days.into_iter().collect();
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

/// Sessions a week, averaged over the last four weeks; `days` are the sessions' local dates.
pub fn per_week(days: impl IntoIterator<Item = NaiveDate>, today: NaiveDate) -> f64 {
    let Some(start) = today.checked_sub_days(Days::new(27)) else {
        return 0.0;
    };
    let recent = days
        .into_iter()
        .filter(|day| (start..=today).contains(day))
        .count();
    recent as f64 / 4.0
}

/// Sitting-break answers of `unknot desk` over the last seven days, today included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BreakFigures {
    pub taken: usize,
    pub snoozed: usize,
    pub skipped: usize,
}

/// How the sitting-break prompts of the last seven days (today and the six before) were answered.
pub fn sitting_breaks(h: &History, today: NaiveDate) -> BreakFigures {
    let start = today.checked_sub_days(Days::new(6)).unwrap_or(today);
    sitting_breaks_between(h, start, today)
}

/// How the sitting-break prompts from `from` to `to` (local dates, both included) were answered.
pub fn sitting_breaks_between(h: &History, from: NaiveDate, to: NaiveDate) -> BreakFigures {
    let mut figures = BreakFigures::default();
    for b in h
        .breaks
        .iter()
        .filter(|b| (from..=to).contains(&b.at.date_naive()))
    {
        match b.value.answer {
            BreakAnswer::Taken => figures.taken += 1,
            BreakAnswer::Snoozed => figures.snoozed += 1,
            BreakAnswer::Skipped => figures.skipped += 1,
        }
    }
    figures
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
    use crate::history::Outcome;
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
                    planned_s: 120.0,
                    actual_s: 120.0,
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
        assert_eq!(h.sessions[0].elapsed, Duration::from_secs(220));
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

    /// A session that reached its end with most of the routine skipped, and one too short, are
    /// counted as sessions but neither as completed nor in the average change: the list, the
    /// summary and the exports call them "mostly skipped" and "not judged".
    #[test]
    fn per_routine_counts_what_the_list_calls_completed_and_averages_only_judged_changes() {
        let mut all = session(18, 6, 5, 3, true);
        let skipped = [
            Part::Skipped("Ball", 5.0),
            Part::Skipped("Stretch", 5.0),
            Part::Done("Rest"),
        ];
        all.extend(run(
            19,
            8,
            "Gentle start",
            6,
            &skipped,
            Outcome::Completed,
            2,
        ));
        all.extend(run(
            19,
            9,
            "Gentle start",
            6,
            &[Part::Done("Rest")],
            Outcome::Completed,
            2,
        ));
        let h = build(&all);
        assert_eq!(h.sessions[1].finish(), Finish::MostlySkipped);
        assert!(h.sessions[2].not_readable().is_some(), "a minute done");
        let f = per_routine(&h);
        assert_eq!(f[0].sessions, 3);
        assert_eq!(
            f[0].completed, 2,
            "the one done, and the minute done in full"
        );
        assert_eq!(f[0].with_change, 1);
        assert_eq!(f[0].average_change, Some(-3.0));
    }

    /// One part of a routine as it was run: a step (done, or skipped after `seconds`), or a
    /// check-in answered with a pain score.
    #[derive(Clone, Copy)]
    enum Part {
        Done(&'static str),
        Skipped(&'static str, f64),
        Check(u8),
    }

    /// A session of `routine` on `day` at `hour`: the pain before, the parts in order, the end
    /// (`outcome`) and the pain after. A check-in names the step just before it, as the session
    /// does, and none when a check-in or nothing came before.
    fn run(
        day: u32,
        hour: u32,
        routine: &str,
        before: u8,
        parts: &[Part],
        outcome: Outcome,
        after: u8,
    ) -> Vec<Entry> {
        let id = Uuid::now_v7();
        let when = at(day, hour);
        let mut v = vec![
            entry(
                when,
                Event::SessionStarted {
                    session: id,
                    routine: routine.into(),
                    routine_hash: "abc".into(),
                    planned_s: None,
                },
            ),
            entry(when, check(Some(id), Moment::Before, before, None)),
        ];
        let mut previous: Option<&str> = None;
        for (n, part) in parts.iter().enumerate() {
            let (title, skipped, actual_s) = match part {
                Part::Done(title) => (*title, false, 60.0),
                Part::Skipped(title, seconds) => (*title, true, *seconds),
                Part::Check(pain) => {
                    v.push(entry(
                        when,
                        check(Some(id), Moment::During, *pain, previous),
                    ));
                    previous = None;
                    continue;
                }
            };
            v.push(entry(
                when,
                Event::StepDone {
                    session: id,
                    step: n,
                    title: title.into(),
                    planned_s: 60.0,
                    actual_s,
                    skipped,
                },
            ));
            previous = Some(title);
        }
        v.push(entry(
            when,
            Event::SessionEnded {
                session: id,
                outcome,
                elapsed_s: 600.0,
            },
        ));
        v.push(entry(when, check(Some(id), Moment::After, after, None)));
        v
    }

    /// `n` sessions of `routine`, one an hour on the 20th from 8 on, each from `session(i)`.
    fn sessions(n: u32, routine: &str, session: impl Fn(u32) -> (u8, Vec<Part>, u8)) -> Vec<Entry> {
        (0..n)
            .flat_map(|i| {
                let (before, parts, after) = session(i);
                run(
                    20,
                    8 + i,
                    routine,
                    before,
                    &parts,
                    Outcome::Completed,
                    after,
                )
            })
            .collect()
    }

    fn titles(steps: &[&str]) -> Vec<String> {
        steps.iter().map(|s| (*s).to_string()).collect()
    }

    #[test]
    fn five_full_sessions_give_one_stretch_with_its_average_and_label() {
        use Part::{Check, Done};
        // Pain 6 before, then 5, 4, 3, 6 and 6 at the check-in: changes -1, -2, -3, 0, 0.
        let mids = [5, 4, 3, 6, 6];
        let all = sessions(5, "Gentle start", |i| {
            (
                6,
                vec![
                    Done("Pelvic tilts"),
                    Done("Tennis ball under the glutes"),
                    Check(mids[i as usize]),
                ],
                5,
            )
        });
        let found = stretches(&build(&all));
        assert_eq!(found.len(), 1, "{found:?}");
        let s = &found[0];
        assert_eq!(s.routine, "Gentle start");
        assert_eq!(
            s.steps,
            titles(&["Pelvic tilts", "Tennis ball under the glutes"])
        );
        assert_eq!(s.sessions, 5);
        assert!((s.average_change - -1.2).abs() < 1e-9);
        assert_eq!(
            crate::text::review::stretch_line(&s.steps, &s.routine, s.average_change, s.sessions),
            "  Pelvic tilts to Tennis ball under the glutes (Gentle start): average change -1.2 over 5 sessions"
        );
        assert_eq!(
            crate::text::review::stretch_label(&titles(&["Knee to chest"])),
            "Knee to chest"
        );
    }

    #[test]
    fn fewer_than_five_sessions_show_nothing() {
        use Part::{Check, Done};
        let all = sessions(4, "Gentle start", |_| {
            (
                6,
                vec![Done("Pelvic tilts"), Check(3), Done("Knee to chest")],
                2,
            )
        });
        let h = build(&all);
        assert_eq!(h.sessions.len(), 4);
        assert_eq!(stretches(&h), Vec::new());
        // The fifth makes both stretches show.
        let mut all = all;
        all.extend(run(
            21,
            8,
            "Gentle start",
            6,
            &[Done("Pelvic tilts"), Check(3), Done("Knee to chest")],
            Outcome::Completed,
            2,
        ));
        let found = stretches(&build(&all));
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found.iter().all(|s| s.sessions == 5));
    }

    #[test]
    fn a_step_skipped_after_no_time_is_never_credited() {
        use Part::{Check, Done, Skipped};
        // The ball skipped at once, then pain 3 points lower at the check-in after it.
        let all = sessions(6, "Gentle start", |_| {
            (
                6,
                vec![
                    Skipped("Tennis ball under the glutes", 0.0),
                    Check(3),
                    Done("Knee to chest"),
                ],
                3,
            )
        });
        let found = stretches(&build(&all));
        assert!(
            found
                .iter()
                .all(|s| !s.steps.iter().any(|t| t == "Tennis ball under the glutes")),
            "{found:?}"
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].steps, titles(&["Knee to chest"]));
        assert!(found[0].average_change.abs() < 1e-9);
    }

    #[test]
    fn a_routine_ending_with_a_check_in_counts_its_end_once() {
        use Part::{Check, Done};
        // The last step is a check-in, then the questions after: nothing lies between the two
        // scores, so the steps before the check-in are counted once, against the check-in.
        let all = sessions(5, "Daily standard", |_| {
            (
                6,
                vec![Done("Pelvic tilts"), Done("Knee rolls"), Check(4)],
                5,
            )
        });
        let found = stretches(&build(&all));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].steps, titles(&["Pelvic tilts", "Knee rolls"]));
        assert_eq!(found[0].sessions, 5);
        assert!((found[0].average_change - -2.0).abs() < 1e-9);
    }

    #[test]
    fn a_skipped_step_keeps_its_session_out_of_that_stretch_only() {
        use Part::{Check, Done, Skipped};
        let mut all = sessions(5, "Daily standard", |_| {
            (
                6,
                vec![
                    Done("Pelvic tilts"),
                    Done("Knee rolls"),
                    Check(5),
                    Done("Cat-camel"),
                ],
                3,
            )
        });
        // A sixth session skips the knee rolls halfway: its first stretch does not count, its
        // second does.
        all.extend(run(
            21,
            8,
            "Daily standard",
            6,
            &[
                Done("Pelvic tilts"),
                Skipped("Knee rolls", 30.0),
                Check(2),
                Done("Cat-camel"),
            ],
            Outcome::Completed,
            0,
        ));
        let found = stretches(&build(&all));
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].steps, titles(&["Pelvic tilts", "Knee rolls"]));
        assert_eq!(found[0].sessions, 5);
        assert!((found[0].average_change - -1.0).abs() < 1e-9);
        assert_eq!(found[1].steps, titles(&["Cat-camel"]));
        assert_eq!(found[1].sessions, 6);
        assert!((found[1].average_change - -2.0).abs() < 1e-9);
    }

    #[test]
    fn a_session_stopped_early_does_not_count_its_stretch_to_the_end() {
        use Part::{Check, Done};
        let mut all = sessions(5, "Gentle start", |_| {
            (
                6,
                vec![Done("Pelvic tilts"), Check(5), Done("Knee to chest")],
                4,
            )
        });
        // Stopped after the knee to chest, before a step that was never begun (and so never
        // recorded): the stretch to the end was not done.
        all.extend(run(
            21,
            8,
            "Gentle start",
            6,
            &[Done("Pelvic tilts"), Check(5), Done("Knee to chest")],
            Outcome::Quit,
            1,
        ));
        let found = stretches(&build(&all));
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].steps, titles(&["Pelvic tilts"]));
        assert_eq!(found[0].sessions, 6);
        assert_eq!(found[1].steps, titles(&["Knee to chest"]));
        assert_eq!(found[1].sessions, 5);
        assert!((found[1].average_change - -1.0).abs() < 1e-9);
    }

    #[test]
    fn a_check_in_first_or_right_after_another_adds_no_empty_stretch() {
        use Part::{Check, Done};
        let all = sessions(5, "Gentle start", |_| {
            (
                7,
                vec![
                    Check(6),
                    Done("Pelvic tilts"),
                    Check(4),
                    Check(5),
                    Done("Knee to chest"),
                ],
                2,
            )
        });
        let found = stretches(&build(&all));
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].steps, titles(&["Pelvic tilts"]));
        assert!((found[0].average_change - -2.0).abs() < 1e-9);
        assert_eq!(found[1].steps, titles(&["Knee to chest"]));
        assert!((found[1].average_change - -3.0).abs() < 1e-9);
    }

    #[test]
    fn a_check_in_naming_a_step_not_recorded_stops_its_session_counting() {
        use Part::{Check, Done};
        let parts = [Done("Pelvic tilts"), Check(5), Done("Knee to chest")];
        let mut all = sessions(5, "Gentle start", |_| (6, parts.to_vec(), 4));
        // A sixth session whose check-in names a step it never recorded.
        all.extend(
            run(21, 8, "Gentle start", 6, &parts, Outcome::Completed, 4)
                .into_iter()
                .map(|mut e| {
                    if let Event::CheckIn(c) = &mut e.event
                        && c.moment == Moment::During
                    {
                        c.after_step = Some("Cat-camel".into());
                    }
                    e
                }),
        );
        let found = stretches(&build(&all));
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found.iter().all(|s| s.sessions == 5), "{found:?}");
    }

    #[test]
    fn each_routine_keeps_its_own_stretches() {
        use Part::{Check, Done};
        let mut all = sessions(5, "Gentle start", |_| {
            (6, vec![Done("Pelvic tilts"), Check(5)], 5)
        });
        all.extend((0..5).flat_map(|i| {
            run(
                22,
                8 + i,
                "Desk break",
                4,
                &[Done("Pelvic tilts"), Check(2)],
                Outcome::Completed,
                2,
            )
        }));
        let found = stretches(&build(&all));
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].routine, "Gentle start");
        assert!((found[0].average_change - -1.0).abs() < 1e-9);
        assert_eq!(found[1].routine, "Desk break");
        assert!((found[1].average_change - -2.0).abs() < 1e-9);
    }

    #[test]
    fn streak_counts_days_in_a_row_up_to_today_or_yesterday() {
        let mut all = session(17, 5, 5, 5, true);
        all.extend(session(19, 5, 5, 5, true));
        all.extend(session(20, 5, 5, 5, true));
        let h = build(&all);
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        let days = || h.sessions.iter().map(|s| s.started.date_naive());
        assert_eq!(streak(days(), day(20)), 2);
        assert_eq!(streak(days(), day(21)), 2, "today's session may still come");
        assert_eq!(streak(days(), day(22)), 0);
        assert!((per_week(days(), day(21)) - 0.75).abs() < 1e-9);
    }

    #[test]
    fn sitting_breaks_count_the_answers_of_the_last_seven_days() {
        use crate::history::{BreakAnswer, SittingBreak};
        let answered = |day, answer| {
            entry(
                at(day, 10),
                Event::SittingBreak(SittingBreak {
                    answer,
                    sitting_s: 2700.0,
                }),
            )
        };
        let h = build(&[
            answered(3, BreakAnswer::Taken),
            answered(4, BreakAnswer::Taken),
            answered(9, BreakAnswer::Snoozed),
            answered(10, BreakAnswer::Taken),
            answered(10, BreakAnswer::Skipped),
        ]);
        let today = at(10, 12).date_naive();
        assert_eq!(
            sitting_breaks(&h, today),
            BreakFigures {
                taken: 2,
                snoozed: 1,
                skipped: 1
            }
        );
        assert_eq!(
            sitting_breaks(&History::default(), today),
            BreakFigures::default()
        );
    }
}
