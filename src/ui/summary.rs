//! The end of a session: what was done, the pain scores given, and advice for the rest of the day.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::{Theme, keys, keys_line};
use crate::visit::Summary;

/// `unsaved` says why part of the session is not in the history; `from_home`, whether there are
/// routines to go back to.
pub fn render(
    summary: &Summary,
    unsaved: Option<&str>,
    from_home: bool,
    theme: Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let block =
        Block::bordered().title(Line::styled(format!(" {} ", summary.title), theme.title()));
    let inner = block.inner(area);
    block.render(area, buf);
    let [body_a, keys_a] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);

    let mut lines = vec![
        Line::styled(summary.finish().heading(), theme.heading()),
        Line::from(""),
    ];
    lines.extend(summary.lines(unsaved).into_iter().map(Line::from));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(body_a, buf);

    let keys = keys::footer(if from_home {
        keys::Context::Summary
    } else {
        keys::Context::SummaryAlone
    });
    Paragraph::new(keys_line(&keys, theme)).render(keys_a, buf);
}
