//! Every screen drawn at fixed sizes into a test backend and compared with its snapshot.

use std::path::Path;
use std::time::{Duration, Instant};

use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};

use super::home::Home;
use super::*;
use crate::routine::{Catalog, Routine, parse};
use crate::session::{Event, Key, Session};
use crate::summary::Summary;

const ROUTINE: &str = r#"(
    title: "Test routine",
    summary: "Two steps and a check-in.",
    level: Gentle,
    lead_in: 5,
    steps: [
        (
            title: "Tennis ball under the glutes",
            kind: Massage,
            tool: Some(TennisBall),
            sides: Each,
            seconds: 90,
            rest: 10,
            wait_for_key: true,
            instructions: ["Sit on the floor, the ball under one buttock.", "Lean into it slowly; breathe."],
            caution: Some("Move off any spot that sends tingling or shooting pain down the leg."),
        ),
        (title: "How is the pain now?", kind: CheckIn),
        (
            title: "Knee to chest",
            kind: Stretch,
            sides: Each,
            seconds: 30,
            reps: 3,
            rest: 10,
            instructions: ["Bring one knee up and hold it with both hands."],
        ),
    ],
)"#;

fn routine() -> Routine {
    parse(ROUTINE, Path::new("test.ron")).unwrap()
}

fn draw(width: u16, height: u16, f: impl Fn(Rect, &mut Buffer)) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| {
            let area = frame.area();
            if too_small(area) {
                render_too_small(area, frame.buffer_mut(), &Theme::colored());
            } else {
                f(area, frame.buffer_mut());
            }
        })
        .unwrap();
    terminal
}

/// A session moved along by keys and time, then drawn at `at` seconds after its start.
fn session_at(keys: &[(f64, Event)], at: f64) -> (Session, Instant) {
    let t0 = Instant::now();
    let (mut session, _) = Session::begin(routine(), t0);
    for (secs, event) in keys {
        session.handle(*event, t0 + Duration::from_secs_f64(*secs));
    }
    let now = t0 + Duration::from_secs_f64(at);
    session.handle(Event::Tick, now);
    (session, now)
}

fn draw_session(width: u16, height: u16, session: &Session, now: Instant) -> Terminal<TestBackend> {
    draw(width, height, |area, buf| {
        session::render(session, now, &Theme::colored(), area, buf)
    })
}

const READY: (f64, Event) = (0.0, Event::Key(Key::Space));

#[test]
fn session_waiting_for_the_person() {
    let (s, now) = session_at(&[], 3.0);
    assert_snapshot!(draw_session(100, 30, &s, now).backend());
}

#[test]
fn session_lead_in() {
    let (s, now) = session_at(&[READY], 2.0);
    assert_snapshot!(draw_session(100, 30, &s, now).backend());
}

#[test]
fn session_hold_left_side() {
    let (s, now) = session_at(&[READY], 5.0 + 27.4);
    assert_snapshot!(draw_session(100, 30, &s, now).backend());
}

#[test]
fn session_switching_sides() {
    let (s, now) = session_at(&[READY], 5.0 + 90.0 + 4.0);
    assert_snapshot!(draw_session(100, 30, &s, now).backend());
}

#[test]
fn session_paused() {
    let (s, now) = session_at(&[READY, (20.0, Event::Key(Key::Space))], 60.0);
    let terminal = draw_session(100, 30, &s, now);
    assert_snapshot!(terminal.backend());
    // Paused is said in words and shown in reverse video, not by colour alone.
    let buf = terminal.backend().buffer();
    let row: String = (0..100).map(|x| buf[(x, 2)].symbol()).collect();
    assert!(row.contains("Paused"));
    let cell = (0..100)
        .map(|x| &buf[(x, 2)])
        .find(|c| c.symbol() == "P")
        .unwrap();
    assert!(cell.modifier.contains(Modifier::REVERSED));
}

#[test]
fn session_at_the_minimum_size() {
    let (s, now) = session_at(&[READY], 5.0 + 27.4);
    assert_snapshot!(draw_session(40, 12, &s, now).backend());
}

#[test]
fn session_at_80_by_24() {
    let (s, now) = session_at(&[READY], 5.0 + 61.0);
    assert_snapshot!(draw_session(80, 24, &s, now).backend());
}

#[test]
fn session_help_overlay() {
    let (s, now) = session_at(&[READY, (10.0, Event::Key(Key::Help))], 12.0);
    assert_snapshot!(draw_session(80, 24, &s, now).backend());
}

#[test]
fn session_confirm_quit() {
    let (s, now) = session_at(&[READY, (10.0, Event::Key(Key::Quit))], 12.0);
    assert_snapshot!(draw_session(80, 24, &s, now).backend());
}

#[test]
fn check_in() {
    let (s, now) = session_at(&[READY, (10.0, Event::Key(Key::Next))], 11.0);
    assert!(s.awaiting_check_in());
    assert_snapshot!(draw_session(80, 24, &s, now).backend());
}

#[test]
fn check_in_at_the_minimum_size() {
    let (s, now) = session_at(&[READY, (10.0, Event::Key(Key::Next))], 11.0);
    assert_snapshot!(draw_session(40, 12, &s, now).backend());
}

#[test]
fn later_rep_with_rest_next() {
    let keys = [
        READY,
        (10.0, Event::Key(Key::Next)),
        (11.0, Event::CheckIn(Some(5))),
    ];
    // Knee to chest: lead-in 5, rep 1 30, rest 10, rep 2 at 45 s after the answer.
    let (s, now) = session_at(&keys, 11.0 + 50.0);
    assert_snapshot!(draw_session(100, 30, &s, now).backend());
}

#[test]
fn too_small_notice() {
    let (s, now) = session_at(&[], 0.0);
    assert_snapshot!(draw_session(30, 8, &s, now).backend());
}

fn home(selected: usize, broken: usize) -> Home {
    let catalog = Catalog::load(Path::new("/nonexistent"));
    Home {
        entries: catalog.entries,
        selected,
        broken,
    }
}

#[test]
fn home_wide() {
    let h = home(1, 0);
    let t = draw(100, 30, |area, buf| {
        home::render(&h, &Theme::colored(), area, buf)
    });
    assert_snapshot!(t.backend());
}

#[test]
fn home_narrow_with_a_broken_file() {
    let h = home(0, 1);
    let t = draw(60, 20, |area, buf| {
        home::render(&h, &Theme::colored(), area, buf)
    });
    assert_snapshot!(t.backend());
}

#[test]
fn summary_after_a_stop() {
    let keys = [
        READY,
        (10.0, Event::Key(Key::Next)),
        (11.0, Event::CheckIn(Some(3))),
        (20.0, Event::Key(Key::Quit)),
        (21.0, Event::Key(Key::Yes)),
    ];
    let t0 = Instant::now();
    let (mut session, fx) = Session::begin(routine(), t0);
    let mut records: Vec<_> = fx.into_iter().collect();
    for (secs, event) in keys {
        records.extend(session.handle(event, t0 + Duration::from_secs_f64(secs)));
    }
    let records: Vec<_> = records
        .into_iter()
        .filter_map(|e| match e {
            crate::session::Effect::Record(r) => Some(r),
            _ => None,
        })
        .collect();
    let s = Summary::new(session.routine(), &records);
    let t = draw(80, 20, |area, buf| {
        summary::render(&s, true, &Theme::colored(), area, buf)
    });
    assert_snapshot!(t.backend());
}

#[test]
fn no_color_draws_no_colours() {
    let (s, now) = session_at(&[READY], 5.0 + 27.4);
    let theme = Theme::plain();
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal
        .draw(|f| session::render(&s, now, &theme, f.area(), f.buffer_mut()))
        .unwrap();
    let buf = terminal.backend().buffer();
    assert!(buf.content().iter().all(|c| c.fg == Color::Reset));
}
