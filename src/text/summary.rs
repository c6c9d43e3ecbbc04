//! Words of the summary after a session: how it ended, time and steps, pain before, during and
//! after, the pain rule's steps in, and the verdict on a change in pain.

use std::time::Duration;

use super::checkin::pain_anchor;
use super::time::{count, duration_words};

// ---- How a session ended, as the summary's heading; picked by `Outcome::heading`.

pub const COMPLETED: &str = "Session complete";
pub const STOPPED: &str = "Session stopped";
pub const INTERRUPTED: &str = "Session interrupted";

pub fn summary_time(elapsed: Duration, planned: Duration) -> String {
    format!(
        "Time: {} of {} planned",
        duration_words(elapsed),
        duration_words(planned)
    )
}

pub fn summary_steps(done: usize, skipped: usize, total: usize) -> String {
    match skipped {
        0 => format!("Steps: {done} of {total} done"),
        n => format!("Steps: {done} of {total} done, {n} cut short or skipped"),
    }
}

pub const PAIN: &str = "Pain";
pub const BEFORE: &str = "before";
pub const AFTER: &str = "after";

pub fn summary_pain_one(when: &str, pain: u8) -> String {
    format!("Pain {when}: {pain} ({})", pain_anchor(pain))
}

pub fn summary_during(after_step: Option<&str>, pain: u8) -> String {
    match after_step {
        Some(step) => format!("  after {step}: {pain} ({})", pain_anchor(pain)),
        None => format!("  during: {pain} ({})", pain_anchor(pain)),
    }
}

/// "It felt: better", given `Felt::word`.
pub fn summary_felt(felt: &str) -> String {
    format!("It felt: {felt}")
}

pub fn summary_note(note: &str) -> String {
    format!("Note: {note}")
}
pub const SUMMARY_NO_CHECK_INS: &str = "No pain scores this time.";

// ---- Why the pain rule stepped in, picked by `PainTrigger::why`.

pub const WHY_RISE: &str = "pain rose 2 points or more";
pub const WHY_HIGH: &str = "pain went above 5";
pub const WHY_SPREAD: &str = "pain spread down the leg";
pub const WHY_THIS_HURTS: &str = "you said it hurt";

/// "Eased off when pain went above 5: skipped", given `PainTrigger::why` and `PainChoice::words`.
pub fn summary_pain_rule(why: &str, choice: &str) -> String {
    format!("Eased off when {why}: {}", choice.to_lowercase())
}

// ---- Pain changes (about 2 points or 30% is a change a person notices: Farrar 2001, Ostelo 2008)

// Each verdict, picked by `Verdict::words`.
pub const VERDICT_BETTER: &str = "a real improvement";
pub const VERDICT_SLIGHTLY_LOWER: &str = "a small drop, within everyday ups and downs";
pub const VERDICT_SAME: &str = "no change";
pub const VERDICT_SLIGHTLY_HIGHER: &str = "a small rise, within everyday ups and downs";
pub const VERDICT_WORSE: &str = "a real rise in pain";

// Each verdict in a word or two, for tight spaces; picked by `Verdict::short`.
pub const SHORT_BETTER: &str = "better";
pub const SHORT_SLIGHTLY_LOWER: &str = "a little lower";
pub const SHORT_SAME: &str = "no change";
pub const SHORT_SLIGHTLY_HIGHER: &str = "a little higher";
pub const SHORT_WORSE: &str = "worse";

/// "6 → 3: 3 points lower (50%), a real improvement", given `Verdict::words`.
pub fn change_line(before: u8, after: u8, verdict_words: &str) -> String {
    let delta = i16::from(after) - i16::from(before);
    if delta == 0 {
        return format!("{before} → {after}: {verdict_words}");
    }
    let points = count(usize::from(delta.unsigned_abs()), "point", "points");
    let way = if delta < 0 { "lower" } else { "higher" };
    // A share of the starting score, which a score of zero does not have.
    let percent = if before > 0 {
        let p = f64::from(delta) * 100.0 / f64::from(before);
        format!(" ({:.0}%)", p.abs())
    } else {
        String::new()
    };
    format!("{before} → {after}: {points} {way}{percent}, {verdict_words}")
}

/// A short arrow and sign for tables: "6→3 (-3)".
pub fn change_short(before: u8, after: u8) -> String {
    format!(
        "{before}→{after} ({:+})",
        i16::from(after) - i16::from(before)
    )
}
