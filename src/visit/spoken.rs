//! What the voice says, for a visit followed with eyes closed: the one rule both front ends use.
//! Every screen a visit passes through is said (the morning after, the safety questions and
//! their advice, the cautions, each question with the keys that answer it in words and its
//! answer said back, each step and a step that waits, the pain rule, the summary's main lines),
//! with the keys of the front end in use: Space on the full screen, Enter in plain mode.
//!
//! The words of one event make one utterance, added last to its effects as [`Effect::Speak`]:
//! the voice's queue cuts short words that newer ones make stale, so words said at the same
//! moment must not be split. A question answered by a later effect of the same event (lines
//! typed ahead) is left out, since it could never be heard before its answer.

use super::checkin::Question;
use super::{Effect, Form, Pace, Say, Stage, Summary, Visit};
use crate::history::CheckIn;
use crate::routine::Routine;
use crate::safety::Stage as SafetyStage;
use crate::session::Announcement;
use crate::text::{self, voice};

/// Something said, and whether it waits for an answer.
struct Part {
    words: String,
    /// How to answer, in words; a part with one asks something.
    how: Option<&'static str>,
    /// The pain scale is asked: its anchors go before `how`, once a visit.
    scale: bool,
}

impl Part {
    fn tells(words: impl Into<String>) -> Part {
        Part {
            words: words.into(),
            how: None,
            scale: false,
        }
    }

    fn asks(words: impl Into<String>, how: &'static str) -> Part {
        Part {
            words: words.into(),
            how: Some(how),
            scale: false,
        }
    }
}

impl Visit {
    /// Adds what the voice says for `fx`, the effects of one event, as one utterance at their
    /// end; nothing when none of them is said.
    pub(super) fn speak(&mut self, fx: &mut Vec<Effect>) {
        let mut parts: Vec<Part> = Vec::new();
        for effect in fx.iter() {
            let part = match effect {
                Effect::Announce(a) => self.routine.as_ref().and_then(|r| self.announced(a, r)),
                Effect::Say(said) => self.said(said),
                _ => None,
            };
            if let Some(part) = part {
                // A question answered at once, or the end said again by the summary's heading.
                let said_again = matches!(effect, Effect::Say(Say::Summary(_)))
                    && parts
                        .last()
                        .is_some_and(|p| p.words == text::session::COMPLETE);
                if said_again || parts.last().is_some_and(|p| p.how.is_some()) {
                    parts.pop();
                }
                parts.push(part);
            }
        }
        let mut said = Vec::new();
        for part in parts {
            if !part.words.is_empty() {
                said.push(voice::end_sentence(&part.words));
            }
            if part.scale && !self.told_scale {
                self.told_scale = true;
                said.push(voice::PAIN_ANCHORS.to_string());
            }
            said.extend(part.how.map(String::from));
        }
        said.retain(|s| !s.is_empty());
        if !said.is_empty() {
            fx.push(Effect::Speak(voice::for_the_ear(&said.join(" "))));
        }
    }

    /// Which key does what, said in the words of this visit's front end.
    fn keys(&self, on_screen: &'static str, in_lines: &'static str) -> &'static str {
        match self.pace {
            Pace::Keys => on_screen,
            Pace::Lines => in_lines,
        }
    }

    /// A moment of the session: the cues carry go, halfway, the last seconds and the end of a
    /// hold; words carry what a cue cannot.
    fn announced(&self, a: &Announcement, routine: &Routine) -> Option<Part> {
        Some(match a {
            Announcement::StepStart { step, side } => {
                let s = routine.steps.get(*step)?;
                Part::tells(voice::step(
                    &s.line(*side),
                    s.instructions.first().map(String::as_str),
                ))
            }
            Announcement::WaitForKey => {
                Part::asks("", self.keys(voice::WAIT_KEYS, voice::WAIT_LINES))
            }
            Announcement::StillWaiting => Part::asks(
                "",
                self.keys(voice::STILL_WAITING_KEYS, voice::STILL_WAITING_LINES),
            ),
            // Its question follows, from the check-in form.
            Announcement::CheckIn { step } => {
                Part::tells(voice::check_in(&routine.steps.get(*step)?.title))
            }
            Announcement::Switch { .. } | Announcement::Rest(_) | Announcement::Complete => {
                Part::tells(a.words(routine))
            }
            Announcement::GetReady(_)
            | Announcement::Go { .. }
            | Announcement::Halfway
            | Announcement::Countdown(_)
            | Announcement::Done => return None,
        })
    }

    fn said(&self, said: &Say) -> Option<Part> {
        use text::safety;
        Some(match said {
            // The full screen's routines are chosen with the arrows, on the home screen.
            Say::Routines if self.pace == Pace::Lines => {
                let titles: Vec<&str> = self
                    .entries
                    .iter()
                    .map(|e| e.routine.title.as_str())
                    .collect();
                Part::asks(voice::routines(&titles), "")
            }
            Say::ChooseAgain => Part::asks(text::home::PLAIN_HOME_INVALID, ""),
            Say::Morning(of) => {
                let when = of.format("%A %-d %B").to_string();
                Part {
                    scale: true,
                    ..Part::asks(
                        voice::morning(&safety::morning_asked(&when)),
                        self.keys(voice::MORNING_KEYS, voice::PAIN_LINES),
                    )
                }
            }
            Say::Intro => {
                let r = self.routine.as_ref()?;
                Part::tells(text::home::plain_intro(
                    &r.title,
                    r.steps.len(),
                    r.planned_duration(),
                ))
            }
            Say::Safety(stage) => self.safety_stage(*stage)?,
            Say::Recheck { since, yes } => {
                let when = since.format("%A %-d %B").to_string();
                let mut words = vec![
                    safety::RECHECK_TITLE.to_string(),
                    safety::recheck_intro(&when),
                ];
                words.extend(
                    safety::doctor_questions(yes)
                        .iter()
                        .map(ToString::to_string),
                );
                words.push(safety::RECHECK_QUESTION.to_string());
                Part::asks(
                    words.join(" "),
                    self.keys(voice::SAFETY_YES_NO_KEYS, safety::PLAIN_YES_NO),
                )
            }
            Say::GpAdvice { gentle } => {
                let mut words = vec![format!("{}.", safety::GP_TITLE)];
                words.extend(safety::GP_ADVICE.map(String::from));
                let how = if *gentle {
                    words.push(safety::GP_GENTLE_STARTS.to_string());
                    self.keys(voice::GP_START_KEYS, safety::PLAIN_GP_PROMPT_START)
                } else {
                    let title = self.routine.as_ref().map_or("", |r| r.title.as_str());
                    words.push(safety::gp_choose_gentle(title));
                    self.keys(voice::GP_BACK_KEYS, safety::PLAIN_GP_PROMPT_BACK)
                };
                Part::asks(words.join(" "), how)
            }
            Say::Unclear => Part::asks(safety::PLAIN_UNCLEAR, ""),
            Say::Cautions => {
                let mut words = vec![format!("{}.", safety::CAUTIONS_TITLE)];
                words.extend(safety::CAUTIONS.map(String::from));
                // Lines scroll on: the questions before follow at once.
                match self.pace {
                    Pace::Keys => Part::asks(words.join(" "), voice::CAUTIONS_KEYS),
                    Pace::Lines => Part::tells(words.join(" ")),
                }
            }
            Say::Question(q) => self.question(*q),
            Say::Invalid(q) => Part::tells(q.plain_invalid()),
            Say::Answered { question, answers } => Part::tells(answered(*question, answers)),
            Say::InputEnded => Part::tells(text::checkin::PLAIN_INPUT_ENDED),
            Say::EaseOff {
                trigger,
                before,
                now,
            } => Part::asks(
                format!(
                    "{}. {}",
                    safety::PAIN_RULE_TITLE,
                    trigger.reason(*before, *now)
                ),
                self.keys(voice::EASE_OFF_KEYS, safety::PLAIN_PAIN_RULE_PROMPT),
            ),
            Say::Chose(choice) => Part::tells(choice.words()),
            Say::Paused => Part::asks(
                "",
                self.keys(voice::PAUSED_KEYS, text::session::PLAIN_PAUSED),
            ),
            Say::Summary(summary) => summary_part(summary, self.pace),
            // The speech program stops with unknot; the routines on screen are not said; the
            // emergency advice was said when it showed.
            Say::Suspended | Say::Routines | Say::NotStarted(super::NotStarted::Emergency) => {
                return None;
            }
            Say::NotStarted(why) => Part::tells(why.advice()),
        })
    }

    /// A check-in question, with its form's title when it is the form's first, and how to
    /// answer it.
    fn question(&self, q: Question) -> Part {
        let (first, title) = match self.form() {
            Some(form) if form.question() == Some(q) => {
                (form.position().0 == 1, form.answers.moment.title())
            }
            _ => (false, ""),
        };
        // A check-in step's title was said with the step.
        let title = (first && form_titled(self.stage())).then_some(title);
        let how = match q {
            Question::Pain => self.keys(voice::PAIN_KEYS, voice::PAIN_LINES),
            Question::Areas => self.keys(voice::AREAS_KEYS, voice::AREAS_LINES),
            Question::Side => self.keys(voice::SIDE_KEYS, voice::SIDE_LINES),
            Question::Numbness => self.keys(voice::YES_NO_KEYS, voice::YES_NO_LINES),
            Question::Felt => self.keys(voice::FELT_KEYS, voice::FELT_LINES),
            Question::Note => self.keys(voice::NOTE_KEYS, voice::NOTE_LINES),
        };
        Part {
            scale: q == Question::Pain,
            ..Part::asks(voice::question(title, q.asked()), how)
        }
    }

    /// The form whose question is asked, if one is.
    fn form(&self) -> Option<&Form> {
        match &self.stage {
            Stage::Morning { form, .. } | Stage::Before(form) | Stage::After(form) => Some(form),
            Stage::Session { form, .. } => form.as_ref(),
            _ => None,
        }
    }

    /// The safety questions at `stage`, with how each is answered.
    fn safety_stage(&self, stage: SafetyStage) -> Option<Part> {
        use text::safety;
        let yes_no = self.keys(voice::SAFETY_YES_NO_KEYS, safety::PLAIN_YES_NO);
        Some(match stage {
            SafetyStage::Quick => {
                let mut words = vec![
                    safety::QUICK_TITLE.to_string(),
                    safety::QUICK_INTRO.to_string(),
                ];
                words.extend(safety::EMERGENCY_QUESTIONS.map(String::from));
                Part::asks(
                    words.join(" "),
                    self.keys(voice::QUICK_KEYS, safety::PLAIN_QUICK_PROMPT),
                )
            }
            SafetyStage::Emergency(n) => {
                let q = safety::EMERGENCY_QUESTIONS.get(n).copied()?;
                let words = if n == 0 {
                    format!("{}. {} {q}", safety::SCREEN_TITLE, safety::SCREEN_INTRO)
                } else {
                    q.to_string()
                };
                Part::asks(words, yes_no)
            }
            SafetyStage::Doctor(n) => Part::asks(safety::DOCTOR_QUESTIONS.get(n).copied()?, yes_no),
            SafetyStage::EmergencyAdvice => {
                let mut words = vec![format!("{}.", safety::EMERGENCY_TITLE)];
                words.extend(safety::EMERGENCY_ADVICE.map(String::from));
                match self.pace {
                    Pace::Keys => Part::asks(words.join(" "), voice::ADVICE_KEYS),
                    Pace::Lines => Part::tells(words.join(" ")),
                }
            }
            SafetyStage::DoctorAdvice => {
                let mut words = vec![format!("{}.", safety::DOCTOR_TITLE)];
                words.extend(safety::DOCTOR_ADVICE.map(String::from));
                Part::asks(
                    words.join(" "),
                    self.keys(voice::DOCTOR_KEYS, safety::PLAIN_DOCTOR_PROMPT),
                )
            }
            // Said with what they need to know (`Say::Recheck`, `Say::GpAdvice`).
            SafetyStage::Recheck | SafetyStage::GpAdvice | SafetyStage::Done(_) => return None,
        })
    }
}

/// Whether a question's form title is said with its first question: not at a check-in step,
/// whose title was said with the step.
fn form_titled(stage: &Stage) -> bool {
    !matches!(stage, Stage::Session { .. })
}

/// The answer to `question` in `answers`, said back briefly.
fn answered(question: Question, answers: &CheckIn) -> String {
    let skipped = || voice::SKIPPED.to_string();
    match question {
        Question::Pain => answers.pain.map_or_else(skipped, |p| {
            voice::pain_answer(p, text::checkin::pain_anchor(p))
        }),
        Question::Areas if answers.areas.is_empty() => skipped(),
        Question::Areas => {
            let words: Vec<&str> = answers.areas.iter().map(|a| a.word()).collect();
            voice::areas_answer(&words.join(text::checkin::AREAS_SCREEN))
        }
        Question::Side => answers
            .side
            .map_or_else(skipped, |s| voice::side_answer(s.word())),
        Question::Numbness => answers
            .numbness
            .map_or_else(skipped, voice::numbness_answer),
        Question::Felt => answers
            .felt
            .map_or_else(skipped, |f| voice::felt_answer(f.word())),
        Question::Note if answers.note.is_some() => voice::NOTE_KEPT.to_string(),
        Question::Note => skipped(),
    }
}

/// The summary's main lines: how it ended, the time done, pain before and after with what one
/// session's change can say, and what to do next.
fn summary_part(summary: &Summary, pace: Pace) -> Part {
    let mut words = vec![
        voice::summary_heading(summary.finish().heading(), &summary.title),
        voice::time_done(summary.elapsed(), summary.planned),
    ];
    let view = summary.view.as_ref();
    match view.map(|v| (v.pain_before(), v.pain_after(), v.reading())) {
        Some((Some(before), Some(after), reading)) => {
            words.push(voice::pain_change(before, after));
            if let Some(reading) = reading {
                words.push(reading.sentence().to_string());
            }
        }
        Some((Some(pain), None, _)) => words.push(format!(
            "{}.",
            text::summary::summary_pain_one(text::summary::BEFORE, pain)
        )),
        Some((None, Some(pain), _)) => words.push(format!(
            "{}.",
            text::summary::summary_pain_one(text::summary::AFTER, pain)
        )),
        _ => words.push(text::summary::SUMMARY_NO_CHECK_INS.to_string()),
    }
    let flare = view
        .and_then(crate::history::SessionView::change)
        .is_some_and(|c| c.delta() >= 2);
    let next = match summary.advice.first() {
        Some(advice) => advice.as_str(),
        None if flare => text::safety::FLARE[1],
        None => text::safety::AFTERCARE[0],
    };
    words.push(next.to_string());
    match pace {
        Pace::Keys => Part::asks(words.join(" "), voice::SUMMARY_KEYS),
        Pace::Lines => Part::tells(words.join(" ")),
    }
}
