//! The report for a physiotherapist: what the history holds over a period, gathered once
//! ([`Report::gather`], pure) and then written as one self-contained HTML page (`html.rs`, with
//! SVG charts from `charts.rs`) or as text for a terminal or a screen reader (`plain.rs`). The
//! wording and thresholds are those of CLINICAL.md sections 3, 5 and 6.

mod charts;
mod html;
mod plain;
#[cfg(test)]
mod tests;

use chrono::{DateTime, Datelike, Days, FixedOffset, NaiveDate};

use crate::history::{
    BreakFigures, CheckIn, Dated, History, SafetyCheck, SessionView, WeeklyCheck, WeeklyTrend,
    sitting_breaks_between, weekly_trend,
};
use crate::routine::{Routine, RoutineEntry};

pub use html::html;
pub use plain::text;

/// The days a report covers, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub since: NaiveDate,
    pub until: NaiveDate,
}

/// Days a report covers when no start is given: eight weeks, which fit two printed pages.
pub const DEFAULT_DAYS: u64 = 56;

impl Period {
    /// From `since` (default: eight weeks before `until`) to `until` (default: `today`).
    ///
    /// # Errors
    /// The start after the end, in one sentence.
    pub fn new(
        since: Option<NaiveDate>,
        until: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Result<Period, String> {
        let until = until.unwrap_or(today);
        let since = since.unwrap_or_else(|| {
            until
                .checked_sub_days(Days::new(DEFAULT_DAYS - 1))
                .unwrap_or(until)
        });
        if since > until {
            return Err(crate::text::report::err_backwards(since, until));
        }
        Ok(Period { since, until })
    }

    pub fn holds(self, at: &DateTime<FixedOffset>) -> bool {
        (self.since..=self.until).contains(&at.date_naive())
    }

    /// The Mondays of the weeks the period touches.
    fn weeks(self) -> Vec<NaiveDate> {
        let first = self.since
            - chrono::TimeDelta::days(i64::from(self.since.weekday().num_days_from_monday()));
        let mut weeks = Vec::new();
        let mut monday = first;
        while monday <= self.until {
            weeks.push(monday);
            monday += chrono::TimeDelta::days(7);
        }
        weeks
    }
}

/// One week of the calendar strip: which days had a session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Week {
    pub monday: NaiveDate,
    /// Monday to Sunday: sessions that day; `None` for days outside the period.
    pub days: [Option<usize>; 7],
}

impl Week {
    pub fn sessions(&self) -> usize {
        self.days.iter().flatten().sum()
    }
}

/// One week's figures, for the table under the pain chart.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekFigures {
    pub monday: NaiveDate,
    pub sessions: usize,
    pub completed: usize,
    /// Average pain before sessions, 0-10.
    pub before: Option<f64>,
    pub after: Option<f64>,
    /// Average pain of quick logs.
    pub logs: Option<f64>,
}

/// A routine as used in the period, with how often.
#[derive(Debug, Clone)]
pub struct Used {
    pub routine: Routine,
    pub sessions: usize,
}

/// Everything the report shows, for one period.
#[derive(Debug, Clone)]
pub struct Report {
    pub period: Period,
    /// When it was made.
    pub made: DateTime<FixedOffset>,
    pub weeks: Vec<Week>,
    pub sessions: Vec<SessionView>,
    /// Quick logs of pain outside sessions.
    pub logs: Vec<Dated<CheckIn>>,
    pub weekly: Vec<Dated<WeeklyCheck>>,
    pub trend: WeeklyTrend,
    /// Sessions whose next morning was asked: the session, and whether the pain was 2 or more
    /// points above its level before (a flare, CLINICAL §3).
    pub mornings: Vec<(SessionView, bool)>,
    pub safety: Vec<Dated<SafetyCheck>>,
    /// Routines used, most used first; those no longer found by name are left out.
    pub routines: Vec<Used>,
    /// Notes the person wrote, with when.
    pub notes: Vec<(DateTime<FixedOffset>, String)>,
    /// Sitting breaks: taken, snoozed, skipped.
    pub breaks: BreakFigures,
}

/// Pain 2 points above the level before the session, the morning after: a flare (CLINICAL §3).
const FLARE_POINTS: u8 = 2;

impl Report {
    /// What `history` holds in `period`; `entries` are the routines known now, for their steps.
    pub fn gather(
        history: &History,
        entries: &[RoutineEntry],
        period: Period,
        made: DateTime<FixedOffset>,
    ) -> Report {
        let sessions: Vec<SessionView> = history
            .sessions
            .iter()
            .filter(|s| period.holds(&s.started))
            .cloned()
            .collect();
        let weeks = period
            .weeks()
            .into_iter()
            .map(|monday| {
                let mut days = [None; 7];
                for (i, day) in days.iter_mut().enumerate() {
                    let date = monday + chrono::TimeDelta::days(i64::try_from(i).unwrap_or(0));
                    if (period.since..=period.until).contains(&date) {
                        *day = Some(
                            sessions
                                .iter()
                                .filter(|s| s.started.date_naive() == date)
                                .count(),
                        );
                    }
                }
                Week { monday, days }
            })
            .collect();
        let in_period = |at: &DateTime<FixedOffset>| period.holds(at);
        let mornings = sessions
            .iter()
            .filter_map(|s| {
                let morning = s.next_morning.as_ref()?.pain?;
                let flare = s
                    .pain_before()
                    .is_some_and(|before| morning >= before.saturating_add(FLARE_POINTS));
                Some((s.clone(), flare))
            })
            .collect();
        let mut used: Vec<Used> = Vec::new();
        for s in &sessions {
            match used.iter_mut().find(|u| u.routine.title == s.routine) {
                Some(u) => u.sessions += 1,
                None => {
                    if let Some(e) = entries.iter().find(|e| e.routine.title == s.routine) {
                        used.push(Used {
                            routine: e.routine.clone(),
                            sessions: 1,
                        });
                    }
                }
            }
        }
        used.sort_by_key(|u| std::cmp::Reverse(u.sessions));
        let mut notes: Vec<(DateTime<FixedOffset>, String)> = sessions
            .iter()
            .filter_map(|s| Some((s.started, s.after.as_ref()?.note.clone()?)))
            .chain(
                history
                    .logs
                    .iter()
                    .filter(|l| in_period(&l.at))
                    .filter_map(|l| Some((l.at, l.value.note.clone()?))),
            )
            .collect();
        notes.sort_by_key(|(at, _)| *at);
        let weekly: Vec<Dated<WeeklyCheck>> = history
            .weekly
            .iter()
            .filter(|w| in_period(&w.at))
            .cloned()
            .collect();
        Report {
            period,
            made,
            weeks,
            logs: history
                .logs
                .iter()
                .filter(|l| in_period(&l.at) && l.value.pain.is_some())
                .cloned()
                .collect(),
            trend: weekly_trend(&weekly),
            weekly,
            mornings,
            safety: safety_in(history, period),
            routines: used,
            notes,
            breaks: sitting_breaks_between(history, period.since, period.until),
            sessions,
        }
    }

    /// Nothing recorded in the period: no session, quick log or weekly check.
    pub fn is_empty(&self) -> bool {
        self.sessions.is_empty() && self.logs.is_empty() && self.weekly.is_empty()
    }

    /// Sessions a week, over the weeks of the period.
    pub fn per_week(&self) -> f64 {
        let days = (self.period.until - self.period.since).num_days() + 1;
        self.sessions.len() as f64 * 7.0 / days as f64
    }

    /// Each week's figures: sessions, completed, and average pain before and after sessions and
    /// in quick logs.
    pub fn week_figures(&self) -> Vec<WeekFigures> {
        let mean = |v: Vec<f64>| (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64);
        self.weeks
            .iter()
            .map(|w| {
                let end = w.monday + chrono::TimeDelta::days(7);
                let within =
                    |at: &DateTime<FixedOffset>| (w.monday..end).contains(&at.date_naive());
                let sessions: Vec<&SessionView> = self
                    .sessions
                    .iter()
                    .filter(|s| within(&s.started))
                    .collect();
                WeekFigures {
                    monday: w.monday,
                    sessions: sessions.len(),
                    completed: sessions
                        .iter()
                        .filter(|s| s.finish() == crate::history::Finish::Completed)
                        .count(),
                    before: mean(
                        sessions
                            .iter()
                            .filter_map(|s| s.pain_before().map(f64::from))
                            .collect(),
                    ),
                    after: mean(
                        sessions
                            .iter()
                            .filter_map(|s| s.pain_after().map(f64::from))
                            .collect(),
                    ),
                    logs: mean(
                        self.logs
                            .iter()
                            .filter(|l| within(&l.at))
                            .filter_map(|l| l.value.pain.map(f64::from))
                            .collect(),
                    ),
                }
            })
            .collect()
    }

    /// The activities of the functional scale rated in the period, in the order first named.
    pub fn activities(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for a in self.weekly.iter().flat_map(|w| &w.value.activities) {
            if !names.contains(&a.name) {
                names.push(a.name.clone());
            }
        }
        names
    }

    /// Sessions stopped by the pain-monitoring rule or a "this hurts": each with its trigger and
    /// the choice made.
    pub fn pain_rules(&self) -> impl Iterator<Item = &SessionView> {
        self.sessions.iter().filter(|s| !s.pain_rules.is_empty())
    }
}

/// The safety answers of the period, and the last full screening before it: the answers that
/// stood when the period began.
fn safety_in(history: &History, period: Period) -> Vec<Dated<SafetyCheck>> {
    let before = history.safety.iter().rev().find(|s| {
        s.at.date_naive() < period.since && s.value.check == crate::history::SafetyKind::Screening
    });
    before
        .into_iter()
        .chain(history.safety.iter().filter(|s| period.holds(&s.at)))
        .cloned()
        .collect()
}
