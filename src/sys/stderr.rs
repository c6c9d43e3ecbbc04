//! unknot's own lines on stderr, and keeping other libraries' lines off the screen. With no
//! sound card, ALSA and the audio crates print lines like "ALSA lib ... cannot find card" to
//! stderr, right over the session. While unknot owns the terminal, stderr goes into a pipe whose
//! text is kept for `--verbose`.

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{AsFd, OwnedFd};
use std::sync::{Arc, Mutex};
use std::thread;

pub struct StderrCapture {
    /// The real stderr, to put back.
    saved: Arc<OwnedFd>,
    captured: Arc<Mutex<Vec<u8>>>,
    restored: bool,
}

impl StderrCapture {
    /// Starts catching what is written to stderr (by the sound system, say) until stopped.
    ///
    /// # Errors
    /// The error of duplicating stderr, making the pipe or starting its reader.
    pub fn start() -> std::io::Result<StderrCapture> {
        let saved = Arc::new(rustix::io::dup(std::io::stderr().as_fd())?);
        let (read, write) = rustix::pipe::pipe()?;
        rustix::stdio::dup2_stderr(&write)?;
        drop(write);
        let captured = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&captured);
        thread::Builder::new()
            .name("unknot-stderr".into())
            .spawn(move || {
                let mut pipe = File::from(read);
                let mut chunk = [0u8; 4096];
                while let Ok(n @ 1..) = pipe.read(&mut chunk) {
                    if let Ok(mut text) = sink.lock() {
                        text.extend_from_slice(&chunk[..n]);
                    }
                }
            })?;
        // The message of a panic that ends unknot (one on this thread) must reach the person,
        // not the pipe. Another thread's panic ends that thread alone: its message is kept
        // with the rest, rather than written over the screen.
        let for_panic = Arc::clone(&saved);
        let owner = thread::current().id();
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if thread::current().id() == owner {
                let _ = rustix::stdio::dup2_stderr(&*for_panic);
            }
            previous(info);
        }));
        Ok(StderrCapture {
            saved,
            captured,
            restored: false,
        })
    }

    /// The real stderr, for what unknot itself has to say while the capture runs.
    ///
    /// # Errors
    /// The error of duplicating the saved stderr.
    pub fn real_stderr(&self) -> std::io::Result<File> {
        Ok(File::from(rustix::io::dup(&*self.saved)?))
    }

    /// Puts stderr back and returns what was caught, line by line.
    pub fn stop(mut self) -> Vec<String> {
        self.restore();
        // Give the reader a moment to drain what was written just before.
        thread::sleep(std::time::Duration::from_millis(20));
        let text = self.captured.lock().map(|t| t.clone()).unwrap_or_default();
        String::from_utf8_lossy(&text)
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(String::from)
            .collect()
    }

    fn restore(&mut self) {
        if !self.restored {
            self.restored = true;
            let _ = rustix::stdio::dup2_stderr(&*self.saved);
        }
    }
}

impl Drop for StderrCapture {
    fn drop(&mut self) {
        self.restore();
    }
}

/// One line on stderr, as unknot speaks there; a terminal already gone (closed under a stopped
/// session, say) is not worth a panic.
pub fn say(message: &str) {
    let _ = writeln!(
        std::io::stderr(),
        "unknot: {}",
        crate::printable::shown(message)
    );
}

/// Puts stderr back; with `verbose`, shows what the sound system said meanwhile.
pub fn release(capture: Option<StderrCapture>, verbose: bool) {
    let Some(capture) = capture else {
        return;
    };
    let lines = capture.stop();
    if verbose {
        let mut err = std::io::stderr();
        for line in lines {
            let _ = writeln!(err, "{line}");
        }
    }
}
