//! The guided session as a pure state machine: events and the time they happen go in, effects
//! come out. No terminal, clock, sound or disk in here, so every rule is testable with a fake clock.
//!
//! Time is kept as deadlines: a running phase knows when it started and how much of it was spent
//! before (pauses), so its end is computed, never counted in ticks, and nothing drifts.

mod clock;
mod controls;
mod cues;
mod effect;
mod words;

#[cfg(test)]
mod properties;
#[cfg(test)]
mod tests;

use std::time::{Duration, Instant};

pub use crate::routine::{Phase, PhaseKind, Timeline};
pub use effect::{Announcement, Cue, Effect, Outcome, Record};

pub use crate::history::{PainChoice, PainTrigger};

use crate::routine::{Routine, Step};

use cues::keep_one_cue;

/// How much + and - change the current hold.
pub const ADJUST: Duration = Duration::from_secs(15);
/// Within this much of a step's start, ← goes to the previous step instead of restarting.
pub const RESTART_GRACE: Duration = Duration::from_secs(3);
/// How long a step that waits for the person waits, with nothing pressed, before it says once
/// more that it is waiting: long enough to settle on the floor, and said once, never nagging.
pub const REMIND_AFTER: Duration = Duration::from_secs(30);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// Time has passed; nothing else happened.
    Tick,
    Key(Key),
    /// The check-in the session waits for has been answered (or skipped). The answers go to
    /// the history from the check-in form; the session keeps what its pain rule needs.
    CheckedIn {
        pain: Option<u8>,
        /// The pain reaches further down the leg than before the session.
        spread: bool,
    },
    /// Stopped from outside (a signal, the terminal went away).
    Interrupt,
    /// The app is being suspended (Ctrl-Z): the countdown waits for the person to come back and
    /// press Space, even if an open box would have resumed it on closing.
    Suspend,
}

/// What the person pressed, already mapped from the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// Pause or resume; in a "get into position" phase, "I'm ready".
    Space,
    Next,
    Previous,
    MoreTime,
    LessTime,
    Quit,
    Help,
    /// Yes to the open question (quit?).
    Yes,
    /// No, or close what is open.
    Back,
    /// "This hurts": ease off now.
    ThisHurts,
    /// The answer to "time to ease off".
    Choose(PainChoice),
    /// Show the safety information.
    Safety,
}

/// A layer over the session that takes the keys until it is closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    ConfirmQuit,
    /// The safety information: red flags and cautions.
    Safety,
    /// The pain-monitoring rule: stop, skip or carry on gentler. Only a choice closes it.
    PainRule(PainTrigger),
}

#[derive(Debug, Clone)]
pub struct Session {
    routine: Routine,
    phases: Vec<Phase>,
    /// Each step's planned time, before any + or -.
    planned: Vec<Duration>,
    current: usize,
    /// When the current phase last started running; `None` while paused or waiting.
    running_since: Option<Instant>,
    /// Time spent in the current phase before `running_since`.
    spent: Duration,
    paused: bool,
    overlay: Option<Overlay>,
    /// Paused by an overlay, to resume when it closes.
    overlay_paused: bool,
    /// The whole seconds left when moments were last checked, to cue each of 3, 2, 1 once.
    shown_secs: u64,
    halfway_done: bool,
    /// Time spent in the current step's finished phases.
    step_spent: Duration,
    step_skipped: bool,
    /// Time spent in all finished phases.
    total_spent: Duration,
    outcome: Option<Outcome>,
    /// Pain before the session, for the pain-monitoring rule.
    baseline: Option<u8>,
    /// The latest pain score given during the session.
    last_pain: Option<u8>,
    /// When a step that waits for the person says again that it waits, if it still will.
    remind_at: Option<Instant>,
}

impl Session {
    /// Starts a session at `now`.
    pub fn begin(routine: Routine, now: Instant) -> (Session, Vec<Effect>) {
        let phases = Timeline::new(&routine).phases;
        let mut planned = vec![Duration::ZERO; routine.steps.len()];
        for p in &phases {
            planned[p.step] += p.duration;
        }
        let mut session = Session {
            routine,
            phases,
            planned,
            current: 0,
            running_since: None,
            spent: Duration::ZERO,
            paused: false,
            overlay: None,
            overlay_paused: false,
            shown_secs: 0,
            halfway_done: false,
            step_spent: Duration::ZERO,
            step_skipped: false,
            total_spent: Duration::ZERO,
            outcome: None,
            baseline: None,
            last_pain: None,
            remind_at: None,
        };
        let mut fx = vec![Effect::Record(Record::SessionStarted {
            title: session.routine.title.clone(),
        })];
        session.enter(0, now, true, &mut fx);
        keep_one_cue(&mut fx);
        (session, fx)
    }

    /// Feeds one event that happened at `now`. Time is always caught up first, so a key
    /// acts on what the screen showed at that moment.
    pub fn handle(&mut self, event: Event, now: Instant) -> Vec<Effect> {
        let mut fx = Vec::new();
        if self.outcome.is_some() {
            return fx;
        }
        self.catch_up(now, &mut fx);
        if self.outcome.is_none() {
            match event {
                Event::Tick => self.remind(now, &mut fx),
                Event::Key(key) => {
                    self.on_key(key, now, &mut fx);
                    // Something happened: the wait for the reminder starts again.
                    if self.remind_at.is_some() {
                        self.remind_at = Some(now + REMIND_AFTER);
                    }
                }
                Event::CheckedIn { pain, spread } => self.on_check_in(pain, spread, now, &mut fx),
                Event::Interrupt => self.finish(Outcome::Interrupted, now, &mut fx),
                Event::Suspend => {
                    self.overlay_paused = false;
                    self.set_paused(true, now);
                    // Back from a stop, the person is at the keyboard: no reminder.
                    self.remind_at = None;
                }
            }
        }
        keep_one_cue(&mut fx);
        fx
    }

    /// The pain score given before the session: the pain rule measures rises from it.
    pub fn set_baseline(&mut self, pain: Option<u8>) {
        self.baseline = pain;
    }

    /// Pain before the session and the latest during it, for words about a rise.
    pub fn pains(&self) -> (Option<u8>, Option<u8>) {
        (self.baseline, self.last_pain)
    }

    pub fn routine(&self) -> &Routine {
        &self.routine
    }

    pub fn phase(&self) -> &Phase {
        &self.phases[self.current]
    }

    pub fn step(&self) -> &Step {
        &self.routine.steps[self.phase().step]
    }

    #[cfg(test)]
    pub fn phases(&self) -> &[Phase] {
        &self.phases
    }

    /// When the current phase started running, if it is running and has not been paused.
    pub fn phase_started(&self) -> Option<Instant> {
        self.running_since.filter(|_| self.spent.is_zero())
    }

    pub fn current_index(&self) -> usize {
        self.current
    }

    pub fn is_paused(&self) -> bool {
        self.paused
    }

    pub fn overlay(&self) -> Option<Overlay> {
        self.overlay
    }

    pub fn outcome(&self) -> Option<Outcome> {
        self.outcome
    }

    /// True while the session waits for a pain score.
    pub fn awaiting_check_in(&self) -> bool {
        self.outcome.is_none() && self.phase().kind == PhaseKind::CheckIn
    }

    /// The phase after the current one that belongs to another step, if any.
    pub fn next_step(&self) -> Option<&Step> {
        let step = self.phase().step;
        self.phases[self.current..]
            .iter()
            .find(|p| p.step != step)
            .map(|p| &self.routine.steps[p.step])
    }

    /// The title of the timed step just before this one: what a check-in here measures.
    pub fn previous_step_title(&self) -> Option<String> {
        let step = self.phase().step;
        step.checked_sub(1)
            .and_then(|i| self.routine.steps.get(i))
            .filter(|s| !s.is_check_in())
            .map(|s| s.title.clone())
    }

    pub fn next_phase(&self) -> Option<&Phase> {
        self.phases.get(self.current + 1)
    }
}
