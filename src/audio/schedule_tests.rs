//! The cue schedule of whole bundled routines, run through the engine with a fake clock the way
//! the app runs it: woken at each deadline, a person answering check-ins and getting into
//! position a couple of seconds later.
#![expect(
    clippy::disallowed_methods,
    reason = "a real instant is only the fake clock's origin; every other instant is built from it"
)]

use std::path::Path;
use std::time::{Duration, Instant};

use rodio::Source;

use super::Sounds;
use crate::config::SoundFiles;
use crate::routine::Catalog;
use crate::session::{Cue, Effect, Event, Key, PhaseKind, Session};

/// Every cue of a routine and when it sounds, in seconds from the start.
fn schedule(name: &str) -> Vec<(f64, Cue)> {
    let catalog = Catalog::load(Path::new("/nonexistent"));
    let routine = catalog.find(name).unwrap().routine.clone();
    let t0 = Instant::now();
    let (mut session, fx) = Session::begin(routine, t0);
    let mut heard = Vec::new();
    let note = |now: Instant, fx: Vec<Effect>, heard: &mut Vec<(f64, Cue)>| {
        let batch: Vec<Cue> = fx
            .into_iter()
            .filter_map(|e| match e {
                Effect::Cue(c) => Some(c),
                _ => None,
            })
            .collect();
        assert!(batch.len() <= 1, "two cues at once: {batch:?}");
        heard.extend(batch.into_iter().map(|c| ((now - t0).as_secs_f64(), c)));
    };
    note(t0, fx, &mut heard);
    let mut now = t0;
    while session.outcome().is_none() {
        // A step that waits is answered before its reminder.
        let wake = session
            .next_wakeup(now)
            .filter(|_| session.phase().kind != PhaseKind::Ready);
        let event = if let Some(wake) = wake {
            now = wake;
            Event::Tick
        } else {
            // The person takes two seconds to answer or to get into position.
            now += Duration::from_secs(2);
            match session.phase().kind {
                PhaseKind::Ready => Event::Key(Key::Space),
                _ => Event::CheckedIn {
                    pain: None,
                    spread: false,
                },
            }
        };
        let fx = session.handle(event, now);
        note(now, fx, &mut heard);
    }
    heard
}

#[test]
fn no_cue_of_a_bundled_routine_plays_over_another() {
    let (sounds, _) = Sounds::load(&SoundFiles::default());
    for name in ["gentle-start", "daily-standard", "desk-break"] {
        let heard = schedule(name);
        assert!(heard.len() > 20, "{name}: {}", heard.len());
        assert_eq!(heard.last().map(|h| h.1), Some(Cue::SessionComplete));
        for pair in heard.windows(2) {
            let (at, cue) = pair[0];
            let length = sounds.get(cue).unwrap().total_duration().unwrap();
            let gap = pair[1].0 - at;
            assert!(
                gap >= length.as_secs_f64(),
                "{name}: {cue:?} at {at:.2} s lasts {:.2} s but {:?} follows {gap:.2} s later",
                length.as_secs_f64(),
                pair[1].1
            );
        }
    }
}

#[test]
fn the_desk_break_schedule() {
    let lines: Vec<String> = schedule("desk-break")
        .into_iter()
        .map(|(at, cue)| format!("{at:7.2} s  {}", cue.name()))
        .collect();
    insta::assert_snapshot!(lines.join("\n"));
}
