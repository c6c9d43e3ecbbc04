//! A figure of a position in the terminal: the marks of `figure::draw` on ratatui's canvas, in
//! braille dots (2 x 4 a cell) or half blocks (1 x 2) for fonts without braille, kept in
//! proportion and centred; with "start" and "end" under a movement's two positions, the view in
//! words under a figure not seen from the side, and under a one-sided figure the side worked and
//! the key to its thick line, both in words.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Color;
use ratatui::symbols::Marker;
use ratatui::text::Line;
use ratatui::widgets::canvas::{Canvas, Painter, Shape};
use ratatui::widgets::{Paragraph, Widget};

use super::Theme;
use crate::figure::Figure;
use crate::figure::draw::{Drawing, Mark, drawing};
use crate::routine::Side;
use crate::text;

/// Below this many rows of drawing, a figure is too small to make out and is left out.
pub const MIN_ROWS: u16 = 4;
/// Past this many figure units to a dot, a head is under three dots across: too coarse to
/// make out.
const MOST_UNITS_PER_DOT: f64 = 3.5;

/// Dots a cell holds across and down, for `marker`.
fn dots(marker: Marker) -> (f64, f64) {
    match marker {
        Marker::Braille => (2.0, 4.0),
        _ => (1.0, 2.0),
    }
}

/// Rows of captions under the figure: "start" and "end" for a movement; the view when it is not
/// the side view; for a one-sided step the side, and the key to the worked limb's thick line
/// when one is marked.
fn caption_rows(figure: &Figure, side: Option<Side>) -> u16 {
    u16::from(figure.is_movement())
        + u16::from(figure.view_words().is_some())
        + u16::from(side.is_some())
        + u16::from(keyed(figure, side))
}

/// Whether the figure is shown with a key: a one-sided figure with a limb marked as worked.
fn keyed(figure: &Figure, side: Option<Side>) -> bool {
    side.is_some() && figure.worked().is_some()
}

/// The key to the thick line in `width` columns: in full when it fits, else in fewer words.
fn key_line(figure: &Figure, width: u16) -> Option<String> {
    let (limb, plural) = figure.worked()?;
    let full = text::figure::key(limb, plural);
    Some(if super::cells(full.chars().count()) <= width {
        full
    } else {
        text::figure::key_short(limb)
    })
}

#[expect(
    clippy::cast_possible_truncation,
    reason = "a count of cells, rounded up from a positive size no larger than the screen"
)]
/// The cells the drawing takes at most within `width` x `height` (captions not counted),
/// in proportion: `None` when that is too small to make out.
fn fit(d: &Drawing, marker: Marker, width: u16, height: u16) -> Option<(u16, u16)> {
    let (across, down) = dots(marker);
    // Units per dot: the larger of what the width and the height allow, so both fit.
    let scale =
        (d.width() / (f64::from(width) * across)).max(d.height() / (f64::from(height) * down));
    let cells = |units: f64, per_cell: f64, most: u16| {
        let cells = units / (scale * per_cell);
        // Rounded up by hand: the figure code calls nothing from the maths library, whose pages
        // would otherwise be loaded for it.
        let whole = cells as i64;
        let n = if (whole as f64) < cells {
            whole + 1
        } else {
            whole
        };
        // Never more than there is: rounding up may ask for one cell too many.
        u16::try_from(n).map_or(most, |n| n.min(most))
    };
    let (w, h) = (
        cells(d.width(), across, width),
        cells(d.height(), down, height),
    );
    (scale <= MOST_UNITS_PER_DOT && h >= 2).then_some((w, h))
}

/// The rows a figure would take drawn `width` columns wide, captions included, given at most
/// `height`; `None` when it would be too small to make out.
pub fn rows_for(
    figure: &Figure,
    side: Option<Side>,
    marker: Marker,
    width: u16,
    height: u16,
) -> Option<u16> {
    let captions = caption_rows(figure, side);
    let d = drawing(figure, side);
    fit(&d, marker, width, height.checked_sub(captions)?).map(|(_, h)| h + captions)
}

#[expect(
    clippy::cast_possible_truncation,
    reason = "a column of the figure's width, which is a u16"
)]
/// Draws the figure on `side` in `area`, as large as fits in proportion, centred, with its
/// captions; nothing at all when it would be too small to make out.
pub fn render(
    figure: &Figure,
    side: Option<Side>,
    marker: Marker,
    theme: Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let captions = caption_rows(figure, side);
    let d = drawing(figure, side);
    let Some((w, h)) = fit(&d, marker, area.width, area.height.saturating_sub(captions)) else {
        return;
    };
    let [_, column, _] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(w),
        Constraint::Fill(1),
    ])
    .areas(area);
    let [_, canvas_a, moves_a, view_a, side_a, key_a, _] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(h),
        Constraint::Length(u16::from(figure.is_movement())),
        Constraint::Length(u16::from(figure.view_words().is_some())),
        Constraint::Length(u16::from(side.is_some())),
        Constraint::Length(u16::from(keyed(figure, side))),
        Constraint::Fill(1),
    ])
    .areas(column);

    let (left, span_x) = canvas(&d, marker, theme, (w, h), canvas_a, buf);

    if figure.is_movement() {
        // Each word under the middle of its position.
        for ((from, to), word) in d
            .panels
            .iter()
            .zip([text::figure::START, text::figure::END])
        {
            let middle = (from + to) / 2.0;
            let at = (middle - left) / span_x * f64::from(w) + 0.5;
            let half = super::cells(word.chars().count()) / 2;
            let x = u16::try_from(at as i64).unwrap_or(0).saturating_sub(half);
            let room = moves_a.width.saturating_sub(x);
            Paragraph::new(Line::styled(word, theme.dim())).render(
                Rect {
                    x: moves_a.x + x,
                    width: room.min(super::cells(word.chars().count())),
                    ..moves_a
                },
                buf,
            );
        }
    }
    // Across the whole area: a narrow figure (standing, seated) is narrower than its words.
    let across = |row: Rect| Rect {
        x: area.x,
        width: area.width,
        ..row
    };
    if let Some(view) = figure.view_words() {
        Paragraph::new(Line::styled(view, theme.dim()))
            .centered()
            .render(across(view_a), buf);
    }
    if let Some(side) = side {
        Paragraph::new(Line::styled(side.word(), theme.heading()))
            .centered()
            .render(across(side_a), buf);
        if let Some(key) = key_line(figure, area.width) {
            Paragraph::new(Line::styled(key, theme.dim()))
                .centered()
                .render(across(key_a), buf);
        }
    }
}

/// The figure alone, no captions, as large as fits in `area` and centred: a thumbnail.
/// Returns whether it was drawn: not when it would be too small to make out.
pub fn thumbnail(
    figure: &Figure,
    marker: Marker,
    theme: Theme,
    area: Rect,
    buf: &mut Buffer,
) -> bool {
    let d = drawing(figure, None);
    let Some((w, h)) = fit(&d, marker, area.width, area.height) else {
        return false;
    };
    let [_, column, _] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(w),
        Constraint::Fill(1),
    ])
    .areas(area);
    let [_, canvas_a, _] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(h),
        Constraint::Fill(1),
    ])
    .areas(column);
    canvas(&d, marker, theme, (w, h), canvas_a, buf);
    true
}

/// Paints the marks on a canvas of `cells` (columns, rows) in `area`, one unit per dot across
/// and down alike, the drawing centred; returns where the canvas starts along x and how many
/// units it spans.
fn canvas(
    d: &Drawing,
    marker: Marker,
    theme: Theme,
    cells: (u16, u16),
    area: Rect,
    buf: &mut Buffer,
) -> (f64, f64) {
    let (across, down) = dots(marker);
    let (w, h) = (f64::from(cells.0), f64::from(cells.1));
    let scale = (d.width() / (w * across)).max(d.height() / (h * down));
    let (span_x, span_y) = (w * across * scale, h * down * scale);
    let left = d.left - (span_x - d.width()) / 2.0;
    let bottom = d.bottom - (span_y - d.height()) / 2.0;
    Canvas::default()
        .marker(marker)
        .x_bounds([left, left + span_x])
        .y_bounds([bottom, bottom + span_y])
        .paint(|ctx| {
            for mark in &d.marks {
                ctx.draw(&Pen { mark, theme });
            }
        })
        .render(area, buf);
    (left, span_x)
}

/// One mark, painted dot by dot: a stroke two dots thick when it is the limb being worked.
struct Pen<'a> {
    mark: &'a Mark,
    theme: Theme,
}

impl Shape for Pen<'_> {
    fn draw(&self, painter: &mut Painter<'_, '_>) {
        let (xs, ys) = painter.bounds();
        let Some(limit) = painter.get_point(xs[1], ys[0]) else {
            return;
        };
        let dot = |painter: &mut Painter, x: usize, y: usize, color: Color| {
            if x <= limit.0 && y <= limit.1 {
                painter.paint(x, y, color);
            }
        };
        match self.mark {
            Mark::Stroke { points, tone, bold } => {
                let color = self.theme.ink(*tone);
                let dots: Vec<Option<(usize, usize)>> =
                    points.iter().map(|p| painter.get_point(p.0, p.1)).collect();
                for pair in dots.windows(2) {
                    if let [Some(from), Some(to)] = *pair {
                        line(from, to, |x, y| {
                            dot(painter, x, y, color);
                            if *bold {
                                dot(painter, x + 1, y, color);
                                dot(painter, x, y + 1, color);
                            }
                        });
                    }
                }
            }
            Mark::Ring {
                centre,
                radius,
                tone,
            } => {
                let color = self.theme.ink(*tone);
                // Round the circle in 5-degree steps, each turned from the last (no sine or
                // cosine to call: the figure is drawn with arithmetic alone).
                let (mut cos, mut sin) = (1.0_f64, 0.0_f64);
                let mut last = painter.get_point(centre.0 + radius, centre.1);
                for _ in 0..72 {
                    (cos, sin) = (
                        cos * COS_STEP - sin * SIN_STEP,
                        sin * COS_STEP + cos * SIN_STEP,
                    );
                    let next = painter.get_point(centre.0 + radius * cos, centre.1 + radius * sin);
                    if let (Some(from), Some(to)) = (last, next) {
                        line(from, to, |x, y| dot(painter, x, y, color));
                    }
                    last = next;
                }
            }
            Mark::Disc {
                centre,
                radius,
                tone,
            } => {
                let color = self.theme.ink(*tone);
                let (Some(c), Some(edge)) = (
                    painter.get_point(centre.0, centre.1),
                    painter.get_point(centre.0 + radius, centre.1),
                ) else {
                    return;
                };
                let reach = edge.0.saturating_sub(c.0).max(1);
                for y in c.1.saturating_sub(reach)..=c.1 + reach {
                    for x in c.0.saturating_sub(reach)..=c.0 + reach {
                        if x.abs_diff(c.0).pow(2) + y.abs_diff(c.1).pow(2) <= reach * reach {
                            dot(painter, x, y, color);
                        }
                    }
                }
            }
        }
    }
}

/// The cosine and sine of 5 degrees.
const COS_STEP: f64 = 0.996_194_698_091_745_5;
const SIN_STEP: f64 = 0.087_155_742_747_658_17;

/// Every dot on the straight line from `from` to `to`, ends included (Bresenham's: whole
/// numbers only).
fn line(from: (usize, usize), to: (usize, usize), mut dot: impl FnMut(usize, usize)) {
    let (mut x, mut y) = from;
    let (dx, dy) = (to.0.abs_diff(x), to.1.abs_diff(y));
    let mut error = dx.cast_signed() - dy.cast_signed();
    loop {
        dot(x, y);
        if (x, y) == to {
            return;
        }
        let twice = 2 * error;
        if twice > -dy.cast_signed() {
            error -= dy.cast_signed();
            x = if to.0 > x { x + 1 } else { x - 1 };
        }
        if twice < dx.cast_signed() {
            error += dx.cast_signed();
            y = if to.1 > y { y + 1 } else { y - 1 };
        }
    }
}

/// The figure on `side` as lines of text `width` columns wide and at most `height` rows (its
/// captions included), for printing: blank rows above and below are left out. Empty when it
/// would be too small to make out.
pub fn lines(
    figure: &Figure,
    side: Option<Side>,
    marker: Marker,
    width: u16,
    height: u16,
) -> Vec<String> {
    let area = Rect::new(0, 0, width, height);
    let mut buf = Buffer::empty(area);
    render(figure, side, marker, Theme::uncoloured(), area, &mut buf);
    rows(&buf)
}

/// The buffer's rows as text, without trailing spaces, blank rows at the top and bottom left out.
pub fn rows(buf: &Buffer) -> Vec<String> {
    let area = buf.area;
    let mut rows: Vec<String> = (area.top()..area.bottom())
        .map(|y| {
            let row: String = (area.left()..area.right())
                .filter_map(|x| buf.cell((x, y)).map(ratatui::buffer::Cell::symbol))
                .collect();
            row.trim_end().to_string()
        })
        .collect();
    while rows.last().is_some_and(String::is_empty) {
        rows.pop();
    }
    let blank_top = rows.iter().take_while(|r| r.is_empty()).count();
    rows.drain(..blank_top);
    rows
}
