//! Every bundled figure pinned in the terminal at two sizes, its left side, the block fallback,
//! and the session screen giving it room beside, above, or none.
#![expect(
    clippy::disallowed_methods,
    reason = "a real instant is only the fake clock's origin; every other instant is built from it"
)]

use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::symbols::Marker;

use super::figure::lines;
use super::{Theme, session};
use crate::figure::{View, library};
use crate::routine::{Side, parse};
use crate::session::{Event, Session};

/// Every pose drawn `width` x `height` on `side`, under its name.
fn every_pose(marker: Marker, side: Option<Side>, width: u16, height: u16) -> String {
    let mut out = String::new();
    for (name, figure) in library::all() {
        let drawn = lines(figure, side, marker, width, height);
        assert!(!drawn.is_empty(), "{name} at {width} x {height}");
        let _ = writeln!(out, "{name}\n{}\n", drawn.join("\n"));
    }
    out
}

#[test]
fn every_figure_in_braille_at_48_by_12() {
    assert_snapshot!(every_pose(Marker::Braille, Some(Side::Right), 48, 12));
}

#[test]
fn every_figure_in_braille_at_32_by_8() {
    assert_snapshot!(every_pose(Marker::Braille, Some(Side::Right), 32, 8));
}

#[test]
fn every_figure_on_the_left_side() {
    assert_snapshot!(every_pose(Marker::Braille, Some(Side::Left), 48, 12));
}

#[test]
fn every_figure_in_half_blocks_for_a_font_without_braille() {
    let drawn = every_pose(Marker::HalfBlock, None, 48, 12);
    assert!(
        !drawn
            .chars()
            .any(|c| ('\u{2800}'..='\u{28FF}').contains(&c))
    );
    assert_snapshot!(drawn);
}

#[test]
fn the_left_and_right_figures_of_a_one_sided_step_differ_and_say_their_side() {
    for (name, figure) in library::all() {
        let left = lines(figure, Some(Side::Left), Marker::Braille, 48, 12);
        let right = lines(figure, Some(Side::Right), Marker::Braille, 48, 12);
        assert_ne!(
            left,
            right,
            "{name}:\n{}\n{}",
            left.join("\n"),
            right.join("\n")
        );
        assert!(left.iter().any(|l| l.contains("left side")), "{name}");
        assert!(right.iter().any(|l| l.contains("right side")), "{name}");
    }
}

#[test]
fn a_one_sided_figure_has_the_key_to_its_thick_line_under_its_side_in_braille_and_half_blocks() {
    for marker in [Marker::Braille, Marker::HalfBlock] {
        for (name, figure) in library::all() {
            let drawn = lines(figure, Some(Side::Left), marker, 48, 12);
            let side = drawn.iter().position(|l| l.trim() == "left side");
            let key = drawn
                .iter()
                .position(|l| l.trim() == "thick line: the leg being worked");
            if figure.worked().is_some() {
                assert_eq!(
                    key,
                    side.map(|s| s + 1),
                    "{name}, {marker:?}:\n{}",
                    drawn.join("\n")
                );
            } else {
                assert!(side.is_some() && key.is_none(), "{name}, {marker:?}");
            }
            let both = lines(figure, None, marker, 48, 12);
            assert!(
                !both.iter().any(|l| l.contains("thick")),
                "{name}: a figure on both sides has no side and no key"
            );
        }
    }
}

#[test]
fn a_figure_seen_from_above_says_so_under_it_in_braille_and_half_blocks() {
    let sizes = [
        (Marker::Braille, 72, 12),
        (Marker::Braille, 48, 12),
        (Marker::Braille, 32, 8),
        (Marker::HalfBlock, 72, 12),
        (Marker::HalfBlock, 48, 12),
    ];
    for (marker, width, height) in sizes {
        for (name, figure) in library::all() {
            for side in [None, Some(Side::Left), Some(Side::Right)] {
                let drawn = lines(figure, side, marker, width, height);
                assert!(!drawn.is_empty(), "{name}, {marker:?}, {width} x {height}");
                let said = drawn.iter().position(|l| l.trim() == "seen from above");
                let moves = drawn.iter().position(|l| l.contains("start"));
                let shown = drawn.join("\n");
                match figure.view {
                    View::Above => assert!(
                        said.is_some() && said == moves.map(|m| m + 1),
                        "{name}, {marker:?}, {side:?}, {width} x {height}:\n{shown}"
                    ),
                    View::Side => {
                        assert_eq!(said, None, "{name}, {marker:?}:\n{shown}");
                    }
                }
            }
        }
    }
}

#[test]
fn a_narrow_figure_keys_its_thick_line_in_fewer_words() {
    let figure = library::figure("ball-on-wall").unwrap();
    let drawn = lines(figure, Some(Side::Right), Marker::Braille, 24, 12);
    assert!(
        drawn.iter().any(|l| l.trim() == "thick: leg worked"),
        "{}",
        drawn.join("\n")
    );
    assert!(drawn.iter().all(|l| l.chars().count() <= 24));
}

/// The dots a drawing sets: 1 to 8 for each braille cell, 1 for a half block, 2 for a full one.
fn ink(drawn: &[String]) -> u32 {
    drawn
        .iter()
        .flat_map(|l| l.chars())
        .map(|c| match c {
            '\u{2800}'..='\u{28FF}' => (u32::from(c) - 0x2800).count_ones(),
            '▀' | '▄' => 1,
            '█' => 2,
            _ => 0,
        })
        .sum()
}

#[test]
fn the_worked_limb_is_drawn_thicker_without_colour_in_braille_and_half_blocks() {
    // Two dots thick: where it crosses a prop or another limb it adds fewer, so 5 % at least.
    for marker in [Marker::Braille, Marker::HalfBlock] {
        for (name, figure) in library::all().filter(|(_, f)| f.worked().is_some()) {
            let mut plain = figure.clone();
            plain.marked.clear();
            let marked = ink(&lines(figure, None, marker, 48, 12));
            let unmarked = ink(&lines(&plain, None, marker, 48, 12));
            assert!(
                marked >= unmarked + unmarked / 20,
                "{name}, {marker:?}: {marked} dots with the leg marked, {unmarked} without"
            );
        }
    }
}

const ROUTINE: &str = r#"(
    title: "Figures",
    level: Gentle,
    lead_in: 5,
    steps: [
        (
            title: "Figure-4 stretch",
            kind: Stretch,
            tool: Some(Mat),
            pose: Some("figure-four"),
            sides: Each,
            seconds: 30,
            instructions: ["Lie on your back, knees bent.", "Cross one ankle over the other knee."],
        ),
    ],
)"#;

/// The session 8 seconds in: holding the figure-4 on the left side, 27 s to go.
fn draw_holding(width: u16, height: u16) -> Terminal<TestBackend> {
    let t0 = Instant::now();
    let routine = parse(ROUTINE, Path::new("figures.ron")).unwrap();
    let (mut session, _) = Session::begin(routine, t0);
    let now = t0 + Duration::from_secs(8);
    session.handle(Event::Tick, now);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| {
            let area = frame.area();
            let status = session::Status::default();
            session::render(
                &session,
                None,
                &status,
                now,
                Theme::plain(),
                area,
                frame.buffer_mut(),
            );
        })
        .unwrap();
    terminal
}

#[test]
fn a_wide_window_shows_the_figure_beside_the_instructions() {
    let t = draw_holding(120, 30);
    assert_snapshot!(t.backend());
}

#[test]
fn a_tall_window_shows_the_figure_above_the_instructions() {
    let t = draw_holding(60, 40);
    assert_snapshot!(t.backend());
}

#[test]
fn a_small_window_leaves_the_figure_out_and_keeps_the_countdown() {
    let t = draw_holding(40, 12);
    let shown = format!("{}", t.backend());
    assert!(
        !shown
            .chars()
            .any(|c| ('\u{2800}'..='\u{28FF}').contains(&c)),
        "{shown}"
    );
    assert!(shown.contains("27"), "{shown}");
}
