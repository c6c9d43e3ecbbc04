//! The commands that print a page and exit: paths, safety, about, the default settings. None of
//! them needs the settings, so they work even when the settings file is broken. What becomes of
//! a page that cannot be printed is decided for every command in `sys::output`.

use std::fmt::Write as _;
use std::path::PathBuf;

use crate::error::AppError;
use crate::history::Digest;
use crate::safety::{TIERS, Tier};
use crate::sys::output::print;
use crate::sys::paths::Paths;
use crate::text;

/// `unknot paths`: where the settings, the user's routines and the history live.
pub fn paths(paths: &Paths) -> Result<(), AppError> {
    let shown = |p: &Option<PathBuf>| {
        p.as_ref().map_or_else(
            || text::cli::PATHS_UNKNOWN.to_string(),
            |p| p.display().to_string(),
        )
    };
    let values = [
        shown(&paths.config_file),
        shown(&paths.routines_dir),
        shown(&paths.data_dir),
    ];
    let mut page = String::new();
    for (label, value) in text::cli::PATHS_LINES.iter().zip(values) {
        let _ = writeln!(page, "{label:14} {value}");
    }
    print(&page)
}

/// `unknot safety`: the warning signs by tier, the cautions, and, when there is a history,
/// what the person has answered and when, to show a doctor.
pub fn safety(paths: &Paths) -> Result<(), AppError> {
    let in_tier = |tier: Tier| -> Vec<&str> {
        text::safety::DOCTOR_QUESTIONS
            .iter()
            .zip(TIERS)
            .filter(|(_, t)| *t == tier)
            .map(|(q, _)| *q)
            .collect()
    };
    // Without a readable history there is nothing to list; the signs still matter, and a
    // history refused or unreadable is said.
    let history = match super::history::digest(paths) {
        Ok((history, _)) => history,
        Err(AppError::File(e)) => {
            crate::sys::stderr::say(&e.to_string());
            Digest::default()
        }
        Err(_) => Digest::default(),
    };
    let answers: Vec<String> = history
        .safety
        .iter()
        .filter(|s| crate::history::worth_telling(&s.value))
        .map(|s| {
            let mut yes: Vec<&str> = s
                .value
                .emergency_yes
                .iter()
                .filter_map(|n| {
                    usize::from(*n)
                        .checked_sub(1)
                        .and_then(|i| text::safety::EMERGENCY_QUESTIONS.get(i))
                        .copied()
                })
                .collect();
            yes.extend(text::safety::doctor_questions(&s.value.doctor_yes));
            text::safety::answer_line(
                &s.at.format("%a %-d %b %Y").to_string(),
                s.value.check.asked(),
                &yes,
                s.value.result.told(),
            )
        })
        .collect();
    print(&text::safety::safety_page(
        &in_tier(Tier::Serious),
        &in_tier(Tier::Gp),
        &answers,
    ))
}

/// `unknot about`: what self-massage and stretching can and cannot do, with sources.
pub fn about() -> Result<(), AppError> {
    print(text::safety::ABOUT)
}

/// `unknot config --print-default`: every setting with its default, commented.
pub fn default_config() -> Result<(), AppError> {
    print(crate::config::DEFAULT_FILE)
}
