//! Boxes drawn over the session: the key help and "stop the session?".

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use super::{Theme, keys_line};
use crate::session::Overlay;
use crate::text;

pub fn render(overlay: Overlay, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let (title, lines) = match overlay {
        Overlay::Help => (text::HELP_TITLE, help_lines(theme)),
        Overlay::ConfirmQuit => (
            text::QUIT_TITLE,
            vec![
                Line::from(text::QUIT_BODY),
                Line::from(""),
                keys_line(text::QUIT_KEYS, theme),
            ],
        ),
    };
    let width = area.width.saturating_sub(4).min(64);
    let height = (lines.len() as u16 + 2).min(area.height);
    let popup = centered(area, width, height);
    Clear.render(popup, buf);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(Block::bordered().title(Line::styled(format!(" {title} "), theme.title())))
        .render(popup, buf);
}

fn help_lines(theme: &Theme) -> Vec<Line<'static>> {
    let mut lines: Vec<Line> = text::HELP_LINES
        .iter()
        .map(|(key, what)| {
            Line::from(vec![
                Span::styled(format!("{key:>7}  "), theme.heading()),
                Span::from(*what),
            ])
        })
        .collect();
    lines.push(Line::from(""));
    lines.push(keys_line(text::HELP_PAUSED, theme));
    lines
}

fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(area);
    let [cell] = Layout::horizontal([Constraint::Length(width)])
        .flex(Flex::Center)
        .areas(row);
    cell
}
