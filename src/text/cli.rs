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
