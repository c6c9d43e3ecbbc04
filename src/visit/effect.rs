//! What goes into the visit (events) and what comes out of it (effects): plain data, turned into
//! the world by the front ends.

use chrono::{DateTime, FixedOffset};

use super::Summary;
use super::checkin::{FormKey, Question};
use crate::history::{self, PainChoice, PainTrigger};
use crate::safety::{Answer, Stage as SafetyStage};
use crate::session::{self, Announcement, Cue};

/// Something that happened, as a front end saw it.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// Time has passed; nothing else happened.
    Tick,
    /// A routine from the list, by its place in it.
    Choose(usize),
    /// The history was opened for writing, or why it could not be (it is refused).
    Opened(Result<(), String>),
    /// The history has been read: what came before this visit.
    Past(Box<super::Past>),
    /// An answer to the safety question shown.
    Safety(Answer),
    /// On from what is shown: the cautions have been read, the summary is done with.
    Continue,
    /// A key for the check-in question shown.
    Form(FormKey),
    /// A control of the running session.
    Session(session::Key),
    /// A line typed in plain mode: the answer to what is being asked, or kept for the next
    /// question when nothing is.
    Line(String),
    /// No more lines will come (plain mode): the questions left are skipped.
    InputEnded,
    /// q or Esc: back to the routines before the session; out of unknot after it.
    Leave,
    /// Ctrl-C: stop now, without a question.
    Stop,
    /// Stopped from outside: a signal, or the terminal went away.
    Interrupt,
    /// unknot is about to stop for a while (Ctrl-Z).
    Suspend,
    /// The screen cannot be seen (the window is too small): the countdown waits.
    Hidden,
    /// unknot runs again after a stop.
    Continued,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Cue(Cue),
    /// Words of the session: spoken with the voice on, printed in plain mode.
    Announce(Announcement),
    /// A line for the history, written and synced now.
    Record(history::Event),
    /// Words of the visit for plain mode, which has no screen to show the stage on.
    Say(Say),
    /// What the voice says for this event's effects, as one utterance, last in the batch; said
    /// with the voice on, in turn with the cues (see `visit::spoken`).
    Speak(String),
    /// A routine was chosen: open the history for writing; the answer comes back as
    /// [`Event::Opened`].
    OpenHistory,
    /// This visit will write nothing more: the history can be let go.
    CloseHistory,
    /// The visit is over.
    Over(Ending),
}

impl Effect {
    /// The cues among `effects`, in order. Both front ends hand them to the sound device before
    /// carrying out the rest: a cue is heard the moment it is due, and the history line of the
    /// same moment is synced to disk after it.
    pub fn cues(effects: &[Effect]) -> Vec<Cue> {
        effects
            .iter()
            .filter_map(|effect| match effect {
                Effect::Cue(cue) => Some(*cue),
                _ => None,
            })
            .collect()
    }
}

/// How a visit ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// Back to the routines: the session is done with, or never started.
    Home,
    /// Out of unknot.
    Exit,
    /// The safety questions kept the session from starting, and why; back to the routines, or
    /// out of unknot when the person was `leaving` (Ctrl-C, a signal).
    NotStarted { why: NotStarted, leaving: bool },
}

/// What plain mode prints at each moment of the visit.
#[derive(Debug, Clone, PartialEq)]
pub enum Say {
    /// The routines, numbered, and how to choose one.
    Routines,
    /// The choice was not one of the numbers.
    ChooseAgain,
    /// How was the morning after the session that started then?
    Morning(DateTime<FixedOffset>),
    /// The chosen routine in one line.
    Intro,
    /// The safety questions have moved on to this stage.
    Safety(SafetyStage),
    /// Has a doctor checked the sign answered on `since` (numbers from 1 of the doctor
    /// questions answered yes then)?
    Recheck {
        since: DateTime<FixedOffset>,
        yes: Vec<u8>,
    },
    /// A GP appointment is advised; the routine chosen is `gentle`, or not.
    GpAdvice {
        gentle: bool,
    },
    /// The answer was not a yes or a no.
    Unclear,
    /// Why the session does not start.
    NotStarted(NotStarted),
    /// The self-massage cautions.
    Cautions,
    Question(Question),
    /// The line does not answer this question.
    Invalid(Question),
    /// The answer to `question` just kept (in `answers`), or that it was skipped.
    Answered {
        question: Question,
        answers: Box<history::CheckIn>,
    },
    /// Input has ended: the questions left are skipped.
    InputEnded,
    /// The pain-monitoring rule paused the session: stop, skip or gentler?
    EaseOff {
        trigger: PainTrigger,
        before: Option<u8>,
        now: Option<u8>,
    },
    /// The choice made.
    Chose(PainChoice),
    /// Paused: a line goes on.
    Paused,
    /// unknot is stopping until `fg`.
    Suspended,
    /// The session's summary.
    Summary(Box<Summary>),
}

impl NotStarted {
    /// The advice to leave the person with, on the home screen or as unknot closes.
    pub fn advice(self) -> &'static str {
        match self {
            NotStarted::Doctor => crate::text::safety::STOPPED_FOR_DOCTOR,
            NotStarted::GentleOnly => crate::text::safety::STOPPED_FOR_GENTLE,
            NotStarted::NotAnswered => crate::text::safety::NOT_ANSWERED,
            NotStarted::Emergency => crate::text::safety::EMERGENCY_NOW,
        }
    }
}

/// Why the safety questions kept the session from starting. Each has its advice, said on the
/// way out, whichever way out it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotStarted {
    /// A reason to see a doctor first, and the person stopped.
    Doctor,
    /// A GP appointment is advised, and this routine is more than gentle exercise.
    GentleOnly,
    /// The questions were not all answered.
    NotAnswered,
    /// An emergency sign: its advice was given already.
    Emergency,
}
