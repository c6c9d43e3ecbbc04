//! Files unknot writes where the person says (`--out`): whole or not at all (a temporary file
//! beside it, synced, then renamed), readable by the person alone (0600, health data), and an
//! existing file kept unless they say `--force`.

use std::io::Write;
use std::path::Path;

use crate::error::AppError;

/// Writes `contents` to `out`. `bad_input`: a path that cannot be written is the person's
/// mistake (exit 2), as for a report; otherwise the system's (exit 1).
///
/// # Errors
/// [`AppError::OutExists`] for a file there without `force`; [`AppError::BadOut`] or
/// [`AppError::Write`] when it cannot be written; nothing is left half-written.
pub fn write_whole(
    contents: &str,
    out: &Path,
    force: bool,
    bad_input: bool,
) -> Result<(), AppError> {
    let shown = out.display().to_string();
    if out.exists() && !force {
        return Err(AppError::OutExists(shown));
    }
    let file_name = out
        .file_name()
        .map_or_else(|| "unknot".into(), |n| n.to_string_lossy().into_owned());
    let temporary = out.with_file_name(format!(".{file_name}.part"));
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let written = options
        .open(&temporary)
        .and_then(|mut f| f.write_all(contents.as_bytes()).and_then(|()| f.sync_all()))
        .and_then(|()| std::fs::rename(&temporary, out));
    match written {
        Ok(()) => Ok(()),
        Err(source) => {
            let _ = std::fs::remove_file(&temporary);
            Err(if bad_input {
                AppError::BadOut {
                    path: shown,
                    source,
                }
            } else {
                AppError::Write {
                    path: shown,
                    source,
                }
            })
        }
    }
}
