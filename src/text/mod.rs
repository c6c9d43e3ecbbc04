//! Every word unknot shows or says, in one place, so the wording can be reviewed and kept consistent.

pub mod keys;
mod review;
mod safety;

pub use review::*;
pub use safety::*;

use std::time::Duration;

use crate::routine::{Level, Routine, Side, Sides, Step, Tool};
use crate::session::{Announcement, ceil_secs};

// ---- Routine file errors -------------------------------------------------------------------

pub const ERR_NO_TIMED_STEP: &str =
    "a routine needs at least one step that is not a CheckIn (steps: [...])";
pub const ERR_EMPTY_TITLE: &str = "expected a title with some words in it, found an empty one";
pub const ERR_LINE_BREAK: &str = "expected text on one line, found a line break \
     (for several lines of instructions, give each line its own quotes)";

pub fn err_unshowable_character(c: char) -> String {
    let code = u32::from(c);
    if c.is_control() {
        format!(
            "expected text, found the control character U+{code:04X}, which a terminal would not show"
        )
    } else {
        format!(
            "expected text, found the direction control U+{code:04X}, which would make the text after it read out of order"
        )
    }
}
pub const ERR_EOF: &str = "the file ends too early: a closing ) or ] is probably missing";
pub const ERR_TRAILING: &str =
    "expected the end of the file after the routine's closing ), found more text";
pub const ERR_OPEN: &str = "expected ( here, to open a group of fields";
pub const ERR_STRUCT_NAME: &str = "write each group of fields as ( ... ) with no name in front";
pub const ERR_COMMA: &str = "expected a comma here, between two fields or two items";
pub const ERR_INTEGER: &str = "expected a whole number, such as 30";
pub const ERR_STRING: &str = "expected text in double quotes, such as \"Knee rolls\"";
pub const ERR_BOOLEAN: &str = "expected true or false";
pub const ERR_LIST: &str = "expected a list in square brackets, such as [\"one\", \"two\"]";
pub const ERR_OPTION: &str = "expected Some(...) or None, such as Some(TennisBall)";

pub fn err_out_of_range(name: &str, min: u32, max: u32, found: i64) -> String {
    format!("expected {name} from {min} to {max}, found {found}")
}

pub fn err_missing_seconds(title: &str) -> String {
    format!("step \"{title}\" needs seconds: how long to hold it, from 1 to 1800")
}

pub fn err_check_in_seconds(title: &str) -> String {
    format!("step \"{title}\" is a CheckIn, which has no timer: remove its seconds")
}

pub fn err_unknown_field(found: &str, expected: &[&str]) -> String {
    format!(
        "unknown field `{found}`; expected one of: {}",
        expected.join(", ")
    )
}

pub fn err_unknown_variant(found: &str, expected: &[&str]) -> String {
    format!(
        "unknown value `{found}`; expected one of: {}",
        expected.join(", ")
    )
}

pub fn err_missing_field(field: &str, outer: Option<&str>) -> String {
    match outer {
        Some("Step") => format!("this step needs a `{field}` field"),
        Some("Routine") => format!("the routine needs a `{field}` field"),
        _ => format!("a `{field}` field is missing here"),
    }
}

pub fn err_duplicate_field(field: &str) -> String {
    format!("the field `{field}` is given twice")
}

pub fn err_expected(expected: &str, found: &str) -> String {
    format!("expected {expected}, found {found}")
}

pub fn err_syntax(detail: &str) -> String {
    let detail = detail.trim_end_matches('.');
    let mut chars = detail.chars();
    let lower: String = chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default();
    format!("this is not valid routine syntax ({lower})")
}

/// The cause of a file error, in words rather than an OS error code.
pub fn io_reason(e: &std::io::Error) -> &'static str {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "no such file",
        K::PermissionDenied => "permission denied",
        K::IsADirectory => "it is a folder, not a file",
        K::InvalidData => "it is not a text file",
        K::BrokenPipe => "the other end was closed",
        K::StorageFull => "the disk is full",
        K::QuotaExceeded => "the disk quota is used up",
        K::ReadOnlyFilesystem => "the disk is read-only",
        K::FileTooLarge => "the file has reached its size limit",
        _ => "the operating system reported an error",
    }
}

// ---- Command-line messages -----------------------------------------------------------------

pub fn err_unknown_routine(name: &str) -> String {
    format!("there is no routine called \"{name}\"; `unknot list` shows the routines you can start")
}

pub const ERR_NO_ROUTINES: &str = "no routines could be loaded";

pub fn check_ok(path: &str, routine: &Routine) -> String {
    format!(
        "ok: {path}: \"{}\", {}, {}",
        routine.title,
        count(routine.steps.len(), "step", "steps"),
        duration_words(routine.planned_duration())
    )
}

/// "1 step", "3 steps".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub fn check_summary(valid: usize, invalid: usize) -> String {
    format!("{valid} valid, {invalid} invalid")
}

pub fn new_routine_written(path: &str) -> String {
    format!(
        "wrote {path}: edit it, check it with `unknot check {path}`, start it with `unknot start {path}`"
    )
}

pub fn err_new_exists(path: &str) -> String {
    format!("{path} already exists; choose another name or edit that file")
}

pub fn err_bad_name(name: &str) -> String {
    format!("\"{name}\" is not a usable routine name: use letters, digits and dashes")
}

pub fn warn_broken_routine(error: &str) -> String {
    format!("warning: skipped a routine that does not load: {error}")
}

pub const LIST_HEADER: [&str; 4] = ["NAME", "LEVEL", "TIME", "TITLE"];
pub const LIST_YOURS: &str = "(yours)";

// ---- Names -----------------------------------------------------------------------------------

pub fn level(level: Level) -> &'static str {
    match level {
        Level::Gentle => "gentle",
        Level::Standard => "standard",
        Level::Deep => "deep",
    }
}

pub fn tool(tool: Tool) -> &'static str {
    match tool {
        Tool::TennisBall => "tennis ball",
        Tool::FoamRoller => "foam roller",
        Tool::Chair => "chair",
        Tool::Wall => "wall",
        Tool::Mat => "mat",
    }
}

pub fn side(side: Side) -> &'static str {
    match side {
        Side::Left => "left side",
        Side::Right => "right side",
    }
}

pub fn sides(sides: Sides) -> Option<&'static str> {
    match sides {
        Sides::Both => None,
        Sides::Left => Some("left side"),
        Sides::Right => Some("right side"),
        Sides::Each => Some("each side"),
    }
}

// ---- Time ----------------------------------------------------------------------------------

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

/// A countdown clock: "45", "1:05", "12:00".
pub fn clock(d: Duration) -> String {
    let secs = ceil_secs(d);
    if secs < 60 {
        secs.to_string()
    } else {
        format!("{}:{:02}", secs / 60, secs % 60)
    }
}

// ---- The session ---------------------------------------------------------------------------

/// "Figure-4 stretch, left side, 30 seconds, 3 times".
pub fn step_line(step: &Step, side: Option<Side>) -> String {
    let mut parts = vec![step.title.clone()];
    if let Some(side) = side {
        parts.push(self::side(side).to_string());
    }
    if !step.is_check_in() {
        parts.push(duration_words(step.work()));
        if step.reps > 1 {
            parts.push(format!("{} times", step.reps));
        }
    }
    parts.join(", ")
}

pub fn step_of(step: usize, total: usize) -> String {
    format!("Step {} of {}", step + 1, total)
}

/// One line of the session in words, as plain mode prints it and a voice would say it.
pub fn announcement(a: &Announcement, routine: &Routine) -> String {
    match a {
        Announcement::StepStart { step, side } => {
            let total = routine.steps.len();
            match routine.steps.get(*step) {
                Some(s) => format!("{}: {}", step_of(*step, total), step_line(s, *side)),
                None => step_of(*step, total),
            }
        }
        Announcement::WaitForKey => WAIT_FOR_KEY_PLAIN.to_string(),
        Announcement::GetReady(d) => format!("Get ready: {}", duration_words(*d)),
        Announcement::Go { side, rep } => match (side, rep) {
            (_, r) if *r > 1 => format!("Go: rep {r}"),
            (Some(side), _) => format!("Go: {}", self::side(*side)),
            _ => "Go".to_string(),
        },
        Announcement::Halfway => "Halfway".to_string(),
        Announcement::Countdown(n) => n.to_string(),
        Announcement::Done => "Done".to_string(),
        Announcement::Rest(d) => format!("Rest: {}", duration_words(*d)),
        Announcement::Switch { to, after } => {
            format!("Switch to the {}: {}", side(*to), duration_words(*after))
        }
        Announcement::CheckIn { step } => match routine.steps.get(*step) {
            Some(s) => format!("{}: {}", step_of(*step, routine.steps.len()), s.title),
            None => CHECK_IN_TITLE.to_string(),
        },
        Announcement::Complete => "Session complete".to_string(),
    }
}

pub const WAIT_FOR_KEY_PLAIN: &str = "Get into position, then press Enter";
pub const WAIT_FOR_KEY: &str = "Get into position, then press Space";
pub const CAUTION: &str = "Caution";
pub const PAUSED_HINT: &str = "Paused - press Space to go on";
pub const PAUSED_CHOOSE: &str = "Paused - choose how to go on";
pub const NEXT: &str = "Next";
pub const LAST_STEP: &str = "This is the last step";
pub const SESSION_LEFT: &str = "left in the session";

/// What the person is doing now: "Hold - left side - rep 2 of 3".
pub fn phase_label(kind: crate::session::PhaseKind, reps: u32) -> String {
    use crate::session::PhaseKind as P;
    match kind {
        P::Ready => "Get into position".to_string(),
        P::LeadIn => "Get ready".to_string(),
        P::Work { side, rep } => {
            let mut label = "Hold".to_string();
            if let Some(s) = side {
                label.push_str(&format!(" - {}", self::side(s)));
            }
            if reps > 1 {
                label.push_str(&format!(" - rep {rep} of {reps}"));
            }
            label
        }
        P::Rest { .. } => "Rest".to_string(),
        P::Switch { to } => format!("Switch to the {}", side(to)),
        P::CheckIn => "Check-in".to_string(),
    }
}

pub fn phase_progress(left: Duration, of: Duration) -> String {
    format!("{} left of {}", duration_short(left), duration_short(of))
}

pub fn next_phase_words(kind: crate::session::PhaseKind, d: Duration) -> String {
    use crate::session::PhaseKind as P;
    match kind {
        P::Rest { .. } => format!("rest {}", duration_short(d)),
        P::Switch { to } => format!("switch to the {}", side(to)),
        P::Work { side, rep: 1 } => match side {
            Some(s) => format!("hold on the {}, {}", self::side(s), duration_short(d)),
            None => format!("hold {}", duration_short(d)),
        },
        P::Work { rep, .. } => format!("rep {rep}, {}", duration_short(d)),
        P::LeadIn | P::Ready => "get ready".to_string(),
        P::CheckIn => "pain check-in".to_string(),
    }
}

// ---- Check-ins -----------------------------------------------------------------------------

pub const CHECK_IN_TITLE: &str = "How is the pain now?";
pub const PAIN_ANCHORS: [(&str, &str); 5] = [
    ("0", "no pain"),
    ("1-3", "mild"),
    ("4-6", "moderate"),
    ("7-10", "severe"),
    ("10", "worst pain imaginable"),
];

pub fn pain_anchor(score: u8) -> &'static str {
    match score {
        0 => "no pain",
        1..=3 => "mild",
        4..=6 => "moderate",
        _ => "severe",
    }
}

pub fn plain_pain_prompt() -> String {
    let anchors: Vec<String> = PAIN_ANCHORS
        .iter()
        .map(|(n, w)| format!("{n} {w}"))
        .collect();
    format!(
        "Pain now, 0 to 10 ({}). Type a number and press Enter, or press Enter alone to skip.",
        anchors.join(", ")
    )
}

pub fn plain_pain_recorded(pain: Option<u8>) -> String {
    match pain {
        Some(p) => format!("Pain: {p} ({})", pain_anchor(p)),
        None => "Skipped".to_string(),
    }
}

pub const PLAIN_PAIN_INVALID: &str =
    "Please type a whole number from 0 to 10, or press Enter to skip.";
pub const PLAIN_INPUT_ENDED: &str = "No more input: the remaining check-ins are skipped.";
pub const PLAIN_SUSPENDED: &str = "Paused while unknot is stopped. Type fg to come back.";
pub const PLAIN_PAUSED: &str = "Paused. Press Enter to go on.";

// ---- Summary -------------------------------------------------------------------------------

pub fn outcome(outcome: crate::history::Outcome) -> &'static str {
    use crate::history::Outcome;
    match outcome {
        Outcome::Completed => "Session complete",
        Outcome::Quit => "Session stopped",
        Outcome::Interrupted => "Session interrupted",
    }
}

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

pub fn summary_felt(felt: crate::history::Felt) -> String {
    format!("It felt: {}", self::felt(felt))
}

pub fn summary_note(note: &str) -> String {
    format!("Note: {note}")
}
pub const SUMMARY_NO_CHECK_INS: &str = "No pain scores this time.";

// ---- Keys and help -------------------------------------------------------------------------

pub const QUIT_TITLE: &str = "Stop the session?";
pub const QUIT_BODY: &str = "What you have done so far is kept.";

pub const TOO_SMALL: &str = "Make the window bigger";

pub fn too_small_detail(w: u16, h: u16) -> String {
    format!("unknot needs at least 40 x 12; this is {w} x {h}")
}

// ---- Home ----------------------------------------------------------------------------------

pub const HOME_TITLE: &str = "unknot";
pub const HOME_TAGLINE: &str = "Guided self-massage and stretching for sciatica";
pub const HOME_STEPS: &str = "Steps";
pub fn home_broken(n: usize) -> String {
    match n {
        1 => "1 of your routine files does not load: see `unknot list`".to_string(),
        n => format!("{n} of your routine files do not load: see `unknot list`"),
    }
}

pub fn home_line(title: &str, level: Level, d: Duration) -> String {
    format!(
        "{title}  ·  {}  ·  {}",
        self::level(level),
        duration_about(d)
    )
}

/// To the nearest minute from a minute up ("11 min"), for tight lists.
pub fn duration_about(d: Duration) -> String {
    let secs = ceil_secs(d);
    if secs < 60 {
        return format!("{secs} s");
    }
    format!("{} min", (secs + 30) / 60)
}

pub fn home_step_line(step: &Step) -> String {
    let mut line = step.title.clone();
    if let Some(s) = sides(step.sides) {
        line.push_str(&format!(", {s}"));
    }
    if !step.is_check_in() {
        line.push_str(&format!(", {}", duration_short(step.work())));
        if step.reps > 1 {
            line.push_str(&format!(" x {}", step.reps));
        }
    }
    line
}

pub const PLAIN_HOME_PROMPT: &str = "Type a routine number and Enter: ";
pub const PLAIN_HOME_INVALID: &str = "Please type one of the numbers shown.";

pub fn plain_intro(routine: &Routine) -> String {
    format!(
        "{}: {}, about {}.",
        routine.title,
        count(routine.steps.len(), "step", "steps"),
        duration_words(routine.planned_duration())
    )
}

pub const ERR_NO_CONFIG_DIR: &str =
    "cannot find a config folder (no home folder is set); pass --config FILE";

pub const PATHS_LINES: [&str; 3] = ["config file", "your routines", "data folder"];
pub const PATHS_UNKNOWN: &str = "(unknown: no home folder; use --config and --data-dir)";

// ---- History -------------------------------------------------------------------------------

pub fn err_history_busy(path: &std::path::Path) -> String {
    format!(
        "another unknot session is writing {}; finish or stop it first",
        path.display()
    )
}

pub fn err_history_open(path: &std::path::Path, e: &std::io::Error) -> String {
    format!(
        "cannot open the history {}: {}",
        path.display(),
        io_reason(e)
    )
}

pub fn err_history_write(path: &std::path::Path, e: &std::io::Error) -> String {
    format!("could not save to {}: {}", path.display(), io_reason(e))
}

// ---- Pain changes (about 2 points or 30% is a change a person notices: Farrar 2001, Ostelo 2008)

pub fn verdict(v: crate::history::Verdict) -> &'static str {
    use crate::history::Verdict as V;
    match v {
        V::Better => "a real improvement",
        V::SlightlyLower => "a small drop, within everyday ups and downs",
        V::Same => "no change",
        V::SlightlyHigher => "a small rise, within everyday ups and downs",
        V::Worse => "a real rise in pain",
    }
}

/// The verdict in a word or two, for tight spaces.
pub fn verdict_short(v: crate::history::Verdict) -> &'static str {
    use crate::history::Verdict as V;
    match v {
        V::Better => "better",
        V::SlightlyLower => "a little lower",
        V::Same => "no change",
        V::SlightlyHigher => "a little higher",
        V::Worse => "worse",
    }
}

/// "6 → 3: 3 points lower (50%), a real improvement".
pub fn change_line(c: crate::history::Change) -> String {
    let delta = c.delta();
    if delta == 0 {
        return format!("{} → {}: {}", c.before, c.after, verdict(c.verdict()));
    }
    let points = count(delta.unsigned_abs() as usize, "point", "points");
    let way = if delta < 0 { "lower" } else { "higher" };
    let percent = c
        .percent()
        .map_or_else(String::new, |p| format!(" ({:.0}%)", p.abs()));
    format!(
        "{} → {}: {points} {way}{percent}, {}",
        c.before,
        c.after,
        verdict(c.verdict())
    )
}

/// A short arrow and sign for tables: "6→3 (-3)".
pub fn change_short(c: crate::history::Change) -> String {
    format!("{}→{} ({:+})", c.before, c.after, c.delta())
}

// ---- Check-in questions --------------------------------------------------------------------

pub fn area(a: crate::history::Area) -> &'static str {
    use crate::history::Area as A;
    match a {
        A::Back => "back",
        A::Buttock => "buttock",
        A::Thigh => "thigh",
        A::Calf => "calf",
        A::Foot => "foot",
    }
}

pub fn body_side(s: crate::history::BodySide) -> &'static str {
    use crate::history::BodySide as S;
    match s {
        S::Left => "left",
        S::Right => "right",
        S::Both => "both",
    }
}

pub fn felt(f: crate::history::Felt) -> &'static str {
    use crate::history::Felt as F;
    match f {
        F::Better => "better",
        F::Same => "same",
        F::Worse => "worse",
    }
}

/// The question as asked on screen.
pub fn question(q: crate::visit::Question) -> &'static str {
    use crate::visit::Question as Q;
    match q {
        Q::Pain => "Pain right now, from 0 to 10",
        Q::Areas => "Where do you feel it? Choose all that apply",
        Q::Side => "Which side?",
        Q::Numbness => "Any numbness or tingling?",
        Q::Felt => "How did the session feel?",
        Q::Note => "A note for yourself (optional)",
    }
}

/// The question as a prompt line in plain mode, with how to answer.
pub fn plain_question(q: crate::visit::Question) -> String {
    use crate::visit::Question as Q;
    match q {
        Q::Pain => plain_pain_prompt(),
        Q::Areas => "Where do you feel it? Type any of back, buttock, thigh, calf, foot (or 1-5), or press Enter to skip.".to_string(),
        Q::Side => "Which side? Type left, right or both, or press Enter to skip.".to_string(),
        Q::Numbness => "Any numbness or tingling? Type yes or no, or press Enter to skip.".to_string(),
        Q::Felt => "How did the session feel? Type better, same or worse, or press Enter to skip.".to_string(),
        Q::Note => "A note for yourself, one line, or press Enter to skip.".to_string(),
    }
}

/// One sentence when a plain answer does not fit the question.
pub fn plain_invalid(q: crate::visit::Question) -> &'static str {
    use crate::visit::Question as Q;
    match q {
        Q::Pain => PLAIN_PAIN_INVALID,
        Q::Areas => {
            "Please type some of: back, buttock, thigh, calf, foot; or press Enter to skip."
        }
        Q::Side => "Please type left, right or both; or press Enter to skip.",
        Q::Numbness => "Please type yes or no; or press Enter to skip.",
        Q::Felt => "Please type better, same or worse; or press Enter to skip.",
        Q::Note => "Please type one line, or press Enter to skip.",
    }
}

pub fn check_in_title(m: crate::history::Moment) -> &'static str {
    use crate::history::Moment as M;
    match m {
        M::Before => "Before you start",
        M::During => CHECK_IN_TITLE,
        M::After => "How was it?",
        M::NextMorning => "The morning after",
        M::Log => "Pain log",
    }
}

pub fn question_of(n: usize, of: usize) -> String {
    format!("question {n} of {of}")
}

/// "Pain 6 · buttock, thigh · left · numbness: yes": what has been answered so far.
pub fn answers_so_far(a: &crate::history::CheckIn) -> String {
    let mut parts = Vec::new();
    if let Some(p) = a.pain {
        parts.push(format!("pain {p} ({})", pain_anchor(p)));
    }
    if !a.areas.is_empty() {
        let areas: Vec<&str> = a.areas.iter().map(|x| area(*x)).collect();
        parts.push(areas.join(", "));
    }
    if let Some(s) = a.side {
        parts.push(body_side(s).to_string());
    }
    if let Some(n) = a.numbness {
        parts.push(format!("numbness: {}", if n { "yes" } else { "no" }));
    }
    if let Some(f) = a.felt {
        parts.push(felt(f).to_string());
    }
    parts.join("  ·  ")
}

pub fn home_last(s: &crate::history::SessionView) -> String {
    let when = s.started.format("%a %-d %b %H:%M");
    let pain = match s.change() {
        Some(c) => format!(
            ": pain {} → {}, {}",
            c.before,
            c.after,
            verdict_short(c.verdict())
        ),
        None => String::new(),
    };
    format!("Last session: {}, {when}{pain}", s.routine)
}

pub fn home_streak(days: u32, per_week: f64) -> String {
    format!(
        "Streak: {}  ·  {per_week:.1} sessions a week over the last 4 weeks",
        count(days as usize, "day", "days")
    )
}

pub const ERR_DATE: &str = "expected a date like 2026-11-21";
pub const ERR_NO_DATA_DIR: &str =
    "cannot find a data folder (no home folder is set); pass --data-dir DIR";

pub fn err_history_read(path: &std::path::Path, e: &std::io::Error) -> String {
    format!(
        "cannot read the history {}: {}",
        path.display(),
        io_reason(e)
    )
}

pub fn err_not_history(path: &std::path::Path) -> String {
    format!("{} is not an unknot history file", path.display())
}

/// Lines of the history that could not be read: counted, numbered, and left in the file.
pub fn skipped_lines(path: &std::path::Path, skipped: &[crate::history::Skipped]) -> String {
    let mut numbers: Vec<String> = skipped
        .iter()
        .take(10)
        .map(|s| s.line.to_string())
        .collect();
    if skipped.len() > 10 {
        numbers.push(format!("and {} more", skipped.len() - 10));
    }
    let newer = skipped
        .iter()
        .any(|s| matches!(s.why, crate::history::SkipReason::Newer(_)));
    format!(
        "{}: skipped {} that could not be read (line {}){}; the file is left as it is",
        path.display(),
        count(skipped.len(), "line", "lines"),
        numbers.join(", "),
        if newer {
            ", some from a newer unknot"
        } else {
            ""
        }
    )
}

pub fn logged(pain: u8, at: &chrono::DateTime<chrono::FixedOffset>) -> String {
    format!(
        "Logged pain {pain} ({}) at {}.",
        pain_anchor(pain),
        at.format("%H:%M")
    )
}

pub fn imported(new: usize, already: usize) -> String {
    let were = if already == 1 {
        "1 was".to_string()
    } else {
        format!("{already} were")
    };
    format!(
        "Imported {}; {were} already here.",
        count(new, "event", "events")
    )
}

pub fn history_not_saved(reason: &str) -> String {
    format!("This session will not be saved: {reason}")
}

pub fn history_saving_paused(reason: &str) -> String {
    format!("Not saved yet: {reason}. unknot keeps your answers and tries again with the next one")
}

pub fn history_unsaved(count: usize, reason: &str) -> String {
    let records = self::count(count, "record", "records");
    format!("{records} of this session could not be saved: {reason}.")
}

// ---- Sound and voice -----------------------------------------------------------------------

pub const SOUND_NOT_PLAYABLE: &str = "it is not a WAV, Ogg Vorbis or FLAC file unknot can play";
pub const SOUND_TOO_BIG: &str = "it is over 10 MB, too big for a cue";
pub const SOUND_EMPTY: &str = "it holds no sound";
pub const NO_SOUND_DEVICE: &str = "no sound device: using the terminal bell";
pub const MUTED: &str = "muted (m)";

pub fn cue_name(cue: crate::session::Cue) -> &'static str {
    use crate::session::Cue as C;
    match cue {
        C::GetReady => "get_ready",
        C::Go => "go",
        C::Halfway => "halfway",
        C::Countdown(_) => "countdown",
        C::End => "end",
        C::Rest => "rest",
        C::SwitchSides => "switch_sides",
        C::CheckIn => "check_in",
        C::SessionComplete => "session_complete",
    }
}

pub fn warn_sound_file(cue: crate::session::Cue, path: &std::path::Path, why: &str) -> String {
    format!(
        "the {} sound {} cannot be used ({why}); using the bundled one",
        cue_name(cue),
        path.display()
    )
}
pub const NO_VOICE: &str =
    "voice is off: no speech program found (install espeak-ng, or set voice_command)";

pub fn voice_not_found(program: &str) -> String {
    format!("voice is off: the speech program {program} was not found")
}

/// What the voice says before a step: "Next: Figure-4 stretch, left side, 30 seconds".
pub fn voice_step(step: &Step, side: Option<Side>) -> String {
    format!("Next: {}", step_line(step, side))
}

pub fn summary_pain_rule(
    trigger: crate::history::PainTrigger,
    choice: crate::history::PainChoice,
) -> String {
    use crate::history::PainTrigger as T;
    let why = match trigger {
        T::Rise => "pain rose 2 points or more",
        T::High => "pain went above 5",
        T::Spread => "pain spread down the leg",
        T::ThisHurts => "you said it hurt",
    };
    format!(
        "Eased off when {why}: {}",
        pain_choice(choice).to_lowercase()
    )
}
