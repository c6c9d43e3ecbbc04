//! What the voice says, for a visit followed with eyes closed: each step, a step that waits,
//! every question with the keys that answer it in words, each answer said back, and the
//! summary's main lines. Picked by `visit::spoken`, one rule for both front ends; the keys are
//! the full screen's (`..._KEYS`) or plain mode's (`..._LINES`), whichever the person uses.

use std::fmt::Write as _;
use std::time::Duration;

use super::time::{duration_words, spent_words};

/// What the voice says before a step: "Next: Figure-4 stretch, left side, 30 seconds. Lie on
/// your back, knees bent.", given `Step::line` and the step's first instruction.
pub fn step(line: &str, first: Option<&str>) -> String {
    match first {
        Some(first) => format!("Next: {line}. {first}"),
        None => format!("Next: {line}"),
    }
}

/// A check-in step's title, before its question: "How is the pain now?".
pub fn check_in(title: &str) -> String {
    end_sentence(title)
}

// ---- A step that waits for the person, and the one reminder if nothing happens.

pub const WAIT_KEYS: &str = "unknot waits for you: when you are in position, press Space.";
pub const WAIT_LINES: &str = "unknot waits for you: when you are in position, press Enter.";
pub const STILL_WAITING_KEYS: &str =
    "Take your time. unknot is still waiting: press Space when you are in position.";
pub const STILL_WAITING_LINES: &str =
    "Take your time. unknot is still waiting: press Enter when you are in position.";
/// The reminder as plain mode prints it, picked by `Announcement::words`.
pub const STILL_WAITING_PLAIN: &str = "Still waiting: get into position, then press Enter";

pub const PAUSED_KEYS: &str = "Paused. Press Space to go on.";

// ---- The questions: the pain scale's two ends, said once a visit, and how each is answered.

pub const PAIN_ANCHORS: &str = "0 is no pain, 10 the worst imaginable.";

pub const PAIN_KEYS: &str = "Press a number, or t for 10. Enter skips.";
pub const PAIN_LINES: &str = "Type a number and press Enter. Enter alone skips.";
/// The morning-after question on the home screen, where Enter starts a routine.
pub const MORNING_KEYS: &str = "Press a number, or t for 10.";
pub const AREAS_KEYS: &str = "Press 1 for back, 2 buttock, 3 thigh, 4 calf, 5 foot, as many as apply, then Enter. Enter alone skips.";
pub const AREAS_LINES: &str =
    "Type any of back, buttock, thigh, calf or foot, then press Enter. Enter alone skips.";
pub const SIDE_KEYS: &str = "Press l for left, r for right, or b for both. Enter skips.";
pub const SIDE_LINES: &str = "Type left, right or both, and press Enter. Enter alone skips.";
pub const YES_NO_KEYS: &str = "Press y for yes or n for no. Enter skips.";
pub const YES_NO_LINES: &str = "Type yes or no, and press Enter. Enter alone skips.";
pub const FELT_KEYS: &str = "Press b for better, s for same, or w for worse. Enter skips.";
pub const FELT_LINES: &str = "Type better, same or worse, and press Enter. Enter alone skips.";
pub const NOTE_KEYS: &str = "Type it and press Enter, or press Enter alone to skip.";
pub const NOTE_LINES: &str = "Type it and press Enter, or press Enter alone to skip.";

/// A question with its form's title when it is the form's first: "Before you start. Pain right
/// now, from 0 to 10.".
pub fn question(title: Option<&str>, asked: &str) -> String {
    match title {
        Some(title) => format!("{} {}", end_sentence(title), end_sentence(asked)),
        None => end_sentence(asked),
    }
}

/// "How was the pain the morning after your session on Tuesday 3 March?".
pub fn morning(asked: &str) -> String {
    end_sentence(asked)
}

// ---- Each answer, said back as it is kept.

pub const SKIPPED: &str = "Skipped.";
pub const NOTE_KEPT: &str = "Note kept.";

/// "Pain 4, moderate.", given `checkin::pain_anchor`.
pub fn pain_answer(pain: u8, anchor: &str) -> String {
    format!("Pain {pain}, {anchor}.")
}

/// "Buttock, thigh.", given the areas' words joined.
pub fn areas_answer(areas: &str) -> String {
    end_sentence(&capital(areas))
}

/// "Side: left.", given `BodySide::word`.
pub fn side_answer(side: &str) -> String {
    format!("Side: {side}.")
}

pub fn numbness_answer(yes: bool) -> String {
    format!("Numbness: {}.", if yes { "yes" } else { "no" })
}

/// "It felt better.", given `Felt::word`.
pub fn felt_answer(felt: &str) -> String {
    format!("It felt {felt}.")
}

// ---- The safety questions and advice: how each is answered.

pub const SAFETY_YES_NO_KEYS: &str = "Press y for yes or n for no.";
pub const QUICK_KEYS: &str =
    "Press Enter if nothing has changed, or y if one of these has started.";
pub const DOCTOR_KEYS: &str =
    "Press c to carry on if a doctor has already checked this, or Enter to stop for now.";
pub const GP_START_KEYS: &str = "Press Enter to start this gentle routine.";
pub const GP_BACK_KEYS: &str = "Press Enter to end here.";
pub const ADVICE_KEYS: &str = "Press Enter when you have heard it.";
pub const CAUTIONS_KEYS: &str = "Press Enter when you have heard them.";
pub const EASE_OFF_KEYS: &str = "Press s to stop, k to skip this step, or g to carry on gentler.";

/// The routines to choose from in plain mode: "Choose a routine: type its number and press
/// Enter. 1: Gentle start. 2: Daily standard.".
pub fn routines(titles: &[&str]) -> String {
    let mut said = "Choose a routine: type its number and press Enter.".to_string();
    for (n, title) in titles.iter().enumerate() {
        let _ = write!(said, " {}: {}", n + 1, end_sentence(title));
    }
    said
}

// ---- The summary's main lines.

/// "Pain 6 before, 3 after: 3 points lower.", or "Pain 4 before and after: no change.".
pub fn pain_change(before: u8, after: u8) -> String {
    let points = before.abs_diff(after);
    let unit = if points == 1 { "point" } else { "points" };
    match after.cmp(&before) {
        std::cmp::Ordering::Equal => format!("Pain {before} before and after: no change."),
        std::cmp::Ordering::Less => {
            format!("Pain {before} before, {after} after: {points} {unit} lower.")
        }
        std::cmp::Ordering::Greater => {
            format!("Pain {before} before, {after} after: {points} {unit} higher.")
        }
    }
}

/// "Time: 12 minutes of 13 minutes 50 seconds planned.".
pub fn time_done(elapsed: Duration, planned: Duration) -> String {
    format!(
        "Time: {} of {} planned.",
        spent_words(elapsed),
        duration_words(planned)
    )
}

/// "Session complete: Gentle start.", given `Finish::heading`.
pub fn summary_heading(heading: &str, title: &str) -> String {
    format!("{heading}: {}", end_sentence(title))
}

pub const SUMMARY_KEYS: &str = "Press Enter when you are done.";

/// Words as the voice says them: a command's backquotes, which a speech program would read
/// out, are left out.
pub fn for_the_ear(shown: &str) -> String {
    shown.replace('`', "")
}

/// `said` ending in a full stop, unless it already ends a sentence.
pub fn end_sentence(said: &str) -> String {
    let said = said.trim_end();
    if said.ends_with(['.', '?', '!', ':']) {
        said.to_string()
    } else {
        format!("{said}.")
    }
}

fn capital(words: &str) -> String {
    let mut chars = words.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
