//! Reading RON files written by people: errors with a line, a column and plain words.

use std::marker::PhantomData;
use std::path::{Path, PathBuf};

use serde::de::{self, Deserialize, DeserializeOwned, Deserializer};

use crate::text;

/// Where a file went wrong, and what was expected there.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}:{line}:{column}: {message}", .path.display())]
pub struct Problem {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Reads `source`; `path` only names the file in errors.
pub fn from_str<T: DeserializeOwned>(source: &str, path: &Path) -> Result<T, Problem> {
    ron::Options::default()
        .from_str::<T>(source)
        .map_err(|e| Problem {
            path: path.to_path_buf(),
            line: e.span.start.line,
            column: e.span.start.col,
            message: describe(&e.code, after(source, &e.span.start)),
        })
}

/// True when the text holds nothing but whitespace and `//` comments.
pub fn is_blank(source: &str) -> bool {
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

/// RON's own messages name Rust types; these speak of the file instead.
/// `rest` is the text from the error's position on, which tells a cut-off file from a typo.
fn describe(code: &ron::Error, rest: &str) -> String {
    use ron::Error as E;
    if is_blank(rest) && !matches!(code, E::Message(_)) {
        return text::routine::ERR_EOF.to_string();
    }
    match code {
        E::Message(m) => m.clone(),
        E::Eof => text::routine::ERR_EOF.to_string(),
        E::ExpectedComma if rest.starts_with('.') => text::routine::ERR_INTEGER.to_string(),
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => {
            text::routine::ERR_OPEN.to_string()
        }
        E::ExpectedDifferentStructName { .. } | E::ExpectedStructName(_) => {
            text::routine::ERR_STRUCT_NAME.to_string()
        }
        E::NoSuchStructField {
            expected, found, ..
        } => text::routine::err_unknown_field(found, expected),
        E::NoSuchEnumVariant {
            expected, found, ..
        } => text::routine::err_unknown_variant(found, expected),
        E::MissingStructField { field, outer } => {
            text::routine::err_missing_field(field, outer.as_deref())
        }
        E::DuplicateStructField { field, .. } => text::routine::err_duplicate_field(field),
        E::TrailingCharacters => text::routine::ERR_TRAILING.to_string(),
        E::InvalidValueForType { expected, found } => text::routine::err_expected(expected, found),
        E::ExpectedComma => text::routine::ERR_COMMA.to_string(),
        E::ExpectedInteger | E::IntegerOutOfBounds => text::routine::ERR_INTEGER.to_string(),
        E::ExpectedString | E::ExpectedStringEnd => text::routine::ERR_STRING.to_string(),
        E::ExpectedBoolean => text::routine::ERR_BOOLEAN.to_string(),
        E::ExpectedArray | E::ExpectedArrayEnd => text::routine::ERR_LIST.to_string(),
        E::ExpectedOption => text::routine::ERR_OPTION.to_string(),
        other => text::routine::err_syntax(&other.to_string()),
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
            _ => Err(de::Error::custom(text::routine::err_out_of_range(
                B::NAME,
                B::MIN,
                B::MAX,
                value,
            ))),
        }
    }
}
