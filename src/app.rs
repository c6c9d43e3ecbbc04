//! The full-screen loop: sleep until the next deadline or input, feed the session, carry out its
//! effects, draw. The terminal is restored on every way out.

use std::io::Stdout;
use std::sync::mpsc::RecvTimeoutError;
use std::time::Instant;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::{DefaultTerminal, Frame};

use crate::audio::Bell;
use crate::error::AppError;
use crate::input::{self, Input};
use crate::routine::Routine;
use crate::session::{Effect, Event, Key, Overlay, PhaseKind, Record, Session};
use crate::summary::Summary;
use crate::ui::{self, Theme, home::Home};

pub enum Screen {
    Home(Home),
    Session {
        session: Session,
        records: Vec<Record>,
    },
    Summary(Summary),
}

pub struct App {
    screen: Screen,
    /// Where the summary returns to; `None` when started straight into a routine.
    home: Option<Home>,
    theme: Theme,
    bell: Bell<Stdout>,
    /// The signal that ended the app, if one did.
    signal: Option<i32>,
    done: bool,
}

/// Owns the terminal while the app runs; dropping it restores the terminal, whatever the path out.
struct TerminalGuard(DefaultTerminal);

impl TerminalGuard {
    fn enter() -> std::io::Result<TerminalGuard> {
        match ratatui::try_init() {
            Ok(terminal) => Ok(TerminalGuard(terminal)),
            Err(e) => {
                ratatui::restore();
                Err(e)
            }
        }
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        ratatui::restore();
    }
}

/// Runs the app from the home screen or straight into a routine. Returns the signal that
/// stopped it, if any.
pub fn run(home: Home, routine: Option<Routine>, mute: bool) -> Result<Option<i32>, AppError> {
    let (tx, rx) = input::channel_pair();
    input::watch_signals(tx.clone()).map_err(AppError::Terminal)?;
    let mut terminal = TerminalGuard::enter().map_err(AppError::Terminal)?;
    input::watch_terminal(tx);

    let bell = Bell::new((!mute).then(std::io::stdout));
    let mut app = App::new(home, routine, Theme::from_env(), bell, Instant::now());
    let mut redraw = true;
    loop {
        let now = Instant::now();
        if redraw {
            terminal
                .0
                .draw(|frame| app.draw(frame, now))
                .map_err(AppError::Terminal)?;
        }
        if app.done {
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
            Ok(Input::Key(key)) => app.on_key(key, now),
            Ok(Input::Signal(signal)) => {
                app.on_signal(signal, now);
                false
            }
            // The terminal went away: nobody is left to follow the session.
            Ok(Input::Closed) | Err(RecvTimeoutError::Disconnected) => {
                app.on_signal(signal_hook::consts::SIGHUP, now);
                false
            }
            Ok(Input::Resize) => true,
            Ok(Input::Line(_)) => false,
            Err(RecvTimeoutError::Timeout) => {
                app.feed(Event::Tick, now);
                true
            }
        };
    }
    Ok(app.signal)
}

impl App {
    pub fn new(
        home: Home,
        routine: Option<Routine>,
        theme: Theme,
        bell: Bell<Stdout>,
        now: Instant,
    ) -> App {
        let mut app = App {
            screen: Screen::Home(home.clone()),
            home: Some(home),
            theme,
            bell,
            signal: None,
            done: false,
        };
        if let Some(routine) = routine {
            app.home = None;
            app.start(routine, now);
        }
        app
    }

    pub fn draw(&self, frame: &mut Frame, now: Instant) {
        let area = frame.area();
        let buf = frame.buffer_mut();
        if ui::too_small(area) {
            ui::render_too_small(area, buf, &self.theme);
            return;
        }
        match &self.screen {
            Screen::Home(home) => ui::home::render(home, &self.theme, area, buf),
            Screen::Session { session, .. } => {
                ui::session::render(session, now, &self.theme, area, buf)
            }
            Screen::Summary(summary) => {
                ui::summary::render(summary, self.home.is_some(), &self.theme, area, buf)
            }
        }
    }

    fn next_wakeup(&self, now: Instant) -> Option<Instant> {
        match &self.screen {
            Screen::Session { session, .. } => session.next_wakeup(now),
            _ => None,
        }
    }

    fn start(&mut self, routine: Routine, now: Instant) {
        let (session, fx) = Session::begin(routine, now);
        self.screen = Screen::Session {
            session,
            records: Vec::new(),
        };
        self.carry_out(fx);
    }

    /// Returns whether the key did anything.
    fn on_key(&mut self, key: KeyEvent, now: Instant) -> bool {
        let ctrl_c =
            key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c');
        match &mut self.screen {
            Screen::Home(home) => match key.code {
                _ if ctrl_c => self.done = true,
                KeyCode::Up | KeyCode::Char('k') => home.up(),
                KeyCode::Down | KeyCode::Char('j') => home.down(),
                KeyCode::Enter | KeyCode::Char(' ') => {
                    if let Some(entry) = home.chosen() {
                        self.home = Some(home.clone());
                        let routine = entry.routine.clone();
                        self.start(routine, now);
                    }
                }
                KeyCode::Char('q') | KeyCode::Esc => self.done = true,
                _ => return false,
            },
            Screen::Session { session, .. } => {
                if ctrl_c {
                    // Ctrl-C is deliberate: stop at once, no question.
                    self.feed(Event::Key(Key::Quit), now);
                    self.feed(Event::Key(Key::Yes), now);
                } else if let Some(event) = session_event(key, session) {
                    self.feed(event, now);
                } else {
                    return false;
                }
            }
            Screen::Summary(_) => match key.code {
                KeyCode::Char('q') | KeyCode::Esc => self.done = true,
                KeyCode::Enter | KeyCode::Char(' ') => match &self.home {
                    Some(home) => self.screen = Screen::Home(home.clone()),
                    None => self.done = true,
                },
                _ if ctrl_c => self.done = true,
                _ => return false,
            },
        }
        true
    }

    fn on_signal(&mut self, signal: i32, now: Instant) {
        self.feed(Event::Interrupt, now);
        self.signal = Some(signal);
        self.done = true;
    }

    fn feed(&mut self, event: Event, now: Instant) {
        if let Screen::Session { session, .. } = &mut self.screen {
            let fx = session.handle(event, now);
            self.carry_out(fx);
        }
    }

    fn carry_out(&mut self, fx: Vec<Effect>) {
        let Screen::Session { session, records } = &mut self.screen else {
            return;
        };
        let mut cues = Vec::new();
        let mut ended = false;
        for effect in fx {
            match effect {
                Effect::Cue(cue) => cues.push(cue),
                Effect::Record(record) => records.push(record),
                Effect::Quit(_) => ended = true,
                // Spoken announcements come with the voice settings; the screen shows the same facts.
                Effect::Announce(_) => {}
            }
        }
        self.bell.play(&cues);
        if ended {
            let summary = Summary::new(session.routine(), records);
            self.screen = Screen::Summary(summary);
        }
    }
}

/// The keyboard, read in the context of what the session shows.
fn session_event(key: KeyEvent, session: &Session) -> Option<Event> {
    let k = |key| Some(Event::Key(key));
    if session.overlay() == Some(Overlay::ConfirmQuit) {
        return match key.code {
            KeyCode::Char('y' | 'Y' | 'q') | KeyCode::Enter => k(Key::Yes),
            KeyCode::Char('n' | 'N' | ' ') | KeyCode::Esc => k(Key::Back),
            _ => None,
        };
    }
    if session.awaiting_check_in() && session.overlay().is_none() {
        match key.code {
            KeyCode::Char(c @ '0'..='9') => {
                return Some(Event::CheckIn(c.to_digit(10).map(|d| d as u8)));
            }
            KeyCode::Char('t' | 'T') => return Some(Event::CheckIn(Some(10))),
            KeyCode::Enter => return Some(Event::CheckIn(None)),
            _ => {}
        }
    }
    match key.code {
        KeyCode::Char(' ') => k(Key::Space),
        KeyCode::Enter if session.phase().kind == PhaseKind::Ready => k(Key::Space),
        KeyCode::Right | KeyCode::Char('n') => k(Key::Next),
        KeyCode::Left | KeyCode::Char('p') => k(Key::Previous),
        KeyCode::Char('+' | '=') => k(Key::MoreTime),
        KeyCode::Char('-' | '_') => k(Key::LessTime),
        KeyCode::Char('q') => k(Key::Quit),
        KeyCode::Char('?') => k(Key::Help),
        KeyCode::Esc => k(Key::Back),
        _ => None,
    }
}
