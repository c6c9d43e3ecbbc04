//! The report's words (CLINICAL.md sections 3, 5 and 6: what a change means, what a report
//! cannot show).

use chrono::NaiveDate;

pub const TITLE: &str = "unknot report";
pub const SUBTITLE: &str = "Self-massage and stretching for sciatica: what was done, and pain and function over the period";

fn day(d: NaiveDate) -> String {
    d.format("%a %-d %b %Y").to_string()
}

/// "Mon 5 Oct 2026 to Sun 29 Nov 2026".
pub fn period(since: NaiveDate, until: NaiveDate) -> String {
    format!("{} to {}", day(since), day(until))
}

pub fn made(when: &str) -> String {
    format!("Made by unknot on {when}, from the person's own records.")
}

pub const ADHERENCE: &str = "Sessions and adherence";
/// "23 sessions (2.9 a week), 19 completed, 3 stopped early, 1 mostly skipped".
pub fn adherence(sessions: usize, per_week: f64, completed: usize, stopped: usize) -> String {
    format!(
        "{sessions} sessions ({per_week:.1} a week): {completed} completed, {stopped} stopped early or mostly skipped."
    )
}
/// The calendar strip's heading: one letter for each day, Monday first.
pub const CALENDAR_DAYS: [&str; 7] = ["M", "T", "W", "T", "F", "S", "S"];
pub const CALENDAR_NOTE: &str =
    "Each square is a day; a number is the sessions that day, grey none, blank outside the period.";
pub fn breaks(taken: usize, snoozed: usize, skipped: usize) -> String {
    format!("Sitting breaks (unknot desk): {taken} taken, {snoozed} snoozed, {skipped} skipped.")
}

pub const PAIN: &str = "Pain before and after sessions, and quick logs";
pub const PAIN_NOTE: &str = "Pain right now, as asked before and after each session and in quick logs (pain logged outside a session), on the numeric rating scale: 0 no pain to 10 worst imaginable. Relief right after exercise is common and often short-lived; a change of about 2 points over weeks is the size people notice (a group figure).";
/// The pain chart's marks, in words: the legend, below the chart.
pub const PAIN_LEGEND: &str = "● before a session  ·  × after a session  ·  ▲ quick log";
/// The weekly chart's marks.
pub const WEEKLY_LEGEND: &str = "● solid line: leg pain   × dashed line: back pain   ▲ dotted line: activities (higher is better)";
/// A screening with no warning sign, as the report puts it: a dated fact, not an all-clear.
pub const SAFETY_CLEAR: &str = "no warning sign reported that day";
pub const PAIN_NONE: &str = "No pain scores in this period.";
pub const LEGEND_LOG: &str = "quick log";

pub const WEEKLY: &str = "Weekly check";
pub const WEEKLY_NOTE: &str = "Leg and back pain over the past week (0-10), and the Patient-Specific Functional Scale: up to three activities the person finds hard, each rated 0 (unable) to 10 (as before the problem), averaged. Changes are from the first check of the period to the last; 2 points is the size of change people notice over weeks (a group figure, not this person's measurement error).";
pub const WEEKLY_NONE: &str = "No weekly check in this period.";
pub const WEEKLY_HEADINGS: [&str; 5] = ["Date", "Leg pain", "Back pain", "Numbness", "Weakness"];

pub const MORNINGS: &str = "The morning after";
pub const MORNINGS_NONE: &str = "No morning-after answers in this period.";
/// "Flare: 2 or more points above the pain before the session."
pub const FLARE: &str = "flare";
pub const MORNINGS_NOTE: &str = "A flare is pain the next morning 2 or more points above the pain before the session; the next session is then suggested a level gentler.";
/// "Sun 8 Nov, Daily standard: 6 before, 8 the next morning (flare)".
pub fn morning(
    day: &str,
    routine: &str,
    before: Option<u8>,
    morning: Option<u8>,
    flare: bool,
) -> String {
    let score = |p: Option<u8>| p.map_or_else(|| "-".to_string(), |p| p.to_string());
    let flare = if flare {
        format!(" ({FLARE})")
    } else {
        String::new()
    };
    format!(
        "{day}, {routine}: {} before, {} the next morning{flare}",
        score(before),
        score(morning)
    )
}

pub const PAIN_RULES: &str = "When the pain rule paused a session";
pub const PAIN_RULES_NONE: &str = "The pain-monitoring rule never paused a session in this period.";
pub const PAIN_RULES_HEADINGS: [&str; 4] = ["Session", "Routine", "Why", "Chosen"];

pub const SAFETY: &str = "Red flags: the safety questions";
pub const SAFETY_NONE: &str = "No safety questions were answered in this period.";
pub const SAFETY_HEADINGS: [&str; 3] = ["Date", "Questions", "Outcome"];

pub const ROUTINES: &str = "Routines used";
pub const ROUTINES_NONE: &str = "No routine was used in this period.";
/// A routine whose positions were all drawn for a routine above.
pub const FIGURES_ABOVE: &str = "(the same positions as above)";
/// "Gentle start (gentle), 12 sessions".
pub fn routine(title: &str, level: &str, sessions: usize) -> String {
    let noun = if sessions == 1 { "session" } else { "sessions" };
    format!("{title} ({level}), {sessions} {noun}")
}

pub const NOTES: &str = "The person's notes";
pub const NOTES_NONE: &str = "No notes in this period.";

pub const CANNOT: &str = "What this report cannot show";
pub const CANNOT_TEXT: [&str; 5] = [
    "These are the person's own ratings, made at home; nobody examined them. Scores are not a diagnosis.",
    "Routines run their steps in a fixed order, so no figure here shows what one exercise does on its own.",
    "Pain right after a session is often lower for a short while; the weekly check and the morning after say more about the trend.",
    "Days without a record are not days without exercise or pain: the report shows only what was recorded in unknot.",
    "Sciatica often improves on its own over weeks: a better trend cannot be credited to the routines.",
];

pub const HEADINGS_WEEKS: [&str; 6] = [
    "Week of",
    "Sessions",
    "Completed",
    "Pain before (average)",
    "Pain after (average)",
    "Quick logs (average)",
];

/// The command line: the start after the end.
pub fn err_backwards(since: NaiveDate, until: NaiveDate) -> String {
    format!("--since {since} is after --until {until}: the report's start must come before its end")
}

/// Nothing to report in the period.
pub fn err_empty(since: NaiveDate, until: NaiveDate) -> String {
    format!(
        "nothing was recorded from {since} to {until}: no session, quick log or weekly check, so there is no report to write"
    )
}

/// "wrote unknot-report-2026-11-30.html: open it in a browser, or print it (2 pages)".
pub fn written(path: &str) -> String {
    format!("wrote {path}: open it in a browser to read or print it.")
}
