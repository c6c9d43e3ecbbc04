//! Words of the summary after a session: how it ended, time and steps, pain before, during and
//! after, the pain rule's steps in, and the verdict on a change in pain.

use std::time::Duration;

use super::checkin::pain_anchor;
use super::time::{count, duration_words, spent_words};

// ---- How a session ended, as the summary's heading; picked by `Outcome::heading`.

pub const COMPLETED: &str = "Session complete";
pub const MOSTLY_SKIPPED: &str = "Session ended, most of it skipped";
pub const STOPPED: &str = "Session stopped";
pub const INTERRUPTED: &str = "Session interrupted";

pub fn summary_time(elapsed: Duration, planned: Duration) -> String {
    format!(
        "Time: {} of {} planned",
        spent_words(elapsed),
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

// ---- One session's change in pain: the numbers and what they can and cannot say. Relief right
// after exercise is common and often short-lived, so one session gets no verdict; with most of
// the routine skipped, not even a reading (CLINICAL §5).

// Picked by `Reading::words` and `Reading::short`.
pub const READ_LOWER: &str = "lower";
pub const READ_SAME: &str = "no change";
pub const READ_HIGHER: &str = "higher";
pub const UNREAD_SKIPPED: &str = "not judged: most of the routine was skipped";
pub const UNREAD_SHORT: &str = "not judged: under 3 minutes done";
pub const SHORT_SKIPPED: &str = "skipped";
pub const SHORT_TOO_SHORT: &str = "too short";

// Picked by `Reading::sentence`.
pub const ONE_SESSION: &str = "Relief right after exercise is common and often does not last: how the next morning feels, and how the weeks go, tell more.";
pub const NOT_JUDGED_SKIPPED: &str =
    "Most of the routine was skipped, so unknot does not judge this change.";
pub const NOT_JUDGED_SHORT: &str =
    "Under 3 minutes were done, too little for unknot to judge this change.";

/// "6 → 3: 3 points lower (50%)": the numbers, without a verdict.
pub fn change_line(before: u8, after: u8) -> String {
    let delta = i16::from(after) - i16::from(before);
    if delta == 0 {
        return format!("{before} → {after}: {READ_SAME}");
    }
    let points = count(usize::from(delta.unsigned_abs()), "point", "points");
    let way = if delta < 0 { READ_LOWER } else { READ_HIGHER };
    // A share of the starting score, which a score of zero does not have.
    let percent = if before > 0 {
        let p = f64::from(delta) * 100.0 / f64::from(before);
        format!(" ({:.0}%)", p.abs())
    } else {
        String::new()
    };
    format!("{before} → {after}: {points} {way}{percent}")
}

/// A short arrow and sign for tables: "6→3 (-3)".
pub fn change_short(before: u8, after: u8) -> String {
    format!(
        "{before}→{after} ({:+})",
        i16::from(after) - i16::from(before)
    )
}

// ---- Change over weeks (about 2 points or 30% is a change a person notices: Farrar 2001,
// Ostelo 2008; thresholds for trends over weeks of use, not for one session).

// Each verdict, picked by `Verdict::words`.
pub const VERDICT_BETTER: &str = "a change people notice";
pub const VERDICT_SLIGHTLY_LOWER: &str = "a small drop, within everyday ups and downs";
pub const VERDICT_SAME: &str = "no change";
pub const VERDICT_SLIGHTLY_HIGHER: &str = "a small rise, within everyday ups and downs";
pub const VERDICT_WORSE: &str = "a real rise in pain";

// Each verdict in a word or two, for tight spaces; picked by `Verdict::short`.
pub const SHORT_BETTER: &str = "lower";
pub const SHORT_SLIGHTLY_LOWER: &str = "a little lower";
pub const SHORT_SAME: &str = "no change";
pub const SHORT_SLIGHTLY_HIGHER: &str = "a little higher";
pub const SHORT_WORSE: &str = "higher";
