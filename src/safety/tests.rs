#![expect(
    clippy::disallowed_methods,
    reason = "made-up history lines get fresh ids"
)]

use std::path::Path;

use chrono::DateTime;
use uuid::Uuid;

use super::*;
use crate::history::{self, CheckIn, Dated, Entry, Event, Moment};
use crate::routine::Catalog;

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

fn history_with(safety: Vec<(&str, SafetyKind, SafetyResult)>) -> History {
    let mut history = History::default();
    history.safety = safety
        .into_iter()
        .map(|(when, check, result)| Dated {
            at: at(when),
            value: SafetyCheck {
                check,
                emergency_yes: Vec::new(),
                doctor_yes: Vec::new(),
                result,
            },
        })
        .collect();
    history
}

fn answer_all(s: &mut Screening, answers: &[Answer]) {
    for a in answers {
        assert!(s.answer(*a), "{a:?} at {:?}", s.stage());
    }
}

use Answer::{CarryOn, Enter, No, Yes};

#[test]
fn all_no_is_clear_after_both_lists() {
    let mut s = Screening::new(Gate::Full);
    answer_all(&mut s, &[No; 5]);
    assert_eq!(s.stage(), Stage::Doctor(0));
    answer_all(&mut s, &[No; 6]);
    assert_eq!(s.stage(), Stage::Done(SafetyResult::Clear));
    assert!(s.may_start());
    let r = s.record();
    assert_eq!(r.check, SafetyKind::Screening);
    assert_eq!(r.result, SafetyResult::Clear);
    assert!(r.emergency_yes.is_empty() && r.doctor_yes.is_empty());
}

#[test]
#[expect(
    clippy::cast_possible_truncation,
    reason = "the questions are numbered 1 to 5"
)]
fn any_emergency_yes_stops_everything_and_says_what_to_do() {
    for which in 0..5 {
        let mut s = Screening::new(Gate::Full);
        let mut answers = [No; 5];
        answers[which] = Yes;
        answer_all(&mut s, &answers);
        assert_eq!(s.stage(), Stage::EmergencyAdvice);
        assert!(!s.may_start());
        assert!(!s.answer(CarryOn), "no way round the advice");
        answer_all(&mut s, &[Enter]);
        assert_eq!(s.stage(), Stage::Done(SafetyResult::Emergency));
        assert!(!s.may_start());
        assert_eq!(s.record().emergency_yes, vec![which as u8 + 1]);
    }
}

#[test]
fn a_doctor_first_yes_advises_and_lets_the_person_choose() {
    let mut s = Screening::new(Gate::Full);
    answer_all(&mut s, &[No; 5]);
    answer_all(&mut s, &[No, No, Yes, No, No, No]);
    assert_eq!(s.stage(), Stage::DoctorAdvice);
    let mut carried_on = s.clone();
    answer_all(&mut carried_on, &[CarryOn]);
    assert!(carried_on.may_start());
    assert_eq!(carried_on.record().result, SafetyResult::SeeDoctorContinued);
    assert_eq!(carried_on.record().doctor_yes, vec![3]);
    answer_all(&mut s, &[Enter]);
    assert!(!s.may_start());
    assert_eq!(s.record().result, SafetyResult::SeeDoctorStopped);
}

#[test]
fn only_yes_or_no_moves_a_question_on() {
    let mut s = Screening::new(Gate::Full);
    assert!(!s.answer(Enter), "Enter is not a no");
    assert!(!s.answer(CarryOn));
    assert_eq!(s.stage(), Stage::Emergency(0));
    assert_eq!(s.record().result, SafetyResult::NotAnswered);
    assert!(!s.may_start());
    assert_eq!(parse_yes_no(" Yes "), Some(Yes));
    assert_eq!(parse_yes_no("n"), Some(No));
    assert_eq!(parse_yes_no(""), None);
    assert_eq!(parse_yes_no("maybe"), None);
}

#[test]
fn the_quick_check_takes_one_key_and_a_yes_asks_which() {
    let mut s = Screening::new(Gate::Quick);
    answer_all(&mut s, &[Enter]);
    assert!(s.may_start());
    assert_eq!(s.record().check, SafetyKind::QuickCheck);

    let mut s = Screening::new(Gate::Quick);
    answer_all(&mut s, &[Yes, No, No, No, Yes, No]);
    assert_eq!(s.stage(), Stage::EmergencyAdvice);

    // A yes pressed by mistake, then no to each: the session may start, without the doctor list.
    let mut s = Screening::new(Gate::Quick);
    answer_all(&mut s, &[Yes, No, No, No, No, No]);
    assert!(s.may_start());
}

#[test]
fn full_questions_first_then_quick_until_thirty_days_pass() {
    let now = at("2026-11-21T08:00:00+01:00");
    assert_eq!(gate(&history_with(vec![]), now), Gate::Full);
    let recent = history_with(vec![(
        "2026-11-01T08:00:00+01:00",
        SafetyKind::Screening,
        SafetyResult::Clear,
    )]);
    assert_eq!(gate(&recent, now), Gate::Quick);
    let old = history_with(vec![(
        "2026-10-21T07:00:00+01:00",
        SafetyKind::Screening,
        SafetyResult::Clear,
    )]);
    assert_eq!(gate(&old, now), Gate::Full);
    let stopped = history_with(vec![(
        "2026-11-20T08:00:00+01:00",
        SafetyKind::Screening,
        SafetyResult::Emergency,
    )]);
    assert_eq!(
        gate(&stopped, now),
        Gate::Full,
        "an emergency answer is asked again in full"
    );
    let quick_only = history_with(vec![(
        "2026-11-20T08:00:00+01:00",
        SafetyKind::QuickCheck,
        SafetyResult::Clear,
    )]);
    assert_eq!(gate(&quick_only, now), Gate::Full);
}

fn catalog() -> Catalog {
    Catalog::load(Path::new("/nonexistent"))
}

/// The cautions come before a routine with a ball or roller, unless they were shown before.
fn needs_cautions(history: &History, routine: &Routine) -> bool {
    uses_ball_or_roller(routine) && !cautions_shown(history)
}

#[test]
fn cautions_are_shown_once_and_only_for_a_ball_or_roller() {
    let c = catalog();
    let gentle = &c.find("gentle-start").unwrap().routine;
    let glides = &c.find("nerve-glides").unwrap().routine;
    let none = history_with(vec![]);
    assert!(needs_cautions(&none, gentle));
    assert!(!needs_cautions(&none, glides));
    let desk = &c.find("desk-break").unwrap().routine;
    assert!(
        needs_cautions(&none, desk),
        "a ball against a wall is a ball too"
    );
    let shown = history_with(vec![(
        "2026-11-20T08:00:00+01:00",
        SafetyKind::MassageCautions,
        SafetyResult::Shown,
    )]);
    assert!(!needs_cautions(&shown, gentle));
}

/// Sessions of `routine` with pain before and after, one a day.
fn sessions(routine: &str, pains: &[(u8, u8)]) -> History {
    let mut entries = Vec::new();
    for (day, (before, after)) in pains.iter().enumerate() {
        let id = Uuid::now_v7();
        let when = at(&format!("2026-11-{:02}T08:00:00+01:00", day + 1));
        let entry = |event| Entry::at(when, event);
        let check = |moment, pain| {
            Event::CheckIn(CheckIn {
                form: Uuid::now_v7(),
                session: Some(id),
                moment,
                pain: Some(pain),
                ..CheckIn::default()
            })
        };
        entries.push(entry(Event::SessionStarted {
            session: id,
            routine: routine.into(),
            routine_hash: String::new(),
            planned_s: None,
        }));
        entries.push(entry(check(Moment::Before, *before)));
        entries.push(entry(check(Moment::After, *after)));
    }
    history::build(&entries)
}

#[test]
fn three_calm_sessions_suggest_the_next_level() {
    let h = sessions("Gentle start", &[(5, 4), (4, 4), (4, 3)]);
    let s = progression(&h, &catalog().entries).unwrap();
    assert!(s.contains("Daily standard"), "{s}");
    assert!(
        progression(
            &sessions("Gentle start", &[(5, 4), (4, 4)]),
            &catalog().entries
        )
        .is_none()
    );
    assert!(
        progression(
            &sessions("Gentle start", &[(4, 5), (4, 4), (4, 3)]),
            &catalog().entries
        )
        .is_none(),
        "one of the three raised the pain"
    );
    assert!(
        progression(
            &sessions("Deep release", &[(3, 2), (3, 2), (3, 2)]),
            &catalog().entries
        )
        .is_none()
    );
}

#[test]
fn a_flare_suggests_stepping_back() {
    let h = sessions("Daily standard", &[(4, 4), (4, 6)]);
    let s = progression(&h, &catalog().entries).unwrap();
    assert!(s.contains("Gentle start"), "{s}");
    assert!(progression(&sessions("Gentle start", &[(4, 7)]), &catalog().entries).is_none());
}

#[test]
fn the_next_morning_is_asked_after_a_flare_on_a_later_day() {
    let h = sessions("Daily standard", &[(4, 6)]);
    assert!(
        morning_to_ask(&h, at("2026-11-01T20:00:00+01:00")).is_none(),
        "same day"
    );
    assert!(morning_to_ask(&h, at("2026-11-02T08:00:00+01:00")).is_some());
    let calm = sessions("Daily standard", &[(4, 5)]);
    assert!(morning_to_ask(&calm, at("2026-11-02T08:00:00+01:00")).is_none());
}
