//! The visit from the session on: the session itself with its check-in steps, the questions
//! after, the summary; and what every control means at each stage.

use std::time::Instant;

use super::{Effect, Ending, Form, FormKey, Progress, Say, Stage, Summary, Visit};
use crate::history;
use crate::session::{self, Key, Outcome, Overlay, PainChoice, Session};

/// An answer to a check-in question, as a key or as a whole line.
pub(super) enum FormInput {
    Key(FormKey),
    Line(String),
}

impl Visit {
    pub(super) fn start_session(&mut self, now: Instant, fx: &mut Vec<Effect>) {
        let Some(routine) = self.routine.clone() else {
            return;
        };
        let (mut session, effects) = Session::begin(routine, now);
        session.set_baseline(self.before.as_ref().and_then(|b| b.pain));
        self.stage = Stage::Session {
            session: Box::new(session),
            form: None,
        };
        self.run_engine(effects, fx);
    }

    /// Feeds the session, if it runs.
    pub(super) fn feed(&mut self, event: session::Event, now: Instant, fx: &mut Vec<Effect>) {
        let Stage::Session { session, .. } = &mut self.stage else {
            return;
        };
        let effects = session.handle(event, now);
        self.run_engine(effects, fx);
    }

    pub(super) fn tick(&mut self, now: Instant, fx: &mut Vec<Effect>) {
        self.feed(session::Event::Tick, now, fx);
    }

    pub(super) fn session_key(&mut self, key: Key, now: Instant, fx: &mut Vec<Effect>) {
        self.feed(session::Event::Key(key), now, fx);
    }

    /// The session's effects, passed on; a check-in step gets its questions, and the end of the
    /// session leads to the questions after (none when it was stopped from outside).
    fn run_engine(&mut self, effects: Vec<session::Effect>, fx: &mut Vec<Effect>) {
        let mut ended = None;
        for effect in effects {
            match effect {
                session::Effect::Cue(cue) => fx.push(Effect::Cue(cue)),
                session::Effect::Announce(a) => fx.push(Effect::Announce(a)),
                session::Effect::Record(record) => {
                    if let Some(event) = self.history_event(&record) {
                        self.record(event, fx);
                    }
                }
                session::Effect::AskCheckIn { after_step } => self.ask_check_in(after_step, fx),
                session::Effect::EaseOff(trigger) => {
                    if let Some(session) = self.session() {
                        let (before, now) = session.pains();
                        fx.push(Effect::Say(Say::EaseOff {
                            trigger,
                            before,
                            now,
                        }));
                    }
                }
                session::Effect::Quit(outcome) => ended = Some(outcome),
            }
        }
        // A check-in's questions last as long as its step: leaving the step drops them (the
        // answers so far are kept).
        if let Stage::Session { session, form } = &mut self.stage
            && !session.awaiting_check_in()
        {
            *form = None;
        }
        match ended {
            Some(Outcome::Interrupted) => self.show_summary(Ending::Exit, fx),
            Some(outcome) => {
                // Ended right at a check-in just answered: that score is the pain after.
                let just_given = self.just_answered.filter(|_| outcome == Outcome::Completed);
                let form = Form::after(self.id, self.next_form_id(), just_given);
                self.ask(form.question(), fx);
                self.stage = Stage::After(form);
            }
            None => {}
        }
    }

    fn ask_check_in(&mut self, after_step: Option<String>, fx: &mut Vec<Effect>) {
        let id = self.next_form_id();
        let Stage::Session { form, .. } = &mut self.stage else {
            return;
        };
        // Back at a check-in already begun, its answers so far stay.
        if form.is_none() {
            let new = Form::during(self.id, id, after_step);
            let question = new.question();
            *form = Some(new);
            self.ask(question, fx);
        }
    }

    /// The session's record as a line of the history.
    fn history_event(&self, record: &session::Record) -> Option<history::Event> {
        let session = self.id;
        Some(match *record {
            // The session's first line is written with its first answer (see `record`).
            session::Record::SessionStarted { .. } => return None,
            session::Record::StepDone {
                step,
                planned,
                actual,
                skipped,
            } => history::Event::StepDone {
                session,
                step,
                title: self
                    .routine
                    .as_ref()
                    .and_then(|r| r.steps.get(step))
                    .map(|s| s.title.clone())
                    .unwrap_or_default(),
                planned_s: planned.as_secs_f64(),
                actual_s: actual.as_secs_f64(),
                skipped,
            },
            session::Record::PainRule { trigger, choice } => history::Event::PainRule {
                session,
                trigger,
                choice,
            },
            session::Record::SessionEnded { outcome, elapsed } => history::Event::SessionEnded {
                session,
                outcome: match outcome {
                    Outcome::Completed => history::Outcome::Completed,
                    Outcome::Quit => history::Outcome::Quit,
                    Outcome::Interrupted => history::Outcome::Interrupted,
                },
                elapsed_s: elapsed.as_secs_f64(),
            },
        })
    }

    /// The form being answered, if a question is on screen.
    fn current_form(&mut self) -> Option<&mut Form> {
        match &mut self.stage {
            Stage::Morning { form, .. } | Stage::Before(form) | Stage::After(form) => Some(form),
            Stage::Session {
                session,
                form: Some(form),
            } if session.overlay().is_none() => Some(form),
            _ => None,
        }
    }

    /// A key for the form on screen. q where the form takes no q leaves before the session.
    pub(super) fn form_key(&mut self, key: FormKey, now: Instant, fx: &mut Vec<Effect>) {
        let used = self.form_input(FormInput::Key(key), now, fx);
        if !used && key == FormKey::Char('q') && matches!(self.stage, Stage::Before(_)) {
            self.abandon(Ending::Home, fx);
        }
    }

    /// An answer for the form on screen; each answer is kept as it is given. Returns whether
    /// the input meant anything to the form.
    pub(super) fn form_input(
        &mut self,
        input: FormInput,
        now: Instant,
        fx: &mut Vec<Effect>,
    ) -> bool {
        let Some(form) = self.current_form() else {
            return false;
        };
        let asked = form.question();
        let progress = match input {
            FormInput::Key(key) => form.key(key),
            FormInput::Line(line) => {
                let Ok(progress) = form.line(&line) else {
                    if let Some(q) = asked {
                        fx.push(Effect::Say(Say::Invalid(q)));
                    }
                    // Asked again, as it was asked first.
                    match &self.stage {
                        Stage::Morning { of, .. } => fx.push(Effect::Say(Say::Morning(*of))),
                        _ => self.ask(asked, fx),
                    }
                    return true;
                };
                progress
            }
        };
        let form = form.clone();
        match progress {
            Progress::Ignored => return false,
            Progress::Editing => return true,
            Progress::Answered | Progress::Done => {
                // Kept first: what is said back only ever follows a kept answer.
                self.record(history::Event::CheckIn(form.answers.clone()), fx);
                if let Some(question) = asked {
                    fx.push(Effect::Say(Say::Answered {
                        question,
                        answers: Box::new(form.answers.clone()),
                    }));
                }
            }
        }
        if progress == Progress::Answered {
            self.ask(form.question(), fx);
        } else {
            self.form_done(form, now, fx);
        }
        true
    }

    /// The form on screen is done, answered or skipped: on to what comes after it.
    pub(super) fn form_done(&mut self, form: Form, now: Instant, fx: &mut Vec<Effect>) {
        match &self.stage {
            Stage::Morning { .. } => self.after_morning(fx),
            Stage::Before(_) => {
                self.before = Some(form.answers);
                self.start_session(now, fx);
            }
            Stage::Session { .. } => {
                let before_areas = self.before.as_ref().map(|b| b.areas.as_slice());
                let event = session::Event::CheckedIn {
                    pain: form.answers.pain,
                    spread: super::checkin::spread(
                        before_areas.unwrap_or(&[]),
                        &form.answers.areas,
                    ),
                };
                self.just_answered = form.answers.pain;
                self.feed(event, now, fx);
                self.just_answered = None;
            }
            Stage::After(_) => self.show_summary(Ending::Home, fx),
            _ => {}
        }
    }

    /// The summary of the session, built from its own records as the history will show them.
    /// Plain mode says it and is done; the screen shows it until a key.
    fn show_summary(&mut self, ending: Ending, fx: &mut Vec<Effect>) {
        let Some(routine) = &self.routine else {
            return;
        };
        let view = history::session_view(&self.records, self.began);
        // What this visit was told counts too: numbness that started today, pain spreading.
        let mut seen = self
            .past
            .as_ref()
            .map(|p| p.observed.clone())
            .unwrap_or_default();
        if let Some(before) = view.as_ref().and_then(|v| v.before.as_ref()) {
            seen.push(crate::safety::Observation::of(self.began, before));
        }
        let advice = crate::safety::worsening(&seen, self.began)
            .iter()
            .map(crate::safety::Worsening::words)
            .collect();
        let summary = Summary::new(routine, view, advice);
        fx.push(Effect::CloseHistory);
        let summary = Box::new(summary);
        fx.push(Effect::Say(Say::Summary(summary.clone())));
        self.stage = Stage::Summary(summary);
        if ending == Ending::Exit || self.pace == super::Pace::Lines {
            self.over(ending, fx);
        }
    }

    /// The chosen way to go on when the pain rule paused the session.
    pub(super) fn ease_off(&mut self, choice: PainChoice, now: Instant, fx: &mut Vec<Effect>) {
        fx.push(Effect::Say(Say::Chose(choice)));
        self.session_key(Key::Choose(choice), now, fx);
    }

    pub(super) fn on_continue(&mut self, fx: &mut Vec<Effect>) {
        match self.stage {
            Stage::Cautions => self.cautions_read(fx),
            Stage::Summary(_) => self.over(Ending::Home, fx),
            _ => {}
        }
    }

    /// q or Esc outside the session's own keys.
    pub(super) fn leave(&mut self, fx: &mut Vec<Effect>) {
        match self.stage {
            Stage::Summary(_) => self.over(Ending::Exit, fx),
            Stage::Session { .. } | Stage::After(_) | Stage::Over => {}
            _ => self.leave_before_session(Ending::Home, fx),
        }
    }

    /// Ctrl-C: the session stops at once, the questions after are skipped, and anywhere else
    /// unknot closes.
    pub(super) fn stop(&mut self, now: Instant, fx: &mut Vec<Effect>) {
        match self.stage {
            Stage::Session { .. } => {
                self.session_key(Key::Quit, now, fx);
                self.session_key(Key::Yes, now, fx);
            }
            Stage::After(_) => self.form_key(FormKey::Escape, now, fx),
            Stage::Before(_) => self.abandon(Ending::Home, fx),
            Stage::Summary(_) => self.over(Ending::Exit, fx),
            Stage::Over => {}
            _ => self.leave_before_session(Ending::Exit, fx),
        }
    }

    /// Stopped from outside: what was done is kept, and the visit ends.
    pub(super) fn interrupt(&mut self, now: Instant, fx: &mut Vec<Effect>) {
        match self.stage {
            Stage::Session { .. } => self.feed(session::Event::Interrupt, now, fx),
            Stage::After(_) => self.show_summary(Ending::Exit, fx),
            Stage::Summary(_) => self.over(Ending::Exit, fx),
            Stage::Before(_) => self.abandon(Ending::Exit, fx),
            Stage::Over => {}
            _ => self.leave_before_session(Ending::Exit, fx),
        }
    }

    /// Ctrl-Z: the countdown waits until the person is back, and lines typed before the stop
    /// are dropped, so only a new Enter goes on.
    pub(super) fn suspend(&mut self, now: Instant, fx: &mut Vec<Effect>) {
        self.lines.pending.clear();
        fx.push(Effect::Say(Say::Suspended));
        self.feed(session::Event::Suspend, now, fx);
    }

    /// Back after a stop: lines that came in before it are dropped too.
    pub(super) fn continued(&mut self, fx: &mut Vec<Effect>) {
        self.lines.pending.clear();
        if self
            .session()
            .is_some_and(|s| s.is_paused() && s.overlay().is_none())
        {
            fx.push(Effect::Say(Say::Paused));
        }
    }

    /// Whether the session waits for the person: a pain-rule choice, a pause, "in position?".
    pub(super) fn session_waits(&self) -> Option<SessionWait> {
        let Stage::Session { session, form } = &self.stage else {
            return None;
        };
        if session.outcome().is_some() {
            return None;
        }
        match session.overlay() {
            Some(Overlay::PainRule(_)) => Some(SessionWait::EaseOff),
            None if form.is_some() => Some(SessionWait::CheckIn),
            None if session.is_paused()
                || session.phase().kind == crate::session::PhaseKind::Ready =>
            {
                Some(SessionWait::Go)
            }
            _ => None,
        }
    }
}

/// What a waiting session needs from the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum SessionWait {
    /// A check-in question.
    CheckIn,
    /// Stop, skip or gentler.
    EaseOff,
    /// Anything, to go on.
    Go,
}
