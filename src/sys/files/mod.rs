//! Opening the files a person hands to unknot, and its own history, so that none can hang it,
//! fill its memory or lead a write somewhere else. Each file is opened without waiting (a named
//! pipe would wait for a writer forever), judged through the handle opened rather than by its
//! path (which can change in between), refused unless it is a regular file, and read no further
//! than its kind's limit even if it grows meanwhile. The history is held to more: no symbolic
//! link is followed to it, it must belong to the user, and it is kept private (0600).

use std::fs::{File, Metadata, OpenOptions};
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::text;

const MB: u64 = 1024 * 1024;
const GB: u64 = 1024 * MB;

/// What a file is for, and so how much of it is read and how far it is trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A routine, given by path or found in the routines folder.
    Routine,
    /// The settings file.
    Settings,
    /// A sound file named in the settings.
    Sound,
    /// The history in the data folder: the user's own health data.
    History,
    /// A history from elsewhere, to import.
    Import,
}

impl Kind {
    /// The most bytes a file of this kind may hold: a routine or settings are a page of text,
    /// a cue a few seconds of sound; a history grows by about 3 kB a session, so 1 GB is
    /// hundreds of thousands of sessions.
    pub const fn limit(self) -> u64 {
        match self {
            Kind::Routine | Kind::Settings => MB,
            Kind::Sound => 10 * MB,
            Kind::History | Kind::Import => GB,
        }
    }

    /// The user's own history: no links followed, the user's own file, kept private.
    const fn private(self) -> bool {
        matches!(self, Kind::History)
    }

    fn noun(self) -> &'static str {
        match self {
            Kind::Routine => text::cli::NOUN_ROUTINE,
            Kind::Settings => text::cli::NOUN_SETTINGS,
            Kind::Sound => text::cli::NOUN_SOUND,
            Kind::History | Kind::Import => text::cli::NOUN_HISTORY,
        }
    }
}

/// A file unknot would not or could not read: which file, of what kind, and why.
#[derive(Debug)]
pub struct FileError {
    pub path: PathBuf,
    pub kind: Kind,
    pub why: Why,
}

#[derive(Debug)]
pub enum Why {
    /// The operating system's error opening or reading it.
    Io(std::io::Error),
    /// The history's path is a symbolic link.
    Link,
    /// Something other than a regular file: a folder, a named pipe, a device, a socket.
    NotAFile(Shape),
    /// The history belongs to another user.
    NotYours,
    /// More than [`Kind::limit`] bytes.
    TooLarge,
    /// Text that stops being UTF-8 at this byte; line and column count from 1, the column in
    /// characters.
    NotUtf8 {
        line: usize,
        column: usize,
        byte: u8,
    },
}

/// What a file that is not a regular file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Folder,
    Pipe,
    Device,
    Socket,
    Other,
}

impl FileError {
    fn new(path: &Path, kind: Kind, why: Why) -> FileError {
        FileError {
            path: path.to_path_buf(),
            kind,
            why,
        }
    }

    /// The file is not there.
    pub fn is_not_found(&self) -> bool {
        matches!(&self.why, Why::Io(e) if e.kind() == std::io::ErrorKind::NotFound)
    }

    /// Refused for what the file is, rather than failing to read it.
    pub fn is_refusal(&self) -> bool {
        !matches!(self.why, Why::Io(_))
    }

    /// 2 for a file that is the person's input or is refused; 1 when the system failed to read
    /// unknot's own history.
    pub fn exit_code(&self) -> u8 {
        match (&self.why, self.kind) {
            (Why::Io(_), Kind::History) => 1,
            _ => 2,
        }
    }

    /// Why, without the file's name: "it is a named pipe, not a file".
    pub fn reason(&self) -> String {
        match &self.why {
            Why::Io(e) => text::cli::io_reason(e).to_string(),
            Why::Link => text::history::HISTORY_LINK.to_string(),
            Why::NotAFile(shape) => shape.words().to_string(),
            Why::NotYours => text::history::HISTORY_NOT_YOURS.to_string(),
            Why::TooLarge => text::cli::too_large_reason(
                self.kind.noun(),
                &text::cli::size_limit(self.kind.limit()),
            ),
            Why::NotUtf8 { line, column, byte } => {
                text::cli::not_utf8_reason(*line, *column, *byte)
            }
        }
    }
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = &self.path;
        let sentence = match (&self.why, self.kind) {
            (Why::Io(e), Kind::History) => text::history::err_history_read(path, e),
            (Why::TooLarge, kind) => {
                text::cli::err_too_large(path, kind.noun(), &text::cli::size_limit(kind.limit()))
            }
            (Why::NotUtf8 { line, column, byte }, _) => {
                text::cli::err_not_utf8(path, *line, *column, *byte)
            }
            (_, Kind::History) => text::history::err_history_refused(path, &self.reason()),
            _ => text::cli::err_cannot_read(path, &self.reason()),
        };
        f.write_str(&sentence)
    }
}

impl std::error::Error for FileError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.why {
            Why::Io(e) => Some(e),
            _ => None,
        }
    }
}

impl Shape {
    fn words(self) -> &'static str {
        match self {
            Shape::Folder => text::cli::NOT_A_FILE_FOLDER,
            Shape::Pipe => text::cli::NOT_A_FILE_PIPE,
            Shape::Device => text::cli::NOT_A_FILE_DEVICE,
            Shape::Socket => text::cli::NOT_A_FILE_SOCKET,
            Shape::Other => text::cli::NOT_A_FILE_OTHER,
        }
    }
}

/// Reads a whole file of `kind`.
///
/// # Errors
/// [`FileError`] if it cannot be opened or read, is not a regular file, is over the kind's
/// limit, or (a history) is a link or another user's.
pub fn read(path: &Path, kind: Kind) -> Result<Vec<u8>, FileError> {
    let file = open(path, OpenOptions::new().read(true), kind)?;
    read_open(&file, path, kind)
}

/// Opens `path` with `options` (read, append, create...) as a file of `kind`, and judges it
/// through the handle: only a regular file, and for the history only the user's own, reached
/// without a link. A history others can read is made private (0600) first.
///
/// # Errors
/// As [`read`], but never for the size.
pub fn open(path: &Path, options: &mut OpenOptions, kind: Kind) -> Result<File, FileError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Neither a named pipe with no writer nor a device may keep the open waiting, and a
        // terminal must not become unknot's; on a regular file both flags change nothing.
        let mut flags = libc::O_NONBLOCK | libc::O_NOCTTY;
        if kind.private() {
            flags |= libc::O_NOFOLLOW;
        }
        options.custom_flags(flags);
    }
    let file = options.open(path).map_err(|e| {
        #[cfg(unix)]
        if kind.private() && e.raw_os_error() == Some(libc::ELOOP) {
            return FileError::new(path, kind, Why::Link);
        }
        FileError::new(path, kind, Why::Io(e))
    })?;
    let meta = file
        .metadata()
        .map_err(|e| FileError::new(path, kind, Why::Io(e)))?;
    let facts = Facts::of(&meta);
    let private = judge(&facts, kind, me()).map_err(|why| FileError::new(path, kind, why))?;
    if private == Private::Tighten {
        make_private(&file);
    }
    Ok(file)
}

/// Reads an open file of `kind` from where it stands to its end, refusing it if that is over
/// the kind's limit, as it may have grown since it was opened.
///
/// # Errors
/// [`Why::TooLarge`], or the system's error reading.
pub fn read_open(file: &File, path: &Path, kind: Kind) -> Result<Vec<u8>, FileError> {
    read_open_within(file, path, kind, kind.limit())
}

/// As [`read_open`], refusing the file past `limit` bytes (at most the kind's limit), without
/// reading it into memory to find that out.
///
/// # Errors
/// As [`read_open`].
pub fn read_open_within(
    file: &File,
    path: &Path,
    kind: Kind,
    limit: u64,
) -> Result<Vec<u8>, FileError> {
    let io = |e| FileError::new(path, kind, Why::Io(e));
    let size = file.metadata().map_err(io)?.len();
    let limit = limit.min(kind.limit());
    if size > limit {
        return Err(FileError::new(path, kind, Why::TooLarge));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0).saturating_add(1));
    file.take(limit + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(FileError::new(path, kind, Why::TooLarge));
    }
    Ok(bytes)
}

/// A file of `kind` opened to be read a piece at a time, so that it never has to fit in memory
/// whole. It is refused as [`read`] refuses it; reading past the kind's limit (the file grew
/// meanwhile) fails with [`Why::TooLarge`] through [`Pieces::failed`].
pub struct Pieces {
    reader: std::io::BufReader<std::io::Take<File>>,
    path: PathBuf,
    kind: Kind,
    read: u64,
    /// Which file it is, and its length when opened: [`Pieces::identity`].
    identity: Identity,
}

/// Which file a path led to (its device and inode), and its length in bytes when opened: a file
/// replaced since is another, and one shorter than before no longer holds what it held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Identity {
    pub device: u64,
    pub inode: u64,
    pub bytes: u64,
}

impl Pieces {
    /// Opens `path`.
    ///
    /// # Errors
    /// As [`read`].
    pub fn open(path: &Path, kind: Kind) -> Result<Pieces, FileError> {
        let file = open(path, OpenOptions::new().read(true), kind)?;
        let metadata = file
            .metadata()
            .map_err(|e| FileError::new(path, kind, Why::Io(e)))?;
        let size = metadata.len();
        if size > kind.limit() {
            return Err(FileError::new(path, kind, Why::TooLarge));
        }
        Ok(Pieces {
            // Large reads: a history is read once, front to back.
            reader: std::io::BufReader::with_capacity(256 * 1024, file.take(kind.limit() + 1)),
            path: path.to_path_buf(),
            kind,
            read: 0,
            identity: Identity {
                device: std::os::unix::fs::MetadataExt::dev(&metadata),
                inode: std::os::unix::fs::MetadataExt::ino(&metadata),
                bytes: size,
            },
        })
    }

    pub fn identity(&self) -> Identity {
        self.identity
    }

    /// Whether the file holds `bytes` at `offset`, read apart from the pieces.
    pub fn holds_at(&self, offset: u64, bytes: &[u8]) -> bool {
        let mut there = vec![0; bytes.len()];
        let file = self.reader.get_ref().get_ref();
        std::os::unix::fs::FileExt::read_exact_at(file, &mut there, offset).is_ok()
            && there == bytes
    }

    /// Goes `bytes` into the file without reading them; only before the first piece is read.
    ///
    /// # Errors
    /// The system's error seeking, or a piece already read.
    pub fn skip_unread(&mut self, bytes: u64) -> Result<(), FileError> {
        let io = |e| FileError::new(&self.path, self.kind, Why::Io(e));
        if self.read > 0 || !self.reader.buffer().is_empty() {
            return Err(io(std::io::Error::other("a piece was already read")));
        }
        // Nothing is buffered yet, so the file's own position is the reader's.
        let take = self.reader.get_mut();
        std::io::Seek::seek(take.get_mut(), std::io::SeekFrom::Start(bytes)).map_err(io)?;
        take.set_limit((self.kind.limit() + 1).saturating_sub(bytes));
        self.read = bytes;
        Ok(())
    }

    /// The next piece, empty at the end; consume it with [`Pieces::consume`].
    ///
    /// # Errors
    /// The system's error reading, or [`Why::TooLarge`] once past the limit.
    pub fn fill(&mut self) -> Result<&[u8], FileError> {
        if self.read > self.kind.limit() {
            return Err(FileError::new(&self.path, self.kind, Why::TooLarge));
        }
        std::io::BufRead::fill_buf(&mut self.reader)
            .map_err(|e| FileError::new(&self.path, self.kind, Why::Io(e)))
    }

    pub fn consume(&mut self, n: usize) {
        self.read += n as u64;
        std::io::BufRead::consume(&mut self.reader, n);
    }
}

/// The text of a file of `kind` read into memory: no more than its limit, and UTF-8 through,
/// else refused with the line and column where it stops being UTF-8.
///
/// # Errors
/// [`Why::TooLarge`] or [`Why::NotUtf8`].
pub fn text(bytes: Vec<u8>, path: &Path, kind: Kind) -> Result<String, FileError> {
    if bytes.len() as u64 > kind.limit() {
        return Err(FileError::new(path, kind, Why::TooLarge));
    }
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let valid = e.utf8_error().valid_up_to();
        // Everything before `valid` is UTF-8, so it can be counted in characters.
        let before = std::str::from_utf8(&bytes[..valid]).unwrap_or_default();
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let why = Why::NotUtf8 {
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
            byte: bytes.get(valid).copied().unwrap_or_default(),
        };
        FileError::new(path, kind, why)
    })
}

/// The bytes without a UTF-8 byte-order mark at the start, which some editors write.
pub fn without_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// Writes `parts`, one after another, to `path` whole or not at all: into a temporary file
/// beside it (`.NAME.part`), created new and readable by the user alone (0600), synced, then
/// renamed over `path`. Whatever was left at the temporary name (by a run cut short, or put
/// there) is removed first, never written through.
///
/// # Errors
/// The system's error creating, writing, syncing or renaming; the temporary file is removed.
pub fn replace_whole(path: &Path, parts: &[&[u8]]) -> std::io::Result<()> {
    let name = path
        .file_name()
        .map_or_else(|| "unknot".into(), |n| n.to_string_lossy().into_owned());
    let temporary = path.with_file_name(format!(".{name}.part"));
    let _ = std::fs::remove_file(&temporary);
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let written = options.open(&temporary).and_then(|mut file| {
        for part in parts {
            std::io::Write::write_all(&mut file, part)?;
        }
        file.sync_all()
    });
    let replaced = written.and_then(|()| std::fs::rename(&temporary, path));
    if replaced.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    replaced
}

/// Creates the folder, and any parents, private to the user (0700); an existing folder of the
/// user's that others can open is made private again.
///
/// # Errors
/// The system's error creating the folder.
pub fn private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)?;
    #[cfg(unix)]
    if let Ok(meta) = std::fs::metadata(dir) {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        if meta.uid() == me() && meta.mode() & 0o077 != 0 {
            // A folder on a read-only disk stays as it is; the history's own mode is what keeps
            // it private.
            let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
        }
    }
    Ok(())
}

/// What the handle says about a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Facts {
    /// `None` for a regular file.
    shape: Option<Shape>,
    /// Its owner's user id, where the system has them.
    owner: Option<u32>,
    /// Its permission bits, where the system has them.
    mode: Option<u32>,
}

impl Facts {
    fn of(meta: &Metadata) -> Facts {
        let kind = meta.file_type();
        let shape = if kind.is_file() {
            None
        } else if kind.is_dir() {
            Some(Shape::Folder)
        } else {
            Some(special_shape(kind))
        };
        #[cfg(unix)]
        let (owner, mode) = {
            use std::os::unix::fs::MetadataExt;
            (Some(meta.uid()), Some(meta.mode() & 0o7777))
        };
        #[cfg(not(unix))]
        let (owner, mode) = (None, None);
        Facts { shape, owner, mode }
    }
}

#[cfg(unix)]
fn special_shape(kind: std::fs::FileType) -> Shape {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        Shape::Pipe
    } else if kind.is_char_device() || kind.is_block_device() {
        Shape::Device
    } else if kind.is_socket() {
        Shape::Socket
    } else {
        Shape::Other
    }
}

#[cfg(not(unix))]
fn special_shape(_kind: std::fs::FileType) -> Shape {
    Shape::Other
}

/// Whether a file that may be used needs its mode tightened first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Private {
    AsItIs,
    Tighten,
}

/// Whether a file with these facts may be used as `kind` by the user `me`, and whether it must
/// be made private first.
fn judge(facts: &Facts, kind: Kind, me: u32) -> Result<Private, Why> {
    if let Some(shape) = facts.shape {
        return Err(Why::NotAFile(shape));
    }
    if !kind.private() {
        return Ok(Private::AsItIs);
    }
    if facts.owner.is_some_and(|owner| owner != me) {
        return Err(Why::NotYours);
    }
    Ok(match facts.mode {
        Some(mode) if mode & 0o077 != 0 => Private::Tighten,
        _ => Private::AsItIs,
    })
}

/// The effective user id of this process.
#[cfg(unix)]
fn me() -> u32 {
    // SAFETY: geteuid takes nothing, cannot fail and only reads the process's own credentials.
    unsafe { libc::geteuid() }
}

/// No user ids here: [`Facts`] have no owner, so this is never compared.
#[cfg(not(unix))]
fn me() -> u32 {
    0
}

/// Readable and writable by the user alone. Best effort: a file on a read-only disk cannot be
/// changed, and nobody can write it there either.
fn make_private(file: &File) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = file.set_permissions(std::fs::Permissions::from_mode(0o600));
    }
    #[cfg(not(unix))]
    let _ = file;
}

#[cfg(test)]
mod tests;
