//! Deadlines and time: when the next moment falls, what is spent and left, catching up on
//! deadlines passed, pausing, and the arithmetic of + and - and of gentler holds.

use std::time::{Duration, Instant};

use super::{Effect, PhaseKind, Session};
use crate::text::time::ceil_secs;

impl Session {
    /// When the next thing visible or audible happens, if nothing else does first.
    pub fn next_wakeup(&self, now: Instant) -> Option<Instant> {
        if self.outcome.is_none() && self.overlay.is_none() && self.remind_at.is_some() {
            return self.remind_at;
        }
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

    /// Runs every deadline that has passed by `now`, each phase starting exactly where the last ended.
    pub(super) fn catch_up(&mut self, now: Instant, fx: &mut Vec<Effect>) {
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
            // Never below zero: what is spent never passes the phase's length.
            let deadline = since + duration.saturating_sub(self.spent);
            self.advance(deadline, fx);
        }
    }

    pub(super) fn set_paused(&mut self, paused: bool, now: Instant) {
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
    pub(super) fn adjust(&mut self, by: Duration, more: bool, now: Instant, fx: &mut Vec<Effect>) {
        // Only a hold: extra presses after it has ended must not eat the next step's lead-in.
        if !matches!(self.phase().kind, PhaseKind::Work { .. }) {
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

    /// Every hold from now on a third shorter, whole seconds, at least one; a hold already past
    /// its new length ends now.
    pub(super) fn shorten_holds(&mut self, now: Instant) {
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
}
