//! Faults under a running session: the history file taken away, a window shrunk to almost
//! nothing, the app stopped and continued, a quick log meanwhile. Nothing answered may be lost,
//! and nothing may break. And files that are not what they seem: a history that is a link or
//! another user's, a named pipe or a device given as any file.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "an integration test crate is test code throughout, and its helpers (here and in tests/common) fail a test by panicking as its #[test] functions do; clippy.toml's allow-*-in-tests reaches only #[test] functions and #[cfg(test)] modules"
)]
#![expect(
    clippy::disallowed_methods,
    reason = "the tests wait for the real binary against real deadlines"
)]

mod common;

use std::time::{Duration, Instant};

use common::tui::{ENTER, Tui, seconds_left_of};
use common::{Outcome, Sandbox, send_signal, spawn, timeout};

/// Two holds of `seconds` each, written into the sandbox. Two seconds each is long enough to do
/// something to the history in between.
fn two_holds(sandbox: &Sandbox, seconds: u32) -> std::path::PathBuf {
    let routine = format!(
        r#"(title: "Two holds", level: Gentle, lead_in: 0, steps: [
    (title: "First", kind: Stretch, seconds: {seconds}, instructions: ["x"]),
    (title: "Second", kind: Stretch, seconds: {seconds}, instructions: ["y"]),
])"#
    );
    sandbox.write("two.ron", &routine)
}

#[test]
fn a_history_deleted_under_a_running_session_gets_the_rest_of_it() {
    let sandbox = Sandbox::screened();
    let routine = two_holds(&sandbox, 2);
    let mut running = spawn(sandbox.plain_start(&routine, &["--mute"]));
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

/// Two one-minute holds, full screen, past the questions before; `start` gets the sandbox and
/// unknot's arguments.
fn two_minute_holds(start: impl FnOnce(Sandbox, &[&str]) -> Tui) -> Tui {
    let sandbox = Sandbox::screened();
    let routine = two_holds(&sandbox, 60);
    let routine = routine.to_str().expect("utf-8").to_string();
    let mut tui = start(sandbox, &["--mute", "start", &routine]);
    tui.skip_before();
    tui
}

fn two_minute_holds_on_screen() -> Tui {
    two_minute_holds(|sandbox, args| Tui::start(sandbox, args, 24, 80))
}

/// Waits until the emulated terminal is in the state `ready` looks for.
fn wait_terminal(tui: &Tui, what: &str, ready: impl Fn(&vt100::Screen) -> bool) {
    let deadline = Instant::now() + timeout();
    while !ready(tui.parser.lock().expect("parser").screen()) {
        assert!(
            Instant::now() < deadline,
            "the terminal never showed {what}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The paused session with its countdown, whole: the number of seconds left.
fn paused_with(tui: &mut Tui) -> u64 {
    let screen = tui.wait_until("the paused countdown", |s| {
        s.contains("Paused - press Space to go on") && seconds_left_of(s, "1 min").is_some()
    });
    seconds_left_of(&screen, "1 min").unwrap_or_default()
}

#[test]
fn a_window_shrunk_to_ten_by_four_and_back_keeps_the_session() {
    let mut tui = two_minute_holds_on_screen();
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

/// `shell` (ending in `sh -c` or the like) runs `script`, then becomes `inner`, with its
/// environment and folder.
fn after_shell(
    shell: std::process::Command,
    script: &str,
    inner: &std::process::Command,
) -> std::process::Command {
    in_shell(shell, &format!("{script} && exec \"$0\" \"$@\""), inner)
}

/// `shell` (ending in `sh -c` or the like) runs `line`, in which `"$0" "$@"` runs `inner`, with
/// its environment and folder.
fn in_shell(
    mut shell: std::process::Command,
    line: &str,
    inner: &std::process::Command,
) -> std::process::Command {
    shell
        .arg(line)
        .arg(inner.get_program())
        .args(inner.get_args());
    for (key, value) in inner.get_envs() {
        match value {
            Some(value) => shell.env(key, value),
            None => shell.env_remove(key),
        };
    }
    if let Some(dir) = inner.get_current_dir() {
        shell.current_dir(dir);
    }
    shell
}

/// The process's state letter, or None once it is gone.
fn state_of(pid: u32) -> Option<String> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The state follows the command name, which is in parentheses.
    let rest = stat.rsplit(')').next()?;
    rest.split_whitespace().next().map(str::to_owned)
}

fn wait_for_state(pid: u32, what: &str, done: impl Fn(Option<&str>) -> bool) {
    let deadline = Instant::now() + timeout();
    loop {
        let state = state_of(pid);
        if done(state.as_deref()) {
            return;
        }
        assert!(Instant::now() < deadline, "unknot {what}: state {state:?}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn wait_stopped(pid: u32) {
    wait_for_state(pid, "did not stop", |state| state == Some("T"));
}

/// Gone, or a zombie: an orphan's new parent (pid 1 of a container, say) may never reap it.
fn wait_ended(pid: u32) {
    wait_for_state(pid, "is still there", |state| {
        matches!(state, None | Some("Z" | "X"))
    });
}

fn left_of_a_minute(tui: &mut Tui) -> u64 {
    let screen = tui.wait_until("the hold's countdown", |s| {
        seconds_left_of(s, "1 min").is_some()
    });
    seconds_left_of(&screen, "1 min").unwrap_or_default()
}

#[test]
fn ctrl_z_gives_the_terminal_back_and_fg_finds_the_session_paused() {
    // Run from a shell with job control, which brings it back with `fg` after a line is typed.
    let mut tui = two_minute_holds(|sandbox, args| {
        Tui::start_as_job(sandbox, args, 24, 80, "read; fg; read; fg")
    });
    let unknot = tui.job_pid();
    let before = left_of_a_minute(&mut tui);
    tui.key("\x1a");
    wait_stopped(unknot);
    // Stopped, the terminal is the shell's again: main screen, cursor shown.
    wait_terminal(&tui, "the main screen with a cursor", |s| {
        !s.alternate_screen() && !s.hide_cursor()
    });
    std::thread::sleep(Duration::from_secs(3));
    tui.key("\r");
    let after = paused_with(&mut tui);
    assert!(
        after + 1 >= before,
        "{before} s left before the stop, {after} s after 3 s away"
    );
    tui.key(" ");
    tui.wait_until("the countdown running again", |s| {
        !s.contains("Paused") && seconds_left_of(s, "1 min").is_some_and(|n| n + 1 < after)
    });
    // A stop asked from outside (kill -TSTP) is handled the same way.
    send_signal(unknot, "TSTP");
    wait_stopped(unknot);
    wait_terminal(&tui, "the main screen", |s| !s.alternate_screen());
    tui.key("\r");
    paused_with(&mut tui);
    tui.key("\x03");
    tui.skip_after();
    tui.key("q");
    let (code, raw) = tui.wait_exit();
    assert_eq!(code, 0, "the shell's exit is unknot's");
    common::tui::assert_terminal_restored(&raw);
}

/// Ctrl-Z in the hold of `tui` (unknot's pid `unknot`): the countdown goes on, and the session
/// ends as usual.
fn assert_ctrl_z_ignored(mut tui: Tui, unknot: u32) {
    let before = left_of_a_minute(&mut tui);
    tui.key("\x1a");
    tui.wait_until("the countdown going on", |s| {
        seconds_left_of(s, "1 min").is_some_and(|n| n + 2 <= before)
    });
    let state = state_of(unknot);
    assert!(
        matches!(state.as_deref(), Some("S" | "R")),
        "still running, not stopped for good: {state:?}"
    );
    assert!(!tui.screen().contains("Paused"), "{}", tui.screen());
    tui.key("\x03");
    tui.skip_after();
    tui.key("q");
    assert_eq!(tui.wait_exit().0, 0);
}

#[test]
fn ctrl_z_with_no_shell_to_come_back_to_is_ignored() {
    // Started straight in a terminal, as a window's only program: a stop would be for good.
    let tui = two_minute_holds_on_screen();
    let unknot = tui.pid();
    assert_ctrl_z_ignored(tui, unknot);
}

#[test]
fn ctrl_z_under_a_shell_without_job_control_is_ignored() {
    // As a launcher's `sh -c` runs it: the shell waits, but could never bring unknot back.
    let tui = two_minute_holds(|sandbox, args| Tui::start_under_shell(sandbox, args, 24, 80));
    let unknot = tui.job_pid();
    assert_ctrl_z_ignored(tui, unknot);
}

#[test]
fn ctrl_z_in_plain_mode_with_no_shell_to_come_back_to_is_ignored() {
    // The terminal itself sends the stop here (plain mode leaves it in line mode).
    let sandbox = Sandbox::screened();
    let routine = two_holds(&sandbox, 3);
    let routine = routine.to_str().expect("utf-8").to_string();
    let mut tui = Tui::start(sandbox, &["--plain", "--mute", "start", &routine], 24, 80);
    tui.wait_for("Press Enter if nothing has changed");
    tui.key("\r\r\r\r\r");
    tui.wait_for("Step 1 of 2");
    tui.key("\x1a");
    // The first hold ends on time: nothing stopped.
    let screen = tui.wait_for("Step 2 of 2");
    assert!(
        !screen.contains("Paused while unknot is stopped"),
        "{screen}"
    );
    let state = state_of(tui.pid());
    assert!(
        matches!(state.as_deref(), Some("S" | "R")),
        "still running, not stopped for good: {state:?}"
    );
    tui.key("\x03");
    assert_ne!(tui.wait_exit().0, 0, "ended by Ctrl-C");
}

#[test]
fn a_plain_session_stopped_and_continued_waits_for_enter() {
    let sandbox = Sandbox::screened();
    let routine = two_holds(&sandbox, 3);
    let mut running = spawn(sandbox.plain_start(&routine, &["--mute"]));
    running.type_in("\n\n\n\n\n");
    running.wait_for_stdout("Step 1 of 2");
    // A line typed during the hold, before the stop: it must not count as the Enter after it.
    running.type_in("\n");
    std::thread::sleep(Duration::from_millis(300));
    send_signal(running.pid(), "TSTP");
    running.wait_for_stdout("Paused while unknot is stopped");
    wait_stopped(running.pid());
    // Longer away than the whole routine: nothing may have run on.
    std::thread::sleep(Duration::from_secs(4));
    send_signal(running.pid(), "CONT");
    running.wait_for_stdout("Press Enter to go on");
    // Longer than the hold had left: still waiting.
    std::thread::sleep(Duration::from_millis(3500));
    let out = running.stdout();
    assert!(!out.contains("Step 2 of 2"), "{out}");
    running.type_in("\n");
    running.wait_for_stdout("Step 2 of 2");
    let out = running.finish();
    assert_eq!(out.code(), Some(0), "{}", out.describe());
}

/// The plain session of `inner` run after `script` in `shell`, pain 4 before and every other
/// question skipped. It must end well, with the session complete.
fn whole_session_after(
    shell: std::process::Command,
    script: &str,
    inner: &std::process::Command,
) -> Outcome {
    let mut running = spawn(after_shell(shell, script, inner));
    running.type_in("\n4\n\n\n\n\n\n\n");
    let out = running.finish();
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert!(
        out.stdout.contains("Session complete"),
        "{}",
        out.describe()
    );
    out
}

/// Every line of the history is a whole JSON object, and the file ends with a newline.
fn assert_whole_lines(bytes: &[u8]) {
    assert_eq!(bytes.last(), Some(&b'\n'), "the history ends mid-line");
    for line in bytes.split(|b| *b == b'\n').filter(|l| !l.is_empty()) {
        let parsed: Result<serde_json::Value, _> = serde_json::from_slice(line);
        assert!(
            parsed.is_ok(),
            "a half-written line: {}",
            String::from_utf8_lossy(line)
        );
    }
}

#[test]
fn a_file_size_limit_mid_session_leaves_whole_lines_and_says_what_was_not_saved() {
    let sandbox = Sandbox::screened();
    let routine = two_holds(&sandbox, 2);
    let before = sandbox.history_bytes();
    // bash counts `ulimit -f` in KiB: room for a line or two of the session, then a cut.
    let limit_kib = before.len() / 1024 + 1;
    let inner = sandbox.plain_start(&routine, &["--mute"]);
    let mut bash = std::process::Command::new("bash");
    bash.arg("-c");
    let out = whole_session_after(bash, &format!("ulimit -f {limit_kib}"), &inner);
    assert!(
        out.stderr.contains("Not saved yet") && out.stderr.contains("size limit"),
        "{}",
        out.describe()
    );
    assert!(
        out.stdout.contains("of this session could not be saved"),
        "{}",
        out.describe()
    );
    let after = sandbox.history_bytes();
    assert!(
        after.starts_with(&before),
        "the history before the session changed"
    );
    assert!(after.len() <= limit_kib * 1024);
    assert!(
        after.len() > before.len(),
        "the first lines fitted and were kept"
    );
    assert_whole_lines(&after);
}

/// Whether this process runs as root.
fn is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.trim_ascii() == b"0")
}

/// `sh -c` in a private mount namespace, where a filesystem of a test's own can be mounted;
/// `None` where this machine allows none (some containers forbid them).
fn private_mounts() -> Option<std::process::Command> {
    let unshare = || {
        let mut cmd = std::process::Command::new("unshare");
        // Root needs no user namespace; anyone else does.
        if !is_root() {
            cmd.arg("--map-root-user");
        }
        cmd.args(["--mount", "--propagation", "private", "sh", "-c"]);
        cmd
    };
    let mut probe = unshare();
    probe.arg("mount -t tmpfs probe /mnt");
    probe.status().is_ok_and(|s| s.success()).then(unshare)
}

/// What the shell prints between unknot's output and the history it leaves behind.
const HISTORY_MARK: &str = "--- the history in the namespace ---";

/// Waits until the running process's stderr holds `text`.
fn wait_for_stderr(running: &common::Running, text: &str) {
    let deadline = Instant::now() + timeout();
    while !running.stderr().contains(text) {
        assert!(
            Instant::now() < deadline,
            "no {text:?} on stderr: {}",
            running.stderr()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_full_disk_mid_session_is_said_and_what_waited_is_saved_once_there_is_room() {
    let Some(shell) = private_mounts() else {
        eprintln!("skipped: no mount namespace can be made here");
        return;
    };
    let sandbox = Sandbox::screened();
    let routine = two_holds(&sandbox, 3);
    // Blank lines (skipped by every reader) fill the history's last page, so the next line
    // needs a new one on the full disk below. 64 KiB is a page on any system.
    let page = 64 * 1024;
    let mut history = sandbox.history_bytes();
    history.resize(history.len().next_multiple_of(page) - 1, b' ');
    history.push(b'\n');
    std::fs::write(sandbox.history(), &history).expect("pad the history");
    let data = sandbox.data_dir();
    let data = data.to_str().expect("utf-8");
    // A small disk of its own over the data folder, holding the history and a file that takes
    // up every byte left; the history there is printed after unknot ends, as it goes with the
    // namespace.
    let line = format!(
        "cp '{data}/history.jsonl' '{data}/../kept' && mount -t tmpfs -o size=1m,mode=700 unknot '{data}' \
         && cp '{data}/../kept' '{data}/history.jsonl' && {{ head -c 4m /dev/zero > '{data}/filler'; true; }} \
         && {{ \"$0\" \"$@\"; code=$?; echo '{HISTORY_MARK}'; cat '{data}/history.jsonl'; exit $code; }}"
    );
    let mut running = spawn(in_shell(
        shell,
        &line,
        &sandbox.plain_start(&routine, &["--mute"]),
    ));
    running.type_in("\n4\n\n\n\n");
    wait_for_stderr(&running, "the disk is full");
    running.wait_for_stdout("Step 1 of 2");
    // Room again, before the first step ends: the shell's view of the disk is unknot's.
    let filler = format!("/proc/{}/root{data}/filler", running.pid());
    std::fs::remove_file(&filler).expect("remove the filler");
    running.type_in("5\n\n\n");
    let out = running.finish();
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    let (said, kept) = out
        .stdout
        .split_once(&format!("{HISTORY_MARK}\n"))
        .unwrap_or_else(|| panic!("no history printed: {}", out.describe()));
    assert!(!said.contains("could not be saved"), "{}", out.describe());
    let new = kept
        .strip_prefix(&String::from_utf8_lossy(&history).into_owned())
        .unwrap_or_else(|| panic!("the history before the session changed: {kept}"));
    assert_whole_lines(new.as_bytes());
    let count = |kind: &str| kept.matches(&format!("\"type\":\"{kind}\"")).count();
    assert_eq!(count("step_done"), 2, "{kept}");
    assert_eq!(count("session_ended"), 1, "{kept}");
    assert!(kept.contains("\"moment\":\"before\",\"pain\":4"), "{kept}");
    assert!(kept.contains("\"moment\":\"after\",\"pain\":5"), "{kept}");
}

#[test]
fn a_history_replaced_by_a_link_mid_session_is_not_written_through_and_gets_what_waited() {
    let sandbox = Sandbox::screened();
    let routine = two_holds(&sandbox, 3);
    let mut running = spawn(sandbox.plain_start(&routine, &["--mute"]));
    running.type_in("\n4\n\n\n\n");
    running.wait_for_stdout("Step 1 of 2");
    let history = sandbox.history();
    let kept = history.with_extension("kept");
    let elsewhere = sandbox.write("elsewhere.txt", "");
    std::fs::rename(&history, &kept).expect("move the history aside");
    std::os::unix::fs::symlink(&elsewhere, &history).expect("link the history elsewhere");
    wait_for_stderr(&running, "it is a symbolic link");
    // The history back, before the second step ends.
    std::fs::remove_file(&history).expect("remove the link");
    std::fs::rename(&kept, &history).expect("put the history back");
    running.type_in("5\n\n\n");
    let out = running.finish();
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert!(
        !out.stdout.contains("could not be saved"),
        "{}",
        out.describe()
    );
    assert_eq!(
        std::fs::read(&elsewhere).unwrap(),
        b"",
        "written through the link"
    );
    let bytes = sandbox.history_bytes();
    assert_whole_lines(&bytes);
    let text = String::from_utf8_lossy(&bytes);
    let count = |kind: &str| text.matches(&format!("\"type\":\"{kind}\"")).count();
    assert_eq!(count("step_done"), 2, "{text}");
    assert_eq!(count("session_ended"), 1, "{text}");
    assert!(text.contains("\"moment\":\"after\",\"pain\":5"), "{text}");
}

#[test]
fn the_wall_clock_jumping_forward_and_back_does_not_change_the_countdown() {
    let sandbox = Sandbox::screened();
    let routine = sandbox.write(
        "hold.ron",
        r#"(title: "One hold", level: Gentle, lead_in: 0, steps: [
            (title: "Hold", kind: Stretch, seconds: 4, instructions: ["x"]),
        ])"#,
    );
    let mut cmd = sandbox.plain_start(&routine, &["--mute"]);
    let offset = common::movable_wall_clock(&mut cmd, sandbox.path());
    let mut running = spawn(cmd);
    running.type_in("\n\n\n\n\n");
    running.wait_for_stdout("Go");
    std::thread::sleep(Duration::from_secs(1));
    std::fs::write(&offset, "+1d").expect("jump a day ahead");
    std::thread::sleep(Duration::from_secs(1));
    std::fs::write(&offset, "-3h").expect("jump back");
    let out = running.finish();
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    let lines: Vec<serde_json::Value> = sandbox
        .history_text_lines()
        .iter()
        .map(|l| serde_json::from_str(l).expect("a history line"))
        .collect();
    let of_type = |kind: &str| {
        lines
            .iter()
            .rfind(|l| l["type"] == kind)
            .unwrap_or_else(|| panic!("no {kind} line: {lines:#?}"))
    };
    let at = |line: &serde_json::Value| {
        chrono::DateTime::parse_from_rfc3339(line["at"].as_str().expect("at")).expect("a time")
    };
    // The jump reached the app: its wall clock went back hours within a 4-second session.
    let wall = at(of_type("session_ended")) - at(of_type("session_started"));
    assert!(
        wall < chrono::TimeDelta::hours(-2),
        "the clock did not move: {wall}"
    );
    // The countdown did not: the hold lasted its 4 seconds.
    let actual = of_type("step_done")["actual_s"].as_f64().expect("actual_s");
    assert!((4.0..4.5).contains(&actual), "the hold lasted {actual} s");
    assert_eq!(of_type("session_ended")["elapsed_s"].as_f64(), Some(4.0));
}

#[test]
fn a_read_only_data_dir_is_said_and_the_session_still_runs() {
    let sandbox = Sandbox::screened();
    let routine = two_holds(&sandbox, 2);
    let before = sandbox.history_bytes();
    let data = sandbox.data_dir();
    let data = data.to_str().expect("utf-8");
    let inner = sandbox.plain_start(&routine, &["--mute"]);
    // A filesystem of the test's own, holding a copy of the history, made read-only before
    // unknot starts.
    let Some(cmd) = private_mounts() else {
        eprintln!("skipped: no mount namespace can be made here");
        return;
    };
    let script = format!(
        "cp '{data}/history.jsonl' '{data}/../kept' && mount -t tmpfs -o mode=700 unknot '{data}' \
         && cp '{data}/../kept' '{data}/history.jsonl' && mount -o remount,ro '{data}'"
    );
    let out = whole_session_after(cmd, &script, &inner);
    let said = "This session will not be saved: cannot open the history";
    assert_eq!(out.stderr.matches(said).count(), 1, "{}", out.describe());
    assert!(
        out.stderr.contains("the disk is read-only"),
        "{}",
        out.describe()
    );
    assert!(
        out.stdout.contains(said),
        "the summary says so too: {}",
        out.describe()
    );
    assert_eq!(
        sandbox.history_bytes(),
        before,
        "the real history is untouched"
    );
}

#[test]
fn a_terminal_closed_while_unknot_is_stopped_still_records_the_session_as_interrupted() {
    let mut tui =
        two_minute_holds(|sandbox, args| Tui::start_as_job(sandbox, args, 24, 80, "read; fg"));
    let unknot = tui.job_pid();
    left_of_a_minute(&mut tui);
    tui.key("\x1a");
    wait_stopped(unknot);
    // Closing a terminal hangs up its shell, which hangs up its jobs and wakes the stopped ones.
    send_signal(tui.pid(), "HUP");
    wait_ended(unknot);
    let history = String::from_utf8_lossy(&tui.sandbox.history_bytes()).into_owned();
    assert!(history.contains(r#""outcome":"interrupted""#), "{history}");
}

#[test]
fn behind_the_too_small_notice_the_countdown_waits_and_no_key_answers() {
    let mut tui = two_minute_holds_on_screen();
    let screen = tui.wait_until("the hold counting down", |s| {
        seconds_left_of(s, "1 min").is_some_and(|n| n < 59)
    });
    let before = seconds_left_of(&screen, "1 min").unwrap_or_default();
    tui.resize(5, 20);
    let notice = tui.wait_until("the notice", |s| s.contains("Make the window"));
    assert!(notice.contains("q quits"), "{notice}");
    // Longer than a few seconds behind the notice; Space and Enter are not seen, so not acted on.
    tui.key(" ");
    tui.key(ENTER);
    std::thread::sleep(std::time::Duration::from_secs(3));
    tui.resize(24, 80);
    let after = paused_with(&mut tui);
    assert!(
        before.saturating_sub(after) <= 1,
        "the countdown ran on behind the notice: {before} s, then {after} s"
    );
    tui.key("\x03");
    tui.skip_after();
    tui.key("q");
    let (code, _) = tui.wait_exit();
    assert_eq!(code, 0);
}

#[test]
fn behind_the_too_small_notice_enter_does_not_answer_the_new_symptoms_check() {
    let sandbox = Sandbox::screened();
    let before = sandbox.history_bytes();
    let mut tui = Tui::start(sandbox, &[], 24, 80);
    tui.wait_for("Gentle start");
    tui.key(ENTER);
    tui.wait_for("Any new symptoms?");
    tui.resize(5, 20);
    tui.wait_until("the notice", |s| s.contains("Make the window"));
    tui.key(ENTER);
    tui.resize(24, 80);
    let screen = tui.wait_for("Any new symptoms?");
    assert!(!screen.contains("question 1 of 4"), "{screen}");
    assert_eq!(
        tui.sandbox.history_bytes(),
        before,
        "nothing answered, nothing kept"
    );
    // q behind the notice quits.
    tui.resize(5, 20);
    tui.wait_until("the notice", |s| s.contains("Make the window"));
    tui.key("q");
    let (code, _) = tui.wait_exit();
    assert_eq!(code, 0);
}

// ---- Files that are not what they seem ---------------------------------------------------

/// How long a refusal may take: long enough for a slow machine to start the binary, far too
/// short for a read that waits on a pipe.
const AT_ONCE: Duration = Duration::from_secs(3);

/// `unknot ARGS` in the sandbox (its config and data folder given by the environment, so that
/// `ARGS` may name others), and how long it took.
fn unknot_timed(sandbox: &Sandbox, args: &[&str]) -> (Outcome, Duration) {
    let mut cmd = sandbox.cmd();
    cmd.args(args);
    let started = Instant::now();
    let out = common::run(cmd);
    (out, started.elapsed())
}

/// Refused at once with exit 2 and `sentence` as the one line on stderr, nothing on stdout.
fn assert_refused_at_once(out: &Outcome, took: Duration, sentence: &str, what: &str) {
    out.assert_no_panic();
    assert_eq!(out.code(), Some(2), "{what}: {}", out.describe());
    assert_eq!(
        out.stderr,
        format!("unknot: {sentence}\n"),
        "{what}: {}",
        out.describe()
    );
    assert_eq!(out.stdout, "", "{what}: {}", out.describe());
    assert!(took < AT_ONCE, "{what} took {took:?}");
}

/// A small history file from another machine, to import.
fn their_history(sandbox: &Sandbox) -> std::path::PathBuf {
    let (_, lines) = common::past_session(3, "Gentle start", 5, 3);
    sandbox.write("theirs.jsonl", &(lines.join("\n") + "\n"))
}

/// Every way a person reaches the history, with what it needs, as unknot's arguments.
fn every_use_of_the_history(sandbox: &Sandbox) -> Vec<Vec<String>> {
    let routine = two_holds(sandbox, 1).display().to_string();
    let theirs = their_history(sandbox).display().to_string();
    [
        vec!["log", "3"],
        vec!["history", "--format", "csv"],
        vec!["history", "--format", "json"],
        vec!["history", "import", &theirs],
        vec!["--plain", "start", &routine],
    ]
    .into_iter()
    .map(|args| args.into_iter().map(String::from).collect())
    .collect()
}

#[test]
fn a_history_that_is_a_symbolic_link_is_never_followed_for_reading_or_writing() {
    let sandbox = Sandbox::screened();
    // The link leads to a real history, so anything read or written through it would show.
    let elsewhere = sandbox.path().join("elsewhere.jsonl");
    std::fs::rename(sandbox.history(), &elsewhere).expect("move the history");
    std::os::unix::fs::symlink(&elsewhere, sandbox.history()).expect("link the history");
    let before = std::fs::read(&elsewhere).expect("read the target");
    let sentence = format!(
        "cannot use the history {}: it is a symbolic link, and unknot keeps your history only in a file of its own",
        sandbox.history().display()
    );
    for args in every_use_of_the_history(&sandbox) {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (out, took) = unknot_timed(&sandbox, &args);
        assert_refused_at_once(&out, took, &sentence, &format!("{args:?}"));
        assert_eq!(std::fs::read(&elsewhere).unwrap(), before, "{args:?} wrote");
        assert!(sandbox.history().is_symlink(), "{args:?} replaced the link");
    }
    // The safety page still shows the signs, says why the answers are missing, and lists none.
    let (out, _) = unknot_timed(&sandbox, &["safety"]);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert_eq!(
        out.stderr,
        format!("unknot: {sentence}\n"),
        "{}",
        out.describe()
    );
    assert!(!out.stdout.contains("answered"), "{}", out.describe());

    // Full screen: said before the terminal is taken over, for a session and for the review.
    let routine = two_holds(&sandbox, 1).display().to_string();
    let mut tui = Tui::start(sandbox, &["start", &routine], 24, 80);
    let (code, raw) = tui.wait_exit();
    assert_eq!(code, 2, "{}", tui.screen());
    assert!(String::from_utf8_lossy(&raw).contains(&sentence));
    assert!(common::tui::find(&raw, common::tui::ENTER_ALT_SCREEN).is_empty());
    let sandbox = std::mem::replace(&mut tui.sandbox, Sandbox::new());
    let mut tui = Tui::start(sandbox, &["history"], 24, 80);
    let (code, raw) = tui.wait_exit();
    assert_eq!(code, 2, "{}", tui.screen());
    assert!(String::from_utf8_lossy(&raw).contains(&sentence));
    assert_eq!(std::fs::read(&elsewhere).unwrap(), before);
}

#[test]
fn a_history_that_belongs_to_another_user_is_refused_and_left_as_it_was() {
    // Only root can give a file away. Anyone else is covered by the unit test of the check with
    // another user's id (sys::files, a_history_of_another_user_is_refused_whoever_runs_it).
    if !is_root() {
        eprintln!("skipped: only root can make a file another user's");
        return;
    }
    let sandbox = Sandbox::screened();
    std::os::unix::fs::chown(sandbox.history(), Some(65534), Some(65534)).expect("chown");
    let before = sandbox.history_bytes();
    let sentence = format!(
        "cannot use the history {}: it belongs to another user",
        sandbox.history().display()
    );
    for args in every_use_of_the_history(&sandbox) {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (out, took) = unknot_timed(&sandbox, &args);
        assert_refused_at_once(&out, took, &sentence, &format!("{args:?}"));
        assert_eq!(sandbox.history_bytes(), before, "{args:?} wrote");
    }
    let meta = std::fs::metadata(sandbox.history()).expect("the history");
    assert_eq!(std::os::unix::fs::MetadataExt::uid(&meta), 65534);
}

#[test]
fn a_history_and_data_folder_others_can_open_are_made_private_again() {
    use std::os::unix::fs::PermissionsExt;
    let sandbox = Sandbox::screened();
    let set = |path: &std::path::Path, mode| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
    };
    let mode = |path: &std::path::Path| {
        std::fs::metadata(path)
            .expect("metadata")
            .permissions()
            .mode()
            & 0o777
    };
    for args in [&["history", "--format", "csv"][..], &["log", "3"][..]] {
        set(&sandbox.history(), 0o644);
        set(&sandbox.data_dir(), 0o755);
        let (out, _) = unknot_timed(&sandbox, args);
        assert_eq!(out.code(), Some(0), "{args:?}: {}", out.describe());
        assert_eq!(mode(&sandbox.history()), 0o600, "{args:?}");
    }
    assert_eq!(
        mode(&sandbox.data_dir()),
        0o700,
        "the log made the folder private"
    );
}

/// A named pipe at `path`. Nothing ever writes to it: a reader that opens it waits forever.
fn fifo(path: &std::path::Path) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create the folder");
    }
    let made = std::process::Command::new("mkfifo").arg(path).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo {}", path.display());
}

#[test]
fn a_named_pipe_given_as_any_file_is_refused_at_once() {
    let sandbox = Sandbox::screened();
    let pipe = sandbox.path().join("pipe.ron");
    fifo(&pipe);
    let p = pipe.to_str().expect("utf-8").to_string();
    let sentence = format!("cannot read {p}: it is a named pipe, not a file");
    for args in [
        vec!["check", &p],
        vec!["--plain", "start", &p],
        vec!["--config", &p, "list"],
        vec!["history", "import", &p],
    ] {
        let (out, took) = unknot_timed(&sandbox, &args);
        assert_refused_at_once(&out, took, &sentence, &format!("{args:?}"));
    }

    // The history itself.
    let history = sandbox.history();
    std::fs::remove_file(&history).expect("remove the history");
    fifo(&history);
    let sentence = format!(
        "cannot use the history {}: it is a named pipe, not a file",
        history.display()
    );
    for args in every_use_of_the_history(&sandbox) {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (out, took) = unknot_timed(&sandbox, &args);
        assert_refused_at_once(&out, took, &sentence, &format!("{args:?}"));
    }
}

#[test]
fn a_named_pipe_in_the_routines_folder_or_as_a_sound_does_not_hold_anything_up() {
    let sandbox = Sandbox::screened();
    fifo(&sandbox.routines_dir().join("pipe.ron"));
    let sound = sandbox.path().join("go.wav");
    fifo(&sound);
    sandbox.write(
        "config.ron",
        &format!("(muted: true, sounds: (go: Some({:?})))", sound.display()),
    );
    let (out, took) = unknot_timed(&sandbox, &["list"]);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert!(out.stdout.contains("gentle-start"), "{}", out.describe());
    assert!(took < AT_ONCE, "list took {took:?}");
    // Said, not passed over: the person put something there under a routine's name.
    assert!(
        out.stderr
            .contains("pipe.ron: it is a named pipe, not a file"),
        "{}",
        out.describe()
    );

    let routine = two_holds(&sandbox, 1);
    let out = common::run_with_input(sandbox.plain_start(&routine, &[]), common::NOTHING_NEW);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert!(
        out.stderr.contains(&format!(
            "the go sound {} cannot be used (it is a named pipe, not a file); using the bundled one",
            sound.display()
        )),
        "{}",
        out.describe()
    );
}

#[test]
fn settings_read_from_dev_zero_are_refused_at_once() {
    let sandbox = Sandbox::new();
    let (out, took) = unknot_timed(&sandbox, &["--config", "/dev/zero", "list"]);
    assert_refused_at_once(
        &out,
        took,
        "cannot read /dev/zero: it is a device, not a file",
        "--config /dev/zero",
    );
    let (out, took) = unknot_timed(&sandbox, &["history", "import", "/dev/zero"]);
    assert_refused_at_once(
        &out,
        took,
        "cannot read /dev/zero: it is a device, not a file",
        "import /dev/zero",
    );
    assert!(!sandbox.history().exists());
}

/// The history lines of a whole file: each a JSON object.
fn history_values(sandbox: &Sandbox) -> Vec<serde_json::Value> {
    let bytes = sandbox.history_bytes();
    assert_whole_lines(&bytes);
    sandbox
        .history_text_lines()
        .iter()
        .map(|l| serde_json::from_str(l).expect("a history line"))
        .collect()
}

fn count_of(lines: &[serde_json::Value], kind: &str) -> usize {
    lines.iter().filter(|l| l["type"] == kind).count()
}

#[test]
fn a_quick_log_and_an_import_go_through_while_a_full_screen_session_runs() {
    let mut tui = two_minute_holds_on_screen();
    tui.wait_for("First");
    let theirs = their_history(&tui.sandbox);
    let (out, took) = unknot_timed(&tui.sandbox, &["log", "6"]);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert_eq!(out.stderr, "", "{}", out.describe());
    assert!(took < Duration::from_secs(1), "the log took {took:?}");
    let theirs = theirs.to_str().expect("utf-8");
    let (out, took) = unknot_timed(&tui.sandbox, &["history", "import", theirs]);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert_eq!(out.stdout, "Imported 5 events; 0 were already here.\n");
    assert!(took < Duration::from_secs(1), "the import took {took:?}");
    // The session goes on writing after them.
    tui.key("\x03");
    tui.skip_after();
    tui.key("q");
    assert_eq!(tui.wait_exit().0, 0);
    let lines = history_values(&tui.sandbox);
    let logs: Vec<&serde_json::Value> = lines.iter().filter(|l| l["moment"] == "log").collect();
    assert_eq!(logs.len(), 1, "{lines:#?}");
    assert_eq!(logs[0]["pain"], 6);
    assert_eq!(
        count_of(&lines, "session_started"),
        2,
        "ours and the imported one"
    );
    assert_eq!(count_of(&lines, "session_ended"), 2, "{lines:#?}");
    assert!(count_of(&lines, "step_done") >= 2, "{lines:#?}");
}

#[test]
fn a_quick_log_goes_through_while_a_plain_session_is_stopped() {
    let sandbox = Sandbox::screened();
    let routine = two_holds(&sandbox, 3);
    let mut running = spawn(sandbox.plain_start(&routine, &["--mute"]));
    running.type_in("\n4\n\n\n\n");
    running.wait_for_stdout("Step 1 of 2");
    send_signal(running.pid(), "TSTP");
    running.wait_for_stdout("Paused while unknot is stopped");
    wait_stopped(running.pid());
    let (out, took) = unknot_timed(&sandbox, &["log", "6", "--note", "while stopped"]);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert!(took < Duration::from_secs(1), "the log took {took:?}");
    send_signal(running.pid(), "CONT");
    running.wait_for_stdout("Press Enter to go on");
    running.type_in("\n5\n\n\n");
    let out = running.finish();
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    let lines = history_values(&sandbox);
    let log = lines
        .iter()
        .find(|l| l["moment"] == "log")
        .expect("the log");
    assert_eq!(
        (&log["pain"], &log["note"]),
        (&6.into(), &"while stopped".into())
    );
    assert_eq!(count_of(&lines, "step_done"), 2, "{lines:#?}");
    assert_eq!(count_of(&lines, "session_ended"), 1, "{lines:#?}");
}

#[test]
fn a_quick_log_waits_for_a_program_that_keeps_the_history_locked_and_says_so() {
    // An unknot older than this one held the history's lock for a whole session.
    let sandbox = Sandbox::screened();
    let holder = std::fs::File::open(sandbox.history()).expect("open the history");
    holder.lock().expect("lock the history");
    let mut cmd = sandbox.cmd();
    cmd.args(["log", "7"]);
    let running = spawn(cmd);
    wait_for_stderr(&running, "waiting for another program to let go of");
    let before = sandbox.history_bytes();
    std::thread::sleep(Duration::from_secs(3));
    assert_eq!(
        sandbox.history_bytes(),
        before,
        "written under another's lock"
    );
    holder.unlock().expect("let go of the history");
    let out = running.finish();
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert_eq!(
        out.stderr,
        format!(
            "unknot: waiting for another program to let go of {} (an older unknot, perhaps); Ctrl-C gives up\n",
            sandbox.history().display()
        ),
        "said once: {}",
        out.describe()
    );
    let lines = history_values(&sandbox);
    assert_eq!(lines.last().map(|l| &l["pain"]), Some(&7.into()));
}
