//! What a finished session amounts to, folded from its records.

use std::time::Duration;

use crate::routine::Routine;
use crate::session::{Outcome, Record};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub title: String,
    pub outcome: Outcome,
    pub elapsed: Duration,
    pub planned: Duration,
    /// Timed steps in the routine.
    pub steps_total: usize,
    /// Timed steps run to their end.
    pub steps_done: usize,
    /// Timed steps left early or skipped.
    pub steps_cut: usize,
    /// (check-in title, score) in the order asked.
    pub check_ins: Vec<(String, Option<u8>)>,
}

impl Summary {
    pub fn new(routine: &Routine, records: &[Record]) -> Summary {
        let mut summary = Summary {
            title: routine.title.clone(),
            outcome: Outcome::Interrupted,
            elapsed: Duration::ZERO,
            planned: routine.planned_duration(),
            steps_total: routine.timed_steps(),
            steps_done: 0,
            steps_cut: 0,
            check_ins: Vec::new(),
        };
        for record in records {
            match record {
                Record::StepDone { skipped, .. } => {
                    if *skipped {
                        summary.steps_cut += 1;
                    } else {
                        summary.steps_done += 1;
                    }
                }
                Record::CheckIn { step, pain } => {
                    let title = routine
                        .steps
                        .get(*step)
                        .map_or_else(String::new, |s| s.title.clone());
                    summary.check_ins.push((title, *pain));
                }
                Record::SessionEnded { outcome, elapsed } => {
                    summary.outcome = *outcome;
                    summary.elapsed = *elapsed;
                }
                Record::SessionStarted { .. } => {}
            }
        }
        summary
    }
}
