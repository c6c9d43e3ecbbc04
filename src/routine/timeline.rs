//! A routine expanded into the phases a person lives through: get ready, work, rest, switch sides.

use std::time::Duration;

use super::{Routine, Side};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhaseKind {
    /// Waiting for Space while the person gets into position; no timer.
    Ready,
    LeadIn,
    Work {
        side: Option<Side>,
        rep: u32,
    },
    /// Between two reps on the same side.
    Rest {
        side: Option<Side>,
        next_rep: u32,
    },
    /// Between the left and the right side.
    Switch {
        to: Side,
    },
    /// Waiting for a pain score; no timer.
    CheckIn,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Phase {
    /// Index of the routine step this phase belongs to.
    pub step: usize,
    pub kind: PhaseKind,
    /// How long the phase runs; zero for phases that wait for the person.
    pub duration: Duration,
}

impl Phase {
    pub fn is_timed(&self) -> bool {
        !matches!(self.kind, PhaseKind::Ready | PhaseKind::CheckIn)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    pub phases: Vec<Phase>,
}

impl Timeline {
    pub fn new(routine: &Routine) -> Timeline {
        let lead_in = secs(routine.lead_in);
        let mut phases = Vec::new();
        for (index, step) in routine.steps.iter().enumerate() {
            let mut push = |kind, duration| {
                phases.push(Phase {
                    step: index,
                    kind,
                    duration,
                });
            };
            if step.is_check_in() {
                push(PhaseKind::CheckIn, Duration::ZERO);
                continue;
            }
            if step.wait_for_key {
                push(PhaseKind::Ready, Duration::ZERO);
            }
            if !lead_in.is_zero() {
                push(PhaseKind::LeadIn, lead_in);
            }
            let rest = secs(step.rest);
            // Moving a ball or a leg to the other side takes time even when the routine sets no rest.
            let switch = if rest.is_zero() { lead_in } else { rest };
            for (n, &side) in step.sides.order().iter().enumerate() {
                if n > 0
                    && !switch.is_zero()
                    && let Some(to) = side
                {
                    push(PhaseKind::Switch { to }, switch);
                }
                for rep in 1..=step.reps {
                    if rep > 1 && !rest.is_zero() {
                        push(
                            PhaseKind::Rest {
                                side,
                                next_rep: rep,
                            },
                            rest,
                        );
                    }
                    push(PhaseKind::Work { side, rep }, step.work());
                }
            }
        }
        Timeline { phases }
    }

    pub fn planned_total(&self) -> Duration {
        self.phases.iter().map(|p| p.duration).sum()
    }
}

fn secs(s: u32) -> Duration {
    Duration::from_secs(u64::from(s))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routine::{Sides, Step, StepKind};

    fn step(sides: Sides, seconds: u32, reps: u32, rest: u32) -> Step {
        Step {
            title: "Stretch".into(),
            kind: StepKind::Stretch,
            tool: None,
            sides,
            seconds,
            reps,
            rest,
            wait_for_key: false,
            instructions: vec![],
            caution: None,
            figure: None,
        }
    }

    fn routine(lead_in: u32, steps: Vec<Step>) -> Routine {
        Routine::of_steps(lead_in, steps)
    }

    fn kinds(t: &Timeline) -> Vec<(PhaseKind, u64)> {
        t.phases
            .iter()
            .map(|p| (p.kind, p.duration.as_secs()))
            .collect()
    }

    #[test]
    fn each_side_with_reps_and_rests() {
        let t = Timeline::new(&routine(5, vec![step(Sides::Each, 30, 2, 10)]));
        let l = Some(Side::Left);
        let r = Some(Side::Right);
        assert_eq!(
            kinds(&t),
            vec![
                (PhaseKind::LeadIn, 5),
                (PhaseKind::Work { side: l, rep: 1 }, 30),
                (
                    PhaseKind::Rest {
                        side: l,
                        next_rep: 2
                    },
                    10
                ),
                (PhaseKind::Work { side: l, rep: 2 }, 30),
                (PhaseKind::Switch { to: Side::Right }, 10),
                (PhaseKind::Work { side: r, rep: 1 }, 30),
                (
                    PhaseKind::Rest {
                        side: r,
                        next_rep: 2
                    },
                    10
                ),
                (PhaseKind::Work { side: r, rep: 2 }, 30),
            ]
        );
        assert_eq!(t.planned_total().as_secs(), 5 + 4 * 30 + 3 * 10);
    }

    #[test]
    fn switch_without_rest_gets_the_lead_in_time() {
        let t = Timeline::new(&routine(5, vec![step(Sides::Each, 20, 1, 0)]));
        assert_eq!(t.phases[2].kind, PhaseKind::Switch { to: Side::Right });
        assert_eq!(t.phases[2].duration.as_secs(), 5);
    }

    #[test]
    fn zero_lead_in_and_rest_leave_only_work() {
        let t = Timeline::new(&routine(0, vec![step(Sides::Right, 20, 3, 0)]));
        let r = Some(Side::Right);
        assert_eq!(
            kinds(&t),
            vec![
                (PhaseKind::Work { side: r, rep: 1 }, 20),
                (PhaseKind::Work { side: r, rep: 2 }, 20),
                (PhaseKind::Work { side: r, rep: 3 }, 20),
            ]
        );
    }

    #[test]
    fn wait_for_key_and_check_in_take_no_time() {
        let mut waiting = step(Sides::Both, 60, 1, 0);
        waiting.wait_for_key = true;
        let check = Step {
            kind: StepKind::CheckIn,
            seconds: 0,
            ..step(Sides::Both, 0, 1, 0)
        };
        let t = Timeline::new(&routine(5, vec![waiting, check]));
        assert_eq!(
            kinds(&t),
            vec![
                (PhaseKind::Ready, 0),
                (PhaseKind::LeadIn, 5),
                (PhaseKind::Work { side: None, rep: 1 }, 60),
                (PhaseKind::CheckIn, 0),
            ]
        );
        assert!(!t.phases[0].is_timed() && !t.phases[3].is_timed());
    }
}
