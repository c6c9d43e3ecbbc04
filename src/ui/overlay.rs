//! Boxes drawn over the session: the key help, "stop the session?", the safety information,
//! and the pain-monitoring rule's "time to ease off".

use std::cell::Cell;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use super::{Theme, keys, scroll};
use crate::session::{Overlay, Session};
use crate::text;

/// `scroll`: where the box's text starts when it is taller than the window.
pub fn render(
    overlay: Overlay,
    session: &Session,
    scroll: &Cell<u16>,
    theme: Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let (title, lines) = match overlay {
        Overlay::Safety => (text::safety::SAFETY_TITLE, safety_lines(theme)),
        Overlay::PainRule(trigger) => {
            let (before, now) = session.pains();
            let mut lines = vec![Line::from(trigger.reason(before, now)), Line::from("")];
            lines.extend(
                keys::footer_lines(keys::Context::EaseOff)
                    .into_iter()
                    .map(|c| Line::styled(c, theme.heading())),
            );
            (text::safety::PAIN_RULE_TITLE, lines)
        }
        Overlay::Help => (text::keys::HELP_TITLE, help_lines(theme)),
        Overlay::ConfirmQuit => (
            text::session::QUIT_TITLE,
            vec![
                Line::from(text::session::QUIT_BODY),
                Line::from(""),
                Line::styled(keys::footer(keys::Context::ConfirmQuit), theme.keys()),
            ],
        ),
    };
    let width = area.width.saturating_sub(4).min(76);
    let height = super::cells(
        Paragraph::new(lines.clone())
            .wrap(Wrap { trim: true })
            .line_count(width.saturating_sub(2)),
    )
    .saturating_add(2)
    .min(area.height);
    let mut block = Block::bordered().title(Line::styled(format!(" {title} "), theme.title()));
    if overlay == Overlay::Safety {
        // The way out stays visible even when the text is cut short.
        let keys = keys::footer(keys::Context::SafetyInfo);
        block = block.title_bottom(Line::styled(keys, theme.keys()).right_aligned());
    }
    let popup = centered(area, width, height);
    Clear.render(popup, buf);
    let inner = block.inner(popup);
    block.render(popup, buf);
    scroll::render(lines, None, scroll, theme, inner, buf);
}

fn safety_lines(theme: Theme) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(text::safety::SAFETY_URGENT, theme.heading())];
    lines.extend(
        text::safety::EMERGENCY_QUESTIONS
            .iter()
            .map(|q| Line::from(format!("• {q}"))),
    );
    lines.push(Line::from(""));
    lines.push(Line::styled(text::safety::CAUTIONS_TITLE, theme.heading()));
    lines.extend(
        text::safety::CAUTIONS
            .iter()
            .map(|c| Line::from(format!("• {c}"))),
    );
    lines
}

/// The keymap's explained bindings, keys right-aligned in a column of their own.
fn help_lines(theme: Theme) -> Vec<Line<'static>> {
    let help = keys::help_lines();
    let width = help
        .iter()
        .map(|(k, _)| super::columns::width(k))
        .max()
        .unwrap_or(0);
    let mut lines: Vec<Line> = help
        .into_iter()
        .map(|(key, what)| {
            let indent = " ".repeat(width - super::columns::width(&key));
            Line::from(vec![
                Span::styled(format!("{indent}{key}  "), theme.heading()),
                Span::from(what),
            ])
        })
        .collect();
    lines.push(Line::from(""));
    lines.push(Line::styled(text::keys::HELP_PAUSED, theme.keys()));
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
