//! The red-flag questions (CLINICAL §1): which ones come before a session, and the questions
//! themselves as a state machine. Three tiers: an emergency sign stops everything and says where
//! to get help now; a possible serious cause asks for a doctor before ball, roller or floor work;
//! a reason to see a GP lets a gentle routine go on. Answers are remembered with their date, so
//! one yes does not block every later start with all the questions again.

use chrono::{DateTime, FixedOffset, TimeDelta};

use crate::history::{Digest, SafetyCheck, SafetyKind, SafetyResult};
use crate::text;

/// The full questions are asked again after this long (days).
pub const RENEW_AFTER: TimeDelta = TimeDelta::days(30);

/// What a yes to a "see a doctor" question means (CLINICAL §1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tier {
    /// A possible serious cause: a doctor before ball, roller or floor work.
    Serious,
    /// Book a GP appointment; gentle exercise meanwhile.
    Gp,
}

/// The tier of each of `text::safety::DOCTOR_QUESTIONS`, in their order.
pub const TIERS: [Tier; 8] = [
    Tier::Serious,
    Tier::Serious,
    Tier::Serious,
    Tier::Serious,
    Tier::Gp,
    Tier::Gp,
    Tier::Serious,
    Tier::Gp,
];

/// Which questions come before a session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gate {
    /// Every question: the first time, and every 30 days.
    Full,
    /// One screen: any new symptoms?
    Quick,
    /// A sign a doctor should check was answered on `since` and the person stopped: has a
    /// doctor checked it since? Then the quick check.
    Recheck {
        since: DateTime<FixedOffset>,
        /// Numbers (from 1) of the doctor questions answered yes then.
        yes: Vec<u8>,
    },
}

/// The gate for a start at `now`: every question when none were answered in the last 30 days,
/// or they were not answered through, or an emergency sign was; a recheck while a sign for a
/// doctor still stands; the quick check otherwise.
pub fn gate(history: &Digest, now: DateTime<FixedOffset>) -> Gate {
    let Some(full) = history
        .safety
        .iter()
        .rposition(|s| s.value.check == SafetyKind::Screening)
    else {
        return Gate::Full;
    };
    let screening = &history.safety[full];
    if now.signed_duration_since(screening.at) >= RENEW_AFTER {
        return Gate::Full;
    }
    // The latest word on it: the screening itself, or a recheck since.
    let latest = history.safety[full..]
        .iter()
        .rev()
        .find(|s| matches!(s.value.check, SafetyKind::Screening | SafetyKind::Recheck))
        .map_or(screening.value.result, |s| s.value.result);
    match latest {
        SafetyResult::SeeDoctorStopped => Gate::Recheck {
            since: screening.at,
            yes: screening.value.doctor_yes.clone(),
        },
        SafetyResult::Clear
        | SafetyResult::SeeDoctorContinued
        | SafetyResult::DoctorChecked
        | SafetyResult::SeeGp => Gate::Quick,
        SafetyResult::Emergency | SafetyResult::NotAnswered | SafetyResult::Shown => Gate::Full,
    }
}

/// The advice that still stands from the last screening, with its date, for the home screen:
/// a doctor before ball, roller or floor work, or a GP appointment. `None` when nothing stands.
pub fn standing_advice(
    history: &Digest,
    now: DateTime<FixedOffset>,
) -> Option<(Tier, DateTime<FixedOffset>)> {
    match gate(history, now) {
        Gate::Recheck { since, .. } => Some((Tier::Serious, since)),
        Gate::Quick => history
            .safety
            .iter()
            .rev()
            .find(|s| s.value.check == SafetyKind::Screening)
            .filter(|s| s.value.result == SafetyResult::SeeGp)
            .map(|s| (Tier::Gp, s.at)),
        Gate::Full => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// "Has a doctor checked it since?"
    Recheck,
    /// "Any new symptoms?" on one screen.
    Quick,
    /// Emergency question number `n` (from 0).
    Emergency(usize),
    /// See-a-doctor question number `n` (from 0).
    Doctor(usize),
    /// An emergency sign: what to do now. Nothing starts.
    EmergencyAdvice,
    /// A possible serious cause: carry on only if a doctor has checked it.
    DoctorAdvice,
    /// Worth a GP appointment: a gentle routine may start.
    GpAdvice,
    /// Done: the session may start, or not.
    Done(SafetyResult),
}

/// The red-flag questions as a state machine. Only an explicit "no" counts as no: anything else
/// asks again, and leaving before the end is recorded as not answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Screening {
    kind: SafetyKind,
    stage: Stage,
    emergency: Vec<bool>,
    doctor: Vec<bool>,
    /// For a recheck: when the sign was answered, and which.
    since: Option<(DateTime<FixedOffset>, Vec<u8>)>,
}

/// A yes/no/other answer to one question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Yes,
    No,
    /// Enter: "nothing new" on the quick check; "stop" after the doctor advice; "on" after the
    /// GP advice.
    Enter,
    /// A doctor has checked it: carry on.
    CarryOn,
    /// Back to the question before, to answer it again. An emergency answer, kept the moment
    /// its advice showed, is not taken back.
    Back,
}

impl Screening {
    pub fn new(gate: Gate) -> Screening {
        let (kind, stage, since) = match gate {
            Gate::Full => (SafetyKind::Screening, Stage::Emergency(0), None),
            Gate::Quick => (SafetyKind::QuickCheck, Stage::Quick, None),
            Gate::Recheck { since, yes } => {
                (SafetyKind::Recheck, Stage::Recheck, Some((since, yes)))
            }
        };
        Screening {
            kind,
            stage,
            emergency: Vec::new(),
            doctor: Vec::new(),
            since,
        }
    }

    pub fn stage(&self) -> Stage {
        self.stage
    }

    /// The answers given so far to the emergency and the doctor questions.
    pub fn answers(&self) -> (&[bool], &[bool]) {
        (&self.emergency, &self.doctor)
    }

    /// For a recheck: when the sign was answered, and the numbers (from 1) of the questions.
    pub fn since(&self) -> Option<(DateTime<FixedOffset>, &[u8])> {
        self.since.as_ref().map(|(at, yes)| (*at, yes.as_slice()))
    }

    /// The tier of the advice this screening leads to, once the questions are answered.
    fn advice(&self) -> Stage {
        let yes_in = |tier: Tier| {
            self.doctor
                .iter()
                .zip(TIERS)
                .any(|(yes, t)| *yes && t == tier)
        };
        if yes_in(Tier::Serious) {
            Stage::DoctorAdvice
        } else if yes_in(Tier::Gp) {
            Stage::GpAdvice
        } else {
            Stage::Done(SafetyResult::Clear)
        }
    }

    /// Takes one answer; returns whether it moved the questions on.
    pub fn answer(&mut self, answer: Answer) -> bool {
        let next = match (self.stage, answer) {
            (Stage::Recheck, Answer::Yes) => Stage::Quick,
            (Stage::Recheck, Answer::No) => Stage::DoctorAdvice,
            (Stage::Quick, Answer::Enter | Answer::No) => Stage::Done(self.clear()),
            (Stage::Quick, Answer::Yes) => Stage::Emergency(0),
            (Stage::Emergency(n), Answer::Yes | Answer::No) => {
                self.emergency.push(answer == Answer::Yes);
                if n + 1 < text::safety::EMERGENCY_QUESTIONS.len() {
                    Stage::Emergency(n + 1)
                } else if self.emergency.contains(&true) {
                    Stage::EmergencyAdvice
                } else if self.kind == SafetyKind::Screening {
                    Stage::Doctor(0)
                } else {
                    Stage::Done(self.clear())
                }
            }
            (Stage::Doctor(n), Answer::Yes | Answer::No) => {
                self.doctor.push(answer == Answer::Yes);
                if n + 1 < text::safety::DOCTOR_QUESTIONS.len() {
                    Stage::Doctor(n + 1)
                } else {
                    self.advice()
                }
            }
            (Stage::EmergencyAdvice, Answer::Enter) => Stage::Done(SafetyResult::Emergency),
            (Stage::DoctorAdvice, Answer::CarryOn) => Stage::Done(SafetyResult::SeeDoctorContinued),
            (Stage::DoctorAdvice, Answer::Enter | Answer::No) => {
                Stage::Done(SafetyResult::SeeDoctorStopped)
            }
            (Stage::GpAdvice, Answer::Enter | Answer::CarryOn) => Stage::Done(SafetyResult::SeeGp),
            (Stage::Emergency(n), Answer::Back) if n > 0 => {
                self.emergency.pop();
                Stage::Emergency(n - 1)
            }
            (Stage::Doctor(0), Answer::Back) => {
                self.emergency.pop();
                Stage::Emergency(self.emergency.len())
            }
            (Stage::Doctor(n), Answer::Back) => {
                self.doctor.pop();
                Stage::Doctor(n - 1)
            }
            (Stage::DoctorAdvice | Stage::GpAdvice, Answer::Back) if !self.doctor.is_empty() => {
                self.doctor.pop();
                Stage::Doctor(self.doctor.len())
            }
            _ => return false,
        };
        self.stage = next;
        true
    }

    /// Nothing new: after a recheck, the doctor's word is what is kept.
    fn clear(&self) -> SafetyResult {
        if self.kind == SafetyKind::Recheck {
            SafetyResult::DoctorChecked
        } else {
            SafetyResult::Clear
        }
    }

    /// Whether a session may start: only once done, and clear, checked by a doctor, or with a
    /// GP appointment advised (then only a gentle routine: see [`gentle_only`]).
    pub fn may_start(&self) -> bool {
        matches!(
            self.stage,
            Stage::Done(
                SafetyResult::Clear
                    | SafetyResult::SeeDoctorContinued
                    | SafetyResult::DoctorChecked
                    | SafetyResult::SeeGp
            )
        )
    }

    /// What to keep in the history: the result so far, "not answered" if left unfinished.
    pub fn record(&self) -> SafetyCheck {
        let result = match self.stage {
            Stage::Done(result) => result,
            Stage::EmergencyAdvice => SafetyResult::Emergency,
            Stage::DoctorAdvice => SafetyResult::SeeDoctorStopped,
            // Told to see a GP and left: the advice was given; a gentle routine may follow.
            Stage::GpAdvice => SafetyResult::SeeGp,
            Stage::Recheck | Stage::Quick | Stage::Emergency(_) | Stage::Doctor(_) => {
                SafetyResult::NotAnswered
            }
        };
        let yes = |answers: &[bool]| {
            answers
                .iter()
                .enumerate()
                .filter(|(_, yes)| **yes)
                .map(|(i, _)| u8::try_from(i + 1).unwrap_or(u8::MAX))
                .collect()
        };
        SafetyCheck {
            check: self.kind,
            emergency_yes: yes(&self.emergency),
            doctor_yes: yes(&self.doctor),
            result,
        }
    }
}

/// Whether a result lets only a gentle routine start: a GP appointment is advised, with gentle
/// exercise meanwhile (CLINICAL §1).
pub fn gentle_only(result: SafetyResult) -> bool {
    result == SafetyResult::SeeGp
}

/// A yes or a no in words; anything else is unclear, and unclear is never no.
pub fn parse_yes_no(line: &str) -> Option<Answer> {
    match line.trim().to_lowercase().as_str() {
        "y" | "yes" => Some(Answer::Yes),
        "n" | "no" => Some(Answer::No),
        _ => None,
    }
}
