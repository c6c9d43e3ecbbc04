//! Drawing: one module per screen, each a pure function of its state (and of `now` for timers).

pub mod checkin;
pub mod columns;
pub mod desk;
pub mod home;
pub mod keys;
pub mod notices;
pub mod overlay;
pub mod review;
#[cfg(test)]
mod review_tests;
pub mod safety;
pub mod scroll;
pub mod session;
pub mod summary;
pub mod theme;

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::text;

pub use theme::Theme;

#[cfg(test)]
mod desk_tests;
#[cfg(test)]
mod keys_tests;
#[cfg(test)]
mod tests;

/// The smallest terminal the screens are laid out for.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

/// A count of lines or characters as a length on screen. No terminal is 65 535 cells wide or
/// high, so a count past that is as good as the most there can be.
pub fn cells(count: usize) -> u16 {
    u16::try_from(count).unwrap_or(u16::MAX)
}

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// Shown instead of a screen when the window is below the minimum: what to do first, then as
/// much of why as fits, centred, down to a window of a few cells.
pub fn render_too_small(area: Rect, buf: &mut Buffer, theme: Theme) {
    let mut lines = vec![
        Line::styled(text::window::TOO_SMALL, theme.heading()),
        Line::from(text::window::TOO_SMALL_PAUSED),
        Line::from(text::window::too_small_detail(area.width, area.height)),
    ];
    let wrapped = |lines: &[Line]| {
        cells(
            Paragraph::new(lines.to_vec())
                .wrap(Wrap { trim: true })
                .line_count(area.width),
        )
    };
    while lines.len() > 1 && wrapped(&lines) > area.height {
        lines.pop();
    }
    let height = wrapped(&lines).min(area.height);
    let [_, middle, _] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(height),
        Constraint::Fill(1),
    ])
    .areas(area);
    Paragraph::new(lines)
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true })
        .render(middle, buf);
}

/// The key hints at the bottom of a screen, in rows that fit `width` columns
/// ([`keys::footer_rows`]).
pub fn footer(context: keys::Context, width: u16, theme: Theme) -> Vec<Line<'static>> {
    keys::footer_rows(context, width)
        .into_iter()
        .map(|row| Line::styled(row, theme.keys()))
        .collect()
}
