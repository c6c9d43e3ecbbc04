//! The readers of files people hand to unknot (routines, settings, a history), open to the fuzz
//! targets in `fuzz/` and to the tests that keep the inputs the fuzzers found.

use std::path::Path;
use std::time::Duration;

use crate::config::{Config, ConfigError};
use crate::routine;
use crate::routine::Timeline;

/// What a routine that loads amounts to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoutineFacts {
    pub steps: usize,
    /// Phases once sides, reps, rests and lead-ins are laid out.
    pub phases: usize,
    /// The timed phases added up.
    pub planned: Duration,
}

/// Reads a routine file's bytes as `unknot check` does and lays the routine out as a session
/// would.
///
/// # Errors
/// The sentence a person would see about a file that does not load.
pub fn routine(bytes: &[u8]) -> Result<RoutineFacts, String> {
    let routine =
        routine::from_bytes(bytes.to_vec(), Path::new("routine.ron")).map_err(|e| e.to_string())?;
    let timeline = Timeline::new(&routine);
    Ok(RoutineFacts {
        steps: routine.steps.len(),
        phases: timeline.phases.len(),
        planned: timeline.planned_total(),
    })
}

/// Reads a settings file's bytes as unknot does at start.
///
/// # Errors
/// The sentence a person would see about a file that does not load.
pub fn settings(bytes: &[u8]) -> Result<(), String> {
    let path = Path::new("config.ron");
    let source = std::str::from_utf8(bytes).map_err(|_| {
        ConfigError::Read {
            path: path.to_path_buf(),
            source: std::io::ErrorKind::InvalidData.into(),
        }
        .to_string()
    })?;
    Config::parse(source, path)
        .map(drop)
        .map_err(|e| e.to_string())
}
