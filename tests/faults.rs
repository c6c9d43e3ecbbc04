//! Faults under a running session: the history file taken away, a window shrunk to almost
//! nothing, the app stopped and continued. Nothing answered may be lost, and nothing may break.

mod common;

use std::time::{Duration, Instant};

use common::tui::{Tui, seconds_left_of};
use common::{Sandbox, send_signal, spawn, timeout};

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

/// Whether the process is stopped (state T in /proc/PID/stat), waiting up to the test timeout.
fn wait_stopped(pid: u32) {
    let deadline = Instant::now() + timeout();
    loop {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("read stat");
        // The state follows the command name, which is in parentheses.
        let state = stat
            .rsplit(')')
            .next()
            .and_then(|rest| rest.split_whitespace().next());
        if state == Some("T") {
            return;
        }
        assert!(Instant::now() < deadline, "unknot did not stop: {stat}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn left_of_a_minute(tui: &mut Tui) -> u64 {
    let screen = tui.wait_until("the hold's countdown", |s| {
        seconds_left_of(s, "1 min").is_some()
    });
    seconds_left_of(&screen, "1 min").unwrap_or_default()
}

#[test]
fn ctrl_z_gives_the_terminal_back_and_the_session_waits_paused() {
    let sandbox = Sandbox::screened();
    let routine = sandbox.write("slow.ron", &TWO_HOLDS.replace("seconds: 2", "seconds: 60"));
    let mut tui = Tui::start(
        sandbox,
        &["--mute", "start", routine.to_str().expect("utf-8")],
        24,
        80,
    );
    tui.skip_before();
    let before = left_of_a_minute(&mut tui);
    tui.key("\x1a");
    wait_stopped(tui.pid());
    // Stopped, the terminal is the shell's again: main screen, lines read whole, echo on.
    assert!(
        !tui.parser
            .lock()
            .expect("parser")
            .screen()
            .alternate_screen()
    );
    let flags = tui.local_flags();
    assert!(flags.iter().any(|f| f == "ICANON"), "{flags:?}");
    assert!(flags.iter().any(|f| f == "ECHO"), "{flags:?}");
    std::thread::sleep(Duration::from_secs(3));
    send_signal(tui.pid(), "CONT");
    let screen = tui.wait_for("Paused - press Space to go on");
    assert!(
        tui.parser
            .lock()
            .expect("parser")
            .screen()
            .alternate_screen()
    );
    let after = seconds_left_of(&screen, "1 min").expect("the countdown is shown");
    assert!(
        after + 1 >= before,
        "{before} s left before the stop, {after} s after 3 s away:\n{screen}"
    );
    tui.key(" ");
    tui.wait_until("the countdown running again", |s| {
        !s.contains("Paused") && seconds_left_of(s, "1 min").is_some_and(|n| n + 1 < after)
    });
    // A stop asked from outside (kill -TSTP) is handled the same way.
    send_signal(tui.pid(), "TSTP");
    wait_stopped(tui.pid());
    send_signal(tui.pid(), "CONT");
    tui.wait_for("Paused - press Space to go on");
    tui.key("\x03");
    tui.skip_after();
    tui.key("q");
    let (code, raw) = tui.wait_exit();
    assert_eq!(code, 0);
    common::tui::assert_terminal_restored(&raw);
}

#[test]
fn a_plain_session_stopped_and_continued_waits_for_enter() {
    let sandbox = Sandbox::screened();
    let routine = sandbox.write("slow.ron", &TWO_HOLDS.replace("seconds: 2", "seconds: 3"));
    let mut cmd = sandbox.cmd_with_flags();
    cmd.args([
        "--plain",
        "--mute",
        "start",
        routine.to_str().expect("utf-8"),
    ]);
    let mut running = spawn(cmd);
    running.type_in("\n\n\n\n\n");
    running.wait_for_stdout("Step 1 of 2");
    send_signal(running.pid(), "TSTP");
    running.wait_for_stdout("Paused while unknot is stopped");
    wait_stopped(running.pid());
    // Longer away than the whole routine: nothing may have run on.
    std::thread::sleep(Duration::from_secs(4));
    send_signal(running.pid(), "CONT");
    let out = running.wait_for_stdout("Press Enter to go on");
    assert!(!out.contains("Step 2 of 2"), "{out}");
    running.type_in("\n");
    running.wait_for_stdout("Step 2 of 2");
    let out = running.finish();
    assert_eq!(out.code(), Some(0), "{}", out.describe());
}
