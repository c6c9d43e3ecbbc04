//! The session screen: what to do, a countdown readable from across the room, and what comes next.

use std::cell::Cell;
use std::time::{Duration, Instant};

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, LineGauge, Paragraph, Widget, Wrap};
use tui_big_text::{BigText, PixelSize};

use super::notices::{self, Notice};
use super::{Theme, checkin, keys, overlay};
use crate::figure::Figure;
use crate::routine::Side;
use crate::session::{Overlay, PhaseKind, Session};
use crate::text;
use crate::visit::{Form, Question};

/// What the session screen says besides the session itself.
#[derive(Debug, Default)]
pub struct Status<'a> {
    /// A problem worth the status line: the history could not be saved.
    pub problem: Option<&'a str>,
    /// Small facts for the bottom edge, most important first: muted, no sound device.
    pub notes: &'a [Notice],
    /// Where a box's text starts when it is taller than the window.
    pub scroll: Option<&'a Cell<u16>>,
}

/// `form` is the check-in being answered, if any.
pub fn render(
    session: &Session,
    form: Option<&Form>,
    status: &Status,
    now: Instant,
    theme: Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let phase = session.phase();
    let routine = session.routine();
    let block = Block::bordered()
        .title(Line::styled(format!(" {} ", routine.title), theme.title()))
        .title(
            Line::from(format!(
                " {} ",
                text::session::step_of(phase.step, routine.steps.len())
            ))
            .right_aligned(),
        );
    // Between the corners, with a space either side.
    let notes = notices::line(status.notes, usize::from(area.width.saturating_sub(4)));
    let block = if notes.is_empty() {
        block
    } else {
        block.title_bottom(Line::styled(format!(" {notes} "), theme.caution()).right_aligned())
    };
    let inner = block.inner(area);
    block.render(area, buf);

    match form {
        Some(form) if session.awaiting_check_in() => {
            let asked = form.question().map_or("", Question::asked);
            checkin::render(form, &session.step().title, asked, theme, inner, buf);
        }
        _ => render_step(session, now, theme, inner, buf),
    }
    if let Some(notice) = status.problem {
        let bottom = Rect {
            y: inner.bottom().saturating_sub(1),
            height: 1.min(inner.height),
            ..inner
        };
        Clear.render(bottom, buf);
        Paragraph::new(Line::styled(format!("! {notice}"), theme.caution())).render(bottom, buf);
    }
    if let Some(o) = session.overlay() {
        let unscrolled = Cell::new(0);
        let scroll = status.scroll.unwrap_or(&unscrolled);
        overlay::render(o, session, scroll, theme, area, buf);
    }
}

fn render_step(session: &Session, now: Instant, theme: Theme, area: Rect, buf: &mut Buffer) {
    let step = session.step();
    let phase = session.phase();
    let notes = notes(session, theme);
    // Before a step starts, the clock shows how long its hold will be.
    let clock = match phase.kind {
        PhaseKind::Ready => text::time::clock(step.work()),
        _ => text::time::clock(session.remaining(now)),
    };

    // Always: step title, phase, phase gauge, keys. "Next" and the session gauge only when there
    // is room for them after the digits. The digits get the most room left after the first lines
    // of the instructions; blank lines only if everything fits.
    let extra = u16::from(area.height >= 14);
    let free = area.height.saturating_sub(4 + 2 * extra);
    let figure = theme.figures().zip(step.figure.as_ref());
    let (beside, main) = split_for_figure(figure.is_some(), &clock, &notes, area.width, free);
    let wrapped = wrapped_height(&notes, main);
    let gap = u16::from(free >= 8 + wrapped + 3);
    let free = free.saturating_sub(3 * gap);
    let size = clock_size(&clock, main, free.saturating_sub(wrapped.min(2)));
    let clock_h = size.map_or(1, rows);
    let notes_h = wrapped.min(free.saturating_sub(clock_h));

    let [
        title_a,
        phase_a,
        _,
        clock_a,
        _,
        gauge_a,
        _,
        notes_a,
        spare_a,
        next_a,
        total_a,
        keys_a,
    ] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(gap),
        Constraint::Length(clock_h),
        Constraint::Length(gap),
        Constraint::Length(1),
        Constraint::Length(gap),
        Constraint::Length(notes_h),
        Constraint::Fill(1),
        Constraint::Length(extra),
        Constraint::Length(extra),
        Constraint::Length(1),
    ])
    .areas(area);
    let narrow = |r: Rect| Rect { width: main, ..r };
    let (clock_a, gauge_a, mut notes_a) = (narrow(clock_a), narrow(gauge_a), narrow(notes_a));
    if let Some(figure) = figure {
        let room = if beside > 0 {
            let height = next_a.y.saturating_sub(clock_a.y);
            Room::Beside(Rect::new(area.x + main, clock_a.y, beside, height))
        } else {
            Room::Above(Rect {
                height: spare_a.height,
                ..notes_a
            })
        };
        notes_a.y += render_figure(session, figure, room, theme, buf);
    }

    let mut title = vec![Span::styled(step.title.clone(), theme.heading())];
    if let Some(tool) = step.tool {
        title.push(Span::styled(format!("  ({})", tool.word()), theme.dim()));
    }
    Paragraph::new(Line::from(title))
        .alignment(Alignment::Center)
        .render(title_a, buf);

    Paragraph::new(phase_line(session, theme))
        .alignment(Alignment::Center)
        .render(phase_a, buf);

    let clock_style = if session.is_paused() || phase.kind == PhaseKind::Ready {
        theme.dim()
    } else {
        phase_style(phase.kind, theme)
    };
    render_clock(clock, size, clock_style, clock_a, buf);

    if phase.is_timed() {
        let left = session.remaining(now);
        gauge(
            text::session::phase_progress(left, phase.duration),
            ratio(phase.duration.saturating_sub(left), phase.duration),
            theme,
        )
        .render(gauge_a, buf);
    }

    Paragraph::new(notes)
        .wrap(Wrap { trim: true })
        .render(notes_a, buf);

    render_bottom(session, now, theme, [next_a, total_a, keys_a], buf);
}

/// What comes next, the whole session's progress, and the keys.
fn render_bottom(
    session: &Session,
    now: Instant,
    theme: Theme,
    [next_a, total_a, keys_a]: [Rect; 3],
    buf: &mut Buffer,
) {
    let phase = session.phase();
    Paragraph::new(Line::from(next_words(session)).style(theme.dim())).render(next_a, buf);

    let done = session.total_done(now);
    let left = session.total_remaining(now);
    gauge(
        format!(
            "{} {}",
            text::time::duration_short(left),
            text::session::SESSION_LEFT
        ),
        ratio(done, done + left),
        theme,
    )
    .render(total_a, buf);

    let context = if phase.kind == PhaseKind::Ready {
        keys::Context::SessionReady
    } else {
        keys::Context::Session
    };
    let keys = keys::footer_fit(context, keys_a.width);
    Paragraph::new(Line::styled(keys, theme.keys())).render(keys_a, buf);
}

/// What the phase is, or why the clock stands still.
fn phase_line(session: &Session, theme: Theme) -> Line<'static> {
    let phase = session.phase();
    let (label, style) = if phase.kind == PhaseKind::Ready {
        (text::session::WAIT_FOR_KEY.to_string(), theme.ready())
    } else if matches!(session.overlay(), Some(Overlay::PainRule(_))) {
        (text::session::PAUSED_CHOOSE.to_string(), theme.paused())
    } else if session.is_paused() {
        (text::session::PAUSED_HINT.to_string(), theme.paused())
    } else {
        (
            phase.kind.label(session.step().reps),
            phase_style(phase.kind, theme),
        )
    };
    Line::styled(label, style)
}

/// The countdown in big digits of `size`, or as one line of text when there is no room for them.
fn render_clock(
    clock: String,
    size: Option<PixelSize>,
    style: Style,
    area: Rect,
    buf: &mut Buffer,
) {
    match size {
        Some(size) => BigText::builder()
            .pixel_size(size)
            .style(style)
            .lines(vec![Line::from(clock)])
            .centered()
            .build()
            .render(area, buf),
        None => Paragraph::new(Line::styled(clock, style))
            .alignment(Alignment::Center)
            .render(area, buf),
    }
}

/// Instructions, then the caution, each a line of its own.
fn notes(session: &Session, theme: Theme) -> Vec<Line<'_>> {
    let step = session.step();
    let mut lines: Vec<Line> = step
        .instructions
        .iter()
        .map(|i| Line::from(format!("• {i}")))
        .collect();
    if let Some(caution) = &step.caution {
        lines.push(Line::styled(
            format!("! {}: {caution}", text::session::CAUTION),
            theme.caution(),
        ));
    }
    lines
}

fn next_words(session: &Session) -> String {
    let phase = session.phase();
    let within_step = session
        .next_phase()
        .filter(|p| p.step == phase.step)
        .map(|p| p.kind.next_words(p.duration));
    let next_step = session.next_step().map(|s| s.title.clone());
    match (within_step, next_step) {
        (Some(w), Some(s)) => format!("{}: {w}, then {s}", text::session::NEXT),
        (Some(w), None) => format!("{}: {w}", text::session::NEXT),
        (None, Some(s)) => format!("{}: {s}", text::session::NEXT),
        (None, None) => text::session::LAST_STEP.to_string(),
    }
}

fn gauge<'a>(label: String, ratio: f64, theme: Theme) -> LineGauge<'a> {
    LineGauge::default()
        .ratio(ratio)
        .label(label)
        .filled_symbol("█")
        .unfilled_symbol("░")
        .filled_style(theme.gauge())
        .unfilled_style(theme.dim())
}

fn ratio(done: Duration, total: Duration) -> f64 {
    if total.is_zero() {
        return 0.0;
    }
    (done.as_secs_f64() / total.as_secs_f64()).clamp(0.0, 1.0)
}

fn phase_style(kind: PhaseKind, theme: Theme) -> Style {
    match kind {
        PhaseKind::Work { .. } => theme.work(),
        PhaseKind::Rest { .. } | PhaseKind::Switch { .. } => theme.rest(),
        PhaseKind::LeadIn | PhaseKind::Ready | PhaseKind::CheckIn => theme.ready(),
    }
}

/// Where the session screen has room for a figure.
#[derive(Clone, Copy)]
enum Room {
    /// A column of its own beside the digits and the instructions.
    Beside(Rect),
    /// Rows nothing else needs, above the instructions.
    Above(Rect),
}

/// The columns of a figure beside the digits and the instructions, and the columns left for
/// them: wide, the figure stands in a column of its own when that leaves the digits as large as
/// they would be without it; otherwise none.
fn split_for_figure(
    figure: bool,
    clock: &str,
    notes: &[Line],
    width: u16,
    free: u16,
) -> (u16, u16) {
    let column = width * 2 / 5;
    if figure && width >= WIDE && fits_clock(clock, notes, width - column, width, free) {
        (column, width - column)
    } else {
        (0, width)
    }
}

/// Draws the step's figure in `room`; returns the rows it took above the instructions.
fn render_figure(
    session: &Session,
    (marker, figure): (Marker, &Figure),
    room: Room,
    theme: Theme,
    buf: &mut Buffer,
) -> u16 {
    let worked = side_shown(session);
    match room {
        Room::Beside(column) => {
            super::figure::render(figure, worked, marker, theme, column, buf);
            0
        }
        Room::Above(at) => {
            let Some(h) = super::figure::rows_for(figure, worked, marker, at.width, at.height)
            else {
                return 0;
            };
            super::figure::render(figure, worked, marker, theme, Rect { height: h, ..at }, buf);
            h
        }
    }
}

/// Windows at least this wide show the figure beside the instructions; narrower ones above.
const WIDE: u16 = 96;

/// Whether the digits are as large in `main` columns as they would be in `full`.
fn fits_clock(clock: &str, notes: &[Line], main: u16, full: u16, free: u16) -> bool {
    let size = |width: u16| {
        let wrapped = wrapped_height(notes, width);
        clock_size(clock, width, free.saturating_sub(wrapped.min(2)))
    };
    size(main) == size(full)
}

/// The side the figure shows: the side being worked, switched to, or about to be worked.
fn side_shown(session: &Session) -> Option<Side> {
    match session.phase().kind {
        PhaseKind::Work { side, .. } | PhaseKind::Rest { side, .. } => side,
        PhaseKind::Switch { to } => Some(to),
        PhaseKind::Ready | PhaseKind::LeadIn | PhaseKind::CheckIn => {
            session.step().sides.order().first().copied().flatten()
        }
    }
}

/// The largest digits that fit: 8 rows, then 4, then `None` for ordinary text.
fn clock_size(clock: &str, width: u16, height: u16) -> Option<PixelSize> {
    let chars = super::cells(clock.chars().count());
    [
        (PixelSize::Full, 8, 8),
        (PixelSize::HalfHeight, 8, 4),
        (PixelSize::Quadrant, 4, 4),
    ]
    .into_iter()
    .find(|(_, w, h)| chars * w <= width && *h <= height)
    .map(|(size, ..)| size)
}

fn rows(size: PixelSize) -> u16 {
    match size {
        PixelSize::Full => 8,
        _ => 4,
    }
}

/// Lines the notes take when wrapped at `width`, as the paragraph will wrap them.
fn wrapped_height(lines: &[Line], width: u16) -> u16 {
    let count = Paragraph::new(lines.to_vec())
        .wrap(Wrap { trim: true })
        .line_count(width);
    u16::try_from(count).unwrap_or(u16::MAX)
}
