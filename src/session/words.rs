//! Which words each value of the session's types takes. The words live in `text`; here each
//! type picks its own, so `text` never needs to know the session's types.

use std::time::Duration;

use super::{Announcement, Cue, PhaseKind};
use crate::routine::{Routine, Side};
use crate::text;

impl Announcement {
    /// One line of the session in words, as plain mode prints it and a voice would say it.
    pub fn words(&self, routine: &Routine) -> String {
        use text::session as words;
        let total = routine.steps.len();
        match self {
            Announcement::StepStart { step, side } => match routine.steps.get(*step) {
                Some(s) => words::step_heading(*step, total, &s.line(*side)),
                None => words::step_of(*step, total),
            },
            Announcement::WaitForKey => words::WAIT_FOR_KEY_PLAIN.to_string(),
            Announcement::StillWaiting => text::voice::STILL_WAITING_PLAIN.to_string(),
            Announcement::GetReady(d) => words::get_ready(*d),
            Announcement::Go { side, rep } => match (side, rep) {
                (_, r) if *r > 1 => words::go_rep(*r),
                (Some(side), _) => words::go_side(side.word()),
                _ => words::GO.to_string(),
            },
            Announcement::Halfway => words::HALFWAY.to_string(),
            Announcement::Countdown(n) => n.to_string(),
            Announcement::Done => words::DONE.to_string(),
            Announcement::Rest(d) => words::rest(*d),
            Announcement::Switch { to, after } => words::switch(to.word(), *after),
            Announcement::CheckIn { step } => match routine.steps.get(*step) {
                Some(s) => words::step_heading(*step, total, &s.title),
                None => text::checkin::CHECK_IN_TITLE.to_string(),
            },
            Announcement::Complete => words::COMPLETE.to_string(),
        }
    }
}

impl PhaseKind {
    /// What the person is doing now: "Hold - left side - rep 2 of 3", for a step of `reps`.
    pub fn label(self, reps: u32) -> String {
        use text::session as words;
        match self {
            PhaseKind::Ready => words::LABEL_READY.to_string(),
            PhaseKind::LeadIn => words::LABEL_LEAD_IN.to_string(),
            PhaseKind::Work { side, rep } => words::label_hold(side.map(Side::word), rep, reps),
            PhaseKind::Rest { .. } => words::LABEL_REST.to_string(),
            PhaseKind::Switch { to } => words::label_switch(to.word()),
            PhaseKind::CheckIn => words::LABEL_CHECK_IN.to_string(),
        }
    }

    /// This phase as what comes next, lasting `d`: "rest 10 s", "hold on the left side, 30 s".
    pub fn next_words(self, d: Duration) -> String {
        use text::session as words;
        match self {
            PhaseKind::Rest { .. } => words::next_rest(d),
            PhaseKind::Switch { to } => words::next_switch(to.word()),
            PhaseKind::Work { side, rep: 1 } => words::next_hold(side.map(Side::word), d),
            PhaseKind::Work { rep, .. } => words::next_rep(rep, d),
            PhaseKind::LeadIn | PhaseKind::Ready => words::NEXT_GET_READY.to_string(),
            PhaseKind::CheckIn => words::NEXT_CHECK_IN.to_string(),
        }
    }
}

impl Cue {
    /// The cue's name, as the settings file's sound fields spell it: `get_ready`.
    pub fn name(self) -> &'static str {
        use text::sound as words;
        match self {
            Cue::GetReady => words::CUE_GET_READY,
            Cue::Go => words::CUE_GO,
            Cue::Halfway => words::CUE_HALFWAY,
            Cue::Countdown(_) => words::CUE_COUNTDOWN,
            Cue::End => words::CUE_END,
            Cue::Rest => words::CUE_REST,
            Cue::SwitchSides => words::CUE_SWITCH_SIDES,
            Cue::CheckIn => words::CUE_CHECK_IN,
            Cue::SessionComplete => words::CUE_SESSION_COMPLETE,
        }
    }
}
