//! Words of the review screen and of history exports.

use std::time::Duration;

use chrono::NaiveDate;

use super::checkin::pain_anchor;
use super::summary::change_short;
use super::time::{count, duration_short, nearest_secs, spent_short, spent_words};

// ---- Names shared by the review screen and the exports ----------------------------------------

pub const KIND_SESSION: &str = "session";
pub const KIND_LOG: &str = "quick log";

// How a session ended, as one word for tables; picked by `Outcome::word`.
pub const COMPLETED: &str = "completed";
pub const MOSTLY_SKIPPED: &str = "mostly skipped";
pub const STOPPED: &str = "stopped";
pub const INTERRUPTED: &str = "interrupted";

pub fn yes_no(yes: bool) -> &'static str {
    if yes { "yes" } else { "no" }
}

/// "6→3 (-3)" when both scores are known, "6→?" or "?→3" when one is missing, "" with none.
pub fn pain_pair(before: Option<u8>, after: Option<u8>) -> String {
    match (before, after) {
        (Some(before), Some(after)) => change_short(before, after),
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
/// No session nor quick log, only sitting breaks.
pub const REVIEW_ONLY_BREAKS: &str =
    "No sessions yet: start one with `unknot`. Your sitting breaks are in the figures (press 3).";

/// Column headings of the session list; the change column holds the verdict words.
pub const REVIEW_COLUMNS: [&str; 6] = ["Date", "Routine", "Time", "Outcome", "Pain", "Change"];

/// A session's length to the nearest minute for the list: "10 min", "4 min"; "45 s" under a minute.
pub fn minutes_short(d: Duration) -> String {
    let secs = nearest_secs(d);
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

// How a session ended, in detail; picked by `Outcome::detail`.
pub const DETAIL_COMPLETED: &str = "Completed";
pub const DETAIL_MOSTLY_SKIPPED: &str = "Reached the end, with most of the routine skipped";
pub const DETAIL_STOPPED: &str = "Stopped before the end";
pub const DETAIL_INTERRUPTED: &str =
    "Interrupted (by Ctrl-C or a closed terminal, or its end was never recorded)";

/// "Completed, 10 minutes" and the like, given `Outcome::detail`.
pub fn detail_outcome(outcome: &str, elapsed: Duration) -> String {
    format!("{outcome}, {}", spent_words(elapsed))
}

/// "Pain: 6 → 3: ...", given `Change::line`.
pub fn detail_change(change_line: Option<&str>) -> String {
    match change_line {
        Some(line) => format!("Pain: {line}"),
        None => "Pain: no change to show (a score before or after is missing)".to_string(),
    }
}

pub const DETAIL_BEFORE: &str = "Before";
pub const DETAIL_DURING: &str = "During";
pub const DETAIL_AFTER: &str = "After";
pub const DETAIL_STEPS: &str = "Steps";
pub const DETAIL_NO_CHECK_IN: &str = "  not answered";
pub const DETAIL_NO_STEPS: &str = "  none recorded";

// The lines of one check-in, indented: pain, where, numbness, how it felt, the note.

/// "  Pain 5 (moderate)", or "  Pain: skipped".
pub fn detail_pain(pain: Option<u8>) -> String {
    match pain {
        Some(p) => format!("  Pain {p} ({})", pain_anchor(p)),
        None => "  Pain: skipped".to_string(),
    }
}

/// "  Where: buttock, thigh (left side)", given the areas already joined (maybe none) and
/// `BodySide::word`.
pub fn detail_where(areas: &str, side: Option<&str>) -> String {
    let mut place = areas.to_string();
    if let Some(side) = side {
        let side = format!("{side} side");
        place = if place.is_empty() {
            side
        } else {
            format!("{place} ({side})")
        };
    }
    format!("  Where: {place}")
}

pub fn detail_numbness(numbness: bool) -> String {
    format!("  Numbness or tingling: {}", yes_no(numbness))
}

/// "  Felt: better", given `Felt::word`.
pub fn detail_felt(felt: &str) -> String {
    format!("  Felt: {felt}")
}

pub fn detail_note(note: &str) -> String {
    format!("  Note: {note}")
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
pub fn step_detail(
    step: usize,
    title: &str,
    actual: Duration,
    planned: Duration,
    skipped: bool,
) -> String {
    let skipped = if skipped { ", skipped" } else { "" };
    format!(
        "{:>3}. {title}: {} of {}{skipped}",
        step + 1,
        spent_short(actual),
        duration_short(planned)
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
pub const FIGURES_STRETCHES: &str = "Stretches of a routine (pain at the check-ins around them)";
/// When no stretch has enough sessions yet; `min` is how many it needs.
pub fn stretches_none(min: usize) -> String {
    format!(
        "  None yet: a figure appears once a stretch of a routine (the steps between two check-ins) has been done fully, with check-ins around it, in {min} sessions."
    )
}
/// Under the figures, always.
pub const FIGURES_NOISE: &str = "Routines run in a fixed order, so a figure describes a stretch of a routine, not what one step does. Changes are pain after minus before; changes smaller than about 2 points are within everyday ups and downs.";
pub const FIGURES_REGULARITY: &str = "Regularity";
pub const FIGURES_BREAKS: &str = "Sitting breaks (unknot desk)";
pub const BREAKS_NONE: &str =
    "  None yet: `unknot desk` asks you to stand up and move every 45 minutes while you work.";

/// The sitting-break prompts of the last seven days, by answer.
pub fn breaks_line(taken: usize, snoozed: usize, skipped: usize) -> String {
    format!("  Last 7 days: {taken} taken, {snoozed} snoozed, {skipped} skipped")
}

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

/// "    average change -1.5 over 11 sessions: a little lower", given `Verdict::short` of
/// `Verdict::of_average`.
pub fn routine_average(average: f64, with_change: usize, verdict_short: &str) -> String {
    format!(
        "    average change {} over {}: {verdict_short}",
        tenths(average),
        count(with_change, "session", "sessions")
    )
}

/// Said where a routine has no change to average: none of its sessions has a pain score before
/// and after, with enough done to judge it (see `UNREAD_SKIPPED`, `UNREAD_SHORT`).
pub const ROUTINE_NO_AVERAGE: &str =
    "    no change judged yet (pain before and after, 3+ min, most of it done)";

/// A stretch named by its first and last step, "Pelvic tilts to Tennis ball under the glutes",
/// or by its one step.
pub fn stretch_label(steps: &[String]) -> String {
    match steps {
        [] => String::new(),
        [one] => one.clone(),
        [first, .., last] => format!("{first} to {last}"),
    }
}

/// "  Pelvic tilts to Tennis ball under the glutes (Daily standard): average change -1.5 over
/// 6 sessions".
pub fn stretch_line(steps: &[String], routine: &str, average: f64, sessions: usize) -> String {
    format!(
        "  {} ({routine}): average change {} over {}",
        stretch_label(steps),
        tenths(average),
        count(sessions, "session", "sessions")
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
