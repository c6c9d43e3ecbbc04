//! What the session asks of the world: sounds, records, words, the end. Plain data, carried out by the app.

use std::time::Duration;

use crate::routine::Side;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Cue(Cue),
    Record(Record),
    Announce(Announcement),
    /// A check-in step has begun: ask its questions. `after_step` is the title of the timed
    /// step just before it, which the answer measures.
    AskCheckIn {
        after_step: Option<String>,
    },
    /// The pain-monitoring rule paused the session: stop, skip or carry on gentler?
    EaseOff(crate::history::PainTrigger),
    /// The session is over.
    Quit(Outcome),
}

/// A moment worth a sound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    GetReady,
    Go,
    Halfway,
    /// One of the last seconds of a hold: 3, 2, 1.
    Countdown(u8),
    /// A hold has ended.
    End,
    Rest,
    SwitchSides,
    CheckIn,
    SessionComplete,
}

/// Something that happened, worth keeping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Record {
    SessionStarted {
        title: String,
    },
    StepDone {
        step: usize,
        planned: Duration,
        actual: Duration,
        skipped: bool,
    },
    SessionEnded {
        outcome: Outcome,
        elapsed: Duration,
    },
    /// The pain-monitoring rule paused the session, and the person chose.
    PainRule {
        trigger: crate::history::PainTrigger,
        choice: crate::history::PainChoice,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Completed,
    /// The person chose to stop.
    Quit,
    /// Stopped from outside: a signal, a closed terminal.
    Interrupted,
}

/// Words for the person: spoken, or printed in plain mode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Announcement {
    StepStart {
        step: usize,
        side: Option<Side>,
    },
    /// The step waits for the person to get into position.
    WaitForKey,
    /// Still waiting, [`super::REMIND_AFTER`] later with nothing pressed: said once a step.
    StillWaiting,
    GetReady(Duration),
    Go {
        side: Option<Side>,
        rep: u32,
    },
    Halfway,
    Countdown(u8),
    Done,
    Rest(Duration),
    Switch {
        to: Side,
        after: Duration,
    },
    CheckIn {
        step: usize,
    },
    Complete,
}
