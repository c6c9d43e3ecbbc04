//! The guided session as a pure state machine: events and the time they happen go in, effects
//! come out. No terminal, clock, sound or disk in here, so every rule is testable with a fake clock.
//!
//! Time is kept as deadlines: a running phase knows when it started and how much of it was spent
//! before (pauses), so its end is computed, never counted in ticks, and nothing drifts.

mod effect;
mod timeline;

#[cfg(test)]
mod properties;
#[cfg(test)]
mod tests;

use std::time::{Duration, Instant};

pub use effect::{Announcement, Cue, Effect, Outcome, Record};
pub use timeline::{Phase, PhaseKind, Timeline};

pub use crate::history::{PainChoice, PainTrigger};

use crate::routine::{Routine, Step};

/// How much + and - change the current hold.
pub const ADJUST: Duration = Duration::from_secs(15);
/// Within this much of a step's start, ← goes to the previous step instead of restarting.
pub const RESTART_GRACE: Duration = Duration::from_secs(3);
/// Holds shorter than this get no halfway cue.
const HALFWAY_MIN: Duration = Duration::from_secs(10);

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
                Event::Tick => {}
                Event::Key(key) => self.on_key(key, now, &mut fx),
                Event::CheckedIn { pain, spread } => self.on_check_in(pain, spread, now, &mut fx),
                Event::Interrupt => self.finish(Outcome::Interrupted, now, &mut fx),
                Event::Suspend => {
                    self.overlay_paused = false;
                    self.set_paused(true, now);
                }
            }
        }
        keep_one_cue(&mut fx);
        fx
    }

    /// When the next thing visible or audible happens, if nothing else does first.
    pub fn next_wakeup(&self, now: Instant) -> Option<Instant> {
        let started = self.running_since?;
        let duration = self.phase().duration;
        let elapsed = self.elapsed(now);
        let remaining = duration.saturating_sub(elapsed);
        // The countdown shows whole seconds rounded up; it changes when `remaining` is a whole number.
        let into_second = remaining.subsec_nanos();
        let mut wait = if into_second == 0 {
            Duration::from_secs(1).min(remaining)
        } else {
            Duration::from_nanos(u64::from(into_second))
        };
        if let Some(halfway) = self.pending_halfway() {
            wait = wait.min(halfway.saturating_sub(elapsed));
        }
        // Anchored on the phase's own start, so a late wake-up never shifts the schedule.
        Some(started + (elapsed + wait).saturating_sub(self.spent))
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

    /// Time spent in the current phase at `now`.
    pub fn elapsed(&self, now: Instant) -> Duration {
        let running = self
            .running_since
            .map_or(Duration::ZERO, |since| now.saturating_duration_since(since));
        (self.spent + running).min(self.phase().duration.max(self.spent))
    }

    /// Time left in the current phase at `now`.
    pub fn remaining(&self, now: Instant) -> Duration {
        self.phase().duration.saturating_sub(self.elapsed(now))
    }

    /// Planned time behind: every phase before this one, and what is done of this one.
    pub fn total_done(&self, now: Instant) -> Duration {
        self.phases[..self.current]
            .iter()
            .map(|p| p.duration)
            .sum::<Duration>()
            + self.elapsed(now)
    }

    /// Planned time left: the rest of this phase and every phase after it.
    pub fn total_remaining(&self, now: Instant) -> Duration {
        self.remaining(now)
            + self.phases[self.current + 1..]
                .iter()
                .map(|p| p.duration)
                .sum::<Duration>()
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

    fn on_key(&mut self, key: Key, now: Instant, fx: &mut Vec<Effect>) {
        match (self.overlay, key) {
            (Some(Overlay::PainRule(trigger)), Key::Choose(choice)) => {
                self.on_pain_choice(trigger, choice, now, fx);
            }
            (Some(Overlay::PainRule(_)), _) => {}
            (None, Key::ThisHurts) => {
                self.open_overlay(Overlay::PainRule(PainTrigger::ThisHurts), now);
            }
            (None, Key::Safety) => self.open_overlay(Overlay::Safety, now),
            (Some(Overlay::Safety), Key::Safety | Key::Back | Key::Space | Key::Quit) => {
                self.close_overlay(now)
            }
            (Some(Overlay::ConfirmQuit), Key::Yes | Key::Quit) => {
                self.finish(Outcome::Quit, now, fx);
            }
            (Some(Overlay::Help), Key::Help | Key::Back | Key::Space | Key::Quit)
            | (Some(Overlay::ConfirmQuit), Key::Back | Key::Space) => self.close_overlay(now),
            (Some(_), _) => {}
            (None, Key::Quit) => self.open_overlay(Overlay::ConfirmQuit, now),
            (None, Key::Help) => self.open_overlay(Overlay::Help, now),
            (None, Key::Space) => self.on_space(now, fx),
            (None, Key::Next) => self.skip_forward(now, fx),
            (None, Key::Previous) => self.go_back(now, fx),
            (None, Key::MoreTime) => self.adjust(ADJUST, true, now, fx),
            (None, Key::LessTime) => self.adjust(ADJUST, false, now, fx),
            (None, Key::Yes | Key::Back | Key::Choose(_)) => {}
        }
    }

    fn on_space(&mut self, now: Instant, fx: &mut Vec<Effect>) {
        if self.phase().kind == PhaseKind::Ready {
            self.finish_phase(now, false, fx);
            self.enter(self.current + 1, now, false, fx);
        } else if self.phase().is_timed() {
            self.set_paused(!self.paused, now);
        }
    }

    fn on_check_in(&mut self, pain: Option<u8>, spread: bool, now: Instant, fx: &mut Vec<Effect>) {
        if !self.awaiting_check_in() || self.overlay.is_some() {
            return;
        }
        if pain.is_some() {
            self.last_pain = pain;
        }
        self.advance(now, fx);
        if let Some(trigger) = self.pain_rule(pain, spread)
            && self.outcome.is_none()
        {
            self.open_overlay(Overlay::PainRule(trigger), now);
        }
    }

    /// The pain-monitoring rule: 2 or more points above the start, above 5, or spreading down
    /// the leg means ease off.
    fn pain_rule(&self, pain: Option<u8>, spread: bool) -> Option<PainTrigger> {
        let rose = matches!((self.baseline, pain), (Some(b), Some(p)) if p >= b.saturating_add(2));
        if rose {
            Some(PainTrigger::Rise)
        } else if pain.is_some_and(|p| p > 5) {
            Some(PainTrigger::High)
        } else if spread {
            Some(PainTrigger::Spread)
        } else {
            None
        }
    }

    fn on_pain_choice(
        &mut self,
        trigger: PainTrigger,
        choice: PainChoice,
        now: Instant,
        fx: &mut Vec<Effect>,
    ) {
        fx.push(Effect::Record(Record::PainRule { trigger, choice }));
        match choice {
            PainChoice::Stop => self.finish(Outcome::Quit, now, fx),
            PainChoice::Skip => {
                self.close_overlay(now);
                self.skip_forward(now, fx);
            }
            PainChoice::Gentler => {
                self.shorten_holds(now);
                self.close_overlay(now);
                self.catch_up(now, fx);
            }
        }
    }

    /// Every hold from now on a third shorter, whole seconds, at least one; a hold already past
    /// its new length ends now.
    fn shorten_holds(&mut self, now: Instant) {
        let elapsed = self.elapsed(now);
        for (i, phase) in self.phases.iter_mut().enumerate().skip(self.current) {
            if let PhaseKind::Work { .. } = phase.kind {
                let shorter =
                    Duration::from_secs((phase.duration.as_secs() * 2).div_ceil(3).max(1));
                phase.duration = if i == self.current {
                    shorter.max(elapsed)
                } else {
                    shorter
                };
            }
        }
        self.shown_secs = ceil_secs(self.remaining(now));
    }

    fn open_overlay(&mut self, overlay: Overlay, now: Instant) {
        self.overlay = Some(overlay);
        self.overlay_paused = self.running_since.is_some();
        if self.overlay_paused {
            self.set_paused(true, now);
        }
    }

    fn close_overlay(&mut self, now: Instant) {
        self.overlay = None;
        if std::mem::take(&mut self.overlay_paused) {
            self.set_paused(false, now);
        }
    }

    fn set_paused(&mut self, paused: bool, now: Instant) {
        if !self.phase().is_timed() {
            return;
        }
        if paused {
            self.spent = self.elapsed(now);
            self.running_since = None;
        } else if self.running_since.is_none() {
            self.running_since = Some(now);
        }
        self.paused = paused;
    }

    /// Adds to or takes from the current phase; taking never goes below what is already spent.
    fn adjust(&mut self, by: Duration, more: bool, now: Instant, fx: &mut Vec<Effect>) {
        if !self.phase().is_timed() {
            return;
        }
        let elapsed = self.elapsed(now);
        let phase = &mut self.phases[self.current];
        phase.duration = if more {
            phase.duration + by
        } else {
            phase.duration.saturating_sub(by).max(elapsed)
        };
        self.shown_secs = ceil_secs(phase.duration.saturating_sub(elapsed));
        self.catch_up(now, fx);
    }

    /// → : on to the next step, whatever is left of this one.
    fn skip_forward(&mut self, now: Instant, fx: &mut Vec<Effect>) {
        if self.awaiting_check_in() {
            self.on_check_in(None, false, now, fx);
            return;
        }
        let step = self.phase().step;
        let next = self.phases[self.current..]
            .iter()
            .position(|p| p.step != step)
            .map(|offset| self.current + offset);
        self.finish_phase(now, true, fx);
        // Every step ends at its last deadline, so leaving it early always leaves something undone.
        self.step_skipped = true;
        self.close_step(fx);
        match next {
            Some(index) => self.enter(index, now, true, fx),
            None => self.finish(Outcome::Completed, now, fx),
        }
    }

    /// ← : back to the start of this step, or to the previous step when this one has barely begun.
    fn go_back(&mut self, now: Instant, fx: &mut Vec<Effect>) {
        let step = self.phase().step;
        let first_of_step = self.first_phase_of(step);
        let in_step = self.step_spent + self.elapsed(now);
        let target = if in_step > RESTART_GRACE || step == 0 {
            first_of_step
        } else {
            self.first_phase_of(step - 1)
        };
        self.total_spent += self.elapsed(now);
        self.step_spent = Duration::ZERO;
        self.step_skipped = false;
        self.enter(target, now, true, fx);
    }

    fn first_phase_of(&self, step: usize) -> usize {
        self.phases.iter().position(|p| p.step == step).unwrap_or(0)
    }

    /// Runs every deadline that has passed by `now`, each phase starting exactly where the last ended.
    fn catch_up(&mut self, now: Instant, fx: &mut Vec<Effect>) {
        while self.outcome.is_none() {
            let Some(since) = self.running_since else {
                return;
            };
            let duration = self.phase().duration;
            let elapsed = self.spent + now.saturating_duration_since(since);
            if elapsed < duration {
                self.cue_moments(elapsed, fx);
                return;
            }
            let deadline = since + (duration - self.spent);
            self.advance(deadline, fx);
        }
    }

    /// Halfway and the last three seconds of a hold.
    fn cue_moments(&mut self, elapsed: Duration, fx: &mut Vec<Effect>) {
        let PhaseKind::Work { .. } = self.phase().kind else {
            return;
        };
        if let Some(halfway) = self.pending_halfway()
            && elapsed >= halfway
        {
            self.halfway_done = true;
            fx.push(Effect::Cue(Cue::Halfway));
            fx.push(Effect::Announce(Announcement::Halfway));
        }
        let shown = ceil_secs(self.phase().duration.saturating_sub(elapsed));
        let total = ceil_secs(self.phase().duration);
        // Only the latest second crossed is cued: after a stall, one beep, not a burst.
        if shown < self.shown_secs && (1..=3).contains(&shown) && shown < total {
            let n = shown as u8;
            fx.push(Effect::Cue(Cue::Countdown(n)));
            fx.push(Effect::Announce(Announcement::Countdown(n)));
        }
        self.shown_secs = shown;
    }

    fn pending_halfway(&self) -> Option<Duration> {
        let duration = self.phase().duration;
        let is_work = matches!(self.phase().kind, PhaseKind::Work { .. });
        (is_work && !self.halfway_done && duration >= HALFWAY_MIN).then_some(duration / 2)
    }

    /// The current phase ends at `at` as planned; the next one starts then.
    fn advance(&mut self, at: Instant, fx: &mut Vec<Effect>) {
        let step = self.phase().step;
        self.finish_phase(at, false, fx);
        let next = self.current + 1;
        if next >= self.phases.len() {
            self.close_step(fx);
            fx.push(Effect::Cue(Cue::SessionComplete));
            fx.push(Effect::Announce(Announcement::Complete));
            self.finish(Outcome::Completed, at, fx);
            return;
        }
        let new_step = self.phases[next].step != step;
        if new_step {
            self.close_step(fx);
        }
        self.enter(next, at, new_step, fx);
    }

    /// Closes the current phase at `at`, counting its time.
    fn finish_phase(&mut self, at: Instant, skipped: bool, fx: &mut Vec<Effect>) {
        let elapsed = self.elapsed(at);
        self.step_spent += elapsed;
        self.total_spent += elapsed;
        self.running_since = None;
        self.spent = Duration::ZERO;
        if !skipped && matches!(self.phase().kind, PhaseKind::Work { .. }) {
            fx.push(Effect::Cue(Cue::End));
            fx.push(Effect::Announce(Announcement::Done));
        }
    }

    /// Records the step just left; check-ins are recorded by their answer instead.
    fn close_step(&mut self, fx: &mut Vec<Effect>) {
        let step = self.phase().step;
        if !self.routine.steps[step].is_check_in() {
            fx.push(Effect::Record(Record::StepDone {
                step,
                planned: self.planned[step],
                actual: self.step_spent,
                skipped: self.step_skipped,
            }));
        }
        self.step_spent = Duration::ZERO;
        self.step_skipped = false;
    }

    /// Starts phase `index` at `at`. `announce_step` says the step is being (re)entered.
    fn enter(&mut self, index: usize, at: Instant, announce_step: bool, fx: &mut Vec<Effect>) {
        self.current = index;
        self.spent = Duration::ZERO;
        self.halfway_done = false;
        let phase = *self.phase();
        self.shown_secs = ceil_secs(phase.duration);
        self.running_since = (phase.is_timed() && !self.paused).then_some(at);
        if !phase.is_timed() {
            self.paused = false;
        }
        let first_side = self.step().sides.order().first().copied().flatten();
        if announce_step && phase.kind != PhaseKind::CheckIn {
            fx.push(Effect::Announce(Announcement::StepStart {
                step: phase.step,
                side: first_side,
            }));
        }
        let (cue, words) = match phase.kind {
            PhaseKind::Ready => (Cue::GetReady, Announcement::WaitForKey),
            PhaseKind::LeadIn => (Cue::GetReady, Announcement::GetReady(phase.duration)),
            PhaseKind::Work { side, rep } => (Cue::Go, Announcement::Go { side, rep }),
            PhaseKind::Rest { .. } => (Cue::Rest, Announcement::Rest(phase.duration)),
            PhaseKind::Switch { to } => (
                Cue::SwitchSides,
                Announcement::Switch {
                    to,
                    after: phase.duration,
                },
            ),
            PhaseKind::CheckIn => (Cue::CheckIn, Announcement::CheckIn { step: phase.step }),
        };
        fx.push(Effect::Cue(cue));
        fx.push(Effect::Announce(words));
    }

    fn finish(&mut self, outcome: Outcome, now: Instant, fx: &mut Vec<Effect>) {
        if outcome != Outcome::Completed {
            let elapsed = self.elapsed(now);
            self.step_spent += elapsed;
            self.total_spent += elapsed;
            self.step_skipped = true;
            if elapsed > Duration::ZERO || self.step_spent > Duration::ZERO {
                self.close_step(fx);
            }
        }
        self.running_since = None;
        self.spent = Duration::ZERO;
        self.overlay = None;
        self.outcome = Some(outcome);
        fx.push(Effect::Record(Record::SessionEnded {
            outcome,
            elapsed: self.total_spent,
        }));
        fx.push(Effect::Quit(outcome));
    }
}

/// Moments that fall together get one sound, the one that says most, so that no two cues
/// play over each other: a hold that ends as the rest begins is heard as "rest".
fn keep_one_cue(fx: &mut Vec<Effect>) {
    let rank = |cue: &Cue| match cue {
        Cue::SessionComplete => 8,
        Cue::CheckIn => 7,
        Cue::SwitchSides => 6,
        Cue::Go => 5,
        Cue::Rest => 4,
        Cue::End => 3,
        Cue::GetReady => 2,
        Cue::Halfway => 1,
        Cue::Countdown(_) => 0,
    };
    let best = fx
        .iter()
        .filter_map(|e| match e {
            Effect::Cue(c) => Some(*c),
            _ => None,
        })
        .max_by_key(rank);
    let mut kept = false;
    fx.retain(|e| match e {
        Effect::Cue(c) if Some(*c) == best && !kept => {
            kept = true;
            true
        }
        Effect::Cue(_) => false,
        _ => true,
    });
}

/// Whole seconds, rounded up, as a countdown shows them.
pub fn ceil_secs(d: Duration) -> u64 {
    d.as_secs() + u64::from(d.subsec_nanos() > 0)
}
