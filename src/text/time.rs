//! Words for time and amounts: durations in words and in short, the countdown clock, counted things.

use std::time::Duration;

/// Whole seconds, rounded up, as a countdown shows them.
pub fn ceil_secs(d: Duration) -> u64 {
    d.as_secs() + u64::from(d.subsec_nanos() > 0)
}

/// "1 step", "3 steps".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "45 seconds", "10 minutes", "4 minutes 30 seconds".
pub fn duration_words(d: Duration) -> String {
    let secs = ceil_secs(d);
    let (m, s) = (secs / 60, secs % 60);
    let unit = |n: u64, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match (m, s) {
        (0, s) => unit(s, "second", "seconds"),
        (m, 0) => unit(m, "minute", "minutes"),
        (m, s) => format!(
            "{} {}",
            unit(m, "minute", "minutes"),
            unit(s, "second", "seconds")
        ),
    }
}

/// "10 min", "4 min 30 s", "45 s": for tables and tight spaces.
pub fn duration_short(d: Duration) -> String {
    let secs = ceil_secs(d);
    match (secs / 60, secs % 60) {
        (0, s) => format!("{s} s"),
        (m, 0) => format!("{m} min"),
        (m, s) => format!("{m} min {s} s"),
    }
}

/// To the nearest minute from a minute up ("11 min"), for tight lists.
pub fn duration_about(d: Duration) -> String {
    let secs = ceil_secs(d);
    if secs < 60 {
        return format!("{secs} s");
    }
    format!("{} min", (secs + 30) / 60)
}

/// A countdown clock: "45", "1:05", "12:00".
pub fn clock(d: Duration) -> String {
    let secs = ceil_secs(d);
    if secs < 60 {
        secs.to_string()
    } else {
        format!("{}:{:02}", secs / 60, secs % 60)
    }
}
