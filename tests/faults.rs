//! Faults under a running session: the history file taken away, a window shrunk to almost
//! nothing. Nothing answered may be lost, and nothing may break.

mod common;

use common::tui::Tui;
use common::{Sandbox, spawn};

/// A 2 s hold, then a 2 s hold: long enough to do something to the history in between.
const TWO_HOLDS: &str = r#"(title: "Two holds", level: Gentle, lead_in: 0, steps: [
    (title: "First", kind: Stretch, seconds: 2, instructions: ["x"]),
    (title: "Second", kind: Stretch, seconds: 2, instructions: ["y"]),
])"#;

#[test]
fn a_history_deleted_under_a_running_session_gets_the_rest_of_it() {
    let sandbox = Sandbox::screened();
    let routine = sandbox.write("two.ron", TWO_HOLDS);
    let mut cmd = sandbox.cmd_with_flags();
    cmd.args([
        "--plain",
        "--mute",
        "start",
        routine.to_str().expect("utf-8"),
    ]);
    let mut running = spawn(cmd);
    // Nothing new; pain 4; skip where, side, numbness.
    running.type_in("\n4\n\n\n\n");
    running.wait_for_stdout("Step 1 of 2");
    std::fs::remove_file(sandbox.history()).expect("delete the history");
    let out = running.finish();
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    let lines = sandbox.history_text_lines();
    assert!(
        lines.iter().any(|l| l.contains("\"type\":\"step_done\"")),
        "the steps after the deletion are kept: {lines:#?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("\"type\":\"session_ended\""))
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(sandbox.history())
            .expect("a new history")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "the new file is private too");
    }
}

#[test]
fn a_window_shrunk_to_ten_by_four_and_back_keeps_the_session() {
    let sandbox = Sandbox::screened();
    let routine = sandbox.write("slow.ron", &TWO_HOLDS.replace("seconds: 2", "seconds: 60"));
    let mut tui = Tui::start(
        sandbox,
        &["--mute", "start", routine.to_str().expect("utf-8")],
        24,
        80,
    );
    tui.skip_before();
    tui.wait_for("First");
    tui.resize(4, 10);
    tui.wait_until("the notice", |s| s.contains("bigger") || s.contains("Make"));
    tui.resize(24, 80);
    tui.wait_for("First");
    tui.key("\x03");
    tui.skip_after();
    tui.key("q");
    let (code, _) = tui.wait_exit();
    assert_eq!(code, 0);
}
