//! Every key binding of the full screen, in one table, and the footers and help box built from
//! it, so that what a screen says a key does is what the key does.
//!
//! The app looks a key up in the context of what is on screen ([`lookup`]) and carries out the
//! [`Act`]; each screen draws its footer from the same table ([`footer`]).

pub(crate) mod footers;
mod table;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::safety::Answer;
use crate::session::Key;
use crate::text::keys as words;
use crate::visit::Question;

pub use footers::{answer_keys, footer, footer_fit, footer_lines, footer_rows, prompt};
pub use table::{BINDINGS, parent};

use Context as C;
use K::{Char, Code, Ctrl, Digits, Letter, Printable};
use table::{review_shared, scroll_keys};

/// What is on screen, as far as keys go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Keys that mean the same everywhere.
    Any,
    /// The routines to choose from.
    Home,
    /// The routines, with the morning-after question below them.
    HomeMorning,
    /// One of the red-flag questions.
    SafetyQuestion,
    /// "Any new symptoms?"
    SafetyQuick,
    /// An emergency sign: the advice, then back to the routines.
    EmergencyAdvice,
    /// An emergency sign in a session started from the command line: the advice, then out.
    EmergencyAdviceAlone,
    DoctorAdvice,
    /// "Has a doctor checked it since?"
    Recheck,
    /// A GP appointment advised, with a gentle routine to start.
    GpAdvice,
    /// A GP appointment advised, and the routine chosen is more than gentle.
    GpAdviceBack,
    /// [`Context::GpAdviceBack`] in a session started from the command line: Enter leaves.
    GpAdviceAlone,
    Cautions,
    /// A check-in question on its own screen: before, after, the morning after.
    Form(Question),
    /// The session, counting down.
    Session,
    /// The session, waiting for the person to get into position.
    SessionReady,
    /// A check-in step of the session: its question takes the keys it knows first.
    CheckIn(Question),
    Help,
    ConfirmQuit,
    SafetyInfo,
    /// The pain-monitoring rule's "time to ease off".
    EaseOff,
    /// The summary, with the routines to go back to.
    Summary,
    /// The summary of a session started straight from the command line.
    SummaryAlone,
    ReviewList,
    ReviewDetail,
    ReviewChart,
    ReviewFigures,
    ReviewEmpty,
    /// `unknot desk` between breaks.
    DeskSitting,
    /// `unknot desk`'s "time to stand up and move".
    DeskPrompt,
}

/// What a key does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
    Up,
    Down,
    /// Start the routine chosen.
    Start,
    /// Open the review of past sessions.
    History,
    Safety(Answer),
    Continue,
    /// q or Esc: back, or out.
    Leave,
    /// Ctrl-C.
    Stop,
    /// The key's character answers the question: a digit, a letter, a note's character.
    Answer,
    /// Enter: skip this question, or confirm the choices made.
    Skip,
    /// Esc: skip the questions left.
    SkipRest,
    /// Backspace in a note.
    Erase,
    Session(Key),
    Mute,
    /// Ctrl-Z, which the input thread turns into a stop before it gets here.
    Suspend,
    Review(ReviewKey),
    /// Move text that is taller than the window.
    Scroll(Scroll),
    /// An answer to `unknot desk`'s prompt.
    Desk(crate::desk::Event),
}

/// Which way text taller than the window moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scroll {
    Up,
    Down,
    PageUp,
    PageDown,
}

/// The review screen's controls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewKey {
    Close,
    /// Esc: out of a session's detail, or close.
    Back,
    NextPane,
    PreviousPane,
    /// A pane by its number, from 0.
    Pane(u8),
    /// A session's detail.
    Open,
    Up,
    Down,
    PageUp,
    PageDown,
    First,
    Last,
}

/// A key as written in the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum K {
    Char(char),
    /// A letter in either case.
    Letter(char),
    /// Any digit in the range.
    Digits(char, char),
    /// Any character a note can hold.
    Printable,
    Code(KeyCode),
    Ctrl(char),
}

/// What `key` does in `context`, if anything: the first binding that matches, in the order of
/// [`bindings_of`].
pub fn lookup(context: Context, key: &KeyEvent) -> Option<Act> {
    bindings_of(context)
        .into_iter()
        .find(|(keys, _)| keys.iter().any(|k| matches(*k, key)))
        .map(|(_, act)| act)
}

/// Every binding that reaches a context, as (keys, act), in the order a key is looked up:
/// those of [`Context::Any`] (Ctrl keys, which must win over a plain letter), then the
/// context's own with the review's shared keys, then its parents'.
pub fn bindings_of(context: Context) -> Vec<(Vec<K>, Act)> {
    let mut all: Vec<(Vec<K>, Act)> = BINDINGS
        .iter()
        .filter(|b| b.context == C::Any)
        .map(|b| (b.keys.to_vec(), b.act))
        .collect();
    let mut chain = Some(context);
    while let Some(c) = chain {
        all.extend(
            BINDINGS
                .iter()
                .filter(|b| b.context == c)
                .map(|b| (b.keys.to_vec(), b.act)),
        );
        let (panes, motions) = review_shared(c);
        all.extend(
            panes
                .iter()
                .chain(motions)
                .map(|(k, r)| (vec![*k], Act::Review(*r))),
        );
        all.extend(
            scroll_keys(c)
                .iter()
                .map(|(k, s)| (vec![*k], Act::Scroll(*s))),
        );
        chain = parent(c);
    }
    all
}

/// The acts some key does in a context.
pub fn acts_of(context: Context) -> Vec<Act> {
    bindings_of(context)
        .into_iter()
        .map(|(_, act)| act)
        .collect()
}

/// Whether `key` is the key the table writes as `k`. Only Ctrl keys look at modifiers.
pub fn matches(k: K, key: &KeyEvent) -> bool {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match (k, key.code) {
        (Ctrl(c), KeyCode::Char(pressed)) => ctrl && pressed.eq_ignore_ascii_case(&c),
        (Char(c), KeyCode::Char(pressed)) => pressed == c,
        (Letter(c), KeyCode::Char(pressed)) => pressed.eq_ignore_ascii_case(&c),
        (Digits(from, to), KeyCode::Char(pressed)) => (from..=to).contains(&pressed),
        (Printable, KeyCode::Char(pressed)) => !crate::printable::is_unshowable(pressed),
        (Code(code), pressed) => code == pressed,
        _ => false,
    }
}

/// The character a key types, for [`Act::Answer`].
pub fn typed(key: &KeyEvent) -> Option<char> {
    match key.code {
        KeyCode::Char(c) => Some(c),
        _ => None,
    }
}

/// How a key is written.
pub fn name(k: K) -> String {
    match k {
        Char(' ') => words::SPACE.to_string(),
        Char(c) | Letter(c) => c.to_string(),
        Digits(from, to) => format!("{from}-{to}"),
        Printable => words::TYPE.to_string(),
        Ctrl(c) => format!("{}{}", words::CTRL, c.to_ascii_uppercase()),
        Code(code) => match code {
            KeyCode::Enter => words::ENTER,
            KeyCode::Esc => words::ESC,
            KeyCode::Backspace => words::BACKSPACE,
            KeyCode::Tab => words::TAB,
            KeyCode::BackTab => words::BACK_TAB,
            KeyCode::PageUp => words::PAGE_UP,
            KeyCode::PageDown => words::PAGE_DOWN,
            KeyCode::Home => words::HOME,
            KeyCode::End => words::END,
            KeyCode::Up => words::UP,
            KeyCode::Down => words::DOWN,
            KeyCode::Left => words::LEFT,
            KeyCode::Right => words::RIGHT,
            _ => "?",
        }
        .to_string(),
    }
}

/// The contexts the session's help box explains, in its order.
pub const HELP_CONTEXTS: [Context; 4] = [
    C::Session,
    C::SessionReady,
    C::CheckIn(Question::Pain),
    C::Any,
];

/// The session's help box: each explained binding, its keys written out in full.
pub fn help_lines() -> Vec<(String, &'static str)> {
    HELP_CONTEXTS
        .iter()
        .flat_map(|c| BINDINGS.iter().filter(move |b| b.context == *c))
        .filter_map(|b| {
            let keys: Vec<String> = b.keys.iter().map(|k| name(*k)).collect();
            b.help.map(|help| (keys.join(words::OR), help))
        })
        .collect()
}
