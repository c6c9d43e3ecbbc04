//! The chart of pain over time: the points worked out once from the history, and the drawing.

use chrono::{NaiveDateTime, TimeDelta};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Paragraph, Widget, Wrap};

use crate::history::History;
use crate::text;
use crate::ui::Theme;

#[derive(Debug, Default)]
pub(super) struct ChartData {
    before: Vec<(f64, f64)>,
    after: Vec<(f64, f64)>,
    logs: Vec<(f64, f64)>,
    /// Days from the first score to the last.
    span: f64,
    first: String,
    last: String,
}

pub(super) fn chart_data(h: &History) -> ChartData {
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

pub(super) fn render_chart(data: &ChartData, theme: Theme, area: Rect, buf: &mut Buffer) {
    if data.before.is_empty() && data.after.is_empty() && data.logs.is_empty() {
        Paragraph::new(text::review::CHART_EMPTY)
            .wrap(Wrap { trim: true })
            .render(area, buf);
        return;
    }
    let styles = [theme.caution(), theme.gauge(), theme.rest()];
    let names = [
        text::review::CHART_BEFORE,
        text::review::CHART_AFTER,
        text::review::CHART_LOG,
    ];
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
    let legend_height = crate::ui::cells(legend.line_count(area.width));
    // On a short screen the chart keeps the room and the title goes.
    let title_height = u16::from(area.height >= 12);
    let [title_a, legend_a, chart_a] = Layout::vertical([
        Constraint::Length(title_height),
        Constraint::Length(legend_height),
        Constraint::Fill(1),
    ])
    .areas(area);
    Line::styled(text::review::CHART_TITLE, theme.heading()).render(title_a, buf);
    legend.render(legend_a, buf);

    let datasets: Vec<Dataset> = series
        .iter()
        .zip(text::review::CHART_MARKERS)
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
