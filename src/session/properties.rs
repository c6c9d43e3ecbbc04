//! Properties of the engine over random routines, keys and times (proptest): time is never
//! negative, a pause never advances, the parts always add up, and no key sequence breaks it.
#![expect(
    clippy::disallowed_methods,
    reason = "a real instant is only the fake clock's origin; every other instant is built from it"
)]

use std::time::{Duration, Instant};

use proptest::prelude::*;

use super::*;
use crate::history::PainChoice;
use crate::routine::{Sides, Step, StepKind};

fn step_strategy() -> impl Strategy<Value = Step> {
    (
        prop_oneof![
            Just(StepKind::Stretch),
            Just(StepKind::Massage),
            Just(StepKind::CheckIn)
        ],
        prop_oneof![
            Just(Sides::Both),
            Just(Sides::Left),
            Just(Sides::Right),
            Just(Sides::Each)
        ],
        1u32..40,
        1u32..4,
        0u32..8,
        any::<bool>(),
    )
        .prop_map(|(kind, sides, seconds, reps, rest, wait_for_key)| Step {
            title: "S".into(),
            kind,
            tool: None,
            sides,
            seconds: if kind == StepKind::CheckIn {
                0
            } else {
                seconds
            },
            reps,
            rest,
            wait_for_key,
            instructions: vec![],
            caution: None,
            figure: None,
        })
}

fn routine_strategy() -> impl Strategy<Value = Routine> {
    (0u32..6, proptest::collection::vec(step_strategy(), 1..6)).prop_map(|(lead_in, mut steps)| {
        // A routine always has a timed step.
        steps.push(Step {
            kind: StepKind::Stretch,
            seconds: 5,
            ..steps[0].clone()
        });
        Routine::of_steps(lead_in, steps)
    })
}

fn event_strategy() -> impl Strategy<Value = Event> {
    prop_oneof![
        4 => Just(Event::Tick),
        1 => Just(Event::Key(Key::Space)),
        1 => Just(Event::Key(Key::Next)),
        1 => Just(Event::Key(Key::Previous)),
        1 => Just(Event::Key(Key::MoreTime)),
        1 => Just(Event::Key(Key::LessTime)),
        1 => Just(Event::Key(Key::Quit)),
        1 => Just(Event::Key(Key::Help)),
        1 => Just(Event::Key(Key::Yes)),
        1 => Just(Event::Key(Key::Back)),
        1 => Just(Event::Key(Key::ThisHurts)),
        1 => Just(Event::Key(Key::Safety)),
        1 => Just(Event::Suspend),
        1 => Just(Event::Key(Key::Choose(PainChoice::Skip))),
        1 => Just(Event::Key(Key::Choose(PainChoice::Gentler))),
        1 => (proptest::option::of(0u8..=10), any::<bool>())
            .prop_map(|(pain, spread)| Event::CheckedIn { pain, spread }),
    ]
}

/// Everything that must hold at any moment of any session.
fn consistent(s: &Session, now: Instant) -> Result<(), TestCaseError> {
    prop_assert!(s.current_index() < s.phases().len());
    prop_assert!(s.remaining(now) <= s.phase().duration);
    prop_assert_eq!(
        s.elapsed(now) + s.remaining(now),
        s.phase().duration.max(s.elapsed(now))
    );
    let total: Duration = s.phases().iter().map(|p| p.duration).sum();
    if s.outcome().is_none() {
        prop_assert_eq!(s.total_done(now) + s.total_remaining(now), total);
        if let Some(wake) = s.next_wakeup(now) {
            prop_assert!(wake >= now, "wakes in the past");
            // A step that waits wakes only to say once more that it waits.
            let most = if s.phase().kind == PhaseKind::Ready {
                super::REMIND_AFTER
            } else {
                Duration::from_secs(1)
            };
            prop_assert!(wake - now <= most);
        }
        if s.is_paused() || s.overlay().is_some() {
            prop_assert!(s.next_wakeup(now).is_none(), "a pause sleeps");
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_keys_at_any_times_leave_a_consistent_session(
        routine in routine_strategy(),
        events in proptest::collection::vec((0u64..3000, event_strategy()), 0..80),
    ) {
        let t0 = Instant::now();
        let (mut s, _) = Session::begin(routine, t0);
        let mut now = t0;
        for (gap_ms, event) in events {
            now += Duration::from_millis(gap_ms);
            let fx = s.handle(event, now);
            let cues = fx.iter().filter(|e| matches!(e, Effect::Cue(_))).count();
            prop_assert!(cues <= 1, "one cue a moment");
            consistent(&s, now)?;
            if s.outcome().is_some() {
                prop_assert!(s.handle(Event::Tick, now + Duration::from_secs(60)).is_empty());
                break;
            }
        }
    }

    #[test]
    fn a_pause_never_advances(
        routine in routine_strategy(),
        run_ms in 0u64..20_000,
        paused_ms in 0u64..600_000,
    ) {
        let t0 = Instant::now();
        let (mut s, _) = Session::begin(routine, t0);
        let at = t0 + Duration::from_millis(run_ms);
        s.handle(Event::Tick, at);
        prop_assume!(s.outcome().is_none() && s.phase().is_timed());
        s.handle(Event::Key(Key::Space), at);
        prop_assume!(s.is_paused());
        let (phase, left) = (s.current_index(), s.remaining(at));
        let later = at + Duration::from_millis(paused_ms);
        s.handle(Event::Tick, later);
        prop_assert_eq!(s.current_index(), phase);
        prop_assert_eq!(s.remaining(later), left);
    }

    #[test]
    fn left_alone_a_session_ends_exactly_at_its_planned_length(
        routine in routine_strategy().prop_filter("no waiting", |r| {
            r.steps.iter().all(|s| !s.wait_for_key && s.kind != StepKind::CheckIn)
        }),
        tick_ms in 1u64..2000,
    ) {
        let planned = Timeline::new(&routine).planned_total();
        let t0 = Instant::now();
        let (mut s, _) = Session::begin(routine, t0);
        let mut now = t0;
        let mut elapsed = None;
        while s.outcome().is_none() {
            now += Duration::from_millis(tick_ms);
            for e in s.handle(Event::Tick, now) {
                if let Effect::Record(Record::SessionEnded { elapsed: e, .. }) = e {
                    elapsed = Some(e);
                }
            }
        }
        prop_assert_eq!(elapsed, Some(planned), "time never drifts, however it is ticked");
    }
}
