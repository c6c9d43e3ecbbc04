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
use super::load::{Mark, Pass, Place, Skipped, Start, read_each_from};
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
const FORMAT: u32 = 2;

/// A derived file is written again once the history has grown this many bytes past it (about
/// a thousand events: a few milliseconds to read), so that most runs only read it.
pub const SAVE_AFTER: u64 = 256 * 1024;

/// What folds events in as the history is read, starting from what a derived file holds.
pub trait Fold: Sized {
    fn fold(&mut self, entry: &Entry);

    /// Read back from a derived file's body; `None` for anything else.
    fn decode(bytes: &[u8]) -> Option<Self>;
}

/// A fold a derived file keeps.
pub trait Keep: Fold {
    /// The bytes a derived file keeps it in, as [`Fold::decode`] reads them.
    ///
    /// # Errors
    /// What `serde_json` reports, which for these types it never does.
    fn encode(&self) -> serde_json::Result<Vec<u8>>;
}

impl Fold for Folder {
    fn fold(&mut self, entry: &Entry) {
        Folder::fold(self, entry);
    }

    fn decode(bytes: &[u8]) -> Option<Self> {
        serde_json::from_slice(bytes).ok()
    }
}

impl Keep for Folder {
    fn encode(&self) -> serde_json::Result<Vec<u8>> {
        serde_json::to_vec(self)
    }
}

impl Fold for ViewFolder {
    fn fold(&mut self, entry: &Entry) {
        ViewFolder::fold(self, entry);
    }

    fn decode(bytes: &[u8]) -> Option<Self> {
        super::view_kept::decode(bytes)
    }
}

impl Keep for ViewFolder {
    fn encode(&self) -> serde_json::Result<Vec<u8>> {
        super::view_kept::encode(self)
    }
}

/// Two folds of the same lines, read in one pass: the first's bytes, then the second's, with the
/// first's length on a line before them.
impl<A: Fold, B: Fold + Send> Fold for (A, B) {
    fn fold(&mut self, entry: &Entry) {
        self.0.fold(entry);
        self.1.fold(entry);
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

impl<A: Keep, B: Keep + Send> Keep for (A, B) {
    fn encode(&self) -> serde_json::Result<Vec<u8>> {
        let first = self.0.encode()?;
        let mut bytes = format!("{}\n", first.len()).into_bytes();
        bytes.extend_from_slice(&first);
        bytes.extend_from_slice(&self.1.encode()?);
        Ok(bytes)
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

/// What a reading folded, every line it skipped (in the order of the file), what the next
/// reading in the same run needs to go on from it, and the mark the derived file was written at,
/// if it was.
pub struct Folded<F> {
    pub folded: F,
    pub skipped: Vec<Skipped>,
    pub later: Later,
    pub written: Option<Mark>,
    /// Whether the derived file is to be written again, at the reach.
    due: bool,
}

/// The most events a reading keeps for the next one in the same run (under a megabyte): more
/// than the [`SAVE_AFTER`] bytes past a derived file can hold, the shortest line being over 100
/// bytes. Past that, the next one reads the history again.
const KEEP_AT_MOST: usize = 4096;

/// What a reading leaves to the next reading in the same run, so that the history is read once:
/// where it stopped, the mark of the derived file it started from, and the events it read past
/// that mark, with the lines it skipped there. A later reading whose derived file was folded up
/// to that mark, or up to where it stopped, folds those events (or none) and reads only what was
/// added since; the bytes before are not read again.
#[derive(Debug, Clone, Default)]
pub struct Later {
    from: Mark,
    /// `None` past [`KEEP_AT_MOST`] events.
    past: Option<Past>,
    reach: Option<Place>,
}

/// Events read past a mark, kept for [`Later`].
#[derive(Debug, Clone, Default)]
struct Past {
    events: Vec<Entry>,
    skipped: Vec<Skipped>,
    over: bool,
}

impl Past {
    fn note(&mut self, entry: &Entry) {
        if self.events.len() < KEEP_AT_MOST && !self.over {
            self.events.push(entry.clone());
        } else {
            self.over = true;
            self.events = Vec::new();
        }
    }
}

impl Later {
    /// Where a reading of a derived file folded up to `mark` goes on from, and the events to
    /// fold first; `None` when this reading cannot tell.
    fn go_on_from(&self, mark: Mark) -> Option<(Place, Past)> {
        let reach = self.reach.clone()?;
        if mark == reach.mark {
            return Some((reach, Past::default()));
        }
        let past = self.past.clone().filter(|_| mark == self.from)?;
        Some((reach, past))
    }
}

/// Reads the history at `path` into `F`: from its derived file where that still matches the
/// history's first bytes, then the lines added since; otherwise from `fresh()` and the whole
/// file. Where `earlier` (the last reading in this run) reached past the derived file's mark,
/// the bytes it read are not read again. The derived file is written again (whole or not at all,
/// 0600) when the lines read past it came to `how.save_after` bytes or more, or when it could not
/// be used; one that cannot be written only means reading more next time.
///
/// # Errors
/// [`FileError`] for a history that cannot be read, as [`super::read_each_from`]; never for a
/// derived file.
pub fn read<F: Keep>(
    path: &Path,
    how: &Plan,
    fresh: impl Fn() -> F,
    earlier: &Later,
) -> Result<Folded<F>, FileError> {
    let mut done = read_unkept(path, how, fresh, earlier)?;
    if let (true, Some(reach)) = (done.due, &done.later.reach) {
        done.written = keep(how, reach.mark, &done.folded, &done.skipped);
    }
    Ok(done)
}

/// Reads the fold `A` kept alone in `small` (the recent past, for the home screen), keeping the
/// larger derived file `large` (the review's: its own fold `B` beside an `A` of the same lines)
/// at the same mark, so that a reading of `large` later in the run ([`read`] with the [`Later`]
/// returned) reads only the lines added since, whether or not the derived files had to be built.
///
/// Where both files are at one mark, the history still starts with the bytes it names and fewer
/// than `small.save_after` bytes were added since, only `small` is read, then those lines. Else
/// (a file missing, damaged, from another version or at another mark; a history edited or
/// grown past it) the history is read once into both folds, from `large` where that still
/// matches, and both files are written at where it stopped.
///
/// # Errors
/// As [`read`].
pub fn read_in_step<A: Keep + Send, B: Keep>(
    path: &Path,
    (small, large): (&Plan, &Plan),
    fresh: impl Fn() -> (B, A),
    earlier: &Later,
) -> Result<Folded<A>, FileError> {
    let length = length_of(path);
    let found = kept(small).map_or(Found::Missing, |d| load::<A>(d, largest(length)));
    let both = match found {
        Found::Usable(mark, skipped, folded)
            if length < mark.bytes.saturating_add(small.save_after)
                && kept(large).and_then(mark_of) == Some(mark) =>
        {
            if let Some(done) = go_on(path, small, (mark, skipped, folded), earlier, false)? {
                return Ok(done);
            }
            // The history no longer starts with the bytes both files name: neither is of use.
            from_start(path, large, &fresh)?
        }
        _ => read_unkept(path, large, &fresh, earlier)?,
    };
    let reach = both.later.reach.as_ref().map(|r| r.mark);
    let written = reach
        .filter(|r| r.bytes > 0)
        .and_then(|reach| keep_pair((small, large), reach, &both.folded, &both.skipped));
    Ok(Folded {
        folded: both.folded.1,
        skipped: both.skipped,
        later: both.later,
        written,
        due: false,
    })
}

/// As [`read`] of `large`, the review's derived file, which holds an `A` beside its own fold:
/// whenever it is written, the derived file `small` of that `A` is written at the same mark, so
/// that the next run's first reading leaves the review only the lines past it to read.
///
/// # Errors
/// As [`read`].
pub fn read_pair<A: Keep + Send, B: Keep>(
    path: &Path,
    (small, large): (&Plan, &Plan),
    fresh: impl Fn() -> (B, A),
    earlier: &Later,
) -> Result<Folded<(B, A)>, FileError> {
    let mut done = read_unkept(path, large, fresh, earlier)?;
    if let (true, Some(reach)) = (done.due, &done.later.reach) {
        done.written = keep_pair((small, large), reach.mark, &done.folded, &done.skipped);
    }
    Ok(done)
}

/// Writes `large` with both folds and `small` with the second, at the one mark `reach`; that
/// mark, or `None` if either could not be written.
fn keep_pair<A: Keep + Send, B: Keep>(
    (small, large): (&Plan, &Plan),
    reach: Mark,
    both: &(B, A),
    skipped: &[Skipped],
) -> Option<Mark> {
    keep(large, reach, both, skipped)?;
    keep(small, reach, &both.1, skipped)
}

/// The mark named by the first line of the derived file at `file`, if it is of this format and
/// version and as long as it says; read without the rest of the file, whose hash is checked only
/// when it is read.
fn mark_of(file: &Path) -> Option<Mark> {
    use std::io::{BufRead, Read};
    let opened = files::open(file, std::fs::OpenOptions::new().read(true), Kind::History).ok()?;
    let length = opened.metadata().ok()?.len();
    let mut line = Vec::new();
    std::io::BufReader::new(opened.take(HEADER_AT_MOST))
        .read_until(b'\n', &mut line)
        .ok()?;
    let header: Header = serde_json::from_slice(line.strip_suffix(b"\n")?).ok()?;
    let whole = length == (line.len() as u64).saturating_add(header.body_bytes);
    (whole && header.format == FORMAT && header.unknot == env!("CARGO_PKG_VERSION"))
        .then_some(header.history)
}

/// The most bytes [`mark_of`] reads for a derived file's first line: its list of skipped lines
/// may be long, but one longer only means the history is read in full.
const HEADER_AT_MOST: u64 = 1024 * 1024;

/// [`read`] without writing the derived file.
fn read_unkept<F: Fold>(
    path: &Path,
    how: &Plan,
    fresh: impl Fn() -> F,
    earlier: &Later,
) -> Result<Folded<F>, FileError> {
    let found = kept(how).map_or(Found::Missing, |d| load::<F>(d, largest(length_of(path))));
    let (mark, skipped, folded, rewrite) = match found {
        Found::Usable(mark, skipped, folded) => (mark, skipped, folded, false),
        Found::Missing => (Mark::default(), Vec::new(), fresh(), false),
        Found::Unusable => (Mark::default(), Vec::new(), fresh(), true),
    };
    if let Some(done) = go_on(path, how, (mark, skipped, folded), earlier, rewrite)? {
        return Ok(done);
    }
    // The history no longer starts with the bytes the derived file names.
    from_start(path, how, fresh)
}

/// The whole history read from its start into `fresh()`, due to be written to `how`'s derived
/// file: what a reading does once no derived file, nor an earlier reading, is of use.
fn from_start<F: Fold>(
    path: &Path,
    how: &Plan,
    fresh: impl Fn() -> F,
) -> Result<Folded<F>, FileError> {
    let start = (Mark::default(), Vec::new(), fresh());
    // No bytes before the start to check: `go_on` always goes on from there; an empty fold
    // stands in only to avoid asserting so.
    Ok(
        go_on(path, how, start, &Later::default(), true)?.unwrap_or_else(|| Folded {
            folded: fresh(),
            skipped: Vec::new(),
            later: Later::default(),
            written: None,
            due: false,
        }),
    )
}

/// As [`read`], only where the derived file is there and still matches the history: `None`
/// otherwise, without reading the history. The derived file is never written: `F` may read only
/// part of it.
///
/// # Errors
/// As [`read`].
pub fn read_if_kept<F: Fold>(path: &Path, how: &Plan) -> Result<Option<Folded<F>>, FileError> {
    match kept(how).map(|d| load::<F>(d, largest(length_of(path)))) {
        Some(Found::Usable(mark, skipped, folded)) => {
            go_on(path, how, (mark, skipped, folded), &Later::default(), false)
        }
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

/// The length in bytes of the history at `path`; 0 for none.
fn length_of(path: &Path) -> u64 {
    std::fs::metadata(path).map_or(0, |m| m.len())
}

/// The most bytes a derived file of a history of `length` bytes holds: none unknot writes is
/// larger than the history itself, give or take a megabyte of what it keeps beside it.
fn largest(length: u64) -> u64 {
    length + 1024 * 1024
}

/// The fold of a derived file (its mark, the lines it skipped, what it folded) carried on
/// through the lines added since, due to be written again when they came to `how.save_after`
/// bytes or when `rewrite`; `None` when the history no longer starts with the bytes the mark
/// names.
fn go_on<F: Fold>(
    path: &Path,
    how: &Plan,
    (mark, mut skipped, mut folded): (Mark, Vec<Skipped>, F),
    earlier: &Later,
    rewrite: bool,
) -> Result<Option<Folded<F>>, FileError> {
    let (start, mut past) = match earlier.go_on_from(mark) {
        Some((place, past)) => {
            for entry in &past.events {
                folded.fold(entry);
            }
            skipped.extend_from_slice(&past.skipped);
            (Start::At(Box::new(place)), past)
        }
        None => (Start::After(mark), Past::default()),
    };
    let Some(done) = pass(path, start, how.parallel, &mut folded, &mut past)? else {
        return Ok(None);
    };
    // A last line cut off before its end lies past the reach: the next reading reads it again.
    let within = (done.skipped).partition_point(|s| s.line <= done.reach.mark.lines);
    past.skipped.extend_from_slice(&done.skipped[..within]);
    skipped.extend(done.skipped);
    let due = rewrite || done.reach.mark.bytes >= mark.bytes.saturating_add(how.save_after);
    let later = Later {
        from: mark,
        past: (!past.over).then_some(past),
        reach: Some(done.reach),
    };
    Ok(Some(Folded {
        folded,
        skipped,
        later,
        written: None,
        due,
    }))
}

/// One reading of the history from `from`, folding each event into `folded` and noting it in
/// `past`.
fn pass<F: Fold>(
    path: &Path,
    from: Start,
    parallel: bool,
    folded: &mut F,
    past: &mut Past,
) -> Result<Option<Pass>, FileError> {
    if parallel {
        read_each_in_parallel_from(path, from, |entry| {
            past.note(entry);
            folded.fold(entry);
        })
    } else {
        read_each_from(path, from, |entry| {
            past.note(&entry);
            folded.fold(&entry);
        })
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
    let opened = match opened {
        Ok(opened) => opened,
        Err(e) if e.is_not_found() => return Found::Missing,
        Err(_) => return Found::Unusable,
    };
    let Ok(bytes) = files::read_open_within(&opened, file, Kind::History, limit) else {
        return Found::Unusable;
    };
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

/// Writes the derived file of `how`, if it has one, folded up to `reach` with the lines
/// `skipped` up to there; the mark it was written at, or `None`: a failure is let go (see
/// [`read`]).
fn keep<F: Keep>(how: &Plan, reach: Mark, folded: &F, skipped: &[Skipped]) -> Option<Mark> {
    save(kept(how)?, reach, folded, skipped)
        .ok()
        .map(|()| reach)
}

/// Writes a derived file whole or not at all ([`files::replace_whole`]), readable by the user
/// alone (0600), as it holds what the history holds.
fn save<F: Keep>(file: &Path, reach: Mark, folded: &F, skipped: &[Skipped]) -> std::io::Result<()> {
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
