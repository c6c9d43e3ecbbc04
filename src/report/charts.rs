//! The report's charts as SVG, drawn with plotters: pain over the period (before and after
//! each session, quick logs) and the weekly scores. The page says in words under each chart
//! what its marks are, so no legend covers a point; colour is never the only difference (before is a circle, after a cross, a log a
//! triangle; leg pain a solid line, back pain dashed, activities dotted).

use chrono::{DateTime, FixedOffset, NaiveDate};
use plotters::prelude::*;
use plotters::style::ShapeStyle;

use super::Report;

/// Width and height of each chart, in SVG user units (about a printed A4 column).
const SIZE: (u32, u32) = (680, 155);
const BEFORE: RGBColor = RGBColor(31, 95, 170);
const AFTER: RGBColor = RGBColor(200, 90, 20);
const LOG: RGBColor = RGBColor(90, 90, 90);

/// Days from the start of the period, as the charts' x axis.
fn x(report: &Report, at: &DateTime<FixedOffset>) -> f64 {
    (at.date_naive() - report.period.since).num_days() as f64
        + f64::from(chrono::Timelike::num_seconds_from_midnight(&at.time())) / 86_400.0
}

fn days(report: &Report) -> f64 {
    ((report.period.until - report.period.since).num_days() + 1) as f64
}

#[expect(
    clippy::cast_possible_truncation,
    reason = "a day on the chart's axis: 0 to the period's length in days"
)]
fn label(report: &Report, day: f64) -> String {
    let date: NaiveDate = report.period.since + chrono::TimeDelta::days(day as i64);
    date.format("%-d %b").to_string()
}

/// Pain before and after each session and at each quick log, 0-10, over the period.
pub fn pain(report: &Report) -> Option<String> {
    let before: Vec<(f64, f64)> = report
        .sessions
        .iter()
        .filter_map(|s| Some((x(report, &s.started), f64::from(s.pain_before()?))))
        .collect();
    let after: Vec<(f64, f64)> = report
        .sessions
        .iter()
        .filter_map(|s| Some((x(report, &s.started), f64::from(s.pain_after()?))))
        .collect();
    let logs: Vec<(f64, f64)> = report
        .logs
        .iter()
        .filter_map(|l| Some((x(report, &l.at), f64::from(l.value.pain?))))
        .collect();
    if before.is_empty() && after.is_empty() && logs.is_empty() {
        return None;
    }
    draw(report, |chart| {
        fn filled(c: RGBColor) -> ShapeStyle {
            ShapeStyle::from(&c).filled()
        }
        chart
            .draw_series(before.iter().map(|p| Circle::new(*p, 4, filled(BEFORE))))
            .ok()?;
        chart
            .draw_series(
                after
                    .iter()
                    .map(|p| Cross::new(*p, 4, ShapeStyle::from(&AFTER).stroke_width(2))),
            )
            .ok()?;
        chart
            .draw_series(logs.iter().map(|p| TriangleMarker::new(*p, 4, filled(LOG))))
            .ok()?;
        Some(())
    })
}

/// The weekly check's scores over the period: leg pain, back pain, and the functional scale.
pub fn weekly(report: &Report) -> Option<String> {
    let series = |score: &dyn Fn(&crate::history::WeeklyCheck) -> Option<f64>| -> Vec<(f64, f64)> {
        report
            .weekly
            .iter()
            .filter_map(|w| Some((x(report, &w.at), score(&w.value)?)))
            .collect()
    };
    let leg = series(&|w| w.leg_pain.map(f64::from));
    let back = series(&|w| w.back_pain.map(f64::from));
    let function = series(&crate::history::WeeklyCheck::function);
    if leg.is_empty() && back.is_empty() && function.is_empty() {
        return None;
    }
    draw(report, |chart| {
        fn line(c: RGBColor) -> ShapeStyle {
            ShapeStyle::from(&c).stroke_width(2)
        }
        chart
            .draw_series(LineSeries::new(leg.clone(), line(BEFORE)))
            .ok()?;
        chart
            .draw_series(
                leg.iter()
                    .map(|p| Circle::new(*p, 3, line(BEFORE).filled())),
            )
            .ok()?;
        chart
            .draw_series(DashedLineSeries::new(back.clone(), 6, 4, line(AFTER)))
            .ok()?;
        chart
            .draw_series(back.iter().map(|p| Cross::new(*p, 3, line(AFTER))))
            .ok()?;
        chart
            .draw_series(DottedLineSeries::new(function.clone(), 2, 5, move |c| {
                Circle::new(c, 1, ShapeStyle::from(&LOG).filled())
            }))
            .ok()?;
        chart
            .draw_series(
                function
                    .iter()
                    .map(|p| TriangleMarker::new(*p, 4, ShapeStyle::from(&LOG).filled())),
            )
            .ok()?;
        Some(())
    })
}

type Chart<'a, 'b> = ChartContext<
    'a,
    SVGBackend<'b>,
    Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>,
>;

/// A 0-10 chart over the period's days, with `series` drawn on it (the legend is below it, in
/// words); `None` if the drawing fails (it only writes to a string, so it does not).
fn draw(report: &Report, series: impl FnOnce(&mut Chart) -> Option<()>) -> Option<String> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        root.fill(&WHITE).ok()?;
        let mut chart = ChartBuilder::on(&root)
            .margin(8)
            .x_label_area_size(22)
            .y_label_area_size(28)
            .build_cartesian_2d(0f64..days(report), -0.3f64..10.3f64)
            .ok()?;
        chart
            .configure_mesh()
            .y_labels(6)
            .x_labels(9)
            .x_label_formatter(&|d| label(report, *d))
            .y_label_formatter(&|p| format!("{p:.0}"))
            .y_desc("0-10")
            .light_line_style(WHITE)
            .label_style(("sans-serif", 12))
            .draw()
            .ok()?;
        series(&mut chart)?;
        root.present().ok()?;
    }
    Some(svg)
}
