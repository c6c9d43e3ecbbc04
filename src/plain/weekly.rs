//! The weekly check in plain lines: each question with how to answer, one line each; every
//! answer is saved as it is given, so stopping part-way keeps what was said.

use std::sync::mpsc::RecvTimeoutError;

use uuid::Uuid;

use super::{Ended, watch};
use crate::error::AppError;
use crate::history::{self, Store};
use crate::sys::input::{self, Input};
use crate::sys::output::{Output, failed};
use crate::text;
use crate::visit::Recorder;
use crate::weekly::Weekly;

/// Asks the weekly check; `known` are the activities named before, `store` where answers go.
///
/// # Errors
/// Signals that cannot be watched; lines that can no longer be printed.
#[expect(
    clippy::disallowed_methods,
    reason = "a weekly check's form id is made here, as the person starts it"
)]
pub fn weekly(known: &[String], store: Result<Store, String>) -> Result<Ended, AppError> {
    use std::io::Write;
    let (_tx, rx) = watch()?;
    let mut out = Output::stdout();
    let mut recorder = Recorder::new(store);
    if let Some(problem) = recorder.problem() {
        crate::sys::stderr::say(problem);
    }
    let mut check = Weekly::new(Uuid::now_v7(), known);
    let say = |out: &mut Output<_>, line: &str| {
        writeln!(out, "{line}")
            .and_then(|()| out.flush())
            .map_err(failed)
    };
    say(&mut out, text::weekly::TITLE)?;
    while let (Some(asked), Some(how)) = (check.asked(), check.plain_how()) {
        say(&mut out, &text::weekly::plain_question(&asked, how))?;
        let line = loop {
            match rx.recv().map_err(|_| RecvTimeoutError::Disconnected) {
                Ok(Input::Line(line)) => break Some(line),
                Ok(Input::Signal(s)) => return Ok(Ended::Signal(s)),
                Ok(Input::Suspend) => input::stop_now().map_err(AppError::Terminal)?,
                Ok(Input::Closed) | Err(_) => break None,
                Ok(_) => {}
            }
        };
        let Some(line) = line else { break };
        match check.line(&line) {
            Ok(progress) => {
                if let Some(answered) = check.to_save(progress) {
                    recorder.record(history::Event::WeeklyCheck(answered));
                }
            }
            Err(()) => say(&mut out, text::weekly::PLAIN_NOT_UNDERSTOOD)?,
        }
    }
    match recorder.unsaved() {
        Some(unsaved) => crate::sys::stderr::say(&unsaved),
        None if check.is_done() => say(&mut out, text::weekly::SAVED)?,
        None => {}
    }
    out.finish(Ok(()))?;
    Ok(Ended::Done)
}
