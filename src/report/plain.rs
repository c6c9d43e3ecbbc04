//! The report as text, for a terminal or a screen reader: the same sections as the page, in
//! the same order, tables as lines.

use std::fmt::Write;

use super::Report;
use crate::history::BreakFigures;
use crate::history::{Finish, Reading};
use crate::text::report as words;

/// The whole report as lines of text.
pub fn text(report: &Report) -> String {
    let mut lines = Vec::new();
    let period = words::period(report.period.since, report.period.until);
    lines.push(format!("{}: {period}", words::TITLE));
    lines.push(words::made(
        &report.made.format("%a %-d %b %Y, %H:%M").to_string(),
    ));
    for section in [
        adherence,
        pain,
        weekly_checks,
        mornings,
        pain_rules,
        safety,
        routines,
        notes,
    ] {
        lines.push(String::new());
        lines.extend(section(report));
    }
    lines.push(String::new());
    lines.push(words::CANNOT.to_string());
    lines.extend(words::CANNOT_TEXT.iter().map(ToString::to_string));
    let mut out = String::new();
    for line in lines {
        let _ = writeln!(out, "{line}");
    }
    out
}

fn score(p: Option<u8>) -> String {
    p.map_or_else(|| "-".to_string(), |p| p.to_string())
}

fn adherence(report: &Report) -> Vec<String> {
    let completed = report
        .sessions
        .iter()
        .filter(|s| s.finish() == Finish::Completed)
        .count();
    let mut lines = vec![
        words::ADHERENCE.to_string(),
        words::adherence(
            report.sessions.len(),
            report.per_week(),
            completed,
            report.sessions.len() - completed,
        ),
    ];
    for week in &report.weeks {
        let days: Vec<String> = week
            .days
            .iter()
            .map(|d| match d {
                None => " ".to_string(),
                Some(0) => "·".to_string(),
                Some(n) => n.to_string(),
            })
            .collect();
        lines.push(format!(
            "  week of {}: {}  ({} sessions)",
            week.monday.format("%a %-d %b"),
            days.join(" "),
            week.sessions()
        ));
    }
    let BreakFigures {
        taken,
        snoozed,
        skipped,
    } = report.breaks;
    if taken + snoozed + skipped > 0 {
        lines.push(words::breaks(taken, snoozed, skipped));
    }
    lines
}

fn pain(report: &Report) -> Vec<String> {
    let mut lines = vec![words::PAIN.to_string()];
    if report.sessions.is_empty() && report.logs.is_empty() {
        lines.push(words::PAIN_NONE.to_string());
    }
    lines.extend(report.sessions.iter().map(|s| {
        format!(
            "  {}  {}  {}  pain {} → {}  {}",
            s.started.format("%a %-d %b"),
            s.routine,
            s.finish().word(),
            score(s.pain_before()),
            score(s.pain_after()),
            s.reading().map(Reading::short).unwrap_or_default()
        )
    }));
    lines.extend(report.logs.iter().filter_map(|l| {
        let p = l.value.pain?;
        Some(format!(
            "  {}  {}  pain {p}",
            l.at.format("%a %-d %b %H:%M"),
            words::LEGEND_LOG
        ))
    }));
    lines.push(words::PAIN_NOTE.to_string());
    lines
}

fn weekly_checks(report: &Report) -> Vec<String> {
    let mut lines = vec![words::WEEKLY.to_string()];
    if report.weekly.is_empty() {
        lines.push(words::WEEKLY_NONE.to_string());
    }
    lines.extend(
        report
            .weekly
            .iter()
            .map(|w| format!("  {}: {}", w.at.format("%a %-d %b"), w.value.summary())),
    );
    lines.extend(report.trend.lines());
    lines.push(words::WEEKLY_NOTE.to_string());
    lines
}

fn mornings(report: &Report) -> Vec<String> {
    let mut lines = vec![words::MORNINGS.to_string()];
    if report.mornings.is_empty() {
        lines.push(words::MORNINGS_NONE.to_string());
    }
    lines.extend(report.mornings.iter().map(|(s, flare)| {
        format!(
            "  {}",
            words::morning(
                &s.started.format("%a %-d %b").to_string(),
                &s.routine,
                s.pain_before(),
                s.next_morning.as_ref().and_then(|m| m.pain),
                *flare,
            )
        )
    }));
    lines
}

fn pain_rules(report: &Report) -> Vec<String> {
    let mut lines = vec![words::PAIN_RULES.to_string()];
    let paused: Vec<String> = report
        .pain_rules()
        .flat_map(|s| {
            s.pain_rules.iter().map(|(trigger, choice)| {
                format!(
                    "  {}  {}: {} Chosen: {}.",
                    s.started.format("%a %-d %b"),
                    s.routine,
                    trigger.why(),
                    choice.words()
                )
            })
        })
        .collect();
    if paused.is_empty() {
        lines.push(words::PAIN_RULES_NONE.to_string());
    }
    lines.extend(paused);
    lines
}

fn safety(report: &Report) -> Vec<String> {
    let mut lines = vec![words::SAFETY.to_string()];
    if report.safety.is_empty() {
        lines.push(words::SAFETY_NONE.to_string());
    }
    lines.extend(report.safety.iter().map(|s| {
        format!(
            "  {}  {}: {}",
            s.at.format("%a %-d %b"),
            s.value.check.asked(),
            match s.value.result {
                crate::history::SafetyResult::Clear => words::SAFETY_CLEAR,
                other => other.told(),
            }
        )
    }));
    lines
}

fn routines(report: &Report) -> Vec<String> {
    let mut lines = vec![words::ROUTINES.to_string()];
    if report.routines.is_empty() {
        lines.push(words::ROUTINES_NONE.to_string());
    }
    for used in &report.routines {
        let r = &used.routine;
        lines.push(format!(
            "  {}",
            words::routine(&r.title, r.level.word(), used.sessions)
        ));
        let steps = r.steps.iter().filter(|s| !s.is_check_in());
        lines.extend(
            steps
                .enumerate()
                .map(|(i, step)| format!("    {}. {}", i + 1, step.line(None))),
        );
    }
    lines
}

fn notes(report: &Report) -> Vec<String> {
    let mut lines = vec![words::NOTES.to_string()];
    if report.notes.is_empty() {
        lines.push(words::NOTES_NONE.to_string());
    }
    lines.extend(
        report
            .notes
            .iter()
            .map(|(at, note)| format!("  {}  {note}", at.format("%a %-d %b"))),
    );
    lines
}
