//! A figure as an SVG picture, from the same marks the terminal draws: for a report to embed
//! or a browser to show. Plain shapes only: no scripts, no styles or fonts from elsewhere, no
//! links; the only text is the title, escaped.
//!
//! Written here rather than with a crate: the picture is a handful of polylines and circles,
//! which a few lines of formatting write exactly, with nothing to keep up to date.

use std::fmt::Write as _;

use super::Figure;
use super::draw::{Mark, Tone, drawing};
use crate::routine::Side;

/// SVG units per figure unit.
const SCALE: f64 = 4.0;
/// Stroke widths, in SVG units.
const STROKE: f64 = 3.0;
const BOLD: f64 = 6.0;
const THIN: f64 = 2.0;

/// The figure on `side` (mirrored for the left) as a standalone SVG document.
///
/// The picture is `width` x `height` SVG units, 4 per figure unit (a lying figure is about
/// 280 x 120), with a matching `viewBox`, so it scales cleanly when embedded. `title` is its
/// text alternative (`<title>`), escaped. The worked limb is drawn thicker and in a colour of
/// its own; limbs on the far side are lighter.
pub fn svg(figure: &Figure, side: Option<Side>, title: &str) -> String {
    let d = drawing(figure, side);
    let (width, height) = (d.width() * SCALE, d.height() * SCALE);
    // Figure units have y up; SVG's y runs down from the top.
    let at = |(x, y): (f64, f64)| ((x - d.left) * SCALE, (d.top - y) * SCALE);
    let mut out = String::new();
    let _ = write!(
        out,
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0}" height="{height:.0}" viewBox="0 0 {width:.0} {height:.0}" role="img"><title>{}</title><rect width="100%" height="100%" fill="#ffffff"/>"##,
        escape(title)
    );
    for mark in &d.marks {
        match mark {
            Mark::Stroke { points, tone, bold } => {
                let width = match (bold, tone) {
                    (true, _) => BOLD,
                    (false, Tone::Prop) => THIN,
                    (false, _) => STROKE,
                };
                let points: Vec<String> = points
                    .iter()
                    .map(|&p| {
                        let (x, y) = at(p);
                        format!("{x:.1},{y:.1}")
                    })
                    .collect();
                let _ = write!(
                    out,
                    r#"<polyline points="{}" fill="none" stroke="{}" stroke-width="{width}" stroke-linecap="round" stroke-linejoin="round"/>"#,
                    points.join(" "),
                    colour(*tone)
                );
            }
            Mark::Ring {
                centre,
                radius,
                tone,
            } => {
                let (x, y) = at(*centre);
                let _ = write!(
                    out,
                    r##"<circle cx="{x:.1}" cy="{y:.1}" r="{:.1}" fill="#ffffff" stroke="{}" stroke-width="{STROKE}"/>"##,
                    radius * SCALE,
                    colour(*tone)
                );
            }
            Mark::Disc {
                centre,
                radius,
                tone,
            } => {
                let (x, y) = at(*centre);
                let _ = write!(
                    out,
                    r#"<circle cx="{x:.1}" cy="{y:.1}" r="{:.1}" fill="{}"/>"#,
                    radius * SCALE,
                    colour(*tone)
                );
            }
        }
    }
    out.push_str("</svg>");
    out
}

fn colour(tone: Tone) -> &'static str {
    match tone {
        Tone::Body => "#222222",
        Tone::Far => "#8a8a8a",
        Tone::Worked => "#c2410c",
        Tone::Prop => "#3f6f8f",
    }
}

/// Text safe inside an SVG element: markup characters as entities, control characters left out.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if crate::printable::is_unshowable(c) => {}
            c => out.push(c),
        }
    }
    out
}
