//! Words of `unknot desk`, the sitting-break reminder: the screen between breaks, the prompt,
//! and their plain-line forms.

use super::time::duration_words;
use std::time::Duration;

pub const TITLE: &str = "unknot desk";
pub const NEXT_BREAK: &str = "Next break at";
pub const STAND_UP: &str = "Time to stand up and move";
/// The prompt's big words, in a window too narrow for the whole sentence.
pub const STAND_UP_SHORT: &str = "Stand up";
/// CLINICAL.md section 6: stay active, avoid long sitting or lying (NHS; NICE QS155).
pub const WHY: &str = "Staying active and not sitting for long stretches helps sciatica: get up, walk a few steps, or do the desk break.";
pub const ON_BREAK_ENDED: &str = "Break over: back to work. The next reminder counts from now.";

/// "A reminder every 45 minutes; a snooze puts it off 10 minutes."
pub fn rhythm(every: Duration, snooze: Duration) -> String {
    format!(
        "A reminder every {}; a snooze puts it off {}.",
        duration_words(every),
        duration_words(snooze)
    )
}

/// "Since you started: 1 break taken, 2 snoozed, 0 skipped."
pub fn tally(taken: u32, snoozed: u32, skipped: u32) -> String {
    let breaks = if taken == 1 { "break" } else { "breaks" };
    format!("Since you started: {taken} {breaks} taken, {snoozed} snoozed, {skipped} skipped.")
}

/// "You have been sitting for 45 minutes.": whole minutes, or seconds under a minute.
pub fn sitting_for(d: Duration) -> String {
    let secs = d.as_secs();
    let shown = if secs >= 60 { secs / 60 * 60 } else { secs };
    format!(
        "You have been sitting for {}.",
        duration_words(Duration::from_secs(shown))
    )
}

/// "The break: Desk break, 5 minutes 30 seconds. A snooze asks again in 10 minutes."
pub fn offer(routine: &str, length: Duration, snooze: Duration) -> String {
    format!(
        "The break: {routine}, {}. A snooze asks again in {}.",
        duration_words(length),
        duration_words(snooze)
    )
}

// Plain lines.

/// "Next break at 10:45. Type b and Enter to take it now, q to stop."
pub fn plain_waiting(at: &str) -> String {
    format!("Next break at {at}. Type b and Enter to take a break now, or q to stop.")
}

pub fn plain_prompt(sitting: Duration, snooze: Duration) -> String {
    format!(
        "{STAND_UP}. {} Type b and Enter to start the desk break, z to snooze {}, k to skip this one, q to stop.",
        sitting_for(sitting),
        duration_words(snooze)
    )
}

pub const PLAIN_NOT_UNDERSTOOD: &str =
    "Type b to take the break, z to snooze, k to skip, or q to stop.";
pub const PLAIN_SNOOZED: &str = "Snoozed.";
pub const PLAIN_SKIPPED: &str = "Skipped: keep an eye on how long you sit.";
pub const PLAIN_STOPPED: &str = "unknot desk stopped.";

/// The command line: an interval that is not a duration.
pub const ERR_DURATION: &str =
    "a duration is minutes (45), or a number and a unit: 90s, 45m, 1h, 1h30m";
