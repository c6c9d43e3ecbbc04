//! What a visit needs of what came before it, worked out from the history's digest once it has
//! been read. It arrives as an event ([`super::Event::Past`]), so nothing waits for the file:
//! the routines can be chosen and a countdown runs meanwhile; only the questions that depend on
//! the past (the morning after, the safety questions) wait for it.

use chrono::{DateTime, FixedOffset};
use uuid::Uuid;

use crate::history::Digest;
use crate::safety::{self, Gate, Observation};

#[derive(Debug, Clone, PartialEq)]
pub struct Past {
    /// Which safety questions come before a session.
    pub(super) gate: Gate,
    /// The self-massage cautions were shown before.
    pub(super) cautions_shown: bool,
    /// What the person said about their symptoms before, for signs of worsening.
    pub(super) observed: Vec<Observation>,
    /// The last session, with when it started, when its morning after is to be asked now.
    pub(super) morning: Option<(Uuid, DateTime<FixedOffset>)>,
}

impl Past {
    /// What `digest` says for a visit that began at `began`.
    pub fn of(digest: &Digest, began: DateTime<FixedOffset>) -> Past {
        Past {
            gate: safety::gate(digest, began),
            cautions_shown: safety::cautions_shown(digest),
            observed: safety::observations(digest),
            morning: safety::morning_to_ask(digest, began).map(|s| (s.id, s.started)),
        }
    }
}
