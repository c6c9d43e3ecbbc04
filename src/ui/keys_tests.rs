//! The keymap against what the screens say about it: the help box, every footer, and the keys
//! that must never be mistaken for one another.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::keys::footers::{self, Hint, Short};
use super::keys::{self, Act, BINDINGS, Context, HELP_CONTEXTS, ReviewKey, lookup, name};
use crate::safety::Answer;
use crate::session::Key;
use crate::visit::Question;

const QUESTIONS: [Question; 6] = [
    Question::Pain,
    Question::Areas,
    Question::Side,
    Question::Numbness,
    Question::Felt,
    Question::Note,
];

/// Every context a screen can be in.
fn contexts() -> Vec<Context> {
    let mut all = vec![
        Context::Any,
        Context::Home,
        Context::HomeMorning,
        Context::SafetyQuestion,
        Context::SafetyQuick,
        Context::EmergencyAdvice,
        Context::EmergencyAdviceAlone,
        Context::DoctorAdvice,
        Context::Recheck,
        Context::GpAdvice,
        Context::GpAdviceBack,
        Context::GpAdviceAlone,
        Context::Cautions,
        Context::Session,
        Context::SessionReady,
        Context::Help,
        Context::ConfirmQuit,
        Context::SafetyInfo,
        Context::EaseOff,
        Context::Summary,
        Context::SummaryAlone,
        Context::ReviewList,
        Context::ReviewDetail,
        Context::ReviewChart,
        Context::ReviewFigures,
        Context::ReviewEmpty,
        Context::DeskSitting,
        Context::DeskPrompt,
    ];
    all.extend(QUESTIONS.map(Context::Form));
    all.extend([Question::Pain, Question::Areas].map(Context::CheckIn));
    all
}

fn press(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

#[test]
fn each_help_line_has_its_binding_and_each_binding_the_help_explains_has_a_line() {
    let help = keys::help_lines();
    for b in BINDINGS
        .iter()
        .filter(|b| HELP_CONTEXTS.contains(&b.context))
    {
        let words = b.help.unwrap_or_else(|| panic!("{b:?} has no help line"));
        let label: Vec<String> = b.keys.iter().map(|k| name(*k)).collect();
        assert!(
            help.iter()
                .any(|(keys, what)| *what == words && *keys == label.join(" or ")),
            "{b:?} is not in the help box: {help:#?}"
        );
    }
    for (label, words) in &help {
        let binding = BINDINGS
            .iter()
            .find(|b| b.help == Some(*words))
            .unwrap_or_else(|| panic!("{label} {words}: no binding"));
        assert!(HELP_CONTEXTS.contains(&binding.context));
    }
    assert_eq!(help.len(), 16, "{help:#?}");
}

#[test]
fn every_key_a_footer_names_does_what_the_footer_says() {
    for context in contexts() {
        let bound = keys::bindings_of(context);
        for hint in hints(context) {
            let labels = match hint.short {
                Short::As(label, _) => vec![hint.label, label],
                Short::Same | Short::Dropped => vec![hint.label],
            };
            for label in labels {
                for token in label.split('/').flat_map(|t| t.split(" or ")) {
                    let names_a_key = bound.iter().any(|(keys, act)| {
                        hint.acts.contains(act) && keys.iter().any(|k| token.starts_with(&name(*k)))
                    });
                    assert!(
                        names_a_key,
                        "{context:?}: \"{token}\" in \"{label}\" is not a key for {:?}",
                        hint.acts
                    );
                }
            }
        }
    }
}

#[test]
fn every_act_of_a_screen_is_named_by_its_footer_or_the_help_box() {
    // The ways out are the same on every screen (q or Esc, Ctrl-C, Ctrl-Z) and Esc skips the
    // rest of any check-in; the README lists them, the footers leave them out for room. Text
    // taller than the window says itself which key reads on.
    let shared = |act: &Act| {
        matches!(
            act,
            Act::Leave
                | Act::Stop
                | Act::Suspend
                | Act::SkipRest
                | Act::Review(ReviewKey::Close)
                | Act::Scroll(_)
        )
    };
    for context in contexts() {
        let named: Vec<Act> = hints(context)
            .iter()
            .flat_map(|h| h.acts.iter().copied())
            .chain(
                BINDINGS
                    .iter()
                    .filter(|b| HELP_CONTEXTS.contains(&b.context) && b.help.is_some())
                    .filter(|_| session_screen(context))
                    .map(|b| b.act),
            )
            .collect();
        for (keys, act) in keys::bindings_of(context) {
            if shared(&act) || named.contains(&act) {
                continue;
            }
            // Boxes over the session close with the keys that opened them.
            let closes = matches!(context, Context::Help | Context::SafetyInfo)
                && matches!(act, Act::Session(_));
            assert!(
                closes,
                "{context:?}: {act:?} ({keys:?}) is in no footer and no help line"
            );
        }
    }
}

/// The screens whose help box is the session's.
fn session_screen(context: Context) -> bool {
    matches!(
        context,
        Context::Session | Context::SessionReady | Context::CheckIn(_) | Context::Help
    )
}

fn hints(context: Context) -> Vec<Hint> {
    footers::hints(context)
}

#[test]
fn ctrl_c_stops_everywhere_and_is_never_a_letter() {
    for context in contexts() {
        assert_eq!(lookup(context, &ctrl('c')), Some(Act::Stop), "{context:?}");
    }
    // c alone carries on after the doctor advice.
    assert_eq!(
        lookup(Context::DoctorAdvice, &press(KeyCode::Char('c'))),
        Some(Act::Safety(Answer::CarryOn))
    );
}

#[test]
fn q_leaves_a_question_but_is_a_letter_in_a_note() {
    let q = press(KeyCode::Char('q'));
    assert_eq!(lookup(Context::Form(Question::Pain), &q), Some(Act::Leave));
    assert_eq!(lookup(Context::Form(Question::Note), &q), Some(Act::Answer));
    assert_eq!(
        lookup(Context::CheckIn(Question::Pain), &q),
        Some(Act::Session(Key::Quit)),
        "at a check-in, q asks to stop the session"
    );
}

#[test]
fn a_check_in_takes_its_own_keys_first_and_leaves_the_rest_to_the_session() {
    let at_check_in = Context::CheckIn(Question::Pain);
    assert_eq!(
        lookup(at_check_in, &press(KeyCode::Char('7'))),
        Some(Act::Answer)
    );
    assert_eq!(
        lookup(at_check_in, &press(KeyCode::Esc)),
        Some(Act::SkipRest)
    );
    assert_eq!(
        lookup(at_check_in, &press(KeyCode::Char('m'))),
        Some(Act::Mute)
    );
    assert_eq!(
        lookup(at_check_in, &press(KeyCode::Right)),
        Some(Act::Session(Key::Next))
    );
}

#[test]
fn both_keys_for_more_and_less_time_work_and_enter_is_ready_only_when_asked() {
    for (c, key) in [
        ('+', Key::MoreTime),
        ('=', Key::MoreTime),
        ('-', Key::LessTime),
        ('_', Key::LessTime),
    ] {
        assert_eq!(
            lookup(Context::Session, &press(KeyCode::Char(c))),
            Some(Act::Session(key))
        );
    }
    assert_eq!(lookup(Context::Session, &press(KeyCode::Enter)), None);
    assert_eq!(
        lookup(Context::SessionReady, &press(KeyCode::Enter)),
        Some(Act::Session(Key::Space))
    );
}

#[test]
fn the_footers_read_as_the_screens_show_them() {
    assert_eq!(
        keys::footer(Context::Home),
        "↑/↓ choose  Enter start  h history  q quit"
    );
    assert_eq!(
        keys::footer(Context::Session),
        "Space pause  → next  ← back  +/- 15 s  ? help  q quit"
    );
    assert_eq!(
        keys::footer_fit(Context::Session, 40),
        "Space pause  ? help  q quit"
    );
    assert_eq!(
        keys::footer(Context::SafetyQuestion),
        "y  yes      n  no      ←  answer the one before again"
    );
    assert_eq!(
        keys::prompt(Context::HomeMorning).as_deref(),
        Some("Press 0-9, or t for 10")
    );
    assert_eq!(
        keys::footer(Context::Form(Question::Pain)),
        "0-9 or t (10)   Enter skip   Esc skip the rest"
    );
    assert_eq!(
        keys::footer_fit(Context::ReviewList, 30),
        "↑/↓  Enter details  Tab pane  q close"
    );
}
