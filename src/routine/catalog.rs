//! Every routine a person can start: the bundled ones and their own, found by name or path.

use std::path::{Path, PathBuf};

use super::bundled::BUNDLED;
use super::{Routine, RoutineError, load_file, parse};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Bundled,
    User,
}

#[derive(Debug, Clone)]
pub struct RoutineEntry {
    /// What `unknot start NAME` takes: the file name without `.ron`.
    pub name: String,
    pub origin: Origin,
    pub routine: Routine,
}

/// The routines found, plus the user's files that failed to load (reported, never fatal).
#[derive(Debug, Default)]
pub struct Catalog {
    pub entries: Vec<RoutineEntry>,
    pub broken: Vec<RoutineError>,
    /// The settings' lead-in, in seconds, in place of each routine's own.
    lead_in: Option<u32>,
}

impl Catalog {
    /// Loads the bundled routines and every `*.ron` in `user_dir` (a missing folder is fine).
    /// A user routine with a bundled routine's name takes its place.
    pub fn load(user_dir: &Path) -> Catalog {
        let mut catalog = Catalog::default();
        for (name, source) in BUNDLED {
            let path = PathBuf::from(format!("routines/{name}.ron"));
            match parse(source, &path) {
                Ok(routine) => catalog.entries.push(RoutineEntry {
                    name: (*name).to_string(),
                    origin: Origin::Bundled,
                    routine,
                }),
                Err(e) => catalog.broken.push(e),
            }
        }
        for path in user_files(user_dir) {
            let Some(name) = path.file_stem().and_then(|s| s.to_str()) else {
                continue;
            };
            match load_file(&path) {
                Ok(routine) => {
                    let entry = RoutineEntry {
                        name: name.to_string(),
                        origin: Origin::User,
                        routine,
                    };
                    // In the bundled one's place, so the list keeps its order.
                    match catalog.entries.iter().position(|e| e.name == name) {
                        Some(i) => catalog.entries[i] = entry,
                        None => catalog.entries.push(entry),
                    }
                }
                Err(e) => catalog.broken.push(e),
            }
        }
        catalog
    }

    /// Every routine with the settings' lead-in (seconds) in place of its own, and so every
    /// routine loaded through [`Catalog::file`] later.
    #[must_use]
    pub fn with_lead_in(mut self, lead_in: Option<u32>) -> Catalog {
        self.lead_in = lead_in;
        for entry in &mut self.entries {
            adjust(lead_in, &mut entry.routine);
        }
        self
    }

    /// A routine file outside the catalog, with the same settings applied.
    ///
    /// # Errors
    /// The file's problem, with its line and column where it has them.
    pub fn file(&self, path: &Path) -> Result<Routine, RoutineError> {
        let mut routine = load_file(path)?;
        adjust(self.lead_in, &mut routine);
        Ok(routine)
    }

    /// Finds a routine by name, or by title ignoring case.
    pub fn find(&self, wanted: &str) -> Option<&RoutineEntry> {
        let wanted = wanted.trim();
        self.entries.iter().find(|e| e.name == wanted).or_else(|| {
            self.entries
                .iter()
                .find(|e| e.routine.title.eq_ignore_ascii_case(wanted))
        })
    }
}

/// The settings' lead-in in place of the routine's own, when the settings give one.
fn adjust(lead_in: Option<u32>, routine: &mut Routine) {
    if let Some(lead_in) = lead_in {
        routine.lead_in = lead_in;
    }
}

fn user_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(read) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = read
        .filter_map(Result::ok)
        .map(|e| e.path())
        // Anything named *.ron is tried, so a folder, a pipe or a device so named is reported
        // as broken by the reader's checks rather than passed over without a word.
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    files.sort();
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_routine_loads() {
        let catalog = Catalog::load(Path::new("/nonexistent"));
        assert!(catalog.broken.is_empty(), "{:?}", catalog.broken);
        assert_eq!(catalog.entries.len(), BUNDLED.len());
    }

    #[test]
    fn user_routine_replaces_bundled_one_of_the_same_name() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("desk-break.ron"),
            r#"(title: "My desk break", level: Gentle, steps: [(title: "Stand", kind: Movement, seconds: 30)])"#,
        )
        .unwrap();
        let catalog = Catalog::load(dir.path());
        let entry = catalog.find("desk-break").unwrap();
        assert_eq!(entry.origin, Origin::User);
        assert_eq!(entry.routine.title, "My desk break");
        assert_eq!(catalog.entries.len(), BUNDLED.len());
    }

    #[test]
    fn finds_by_title_ignoring_case() {
        let catalog = Catalog::load(Path::new("/nonexistent"));
        let first = &catalog.entries[0];
        let found = catalog.find(&first.routine.title.to_uppercase()).unwrap();
        assert_eq!(found.name, first.name);
    }
}
