//! Signs of worsening over weeks, each from a made-up run of scores.

use chrono::{DateTime, FixedOffset, TimeDelta};

use super::trend::{Observation, Score, Worsening, worsening};
use crate::history::{Activity, Area, WeeklyCheck};

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-30T09:00:00+01:00").unwrap()
}

/// A pain score `days` days before now.
fn pain(days: i64, pain: u8) -> Observation {
    Observation {
        at: now() - TimeDelta::days(days),
        pain: Some(pain),
        areas: Vec::new(),
        numbness: None,
        weekly: None,
    }
}

fn with_areas(mut o: Observation, areas: &[Area]) -> Observation {
    o.areas = areas.to_vec();
    o
}

fn with_numbness(o: Observation, numb: bool) -> Observation {
    Observation {
        numbness: Some(numb),
        ..o
    }
}

#[test]
fn pain_two_points_higher_this_week_than_last_is_a_rise() {
    let seen = [pain(12, 4), pain(10, 4), pain(5, 6), pain(2, 7)];
    assert_eq!(
        worsening(&seen, now()),
        [Worsening::Rising { from: 4.0, to: 6.5 }]
    );
    let small = [pain(12, 4), pain(10, 4), pain(5, 5), pain(2, 5)];
    assert!(
        worsening(&small, now()).is_empty(),
        "a point is everyday ups and downs"
    );
    let thin = [pain(12, 4), pain(5, 7), pain(2, 7)];
    assert!(
        worsening(&thin, now()).is_empty(),
        "one score a week says too little"
    );
}

#[test]
fn six_weeks_without_a_clear_improvement_is_worth_a_gp() {
    let seen = [
        pain(45, 6),
        pain(44, 6),
        pain(20, 6),
        pain(5, 5),
        pain(2, 6),
    ];
    let found = worsening(&seen, now());
    assert!(
        matches!(found.as_slice(), [Worsening::NotImproving { weeks: 6, .. }]),
        "{found:?}"
    );
    let better = [pain(45, 6), pain(44, 6), pain(5, 3), pain(2, 4)];
    assert!(
        worsening(&better, now()).is_empty(),
        "2 points lower is better"
    );
    let too_soon = [pain(30, 6), pain(29, 6), pain(5, 6), pain(2, 6)];
    assert!(worsening(&too_soon, now()).is_empty(), "under six weeks");
    let mild = [pain(45, 3), pain(44, 3), pain(5, 3), pain(2, 3)];
    assert!(
        worsening(&mild, now()).is_empty(),
        "mild pain is not 'not improving'"
    );
}

#[test]
fn pain_reaching_further_down_the_leg_is_spreading() {
    let seen = [
        with_areas(pain(20, 4), &[Area::Back, Area::Buttock]),
        with_areas(pain(3, 4), &[Area::Buttock, Area::Calf]),
    ];
    assert_eq!(
        worsening(&seen, now()),
        [Worsening::Spreading {
            from: Area::Buttock,
            to: Area::Calf
        }]
    );
    let back_up = [
        with_areas(pain(20, 4), &[Area::Calf]),
        with_areas(pain(3, 4), &[Area::Buttock]),
    ];
    assert!(
        worsening(&back_up, now()).is_empty(),
        "pain retreating up the leg is good"
    );
}

#[test]
fn numbness_that_was_not_there_before_is_new() {
    let seen = [
        with_numbness(pain(20, 4), false),
        with_numbness(pain(2, 4), true),
    ];
    assert_eq!(worsening(&seen, now()), [Worsening::Numbness]);
    let always = [
        with_numbness(pain(20, 4), true),
        with_numbness(pain(2, 4), true),
    ];
    assert!(worsening(&always, now()).is_empty(), "not new");
    let unknown = [with_numbness(pain(2, 4), true)];
    assert!(
        worsening(&unknown, now()).is_empty(),
        "nothing to compare with"
    );
}

#[test]
fn each_sign_says_to_see_a_gp_or_physiotherapist_and_why() {
    for w in [
        Worsening::Rising { from: 4.0, to: 6.5 },
        Worsening::NotImproving {
            weeks: 6,
            from: 6.0,
            to: 5.5,
        },
        Worsening::Spreading {
            from: Area::Buttock,
            to: Area::Calf,
        },
        Worsening::Numbness,
        Worsening::WeeklyRising {
            score: Score::BackPain,
            from: 3,
            to: 6,
        },
        Worsening::LessAble { from: 6.0, to: 3.5 },
        Worsening::Weakness,
    ] {
        let words = w.words();
        assert!(words.starts_with("See a GP or physiotherapist"), "{words}");
    }
    assert!(
        Worsening::Spreading {
            from: Area::Buttock,
            to: Area::Calf
        }
        .words()
        .contains("calf")
    );
}

/// A weekly check `days` days before now.
fn weekly(days: i64, leg: u8, back: u8, function: u8, weakness: bool) -> Observation {
    let check = WeeklyCheck {
        leg_pain: Some(leg),
        back_pain: Some(back),
        weakness: Some(weakness),
        activities: vec![Activity {
            name: "Walking".into(),
            score: Some(function),
        }],
        ..WeeklyCheck::default()
    };
    Observation::of_weekly(now() - TimeDelta::days(days), &check)
}

#[test]
fn a_weekly_check_two_points_worse_than_the_week_before_is_said() {
    let seen = [weekly(9, 4, 3, 6, false), weekly(2, 6, 4, 4, true)];
    assert_eq!(
        worsening(&seen, now()),
        [
            Worsening::WeeklyRising {
                score: Score::LegPain,
                from: 4,
                to: 6
            },
            Worsening::LessAble { from: 6.0, to: 4.0 },
            Worsening::Weakness,
        ]
    );
    // One point is within everyday ups and downs.
    let seen = [weekly(9, 4, 3, 6, false), weekly(2, 5, 4, 5, false)];
    assert_eq!(worsening(&seen, now()), []);
}

#[test]
fn weekly_checks_too_far_apart_or_too_old_are_not_compared() {
    // Three weeks apart: not "since the week before".
    let apart = [weekly(23, 2, 2, 8, false), weekly(2, 7, 7, 2, true)];
    assert_eq!(worsening(&apart, now()), []);
    // The last check is a fortnight old: nothing is said about this week.
    let old = [weekly(21, 2, 2, 8, false), weekly(14, 7, 7, 2, true)];
    assert_eq!(worsening(&old, now()), []);
}

#[test]
fn weekly_pain_is_not_averaged_with_the_pain_of_sessions() {
    // Sessions at 4 both weeks; a weekly leg pain of 9 does not lift their average.
    let seen = [
        pain(12, 4),
        pain(10, 4),
        weekly(6, 9, 2, 5, false),
        pain(5, 4),
        pain(2, 4),
    ];
    assert_eq!(worsening(&seen, now()), []);
}
