//! The visit's words as lines of text: what plain mode prints for each thing the visit says.

use std::io::{self, Write};

use crate::routine::Routine;
use crate::safety::Stage;
use crate::session::Announcement;
use crate::text;
use crate::visit::{NotStarted, Say, Visit};

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
                let r = &entry.routine;
                let line = text::home_line(&r.title, r.level, r.planned_duration());
                writeln!(out, "{}. {line}", n + 1)?;
            }
            writeln!(out, "{}", text::PLAIN_HOME_PROMPT)?;
        }
        Say::ChooseAgain => {
            writeln!(out, "{}", text::PLAIN_HOME_INVALID)?;
            writeln!(out, "{}", text::PLAIN_HOME_PROMPT)?;
        }
        Say::Morning(of) => {
            let when = of.format("%a %-d %b").to_string();
            writeln!(out, "{}", text::plain_morning_question(&when))?;
        }
        Say::Intro => {
            if let Some(routine) = visit.routine() {
                writeln!(out, "{}", text::plain_intro(routine))?;
            }
        }
        Say::Safety(stage) => safety_stage(out, *stage)?,
        Say::Unclear => writeln!(out, "{}", text::PLAIN_UNCLEAR)?,
        Say::NotStarted(why) => match why {
            NotStarted::Doctor => writeln!(out, "{}", text::STOPPED_FOR_DOCTOR)?,
            NotStarted::NotAnswered => writeln!(out, "{}", text::NOT_ANSWERED)?,
            // Its advice was said when it showed.
            NotStarted::Emergency => {}
        },
        Say::Cautions => {
            writeln!(out, "{}:", text::CAUTIONS_TITLE)?;
            for caution in text::CAUTIONS {
                writeln!(out, "  {caution}")?;
            }
        }
        Say::Question(q) => writeln!(out, "{}", text::plain_question(*q))?,
        Say::Invalid(q) => writeln!(out, "{}", text::plain_invalid(*q))?,
        Say::Pain(pain) => writeln!(out, "{}", text::plain_pain_recorded(*pain))?,
        Say::InputEnded => writeln!(out, "{}", text::PLAIN_INPUT_ENDED)?,
        Say::EaseOff {
            trigger,
            before,
            now,
        } => {
            let reason = text::pain_rule_reason(*trigger, *before, *now);
            writeln!(out, "{}. {reason}", text::PAIN_RULE_TITLE)?;
            writeln!(out, "{}", text::PLAIN_PAIN_RULE_PROMPT)?;
        }
        Say::Chose(choice) => writeln!(out, "{}", text::pain_choice(*choice))?,
        Say::Paused => writeln!(out, "{}", text::PLAIN_PAUSED)?,
        Say::Suspended => writeln!(out, "{}", text::PLAIN_SUSPENDED)?,
        Say::Summary(s) => {
            writeln!(out)?;
            writeln!(out, "{}: {}", text::outcome(s.outcome()), s.title)?;
            for line in s.lines(unsaved) {
                writeln!(out, "{line}")?;
            }
        }
    }
    Ok(())
}

fn safety_stage(out: &mut impl Write, stage: Stage) -> io::Result<()> {
    match stage {
        Stage::Quick => {
            writeln!(out, "{} {}", text::QUICK_TITLE, text::QUICK_INTRO)?;
            for q in text::EMERGENCY_QUESTIONS {
                writeln!(out, "  - {q}")?;
            }
            writeln!(out, "{}", text::PLAIN_QUICK_PROMPT)?;
        }
        Stage::Emergency(n) => {
            if n == 0 {
                writeln!(out, "{}. {}", text::SCREEN_TITLE, text::SCREEN_INTRO)?;
            }
            let q = text::EMERGENCY_QUESTIONS
                .get(n)
                .copied()
                .unwrap_or_default();
            writeln!(out, "{q} {}", text::PLAIN_YES_NO)?;
        }
        Stage::Doctor(n) => {
            let q = text::DOCTOR_QUESTIONS.get(n).copied().unwrap_or_default();
            writeln!(out, "{q} {}", text::PLAIN_YES_NO)?;
        }
        Stage::EmergencyAdvice => {
            writeln!(out, "{}.", text::EMERGENCY_TITLE)?;
            for line in text::EMERGENCY_ADVICE {
                writeln!(out, "{line}")?;
            }
        }
        Stage::DoctorAdvice => {
            writeln!(out, "{}.", text::DOCTOR_TITLE)?;
            for line in text::DOCTOR_ADVICE {
                writeln!(out, "{line}")?;
            }
            writeln!(out, "{}", text::PLAIN_DOCTOR_PROMPT)?;
        }
        Stage::Done(_) => {}
    }
    Ok(())
}

/// A moment of the session in words, with a new step's instructions and caution.
pub fn announce(out: &mut impl Write, a: &Announcement, routine: &Routine) -> io::Result<()> {
    // The summary that follows says it, with the routine's name.
    if *a == Announcement::Complete {
        return Ok(());
    }
    writeln!(out, "{}", text::announcement(a, routine))?;
    if let Announcement::StepStart { step, .. } = a
        && let Some(step) = routine.steps.get(*step)
    {
        for line in &step.instructions {
            writeln!(out, "  {line}")?;
        }
        if let Some(caution) = &step.caution {
            writeln!(out, "  {}: {caution}", text::CAUTION)?;
        }
    }
    Ok(())
}
