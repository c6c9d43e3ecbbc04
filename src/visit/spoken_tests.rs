//! What the voice says through a whole visit, with a fake clock, in both paces: every screen
//! said in order, with the keys of the front end in use, each question's answer said back, a
//! step that waits and its one reminder, and the summary's main lines. The clock is the fake one
//! of the visit's tests (`tests::Run`).

use std::path::Path;
use std::time::Duration;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::tests::{Run, after_a_session, screened, whole_visit};
use super::*;
use crate::routine::parse;
use crate::safety::Answer;
use crate::session::Key;
use crate::text::voice;
use crate::ui::keys::{Act, Context, lookup};

/// Everything the voice was asked to say, in order.
fn spoken(run: &Run) -> Vec<String> {
    run.effects
        .iter()
        .filter_map(|e| match e {
            Effect::Speak(words) => Some(words.clone()),
            _ => None,
        })
        .collect()
}

/// Asserts that `said` holds, in order, one utterance starting with each of `starts`, and
/// nothing else.
fn assert_said(said: &[String], starts: &[&str]) {
    assert_eq!(said.len(), starts.len(), "{said:#?}");
    for (words, start) in said.iter().zip(starts) {
        assert!(words.starts_with(start), "{words:?} should start {start:?}");
    }
}

#[test]
fn a_whole_visit_is_said_in_order_with_the_keys_of_each_front_end() {
    let keys = spoken(&whole_visit(Pace::Keys));
    let lines = spoken(&whole_visit(Pace::Lines));
    let order = [
        "Short: 3 steps, about 5 seconds. Any new symptoms? Since your last session, has any of these started? Do you have sciatica in both legs",
        "Before you start. Pain right now, from 0 to 10. 0 is no pain, 10 the worst imaginable.",
        "Pain 6, moderate. Where do you feel it? Choose all that apply.",
        "Buttock. Which side?",
        "Side: left. Any numbness or tingling?",
        "Numbness: no. Next: Knee rolls, 2 seconds",
        "How is it now? Pain right now, from 0 to 10.",
        "Pain 4, moderate. Where do you feel it?",
        "Skipped. Next: Knee to chest, 3 seconds",
        "Session complete. How was it? Pain right now, from 0 to 10.",
        "Pain 3, mild. How did the session feel?",
        "It felt better. A note for yourself",
        "Note kept. Session complete: Short. Time: ",
    ];
    assert_said(&keys, &order);
    assert_said(&lines, &order);

    let ends = |said: &[String], i: usize, end: &str| {
        assert!(said[i].ends_with(end), "{:?} should end {end:?}", said[i]);
    };
    ends(&keys, 0, voice::QUICK_KEYS);
    ends(&lines, 0, crate::text::safety::PLAIN_QUICK_PROMPT);
    ends(&keys, 1, voice::PAIN_KEYS);
    ends(&lines, 1, voice::PAIN_LINES);
    ends(&keys, 2, voice::AREAS_KEYS);
    ends(&lines, 2, voice::AREAS_LINES);
    ends(&keys, 4, voice::YES_NO_KEYS);
    ends(&keys, 11, voice::NOTE_KEYS);
    ends(&keys, 12, voice::SUMMARY_KEYS);
    for said in [&keys, &lines] {
        // The scale's anchors once a visit, though the pain is asked three times.
        let anchors = said
            .iter()
            .filter(|s| s.contains(voice::PAIN_ANCHORS))
            .count();
        assert_eq!(anchors, 1, "{said:#?}");
        // The summary's main lines: time done, pain before and after, what to do next.
        let summary = said.last().unwrap();
        for line in [
            "Pain 6 before, 3 after: 3 points lower.",
            crate::text::summary::NOT_JUDGED_SHORT,
            crate::text::safety::AFTERCARE[0],
        ] {
            assert!(summary.contains(line), "{line:?} in {summary:?}");
        }
        assert!(!summary.contains('→'), "said in words: {summary:?}");
    }
    // Plain mode's summary is printed and said; nothing waits for a key.
    assert!(!lines.last().unwrap().contains(voice::SUMMARY_KEYS));
}

/// A step that waits for the person to get into position, between two timed ones.
const WAITS: &str = r#"(
    title: "Waits",
    level: Gentle,
    lead_in: 0,
    steps: [
        (title: "Knee rolls", kind: Movement, seconds: 2),
        (title: "Tennis ball under the glutes", kind: Massage, seconds: 10, wait_for_key: true,
         instructions: ["Sit on the floor, ball under one buttock."]),
    ],
)"#;

/// The questions before, skipped, and the first hold run: the waiting step is reached at 2 s.
fn at_the_waiting_step(pace: Pace) -> Run {
    let routine = parse(WAITS, Path::new("waits.ron")).unwrap();
    let mut run = Run::new(pace, &screened(), Some(routine));
    run.at(0.0, Event::Opened(Ok(())));
    match pace {
        Pace::Keys => run.at(0.0, Event::Safety(Answer::Enter)).keys(0.0, "\x1b"),
        Pace::Lines => run.lines(0.0, &["", "", "", "", ""]),
    };
    run.effects.clear();
    run.at(2.0, Event::Tick);
    run
}

#[test]
fn a_step_that_waits_is_said_with_its_key_and_said_once_more_after_30_seconds() {
    for (pace, key, again) in [
        (Pace::Keys, voice::WAIT_KEYS, voice::STILL_WAITING_KEYS),
        (Pace::Lines, voice::WAIT_LINES, voice::STILL_WAITING_LINES),
    ] {
        let mut run = at_the_waiting_step(pace);
        assert_said(
            &spoken(&run),
            &[
                "Next: Tennis ball under the glutes, 10 seconds. Sit on the floor, ball under one buttock. unknot waits for you",
            ],
        );
        assert!(spoken(&run)[0].ends_with(key), "{:?}", spoken(&run));
        let wake = run.visit.next_wakeup(run.t0 + Duration::from_secs(3));
        assert_eq!(wake, Some(run.t0 + Duration::from_secs(32)));
        run.effects.clear();
        run.at(31.0, Event::Tick);
        assert!(spoken(&run).is_empty(), "not before 30 s");
        run.at(32.0, Event::Tick);
        assert_eq!(spoken(&run), [again]);
        // Once: nothing more, however long it waits.
        assert_eq!(
            run.visit.next_wakeup(run.t0 + Duration::from_secs(32)),
            None
        );
        run.at(600.0, Event::Tick);
        assert_eq!(spoken(&run), [again]);
    }
}

#[test]
fn a_key_or_a_line_at_the_waiting_step_goes_on_and_no_reminder_follows() {
    for pace in [Pace::Keys, Pace::Lines] {
        let mut run = at_the_waiting_step(pace);
        match pace {
            Pace::Keys => run.at(10.0, Event::Session(Key::Space)),
            Pace::Lines => run.lines(10.0, &[""]),
        };
        run.at(45.0, Event::Tick);
        assert!(
            !spoken(&run).iter().any(|s| s.contains("still waiting")),
            "{:#?}",
            spoken(&run)
        );
    }
}

#[test]
fn lines_typed_ahead_are_said_back_and_the_questions_they_answered_are_not_said() {
    let mut run = Run::start(Pace::Lines, &screened());
    run.lines(0.0, &["", "", "", "", ""]);
    // Typed during the first hold, for the check-in that follows it.
    run.lines(0.5, &["4", ""]);
    run.effects.clear();
    run.at(2.0, Event::Tick);
    assert_eq!(
        spoken(&run),
        ["How is it now? Pain 4, moderate. Skipped. Next: Knee to chest, 3 seconds."]
    );
}

#[test]
fn the_morning_after_is_said_with_its_date_in_words_and_the_scale() {
    for (pace, how) in [
        (Pace::Keys, voice::MORNING_KEYS),
        (Pace::Lines, voice::PAIN_LINES),
    ] {
        let (history, _) = after_a_session(3);
        let mut run = Run::new(pace, &history, Some(super::tests::routine()));
        assert_eq!(
            spoken(&run),
            [format!(
                "How was the pain the morning after your session on Thursday 19 November? {} {how}",
                voice::PAIN_ANCHORS
            )]
        );
        match pace {
            Pace::Keys => run.keys(0.0, "2"),
            Pace::Lines => run.lines(0.0, &["2"]),
        };
        assert_eq!(spoken(&run)[1], "Pain 2, mild.");
    }
}

#[test]
fn the_safety_questions_and_their_advice_are_said_with_how_to_answer() {
    // No screening before: every question, the first with what they are for.
    let mut run = Run::start(Pace::Keys, &history::Digest::default());
    let first = spoken(&run).pop().unwrap();
    assert!(
        first.contains(crate::text::safety::SCREEN_TITLE)
            && first.contains(crate::text::safety::EMERGENCY_QUESTIONS[0])
            && first.ends_with(voice::SAFETY_YES_NO_KEYS),
        "{first:?}"
    );
    run.at(0.0, Event::Safety(Answer::No));
    assert_eq!(
        spoken(&run).last().unwrap(),
        &format!(
            "{} {}",
            crate::text::safety::EMERGENCY_QUESTIONS[1],
            voice::SAFETY_YES_NO_KEYS
        )
    );
    // An emergency sign: the advice, whole, once the emergency questions are answered.
    run.at(0.0, Event::Safety(Answer::Yes));
    for _ in 2..crate::text::safety::EMERGENCY_QUESTIONS.len() {
        run.at(0.0, Event::Safety(Answer::No));
    }
    let advice = spoken(&run).pop().unwrap();
    for line in crate::text::safety::EMERGENCY_ADVICE {
        assert!(advice.contains(line), "{line:?} in {advice:?}");
    }
    assert!(advice.ends_with(voice::ADVICE_KEYS));
}

#[test]
fn the_pain_rule_is_said_with_its_three_choices() {
    let mut run = Run::start(Pace::Keys, &screened());
    run.at(0.0, Event::Safety(Answer::Enter));
    run.keys(0.0, "2\x1b");
    run.at(2.0, Event::Tick);
    run.keys(2.5, "8\n");
    let said = spoken(&run).pop().unwrap();
    assert!(
        said.starts_with("Skipped.") && said.ends_with(voice::EASE_OFF_KEYS),
        "{said:?}"
    );
    assert!(
        said.contains(crate::text::safety::PAIN_RULE_TITLE),
        "{said:?}"
    );
}

/// The keys the voice names on the full screen do what it says they do.
#[test]
fn the_keys_said_are_the_keys_of_the_screen() {
    let key = |code| KeyEvent::new(code, KeyModifiers::NONE);
    let ch = |c| key(KeyCode::Char(c));
    let enter = key(KeyCode::Enter);
    let checks: [(Context, KeyEvent, Act, &str); 14] = [
        (
            Context::SessionReady,
            ch(' '),
            Act::Session(Key::Space),
            voice::WAIT_KEYS,
        ),
        (
            Context::Session,
            ch(' '),
            Act::Session(Key::Space),
            voice::PAUSED_KEYS,
        ),
        (
            Context::SafetyQuick,
            enter,
            Act::Safety(Answer::Enter),
            voice::QUICK_KEYS,
        ),
        (
            Context::SafetyQuick,
            ch('y'),
            Act::Safety(Answer::Yes),
            voice::QUICK_KEYS,
        ),
        (
            Context::SafetyQuestion,
            ch('n'),
            Act::Safety(Answer::No),
            voice::SAFETY_YES_NO_KEYS,
        ),
        (
            Context::DoctorAdvice,
            ch('c'),
            Act::Safety(Answer::CarryOn),
            voice::DOCTOR_KEYS,
        ),
        (
            Context::Form(Question::Pain),
            ch('t'),
            Act::Answer,
            voice::PAIN_KEYS,
        ),
        (
            Context::HomeMorning,
            ch('t'),
            Act::Answer,
            voice::MORNING_KEYS,
        ),
        (
            Context::Form(Question::Areas),
            ch('5'),
            Act::Answer,
            voice::AREAS_KEYS,
        ),
        (
            Context::Form(Question::Side),
            ch('b'),
            Act::Answer,
            voice::SIDE_KEYS,
        ),
        (
            Context::Form(Question::Felt),
            ch('w'),
            Act::Answer,
            voice::FELT_KEYS,
        ),
        (
            Context::EaseOff,
            ch('k'),
            Act::Session(Key::Choose(crate::session::PainChoice::Skip)),
            voice::EASE_OFF_KEYS,
        ),
        (
            Context::Cautions,
            enter,
            Act::Continue,
            voice::CAUTIONS_KEYS,
        ),
        (Context::Summary, enter, Act::Continue, voice::SUMMARY_KEYS),
    ];
    for (context, pressed, act, said) in checks {
        assert_eq!(lookup(context, &pressed), Some(act), "{said}");
    }
}

#[test]
fn when_input_ends_the_end_of_the_session_is_said_once_with_its_summary() {
    let mut run = Run::start(Pace::Lines, &screened());
    run.lines(0.0, &[""]);
    run.at(0.0, Event::InputEnded);
    run.effects.clear();
    run.at(2.0, Event::Tick);
    run.at(5.0, Event::Tick);
    let said = spoken(&run);
    let last = said.last().unwrap();
    assert!(last.starts_with("Session complete: Short."), "{said:#?}");
    assert_eq!(last.matches("Session complete").count(), 1, "{last:?}");
}
