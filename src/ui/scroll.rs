//! Text taller than its place on screen: shown from a scroll position the person moves with
//! ↑/↓ (or from where a line that must be seen, such as the current question, is fully in
//! view), with a marker saying there is more and which way.

use std::cell::Cell;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::Theme;
use crate::text;

/// Draws `lines` wrapped into `area`. With `focus`, the line at that index is kept wholly in
/// view; otherwise the text starts at `scroll`, which is kept within the text. When the text is
/// taller than `area`, the last row says there is more.
pub fn render(
    lines: Vec<Line>,
    focus: Option<usize>,
    scroll: &Cell<u16>,
    theme: Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let heights: Vec<u16> = lines
        .iter()
        .map(|l| {
            super::cells(
                Paragraph::new(l.clone())
                    .wrap(Wrap { trim: false })
                    .line_count(area.width),
            )
        })
        .collect();
    let total: u16 = heights.iter().fold(0, |a, h| a.saturating_add(*h));
    if total <= area.height {
        scroll.set(0);
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(area, buf);
        return;
    }
    // One row for the marker.
    let view = area.height.saturating_sub(1);
    let last_top = total.saturating_sub(view);
    let top = match focus {
        Some(i) => {
            let before: u16 = heights.iter().take(i).fold(0, |a, h| a.saturating_add(*h));
            let own = heights.get(i).copied().unwrap_or(0);
            before.saturating_add(own).saturating_sub(view).min(before)
        }
        None => scroll.get().min(last_top),
    };
    scroll.set(top);
    let text_area = Rect {
        height: view,
        ..area
    };
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .scroll((top, 0))
        .render(text_area, buf);
    let marker = match (top > 0, top < last_top) {
        (true, true) => text::window::MORE_BOTH,
        (false, true) => text::window::MORE_BELOW,
        _ => text::window::MORE_ABOVE,
    };
    let marker_area = Rect {
        y: area.y.saturating_add(view),
        height: 1,
        ..area
    };
    Paragraph::new(Line::styled(marker, theme.keys())).render(marker_area, buf);
}
