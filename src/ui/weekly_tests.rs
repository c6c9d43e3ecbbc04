//! The weekly check's screen at each kind of question, and whole at 40 x 12.

use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use uuid::Uuid;

use super::Theme;
use super::weekly::render;
use crate::visit::FormKey;
use crate::weekly::Weekly;

fn draw(width: u16, height: u16, weekly: &Weekly) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| {
            let area = frame.area();
            render(weekly, Theme::colored(), area, frame.buffer_mut());
        })
        .unwrap();
    terminal.backend().to_string()
}

fn typed(w: &mut Weekly, keys: &str) {
    for c in keys.chars() {
        w.key(if c == '\n' {
            FormKey::Enter
        } else {
            FormKey::Char(c)
        });
    }
}

#[test]
fn the_pain_question_shows_the_scale_and_its_anchor_words() {
    let w = Weekly::new(Uuid::nil(), &[]);
    let screen = draw(100, 30, &w);
    for words in [
        "Leg pain over the past week, from 0 to 10",
        "question 1 of 5",
        "worst pain imaginable",
        "Esc skip the rest",
    ] {
        assert!(screen.contains(words), "{words}: {screen}");
    }
    assert_snapshot!(screen);
}

#[test]
fn a_name_is_typed_and_a_rating_has_the_functional_scale_anchors() {
    let mut w = Weekly::new(Uuid::nil(), &[]);
    typed(&mut w, "62yn");
    typed(&mut w, "Sitting through a fi");
    let naming = draw(100, 30, &w);
    assert!(naming.contains("> Sitting through a fi"), "{naming}");
    assert!(
        naming.contains("leg 6  ·  back 2  ·  numbness: yes  ·  weakness: no"),
        "{naming}"
    );
    assert_snapshot!(naming);
    typed(&mut w, "lm\n\n");
    let rating = draw(100, 30, &w);
    for words in [
        "How well can you do this now: Sitting through a film?",
        "unable to do it",
        "as well as before the problem",
        "e rename it",
    ] {
        assert!(rating.contains(words), "{words}: {rating}");
    }
}

#[test]
fn at_40_by_12_every_question_and_its_keys_are_whole() {
    let mut w = Weekly::new(Uuid::nil(), &["Walking to the shop".to_string()]);
    let first = draw(40, 12, &w);
    // Esc and q are the same everywhere, and give way first in a narrow footer.
    assert!(first.contains("0-9 or t (10)   Enter skip"), "{first}");
    assert_snapshot!(first);
    typed(&mut w, "\n\n");
    let yes_no = draw(40, 12, &w);
    assert!(yes_no.contains("y yes"), "{yes_no}");
    assert!(yes_no.contains("n no"), "{yes_no}");
    typed(&mut w, "\n\n");
    let rate = draw(40, 12, &w);
    assert!(rate.contains("Walking"), "{rate}");
    assert!(rate.contains("e rename it"), "{rate}");
    assert_snapshot!(rate);
}
