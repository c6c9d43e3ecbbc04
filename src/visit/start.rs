//! The visit up to the session: the morning after the last one, the choice of routine, the
//! safety questions, the cautions and the questions before. Also every way out before the
//! session begins.

use super::{Effect, Ending, Form, NotStarted, Pace, Past, Say, Stage, Visit};
use crate::history::{self, SafetyCheck, SafetyResult};
use crate::safety::{self, Answer, Screening, Stage as SafetyStage};

impl Visit {
    /// The morning after the last session, when it is to be asked; else the routines.
    pub(super) fn morning_or_choose(&mut self, fx: &mut Vec<Effect>) {
        match self.past.as_ref().and_then(|p| p.morning) {
            Some((last, started)) => {
                let form = Form::morning(last, self.next_form_id());
                fx.push(Effect::Say(Say::Morning(started)));
                self.stage = Stage::Morning { form, of: started };
            }
            None => self.after_morning(fx),
        }
    }

    /// The history has been read: the questions that waited for it are asked. A routine chosen
    /// from the list meanwhile goes on to the safety questions; as when it is chosen while the
    /// morning question shows, that question waits for the next visit.
    pub(super) fn past_read(&mut self, past: Past, fx: &mut Vec<Effect>) {
        if self.past.is_some() {
            return;
        }
        let morning = past.morning.is_some();
        self.past = Some(past);
        if !matches!(self.stage, Stage::Choose) {
            return;
        }
        if self.opened {
            self.ask_safety(fx);
        } else if self.routine.is_some() || morning {
            self.morning_or_choose(fx);
        }
    }

    /// The morning question is answered, skipped or left: the routine comes next.
    pub(super) fn after_morning(&mut self, fx: &mut Vec<Effect>) {
        self.stage = Stage::Choose;
        if self.routine.is_some() {
            fx.push(Effect::OpenHistory);
        } else {
            fx.push(Effect::Say(Say::Routines));
        }
    }

    /// A routine from the list: the history is opened for it first. Leaves the morning question
    /// unanswered, to be asked again next time.
    pub(super) fn choose(&mut self, index: usize, fx: &mut Vec<Effect>) {
        if !matches!(self.stage, Stage::Choose | Stage::Morning { .. }) || self.routine.is_some() {
            return;
        }
        match self.entries.get(index) {
            Some(entry) => {
                self.routine = Some(entry.routine.clone());
                self.stage = Stage::Choose;
                fx.push(Effect::OpenHistory);
            }
            None => fx.push(Effect::Say(Say::ChooseAgain)),
        }
    }

    /// The history is open, or refused: then back to choosing.
    pub(super) fn opened(&mut self, opened: &Result<(), String>, fx: &mut Vec<Effect>) {
        if !matches!(self.stage, Stage::Choose | Stage::Morning { .. }) || self.routine.is_none() {
            return;
        }
        if opened.is_err() {
            self.routine = None;
            self.stage = Stage::Choose;
            return;
        }
        self.opened = true;
        self.ask_safety(fx);
    }

    /// The safety questions, once the history is open and the past is known.
    fn ask_safety(&mut self, fx: &mut Vec<Effect>) {
        let Some(past) = &self.past else {
            return;
        };
        if !self.opened || !matches!(self.stage, Stage::Choose | Stage::Morning { .. }) {
            return;
        }
        let screening = Screening::new(past.gate.clone());
        fx.push(Effect::Say(Say::Intro));
        fx.push(Effect::Say(self.say_stage(&screening)));
        self.stage = Stage::Safety(screening);
    }

    /// One answer to the safety questions. An emergency answer is kept the moment its advice
    /// shows; any other result when the questions end.
    pub(super) fn safety_answer(&mut self, answer: Answer, fx: &mut Vec<Effect>) {
        let Stage::Safety(screening) = &mut self.stage else {
            return;
        };
        if !screening.answer(answer) {
            return;
        }
        let stage = screening.stage();
        let record = screening.record();
        let may_start = screening.may_start();
        match stage {
            SafetyStage::EmergencyAdvice => {
                self.record(history::Event::Safety(record), fx);
                fx.push(Effect::Say(Say::Safety(stage)));
                // Lines scroll on: the advice is said, and nothing starts.
                if self.pace == Pace::Lines {
                    self.not_started(NotStarted::Emergency, fx);
                }
            }
            SafetyStage::Done(SafetyResult::Emergency) => {
                self.not_started(NotStarted::Emergency, fx);
            }
            SafetyStage::Done(result) => {
                self.record(history::Event::Safety(record), fx);
                let why = if !may_start {
                    Some(NotStarted::Doctor)
                } else if safety::gentle_only(result) && !self.gentle() {
                    Some(NotStarted::GentleOnly)
                } else {
                    None
                };
                match why {
                    Some(why) => {
                        fx.push(Effect::Say(Say::NotStarted(why)));
                        self.not_started(why, fx);
                    }
                    None => self.after_safety(fx),
                }
            }
            _ => {
                if let Stage::Safety(screening) = &self.stage {
                    fx.push(Effect::Say(self.say_stage(screening)));
                }
            }
        }
    }

    /// What plain mode says as the questions reach the stage they are at.
    fn say_stage(&self, screening: &Screening) -> Say {
        match (screening.stage(), screening.since()) {
            (SafetyStage::Recheck, Some((since, yes))) => Say::Recheck {
                since,
                yes: yes.to_vec(),
            },
            (SafetyStage::GpAdvice, _) => Say::GpAdvice {
                gentle: self.gentle(),
            },
            (stage, _) => Say::Safety(stage),
        }
    }

    /// The questions kept the session from starting: back to the routines with their advice.
    pub(super) fn not_started(&mut self, why: NotStarted, fx: &mut Vec<Effect>) {
        self.over(
            Ending::NotStarted {
                why,
                leaving: false,
            },
            fx,
        );
    }

    /// Whether the chosen routine is gentle: what a person told to see a GP may do meanwhile.
    pub fn gentle(&self) -> bool {
        self.routine
            .as_ref()
            .is_some_and(|r| r.level == crate::routine::Level::Gentle)
    }

    /// Leaving the safety questions before their end: what was answered is kept (the emergency
    /// advice was kept when it showed), and nothing starts.
    pub(super) fn leave_safety(&mut self, fx: &mut Vec<Effect>) -> Option<NotStarted> {
        let Stage::Safety(screening) = &self.stage else {
            return None;
        };
        let stage = screening.stage();
        if stage == SafetyStage::EmergencyAdvice {
            return Some(NotStarted::Emergency);
        }
        let record = screening.record();
        let why = match record.result {
            SafetyResult::SeeDoctorStopped => NotStarted::Doctor,
            SafetyResult::SeeGp => NotStarted::GentleOnly,
            _ => NotStarted::NotAnswered,
        };
        self.record(history::Event::Safety(record), fx);
        Some(why)
    }

    fn after_safety(&mut self, fx: &mut Vec<Effect>) {
        let needs_cautions = !self.past.as_ref().is_some_and(|p| p.cautions_shown)
            && self
                .routine
                .as_ref()
                .is_some_and(safety::uses_ball_or_roller);
        if !needs_cautions {
            self.before(fx);
            return;
        }
        fx.push(Effect::Say(Say::Cautions));
        self.stage = Stage::Cautions;
        // Lines scroll on: printed is read.
        if self.pace == Pace::Lines {
            self.cautions_read(fx);
        }
    }

    pub(super) fn cautions_read(&mut self, fx: &mut Vec<Effect>) {
        if matches!(self.stage, Stage::Cautions) {
            if let Some(past) = &mut self.past {
                past.cautions_shown = true;
            }
            self.record(history::Event::Safety(SafetyCheck::cautions_shown()), fx);
            self.before(fx);
        }
    }

    fn before(&mut self, fx: &mut Vec<Effect>) {
        let form = Form::before(self.id, self.next_form_id());
        self.ask(form.question(), fx);
        self.stage = Stage::Before(form);
    }

    /// Leaving before the session began: nothing starts. If an answer was already kept, the
    /// history shows the session as stopped rather than cut off.
    pub(super) fn abandon(&mut self, ending: Ending, fx: &mut Vec<Effect>) {
        if !self.records.is_empty() {
            self.record(
                history::Event::SessionEnded {
                    session: self.id,
                    outcome: history::Outcome::Quit,
                    elapsed_s: 0.0,
                },
                fx,
            );
        }
        self.over(ending, fx);
    }

    /// q or Esc, and Ctrl-C (`ending` Exit), before the session.
    pub(super) fn leave_before_session(&mut self, ending: Ending, fx: &mut Vec<Effect>) {
        match &self.stage {
            Stage::Morning { .. } | Stage::Choose => self.over(Ending::Exit, fx),
            Stage::Safety(_) => {
                // Out with the advice the questions led to, when they led to one.
                let ending = match self.leave_safety(fx) {
                    Some(why) if why != NotStarted::NotAnswered => Ending::NotStarted {
                        why,
                        leaving: ending == Ending::Exit,
                    },
                    _ => ending,
                };
                self.over(ending, fx);
            }
            Stage::Cautions => self.over(ending, fx),
            Stage::Before(_) => self.abandon(ending, fx),
            _ => {}
        }
    }
}
