//! Safety before and after exercise: the red-flag questions, when to ask them, the cautions for
//! self-massage, and suggestions to step up or back. Pure: history in, decisions out.

use chrono::{DateTime, FixedOffset, TimeDelta};

use crate::history::{History, PainChoice, SafetyCheck, SafetyKind, SafetyResult, SessionView};
use crate::routine::{Routine, RoutineEntry, StepKind, Tool};
use crate::text;

/// The full questions are asked again after this long.
pub const RENEW_AFTER: TimeDelta = TimeDelta::days(30);

/// Which questions come before a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gate {
    /// Every question: the first time, and every 30 days.
    Full,
    /// One screen: any new symptoms?
    Quick,
}

/// The full questions if they were never answered, or not in the last 30 days.
pub fn gate(history: &History, now: DateTime<FixedOffset>) -> Gate {
    let last_full = history.safety.iter().rev().find(|s| {
        s.value.check == SafetyKind::Screening
            && matches!(
                s.value.result,
                SafetyResult::Clear | SafetyResult::SeeDoctorContinued
            )
    });
    match last_full {
        Some(s) if now.signed_duration_since(s.at) < RENEW_AFTER => Gate::Quick,
        _ => Gate::Full,
    }
}

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
pub fn cautions_shown(history: &History) -> bool {
    history
        .safety
        .iter()
        .any(|s| s.value.check == SafetyKind::MassageCautions)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// "Any new symptoms?" on one screen.
    Quick,
    /// Emergency question number `n` (from 0).
    Emergency(usize),
    /// See-a-doctor-first question number `n` (from 0).
    Doctor(usize),
    /// An emergency sign: what to do now. Nothing starts.
    EmergencyAdvice,
    /// A reason to see a doctor first: carry on or stop.
    DoctorAdvice,
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
}

/// A yes/no/other answer to one question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Yes,
    No,
    /// Enter: "nothing new" on the quick check, "stop" after the doctor advice.
    Enter,
    /// A doctor has checked it: carry on.
    CarryOn,
}

impl Screening {
    pub fn new(gate: Gate) -> Screening {
        let (kind, stage) = match gate {
            Gate::Full => (SafetyKind::Screening, Stage::Emergency(0)),
            Gate::Quick => (SafetyKind::QuickCheck, Stage::Quick),
        };
        Screening {
            kind,
            stage,
            emergency: Vec::new(),
            doctor: Vec::new(),
        }
    }

    pub fn stage(&self) -> Stage {
        self.stage
    }

    /// The answers given so far to the emergency and the doctor questions.
    pub fn answers(&self) -> (&[bool], &[bool]) {
        (&self.emergency, &self.doctor)
    }

    /// Takes one answer; returns whether it moved the questions on.
    pub fn answer(&mut self, answer: Answer) -> bool {
        let next = match (self.stage, answer) {
            (Stage::Quick, Answer::Enter | Answer::No) => Stage::Done(SafetyResult::Clear),
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
                    Stage::Done(SafetyResult::Clear)
                }
            }
            (Stage::Doctor(n), Answer::Yes | Answer::No) => {
                self.doctor.push(answer == Answer::Yes);
                if n + 1 < text::safety::DOCTOR_QUESTIONS.len() {
                    Stage::Doctor(n + 1)
                } else if self.doctor.contains(&true) {
                    Stage::DoctorAdvice
                } else {
                    Stage::Done(SafetyResult::Clear)
                }
            }
            (Stage::EmergencyAdvice, Answer::Enter) => Stage::Done(SafetyResult::Emergency),
            (Stage::DoctorAdvice, Answer::CarryOn) => Stage::Done(SafetyResult::SeeDoctorContinued),
            (Stage::DoctorAdvice, Answer::Enter | Answer::No) => {
                Stage::Done(SafetyResult::SeeDoctorStopped)
            }
            _ => return false,
        };
        self.stage = next;
        true
    }

    /// Whether the session may start: only once done, and clear or checked by a doctor.
    pub fn may_start(&self) -> bool {
        matches!(
            self.stage,
            Stage::Done(SafetyResult::Clear | SafetyResult::SeeDoctorContinued)
        )
    }

    /// What to keep in the history: the result so far, "not answered" if left unfinished.
    pub fn record(&self) -> SafetyCheck {
        let result = match self.stage {
            Stage::Done(result) => result,
            Stage::EmergencyAdvice => SafetyResult::Emergency,
            Stage::DoctorAdvice => SafetyResult::SeeDoctorStopped,
            _ => SafetyResult::NotAnswered,
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

/// A yes or a no in words; anything else is unclear, and unclear is never no.
pub fn parse_yes_no(line: &str) -> Option<Answer> {
    match line.trim().to_lowercase().as_str() {
        "y" | "yes" => Some(Answer::Yes),
        "n" | "no" => Some(Answer::No),
        _ => None,
    }
}

/// Was this session a flare: pain after 2 or more above before, or a worse next morning?
pub fn flared(s: &SessionView) -> bool {
    let rose = s.change().is_some_and(|c| c.delta() >= 2);
    let bad_morning = match (
        s.pain_before(),
        s.next_morning.as_ref().and_then(|c| c.pain),
    ) {
        (Some(before), Some(morning)) => morning > before,
        _ => false,
    };
    rose || bad_morning
}

/// How long after a session ends its next morning is asked: from about 6 hours (a night's
/// sleep) to about 36 (CLINICAL §3).
pub const MORNING_FROM: TimeDelta = TimeDelta::hours(6);
pub const MORNING_UNTIL: TimeDelta = TimeDelta::hours(36);

/// The last session, if its next morning has not been asked yet and this start falls in the
/// window when it can be. Every session that ran is asked about, not only one that felt worse:
/// a session that feels fine and flares overnight is a flare (CLINICAL §3).
pub fn morning_to_ask(history: &History, now: DateTime<FixedOffset>) -> Option<&SessionView> {
    let last = history.sessions.last()?;
    if last.next_morning.is_some() || last.steps.is_empty() {
        return None;
    }
    let ended = last.started + TimeDelta::from_std(last.elapsed).unwrap_or_default();
    let since = now.signed_duration_since(ended);
    (MORNING_FROM..=MORNING_UNTIL)
        .contains(&since)
        .then_some(last)
}

/// Whether a session counts towards stepping up: most of the planned work done (and at least
/// 3 minutes of it), no stop by the pain rule, no flare, and the next morning answered and no
/// worse than before (CLINICAL §3).
pub fn counts_towards_progress(s: &SessionView) -> bool {
    let stopped = s.pain_rules.iter().any(|(_, c)| *c == PainChoice::Stop);
    let morning = s.next_morning.as_ref().and_then(|c| c.pain);
    let calm_morning = matches!((s.pain_before(), morning), (Some(b), Some(m)) if m <= b);
    s.not_readable().is_none() && !stopped && !flared(s) && calm_morning
}

/// How many sessions, on separate days, show a level is enough before suggesting the next.
pub const STEP_UP_AFTER: usize = 3;

/// One sentence suggesting the next level up after three sessions at this level that count
/// ([`counts_towards_progress`]) on three separate days, or a step back after a flare.
/// Sessions mostly skipped neither count nor break the run; any other session that does not
/// count does. Suggestions only; the person chooses.
pub fn progression(history: &History, entries: &[RoutineEntry]) -> Option<String> {
    let last = history.sessions.last()?;
    let current = &entries
        .iter()
        .find(|e| e.routine.title == last.routine)?
        .routine;
    let series = current.series.as_deref()?;
    let in_series = |r: &&Routine| r.series.as_deref() == Some(series);
    let levels: Vec<&Routine> = entries
        .iter()
        .map(|e| &e.routine)
        .filter(in_series)
        .collect();
    if flared(last) {
        let lower = levels
            .iter()
            .filter(|r| r.level < current.level)
            .max_by_key(|r| r.level)?;
        return Some(text::safety::suggest_down(&lower.title));
    }
    let mut days = Vec::new();
    for s in history.sessions.iter().rev() {
        if s.routine != current.title || s.not_readable().is_some() {
            continue;
        }
        if !counts_towards_progress(s) {
            return None;
        }
        let day = s.started.date_naive();
        if !days.contains(&day) {
            days.push(day);
        }
        if days.len() == STEP_UP_AFTER {
            let higher = levels
                .iter()
                .filter(|r| r.level > current.level)
                .min_by_key(|r| r.level)?;
            return Some(text::safety::suggest_up(
                STEP_UP_AFTER,
                &current.title,
                &higher.title,
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests;
