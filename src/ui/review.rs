//! The review screen (`unknot history`): past sessions, a chart of pain over time, and figures.
//!
//! Three panes, switched with Tab or 1-3. Only the visible rows of the session list are drawn,
//! so a history of thousands of sessions stays quick; the chart and the figures are worked out
//! once, when the screen opens.

use std::cell::Cell;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeDelta};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Block, Chart, Dataset, GraphType, Paragraph, Widget, Wrap};

use super::{Theme, keys_line};
use crate::history::{
    self, History, RoutineFigures, SessionView, StepEffect, Verdict, per_routine, per_week,
    step_effects, streak,
};
use crate::text;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pane {
    Sessions,
    Chart,
    Figures,
}

impl Pane {
    const ALL: [Pane; 3] = [Pane::Sessions, Pane::Chart, Pane::Figures];

    fn index(self) -> usize {
        match self {
            Pane::Sessions => 0,
            Pane::Chart => 1,
            Pane::Figures => 2,
        }
    }
}

#[derive(Debug)]
pub struct Review {
    history: History,
    notice: Option<String>,
    pane: Pane,
    /// Position in the list, newest first: 0 is the last session of `history.sessions`.
    selected: usize,
    /// The selected session is open in detail.
    detail: bool,
    /// Scroll positions, settled when drawn (the drawing knows the height).
    list_offset: Cell<usize>,
    page: Cell<usize>,
    detail_scroll: Cell<u16>,
    figures_scroll: Cell<u16>,
    widths: Widths,
    /// Boxed, so that a `Review` stays small to move around.
    chart: Box<ChartData>,
    figures: Box<Figures>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewAction {
    Stay,
    Close,
}

/// The widest value of each list column, over the whole history.
#[derive(Debug, Default)]
struct Widths {
    routine: usize,
    time: usize,
    outcome: usize,
    pain: usize,
}

#[derive(Debug, Default)]
struct ChartData {
    before: Vec<(f64, f64)>,
    after: Vec<(f64, f64)>,
    logs: Vec<(f64, f64)>,
    /// Days from the first score to the last.
    span: f64,
    first: String,
    last: String,
}

#[derive(Debug)]
struct Figures {
    routines: Vec<RoutineFigures>,
    steps: Vec<StepEffect>,
    streak: u32,
    per_week: f64,
}

impl Review {
    /// `notice`: a line to show once at the top when lines of the file were skipped (None if none).
    pub fn new(history: History, notice: Option<String>, today: NaiveDate) -> Review {
        let figures = Box::new(Figures {
            routines: per_routine(&history),
            steps: step_effects(&history),
            streak: streak(&history, today),
            per_week: per_week(&history, today),
        });
        Review {
            widths: widths(&history),
            chart: Box::new(chart_data(&history)),
            figures,
            history,
            notice,
            pane: Pane::Sessions,
            selected: 0,
            detail: false,
            list_offset: Cell::new(0),
            page: Cell::new(10),
            detail_scroll: Cell::new(0),
            figures_scroll: Cell::new(0),
        }
    }

    /// Only key presses reach this. q / Esc closes (Esc from a detail goes back to the list first).
    pub fn on_key(&mut self, key: KeyEvent) -> ReviewAction {
        match key.code {
            KeyCode::Char('q') => return ReviewAction::Close,
            KeyCode::Esc if self.detail && self.pane == Pane::Sessions => self.detail = false,
            KeyCode::Esc => return ReviewAction::Close,
            KeyCode::Tab => self.pane = Pane::ALL[(self.pane.index() + 1) % 3],
            KeyCode::BackTab => self.pane = Pane::ALL[(self.pane.index() + 2) % 3],
            KeyCode::Char('1') => self.pane = Pane::Sessions,
            KeyCode::Char('2') => self.pane = Pane::Chart,
            KeyCode::Char('3') => self.pane = Pane::Figures,
            KeyCode::Enter if self.pane == Pane::Sessions && !self.history.sessions.is_empty() => {
                self.detail = true;
                self.detail_scroll.set(0);
            }
            code => {
                if let Some(motion) = Motion::from_key(code) {
                    self.motion(motion);
                }
            }
        }
        ReviewAction::Stay
    }

    fn motion(&mut self, motion: Motion) {
        let page = self.page.get().max(1);
        match self.pane {
            Pane::Sessions if self.detail => scroll(&self.detail_scroll, motion, page),
            Pane::Sessions => {
                let last = self.history.sessions.len().saturating_sub(1);
                self.selected = match motion {
                    Motion::Up => self.selected.saturating_sub(1),
                    Motion::Down => self.selected.saturating_add(1),
                    Motion::PageUp => self.selected.saturating_sub(page),
                    Motion::PageDown => self.selected.saturating_add(page),
                    Motion::Home => 0,
                    Motion::End => last,
                }
                .min(last);
            }
            Pane::Figures => scroll(&self.figures_scroll, motion, page),
            Pane::Chart => {}
        }
    }

    /// The session at `i` in the newest-first list.
    fn session(&self, i: usize) -> Option<&SessionView> {
        let n = self.history.sessions.len();
        i.checked_add(1)
            .and_then(|i| n.checked_sub(i))
            .and_then(|i| self.history.sessions.get(i))
    }
}

#[derive(Debug, Clone, Copy)]
enum Motion {
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
}

impl Motion {
    fn from_key(code: KeyCode) -> Option<Motion> {
        Some(match code {
            KeyCode::Up | KeyCode::Char('k') => Motion::Up,
            KeyCode::Down | KeyCode::Char('j') => Motion::Down,
            KeyCode::PageUp => Motion::PageUp,
            KeyCode::PageDown => Motion::PageDown,
            KeyCode::Home => Motion::Home,
            KeyCode::End => Motion::End,
            _ => return None,
        })
    }
}

/// Moves a text's scroll position; drawing it clamps the position to the text's end.
fn scroll(position: &Cell<u16>, motion: Motion, page: usize) {
    let page = u16::try_from(page).unwrap_or(u16::MAX);
    let p = position.get();
    position.set(match motion {
        Motion::Up => p.saturating_sub(1),
        Motion::Down => p.saturating_add(1),
        Motion::PageUp => p.saturating_sub(page),
        Motion::PageDown => p.saturating_add(page),
        Motion::Home => 0,
        Motion::End => u16::MAX,
    });
}

fn date(at: &DateTime<FixedOffset>) -> String {
    at.format("%Y-%m-%d %H:%M").to_string()
}

fn short_date(at: &DateTime<FixedOffset>) -> String {
    at.format("%Y-%m-%d").to_string()
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// The longest routine name shown in full in the list; longer ones are cut.
const ROUTINE_MAX: usize = 24;
const DATE_WIDTH: usize = 16;
const SHORT_DATE_WIDTH: usize = 10;
const HIGHLIGHT: &str = "› ";

fn widths(h: &History) -> Widths {
    let mut w = Widths {
        routine: chars(text::REVIEW_COLUMNS[1]),
        time: chars(text::REVIEW_COLUMNS[2]),
        outcome: chars(text::REVIEW_COLUMNS[3]),
        pain: chars(text::REVIEW_COLUMNS[4]),
    };
    for s in &h.sessions {
        w.routine = w.routine.max(chars(&s.routine).min(ROUTINE_MAX));
        w.time = w.time.max(chars(&text::minutes_short(s.elapsed)));
        w.outcome = w.outcome.max(chars(text::outcome_word(s.outcome)));
        w.pain = w
            .pain
            .max(chars(&text::pain_pair(s.pain_before(), s.pain_after())));
    }
    w
}

fn chart_data(h: &History) -> ChartData {
    let mut scores: Vec<(NaiveDateTime, u8, usize)> = Vec::new();
    for s in &h.sessions {
        let start = s.started.naive_local();
        if let Some(p) = s.pain_before() {
            scores.push((start, p, 0));
        }
        if let Some(p) = s.pain_after() {
            let end = TimeDelta::from_std(s.elapsed)
                .ok()
                .and_then(|d| start.checked_add_signed(d))
                .unwrap_or(start);
            scores.push((end, p, 1));
        }
    }
    for l in &h.logs {
        if let Some(p) = l.value.pain {
            scores.push((l.at.naive_local(), p, 2));
        }
    }
    let (Some(first), Some(last)) = (
        scores.iter().map(|s| s.0).min(),
        scores.iter().map(|s| s.0).max(),
    ) else {
        return ChartData::default();
    };
    let mut data = ChartData {
        span: days(last - first),
        first: first.format("%Y-%m-%d").to_string(),
        last: last.format("%Y-%m-%d").to_string(),
        ..ChartData::default()
    };
    for (at, pain, series) in scores {
        let point = (days(at - first), f64::from(pain));
        match series {
            0 => data.before.push(point),
            1 => data.after.push(point),
            _ => data.logs.push(point),
        }
    }
    data
}

fn days(d: TimeDelta) -> f64 {
    d.num_seconds() as f64 / 86_400.0
}

pub fn render(review: &Review, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let mut block = Block::bordered().title(Line::styled(
        format!(" {} ", text::REVIEW_TITLE),
        theme.title(),
    ));
    let sessions = review.history.sessions.len();
    if review.pane == Pane::Sessions && sessions > 0 {
        block = block.title_bottom(
            Line::from(format!(
                " {} ",
                text::review_position(review.selected, sessions)
            ))
            .right_aligned(),
        );
    }
    let inner = block.inner(area);
    block.render(area, buf);

    let notice = review
        .notice
        .as_deref()
        .map(|n| Paragraph::new(Line::styled(n, theme.caution())).wrap(Wrap { trim: true }));
    let notice_height = notice
        .as_ref()
        .map_or(0, |p| p.line_count(inner.width).min(3) as u16);
    let empty = sessions == 0 && review.history.logs.is_empty();

    let [tabs_a, notice_a, body_a, keys_a] = Layout::vertical([
        Constraint::Length(u16::from(!empty)),
        Constraint::Length(notice_height),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(inner);

    if let Some(notice) = notice {
        notice.render(notice_a, buf);
    }
    let keys = if empty {
        text::REVIEW_KEYS_EMPTY
    } else {
        render_tabs(review.pane, theme, tabs_a, buf);
        match review.pane {
            Pane::Sessions if review.detail => {
                render_detail(review, theme, body_a, buf);
                fit(
                    text::REVIEW_KEYS_DETAIL,
                    text::REVIEW_KEYS_DETAIL_SHORT,
                    keys_a,
                )
            }
            Pane::Sessions => {
                render_list(review, theme, body_a, buf);
                fit(text::REVIEW_KEYS_LIST, text::REVIEW_KEYS_LIST_SHORT, keys_a)
            }
            Pane::Chart => {
                render_chart(&review.chart, theme, body_a, buf);
                text::REVIEW_KEYS_CHART
            }
            Pane::Figures => {
                render_figures(review, theme, body_a, buf);
                fit(
                    text::REVIEW_KEYS_FIGURES,
                    text::REVIEW_KEYS_FIGURES_SHORT,
                    keys_a,
                )
            }
        }
    };
    if empty {
        render_empty(theme, body_a, buf);
    }
    Paragraph::new(keys_line(keys, theme)).render(keys_a, buf);
}

/// The long key hint when it fits, else the short one.
fn fit<'a>(long: &'a str, short: &'a str, area: Rect) -> &'a str {
    if chars(long) <= usize::from(area.width) {
        long
    } else {
        short
    }
}

fn render_tabs(pane: Pane, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let spans: Vec<Span> = Pane::ALL
        .iter()
        .zip(text::REVIEW_PANES)
        .map(|(p, name)| {
            if *p == pane {
                Span::styled(format!("[{name}]"), theme.selected())
            } else {
                Span::raw(format!(" {name} "))
            }
        })
        .collect();
    Line::from(spans).render(area, buf);
}

fn render_empty(theme: &Theme, area: Rect, buf: &mut Buffer) {
    let mut lines = vec![
        Line::styled(text::REVIEW_EMPTY_TITLE, theme.heading()),
        Line::from(""),
    ];
    lines.extend(text::REVIEW_EMPTY.iter().map(|l| Line::from(*l)));
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .render(area, buf);
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

const VERDICTS: [Verdict; 5] = [
    Verdict::Better,
    Verdict::SlightlyLower,
    Verdict::Same,
    Verdict::SlightlyHigher,
    Verdict::Worse,
];

fn columns(w: &Widths, width: usize) -> Columns {
    let verdict_width = VERDICTS
        .iter()
        .map(|v| chars(text::verdict_short(*v)))
        .max()
        .unwrap_or_default();
    let room = width.saturating_sub(chars(HIGHLIGHT));
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
    // A routine column narrower than this is not worth showing.
    const ROUTINE_MIN: usize = 8;
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

fn pad(s: &str, width: usize) -> String {
    let n = chars(s);
    if n > width {
        let mut cut: String = s.chars().take(width.saturating_sub(1)).collect();
        cut.push('…');
        cut
    } else {
        format!("{s}{}", " ".repeat(width - n))
    }
}

fn verdict_style(v: Verdict, theme: &Theme) -> Style {
    match v {
        Verdict::Better => theme.gauge(),
        Verdict::Worse => theme.caution(),
        _ => Style::new(),
    }
}

/// One row of the list, or the header when `session` is `None`.
fn list_row<'a>(
    session: Option<&SessionView>,
    c: Columns,
    w: &Widths,
    theme: &Theme,
) -> Vec<Span<'a>> {
    let date_w = if c.short_date {
        SHORT_DATE_WIDTH
    } else {
        DATE_WIDTH
    };
    let h = text::REVIEW_COLUMNS;
    let (date, routine, time, outcome, pain, verdict) = match session {
        None => (
            h[0].to_string(),
            h[1].to_string(),
            h[2].to_string(),
            h[3].to_string(),
            h[4].to_string(),
            (h[5].to_string(), Style::new()),
        ),
        Some(s) => (
            if c.short_date {
                short_date(&s.started)
            } else {
                date(&s.started)
            },
            s.routine.clone(),
            text::minutes_short(s.elapsed),
            text::outcome_word(s.outcome).to_string(),
            text::pain_pair(s.pain_before(), s.pain_after()),
            s.change().map_or((String::new(), Style::new()), |ch| {
                let v = ch.verdict();
                (text::verdict_short(v).to_string(), verdict_style(v, theme))
            }),
        ),
    };
    let mut spans = vec![Span::raw(pad(&date, date_w))];
    if let Some(rw) = c.routine {
        spans.push(Span::raw(format!(" {}", pad(&routine, rw))));
    }
    if c.time {
        spans.push(Span::raw(format!(" {time:>width$}", width = w.time)));
    }
    spans.push(Span::raw(format!(" {}", pad(&outcome, w.outcome))));
    spans.push(Span::raw(format!(" {}", pad(&pain, w.pain))));
    if c.verdict {
        spans.push(Span::styled(format!(" {}", verdict.0), verdict.1));
    }
    spans
}

fn render_list(review: &Review, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let total = review.history.sessions.len();
    if total == 0 {
        Paragraph::new(text::REVIEW_NO_SESSIONS)
            .wrap(Wrap { trim: true })
            .render(area, buf);
        return;
    }
    let [header_a, rows_a] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    let c = columns(&review.widths, usize::from(area.width));
    let mut header = vec![Span::raw(" ".repeat(chars(HIGHLIGHT)))];
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
        let y = rows_a.y.saturating_add(row as u16);
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

/// A paragraph scrolled to `position`, kept within the text.
fn render_scrolled(lines: Vec<Line>, position: &Cell<u16>, area: Rect, buf: &mut Buffer) {
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    let total = paragraph.line_count(area.width);
    let max = u16::try_from(total.saturating_sub(usize::from(area.height))).unwrap_or(u16::MAX);
    let top = position.get().min(max);
    position.set(top);
    paragraph.scroll((top, 0)).render(area, buf);
}

fn render_detail(review: &Review, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let Some(s) = review.session(review.selected) else {
        return;
    };
    let mut lines = vec![
        Line::styled(
            text::detail_title(&date(&s.started), &s.routine),
            theme.heading(),
        ),
        Line::from(text::detail_outcome(s.outcome, s.elapsed)),
        Line::styled(
            text::detail_change(s.change()),
            s.change()
                .map_or(Style::new(), |c| verdict_style(c.verdict(), theme)),
        ),
        Line::from(""),
    ];
    let check_in = |lines: &mut Vec<Line>, title, c: Option<&history::CheckIn>| {
        lines.push(Line::styled(title, theme.heading()));
        match c {
            Some(c) => lines.extend(text::check_in_lines(c).into_iter().map(Line::from)),
            None => lines.push(Line::from(text::DETAIL_NO_CHECK_IN)),
        }
    };
    check_in(&mut lines, text::DETAIL_BEFORE, s.before.as_ref());
    if !s.during.is_empty() {
        lines.push(Line::styled(text::DETAIL_DURING, theme.heading()));
        for d in &s.during {
            lines.push(Line::from(text::during_line(
                d.value.after_step.as_deref(),
                d.value.pain,
            )));
            if let Some(note) = d.value.note.as_deref().filter(|n| !n.trim().is_empty()) {
                lines.push(Line::from(text::during_note(note)));
            }
        }
    }
    check_in(&mut lines, text::DETAIL_AFTER, s.after.as_ref());
    lines.push(Line::from(""));
    lines.push(Line::styled(text::DETAIL_STEPS, theme.heading()));
    if s.steps.is_empty() {
        lines.push(Line::from(text::DETAIL_NO_STEPS));
    }
    lines.extend(s.steps.iter().map(|st| Line::from(text::step_detail(st))));
    render_scrolled(lines, &review.detail_scroll, area, buf);
}

fn render_chart(data: &ChartData, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if data.before.is_empty() && data.after.is_empty() && data.logs.is_empty() {
        Paragraph::new(text::CHART_EMPTY)
            .wrap(Wrap { trim: true })
            .render(area, buf);
        return;
    }
    let styles = [theme.caution(), theme.gauge(), theme.rest()];
    let names = [text::CHART_BEFORE, text::CHART_AFTER, text::CHART_LOG];
    let series = [&data.before, &data.after, &data.logs];
    let mut legend = Vec::new();
    for ((name, style), points) in names.iter().zip(styles).zip(series) {
        if !points.is_empty() {
            legend.push(Span::styled(*name, style));
            legend.push(Span::raw("   "));
        }
    }
    legend.pop();
    let legend = Paragraph::new(Line::from(legend)).wrap(Wrap { trim: true });
    let legend_height = legend.line_count(area.width) as u16;
    // On a short screen the chart keeps the room and the title goes.
    let title_height = u16::from(area.height >= 12);
    let [title_a, legend_a, chart_a] = Layout::vertical([
        Constraint::Length(title_height),
        Constraint::Length(legend_height),
        Constraint::Fill(1),
    ])
    .areas(area);
    Line::styled(text::CHART_TITLE, theme.heading()).render(title_a, buf);
    legend.render(legend_a, buf);

    let datasets: Vec<Dataset> = series
        .iter()
        .zip(text::CHART_MARKERS)
        .zip(styles)
        .map(|((points, marker), style)| {
            Dataset::default()
                .marker(Marker::Custom(marker))
                .graph_type(GraphType::Scatter)
                .style(style)
                .data(points)
        })
        .collect();
    let span = data.span.max(1.0);
    let chart = Chart::new(datasets)
        .legend_position(None)
        .x_axis(
            Axis::default()
                .bounds([0.0, span])
                .labels([data.first.clone(), data.last.clone()])
                .style(theme.dim()),
        )
        .y_axis(
            Axis::default()
                .bounds([0.0, 10.0])
                .labels(["0", "5", "10"])
                .style(theme.dim()),
        );
    chart.render(chart_a, buf);
}

fn render_figures(review: &Review, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let f = &review.figures;
    let h = &review.history;
    let mut lines = vec![
        Line::styled(text::FIGURES_REGULARITY, theme.heading()),
        Line::from(text::figures_totals(h.sessions.len(), h.logs.len())),
        Line::from(text::streak_line(f.streak)),
        Line::from(text::per_week_line(f.per_week)),
        Line::from(""),
    ];
    if !f.routines.is_empty() {
        lines.push(Line::styled(text::FIGURES_ROUTINES, theme.heading()));
        for r in &f.routines {
            lines.push(Line::from(text::routine_line(
                &r.routine,
                r.sessions,
                r.completed,
            )));
            lines.push(Line::from(text::routine_average(
                r.average_change,
                r.with_change,
            )));
        }
        lines.push(Line::from(""));
    }
    lines.push(Line::styled(text::FIGURES_STEPS, theme.heading()));
    if f.steps.is_empty() {
        lines.push(Line::from(text::FIGURES_STEPS_NONE));
    } else {
        lines.extend(f.steps.iter().map(|e| {
            Line::from(text::step_effect_line(
                &e.step,
                &e.routine,
                e.average_change,
                e.count,
            ))
        }));
    }
    lines.push(Line::from(""));
    lines.push(Line::styled(text::FIGURES_NOISE, theme.dim()));
    render_scrolled(lines, &review.figures_scroll, area, buf);
}
