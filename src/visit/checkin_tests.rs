use uuid::Uuid;

use super::checkin::*;
use crate::clean::NOTE_MAX;
use crate::history::{Area, BodySide, Felt, Moment};

fn keys(form: &mut Form, keys: &str) -> Vec<Progress> {
    keys.chars()
        .map(|c| {
            form.key(match c {
                '\n' => FormKey::Enter,
                '\x1b' => FormKey::Escape,
                '\x08' => FormKey::Backspace,
                c => FormKey::Char(c),
            })
        })
        .collect()
}

#[test]
fn before_takes_five_keys_when_every_question_is_answered() {
    let mut form = Form::before(Uuid::nil(), Uuid::nil());
    let progress = keys(&mut form, "623\nly");
    assert_eq!(
        progress,
        vec![
            Progress::Answered,
            Progress::Editing,
            Progress::Editing,
            Progress::Answered,
            Progress::Answered,
            Progress::Done
        ]
    );
    let a = &form.answers;
    assert_eq!(a.pain, Some(6));
    assert_eq!(a.areas, vec![Area::Buttock, Area::Thigh]);
    assert_eq!(a.side, Some(BodySide::Left));
    assert_eq!(a.numbness, Some(true));
    assert_eq!(a.moment, Moment::Before);
    assert!(form.is_done());
}

#[test]
fn every_question_can_be_skipped_with_enter() {
    let mut form = Form::before(Uuid::nil(), Uuid::nil());
    assert_eq!(keys(&mut form, "\n\n\n\n").last(), Some(&Progress::Done));
    assert_eq!(form.answers.pain, None);
    assert!(form.answers.areas.is_empty());
}

#[test]
fn escape_skips_the_rest() {
    let mut form = Form::before(Uuid::nil(), Uuid::nil());
    assert_eq!(
        keys(&mut form, "t\x1b"),
        vec![Progress::Answered, Progress::Done]
    );
    assert_eq!(form.answers.pain, Some(10));
}

#[test]
fn area_keys_toggle_and_other_keys_are_ignored() {
    let mut form = Form::during(Uuid::nil(), Uuid::nil(), Some("Ball".into()));
    keys(&mut form, "4");
    assert_eq!(
        keys(&mut form, "2x2\n"),
        vec![
            Progress::Editing,
            Progress::Ignored,
            Progress::Editing,
            Progress::Done
        ]
    );
    assert_eq!(form.answers.areas, vec![]);
    assert_eq!(form.answers.after_step.as_deref(), Some("Ball"));
}

#[test]
fn after_asks_pain_felt_and_a_note() {
    let mut form = Form::after(Uuid::nil(), Uuid::nil(), None);
    keys(&mut form, "3b");
    assert_eq!(form.question(), Some(Question::Note));
    keys(&mut form, "stiff hipz\x08s\n");
    assert_eq!(form.answers.felt, Some(Felt::Better));
    assert_eq!(form.answers.note.as_deref(), Some("stiff hips"));
    assert!(form.is_done());
}

#[test]
fn plain_lines_answer_the_same_questions() {
    let mut form = Form::before(Uuid::nil(), Uuid::nil());
    assert_eq!(form.line("eleven"), Err(()));
    assert_eq!(form.line("11"), Err(()));
    assert_eq!(form.line(" 7 "), Ok(Progress::Answered));
    assert_eq!(form.line("knee"), Err(()));
    assert_eq!(form.line("Buttock, thighs 5"), Ok(Progress::Answered));
    assert_eq!(form.line("r"), Ok(Progress::Answered));
    assert_eq!(form.line("no"), Ok(Progress::Done));
    let a = &form.answers;
    assert_eq!(a.pain, Some(7));
    assert_eq!(a.areas, vec![Area::Buttock, Area::Thigh, Area::Foot]);
    assert_eq!(a.side, Some(BodySide::Right));
    assert_eq!(a.numbness, Some(false));
}

#[test]
fn an_empty_line_skips() {
    let mut form = Form::after(Uuid::nil(), Uuid::nil(), None);
    assert_eq!(form.line(""), Ok(Progress::Answered));
    assert_eq!(form.line("worse"), Ok(Progress::Answered));
    assert_eq!(form.line("  "), Ok(Progress::Done));
    assert_eq!(form.answers.pain, None);
    assert_eq!(form.answers.felt, Some(Felt::Worse));
    assert_eq!(form.answers.note, None);
}

#[test]
fn a_plain_note_over_the_limit_is_refused_and_says_the_limit() {
    let mut form = Form::after(Uuid::nil(), Uuid::nil(), None);
    keys(&mut form, "\n\n");
    // 319 characters, as a person once typed, are not cut to fit without a word.
    assert_eq!(form.line(&"a".repeat(319)), Err(()));
    assert_eq!(form.question(), Some(Question::Note));
    assert_eq!(form.answers.note, None);
    assert!(
        Question::Note
            .plain_invalid()
            .contains(&format!("at most {NOTE_MAX} characters")),
        "{}",
        Question::Note.plain_invalid()
    );
    // Whitespace runs count once: this is exactly the limit.
    let fits = format!(
        "{}\t\t{}",
        "a".repeat(NOTE_MAX / 2),
        "b".repeat(NOTE_MAX / 2 - 1)
    );
    assert_eq!(form.line(&fits), Ok(Progress::Done));
    assert_eq!(form.answers.note.map(|n| n.chars().count()), Some(NOTE_MAX));
}

#[test]
fn typing_a_note_stops_at_the_limit_the_question_states() {
    let mut form = Form::after(Uuid::nil(), Uuid::nil(), None);
    keys(&mut form, "\n\n");
    assert!(
        Question::Note
            .asked()
            .contains(&format!("up to {NOTE_MAX} characters")),
        "{}",
        Question::Note.asked()
    );
    let typed = keys(&mut form, &"x".repeat(NOTE_MAX + 5));
    assert_eq!(form.note_draft.chars().count(), NOTE_MAX);
    assert!(typed[..NOTE_MAX].iter().all(|p| *p == Progress::Editing));
    assert!(typed[NOTE_MAX..].iter().all(|p| *p == Progress::Ignored));
    keys(&mut form, "\n");
    assert_eq!(form.answers.note.map(|n| n.chars().count()), Some(NOTE_MAX));
}

#[test]
fn a_typed_tab_is_a_space_and_a_control_key_is_nothing() {
    let mut form = Form::after(Uuid::nil(), Uuid::nil(), None);
    keys(&mut form, "\n\n");
    for c in "sore\t\u{1b}\u{9b}\u{202E}left".chars() {
        form.key(FormKey::Char(c));
    }
    assert_eq!(form.note_draft, "sore left");
}

#[test]
fn a_note_keeps_only_what_a_terminal_shows_on_one_line() {
    let mut form = Form::after(Uuid::nil(), Uuid::nil(), None);
    keys(&mut form, "\n\n");
    form.line("  easier \u{1b}[31mtoday\u{202E}\tafter\r\nwalking  ")
        .unwrap();
    assert_eq!(
        form.answers.note.as_deref(),
        Some("easier [31mtoday after walking")
    );
    assert_eq!(clean_note("\u{7}\u{7} "), Ok(None));
}

#[test]
fn ten_typed_as_two_keys_is_ten_never_one() {
    let mut form = Form::during(Uuid::nil(), Uuid::nil(), None);
    assert_eq!(
        keys(&mut form, "10"),
        [Progress::Editing, Progress::Answered]
    );
    assert_eq!(form.answers.pain, Some(10));
    assert_eq!(form.question(), Some(Question::Areas));

    // 1 and Enter keeps 1, without skipping the question after it.
    let mut form = Form::during(Uuid::nil(), Uuid::nil(), None);
    assert_eq!(
        keys(&mut form, "1\n"),
        [Progress::Editing, Progress::Answered]
    );
    assert_eq!(form.answers.pain, Some(1));
    assert_eq!(form.question(), Some(Question::Areas));

    // 1 then the next question's key: both answered.
    let mut form = Form::before(Uuid::nil(), Uuid::nil());
    keys(&mut form, "12\n");
    assert_eq!(form.answers.pain, Some(1));
    assert_eq!(form.areas_draft, [Area::Buttock]);

    // Backspace takes the 1 back; the morning's single question waits for its Enter.
    let mut form = Form::morning(Uuid::nil(), Uuid::nil());
    assert_eq!(
        keys(&mut form, "1\x08"),
        [Progress::Editing, Progress::Editing]
    );
    assert_eq!(form.answers.pain, None);
    assert_eq!(keys(&mut form, "1\n"), [Progress::Editing, Progress::Done]);
    assert_eq!(form.answers.pain, Some(1));
}
