//! `unknot desk`'s screens, drawn from the desk machine moved along with a fake clock.
#![expect(
    clippy::disallowed_methods,
    reason = "a real instant is only the fake clock's origin; every other instant is built from it"
)]

use std::time::{Duration, Instant};

use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::Theme;
use super::desk::{DeskView, render};
use crate::desk::{Desk, Event, Rhythm};

const MIN: Duration = Duration::from_secs(60);

fn desk(t0: Instant) -> Desk {
    Desk::new(
        Rhythm {
            every: 45 * MIN,
            snooze: 10 * MIN,
        },
        t0,
    )
}

fn draw(width: u16, height: u16, desk: &Desk, now: Instant, next_at: Option<&str>) -> String {
    let view = DeskView {
        desk,
        sitting: desk.sitting(now),
        next_at: next_at.map(String::from),
        routine: "Desk break",
        length: Duration::from_secs(330),
        notice: None,
    };
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| {
            let area = frame.area();
            render(&view, Theme::colored(), area, frame.buffer_mut());
        })
        .unwrap();
    terminal.backend().to_string()
}

#[test]
fn between_breaks_the_next_one_shows_in_big_digits_with_the_answers_so_far() {
    let t0 = Instant::now();
    let mut d = desk(t0);
    d.handle(Event::Tick, t0 + 45 * MIN);
    d.handle(Event::Snooze, t0 + 46 * MIN);
    let screen = draw(100, 30, &d, t0 + 47 * MIN, Some("10:56"));
    assert!(screen.contains("Next break at"), "{screen}");
    assert!(screen.contains("1 snoozed"), "{screen}");
    assert!(screen.contains("b  take a break now"), "{screen}");
    assert_snapshot!(screen);
}

#[test]
fn the_prompt_says_how_long_you_have_sat_and_offers_three_answers() {
    let t0 = Instant::now();
    let mut d = desk(t0);
    d.handle(Event::Tick, t0 + 45 * MIN);
    let screen = draw(100, 30, &d, t0 + 45 * MIN, None);
    for words in [
        "Time to stand up and move",
        "You have been sitting for 45 minutes.",
        "Desk break, 5 minutes 30 seconds",
        "Enter  start the desk break",
        "z  snooze",
        "k  skip",
    ] {
        assert!(screen.contains(words), "{words}: {screen}");
    }
    assert_snapshot!(screen);
}

#[test]
fn at_40_by_12_the_prompt_and_every_answer_are_whole() {
    let t0 = Instant::now();
    let mut d = desk(t0);
    d.handle(Event::Tick, t0 + 45 * MIN);
    let screen = draw(40, 12, &d, t0 + 50 * MIN, None);
    for words in [
        "Time to stand up and move",
        "Enter",
        "z  snooze",
        "k  skip",
        "q  quit",
    ] {
        assert!(screen.contains(words), "{words}: {screen}");
    }
    assert_snapshot!(screen);
    let sitting = draw(40, 12, &desk(t0), t0, Some("10:45"));
    assert!(sitting.contains("Next break at"), "{sitting}");
    assert!(sitting.contains("q  quit"), "{sitting}");
    assert_snapshot!(sitting);
}
