//! Fitting unknot into a shell: completions for its commands and routine names, and its manual
//! pages.

use std::path::Path;

use clap_complete::env::{Bash, EnvCompleter, Fish, Zsh};

use crate::error::AppError;
use crate::sys::output;
use crate::text;

/// The shells `unknot completions` writes for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}

/// The environment variable a shell sets when it asks unknot for completions.
const ASKED_BY: &str = "COMPLETE";

/// `unknot completions SHELL`: the code that registers unknot with the shell. It asks unknot
/// itself at each Tab, so routine names added later complete too, and it stays right after an
/// upgrade when sourced at the shell's start (as the README shows).
///
/// # Errors
/// As [`output::print_with`].
pub fn completions(shell: Shell) -> Result<(), AppError> {
    let completer: &dyn EnvCompleter = match shell {
        Shell::Bash => &Bash,
        Shell::Zsh => &Zsh,
        Shell::Fish => &Fish,
    };
    output::print_with(|out| {
        completer.write_registration(ASKED_BY, "unknot", "unknot", "unknot", out)
    })
}

/// `unknot man`: the manual page on standard output; with `dir`, a page for unknot and one for
/// each of its commands written into that folder (made if missing).
///
/// # Errors
/// [`AppError::Write`] when the folder or a page cannot be written; as [`output::print_with`]
/// otherwise.
pub fn man(cmd: clap::Command, dir: Option<&Path>) -> Result<(), AppError> {
    let Some(dir) = dir else {
        return output::print_with(|out| clap_mangen::Man::new(cmd).render(out));
    };
    let write_err = |source| AppError::Write {
        path: dir.display().to_string(),
        source,
    };
    std::fs::create_dir_all(dir).map_err(write_err)?;
    clap_mangen::generate_to(cmd, dir).map_err(write_err)?;
    output::print_line(&text::cli::man_written(&dir.display().to_string()))
}
