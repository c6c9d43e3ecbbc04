//! Figures from the weekly checks: whether one is due, the activities named so far, and the
//! change over weeks with the thresholds of CLINICAL.md section 5.

use chrono::{DateTime, FixedOffset, TimeDelta};

use super::event::WeeklyCheck;
use super::view::Dated;

/// A week: a check is due this long after the last.
const WEEK: TimeDelta = TimeDelta::days(7);
/// About 2 points on a 0-10 scale, over weeks, is a change a person notices (CLINICAL §5).
pub const MEANINGFUL_POINTS: f64 = 2.0;

/// Folds a weekly check line into `checks`: a form saved again after another answer keeps its
/// latest answers, at the time it began.
pub(super) fn keep(
    checks: &mut Vec<Dated<WeeklyCheck>>,
    at: DateTime<FixedOffset>,
    check: &WeeklyCheck,
) {
    match checks.iter_mut().rev().find(|w| w.value.form == check.form) {
        Some(kept) => kept.value = check.clone(),
        None => checks.push(Dated {
            at,
            value: check.clone(),
        }),
    }
}

/// Whether the weekly check is due at `now`: never done, or the last one a week old or more.
pub fn weekly_due(checks: &[Dated<WeeklyCheck>], now: DateTime<FixedOffset>) -> bool {
    checks.last().is_none_or(|w| now - w.at >= WEEK)
}

/// The activities of the functional scale as last named, to rate again.
pub fn known_activities(checks: &[Dated<WeeklyCheck>]) -> Vec<String> {
    checks
        .iter()
        .rev()
        .find(|w| !w.value.activities.is_empty())
        .map(|w| w.value.activities.iter().map(|a| a.name.clone()).collect())
        .unwrap_or_default()
}

/// One score from its first weekly check to its last.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScoreChange {
    pub first: f64,
    pub last: f64,
}

impl ScoreChange {
    /// Last minus first.
    pub fn delta(self) -> f64 {
        self.last - self.first
    }

    /// A change of 2 points or more: beyond everyday ups and downs.
    pub fn meaningful(self) -> bool {
        self.delta().abs() >= MEANINGFUL_POINTS
    }
}

/// The weekly checks in a row: each score's change from the first check that has it to the
/// last, over at least two checks.
#[derive(Debug, Clone, PartialEq)]
pub struct WeeklyTrend {
    pub checks: usize,
    pub since: Option<DateTime<FixedOffset>>,
    /// The last check, as answered.
    pub last: Option<Dated<WeeklyCheck>>,
    pub leg_pain: Option<ScoreChange>,
    pub back_pain: Option<ScoreChange>,
    /// The functional scale's average; higher is better.
    pub function: Option<ScoreChange>,
}

pub fn weekly_trend(checks: &[Dated<WeeklyCheck>]) -> WeeklyTrend {
    let change = |score: &dyn Fn(&WeeklyCheck) -> Option<f64>| {
        let mut scores = checks.iter().filter_map(|c| score(&c.value));
        let first = scores.next()?;
        let last = scores.last()?;
        Some(ScoreChange { first, last })
    };
    WeeklyTrend {
        checks: checks.len(),
        since: checks.first().map(|c| c.at),
        last: checks.last().cloned(),
        leg_pain: change(&|c| c.leg_pain.map(f64::from)),
        back_pain: change(&|c| c.back_pain.map(f64::from)),
        function: change(&WeeklyCheck::function),
    }
}

#[cfg(test)]
#[expect(
    clippy::disallowed_methods,
    reason = "made-up history lines get fresh ids"
)]
mod tests {
    use uuid::Uuid;

    use super::*;
    use crate::history::{Activity, Entry, Event, build};

    fn at(day: u32) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(&format!("2026-11-{day:02}T09:00:00+01:00")).unwrap()
    }

    fn check(day: u32, leg: Option<u8>, activities: &[(&str, Option<u8>)]) -> Entry {
        Entry::at(
            at(day),
            Event::WeeklyCheck(WeeklyCheck {
                form: Uuid::now_v7(),
                leg_pain: leg,
                activities: activities
                    .iter()
                    .map(|(name, score)| Activity {
                        name: (*name).into(),
                        score: *score,
                    })
                    .collect(),
                ..WeeklyCheck::default()
            }),
        )
    }

    #[test]
    fn a_check_is_due_a_week_after_the_last_and_at_first() {
        assert!(weekly_due(&[], at(1)));
        let h = build(&[check(2, Some(5), &[])]);
        assert!(!weekly_due(&h.weekly, at(8)));
        assert!(weekly_due(&h.weekly, at(9)));
    }

    #[test]
    fn the_activities_are_the_last_ones_named() {
        let h = build(&[
            check(2, None, &[("Walking", Some(3))]),
            check(9, None, &[("Walking", Some(4)), ("Sleeping", None)]),
            check(16, Some(3), &[]),
        ]);
        assert_eq!(known_activities(&h.weekly), ["Walking", "Sleeping"]);
    }

    #[test]
    fn the_trend_runs_from_the_first_score_to_the_last_with_the_two_point_threshold() {
        let h = build(&[
            check(2, Some(7), &[("Walking", Some(2))]),
            check(9, None, &[("Walking", Some(3))]),
            check(16, Some(4), &[("Walking", Some(3)), ("Sleeping", Some(6))]),
        ]);
        let t = weekly_trend(&h.weekly);
        assert_eq!(t.checks, 3);
        let leg = t.leg_pain.unwrap();
        assert_eq!((leg.first, leg.last, leg.meaningful()), (7.0, 4.0, true));
        let f = t.function.unwrap();
        assert_eq!((f.first, f.last, f.meaningful()), (2.0, 4.5, true));
        assert_eq!(t.back_pain, None);
        assert_eq!(weekly_trend(&h.weekly[..1]).leg_pain, None);
    }
}
