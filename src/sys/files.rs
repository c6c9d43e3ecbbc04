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
    let io = |e| FileError::new(path, kind, Why::Io(e));
    let size = file.metadata().map_err(io)?.len();
    let limit = kind.limit();
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
mod tests {
    use super::*;

    fn regular(owner: u32, mode: u32) -> Facts {
        Facts {
            shape: None,
            owner: Some(owner),
            mode: Some(mode),
        }
    }

    #[test]
    fn a_history_of_another_user_is_refused_whoever_runs_it() {
        for me in [0, 1000] {
            assert!(matches!(
                judge(&regular(4242, 0o600), Kind::History, me),
                Err(Why::NotYours)
            ));
        }
        assert_eq!(
            judge(&regular(1000, 0o600), Kind::History, 1000).ok(),
            Some(Private::AsItIs)
        );
    }

    #[test]
    fn a_history_others_can_read_is_made_private_and_other_files_are_left_as_they_are() {
        assert_eq!(
            judge(&regular(1000, 0o644), Kind::History, 1000).ok(),
            Some(Private::Tighten)
        );
        for kind in [Kind::Routine, Kind::Settings, Kind::Sound, Kind::Import] {
            assert_eq!(
                judge(&regular(4242, 0o666), kind, 1000).ok(),
                Some(Private::AsItIs),
                "{kind:?}"
            );
        }
    }

    #[test]
    fn only_regular_files_are_read_whatever_their_kind() {
        for shape in [Shape::Folder, Shape::Pipe, Shape::Device, Shape::Socket] {
            let facts = Facts {
                shape: Some(shape),
                owner: Some(1000),
                mode: Some(0o600),
            };
            for kind in [Kind::Routine, Kind::History, Kind::Import] {
                assert!(
                    matches!(judge(&facts, kind, 1000), Err(Why::NotAFile(s)) if s == shape),
                    "{shape:?} as {kind:?}"
                );
            }
        }
    }

    #[test]
    fn where_text_stops_being_utf8_is_said_by_line_and_column() {
        let path = Path::new("r.ron");
        let err = text(b"(\n  title: \"Caf\xE9\"".to_vec(), path, Kind::Routine).unwrap_err();
        assert_eq!(
            err.to_string(),
            "r.ron:2:14: byte 0xE9 is not UTF-8 text; save the file as UTF-8"
        );
        // Columns count characters, not bytes.
        let err = text(
            "é\u{1F600}\u{FF}".bytes().chain([0xC3]).collect(),
            path,
            Kind::Settings,
        )
        .unwrap_err();
        assert!(err.to_string().starts_with("r.ron:1:4: byte 0xC3"), "{err}");
        assert_eq!(err.exit_code(), 2);
        assert_eq!(
            text("fine\r\n".into(), path, Kind::Routine).ok(),
            Some("fine\r\n".to_string())
        );
    }

    #[test]
    fn text_over_the_kinds_limit_is_refused_by_its_size() {
        let path = Path::new("config.ron");
        let big = vec![b' '; usize::try_from(Kind::Settings.limit()).unwrap() + 1];
        let err = text(big, path, Kind::Settings).unwrap_err();
        assert_eq!(
            err.to_string(),
            "config.ron is too large to be a settings file (more than 1 MB)"
        );
    }

    #[test]
    fn a_byte_order_mark_is_taken_off_and_nothing_else() {
        assert_eq!(without_bom(b"\xEF\xBB\xBF{}"), b"{}");
        assert_eq!(without_bom(b"{}\xEF\xBB\xBF"), b"{}\xEF\xBB\xBF");
    }

    #[cfg(unix)]
    #[test]
    fn a_named_pipe_is_refused_at_once_and_a_link_to_the_history_is_not_followed() {
        let tmp = tempfile::tempdir().unwrap();
        let fifo = tmp.path().join("pipe.ron");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|s| s.success()));
        let err = read(&fifo, Kind::Routine).unwrap_err();
        assert!(matches!(err.why, Why::NotAFile(Shape::Pipe)), "{err:?}");

        let target = tmp.path().join("other.txt");
        std::fs::write(&target, "mine\n").unwrap();
        let link = tmp.path().join("history.jsonl");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let err = open(
            &link,
            OpenOptions::new().append(true).create(true),
            Kind::History,
        )
        .unwrap_err();
        assert!(matches!(err.why, Why::Link), "{err:?}");
        assert!(err.is_refusal() && err.exit_code() == 2);
        // Anything else may be a link: dotfiles often are.
        assert_eq!(read(&link, Kind::Settings).unwrap(), b"mine\n");
    }

    #[cfg(unix)]
    #[test]
    fn a_history_readable_by_others_is_private_once_opened() {
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("history.jsonl");
        std::fs::write(&path, "").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        read(&path, Kind::History).unwrap();
        private_dir(tmp.path()).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(tmp.path()), 0o700);
    }
}
