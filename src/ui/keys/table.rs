//! The table itself: every binding of every screen, the keys the review's views share, and
//! which context falls back to which.

use ratatui::crossterm::event::KeyCode;

use super::{Act, Context, K, ReviewKey, Scroll};
use crate::desk::Event as DeskEvent;
use crate::safety::Answer;
use crate::session::{Key, PainChoice};
use crate::text::keys as words;
use crate::visit::Question;
use Context as C;
use K::{Char, Code, Ctrl, Digits, Letter, Printable};

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
    bind(
        C::SafetyQuestion,
        &[Code(KeyCode::Backspace), Code(KeyCode::Left)],
        Act::Safety(Answer::Back),
    ),
    bind(C::SafetyQuestion, Q_OR_ESC, Act::Leave),
    bind(C::SafetyQuick, &[ENTER], Act::Safety(Answer::Enter)),
    bind(C::SafetyQuick, &[Letter('y')], Act::Safety(Answer::Yes)),
    bind(C::SafetyQuick, &[Letter('n')], Act::Safety(Answer::No)),
    bind(C::SafetyQuick, Q_OR_ESC, Act::Leave),
    bind(C::EmergencyAdvice, &[ENTER], Act::Safety(Answer::Enter)),
    bind(C::EmergencyAdvice, Q_OR_ESC, Act::Leave),
    bind(
        C::EmergencyAdviceAlone,
        &[ENTER],
        Act::Safety(Answer::Enter),
    ),
    bind(C::EmergencyAdviceAlone, Q_OR_ESC, Act::Leave),
    bind(
        C::DoctorAdvice,
        &[Letter('c')],
        Act::Safety(Answer::CarryOn),
    ),
    bind(C::DoctorAdvice, &[ENTER], Act::Safety(Answer::Enter)),
    bind(C::DoctorAdvice, &[Letter('n')], Act::Safety(Answer::No)),
    bind(
        C::DoctorAdvice,
        &[Code(KeyCode::Backspace), Code(KeyCode::Left)],
        Act::Safety(Answer::Back),
    ),
    bind(C::DoctorAdvice, Q_OR_ESC, Act::Leave),
    bind(C::Recheck, &[Letter('y')], Act::Safety(Answer::Yes)),
    bind(C::Recheck, &[Letter('n')], Act::Safety(Answer::No)),
    bind(C::Recheck, Q_OR_ESC, Act::Leave),
    bind(C::GpAdvice, &[ENTER], Act::Safety(Answer::Enter)),
    bind(
        C::GpAdvice,
        &[Code(KeyCode::Backspace), Code(KeyCode::Left)],
        Act::Safety(Answer::Back),
    ),
    bind(C::GpAdvice, Q_OR_ESC, Act::Leave),
    bind(C::GpAdviceBack, &[ENTER], Act::Safety(Answer::Enter)),
    bind(
        C::GpAdviceBack,
        &[Code(KeyCode::Backspace), Code(KeyCode::Left)],
        Act::Safety(Answer::Back),
    ),
    bind(C::GpAdviceBack, Q_OR_ESC, Act::Leave),
    bind(C::GpAdviceAlone, &[ENTER], Act::Safety(Answer::Enter)),
    bind(
        C::GpAdviceAlone,
        &[Code(KeyCode::Backspace), Code(KeyCode::Left)],
        Act::Safety(Answer::Back),
    ),
    bind(C::GpAdviceAlone, Q_OR_ESC, Act::Leave),
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
    explained(
        C::SessionReady,
        &[ENTER],
        Act::Session(Key::Space),
        words::READY,
    ),
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
    explained(
        C::CheckIn(Question::Pain),
        &[ESC],
        Act::SkipRest,
        words::SKIP_REST,
    ),
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
    // unknot desk.
    bind(C::DeskSitting, &[Letter('b')], Act::Desk(DeskEvent::Take)),
    bind(C::DeskSitting, Q_OR_ESC, Act::Leave),
    bind(
        C::DeskPrompt,
        &[ENTER, Letter('b')],
        Act::Desk(DeskEvent::Take),
    ),
    bind(C::DeskPrompt, &[Letter('z')], Act::Desk(DeskEvent::Snooze)),
    bind(
        C::DeskPrompt,
        &[Letter('k'), ESC],
        Act::Desk(DeskEvent::Skip),
    ),
    bind(C::DeskPrompt, &[Char('q')], Act::Leave),
];

/// Keys the review's views share, with what each does.
pub(super) type Shared = &'static [(K, ReviewKey)];

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

/// The screens with text that can be taller than the window: ↑/↓ and PgUp/PgDn move it.
const SCROLLED: [Context; 14] = [
    C::Summary,
    C::SummaryAlone,
    C::SafetyQuick,
    C::EmergencyAdvice,
    C::EmergencyAdviceAlone,
    C::DoctorAdvice,
    C::GpAdvice,
    C::GpAdviceBack,
    C::GpAdviceAlone,
    C::Recheck,
    C::Cautions,
    C::Help,
    C::SafetyInfo,
    C::EaseOff,
];

const SCROLL_KEYS: &[(K, Scroll)] = &[
    (Code(KeyCode::Up), Scroll::Up),
    (Code(KeyCode::Down), Scroll::Down),
    (Code(KeyCode::PageUp), Scroll::PageUp),
    (Code(KeyCode::PageDown), Scroll::PageDown),
];

/// The scroll keys of a context, if its text can be taller than the window.
pub(super) fn scroll_keys(context: Context) -> &'static [(K, Scroll)] {
    if SCROLLED.contains(&context) {
        SCROLL_KEYS
    } else {
        &[]
    }
}

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
pub(super) fn review_shared(context: Context) -> (Shared, Shared) {
    match context {
        C::ReviewList | C::ReviewDetail | C::ReviewFigures => (REVIEW_PANES, REVIEW_MOTIONS),
        C::ReviewChart => (REVIEW_PANES, &[]),
        _ => (&[], &[]),
    }
}
