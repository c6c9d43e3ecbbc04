//! The weekly check's words: its questions, the offer on the home screen, its plain prompts,
//! and the trend in the review (CLINICAL.md section 5).

pub const TITLE: &str = "Weekly check";
pub const ASK_LEG_PAIN: &str = "Leg pain over the past week, from 0 to 10";
pub const ASK_BACK_PAIN: &str = "Back pain over the past week, from 0 to 10";
pub const ASK_NUMBNESS: &str = "Numbness or tingling in the leg or foot this week?";
pub const ASK_WEAKNESS: &str = "Weakness in the leg or foot this week?";
/// The functional scale's naming question; `n` from 1.
pub fn ask_name(n: usize) -> String {
    if n == 1 {
        "Name an activity that is hard for you because of the pain (for example: sitting through a film)".to_string()
    } else {
        format!(
            "Another activity that is hard for you ({n} of up to 3), or Enter alone if that is all"
        )
    }
}
/// Renaming an activity of the functional scale.
pub fn ask_rename(old: &str) -> String {
    format!("A new name for \u{201c}{old}\u{201d}")
}
/// The functional scale's rating question.
pub fn ask_rate(activity: &str) -> String {
    format!("How well can you do this now: {activity}?")
}
/// The functional scale's anchors (Stratford 1995).
pub const RATE_ANCHORS: [(&str, &str); 2] = [
    ("0", "unable to do it"),
    ("10", "as well as before the problem"),
];

/// On the home screen while a check is due.
pub const OFFER: &str =
    "Your weekly check is due: press w (about a minute, each question skippable).";
/// Plain mode's routine list, while a check is due.
pub const PLAIN_OFFER: &str = "Your weekly check is due: run `unknot weekly` (about a minute).";
pub const SAVED: &str = "Weekly check saved.";

/// "leg 6 · back 3 · numbness: no · weakness: no · activities 4.5": what has been answered.
pub fn answers_so_far(
    leg: Option<u8>,
    back: Option<u8>,
    numbness: Option<bool>,
    weakness: Option<bool>,
    function: Option<f64>,
) -> String {
    let yes_no = |b: bool| if b { "yes" } else { "no" };
    let mut parts = Vec::new();
    if let Some(p) = leg {
        parts.push(format!("leg {p}"));
    }
    if let Some(p) = back {
        parts.push(format!("back {p}"));
    }
    if let Some(n) = numbness {
        parts.push(format!("numbness: {}", yes_no(n)));
    }
    if let Some(w) = weakness {
        parts.push(format!("weakness: {}", yes_no(w)));
    }
    if let Some(f) = function {
        parts.push(format!("activities {f:.1}"));
    }
    parts.join("  ·  ")
}

// Plain prompts.

/// The question, then how to answer it.
pub fn plain_question(asked: &str, how: &str) -> String {
    if asked.ends_with('?') {
        format!("{asked} {how}")
    } else {
        format!("{asked}: {how}")
    }
}

pub const PLAIN_SCORE: &str = "Type a number from 0 to 10 and press Enter, or Enter alone to skip.";
pub const PLAIN_YES_NO: &str = "Type yes or no, or press Enter to skip.";
pub const PLAIN_NAME: &str = "Type it and press Enter, or Enter alone to go on.";
pub const PLAIN_RATE: &str = "0 unable to do it, 10 as well as before. Type a number and press Enter, e to rename it, or Enter alone to skip.";
pub const PLAIN_NOT_UNDERSTOOD: &str = "That is not an answer to this question; try again.";

// The review.

pub const FIGURES_WEEKLY: &str = "Weekly check";
pub const WEEKLY_NONE: &str =
    "  None yet: the home screen offers it once a week, or run `unknot weekly`.";
/// "  4 checks since Mon 2 Nov".
pub fn weekly_count(checks: usize, since: &str) -> String {
    let noun = if checks == 1 { "check" } else { "checks" };
    format!("  {checks} {noun} since {since}")
}
/// "  Leg pain: 7 → 4, down 3 points: a change beyond everyday ups and downs".
pub fn weekly_change(
    what: &str,
    first: f64,
    last: f64,
    meaningful: bool,
    higher_is_better: bool,
) -> String {
    let delta = last - first;
    let way = if delta.abs() < 0.05 {
        "no change".to_string()
    } else if delta > 0.0 {
        format!("up {delta:.1} points")
    } else {
        format!("down {:.1} points", -delta)
    };
    let reading = match (meaningful, (delta > 0.0) == higher_is_better) {
        (false, _) => "within everyday ups and downs",
        (true, true) => "2 points or more, the size of change people notice over weeks, better",
        (true, false) => "2 points or more, the size of change people notice over weeks, worse",
    };
    format!("  {what}: {first:.1} → {last:.1}, {way}: {reading}")
}
/// "  Last, Mon 30 Nov: leg 6  ·  back 3 …".
pub fn latest(when: &str, answers: &str) -> String {
    format!("  Last, {when}: {answers}")
}
pub const LEG_PAIN: &str = "Leg pain";
pub const BACK_PAIN: &str = "Back pain";
pub const ACTIVITIES: &str = "Activities (0 unable, 10 as before)";
pub const WEEKLY_THRESHOLD: &str = "Over weeks, a change of about 2 points on these scales is one a person notices; smaller changes are within everyday ups and downs.";
