//! Pain check-in forms: a few quick questions, each answered with one key (or one line in plain
//! mode), each skippable. A pure state machine: the app saves the answers after every question.

use uuid::Uuid;

use crate::clean::{self, NOTE_MAX, TooLong};
use crate::history::{Area, BodySide, CheckIn, Felt, Moment};
use crate::text;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    /// 0-10 on the numeric rating scale.
    Pain,
    /// Where the pain is felt; several allowed.
    Areas,
    Side,
    /// Numbness or tingling, yes or no.
    Numbness,
    /// How the session felt: better, same, worse.
    Felt,
    /// One optional line of text.
    Note,
}

impl Question {
    /// The question as asked on screen.
    pub fn asked(self) -> &'static str {
        match self {
            Question::Pain => text::checkin::ASK_PAIN,
            Question::Areas => text::checkin::ASK_AREAS,
            Question::Side => text::checkin::ASK_SIDE,
            Question::Numbness => text::checkin::ASK_NUMBNESS,
            Question::Felt => text::checkin::ASK_FELT,
            Question::Note => text::checkin::ASK_NOTE,
        }
    }

    /// The question as a prompt line in plain mode, with how to answer.
    pub fn plain_prompt(self) -> String {
        match self {
            Question::Pain => text::checkin::plain_pain_prompt(),
            Question::Areas => text::checkin::PLAIN_ASK_AREAS.to_string(),
            Question::Side => text::checkin::PLAIN_ASK_SIDE.to_string(),
            Question::Numbness => text::checkin::PLAIN_ASK_NUMBNESS.to_string(),
            Question::Felt => text::checkin::PLAIN_ASK_FELT.to_string(),
            Question::Note => text::checkin::PLAIN_ASK_NOTE.to_string(),
        }
    }

    /// One sentence when a plain answer does not fit the question.
    pub fn plain_invalid(self) -> &'static str {
        match self {
            Question::Pain => text::checkin::PLAIN_PAIN_INVALID,
            Question::Areas => text::checkin::PLAIN_AREAS_INVALID,
            Question::Side => text::checkin::PLAIN_SIDE_INVALID,
            Question::Numbness => text::checkin::PLAIN_NUMBNESS_INVALID,
            Question::Felt => text::checkin::PLAIN_FELT_INVALID,
            Question::Note => text::checkin::PLAIN_NOTE_INVALID,
        }
    }
}

/// A key as the form understands it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKey {
    Char(char),
    Enter,
    Backspace,
    /// Skip the rest of the form.
    Escape,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// The key meant nothing here.
    Ignored,
    /// The key changed something on screen, but no answer yet.
    Editing,
    /// A question was answered or skipped: save the answers so far.
    Answered,
    /// The last question was answered or the rest skipped: save, then move on.
    Done,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    questions: Vec<Question>,
    index: usize,
    /// The answers so far, as they are saved.
    pub answers: CheckIn,
    /// Areas chosen but not yet confirmed with Enter.
    pub areas_draft: Vec<Area>,
    /// The note as typed so far.
    pub note_draft: String,
    /// A pain of 1 typed, waiting for a 0 that makes it 10.
    pending_one: bool,
}

/// A note as kept, from a form, a plain line or the command line: one line of what a terminal
/// shows ([`clean::line`]), or none when nothing is left.
///
/// # Errors
/// [`TooLong`] when more than [`NOTE_MAX`] characters are left: the person says how to
/// shorten it, and nothing they typed is cut without a word.
pub fn clean_note(typed: &str) -> Result<Option<String>, TooLong> {
    let kept = clean::within(typed, NOTE_MAX)?;
    Ok((!kept.is_empty()).then(|| kept.into_owned()))
}

impl Form {
    /// Before a session: pain, where, which side, numbness. `form` is this form's own id.
    pub fn before(session: Uuid, form: Uuid) -> Form {
        Form::new(
            Moment::Before,
            Some(session),
            form,
            None,
            vec![
                Question::Pain,
                Question::Areas,
                Question::Side,
                Question::Numbness,
            ],
        )
    }

    /// A check-in step during a session: pain, and where.
    pub fn during(session: Uuid, form: Uuid, after_step: Option<String>) -> Form {
        Form::new(
            Moment::During,
            Some(session),
            form,
            after_step,
            vec![Question::Pain, Question::Areas],
        )
    }

    /// After a session: pain, how it felt, a note.
    /// `pain` is the score the routine's last step, a check-in, has just been given: it is
    /// the pain after, and is not asked again.
    pub fn after(session: Uuid, form: Uuid, pain: Option<u8>) -> Form {
        let mut questions = vec![Question::Pain, Question::Felt, Question::Note];
        if pain.is_some() {
            questions.remove(0);
        }
        let mut after = Form::new(Moment::After, Some(session), form, None, questions);
        after.answers.pain = pain;
        after
    }

    /// The morning after an earlier session (`session`): the pain, nothing else.
    pub fn morning(session: Uuid, form: Uuid) -> Form {
        Form::new(
            Moment::NextMorning,
            Some(session),
            form,
            None,
            vec![Question::Pain],
        )
    }

    fn new(
        moment: Moment,
        session: Option<Uuid>,
        form: Uuid,
        after_step: Option<String>,
        questions: Vec<Question>,
    ) -> Form {
        Form {
            questions,
            index: 0,
            answers: CheckIn {
                form,
                session,
                moment,
                after_step,
                ..CheckIn::default()
            },
            areas_draft: Vec::new(),
            note_draft: String::new(),
            pending_one: false,
        }
    }

    /// The question being asked, or `None` when the form is done.
    pub fn question(&self) -> Option<Question> {
        self.questions.get(self.index).copied()
    }

    /// Question number (1-based) and how many there are.
    pub fn position(&self) -> (usize, usize) {
        (
            (self.index + 1).min(self.questions.len()),
            self.questions.len(),
        )
    }

    pub fn is_done(&self) -> bool {
        self.index >= self.questions.len()
    }

    /// Whether a pain of 1 is typed and waits: a 0 makes it 10, Enter keeps it.
    pub fn pending_one(&self) -> bool {
        self.pending_one
    }

    pub fn key(&mut self, key: FormKey) -> Progress {
        let Some(question) = self.question() else {
            return Progress::Ignored;
        };
        if std::mem::take(&mut self.pending_one) {
            return self.after_one(key);
        }
        if key == FormKey::Escape {
            self.index = self.questions.len();
            return Progress::Done;
        }
        match (question, key) {
            // "10" typed as two keys must not be kept as 1.
            (Question::Pain, FormKey::Char('1')) => {
                self.pending_one = true;
                Progress::Editing
            }
            (Question::Pain, FormKey::Char(c @ '0'..='9')) => {
                self.answers.pain = c.to_digit(10).and_then(|d| u8::try_from(d).ok());
                self.next()
            }
            (Question::Pain, FormKey::Char('t' | 'T')) => {
                self.answers.pain = Some(10);
                self.next()
            }
            (Question::Areas, FormKey::Char(c @ '1'..='5')) => {
                let i = c as usize - '1' as usize;
                let area = Area::ALL[i];
                if let Some(at) = self.areas_draft.iter().position(|a| *a == area) {
                    self.areas_draft.remove(at);
                } else {
                    self.areas_draft.push(area);
                    self.areas_draft.sort();
                }
                Progress::Editing
            }
            (Question::Areas, FormKey::Enter) => {
                self.answers.areas = self.areas_draft.clone();
                self.next()
            }
            (Question::Side, FormKey::Char(c)) => match side(c) {
                Some(s) => {
                    self.answers.side = Some(s);
                    self.next()
                }
                None => Progress::Ignored,
            },
            (Question::Numbness, FormKey::Char(c)) => match c.to_ascii_lowercase() {
                'y' => {
                    self.answers.numbness = Some(true);
                    self.next()
                }
                'n' => {
                    self.answers.numbness = Some(false);
                    self.next()
                }
                _ => Progress::Ignored,
            },
            (Question::Felt, FormKey::Char(c)) => match felt(c) {
                Some(f) => {
                    self.answers.felt = Some(f);
                    self.next()
                }
                None => Progress::Ignored,
            },
            // Typing stops at the limit, which the question states.
            (Question::Note, FormKey::Char(c)) => match clean::typed(c) {
                Some(c) if self.note_draft.chars().count() < NOTE_MAX => {
                    self.note_draft.push(c);
                    Progress::Editing
                }
                _ => Progress::Ignored,
            },
            (Question::Note, FormKey::Backspace) => {
                self.note_draft.pop();
                Progress::Editing
            }
            (Question::Note, FormKey::Enter) => {
                // The draft never holds more than fits.
                self.answers.note = clean_note(&self.note_draft).unwrap_or_default();
                self.next()
            }
            // Enter skips a question that takes one key.
            (_, FormKey::Enter) => self.next(),
            _ => Progress::Ignored,
        }
    }

    /// The key after a 1 for pain: 0 makes 10; Backspace takes the 1 back; anything else keeps
    /// 1 and, when it answers the next question, answers it too.
    fn after_one(&mut self, key: FormKey) -> Progress {
        match key {
            FormKey::Backspace => return Progress::Editing,
            FormKey::Char('0') => {
                self.answers.pain = Some(10);
                return self.next();
            }
            _ => {}
        }
        self.answers.pain = Some(1);
        let kept = self.next();
        match (kept, key) {
            (Progress::Done, _) | (_, FormKey::Enter) => kept,
            (_, FormKey::Escape) => {
                self.index = self.questions.len();
                Progress::Done
            }
            _ => match self.key(key) {
                Progress::Ignored | Progress::Editing => kept,
                answered => answered,
            },
        }
    }

    pub(super) fn next(&mut self) -> Progress {
        self.index += 1;
        if self.is_done() {
            Progress::Done
        } else {
            Progress::Answered
        }
    }
}

fn side(c: char) -> Option<BodySide> {
    match c.to_ascii_lowercase() {
        'l' => Some(BodySide::Left),
        'r' => Some(BodySide::Right),
        'b' => Some(BodySide::Both),
        _ => None,
    }
}

fn felt(c: char) -> Option<Felt> {
    match c.to_ascii_lowercase() {
        'b' | '1' => Some(Felt::Better),
        's' | '2' => Some(Felt::Same),
        'w' | '3' => Some(Felt::Worse),
        _ => None,
    }
}

/// Pain that reaches further down the leg than it did before: centralisation is a good sign,
/// spreading down the leg means a movement is irritating the nerve (McKenzie; Aina 2004).
pub fn spread(before: &[Area], now: &[Area]) -> bool {
    match (before.iter().max(), now.iter().max()) {
        (Some(before), Some(now)) => now > before,
        _ => false,
    }
}
