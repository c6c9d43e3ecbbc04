//! The commands that print a page and exit: paths, safety, about, the default settings. None of
//! them needs the settings, so they work even when the settings file is broken.

use std::fmt::Write as _;
use std::io::Write;
use std::path::PathBuf;

use crate::sys::paths::Paths;
use crate::text;

/// Prints `page`; output cut off by whoever reads it (`| head`) is not worth a message.
fn print(page: &str) {
    let _ = std::io::stdout().lock().write_all(page.as_bytes());
}

/// `unknot paths`: where the settings, the user's routines and the history live.
pub fn paths(paths: &Paths) {
    let shown = |p: &Option<PathBuf>| {
        p.as_ref().map_or_else(
            || text::cli::PATHS_UNKNOWN.to_string(),
            |p| p.display().to_string(),
        )
    };
    let values = [
        shown(&paths.config_file),
        shown(&paths.routines_dir),
        shown(&paths.data_dir),
    ];
    let mut page = String::new();
    for (label, value) in text::cli::PATHS_LINES.iter().zip(values) {
        let _ = writeln!(page, "{label:14} {value}");
    }
    print(&page);
}

/// `unknot safety`: the warning signs and the cautions.
pub fn safety() {
    print(&text::safety::safety_page());
}

/// `unknot about`: what self-massage and stretching can and cannot do, with sources.
pub fn about() {
    print(text::safety::ABOUT);
}

/// `unknot config --print-default`: every setting with its default, commented.
pub fn default_config() {
    print(crate::config::DEFAULT_FILE);
}
