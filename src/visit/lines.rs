//! Answers as lines of text (plain mode): a line answers whatever is being asked; typed ahead of
//! a question, it waits for it. When input ends, each question left has its own rule, so a
//! script that stops early never answers "no" to a safety question by accident.

use std::collections::VecDeque;
use std::time::Instant;

use super::session_part::{FormInput, SessionWait};
use super::{Effect, Ending, NotStarted, Say, Stage, Visit};
use crate::safety::{self, Answer, Stage as SafetyStage};
use crate::session::{Key, PainChoice};

#[derive(Debug, Clone, Default)]
pub(super) struct Lines {
    /// Lines typed before anything asked for them.
    pub pending: VecDeque<String>,
    /// No more lines will come.
    pub ended: bool,
    /// The person has been told that the questions left are skipped.
    pub told_ended: bool,
}

impl Visit {
    /// Answers what is asked with the lines waiting, and applies the end of input once they
    /// are used up.
    pub(super) fn take_lines(&mut self, now: Instant, fx: &mut Vec<Effect>) {
        while self.asks_for_line() {
            if let Some(line) = self.lines.pending.pop_front() {
                self.on_line(line, now, fx);
            } else if self.lines.ended {
                self.no_more_input(now, fx);
            } else {
                return;
            }
        }
    }

    fn asks_for_line(&self) -> bool {
        match &self.stage {
            Stage::Morning { .. } | Stage::Before(_) | Stage::After(_) => true,
            Stage::Choose => self.routine.is_none(),
            Stage::Safety(s) => !matches!(
                s.stage(),
                SafetyStage::EmergencyAdvice | SafetyStage::Done(_)
            ),
            Stage::Session { .. } => self.session_waits().is_some(),
            Stage::Cautions | Stage::Summary(_) | Stage::Over => false,
        }
    }

    fn on_line(&mut self, line: String, now: Instant, fx: &mut Vec<Effect>) {
        match &self.stage {
            Stage::Choose => {
                let index = line
                    .trim()
                    .parse::<usize>()
                    .ok()
                    .and_then(|n| n.checked_sub(1));
                self.choose(index.unwrap_or(usize::MAX), fx);
            }
            Stage::Safety(s) => match safety_answer(s.stage(), &line) {
                Some(answer) => self.safety_answer(answer, fx),
                None => fx.push(Effect::Say(Say::Unclear)),
            },
            Stage::Session { .. } => match self.session_waits() {
                Some(SessionWait::EaseOff) => {
                    let choice = match line.trim().to_lowercase().as_str() {
                        "skip" => PainChoice::Skip,
                        "gentler" => PainChoice::Gentler,
                        _ => PainChoice::Stop,
                    };
                    self.ease_off(choice, now, fx);
                }
                Some(SessionWait::CheckIn) => {
                    self.form_input(FormInput::Line(line), now, fx);
                }
                Some(SessionWait::Go) => self.session_key(Key::Space, now, fx),
                None => {}
            },
            _ => {
                self.form_input(FormInput::Line(line), now, fx);
            }
        }
    }

    /// What each question means when no answer can come any more.
    fn no_more_input(&mut self, now: Instant, fx: &mut Vec<Effect>) {
        match &self.stage {
            // Asked again next time.
            Stage::Morning { .. } => self.after_morning(fx),
            Stage::Choose => self.over(Ending::Home, fx),
            Stage::Safety(_) => {
                let why = self.leave_safety(fx).unwrap_or(NotStarted::NotAnswered);
                fx.push(Effect::Say(Say::NotStarted(why)));
                self.not_started(why, fx);
            }
            Stage::Session { .. } => match self.session_waits() {
                Some(SessionWait::EaseOff) => self.ease_off(PainChoice::Stop, now, fx),
                Some(SessionWait::CheckIn) => self.skip_form(now, fx),
                Some(SessionWait::Go) => self.session_key(Key::Space, now, fx),
                None => {}
            },
            Stage::Before(_) | Stage::After(_) => self.skip_form(now, fx),
            Stage::Cautions | Stage::Summary(_) | Stage::Over => {}
        }
    }

    /// The questions left are skipped, said once; what was answered is already kept.
    fn skip_form(&mut self, now: Instant, fx: &mut Vec<Effect>) {
        if !self.lines.told_ended {
            self.lines.told_ended = true;
            fx.push(Effect::Say(Say::InputEnded));
        }
        let form = match &self.stage {
            Stage::Before(form)
            | Stage::After(form)
            | Stage::Session {
                form: Some(form), ..
            } => form.clone(),
            _ => return,
        };
        self.form_done(form, now, fx);
    }
}

/// A line as an answer to the safety question at `stage`: only a clear yes or no counts, and
/// unclear is never no.
fn safety_answer(stage: SafetyStage, line: &str) -> Option<Answer> {
    match stage {
        SafetyStage::Quick if line.trim().is_empty() => Some(Answer::Enter),
        SafetyStage::DoctorAdvice => Some(match line.trim().to_lowercase().as_str() {
            "carry on" | "c" | "continue" => Answer::CarryOn,
            _ => Answer::Enter,
        }),
        _ if line.trim().eq_ignore_ascii_case("back") => Some(Answer::Back),
        // The advice is read; on.
        SafetyStage::GpAdvice => Some(Answer::Enter),
        _ => safety::parse_yes_no(line),
    }
}
