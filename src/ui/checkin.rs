//! A check-in form: one question at a time, answered with one key, with the pain scale's
//! anchor words always on screen.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::{Theme, keys};
use crate::history::{Area, BodySide, Felt};
use crate::text;
use crate::visit::{Form, Question};

/// Draws the form inside `area` (the caller draws any frame around it); `asked` is the
/// question in words. Everything a person needs to answer (the question, every choice, the
/// pain scale's anchor words, the keys) is on screen down to 38 x 10 inside the frame: spacing
/// goes first when room is short, then the keys wrap, never cut.
pub fn render(form: &Form, title: &str, asked: &str, theme: Theme, area: Rect, buf: &mut Buffer) {
    let Some(question) = form.question() else {
        return;
    };
    let (n, of) = form.position();
    let heading = Paragraph::new(Line::from(vec![
        Span::styled(title.to_string(), theme.heading()),
        Span::styled(
            format!("   {}", text::checkin::question_of(n, of)),
            theme.dim(),
        ),
    ]))
    .alignment(Alignment::Center)
    .wrap(Wrap { trim: true });
    let asked = Paragraph::new(Line::from(asked))
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true });
    let keys: Vec<Line> = keys::footer_rows(keys::Context::Form(question), area.width)
        .into_iter()
        .map(|row| Line::styled(row, theme.keys()))
        .collect();
    let rows = |p: &Paragraph| u16::try_from(p.line_count(area.width)).unwrap_or(u16::MAX);
    let (heading_rows, asked_rows) = (rows(&heading), rows(&asked));
    let keys_rows = super::cells(keys.len());
    let fixed = heading_rows + asked_rows + keys_rows + 1;
    let roomy = fixed + super::cells(body(form, question, theme, true).len()) + 3 <= area.height;
    // Not trimmed: the anchor words line up by their padding.
    let body = Paragraph::new(body(form, question, theme, roomy))
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: false });
    let body_rows = rows(&body);
    let gap = u16::from(roomy);
    let [_, heading_a, _, asked_a, _, body_a, _, answers_a, _, keys_a] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(heading_rows),
        Constraint::Length(gap),
        Constraint::Length(asked_rows),
        Constraint::Length(gap),
        Constraint::Length(body_rows),
        Constraint::Length(gap),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(keys_rows),
    ])
    .areas(area);

    heading.render(heading_a, buf);
    asked.render(asked_a, buf);
    body.render(body_a, buf);
    let a = &form.answers;
    let so_far = text::checkin::answers_so_far(
        a.pain,
        &Area::join(&a.areas, text::checkin::AREAS_SCREEN),
        a.side.map(BodySide::word),
        a.numbness,
        a.felt.map(Felt::word),
    );
    let so_far = if form.pending_one() {
        Line::styled(text::checkin::PENDING_ONE, theme.heading())
    } else {
        Line::styled(so_far, theme.dim())
    };
    Paragraph::new(so_far)
        .alignment(Alignment::Center)
        .render(answers_a, buf);
    Paragraph::new(keys).render(keys_a, buf);
}

/// The choices of `question`; `roomy` spaces the pain scale from its anchor words.
fn body(form: &Form, question: Question, theme: Theme, roomy: bool) -> Vec<Line<'_>> {
    match question {
        Question::Pain => {
            let mut lines = vec![scale(theme)];
            if roomy {
                lines.push(Line::from(""));
            }
            lines.extend(pain_anchors());
            lines
        }
        Question::Areas => Area::ALL
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let chosen = form.areas_draft.contains(a);
                let mark = if chosen { "[x]" } else { "[ ]" };
                let style = if chosen { theme.heading() } else { theme.dim() };
                Line::styled(format!("{mark} {} {:<8}", i + 1, a.word()), style)
            })
            .collect(),
        Question::Note => vec![typing(&form.note_draft, theme)],
        Question::Side | Question::Numbness | Question::Felt => {
            vec![Line::styled(
                keys::answer_keys(keys::Context::Form(question)).join("   "),
                theme.heading(),
            )]
        }
    }
}

/// The keys of a 0-10 answer: 0 to 9, and t for 10.
pub(super) fn scale(theme: Theme) -> Line<'static> {
    let mut scale: Vec<Span> = (0..=9)
        .map(|n| Span::styled(format!(" {n} "), theme.heading()))
        .collect();
    scale.push(Span::styled(" t=10 ", theme.heading()));
    Line::from(scale)
}

/// The numeric rating scale's anchor words, padded to line up when centred.
pub(super) fn pain_anchors() -> Vec<Line<'static>> {
    text::checkin::PAIN_ANCHORS
        .iter()
        .map(|(n, words)| Line::from(format!("{n:>5}  {words:<21}")))
        .collect()
}

/// A line of text being typed, with its cursor.
pub(super) fn typing(draft: &str, theme: Theme) -> Line<'static> {
    Line::from(vec![
        Span::from("> "),
        Span::styled(draft.to_string(), theme.heading()),
        Span::styled("▏", theme.dim()),
    ])
}
