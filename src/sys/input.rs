//! Everything that can wake the app, merged into one channel: keys, resizes, lines of text, signals.
//! The app sleeps on that channel until the next deadline, so it never polls.

use std::io::BufRead;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread;

use ratatui::crossterm::event::{
    self, Event as TermEvent, KeyCode, KeyEvent, KeyEventKind, KeyModifiers,
};
use signal_hook::consts::{SIGCONT, SIGTSTP};
use signal_hook::iterator::exfiltrator::WithOrigin;
use signal_hook::iterator::{Signals, SignalsInfo};
use signal_hook::low_level::siginfo::Cause;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Key(KeyEvent),
    Resize,
    Line(String),
    /// Standard input or the terminal has no more to give.
    Closed,
    /// One of the [`ending_signals`], by number.
    Signal(i32),
    /// The sound device opened, or could not (and why).
    Audio(Result<(), String>),
    /// Asked to stop for a while: Ctrl-Z (a key in raw mode, SIGTSTP otherwise) or
    /// `kill -TSTP`. Ctrl-Z only comes when a shell could bring unknot back; see
    /// [`can_be_resumed`].
    Suspend,
    /// SIGCONT: running again after a stop, whoever stopped it.
    Continued,
    /// The history has been read on its own thread; what was read waits on the app's side.
    HistoryRead,
}

pub fn channel_pair() -> (Sender<Input>, Receiver<Input>) {
    channel()
}

/// The signals that end a program unless it handles them, and that only ask unknot to end: each
/// is handled as SIGTERM is, the session recorded as interrupted, the terminal given back, and
/// exit 128 + its number. Not among them: SIGPIPE and SIGXFSZ, ignored so that a write fails
/// with an error unknot can say instead; the signals that mean the process is broken (SIGABRT,
/// SIGSEGV, SIGBUS, SIGILL, SIGFPE), after which only the terminal is given back
/// (`sys::terminal`); and SIGKILL, which no program can catch.
pub fn ending_signals() -> Vec<libc::c_int> {
    let mut signals = vec![
        libc::SIGHUP,
        libc::SIGINT,
        libc::SIGQUIT,
        libc::SIGTRAP,
        libc::SIGUSR1,
        libc::SIGUSR2,
        libc::SIGALRM,
        libc::SIGTERM,
        libc::SIGXCPU,
        libc::SIGVTALRM,
        libc::SIGPROF,
        libc::SIGSYS,
    ];
    // Linux ends a program on these too; elsewhere SIGIO is ignored and the others do not exist.
    #[cfg(any(target_os = "linux", target_os = "android"))]
    {
        signals.extend([libc::SIGSTKFLT, libc::SIGIO, libc::SIGPWR]);
        signals.extend(libc::SIGRTMIN()..=libc::SIGRTMAX());
    }
    signals
}

/// Turns the [`ending_signals`] into inputs, so the app can record and restore before exiting.
pub fn watch_signals(tx: Sender<Input>) -> std::io::Result<()> {
    let mut signals = Signals::new(ending_signals())?;
    thread::spawn(move || {
        for signal in signals.forever() {
            if tx.send(Input::Signal(signal)).is_err() {
                break;
            }
        }
    });
    Ok(())
}

/// Turns SIGTSTP and SIGCONT into inputs, so the app can give the terminal back before it
/// stops, and take it again when it runs on.
pub fn watch_suspend(tx: Sender<Input>) -> std::io::Result<()> {
    let mut signals = SignalsInfo::<WithOrigin>::new([SIGTSTP, SIGCONT])?;
    thread::spawn(move || {
        for origin in signals.forever() {
            // A stop sent by a program (`kill -TSTP`) is kept, as the kernel keeps it: whoever
            // sent it can continue unknot. One from the terminal (Ctrl-Z) only where a shell can.
            let sent = matches!(origin.cause, Cause::Sent(_));
            let input = if origin.signal != SIGTSTP {
                Input::Continued
            } else if sent || can_be_resumed() {
                Input::Suspend
            } else {
                continue;
            };
            if tx.send(input).is_err() {
                break;
            }
        }
    });
    Ok(())
}

/// A file-size limit (`ulimit -f`) makes a write past it fail with an error the history can
/// report and recover from, instead of SIGXFSZ ending the session.
pub fn survive_file_size_limit() -> std::io::Result<()> {
    signal_hook::flag::register(
        signal_hook::consts::SIGXFSZ,
        std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false)),
    )
    .map(drop)
}

/// Whether a shell could bring unknot back after a stop (`fg`). The kernel drops a terminal's
/// stop for a process group that no shell is watching over, since a stop would be for good and
/// the terminal would simply hang; unknot drops Ctrl-Z in the same case. A job-control shell
/// gives every job a process group of its own, so no shell is watching over unknot when:
/// - its group is the session leader's (started as a terminal window's own program, or by a
///   `sh -c` that has no job control), or
/// - it leads its group and its parent is not in the same session, in another group.
///
/// Other members of a job's group are not asked about, since that needs /proc: a job that
/// unknot does not lead (the end of a pipe) counts as watched over, as it nearly always is.
pub fn can_be_resumed() -> bool {
    // Raw calls, not rustix's: a process whose group or session began outside this pid namespace
    // (a container, for one) reads as 0, which rustix's non-zero `Pid` may not hold.
    // SAFETY: each call takes and returns plain integers and touches no memory.
    let (group, session, me, parent) = unsafe {
        (
            libc::getpgrp(),
            libc::getsid(0),
            libc::getpid(),
            libc::getppid(),
        )
    };
    if group == session {
        return false;
    }
    if group != me {
        return true;
    }
    if parent <= 0 {
        return false;
    }
    // SAFETY: as above.
    let (theirs, their_session) = unsafe { (libc::getpgid(parent), libc::getsid(parent)) };
    theirs >= 0 && their_session >= 0 && theirs != group && their_session == session
}

fn is_suspend(key: &KeyEvent) -> bool {
    key.kind == KeyEventKind::Press
        && key.modifiers.contains(KeyModifiers::CONTROL)
        && key.code == KeyCode::Char('z')
}

/// Stops the process as SIGTSTP would have without a handler; returns once it is continued.
pub fn stop_now() -> std::io::Result<()> {
    signal_hook::low_level::emulate_default_handler(SIGTSTP)
}

/// Key presses (releases and repeats are dropped) and resizes from the terminal. Raw mode turns
/// Ctrl-Z into a key; it means what it means in any terminal program.
pub fn watch_terminal(tx: Sender<Input>) {
    thread::spawn(move || {
        loop {
            let input = match event::read() {
                Ok(TermEvent::Key(key)) if is_suspend(&key) => {
                    if !can_be_resumed() {
                        continue;
                    }
                    Input::Suspend
                }
                Ok(TermEvent::Key(key)) if key.kind == KeyEventKind::Press => Input::Key(key),
                Ok(TermEvent::Resize(..)) => Input::Resize,
                Ok(_) => continue,
                Err(_) => Input::Closed,
            };
            let ended = input == Input::Closed;
            if tx.send(input).is_err() || ended {
                break;
            }
        }
    });
}

/// Lines of standard input, then `Closed`.
pub fn watch_lines(tx: Sender<Input>, input: impl BufRead + Send + 'static) {
    thread::spawn(move || {
        for line in input.lines() {
            let Ok(line) = line else { break };
            if tx.send(Input::Line(line)).is_err() {
                return;
            }
        }
        let _ = tx.send(Input::Closed);
    });
}
