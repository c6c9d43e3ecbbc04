//! Derived files: what reading the history folded, kept beside it so that the next run reads only
//! the lines added since. Never the source of truth and never part of `history.jsonl`: each names
//! the bytes of the history it was folded from (their length and XXH3-128 hash) and carries a
//! hash of its own contents, and anything that does not match (a history edited, replaced or
//! shortened; a derived file cut off, damaged, or written by another version of unknot) is set
//! aside: the history is read from its start and the file written again. Deleting one costs
//! nothing but one slower start.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::digest::Folder;
use super::event::Entry;
use super::load::{Mark, Pass, Skipped, read_each_from};
use super::stream::read_each_in_parallel_from;
use super::view::ViewFolder;
use crate::sys::files::{self, FileError, Kind};

/// The folder, inside the data folder, that holds the derived files.
pub const FOLDER: &str = "cache";

/// The derived file of the recent past: what the home screen, a visit and `unknot safety` read.
pub const RECENT: &str = "recent.json";

/// The derived file of the review: the whole view, and the recent past for the way back home.
pub const REVIEW: &str = "review.json";

/// Written into every derived file; one written with another number is not read. Raised whenever
/// what is folded, or how, changes.
const FORMAT: u32 = 1;

/// A derived file is written again once the history has grown this many bytes past it (about
/// a thousand events: a few milliseconds to read), so that most runs only read it.
pub const SAVE_AFTER: u64 = 256 * 1024;

/// What folds events in as the history is read, and can be kept in a derived file.
pub trait Fold: Sized {
    fn fold(&mut self, entry: &Entry);

    /// The bytes a derived file keeps it in.
    ///
    /// # Errors
    /// What `serde_json` reports, which for these types it never does.
    fn encode(&self) -> serde_json::Result<Vec<u8>>;

    /// Read back from what [`Fold::encode`] wrote; `None` for anything else.
    fn decode(bytes: &[u8]) -> Option<Self>;
}

impl Fold for Folder {
    fn fold(&mut self, entry: &Entry) {
        Folder::fold(self, entry);
    }

    fn encode(&self) -> serde_json::Result<Vec<u8>> {
        serde_json::to_vec(self)
    }

    fn decode(bytes: &[u8]) -> Option<Self> {
        serde_json::from_slice(bytes).ok()
    }
}

impl Fold for ViewFolder {
    fn fold(&mut self, entry: &Entry) {
        ViewFolder::fold(self, entry);
    }

    fn encode(&self) -> serde_json::Result<Vec<u8>> {
        super::view_kept::encode(self)
    }

    fn decode(bytes: &[u8]) -> Option<Self> {
        super::view_kept::decode(bytes)
    }
}

/// Two folds of the same lines, read in one pass: the first's bytes, then the second's, with the
/// first's length on a line before them.
impl<A: Fold, B: Fold + Send> Fold for (A, B) {
    fn fold(&mut self, entry: &Entry) {
        self.0.fold(entry);
        self.1.fold(entry);
    }

    fn encode(&self) -> serde_json::Result<Vec<u8>> {
        let first = self.0.encode()?;
        let mut bytes = format!("{}\n", first.len()).into_bytes();
        bytes.extend_from_slice(&first);
        bytes.extend_from_slice(&self.1.encode()?);
        Ok(bytes)
    }

    fn decode(bytes: &[u8]) -> Option<Self> {
        let end = memchr::memchr(b'\n', bytes)?;
        let length: usize = std::str::from_utf8(&bytes[..end]).ok()?.parse().ok()?;
        let rest = &bytes[end + 1..];
        let (first, second) = (rest.get(..length)?, rest.get(length..)?);
        let (a, b) = std::thread::scope(|scope| {
            let b = scope.spawn(|| B::decode(second));
            (A::decode(first), b.join().ok().flatten())
        });
        Some((a?, b?))
    }
}

/// The first line of a derived file.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
struct Header {
    format: u32,
    /// The version of unknot that wrote it.
    unknot: String,
    /// The bytes of the history it was folded from.
    history: Mark,
    /// The lines of those bytes that were skipped.
    skipped: Vec<Skipped>,
    /// The bytes after this line, and their XXH3-128 hash.
    body_bytes: u64,
    body_hash: u128,
}

/// How a history is read: the derived file to start from and keep up to date, if any, and
/// whether to parse on two threads.
#[derive(Debug, Clone)]
pub struct Plan {
    pub derived: Option<PathBuf>,
    pub parallel: bool,
    /// Bytes read past the derived file before it is written again: [`SAVE_AFTER`].
    pub save_after: u64,
}

impl Plan {
    /// The derived file `name` ([`RECENT`], [`REVIEW`]) in [`FOLDER`] of the data folder `data`.
    pub fn kept_in(data: &Path, name: &str, parallel: bool) -> Plan {
        Plan {
            derived: Some(data.join(FOLDER).join(name)),
            parallel,
            save_after: SAVE_AFTER,
        }
    }
}

/// Reads the history at `path` into `F`: from its derived file where that still matches the
/// history's first bytes, then the lines added since; otherwise from `fresh()` and the whole
/// file. The derived file is written again (whole or not at all, 0600) when the lines read past
/// it came to `how.save_after` bytes or more, or when it could not be used; one that cannot be
/// written only means reading more next time. Returns the fold, unfinished, and every line
/// skipped, in the order of the file.
///
/// # Errors
/// [`FileError`] for a history that cannot be read, as [`super::read_each_from`]; never for a
/// derived file.
pub fn read<F: Fold>(
    path: &Path,
    how: &Plan,
    fresh: impl Fn() -> F,
) -> Result<(F, Vec<Skipped>), FileError> {
    let found = kept(how).map_or(Found::Missing, |d| load::<F>(d, largest(path)));
    let rewrite = !matches!(found, Found::Missing);
    if let Found::Usable(mark, skipped, folded) = found
        && let Some(done) = resume(path, how, mark, skipped, folded)?
    {
        return Ok(done);
    }
    let mut folded = fresh();
    let pass = pass(path, None, how.parallel, &mut folded)?.unwrap_or_default();
    if rewrite || pass.reach.bytes >= how.save_after {
        keep(how, pass.reach, &folded, &pass.skipped);
    }
    Ok((folded, pass.skipped))
}

/// As [`read`], only where the derived file is there and still matches the history: `None`
/// otherwise, without reading the history.
///
/// # Errors
/// As [`read`].
pub fn read_if_kept<F: Fold>(
    path: &Path,
    how: &Plan,
) -> Result<Option<(F, Vec<Skipped>)>, FileError> {
    match kept(how).map(|d| load::<F>(d, largest(path))) {
        Some(Found::Usable(mark, skipped, folded)) => resume(path, how, mark, skipped, folded),
        _ => Ok(None),
    }
}

/// The derived file of `how`, unless its folder is a link or not a folder: health data is
/// neither written through a link into a folder others may share, nor read from one.
fn kept(how: &Plan) -> Option<&Path> {
    let file = how.derived.as_deref()?;
    match file.parent().map(std::fs::symlink_metadata) {
        Some(Ok(folder)) if !folder.is_dir() => None,
        _ => Some(file),
    }
}

/// The most bytes a derived file of the history at `path` holds: none unknot writes is larger
/// than the history itself, give or take a megabyte of what it keeps beside it.
fn largest(path: &Path) -> u64 {
    std::fs::metadata(path).map_or(0, |m| m.len()) + 1024 * 1024
}

/// The fold of a derived file carried on through the lines added since `mark`, and written
/// again when they came to `how.save_after` bytes; `None` when the history no longer starts
/// with the bytes `mark` names.
fn resume<F: Fold>(
    path: &Path,
    how: &Plan,
    mark: Mark,
    mut skipped: Vec<Skipped>,
    mut folded: F,
) -> Result<Option<(F, Vec<Skipped>)>, FileError> {
    let Some(pass) = pass(path, Some(mark), how.parallel, &mut folded)? else {
        return Ok(None);
    };
    skipped.extend(pass.skipped);
    if pass.reach.bytes >= mark.bytes + how.save_after {
        keep(how, pass.reach, &folded, &skipped);
    }
    Ok(Some((folded, skipped)))
}

/// One reading of the history from `from`, folding each event into `folded`.
fn pass<F: Fold>(
    path: &Path,
    from: Option<Mark>,
    parallel: bool,
    folded: &mut F,
) -> Result<Option<Pass>, FileError> {
    if parallel {
        read_each_in_parallel_from(path, from, |entry| folded.fold(entry))
    } else {
        read_each_from(path, from, |entry| folded.fold(&entry))
    }
}

/// What was found where a derived file should be.
enum Found<F> {
    Missing,
    /// There, but damaged, cut off, or from another format or version.
    Unusable,
    Usable(Mark, Vec<Skipped>, F),
}

/// The derived file at `file`, if it is whole and this version's. One over `limit` bytes is not
/// one, and is not read into memory to find that out.
fn load<F: Fold>(file: &Path, limit: u64) -> Found<F> {
    // Judged as the history is: a regular file of the user's own, reached without a link and
    // opened without waiting (a named pipe in its place).
    let opened = files::open(file, std::fs::OpenOptions::new().read(true), Kind::History);
    let mut opened = match opened {
        Ok(opened) => opened,
        Err(e) if e.is_not_found() => return Found::Missing,
        Err(_) => return Found::Unusable,
    };
    let mut bytes = Vec::new();
    let read =
        std::io::Read::read_to_end(&mut std::io::Read::take(&mut opened, limit + 1), &mut bytes);
    if read.is_err() || bytes.len() as u64 > limit {
        return Found::Unusable;
    }
    let Some(end) = memchr::memchr(b'\n', &bytes) else {
        return Found::Unusable;
    };
    let Ok(header) = serde_json::from_slice::<Header>(&bytes[..end]) else {
        return Found::Unusable;
    };
    let body = &bytes[end + 1..];
    let whole = header.format == FORMAT
        && header.unknot == env!("CARGO_PKG_VERSION")
        && header.body_bytes == body.len() as u64
        && header.body_hash == xxhash_rust::xxh3::xxh3_128(body);
    match whole.then(|| F::decode(body)).flatten() {
        Some(folded) => Found::Usable(header.history, header.skipped, folded),
        None => Found::Unusable,
    }
}

/// Writes the derived file of `how`, if it has one; a failure is let go (see [`read`]).
fn keep<F: Fold>(how: &Plan, reach: Mark, folded: &F, skipped: &[Skipped]) {
    if let Some(file) = kept(how) {
        let _ = save(file, reach, folded, skipped);
    }
}

/// Writes a derived file whole or not at all ([`files::replace_whole`]), readable by the user
/// alone (0600), as it holds what the history holds.
fn save<F: Fold>(file: &Path, reach: Mark, folded: &F, skipped: &[Skipped]) -> std::io::Result<()> {
    // A last line cut off before its end lies past the reach: it is read again next time.
    let within = skipped.partition_point(|s| s.line <= reach.lines);
    let body = folded.encode()?;
    let header = serde_json::to_vec(&Header {
        format: FORMAT,
        unknot: env!("CARGO_PKG_VERSION").to_owned(),
        history: reach,
        skipped: skipped[..within].to_vec(),
        body_bytes: body.len() as u64,
        body_hash: xxhash_rust::xxh3::xxh3_128(&body),
    })?;
    if let Some(folder) = file.parent() {
        files::private_dir(folder)?;
    }
    files::replace_whole(file, &[&header, b"\n", &body])
}
