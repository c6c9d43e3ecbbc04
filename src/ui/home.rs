//! The home screen: pick a routine, see what it holds.

use std::fmt::Write as _;

use chrono::{DateTime, FixedOffset};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::symbols::Marker;
use ratatui::text::Line;
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph, StatefulWidget, Widget, Wrap};

use super::{Theme, keys};
use crate::figure::Figure;
use crate::history::{Digest, Reading, per_week, streak};
use crate::routine::{Origin, Routine, RoutineEntry};
use crate::safety::{self, Tier};
use crate::text;

#[derive(Debug, Clone)]
pub struct Home {
    pub entries: Vec<RoutineEntry>,
    pub selected: usize,
    /// User routine files that failed to load.
    pub broken: usize,
    /// What the history says lately: the last session, the streak. Empty with no history.
    pub recent: Vec<String>,
    /// Something the person should know (history lines skipped, history not saved).
    pub notice: Option<String>,
}

impl Home {
    pub fn new(entries: Vec<RoutineEntry>, broken: usize) -> Home {
        Home {
            entries,
            selected: 0,
            broken,
            recent: Vec::new(),
            notice: None,
        }
    }

    /// Says the history is being read, until [`Home::set_history`] fills in what it says.
    pub fn reading(&mut self) {
        self.recent = vec![text::history::READING.to_string()];
    }

    /// Fills in the last session, the streak, and a suggestion to step up or back.
    pub fn set_history(&mut self, history: &Digest, now: DateTime<FixedOffset>) {
        let today = now.date_naive();
        self.recent = Vec::new();
        // Signs of worsening first: they are what to act on.
        let seen = safety::observations(history);
        self.recent.extend(
            safety::worsening(&seen, now)
                .iter()
                .map(safety::Worsening::words),
        );
        // Then advice from the safety questions, while it stands.
        if let Some((tier, since)) = safety::standing_advice(history, now) {
            let when = since.format("%a %-d %b").to_string();
            self.recent.push(match tier {
                Tier::Serious => text::safety::remember_doctor(&when),
                Tier::Gp => text::safety::remember_gp(&when),
            });
        }
        if let Some(last) = history.sessions.last() {
            let unread = match last.reading() {
                Some(reading @ Reading::NotJudged(_)) => Some(reading.words()),
                _ => None,
            };
            let pain = last
                .change()
                .map(|c| text::home::home_last_pain(c.before, c.after, unread));
            self.recent.push(text::home::home_last(
                &last.routine,
                &last.started,
                pain.as_deref(),
            ));
        }
        if !history.sessions.is_empty() {
            self.recent.push(text::home::home_streak(
                streak(history.days(), today),
                per_week(history.days(), today),
            ));
        }
        self.recent
            .extend(safety::progression(history, &self.entries));
        // Once there is something to compare it with; never in the way of a session.
        let used = !history.sessions.is_empty() || !history.logs.is_empty();
        if used && crate::history::weekly_due(&history.weekly, now) {
            self.recent.push(text::weekly::OFFER.to_string());
        }
    }

    pub fn up(&mut self) {
        self.selected = self.selected.saturating_sub(1);
    }

    pub fn down(&mut self) {
        if self.selected + 1 < self.entries.len() {
            self.selected += 1;
        }
    }

    pub fn chosen(&self) -> Option<&RoutineEntry> {
        self.entries.get(self.selected)
    }
}

/// `question` is the morning-after question, while it waits for an answer.
pub fn render(home: &Home, question: Option<&str>, theme: Theme, area: Rect, buf: &mut Buffer) {
    let block = Block::bordered()
        .title(Line::styled(
            format!(" {} ", text::home::HOME_TITLE),
            theme.title(),
        ))
        .title(Line::from(format!(" {} ", text::home::HOME_TAGLINE)).right_aligned());
    let inner = block.inner(area);
    block.render(area, buf);

    let recent_rows = super::cells(home.recent.len());
    // The question or notice is whole, wrapped over as many lines as it needs, up to a third of
    // the screen: a refusal cut at the edge can say the opposite of what it means.
    let said = match (question, &home.notice) {
        (Some(q), _) => Some(Paragraph::new(Line::styled(q, theme.ready()))),
        (None, Some(n)) => Some(Paragraph::new(Line::styled(n.as_str(), theme.caution()))),
        (None, None) => None,
    }
    .map(|p| p.wrap(Wrap { trim: true }));
    let said_rows = said.as_ref().map_or(0, |p| {
        let rows = u16::try_from(p.line_count(inner.width)).unwrap_or(u16::MAX);
        rows.clamp(1, (inner.height / 3).max(1))
    });
    let keys = super::footer(keys::Context::Home, inner.width, theme);
    let [recent_a, main_a, notice_a, broken_a, keys_a] = Layout::vertical([
        Constraint::Length(if recent_rows > 0 {
            recent_rows.saturating_add(1)
        } else {
            0
        }),
        Constraint::Fill(1),
        Constraint::Length(said_rows),
        Constraint::Length(u16::from(home.broken > 0)),
        Constraint::Length(super::cells(keys.len())),
    ])
    .areas(inner);
    Paragraph::new(
        home.recent
            .iter()
            .map(|l| Line::from(l.as_str()))
            .collect::<Vec<_>>(),
    )
    .wrap(Wrap { trim: true })
    .render(recent_a, buf);
    if let Some(said) = said {
        said.render(notice_a, buf);
    }

    let wide = main_a.width >= 80;
    let list_rows = super::cells(home.entries.len()).saturating_add(1);
    let [list_a, detail_a] = if wide {
        Layout::horizontal([Constraint::Percentage(45), Constraint::Fill(1)]).areas(main_a)
    } else {
        Layout::vertical([Constraint::Length(list_rows), Constraint::Fill(1)]).areas(main_a)
    };

    let items: Vec<ListItem> = home
        .entries
        .iter()
        .map(|e| {
            let mut line = e.routine.list_line();
            if e.origin == Origin::User {
                let _ = write!(line, "  {}", text::routine::LIST_YOURS);
            }
            ListItem::new(line)
        })
        .collect();
    let mut state = ListState::default().with_selected(Some(home.selected));
    StatefulWidget::render(
        List::new(items)
            .highlight_symbol("› ")
            .highlight_style(theme.selected()),
        list_a,
        buf,
        &mut state,
    );

    if let Some(entry) = home.chosen() {
        render_detail(entry, theme, detail_a, buf);
    }

    if home.broken > 0 {
        Paragraph::new(Line::styled(
            text::home::home_broken(home.broken),
            theme.caution(),
        ))
        .render(broken_a, buf);
    }
    Paragraph::new(keys).render(keys_a, buf);
}

/// The chosen routine: its title, summary and steps with their dose.
fn render_detail(entry: &RoutineEntry, theme: Theme, area: Rect, buf: &mut Buffer) {
    let r = &entry.routine;
    let mut lines = vec![
        Line::styled(r.title.clone(), theme.heading()),
        Line::from(r.summary.clone()),
        Line::from(""),
        Line::styled(text::home::HOME_STEPS, theme.heading()),
    ];
    lines.extend(r.steps.iter().enumerate().map(|(i, s)| {
        let line =
            text::home::home_step_line(&s.title, s.sides.word(), s.work(), s.reps, s.is_check_in());
        Line::from(format!("{:>2}. {line}", i + 1))
    }));
    let detail = Block::new().padding(ratatui::widgets::Padding::horizontal(1));
    let paragraph = Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .block(detail);
    let used = super::cells(paragraph.line_count(area.width));
    paragraph.render(area, buf);
    if let Some(marker) = theme.figures() {
        let below = Rect {
            y: area.y + used.min(area.height),
            height: area.height.saturating_sub(used),
            ..area
        };
        thumbnails(r, marker, theme, below, buf);
    }
}

/// What the routine asks the body to do: a figure of each step's position in a row, numbered
/// by step, as many as fit under the list of steps.
fn thumbnails(routine: &Routine, marker: Marker, theme: Theme, area: Rect, buf: &mut Buffer) {
    const WIDTH: u16 = 18;
    // A blank row above, the number under each.
    if area.height < super::figure::MIN_ROWS + 2 || area.width < WIDTH {
        return;
    }
    let height = (area.height - 2).min(8);
    let mut x = area.x;
    let mut shown: Vec<&Figure> = Vec::new();
    for (i, step) in routine.steps.iter().enumerate() {
        let Some(figure) = &step.figure else {
            continue;
        };
        if shown.contains(&figure) {
            continue;
        }
        let width = if figure.is_movement() {
            2 * WIDTH
        } else {
            WIDTH
        };
        if x + width > area.right() {
            // A still figure further on may fit where a movement did not.
            continue;
        }
        let cell = Rect::new(x, area.y + 1, width, height);
        if !super::figure::thumbnail(figure, marker, theme, cell, buf) {
            continue;
        }
        shown.push(figure);
        Paragraph::new(Line::styled(format!("{}", i + 1), theme.dim()))
            .centered()
            .render(Rect::new(x, area.y + 1 + height, width, 1), buf);
        x += width;
    }
}
