//! Routines that ship inside the binary, so unknot works from anywhere with no files installed.

/// (name, source text); the name is what `unknot start NAME` takes.
pub const BUNDLED: &[(&str, &str)] = &[
    (
        "gentle-start",
        include_str!("../../routines/gentle-start.ron"),
    ),
    (
        "daily-standard",
        include_str!("../../routines/daily-standard.ron"),
    ),
    (
        "deep-release",
        include_str!("../../routines/deep-release.ron"),
    ),
    ("desk-break", include_str!("../../routines/desk-break.ron")),
    (
        "nerve-glides",
        include_str!("../../routines/nerve-glides.ron"),
    ),
];
