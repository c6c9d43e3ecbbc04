//! The inputs the fuzz targets in `fuzz/` kept, each run through the same checks as there, so
//! whatever a fuzzer once found stays fixed without a fuzzer installed.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "an integration test crate is test code throughout, and its helpers (here and in tests/common) fail a test by panicking as its #[test] functions do; clippy.toml's allow-*-in-tests reaches only #[test] functions and #[cfg(test)] modules"
)]

#[path = "../fuzz/checks.rs"]
mod checks;

use std::path::Path;

/// Fewer files than this means the corpus went missing, not that everything passed.
const AT_LEAST: usize = 20;

fn each_input(target: &str, check: fn(&[u8])) {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut count = 0;
    let mut failed = Vec::new();
    for file in std::fs::read_dir(&folder).expect("the corpus folder is there") {
        let path = file.expect("the corpus folder can be listed").path();
        let bytes = std::fs::read(&path).expect("a corpus file can be read");
        // Every input is tried, so that one failure does not hide the others.
        if std::panic::catch_unwind(|| check(&bytes)).is_err() {
            failed.push(path.display().to_string());
        }
        count += 1;
    }
    assert!(failed.is_empty(), "these fail their checks: {failed:#?}");
    assert!(
        count >= AT_LEAST,
        "only {count} inputs in {}",
        folder.display()
    );
}

#[test]
fn routine_inputs() {
    each_input("routine", checks::routine);
}

#[test]
fn settings_inputs() {
    each_input("settings", checks::settings);
}

#[test]
fn history_inputs() {
    each_input("history", checks::history);
}

#[test]
fn import_inputs() {
    each_input("import", checks::import);
}
