//! Words of the command line around the commands: why a file could not be used, missing
//! folders, dates given on the command line, and `unknot paths`.

/// The cause of a file error, in words rather than an OS error code.
pub fn io_reason(e: &std::io::Error) -> &'static str {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "no such file",
        K::PermissionDenied => "permission denied",
        K::IsADirectory => "it is a folder, not a file",
        K::InvalidData => "it is not a text file",
        K::BrokenPipe => "the other end was closed",
        K::StorageFull => "the disk is full",
        K::QuotaExceeded => "the disk quota is used up",
        K::ReadOnlyFilesystem => "the disk is read-only",
        K::FileTooLarge => "the file has reached its size limit",
        _ => "the operating system reported an error",
    }
}

pub const ERR_NO_CONFIG_DIR: &str =
    "cannot find a config folder (no home folder is set); pass --config FILE";
pub const ERR_NO_DATA_DIR: &str =
    "cannot find a data folder (no home folder is set); pass --data-dir DIR";
pub const ERR_DATE: &str = "expected a date like 2026-11-21";

pub const PATHS_LINES: [&str; 3] = ["config file", "your routines", "data folder"];
pub const PATHS_UNKNOWN: &str = "(unknown: no home folder; use --config and --data-dir)";

// ---- Files refused before they are read (`sys::files`) -------------------------------------

/// "cannot read FILE: WHY", for a file the person named.
pub fn err_cannot_read(path: &std::path::Path, why: &str) -> String {
    format!("cannot read {}: {why}", path.display())
}

pub const NOT_A_FILE_FOLDER: &str = "it is a folder, not a file";
pub const NOT_A_FILE_PIPE: &str = "it is a named pipe, not a file";
pub const NOT_A_FILE_DEVICE: &str = "it is a device, not a file";
pub const NOT_A_FILE_SOCKET: &str = "it is a socket, not a file";
pub const NOT_A_FILE_OTHER: &str = "it is not a regular file";

/// What a file of each kind is, after "too large to be".
pub const NOUN_ROUTINE: &str = "a routine";
pub const NOUN_SETTINGS: &str = "a settings file";
pub const NOUN_SOUND: &str = "a cue";
pub const NOUN_HISTORY: &str = "an unknot history";

/// A size limit in words: "1 MB", "10 MB", "1 GB"; `bytes` is a whole number of MB or GB.
pub fn size_limit(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    const GB: u64 = 1024 * MB;
    if bytes >= GB && bytes.is_multiple_of(GB) {
        format!("{} GB", bytes / GB)
    } else {
        format!("{} MB", bytes / MB)
    }
}

/// "it is over 10 MB, too big for a cue"; `limit` as [`size_limit`] says it.
pub fn too_large_reason(noun: &str, limit: &str) -> String {
    format!("it is over {limit}, too big for {noun}")
}

/// "FILE is too large to be a routine (more than 1 MB)".
pub fn err_too_large(path: &std::path::Path, noun: &str, limit: &str) -> String {
    format!(
        "{} is too large to be {noun} (more than {limit})",
        path.display()
    )
}

/// Where a file stops being UTF-8 text: "byte 0xFF at line 3, column 14 is not UTF-8 text".
pub fn not_utf8_reason(line: usize, column: usize, byte: u8) -> String {
    format!("byte 0x{byte:02X} at line {line}, column {column} is not UTF-8 text")
}

/// "`FILE:3:14`: byte 0xFF is not UTF-8 text; save the file as UTF-8".
pub fn err_not_utf8(path: &std::path::Path, line: usize, column: usize, byte: u8) -> String {
    format!(
        "{}:{line}:{column}: byte 0x{byte:02X} is not UTF-8 text; save the file as UTF-8",
        path.display()
    )
}

/// What a pain score on the command line must be.
pub const ERR_PAIN: &str = "a pain score is a whole number from 0 to 10";

/// A mistake on the command line, and the help of the command it was made in.
pub fn err_usage(mistake: &str, command: &str) -> String {
    format!("{mistake}; see `{command} --help`")
}

pub fn man_written(dir: &str) -> String {
    format!(
        "Wrote the manual pages into {dir}; `man unknot` reads them when that folder is on the MANPATH."
    )
}

pub const ERR_TIME: &str = "expected a time of day like 08:30";

pub fn err_out_exists(path: &str) -> String {
    format!("{path} already exists; add --force to replace it, or --out to write another file")
}
