//! Which screen is up, and everything between the person and the visit: a key becomes an act
//! through the keymap, an act becomes an event for the visit, and the visit's effects are
//! carried out here (sounds, voice, history lines). Drawing picks the screen for the stage.

use std::cell::Cell;
use std::collections::VecDeque;
use std::io::Stdout;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use uuid::Uuid;

use crate::audio::Audio;
use crate::error::AppError;
use crate::history::{self, Digest, Entry, History, Store};
use crate::routine::{Routine, RoutineEntry};
use crate::sys::input::Input;
use crate::sys::memory;
use crate::sys::trace::{Moment, Trace};
use crate::text;
use crate::ui::home::Home;
use crate::ui::keys::{self, Act, Context, Scroll};
use crate::ui::notices::Notice;
use crate::ui::review::{Review, ReviewAction};
use crate::ui::{self, Theme};
use crate::visit::{self, Effect, Ending, Event, FormKey, Pace, Past, Progress, Recorder, Visit};
use crate::weekly::Weekly;

/// How far a page key (Page Up, Page Down) moves text, in rows.
const PAGE: u16 = 5;

/// Opens the history for writing: the store, or why the session cannot be saved. `Err` when
/// the history is refused (a link, not a regular file, another user's).
pub type StoreOpener = Box<dyn Fn() -> Result<Result<Store, String>, AppError>>;

/// What to read from the history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Want {
    /// The digest, for a visit started on its own and the weekly check.
    Digest,
    /// The digest, for the home screen, from which the review may be opened: its derived file
    /// is kept in step, so that the history is read once in the run.
    Home,
    /// The whole view, for the review.
    Whole,
}

/// What was read, and what to tell about it: lines skipped, or why it could not be read.
pub struct Loaded {
    pub read: Read,
    pub notice: Option<String>,
}

pub enum Read {
    Digest(Box<Digest>),
    /// The whole view, and the digest of the same lines for the signs of worsening.
    Whole(Box<(History, Digest)>),
}

/// Reads the history; called on a thread of its own, so the screen never waits for it.
pub type Reader = Arc<dyn Fn(Want) -> Loaded + Send + Sync>;

/// How long the history may take to read before the screen says it is being read: less is
/// not seen, and a line that comes and goes at once only flickers.
const A_MOMENT: Duration = Duration::from_millis(150);

/// Where the app starts.
pub enum Start {
    Home,
    Routine(Routine),
    Review,
    /// The weekly check alone (`unknot weekly`).
    Weekly,
}

pub struct Setup {
    pub home: Home,
    pub start: Start,
    /// Reads the history, once at start on a thread of its own, and for the review when it
    /// opens.
    pub read: Reader,
    /// The history opened for the first visit, when it was started from the command line (so a
    /// refused history is said before the terminal is taken over).
    pub store: Option<Result<Store, String>>,
    /// Opens the history for each later visit; it is held only while a visit records.
    pub open_store: StoreOpener,
    pub theme: Theme,
    /// What to tell the person about the sound, kept on the session screen's edge: sound files
    /// that could not be used, no speech program.
    pub notices: Vec<Notice>,
}

/// How the app ended.
pub struct Ended {
    /// The signal that stopped it, if one did.
    pub signal: Option<i32>,
    /// What of a session stopped that way could not be saved, to say once the screen is back.
    pub unsaved: Option<String>,
    /// Advice to leave the person with once the screen is back.
    pub farewell: Option<String>,
    /// A session began (however it ended), not only questions before one.
    pub session_began: bool,
}

pub struct App {
    pub(super) visit: Option<Visit>,
    /// The review, open over the home screen (or alone, started as `unknot history`).
    pub(super) review: Option<Review>,
    /// The weekly check, open over the home screen (or alone, as `unknot weekly`).
    pub(super) weekly: Option<Weekly>,
    /// Where a visit returns to; `None` when started straight into a routine or the review.
    pub(super) home: Option<Home>,
    /// What has happened before, once read; kept up to date with what is recorded.
    pub(super) history: Option<Digest>,
    /// Lines of the history file that could not be read, said on the home and review screens.
    pub(super) notice: Option<String>,
    pub(super) read: Reader,
    /// What reading threads send back, and what wakes the loop when they do.
    pub(super) results: (Sender<Loaded>, Receiver<Loaded>),
    pub(super) wake: Option<Sender<Input>>,
    /// Since when the history has been read for the screen shown, until it is; whether the
    /// screen says so yet.
    pub(super) reading: Option<(Instant, bool)>,
    pub(super) entries: Vec<RoutineEntry>,
    pub(super) store: Option<Result<Store, String>>,
    pub(super) open_store: StoreOpener,
    /// The visit's history, while it records.
    pub(super) recorder: Option<Recorder>,
    /// Why part of the last session is not in the history, for its summary.
    pub(super) unsaved: Option<String>,
    pub(super) audio: Audio<Stdout>,
    /// Kept on the session screen's bottom edge: no sound device, sound files not used...
    pub(super) notes: Vec<Notice>,
    pub(super) theme: Theme,
    /// Phase boundaries, due and reached, when `UNKNOT_TRACE` asks for them.
    pub(super) trace: Trace,
    pub(super) signal: Option<i32>,
    /// Advice to say once the screen is back.
    pub(super) farewell: Option<String>,
    /// A session's first line was recorded.
    pub(super) session_began: bool,
    /// Where text taller than the window starts; settled as it is drawn.
    pub(super) scroll: Cell<u16>,
    /// What the keys meant when last drawn: a new screen starts its text at the top.
    pub(super) shown: Cell<Option<Context>>,
    /// The window is below the size the screens are laid out for: the notice shows, the
    /// countdown waits, and only quitting acts.
    pub(super) too_small: bool,
    pub(super) done: bool,
}

impl App {
    /// `wake` is told when a reading thread is done; without it, as in tests, what was read is
    /// taken with [`App::wait_for_history`].
    pub fn new(
        setup: Setup,
        audio: Audio<Stdout>,
        now: Instant,
        wake: Option<Sender<Input>>,
    ) -> App {
        let home = setup.home;
        let mut app = App {
            visit: None,
            review: None,
            weekly: None,
            entries: home.entries.clone(),
            home: Some(home),
            history: None,
            notice: None,
            read: setup.read,
            results: channel(),
            wake,
            reading: None,
            store: setup.store,
            open_store: setup.open_store,
            recorder: None,
            unsaved: None,
            audio,
            notes: setup.notices,
            theme: setup.theme,
            trace: Trace::from_env(),
            signal: None,
            farewell: None,
            session_began: false,
            scroll: Cell::new(0),
            shown: Cell::new(None),
            too_small: false,
            done: false,
        };
        let want = match setup.start {
            Start::Review => Want::Whole,
            Start::Home => Want::Home,
            Start::Routine(_) | Start::Weekly => Want::Digest,
        };
        app.start_reading(want, now);
        match setup.start {
            Start::Home => app.start_visit(None, now),
            Start::Routine(routine) => {
                app.home = None;
                app.start_visit(Some(routine), now);
            }
            Start::Review => {
                app.home = None;
                app.review = Some(Review::reading(history::now().date_naive()));
            }
            Start::Weekly => {
                app.home = None;
                app.open_weekly();
            }
        }
        app
    }

    /// Reads the history on a thread of its own; what it read comes back through
    /// [`App::history_read`].
    fn start_reading(&mut self, want: Want, now: Instant) {
        let read = Arc::clone(&self.read);
        let results = self.results.0.clone();
        let wake = self.wake.clone();
        self.reading = Some((now, false));
        let spawned = std::thread::Builder::new()
            .name("history".into())
            .spawn(move || {
                let _ = results.send(read(want));
                if let Some(wake) = wake {
                    let _ = wake.send(Input::HistoryRead);
                }
            });
        if spawned.is_err() {
            // No thread to be had: read it here, late rather than never.
            let loaded = (self.read)(want);
            self.history_read(loaded, now);
        }
    }

    /// What a reading thread has sent, if it has.
    pub fn take_history(&mut self, now: Instant) {
        while let Ok(loaded) = self.results.1.try_recv() {
            self.history_read(loaded, now);
        }
    }

    /// Waits for what a reading thread reads.
    #[cfg(test)]
    pub fn wait_for_history(&mut self, now: Instant) {
        if let Ok(loaded) = self.results.1.recv() {
            self.history_read(loaded, now);
        }
    }

    /// The history, read: the home screen fills in, the visit learns its past, the review
    /// shows it.
    fn history_read(&mut self, loaded: Loaded, now: Instant) {
        self.reading = None;
        // What this reading found: lines skipped by an earlier one may since have been completed.
        self.notice.clone_from(&loaded.notice);
        match loaded.read {
            Read::Digest(digest) => {
                if let Some(home) = &mut self.home {
                    home.notice.clone_from(&self.notice);
                    home.set_history(&digest, history::now());
                }
                if let Some(weekly) = &mut self.weekly {
                    weekly.set_known(&history::known_activities(&digest.weekly));
                }
                if let Some(visit) = &self.visit {
                    let past = Past::of(&digest, visit.began());
                    self.history = Some(*digest);
                    self.feed(Event::Past(Box::new(past)), now);
                } else {
                    self.history = Some(*digest);
                }
            }
            Read::Whole(whole) => {
                let (whole, digest) = *whole;
                // Read with the review's view, and as new: the home screen under the review,
                // which may have been told the history was being read, shows it on return.
                if let Some(home) = &mut self.home {
                    home.set_history(&digest, history::now());
                }
                if self.review.is_some() {
                    self.show_review(whole, &digest);
                } else {
                    // The review was closed before it was read.
                    drop(whole);
                    memory::give_back();
                }
                self.history = Some(digest);
            }
        }
    }

    pub fn is_done(&self) -> bool {
        self.done
    }

    pub fn next_wakeup(&self, now: Instant) -> Option<Instant> {
        let say_reading = match self.reading {
            Some((since, false)) => Some(since + A_MOMENT),
            _ => None,
        };
        let visit = if self.review.is_some() || self.weekly.is_some() {
            None
        } else {
            self.visit.as_ref().and_then(|v| v.next_wakeup(now))
        };
        match (visit, say_reading) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// How the app ended, once the sound device has settled (what it prints must come before
    /// the screen is handed back).
    pub fn finish(self) -> Ended {
        // The last hold's end and the completion chime are heard out, unless a signal asked to
        // stop now.
        if self.signal.is_none() {
            self.audio.finish(crate::audio::FINISH_LIMIT);
        }
        self.audio.settle(crate::audio::SETTLE_LIMIT);
        self.ended()
    }

    /// How the app ended, at once: for an app inside another that keeps the screen.
    pub fn ended(self) -> Ended {
        Ended {
            signal: self.signal,
            unsaved: self
                .recorder
                .as_ref()
                .map_or_else(|| self.unsaved.clone(), Recorder::unsaved),
            farewell: self.farewell,
            session_began: self.session_began,
        }
    }

    #[expect(
        clippy::disallowed_methods,
        reason = "a new visit's id is made here, as the person starts it"
    )]
    fn start_visit(&mut self, routine: Option<Routine>, now: Instant) {
        let setup = visit::Setup {
            entries: self.entries.clone(),
            routine,
            id: Uuid::now_v7(),
            now: history::now(),
            pace: Pace::Keys,
        };
        let past = self.history.as_ref().map(|h| Past::of(h, setup.now));
        let (visit, fx) = Visit::begin(setup, past);
        self.visit = Some(visit);
        self.carry_out(fx, now);
    }

    pub fn tick(&mut self, now: Instant) {
        if let Some((since, told)) = &mut self.reading
            && !*told
            && now >= *since + A_MOMENT
        {
            *told = true;
            if let Some(home) = &mut self.home {
                home.reading();
            }
        }
        self.feed(Event::Tick, now);
    }

    /// Whether the screen says the history is being read.
    pub(super) fn says_reading(&self) -> bool {
        matches!(self.reading, Some((_, true)))
    }

    pub fn on_signal(&mut self, signal: i32, now: Instant) {
        self.feed(Event::Interrupt, now);
        self.signal = Some(signal);
        self.done = true;
    }

    pub fn suspend(&mut self, now: Instant) {
        self.feed(Event::Suspend, now);
    }

    pub fn continued(&mut self, now: Instant) {
        self.feed(Event::Continued, now);
    }

    pub fn audio_opened(&mut self, opened: &Result<(), String>) {
        self.audio.opened(opened);
        if opened.is_err() {
            self.notes.push(Notice::new(
                text::sound::NO_SOUND_DEVICE,
                text::sound::NO_SOUND_DEVICE_SHORT,
            ));
        }
    }

    /// The window's size, before each frame: below the minimum, the notice shows and a
    /// countdown waits, since nobody can see it.
    pub fn set_size(&mut self, area: Rect, now: Instant) {
        let small = ui::too_small(area);
        if small && !self.too_small {
            self.feed(Event::Hidden, now);
        }
        self.too_small = small;
    }

    /// Returns whether the key did anything.
    pub fn on_key(&mut self, key: &KeyEvent, now: Instant) -> bool {
        let Some(act) = keys::lookup(self.context(), key) else {
            return false;
        };
        // Behind the too-small notice nothing can be seen, so nothing is asked: quitting ends
        // unknot at once (what was done is kept, as after a signal), and no other key acts.
        if self.too_small {
            let quit = act == Act::Stop || keys::typed(key) == Some('q');
            if quit {
                self.feed(Event::Interrupt, now);
                self.done = true;
            }
            return quit;
        }
        if self.weekly.is_some() {
            return self.weekly_key(act, key);
        }
        let event = match act {
            Act::Up | Act::Down => {
                if let Some(home) = &mut self.home {
                    if act == Act::Up {
                        home.up();
                    } else {
                        home.down();
                    }
                }
                return true;
            }
            Act::Start => match &self.home {
                Some(home) => Event::Choose(home.selected),
                None => return false,
            },
            Act::History => {
                self.open_review(now);
                return true;
            }
            Act::Weekly => {
                self.open_weekly();
                return true;
            }
            Act::Mute => {
                self.audio.toggle_mute();
                return true;
            }
            Act::Scroll(motion) => {
                let s = self.scroll.get();
                self.scroll.set(match motion {
                    Scroll::Up => s.saturating_sub(1),
                    Scroll::Down => s.saturating_add(1),
                    Scroll::PageUp => s.saturating_sub(PAGE),
                    Scroll::PageDown => s.saturating_add(PAGE),
                });
                return true;
            }
            // The input thread turns Ctrl-Z into a stop; here only for the help. The desk's
            // answers are for `unknot desk`, around the app.
            Act::Suspend | Act::Desk(_) => return false,
            Act::Review(k) => {
                let close = self
                    .review
                    .as_mut()
                    .is_some_and(|r| r.apply(k) == ReviewAction::Close);
                if close {
                    self.review = None;
                    memory::give_back();
                    self.done |= self.visit.is_none();
                }
                return true;
            }
            Act::Stop if self.review.is_some() => {
                self.done = true;
                return true;
            }
            Act::Stop => Event::Stop,
            Act::Leave => Event::Leave,
            Act::Continue => Event::Continue,
            Act::Safety(answer) => Event::Safety(answer),
            Act::Session(k) => Event::Session(k),
            Act::Answer => match keys::typed(key) {
                Some(c) => Event::Form(FormKey::Char(c)),
                None => return false,
            },
            Act::Skip => Event::Form(FormKey::Enter),
            Act::SkipRest => Event::Form(FormKey::Escape),
            Act::Erase => Event::Form(FormKey::Backspace),
        };
        self.feed(event, now);
        true
    }

    fn feed(&mut self, event: Event, now: Instant) {
        let Some(visit) = &mut self.visit else {
            return;
        };
        let fx = visit.handle(event, now);
        self.carry_out(fx, now);
    }

    /// The visit's effects, made real. A result the visit waits for goes back to it as an event.
    fn carry_out(&mut self, fx: Vec<Effect>, now: Instant) {
        let mut batches = VecDeque::from([fx]);
        while let Some(fx) = batches.pop_front() {
            let cues = Effect::cues(&fx);
            self.audio.play(&cues);
            if !cues.is_empty() {
                self.note_moment(Moment::Cue);
            }
            let mut speech = None;
            let mut over = None;
            let mut recorded = false;
            for effect in fx {
                match effect {
                    Effect::Speak(words) => speech = Some(words),
                    Effect::Record(event) => {
                        self.record(event);
                        recorded = true;
                    }
                    // Cues went first; the screen shows the stage itself.
                    Effect::Cue(_) | Effect::Announce(_) | Effect::Say(_) => {}
                    Effect::OpenHistory => {
                        let opened = self.open_history();
                        if let Some(visit) = &mut self.visit {
                            batches.push_back(visit.handle(Event::Opened(opened), now));
                        }
                    }
                    Effect::CloseHistory => {
                        if let Some(recorder) = self.recorder.take() {
                            self.unsaved = recorder.unsaved();
                        }
                    }
                    Effect::Over(ending) => over = Some(ending),
                }
            }
            if recorded {
                self.note_moment(Moment::Synced);
            }
            if let Some(words) = speech {
                self.audio.say(words);
            }
            self.note_trace();
            if let Some(ending) = over {
                self.visit_over(ending, now);
            }
        }
    }

    /// Phase boundaries for `UNKNOT_TRACE`, noted as reached now, once their effects are out.
    #[expect(
        clippy::disallowed_methods,
        reason = "the trace measures when the app really reached a boundary, so it reads the clock itself"
    )]
    fn note_trace(&mut self) {
        if let Some(session) = self.visit.as_ref().and_then(Visit::session) {
            self.trace.note(session, Instant::now());
        }
    }

    /// A cue handed to the sound device, or the history's lines synced, for `UNKNOT_TRACE`.
    #[expect(
        clippy::disallowed_methods,
        reason = "the trace measures when a cue really left and a line was really on disk"
    )]
    fn note_moment(&mut self, moment: Moment) {
        if let Some(session) = self.visit.as_ref().and_then(Visit::session) {
            self.trace.moment(moment, session, Instant::now());
        }
    }

    /// The history, opened for the visit: the one opened before the terminal was taken, or a
    /// new one. A refused history is said on the home screen.
    fn open_history(&mut self) -> Result<(), String> {
        match self.store.take().map_or_else(|| (self.open_store)(), Ok) {
            Ok(store) => {
                self.recorder = Some(Recorder::new(store));
                self.unsaved = None;
                Ok(())
            }
            Err(busy) => {
                let busy = busy.to_string();
                if let Some(home) = &mut self.home {
                    home.notice = Some(busy.clone());
                }
                Err(busy)
            }
        }
    }

    /// A history line, written by the visit's recorder, or on its own outside a visit's
    /// recording (the morning after, answered at home). Kept in memory too, for the screens.
    fn record(&mut self, event: history::Event) {
        self.session_began |= matches!(event, history::Event::SessionStarted { .. });
        let entry = match &mut self.recorder {
            Some(recorder) => recorder.record(event),
            None => self.record_alone(event),
        };
        if let Some(history) = &mut self.history {
            history.add(&entry);
        }
    }

    fn record_alone(&mut self, event: history::Event) -> Entry {
        let (entry, problem) = match (self.open_store)() {
            Ok(store) => {
                let mut recorder = Recorder::new(store);
                let entry = recorder.record(event);
                (entry, recorder.unsaved())
            }
            Err(busy) => (Entry::new(event), Some(busy.to_string())),
        };
        if let (Some(problem), Some(home)) = (problem, &mut self.home) {
            home.notice = Some(problem);
        }
        entry
    }

    /// Back to the routines for another visit, or out; advice the safety questions led to is
    /// said on the home screen, or after unknot closes.
    fn visit_over(&mut self, ending: Ending, now: Instant) {
        self.visit = None;
        let advice = match ending {
            Ending::NotStarted { why, .. } => Some(why.advice().to_string()),
            Ending::Home | Ending::Exit => None,
        };
        let leaving = matches!(
            ending,
            Ending::Exit | Ending::NotStarted { leaving: true, .. }
        );
        match &mut self.home {
            Some(home) if !leaving => {
                home.notice.clone_from(&self.notice);
                if advice.is_some() {
                    home.notice = advice;
                }
                if let Some(history) = &self.history {
                    home.set_history(history, history::now());
                }
                self.start_visit(None, now);
            }
            _ => {
                self.farewell = advice;
                self.done = true;
            }
        }
    }

    /// The weekly check, with the activities named before.
    #[expect(
        clippy::disallowed_methods,
        reason = "a weekly check's form id is made here, as the person opens it"
    )]
    fn open_weekly(&mut self) {
        // Before the history is read, the activities named before come when it is
        // ([`Weekly::set_known`]); the person is four questions away from them.
        let known = self
            .history
            .as_ref()
            .map(|h| history::known_activities(&h.weekly))
            .unwrap_or_default();
        self.weekly = Some(Weekly::new(Uuid::now_v7(), &known));
    }

    /// A key for the weekly check: each answer is saved as it is given; the last, Esc, q or
    /// Ctrl-C close it, back to the routines (or out, when it was opened alone).
    fn weekly_key(&mut self, act: Act, key: &KeyEvent) -> bool {
        let form_key = match act {
            Act::Answer => keys::typed(key).map(FormKey::Char),
            Act::Skip => Some(FormKey::Enter),
            Act::SkipRest => Some(FormKey::Escape),
            Act::Erase => Some(FormKey::Backspace),
            Act::Leave | Act::Stop => None,
            _ => return false,
        };
        let Some(weekly) = &mut self.weekly else {
            return false;
        };
        let progress = form_key.map_or(Progress::Done, |k| weekly.key(k));
        if let Some(answered) = weekly.to_save(progress) {
            self.record(history::Event::WeeklyCheck(answered));
        }
        if progress == Progress::Done || weekly_closed(act) {
            self.weekly = None;
            self.done |= self.home.is_none() || act == Act::Stop;
            if let (Some(home), Some(history)) = (&mut self.home, &self.history) {
                home.set_history(history, history::now());
            }
        }
        progress != Progress::Ignored || form_key.is_none()
    }

    /// The review, opened from the home screen: the whole view is read for it on its own
    /// thread, and let go when it closes.
    fn open_review(&mut self, now: Instant) {
        self.review = Some(Review::reading(history::now().date_naive()));
        self.start_reading(Want::Whole, now);
    }

    /// The review of the whole history, with the signs of worsening it shows.
    fn show_review(&mut self, whole: History, digest: &Digest) {
        let now = history::now();
        let seen = crate::safety::observations(digest);
        let advice = crate::safety::worsening(&seen, now)
            .iter()
            .map(crate::safety::Worsening::words)
            .collect();
        let review = Review::new(whole, self.notice.clone(), now.date_naive());
        self.review = Some(review.with_advice(advice));
    }
}

/// q, or Ctrl-C, closes the weekly check wherever it is.
fn weekly_closed(act: Act) -> bool {
    matches!(act, Act::Leave | Act::Stop)
}
