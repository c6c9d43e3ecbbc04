//! The visit with a fake clock: instants are an origin plus durations, never slept. Each rule is
//! checked in both paces (keys, as the full screen sends them; lines, as plain mode does), so
//! the two front ends are seen to ask the same questions and keep the same records.
#![expect(
    clippy::disallowed_methods,
    reason = "a real instant is only the fake clock's origin; every other instant is built from it; made-up history lines get fresh ids"
)]

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};
use uuid::Uuid;

use super::*;
use crate::history::{Digest, Entry, Event as H, Moment, SafetyKind, SafetyResult};
use crate::routine::parse;
use crate::safety::{Answer, Stage as SafetyStage};
use crate::session::{Key, PainChoice};

/// A hold of 2 s, a check-in, and a hold of 3 s; no lead-in, nothing to wait for.
const ROUTINE: &str = r#"(
    title: "Short",
    summary: "Two holds and a check-in.",
    level: Gentle,
    lead_in: 0,
    steps: [
        (title: "Knee rolls", kind: Movement, seconds: 2),
        (title: "How is it now?", kind: CheckIn),
        (title: "Knee to chest", kind: Stretch, seconds: 3),
    ],
)"#;

const VISIT: u128 = 0x0190_0000_0000_7000_8000_0000_0000_0001;

pub(super) fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-20T09:00:00+01:00").unwrap()
}

pub(super) fn routine() -> Routine {
    parse(ROUTINE, Path::new("short.ron")).unwrap()
}

/// A history whose red-flag questions were answered yesterday: the quick check comes next.
pub(super) fn screened() -> Digest {
    let yesterday = now() - chrono::TimeDelta::days(1);
    history::digest(&[
        Entry::at(
            yesterday,
            H::Safety(history::SafetyCheck {
                check: SafetyKind::Screening,
                emergency_yes: Vec::new(),
                doctor_yes: Vec::new(),
                result: SafetyResult::Clear,
            }),
        ),
        Entry::at(yesterday, H::Safety(history::SafetyCheck::cautions_shown())),
    ])
}

/// A visit and its fake clock.
pub(super) struct Run {
    pub visit: Visit,
    pub t0: Instant,
    pub effects: Vec<Effect>,
}

impl Run {
    pub fn new(pace: Pace, history: &Digest, routine: Option<Routine>) -> Run {
        let setup = Setup {
            entries: crate::routine::Catalog::load(Path::new("/nonexistent")).entries,
            routine,
            id: Uuid::from_u128(VISIT),
            now: now(),
            pace,
        };
        let past = Past::of(history, setup.now);
        let (visit, effects) = Visit::begin(setup, Some(past));
        said_once_and_last(&effects);
        Run {
            visit,
            t0: Instant::now(),
            effects,
        }
    }

    /// Opened at once, as both front ends answer.
    pub fn start(pace: Pace, history: &Digest) -> Run {
        let mut run = Run::new(pace, history, Some(routine()));
        assert!(
            run.effects.contains(&Effect::OpenHistory),
            "{:?}",
            run.effects
        );
        run.at(0.0, Event::Opened(Ok(())));
        run
    }

    pub fn at(&mut self, secs: f64, event: Event) -> &mut Run {
        let fx = self
            .visit
            .handle(event, self.t0 + Duration::from_secs_f64(secs));
        said_once_and_last(&fx);
        self.effects.extend(fx);
        self
    }

    pub fn lines(&mut self, secs: f64, lines: &[&str]) -> &mut Run {
        for line in lines {
            self.at(secs, Event::Line((*line).to_string()));
        }
        self
    }

    pub fn keys(&mut self, secs: f64, keys: &str) -> &mut Run {
        for c in keys.chars() {
            let key = match c {
                '\n' => FormKey::Enter,
                '\x1b' => FormKey::Escape,
                c => FormKey::Char(c),
            };
            self.at(secs, Event::Form(key));
        }
        self
    }

    fn records(&self) -> Vec<H> {
        self.effects
            .iter()
            .filter_map(|e| match e {
                Effect::Record(r) => Some(r.clone()),
                _ => None,
            })
            .collect()
    }

    fn said(&self) -> Vec<Say> {
        self.effects
            .iter()
            .filter_map(|e| match e {
                Effect::Say(s) => Some(s.clone()),
                _ => None,
            })
            .collect()
    }

    fn questions(&self) -> Vec<Question> {
        self.said()
            .into_iter()
            .filter_map(|s| match s {
                Say::Question(q) => Some(q),
                _ => None,
            })
            .collect()
    }

    fn ending(&self) -> Option<Ending> {
        self.effects.iter().find_map(|e| match e {
            Effect::Over(ending) => Some(*ending),
            _ => None,
        })
    }

    fn check_ins(&self) -> Vec<history::CheckIn> {
        self.records()
            .into_iter()
            .filter_map(|r| match r {
                H::CheckIn(c) => Some(c),
                _ => None,
            })
            .collect()
    }
}

/// The words of one event are one utterance, after everything else it does: words split in two
/// would cut each other short in the voice's queue.
fn said_once_and_last(fx: &[Effect]) {
    let spoken: Vec<usize> = (0..fx.len())
        .filter(|i| matches!(fx[*i], Effect::Speak(_)))
        .collect();
    assert!(
        spoken.is_empty() || spoken == [fx.len() - 1],
        "one utterance, last: {fx:#?}"
    );
}

/// A whole visit: nothing new, pain 6 in the buttock on the left, no numbness; the first hold;
/// pain 4 at the check-in; the second hold; pain 3 after, better, a note.
pub(super) fn whole_visit(pace: Pace) -> Run {
    let mut run = Run::start(pace, &screened());
    match pace {
        Pace::Lines => {
            run.lines(0.0, &["", "6", "buttock", "left", "no"]);
            run.at(2.0, Event::Tick);
            run.lines(2.5, &["4", ""]);
            run.at(5.5, Event::Tick);
            run.lines(6.0, &["3", "better", "sore but looser"]);
        }
        Pace::Keys => {
            run.at(0.0, Event::Safety(Answer::Enter));
            run.keys(0.0, "62\nln");
            run.at(2.0, Event::Tick);
            run.keys(2.5, "4\n");
            run.at(5.5, Event::Tick);
            run.keys(6.0, "3bsore but looser\n");
        }
    }
    run
}

#[test]
fn both_paces_ask_the_same_questions_and_keep_the_same_records() {
    let lines = whole_visit(Pace::Lines);
    let keys = whole_visit(Pace::Keys);
    assert_eq!(lines.records(), keys.records());
    assert_eq!(lines.questions(), keys.questions());
    assert_eq!(
        lines.questions(),
        [
            Question::Pain,
            Question::Areas,
            Question::Side,
            Question::Numbness,
            Question::Pain,
            Question::Areas,
            Question::Pain,
            Question::Felt,
            Question::Note,
        ]
    );
    // Plain mode has seen the summary and is done; the screen shows it until a key.
    assert_eq!(lines.ending(), Some(Ending::Home));
    assert_eq!(keys.ending(), None);
    assert!(matches!(keys.visit.stage(), Stage::Summary(_)));
}

#[test]
fn the_session_starts_in_the_history_with_its_first_answer_and_ends_completed() {
    let run = whole_visit(Pace::Lines);
    let records = run.records();
    let id = Uuid::from_u128(VISIT);
    assert!(matches!(&records[0], H::Safety(c) if c.check == SafetyKind::QuickCheck));
    assert!(
        matches!(&records[1], H::SessionStarted { session, routine, .. }
        if *session == id && routine == "Short")
    );
    assert!(matches!(records.last(), Some(H::CheckIn(c)) if c.moment == Moment::After));
    let ended: Vec<_> = records
        .iter()
        .filter_map(|r| match r {
            H::SessionEnded {
                outcome, elapsed_s, ..
            } => Some((*outcome, *elapsed_s)),
            _ => None,
        })
        .collect();
    assert_eq!(ended, [(history::Outcome::Completed, 5.0)]);
    let steps: Vec<_> = records
        .iter()
        .filter_map(|r| match r {
            H::StepDone { title, skipped, .. } => Some((title.as_str(), *skipped)),
            _ => None,
        })
        .collect();
    assert_eq!(steps, [("Knee rolls", false), ("Knee to chest", false)]);
}

#[test]
fn the_summary_is_the_visits_own_records_as_the_history_will_show_them() {
    let run = whole_visit(Pace::Lines);
    let summary = run
        .said()
        .into_iter()
        .find_map(|s| match s {
            Say::Summary(summary) => Some(summary),
            _ => None,
        })
        .expect("a summary");
    let view = summary.view.as_ref().expect("the session's view");
    assert_eq!(view.pain_before(), Some(6));
    assert_eq!(view.pain_after(), Some(3));
    assert_eq!(view.during.len(), 1);
    assert_eq!(view.during[0].value.pain, Some(4));
    assert_eq!(
        view.during[0].value.after_step.as_deref(),
        Some("Knee rolls")
    );
    assert_eq!(
        view.after.as_ref().and_then(|a| a.note.as_deref()),
        Some("sore but looser")
    );
    assert_eq!(summary.steps(), (2, 0));
}

#[test]
fn every_form_has_an_id_of_its_own_made_from_the_visit_id() {
    let run = whole_visit(Pace::Keys);
    let mut forms: Vec<Uuid> = run.check_ins().iter().map(|c| c.form).collect();
    forms.dedup();
    assert_eq!(forms.len(), 3, "before, during, after");
    let id = Uuid::from_u128(VISIT);
    for form in &forms {
        assert_ne!(*form, id);
        assert_eq!(
            form.as_u128() >> 8,
            id.as_u128() >> 8,
            "made from the visit id"
        );
    }
    forms.sort();
    forms.dedup();
    assert_eq!(forms.len(), 3);
}

/// A session yesterday evening, pain 3 before and `after` after.
pub(super) fn after_a_session(after: u8) -> (Digest, Uuid) {
    let session = Uuid::from_u128(7);
    let evening = now() - chrono::TimeDelta::hours(14);
    let check = |moment, pain| {
        H::CheckIn(history::CheckIn {
            form: Uuid::now_v7(),
            session: Some(session),
            moment,
            pain: Some(pain),
            ..history::CheckIn::default()
        })
    };
    let mut entries: Vec<Entry> = screened()
        .safety
        .iter()
        .map(|s| Entry::at(s.at, H::Safety(s.value.clone())))
        .collect();
    entries.extend([
        Entry::at(
            evening,
            H::SessionStarted {
                session,
                routine: "Short".into(),
                routine_hash: String::new(),
                planned_s: None,
            },
        ),
        Entry::at(evening, check(Moment::Before, 3)),
        Entry::at(
            evening,
            H::StepDone {
                session,
                step: 0,
                title: "Knee rolls".into(),
                planned_s: 600.0,
                actual_s: 600.0,
                skipped: false,
            },
        ),
        Entry::at(evening, check(Moment::After, after)),
    ]);
    (history::digest(&entries), session)
}

#[test]
fn the_next_morning_is_asked_first_in_both_paces_and_kept_with_its_session() {
    // Asked after a calm session as after one that raised the pain.
    for ((history, flared), pace) in [
        (after_a_session(6), Pace::Lines),
        (after_a_session(6), Pace::Keys),
        (after_a_session(3), Pace::Lines),
        (after_a_session(3), Pace::Keys),
    ] {
        let mut run = Run::new(pace, &history, Some(routine()));
        assert!(
            matches!(run.said().first(), Some(Say::Morning(_))),
            "{pace:?}: {:?}",
            run.effects
        );
        assert!(!run.effects.contains(&Effect::OpenHistory));
        match pace {
            Pace::Lines => run.lines(0.0, &["4"]),
            Pace::Keys => run.keys(0.0, "4"),
        };
        let morning = run.check_ins();
        assert_eq!(morning.len(), 1, "{pace:?}");
        assert_eq!(morning[0].moment, Moment::NextMorning);
        assert_eq!(morning[0].session, Some(flared));
        assert_eq!(morning[0].pain, Some(4));
        // Not the start of a session of its own.
        assert!(
            !run.records()
                .iter()
                .any(|r| matches!(r, H::SessionStarted { .. }))
        );
        assert!(run.effects.contains(&Effect::OpenHistory), "{pace:?}");
    }
}

#[test]
fn a_routine_chosen_at_home_leaves_the_morning_question_for_next_time() {
    let (history, _) = after_a_session(6);
    let mut run = Run::new(Pace::Keys, &history, None);
    run.at(0.0, Event::Choose(0));
    assert!(run.check_ins().is_empty());
    assert!(run.effects.contains(&Effect::OpenHistory));
    assert!(matches!(run.visit.stage(), Stage::Choose));
}

#[test]
fn an_emergency_answer_is_kept_once_the_moment_its_advice_shows() {
    for pace in [Pace::Lines, Pace::Keys] {
        let mut run = Run::start(pace, &Digest::default());
        match pace {
            Pace::Lines => {
                run.lines(0.0, &["yes", "no", "no", "no", "no"]);
            }
            Pace::Keys => {
                run.at(0.0, Event::Safety(Answer::Yes));
                for _ in 0..4 {
                    run.at(0.0, Event::Safety(Answer::No));
                }
            }
        }
        let kept = run.records();
        assert!(
            matches!(kept.as_slice(), [H::Safety(c)] if c.result == SafetyResult::Emergency
                && c.emergency_yes == [1]),
            "{pace:?}: {kept:?}"
        );
        if pace == Pace::Keys {
            assert_eq!(run.ending(), None, "the advice stays until Enter");
            run.at(0.0, Event::Safety(Answer::Enter));
            assert_eq!(run.records().len(), 1, "kept once");
        }
        assert_eq!(
            run.ending(),
            Some(Ending::NotStarted {
                why: NotStarted::Emergency,
                leaving: false
            }),
            "{pace:?}"
        );
    }
}

#[test]
fn leaving_the_safety_questions_keeps_what_was_answered_and_nothing_starts() {
    let answered_two = |run: &Run| {
        let kept = run.records();
        assert!(
            matches!(kept.as_slice(), [H::Safety(c)] if c.result == SafetyResult::NotAnswered),
            "{kept:?}"
        );
    };
    let mut lines = Run::start(Pace::Lines, &Digest::default());
    lines.lines(0.0, &["no", "no"]).at(0.0, Event::InputEnded);
    answered_two(&lines);
    assert!(
        lines
            .said()
            .contains(&Say::NotStarted(NotStarted::NotAnswered))
    );
    assert_eq!(
        lines.ending(),
        Some(Ending::NotStarted {
            why: NotStarted::NotAnswered,
            leaving: false
        })
    );

    let mut keys = Run::start(Pace::Keys, &Digest::default());
    keys.at(0.0, Event::Safety(Answer::No))
        .at(0.0, Event::Safety(Answer::No))
        .at(0.0, Event::Leave);
    answered_two(&keys);
    assert_eq!(keys.ending(), Some(Ending::Home));

    for stop in [Event::Stop, Event::Interrupt] {
        let mut keys = Run::start(Pace::Keys, &Digest::default());
        keys.at(0.0, Event::Safety(Answer::No))
            .at(0.0, Event::Safety(Answer::No))
            .at(0.0, stop);
        answered_two(&keys);
        assert_eq!(keys.ending(), Some(Ending::Exit));
    }
}

#[test]
fn an_unclear_line_is_never_a_no() {
    let mut run = Run::start(Pace::Lines, &Digest::default());
    run.lines(0.0, &["maybe", "", "nope"]);
    assert_eq!(run.said().iter().filter(|s| **s == Say::Unclear).count(), 3);
    assert!(run.records().is_empty());
    assert!(
        matches!(run.visit.stage(), Stage::Safety(s) if s.stage() == SafetyStage::Emergency(0))
    );
}

#[test]
fn a_line_typed_during_a_hold_answers_the_next_question() {
    let mut run = Run::start(Pace::Lines, &screened());
    run.lines(0.0, &["", "6", "", "", ""]);
    // Typed while the first hold counts down: nothing asks for it yet.
    run.lines(1.0, &["5"]);
    assert_eq!(run.check_ins().last().and_then(|c| c.pain), Some(6));
    run.at(2.0, Event::Tick);
    let during = run.check_ins();
    let during = during.last().expect("a check-in");
    assert_eq!((during.moment, during.pain), (Moment::During, Some(5)));
}

#[test]
fn when_input_ends_the_questions_left_are_skipped_said_once_and_the_session_runs_on() {
    let mut run = Run::start(Pace::Lines, &screened());
    run.lines(0.0, &["", "6"]).at(0.0, Event::InputEnded);
    assert_eq!(
        run.said().iter().filter(|s| **s == Say::InputEnded).count(),
        1
    );
    run.at(2.0, Event::Tick).at(5.0, Event::Tick);
    assert_eq!(
        run.said().iter().filter(|s| **s == Say::InputEnded).count(),
        1,
        "said once"
    );
    // Asked nothing after the end: the check-in and the questions after are skipped.
    assert_eq!(run.questions(), [Question::Pain, Question::Areas]);
    assert_eq!(run.ending(), Some(Ending::Home));
    assert!(run.records().iter().any(|r| matches!(
        r,
        H::SessionEnded {
            outcome: history::Outcome::Completed,
            ..
        }
    )));
}

#[test]
fn the_pain_rule_asks_how_to_go_on_and_no_answer_stops() {
    let mut run = Run::start(Pace::Lines, &screened());
    run.lines(0.0, &["", "3", "", "", ""]);
    run.at(2.0, Event::Tick).lines(2.0, &["6", ""]);
    assert!(run.said().iter().any(|s| matches!(
        s,
        Say::EaseOff {
            before: Some(3),
            now: Some(6),
            ..
        }
    )));
    run.at(2.5, Event::InputEnded);
    assert!(run.said().contains(&Say::Chose(PainChoice::Stop)));
    assert!(run.records().iter().any(|r| matches!(
        r,
        H::PainRule {
            choice: PainChoice::Stop,
            ..
        }
    )));
}

#[test]
fn ctrl_c_before_the_session_marks_it_stopped_once_an_answer_was_kept() {
    let mut run = Run::start(Pace::Keys, &screened());
    run.at(0.0, Event::Safety(Answer::Enter));
    run.keys(0.0, "6");
    run.at(0.0, Event::Stop);
    assert!(run.records().iter().any(|r| matches!(
        r,
        H::SessionEnded {
            outcome: history::Outcome::Quit,
            ..
        }
    )));
    assert_eq!(run.ending(), Some(Ending::Home));

    // With nothing answered, nothing is left behind.
    let mut run = Run::start(Pace::Keys, &screened());
    run.at(0.0, Event::Safety(Answer::Enter))
        .at(0.0, Event::Leave);
    assert_eq!(run.records().len(), 1, "the quick check only");
}

#[test]
fn a_signal_mid_session_ends_it_interrupted_with_a_summary_and_no_questions_after() {
    for pace in [Pace::Lines, Pace::Keys] {
        let mut run = Run::start(pace, &screened());
        run.at(0.0, Event::Safety(Answer::Enter)).keys(0.0, "\x1b");
        run.at(1.0, Event::Interrupt);
        assert!(run.records().iter().any(|r| matches!(
            r,
            H::SessionEnded {
                outcome: history::Outcome::Interrupted,
                ..
            }
        )));
        assert_eq!(run.questions(), [Question::Pain], "{pace:?}");
        assert!(run.said().iter().any(|s| matches!(s, Say::Summary(_))));
        assert_eq!(run.ending(), Some(Ending::Exit));
    }
}

#[test]
fn a_stop_drops_lines_typed_before_it_and_waits_for_a_new_one() {
    let mut run = Run::start(Pace::Lines, &screened());
    run.lines(0.0, &["", "", "", "", ""]);
    run.lines(0.5, &[""]);
    run.at(0.6, Event::Suspend).at(10.0, Event::Continued);
    assert!(run.said().contains(&Say::Suspended));
    assert!(run.said().contains(&Say::Paused));
    // Long after the hold would have ended, it has not: paused.
    run.at(20.0, Event::Tick);
    assert!(
        !run.records()
            .iter()
            .any(|r| matches!(r, H::StepDone { .. }))
    );
    run.lines(20.0, &[""]).at(21.4, Event::Tick);
    assert!(
        run.records()
            .iter()
            .any(|r| matches!(r, H::StepDone { .. }))
    );
}

#[test]
fn a_busy_history_sends_the_visit_back_to_the_routines() {
    let mut run = Run::new(Pace::Keys, &screened(), None);
    run.at(0.0, Event::Choose(0));
    run.at(0.0, Event::Opened(Err("another unknot session".into())));
    assert!(matches!(run.visit.stage(), Stage::Choose));
    assert!(run.visit.routine().is_none());
    assert!(run.records().is_empty());
}

#[test]
fn a_plain_choice_by_number_and_a_wrong_one() {
    let mut run = Run::new(Pace::Lines, &screened(), None);
    assert_eq!(run.said(), [Say::Routines]);
    run.lines(0.0, &["nine", "99", "1"]);
    assert_eq!(
        run.said()
            .iter()
            .filter(|s| **s == Say::ChooseAgain)
            .count(),
        2
    );
    assert!(run.effects.contains(&Effect::OpenHistory));
    let mut ended = Run::new(Pace::Lines, &screened(), None);
    ended.at(0.0, Event::InputEnded);
    assert_eq!(ended.ending(), Some(Ending::Home));
}

#[test]
fn ctrl_c_in_a_session_stops_at_once_and_the_questions_after_follow() {
    let mut run = Run::start(Pace::Keys, &screened());
    run.at(0.0, Event::Safety(Answer::Enter)).keys(0.0, "\x1b");
    run.at(1.0, Event::Stop);
    assert!(matches!(run.visit.stage(), Stage::After(_)));
    run.at(1.0, Event::Stop);
    assert!(matches!(run.visit.stage(), Stage::Summary(_)));
    run.at(1.0, Event::Session(Key::Space));
    run.at(1.0, Event::Continue);
    assert_eq!(run.ending(), Some(Ending::Home));
}

/// A hold of 2 s, then a check-in as the routine's last step.
const ENDS_WITH_CHECK_IN: &str = r#"(
    title: "Ends asking",
    level: Gentle,
    lead_in: 0,
    steps: [
        (title: "Knee rolls", kind: Movement, seconds: 2),
        (title: "How is it now?", kind: CheckIn),
    ],
)"#;

#[test]
fn a_routine_ending_with_a_check_in_asks_the_pain_once_and_keeps_it_as_the_pain_after() {
    let ends = parse(ENDS_WITH_CHECK_IN, Path::new("ends.ron")).unwrap();
    for pace in [Pace::Lines, Pace::Keys] {
        let mut run = Run::new(pace, &screened(), Some(ends.clone()));
        run.at(0.0, Event::Opened(Ok(())));
        run.at(0.0, Event::Safety(Answer::Enter));
        run.keys(0.0, "6\x1b");
        run.at(2.0, Event::Tick);
        match pace {
            Pace::Lines => run.lines(2.5, &["4", "", "better", ""]),
            Pace::Keys => run.keys(2.5, "4\nb\n"),
        };
        assert_eq!(
            run.questions(),
            [
                Question::Pain,
                Question::Areas,
                Question::Pain,
                Question::Areas,
                Question::Felt,
                Question::Note
            ],
            "{pace:?}: the pain is not asked again after the check-in"
        );
        let after = run.check_ins();
        let after = after.last().expect("the questions after");
        assert_eq!(after.moment, Moment::After);
        assert_eq!(after.pain, Some(4), "{pace:?}");
    }
}

#[test]
fn numbness_that_starts_today_is_pointed_out_in_the_summary_in_both_paces() {
    // A week ago: pain 4, no numbness. Today: numbness or tingling.
    let mut entries: Vec<Entry> = screened()
        .safety
        .iter()
        .map(|s| Entry::at(s.at, H::Safety(s.value.clone())))
        .collect();
    entries.push(Entry::at(
        now() - chrono::TimeDelta::days(8),
        H::CheckIn(history::CheckIn {
            form: Uuid::from_u128(99),
            moment: Moment::Log,
            pain: Some(4),
            numbness: Some(false),
            ..history::CheckIn::default()
        }),
    ));
    let history = history::digest(&entries);
    for pace in [Pace::Lines, Pace::Keys] {
        let mut run = Run::start(pace, &history);
        run.at(0.0, Event::Safety(Answer::Enter));
        run.keys(0.0, "4\n\ny");
        run.at(2.0, Event::Tick).keys(2.0, "\x1b");
        run.at(5.0, Event::Tick).keys(5.0, "\x1b");
        let summary = run.said().into_iter().find_map(|s| match s {
            Say::Summary(summary) => Some(summary),
            _ => None,
        });
        let summary = summary.expect("a summary");
        assert_eq!(
            summary.advice,
            [crate::text::safety::WORSE_NUMBNESS],
            "{pace:?}"
        );
        assert!(
            summary
                .lines(None)
                .iter()
                .any(|l| l == crate::text::safety::WORSE_NUMBNESS)
        );
    }
}

#[test]
fn a_step_gone_back_to_and_left_again_counts_once_in_the_summary() {
    let mut run = Run::start(Pace::Keys, &screened());
    run.at(0.0, Event::Safety(Answer::Enter)).keys(0.0, "\x1b");
    // Into the first hold, then skip it, come back to it, and skip it again.
    run.at(0.5, Event::Session(Key::Next));
    run.at(0.6, Event::Session(Key::Previous));
    run.at(1.0, Event::Session(Key::Next));
    run.at(1.1, Event::Session(Key::Quit))
        .at(1.1, Event::Session(Key::Yes));
    run.keys(1.2, "\x1b");
    let summary = run
        .said()
        .into_iter()
        .find_map(|s| match s {
            Say::Summary(summary) => Some(summary),
            _ => None,
        })
        .expect("a summary");
    assert_eq!(summary.steps(), (0, 1), "one step, cut short, once");
}
