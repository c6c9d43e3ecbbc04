//! Words about routines: errors in a routine file, the names of levels, tools and sides, and the
//! messages of `unknot check`, `unknot new`, `unknot list` and `unknot start NAME`.

use std::time::Duration;

use super::time::{count, duration_words};

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

// ---- Messages of the routine commands -------------------------------------------------------

pub fn err_unknown_routine(name: &str) -> String {
    format!("there is no routine called \"{name}\"; `unknot list` shows the routines you can start")
}

pub const ERR_NO_ROUTINES: &str = "no routines could be loaded";

/// `unknot check` for one good file: "ok: FILE: "Title", 5 steps, 10 minutes".
pub fn check_ok(path: &str, title: &str, steps: usize, planned: Duration) -> String {
    format!(
        "ok: {path}: \"{title}\", {}, {}",
        count(steps, "step", "steps"),
        duration_words(planned)
    )
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

// ---- Names, picked by `Level::word`, `Tool::word`, `Side::word` and `Sides::word` -----------

pub const GENTLE: &str = "gentle";
pub const STANDARD: &str = "standard";
pub const DEEP: &str = "deep";

pub const TENNIS_BALL: &str = "tennis ball";
pub const FOAM_ROLLER: &str = "foam roller";
pub const CHAIR: &str = "chair";
pub const WALL: &str = "wall";
pub const MAT: &str = "mat";

pub const LEFT_SIDE: &str = "left side";
pub const RIGHT_SIDE: &str = "right side";
/// A step done on the left, then on the right.
pub const EACH_SIDE: &str = "each side";

pub fn err_too_long(max: usize, found: usize) -> String {
    format!("expected text of at most {max} characters, found {found}")
}

pub fn err_shadows_bundled(name: &str) -> String {
    format!(
        "{name} is a bundled routine, and a routine of yours by that name would take its place: choose another name, or add --replace to start from a copy of it"
    )
}

pub fn bundled_copy_written(path: &str, name: &str) -> String {
    format!(
        "wrote {path}, a copy of the bundled {name}: edit it, and `unknot start {name}` starts yours in its place"
    )
}
