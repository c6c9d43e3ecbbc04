//! The full-screen app in a real pseudo-terminal: keys go in, the screen is read back through a
//! terminal emulator (vt100), and the terminal must be left as it was found.

mod common;

use std::io::{Read, Write};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, MasterPty, PtySize, native_pty_system};

use common::{BIN, MANIFEST_DIR, Sandbox, send_signal, timeout};

const ENTER: &str = "\r";
const DOWN: &str = "\x1b[B";
const LEAVE_ALT_SCREEN: &[u8] = b"\x1b[?1049l";
const ENTER_ALT_SCREEN: &[u8] = b"\x1b[?1049h";

/// A lead-in of 2 s, then a hold long enough to watch the countdown and stop it by hand.
const COUNTDOWN: &str = r#"(
    title: "Countdown check",
    summary: "One long hold.",
    level: Gentle,
    lead_in: 2,
    steps: [
        (
            title: "Knee to chest",
            kind: Stretch,
            seconds: 20,
            instructions: ["Bring one knee up and hold it with both hands."],
        ),
        (title: "How is the pain now?", kind: CheckIn),
    ],
)
"#;

/// The app running in a pseudo-terminal, its screen kept up to date by a background reader.
struct Tui {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    master: Box<dyn MasterPty + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    reader_done: Receiver<()>,
    _sandbox: Sandbox,
}

impl Tui {
    fn start(sandbox: Sandbox, args: &[&str], rows: u16, cols: u16) -> Tui {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        let mut cmd = CommandBuilder::new(BIN);
        cmd.arg("--config");
        cmd.arg(sandbox.config());
        cmd.arg("--data-dir");
        cmd.arg(sandbox.data_dir());
        cmd.args(args);
        cmd.cwd(MANIFEST_DIR);
        cmd.env("TERM", "xterm-256color");
        cmd.env("HOME", sandbox.path());
        cmd.env("UNKNOT_CONFIG", sandbox.config());
        cmd.env("UNKNOT_DATA_DIR", sandbox.data_dir());
        cmd.env_remove("NO_COLOR");
        let child = pair.slave.spawn_command(cmd).expect("start unknot");
        // Only the child holds the terminal's slave end, so reading ends when it exits.
        drop(pair.slave);

        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (done_tx, reader_done) = channel();
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        {
            let parser = parser.clone();
            let raw = raw.clone();
            std::thread::spawn(move || {
                let mut buf = [0u8; 8192];
                loop {
                    match reader.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => {
                            raw.lock().expect("raw lock").extend_from_slice(&buf[..n]);
                            parser.lock().expect("parser lock").process(&buf[..n]);
                        }
                    }
                }
                let _ = done_tx.send(());
            });
        }
        let writer = pair.master.take_writer().expect("pty writer");
        Tui {
            child,
            writer,
            master: pair.master,
            parser,
            raw,
            reader_done,
            _sandbox: sandbox,
        }
    }

    fn screen(&self) -> String {
        self.parser.lock().expect("parser lock").screen().contents()
    }

    fn pid(&self) -> u32 {
        self.child.process_id().expect("child pid")
    }

    /// Waits until `ready` holds for the screen's text, and returns that text.
    fn wait_until(&mut self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + timeout();
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!(
                    "unknot exited ({status:?}) while waiting for {what}\n--- screen ---\n{screen}"
                );
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("timed out waiting for {what}\n--- screen ---\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn wait_for(&mut self, text: &str) -> String {
        self.wait_until(&format!("{text:?}"), |s| s.contains(text))
    }

    /// Types one key; the pause keeps escape sequences from running into each other.
    fn key(&mut self, key: &str) {
        self.writer.write_all(key.as_bytes()).expect("type a key");
        self.writer.flush().expect("flush keys");
        std::thread::sleep(Duration::from_millis(50));
    }

    /// Waits for the exit and for the last of the output; returns the exit code and all output.
    fn wait_exit(&mut self) -> (u32, Vec<u8>) {
        let deadline = Instant::now() + timeout();
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("wait for unknot") {
                break status;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("unknot did not exit\n--- screen ---\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        assert!(
            status.signal().is_none(),
            "unknot was killed by a signal instead of exiting: {status:?}"
        );
        self.reader_done
            .recv_timeout(timeout())
            .expect("the terminal's output ends after the exit");
        (
            status.exit_code(),
            self.raw.lock().expect("raw lock").clone(),
        )
    }

    /// Local mode flags of the terminal, such as ICANON and ECHO, by name.
    fn local_flags(&self) -> Vec<String> {
        let termios = self
            .master
            .get_termios()
            .expect("read the terminal's settings");
        format!("{:?}", termios.local_flags)
            .split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
            .filter(|w| !w.is_empty())
            .map(String::from)
            .collect()
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        // Before the writer goes (which sends end-of-file), make sure nothing is left running.
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Vec<usize> {
    haystack
        .windows(needle.len())
        .enumerate()
        .filter(|(_, w)| *w == needle)
        .map(|(i, _)| i)
        .collect()
}

/// The output entered the alternate screen and its last act was to leave it: after the final
/// ESC[?1049l come at most a few control sequences (cursor shown, modes reset), no drawing.
fn assert_terminal_restored(raw: &[u8]) {
    let entered = find(raw, ENTER_ALT_SCREEN);
    let left = find(raw, LEAVE_ALT_SCREEN);
    let (Some(&entered), Some(&left)) = (entered.last(), left.last()) else {
        panic!(
            "alternate screen never entered or never left; output ends with {:?}",
            String::from_utf8_lossy(&raw[raw.len().saturating_sub(200)..])
        );
    };
    assert!(
        left > entered,
        "the alternate screen was entered again after leaving it"
    );
    let tail = &raw[left + LEAVE_ALT_SCREEN.len()..];
    let mut rest = Vec::new();
    let mut i = 0;
    while i < tail.len() {
        if tail[i] == 0x1b && tail.get(i + 1) == Some(&b'[') {
            // Skip a CSI sequence: parameters, then one final byte from @ to ~.
            i += 2;
            while i < tail.len() && !(0x40..=0x7e).contains(&tail[i]) {
                i += 1;
            }
            i += 1;
        } else {
            rest.push(tail[i]);
            i += 1;
        }
    }
    assert!(
        rest.iter().all(|b| b.is_ascii_whitespace() || *b == 0x07),
        "text was written after leaving the alternate screen: {:?}",
        String::from_utf8_lossy(tail)
    );
}

/// "N s left of M s" on the screen, as N.
fn seconds_left_of(screen: &str, of: &str) -> Option<u64> {
    let marker = format!(" s left of {of}");
    let at = screen.find(&marker)?;
    let before = &screen[..at];
    let digits: String = before
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    digits.parse().ok()
}

fn sandbox_with(routine: &str) -> (Sandbox, PathBuf) {
    let sandbox = Sandbox::new();
    let file = sandbox.write("countdown.ron", routine);
    (sandbox, file)
}

/// The line of the screen holding the selection marker.
fn selected_line(screen: &str) -> Option<String> {
    screen.lines().find(|l| l.contains('›')).map(String::from)
}

// ---- Tests ---------------------------------------------------------------------------------

#[test]
fn a_session_counts_down_stops_on_request_and_restores_the_terminal() {
    let (sandbox, file) = sandbox_with(COUNTDOWN);
    let file = file.to_str().expect("utf-8 path").to_string();
    let mut tui = Tui::start(sandbox, &["start", &file], 30, 100);

    tui.wait_for("Countdown check");
    assert!(
        !tui.local_flags().iter().any(|f| f == "ICANON"),
        "the app runs in raw mode: {:?}",
        tui.local_flags()
    );
    let screen = tui.wait_until("the hold's countdown", |s| {
        seconds_left_of(s, "20 s").is_some()
    });
    assert!(screen.contains("Knee to chest"), "{screen}");
    let first = seconds_left_of(&screen, "20 s").expect("seconds left");
    assert!((1..=20).contains(&first), "{screen}");
    let screen = tui.wait_until("the countdown to move", |s| {
        seconds_left_of(s, "20 s").is_some_and(|n| n < first)
    });
    let second = seconds_left_of(&screen, "20 s").expect("seconds left");
    assert!(second < first, "{first} then {second}");

    tui.key("q");
    tui.wait_for("Stop the session?");
    tui.key("y");
    let summary = tui.wait_for("Session stopped");
    assert!(summary.contains("Countdown check"), "{summary}");
    tui.key(ENTER);
    let (code, raw) = tui.wait_exit();
    assert_eq!(code, 0, "screen:\n{}", tui.screen());
    assert_terminal_restored(&raw);
    let flags = tui.local_flags();
    assert!(
        flags.iter().any(|f| f == "ICANON") && flags.iter().any(|f| f == "ECHO"),
        "raw mode is still on after exit: {flags:?}"
    );
}

#[test]
fn carrying_on_after_q_keeps_the_session_going() {
    let (sandbox, file) = sandbox_with(COUNTDOWN);
    let file = file.to_str().expect("utf-8 path").to_string();
    let mut tui = Tui::start(sandbox, &["start", &file], 30, 100);
    tui.wait_until("the hold's countdown", |s| {
        seconds_left_of(s, "20 s").is_some()
    });
    tui.key("q");
    tui.wait_for("Stop the session?");
    tui.key("n");
    tui.wait_until("the question to close", |s| {
        !s.contains("Stop the session?")
    });
    // Still in the session: the countdown is there and keeps going.
    let screen = tui.wait_until("the countdown", |s| seconds_left_of(s, "20 s").is_some());
    let first = seconds_left_of(&screen, "20 s").expect("seconds left");
    tui.wait_until("the countdown to move", |s| {
        seconds_left_of(s, "20 s").is_some_and(|n| n < first)
    });
    tui.key("q");
    tui.wait_for("Stop the session?");
    tui.key("y");
    tui.wait_for("Session stopped");
    tui.key("q");
    let (code, raw) = tui.wait_exit();
    assert_eq!(code, 0);
    assert_terminal_restored(&raw);
}

#[test]
fn the_home_screen_lists_routines_and_the_arrow_keys_move_the_marker() {
    let mut tui = Tui::start(Sandbox::new(), &[], 30, 100);
    let screen = tui.wait_for("Gentle start");
    assert!(screen.contains("Daily standard"), "{screen}");
    assert!(screen.contains("Desk break"), "{screen}");
    let marked = selected_line(&screen).unwrap_or_else(|| panic!("no marker\n{screen}"));
    assert!(marked.contains("Gentle start"), "{marked:?}\n{screen}");

    tui.key(DOWN);
    let screen = tui.wait_until("the marker on Daily standard", |s| {
        selected_line(s).is_some_and(|l| l.contains("Daily standard"))
    });
    assert!(
        !selected_line(&screen)
            .unwrap_or_default()
            .contains("Gentle start"),
        "{screen}"
    );

    tui.key("q");
    let (code, raw) = tui.wait_exit();
    assert_eq!(code, 0, "screen:\n{}", tui.screen());
    assert_terminal_restored(&raw);
}

#[test]
fn a_window_too_small_says_so_and_keys_still_work() {
    let mut tui = Tui::start(Sandbox::new(), &[], 8, 30);
    let screen = tui.wait_for("Make the window bigger");
    assert!(!screen.contains("Gentle start"), "{screen}");
    tui.key("q");
    let (code, raw) = tui.wait_exit();
    assert_eq!(code, 0, "screen:\n{}", tui.screen());
    assert_terminal_restored(&raw);
}

#[test]
fn growing_a_small_window_brings_the_screen_back() {
    let mut tui = Tui::start(Sandbox::new(), &[], 8, 30);
    tui.wait_for("Make the window bigger");
    tui.parser
        .lock()
        .expect("parser lock")
        .screen_mut()
        .set_size(30, 100);
    tui.master
        .resize(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("resize the terminal");
    tui.wait_for("Gentle start");
    tui.key("q");
    let (code, raw) = tui.wait_exit();
    assert_eq!(code, 0);
    assert_terminal_restored(&raw);
}

#[test]
fn sigterm_mid_session_exits_143_and_restores_the_terminal() {
    let (sandbox, file) = sandbox_with(COUNTDOWN);
    let file = file.to_str().expect("utf-8 path").to_string();
    let mut tui = Tui::start(sandbox, &["start", &file], 30, 100);
    tui.wait_until("the hold's countdown", |s| {
        seconds_left_of(s, "20 s").is_some()
    });
    send_signal(tui.pid(), "TERM");
    let (code, raw) = tui.wait_exit();
    assert_eq!(code, 143, "screen:\n{}", tui.screen());
    assert_terminal_restored(&raw);
    let flags = tui.local_flags();
    assert!(
        flags.iter().any(|f| f == "ICANON"),
        "raw mode is still on after exit: {flags:?}"
    );
}

#[test]
fn a_check_in_answer_shows_in_the_summary() {
    let routine = r#"(
        title: "Short and asked",
        level: Gentle,
        lead_in: 0,
        steps: [
            (title: "Knee rolls", kind: Movement, seconds: 1),
            (title: "How is the pain now?", kind: CheckIn),
        ],
    )"#;
    let (sandbox, file) = sandbox_with(routine);
    let file = file.to_str().expect("utf-8 path").to_string();
    let mut tui = Tui::start(sandbox, &["start", &file], 30, 100);
    tui.wait_for("How is the pain now?");
    tui.wait_for("0 to 10");
    tui.key("4");
    let summary = tui.wait_for("Session complete");
    let summary = if summary.contains("4 (moderate)") {
        summary
    } else {
        tui.wait_for("4 (moderate)")
    };
    assert!(summary.contains("Short and asked"), "{summary}");
    tui.key(ENTER);
    let (code, raw) = tui.wait_exit();
    assert_eq!(code, 0);
    assert_terminal_restored(&raw);
}

#[test]
fn sigterm_on_the_home_screen_exits_143_and_restores_the_terminal() {
    let mut tui = Tui::start(Sandbox::new(), &[], 30, 100);
    tui.wait_for("Gentle start");
    send_signal(tui.pid(), "TERM");
    let (code, raw) = tui.wait_exit();
    assert_eq!(code, 143, "screen:\n{}", tui.screen());
    assert_terminal_restored(&raw);
}

#[test]
fn ctrl_c_in_a_session_stops_it_without_asking() {
    let (sandbox, file) = sandbox_with(COUNTDOWN);
    let file = file.to_str().expect("utf-8 path").to_string();
    let mut tui = Tui::start(sandbox, &["start", &file], 30, 100);
    tui.wait_until("the hold's countdown", |s| {
        seconds_left_of(s, "20 s").is_some()
    });
    tui.key("\x03");
    let screen = tui.wait_for("Session stopped");
    assert!(!screen.contains("Stop the session?"), "{screen}");
    tui.key(ENTER);
    let (code, raw) = tui.wait_exit();
    assert_eq!(code, 0);
    assert_terminal_restored(&raw);
}

#[test]
fn keys_still_work_in_a_session_while_the_window_is_too_small() {
    let (sandbox, file) = sandbox_with(COUNTDOWN);
    let file = file.to_str().expect("utf-8 path").to_string();
    let mut tui = Tui::start(sandbox, &["start", &file], 8, 30);
    tui.wait_for("Make the window bigger");
    tui.key("q");
    tui.key("y");
    tui.key(ENTER);
    let (code, raw) = tui.wait_exit();
    assert_eq!(code, 0, "screen:\n{}", tui.screen());
    assert_terminal_restored(&raw);
}
