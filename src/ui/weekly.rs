//! The weekly check: one question at a time in a frame, answered with one key (a name is
//! typed), with the scale's anchor words on screen and the answers so far below.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::{Theme, checkin, keys};
use crate::text;
use crate::weekly::{Question, Weekly};

/// What the keys mean on the question shown.
pub fn context(weekly: &Weekly) -> keys::Context {
    // The keys are the same for every activity.
    keys::Context::Weekly(match weekly.question() {
        Some(Question::Rate(_)) => Question::Rate(0),
        Some(Question::Name(_)) => Question::Name(0),
        Some(q) => q,
        None => Question::LegPain,
    })
}

/// Everything needed to answer stays on screen down to 40 x 12: spacing goes first, then the
/// anchor words, never the question or the keys.
pub fn render(weekly: &Weekly, theme: Theme, area: Rect, buf: &mut Buffer) {
    let (n, of) = weekly.position();
    let block = Block::bordered()
        .title(Line::styled(
            format!(" {} ", text::weekly::TITLE),
            theme.title(),
        ))
        .title(Line::from(format!(" {} ", text::checkin::question_of(n, of))).right_aligned());
    let inner = block.inner(area);
    block.render(area, buf);
    let (Some(question), Some(asked)) = (weekly.question(), weekly.asked()) else {
        return;
    };
    let asked = Paragraph::new(Line::styled(asked, theme.heading()))
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true });
    let keys = super::footer(context(weekly), inner.width, theme);
    let rows = |p: &Paragraph| super::cells(p.line_count(inner.width));
    let asked_rows = rows(&asked);
    let keys_rows = super::cells(keys.len());
    let mut body = body(weekly, question, theme);
    let fixed = asked_rows + keys_rows + 1;
    while body.len() > 1 && fixed + super::cells(body.len()) > inner.height {
        body.pop();
    }
    let body = Paragraph::new(body)
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: false });
    let body_rows = rows(&body);
    let gap = u16::from(fixed + body_rows + 4 <= inner.height);
    let [_, asked_a, _, body_a, _, so_far_a, _, keys_a] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(asked_rows),
        Constraint::Length(gap),
        Constraint::Length(body_rows),
        Constraint::Length(gap),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(keys_rows),
    ])
    .areas(inner);
    asked.render(asked_a, buf);
    body.render(body_a, buf);
    let so_far = if weekly.pending_one() {
        Line::styled(text::checkin::PENDING_ONE, theme.heading())
    } else {
        Line::styled(weekly.answers().summary(), theme.dim())
    };
    Paragraph::new(so_far)
        .alignment(Alignment::Center)
        .render(so_far_a, buf);
    Paragraph::new(keys).render(keys_a, buf);
}

/// The choices: the 0-10 scale with its anchor words, yes and no, or the name being typed.
fn body(weekly: &Weekly, question: Question, theme: Theme) -> Vec<Line<'static>> {
    match question {
        Question::LegPain | Question::BackPain => {
            let mut lines = vec![checkin::scale(theme)];
            lines.extend(checkin::pain_anchors());
            lines
        }
        Question::Rate(_) => {
            let mut lines = vec![checkin::scale(theme)];
            lines.extend(
                text::weekly::RATE_ANCHORS
                    .iter()
                    .map(|(n, words)| Line::from(format!("{n:>3}  {words:<29}"))),
            );
            lines
        }
        Question::Numbness | Question::Weakness => vec![Line::styled(
            keys::answer_keys(context(weekly)).join("   "),
            theme.heading(),
        )],
        Question::Name(_) => vec![checkin::typing(weekly.draft(), theme)],
    }
}
