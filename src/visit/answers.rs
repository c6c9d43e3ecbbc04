//! A whole line as the answer to a check-in question (plain mode): a number, words or their
//! first letters; an empty line skips.

use super::checkin::{Form, Progress, Question, clean_note};
use crate::history::{Area, BodySide, Felt};

impl Form {
    /// A whole line as the answer to the current question (plain mode). An empty line skips.
    /// `Err` means the line is not an answer to this question (a note too long is not);
    /// nothing changes.
    pub fn line(&mut self, line: &str) -> Result<Progress, ()> {
        let Some(question) = self.question() else {
            return Ok(Progress::Ignored);
        };
        let line = line.trim();
        if line.is_empty() {
            return Ok(self.next());
        }
        let lower = line.to_lowercase();
        match question {
            Question::Pain => self.answers.pain = Some(parse_pain(line).ok_or(())?),
            Question::Areas => self.answers.areas = parse_areas(&lower).ok_or(())?,
            Question::Side => {
                self.answers.side = Some(
                    word(&lower, &["left", "right", "both"])
                        .and_then(side_at)
                        .ok_or(())?,
                );
            }
            Question::Numbness => {
                self.answers.numbness =
                    Some(word(&lower, &["yes", "no"]).map(|i| i == 0).ok_or(())?);
            }
            Question::Felt => {
                self.answers.felt = Some(
                    word(&lower, &["better", "same", "worse"])
                        .and_then(felt_at)
                        .ok_or(())?,
                );
            }
            // Too long is refused, with the limit said, rather than cut without a word.
            Question::Note => self.answers.note = clean_note(line).map_err(drop)?,
        }
        Ok(self.next())
    }
}

fn side_at(i: usize) -> Option<BodySide> {
    [BodySide::Left, BodySide::Right, BodySide::Both]
        .get(i)
        .copied()
}

fn felt_at(i: usize) -> Option<Felt> {
    [Felt::Better, Felt::Same, Felt::Worse].get(i).copied()
}

/// Which of `words` the answer is: the whole word, or its first letter.
fn word(answer: &str, words: &[&str]) -> Option<usize> {
    words
        .iter()
        .position(|w| *w == answer || (answer.len() == 1 && w.starts_with(answer)))
}

/// A whole number from 0 to 10.
pub fn parse_pain(line: &str) -> Option<u8> {
    line.trim().parse::<u8>().ok().filter(|p| *p <= 10)
}

/// Area names or numbers 1-5, separated by spaces or commas.
fn parse_areas(line: &str) -> Option<Vec<Area>> {
    let mut areas = Vec::new();
    for part in line
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|p| !p.is_empty())
    {
        let area = match part.parse::<usize>() {
            Ok(n) => Area::ALL.get(n.checked_sub(1)?).copied()?,
            Err(_) => Area::ALL
                .into_iter()
                .find(|a| a.word() == part.trim_end_matches('s'))?,
        };
        if !areas.contains(&area) {
            areas.push(area);
        }
    }
    areas.sort();
    Some(areas)
}
