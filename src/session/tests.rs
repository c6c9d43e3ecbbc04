//! The engine with a fake clock: instants are built by adding durations to one origin, never slept.
#![expect(
    clippy::disallowed_methods,
    reason = "a real instant is only the fake clock's origin; every other instant is built from it"
)]

use std::time::{Duration, Instant};

use super::*;
use crate::routine::{Side, Sides, Step, StepKind};

fn s(secs: f64) -> Duration {
    Duration::from_secs_f64(secs)
}

fn timed(title: &str, sides: Sides, seconds: u32, reps: u32, rest: u32) -> Step {
    Step {
        title: title.into(),
        kind: StepKind::Stretch,
        tool: None,
        sides,
        seconds,
        reps,
        rest,
        wait_for_key: false,
        instructions: vec![],
        caution: None,
        figure: None,
    }
}

fn check_in() -> Step {
    Step {
        kind: StepKind::CheckIn,
        seconds: 0,
        ..timed("How is the pain now?", Sides::Both, 0, 1, 0)
    }
}

fn routine(lead_in: u32, steps: Vec<Step>) -> Routine {
    Routine::of_steps(lead_in, steps)
}

/// A session with a fake clock: `at(secs)` is the instant that many seconds after the start.
struct Rig {
    t0: Instant,
    session: Session,
    fx: Vec<Effect>,
}

impl Rig {
    fn new(r: Routine) -> Rig {
        let t0 = Instant::now();
        let (session, fx) = Session::begin(r, t0);
        Rig { t0, session, fx }
    }
    fn at(&self, secs: f64) -> Instant {
        self.t0 + s(secs)
    }
    fn send(&mut self, event: Event, secs: f64) -> Vec<Effect> {
        let now = self.at(secs);
        let fx = self.session.handle(event, now);
        self.fx.extend(fx.clone());
        fx
    }
    fn tick(&mut self, secs: f64) -> Vec<Effect> {
        self.send(Event::Tick, secs)
    }
    fn key(&mut self, key: Key, secs: f64) -> Vec<Effect> {
        self.send(Event::Key(key), secs)
    }
    fn kind(&self) -> PhaseKind {
        self.session.phase().kind
    }
    fn step(&self) -> usize {
        self.session.phase().step
    }
    fn remaining(&self, secs: f64) -> Duration {
        self.session.remaining(self.at(secs))
    }
}

fn cues(fx: &[Effect]) -> Vec<Cue> {
    fx.iter()
        .filter_map(|e| match e {
            Effect::Cue(c) => Some(*c),
            _ => None,
        })
        .collect()
}

fn records(fx: &[Effect]) -> Vec<Record> {
    fx.iter()
        .filter_map(|e| match e {
            Effect::Record(r) => Some(r.clone()),
            _ => None,
        })
        .collect()
}

fn steps_done(fx: &[Effect]) -> Vec<(usize, u64, u64, bool)> {
    records(fx)
        .into_iter()
        .filter_map(|r| match r {
            Record::StepDone {
                step,
                planned,
                actual,
                skipped,
            } => Some((
                step,
                u64::try_from(planned.as_millis()).unwrap(),
                u64::try_from(actual.as_millis()).unwrap(),
                skipped,
            )),
            _ => None,
        })
        .collect()
}

#[test]
fn begins_with_a_record_the_step_and_a_get_ready_cue() {
    let rig = Rig::new(routine(5, vec![timed("A", Sides::Both, 30, 1, 0)]));
    assert_eq!(
        rig.fx[0],
        Effect::Record(Record::SessionStarted {
            title: "Test".into()
        })
    );
    assert!(rig.fx.contains(&Effect::Announce(Announcement::StepStart {
        step: 0,
        side: None
    })));
    assert_eq!(cues(&rig.fx), vec![Cue::GetReady]);
    assert_eq!(rig.kind(), PhaseKind::LeadIn);
    assert_eq!(rig.remaining(0.0), s(5.0));
}

#[test]
fn a_whole_routine_runs_with_every_cue_in_order() {
    use Cue::*;

    let mut rig = Rig::new(routine(
        5,
        vec![timed("A", Sides::Each, 20, 1, 10), check_in()],
    ));
    for t in 0..=120 {
        rig.tick(f64::from(t) * 0.5);
    }
    assert_eq!(
        cues(&rig.fx),
        vec![
            GetReady,
            Go,
            Halfway,
            Countdown(3),
            Countdown(2),
            Countdown(1),
            // The end of the hold falls with the switch: one sound, the switch.
            SwitchSides,
            Go,
            Halfway,
            Countdown(3),
            Countdown(2),
            Countdown(1),
            CheckIn,
        ]
    );
    assert!(rig.session.awaiting_check_in());
    let fx = rig.send(
        Event::CheckedIn {
            pain: None,
            spread: false,
        },
        60.0,
    );
    assert_eq!(fx.last(), Some(&Effect::Quit(Outcome::Completed)));
    assert_eq!(steps_done(&rig.fx), vec![(0, 55_000, 55_000, false)]);
}

#[test]
fn moments_that_fall_together_get_one_cue() {
    use Cue::*;

    let mut rig = Rig::new(routine(
        5,
        vec![
            timed("A", Sides::Both, 10, 2, 5),
            timed("B", Sides::Both, 10, 2, 0),
        ],
    ));
    for t in 0..=80 {
        let fx = rig.tick(f64::from(t));
        assert!(cues(&fx).len() <= 1, "at {t} s: {:?}", cues(&fx));
    }
    let c = cues(&rig.fx);
    // A's first hold ends as its rest begins: heard as rest. A ends as B's get-ready starts:
    // heard as the end of the hold. B's second rep follows with no rest: heard as go.
    assert!(c.windows(2).any(|w| w == [Countdown(1), Rest]), "{c:?}");
    assert!(c.windows(2).any(|w| w == [Countdown(1), End]), "{c:?}");
    assert!(c.windows(2).any(|w| w == [Countdown(1), Go]), "{c:?}");
    assert!(!c.contains(&GetReady) || c[0] == GetReady);
    assert_eq!(c.last(), Some(&SessionComplete));
}

#[test]
fn the_last_step_ending_completes_the_session_once() {
    let mut rig = Rig::new(routine(0, vec![timed("A", Sides::Both, 5, 1, 0)]));
    let fx = rig.tick(5.0);
    assert_eq!(cues(&fx), vec![Cue::SessionComplete]);
    assert_eq!(rig.session.outcome(), Some(Outcome::Completed));
    assert!(rig.tick(6.0).is_empty(), "nothing happens after the end");
}

#[test]
#[expect(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "phase starts in whole milliseconds: positive and under 400 000"
)]
fn each_boundary_lands_on_its_deadline_however_late_the_tick() {
    // Ticks arrive late and unevenly; every phase still starts exactly where the last one ended.
    let mut rig = Rig::new(routine(5, vec![timed("A", Sides::Each, 30, 3, 10)]));
    let mut t = 0.0;
    let mut starts = vec![];
    while rig.session.outcome().is_none() && t < 400.0 {
        t += 0.731;
        let before = rig.session.current_index();
        rig.tick(t);
        if rig.session.current_index() != before && rig.session.outcome().is_none() {
            // Where the phase started, read back from how much of it remains at `t`.
            let into = rig
                .session
                .phase()
                .duration
                .saturating_sub(rig.remaining(t));
            let started = t - into.as_secs_f64();
            starts.push((started * 1000.0).round() as u64);
        }
    }
    assert_eq!(
        starts,
        vec![
            5_000, 35_000, 45_000, 75_000, 85_000, 115_000, 125_000, 155_000, 165_000, 195_000,
            205_000
        ]
    );
    assert_eq!(rig.session.outcome(), Some(Outcome::Completed));
}

#[test]
fn no_drift_over_a_simulated_hour() {
    // 60 one-minute holds, ticked every 37 ms with jitter, some pauses in between.
    let steps = (0..60)
        .map(|i| timed(&format!("Hold {i}"), Sides::Both, 55, 1, 0))
        .collect();
    let mut rig = Rig::new(routine(5, steps));
    let mut t = 0.0;
    let mut n = 0u64;
    let mut paused_for = 0.0;
    while rig.session.outcome().is_none() {
        n += 1;
        t += 0.037 + (n % 7) as f64 * 0.003;
        if n.is_multiple_of(5000) {
            rig.key(Key::Space, t);
            t += 12.5;
            paused_for += 12.5;
            rig.key(Key::Space, t);
        }
        rig.tick(t);
    }
    let Some(Effect::Record(Record::SessionEnded { elapsed, .. })) = rig
        .fx
        .iter()
        .rev()
        .find(|e| matches!(e, Effect::Record(Record::SessionEnded { .. })))
        .cloned()
    else {
        panic!("no end record");
    };
    assert_eq!(
        elapsed,
        Duration::from_secs(3600),
        "the session time is exact"
    );
    let wall = t - paused_for;
    assert!(
        (3600.0..3600.1).contains(&wall),
        "ended within one tick of the hour: {wall}"
    );
    assert_eq!(steps_done(&rig.fx).len(), 60);
    assert!(
        steps_done(&rig.fx)
            .iter()
            .all(|(_, p, a, sk)| p == a && !sk)
    );
}

#[test]
fn pause_does_not_advance_time() {
    let mut rig = Rig::new(routine(5, vec![timed("A", Sides::Both, 30, 1, 0)]));
    rig.tick(7.0);
    assert_eq!(rig.remaining(7.0), s(28.0));
    rig.key(Key::Space, 7.5);
    assert!(rig.session.is_paused());
    assert_eq!(
        rig.session.next_wakeup(rig.at(7.5)),
        None,
        "sleeps while paused"
    );
    rig.tick(100.0);
    assert_eq!(rig.remaining(100.0), s(27.5));
    assert_eq!(rig.kind(), PhaseKind::Work { side: None, rep: 1 });
    rig.key(Key::Space, 200.0);
    assert!(!rig.session.is_paused());
    assert_eq!(rig.remaining(210.0), s(17.5));
    rig.tick(227.5);
    assert_eq!(rig.session.outcome(), Some(Outcome::Completed));
}

#[test]
fn pause_persists_into_the_next_step_when_skipping() {
    let mut rig = Rig::new(routine(
        5,
        vec![
            timed("A", Sides::Both, 30, 1, 0),
            timed("B", Sides::Both, 30, 1, 0),
        ],
    ));
    rig.key(Key::Space, 1.0);
    rig.key(Key::Next, 2.0);
    assert_eq!(rig.step(), 1);
    assert!(rig.session.is_paused());
    assert_eq!(rig.remaining(50.0), s(5.0));
}

#[test]
fn next_skips_the_rest_of_the_step_and_records_it() {
    let mut rig = Rig::new(routine(
        5,
        vec![
            timed("A", Sides::Each, 30, 2, 10),
            timed("B", Sides::Both, 30, 1, 0),
        ],
    ));
    rig.tick(12.0);
    let fx = rig.key(Key::Next, 12.0);
    assert_eq!(rig.step(), 1);
    assert_eq!(rig.kind(), PhaseKind::LeadIn);
    assert_eq!(rig.remaining(12.0), s(5.0));
    assert_eq!(steps_done(&fx), vec![(0, 155_000, 12_000, true)]);
    assert!(
        !cues(&fx).contains(&Cue::End),
        "a skipped hold has no end cue"
    );
}

#[test]
fn next_at_the_last_millisecond_skips_one_step_only() {
    let mut rig = Rig::new(routine(
        0,
        vec![
            timed("A", Sides::Both, 10, 1, 0),
            timed("B", Sides::Both, 10, 1, 0),
            timed("C", Sides::Both, 10, 1, 0),
        ],
    ));
    rig.key(Key::Next, 9.999);
    assert_eq!(rig.step(), 1);
    assert_eq!(rig.remaining(9.999), s(10.0));
    rig.tick(10.0);
    rig.tick(10.001);
    assert_eq!(rig.step(), 1, "the old deadline is gone");
    assert_eq!(rig.remaining(15.0), s(4.999));
    let done = steps_done(&rig.fx);
    assert_eq!(done, vec![(0, 10_000, 9_999, true)]);
}

#[test]
fn a_key_after_a_missed_deadline_acts_on_the_step_then_shown() {
    let mut rig = Rig::new(routine(
        0,
        vec![
            timed("A", Sides::Both, 10, 1, 0),
            timed("B", Sides::Both, 10, 1, 0),
            timed("C", Sides::Both, 10, 1, 0),
        ],
    ));
    // No tick ran at 10 s; the key at 10.2 s sees B already running and skips it.
    rig.key(Key::Next, 10.2);
    assert_eq!(rig.step(), 2);
    assert_eq!(
        steps_done(&rig.fx),
        vec![(0, 10_000, 10_000, false), (1, 10_000, 200, true)]
    );
}

#[test]
fn skipping_a_step_still_waiting_for_the_person_counts_as_skipped() {
    let mut waiting = timed("Ball", Sides::Both, 30, 1, 0);
    waiting.wait_for_key = true;
    let mut rig = Rig::new(routine(5, vec![waiting, timed("B", Sides::Both, 30, 1, 0)]));
    let fx = rig.key(Key::Next, 2.0);
    assert_eq!(steps_done(&fx), vec![(0, 35_000, 0, true)]);
}

#[test]
fn next_on_the_last_step_completes() {
    let mut rig = Rig::new(routine(5, vec![timed("A", Sides::Both, 30, 1, 0)]));
    let fx = rig.key(Key::Next, 3.0);
    assert_eq!(fx.last(), Some(&Effect::Quit(Outcome::Completed)));
}

#[test]
fn previous_restarts_the_step_after_three_seconds() {
    let mut rig = Rig::new(routine(
        5,
        vec![
            timed("A", Sides::Both, 30, 1, 0),
            timed("B", Sides::Both, 30, 1, 0),
        ],
    ));
    rig.tick(36.0);
    assert_eq!(rig.step(), 1);
    assert_eq!(rig.kind(), PhaseKind::LeadIn);
    // 1 s into B: back to A.
    rig.key(Key::Previous, 36.0);
    assert_eq!(rig.step(), 0);
    assert_eq!(rig.kind(), PhaseKind::LeadIn);
    assert_eq!(rig.remaining(36.0), s(5.0));
    // 20 s into A: restart A.
    rig.key(Key::Previous, 56.0);
    assert_eq!(rig.step(), 0);
    assert_eq!(rig.kind(), PhaseKind::LeadIn);
    assert_eq!(rig.remaining(56.0), s(5.0));
}

#[test]
fn previous_counts_the_whole_step_not_just_the_phase() {
    let mut rig = Rig::new(routine(
        5,
        vec![
            timed("A", Sides::Both, 30, 1, 0),
            timed("B", Sides::Both, 30, 1, 0),
        ],
    ));
    rig.tick(35.0);
    rig.tick(41.0);
    // 6 s into B, but only 1 s into B's hold: restart B, not back to A.
    rig.key(Key::Previous, 41.0);
    assert_eq!(rig.step(), 1);
    assert_eq!(rig.kind(), PhaseKind::LeadIn);
}

#[test]
fn previous_on_the_first_step_restarts_it() {
    let mut rig = Rig::new(routine(5, vec![timed("A", Sides::Both, 30, 1, 0)]));
    rig.key(Key::Previous, 1.0);
    assert_eq!(rig.step(), 0);
    assert_eq!(rig.remaining(1.0), s(5.0));
}

#[test]
fn plus_and_minus_change_the_current_hold() {
    let mut rig = Rig::new(routine(0, vec![timed("A", Sides::Both, 30, 1, 0)]));
    rig.key(Key::MoreTime, 10.0);
    assert_eq!(rig.remaining(10.0), s(35.0));
    rig.key(Key::LessTime, 10.0);
    rig.key(Key::LessTime, 10.0);
    assert_eq!(rig.remaining(10.0), s(5.0));
    // Taking more than is left ends the hold now, not in the past.
    let fx = rig.key(Key::LessTime, 12.0);
    assert_eq!(fx.last(), Some(&Effect::Quit(Outcome::Completed)));
    assert_eq!(steps_done(&rig.fx), vec![(0, 30_000, 12_000, false)]);
}

#[test]
fn minus_pressed_past_the_end_of_a_hold_leaves_the_next_lead_in_alone() {
    let mut rig = Rig::new(routine(
        5,
        vec![
            timed("A", Sides::Both, 20, 1, 0),
            timed("B", Sides::Both, 20, 1, 0),
        ],
    ));
    rig.tick(6.0);
    for _ in 0..5 {
        rig.key(Key::LessTime, 6.0);
    }
    assert_eq!(rig.step(), 1, "the hold ended");
    assert_eq!(rig.session.phase().kind, PhaseKind::LeadIn);
    assert_eq!(rig.remaining(6.0), s(5.0), "the next get-ready is whole");
}

#[test]
fn countdown_cues_again_after_more_time() {
    let mut rig = Rig::new(routine(0, vec![timed("A", Sides::Both, 10, 1, 0)]));
    for t in 1..=8 {
        rig.tick(f64::from(t));
    }
    rig.key(Key::MoreTime, 8.0);
    for t in 9..=25 {
        rig.tick(f64::from(t));
    }
    let countdowns: Vec<_> = cues(&rig.fx)
        .into_iter()
        .filter(|c| matches!(c, Cue::Countdown(_)))
        .collect();
    assert_eq!(
        countdowns,
        vec![
            Cue::Countdown(3),
            Cue::Countdown(2),
            Cue::Countdown(3),
            Cue::Countdown(2),
            Cue::Countdown(1)
        ]
    );
    assert_eq!(
        cues(&rig.fx).iter().filter(|c| **c == Cue::Halfway).count(),
        1
    );
}

#[test]
fn a_stall_gives_one_countdown_beep_not_a_burst() {
    let mut rig = Rig::new(routine(0, vec![timed("A", Sides::Both, 30, 1, 0)]));
    rig.tick(26.0);
    let fx = rig.tick(28.5);
    assert_eq!(cues(&fx), vec![Cue::Countdown(2)]);
}

#[test]
fn short_holds_have_no_halfway() {
    let mut rig = Rig::new(routine(0, vec![timed("A", Sides::Both, 8, 1, 0)]));
    for t in 0..=8 {
        rig.tick(f64::from(t));
    }
    assert!(!cues(&rig.fx).contains(&Cue::Halfway));
}

#[test]
fn wait_for_key_holds_until_space() {
    let mut waiting = timed("Ball", Sides::Both, 30, 1, 0);
    waiting.wait_for_key = true;
    let mut rig = Rig::new(routine(5, vec![waiting]));
    assert_eq!(rig.kind(), PhaseKind::Ready);
    assert!(rig.fx.contains(&Effect::Announce(Announcement::WaitForKey)));
    assert_eq!(
        rig.session.next_wakeup(rig.at(0.0)),
        Some(rig.at(30.0)),
        "only to say once more that it waits"
    );
    rig.tick(600.0);
    assert_eq!(rig.kind(), PhaseKind::Ready);
    let fx = rig.key(Key::Space, 600.0);
    assert_eq!(rig.kind(), PhaseKind::LeadIn);
    assert!(records(&fx).is_empty(), "getting ready is part of the step");
    assert_eq!(cues(&fx), vec![Cue::GetReady]);
    assert_eq!(rig.remaining(602.0), s(3.0));
}

#[test]
fn quit_asks_first_and_pauses_while_asking() {
    let mut rig = Rig::new(routine(0, vec![timed("A", Sides::Both, 30, 1, 0)]));
    rig.key(Key::Quit, 10.0);
    assert_eq!(rig.session.overlay(), Some(Overlay::ConfirmQuit));
    assert_eq!(rig.remaining(50.0), s(20.0));
    rig.key(Key::Back, 50.0);
    assert_eq!(rig.session.overlay(), None);
    assert!(!rig.session.is_paused());
    assert_eq!(rig.remaining(55.0), s(15.0));
    rig.key(Key::Quit, 55.0);
    let fx = rig.key(Key::Yes, 56.0);
    assert_eq!(rig.session.outcome(), Some(Outcome::Quit));
    assert_eq!(steps_done(&fx), vec![(0, 30_000, 15_000, true)]);
    assert_eq!(fx.last(), Some(&Effect::Quit(Outcome::Quit)));
}

#[test]
fn confirming_quit_while_paused_keeps_the_pause_on_cancel() {
    let mut rig = Rig::new(routine(0, vec![timed("A", Sides::Both, 30, 1, 0)]));
    rig.key(Key::Space, 5.0);
    rig.key(Key::Quit, 6.0);
    rig.key(Key::Back, 7.0);
    assert!(rig.session.is_paused());
}

#[test]
fn help_pauses_and_closing_it_resumes() {
    let mut rig = Rig::new(routine(0, vec![timed("A", Sides::Both, 30, 1, 0)]));
    rig.key(Key::Help, 10.0);
    assert_eq!(rig.session.overlay(), Some(Overlay::Help));
    // Keys other than closing ones do nothing while help is open.
    rig.key(Key::Next, 11.0);
    assert_eq!(rig.step(), 0);
    rig.key(Key::Help, 40.0);
    assert_eq!(rig.session.overlay(), None);
    assert_eq!(rig.remaining(40.0), s(20.0));
}

#[test]
fn a_suspended_session_waits_for_space_however_long_it_was_away() {
    let mut rig = Rig::new(routine(0, vec![timed("A", Sides::Both, 30, 1, 0)]));
    rig.send(Event::Suspend, 12.0);
    assert!(rig.session.is_paused());
    assert_eq!(rig.session.next_wakeup(rig.at(12.0)), None);
    // An hour later, back from the shell: nothing has run out.
    rig.tick(3612.0);
    assert_eq!(rig.remaining(3612.0), s(18.0));
    assert_eq!(rig.session.outcome(), None);
    rig.key(Key::Space, 3613.0);
    assert_eq!(rig.remaining(3620.0), s(11.0));
}

#[test]
fn suspending_with_a_box_open_keeps_the_pause_when_it_closes() {
    let mut rig = Rig::new(routine(0, vec![timed("A", Sides::Both, 30, 1, 0)]));
    rig.key(Key::Help, 10.0);
    rig.send(Event::Suspend, 11.0);
    rig.key(Key::Help, 500.0);
    assert_eq!(rig.session.overlay(), None);
    assert!(rig.session.is_paused());
    assert_eq!(rig.remaining(600.0), s(20.0));
}

#[test]
fn suspending_while_waiting_for_the_person_changes_nothing() {
    let mut ready = timed("A", Sides::Both, 30, 1, 0);
    ready.wait_for_key = true;
    let mut rig = Rig::new(routine(0, vec![ready]));
    assert_eq!(rig.kind(), PhaseKind::Ready);
    rig.send(Event::Suspend, 5.0);
    assert!(!rig.session.is_paused());
    rig.key(Key::Space, 60.0);
    assert_eq!(rig.kind(), PhaseKind::Work { side: None, rep: 1 });
    assert_eq!(rig.remaining(70.0), s(20.0));
}

#[test]
fn check_ins_wait_for_the_answer_and_next_skips_them() {
    let mut rig = Rig::new(routine(
        0,
        vec![check_in(), timed("A", Sides::Both, 10, 1, 0), check_in()],
    ));
    assert!(rig.session.awaiting_check_in());
    assert_eq!(rig.session.next_wakeup(rig.at(0.0)), None);
    rig.send(
        Event::CheckedIn {
            pain: None,
            spread: false,
        },
        30.0,
    );
    assert_eq!(rig.step(), 1);
    assert_eq!(rig.remaining(35.0), s(5.0), "the hold starts at the answer");
    rig.tick(40.0);
    let fx = rig.key(Key::Next, 45.0);
    assert_eq!(
        records(&fx),
        vec![Record::SessionEnded {
            outcome: Outcome::Completed,
            elapsed: s(10.0)
        }]
    );
}

#[test]
fn check_in_answers_are_ignored_outside_a_check_in() {
    let mut rig = Rig::new(routine(0, vec![timed("A", Sides::Both, 10, 1, 0)]));
    assert!(
        rig.send(
            Event::CheckedIn {
                pain: None,
                spread: false
            },
            1.0
        )
        .is_empty()
    );
}

#[test]
fn interrupt_ends_and_records_the_partial_step() {
    let mut rig = Rig::new(routine(5, vec![timed("A", Sides::Both, 30, 1, 0)]));
    let fx = rig.send(Event::Interrupt, 20.0);
    assert_eq!(
        records(&fx),
        vec![
            Record::StepDone {
                step: 0,
                planned: s(35.0),
                actual: s(20.0),
                skipped: true
            },
            Record::SessionEnded {
                outcome: Outcome::Interrupted,
                elapsed: s(20.0)
            }
        ]
    );
}

#[test]
fn next_wakeup_is_the_next_second_boundary_or_halfway() {
    let mut rig = Rig::new(routine(0, vec![timed("A", Sides::Both, 15, 1, 0)]));
    assert_eq!(rig.session.next_wakeup(rig.at(0.0)), Some(rig.at(1.0)));
    assert_eq!(rig.session.next_wakeup(rig.at(6.2)), Some(rig.at(7.0)));
    // Halfway is at 7.5 s.
    rig.tick(7.0);
    assert_eq!(rig.session.next_wakeup(rig.at(7.0)), Some(rig.at(7.5)));
    rig.tick(7.5);
    assert_eq!(rig.session.next_wakeup(rig.at(7.5)), Some(rig.at(8.0)));
    assert_eq!(rig.session.next_wakeup(rig.at(14.5)), Some(rig.at(15.0)));
}

#[test]
fn announcements_name_each_side() {
    let mut rig = Rig::new(routine(5, vec![timed("A", Sides::Each, 10, 1, 0)]));
    for t in 0..=30 {
        rig.tick(f64::from(t));
    }
    let words: Vec<_> = rig
        .fx
        .iter()
        .filter_map(|e| match e {
            Effect::Announce(a) => Some(a.clone()),
            _ => None,
        })
        .collect();
    assert!(words.contains(&Announcement::StepStart {
        step: 0,
        side: Some(Side::Left)
    }));
    assert!(words.contains(&Announcement::Switch {
        to: Side::Right,
        after: s(5.0)
    }));
    assert!(words.contains(&Announcement::Go {
        side: Some(Side::Right),
        rep: 1
    }));
}

#[test]
fn session_totals_follow_adjustments() {
    let mut rig = Rig::new(routine(
        5,
        vec![
            timed("A", Sides::Both, 30, 1, 0),
            timed("B", Sides::Both, 30, 1, 0),
        ],
    ));
    assert_eq!(rig.session.total_remaining(rig.at(0.0)), s(70.0));
    rig.tick(10.0);
    rig.key(Key::MoreTime, 10.0);
    assert_eq!(rig.session.total_remaining(rig.at(10.0)), s(75.0));
    assert_eq!(rig.session.total_done(rig.at(10.0)), s(10.0));
    rig.key(Key::Next, 12.0);
    assert_eq!(
        rig.session.total_done(rig.at(12.0)),
        s(50.0),
        "a skipped step counts as behind"
    );
}

// ---- The pain-monitoring rule ----------------------------------------------------------------

fn checked(pain: u8, spread: bool) -> Event {
    Event::CheckedIn {
        pain: Some(pain),
        spread,
    }
}

/// A routine of a hold, a check-in, then two more holds; started with pain `baseline`.
fn rule_rig(baseline: Option<u8>) -> Rig {
    let mut rig = Rig::new(routine(
        0,
        vec![
            timed("A", Sides::Both, 10, 1, 0),
            check_in(),
            timed("B", Sides::Both, 30, 1, 0),
            timed("C", Sides::Both, 30, 1, 0),
        ],
    ));
    rig.session.set_baseline(baseline);
    rig.tick(10.0);
    assert!(rig.session.awaiting_check_in());
    rig
}

#[test]
fn each_trigger_pauses_and_offers_the_choices() {
    let cases = [
        (Some(3), checked(5, false), Some(PainTrigger::Rise)),
        (Some(5), checked(6, false), Some(PainTrigger::High)),
        (Some(2), checked(3, true), Some(PainTrigger::Spread)),
        (Some(4), checked(5, false), None),
        (None, checked(5, false), None),
        (None, checked(7, false), Some(PainTrigger::High)),
        // Pain already above 5 before the session is not the exercise's doing.
        (Some(7), checked(6, false), None),
        (Some(7), checked(7, false), None),
        (Some(7), checked(8, false), Some(PainTrigger::High)),
    ];
    for (baseline, event, trigger) in cases {
        let mut rig = rule_rig(baseline);
        rig.send(event, 12.0);
        assert_eq!(rig.step(), 2, "the check-in is answered");
        match trigger {
            Some(t) => {
                assert_eq!(rig.session.overlay(), Some(Overlay::PainRule(t)));
                assert_eq!(
                    rig.remaining(100.0),
                    s(30.0),
                    "paused until a choice is made"
                );
                rig.key(Key::Next, 13.0);
                rig.key(Key::Back, 13.0);
                assert_eq!(
                    rig.session.overlay(),
                    Some(Overlay::PainRule(t)),
                    "only a choice closes it"
                );
            }
            None => assert_eq!(rig.session.overlay(), None),
        }
    }
}

#[test]
fn stop_ends_the_session_and_records_the_choice() {
    let mut rig = rule_rig(Some(2));
    rig.send(checked(6, false), 12.0);
    let fx = rig.key(Key::Choose(PainChoice::Stop), 14.0);
    assert!(records(&fx).contains(&Record::PainRule {
        trigger: PainTrigger::Rise,
        choice: PainChoice::Stop
    }));
    assert_eq!(rig.session.outcome(), Some(Outcome::Quit));
}

#[test]
fn skip_moves_past_the_step_ahead() {
    let mut rig = rule_rig(Some(2));
    rig.send(checked(6, false), 12.0);
    rig.key(Key::Choose(PainChoice::Skip), 14.0);
    assert_eq!(rig.step(), 3);
    assert_eq!(rig.session.overlay(), None);
    assert!(!rig.session.is_paused());
    assert_eq!(rig.remaining(20.0), s(24.0));
}

#[test]
fn gentler_shortens_every_hold_by_a_third_from_now_on() {
    let mut rig = rule_rig(Some(2));
    rig.send(checked(6, false), 12.0);
    rig.key(Key::Choose(PainChoice::Gentler), 14.0);
    assert_eq!(rig.session.overlay(), None);
    assert_eq!(rig.remaining(14.0), s(20.0), "30 s becomes 20 s");
    let c = rig.session.phases().last().unwrap().duration;
    assert_eq!(c, s(20.0));
}

#[test]
fn this_hurts_during_a_hold_eases_off_at_once() {
    let mut rig = Rig::new(routine(
        0,
        vec![
            timed("A", Sides::Both, 30, 2, 0),
            timed("B", Sides::Both, 9, 1, 0),
        ],
    ));
    rig.key(Key::ThisHurts, 12.0);
    assert_eq!(
        rig.session.overlay(),
        Some(Overlay::PainRule(PainTrigger::ThisHurts))
    );
    assert_eq!(rig.remaining(40.0), s(18.0), "paused");
    rig.key(Key::Choose(PainChoice::Gentler), 40.0);
    // 12 s already held of a hold that is now 20 s.
    assert_eq!(rig.remaining(40.0), s(8.0));
    assert_eq!(rig.session.phases()[1].duration, s(20.0));
    assert_eq!(rig.session.phases()[2].duration, s(6.0));
    let mut skip = Rig::new(routine(
        0,
        vec![
            timed("A", Sides::Both, 30, 1, 0),
            timed("B", Sides::Both, 9, 1, 0),
        ],
    ));
    skip.key(Key::ThisHurts, 5.0);
    let fx = skip.key(Key::Choose(PainChoice::Skip), 6.0);
    assert_eq!(skip.step(), 1, "this step is skipped");
    assert_eq!(steps_done(&fx), vec![(0, 30_000, 5_000, true)]);
}

#[test]
fn a_hold_already_longer_than_its_gentler_length_ends_now() {
    let mut rig = Rig::new(routine(
        0,
        vec![
            timed("A", Sides::Both, 30, 1, 0),
            timed("B", Sides::Both, 30, 1, 0),
        ],
    ));
    rig.key(Key::ThisHurts, 25.0);
    rig.key(Key::Choose(PainChoice::Gentler), 26.0);
    assert_eq!(rig.step(), 1, "A had run 25 s of its new 20 s");
    assert_eq!(rig.remaining(26.0), s(20.0));
}

fn still_waiting(fx: &[Effect]) -> usize {
    fx.iter()
        .filter(|e| **e == Effect::Announce(Announcement::StillWaiting))
        .count()
}

#[test]
fn a_step_that_waits_says_so_once_more_after_30_seconds_with_nothing_pressed() {
    let mut waiting = timed("Ball", Sides::Both, 30, 1, 0);
    waiting.wait_for_key = true;
    let mut rig = Rig::new(routine(5, vec![waiting.clone()]));
    assert_eq!(rig.session.next_wakeup(rig.at(1.0)), Some(rig.at(30.0)));
    assert_eq!(still_waiting(&rig.tick(29.9)), 0);
    assert_eq!(still_waiting(&rig.tick(30.0)), 1);
    // Once, never again, and nothing more to wake for.
    assert_eq!(rig.session.next_wakeup(rig.at(30.0)), None);
    assert_eq!(still_waiting(&rig.tick(60.0)), 0);
    assert_eq!(still_waiting(&rig.tick(3600.0)), 0);
    assert_eq!(rig.kind(), PhaseKind::Ready);

    // A key pressed while it waits (help, opened and closed) starts the 30 s again.
    let mut rig = Rig::new(routine(5, vec![waiting.clone()]));
    rig.key(Key::Help, 20.0);
    assert_eq!(
        rig.session.next_wakeup(rig.at(25.0)),
        None,
        "nothing is said over the help"
    );
    assert_eq!(still_waiting(&rig.tick(31.0)), 0);
    rig.key(Key::Help, 40.0);
    assert_eq!(rig.session.next_wakeup(rig.at(40.0)), Some(rig.at(70.0)));
    assert_eq!(still_waiting(&rig.tick(69.0)), 0);
    assert_eq!(still_waiting(&rig.tick(70.0)), 1);

    // Back from a stop (Ctrl-Z, or a window too small), the person is there: no reminder.
    let mut rig = Rig::new(routine(5, vec![waiting.clone()]));
    rig.send(Event::Suspend, 10.0);
    assert_eq!(still_waiting(&rig.tick(45.0)), 0);
    assert_eq!(rig.session.next_wakeup(rig.at(45.0)), None);

    // In position in time: the countdown goes on, and no reminder comes.
    let mut rig = Rig::new(routine(5, vec![waiting]));
    rig.key(Key::Space, 12.0);
    assert_eq!(rig.kind(), PhaseKind::LeadIn);
    let later = rig.tick(42.0);
    assert_eq!(still_waiting(&rig.fx), 0, "{later:?}");
}
