//! Drawing the app: the screen for the visit's stage (or the review), and what the keys mean
//! on it. Both read the app's state and change nothing.

use std::time::Instant;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Widget};

use super::screen::App;
use crate::session::{Overlay, PhaseKind};
use crate::text;
use crate::ui::keys::{self, Context};
use crate::ui::notices::Notice;
use crate::ui::{self, Theme};
use crate::visit::{self, Question, Recorder, Stage};

impl App {
    /// What is on screen, as far as keys go.
    pub(super) fn context(&self) -> Context {
        if let Some(review) = &self.review {
            return review.context();
        }
        if let Some(weekly) = &self.weekly {
            return ui::weekly::context(weekly);
        }
        let Some(visit) = &self.visit else {
            return Context::Any;
        };
        match visit.stage() {
            Stage::Morning { form, .. } if self.home.is_some() && !form.pending_one() => {
                Context::HomeMorning
            }
            Stage::Morning { .. } => Context::Form(Question::Pain),
            Stage::Choose => Context::Home,
            Stage::Safety(s) => {
                ui::safety::screening_context(s, visit.gentle(), self.home.is_some())
            }
            Stage::Cautions => Context::Cautions,
            Stage::Before(form) | Stage::After(form) => {
                Context::Form(form.question().unwrap_or(Question::Pain))
            }
            Stage::Session { session, form } => match session.overlay() {
                Some(Overlay::Help) => Context::Help,
                Some(Overlay::ConfirmQuit) => Context::ConfirmQuit,
                Some(Overlay::Safety) => Context::SafetyInfo,
                Some(Overlay::PainRule(_)) => Context::EaseOff,
                None => match form.as_ref().and_then(visit::Form::question) {
                    Some(q) => Context::CheckIn(q),
                    None if session.phase().kind == PhaseKind::Ready => Context::SessionReady,
                    None => Context::Session,
                },
            },
            Stage::Summary(_) if self.home.is_some() => Context::Summary,
            Stage::Summary(_) => Context::SummaryAlone,
            Stage::Over => Context::Any,
        }
    }

    pub fn draw(&self, frame: &mut Frame, now: Instant) {
        let area = frame.area();
        let buf = frame.buffer_mut();
        if ui::too_small(area) {
            ui::render_too_small(area, buf, self.theme);
            return;
        }
        // Text scrolled on one screen starts at the top of the next.
        let shown = Some(self.context());
        if self.shown.replace(shown) != shown {
            self.scroll.set(0);
        }
        let theme = self.theme;
        if let Some(review) = &self.review {
            ui::review::render(review, theme, area, buf);
            return;
        }
        if let Some(weekly) = &self.weekly {
            ui::weekly::render(weekly, theme, area, buf);
            return;
        }
        let Some(visit) = &self.visit else {
            return;
        };
        let title = visit.routine().map_or("", |r| r.title.as_str());
        match visit.stage() {
            Stage::Morning { of, form } if self.home.is_some() => {
                let asked = text::safety::morning_asked(&of.format("%a %-d %b").to_string());
                let prompt = if form.pending_one() {
                    text::checkin::PENDING_ONE.to_string()
                } else {
                    keys::prompt(Context::HomeMorning).unwrap_or_default()
                };
                let question = format!("{asked} {prompt}");
                if let Some(home) = &self.home {
                    ui::home::render(home, Some(&question), theme, area, buf);
                }
            }
            Stage::Morning { form, of } => {
                let asked = text::safety::morning_asked(&of.format("%a %-d %b").to_string());
                form_screen(form, text::home::HOME_TITLE, &asked, theme, area, buf);
            }
            Stage::Choose => {
                if let Some(home) = &self.home {
                    ui::home::render(home, None, theme, area, buf);
                } else {
                    // A routine from the command line, waiting for the history to be read.
                    let block =
                        Block::bordered().title(Line::styled(format!(" {title} "), theme.title()));
                    let inner = block.inner(area);
                    block.render(area, buf);
                    if self.says_reading() {
                        Line::from(text::history::READING).render(inner, buf);
                    }
                }
            }
            Stage::Safety(screening) => {
                ui::safety::render_screening(
                    screening,
                    title,
                    (visit.gentle(), self.home.is_some()),
                    &self.scroll,
                    theme,
                    area,
                    buf,
                );
            }
            Stage::Cautions => ui::safety::render_cautions(title, &self.scroll, theme, area, buf),
            Stage::Before(form) | Stage::After(form) => {
                let asked = form.question().map_or("", Question::asked);
                form_screen(form, title, asked, theme, area, buf);
            }
            Stage::Session { session, form } => {
                let mut notes = self.notes.clone();
                if self.audio.is_muted() {
                    notes.insert(0, Notice::new(text::sound::MUTED, text::sound::MUTED_SHORT));
                }
                let status = ui::session::Status {
                    problem: self.recorder.as_ref().and_then(Recorder::problem),
                    notes: &notes,
                    scroll: Some(&self.scroll),
                };
                ui::session::render(session, form.as_ref(), &status, now, theme, area, buf);
            }
            Stage::Summary(summary) => {
                let unsaved = self.unsaved.as_deref();
                let from_home = self.home.is_some();
                ui::summary::render(summary, unsaved, from_home, &self.scroll, theme, area, buf);
            }
            Stage::Over => {}
        }
    }
}

/// A check-in form on a screen of its own, framed with the routine's title.
fn form_screen(
    form: &visit::Form,
    title: &str,
    asked: &str,
    theme: Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let block = Block::bordered().title(Line::styled(format!(" {title} "), theme.title()));
    let inner = block.inner(area);
    block.render(area, buf);
    let heading = form.answers.moment.title();
    ui::checkin::render(form, heading, asked, theme, inner, buf);
}
