//! `unknot desk`'s screens: between breaks, when the next one falls due in big digits; at a
//! break, "stand up and move" in big letters with the three answers. Pure functions of the desk
//! machine and the times given.

use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};
use tui_big_text::{BigText, PixelSize};

use super::{Theme, cells, keys};
use crate::desk::{Desk, Stage};
use crate::text::desk as words;

/// What the desk screens show besides the machine's state.
pub struct DeskView<'a> {
    pub desk: &'a Desk,
    /// How long the person has sat, by now.
    pub sitting: Duration,
    /// The wall-clock time of the next prompt, "10:45"; `None` at a prompt.
    pub next_at: Option<String>,
    /// The routine a break starts, and its length.
    pub routine: &'a str,
    pub length: Duration,
    /// A problem to say: the history could not be written, the break's routine not found.
    pub notice: Option<&'a str>,
}

pub fn render(view: &DeskView, theme: Theme, area: Rect, buf: &mut Buffer) {
    let block = Block::bordered().title(Line::styled(format!(" {} ", words::TITLE), theme.title()));
    let inner = block.inner(area);
    block.render(area, buf);
    let prompt = matches!(view.desk.stage(), Stage::Prompt { .. });
    let context = if prompt {
        keys::Context::DeskPrompt
    } else {
        keys::Context::DeskSitting
    };
    let footer = super::footer(context, inner.width, theme);
    let rhythm = view.desk.rhythm();
    let tally = view.desk.tally();
    let mut below = Vec::new();
    let (heading, big, style) = if prompt {
        below.push(Line::from(words::sitting_for(view.sitting)));
        below.push(Line::from(words::offer(
            view.routine,
            view.length,
            rhythm.snooze,
        )));
        (
            words::STAND_UP,
            vec![words::STAND_UP_SHORT.to_string()],
            theme.work(),
        )
    } else {
        below.push(Line::from(words::rhythm(rhythm.every, rhythm.snooze)));
        below.push(Line::from(words::tally(
            tally.taken,
            tally.snoozed,
            tally.skipped,
        )));
        (
            words::NEXT_BREAK,
            vec![view.next_at.clone().unwrap_or_default()],
            theme.heading(),
        )
    };
    if let Some(notice) = view.notice {
        below.push(Line::styled(notice.to_string(), theme.caution()));
    }
    if prompt {
        below.push(Line::styled(words::WHY, theme.dim()));
    }
    let wrapped = |lines: &[Line]| {
        cells(
            Paragraph::new(lines.to_vec())
                .wrap(Wrap { trim: true })
                .line_count(inner.width),
        )
    };
    // The heading, a line of big letters and the footer come first; then what fits of the rest,
    // the least needed (last) left out first.
    let fixed = cells(footer.len()) + 3;
    while below.len() > 1 && fixed + wrapped(&below) > inner.height {
        below.pop();
    }
    let below_rows = wrapped(&below);
    let room = inner.height.saturating_sub(fixed - 1 + below_rows);
    let size = big_size(&big, inner.width, room);
    let big_rows = size.map_or(1, rows);
    let [_, heading_a, _, big_a, _, below_a, _, footer_a] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(big_rows),
        Constraint::Length(1),
        Constraint::Length(below_rows),
        Constraint::Fill(1),
        Constraint::Length(cells(footer.len())),
    ])
    .areas(inner);
    Paragraph::new(Line::styled(heading, theme.heading()))
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true })
        .render(heading_a, buf);
    render_big(big, size, style, big_a, buf);
    Paragraph::new(below)
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true })
        .render(below_a, buf);
    Paragraph::new(footer).render(footer_a, buf);
}

/// The largest letters that fit `width` by `height`, or `None` for ordinary text.
fn big_size(lines: &[String], width: u16, height: u16) -> Option<PixelSize> {
    let chars = cells(lines.iter().map(|l| l.chars().count()).max().unwrap_or(0));
    let count = cells(lines.len());
    [
        (PixelSize::Full, 8, 8),
        (PixelSize::HalfHeight, 8, 4),
        (PixelSize::Quadrant, 4, 4),
    ]
    .into_iter()
    .find(|(_, w, h)| chars * w <= width && h * count <= height)
    .map(|(size, ..)| size)
}

fn rows(size: PixelSize) -> u16 {
    match size {
        PixelSize::Full => 8,
        _ => 4,
    }
}

fn render_big(
    lines: Vec<String>,
    size: Option<PixelSize>,
    style: Style,
    area: Rect,
    buf: &mut Buffer,
) {
    match size {
        Some(size) => BigText::builder()
            .pixel_size(size)
            .style(style)
            .lines(lines.into_iter().map(Line::from).collect::<Vec<_>>())
            .centered()
            .build()
            .render(area, buf),
        None => Paragraph::new(lines.into_iter().map(Line::from).collect::<Vec<_>>())
            .style(style)
            .alignment(Alignment::Center)
            .render(area, buf),
    }
}
