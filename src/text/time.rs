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

/// Whole seconds to the nearest, a half rounded up, as time spent is told: 3.002 s spent is 3
/// seconds, where a countdown with 3.002 s left shows 4.
pub fn nearest_secs(d: Duration) -> u64 {
    d.saturating_add(Duration::from_millis(500)).as_secs()
}

/// "45 seconds", "10 minutes", "4 minutes 30 seconds": time left or planned, rounded up as a
/// countdown shows it.
pub fn duration_words(d: Duration) -> String {
    secs_words(ceil_secs(d))
}

/// As [`duration_words`], for time spent: to the nearest second ([`nearest_secs`]).
pub fn spent_words(d: Duration) -> String {
    secs_words(nearest_secs(d))
}

fn secs_words(secs: u64) -> String {
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

/// "10 min", "4 min 30 s", "45 s": for tables and tight spaces, rounded up as a countdown.
pub fn duration_short(d: Duration) -> String {
    secs_short(ceil_secs(d))
}

/// As [`duration_short`], for time spent: to the nearest second ([`nearest_secs`]).
pub fn spent_short(d: Duration) -> String {
    secs_short(nearest_secs(d))
}

fn secs_short(secs: u64) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_left_rounds_up_and_time_spent_to_the_nearest_second() {
        let d = |ms| Duration::from_millis(ms);
        assert_eq!(
            duration_words(d(3_002)),
            "4 seconds",
            "a countdown with 3.002 s left"
        );
        assert_eq!(spent_words(d(3_002)), "3 seconds");
        assert_eq!(spent_words(d(2_500)), "3 seconds");
        assert_eq!(spent_words(d(59_600)), "1 minute");
        assert_eq!(spent_words(d(90_400)), "1 minute 30 seconds");
        assert_eq!(spent_short(d(3_002)), "3 s");
        assert_eq!(duration_short(d(3_002)), "4 s");
    }

    /// The review's list and a session's details say the same length for the same session.
    #[test]
    fn the_list_and_the_details_say_the_same_seconds() {
        for ms in (0..60_000).step_by(7) {
            let d = Duration::from_millis(ms);
            let list = crate::text::review::minutes_short(d);
            let seconds = list.trim_end_matches(" s");
            let said = spent_words(d);
            assert!(
                said == format!("{seconds} seconds")
                    || said == format!("{seconds} second")
                    || (list == "1 min" && said == "1 minute"),
                "{ms} ms: {list} vs {said}"
            );
        }
    }
}
