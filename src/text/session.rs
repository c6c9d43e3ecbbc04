//! Words of the guided session: the line naming a step, the announcements, what the person is
//! doing now and what comes next, and the notes and boxes around the timer.

use std::fmt::Write as _;
use std::time::Duration;

use super::time::{duration_short, duration_words};

/// "Figure-4 stretch, left side, 30 seconds, 3 times"; a check-in has no time or reps.
pub fn step_line(
    title: &str,
    side: Option<&str>,
    work: Duration,
    reps: u32,
    check_in: bool,
) -> String {
    let mut parts = vec![title.to_string()];
    if let Some(side) = side {
        parts.push(side.to_string());
    }
    if !check_in {
        parts.push(duration_words(work));
        if reps > 1 {
            parts.push(format!("{reps} times"));
        }
    }
    parts.join(", ")
}

pub fn step_of(step: usize, total: usize) -> String {
    format!("Step {} of {}", step + 1, total)
}

// ---- Announcements: one line each, as plain mode prints it and a voice would say it; picked
// by `Announcement::words`.

/// "Step 2 of 5: Knee rolls, 30 seconds": a step announced with what it is.
pub fn step_heading(step: usize, total: usize, what: &str) -> String {
    format!("{}: {what}", step_of(step, total))
}

pub const WAIT_FOR_KEY_PLAIN: &str = "Get into position, then press Enter";

/// "Get ready: 5 seconds".
pub fn get_ready(d: Duration) -> String {
    format!("Get ready: {}", duration_words(d))
}

pub const GO: &str = "Go";

/// "Go: rep 2".
pub fn go_rep(rep: u32) -> String {
    format!("Go: rep {rep}")
}

/// "Go: left side".
pub fn go_side(side: &str) -> String {
    format!("Go: {side}")
}

pub const HALFWAY: &str = "Halfway";
pub const DONE: &str = "Done";

/// "Rest: 10 seconds".
pub fn rest(d: Duration) -> String {
    format!("Rest: {}", duration_words(d))
}

/// "Switch to the right side: 5 seconds".
pub fn switch(to: &str, after: Duration) -> String {
    format!("Switch to the {to}: {}", duration_words(after))
}

pub const COMPLETE: &str = "Session complete";

// ---- What the person is doing now, picked by `PhaseKind::label` ------------------------------

pub const LABEL_READY: &str = "Get into position";
pub const LABEL_LEAD_IN: &str = "Get ready";
pub const LABEL_REST: &str = "Rest";
pub const LABEL_CHECK_IN: &str = "Check-in";

/// "Hold - left side - rep 2 of 3"; the rep only when there are several.
pub fn label_hold(side: Option<&str>, rep: u32, reps: u32) -> String {
    let mut label = "Hold".to_string();
    if let Some(s) = side {
        let _ = write!(label, " - {s}");
    }
    if reps > 1 {
        let _ = write!(label, " - rep {rep} of {reps}");
    }
    label
}

/// "Switch to the right side".
pub fn label_switch(to: &str) -> String {
    format!("Switch to the {to}")
}

pub fn phase_progress(left: Duration, of: Duration) -> String {
    format!("{} left of {}", duration_short(left), duration_short(of))
}

// ---- What comes next, picked by `PhaseKind::next_words` -------------------------------------

/// "rest 10 s".
pub fn next_rest(d: Duration) -> String {
    format!("rest {}", duration_short(d))
}

/// "switch to the right side".
pub fn next_switch(to: &str) -> String {
    format!("switch to the {to}")
}

/// "hold on the left side, 30 s", or "hold 30 s" for a step on both sides.
pub fn next_hold(side: Option<&str>, d: Duration) -> String {
    match side {
        Some(s) => format!("hold on the {s}, {}", duration_short(d)),
        None => format!("hold {}", duration_short(d)),
    }
}

/// "rep 2, 30 s".
pub fn next_rep(rep: u32, d: Duration) -> String {
    format!("rep {rep}, {}", duration_short(d))
}

pub const NEXT_GET_READY: &str = "get ready";
pub const NEXT_CHECK_IN: &str = "pain check-in";

// ---- Around the timer ------------------------------------------------------------------------

pub const WAIT_FOR_KEY: &str = "Get into position, then press Space";
pub const CAUTION: &str = "Caution";
pub const PAUSED_HINT: &str = "Paused - press Space to go on";
pub const PAUSED_CHOOSE: &str = "Paused - choose how to go on";
pub const NEXT: &str = "Next";
pub const LAST_STEP: &str = "This is the last step";
pub const SESSION_LEFT: &str = "left in the session";

pub const QUIT_TITLE: &str = "Stop the session?";
pub const QUIT_BODY: &str = "What you have done so far is kept.";

pub const PLAIN_SUSPENDED: &str = "Paused while unknot is stopped. Type fg to come back.";
pub const PLAIN_PAUSED: &str = "Paused. Press Enter to go on.";
