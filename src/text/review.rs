//! Words of the review screen and of history exports.

use std::time::Duration;

use chrono::NaiveDate;

use super::{area, body_side, change_short, count, duration_short, felt, pain_anchor};
use crate::history::{Area, Change, CheckIn, Outcome, StepView, Verdict};

// ---- Names shared by the review screen and the exports ----------------------------------------

pub const KIND_SESSION: &str = "session";
pub const KIND_LOG: &str = "quick log";

/// How a session ended, as one word for tables.
pub fn outcome_word(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Completed => "completed",
        Outcome::Quit => "stopped",
        Outcome::Interrupted => "interrupted",
    }
}

/// "buttock; thigh" (exports) or "buttock, thigh" (the screen), depending on `separator`.
pub fn areas_words(areas: &[Area], separator: &str) -> String {
    areas
        .iter()
        .map(|a| area(*a))
        .collect::<Vec<_>>()
        .join(separator)
}

pub fn yes_no(yes: bool) -> &'static str {
    if yes { "yes" } else { "no" }
}

/// "6→3 (-3)" when both scores are known, "6→?" or "?→3" when one is missing, "" with none.
pub fn pain_pair(before: Option<u8>, after: Option<u8>) -> String {
    match (before, after) {
        (Some(before), Some(after)) => change_short(Change { before, after }),
        (Some(b), None) => format!("{b}→?"),
        (None, Some(a)) => format!("?→{a}"),
        (None, None) => String::new(),
    }
}

/// Several notes of one session in one field.
pub const NOTES_SEPARATOR: &str = " / ";

// ---- Exports (`unknot history --format ...`) ------------------------------------------------------

/// CSV header and JSON keys, in column order.
pub const EXPORT_KEYS: [&str; 14] = [
    "date",
    "kind",
    "routine",
    "minutes",
    "outcome",
    "pain_before",
    "pain_after",
    "change",
    "verdict",
    "areas",
    "side",
    "numbness",
    "felt",
    "note",
];

/// The plain-text table's columns: date, routine (or "quick log"), minutes, outcome, pain, change.
pub const TABLE_HEADER: [&str; 6] = ["Date", "Routine", "Min", "Outcome", "Pain", "Change"];

pub fn export_empty(since: Option<NaiveDate>) -> String {
    match since {
        Some(day) => format!(
            "No sessions or pain logs since {}.",
            day.format("%Y-%m-%d")
        ),
        None => "No sessions or pain logs yet: start a session with `unknot`, or log your pain with `unknot log 4`.".to_string(),
    }
}

/// "12 sessions, 3 quick logs".
pub fn export_total(sessions: usize, logs: usize) -> String {
    format!(
        "{}, {}",
        count(sessions, "session", "sessions"),
        count(logs, "quick log", "quick logs")
    )
}

// ---- The review screen (`unknot history`) ---------------------------------------------------------

pub const REVIEW_TITLE: &str = "Your history";
/// The panes, chosen with Tab or their number.
pub const REVIEW_PANES: [&str; 3] = ["1 Sessions", "2 Pain chart", "3 Figures"];

pub const REVIEW_EMPTY_TITLE: &str = "Nothing here yet";
pub const REVIEW_EMPTY: [&str; 3] = [
    "Your sessions and pain scores will show up here.",
    "Start a session with `unknot` to pick a routine, or `unknot start NAME`.",
    "Log your pain at any time with `unknot log 4` (0 is no pain, 10 the worst imaginable).",
];
pub const REVIEW_NO_SESSIONS: &str =
    "No sessions yet: start one with `unknot`. Your quick pain logs are in the chart (press 2).";

/// Column headings of the session list; the change column holds the verdict words.
pub const REVIEW_COLUMNS: [&str; 6] = ["Date", "Routine", "Time", "Outcome", "Pain", "Change"];

/// A session's length to the nearest minute for the list: "10 min", "4 min"; "45 s" under a minute.
pub fn minutes_short(d: Duration) -> String {
    let secs = d.as_secs_f64().round() as u64;
    if secs < 60 {
        format!("{secs} s")
    } else {
        format!("{} min", (secs + 30) / 60)
    }
}

/// "3 of 120": where the selection is in the list.
pub fn review_position(selected: usize, total: usize) -> String {
    format!("{} of {total}", selected + 1)
}

// ---- One session in detail

pub fn detail_title(date: &str, routine: &str) -> String {
    format!("{routine}, {date}")
}

/// "Session complete, 10 minutes" and the like.
pub fn detail_outcome(outcome: Outcome, elapsed: Duration) -> String {
    let words = match outcome {
        Outcome::Completed => "Completed",
        Outcome::Quit => "Stopped before the end",
        Outcome::Interrupted => "Interrupted (its end was never recorded)",
    };
    format!("{words}, {}", super::duration_words(elapsed))
}

pub fn detail_change(change: Option<Change>) -> String {
    match change {
        Some(c) => format!("Pain: {}", super::change_line(c)),
        None => "Pain: no change to show (a score before or after is missing)".to_string(),
    }
}

pub const DETAIL_BEFORE: &str = "Before";
pub const DETAIL_DURING: &str = "During";
pub const DETAIL_AFTER: &str = "After";
pub const DETAIL_STEPS: &str = "Steps";
pub const DETAIL_NO_CHECK_IN: &str = "  not answered";
pub const DETAIL_NO_STEPS: &str = "  none recorded";

/// The lines of one check-in, indented: pain, where, numbness, how it felt, the note.
pub fn check_in_lines(c: &CheckIn) -> Vec<String> {
    let mut lines = vec![match c.pain {
        Some(p) => format!("  Pain {p} ({})", pain_anchor(p)),
        None => "  Pain: skipped".to_string(),
    }];
    if !c.areas.is_empty() || c.side.is_some() {
        let mut place = areas_words(&c.areas, ", ");
        if let Some(side) = c.side {
            let side = format!("{} side", body_side(side));
            place = if place.is_empty() {
                side
            } else {
                format!("{place} ({side})")
            };
        }
        lines.push(format!("  Where: {place}"));
    }
    if let Some(n) = c.numbness {
        lines.push(format!("  Numbness or tingling: {}", yes_no(n)));
    }
    if let Some(f) = c.felt {
        lines.push(format!("  Felt: {}", felt(f)));
    }
    if let Some(note) = c.note.as_deref().filter(|n| !n.trim().is_empty()) {
        lines.push(format!("  Note: {note}"));
    }
    lines
}

/// "After Ball: pain 5 (moderate)".
pub fn during_line(after_step: Option<&str>, pain: Option<u8>) -> String {
    let pain = match pain {
        Some(p) => format!("pain {p} ({})", pain_anchor(p)),
        None => "pain skipped".to_string(),
    };
    match after_step {
        Some(step) => format!("  After {step}: {pain}"),
        None => format!("  {pain}"),
    }
}

/// A note given at a check-in during the session, under its line.
pub fn during_note(note: &str) -> String {
    format!("    Note: {note}")
}

/// " 2. Ball: 1 min 40 s of 2 min, skipped".
pub fn step_detail(s: &StepView) -> String {
    let skipped = if s.skipped { ", skipped" } else { "" };
    format!(
        "{:>3}. {}: {} of {}{skipped}",
        s.step + 1,
        s.title,
        duration_short(s.actual),
        duration_short(s.planned)
    )
}

// ---- The chart

pub const CHART_TITLE: &str = "Pain over time, 0 (none) to 10 (worst)";
pub const CHART_EMPTY: &str = "No pain scores yet. They appear here after the check-ins of a session, or when you log your pain with `unknot log 4`.";
/// Each series with its marker, so the legend does not rely on colour.
pub const CHART_BEFORE: &str = "o before a session";
pub const CHART_AFTER: &str = "x after a session";
pub const CHART_LOG: &str = "+ quick log";
pub const CHART_MARKERS: [char; 3] = ['o', 'x', '+'];

// ---- Figures

pub const FIGURES_ROUTINES: &str = "By routine";
pub const FIGURES_STEPS: &str = "After each step (pain at the next check-in)";
pub const FIGURES_STEPS_NONE: &str =
    "  No check-ins during sessions yet: they show which steps seem to help.";
pub const FIGURES_NOISE: &str = "Changes are pain after minus before. Changes smaller than about 2 points are within everyday ups and downs.";
pub const FIGURES_REGULARITY: &str = "Regularity";

pub fn figures_totals(sessions: usize, logs: usize) -> String {
    format!("  In all: {}", export_total(sessions, logs))
}

/// "Gentle start: 12 sessions, 10 completed".
pub fn routine_line(routine: &str, sessions: usize, completed: usize) -> String {
    format!(
        "  {routine}: {}, {completed} completed",
        count(sessions, "session", "sessions")
    )
}

/// An average rounded to one decimal, never "-0.0".
fn tenths(average: f64) -> String {
    if average.abs() < 0.05 {
        "0.0".to_string()
    } else {
        format!("{average:+.1}")
    }
}

/// The verdict of an average change; only the 2-point rule applies to an average.
fn average_verdict(average: f64) -> Verdict {
    match average {
        a if a <= -2.0 => Verdict::Better,
        a if a < -0.05 => Verdict::SlightlyLower,
        a if a < 0.05 => Verdict::Same,
        a if a < 2.0 => Verdict::SlightlyHigher,
        _ => Verdict::Worse,
    }
}

/// "    average change -1.5 over 11 sessions: a little lower".
pub fn routine_average(average: Option<f64>, with_change: usize) -> String {
    match average {
        Some(a) => format!(
            "    average change {} over {}: {}",
            tenths(a),
            count(with_change, "session", "sessions"),
            super::verdict_short(average_verdict(a))
        ),
        None => "    no sessions with a pain score both before and after".to_string(),
    }
}

/// "After Ball (Gentle start): average change -1.5 over 4 check-ins".
pub fn step_effect_line(step: &str, routine: &str, average: f64, check_ins: usize) -> String {
    format!(
        "  After {step} ({routine}): average change {} over {}",
        tenths(average),
        count(check_ins, "check-in", "check-ins")
    )
}

pub fn streak_line(days: u32) -> String {
    match days {
        0 => "  Streak: no session today or yesterday".to_string(),
        d => format!(
            "  Streak: {} in a row with a session",
            count(d as usize, "day", "days")
        ),
    }
}

pub fn per_week_line(per_week: f64) -> String {
    format!("  Sessions a week over the last 4 weeks: {per_week:.1}")
}
