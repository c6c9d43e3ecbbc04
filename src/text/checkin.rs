//! Words of the pain check-ins: the pain scale and its anchors, each form's title, the questions
//! with their plain-mode prompts, the words for areas, sides and how it felt, and the answers so far.

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

pub const PLAIN_INPUT_ENDED: &str = "No more input: the remaining check-ins are skipped.";

// ---- Each form's title, picked by `Moment::title`; a check-in during the session has
// `CHECK_IN_TITLE`.

pub const TITLE_BEFORE: &str = "Before you start";
pub const TITLE_AFTER: &str = "How was it?";
pub const TITLE_NEXT_MORNING: &str = "The morning after";
pub const TITLE_LOG: &str = "Pain log";

// ---- The questions as asked on screen, picked by `Question::asked` ---------------------------

pub const ASK_PAIN: &str = "Pain right now, from 0 to 10";
pub const ASK_AREAS: &str = "Where do you feel it? Choose all that apply";
pub const ASK_SIDE: &str = "Which side?";
pub const ASK_NUMBNESS: &str = "Any numbness or tingling?";
pub const ASK_FELT: &str = "How did the session feel?";
/// States the limit, `clean::NOTE_MAX`, at which typing stops.
pub const ASK_NOTE: &str = "A note for yourself (optional, up to 200 characters)";

// ---- The questions as plain-mode prompts, with how to answer, picked by
// `Question::plain_prompt`; the pain question's is `plain_pain_prompt`.

pub const PLAIN_ASK_AREAS: &str = "Where do you feel it? Type any of back, buttock, thigh, calf, foot (or 1-5), or press Enter to skip.";
pub const PLAIN_ASK_SIDE: &str = "Which side? Type left, right or both, or press Enter to skip.";
pub const PLAIN_ASK_NUMBNESS: &str =
    "Any numbness or tingling? Type yes or no, or press Enter to skip.";
pub const PLAIN_ASK_FELT: &str =
    "How did the session feel? Type better, same or worse, or press Enter to skip.";
pub const PLAIN_ASK_NOTE: &str = "A note for yourself, one line, or press Enter to skip.";

// ---- One sentence when a plain answer does not fit the question, picked by
// `Question::plain_invalid`.

pub const PLAIN_PAIN_INVALID: &str =
    "Please type a whole number from 0 to 10, or press Enter to skip.";
pub const PLAIN_AREAS_INVALID: &str =
    "Please type some of: back, buttock, thigh, calf, foot; or press Enter to skip.";
pub const PLAIN_SIDE_INVALID: &str = "Please type left, right or both; or press Enter to skip.";
pub const PLAIN_NUMBNESS_INVALID: &str = "Please type yes or no; or press Enter to skip.";
pub const PLAIN_FELT_INVALID: &str = "Please type better, same or worse; or press Enter to skip.";
/// A note is refused only for being longer than `clean::NOTE_MAX`.
pub const PLAIN_NOTE_INVALID: &str =
    "A note can be at most 200 characters: please type a shorter one, or press Enter to skip.";

// ---- Answers, picked by `Area::word`, `BodySide::word` and `Felt::word`. An area's word is
// also what plain mode accepts for it.

pub const BACK: &str = "back";
pub const BUTTOCK: &str = "buttock";
pub const THIGH: &str = "thigh";
pub const CALF: &str = "calf";
pub const FOOT: &str = "foot";
/// Between areas: "buttock, thigh" on the screen, "buttock; thigh" in exports (a CSV field).
pub const AREAS_SCREEN: &str = ", ";
pub const AREAS_EXPORT: &str = "; ";

pub const LEFT: &str = "left";
pub const RIGHT: &str = "right";
pub const BOTH: &str = "both";

pub const BETTER: &str = "better";
pub const SAME: &str = "same";
pub const WORSE: &str = "worse";

pub fn question_of(n: usize, of: usize) -> String {
    format!("question {n} of {of}")
}

/// "pain 6 (moderate)  ·  buttock, thigh  ·  left  ·  numbness: yes": what has been answered
/// so far; `areas` is already joined, empty when none.
/// A pain of 1 typed, waiting: "10" is two keys.
pub const PENDING_ONE: &str = "1 - press 0 for 10, or Enter to keep 1";

pub fn answers_so_far(
    pain: Option<u8>,
    areas: &str,
    side: Option<&str>,
    numbness: Option<bool>,
    felt: Option<&str>,
) -> String {
    let mut parts = Vec::new();
    if let Some(p) = pain {
        parts.push(format!("pain {p} ({})", pain_anchor(p)));
    }
    if !areas.is_empty() {
        parts.push(areas.to_string());
    }
    if let Some(s) = side {
        parts.push(s.to_string());
    }
    if let Some(n) = numbness {
        parts.push(format!("numbness: {}", if n { "yes" } else { "no" }));
    }
    if let Some(f) = felt {
        parts.push(f.to_string());
    }
    parts.join("  ·  ")
}

/// A note given on the command line that is too long to keep.
pub fn err_note_too_long(max: usize, found: usize) -> String {
    format!("a note can be at most {max} characters, and this one has {found}")
}
