//! The end of a session: what was done, the pain scores given, and advice for the rest of the day.

use std::cell::Cell;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget};

use super::{Theme, keys};
use crate::visit::Summary;

/// `unsaved` says why part of the session is not in the history; `from_home`, whether there are
/// routines to go back to; `scroll`, where the text starts when it is taller than the window.
pub fn render(
    summary: &Summary,
    unsaved: Option<&str>,
    from_home: bool,
    scroll: &Cell<u16>,
    theme: Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let block =
        Block::bordered().title(Line::styled(format!(" {} ", summary.title), theme.title()));
    let inner = block.inner(area);
    block.render(area, buf);
    let context = if from_home {
        keys::Context::Summary
    } else {
        keys::Context::SummaryAlone
    };
    let keys = super::footer(context, inner.width, theme);
    let [body_a, keys_a] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(super::cells(keys.len())),
    ])
    .areas(inner);

    let mut lines = vec![
        Line::styled(summary.finish().heading(), theme.heading()),
        Line::from(""),
    ];
    lines.extend(summary.lines(unsaved).into_iter().map(Line::from));
    super::scroll::render(lines, None, scroll, theme, body_a, buf);

    Paragraph::new(keys).render(keys_a, buf);
}
