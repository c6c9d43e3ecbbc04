//! Safety before and after exercise: the red-flag questions and when to ask them
//! ([`screening`]), the cautions for self-massage, the morning after a session and suggestions to
//! step up or back ([`progress`]). Pure: history in, decisions out.

mod progress;
mod screening;
mod trend;

use crate::history::{Digest, SafetyKind};
use crate::routine::{Routine, StepKind, Tool};

pub use progress::{morning_to_ask, progression};
pub use screening::{
    Answer, Gate, Screening, Stage, TIERS, Tier, gate, gentle_only, parse_yes_no, standing_advice,
};
pub use trend::{Observation, Worsening, observations, worsening};

/// Whether a routine uses a ball or a roller (a ball against a wall included): the self-massage
/// cautions come before the first such routine.
pub fn uses_ball_or_roller(routine: &Routine) -> bool {
    routine.steps.iter().any(|s| {
        s.kind == StepKind::Massage
            && matches!(
                s.tool,
                Some(Tool::TennisBall | Tool::FoamRoller | Tool::Wall)
            )
    })
}

/// Whether the self-massage cautions were shown before: they are shown once.
pub fn cautions_shown(history: &Digest) -> bool {
    history.any_safety(SafetyKind::MassageCautions)
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod trend_tests;
