//! Signs of worsening over weeks, each from a made-up run of scores.

use chrono::{DateTime, FixedOffset, TimeDelta};

use super::trend::{Observation, Worsening, worsening};
use crate::history::Area;

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
    ] {
        let words = w.words();
        assert!(
            words.starts_with("See a GP or physiotherapist: "),
            "{words}"
        );
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
