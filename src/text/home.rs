//! Words of the home screen and of plain mode's routine choice: the routine list, a routine's
//! steps, the last session and the streak.

use std::fmt::Write as _;
use std::time::Duration;

use chrono::{DateTime, FixedOffset};

use super::time::{count, duration_about, duration_short, duration_words};

pub const HOME_TITLE: &str = "unknot";
pub const HOME_TAGLINE: &str = "Guided self-massage and stretching for sciatica";
pub const HOME_STEPS: &str = "Steps";
pub fn home_broken(n: usize) -> String {
    match n {
        1 => "1 of your routine files does not load: see `unknot list`".to_string(),
        n => format!("{n} of your routine files do not load: see `unknot list`"),
    }
}

/// "Gentle start  ·  gentle  ·  11 min", given `Level::word`.
pub fn home_line(title: &str, level: &str, d: Duration) -> String {
    format!("{title}  ·  {level}  ·  {}", duration_about(d))
}

/// "Knee rolls, each side, 30 s x 3", given `Sides::word`; a check-in has no time or reps.
pub fn home_step_line(
    title: &str,
    sides: Option<&str>,
    work: Duration,
    reps: u32,
    check_in: bool,
) -> String {
    let mut line = title.to_string();
    if let Some(s) = sides {
        let _ = write!(line, ", {s}");
    }
    if !check_in {
        let _ = write!(line, ", {}", duration_short(work));
        if reps > 1 {
            let _ = write!(line, " x {reps}");
        }
    }
    line
}

pub const PLAIN_HOME_PROMPT: &str = "Type a routine number and Enter: ";
pub const PLAIN_HOME_INVALID: &str = "Please type one of the numbers shown.";

/// "Gentle start: 5 steps, about 10 minutes.": plain mode's first line about a routine.
pub fn plain_intro(title: &str, steps: usize, planned: Duration) -> String {
    format!(
        "{title}: {}, about {}.",
        count(steps, "step", "steps"),
        duration_words(planned)
    )
}

/// "Last session: Gentle start, Sat 21 Nov 08:30", then `home_last_pain` when there is one.
pub fn home_last(routine: &str, started: &DateTime<FixedOffset>, pain: Option<&str>) -> String {
    let when = started.format("%a %-d %b %H:%M");
    format!(
        "Last session: {routine}, {when}{}",
        pain.unwrap_or_default()
    )
}

/// ": pain 6 → 3", and why it is not read when it is not, given `Reading::words`.
pub fn home_last_pain(before: u8, after: u8, unread: Option<&str>) -> String {
    match unread {
        Some(why) => format!(": pain {before} → {after} ({why})"),
        None => format!(": pain {before} → {after}"),
    }
}

pub fn home_streak(days: u32, per_week: f64) -> String {
    format!(
        "Streak: {}  ·  {per_week:.1} sessions a week over the last 4 weeks",
        count(days as usize, "day", "days")
    )
}
