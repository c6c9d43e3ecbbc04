//! Shared helpers for the integration tests: an isolated sandbox per test, and running the
//! binary with a timeout while its output is collected.
//!
//! Each test binary uses a different part of this module.
#![allow(
    dead_code,
    reason = "each test binary uses a different part of this module"
)]
#![expect(
    clippy::disallowed_methods,
    reason = "the tests run the real binary in real time: deadlines, and history lines dated days back from now with fresh ids"
)]

pub mod tui;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_unknot");
pub const MANIFEST_DIR: &str = env!("CARGO_MANIFEST_DIR");

/// What a session says on stderr when the machine has no sound device.
pub const NO_SOUND_NOTE: &str = "unknot: no sound device: using the terminal bell";

/// How long to wait for anything before failing; `UNKNOT_TEST_TIMEOUT_SECS` overrides the 20 s.
pub fn timeout() -> Duration {
    let secs = std::env::var("UNKNOT_TEST_TIMEOUT_SECS")
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .filter(|s| *s > 0)
        .unwrap_or(20);
    Duration::from_secs(secs)
}

/// A temporary home for one test: config file, user routines and data folder all inside it.
pub struct Sandbox {
    pub dir: tempfile::TempDir,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        Sandbox {
            dir: tempfile::tempdir().expect("create a temporary folder"),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn config(&self) -> PathBuf {
        self.path().join("config.ron")
    }

    pub fn data_dir(&self) -> PathBuf {
        self.path().join("data")
    }

    /// The history file inside the data folder.
    pub fn history(&self) -> PathBuf {
        self.data_dir().join("history.jsonl")
    }

    /// The history file's bytes; empty when there is no file.
    pub fn history_bytes(&self) -> Vec<u8> {
        match std::fs::read(self.history()) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(e) => panic!("read {}: {e}", self.history().display()),
        }
    }

    /// Where the app looks for the user's own routines: beside the config file.
    pub fn routines_dir(&self) -> PathBuf {
        self.path().join("routines")
    }

    /// Writes a file inside the sandbox and returns its path.
    pub fn write(&self, name: &str, contents: &str) -> PathBuf {
        let path = self.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create folder");
        }
        std::fs::write(&path, contents).expect("write file");
        path
    }

    /// A sandbox whose person has already answered the safety questions (all clear) and seen
    /// the self-massage cautions, just now: a session there asks only the quick safety check
    /// ("Any new symptoms?"), answered in plain mode by an empty line ([`NOTHING_NEW`]) and on
    /// the full screen by Enter.
    pub fn screened() -> Sandbox {
        let sandbox = Sandbox::new();
        seed_screened(&sandbox.data_dir());
        sandbox
    }

    /// Appends whole lines to this sandbox's history, creating the data folder.
    pub fn append_history(&self, lines: &[String]) {
        append_history(&self.data_dir(), lines);
    }

    /// The history, one string per line; empty when there is no file.
    pub fn history_text_lines(&self) -> Vec<String> {
        String::from_utf8(self.history_bytes())
            .expect("the history is UTF-8")
            .lines()
            .map(String::from)
            .collect()
    }

    /// Writes a routine into the user's routines folder.
    pub fn user_routine(&self, name: &str, contents: &str) -> PathBuf {
        self.write(&format!("routines/{name}.ron"), contents)
    }

    /// The binary, isolated through the environment: the test's arguments stay exactly as given.
    pub fn cmd(&self) -> Command {
        let mut cmd = Command::new(BIN);
        self.isolate(&mut cmd);
        cmd
    }

    /// `unknot --plain FLAGS start ROUTINE`, isolated as `cmd_with_flags` is.
    pub fn plain_start(&self, routine: &Path, flags: &[&str]) -> Command {
        let mut cmd = self.cmd_with_flags();
        cmd.arg("--plain").args(flags).arg("start").arg(routine);
        cmd
    }

    /// The binary, isolated through `--config` and `--data-dir` given before `args`.
    pub fn cmd_with_flags(&self) -> Command {
        let mut cmd = Command::new(BIN);
        self.isolate(&mut cmd);
        cmd.env_remove("UNKNOT_CONFIG")
            .env_remove("UNKNOT_DATA_DIR")
            .arg("--config")
            .arg(self.config())
            .arg("--data-dir")
            .arg(self.data_dir());
        cmd
    }

    /// The binary with `--config` from this sandbox and `--data-dir DIR` (another profile).
    pub fn cmd_with_data_dir(&self, dir: &Path) -> Command {
        let mut cmd = Command::new(BIN);
        self.isolate(&mut cmd);
        cmd.env_remove("UNKNOT_CONFIG")
            .env_remove("UNKNOT_DATA_DIR")
            .arg("--config")
            .arg(self.config())
            .arg("--data-dir")
            .arg(dir);
        cmd
    }

    fn isolate(&self, cmd: &mut Command) {
        cmd.env("UNKNOT_CONFIG", self.config())
            .env("UNKNOT_DATA_DIR", self.data_dir())
            // Belt and braces: nothing of the real home folder is reachable.
            .env("HOME", self.path())
            .env("XDG_CONFIG_HOME", self.path().join("xdg-config"))
            .env("XDG_DATA_HOME", self.path().join("xdg-data"))
            .env_remove("NO_COLOR")
            .current_dir(MANIFEST_DIR);
    }
}

// ---- The safety questions before a session -------------------------------------------------

/// The plain-mode answer to the quick safety check: an empty line, nothing new.
pub const NOTHING_NEW: &str = "\n";
/// The last line of the quick safety check in plain mode, which waits for that answer.
pub const QUICK_PROMPT: &str =
    "Press Enter if nothing has changed, or type yes if one of these has started.";

/// A history line as unknot writes it: format version 1, a fresh id, the local time `days_ago`
/// days back (with its offset, to the millisecond), then `type` and `fields` (JSON members
/// without braces, such as `"check":"screening","result":"clear"`).
pub fn history_line(days_ago: i64, kind: &str, fields: &str) -> String {
    let at = chrono::Local::now().fixed_offset() - chrono::TimeDelta::days(days_ago);
    let at = at.to_rfc3339_opts(chrono::SecondsFormat::Millis, false);
    let id = uuid::Uuid::now_v7();
    let mut line = format!(r#"{{"v":1,"id":"{id}","at":"{at}","type":"{kind}""#);
    if !fields.is_empty() {
        line.push(',');
        line.push_str(fields);
    }
    line.push('}');
    line
}

/// The history lines of a whole session `days_ago` days back (one step of a minute, done),
/// with pain before and after, and its id.
pub fn past_session(
    days_ago: i64,
    routine: &str,
    before: u8,
    after: u8,
) -> (uuid::Uuid, Vec<String>) {
    let session = uuid::Uuid::now_v7();
    let check_in = |moment: &str, pain: u8| {
        history_line(
            days_ago,
            "check_in",
            &format!(
                r#""form":"{}","session":"{session}","moment":"{moment}","pain":{pain}"#,
                uuid::Uuid::now_v7()
            ),
        )
    };
    let lines = vec![
        history_line(
            days_ago,
            "session_started",
            &format!(r#""session":"{session}","routine":"{routine}","routine_hash":"00""#),
        ),
        check_in("before", before),
        history_line(
            days_ago,
            "step_done",
            &format!(
                r#""session":"{session}","step":0,"title":"Knee rolls","planned_s":60.0,"actual_s":60.0,"skipped":false"#
            ),
        ),
        history_line(
            days_ago,
            "session_ended",
            &format!(r#""session":"{session}","outcome":"completed","elapsed_s":60.0"#),
        ),
        check_in("after", after),
    ];
    (session, lines)
}

/// A `safety` history line: `check` and `result` as unknot stores them, `days_ago` days back.
pub fn safety_line(days_ago: i64, check: &str, result: &str) -> String {
    history_line(
        days_ago,
        "safety",
        &format!(r#""check":"{check}","result":"{result}""#),
    )
}

/// Appends whole lines to the history in `data_dir`, creating the folder.
pub fn append_history(data_dir: &Path, lines: &[String]) {
    std::fs::create_dir_all(data_dir).expect("create the data folder");
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(data_dir.join("history.jsonl"))
        .expect("open the history");
    for line in lines {
        writeln!(file, "{line}").expect("write a history line");
    }
}

/// Seeds the history in `data_dir` with a clear screening and the cautions shown, just now.
pub fn seed_screened(data_dir: &Path) {
    append_history(
        data_dir,
        &[
            safety_line(0, "screening", "clear"),
            safety_line(0, "massage_cautions", "shown"),
        ],
    );
}

/// What a finished run left behind.
#[derive(Debug)]
pub struct Outcome {
    pub status: ExitStatus,
    pub stdout: String,
    pub stderr: String,
}

impl Outcome {
    pub fn code(&self) -> Option<i32> {
        self.status.code()
    }

    /// Fails unless each of `expected` is a whole line of stdout, in this order (others may be
    /// between).
    pub fn assert_lines_in_order(&self, expected: &[&str]) {
        let lines = self.stdout_lines();
        let mut from = 0;
        for want in expected {
            match lines[from..].iter().position(|l| l == want) {
                Some(at) => from += at + 1,
                None => panic!(
                    "line {want:?} not found (in order) after line {from}\n{}",
                    self.describe()
                ),
            }
        }
    }

    /// Stderr without the note a machine with no sound device gets ("no sound device: using
    /// the terminal bell"), which depends on the machine, not on what is tested.
    pub fn stderr_without_sound_note(&self) -> String {
        self.stderr
            .lines()
            .filter(|l| *l != NO_SOUND_NOTE)
            .flat_map(|l| [l, "\n"])
            .collect()
    }

    pub fn stdout_lines(&self) -> Vec<&str> {
        self.stdout.lines().collect()
    }

    pub fn stderr_lines(&self) -> Vec<&str> {
        self.stderr.lines().collect()
    }

    /// Exit code, stdout and stderr, for assertion messages.
    pub fn describe(&self) -> String {
        format!(
            "exit status: {:?}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.status, self.stdout, self.stderr
        )
    }

    /// Fails unless the run did not panic: no Rust panic message or backtrace hint.
    pub fn assert_no_panic(&self) {
        for marker in ["panicked", "RUST_BACKTRACE", "stack backtrace"] {
            assert!(
                !self.stderr.contains(marker) && !self.stdout.contains(marker),
                "output mentions {marker:?}\n{}",
                self.describe()
            );
        }
    }
}

/// A running process whose stdout and stderr are collected in the background.
pub struct Running {
    child: Child,
    stdin: Option<ChildStdin>,
    stdout: Arc<Mutex<String>>,
    stderr: Arc<Mutex<String>>,
    readers: Vec<JoinHandle<()>>,
}

fn collect(mut from: impl Read + Send + 'static, into: Arc<Mutex<String>>) -> JoinHandle<()> {
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        loop {
            match from.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => into
                    .lock()
                    .expect("output lock")
                    .push_str(&String::from_utf8_lossy(&buf[..n])),
            }
        }
    })
}

/// Starts `cmd` with piped stdin, stdout and stderr.
pub fn spawn(cmd: Command) -> Running {
    spawn_with_stdout(cmd, Stdio::piped())
}

/// Starts `cmd` with piped stdin and stderr, and stdout to `stdout`; what is piped is collected.
fn spawn_with_stdout(mut cmd: Command, stdout: Stdio) -> Running {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(stdout)
        .stderr(Stdio::piped())
        .spawn()
        .expect("start unknot");
    let stdout = Arc::new(Mutex::new(String::new()));
    let stderr = Arc::new(Mutex::new(String::new()));
    let mut readers = vec![collect(
        child.stderr.take().expect("stderr"),
        stderr.clone(),
    )];
    if let Some(out) = child.stdout.take() {
        readers.push(collect(out, stdout.clone()));
    }
    Running {
        stdin: child.stdin.take(),
        child,
        stdout,
        stderr,
        readers,
    }
}

impl Running {
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn stdout(&self) -> String {
        self.stdout.lock().expect("output lock").clone()
    }

    pub fn stderr(&self) -> String {
        self.stderr.lock().expect("output lock").clone()
    }

    /// Types into the process's standard input.
    pub fn type_in(&mut self, text: &str) {
        let stdin = self.stdin.as_mut().expect("stdin is still open");
        stdin.write_all(text.as_bytes()).expect("write to stdin");
        stdin.flush().expect("flush stdin");
    }

    /// Closes standard input: the process sees the end of its input.
    pub fn close_stdin(&mut self) {
        self.stdin = None;
    }

    /// Waits until stdout contains `text`, and returns stdout so far.
    pub fn wait_for_stdout(&mut self, text: &str) -> String {
        let deadline = Instant::now() + timeout();
        loop {
            let out = self.stdout();
            if out.contains(text) {
                return out;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!(
                    "timed out waiting for {text:?} on stdout\n--- stdout ---\n{out}\n--- stderr ---\n{}",
                    self.stderr()
                );
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                // Let the readers catch up with what was written before the exit.
                std::thread::sleep(Duration::from_millis(50));
                let out = self.stdout();
                assert!(
                    out.contains(text),
                    "unknot exited ({status:?}) before printing {text:?}\n--- stdout ---\n{out}\n--- stderr ---\n{}",
                    self.stderr()
                );
                return out;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits for the quick safety check's prompt and answers it with an empty line: nothing new.
    pub fn pass_quick_check(&mut self) {
        self.wait_for_stdout(&format!("{QUICK_PROMPT}\n"));
        self.type_in(NOTHING_NEW);
    }

    /// Sends a signal by number with the system's `kill` command.
    pub fn signal(&self, name: &str) {
        send_signal(self.pid(), name);
    }

    /// The exit status, once there is one; past the timeout the process is killed and the test
    /// fails with what it printed.
    fn wait_for_exit(&mut self) -> ExitStatus {
        let deadline = Instant::now() + timeout();
        loop {
            if let Some(status) = self.child.try_wait().expect("wait for unknot") {
                return status;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                let _ = self.child.wait();
                panic!(
                    "unknot did not exit within {:?}\n--- stdout ---\n{}\n--- stderr ---\n{}",
                    timeout(),
                    self.stdout(),
                    self.stderr()
                );
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Waits for the process to exit by itself (after a signal, say) with stdin still open, so
    /// that the end of input cannot race the signal; then collects the output.
    pub fn finish_after_exit(mut self) -> Outcome {
        self.wait_for_exit();
        self.finish()
    }

    /// Closes stdin, waits for the exit (killing the process after the timeout) and collects output.
    pub fn finish(mut self) -> Outcome {
        self.close_stdin();
        let status = self.wait_for_exit();
        for reader in self.readers.drain(..) {
            let _ = reader.join();
        }
        Outcome {
            status,
            stdout: self.stdout(),
            stderr: self.stderr(),
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Runs `cmd` to the end with `input` on stdin (then end of input).
pub fn run_with_input(cmd: Command, input: &str) -> Outcome {
    let mut running = spawn(cmd);
    if let Some(stdin) = running.stdin.as_mut() {
        // A process that exits without reading its input is not an error here.
        let _ = stdin.write_all(input.as_bytes());
    }
    running.finish()
}

/// Starts `cmd` with all of `input` on stdin, then the end of input; collect it with `finish`.
/// Several can run at once, to keep a test short.
pub fn spawn_with_input(cmd: Command, input: &str) -> Running {
    let mut running = spawn(cmd);
    if let Some(stdin) = running.stdin.as_mut() {
        // A process that exits without reading its input is not an error here.
        let _ = stdin.write_all(input.as_bytes());
    }
    running.close_stdin();
    running
}

/// Runs `cmd` to the end with an empty, closed stdin.
pub fn run(cmd: Command) -> Outcome {
    run_with_input(cmd, "")
}

/// `kill -SIG PID` with the system's kill command (procps or coreutils), no libc needed.
pub fn send_signal(pid: u32, name: &str) {
    let status = Command::new("kill")
        .arg(format!("-{name}"))
        .arg(pid.to_string())
        .status()
        .expect("run kill");
    assert!(status.success(), "kill -{name} {pid} failed: {status:?}");
}

// ---- Output that cannot be written ---------------------------------------------------------

/// Where a run's standard output goes when it cannot be written.
#[derive(Debug, Clone, Copy)]
pub enum DeadEnd {
    /// A pipe whose reader has already gone, as after `| head -1`: every write fails (EPIPE).
    ClosedPipe,
    /// `/dev/full` (Linux): every write fails as on a full disk (ENOSPC).
    FullDisk,
}

/// Waits for `child` to exit; past the timeout it is killed and the test fails.
pub fn wait_child(child: &mut Child) -> ExitStatus {
    let deadline = Instant::now() + timeout();
    loop {
        if let Some(status) = child.try_wait().expect("wait for unknot") {
            return status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("unknot did not exit within {:?}", timeout());
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Runs `cmd` with `input` on stdin (then its end) and stdout into `dead_end`.
pub fn run_into(cmd: Command, dead_end: DeadEnd, input: &str) -> Outcome {
    let stdout = match dead_end {
        DeadEnd::ClosedPipe => {
            let (reader, writer) = std::io::pipe().expect("make a pipe");
            drop(reader);
            Stdio::from(writer)
        }
        DeadEnd::FullDisk => Stdio::from(
            std::fs::OpenOptions::new()
                .write(true)
                .open("/dev/full")
                .expect("open /dev/full"),
        ),
    };
    let mut running = spawn_with_stdout(cmd, stdout);
    if let Some(stdin) = running.stdin.as_mut() {
        // A process that exits without reading its input is not an error here.
        let _ = stdin.write_all(input.as_bytes());
    }
    running.finish()
}

/// Runs `cmd` under libfaketime (Debian's `faketime` package), which moves a program's wall
/// clock and not its monotonic clock, as a clock set by hand or by NTP looks to a program.
/// Returns the file that holds the offset ("+0" to start; write "+1d" or "-3h" to jump).
pub fn movable_wall_clock(cmd: &mut std::process::Command, dir: &Path) -> std::path::PathBuf {
    let found = [
        "/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1",
        "/usr/lib/aarch64-linux-gnu/faketime/libfaketimeMT.so.1",
        "/usr/lib/faketime/libfaketimeMT.so.1",
        "/usr/local/lib/faketime/libfaketimeMT.so.1",
    ]
    .into_iter()
    .map(std::path::PathBuf::from)
    .find(|p| p.exists());
    let library = found.expect("libfaketime is needed for this test: install the faketime package");
    let offset = dir.join("clock-offset");
    std::fs::write(&offset, "+0").expect("write the clock offset");
    cmd.env("LD_PRELOAD", library)
        .env("FAKETIME_DONT_FAKE_MONOTONIC", "1")
        .env("FAKETIME_TIMESTAMP_FILE", &offset)
        .env("FAKETIME_NO_CACHE", "1");
    offset
}
