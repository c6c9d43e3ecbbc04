//! One session in detail: its outcome, pain before, during and after, and its steps.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

use super::{Review, date, render_scrolled, verdict_style};
use crate::history;
use crate::text;
use crate::ui::Theme;

pub(super) fn render_detail(review: &Review, theme: &Theme, area: Rect, buf: &mut Buffer) {
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
