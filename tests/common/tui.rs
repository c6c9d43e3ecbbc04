//! The full-screen app in a real pseudo-terminal: keys go in, the screen is read back through a
//! terminal emulator (vt100). Shared by the pseudo-terminal tests and the history tests.

use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, MasterPty, PtySize, native_pty_system};

use super::{BIN, MANIFEST_DIR, Sandbox, timeout};

pub const ENTER: &str = "\r";
pub const ESC: &str = "\x1b";
pub const DOWN: &str = "\x1b[B";
pub const RIGHT: &str = "\x1b[C";
pub const LEAVE_ALT_SCREEN: &[u8] = b"\x1b[?1049l";
pub const ENTER_ALT_SCREEN: &[u8] = b"\x1b[?1049h";

/// The quick safety check before a session once the full questions have been answered.
pub const QUICK_TITLE: &str = "Any new symptoms?";
/// The title of the full safety questions, asked the first time and every 30 days.
pub const SCREEN_TITLE: &str = "Before you start: a few safety questions";

/// The title of the questions before a session, and the first question's words.
pub const BEFORE_TITLE: &str = "Before you start";
pub const PAIN_QUESTION: &str = "Pain right now, from 0 to 10";
/// The title of the questions after a session.
pub const AFTER_TITLE: &str = "How was it?";

/// How long the app is given to open the sound device before a test leaves it.
pub const SOUND_SETTLE: Duration = Duration::from_secs(1);

/// `--config` and `--data-dir` of the sandbox.
fn sandbox_flags(sandbox: &Sandbox) -> Vec<String> {
    [
        "--config".into(),
        sandbox.config().display().to_string(),
        "--data-dir".into(),
        sandbox.data_dir().display().to_string(),
    ]
    .into()
}

/// The app running in a pseudo-terminal, its screen kept up to date by a background reader.
pub struct Tui {
    pub child: Box<dyn portable_pty::Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    pub master: Box<dyn MasterPty + Send>,
    pub parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    reader_done: Receiver<()>,
    started: Instant,
    /// The test's config and data folder; kept until the app is done with them.
    pub sandbox: Sandbox,
}

impl Tui {
    /// Starts `unknot --config ... --data-dir ... ARGS` in a `rows` x `cols` terminal.
    pub fn start(sandbox: Sandbox, args: &[&str], rows: u16, cols: u16) -> Tui {
        Tui::start_with_env(sandbox, args, rows, cols, &[])
    }

    /// As `start`, but as a job of a shell with job control, as a person at a prompt starts
    /// it: the shell runs `then` after unknot stops or ends (`read; fg` brings it back after a
    /// line is typed). `pid()` is the shell's; `job_pid()` finds unknot's.
    pub fn start_as_job(sandbox: Sandbox, args: &[&str], rows: u16, cols: u16, then: &str) -> Tui {
        Tui::start_in_bash(
            sandbox,
            args,
            rows,
            cols,
            &format!("set -m; \"$0\" \"$@\"; {then}"),
        )
    }

    /// As `start_as_job`, but under a shell without job control, as `sh -c` in a launcher runs a
    /// program: unknot shares the shell's process group, and nothing could bring it back after a
    /// stop.
    pub fn start_under_shell(sandbox: Sandbox, args: &[&str], rows: u16, cols: u16) -> Tui {
        Tui::start_in_bash(sandbox, args, rows, cols, "\"$0\" \"$@\"; true")
    }

    /// As `start`, but unknot may not dump core: for tests that end it with a signal that
    /// would leave a core file behind. `pid()` is unknot's.
    pub fn start_without_core_dumps(sandbox: Sandbox, args: &[&str], rows: u16, cols: u16) -> Tui {
        Tui::start_in_bash(sandbox, args, rows, cols, "ulimit -c 0; exec \"$0\" \"$@\"")
    }

    /// bash running `script`, with unknot and its arguments as `$0` and `$@`.
    fn start_in_bash(sandbox: Sandbox, args: &[&str], rows: u16, cols: u16, script: &str) -> Tui {
        let mut shell = vec![
            "--norc".to_string(),
            "--noprofile".into(),
            "-c".into(),
            script.to_string(),
        ];
        shell.push(BIN.into());
        shell.extend(sandbox_flags(&sandbox));
        shell.extend(args.iter().map(ToString::to_string));
        Tui::spawn("bash", sandbox, &shell, rows, cols, &[], &[])
    }

    /// The pid of unknot, started by `start_as_job` or `start_under_shell`.
    pub fn job_pid(&self) -> u32 {
        let shell = self.pid();
        let deadline = Instant::now() + timeout();
        loop {
            let children = std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children"))
                .unwrap_or_default();
            if let Some(pid) = children.split_whitespace().next() {
                return pid.parse().expect("a pid");
            }
            assert!(Instant::now() < deadline, "the shell started nothing");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// As `start`, with extra environment variables.
    pub fn start_with_env(
        sandbox: Sandbox,
        args: &[&str],
        rows: u16,
        cols: u16,
        env: &[(&str, &str)],
    ) -> Tui {
        let mut all = sandbox_flags(&sandbox);
        all.extend(args.iter().map(ToString::to_string));
        Tui::spawn(BIN, sandbox, &all, rows, cols, env, &[])
    }

    /// As `start`, with the environment variables `removed` (`TERM`, say) unset.
    pub fn start_without_env(
        sandbox: Sandbox,
        args: &[&str],
        rows: u16,
        cols: u16,
        removed: &[&str],
    ) -> Tui {
        let mut all = sandbox_flags(&sandbox);
        all.extend(args.iter().map(ToString::to_string));
        Tui::spawn(BIN, sandbox, &all, rows, cols, &[], removed)
    }

    fn spawn(
        program: &str,
        sandbox: Sandbox,
        args: &[String],
        rows: u16,
        cols: u16,
        env: &[(&str, &str)],
        removed: &[&str],
    ) -> Tui {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.cwd(MANIFEST_DIR);
        cmd.env("TERM", "xterm-256color");
        cmd.env("HOME", sandbox.path());
        cmd.env("UNKNOT_CONFIG", sandbox.config());
        cmd.env("UNKNOT_DATA_DIR", sandbox.data_dir());
        cmd.env_remove("NO_COLOR");
        for (key, value) in env {
            cmd.env(key, value);
        }
        for key in removed {
            cmd.env_remove(key);
        }
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
            started: Instant::now(),
            sandbox,
        }
    }

    /// Waits until the app has run for at least `SOUND_SETTLE`, so that the sound device has
    /// finished opening (or failing to) before the app is left. Leaving sooner lets the sound
    /// system's messages through onto the terminal (an app bug with its own ignored test).
    pub fn let_sound_settle(&self) {
        std::thread::sleep(SOUND_SETTLE.saturating_sub(self.started.elapsed()));
    }

    /// Resizes the terminal (and the emulator reading it) to `rows` x `cols`.
    pub fn resize(&mut self, rows: u16, cols: u16) {
        self.parser
            .lock()
            .expect("parser lock")
            .screen_mut()
            .set_size(rows, cols);
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize the terminal");
    }

    /// How many cells of the screen have a foreground or background colour.
    pub fn count_coloured_cells(&self) -> usize {
        let parser = self.parser.lock().expect("parser lock");
        let screen = parser.screen();
        let (rows, cols) = screen.size();
        (0..rows)
            .flat_map(|r| (0..cols).map(move |c| (r, c)))
            .filter_map(|(r, c)| screen.cell(r, c))
            .filter(|cell| {
                cell.fgcolor() != vt100::Color::Default || cell.bgcolor() != vt100::Color::Default
            })
            .count()
    }

    pub fn screen(&self) -> String {
        self.parser.lock().expect("parser lock").screen().contents()
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("child pid")
    }

    /// Waits until `ready` holds for the screen's text, and returns that text.
    pub fn wait_until(&mut self, what: &str, ready: impl Fn(&str) -> bool) -> String {
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

    pub fn wait_for(&mut self, text: &str) -> String {
        self.wait_until(&format!("{text:?}"), |s| s.contains(text))
    }

    /// Waits until every one of `texts` is on the screen at once, and returns the screen. A
    /// frame reaches the terminal in pieces, so waiting for one part says nothing of the rest.
    pub fn wait_for_all(&mut self, texts: &[&str]) -> String {
        self.wait_until(&format!("all of {texts:?}"), |s| {
            texts.iter().all(|t| s.contains(t))
        })
    }

    /// Types one key; the pause keeps escape sequences from running into each other.
    pub fn key(&mut self, key: &str) {
        self.writer.write_all(key.as_bytes()).expect("type a key");
        self.writer.flush().expect("flush keys");
        std::thread::sleep(Duration::from_millis(50));
    }

    /// Waits for the quick safety check and answers it with Enter: nothing new.
    pub fn pass_quick_check(&mut self) {
        self.wait_for(QUICK_TITLE);
        self.key(ENTER);
        self.wait_until("the quick safety check to close", |s| {
            !s.contains(QUICK_TITLE)
        });
    }

    /// Passes the quick safety check (a sandbox from `Sandbox::screened`), then waits for the
    /// questions before a session and skips them all with Esc.
    pub fn skip_before(&mut self) {
        self.pass_quick_check();
        self.wait_for(BEFORE_TITLE);
        self.wait_for(PAIN_QUESTION);
        self.key(ESC);
        self.wait_until("the questions before the session to close", |s| {
            !s.contains(BEFORE_TITLE)
        });
    }

    /// Waits for the questions after a session and skips them all with Esc.
    pub fn skip_after(&mut self) {
        self.wait_for(AFTER_TITLE);
        self.key(ESC);
        self.wait_until("the questions after the session to close", |s| {
            !s.contains(AFTER_TITLE)
        });
    }

    fn wait_status(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + timeout();
        loop {
            if let Some(status) = self.child.try_wait().expect("wait for unknot") {
                return status;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("unknot did not exit\n--- screen ---\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits for the exit and for the last of the output; returns the exit code and all output.
    pub fn wait_exit(&mut self) -> (u32, Vec<u8>) {
        let status = self.wait_status();
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

    /// Waits for the exit, checks its code and that the terminal was given back as it was found.
    pub fn assert_exit_restored(&mut self, code: u32) {
        let (got, raw) = self.wait_exit();
        assert_eq!(got, code, "screen:\n{}", self.screen());
        assert_terminal_restored(&raw);
    }

    /// Waits for a process that was killed by a signal; fails if it exited by itself.
    pub fn wait_killed(&mut self) {
        let status = self.wait_status();
        assert!(
            status.signal().is_some(),
            "unknot exited by itself instead of being killed: {status:?}"
        );
    }

    /// Waits for a process killed by a signal and for the last of its output; returns how the
    /// signal is described (as `strsignal` says it: "Aborted") and all output.
    pub fn wait_killed_output(&mut self) -> (String, Vec<u8>) {
        let status = self.wait_status();
        let Some(signal) = status.signal() else {
            panic!("unknot exited by itself instead of being killed: {status:?}");
        };
        let signal = signal.to_string();
        self.reader_done
            .recv_timeout(timeout())
            .expect("the terminal's output ends after the exit");
        (signal, self.raw.lock().expect("raw lock").clone())
    }

    /// Everything unknot has written to the terminal so far.
    pub fn output(&self) -> Vec<u8> {
        self.raw.lock().expect("raw lock").clone()
    }

    /// Local mode flags of the terminal, such as ICANON and ECHO, by name.
    pub fn local_flags(&self) -> Vec<String> {
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

pub fn find(haystack: &[u8], needle: &[u8]) -> Vec<usize> {
    haystack
        .windows(needle.len())
        .enumerate()
        .filter(|(_, w)| *w == needle)
        .map(|(i, _)| i)
        .collect()
}

/// The output entered the alternate screen and its last act was to leave it: after the final
/// ESC[?1049l come at most a few control sequences (cursor shown, modes reset), no drawing.
pub fn assert_terminal_restored(raw: &[u8]) {
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
pub fn seconds_left_of(screen: &str, of: &str) -> Option<u64> {
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
