//! The footers of every screen, made from the keymap's acts: each hint names acts that the
//! context binds, so a footer cannot offer a key that does something else.

use super::{self as keys, Act, Context, ReviewKey};
use crate::desk::Event as DeskEvent;
use crate::safety::Answer;
use crate::session::{Key, PainChoice};
use crate::text::keys as w;
use crate::ui::columns;
use crate::visit::Question;

/// One item of a footer: the keys as written, and what they do.
#[derive(Debug, Clone, Copy)]
pub struct Hint {
    /// The acts this hint tells about; the keys in `label` are bound to them.
    pub acts: &'static [Act],
    pub label: &'static str,
    pub words: &'static str,
    /// In a narrow window.
    pub short: Short,
}

#[derive(Debug, Clone, Copy)]
pub enum Short {
    Same,
    /// Left out.
    Dropped,
    /// Written shorter: label and words.
    As(&'static str, &'static str),
}

/// How a footer's items are spaced: between key and words, and between items.
#[derive(Debug, Clone, Copy)]
struct Spacing(&'static str, &'static str);

/// Home, the session and the review: compact.
const TIGHT: Spacing = Spacing(" ", "  ");
/// Check-in questions.
const QUESTION: Spacing = Spacing(" ", "   ");
/// The safety screens, read slowly.
const WIDE: Spacing = Spacing("  ", "      ");
/// Boxes and the summary.
const COLON: Spacing = Spacing(": ", "    ");

const fn hint(acts: &'static [Act], label: &'static str, words: &'static str) -> Hint {
    Hint {
        acts,
        label,
        words,
        short: Short::Same,
    }
}

const fn long_only(acts: &'static [Act], label: &'static str, words: &'static str) -> Hint {
    Hint {
        acts,
        label,
        words,
        short: Short::Dropped,
    }
}

const fn shortened(
    acts: &'static [Act],
    label: &'static str,
    words: &'static str,
    short: (&'static str, &'static str),
) -> Hint {
    Hint {
        acts,
        label,
        words,
        short: Short::As(short.0, short.1),
    }
}

const QUIT_HOME: Hint = hint(&[Act::Leave], "q", w::F_QUIT);
/// The morning-after question on the home screen says its own keys.
const MORNING: &[Hint] = &[hint(&[Act::Answer], w::F_MORNING_KEYS, w::F_FOR_TEN)];
const HOME: &[Hint] = &[
    hint(&[Act::Up, Act::Down], w::F_UP_DOWN, w::F_CHOOSE),
    hint(&[Act::Start], w::ENTER, w::F_START),
    hint(&[Act::History], "h", w::F_HISTORY),
    QUIT_HOME,
];
const ANSWER_AGAIN: Hint = shortened(
    &[Act::Safety(Answer::Back)],
    w::LEFT,
    w::F_ANSWER_AGAIN,
    (w::LEFT, w::F_BACK),
);
const SAFETY_QUESTION: &[Hint] = &[
    hint(&[Act::Safety(Answer::Yes)], "y", w::F_YES),
    hint(&[Act::Safety(Answer::No)], "n", w::F_NO),
    ANSWER_AGAIN,
];
const SAFETY_QUICK: &[Hint] = &[
    hint(
        &[Act::Safety(Answer::Enter), Act::Safety(Answer::No)],
        w::ENTER,
        w::F_NOTHING_NEW,
    ),
    shortened(
        &[Act::Safety(Answer::Yes)],
        "y",
        w::F_SOMETHING_NEW,
        ("y", w::F_YES),
    ),
];
const EMERGENCY_ADVICE: &[Hint] = &[hint(&[Act::Safety(Answer::Enter)], w::ENTER, w::F_BACK)];
const EMERGENCY_ADVICE_ALONE: &[Hint] = &[hint(
    &[Act::Safety(Answer::Enter), Act::Leave],
    w::ENTER,
    w::F_CLOSE,
)];
const DOCTOR_ADVICE: &[Hint] = &[
    hint(&[Act::Safety(Answer::CarryOn)], "c", w::F_CARRY_ON_CHECKED),
    hint(
        &[
            Act::Leave,
            Act::Safety(Answer::Enter),
            Act::Safety(Answer::No),
        ],
        "q",
        w::F_STOP_FOR_NOW,
    ),
    ANSWER_AGAIN,
];
const CAUTIONS: &[Hint] = &[hint(&[Act::Continue], w::ENTER, w::F_READ)];
const RECHECK: &[Hint] = &[
    hint(&[Act::Safety(Answer::Yes)], "y", w::F_DOCTOR_CHECKED),
    hint(&[Act::Safety(Answer::No)], "n", w::F_NO),
];
const GP_ADVICE: &[Hint] = &[
    hint(&[Act::Safety(Answer::Enter)], w::ENTER, w::F_START),
    ANSWER_AGAIN,
];
const GP_ADVICE_BACK: &[Hint] = &[
    hint(
        &[Act::Safety(Answer::Enter), Act::Leave],
        w::ENTER,
        w::F_BACK_TO_ROUTINES,
    ),
    ANSWER_AGAIN,
];
const GP_ADVICE_ALONE: &[Hint] = &[
    hint(
        &[Act::Safety(Answer::Enter), Act::Leave],
        w::ENTER,
        w::F_CLOSE,
    ),
    ANSWER_AGAIN,
];

const SKIP: Hint = hint(&[Act::Skip], w::ENTER, w::F_SKIP);
// Left out of a narrow footer before the keys that answer: Esc, like q, is the same everywhere.
const SKIP_REST: Hint = long_only(&[Act::SkipRest], w::ESC, w::F_SKIP_REST);
const PAIN: &[Hint] = &[
    hint(&[Act::Answer], w::F_PAIN_KEYS, w::F_TEN),
    SKIP,
    SKIP_REST,
];
const AREAS: &[Hint] = &[
    hint(&[Act::Answer], "1-5", w::F_CHOOSE),
    hint(&[Act::Skip], w::ENTER, w::F_DONE),
    SKIP_REST,
];
const SIDE: &[Hint] = &[
    hint(&[Act::Answer], "l", w::F_LEFT),
    hint(&[Act::Answer], "r", w::F_RIGHT),
    hint(&[Act::Answer], "b", w::F_BOTH),
    SKIP,
];
const NUMBNESS: &[Hint] = &[
    hint(&[Act::Answer], "y", w::F_YES),
    hint(&[Act::Answer], "n", w::F_NO),
    SKIP,
];
const FELT: &[Hint] = &[
    hint(&[Act::Answer], "b", w::F_BETTER),
    hint(&[Act::Answer], "s", w::F_SAME),
    hint(&[Act::Answer], "w", w::F_WORSE),
    SKIP,
];
const NOTE: &[Hint] = &[
    hint(&[Act::Answer, Act::Erase], w::F_TYPE, w::F_THEN_ENTER),
    hint(
        &[Act::Skip, Act::SkipRest],
        w::F_ENTER_ALONE_OR_ESC,
        w::F_TO_SKIP,
    ),
];

const HELP_KEY: Hint = hint(&[Act::Session(Key::Help)], "?", w::F_HELP);
const QUIT_KEY: Hint = hint(&[Act::Session(Key::Quit)], "q", w::F_QUIT);
const SESSION: &[Hint] = &[
    hint(&[Act::Session(Key::Space)], w::SPACE, w::F_PAUSE),
    long_only(&[Act::Session(Key::Next)], w::RIGHT, w::F_NEXT),
    long_only(&[Act::Session(Key::Previous)], w::LEFT, w::F_BACK),
    long_only(
        &[Act::Session(Key::MoreTime), Act::Session(Key::LessTime)],
        w::F_MORE_LESS,
        w::F_15_S,
    ),
    HELP_KEY,
    QUIT_KEY,
];
const SESSION_READY: &[Hint] = &[
    hint(&[Act::Session(Key::Space)], w::SPACE, w::F_READY),
    hint(&[Act::Session(Key::Next)], w::RIGHT, w::F_SKIP_STEP),
    HELP_KEY,
    QUIT_KEY,
];
const CONFIRM_QUIT: &[Hint] = &[
    hint(&[Act::Session(Key::Yes)], "y", w::F_STOP),
    hint(&[Act::Session(Key::Back)], w::F_N_OR_ESC, w::F_CARRY_ON),
];
const SAFETY_INFO: &[Hint] = &[hint(
    &[
        Act::Session(Key::Safety),
        Act::Session(Key::Back),
        Act::Session(Key::Space),
        Act::Session(Key::Quit),
    ],
    w::F_BANG_OR_ESC,
    w::F_CLOSE,
)];
const EASE_OFF: &[Hint] = &[
    hint(
        &[Act::Session(Key::Choose(PainChoice::Stop))],
        "s",
        w::F_STOP_SESSION,
    ),
    hint(
        &[Act::Session(Key::Choose(PainChoice::Skip))],
        "k",
        w::F_SKIP_THIS_STEP,
    ),
    hint(
        &[Act::Session(Key::Choose(PainChoice::Gentler))],
        "g",
        w::F_GENTLER,
    ),
];
const SUMMARY: &[Hint] = &[
    hint(&[Act::Continue], w::ENTER, w::F_BACK_TO_ROUTINES),
    hint(&[Act::Leave], "q", w::F_QUIT),
];
const SUMMARY_ALONE: &[Hint] = &[hint(
    &[Act::Continue, Act::Leave],
    w::F_ENTER_OR_Q,
    w::F_CLOSE,
)];

const CLOSE: Hint = hint(&[Act::Review(ReviewKey::Close)], "q", w::F_CLOSE);
const MOTIONS: &[Act] = &[
    Act::Review(ReviewKey::Up),
    Act::Review(ReviewKey::Down),
    Act::Review(ReviewKey::PageUp),
    Act::Review(ReviewKey::PageDown),
    Act::Review(ReviewKey::First),
    Act::Review(ReviewKey::Last),
];
const PANES: &[Act] = &[
    Act::Review(ReviewKey::NextPane),
    Act::Review(ReviewKey::PreviousPane),
    Act::Review(ReviewKey::Pane(0)),
    Act::Review(ReviewKey::Pane(1)),
    Act::Review(ReviewKey::Pane(2)),
];
const PANES_HINT: Hint = shortened(PANES, w::F_PANES_KEYS, w::F_PANES, (w::TAB, w::F_PANE));
const SCROLL: Hint = hint(MOTIONS, w::F_UP_DOWN, w::F_SCROLL);
const REVIEW_LIST: &[Hint] = &[
    shortened(MOTIONS, w::F_UP_DOWN, w::F_MOVE, (w::F_UP_DOWN, "")),
    hint(&[Act::Review(ReviewKey::Open)], w::ENTER, w::F_DETAILS),
    PANES_HINT,
    CLOSE,
];
const REVIEW_DETAIL: &[Hint] = &[
    SCROLL,
    shortened(
        &[Act::Review(ReviewKey::Back)],
        w::ESC,
        w::F_BACK_TO_LIST,
        (w::ESC, w::F_BACK),
    ),
    long_only(PANES, w::F_PANES_KEYS, w::F_PANES),
    CLOSE,
];
const REVIEW_CHART: &[Hint] = &[PANES_HINT, CLOSE];
const REVIEW_FIGURES: &[Hint] = &[SCROLL, PANES_HINT, CLOSE];
const REVIEW_EMPTY: &[Hint] = &[CLOSE];
const DESK_SITTING: &[Hint] = &[
    hint(&[Act::Desk(DeskEvent::Take)], "b", w::F_BREAK_NOW),
    QUIT_HOME,
];
const DESK_PROMPT: &[Hint] = &[
    shortened(
        &[Act::Desk(DeskEvent::Take)],
        w::ENTER,
        w::F_START_BREAK,
        (w::ENTER, w::F_START),
    ),
    hint(&[Act::Desk(DeskEvent::Snooze)], "z", w::F_SNOOZE),
    hint(&[Act::Desk(DeskEvent::Skip)], "k", w::F_SKIP),
    hint(&[Act::Leave], "q", w::F_QUIT),
];

/// A context's footer: its hints and how they are spaced.
fn spec(context: Context) -> (&'static [Hint], Spacing) {
    match context {
        Context::Any | Context::Help => (&[], TIGHT),
        Context::Home | Context::HomeMorning => (HOME, TIGHT),
        Context::SafetyQuestion => (SAFETY_QUESTION, WIDE),
        Context::SafetyQuick => (SAFETY_QUICK, WIDE),
        Context::EmergencyAdvice => (EMERGENCY_ADVICE, WIDE),
        Context::EmergencyAdviceAlone => (EMERGENCY_ADVICE_ALONE, WIDE),
        Context::DoctorAdvice => (DOCTOR_ADVICE, WIDE),
        Context::Cautions => (CAUTIONS, WIDE),
        Context::Recheck => (RECHECK, WIDE),
        Context::GpAdvice => (GP_ADVICE, WIDE),
        Context::GpAdviceBack => (GP_ADVICE_BACK, WIDE),
        Context::GpAdviceAlone => (GP_ADVICE_ALONE, WIDE),
        Context::Form(q) | Context::CheckIn(q) => (question(q), QUESTION),
        Context::Session => (SESSION, TIGHT),
        Context::SessionReady => (SESSION_READY, TIGHT),
        Context::ConfirmQuit => (CONFIRM_QUIT, COLON),
        Context::SafetyInfo => (SAFETY_INFO, COLON),
        Context::EaseOff => (EASE_OFF, WIDE),
        Context::Summary => (SUMMARY, COLON),
        Context::SummaryAlone => (SUMMARY_ALONE, COLON),
        Context::ReviewList => (REVIEW_LIST, TIGHT),
        Context::ReviewDetail => (REVIEW_DETAIL, TIGHT),
        Context::ReviewChart => (REVIEW_CHART, TIGHT),
        Context::ReviewFigures => (REVIEW_FIGURES, TIGHT),
        Context::ReviewEmpty => (REVIEW_EMPTY, TIGHT),
        Context::DeskSitting => (DESK_SITTING, WIDE),
        Context::DeskPrompt => (DESK_PROMPT, WIDE),
    }
}

/// A context's hints, and those of its prompt, for the tests that check them against the
/// bindings.
#[cfg(test)]
pub fn hints(context: Context) -> Vec<Hint> {
    let mut all = spec(context).0.to_vec();
    if context == Context::HomeMorning {
        all.extend(MORNING);
    }
    all
}

/// How to answer the question a screen asks beside its footer: "Press 0-9, or t for 10".
pub fn prompt(context: Context) -> Option<String> {
    let hints = match context {
        Context::HomeMorning => MORNING,
        _ => return None,
    };
    let keys: Vec<String> = hints
        .iter()
        .map(|h| format!("{} {}", h.label, h.words))
        .collect();
    Some(format!("{} {}", w::PRESS, keys.join(" ")))
}

fn question(q: Question) -> &'static [Hint] {
    match q {
        Question::Pain => PAIN,
        Question::Areas => AREAS,
        Question::Side => SIDE,
        Question::Numbness => NUMBNESS,
        Question::Felt => FELT,
        Question::Note => NOTE,
    }
}

/// The items of a footer, written out; `short` for a narrow window. A hint whose acts no key
/// does here is left out.
fn items(context: Context, short: bool) -> Vec<String> {
    let (hints, Spacing(between, _)) = spec(context);
    let bound = keys::acts_of(context);
    hints
        .iter()
        .filter(|h| h.acts.iter().any(|a| bound.contains(a)))
        .filter_map(|h| {
            let (label, words) = match (short, h.short) {
                (false, _) | (true, Short::Same) => (h.label, h.words),
                (true, Short::Dropped) => return None,
                (true, Short::As(label, words)) => (label, words),
            };
            Some(if words.is_empty() {
                label.to_string()
            } else {
                format!("{label}{between}{words}")
            })
        })
        .collect()
}

/// The footer of a context on one line.
pub fn footer(context: Context) -> String {
    items(context, false).join(spec(context).1.1)
}

/// The footer on one line of `width` columns where it fits, in full or short; the session
/// screen, tight on rows, keeps to one line (its short form fits 40 columns).
pub fn footer_fit(context: Context, width: u16) -> String {
    let mut rows = footer_rows(context, width);
    if rows.len() == 1 {
        rows.remove(0)
    } else {
        items(context, true).join(TIGHT.1)
    }
}

/// The footer in rows of at most `width` columns: on one line in full, else its short form on
/// one line, closer spaced if need be; else the short items over as many rows as they need. An item is
/// never cut: a key without its words, or words without their key, would mislead.
pub fn footer_rows(context: Context, width: u16) -> Vec<String> {
    let width = usize::from(width);
    let fits = |s: &str| columns::width(s) <= width;
    let full = footer(context);
    if fits(&full) {
        return vec![full];
    }
    let short = items(context, true);
    for between in [spec(context).1.1, TIGHT.1] {
        let one_line = short.join(between);
        if fits(&one_line) {
            return vec![one_line];
        }
    }
    let mut rows: Vec<String> = Vec::new();
    for item in short {
        match rows.last_mut() {
            Some(row) if fits(&format!("{row}{}{item}", TIGHT.1)) => {
                row.push_str(TIGHT.1);
                row.push_str(&item);
            }
            _ => rows.push(item),
        }
    }
    rows
}

/// The keys that answer a context's question ("b better   s same   w worse"), shown with the
/// question itself; the footer still lists them with the keys that skip.
pub fn answer_keys(context: Context) -> Vec<String> {
    let (hints, Spacing(between, _)) = spec(context);
    hints
        .iter()
        .filter(|h| h.acts.contains(&Act::Answer))
        .map(|h| format!("{}{between}{}", h.label, h.words))
        .collect()
}

/// The footer as lines, one item each (the ease-off box lists its choices so).
pub fn footer_lines(context: Context) -> Vec<String> {
    items(context, false)
}
