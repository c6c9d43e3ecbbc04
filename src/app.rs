//! The full-screen loop: sleep until the next deadline or input, feed the session and the
//! check-in forms, carry out their effects, draw. The terminal is restored on every way out.

use std::io::Stdout;
use std::sync::mpsc::RecvTimeoutError;
use std::time::Instant;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::text::Line;
use ratatui::widgets::{Block, Widget};
use ratatui::{DefaultTerminal, Frame};

use crate::audio::{Audio, AudioSetup, Bell};
use crate::checkin::{self, Form, FormKey, Progress};
use crate::error::AppError;
use crate::history::{History, Store};
use crate::history::{SafetyCheck, SafetyResult};
use crate::input::{self, Input};
use crate::recorder::Recorder;
use crate::routine::Routine;
use crate::safety::{self, Answer, Screening, Stage};
use crate::session::{Effect, Event, Key, Outcome, Overlay, PainChoice, PhaseKind, Session};
use crate::summary::Summary;
use crate::text;
use crate::trace::Trace;
use crate::ui::review::{Review, ReviewAction};
use crate::ui::{self, Theme, home::Home};

pub enum Screen {
    Home(Home),
    /// The red-flag questions, before anything else.
    Safety {
        routine: Routine,
        screening: Screening,
        /// The self-massage cautions come next.
        cautions: bool,
    },
    /// The self-massage cautions, once, before the first routine with a ball or roller.
    Cautions {
        routine: Routine,
    },
    /// The questions before a session; the routine waits for them.
    Before {
        routine: Routine,
        form: Form,
    },
    Session {
        session: Session,
        /// A check-in step's questions, while it is being answered.
        form: Option<Form>,
    },
    After {
        routine: Routine,
        form: Form,
    },
    Summary(Summary),
    Review(Review),
}

/// Reads the history for the home and review screens: the history, and a notice about lines
/// that were skipped. `None` when there is no history to read.
pub type HistoryLoader = Box<dyn Fn() -> Option<(History, Option<String>)>>;

/// Where the app starts.
pub enum Start {
    Home,
    Routine(Routine),
    Review(Review),
}

pub struct App {
    screen: Screen,
    /// Where the summary and the review return to; `None` when started straight into one.
    home: Option<Home>,
    /// The history, opened for the first session by the caller (so a busy history is
    /// reported before the terminal is taken over).
    store: Option<Result<Store, String>>,
    /// Opens the history for each later session; it is locked only while a session runs.
    open_store: StoreOpener,
    /// The session being recorded, from its first answer to its last.
    recorder: Option<Recorder>,
    /// Loads the history for the home and review screens.
    history: HistoryLoader,
    theme: Theme,
    audio: Audio<Stdout>,
    /// Told once, then kept in a corner of the session screen: no sound device, muted...
    notes: Vec<String>,
    /// Phase boundaries, due and reached, when `UNKNOT_TRACE` asks for them.
    trace: Trace,
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

impl TerminalGuard {
    /// Gives the terminal back to the shell, stops until continued (`fg`), then takes it again.
    fn suspend(&mut self) -> std::io::Result<()> {
        ratatui::restore();
        // The shell's prompt needs its cursor; restoring leaves it hidden.
        ratatui::crossterm::execute!(std::io::stdout(), ratatui::crossterm::cursor::Show)?;
        input::stop_now()?;
        self.take_back()
    }

    /// Raw mode, the alternate screen and a whole new frame: the shell has drawn over the old one.
    /// A new `Terminal` rather than `clear()`, which asks the terminal where its cursor is and
    /// so waits on the thread that reads keys.
    fn take_back(&mut self) -> std::io::Result<()> {
        use ratatui::crossterm::{cursor, execute, terminal};
        terminal::enable_raw_mode()?;
        execute!(
            std::io::stdout(),
            terminal::EnterAlternateScreen,
            terminal::Clear(terminal::ClearType::All),
            cursor::Hide
        )?;
        self.0 =
            ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(std::io::stdout()))?;
        Ok(())
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        ratatui::restore();
    }
}

/// Opens the history for writing: the store, or why the session cannot be saved. `Err` when
/// another session holds it.
pub type StoreOpener = Box<dyn Fn() -> Result<Result<Store, String>, AppError>>;

pub struct Setup {
    pub home: Home,
    pub start: Start,
    pub store: Option<Result<Store, String>>,
    pub open_store: StoreOpener,
    pub history: HistoryLoader,
    pub audio: AudioSetup,
    pub theme: Theme,
}

/// How the app ended.
pub struct Ended {
    /// The signal that stopped it, if one did.
    pub signal: Option<i32>,
    /// What of a session stopped that way could not be saved, to say once the screen is back.
    pub unsaved: Option<String>,
}

/// Runs the app.
pub fn run(setup: Setup) -> Result<Ended, AppError> {
    let (tx, rx) = input::channel_pair();
    input::watch_signals(tx.clone()).map_err(AppError::Terminal)?;
    input::watch_suspend(tx.clone()).map_err(AppError::Terminal)?;
    let mut terminal = TerminalGuard::enter().map_err(AppError::Terminal)?;
    input::watch_terminal(tx.clone());

    let mut app = App::new(setup, move |opened| {
        // Wakes the loop to say it, if there is no device.
        let _ = tx.send(Input::Audio(opened));
    });
    let mut redraw = true;
    let mut just_resumed = false;
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
            Ok(Input::Suspend) => {
                app.feed(Event::Suspend, now);
                let resumed = terminal.suspend();
                just_resumed = resumed.is_ok();
                // Back to a terminal that is gone (closed while stopped): as if it closed now.
                if resumed.is_err() {
                    app.on_signal(signal_hook::consts::SIGHUP, Instant::now());
                }
                resumed.is_ok()
            }
            // The SIGCONT of a resume just handled needs nothing more.
            Ok(Input::Continued) if std::mem::take(&mut just_resumed) => false,
            Ok(Input::Continued) => match terminal.take_back() {
                Ok(()) => true,
                Err(_) => {
                    app.on_signal(signal_hook::consts::SIGHUP, now);
                    false
                }
            },
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
            Ok(Input::Audio(opened)) => {
                app.audio.opened(&opened);
                if opened.is_err() {
                    app.notes.push(text::NO_SOUND_DEVICE.to_string());
                }
                true
            }
            Ok(Input::Resize) => true,
            Ok(Input::Line(_)) => false,
            Err(RecvTimeoutError::Timeout) => {
                app.feed(Event::Tick, now);
                true
            }
        };
    }
    app.audio.settle(SETTLE_LIMIT);
    Ok(Ended {
        signal: app.signal,
        unsaved: app.recorder.as_ref().and_then(Recorder::unsaved),
    })
}

/// How long leaving waits for a sound device that is still opening.
pub const SETTLE_LIMIT: std::time::Duration = std::time::Duration::from_secs(3);

impl App {
    fn new(setup: Setup, on_open: impl FnOnce(Result<(), String>) + Send + 'static) -> App {
        let notes = setup.audio.notes.clone();
        let audio = Audio::start(setup.audio, Bell::new(Some(std::io::stdout())), on_open);
        let mut app = App {
            screen: Screen::Home(setup.home.clone()),
            home: Some(setup.home),
            store: setup.store,
            open_store: setup.open_store,
            recorder: None,
            history: setup.history,
            theme: setup.theme,
            audio,
            notes,
            trace: Trace::from_env(),
            signal: None,
            done: false,
        };
        match setup.start {
            Start::Home => {}
            Start::Routine(routine) => {
                app.home = None;
                app.begin(routine);
            }
            Start::Review(review) => {
                app.home = None;
                app.screen = Screen::Review(review);
            }
        }
        app
    }

    fn draw(&self, frame: &mut Frame, now: Instant) {
        let area = frame.area();
        let buf = frame.buffer_mut();
        if ui::too_small(area) {
            ui::render_too_small(area, buf, &self.theme);
            return;
        }
        let notice = self.recorder.as_ref().and_then(Recorder::problem);
        match &self.screen {
            Screen::Home(home) => ui::home::render(home, &self.theme, area, buf),
            Screen::Safety {
                routine, screening, ..
            } => ui::safety::render_screening(screening, &routine.title, &self.theme, area, buf),
            Screen::Cautions { routine } => {
                ui::safety::render_cautions(&routine.title, &self.theme, area, buf)
            }
            Screen::Before { routine, form } | Screen::After { routine, form } => {
                let block = Block::bordered().title(Line::styled(
                    format!(" {} ", routine.title),
                    self.theme.title(),
                ));
                let inner = block.inner(area);
                block.render(area, buf);
                let title = text::check_in_title(form.answers.moment);
                ui::checkin::render(form, title, &self.theme, inner, buf);
            }
            Screen::Session { session, form } => {
                let mut notes: Vec<&str> = self.notes.iter().map(String::as_str).collect();
                if self.audio.is_muted() {
                    notes.insert(0, text::MUTED);
                }
                let status = ui::session::Status {
                    problem: notice,
                    notes: &notes,
                };
                ui::session::render(session, form.as_ref(), &status, now, &self.theme, area, buf)
            }
            Screen::Summary(summary) => {
                ui::summary::render(summary, self.home.is_some(), &self.theme, area, buf)
            }
            Screen::Review(review) => ui::review::render(review, &self.theme, area, buf),
        }
    }

    fn next_wakeup(&self, now: Instant) -> Option<Instant> {
        match &self.screen {
            Screen::Session { session, .. } => session.next_wakeup(now),
            _ => None,
        }
    }

    /// A routine was chosen: the questions before it come first.
    fn begin(&mut self, routine: Routine) {
        let store = match self.store.take().map_or_else(|| (self.open_store)(), Ok) {
            Ok(store) => store,
            Err(busy) => {
                if let Screen::Home(home) = &mut self.screen {
                    home.notice = Some(busy.to_string());
                }
                return;
            }
        };
        self.recorder = Some(Recorder::new(store, &routine));
        let history = (self.history)().map(|(h, _)| h).unwrap_or_default();
        let screening = Screening::new(safety::gate(&history, crate::history::now()));
        let cautions = safety::needs_cautions(&history, &routine);
        self.screen = Screen::Safety {
            routine,
            screening,
            cautions,
        };
    }

    /// The safety questions are answered: on to the cautions or the questions before.
    fn after_safety(&mut self, routine: Routine, cautions: bool) {
        if cautions {
            self.screen = Screen::Cautions { routine };
        } else {
            self.before(routine);
        }
    }

    fn before(&mut self, routine: Routine) {
        let form = Form::before(session_id(&self.recorder));
        self.screen = Screen::Before { routine, form };
    }

    fn on_safety_key(&mut self, key: KeyEvent) -> bool {
        let Screen::Safety { screening, .. } = &mut self.screen else {
            return false;
        };
        let answer = match key.code {
            KeyCode::Char('y' | 'Y') => Answer::Yes,
            KeyCode::Char('n' | 'N') => Answer::No,
            KeyCode::Enter => Answer::Enter,
            KeyCode::Char('c' | 'C') => Answer::CarryOn,
            KeyCode::Char('q') | KeyCode::Esc => {
                // Leaving before the end: recorded as not answered, or as the doctor advice
                // given; the emergency advice was recorded when it showed.
                if screening.stage() != Stage::EmergencyAdvice {
                    let check = screening.record();
                    if let Some(r) = &mut self.recorder {
                        r.safety(check);
                    }
                }
                self.recorder = None;
                self.go_home();
                return true;
            }
            _ => return false,
        };
        if !screening.answer(answer) {
            return false;
        }
        let stage = screening.stage();
        // An emergency answer is kept the moment the advice shows.
        if matches!(stage, Stage::EmergencyAdvice | Stage::Done(_))
            && !matches!(stage, Stage::Done(SafetyResult::Emergency))
        {
            let check = screening.record();
            if let Some(r) = &mut self.recorder {
                r.safety(check);
            }
        }
        if let Stage::Done(_) = stage {
            let may_start = screening.may_start();
            match self.take_screen() {
                Screen::Safety {
                    routine, cautions, ..
                } if may_start => self.after_safety(routine, cautions),
                _ => {
                    self.recorder = None;
                    self.go_home();
                }
            }
        }
        true
    }

    fn start_session(&mut self, routine: Routine, now: Instant) {
        let (mut session, fx) = Session::begin(routine, now);
        let (baseline, _) = self
            .recorder
            .as_ref()
            .map(Recorder::before)
            .unwrap_or_default();
        session.set_baseline(baseline);
        self.trace.note(&session, Instant::now());
        self.screen = Screen::Session {
            session,
            form: None,
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
                KeyCode::Char(c @ ('0'..='9' | 't')) if home.morning.is_some() => {
                    let pain = c.to_digit(10).map_or(10, |d| d as u8);
                    if let Some((session, _)) = home.morning.take() {
                        self.home = Some(home.clone());
                        self.record_morning(session, pain);
                    }
                }
                KeyCode::Up | KeyCode::Char('k') => home.up(),
                KeyCode::Down | KeyCode::Char('j') => home.down(),
                KeyCode::Enter | KeyCode::Char(' ') => {
                    if let Some(entry) = home.chosen() {
                        self.home = Some(home.clone());
                        let routine = entry.routine.clone();
                        self.begin(routine);
                    }
                }
                KeyCode::Char('h') => {
                    self.home = Some(home.clone());
                    self.open_review();
                }
                KeyCode::Char('q') | KeyCode::Esc => self.done = true,
                _ => return false,
            },
            Screen::Safety { .. } => {
                if ctrl_c {
                    self.done = true;
                    return true;
                }
                return self.on_safety_key(key);
            }
            Screen::Cautions { .. } => match key.code {
                KeyCode::Enter => {
                    if let Some(r) = &mut self.recorder {
                        r.safety(SafetyCheck::cautions_shown());
                    }
                    if let Screen::Cautions { routine } = self.take_screen() {
                        self.before(routine);
                    }
                }
                KeyCode::Char('q') | KeyCode::Esc => {
                    self.recorder = None;
                    self.go_home();
                }
                _ if ctrl_c => self.done = true,
                _ => return false,
            },
            Screen::Before { form, .. } => {
                if ctrl_c {
                    self.abandon();
                    return true;
                }
                let progress = form.key(form_key(key));
                if progress == Progress::Ignored && key.code == KeyCode::Char('q') {
                    self.abandon();
                    return true;
                }
                return self.form_progress(progress, now);
            }
            Screen::Session { session, form } => {
                if ctrl_c {
                    // Ctrl-C is deliberate: stop at once, no question.
                    self.feed(Event::Key(Key::Quit), now);
                    self.feed(Event::Key(Key::Yes), now);
                    return true;
                }
                if session.overlay().is_none()
                    && let Some(form) = form
                {
                    let progress = form.key(form_key(key));
                    if progress != Progress::Ignored {
                        return self.form_progress(progress, now);
                    }
                }
                if key.code == KeyCode::Char('m') && session.overlay().is_none() {
                    self.audio.toggle_mute();
                    return true;
                }
                match session_event(key, session) {
                    Some(event) => self.feed(event, now),
                    None => return false,
                }
            }
            Screen::After { form, .. } => {
                let progress = if ctrl_c {
                    form.key(FormKey::Escape)
                } else {
                    form.key(form_key(key))
                };
                return self.form_progress(progress, now);
            }
            Screen::Summary(_) => match key.code {
                KeyCode::Char('q') | KeyCode::Esc => self.done = true,
                KeyCode::Enter | KeyCode::Char(' ') => self.go_home(),
                _ if ctrl_c => self.done = true,
                _ => return false,
            },
            Screen::Review(review) => {
                if ctrl_c {
                    self.done = true;
                } else if let ReviewAction::Close = review.on_key(key) {
                    self.go_home();
                }
            }
        }
        true
    }

    /// Saves what a form has so far and moves on when it is done.
    fn form_progress(&mut self, progress: Progress, now: Instant) -> bool {
        let answers = match &self.screen {
            Screen::Before { form, .. } | Screen::After { form, .. } => form.answers.clone(),
            Screen::Session {
                form: Some(form), ..
            } => form.answers.clone(),
            _ => return false,
        };
        match progress {
            Progress::Ignored => return false,
            Progress::Editing => return true,
            Progress::Answered | Progress::Done => {
                if let Some(r) = &mut self.recorder {
                    r.check_in(&answers);
                }
            }
        }
        if progress == Progress::Done {
            match self.take_screen() {
                Screen::Before { routine, .. } => self.start_session(routine, now),
                Screen::Session { session, .. } => {
                    self.screen = Screen::Session {
                        session,
                        form: None,
                    };
                    let (_, before_areas) = self
                        .recorder
                        .as_ref()
                        .map(Recorder::before)
                        .unwrap_or_default();
                    let event = Event::CheckedIn {
                        pain: answers.pain,
                        spread: checkin::spread(&before_areas, &answers.areas),
                    };
                    self.feed(event, now);
                }
                Screen::After { routine, .. } => self.finish(&routine),
                other => self.screen = other,
            }
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
            self.trace.note(session, Instant::now());
            self.carry_out(fx);
        }
    }

    fn carry_out(&mut self, fx: Vec<Effect>) {
        let mut cues = Vec::new();
        let mut words = Vec::new();
        let mut ended = None;
        for effect in fx {
            match effect {
                Effect::Cue(cue) => cues.push(cue),
                Effect::Record(record) => {
                    if let Some(r) = &mut self.recorder {
                        r.record(&record);
                    }
                }
                Effect::Quit(outcome) => ended = Some(outcome),
                Effect::Announce(a) => words.push(a),
            }
        }
        self.audio.play(&cues);
        if let Screen::Session { session, .. } = &self.screen {
            for a in &words {
                self.audio.say(a, session.routine());
            }
        }
        let Screen::Session { session, form } = &mut self.screen else {
            return;
        };
        match ended {
            // Stopped from outside: no one is there to answer questions.
            Some(Outcome::Interrupted) => {}
            Some(_) => {
                let routine = session.routine().clone();
                let form = Form::after(session_id(&self.recorder));
                self.screen = Screen::After { routine, form };
            }
            None => {
                // A check-in step gets its questions; leaving the step drops them (answers so far are saved).
                if session.awaiting_check_in() {
                    if form.is_none() {
                        let after_step = session.previous_step_title();
                        *form = Some(Form::during(session_id(&self.recorder), after_step));
                    }
                } else {
                    *form = None;
                }
            }
        }
    }

    /// The questions after the session are done: show the summary.
    fn finish(&mut self, routine: &Routine) {
        let view = self.recorder.as_ref().and_then(Recorder::view);
        let unsaved = self.recorder.as_ref().and_then(Recorder::unsaved);
        self.screen = Screen::Summary(Summary::new(routine, view, unsaved));
        // The history is unlocked until the next session.
        self.recorder = None;
    }

    /// Leaving the questions before a session: nothing starts. If an answer was already
    /// saved, the history shows the session as stopped.
    fn abandon(&mut self) {
        if let Some(mut r) = self.recorder.take() {
            r.abandon();
        }
        self.go_home();
    }

    /// Takes the screen out to move on from it; an empty home screen stands in meanwhile.
    fn take_screen(&mut self) -> Screen {
        std::mem::replace(&mut self.screen, Screen::Home(Home::new(Vec::new(), 0)))
    }

    /// Keeps how the pain was the morning after a session, then shows the home screen again.
    fn record_morning(&mut self, session: uuid::Uuid, pain: u8) {
        let check = crate::history::CheckIn {
            form: uuid::Uuid::now_v7(),
            session: Some(session),
            moment: crate::history::Moment::NextMorning,
            pain: Some(pain),
            ..crate::history::CheckIn::default()
        };
        let problem = match (self.open_store)() {
            Ok(Ok(mut store)) => crate::history_commands::append_check_in(&mut store, check)
                .err()
                .map(|e| e.to_string()),
            Ok(Err(why)) => Some(why),
            Err(busy) => Some(busy.to_string()),
        };
        self.go_home();
        if let (Some(problem), Screen::Home(home)) = (problem, &mut self.screen) {
            home.notice = Some(problem);
        }
    }

    fn go_home(&mut self) {
        match self.home.take() {
            Some(mut home) => {
                if let Some((history, notice)) = (self.history)() {
                    home.set_history(&history, crate::history::now());
                    home.notice = notice;
                }
                self.screen = Screen::Home(home.clone());
                self.home = Some(home);
            }
            None => self.done = true,
        }
    }

    fn open_review(&mut self) {
        if let Some((history, notice)) = (self.history)() {
            let review = Review::new(history, notice, chrono::Local::now().date_naive());
            self.screen = Screen::Review(review);
        }
    }
}

fn session_id(recorder: &Option<Recorder>) -> uuid::Uuid {
    recorder
        .as_ref()
        .map_or_else(uuid::Uuid::nil, Recorder::session)
}

fn form_key(key: KeyEvent) -> FormKey {
    match key.code {
        KeyCode::Enter => FormKey::Enter,
        KeyCode::Backspace => FormKey::Backspace,
        KeyCode::Esc => FormKey::Escape,
        KeyCode::Char(c) => FormKey::Char(c),
        // Keys a form never uses.
        _ => FormKey::Char('\0'),
    }
}

/// The keyboard, read in the context of what the session shows.
fn session_event(key: KeyEvent, session: &Session) -> Option<Event> {
    let k = |key| Some(Event::Key(key));
    if let Some(Overlay::PainRule(_)) = session.overlay() {
        return match key.code {
            KeyCode::Char('s' | 'S') => k(Key::Choose(PainChoice::Stop)),
            KeyCode::Char('k' | 'K') => k(Key::Choose(PainChoice::Skip)),
            KeyCode::Char('g' | 'G') => k(Key::Choose(PainChoice::Gentler)),
            _ => None,
        };
    }
    if session.overlay() == Some(Overlay::ConfirmQuit) {
        return match key.code {
            KeyCode::Char('y' | 'Y' | 'q') | KeyCode::Enter => k(Key::Yes),
            KeyCode::Char('n' | 'N' | ' ') | KeyCode::Esc => k(Key::Back),
            _ => None,
        };
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
        KeyCode::Char('x' | 'X') => k(Key::ThisHurts),
        KeyCode::Char('!') => k(Key::Safety),
        KeyCode::Esc => k(Key::Back),
        _ => None,
    }
}
