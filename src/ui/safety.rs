//! The safety screens: the red-flag questions, the advice they lead to, the self-massage
//! cautions, and the safety information shown on request.

use std::cell::Cell;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph, Widget, Wrap};

use super::keys::Context;
use super::{Theme, scroll};
use crate::safety::{Screening, Stage};
use crate::text;

/// Where a person is in the red-flag questions, for the keys: `gentle` is whether the routine
/// chosen is gentle, which a GP's advice allows meanwhile; `home` whether there are routines to
/// go back to (not so for a session started from the command line).
pub fn screening_context(s: &Screening, gentle: bool, home: bool) -> Context {
    match s.stage() {
        Stage::Quick => Context::SafetyQuick,
        Stage::Emergency(_) | Stage::Doctor(_) => Context::SafetyQuestion,
        Stage::DoctorAdvice => Context::DoctorAdvice,
        Stage::Recheck => Context::Recheck,
        Stage::GpAdvice if gentle => Context::GpAdvice,
        Stage::GpAdvice if home => Context::GpAdviceBack,
        Stage::GpAdvice => Context::GpAdviceAlone,
        Stage::EmergencyAdvice | Stage::Done(_) if home => Context::EmergencyAdvice,
        Stage::EmergencyAdvice | Stage::Done(_) => Context::EmergencyAdviceAlone,
    }
}

/// The red-flag questions and their advice; `gentle` and `home` as for [`screening_context`];
/// `scroll`: where the text starts when it is taller than the window (the current question is
/// always kept in view).
pub fn render_screening(
    s: &Screening,
    routine: &str,
    (gentle, home): (bool, bool),
    scroll: &Cell<u16>,
    theme: Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let (title, mut lines) = match s.stage() {
        Stage::Recheck => {
            let (since, yes) = s.since().unwrap_or_default();
            let when = since.format("%a %-d %b").to_string();
            let mut lines = vec![Line::from(text::safety::recheck_intro(&when))];
            lines.extend(yes_answers(yes));
            lines.push(Line::from(""));
            lines.push(Line::styled(
                text::safety::RECHECK_QUESTION,
                theme.heading(),
            ));
            (text::safety::RECHECK_TITLE, lines)
        }
        Stage::Quick => {
            let mut lines = vec![Line::from(text::safety::QUICK_INTRO), Line::from("")];
            lines.extend(
                text::safety::EMERGENCY_QUESTIONS
                    .iter()
                    .map(|q| Line::from(format!("• {q}"))),
            );
            (text::safety::QUICK_TITLE, lines)
        }
        Stage::Emergency(n) => (
            text::safety::SCREEN_TITLE,
            questions(&text::safety::EMERGENCY_QUESTIONS, s.answers().0, n, theme),
        ),
        Stage::Doctor(n) => (
            text::safety::SCREEN_TITLE,
            questions(&text::safety::DOCTOR_QUESTIONS, s.answers().1, n, theme),
        ),
        Stage::EmergencyAdvice | Stage::Done(_) => (
            text::safety::EMERGENCY_TITLE,
            advice(&text::safety::EMERGENCY_ADVICE),
        ),
        Stage::DoctorAdvice => {
            let mut lines = answered_yes(s);
            lines.extend(advice(&text::safety::DOCTOR_ADVICE));
            (text::safety::DOCTOR_TITLE, lines)
        }
        Stage::GpAdvice => {
            let mut lines = answered_yes(s);
            lines.extend(advice(&text::safety::GP_ADVICE));
            lines.push(Line::from(""));
            let next = if gentle {
                text::safety::GP_GENTLE_STARTS.to_string()
            } else {
                text::safety::gp_choose_gentle(routine)
            };
            lines.push(Line::styled(next, theme.heading()));
            (text::safety::GP_TITLE, lines)
        }
    };
    // The question being asked is always in view, whatever the window.
    let focus = match s.stage() {
        Stage::Emergency(n) | Stage::Doctor(n) => {
            lines.insert(0, Line::from(text::safety::SCREEN_INTRO));
            lines.insert(1, Line::from(""));
            Some(n + 2)
        }
        _ => None,
    };
    let urgent = matches!(s.stage(), Stage::EmergencyAdvice | Stage::Done(_));
    let page = Page {
        routine,
        title,
        keys: screening_context(s, gentle, home),
        urgent,
    };
    frame(&page, lines, focus, scroll, theme, area, buf);
}

pub fn render_cautions(
    routine: &str,
    scroll: &Cell<u16>,
    theme: Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let lines = text::safety::CAUTIONS
        .iter()
        .flat_map(|c| [Line::from(format!("• {c}")), Line::from("")])
        .collect();
    let page = Page {
        routine,
        title: text::safety::CAUTIONS_TITLE,
        keys: Context::Cautions,
        urgent: false,
    };
    frame(&page, lines, None, scroll, theme, area, buf);
}

/// What frames a safety screen's text: the routine, the title, the keys, and whether it is
/// urgent.
struct Page<'a> {
    routine: &'a str,
    title: &'a str,
    keys: Context,
    urgent: bool,
}

/// The questions answered so far with their answers, the current one marked; answered ones
/// give way first when the window is short.
fn questions<'a>(
    all: &[&'a str],
    answered: &[bool],
    current: usize,
    theme: Theme,
) -> Vec<Line<'a>> {
    all.iter()
        .enumerate()
        .map(|(i, q)| {
            let (mark, style) = match (answered.get(i), i == current) {
                (Some(true), _) => ("yes", theme.heading()),
                (Some(false), _) => ("no ", theme.dim()),
                (None, true) => (" › ", theme.selected()),
                (None, false) => ("   ", theme.dim()),
            };
            Line::from(vec![
                Span::styled(format!("{mark} "), style),
                Span::styled(*q, if i == current { theme.heading() } else { style }),
            ])
        })
        .collect()
}

fn advice<'a>(lines: &[&'a str]) -> Vec<Line<'a>> {
    lines.iter().map(|l| Line::from(*l)).collect()
}

/// "You answered yes to:" and each such question, for the advice they led to.
fn answered_yes(s: &Screening) -> Vec<Line<'static>> {
    let yes: Vec<u8> = s.record().doctor_yes;
    let mut lines = vec![Line::from(text::safety::YOU_ANSWERED_YES)];
    lines.extend(yes_answers(&yes));
    lines.push(Line::from(""));
    lines
}

fn yes_answers(yes: &[u8]) -> Vec<Line<'static>> {
    text::safety::doctor_questions(yes)
        .into_iter()
        .map(|q| Line::from(format!("• {q}")))
        .collect()
}

fn frame(
    page: &Page,
    lines: Vec<Line>,
    focus: Option<usize>,
    scroll: &Cell<u16>,
    theme: Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let block = Block::bordered()
        .title(Line::styled(format!(" {} ", page.routine), theme.title()))
        .padding(Padding::horizontal(1));
    let inner = block.inner(area);
    block.render(area, buf);
    let title = Paragraph::new(Line::styled(
        page.title,
        if page.urgent {
            theme.paused()
        } else {
            theme.heading()
        },
    ))
    .wrap(Wrap { trim: true });
    let title_rows = super::cells(title.line_count(inner.width)).min(2);
    let keys = super::footer(page.keys, inner.width, theme);
    let [title_a, _, body_a, keys_a] = Layout::vertical([
        Constraint::Length(title_rows),
        Constraint::Length(u16::from(inner.height > 12)),
        Constraint::Fill(1),
        Constraint::Length(super::cells(keys.len())),
    ])
    .areas(inner);
    title.render(title_a, buf);
    scroll::render(lines, focus, scroll, theme, body_a, buf);
    Paragraph::new(keys).render(keys_a, buf);
}
