//! The review screen (`unknot history`): past sessions, a chart of pain over time, and figures.
//!
//! Three panes, switched with Tab or 1-3. Only the visible rows of the session list are drawn,
//! so a history of thousands of sessions stays quick; the chart and the figures are worked out
//! once, when the screen opens.

mod chart;
mod detail;
mod figures;
mod list;

use std::cell::Cell;

use chrono::{DateTime, FixedOffset, NaiveDate};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::Theme;
use super::keys::{Context, ReviewKey};
use crate::history::{
    Change, History, SessionView, Verdict, per_routine, per_week, sitting_breaks, streak,
    stretches, weekly_trend,
};
use crate::text;

use chart::{ChartData, chart_data, render_chart};
use detail::render_detail;
use figures::{Figures, render_figures};
use list::{Widths, render_list, widths};

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
    /// The history is still being read: the review says so until it is replaced by one made
    /// from what was read.
    reading: bool,
    notice: Option<String>,
    /// Signs of worsening over weeks, each saying to see a GP or physiotherapist.
    advice: Vec<String>,
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

impl Review {
    /// `notice`: a line to show once at the top when lines of the file were skipped (None if none).
    pub fn new(history: History, notice: Option<String>, today: NaiveDate) -> Review {
        let figures = Box::new(Figures {
            routines: per_routine(&history),
            stretches: stretches(&history),
            streak: streak(history.days(), today),
            per_week: per_week(history.days(), today),
            breaks: sitting_breaks(&history, today),
            ever_desk: !history.breaks.is_empty(),
            weekly: weekly_trend(&history.weekly),
        });
        Review {
            widths: widths(&history),
            chart: Box::new(chart_data(&history)),
            figures,
            history,
            reading: false,
            notice,
            advice: Vec::new(),
            pane: Pane::Sessions,
            selected: 0,
            detail: false,
            list_offset: Cell::new(0),
            page: Cell::new(10),
            detail_scroll: Cell::new(0),
            figures_scroll: Cell::new(0),
        }
    }

    /// A review with nothing in it yet, saying the history is being read.
    pub fn reading(today: NaiveDate) -> Review {
        Review {
            reading: true,
            ..Review::new(History::default(), None, today)
        }
    }

    /// Nothing recorded yet: no session, quick log or sitting break.
    fn is_empty(&self) -> bool {
        let h = &self.history;
        h.sessions.is_empty() && h.logs.is_empty() && h.breaks.is_empty() && h.weekly.is_empty()
    }

    /// Signs of worsening to show above every pane.
    #[must_use]
    pub fn with_advice(mut self, advice: Vec<String>) -> Review {
        self.advice = advice;
        self
    }

    /// What the keys mean on the view shown: the list, a session's detail, the chart, the
    /// figures, or nothing yet.
    pub fn context(&self) -> Context {
        if self.is_empty() {
            return Context::ReviewEmpty;
        }
        match self.pane {
            Pane::Sessions if self.detail => Context::ReviewDetail,
            Pane::Sessions => Context::ReviewList,
            Pane::Chart => Context::ReviewChart,
            Pane::Figures => Context::ReviewFigures,
        }
    }

    /// One control from the keymap. Esc from a detail goes back to the list first.
    pub fn apply(&mut self, key: ReviewKey) -> ReviewAction {
        match key {
            ReviewKey::Back if self.detail && self.pane == Pane::Sessions => self.detail = false,
            ReviewKey::Close | ReviewKey::Back => return ReviewAction::Close,
            ReviewKey::NextPane => self.pane = Pane::ALL[(self.pane.index() + 1) % 3],
            ReviewKey::PreviousPane => self.pane = Pane::ALL[(self.pane.index() + 2) % 3],
            ReviewKey::Pane(n) => self.pane = Pane::ALL[usize::from(n).min(2)],
            ReviewKey::Open => {
                if self.pane == Pane::Sessions && !self.history.sessions.is_empty() {
                    self.detail = true;
                    self.detail_scroll.set(0);
                }
            }
            ReviewKey::Up => self.motion(Motion::Up),
            ReviewKey::Down => self.motion(Motion::Down),
            ReviewKey::PageUp => self.motion(Motion::PageUp),
            ReviewKey::PageDown => self.motion(Motion::PageDown),
            ReviewKey::First => self.motion(Motion::Home),
            ReviewKey::Last => self.motion(Motion::End),
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

pub fn render(review: &Review, theme: Theme, area: Rect, buf: &mut Buffer) {
    let mut block = Block::bordered().title(Line::styled(
        format!(" {} ", text::review::REVIEW_TITLE),
        theme.title(),
    ));
    let sessions = review.history.sessions.len();
    if review.pane == Pane::Sessions && sessions > 0 {
        block = block.title_bottom(
            Line::from(format!(
                " {} ",
                text::review::review_position(review.selected, sessions)
            ))
            .right_aligned(),
        );
    }
    let inner = block.inner(area);
    block.render(area, buf);

    let said: Vec<Line> = review
        .advice
        .iter()
        .chain(&review.notice)
        .map(|n| Line::styled(n.as_str(), theme.caution()))
        .collect();
    let notice = (!said.is_empty()).then(|| Paragraph::new(said).wrap(Wrap { trim: true }));
    let notice_height = notice
        .as_ref()
        .map_or(0, |p| crate::ui::cells(p.line_count(inner.width).min(5)));
    let empty = review.is_empty();

    let keys = crate::ui::footer(review.context(), inner.width, theme);
    let [tabs_a, notice_a, body_a, keys_a] = Layout::vertical([
        Constraint::Length(u16::from(!empty)),
        Constraint::Length(notice_height),
        Constraint::Fill(1),
        Constraint::Length(crate::ui::cells(keys.len())),
    ])
    .areas(inner);

    if let Some(notice) = notice {
        notice.render(notice_a, buf);
    }
    if review.reading {
        Paragraph::new(Line::from(text::history::READING)).render(body_a, buf);
    } else if empty {
        render_empty(theme, body_a, buf);
    } else {
        render_tabs(review.pane, theme, tabs_a, buf);
        match review.pane {
            Pane::Sessions if review.detail => render_detail(review, theme, body_a, buf),
            Pane::Sessions => render_list(review, theme, body_a, buf),
            Pane::Chart => render_chart(&review.chart, theme, body_a, buf),
            Pane::Figures => render_figures(review, theme, body_a, buf),
        }
    }
    Paragraph::new(keys).render(keys_a, buf);
}

fn render_tabs(pane: Pane, theme: Theme, area: Rect, buf: &mut Buffer) {
    let spans: Vec<Span> = Pane::ALL
        .iter()
        .zip(text::review::REVIEW_PANES)
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

fn render_empty(theme: Theme, area: Rect, buf: &mut Buffer) {
    let mut lines = vec![
        Line::styled(text::review::REVIEW_EMPTY_TITLE, theme.heading()),
        Line::from(""),
    ];
    lines.extend(text::review::REVIEW_EMPTY.iter().map(|l| Line::from(*l)));
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}

/// A session's change in pain, marked only when it rose by a change people notice: that is
/// worth a second look; a drop in one session is not celebrated (CLINICAL §5).
fn change_style(change: Option<Change>, theme: Theme) -> Style {
    match change.map(|c| c.verdict()) {
        Some(Verdict::Worse) => theme.caution(),
        _ => Style::new(),
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
