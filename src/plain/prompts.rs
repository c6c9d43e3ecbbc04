//! The visit's words as lines of text: what plain mode prints for each thing the visit says.

use std::io::{self, Write};

use crate::routine::Routine;
use crate::safety::Stage;
use crate::session::Announcement;
use crate::text;
use crate::visit::{NotStarted, Question, Say, Summary, Visit};

/// Prints what the visit says; `unsaved` is why part of the session is not in the history.
pub fn say(
    out: &mut impl Write,
    said: &Say,
    visit: &Visit,
    unsaved: Option<&str>,
) -> io::Result<()> {
    match said {
        Say::Routines => {
            for (n, entry) in visit.entries().iter().enumerate() {
                writeln!(out, "{}. {}", n + 1, entry.routine.list_line())?;
            }
            writeln!(out, "{}", text::home::PLAIN_HOME_PROMPT)?;
        }
        Say::ChooseAgain => {
            writeln!(out, "{}", text::home::PLAIN_HOME_INVALID)?;
            writeln!(out, "{}", text::home::PLAIN_HOME_PROMPT)?;
        }
        Say::Morning(of) => {
            let when = of.format("%a %-d %b").to_string();
            writeln!(out, "{}", text::safety::plain_morning_question(&when))?;
        }
        Say::Intro => {
            if let Some(routine) = visit.routine() {
                let intro = text::home::plain_intro(
                    &routine.title,
                    routine.steps.len(),
                    routine.planned_duration(),
                );
                writeln!(out, "{intro}")?;
            }
        }
        Say::Safety(stage) => safety_stage(out, *stage)?,
        Say::Recheck { since, yes } => {
            let when = since.format("%a %-d %b").to_string();
            writeln!(
                out,
                "{} {}",
                text::safety::RECHECK_TITLE,
                text::safety::recheck_intro(&when)
            )?;
            for q in text::safety::doctor_questions(yes) {
                writeln!(out, "  - {q}")?;
            }
            writeln!(
                out,
                "{} {}",
                text::safety::RECHECK_QUESTION,
                text::safety::PLAIN_YES_NO
            )?;
        }
        Say::GpAdvice { gentle } => {
            writeln!(out, "{}.", text::safety::GP_TITLE)?;
            for line in text::safety::GP_ADVICE {
                writeln!(out, "{line}")?;
            }
            match (gentle, visit.routine()) {
                (true, _) => {
                    writeln!(out, "{}", text::safety::GP_GENTLE_STARTS)?;
                    writeln!(out, "{}", text::safety::PLAIN_GP_PROMPT_START)?;
                }
                (false, routine) => {
                    let title = routine.map_or("", |r| r.title.as_str());
                    writeln!(out, "{}", text::safety::gp_choose_gentle(title))?;
                    writeln!(out, "{}", text::safety::PLAIN_GP_PROMPT_BACK)?;
                }
            }
        }
        Say::Unclear => writeln!(out, "{}", text::safety::PLAIN_UNCLEAR)?,
        Say::NotStarted(why) => match why {
            NotStarted::Doctor => writeln!(out, "{}", text::safety::STOPPED_FOR_DOCTOR)?,
            NotStarted::GentleOnly => writeln!(out, "{}", text::safety::STOPPED_FOR_GENTLE)?,
            NotStarted::NotAnswered => writeln!(out, "{}", text::safety::NOT_ANSWERED)?,
            // Its advice was said when it showed.
            NotStarted::Emergency => {}
        },
        Say::Cautions => {
            writeln!(out, "{}:", text::safety::CAUTIONS_TITLE)?;
            for caution in text::safety::CAUTIONS {
                writeln!(out, "  {caution}")?;
            }
        }
        Say::Question(q) => writeln!(out, "{}", q.plain_prompt())?,
        Say::Invalid(q) => writeln!(out, "{}", q.plain_invalid())?,
        // Another answer is the line just typed, there to read.
        Say::Answered { question, answers } if *question == Question::Pain => {
            writeln!(out, "{}", text::checkin::plain_pain_recorded(answers.pain))?;
        }
        Say::Answered { .. } => {}
        Say::InputEnded => writeln!(out, "{}", text::checkin::PLAIN_INPUT_ENDED)?,
        Say::EaseOff {
            trigger,
            before,
            now,
        } => {
            let reason = trigger.reason(*before, *now);
            writeln!(out, "{}. {reason}", text::safety::PAIN_RULE_TITLE)?;
            writeln!(out, "{}", text::safety::PLAIN_PAIN_RULE_PROMPT)?;
        }
        Say::Chose(choice) => writeln!(out, "{}", choice.words())?,
        Say::Paused => writeln!(out, "{}", text::session::PLAIN_PAUSED)?,
        Say::Suspended => writeln!(out, "{}", text::session::PLAIN_SUSPENDED)?,
        Say::Summary(s) => summary(out, s, unsaved)?,
    }
    Ok(())
}

fn summary(out: &mut impl Write, s: &Summary, unsaved: Option<&str>) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "{}: {}", s.finish().heading(), s.title)?;
    for line in s.lines(unsaved) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

fn safety_stage(out: &mut impl Write, stage: Stage) -> io::Result<()> {
    match stage {
        Stage::Quick => {
            writeln!(
                out,
                "{} {}",
                text::safety::QUICK_TITLE,
                text::safety::QUICK_INTRO
            )?;
            for q in text::safety::EMERGENCY_QUESTIONS {
                writeln!(out, "  - {q}")?;
            }
            writeln!(out, "{}", text::safety::PLAIN_QUICK_PROMPT)?;
        }
        Stage::Emergency(n) => {
            if n == 0 {
                writeln!(
                    out,
                    "{}. {}",
                    text::safety::SCREEN_TITLE,
                    text::safety::SCREEN_INTRO
                )?;
                writeln!(out, "{}", text::safety::PLAIN_BACK)?;
            }
            let q = text::safety::EMERGENCY_QUESTIONS
                .get(n)
                .copied()
                .unwrap_or_default();
            writeln!(out, "{q} {}", text::safety::PLAIN_YES_NO)?;
        }
        Stage::Doctor(n) => {
            let q = text::safety::DOCTOR_QUESTIONS
                .get(n)
                .copied()
                .unwrap_or_default();
            writeln!(out, "{q} {}", text::safety::PLAIN_YES_NO)?;
        }
        Stage::EmergencyAdvice => {
            writeln!(out, "{}.", text::safety::EMERGENCY_TITLE)?;
            for line in text::safety::EMERGENCY_ADVICE {
                writeln!(out, "{line}")?;
            }
        }
        Stage::DoctorAdvice => {
            writeln!(out, "{}.", text::safety::DOCTOR_TITLE)?;
            for line in text::safety::DOCTOR_ADVICE {
                writeln!(out, "{line}")?;
            }
            writeln!(out, "{}", text::safety::PLAIN_DOCTOR_PROMPT)?;
        }
        // Said with what they need to know (`Say::Recheck`, `Say::GpAdvice`), or nothing to say.
        Stage::Recheck | Stage::GpAdvice | Stage::Done(_) => {}
    }
    Ok(())
}

/// A moment of the session in words, with a new step's instructions and caution.
pub fn announce(out: &mut impl Write, a: &Announcement, routine: &Routine) -> io::Result<()> {
    // The summary that follows says it, with the routine's name.
    if *a == Announcement::Complete {
        return Ok(());
    }
    writeln!(out, "{}", a.words(routine))?;
    if let Announcement::StepStart { step, .. } = a
        && let Some(step) = routine.steps.get(*step)
    {
        for line in &step.instructions {
            writeln!(out, "  {line}")?;
        }
        if let Some(caution) = &step.caution {
            writeln!(out, "  {}: {caution}", text::session::CAUTION)?;
        }
    }
    Ok(())
}
