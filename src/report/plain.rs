//! The report as text, for a terminal or a screen reader: the same sections as the page, in
//! the same order, tables as lines.

use std::fmt::Write;

use super::Report;
use crate::history::{Finish, WeeklyTrend};
use crate::text::{report as words, weekly};

/// Each weekly score's change from the first check to the last, against the 2-point threshold.
pub fn trend_lines(t: &WeeklyTrend) -> Vec<String> {
    [
        (weekly::LEG_PAIN, t.leg_pain, false),
        (weekly::BACK_PAIN, t.back_pain, false),
        (weekly::ACTIVITIES, t.function, true),
    ]
    .into_iter()
    .filter_map(|(what, change, higher_is_better)| {
        change
            .map(|c| weekly::weekly_change(what, c.first, c.last, c.meaningful(), higher_is_better))
    })
    .collect()
}

/// The whole report as lines of text.
pub fn text(report: &Report) -> String {
    let mut out = String::new();
    let mut line = |s: &str| {
        let _ = writeln!(out, "{s}");
    };
    let period = words::period(&report.period.since, &report.period.until);
    line(&format!("{}: {period}", words::TITLE));
    line(&words::made(
        &report.made.format("%a %-d %b %Y, %H:%M").to_string(),
    ));
    line("");
    line(words::ADHERENCE);
    let completed = report
        .sessions
        .iter()
        .filter(|s| s.finish() == Finish::Completed)
        .count();
    line(&words::adherence(
        report.sessions.len(),
        report.per_week(),
        completed,
        report.sessions.len() - completed,
    ));
    for week in &report.weeks {
        let days: Vec<String> = week
            .days
            .iter()
            .map(|d| {
                d.map_or_else(
                    || " ".to_string(),
                    |n| if n == 0 { "·".into() } else { n.to_string() },
                )
            })
            .collect();
        line(&format!(
            "  week of {}: {}  ({} sessions)",
            week.monday.format("%a %-d %b"),
            days.join(" "),
            week.sessions()
        ));
    }
    let (taken, snoozed, skipped) = report.breaks;
    if taken + snoozed + skipped > 0 {
        line(&words::breaks(taken, snoozed, skipped));
    }
    line("");
    line(words::PAIN);
    if report.sessions.is_empty() && report.logs.is_empty() {
        line(words::PAIN_NONE);
    }
    for s in &report.sessions {
        let score = |p: Option<u8>| p.map_or_else(|| "-".to_string(), |p| p.to_string());
        line(&format!(
            "  {}  {}  {}  pain {} → {}  {}",
            s.started.format("%a %-d %b"),
            s.routine,
            s.finish().word(),
            score(s.pain_before()),
            score(s.pain_after()),
            s.reading().map(|r| r.short()).unwrap_or_default()
        ));
    }
    for l in &report.logs {
        if let Some(p) = l.value.pain {
            line(&format!(
                "  {}  {}  pain {p}",
                l.at.format("%a %-d %b %H:%M"),
                words::LEGEND_LOG
            ));
        }
    }
    line(words::PAIN_NOTE);
    line("");
    line(words::WEEKLY);
    if report.weekly.is_empty() {
        line(words::WEEKLY_NONE);
    }
    for w in &report.weekly {
        let v = &w.value;
        line(&format!(
            "  {}: {}",
            w.at.format("%a %-d %b"),
            weekly::answers_so_far(
                v.leg_pain,
                v.back_pain,
                v.numbness,
                v.weakness,
                v.function()
            )
        ));
    }
    for t in trend_lines(&report.trend) {
        line(&t);
    }
    line(words::WEEKLY_NOTE);
    line("");
    line(words::MORNINGS);
    if report.mornings.is_empty() {
        line(words::MORNINGS_NONE);
    }
    for (s, flare) in &report.mornings {
        let morning = s.next_morning.as_ref().and_then(|m| m.pain);
        line(&format!(
            "  {}  {}: before {}, next morning {}{}",
            s.started.format("%a %-d %b"),
            s.routine,
            s.pain_before()
                .map_or_else(|| "-".into(), |p| p.to_string()),
            morning.map_or_else(|| "-".into(), |p| p.to_string()),
            if *flare {
                format!(" ({})", words::FLARE)
            } else {
                String::new()
            }
        ));
    }
    line("");
    line(words::PAIN_RULES);
    let mut paused = report.pain_rules().peekable();
    if paused.peek().is_none() {
        line(words::PAIN_RULES_NONE);
    }
    for s in paused {
        for (trigger, choice) in &s.pain_rules {
            line(&format!(
                "  {}  {}: {} Chosen: {}.",
                s.started.format("%a %-d %b"),
                s.routine,
                trigger.why(),
                choice.words()
            ));
        }
    }
    line("");
    line(words::SAFETY);
    if report.safety.is_empty() {
        line(words::SAFETY_NONE);
    }
    for s in &report.safety {
        line(&format!(
            "  {}  {}: {}",
            s.at.format("%a %-d %b"),
            s.value.check.asked(),
            s.value.result.told()
        ));
    }
    line("");
    line(words::ROUTINES);
    if report.routines.is_empty() {
        line(words::ROUTINES_NONE);
    }
    for used in &report.routines {
        line(&format!(
            "  {}",
            words::routine(
                &used.routine.title,
                used.routine.level.word(),
                used.sessions
            )
        ));
        for (i, step) in used.routine.steps.iter().enumerate() {
            line(&format!("    {}. {}", i + 1, step.line(None)));
        }
    }
    line("");
    line(words::NOTES);
    if report.notes.is_empty() {
        line(words::NOTES_NONE);
    }
    for (at, note) in &report.notes {
        line(&format!("  {}  {note}", at.format("%a %-d %b")));
    }
    line("");
    line(words::CANNOT);
    for l in words::CANNOT_TEXT {
        line(l);
    }
    out
}
