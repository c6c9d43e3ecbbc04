//! The digest of the recent past says what the whole digest says, in everything a visit and the
//! home screen read, for histories of years; and it stays the same size however long they are.

use std::path::Path;

use chrono::{DateTime, Days, FixedOffset, TimeDelta};
use uuid::Uuid;

use super::event::{CheckIn, Entry, Event, Moment, Outcome, SafetyCheck, SafetyKind};
use super::event::{SafetyResult, VERSION, WeeklyCheck};
use super::{Digest, Folder, digest, known_activities, streak, weekly_due};
use crate::routine::Catalog;
use crate::safety;

fn day(n: u64) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2024-01-01T08:00:00+01:00")
        .unwrap()
        .checked_add_days(Days::new(n))
        .unwrap()
}

fn entry(n: &mut u128, at: DateTime<FixedOffset>, event: Event) -> Entry {
    *n += 1;
    Entry {
        v: VERSION,
        id: Uuid::from_u128(*n),
        at,
        event,
    }
}

fn safety(check: SafetyKind, result: SafetyResult) -> Event {
    Event::Safety(SafetyCheck {
        check,
        emergency_yes: Vec::new(),
        doctor_yes: Vec::new(),
        result,
    })
}

/// A person's `days` of use: a session most days, its pain before, after and the next
/// morning, the quick check before it and the full questions every 30 days, a quick log now
/// and then, a weekly check on Sundays; the pain drifting with the weeks.
pub(super) fn years(days: u64) -> Vec<Entry> {
    let mut n = 0;
    let mut out = Vec::new();
    let pain = |d: u64| u8::try_from((d / 9 + d % 5) % 9).unwrap();
    out.push(entry(
        &mut n,
        day(0),
        safety(SafetyKind::MassageCautions, SafetyResult::Shown),
    ));
    for d in 0..days {
        let start = day(d);
        let kind = if d % 30 == 0 {
            SafetyKind::Screening
        } else {
            SafetyKind::QuickCheck
        };
        out.push(entry(&mut n, start, safety(kind, SafetyResult::Clear)));
        if d % 7 != 3 {
            let session = Uuid::from_u128(1 << 64 | u128::from(d));
            let check = |moment, pain| {
                Event::CheckIn(CheckIn {
                    form: Uuid::from_u128(2 << 64 | u128::from(d) << 4 | moment as u128),
                    session: Some(session),
                    moment,
                    pain: Some(pain),
                    ..CheckIn::default()
                })
            };
            let routine = ["Gentle start", "Daily standard"][usize::from(d % 11 == 0)];
            let events = [
                Event::SessionStarted {
                    session,
                    routine: routine.into(),
                    routine_hash: String::new(),
                    planned_s: Some(600.0),
                },
                check(Moment::Before, pain(d)),
                Event::StepDone {
                    session,
                    step: 0,
                    title: "Pelvic tilts".into(),
                    planned_s: 600.0,
                    actual_s: 600.0,
                    skipped: false,
                },
                Event::SessionEnded {
                    session,
                    outcome: Outcome::Completed,
                    elapsed_s: 600.0,
                },
                check(Moment::After, pain(d).saturating_sub(1)),
            ];
            for (minute, event) in (1..).zip(events) {
                out.push(entry(&mut n, start + TimeDelta::minutes(minute), event));
            }
            let morning = start + TimeDelta::hours(23);
            out.push(entry(&mut n, morning, check(Moment::NextMorning, pain(d))));
        }
        if d % 3 == 0 {
            let log = Event::CheckIn(CheckIn {
                form: Uuid::from_u128(3 << 64 | u128::from(d)),
                moment: Moment::Log,
                pain: Some(pain(d + 1)),
                ..CheckIn::default()
            });
            out.push(entry(&mut n, start + TimeDelta::hours(12), log));
        }
        if d % 7 == 6 {
            let weekly = Event::WeeklyCheck(WeeklyCheck {
                form: Uuid::from_u128(4 << 64 | u128::from(d)),
                leg_pain: Some(pain(d)),
                ..WeeklyCheck::default()
            });
            out.push(entry(&mut n, start + TimeDelta::hours(14), weekly));
        }
    }
    out
}

fn recent(entries: &[Entry]) -> Digest {
    let mut folder = Folder::recent();
    for e in entries {
        folder.fold(e);
    }
    folder.finish()
}

/// Everything a visit and the home screen read of a digest, at `now`.
fn read_as_a_visit(d: &Digest, now: DateTime<FixedOffset>) -> String {
    let entries = Catalog::load(Path::new("/nonexistent")).entries;
    let seen = safety::observations(d);
    format!(
        "gate {:?}\nadvice {:?}\ncautions {}\nmorning {:?}\nworse {:?}\nprogress {:?}\nlast {:?}\n\
         streak {} per week {}\nweekly due {} known {:?}",
        safety::gate(d, now),
        safety::standing_advice(d, now),
        safety::cautions_shown(d),
        safety::morning_to_ask(d, now).map(|s| s.id),
        safety::worsening(&seen, now),
        safety::progression(d, &entries),
        d.sessions.last().map(|s| (s.id, s.change(), s.finish())),
        streak(d.days(), now.date_naive()),
        super::per_week(d.days(), now.date_naive()),
        weekly_due(&d.weekly, now),
        known_activities(&d.weekly),
    )
}

#[test]
fn a_visit_reads_the_same_from_the_recent_past_as_from_years_of_history() {
    for days in [10, 100, 400, 1000] {
        let entries = years(days);
        let whole = digest(&entries);
        let kept = recent(&entries);
        for later in [0, 1, 2, 8, 40] {
            let now = day(days - 1) + TimeDelta::hours(20) + TimeDelta::days(later);
            assert_eq!(
                read_as_a_visit(&kept, now),
                read_as_a_visit(&whole, now),
                "{days} days, looked at {later} days later"
            );
        }
    }
}

#[test]
fn the_recent_past_stays_the_same_size_however_long_the_history() {
    let one_year = recent(&years(365));
    let three_years = recent(&years(3 * 365));
    assert!(three_years.sessions.len() <= one_year.sessions.len() + 1);
    assert!(three_years.logs.len() <= one_year.logs.len() + 1);
    // Twelve weeks, with a session six days a week, and the first week.
    assert!(
        one_year.sessions.len() < 12 * 6 + 8 + 2,
        "{}",
        one_year.sessions.len()
    );
    // Every full screening is kept for `unknot safety`; the daily quick checks are not.
    let screenings = three_years
        .safety
        .iter()
        .filter(|s| s.value.check == SafetyKind::Screening)
        .count();
    assert_eq!(screenings, 3 * 365 / 30 + 1);
    assert!(three_years.safety.len() < screenings + 12 * 7 + 10);
    // The streak counts every day, the ones let go too.
    assert_eq!(
        three_years.days().count(),
        digest(&years(3 * 365)).days().count()
    );
}

#[test]
fn an_old_answer_worth_telling_read_twice_counts_once() {
    let mut entries = years(200);
    let screening = entries
        .iter()
        .find(|e| {
            e.at == day(60)
                && matches!(&e.event, Event::Safety(c) if c.check == SafetyKind::Screening)
        })
        .unwrap()
        .clone();
    entries.push(screening.clone());
    let mut again = screening;
    again.id = Uuid::from_u128(u128::MAX);
    entries.push(again);
    let told = |d: Digest| {
        d.safety
            .into_iter()
            .filter(|s| super::worth_telling(&s.value))
            .collect::<Vec<_>>()
    };
    let kept = told(recent(&entries));
    assert_eq!(kept, told(digest(&entries)));
    assert_eq!(kept.iter().filter(|s| s.at == day(60)).count(), 2);
}

#[test]
fn sessions_imported_long_after_they_happened_are_let_go_unless_in_the_first_week() {
    let mut n = 1 << 100;
    let mut entries = years(300);
    let old = Uuid::from_u128(7);
    let earlier = day(0) - TimeDelta::days(3);
    let started = Event::SessionStarted {
        session: old,
        routine: "Gentle start".into(),
        routine_hash: String::new(),
        planned_s: None,
    };
    let before = Event::CheckIn(CheckIn {
        form: Uuid::from_u128(8),
        session: Some(old),
        moment: Moment::Before,
        pain: Some(9),
        ..CheckIn::default()
    });
    entries.push(entry(&mut n, earlier, started));
    entries.push(entry(&mut n, earlier, before));
    let now = day(299) + TimeDelta::hours(20);
    let (kept, whole) = (recent(&entries), digest(&entries));
    assert_eq!(read_as_a_visit(&kept, now), read_as_a_visit(&whole, now));
    assert_eq!(kept.sessions[0].id, old);
}
