//! Reading and validating routine files. Every error names the file, and for content errors
//! the line and column, and says what was expected.

use std::path::{Path, PathBuf};

use serde::de::{self, Deserialize, Deserializer};
use sha2::{Digest, Sha256};

use super::Routine;
use super::ron_text::{self, Bounded, Bounds, is_blank};
use crate::sys::files::{self, FileError, Kind};
use crate::{printable, text};

#[derive(Debug, thiserror::Error)]
pub enum RoutineError {
    /// Not read: missing, not a regular file, over 1 MB, or not UTF-8 text.
    #[error(transparent)]
    File(#[from] FileError),
    #[error("{} is empty; a routine starts with ( and a title", .path.display())]
    Empty { path: PathBuf },
    #[error(transparent)]
    Invalid(#[from] ron_text::Problem),
}

/// Reads and validates one routine file.
///
/// # Errors
/// [`RoutineError`]: the file not read, empty, or not a valid routine (with line and column).
pub fn load_file(path: &Path) -> Result<Routine, RoutineError> {
    from_bytes(files::read(path, Kind::Routine)?, path)
}

/// Validates a routine file's bytes; `path` only names the source in errors.
///
/// # Errors
/// As [`load_file`].
pub fn from_bytes(bytes: Vec<u8>, path: &Path) -> Result<Routine, RoutineError> {
    parse(&files::text(bytes, path, Kind::Routine)?, path)
}

/// Parses routine text; `path` only names the source in errors.
pub fn parse(source: &str, path: &Path) -> Result<Routine, RoutineError> {
    // Some editors start a file with a byte-order mark; it is not part of the routine.
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    if is_blank(source) {
        return Err(RoutineError::Empty {
            path: path.to_path_buf(),
        });
    }
    let mut routine = ron_text::from_str::<Routine>(source, path)?;
    routine.hash = format!("{:x}", Sha256::digest(source.as_bytes()));
    Ok(routine)
}

pub struct SecondsBounds;
impl Bounds for SecondsBounds {
    const NAME: &'static str = "seconds";
    const MIN: u32 = 1;
    const MAX: u32 = 1800;
}

pub struct RepsBounds;
impl Bounds for RepsBounds {
    const NAME: &'static str = "reps";
    const MIN: u32 = 1;
    const MAX: u32 = 20;
}

pub struct RestBounds;
impl Bounds for RestBounds {
    const NAME: &'static str = "rest";
    const MIN: u32 = 0;
    const MAX: u32 = 600;
}

pub struct LeadInBounds;
impl Bounds for LeadInBounds {
    const NAME: &'static str = "lead_in";
    const MIN: u32 = 0;
    const MAX: u32 = 60;
}

pub type Seconds = Bounded<SecondsBounds>;
pub type Reps = Bounded<RepsBounds>;
pub type RestSeconds = Bounded<RestBounds>;
pub type LeadIn = Bounded<LeadInBounds>;

/// Text shown as it is written, on screen or in a message: no line breaks or other control
/// characters, which would break a line in two or send the terminal a command, and no direction
/// overrides, which would make it read out of order.
#[derive(Default)]
pub struct Words(pub String);

impl<'de> Deserialize<'de> for Words {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // A tab pasted from another document is only a wide space.
        let s = String::deserialize(d)?.replace('\t', " ");
        if s.contains(['\n', '\r']) {
            return Err(de::Error::custom(text::routine::ERR_LINE_BREAK));
        }
        if let Some(c) = s.chars().find(|&c| printable::is_unshowable(c)) {
            return Err(de::Error::custom(text::routine::err_unshowable_character(
                c,
            )));
        }
        Ok(Words(s))
    }
}

/// A title: words, and not empty or only spaces.
pub struct Title(pub String);

impl<'de> Deserialize<'de> for Title {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let Words(s) = Words::deserialize(d)?;
        if s.trim().is_empty() {
            return Err(de::Error::custom(text::routine::ERR_EMPTY_TITLE));
        }
        Ok(Title(s.trim().to_string()))
    }
}
