//! The calendar reminder's words.

pub const CALENDAR_NAME: &str = "unknot";
pub const SUMMARY: &str = "Time for your stretching routine";

/// What the calendar shows with the reminder; `command` starts the routine.
pub fn description(command: &str) -> String {
    format!(
        "Open a terminal and run `{command}`. If the pain is flaring, choose a gentler routine or simply walk for a few minutes; if a warning sign has started, see a doctor instead (`unknot safety` lists them)."
    )
}

/// When the reminder rings, in words: "08:30 on Mon, Wed, Fri", or "08:30 every day".
pub fn when(at: &str, days: &[&str]) -> String {
    if days.is_empty() {
        format!("{at} every day")
    } else {
        format!("{at} on {}", days.join(", "))
    }
}

pub fn written(path: &str, when: &str) -> String {
    format!(
        "wrote {path}: a reminder at {when}, with an alarm. Open it with your calendar to add it (on a phone, send the file to yourself and open it there)."
    )
}
