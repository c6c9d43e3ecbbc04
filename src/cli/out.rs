//! Files unknot writes where the person says (`--out`): whole or not at all (a temporary file
//! beside it, synced, then renamed), readable by the person alone (0600, health data), and an
//! existing file kept unless they say `--force`.

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
    crate::sys::files::replace_whole(out, &[contents.as_bytes()]).map_err(|source| {
        if bad_input {
            AppError::BadOut {
                path: shown,
                source,
            }
        } else {
            AppError::Write {
                path: shown,
                source,
            }
        }
    })
}
