//! A check-in form: one question at a time, answered with one key, with the pain scale's
//! anchor words always on screen.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::{Theme, keys, keys_line};
use crate::history::{Area, BodySide, Felt};
use crate::text;
use crate::visit::{Form, Question};

/// Draws the form inside `area` (the caller draws any frame around it); `asked` is the
/// question in words.
pub fn render(form: &Form, title: &str, asked: &str, theme: Theme, area: Rect, buf: &mut Buffer) {
    let Some(question) = form.question() else {
        return;
    };
    let body = body(form, question, theme);
    let [_, title_a, question_a, body_a, answers_a, _, keys_a] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(2),
        Constraint::Length(2),
        Constraint::Length(super::cells(body.len()).saturating_add(1)),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);

    let (n, of) = form.position();
    Paragraph::new(Line::from(vec![
        Span::styled(title.to_string(), theme.heading()),
        Span::styled(
            format!("   {}", text::checkin::question_of(n, of)),
            theme.dim(),
        ),
    ]))
    .alignment(Alignment::Center)
    .wrap(Wrap { trim: true })
    .render(title_a, buf);
    Paragraph::new(Line::from(asked))
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true })
        .render(question_a, buf);
    Paragraph::new(body)
        .alignment(Alignment::Center)
        .render(body_a, buf);
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
    let keys = keys::footer(keys::Context::Form(question));
    Paragraph::new(keys_line(&keys, theme)).render(keys_a, buf);
}

fn body(form: &Form, question: Question, theme: Theme) -> Vec<Line<'_>> {
    match question {
        Question::Pain => {
            let mut scale: Vec<Span> = (0..=9)
                .map(|n| Span::styled(format!(" {n} "), theme.heading()))
                .collect();
            scale.push(Span::styled(" t=10 ", theme.heading()));
            let mut lines = vec![Line::from(scale), Line::from("")];
            lines.extend(
                text::checkin::PAIN_ANCHORS
                    .iter()
                    .map(|(n, words)| Line::from(format!("{n:>5}  {words:<21}"))),
            );
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
        Question::Note => vec![Line::from(vec![
            Span::from("> "),
            Span::styled(form.note_draft.clone(), theme.heading()),
            Span::styled("▏", theme.dim()),
        ])],
        Question::Side | Question::Numbness | Question::Felt => {
            vec![Line::styled(
                keys::footer(keys::Context::Form(question)),
                theme.heading(),
            )]
        }
    }
}
