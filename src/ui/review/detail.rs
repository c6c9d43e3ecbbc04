//! One session in detail: its outcome, pain before, during and after, and its steps.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::{Review, change_style, date, render_scrolled};
use crate::history::{Area, BodySide, Change, CheckIn};
use crate::text;
use crate::ui::Theme;

pub(super) fn render_detail(review: &Review, theme: Theme, area: Rect, buf: &mut Buffer) {
    let Some(s) = review.session(review.selected) else {
        return;
    };
    let mut lines = vec![
        Line::styled(
            text::review::detail_title(&date(&s.started), &s.routine),
            theme.heading(),
        ),
        Line::from(text::review::detail_outcome(s.finish().detail(), s.elapsed)),
        Line::styled(
            text::review::detail_change(s.change().map(Change::line).as_deref()),
            change_style(s.change(), theme),
        ),
    ];
    if let Some(reading) = s.reading() {
        lines.push(Line::styled(reading.sentence(), theme.dim()));
    }
    lines.push(Line::from(""));
    let check_in = |lines: &mut Vec<Line>, title, c: Option<&CheckIn>| {
        lines.push(Line::styled(title, theme.heading()));
        match c {
            Some(c) => lines.extend(check_in_lines(c).into_iter().map(Line::from)),
            None => lines.push(Line::from(text::review::DETAIL_NO_CHECK_IN)),
        }
    };
    check_in(&mut lines, text::review::DETAIL_BEFORE, s.before.as_ref());
    if !s.during.is_empty() {
        lines.push(Line::styled(text::review::DETAIL_DURING, theme.heading()));
        for d in &s.during {
            lines.push(Line::from(text::review::during_line(
                d.value.after_step.as_deref(),
                d.value.pain,
            )));
            if let Some(note) = d.value.note.as_deref().filter(|n| !n.trim().is_empty()) {
                lines.push(Line::from(text::review::during_note(note)));
            }
        }
    }
    check_in(&mut lines, text::review::DETAIL_AFTER, s.after.as_ref());
    lines.push(Line::from(""));
    lines.push(Line::styled(text::review::DETAIL_STEPS, theme.heading()));
    if s.steps.is_empty() {
        lines.push(Line::from(text::review::DETAIL_NO_STEPS));
    }
    lines.extend(s.steps.iter().map(|st| {
        Line::from(text::review::step_detail(
            st.step, &st.title, st.actual, st.planned, st.skipped,
        ))
    }));
    render_scrolled(lines, &review.detail_scroll, area, buf);
}

/// The lines of one check-in, indented: pain, where, numbness, how it felt, the note.
fn check_in_lines(c: &CheckIn) -> Vec<String> {
    let mut lines = vec![text::review::detail_pain(c.pain)];
    if !c.areas.is_empty() || c.side.is_some() {
        let areas = Area::join(&c.areas, text::checkin::AREAS_SCREEN);
        lines.push(text::review::detail_where(
            &areas,
            c.side.map(BodySide::word),
        ));
    }
    if let Some(n) = c.numbness {
        lines.push(text::review::detail_numbness(n));
    }
    if let Some(f) = c.felt {
        lines.push(text::review::detail_felt(f.word()));
    }
    if let Some(note) = c.note.as_deref().filter(|n| !n.trim().is_empty()) {
        lines.push(text::review::detail_note(note));
    }
    lines
}
