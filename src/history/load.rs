//! Reading the history back. Tolerant: a torn last line, a garbled line, or a line from a newer
//! version is skipped and reported, and the file is left exactly as it is.

use std::io::Read;
use std::path::Path;

use serde::Deserialize;

use super::event::{Entry, VERSION};

#[derive(Debug, Default)]
pub struct Loaded {
    pub entries: Vec<Entry>,
    pub skipped: Vec<Skipped>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Skipped {
    /// 1-based line number in the file.
    pub line: usize,
    pub why: SkipReason,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipReason {
    /// The last line, cut off before its end (a crash or power cut while writing).
    Torn,
    /// A line that is not a history event.
    Garbled,
    /// Written by a newer unknot, in a format this one does not know.
    Newer(u32),
}

/// Reads the history file; a missing file is an empty history.
pub fn load(path: &Path) -> std::io::Result<Loaded> {
    let mut bytes = Vec::new();
    match std::fs::File::open(path) {
        Ok(mut file) => {
            file.read_to_end(&mut bytes)?;
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Loaded::default()),
        Err(e) => return Err(e),
    }
    Ok(parse(&bytes))
}

/// Only the version, to tell a newer format from a garbled line.
#[derive(Deserialize)]
struct VersionOnly {
    v: u32,
}

pub fn parse(bytes: &[u8]) -> Loaded {
    let mut loaded = Loaded::default();
    let ends_clean = bytes.last().is_none_or(|b| *b == b'\n');
    let mut lines = bytes.split(|b| *b == b'\n').enumerate().peekable();
    while let Some((index, line)) = lines.next() {
        let last = lines.peek().is_none();
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let skip = |why| Skipped {
            line: index + 1,
            why,
        };
        match serde_json::from_slice::<Entry>(line) {
            Ok(entry) if entry.v <= VERSION => loaded.entries.push(entry),
            Ok(entry) => loaded.skipped.push(skip(SkipReason::Newer(entry.v))),
            Err(_) => {
                let why = match serde_json::from_slice::<VersionOnly>(line) {
                    Ok(VersionOnly { v }) if v > VERSION => SkipReason::Newer(v),
                    _ if last && !ends_clean => SkipReason::Torn,
                    _ => SkipReason::Garbled,
                };
                loaded.skipped.push(skip(why));
            }
        }
    }
    loaded
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"{"v":1,"id":"0190a0a0-0000-7000-8000-000000000001","at":"2026-11-20T08:00:00+01:00","type":"check_in","form":"0190a0a0-0000-7000-8000-000000000001","moment":"log","pain":5}"#;

    #[test]
    fn reads_good_lines_and_skips_blank_ones() {
        let text = format!("{GOOD}\n\n{GOOD}\n");
        let loaded = parse(text.as_bytes());
        assert_eq!(loaded.entries.len(), 2);
        assert!(loaded.skipped.is_empty());
    }

    #[test]
    fn a_cut_off_last_line_is_torn() {
        let text = format!("{GOOD}\n{}", &GOOD[..40]);
        let loaded = parse(text.as_bytes());
        assert_eq!(loaded.entries.len(), 1);
        assert_eq!(
            loaded.skipped,
            vec![Skipped {
                line: 2,
                why: SkipReason::Torn
            }]
        );
    }

    #[test]
    fn a_complete_last_line_without_newline_is_kept() {
        let loaded = parse(GOOD.as_bytes());
        assert_eq!(loaded.entries.len(), 1);
    }

    #[test]
    fn garbled_and_newer_lines_are_skipped_with_their_numbers() {
        let newer = GOOD
            .replace(r#""v":1"#, r#""v":7"#)
            .replace("check_in", "mood");
        let text = format!("{GOOD}\nnot json at all\n{newer}\n\u{1}\u{ff}\n{GOOD}\n");
        let loaded = parse(text.as_bytes());
        assert_eq!(loaded.entries.len(), 2);
        assert_eq!(
            loaded.skipped,
            vec![
                Skipped {
                    line: 2,
                    why: SkipReason::Garbled
                },
                Skipped {
                    line: 3,
                    why: SkipReason::Newer(7)
                },
                Skipped {
                    line: 4,
                    why: SkipReason::Garbled
                },
            ]
        );
    }

    #[test]
    fn a_missing_file_is_an_empty_history() {
        let loaded = load(Path::new("/nonexistent/history.jsonl")).unwrap();
        assert!(loaded.entries.is_empty() && loaded.skipped.is_empty());
    }
}
