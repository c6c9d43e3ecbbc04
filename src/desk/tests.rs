//! The desk machine with a fake clock: instants are built from one origin, never slept.
#![expect(
    clippy::disallowed_methods,
    reason = "a real instant is only the fake clock's origin; every other instant is built from it"
)]

use std::time::{Duration, Instant};

use super::*;
use crate::history::{BreakAnswer, Event as Line, SittingBreak};

const MIN: Duration = Duration::from_secs(60);

fn rhythm() -> Rhythm {
    Rhythm {
        every: 45 * MIN,
        snooze: 10 * MIN,
    }
}

fn answered(answer: BreakAnswer, minutes: u64) -> Effect {
    Effect::Record(Line::SittingBreak(SittingBreak {
        answer,
        sitting_s: (minutes * 60) as f64,
    }))
}

#[test]
fn the_prompt_rings_once_when_the_break_falls_due_and_not_before() {
    let t0 = Instant::now();
    let mut desk = Desk::new(rhythm(), t0);
    assert_eq!(desk.next_wakeup(t0), Some(t0 + 45 * MIN));
    // An early wake-up (a key, a resize) changes nothing.
    assert!(desk.handle(Event::Tick, t0 + 44 * MIN).is_empty());
    assert_eq!(desk.handle(Event::Tick, t0 + 45 * MIN), vec![Effect::Ring]);
    assert_eq!(
        desk.stage(),
        Stage::Prompt {
            since: t0 + 45 * MIN
        }
    );
    // The prompt waits for a key; it wakes only to show each new whole minute sat, and never
    // rings again.
    assert_eq!(desk.due(), None);
    let later = t0 + 45 * MIN + Duration::from_secs(20);
    assert_eq!(desk.next_wakeup(later), Some(t0 + 46 * MIN));
    assert!(desk.handle(Event::Tick, t0 + 90 * MIN).is_empty());
}

#[test]
fn a_snooze_asks_again_after_the_snooze_and_the_sitting_goes_on() {
    let t0 = Instant::now();
    let mut desk = Desk::new(rhythm(), t0);
    desk.handle(Event::Tick, t0 + 45 * MIN);
    assert_eq!(
        desk.handle(Event::Snooze, t0 + 46 * MIN),
        vec![answered(BreakAnswer::Snoozed, 46)]
    );
    assert_eq!(desk.due(), Some(t0 + 56 * MIN));
    assert_eq!(desk.handle(Event::Tick, t0 + 56 * MIN), vec![Effect::Ring]);
    // Skipped: a whole interval more, counted from the answer; still sitting since the start.
    assert_eq!(
        desk.handle(Event::Skip, t0 + 57 * MIN),
        vec![answered(BreakAnswer::Skipped, 57)]
    );
    assert_eq!(desk.due(), Some(t0 + 102 * MIN));
    assert_eq!(
        desk.tally(),
        Tally {
            taken: 0,
            snoozed: 1,
            skipped: 1
        }
    );
}

#[test]
fn a_break_is_kept_as_taken_once_its_session_began_and_counts_from_its_end() {
    let t0 = Instant::now();
    let mut desk = Desk::new(rhythm(), t0);
    desk.handle(Event::Tick, t0 + 45 * MIN);
    assert_eq!(
        desk.handle(Event::Take, t0 + 45 * MIN),
        vec![Effect::StartBreak]
    );
    assert_eq!(desk.stage(), Stage::OnBreak { sat: 45 * MIN });
    assert_eq!(
        desk.next_wakeup(t0 + 45 * MIN),
        None,
        "the break has its own deadlines"
    );
    // Keys meant for the prompt do nothing during the break.
    assert!(desk.handle(Event::Snooze, t0 + 46 * MIN).is_empty());
    assert_eq!(
        desk.handle(Event::BreakOver { moved: true }, t0 + 51 * MIN),
        vec![answered(BreakAnswer::Taken, 45)]
    );
    assert_eq!(desk.due(), Some(t0 + 96 * MIN));
    assert_eq!(desk.sitting(t0 + 60 * MIN), 9 * MIN);
    assert_eq!(desk.tally().taken, 1);
}

#[test]
fn a_break_that_never_began_is_a_skip_and_the_sitting_goes_on() {
    // Started, then left at the safety questions (or kept from starting by them).
    let t0 = Instant::now();
    let mut desk = Desk::new(rhythm(), t0);
    desk.handle(Event::Tick, t0 + 45 * MIN);
    desk.handle(Event::Take, t0 + 45 * MIN);
    assert_eq!(
        desk.handle(Event::BreakOver { moved: false }, t0 + 46 * MIN),
        vec![answered(BreakAnswer::Skipped, 45)]
    );
    assert_eq!(
        desk.tally(),
        Tally {
            taken: 0,
            snoozed: 0,
            skipped: 1
        }
    );
    assert_eq!(desk.sitting(t0 + 50 * MIN), 50 * MIN);
}

#[test]
fn a_break_can_be_taken_before_it_is_due() {
    let t0 = Instant::now();
    let mut desk = Desk::new(rhythm(), t0);
    assert_eq!(
        desk.handle(Event::Take, t0 + 20 * MIN),
        vec![Effect::StartBreak]
    );
    assert_eq!(
        desk.handle(Event::BreakOver { moved: true }, t0 + 25 * MIN),
        vec![answered(BreakAnswer::Taken, 20)]
    );
    // Snooze and skip mean nothing before the prompt.
    let mut waiting = Desk::new(rhythm(), t0);
    assert!(waiting.handle(Event::Snooze, t0 + MIN).is_empty());
    assert!(waiting.handle(Event::Skip, t0 + MIN).is_empty());
    assert_eq!(waiting.due(), Some(t0 + 45 * MIN));
}

#[test]
fn a_break_that_fell_due_while_stopped_is_asked_for_at_the_first_wake_up() {
    // Stopped with Ctrl-Z for two hours: the monotonic time went on, so the first event after
    // `fg` finds the break overdue and rings once, not once for each interval missed.
    let t0 = Instant::now();
    let mut desk = Desk::new(rhythm(), t0);
    assert_eq!(desk.handle(Event::Tick, t0 + 120 * MIN), vec![Effect::Ring]);
    assert!(desk.handle(Event::Tick, t0 + 121 * MIN).is_empty());
}

#[test]
fn the_next_prompt_on_the_wall_clock_is_the_wall_clock_now_plus_the_wait_left() {
    let t0 = Instant::now();
    let desk = Desk::new(rhythm(), t0);
    let wall = chrono::DateTime::parse_from_rfc3339("2026-11-30T10:00:00+01:00").unwrap();
    let at = desk.due_at(t0 + 15 * MIN, wall).unwrap();
    assert_eq!(at.format("%H:%M").to_string(), "10:30");
}
