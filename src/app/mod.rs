//! The full-screen front end: the terminal, restored on every way out, and the loop that sleeps
//! until the next deadline or input, hands it to the screen, and draws when something changed.

mod desk;
mod draw;
mod screen;
#[cfg(test)]
mod tests;

use std::io::Stdout;
use std::sync::mpsc::{RecvTimeoutError, Sender};
use std::time::Instant;

use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::{DefaultTerminal, Frame};

pub use desk::DeskSetup;
pub use screen::{Ended, Loaded, Read, Reader, Setup, Start, Want};

use crate::audio::{Audio, AudioSetup, Bell};
use crate::error::AppError;
use crate::sys::input::{self, Input};
use crate::sys::terminal;
use desk::DeskApp;
use screen::App;

/// What the terminal loop drives: the app, or `unknot desk` around it. Each call is given the
/// time; each says whether the screen changed where that is not always so.
trait Front {
    /// The window's size, before each frame.
    fn set_size(&mut self, area: Rect, now: Instant);
    fn draw(&self, frame: &mut Frame, now: Instant);
    fn is_done(&self) -> bool;
    /// When to be woken if nothing happens first; `None` to sleep until something does.
    fn next_wakeup(&self, now: Instant) -> Option<Instant>;
    fn tick(&mut self, now: Instant);
    /// Returns whether the key did anything.
    fn on_key(&mut self, key: &KeyEvent, now: Instant) -> bool;
    fn on_signal(&mut self, signal: i32, now: Instant);
    fn suspend(&mut self, now: Instant);
    fn continued(&mut self, now: Instant);
    fn audio_opened(&mut self, opened: &Result<(), String>);
    /// The history, read on its own thread, is there to take.
    fn take_history(&mut self, now: Instant);
    fn finish(self) -> Ended;
}

/// Runs the app until the person leaves it or a signal ends it.
pub fn run(setup: Setup, audio: AudioSetup) -> Result<Ended, AppError> {
    drive(|tx, now| App::new(setup, start_audio(audio, tx.clone()), now, Some(tx)))
}

/// Runs `unknot desk` until the person leaves it or a signal ends it.
pub fn desk(setup: DeskSetup) -> Result<Ended, AppError> {
    drive(|tx, now| DeskApp::new(setup, tx, now))
}

/// Starts opening the sound device; the loop is woken to say the outcome.
fn start_audio(setup: AudioSetup, tx: Sender<Input>) -> Audio<Stdout> {
    Audio::start(setup, Bell::new(Some(std::io::stdout())), move |opened| {
        // Wakes the loop to say it, if there is no device.
        let _ = tx.send(Input::Audio(opened));
    })
}

/// The terminal loop: sleeps until the next deadline or input, hands it to the front, and
/// draws when something changed.
#[expect(
    clippy::disallowed_methods,
    reason = "the full screen's loop is where its clock lives: it reads the time and gives it to the app"
)]
fn drive<F: Front>(make: impl FnOnce(Sender<Input>, Instant) -> F) -> Result<Ended, AppError> {
    let (tx, rx) = input::channel_pair();
    input::watch_signals(tx.clone()).map_err(AppError::Terminal)?;
    input::watch_suspend(tx.clone()).map_err(AppError::Terminal)?;
    let mut terminal = TerminalGuard::enter().map_err(AppError::Terminal)?;
    input::watch_terminal(tx.clone());

    let mut app = make(tx, Instant::now());
    let mut redraw = true;
    let mut just_resumed = false;
    loop {
        let now = Instant::now();
        if redraw {
            // A window too small to see the countdown in pauses it before the frame is drawn.
            if let Ok(size) = terminal.0.size() {
                app.set_size(Rect::from((ratatui::layout::Position::ORIGIN, size)), now);
            }
            if let Err(e) = terminal.0.draw(|frame| app.draw(frame, now)) {
                // Nobody can follow a session on a terminal that can no longer be drawn on: it
                // ends as on a hang-up, with what was done kept.
                app.on_signal(signal_hook::consts::SIGHUP, now);
                drop(app.finish());
                return Err(AppError::Terminal(e));
            }
        }
        if app.is_done() {
            break;
        }
        let received = match app.next_wakeup(now) {
            Some(wake) => rx.recv_timeout(wake.saturating_duration_since(Instant::now())),
            None => rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        let now = Instant::now();
        // Wake-ups come only when the countdown changes, so each one is worth a frame;
        // a key that means nothing here is not.
        redraw = match received {
            Ok(Input::Suspend) => {
                app.suspend(now);
                let resumed = terminal.suspend();
                just_resumed = resumed.is_ok();
                match resumed {
                    Ok(()) => app.continued(Instant::now()),
                    // Back to a terminal that is gone (closed while stopped): as if it closed now.
                    Err(_) => app.on_signal(signal_hook::consts::SIGHUP, Instant::now()),
                }
                just_resumed
            }
            // The SIGCONT of a resume just handled needs nothing more.
            Ok(Input::Continued) if std::mem::take(&mut just_resumed) => false,
            Ok(Input::Continued) => {
                let taken_back = terminal.take_back().is_ok();
                if !taken_back {
                    app.on_signal(signal_hook::consts::SIGHUP, now);
                }
                taken_back
            }
            Ok(Input::Key(key)) => app.on_key(&key, now),
            Ok(Input::Signal(signal)) => {
                app.on_signal(signal, now);
                false
            }
            // The terminal went away: nobody is left to follow the session.
            Ok(Input::Closed) | Err(RecvTimeoutError::Disconnected) => {
                app.on_signal(signal_hook::consts::SIGHUP, now);
                false
            }
            Ok(Input::Audio(opened)) => {
                app.audio_opened(&opened);
                true
            }
            Ok(Input::Resize) => true,
            Ok(Input::HistoryRead) => {
                app.take_history(now);
                true
            }
            Ok(Input::Line(_)) => false,
            Err(RecvTimeoutError::Timeout) => {
                app.tick(now);
                true
            }
        };
    }
    // The terminal is handed back first: the last cues are heard out over the shell's prompt.
    drop(terminal);
    Ok(app.finish())
}

/// Owns the terminal while the app runs; dropping it restores the terminal, whatever the path out.
/// A panic on this thread, or a signal meaning the process is broken, restores it through
/// `sys::terminal` instead; the terminal is given back once, whoever does it.
struct TerminalGuard(DefaultTerminal);

impl TerminalGuard {
    fn enter() -> std::io::Result<TerminalGuard> {
        terminal::before_taking()?;
        match take() {
            Ok(taken) => Ok(TerminalGuard(taken)),
            Err(e) => {
                give_back();
                Err(e)
            }
        }
    }

    /// Gives the terminal back to the shell, stops until continued (`fg`), then takes it again.
    fn suspend(&mut self) -> std::io::Result<()> {
        give_back();
        input::stop_now()?;
        self.take_back()
    }

    fn take_back(&mut self) -> std::io::Result<()> {
        self.0 = take()?;
        Ok(())
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        give_back();
    }
}

/// Raw mode, the alternate screen and a whole new frame (after a stop, the shell has drawn over
/// the old one). A new `Terminal` rather than `clear()`, which asks the terminal where its
/// cursor is and so waits on the thread that reads keys.
fn take() -> std::io::Result<DefaultTerminal> {
    use ratatui::crossterm::{cursor, execute, terminal as term};
    // Counted as taken from the first change, so that a failure part-way is undone too.
    terminal::taken(true);
    term::enable_raw_mode()?;
    execute!(
        std::io::stdout(),
        term::EnterAlternateScreen,
        term::Clear(term::ClearType::All),
        cursor::Hide
    )?;
    ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(std::io::stdout()))
}

/// The terminal as it was found: raw mode off, the main screen, the cursor shown for the shell's
/// prompt; unless it was given back already. Nothing is left to do if this fails.
fn give_back() {
    use ratatui::crossterm::{cursor, execute, terminal as term};
    if terminal::release() {
        let _ = term::disable_raw_mode();
        let _ = execute!(std::io::stdout(), term::LeaveAlternateScreen, cursor::Show);
    }
}

impl Front for App {
    fn set_size(&mut self, area: Rect, now: Instant) {
        App::set_size(self, area, now);
    }
    fn draw(&self, frame: &mut Frame, now: Instant) {
        App::draw(self, frame, now);
    }
    fn is_done(&self) -> bool {
        App::is_done(self)
    }
    fn next_wakeup(&self, now: Instant) -> Option<Instant> {
        App::next_wakeup(self, now)
    }
    fn tick(&mut self, now: Instant) {
        App::tick(self, now);
    }
    fn on_key(&mut self, key: &KeyEvent, now: Instant) -> bool {
        App::on_key(self, key, now)
    }
    fn on_signal(&mut self, signal: i32, now: Instant) {
        App::on_signal(self, signal, now);
    }
    fn suspend(&mut self, now: Instant) {
        App::suspend(self, now);
    }
    fn continued(&mut self, now: Instant) {
        App::continued(self, now);
    }
    fn audio_opened(&mut self, opened: &Result<(), String>) {
        App::audio_opened(self, opened);
    }
    fn take_history(&mut self, now: Instant) {
        App::take_history(self, now);
    }
    fn finish(self) -> Ended {
        App::finish(self)
    }
}
