//! Sitting breaks, pure: when the next break falls due, what the prompt offers, and what each
//! answer records. Time comes in as a monotonic [`Instant`], so a stop with Ctrl-Z or a jump of
//! the wall clock moves nothing: a break falls due after `every` of time really passed, and a
//! break that fell due while unknot was stopped is asked for as soon as it runs again.

#[cfg(test)]
mod tests;

use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};

use crate::history::{BreakAnswer, Event as Line, SittingBreak};

/// How often to stand up, and for how long a snooze puts it off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rhythm {
    /// From the end of one break (or the start) to the next prompt.
    pub every: Duration,
    /// From a snooze to the prompt again.
    pub snooze: Duration,
}

/// Where the sitting is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Sitting; the prompt comes at `due`.
    Sitting {
        due: Instant,
        /// The last prompt was snoozed.
        snoozed: bool,
    },
    /// "Time to stand up and move", up since `since`.
    Prompt { since: Instant },
    /// The desk-break routine is running; the person had sat `sat` when they took it.
    OnBreak { sat: Duration },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// Time passed: a wake-up at the time [`Desk::next_wakeup`] asked for, or any other.
    Tick,
    /// Start the desk-break routine: at the prompt, or before it is due.
    Take,
    /// Ask again after the snooze.
    Snooze,
    /// Not this time: ask again after a whole `every`.
    Skip,
    /// The desk-break routine is over: `moved` when its session began (however it ended),
    /// not when the safety questions or the person stopped it before.
    BreakOver { moved: bool },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Ring: a sound, or the terminal bell.
    Ring,
    /// Start the desk-break routine.
    StartBreak,
    /// A line for the history.
    Record(Line),
}

/// What was answered since `unknot desk` started.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    pub taken: u32,
    pub snoozed: u32,
    pub skipped: u32,
}

#[derive(Debug, Clone)]
pub struct Desk {
    rhythm: Rhythm,
    stage: Stage,
    /// Since the last break ended, or since the start: how long the person has sat.
    sitting_since: Instant,
    tally: Tally,
}

impl Desk {
    /// Sitting from `now`, the first prompt after `rhythm.every`.
    pub fn new(rhythm: Rhythm, now: Instant) -> Desk {
        Desk {
            rhythm,
            stage: Stage::Sitting {
                due: now + rhythm.every,
                snoozed: false,
            },
            sitting_since: now,
            tally: Tally::default(),
        }
    }

    pub fn stage(&self) -> Stage {
        self.stage
    }

    pub fn rhythm(&self) -> Rhythm {
        self.rhythm
    }

    pub fn tally(&self) -> Tally {
        self.tally
    }

    /// How long the person has sat by `now`: since the last break ended, or the start.
    pub fn sitting(&self, now: Instant) -> Duration {
        now.saturating_duration_since(self.sitting_since)
    }

    /// When to be woken: the prompt's time while sitting; at the prompt, when the time sat
    /// reaches its next whole minute (it is on screen); never during a break, which has its own
    /// deadlines.
    pub fn next_wakeup(&self, now: Instant) -> Option<Instant> {
        match self.stage {
            Stage::Sitting { due, .. } => Some(due),
            Stage::Prompt { .. } => {
                let minutes = self.sitting(now).as_secs() / 60 + 1;
                Some(self.sitting_since + Duration::from_secs(minutes * 60))
            }
            Stage::OnBreak { .. } => None,
        }
    }

    /// The wall-clock time of the next prompt, while sitting: `wall` (the wall clock at `now`)
    /// plus what is left of the monotonic wait, so a jump of the wall clock shows at once.
    pub fn due_at(
        &self,
        now: Instant,
        wall: DateTime<FixedOffset>,
    ) -> Option<DateTime<FixedOffset>> {
        let left = self.due()?.saturating_duration_since(now);
        Some(wall + chrono::TimeDelta::from_std(left).ok()?)
    }

    /// When the next prompt comes, while sitting.
    pub fn due(&self) -> Option<Instant> {
        match self.stage {
            Stage::Sitting { due, .. } => Some(due),
            Stage::Prompt { .. } | Stage::OnBreak { .. } => None,
        }
    }

    pub fn handle(&mut self, event: Event, now: Instant) -> Vec<Effect> {
        match (self.stage, event) {
            (Stage::Sitting { due, .. }, Event::Tick) if now >= due => {
                self.stage = Stage::Prompt { since: now };
                vec![Effect::Ring]
            }
            (Stage::Sitting { .. } | Stage::Prompt { .. }, Event::Take) => {
                self.stage = Stage::OnBreak {
                    sat: self.sitting(now),
                };
                vec![Effect::StartBreak]
            }
            (Stage::Prompt { .. }, Event::Snooze) => {
                self.tally.snoozed += 1;
                let line = self.line(BreakAnswer::Snoozed, now);
                self.stage = Stage::Sitting {
                    due: now + self.rhythm.snooze,
                    snoozed: true,
                };
                vec![Effect::Record(line)]
            }
            (Stage::Prompt { .. }, Event::Skip) => {
                self.tally.skipped += 1;
                let line = self.line(BreakAnswer::Skipped, now);
                self.stage = Stage::Sitting {
                    due: now + self.rhythm.every,
                    snoozed: false,
                };
                vec![Effect::Record(line)]
            }
            // Kept once it is known whether the break happened: one that never began is a
            // skip, and the sitting goes on.
            (Stage::OnBreak { sat }, Event::BreakOver { moved }) => {
                let answer = if moved {
                    self.tally.taken += 1;
                    self.sitting_since = now;
                    BreakAnswer::Taken
                } else {
                    self.tally.skipped += 1;
                    BreakAnswer::Skipped
                };
                self.stage = Stage::Sitting {
                    due: now + self.rhythm.every,
                    snoozed: false,
                };
                vec![Effect::Record(Line::SittingBreak(SittingBreak {
                    answer,
                    sitting_s: sat.as_secs_f64(),
                }))]
            }
            _ => Vec::new(),
        }
    }

    fn line(&self, answer: BreakAnswer, now: Instant) -> Line {
        Line::SittingBreak(SittingBreak {
            answer,
            sitting_s: self.sitting(now).as_secs_f64(),
        })
    }
}
