//! Reading and validating routine files. Every error names the file, and for content errors
//! the line and column, and says what was expected.

use std::io::Read;
use std::marker::PhantomData;
use std::path::{Path, PathBuf};

use serde::de::{self, Deserialize, Deserializer};
use sha2::{Digest, Sha256};

use super::Routine;
use crate::text;

/// A routine is a page of text; anything bigger is not a routine file.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum RoutineError {
    #[error("cannot read {}: {}", .path.display(), text::io_reason(.source))]
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
    #[error("{}:{line}:{column}: {message}", .path.display())]
    Invalid {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
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
    let mut routine = ron::Options::default()
        .from_str::<Routine>(source)
        .map_err(|e| RoutineError::Invalid {
            path: path.to_path_buf(),
            line: e.span.start.line,
            column: e.span.start.col,
            message: describe(&e.code, after(source, &e.span.start)),
        })?;
    routine.hash = format!("{:x}", Sha256::digest(source.as_bytes()));
    Ok(routine)
}

/// True when the text holds nothing but whitespace and `//` comments.
fn is_blank(source: &str) -> bool {
    source
        .lines()
        .map(str::trim)
        .all(|l| l.is_empty() || l.starts_with("//"))
}

/// The text from an error's position to the end of the file.
fn after<'a>(source: &'a str, at: &ron::error::Position) -> &'a str {
    let line_start: usize = source
        .split_inclusive('\n')
        .take(at.line.saturating_sub(1))
        .map(str::len)
        .sum();
    let rest = &source[line_start.min(source.len())..];
    rest.char_indices()
        .nth(at.col.saturating_sub(1))
        .map_or("", |(i, _)| &rest[i..])
}

/// RON's own messages name Rust types; these speak of the routine file instead.
/// `rest` is the text from the error's position on, which tells a cut-off file from a typo.
fn describe(code: &ron::Error, rest: &str) -> String {
    use ron::Error as E;
    if is_blank(rest) && !matches!(code, E::Message(_)) {
        return text::ERR_EOF.to_string();
    }
    match code {
        E::Message(m) => m.clone(),
        E::Eof => text::ERR_EOF.to_string(),
        E::ExpectedComma if rest.starts_with('.') => text::ERR_INTEGER.to_string(),
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => text::ERR_OPEN.to_string(),
        E::ExpectedDifferentStructName { .. } | E::ExpectedStructName(_) => {
            text::ERR_STRUCT_NAME.to_string()
        }
        E::NoSuchStructField {
            expected, found, ..
        } => text::err_unknown_field(found, expected),
        E::NoSuchEnumVariant {
            expected, found, ..
        } => text::err_unknown_variant(found, expected),
        E::MissingStructField { field, outer } => text::err_missing_field(field, outer.as_deref()),
        E::DuplicateStructField { field, .. } => text::err_duplicate_field(field),
        E::TrailingCharacters => text::ERR_TRAILING.to_string(),
        E::InvalidValueForType { expected, found } => text::err_expected(expected, found),
        E::ExpectedComma => text::ERR_COMMA.to_string(),
        E::ExpectedInteger | E::IntegerOutOfBounds => text::ERR_INTEGER.to_string(),
        E::ExpectedString | E::ExpectedStringEnd => text::ERR_STRING.to_string(),
        E::ExpectedBoolean => text::ERR_BOOLEAN.to_string(),
        E::ExpectedArray | E::ExpectedArrayEnd => text::ERR_LIST.to_string(),
        E::ExpectedOption => text::ERR_OPTION.to_string(),
        other => text::err_syntax(&other.to_string()),
    }
}

/// The bounds of one numeric field, with its name for messages.
pub trait Bounds {
    const NAME: &'static str;
    const MIN: u32;
    const MAX: u32;
}

/// A whole number checked against its field's bounds while it is read, so that an
/// out-of-range value is reported at its own line and column.
pub struct Bounded<B>(pub u32, PhantomData<B>);

impl<B> Bounded<B> {
    pub const fn new(value: u32) -> Self {
        Bounded(value, PhantomData)
    }
}

impl<B> Default for Bounded<B>
where
    B: Bounds,
{
    fn default() -> Self {
        Bounded::new(B::MIN)
    }
}

impl<'de, B: Bounds> Deserialize<'de> for Bounded<B> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = i64::deserialize(d)?;
        match u32::try_from(value) {
            Ok(v) if (B::MIN..=B::MAX).contains(&v) => Ok(Bounded::new(v)),
            _ => Err(de::Error::custom(text::err_out_of_range(
                B::NAME,
                B::MIN,
                B::MAX,
                value,
            ))),
        }
    }
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

/// A title that is not empty or only spaces.
pub struct Title(pub String);

impl<'de> Deserialize<'de> for Title {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        if s.trim().is_empty() {
            return Err(de::Error::custom(text::ERR_EMPTY_TITLE));
        }
        Ok(Title(s.trim().to_string()))
    }
}
