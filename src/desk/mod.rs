//! Sitting breaks, pure: when the next break falls due, what the prompt offers, and what each
//! answer records. Time comes in as a monotonic [`Instant`], so a stop with Ctrl-Z or a jump of
//! the wall clock moves nothing: a break falls due after `every` of time really passed, and a
//! break that fell due while unknot was stopped is asked for as soon as it runs again.

#[cfg(test)]
mod tests;

use std::time::{Duration, Instant};

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
    /// The desk-break routine is running.
    OnBreak,
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
    /// The desk-break routine is over, however it ended.
    BreakOver,
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

    /// When to be woken: the prompt's time while sitting; never otherwise (the prompt waits for
    /// a key, the break has its own deadlines).
    pub fn next_wakeup(&self) -> Option<Instant> {
        match self.stage {
            Stage::Sitting { due, .. } => Some(due),
            Stage::Prompt { .. } | Stage::OnBreak => None,
        }
    }

    pub fn handle(&mut self, event: Event, now: Instant) -> Vec<Effect> {
        match (self.stage, event) {
            (Stage::Sitting { due, .. }, Event::Tick) if now >= due => {
                self.stage = Stage::Prompt { since: now };
                vec![Effect::Ring]
            }
            (Stage::Sitting { .. } | Stage::Prompt { .. }, Event::Take) => {
                self.tally.taken += 1;
                let line = self.line(BreakAnswer::Taken, now);
                self.stage = Stage::OnBreak;
                vec![Effect::Record(line), Effect::StartBreak]
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
            (Stage::OnBreak, Event::BreakOver) => {
                self.sitting_since = now;
                self.stage = Stage::Sitting {
                    due: now + self.rhythm.every,
                    snoozed: false,
                };
                Vec::new()
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
