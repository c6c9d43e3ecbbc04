//! What a finished session amounts to: the history's view of its own records, with the
//! routine's plan, in words shared by the screen and plain mode.

use std::time::Duration;

use crate::history::{Finish, SessionView};
use crate::routine::Routine;

#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub title: String,
    pub planned: Duration,
    /// Timed steps in the routine.
    pub steps_total: usize,
    pub view: Option<SessionView>,
    /// Signs of worsening over weeks, each a sentence saying to see a GP or physiotherapist.
    pub advice: Vec<String>,
}

impl Summary {
    pub fn new(routine: &Routine, view: Option<SessionView>, advice: Vec<String>) -> Summary {
        Summary {
            title: routine.title.clone(),
            planned: routine.planned_duration(),
            steps_total: routine.timed_steps(),
            view,
            advice,
        }
    }

    /// How the session ended; without a view of it, as if cut off.
    pub fn finish(&self) -> Finish {
        self.view
            .as_ref()
            .map_or(Finish::Interrupted, SessionView::finish)
    }

    pub fn elapsed(&self) -> Duration {
        self.view.as_ref().map_or(Duration::ZERO, |v| v.elapsed)
    }

    /// Steps run to their end, and steps cut short or skipped. A step gone back to and left
    /// again counts once, as it was last left.
    pub fn steps(&self) -> (usize, usize) {
        let mut last: Vec<(usize, bool)> = Vec::new();
        for s in self.view.iter().flat_map(|v| &v.steps) {
            match last.iter_mut().find(|(step, _)| *step == s.step) {
                Some(seen) => seen.1 = s.skipped,
                None => last.push((s.step, s.skipped)),
            }
        }
        let cut = last.iter().filter(|(_, skipped)| *skipped).count();
        (last.len() - cut, cut)
    }

    /// The summary as lines of text, shared by the screen and plain mode; `unsaved` says why
    /// part of the session is not in the history, if it is not.
    pub fn lines(&self, unsaved: Option<&str>) -> Vec<String> {
        use crate::text;
        let (done, cut) = self.steps();
        let mut lines: Vec<String> = unsaved
            .iter()
            .flat_map(|why| [(*why).to_string(), String::new()])
            .collect();
        lines.extend([
            text::summary::summary_time(self.elapsed(), self.planned),
            text::summary::summary_steps(done, cut, self.steps_total),
            String::new(),
        ]);
        let Some(view) = &self.view else {
            lines.push(text::summary::SUMMARY_NO_CHECK_INS.to_string());
            lines.push(String::new());
            lines.extend(text::safety::AFTERCARE.map(String::from));
            return lines;
        };
        match (view.change(), view.reading()) {
            (Some(change), Some(reading)) => {
                lines.push(format!("{}: {}", text::summary::PAIN, change.line()));
                lines.push(reading.sentence().to_string());
            }
            _ => match (view.pain_before(), view.pain_after()) {
                (Some(b), None) => {
                    lines.push(text::summary::summary_pain_one(text::summary::BEFORE, b));
                }
                (None, Some(a)) => {
                    lines.push(text::summary::summary_pain_one(text::summary::AFTER, a));
                }
                _ => {}
            },
        }
        for d in &view.during {
            if let Some(p) = d.value.pain {
                lines.push(text::summary::summary_during(
                    d.value.after_step.as_deref(),
                    p,
                ));
            }
        }
        if let Some(after) = &view.after {
            if let Some(felt) = after.felt {
                lines.push(text::summary::summary_felt(felt.word()));
            }
            if let Some(note) = &after.note {
                lines.push(text::summary::summary_note(note));
            }
        }
        for (trigger, choice) in &view.pain_rules {
            lines.push(text::summary::summary_pain_rule(
                trigger.why(),
                choice.words(),
            ));
        }
        if lines.last().is_some_and(String::is_empty) {
            lines.push(text::summary::SUMMARY_NO_CHECK_INS.to_string());
        }
        lines.push(String::new());
        if !self.advice.is_empty() {
            lines.extend(self.advice.iter().cloned());
            lines.push(String::new());
        }
        if view.change().is_some_and(|c| c.delta() >= 2) {
            lines.extend(text::safety::FLARE.map(String::from));
            lines.push(String::new());
        }
        lines.extend(text::safety::AFTERCARE.map(String::from));
        lines
    }
}
