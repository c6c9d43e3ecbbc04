//! Reading and validating routine files. Every error names the file, and for content errors
//! the line and column, and says what was expected.

use std::io::Read;
use std::path::{Path, PathBuf};

use serde::de::{self, Deserialize, Deserializer};
use sha2::{Digest, Sha256};

use super::Routine;
use super::ron_text::{self, Bounded, Bounds, is_blank};
use crate::{printable, text};

/// A routine is a page of text; anything bigger is not a routine file.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum RoutineError {
    #[error("cannot read {}: {}", .path.display(), text::cli::io_reason(.source))]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{} is too large to be a routine (more than 1 MB)", .path.display())]
    TooLarge { path: PathBuf },
    #[error("{} is not a text file", .path.display())]
    NotText { path: PathBuf },
    #[error("{} is empty; a routine starts with ( and a title", .path.display())]
    Empty { path: PathBuf },
    #[error(transparent)]
    Invalid(#[from] ron_text::Problem),
}

/// Reads and validates one routine file.
pub fn load_file(path: &Path) -> Result<Routine, RoutineError> {
    let read_err = |source| RoutineError::Read {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(read_err)?;
    if file.metadata().map_err(read_err)?.is_dir() {
        return Err(read_err(std::io::Error::from(
            std::io::ErrorKind::IsADirectory,
        )));
    }
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_err)?;
    from_bytes(bytes, path)
}

/// Validates a routine file's bytes; `path` only names the source in errors.
pub fn from_bytes(bytes: Vec<u8>, path: &Path) -> Result<Routine, RoutineError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(RoutineError::TooLarge {
            path: path.to_path_buf(),
        });
    }
    let source = String::from_utf8(bytes).map_err(|_| RoutineError::NotText {
        path: path.to_path_buf(),
    })?;
    parse(&source, path)
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
