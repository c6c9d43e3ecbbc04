//! The routine commands: list, check, new; and finding the routine `unknot start` names.

use std::ffi::OsStr;
use std::io::Write;
use std::path::{Path, PathBuf};

use clap_complete::engine::{CompletionCandidate, PathCompleter, ValueCompleter};

use super::start::{Flags, Options};
use crate::error::AppError;
use crate::routine::{BUNDLED, Catalog, Origin, Routine, load_file};
use crate::sys::output::{self, Output};
use crate::sys::paths::Paths;
use crate::sys::stderr::say;
use crate::text;
use crate::ui::columns;

/// Loads every routine, warning on stderr about the user's files that do not load.
pub fn catalog(paths: &Paths) -> Catalog {
    let catalog = Catalog::load(paths.routines_dir.as_deref().unwrap_or(Path::new("")));
    for e in &catalog.broken {
        say(&text::routine::warn_broken_routine(&e.to_string()));
    }
    catalog
}

/// A routine by name or title, or from a file path.
#[expect(
    clippy::case_sensitive_file_extension_comparisons,
    reason = "as in the catalog, a routine file ends in .ron exactly; `x.RON` is a name to look up"
)]
pub fn resolve(catalog: &Catalog, wanted: &str) -> Result<Routine, AppError> {
    let looks_like_path = wanted.ends_with(".ron") || wanted.contains(std::path::MAIN_SEPARATOR);
    if !looks_like_path && let Some(entry) = catalog.find(wanted) {
        return Ok(entry.routine.clone());
    }
    let path = Path::new(wanted);
    if looks_like_path || path.is_file() {
        return Ok(catalog.file(path)?);
    }
    Err(AppError::UnknownRoutine(wanted.to_string()))
}

/// `unknot list`: every routine with its level and length.
pub fn list(paths: &Paths, flags: Flags) -> Result<(), AppError> {
    let catalog = Options::load(paths, flags)?.catalog();
    output::print_with(|out| write_list(&catalog, out))
}

fn write_list(catalog: &Catalog, out: &mut impl Write) -> std::io::Result<()> {
    let rows: Vec<[String; 4]> = catalog
        .entries
        .iter()
        .map(|e| {
            let mut title = e.routine.title.clone();
            if e.origin == Origin::User {
                title = format!("{title} {}", text::routine::LIST_YOURS);
            }
            [
                // A file's name is the one text here not read through a routine's checks.
                crate::printable::shown(&e.name).into_owned(),
                e.routine.level.word().to_string(),
                text::time::duration_short(e.routine.planned_duration()),
                title,
            ]
        })
        .collect();
    let header = text::routine::LIST_HEADER.map(String::from);
    // In terminal columns: a name in CJK or with an emoji is twice as wide as its characters.
    let mut widths = [0usize; 3];
    for row in std::iter::once(&header).chain(&rows) {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(columns::width(cell));
        }
    }
    for row in std::iter::once(&header).chain(&rows) {
        writeln!(
            out,
            "{}  {}  {}  {}",
            columns::pad(&row[0], widths[0]),
            columns::pad(&row[1], widths[1]),
            columns::pad(&row[2], widths[2]),
            row[3],
        )?;
    }
    Ok(())
}

/// Checks each file: "ok" lines on stdout, problems on stderr. Fails when any file is invalid,
/// or else when the "ok" lines could not be written.
pub fn check(files: &[PathBuf]) -> Result<(), AppError> {
    let mut out = Output::stdout();
    let mut invalid = 0;
    for file in files {
        match load_file(file) {
            Ok(routine) => {
                let ok = text::routine::check_ok(
                    &file.display().to_string(),
                    &routine.title,
                    routine.steps.len(),
                    routine.planned_duration(),
                );
                // A failure is kept by `out`, and every file is still checked.
                let _ = writeln!(out, "{ok}");
            }
            Err(e) => {
                invalid += 1;
                say(&e.to_string());
            }
        }
    }
    let written = out.finish(Ok(()));
    if invalid == 0 {
        return written;
    }
    // An invalid file is what the exit code tells; the output's failure is said as well.
    if let Err(e) = &written {
        crate::error::tell(e);
    }
    // Each file's error is already printed; a tally only helps when there were several.
    if files.len() > 1 {
        say(&text::routine::check_summary(
            files.len() - invalid,
            invalid,
        ));
    }
    Err(AppError::Reported { code: 2 })
}

/// The routine a new file starts from: every field shown, with comments.
const TEMPLATE: &str = include_str!("../routine/template.ron");

/// `unknot new NAME`: a commented routine file to edit, in the user's routines folder. A
/// bundled routine's name is refused unless `replace` is given: a file of that name takes the
/// bundled routine's place, so it starts as a copy of it rather than as the template.
///
/// # Errors
/// [`AppError::BadName`] for a name that is not letters, digits and dashes;
/// [`AppError::ShadowsBundled`] for a bundled routine's name without `replace`;
/// [`AppError::AlreadyExists`] when the file is there; [`AppError::Write`] otherwise.
pub fn new(paths: &Paths, name: &str, replace: bool) -> Result<(), AppError> {
    let usable = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !usable {
        return Err(AppError::BadName(name.to_string()));
    }
    let bundled = BUNDLED.iter().find(|(n, _)| *n == name).map(|(_, s)| *s);
    if bundled.is_some() && !replace {
        return Err(AppError::ShadowsBundled(name.to_string()));
    }
    let dir = paths.routines_dir.as_ref().ok_or(AppError::NoConfigDir)?;
    let path = dir.join(format!("{name}.ron"));
    let shown = path.display().to_string();
    let write_err = |source| AppError::Write {
        path: shown.clone(),
        source,
    };
    std::fs::create_dir_all(dir).map_err(write_err)?;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                AppError::AlreadyExists(shown.clone())
            } else {
                write_err(e)
            }
        })?;
    let contents = bundled.map_or_else(|| template_for(name), str::to_string);
    file.write_all(contents.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(write_err)?;
    let written = if bundled.is_some() {
        text::routine::bundled_copy_written(&shown, name)
    } else {
        text::routine::new_routine_written(&shown)
    };
    output::print_line(&written)
}

/// Completes `unknot start`'s routine: the names of every routine (with its title as help),
/// then `.ron` files and folders on the way to one. Reads the routines folder the settings
/// point to (`UNKNOT_CONFIG`), as a start would.
pub fn complete_name(current: &OsStr) -> Vec<CompletionCandidate> {
    let typed = current.to_string_lossy();
    let paths = Paths::resolve(None, std::env::var_os("UNKNOT_CONFIG").map(PathBuf::from));
    let catalog = Catalog::load(paths.routines_dir.as_deref().unwrap_or(Path::new("")));
    let mut candidates: Vec<CompletionCandidate> = catalog
        .entries
        .iter()
        .filter(|e| e.name.starts_with(typed.as_ref()))
        .map(|e| CompletionCandidate::new(&e.name).help(Some(e.routine.title.clone().into())))
        .collect();
    let files =
        PathCompleter::any().filter(|p| p.is_dir() || p.extension().is_some_and(|x| x == "ron"));
    candidates.extend(files.complete(current));
    candidates
}

fn template_for(name: &str) -> String {
    let mut title: Vec<char> = name.replace(['-', '_'], " ").chars().collect();
    if let Some(first) = title.first_mut() {
        *first = first.to_ascii_uppercase();
    }
    TEMPLATE.replace("{title}", &title.into_iter().collect::<String>())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_new_routine_template_is_a_valid_routine() {
        let routine =
            crate::routine::parse(&template_for("my-evening"), Path::new("t.ron")).unwrap();
        assert_eq!(routine.title, "My evening");
        assert!(routine.steps.len() >= 3);
    }
}
