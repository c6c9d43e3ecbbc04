//! A pain check-in: one keystroke, with the scale's anchor words always on screen.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::{Theme, keys_line};
use crate::routine::Step;
use crate::text;

pub fn render(step: &Step, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let [_, title_a, question_a, scale_a, anchors_a, _, keys_a] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(2),
        Constraint::Length(2),
        Constraint::Length(2),
        Constraint::Length(5),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);

    Paragraph::new(Line::styled(step.title.clone(), theme.heading()))
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true })
        .render(title_a, buf);
    Paragraph::new(Line::from(text::PAIN_QUESTION))
        .alignment(Alignment::Center)
        .render(question_a, buf);

    // The numbers as the keys to press; 10 is typed as t.
    let mut scale: Vec<Span> = (0..=9)
        .map(|n| Span::styled(format!(" {n} "), theme.heading()))
        .collect();
    scale.push(Span::styled(" t=10 ", theme.heading()));
    Paragraph::new(Line::from(scale))
        .alignment(Alignment::Center)
        .render(scale_a, buf);

    let anchors: Vec<Line> = text::PAIN_ANCHORS
        .iter()
        .map(|(n, words)| Line::from(format!("{n:>5}  {words:<21}")))
        .collect();
    Paragraph::new(anchors)
        .alignment(Alignment::Center)
        .render(anchors_a, buf);

    Paragraph::new(keys_line(text::STATUS_KEYS_CHECK_IN, theme)).render(keys_a, buf);
}
