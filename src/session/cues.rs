//! Where every cue and announcement is scheduled: halfway and the last seconds of a hold,
//! a phase ending and the next beginning, a step or the session closing with its record.

use std::time::{Duration, Instant};

use super::{Announcement, Cue, Effect, Outcome, PhaseKind, Record, Session};
use crate::text::time::ceil_secs;

/// Holds shorter than this get no halfway cue.
const HALFWAY_MIN: Duration = Duration::from_secs(10);

impl Session {
    /// Halfway and the last three seconds of a hold.
    pub(super) fn cue_moments(&mut self, elapsed: Duration, fx: &mut Vec<Effect>) {
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
        if shown < self.shown_secs
            && shown < total
            && let Ok(n @ 1..=3) = u8::try_from(shown)
        {
            fx.push(Effect::Cue(Cue::Countdown(n)));
            fx.push(Effect::Announce(Announcement::Countdown(n)));
        }
        self.shown_secs = shown;
    }

    pub(super) fn pending_halfway(&self) -> Option<Duration> {
        let duration = self.phase().duration;
        let is_work = matches!(self.phase().kind, PhaseKind::Work { .. });
        (is_work && !self.halfway_done && duration >= HALFWAY_MIN).then_some(duration / 2)
    }

    /// The current phase ends at `at` as planned; the next one starts then.
    pub(super) fn advance(&mut self, at: Instant, fx: &mut Vec<Effect>) {
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
    pub(super) fn finish_phase(&mut self, at: Instant, skipped: bool, fx: &mut Vec<Effect>) {
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
    pub(super) fn close_step(&mut self, fx: &mut Vec<Effect>) {
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
    pub(super) fn enter(
        &mut self,
        index: usize,
        at: Instant,
        announce_step: bool,
        fx: &mut Vec<Effect>,
    ) {
        self.current = index;
        self.spent = Duration::ZERO;
        self.halfway_done = false;
        let phase = *self.phase();
        self.shown_secs = ceil_secs(phase.duration);
        self.running_since = (phase.is_timed() && !self.paused).then_some(at);
        if !phase.is_timed() {
            self.paused = false;
        }
        self.remind_at = (phase.kind == PhaseKind::Ready).then_some(at + super::REMIND_AFTER);
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
        if phase.kind == PhaseKind::CheckIn {
            fx.push(Effect::AskCheckIn {
                after_step: self.previous_step_title(),
            });
        }
    }

    /// A step still waiting for the person at its reminder says so once more, unless a box
    /// is open over it.
    pub(super) fn remind(&mut self, now: Instant, fx: &mut Vec<Effect>) {
        if self.overlay.is_none()
            && self.phase().kind == PhaseKind::Ready
            && self.remind_at.is_some_and(|at| now >= at)
        {
            self.remind_at = None;
            fx.push(Effect::Announce(Announcement::StillWaiting));
        }
    }

    pub(super) fn finish(&mut self, outcome: Outcome, now: Instant, fx: &mut Vec<Effect>) {
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
pub(super) fn keep_one_cue(fx: &mut Vec<Effect>) {
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
