//! A figure as an SVG picture, from the same marks the terminal draws: for a report to embed
//! or a browser to show. Plain shapes and text only: no scripts, no styles or fonts from
//! elsewhere, no links; the title and the caption are escaped.
//!
//! Written here rather than with a crate: the picture is a handful of polylines, circles and a
//! line or two of text, which a few lines of formatting write exactly, with nothing to keep up
//! to date.

use std::fmt::Write as _;

use super::Figure;
use super::draw::{Mark, Tone, drawing};
use crate::routine::Side;

/// SVG units per figure unit.
const SCALE: f64 = 4.0;
/// Stroke widths, in SVG units: the worked limb more than twice the body's, so it stands out
/// in greyscale and print, where its colour is lost.
const STROKE: f64 = 3.0;
const BOLD: f64 = 7.0;
const THIN: f64 = 2.0;
/// The caption's font size, the height of each of its lines, and the room under a line's
/// baseline for letters that reach below it, in SVG units.
const FONT: f64 = 13.0;
const LINE: f64 = 17.0;
const DESCENT: f64 = 4.0;
/// A generous width of one caption character, in ems, so that no line is wider than the
/// picture whatever sans-serif font draws it.
const EM_PER_CHAR: f64 = 0.6;

/// The figure on `side` (mirrored for the left) as a standalone SVG document.
///
/// The drawing is 4 SVG units per figure unit (a lying figure is about 280 x 120). Under it,
/// a caption: for a figure not seen from the side, its view in words ("seen from above"); for
/// a figure on one side, the side in words, then the key to the thick line of the worked limb
/// ("thick line: the leg being worked"), which is also drawn in a colour of its own. The
/// picture is made wide enough for the caption, the drawing centred in it. `width`
/// and `height` match the `viewBox`, so it scales cleanly when embedded. `title` is its text
/// alternative (`<title>`), escaped. Limbs on the far side are lighter.
pub fn svg(figure: &Figure, side: Option<Side>, title: &str) -> String {
    let d = drawing(figure, side);
    // Each line with whether it is bold: the view, then the side in bold as the terminal writes
    // it, then the key.
    let caption: Vec<(String, bool)> = figure
        .view_words()
        .map(|view| (view.to_string(), false))
        .into_iter()
        .chain(side.map(|side| (side.word().to_string(), true)))
        .chain(side.and(figure.key()).map(|key| (key, false)))
        .collect();
    let widest = caption
        .iter()
        .map(|(l, _)| l.chars().count())
        .max()
        .unwrap_or(0) as f64;
    let (drawn_width, drawn_height) = (d.width() * SCALE, d.height() * SCALE);
    let width = drawn_width.max((widest * EM_PER_CHAR + 2.0) * FONT);
    let below = if caption.is_empty() {
        0.0
    } else {
        caption.len() as f64 * LINE + DESCENT / 2.0
    };
    let height = drawn_height + below;
    let inset = (width - drawn_width) / 2.0;
    // Figure units have y up; SVG's y runs down from the top.
    let at = |(x, y): (f64, f64)| ((x - d.left) * SCALE + inset, (d.top - y) * SCALE);
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
    for (i, (line, bold)) in caption.iter().enumerate() {
        let weight = if *bold { r#" font-weight="bold""# } else { "" };
        let _ = write!(
            out,
            r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" font-family="sans-serif" font-size="{FONT}" fill="#222222"{weight}>{}</text>"##,
            width / 2.0,
            drawn_height + (i as f64 + 1.0) * LINE - DESCENT / 2.0,
            escape(line)
        );
    }
    out.push_str("</svg>");
    out
}

fn colour(tone: Tone) -> &'static str {
    match tone {
        Tone::Body => "#222222",
        Tone::Far => "#8a8a8a",
        // Dark enough that the thick line is also dark in greyscale.
        Tone::Worked => "#b23c0a",
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
