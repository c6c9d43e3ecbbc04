//! The terminal unknot draws on: whether the full screen can be drawn there at all, and giving it
//! back as it was found when unknot ends in a way its loop never sees. Signals that ask unknot
//! to end go through the loop (`sys::input`), which records the session's end and restores the
//! terminal on its way out; a panic, or a signal meaning the process itself is broken (SIGABRT
//! from `abort`, SIGSEGV, SIGBUS, SIGILL, SIGFPE), cannot wait for the loop, so the terminal is
//! put back here before the process ends.

use std::ffi::OsStr;
use std::io::{self, IsTerminal};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Once, OnceLock};
use std::thread;

/// Whether the full screen can be drawn: standard output is a terminal, and `TERM` names a kind
/// of terminal that can move its cursor ([`draws`]). Otherwise unknot speaks in plain lines.
pub fn can_draw() -> bool {
    io::stdout().is_terminal() && draws(std::env::var_os("TERM").as_deref())
}

/// Whether the terminal's font likely has braille, which figures are drawn in: not on the Linux
/// console (`TERM=linux`), whose fonts hold 256 or 512 characters and no braille.
pub fn has_braille() -> bool {
    std::env::var_os("TERM").is_none_or(|t| t != "linux")
}

/// Whether a terminal of type `term` can be drawn on. `dumb` (an Emacs shell buffer, an editor's
/// output pane) shows lines of text and nothing more; with `TERM` unset or empty nothing is
/// known of what the terminal understands, and git and ncurses take it as `dumb` too.
fn draws(term: Option<&OsStr>) -> bool {
    term.is_some_and(|t| !t.is_empty() && t != "dumb")
}

/// The signals that mean the process is broken: nothing after them can be trusted to run but a
/// few system calls, so only the terminal is put back before they end unknot.
const BROKEN: [libc::c_int; 5] = [
    libc::SIGABRT,
    libc::SIGSEGV,
    libc::SIGBUS,
    libc::SIGILL,
    libc::SIGFPE,
];

/// Attributes reset, the cursor shown, the alternate screen left.
const GIVE_BACK: &[u8] = b"\x1b[0m\x1b[?25h\x1b[?1049l";

/// The terminal's settings as unknot first found them, before raw mode.
static FOUND: OnceLock<libc::termios> = OnceLock::new();

/// Whether the terminal is in unknot's hands: raw mode, the alternate screen.
static TAKEN: AtomicBool = AtomicBool::new(false);

/// Notes the terminal's settings before unknot changes them, and sees that a panic on this
/// thread or a signal in [`BROKEN`] puts them back. Call [`taken`] once they are changed.
///
/// # Errors
/// The error of reading the terminal's settings or of setting a signal's handler.
pub fn before_taking() -> io::Result<()> {
    static INSTALLED: Once = Once::new();
    let mut found = std::mem::MaybeUninit::<libc::termios>::uninit();
    // SAFETY: tcgetattr fills in the termios it is given, or fails and leaves it unread.
    if unsafe { libc::tcgetattr(libc::STDOUT_FILENO, found.as_mut_ptr()) } != 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: tcgetattr succeeded, so every field is set.
    let _ = FOUND.set(unsafe { found.assume_init() });
    let mut installed = Ok(());
    INSTALLED.call_once(|| {
        installed = BROKEN.into_iter().try_for_each(give_back_on);
        give_back_on_panic();
    });
    installed
}

/// Says that the terminal is now in unknot's hands (`true`), or that it has been put back
/// (`false`).
pub fn taken(now: bool) {
    TAKEN.store(now, Ordering::SeqCst);
}

/// Whether the terminal was still to be put back; from then on it counts as put back. The
/// app's own way out asks this first, so the terminal is given back once, whoever does it.
pub fn release() -> bool {
    TAKEN.swap(false, Ordering::SeqCst)
}

/// Puts the terminal back as found, if it is still in unknot's hands. Safe in a signal handler:
/// an atomic swap and two system calls, no lock and no allocation.
fn give_back() {
    if !release() {
        return;
    }
    // SAFETY: write and tcsetattr are async-signal-safe; the buffer and the termios are statics
    // that live as long as the process.
    unsafe {
        let _ = libc::write(
            libc::STDOUT_FILENO,
            GIVE_BACK.as_ptr().cast(),
            GIVE_BACK.len(),
        );
        if let Some(found) = FOUND.get() {
            let _ = libc::tcsetattr(libc::STDOUT_FILENO, libc::TCSANOW, found);
        }
    }
}

extern "C" fn give_back_and_end(signal: libc::c_int) {
    give_back();
    // The handler was reset to the default as it was entered (SA_RESETHAND): the signal raised
    // again is delivered once this returns, and ends unknot as it would have.
    // SAFETY: raise is async-signal-safe.
    unsafe {
        libc::raise(signal);
    }
}

fn give_back_on(signal: libc::c_int) -> io::Result<()> {
    // SAFETY: a zeroed sigaction is a valid one to fill in; the handler only makes
    // async-signal-safe calls; SA_ONSTACK lets it run even when a stack overflow caused it.
    unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = give_back_and_end as extern "C" fn(libc::c_int) as libc::sighandler_t;
        action.sa_flags = libc::SA_ONSTACK | libc::SA_RESETHAND;
        libc::sigemptyset(&raw mut action.sa_mask);
        if libc::sigaction(signal, &raw const action, std::ptr::null_mut()) != 0 {
            return Err(io::Error::last_os_error());
        }
    }
    Ok(())
}

/// A panic on the thread that took the terminal ends unknot, so the terminal is put back before
/// the panic's message is shown. A panic on another thread (the sound's, say) ends that thread
/// alone, and the screen stays with the app.
fn give_back_on_panic() {
    let owner = thread::current().id();
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if thread::current().id() == owner {
            give_back();
        }
        previous(info);
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dumb_or_unnamed_terminal_is_not_drawn_on() {
        for term in [None, Some(""), Some("dumb")] {
            assert!(!draws(term.map(OsStr::new)), "{term:?}");
        }
        for term in [
            "xterm-256color",
            "linux",
            "screen",
            "tmux-256color",
            "vt100",
        ] {
            assert!(draws(Some(OsStr::new(term))), "{term}");
        }
    }
}
