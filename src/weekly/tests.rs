use uuid::Uuid;

use super::*;
use crate::history::Activity;

fn keys(w: &mut Weekly, typed: &str) -> Vec<Progress> {
    typed
        .chars()
        .map(|c| {
            w.key(match c {
                '\n' => FormKey::Enter,
                '\x1b' => FormKey::Escape,
                '\x08' => FormKey::Backspace,
                c => FormKey::Char(c),
            })
        })
        .collect()
}

fn rated(name: &str, score: Option<u8>) -> Activity {
    Activity {
        name: name.to_string(),
        score,
    }
}

#[test]
fn the_first_check_names_up_to_three_activities_then_rates_each() {
    let mut w = Weekly::new(Uuid::nil(), &[]);
    assert_eq!(w.question(), Some(Question::LegPain));
    keys(&mut w, "6");
    keys(&mut w, "10");
    assert_eq!(w.answers().leg_pain, Some(6));
    assert_eq!(w.answers().back_pain, Some(10));
    keys(&mut w, "yn");
    assert_eq!(w.answers().numbness, Some(true));
    assert_eq!(w.answers().weakness, Some(false));
    assert_eq!(w.question(), Some(Question::Name(0)));
    keys(&mut w, "Sitting through a film\n");
    assert_eq!(w.question(), Some(Question::Name(1)));
    keys(&mut w, "Putting socks on\n");
    // Nothing typed: no third activity; the two named are rated.
    assert_eq!(keys(&mut w, "\n"), [Progress::Answered]);
    assert_eq!(w.question(), Some(Question::Rate(0)));
    keys(&mut w, "3");
    assert_eq!(keys(&mut w, "t"), [Progress::Done]);
    assert_eq!(
        w.answers().activities,
        [
            rated("Sitting through a film", Some(3)),
            rated("Putting socks on", Some(10))
        ]
    );
    assert_eq!(w.answers().function(), Some(6.5));
}

#[test]
fn a_third_name_goes_straight_to_the_ratings() {
    let mut w = Weekly::new(Uuid::nil(), &[]);
    keys(&mut w, "\n\n\n\n");
    keys(&mut w, "a\nb\nc\n");
    assert_eq!(w.question(), Some(Question::Rate(0)));
    assert_eq!(w.position(), (8, 10));
}

#[test]
fn later_checks_rate_the_activities_named_before_and_any_can_be_renamed() {
    let known = ["Walking to the shop".to_string(), "Sleeping".to_string()];
    let mut w = Weekly::new(Uuid::nil(), &known);
    keys(&mut w, "\n\n\n\n");
    assert_eq!(w.question(), Some(Question::Rate(0)));
    assert_eq!(w.activity(0), Some("Walking to the shop"));
    keys(&mut w, "e");
    assert_eq!(w.question(), Some(Question::Name(0)));
    assert_eq!(w.draft(), "Walking to the shop");
    assert_eq!(w.position(), (5, 6));
    keys(&mut w, "\x08\x08\x08\x08park\n");
    assert_eq!(w.question(), Some(Question::Rate(0)));
    assert_eq!(w.activity(0), Some("Walking to the park"));
    // Esc while renaming keeps the old name and goes back to the rating.
    keys(&mut w, "7e\x1b");
    assert_eq!(w.question(), Some(Question::Rate(1)));
    assert_eq!(w.activity(1), Some("Sleeping"));
    assert_eq!(keys(&mut w, "4"), [Progress::Done]);
    assert_eq!(w.answers().function(), Some(5.5));
}

#[test]
fn enter_skips_one_question_and_esc_the_rest() {
    let mut w = Weekly::new(Uuid::nil(), &["Sleeping".to_string()]);
    assert_eq!(keys(&mut w, "\n"), [Progress::Answered]);
    assert_eq!(w.answers().leg_pain, None);
    // A 1 waits for a 0; Esc keeps it and skips the rest.
    assert_eq!(keys(&mut w, "1\x1b"), [Progress::Editing, Progress::Done]);
    assert_eq!(w.answers().back_pain, Some(1));
    assert!(w.is_done());
    assert_eq!(w.answers().function(), None);
    assert_eq!(w.key(FormKey::Char('5')), Progress::Ignored);
}

#[test]
fn keys_that_answer_nothing_are_ignored() {
    let mut w = Weekly::new(Uuid::nil(), &[]);
    assert_eq!(w.key(FormKey::Char('x')), Progress::Ignored);
    keys(&mut w, "22");
    assert_eq!(w.key(FormKey::Char('7')), Progress::Ignored);
    assert_eq!(w.question(), Some(Question::Numbness));
}

#[test]
fn in_plain_mode_a_line_answers_and_an_empty_line_skips() {
    let mut w = Weekly::new(Uuid::nil(), &[]);
    assert_eq!(w.line("11"), Err(()));
    assert_eq!(w.line(" 8 "), Ok(Progress::Answered));
    assert_eq!(w.line(""), Ok(Progress::Answered));
    assert_eq!(w.line("maybe"), Err(()));
    assert_eq!(w.line("yes"), Ok(Progress::Answered));
    assert_eq!(w.line("n"), Ok(Progress::Answered));
    assert_eq!(w.line("Gardening\u{1b}[2J"), Ok(Progress::Answered));
    assert_eq!(w.line(""), Ok(Progress::Answered));
    assert_eq!(w.line("e"), Ok(Progress::Editing));
    assert_eq!(w.line("Weeding"), Ok(Progress::Answered));
    assert_eq!(w.line("2"), Ok(Progress::Done));
    let a = w.answers();
    assert_eq!((a.leg_pain, a.back_pain), (Some(8), None));
    assert_eq!(a.activities, [rated("Weeding", Some(2))]);
}

#[test]
fn activities_known_only_once_the_history_is_read_replace_the_naming() {
    let known = ["Sleeping".to_string()];
    let mut w = Weekly::new(Uuid::nil(), &[]);
    keys(&mut w, "5");
    w.set_known(&known);
    keys(&mut w, "\n\n\n");
    assert_eq!(w.question(), Some(Question::Rate(0)));
    assert_eq!(w.activity(0), Some("Sleeping"));
    // Too late once a name is being typed.
    let mut typing = Weekly::new(Uuid::nil(), &[]);
    keys(&mut typing, "\n\n\n\nWal");
    typing.set_known(&known);
    assert_eq!(typing.question(), Some(Question::Name(0)));
    assert_eq!(typing.draft(), "Wal");
}
