#![expect(
    clippy::disallowed_methods,
    reason = "made-up history lines get fresh ids"
)]

use std::path::Path;

use chrono::{DateTime, FixedOffset};
use uuid::Uuid;

use super::*;
use crate::history::{
    self, CheckIn, Dated, Digest, Entry, Event, Moment, SafetyCheck, SafetyKind, SafetyResult,
};
use crate::routine::Catalog;
use crate::routine::Routine;

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

fn history_with(safety: Vec<(&str, SafetyKind, SafetyResult)>) -> Digest {
    let mut history = Digest::default();
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

use Answer::{Back, CarryOn, Enter, No, Yes};

#[test]
fn all_no_is_clear_after_both_lists() {
    let mut s = Screening::new(Gate::Full);
    answer_all(&mut s, &[No; 5]);
    assert_eq!(s.stage(), Stage::Doctor(0));
    answer_all(&mut s, &[No; 8]);
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
fn a_possible_serious_cause_advises_a_doctor_and_lets_the_person_choose() {
    let mut s = Screening::new(Gate::Full);
    answer_all(&mut s, &[No; 5]);
    answer_all(&mut s, &[No, No, Yes, No, No, No, No, No]);
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

/// The see-a-doctor answers with a yes to question `n` (from 1) alone.
fn yes_to(n: usize) -> [Answer; 8] {
    let mut answers = [No; 8];
    answers[n - 1] = Yes;
    answers
}

#[test]
fn each_sign_leads_to_the_advice_of_its_tier() {
    for (n, tier) in (1..=8).zip(TIERS) {
        let mut s = Screening::new(Gate::Full);
        answer_all(&mut s, &[No; 5]);
        answer_all(&mut s, &yes_to(n));
        let expected = match tier {
            Tier::Serious => Stage::DoctorAdvice,
            Tier::Gp => Stage::GpAdvice,
        };
        assert_eq!(s.stage(), expected, "question {n}");
    }
    // The tiers of CLINICAL §1: new back pain at that age, no better or worse, pain stopping
    // normal activities are for a GP; weakness getting worse in one leg is a serious sign.
    assert_eq!(TIERS[4], Tier::Gp);
    assert_eq!(TIERS[5], Tier::Gp);
    assert_eq!(TIERS[7], Tier::Gp);
    assert_eq!(TIERS[6], Tier::Serious);
    assert!(crate::text::safety::DOCTOR_QUESTIONS[6].contains("weaker"));
}

#[test]
fn a_gp_sign_lets_a_gentle_routine_go_on_and_is_kept_as_advised() {
    let mut s = Screening::new(Gate::Full);
    answer_all(&mut s, &[No; 5]);
    answer_all(&mut s, &yes_to(5));
    assert_eq!(s.stage(), Stage::GpAdvice);
    assert_eq!(
        s.record().result,
        SafetyResult::SeeGp,
        "left here, the advice stands"
    );
    answer_all(&mut s, &[Enter]);
    assert!(s.may_start());
    assert!(gentle_only(s.record().result));
    assert_eq!(s.record().doctor_yes, vec![5]);
}

/// A history holding one safety check on `day` of November 2026.
fn after_check(day: u32, check: SafetyKind, result: SafetyResult, doctor_yes: Vec<u8>) -> Digest {
    let mut history = Digest::default();
    history.safety = vec![Dated {
        at: at(&format!("2026-11-{day:02}T08:00:00+01:00")),
        value: SafetyCheck {
            check,
            emergency_yes: Vec::new(),
            doctor_yes,
            result,
        },
    }];
    history
}

#[test]
fn one_yes_does_not_ask_every_question_again_at_the_next_start() {
    let now = at("2026-11-05T08:00:00+01:00");
    // New back pain at 55: a GP appointment, remembered; the next start is the quick check.
    let gp = after_check(1, SafetyKind::Screening, SafetyResult::SeeGp, vec![5]);
    assert_eq!(gate(&gp, now), Gate::Quick);
    assert_eq!(
        standing_advice(&gp, now).map(|(tier, _)| tier),
        Some(Tier::Gp)
    );
    // A possible serious cause, and the person stopped: asked only whether a doctor has checked.
    let serious = after_check(
        1,
        SafetyKind::Screening,
        SafetyResult::SeeDoctorStopped,
        vec![3],
    );
    let recheck = gate(&serious, now);
    assert!(
        matches!(&recheck, Gate::Recheck { yes, .. } if *yes == vec![3]),
        "{recheck:?}"
    );
    let mut s = Screening::new(recheck.clone());
    assert_eq!(s.stage(), Stage::Recheck);
    answer_all(&mut s, &[Yes, Enter]);
    assert_eq!(s.record().result, SafetyResult::DoctorChecked);
    assert_eq!(s.record().check, SafetyKind::Recheck);
    let mut s = Screening::new(recheck);
    answer_all(&mut s, &[No]);
    assert_eq!(
        s.stage(),
        Stage::DoctorAdvice,
        "the advice again, not every question"
    );
    // Once a doctor has checked, the quick check; after 30 days, every question again.
    let mut checked = serious.clone();
    checked.safety.push(Dated {
        at: at("2026-11-03T08:00:00+01:00"),
        value: SafetyCheck {
            check: SafetyKind::Recheck,
            emergency_yes: Vec::new(),
            doctor_yes: Vec::new(),
            result: SafetyResult::DoctorChecked,
        },
    });
    assert_eq!(gate(&checked, now), Gate::Quick);
    assert_eq!(standing_advice(&checked, now), None);
    assert_eq!(gate(&serious, at("2026-12-02T08:00:00+01:00")), Gate::Full);
}

#[test]
fn a_wrong_answer_can_be_taken_back_but_an_emergency_advice_cannot() {
    let mut s = Screening::new(Gate::Full);
    answer_all(&mut s, &[No, No, Back, Back]);
    assert_eq!(s.stage(), Stage::Emergency(0));
    assert!(!s.answer(Back), "nothing before the first question");
    answer_all(&mut s, &[No; 5]);
    answer_all(&mut s, &yes_to(8));
    assert_eq!(s.stage(), Stage::GpAdvice);
    answer_all(&mut s, &[Back, No]);
    assert_eq!(
        s.stage(),
        Stage::Done(SafetyResult::Clear),
        "the last yes, answered again"
    );
    let mut urgent = Screening::new(Gate::Full);
    answer_all(&mut urgent, &[Yes, No, No, No, No]);
    assert_eq!(urgent.stage(), Stage::EmergencyAdvice);
    assert!(!urgent.answer(Back));
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
fn needs_cautions(history: &Digest, routine: &Routine) -> bool {
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

/// One session as a person lived it, for the progression and next-morning rules.
#[derive(Clone, Copy)]
struct Lived {
    /// Day of November 2026 it started on, at 08:00.
    day: u32,
    /// Hour it started at.
    hour: u32,
    before: u8,
    after: u8,
    /// Seconds of the routine's 600 actually done.
    done: f64,
    /// Pain the next morning, when it was asked.
    morning: Option<u8>,
    /// The pain rule stopped it.
    stopped: bool,
}

/// A session done in full on `day`, pain `before` → `after`, the next morning `morning`.
fn full(day: u32, before: u8, after: u8, morning: Option<u8>) -> Lived {
    Lived {
        day,
        hour: 8,
        before,
        after,
        done: 600.0,
        morning,
        stopped: false,
    }
}

/// Sessions of `routine`, each with its steps, its end, and its answers.
fn lived(routine: &str, sessions: &[Lived]) -> Digest {
    let mut entries = Vec::new();
    for l in sessions {
        let id = Uuid::now_v7();
        let when = at(&format!("2026-11-{:02}T{:02}:00:00+01:00", l.day, l.hour));
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
            planned_s: Some(600.0),
        }));
        entries.push(entry(check(Moment::Before, l.before)));
        entries.push(entry(Event::StepDone {
            session: id,
            step: 0,
            title: "The whole routine".into(),
            planned_s: 600.0,
            actual_s: l.done,
            skipped: l.done < 600.0,
        }));
        if l.stopped {
            entries.push(entry(Event::PainRule {
                session: id,
                trigger: history::PainTrigger::Rise,
                choice: history::PainChoice::Stop,
            }));
        }
        entries.push(entry(Event::SessionEnded {
            session: id,
            outcome: if l.stopped || l.done < 5.0 {
                history::Outcome::Quit
            } else {
                history::Outcome::Completed
            },
            elapsed_s: l.done,
        }));
        entries.push(entry(check(Moment::After, l.after)));
        if let Some(morning) = l.morning {
            entries.push(Entry::at(
                when + chrono::TimeDelta::hours(24),
                check(Moment::NextMorning, morning),
            ));
        }
    }
    history::digest(&entries)
}

fn suggestion(routine: &str, sessions: &[Lived]) -> Option<String> {
    progression(&lived(routine, sessions), &catalog().entries)
}

#[test]
fn three_sessions_done_in_full_on_separate_days_with_calm_mornings_suggest_the_next_level() {
    let three = [
        full(1, 5, 4, Some(4)),
        full(2, 4, 4, Some(4)),
        full(3, 4, 3, Some(3)),
    ];
    let s = suggestion("Gentle start", &three).unwrap();
    assert!(s.contains("Daily standard"), "{s}");
    assert!(
        suggestion("Gentle start", &three[..2]).is_none(),
        "two are not enough"
    );
    assert!(
        suggestion("Deep release", &three).is_none(),
        "no level above the deepest"
    );
}

#[test]
fn sessions_quit_after_seconds_on_one_day_never_suggest_stepping_up() {
    // Daily standard quit after 1-2 s, three times in one morning.
    let quit = |hour, done| Lived {
        hour,
        done,
        ..full(1, 5, 4, Some(4))
    };
    let sessions = [quit(8, 1.0), quit(9, 2.0), quit(10, 1.5)];
    assert_eq!(suggestion("Daily standard", &sessions), None);
    // Gentle start with every step skipped: it reached its end in 3 s.
    let skipped = |day| Lived {
        done: 3.0,
        ..full(day, 5, 4, Some(4))
    };
    let sessions = [skipped(1), skipped(2), skipped(3)];
    assert_eq!(suggestion("Gentle start", &sessions), None);
}

#[test]
fn three_full_sessions_on_one_day_are_not_three_days() {
    let day = |hour| Lived {
        hour,
        ..full(1, 5, 4, Some(4))
    };
    assert_eq!(
        suggestion("Gentle start", &[day(8), day(12), day(18)]),
        None
    );
    let with_two_more = [
        day(8),
        day(12),
        full(2, 4, 4, Some(4)),
        full(3, 4, 3, Some(3)),
    ];
    assert!(suggestion("Gentle start", &with_two_more).is_some());
}

#[test]
fn a_pain_rule_stop_a_rise_or_a_worse_morning_keeps_the_level() {
    let calm = [full(1, 4, 4, Some(4)), full(2, 4, 4, Some(4))];
    let cases = [
        (
            "a pain-rule stop",
            Lived {
                stopped: true,
                ..full(3, 4, 4, Some(4))
            },
        ),
        ("a worse morning", full(3, 4, 4, Some(5))),
        ("no morning answer yet", full(3, 4, 4, None)),
        ("a rise of 2", full(3, 4, 6, Some(4))),
    ];
    for (what, third) in cases {
        let mut sessions = calm.to_vec();
        sessions.push(third);
        let s = suggestion("Gentle start", &sessions);
        assert!(
            s.as_deref().is_none_or(|s| !s.contains("Daily standard")),
            "{what}: {s:?}"
        );
    }
}

#[test]
fn a_session_mostly_skipped_between_calm_ones_neither_counts_nor_breaks_the_run() {
    let skipped = Lived {
        done: 60.0,
        ..full(2, 4, 4, Some(4))
    };
    let sessions = [
        full(1, 4, 4, Some(4)),
        skipped,
        full(3, 4, 4, Some(4)),
        full(4, 4, 3, Some(3)),
    ];
    assert!(suggestion("Gentle start", &sessions).is_some());
    assert!(suggestion("Gentle start", &sessions[..3]).is_none());
}

#[test]
fn a_flare_suggests_stepping_back() {
    let s = suggestion(
        "Daily standard",
        &[full(1, 4, 4, Some(4)), full(2, 4, 6, None)],
    )
    .unwrap();
    assert!(s.contains("Gentle start"), "{s}");
    // Felt fine at the end, flared overnight: a flare too.
    let s = suggestion("Daily standard", &[full(1, 4, 4, Some(6))]).unwrap();
    assert!(s.contains("Gentle start"), "{s}");
    assert!(suggestion("Gentle start", &[full(1, 4, 7, None)]).is_none());
}

#[test]
fn the_next_morning_is_asked_after_every_session_between_6_and_36_hours_later_once() {
    // A calm session on the 1st at 08:00, ten minutes long.
    let calm = lived("Daily standard", &[full(1, 4, 4, None)]);
    let asked = |h: &Digest, when: &str| morning_to_ask(h, at(when)).is_some();
    assert!(!asked(&calm, "2026-11-01T12:00:00+01:00"), "under 6 hours");
    assert!(
        asked(&calm, "2026-11-01T20:00:00+01:00"),
        "the same evening, 12 h on"
    );
    assert!(
        asked(&calm, "2026-11-02T08:00:00+01:00"),
        "the next morning"
    );
    assert!(!asked(&calm, "2026-11-03T08:00:00+01:00"), "two days on");
    let answered = lived("Daily standard", &[full(1, 4, 4, Some(4))]);
    assert!(!asked(&answered, "2026-11-02T08:00:00+01:00"), "once");
    let worse = lived("Daily standard", &[full(1, 4, 6, None)]);
    assert!(asked(&worse, "2026-11-02T08:00:00+01:00"));
}
