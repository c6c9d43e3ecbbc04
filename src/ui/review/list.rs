//! The session list: which columns fit a width, and the rows, header first; only the rows in
//! view are drawn.

use chrono::{DateTime, FixedOffset};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::{Review, change_style, date};
use crate::history::{History, Reading, SessionView, Unread};
use crate::text;
use crate::ui::Theme;
use crate::ui::columns::{self, fit};

/// The longest routine name shown in full in the list; longer ones are cut.
const ROUTINE_MAX: usize = 24;
const DATE_WIDTH: usize = 16;
const SHORT_DATE_WIDTH: usize = 10;
const HIGHLIGHT: &str = "› ";

/// The widest value of each list column, over the whole history.
#[derive(Debug, Default)]
pub(super) struct Widths {
    routine: usize,
    time: usize,
    outcome: usize,
    pain: usize,
}

fn short_date(at: &DateTime<FixedOffset>) -> String {
    at.format("%Y-%m-%d").to_string()
}

pub(super) fn widths(h: &History) -> Widths {
    let mut w = Widths {
        routine: columns::width(text::review::REVIEW_COLUMNS[1]),
        time: columns::width(text::review::REVIEW_COLUMNS[2]),
        outcome: columns::width(text::review::REVIEW_COLUMNS[3]),
        pain: columns::width(text::review::REVIEW_COLUMNS[4]),
    };
    for s in &h.sessions {
        w.routine = w.routine.max(columns::width(&s.routine).min(ROUTINE_MAX));
        w.time = w
            .time
            .max(columns::width(&text::review::minutes_short(s.elapsed)));
        w.outcome = w.outcome.max(columns::width(s.finish().word()));
        w.pain = w.pain.max(columns::width(&text::review::pain_pair(
            s.pain_before(),
            s.pain_after(),
        )));
    }
    w
}

/// Which list columns fit in a width, most important first: date, outcome and pain always,
/// then the verdict, the routine and the time.
#[derive(Debug, Clone, Copy)]
struct Columns {
    short_date: bool,
    routine: Option<usize>,
    time: bool,
    verdict: bool,
}

/// Every way a session's change reads, for the column's width.
const READINGS: [Reading; 5] = [
    Reading::Lower,
    Reading::Same,
    Reading::Higher,
    Reading::NotJudged(Unread::MostlySkipped),
    Reading::NotJudged(Unread::TooShort),
];

fn columns(w: &Widths, width: usize) -> Columns {
    // A routine column narrower than this is not worth showing.
    const ROUTINE_MIN: usize = 8;
    let verdict_width = READINGS
        .iter()
        .map(|v| columns::width(v.short()))
        .max()
        .unwrap_or_default();
    let room = width.saturating_sub(columns::width(HIGHLIGHT));
    let needed = |date| date + 1 + w.outcome + 1 + w.pain;
    let short_date = needed(DATE_WIDTH) > room;
    let mut left = room.saturating_sub(needed(if short_date {
        SHORT_DATE_WIDTH
    } else {
        DATE_WIDTH
    }));
    let verdict = left > verdict_width;
    if verdict {
        left -= verdict_width + 1;
    }
    let time = left > w.time + 1 + ROUTINE_MIN;
    if time {
        left -= w.time + 1;
    }
    let routine = (left > ROUTINE_MIN).then(|| w.routine.min(left - 1));
    Columns {
        short_date,
        routine,
        time,
        verdict,
    }
}

/// One row of the list, or the header when `session` is `None`.
fn list_row<'a>(
    session: Option<&SessionView>,
    c: Columns,
    w: &Widths,
    theme: Theme,
) -> Vec<Span<'a>> {
    let date_w = if c.short_date {
        SHORT_DATE_WIDTH
    } else {
        DATE_WIDTH
    };
    let head = text::review::REVIEW_COLUMNS;
    let (date, routine, time, outcome, pain, verdict) = match session {
        None => (
            head[0].to_string(),
            head[1].to_string(),
            head[2].to_string(),
            head[3].to_string(),
            head[4].to_string(),
            (head[5].to_string(), Style::new()),
        ),
        Some(s) => (
            if c.short_date {
                short_date(&s.started)
            } else {
                date(&s.started)
            },
            s.routine.clone(),
            text::review::minutes_short(s.elapsed),
            s.finish().word().to_string(),
            text::review::pain_pair(s.pain_before(), s.pain_after()),
            s.reading().map_or((String::new(), Style::new()), |r| {
                (r.short().to_string(), change_style(s.change(), theme))
            }),
        ),
    };
    let mut spans = vec![Span::raw(fit(&date, date_w))];
    if let Some(rw) = c.routine {
        spans.push(Span::raw(format!(" {}", fit(&routine, rw))));
    }
    if c.time {
        spans.push(Span::raw(format!(" {time:>width$}", width = w.time)));
    }
    spans.push(Span::raw(format!(" {}", fit(&outcome, w.outcome))));
    spans.push(Span::raw(format!(" {}", fit(&pain, w.pain))));
    if c.verdict {
        spans.push(Span::styled(format!(" {}", verdict.0), verdict.1));
    }
    spans
}

pub(super) fn render_list(review: &Review, theme: Theme, area: Rect, buf: &mut Buffer) {
    let total = review.history.sessions.len();
    if total == 0 {
        let words = if review.history.logs.is_empty() {
            text::review::REVIEW_ONLY_BREAKS
        } else {
            text::review::REVIEW_NO_SESSIONS
        };
        Paragraph::new(words)
            .wrap(Wrap { trim: true })
            .render(area, buf);
        return;
    }
    let [header_a, rows_a] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    let c = columns(&review.widths, usize::from(area.width));
    let mut header = vec![Span::raw(" ".repeat(columns::width(HIGHLIGHT)))];
    header.extend(list_row(None, c, &review.widths, theme));
    Line::from(header)
        .style(theme.heading())
        .render(header_a, buf);

    let height = usize::from(rows_a.height).max(1);
    review.page.set(height);
    let mut offset = review.list_offset.get();
    if review.selected < offset {
        offset = review.selected;
    } else if review.selected >= offset + height {
        offset = review.selected + 1 - height;
    }
    offset = offset.min(total.saturating_sub(height));
    review.list_offset.set(offset);

    for (row, i) in (offset..total.min(offset + height)).enumerate() {
        let Some(s) = review.session(i) else { break };
        let selected = i == review.selected;
        let mut spans = vec![Span::raw(if selected { HIGHLIGHT } else { "  " })];
        spans.extend(list_row(Some(s), c, &review.widths, theme));
        let mut line = Line::from(spans);
        if selected {
            line = line.style(theme.selected());
        }
        let y = rows_a.y.saturating_add(crate::ui::cells(row));
        line.render(
            Rect {
                y,
                height: 1,
                ..rows_a
            },
            buf,
        );
    }
}
