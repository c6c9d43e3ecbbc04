//! Writes every bundled figure as SVG into a folder, for looking at each one or for a report:
//! `cargo run --example figures -- DIR` writes `NAME.svg` for each pose as a step on both sides
//! shows it, and for a pose that marks a worked limb (a one-sided one) also `NAME-left.svg` and
//! `NAME-right.svg`, each with its side and the key to the worked limb under it.

use std::path::PathBuf;

use unknot::figure::{Side, library, svg};

fn main() -> std::io::Result<()> {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "figures".into()));
    std::fs::create_dir_all(&dir)?;
    for (name, figure) in library::all() {
        std::fs::write(
            dir.join(format!("{name}.svg")),
            svg::svg(figure, None, name),
        )?;
        if figure.worked().is_some() {
            for (side, word) in [(Side::Left, "left"), (Side::Right, "right")] {
                std::fs::write(
                    dir.join(format!("{name}-{word}.svg")),
                    svg::svg(figure, Some(side), &format!("{name}, {word} side")),
                )?;
            }
        }
    }
    println!("{}", dir.display());
    Ok(())
}
