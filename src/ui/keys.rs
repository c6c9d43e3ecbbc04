//! Every key binding of the full screen, in one table, and the footers and help box built from
//! it, so that what a screen says a key does is what the key does.
//!
//! The app looks a key up in the context of what is on screen ([`lookup`]) and carries out the
//! [`Act`]; each screen draws its footer from the same table ([`footer`]).

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::safety::Answer;
use crate::session::{Key, PainChoice};
use crate::text::keys as words;
use crate::visit::Question;

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
    EmergencyAdvice,
    DoctorAdvice,
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

#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub context: Context,
    pub keys: &'static [K],
    pub act: Act,
    /// The line in the session's help box, for the keys it explains.
    pub help: Option<&'static str>,
}

const fn bind(context: Context, keys: &'static [K], act: Act) -> Binding {
    Binding {
        context,
        keys,
        act,
        help: None,
    }
}

const fn explained(context: Context, keys: &'static [K], act: Act, help: &'static str) -> Binding {
    Binding {
        context,
        keys,
        act,
        help: Some(help),
    }
}

use Context as C;
use K::{Char, Code, Ctrl, Digits, Letter, Printable};

const ENTER: K = Code(KeyCode::Enter);
const ESC: K = Code(KeyCode::Esc);
const SPACE: K = Char(' ');
const Q_OR_ESC: &[K] = &[Char('q'), ESC];

/// Every binding. Within a context the first match wins; a context with a parent
/// ([`parent`]) falls back to it, and [`Context::Any`] comes before all.
pub const BINDINGS: &[Binding] = &[
    explained(C::Any, &[Ctrl('c')], Act::Stop, words::STOP_NOW),
    explained(C::Any, &[Ctrl('z')], Act::Suspend, words::SUSPEND),
    // Home.
    bind(C::Home, &[Code(KeyCode::Up), Char('k')], Act::Up),
    bind(C::Home, &[Code(KeyCode::Down), Char('j')], Act::Down),
    bind(C::Home, &[ENTER, SPACE], Act::Start),
    bind(C::Home, &[Char('h')], Act::History),
    bind(C::Home, Q_OR_ESC, Act::Leave),
    bind(
        C::HomeMorning,
        &[Digits('0', '9'), Letter('t')],
        Act::Answer,
    ),
    // The safety questions.
    bind(C::SafetyQuestion, &[Letter('y')], Act::Safety(Answer::Yes)),
    bind(C::SafetyQuestion, &[Letter('n')], Act::Safety(Answer::No)),
    bind(C::SafetyQuestion, Q_OR_ESC, Act::Leave),
    bind(C::SafetyQuick, &[ENTER], Act::Safety(Answer::Enter)),
    bind(C::SafetyQuick, &[Letter('y')], Act::Safety(Answer::Yes)),
    bind(C::SafetyQuick, &[Letter('n')], Act::Safety(Answer::No)),
    bind(C::SafetyQuick, Q_OR_ESC, Act::Leave),
    bind(C::EmergencyAdvice, &[ENTER], Act::Safety(Answer::Enter)),
    bind(C::EmergencyAdvice, Q_OR_ESC, Act::Leave),
    bind(
        C::DoctorAdvice,
        &[Letter('c')],
        Act::Safety(Answer::CarryOn),
    ),
    bind(C::DoctorAdvice, &[ENTER], Act::Safety(Answer::Enter)),
    bind(C::DoctorAdvice, &[Letter('n')], Act::Safety(Answer::No)),
    bind(C::DoctorAdvice, Q_OR_ESC, Act::Leave),
    bind(C::Cautions, &[ENTER], Act::Continue),
    bind(C::Cautions, Q_OR_ESC, Act::Leave),
    // Check-in questions on their own screen. q leaves before a session; a note takes it.
    bind(
        C::Form(Question::Pain),
        &[Digits('0', '9'), Letter('t')],
        Act::Answer,
    ),
    bind(C::Form(Question::Areas), &[Digits('1', '5')], Act::Answer),
    bind(
        C::Form(Question::Side),
        &[Letter('l'), Letter('r'), Letter('b')],
        Act::Answer,
    ),
    bind(
        C::Form(Question::Numbness),
        &[Letter('y'), Letter('n')],
        Act::Answer,
    ),
    bind(
        C::Form(Question::Felt),
        &[Letter('b'), Letter('s'), Letter('w'), Digits('1', '3')],
        Act::Answer,
    ),
    bind(C::Form(Question::Note), &[Printable], Act::Answer),
    bind(
        C::Form(Question::Note),
        &[Code(KeyCode::Backspace)],
        Act::Erase,
    ),
    bind(C::Form(Question::Pain), &[ENTER], Act::Skip),
    bind(C::Form(Question::Areas), &[ENTER], Act::Skip),
    bind(C::Form(Question::Side), &[ENTER], Act::Skip),
    bind(C::Form(Question::Numbness), &[ENTER], Act::Skip),
    bind(C::Form(Question::Felt), &[ENTER], Act::Skip),
    bind(C::Form(Question::Note), &[ENTER], Act::Skip),
    bind(C::Form(Question::Pain), &[ESC], Act::SkipRest),
    bind(C::Form(Question::Areas), &[ESC], Act::SkipRest),
    bind(C::Form(Question::Side), &[ESC], Act::SkipRest),
    bind(C::Form(Question::Numbness), &[ESC], Act::SkipRest),
    bind(C::Form(Question::Felt), &[ESC], Act::SkipRest),
    bind(C::Form(Question::Note), &[ESC], Act::SkipRest),
    bind(C::Form(Question::Pain), &[Char('q')], Act::Leave),
    bind(C::Form(Question::Areas), &[Char('q')], Act::Leave),
    bind(C::Form(Question::Side), &[Char('q')], Act::Leave),
    bind(C::Form(Question::Numbness), &[Char('q')], Act::Leave),
    bind(C::Form(Question::Felt), &[Char('q')], Act::Leave),
    // The session.
    explained(C::Session, &[SPACE], Act::Session(Key::Space), words::PAUSE),
    explained(
        C::Session,
        &[Code(KeyCode::Right), Char('n')],
        Act::Session(Key::Next),
        words::NEXT_STEP,
    ),
    explained(
        C::Session,
        &[Code(KeyCode::Left), Char('p')],
        Act::Session(Key::Previous),
        words::PREVIOUS,
    ),
    explained(
        C::Session,
        &[Char('+'), Char('=')],
        Act::Session(Key::MoreTime),
        words::MORE_TIME,
    ),
    explained(
        C::Session,
        &[Char('-'), Char('_')],
        Act::Session(Key::LessTime),
        words::LESS_TIME,
    ),
    explained(
        C::Session,
        &[Letter('x')],
        Act::Session(Key::ThisHurts),
        words::THIS_HURTS,
    ),
    explained(
        C::Session,
        &[Char('!')],
        Act::Session(Key::Safety),
        words::SAFETY_INFO,
    ),
    explained(C::Session, &[Char('m')], Act::Mute, words::MUTE),
    explained(
        C::Session,
        &[Char('q')],
        Act::Session(Key::Quit),
        words::QUIT_SESSION,
    ),
    explained(
        C::Session,
        &[Char('?')],
        Act::Session(Key::Help),
        words::HELP,
    ),
    explained(C::SessionReady, &[ENTER], Act::Session(Key::Space), words::READY),
    explained(
        C::CheckIn(Question::Pain),
        &[Digits('0', '9'), Letter('t')],
        Act::Answer,
        words::PAIN_SCORE,
    ),
    explained(
        C::CheckIn(Question::Pain),
        &[ENTER],
        Act::Skip,
        words::SKIP_QUESTION,
    ),
    explained(C::CheckIn(Question::Pain), &[ESC], Act::SkipRest, words::SKIP_REST),
    bind(
        C::CheckIn(Question::Areas),
        &[Digits('1', '5')],
        Act::Answer,
    ),
    bind(C::CheckIn(Question::Areas), &[ENTER], Act::Skip),
    bind(C::CheckIn(Question::Areas), &[ESC], Act::SkipRest),
    // Boxes over the session.
    bind(C::Help, &[Char('?')], Act::Session(Key::Help)),
    bind(C::Help, &[ESC], Act::Session(Key::Back)),
    bind(C::Help, &[SPACE], Act::Session(Key::Space)),
    bind(C::Help, &[Char('q')], Act::Session(Key::Quit)),
    bind(
        C::ConfirmQuit,
        &[Letter('y'), Char('q'), ENTER],
        Act::Session(Key::Yes),
    ),
    bind(
        C::ConfirmQuit,
        &[Letter('n'), SPACE, ESC],
        Act::Session(Key::Back),
    ),
    bind(C::SafetyInfo, &[Char('!')], Act::Session(Key::Safety)),
    bind(C::SafetyInfo, &[ESC], Act::Session(Key::Back)),
    bind(C::SafetyInfo, &[SPACE], Act::Session(Key::Space)),
    bind(C::SafetyInfo, &[Char('q')], Act::Session(Key::Quit)),
    bind(
        C::EaseOff,
        &[Letter('s')],
        Act::Session(Key::Choose(PainChoice::Stop)),
    ),
    bind(
        C::EaseOff,
        &[Letter('k')],
        Act::Session(Key::Choose(PainChoice::Skip)),
    ),
    bind(
        C::EaseOff,
        &[Letter('g')],
        Act::Session(Key::Choose(PainChoice::Gentler)),
    ),
    // The summary.
    bind(C::Summary, &[ENTER, SPACE], Act::Continue),
    bind(C::Summary, Q_OR_ESC, Act::Leave),
    bind(C::SummaryAlone, &[ENTER, SPACE], Act::Continue),
    bind(C::SummaryAlone, Q_OR_ESC, Act::Leave),
    // The review.
    bind(C::ReviewList, &[ENTER], Act::Review(ReviewKey::Open)),
    bind(C::ReviewDetail, &[ESC], Act::Review(ReviewKey::Back)),
    bind(C::ReviewEmpty, Q_OR_ESC, Act::Review(ReviewKey::Close)),
];

/// Keys the review's views share, with what each does.
type Shared = &'static [(K, ReviewKey)];

/// The review's panes and motions, the same in most of its views.
const REVIEW_PANES: &[(K, ReviewKey)] = &[
    (Char('q'), ReviewKey::Close),
    (ESC, ReviewKey::Close),
    (Code(KeyCode::Tab), ReviewKey::NextPane),
    (Code(KeyCode::BackTab), ReviewKey::PreviousPane),
    (Char('1'), ReviewKey::Pane(0)),
    (Char('2'), ReviewKey::Pane(1)),
    (Char('3'), ReviewKey::Pane(2)),
];

const REVIEW_MOTIONS: &[(K, ReviewKey)] = &[
    (Code(KeyCode::Up), ReviewKey::Up),
    (Char('k'), ReviewKey::Up),
    (Code(KeyCode::Down), ReviewKey::Down),
    (Char('j'), ReviewKey::Down),
    (Code(KeyCode::PageUp), ReviewKey::PageUp),
    (Code(KeyCode::PageDown), ReviewKey::PageDown),
    (Code(KeyCode::Home), ReviewKey::First),
    (Code(KeyCode::End), ReviewKey::Last),
];

/// Where a context's keys fall back to when it has no binding of its own for a key.
pub fn parent(context: Context) -> Option<Context> {
    match context {
        C::HomeMorning => Some(C::Home),
        C::SessionReady | C::CheckIn(_) => Some(C::Session),
        _ => None,
    }
}

/// The review's shared keys in a context: panes everywhere but the empty view, motions where
/// there is something to move through.
fn review_shared(context: Context) -> (Shared, Shared) {
    match context {
        C::ReviewList | C::ReviewDetail | C::ReviewFigures => (REVIEW_PANES, REVIEW_MOTIONS),
        C::ReviewChart => (REVIEW_PANES, &[]),
        _ => (&[], &[]),
    }
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
        (Ctrl(_), _) => false,
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

pub use super::footers::{footer, footer_fit, footer_lines, prompt};
