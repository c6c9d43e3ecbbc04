//! Every reader of a file a person hands to unknot, black-box on the real binary: what ordinary
//! editors and tools write is read (a byte-order mark, CRLF line ends), bytes that are not
//! UTF-8 are pointed at by line and column, and a file over its kind's limit is refused at
//! once, without being read. (Links, other users' files and named pipes: `tests/faults.rs`.)
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "an integration test crate is test code throughout, and its helpers (here and in tests/common) fail a test by panicking as its #[test] functions do; clippy.toml's allow-*-in-tests reaches only #[test] functions and #[cfg(test)] modules"
)]
#![expect(
    clippy::disallowed_methods,
    reason = "a refusal is timed against the real clock to show nothing was read"
)]

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::{MANIFEST_DIR, Outcome, Sandbox, past_session, run};

const BOM: &str = "\u{feff}";

/// `unknot ARGS` in the sandbox (config and data folder given by the environment, so that
/// `ARGS` may name others).
fn unknot(sandbox: &Sandbox, args: &[&str]) -> Outcome {
    let mut cmd = sandbox.cmd();
    cmd.args(args);
    let out = run(cmd);
    out.assert_no_panic();
    out
}

/// `text` as a Windows editor saves it: a byte-order mark first, and CRLF line ends.
fn as_windows_saves_it(text: &str) -> String {
    format!("{BOM}{}", text.replace('\n', "\r\n"))
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

/// Exit 2, and `sentence` as the one line on stderr.
fn assert_refused(out: &Outcome, sentence: &str) {
    assert_eq!(out.code(), Some(2), "{}", out.describe());
    assert_eq!(
        out.stderr,
        format!("unknot: {sentence}\n"),
        "{}",
        out.describe()
    );
}

#[test]
fn a_routine_saved_with_a_byte_order_mark_and_crlf_line_ends_loads() {
    let sandbox = Sandbox::new();
    let example =
        std::fs::read_to_string(Path::new(MANIFEST_DIR).join("tests/fixtures/valid/example.ron"))
            .expect("the example");
    let file = sandbox.write("windows.ron", &as_windows_saves_it(&example));
    let out = unknot(&sandbox, &["check", path_str(&file)]);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert_eq!(
        out.stdout,
        format!(
            "ok: {}: \"Gentle start\", 2 steps, 2 minutes 15 seconds\n",
            file.display()
        )
    );
    // In the routines folder too, by name.
    sandbox.user_routine("windows", &as_windows_saves_it(&example));
    let out = unknot(&sandbox, &["list"]);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert_eq!(out.stderr, "", "{}", out.describe());
    assert!(out.stdout.contains("windows"), "{}", out.describe());
}

#[test]
fn settings_saved_with_a_byte_order_mark_and_crlf_line_ends_apply() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "config.ron",
        &as_windows_saves_it("// mine\n(\n    lead_in: Some(0),\n    muted: true,\n)\n"),
    );
    let out = unknot(&sandbox, &["list"]);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert_eq!(out.stderr, "", "{}", out.describe());
}

#[test]
fn text_that_is_not_utf8_is_pointed_at_by_line_and_column() {
    let sandbox = Sandbox::new();
    // "Café" as Latin-1 writes it: é is the one byte 0xE9.
    let latin1 = b"(\n    title: \"Caf\xE9 break\",\n    level: Gentle,\n    steps: [],\n)\n";
    let routine = sandbox.path().join("latin1.ron");
    std::fs::write(&routine, latin1).expect("write the routine");
    let out = unknot(&sandbox, &["check", path_str(&routine)]);
    assert_refused(
        &out,
        &format!(
            "{}:2:16: byte 0xE9 is not UTF-8 text; save the file as UTF-8",
            routine.display()
        ),
    );

    let settings = sandbox.path().join("latin1-config.ron");
    std::fs::write(&settings, b"// r\xE9glages\n(muted: true)\n").expect("write the settings");
    let out = unknot(&sandbox, &["--config", path_str(&settings), "list"]);
    assert_refused(
        &out,
        &format!(
            "{}:1:5: byte 0xE9 is not UTF-8 text; save the file as UTF-8",
            settings.display()
        ),
    );
}

/// The history, line by line, each parsed; fails on a line that is not a whole JSON object.
fn history_values(sandbox: &Sandbox) -> Vec<serde_json::Value> {
    let bytes = sandbox.history_bytes();
    assert!(
        !bytes.starts_with(BOM.as_bytes()),
        "a byte-order mark was copied in"
    );
    assert!(!bytes.contains(&b'\r'), "a carriage return was copied in");
    bytes
        .split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).expect("a whole history line"))
        .collect()
}

#[test]
fn an_import_saved_with_a_byte_order_mark_and_crlf_line_ends_is_taken_whole() {
    let sandbox = Sandbox::new();
    let (_, lines) = past_session(2, "Gentle start", 6, 4);
    let theirs = sandbox.write(
        "theirs.jsonl",
        &as_windows_saves_it(&(lines.join("\n") + "\n")),
    );
    let out = unknot(&sandbox, &["history", "import", path_str(&theirs)]);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert_eq!(out.stderr, "", "{}", out.describe());
    assert_eq!(out.stdout, "Imported 5 events; 0 were already here.\n");
    assert_eq!(history_values(&sandbox).len(), 5);
    let out = unknot(&sandbox, &["history", "import", path_str(&theirs)]);
    assert_eq!(out.stdout, "Imported 0 events; 5 were already here.\n");
}

#[test]
fn a_history_edited_by_hand_with_a_byte_order_mark_and_crlf_line_ends_reads_every_line() {
    let sandbox = Sandbox::new();
    let (_, lines) = past_session(2, "Gentle start", 6, 4);
    std::fs::create_dir_all(sandbox.data_dir()).expect("the data folder");
    std::fs::write(
        sandbox.history(),
        as_windows_saves_it(&(lines.join("\n") + "\n")),
    )
    .expect("write the history");
    let out = unknot(&sandbox, &["history", "--format", "csv"]);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert_eq!(out.stderr, "", "no line skipped: {}", out.describe());
    assert_eq!(out.stdout.lines().count(), 2, "a header and the session");
    assert!(out.stdout.contains(",6,4,"), "{}", out.describe());
}

#[test]
fn a_line_of_an_import_that_is_not_utf8_is_reported_and_the_rest_taken() {
    let sandbox = Sandbox::new();
    let (_, lines) = past_session(2, "Gentle start", 6, 4);
    let mut bytes = Vec::new();
    for (n, line) in lines.iter().enumerate() {
        bytes.extend_from_slice(line.as_bytes());
        if n == 1 {
            bytes.extend_from_slice(b" \xFF");
        }
        bytes.push(b'\n');
    }
    let theirs = sandbox.path().join("theirs.jsonl");
    std::fs::write(&theirs, bytes).expect("write the import");
    let out = unknot(&sandbox, &["history", "import", path_str(&theirs)]);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert_eq!(
        out.stderr,
        format!(
            "unknot: {}: skipped 1 line that could not be read (line 2); the file is left as it is\n",
            theirs.display()
        )
    );
    assert_eq!(out.stdout, "Imported 4 events; 0 were already here.\n");
}

/// A file of `bytes` bytes that takes no room on disk: only its size says how big it is.
fn sparse(path: &Path, bytes: u64) -> PathBuf {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create the folder");
    }
    let file = std::fs::File::create(path).expect("create the file");
    file.set_len(bytes).expect("set its length");
    path.to_path_buf()
}

const MB: u64 = 1024 * 1024;
const GB: u64 = 1024 * MB;

#[test]
fn files_over_their_kinds_limit_are_refused_at_once_without_being_read() {
    let sandbox = Sandbox::new();
    let settings = sparse(&sandbox.path().join("big-config.ron"), 2 * MB);
    let import = sparse(&sandbox.path().join("big.jsonl"), GB + 1);
    let history = sparse(&sandbox.history(), GB + 1);
    for (args, sentence) in [
        (
            vec!["--config", path_str(&settings), "list"],
            format!(
                "{} is too large to be a settings file (more than 1 MB)",
                settings.display()
            ),
        ),
        (
            vec!["history", "import", path_str(&import)],
            format!(
                "{} is too large to be an unknot history (more than 1 GB)",
                import.display()
            ),
        ),
        (
            vec!["history", "--format", "json"],
            format!(
                "{} is too large to be an unknot history (more than 1 GB)",
                history.display()
            ),
        ),
    ] {
        let started = Instant::now();
        let out = unknot(&sandbox, &args);
        let took = started.elapsed();
        assert_refused(&out, &sentence);
        assert!(took < Duration::from_secs(3), "{args:?} took {took:?}");
    }
    assert_eq!(
        std::fs::metadata(&history).expect("the history").len(),
        GB + 1,
        "the history is left as it was"
    );
}
