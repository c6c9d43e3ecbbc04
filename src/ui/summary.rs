//! The end of a session: what was done, the pain scores given, and advice for the rest of the day.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::{Theme, keys_line};
use crate::summary::Summary;
use crate::text;

pub fn render(summary: &Summary, from_home: bool, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let block =
        Block::bordered().title(Line::styled(format!(" {} ", summary.title), theme.title()));
    let inner = block.inner(area);
    block.render(area, buf);
    let [body_a, keys_a] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);

    let mut lines = vec![
        Line::styled(text::outcome(summary.outcome()), theme.heading()),
        Line::from(""),
    ];
    lines.extend(summary.lines().into_iter().map(Line::from));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(body_a, buf);

    let keys = if from_home {
        text::SUMMARY_KEYS_HOME
    } else {
        text::SUMMARY_KEYS
    };
    Paragraph::new(keys_line(keys, theme)).render(keys_a, buf);
}
