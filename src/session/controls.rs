//! What keys do: pause, skip, back, more or less time, the boxes that open over the session,
//! the check-in answer and the pain-monitoring rule with its choices.

use std::time::{Duration, Instant};

use super::{
    ADJUST, Effect, Key, Outcome, Overlay, PainChoice, PainTrigger, PhaseKind, RESTART_GRACE,
    Record, Session,
};

impl Session {
    pub(super) fn on_key(&mut self, key: Key, now: Instant, fx: &mut Vec<Effect>) {
        match (self.overlay, key) {
            (Some(Overlay::PainRule(trigger)), Key::Choose(choice)) => {
                self.on_pain_choice(trigger, choice, now, fx);
            }
            (None, Key::ThisHurts) => self.ease_off(PainTrigger::ThisHurts, now, fx),
            (None, Key::Safety) => self.open_overlay(Overlay::Safety, now),
            (Some(Overlay::Safety), Key::Safety | Key::Back | Key::Space | Key::Quit) => {
                self.close_overlay(now);
            }
            (Some(Overlay::ConfirmQuit), Key::Yes | Key::Quit) => {
                self.finish(Outcome::Quit, now, fx);
            }
            (Some(Overlay::Help), Key::Help | Key::Back | Key::Space | Key::Quit)
            | (Some(Overlay::ConfirmQuit), Key::Back | Key::Space) => self.close_overlay(now),
            (None, Key::Quit) => self.open_overlay(Overlay::ConfirmQuit, now),
            (None, Key::Help) => self.open_overlay(Overlay::Help, now),
            (None, Key::Space) => self.on_space(now, fx),
            (None, Key::Next) => self.skip_forward(now, fx),
            (None, Key::Previous) => self.go_back(now, fx),
            (None, Key::MoreTime) => self.adjust(ADJUST, true, now, fx),
            (None, Key::LessTime) => self.adjust(ADJUST, false, now, fx),
            // An open box takes only its own keys (the pain rule's, only a choice).
            (Some(_), _) | (None, Key::Yes | Key::Back | Key::Choose(_)) => {}
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

    pub(super) fn on_check_in(
        &mut self,
        pain: Option<u8>,
        spread: bool,
        now: Instant,
        fx: &mut Vec<Effect>,
    ) {
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
            self.ease_off(trigger, now, fx);
        }
    }

    /// The pain-monitoring rule's box: the session waits for stop, skip or gentler.
    fn ease_off(&mut self, trigger: PainTrigger, now: Instant, fx: &mut Vec<Effect>) {
        self.open_overlay(Overlay::PainRule(trigger), now);
        fx.push(Effect::EaseOff(trigger));
    }

    /// The pain-monitoring rule: 2 or more points above the start, above 5 and above the
    /// start, or spreading down the leg means ease off. The 2-point trigger is unknot's own
    /// adaptation of a tendon model (Silbernagel 2007; CLINICAL §3).
    fn pain_rule(&self, pain: Option<u8>, spread: bool) -> Option<PainTrigger> {
        let rose = matches!((self.baseline, pain), (Some(b), Some(p)) if p >= b.saturating_add(2));
        // Pain the person already had is not the exercise's doing: above 5 counts only when it
        // is also above where they started (CLINICAL §3).
        let above_start = |p: u8| self.baseline.is_none_or(|b| p > b);
        if rose {
            Some(PainTrigger::Rise)
        } else if pain.is_some_and(|p| p > 5 && above_start(p)) {
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
}
