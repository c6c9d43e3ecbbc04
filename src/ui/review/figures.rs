//! The figures pane: regularity, per-routine averages and the stretches of a routine between
//! two check-ins (never one step's effect: routines run in a fixed order).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::{Review, render_scrolled};
use crate::history::{
    BreakFigures, RoutineFigures, STRETCH_MIN_SESSIONS, Stretch, Verdict, WeeklyTrend,
};
use crate::text;
use crate::ui::Theme;

#[derive(Debug)]
pub(super) struct Figures {
    pub(super) routines: Vec<RoutineFigures>,
    pub(super) stretches: Vec<Stretch>,
    pub(super) streak: u32,
    pub(super) per_week: f64,
    /// Sitting-break answers of the last seven days.
    pub(super) breaks: BreakFigures,
    /// Whether `unknot desk` ever asked for a break.
    pub(super) ever_desk: bool,
    pub(super) weekly: WeeklyTrend,
}

pub(super) fn render_figures(review: &Review, theme: Theme, area: Rect, buf: &mut Buffer) {
    let f = &review.figures;
    let h = &review.history;
    let mut lines = vec![
        Line::styled(text::review::FIGURES_REGULARITY, theme.heading()),
        Line::from(text::review::figures_totals(h.sessions.len(), h.logs.len())),
        Line::from(text::review::streak_line(f.streak)),
        Line::from(text::review::per_week_line(f.per_week)),
        Line::from(""),
        Line::styled(text::weekly::FIGURES_WEEKLY, theme.heading()),
    ];
    lines.extend(weekly_lines(&f.weekly));
    lines.extend([
        Line::styled(text::weekly::WEEKLY_THRESHOLD, theme.dim()),
        Line::from(""),
    ]);
    if !f.routines.is_empty() {
        lines.push(Line::styled(
            text::review::FIGURES_ROUTINES,
            theme.heading(),
        ));
        for r in &f.routines {
            lines.push(Line::from(text::review::routine_line(
                &r.routine,
                r.sessions,
                r.completed,
            )));
            lines.push(Line::from(match r.average_change {
                Some(a) => {
                    text::review::routine_average(a, r.with_change, Verdict::of_average(a).short())
                }
                None => text::review::ROUTINE_NO_AVERAGE.to_string(),
            }));
        }
        lines.push(Line::from(""));
    }
    lines.push(Line::styled(
        text::review::FIGURES_STRETCHES,
        theme.heading(),
    ));
    if f.stretches.is_empty() {
        lines.push(Line::from(text::review::stretches_none(
            STRETCH_MIN_SESSIONS,
        )));
    } else {
        lines.extend(f.stretches.iter().map(|s| {
            Line::from(text::review::stretch_line(
                &s.steps,
                &s.routine,
                s.average_change,
                s.sessions,
            ))
        }));
    }
    lines.push(Line::from(""));
    lines.push(Line::styled(text::review::FIGURES_NOISE, theme.dim()));
    lines.extend([
        Line::from(""),
        Line::styled(text::review::FIGURES_BREAKS, theme.heading()),
        Line::from(if f.ever_desk {
            text::review::breaks_line(f.breaks.taken, f.breaks.snoozed, f.breaks.skipped)
        } else {
            text::review::BREAKS_NONE.to_string()
        }),
    ]);
    render_scrolled(lines, &review.figures_scroll, area, buf);
}

/// How many weekly checks, since when, and each score's change from the first to the last.
fn weekly_lines(t: &WeeklyTrend) -> Vec<Line<'static>> {
    let Some(since) = t.since else {
        return vec![Line::from(text::weekly::WEEKLY_NONE)];
    };
    let mut lines = vec![Line::from(text::weekly::weekly_count(
        t.checks,
        &since.format("%a %-d %b").to_string(),
    ))];
    if let Some(last) = &t.last {
        lines.push(Line::from(text::weekly::latest(
            &last.at.format("%a %-d %b").to_string(),
            &last.value.summary(),
        )));
    }
    lines.extend(t.lines().into_iter().map(Line::from));
    lines
}
