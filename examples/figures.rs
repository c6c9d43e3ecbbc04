//! Writes every bundled figure as SVG into a folder, for looking at each one or for a report:
//! `cargo run --example figures -- DIR` writes `NAME.svg` (the right side, or a step on both
//! sides) and `NAME-left.svg` for each pose.

use std::path::PathBuf;

use unknot::figure::{Side, library, svg};

fn main() -> std::io::Result<()> {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "figures".into()));
    std::fs::create_dir_all(&dir)?;
    for (name, figure) in library::all() {
        std::fs::write(
            dir.join(format!("{name}.svg")),
            svg::svg(figure, Some(Side::Right), &format!("{name}, right side")),
        )?;
        std::fs::write(
            dir.join(format!("{name}-left.svg")),
            svg::svg(figure, Some(Side::Left), &format!("{name}, left side")),
        )?;
    }
    println!("{}", dir.display());
    Ok(())
}
