//! The weekly check, pure: leg pain and back pain on the numeric rating scale, numbness or
//! tingling, weakness, and the Patient-Specific Functional Scale (CLINICAL.md section 5). The
//! activities of the scale are named once, in the person's words, and rated every week; any of
//! them can be renamed. One key answers each question, Enter skips it, Esc skips the rest; in
//! plain mode a line answers. The front ends save [`Weekly::answers`] after each answer.

#[cfg(test)]
mod tests;

use uuid::Uuid;

use crate::history::{ACTIVITIES_MAX, Activity, WeeklyCheck};
use crate::visit::{FormKey, Progress};
use crate::{clean, text};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    /// Leg pain this week, 0-10.
    LegPain,
    /// Back pain this week, 0-10.
    BackPain,
    Numbness,
    Weakness,
    /// The name of activity n (from 0): asked when none is named yet, or to rename one.
    Name(usize),
    /// How well activity n (from 0) can be done, 0-10.
    Rate(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Weekly {
    questions: Vec<Question>,
    index: usize,
    answers: WeeklyCheck,
    /// The name being typed.
    draft: String,
    /// A rename in progress comes back to this question's rating.
    renaming: bool,
    /// A 1 typed for a 0-10 answer, waiting for a 0 that makes it 10.
    pending_one: bool,
}

impl Weekly {
    /// A new check, `form` its id; `known` the activities named in earlier checks (the newest
    /// first kept), rated again this week, or named now when there are none.
    pub fn new(form: Uuid, known: &[String]) -> Weekly {
        let activities: Vec<Activity> = known
            .iter()
            .take(ACTIVITIES_MAX)
            .map(|name| Activity {
                name: name.clone(),
                score: None,
            })
            .collect();
        let mut questions = vec![
            Question::LegPain,
            Question::BackPain,
            Question::Numbness,
            Question::Weakness,
        ];
        if activities.is_empty() {
            questions.push(Question::Name(0));
        } else {
            questions.extend((0..activities.len()).map(Question::Rate));
        }
        Weekly {
            questions,
            index: 0,
            answers: WeeklyCheck {
                form,
                activities,
                ..WeeklyCheck::default()
            },
            draft: String::new(),
            renaming: false,
            pending_one: false,
        }
    }

    /// The activities named in earlier checks, when they are known only after the check
    /// began (the history is read meanwhile): they replace the naming question, unless the
    /// person has reached it and begun to type, or named one already.
    pub fn set_known(&mut self, known: &[String]) {
        let naming_at = self.questions.len().saturating_sub(1);
        let untouched =
            self.index < naming_at || (self.index == naming_at && self.draft.is_empty());
        if known.is_empty()
            || !self.answers.activities.is_empty()
            || self.questions.last() != Some(&Question::Name(0))
            || !untouched
        {
            return;
        }
        self.answers.activities = known
            .iter()
            .take(ACTIVITIES_MAX)
            .map(|name| Activity {
                name: name.clone(),
                score: None,
            })
            .collect();
        self.questions.truncate(naming_at);
        self.questions
            .extend((0..self.answers.activities.len()).map(Question::Rate));
    }

    /// The question being asked, or `None` when the check is done.
    pub fn question(&self) -> Option<Question> {
        self.questions.get(self.index).copied()
    }

    /// Question number (1-based) and how many there are, as far as is known.
    pub fn position(&self) -> (usize, usize) {
        // A rename is part of the rating it came from.
        let count = self.questions.len() - usize::from(self.renaming);
        ((self.index + 1).min(count), count)
    }

    pub fn is_done(&self) -> bool {
        self.index >= self.questions.len()
    }

    /// The answers so far, as they are saved.
    pub fn answers(&self) -> &WeeklyCheck {
        &self.answers
    }

    /// The line to save after `progress`: the answers so far, once a question is answered or
    /// skipped and something has been answered (a check skipped whole leaves no line).
    pub fn to_save(&self, progress: Progress) -> Option<WeeklyCheck> {
        let a = &self.answers;
        let any = a.leg_pain.is_some()
            || a.back_pain.is_some()
            || a.numbness.is_some()
            || a.weakness.is_some()
            || !a.activities.is_empty();
        (any && matches!(progress, Progress::Answered | Progress::Done)).then(|| a.clone())
    }

    /// The activity name as typed so far.
    pub fn draft(&self) -> &str {
        &self.draft
    }

    /// Whether a 1 is typed and waits: a 0 makes it 10, Enter keeps it.
    pub fn pending_one(&self) -> bool {
        self.pending_one
    }

    /// The question being asked, in words.
    pub fn asked(&self) -> Option<String> {
        Some(match self.question()? {
            Question::LegPain => text::weekly::ASK_LEG_PAIN.to_string(),
            Question::BackPain => text::weekly::ASK_BACK_PAIN.to_string(),
            Question::Numbness => text::weekly::ASK_NUMBNESS.to_string(),
            Question::Weakness => text::weekly::ASK_WEAKNESS.to_string(),
            Question::Name(n) if self.renaming => {
                text::weekly::ask_rename(self.activity(n).unwrap_or_default())
            }
            Question::Name(n) => text::weekly::ask_name(n + 1),
            Question::Rate(n) => text::weekly::ask_rate(self.activity(n).unwrap_or_default()),
        })
    }

    /// How to answer in plain mode.
    pub fn plain_how(&self) -> Option<&'static str> {
        Some(match self.question()? {
            Question::LegPain | Question::BackPain => text::weekly::PLAIN_SCORE,
            Question::Numbness | Question::Weakness => text::weekly::PLAIN_YES_NO,
            Question::Name(_) => text::weekly::PLAIN_NAME,
            Question::Rate(_) => text::weekly::PLAIN_RATE,
        })
    }

    /// The name of activity `n`, if it has one.
    pub fn activity(&self, n: usize) -> Option<&str> {
        self.answers.activities.get(n).map(|a| a.name.as_str())
    }

    pub fn key(&mut self, key: FormKey) -> Progress {
        let Some(question) = self.question() else {
            return Progress::Ignored;
        };
        if std::mem::take(&mut self.pending_one) {
            return match key {
                FormKey::Char('0') => self.score(question, 10),
                FormKey::Backspace => Progress::Editing,
                // Any other key keeps the 1; Enter and Esc then do what they always do.
                _ => {
                    let kept = self.score(question, 1);
                    match key {
                        FormKey::Escape => self.skip_rest(),
                        _ => kept,
                    }
                }
            };
        }
        if key == FormKey::Escape {
            return if self.renaming {
                self.end_rename()
            } else {
                self.skip_rest()
            };
        }
        match (question, key) {
            (Question::LegPain | Question::BackPain | Question::Rate(_), FormKey::Char('1')) => {
                self.pending_one = true;
                Progress::Editing
            }
            (
                Question::LegPain | Question::BackPain | Question::Rate(_),
                FormKey::Char(c @ ('0'..='9' | 't' | 'T')),
            ) => self.score(
                question,
                c.to_digit(10)
                    .and_then(|d| u8::try_from(d).ok())
                    .unwrap_or(10),
            ),
            (Question::Rate(n), FormKey::Char('e' | 'E')) => {
                self.draft = self.activity(n).unwrap_or_default().to_string();
                self.renaming = true;
                self.questions.insert(self.index, Question::Name(n));
                Progress::Editing
            }
            (Question::Numbness | Question::Weakness, FormKey::Char(c)) => {
                let yes = match c.to_ascii_lowercase() {
                    'y' => true,
                    'n' => false,
                    _ => return Progress::Ignored,
                };
                if question == Question::Numbness {
                    self.answers.numbness = Some(yes);
                } else {
                    self.answers.weakness = Some(yes);
                }
                self.next()
            }
            (Question::Name(_), FormKey::Char(c)) => match clean::typed(c) {
                Some(c) if self.draft.chars().count() < clean::TITLE_MAX => {
                    self.draft.push(c);
                    Progress::Editing
                }
                _ => Progress::Ignored,
            },
            (Question::Name(_), FormKey::Backspace) => {
                self.draft.pop();
                Progress::Editing
            }
            (Question::Name(n), FormKey::Enter) => {
                let typed = std::mem::take(&mut self.draft);
                self.name(n, &typed)
            }
            // Enter skips a question that takes one key.
            (_, FormKey::Enter) => self.next(),
            _ => Progress::Ignored,
        }
    }

    /// A whole line as the answer (plain mode): a number, yes or no, an activity's name; an
    /// empty line skips. `Err` means the line does not answer this question; nothing changes.
    pub fn line(&mut self, line: &str) -> Result<Progress, ()> {
        let Some(question) = self.question() else {
            return Ok(Progress::Ignored);
        };
        let line = line.trim();
        match question {
            Question::Name(n) => Ok(self.name(n, line)),
            _ if line.is_empty() => Ok(self.next()),
            Question::Rate(_) if line.eq_ignore_ascii_case("e") => Ok(self.key(FormKey::Char('e'))),
            Question::LegPain | Question::BackPain | Question::Rate(_) => {
                let score = line.parse::<u8>().ok().filter(|s| *s <= 10).ok_or(())?;
                Ok(self.score(question, score))
            }
            Question::Numbness | Question::Weakness => {
                let yes = match line.to_lowercase().as_str() {
                    "y" | "yes" => true,
                    "n" | "no" => false,
                    _ => return Err(()),
                };
                if question == Question::Numbness {
                    self.answers.numbness = Some(yes);
                } else {
                    self.answers.weakness = Some(yes);
                }
                Ok(self.next())
            }
        }
    }

    fn score(&mut self, question: Question, score: u8) -> Progress {
        match question {
            Question::LegPain => self.answers.leg_pain = Some(score),
            Question::BackPain => self.answers.back_pain = Some(score),
            Question::Rate(n) => {
                if let Some(a) = self.answers.activities.get_mut(n) {
                    a.score = Some(score);
                }
            }
            Question::Numbness | Question::Weakness | Question::Name(_) => {}
        }
        self.next()
    }

    /// Activity `n` named `typed` (cleaned): a new one, with the next name asked while there
    /// is room, then its rating; or a new name for one already rated before. Nothing typed
    /// ends the naming, or keeps the old name.
    fn name(&mut self, n: usize, typed: &str) -> Progress {
        let name = clean::bounded_string(typed.to_string(), clean::TITLE_MAX);
        if self.renaming {
            if !name.is_empty()
                && let Some(a) = self.answers.activities.get_mut(n)
            {
                a.name = name;
                a.score = None;
            }
            return self.end_rename();
        }
        if name.is_empty() {
            // No more names: rate those given.
            let named = self.answers.activities.len();
            self.questions.truncate(self.index);
            self.questions.extend((0..named).map(Question::Rate));
            return if self.is_done() {
                Progress::Done
            } else {
                Progress::Answered
            };
        }
        self.answers.activities.push(Activity { name, score: None });
        let next = if n + 1 < ACTIVITIES_MAX {
            Question::Name(n + 1)
        } else {
            Question::Rate(0)
        };
        self.questions.truncate(self.index + 1);
        self.questions.push(next);
        if next == Question::Rate(0) {
            self.questions
                .extend((1..self.answers.activities.len()).map(Question::Rate));
        }
        self.next()
    }

    /// Back from renaming to the activity's rating.
    fn end_rename(&mut self) -> Progress {
        self.renaming = false;
        self.draft.clear();
        self.questions.remove(self.index);
        Progress::Answered
    }

    fn skip_rest(&mut self) -> Progress {
        self.renaming = false;
        self.index = self.questions.len();
        Progress::Done
    }

    fn next(&mut self) -> Progress {
        self.index += 1;
        if self.is_done() {
            Progress::Done
        } else {
            Progress::Answered
        }
    }
}
