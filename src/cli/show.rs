//! `unknot show`: a routine to read before starting it, every step with its figure,
//! instructions and dose; and `unknot show --poses`, the library of figures a routine can name.
//! Figures are drawn on a terminal that can show them; plain lines (`--plain`, a pipe, a file,
//! `TERM=dumb`) keep the text alone.

use std::io::Write;

use ratatui::symbols::Marker;

use super::routines::{catalog, resolve};
use super::start::{Flags, Options};
use crate::error::AppError;
use crate::figure::{Figure, library};
use crate::routine::{Routine, Side, Step};
use crate::sys::output;
use crate::sys::paths::Paths;
use crate::text;
use crate::ui::figure;

/// Columns and rows a printed figure takes at most.
const WIDTH: u16 = 72;
const HEIGHT: u16 = 12;
/// Columns between the left and right figures of a step on each side.
const BETWEEN: u16 = 4;

/// `unknot show NAME`: the routine, step by step, with the figure of each position.
///
/// # Errors
/// The routine not found or not valid; the settings not valid; output that cannot be written.
pub fn routine(paths: &Paths, flags: Flags, wanted: &str) -> Result<(), AppError> {
    let options = Options::load(paths, flags)?;
    let routine = resolve(&catalog(paths), wanted)?;
    let marker = options.figure_marker().filter(|_| flags.full_screen());
    output::print_with(|out| write_routine(&routine, marker, out))
}

/// `unknot show --poses`: every pose of the library by name, with its figure.
///
/// # Errors
/// The settings not valid; output that cannot be written.
pub fn poses(paths: &Paths, flags: Flags) -> Result<(), AppError> {
    let marker = Options::load(paths, flags)?
        .figure_marker()
        .filter(|_| flags.full_screen());
    output::print_with(|out| write_poses(marker, out))
}

fn write_routine(
    routine: &Routine,
    marker: Option<Marker>,
    out: &mut impl Write,
) -> std::io::Result<()> {
    writeln!(out, "{}", routine.list_line())?;
    if !routine.summary.is_empty() {
        writeln!(out, "{}", routine.summary)?;
    }
    for (i, step) in routine.steps.iter().enumerate() {
        writeln!(out)?;
        write_step(i, step, marker, out)?;
    }
    writeln!(out)?;
    writeln!(out, "{}", text::figure::SHOW_HINT)
}

fn write_step(
    i: usize,
    step: &Step,
    marker: Option<Marker>,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let mut heading = format!("{}. {}", i + 1, step.title);
    if let Some(tool) = step.tool {
        heading = format!("{heading}  ({})", tool.word());
    }
    writeln!(out, "{heading}")?;
    let dose = text::home::home_step_line(
        "",
        step.sides.word(),
        step.work(),
        step.reps,
        step.is_check_in(),
    );
    let dose = dose.trim_start_matches([',', ' ']);
    if !dose.is_empty() {
        writeln!(out, "   {dose}")?;
    }
    if let (Some(marker), Some(figure)) = (marker, &step.figure) {
        for row in figure_rows(figure, step.sides.order(), marker) {
            writeln!(out, "   {row}")?;
        }
    }
    for line in &step.instructions {
        writeln!(out, "   • {line}")?;
    }
    if let Some(caution) = &step.caution {
        writeln!(out, "   ! {}: {caution}", text::session::CAUTION)?;
    }
    Ok(())
}

/// The figure once for each side the step is worked on, side by side.
fn figure_rows(figure: &Figure, sides: &[Option<Side>], marker: Marker) -> Vec<String> {
    let count = u16::try_from(sides.len()).unwrap_or(1).max(1);
    let width = (WIDTH - BETWEEN * (count - 1)) / count;
    let drawn: Vec<Vec<String>> = sides
        .iter()
        .map(|side| figure::lines(figure, *side, marker, width, HEIGHT))
        .collect();
    let tallest = drawn.iter().map(Vec::len).max().unwrap_or(0);
    (0..tallest)
        .map(|row| {
            let cells: Vec<String> = drawn
                .iter()
                .map(|lines| {
                    let line = lines.get(row).map_or("", String::as_str);
                    crate::ui::columns::pad(line, usize::from(width))
                })
                .collect();
            cells
                .join(&" ".repeat(usize::from(BETWEEN)))
                .trim_end()
                .to_string()
        })
        .collect()
}

fn write_poses(marker: Option<Marker>, out: &mut impl Write) -> std::io::Result<()> {
    writeln!(out, "{}", text::figure::POSES_INTRO)?;
    for (name, figure) in library::all() {
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            text::figure::pose_heading(name, figure.is_movement())
        )?;
        if let Some(marker) = marker {
            for row in figure::lines(figure, None, marker, WIDTH, HEIGHT) {
                writeln!(out, "   {row}")?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled(name: &str) -> Routine {
        crate::routine::Catalog::load(std::path::Path::new(""))
            .find(name)
            .map(|e| e.routine.clone())
            .unwrap()
    }

    #[test]
    fn a_step_on_each_side_shows_the_left_and_the_right_figure_side_by_side() {
        let routine = bundled("gentle-start");
        let step = routine
            .steps
            .iter()
            .find(|s| s.title == "Knee to chest")
            .unwrap();
        let mut out = Vec::new();
        write_step(8, step, Some(Marker::Braille), &mut out).unwrap();
        let printed = String::from_utf8(out).unwrap();
        insta::assert_snapshot!(printed);
        let last = printed.lines().filter(|l| l.contains("left side")).count();
        assert_eq!(last, 1, "{printed}");
        assert!(printed.contains("right side"), "{printed}");
    }

    #[test]
    fn without_figures_a_routine_is_its_text() {
        let mut out = Vec::new();
        write_routine(&bundled("desk-break"), None, &mut out).unwrap();
        let printed = String::from_utf8(out).unwrap();
        assert!(
            !printed
                .chars()
                .any(|c| ('\u{2800}'..='\u{28FF}').contains(&c))
        );
        insta::assert_snapshot!(printed);
    }
}
