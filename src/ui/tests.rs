//! Every screen drawn at fixed sizes into a test backend and compared with its snapshot.
#![expect(
    clippy::disallowed_methods,
    reason = "a real instant is only the fake clock's origin; every other instant is built from it"
)]

use std::cell::Cell;
use std::path::Path;
use std::time::{Duration, Instant};

use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};

use super::home::Home;
use super::notices::Notice;
use super::*;
use crate::routine::{Catalog, Routine, parse};
use crate::session::{Event, Key, Session};
use crate::visit::{self, Form, FormKey, Summary, Visit};
use uuid::Uuid;

const ROUTINE: &str = r#"(
    title: "Test routine",
    summary: "Two steps and a check-in.",
    level: Gentle,
    lead_in: 5,
    steps: [
        (
            title: "Tennis ball under the glutes",
            kind: Massage,
            tool: Some(TennisBall),
            sides: Each,
            seconds: 90,
            rest: 10,
            wait_for_key: true,
            instructions: ["Sit on the floor, the ball under one buttock.", "Lean into it slowly; breathe."],
            caution: Some("Move off any spot that sends tingling or shooting pain down the leg."),
        ),
        (title: "How is the pain now?", kind: CheckIn),
        (
            title: "Knee to chest",
            kind: Stretch,
            sides: Each,
            seconds: 30,
            reps: 3,
            rest: 10,
            instructions: ["Bring one knee up and hold it with both hands."],
        ),
    ],
)"#;

fn routine() -> Routine {
    parse(ROUTINE, Path::new("test.ron")).unwrap()
}

fn draw(width: u16, height: u16, f: impl Fn(Rect, &mut Buffer)) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| {
            let area = frame.area();
            if too_small(area) {
                render_too_small(area, frame.buffer_mut(), Theme::colored());
            } else {
                f(area, frame.buffer_mut());
            }
        })
        .unwrap();
    terminal
}

/// A session moved along by keys and time, then drawn at `at` seconds after its start.
fn session_at(keys: &[(f64, Event)], at: f64) -> (Session, Instant) {
    let t0 = Instant::now();
    let (mut session, _) = Session::begin(routine(), t0);
    for (secs, event) in keys {
        session.handle(*event, t0 + Duration::from_secs_f64(*secs));
    }
    let now = t0 + Duration::from_secs_f64(at);
    session.handle(Event::Tick, now);
    (session, now)
}

fn draw_session(width: u16, height: u16, session: &Session, now: Instant) -> Terminal<TestBackend> {
    // A check-in step shows its form, as the app gives it one.
    let form = session
        .awaiting_check_in()
        .then(|| Form::during(Uuid::nil(), Uuid::nil(), session.previous_step_title()));
    draw(width, height, |area, buf| {
        session::render(
            session,
            form.as_ref(),
            &session::Status::default(),
            now,
            Theme::colored(),
            area,
            buf,
        );
    })
}

const READY: (f64, Event) = (0.0, Event::Key(Key::Space));

#[test]
fn session_waiting_for_the_person() {
    let (s, now) = session_at(&[], 3.0);
    assert_snapshot!(draw_session(100, 30, &s, now).backend());
}

#[test]
fn session_lead_in() {
    let (s, now) = session_at(&[READY], 2.0);
    assert_snapshot!(draw_session(100, 30, &s, now).backend());
}

#[test]
fn session_hold_left_side() {
    let (s, now) = session_at(&[READY], 5.0 + 27.4);
    assert_snapshot!(draw_session(100, 30, &s, now).backend());
}

#[test]
fn session_switching_sides() {
    let (s, now) = session_at(&[READY], 5.0 + 90.0 + 4.0);
    assert_snapshot!(draw_session(100, 30, &s, now).backend());
}

#[test]
fn session_paused() {
    let (s, now) = session_at(&[READY, (20.0, Event::Key(Key::Space))], 60.0);
    let terminal = draw_session(100, 30, &s, now);
    assert_snapshot!(terminal.backend());
    // Paused is said in words and shown in reverse video, not by colour alone.
    let buf = terminal.backend().buffer();
    let row: String = (0..100).map(|x| buf[(x, 2)].symbol()).collect();
    assert!(row.contains("Paused"));
    let cell = (0..100)
        .map(|x| &buf[(x, 2)])
        .find(|c| c.symbol() == "P")
        .unwrap();
    assert!(cell.modifier.contains(Modifier::REVERSED));
}

#[test]
fn session_at_the_minimum_size() {
    let (s, now) = session_at(&[READY], 5.0 + 27.4);
    assert_snapshot!(draw_session(40, 12, &s, now).backend());
}

#[test]
fn session_at_80_by_24() {
    let (s, now) = session_at(&[READY], 5.0 + 61.0);
    assert_snapshot!(draw_session(80, 24, &s, now).backend());
}

#[test]
fn session_help_overlay() {
    let (s, now) = session_at(&[READY, (10.0, Event::Key(Key::Help))], 12.0);
    assert_snapshot!(draw_session(80, 24, &s, now).backend());
}

#[test]
fn session_confirm_quit() {
    let (s, now) = session_at(&[READY, (10.0, Event::Key(Key::Quit))], 12.0);
    assert_snapshot!(draw_session(80, 24, &s, now).backend());
}

#[test]
fn check_in() {
    let (s, now) = session_at(&[READY, (10.0, Event::Key(Key::Next))], 11.0);
    assert!(s.awaiting_check_in());
    assert_snapshot!(draw_session(80, 24, &s, now).backend());
}

#[test]
fn check_in_at_the_minimum_size() {
    let (s, now) = session_at(&[READY, (10.0, Event::Key(Key::Next))], 11.0);
    assert_snapshot!(draw_session(40, 12, &s, now).backend());
}

#[test]
fn later_rep_with_rest_next() {
    let keys = [
        READY,
        (10.0, Event::Key(Key::Next)),
        (
            11.0,
            Event::CheckedIn {
                pain: None,
                spread: false,
            },
        ),
    ];
    // Knee to chest: lead-in 5, rep 1 30, rest 10, rep 2 at 45 s after the answer.
    let (s, now) = session_at(&keys, 11.0 + 50.0);
    assert_snapshot!(draw_session(100, 30, &s, now).backend());
}

#[test]
fn too_small_notice() {
    let (s, now) = session_at(&[], 0.0);
    assert_snapshot!(draw_session(30, 8, &s, now).backend());
}

fn home(selected: usize, broken: usize) -> Home {
    let catalog = Catalog::load(Path::new("/nonexistent"));
    let mut home = Home::new(catalog.entries, broken);
    home.selected = selected;
    home
}

#[test]
fn home_wide() {
    let h = home(1, 0);
    let t = draw(100, 30, |area, buf| {
        home::render(&h, None, Theme::colored(), area, buf);
    });
    assert_snapshot!(t.backend());
}

#[test]
fn home_narrow_with_a_broken_file() {
    let h = home(0, 1);
    let t = draw(60, 20, |area, buf| {
        home::render(&h, None, Theme::colored(), area, buf);
    });
    assert_snapshot!(t.backend());
}

#[test]
fn a_long_notice_on_the_home_screen_is_whole_on_as_many_lines_as_it_needs() {
    let mut h = home(0, 0);
    let notice = "cannot use the history /home/someone/.local/share/unknot/history.jsonl: it is a symbolic link, and unknot keeps your history only in a file of its own";
    h.notice = Some(notice.to_string());
    let t = draw(80, 24, |area, buf| {
        home::render(&h, None, Theme::colored(), area, buf);
    });
    let screen = shown(&t);
    let squeezed = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '│' | '"'))
            .collect()
    };
    assert!(
        squeezed(&screen).contains(&squeezed(notice)),
        "the notice is cut:\n{screen}"
    );
    assert!(screen.contains("Gentle start"), "{screen}");
}

/// A session recorded without a disk: stopped after a check-in, with answers before and after.
/// A typed character as the form gets it: a newline is Enter, an escape Esc.
fn form_key(c: char) -> FormKey {
    match c {
        '\n' => FormKey::Enter,
        '\x1b' => FormKey::Escape,
        c => FormKey::Char(c),
    }
}

fn type_into(form: &mut Form, keys: &str) {
    for c in keys.chars() {
        form.key(form_key(c));
    }
}

/// A visit driven by keys, without a disk: the safety questions, the cautions, pain before,
/// a check-in, a stop, and answers after.
fn recorded_summary() -> Summary {
    recorded().0
}

/// A session stopped part-way, its summary and the history lines it recorded.
fn recorded() -> (Summary, Vec<crate::history::Event>) {
    let t0 = Instant::now();
    let at = |secs: f64| t0 + Duration::from_secs_f64(secs);
    let setup = visit::Setup {
        entries: Vec::new(),
        routine: Some(routine()),
        id: Uuid::from_u128(1),
        now: chrono::DateTime::parse_from_rfc3339("2026-11-20T08:15:00+01:00").unwrap(),
        pace: visit::Pace::Keys,
    };
    let past = visit::Past::of(&crate::history::Digest::default(), setup.now);
    let (mut visit, _) = Visit::begin(setup, Some(past));
    let mut records = Vec::new();
    let mut feed = |secs: f64, event: visit::Event| {
        records.extend(
            visit
                .handle(event, at(secs))
                .into_iter()
                .filter_map(|fx| match fx {
                    visit::Effect::Record(event) => Some(event),
                    _ => None,
                }),
        );
    };
    feed(0.0, visit::Event::Opened(Ok(())));
    for _ in 0..13 {
        feed(0.0, visit::Event::Safety(crate::safety::Answer::No));
    }
    feed(0.0, visit::Event::Continue);
    for c in "62\nl\x1b".chars() {
        feed(0.0, visit::Event::Form(form_key(c)));
    }
    feed(0.0, visit::Event::Session(Key::Space));
    feed(10.0, visit::Event::Session(Key::Next));
    feed(11.0, visit::Event::Form(FormKey::Char('5')));
    feed(11.0, visit::Event::Form(FormKey::Enter));
    feed(20.0, visit::Event::Session(Key::Quit));
    feed(21.0, visit::Event::Session(Key::Yes));
    for c in "3bsore but looser\n".chars() {
        feed(21.0, visit::Event::Form(form_key(c)));
    }
    match visit.stage() {
        visit::Stage::Summary(summary) => ((**summary).clone(), records),
        other => panic!("the visit is at {other:?}"),
    }
}

#[test]
fn summary_after_a_stop() {
    let s = recorded_summary();
    let t = draw(80, 20, |area, buf| {
        summary::render(&s, None, true, &Cell::new(0), Theme::colored(), area, buf);
    });
    assert_snapshot!(t.backend());
}

#[test]
fn a_summary_taller_than_the_window_says_so_and_scrolls_to_its_last_line() {
    let s = recorded_summary();
    let at = |top: u16| {
        let scroll = Cell::new(top);
        shown(&draw(40, 12, |area, buf| {
            summary::render(&s, None, true, &scroll, Theme::colored(), area, buf);
        }))
    };
    let first = at(0);
    assert!(first.contains("↓ more below"), "{first}");
    let last = at(u16::MAX);
    assert!(last.contains("hot-water bottle"), "{last}");
    assert!(!last.contains("↓ more below"), "{last}");
}

#[test]
fn before_form_areas_question() {
    let mut form = Form::before(Uuid::nil(), Uuid::nil());
    type_into(&mut form, "624");
    let asked = form.question().unwrap().asked();
    let t = draw(80, 24, |area, buf| {
        checkin::render(
            &form,
            "Before you start",
            asked,
            Theme::colored(),
            area,
            buf,
        );
    });
    assert_snapshot!(t.backend());
}

/// Each question of a form drawn where the app draws it at the smallest window (38 x 10 inside
/// the frame): the question, every choice, every anchor word and every key, none cut.
#[test]
fn every_form_question_is_whole_at_the_minimum_size() {
    let squeezed = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '"'))
            .collect()
    };
    // Before: pain, areas (Enter moves on), side, numbness; after: pain, felt, note.
    let before = [("", 0), ("6", 1), ("6\n", 2), ("6\nl", 3)];
    let after = [("", 0), ("3", 1), ("3b", 2)];
    let forms = before
        .iter()
        .map(|k| (Form::before(Uuid::nil(), Uuid::nil()), *k))
        .chain(
            after
                .iter()
                .map(|k| (Form::after(Uuid::nil(), Uuid::nil(), None), *k)),
        );
    for (mut form, (keys, _)) in forms {
        type_into(&mut form, keys);
        let question = form.question().unwrap();
        let t = draw(40, 12, |area, buf| {
            let inner = Rect::new(area.x + 1, area.y + 1, area.width - 2, area.height - 2);
            checkin::render(
                &form,
                "How was it?",
                question.asked(),
                Theme::colored(),
                inner,
                buf,
            );
        });
        let screen = shown(&t);
        let mut wanted: Vec<String> = vec![question.asked().to_string()];
        wanted.extend(keys::footer_rows(keys::Context::Form(question), 38));
        wanted.extend(keys::answer_keys(keys::Context::Form(question)));
        match question {
            visit::Question::Pain => wanted.extend(
                text::checkin::PAIN_ANCHORS
                    .iter()
                    .map(|(n, words)| format!("{n}  {words}")),
            ),
            visit::Question::Areas => wanted.extend(
                crate::history::Area::ALL
                    .iter()
                    .enumerate()
                    .map(|(i, a)| format!("{} {}", i + 1, a.word())),
            ),
            _ => {}
        }
        for w in &wanted {
            assert!(
                squeezed(&screen).contains(&squeezed(w)),
                "{question:?}: {w:?} is not whole on screen\n{screen}"
            );
        }
    }
}

#[test]
fn after_form_note_question() {
    let mut form = Form::after(Uuid::nil(), Uuid::nil(), None);
    type_into(&mut form, "3wneeds a break");
    let asked = form.question().unwrap().asked();
    let t = draw(60, 16, |area, buf| {
        checkin::render(&form, "How was it?", asked, Theme::colored(), area, buf);
    });
    assert_snapshot!(t.backend());
}

#[test]
fn a_saving_problem_shows_on_the_session_screen() {
    let (s, now) = session_at(&[READY], 5.0 + 27.4);
    let t = draw(80, 24, |area, buf| {
        let status = session::Status {
            problem: Some("could not save: disk full"),
            notes: &[
                Notice::new(text::sound::MUTED, text::sound::MUTED_SHORT),
                Notice::new(
                    text::sound::NO_SOUND_DEVICE,
                    text::sound::NO_SOUND_DEVICE_SHORT,
                ),
            ],
            scroll: None,
        };
        session::render(&s, None, &status, now, Theme::colored(), area, buf);
    });
    assert_snapshot!(t.backend());
}

/// Every notice that can show on the session screen's bottom edge, in the app's order.
fn every_notice() -> Vec<Notice> {
    vec![
        Notice::new(text::sound::MUTED, text::sound::MUTED_SHORT),
        Notice::new(
            text::sound::NO_SOUND_DEVICE,
            text::sound::NO_SOUND_DEVICE_SHORT,
        ),
        Notice::new(text::sound::NO_VOICE, text::sound::NO_VOICE_SHORT),
        Notice::new(
            text::sound::warn_sound_file(
                "go",
                Path::new("/home/me/go.wav"),
                text::sound::SOUND_EMPTY,
            ),
            text::sound::SOUND_FILE_SHORT,
        ),
    ]
}

/// The session screen's last row, drawn `width` wide with `notes` on its edge.
fn bottom_edge(width: u16, height: u16, notes: &[Notice]) -> String {
    let (s, now) = session_at(&[READY], 5.0 + 27.4);
    let t = draw(width, height, |area, buf| {
        let status = session::Status {
            notes,
            ..session::Status::default()
        };
        session::render(&s, None, &status, now, Theme::colored(), area, buf);
    });
    let buf = t.backend().buffer();
    (0..width).map(|x| buf[(x, height - 1)].symbol()).collect()
}

#[test]
fn each_notice_on_the_bottom_edge_is_whole_at_40_and_in_full_at_100_columns() {
    for notice in every_notice() {
        let notes = std::slice::from_ref(&notice);
        let wide = bottom_edge(100, 30, notes);
        assert!(wide.contains(&format!(" {} ", notice.full)), "{wide}");
        let narrow = bottom_edge(40, 12, notes);
        assert!(
            narrow.contains(&format!(" {} ", notice.full))
                || narrow.contains(&format!(" {} ", notice.short)),
            "{notice:?} cut: {narrow}"
        );
    }
}

#[test]
fn muted_and_no_sound_device_keep_their_meaning_at_40_columns() {
    let both = &every_notice()[..2];
    assert_eq!(
        bottom_edge(40, 12, both),
        "└──────── muted (m)  ·  no sound: bell ┘"
    );
    assert!(
        bottom_edge(100, 30, both)
            .ends_with(" muted (m)  ·  no sound device: using the terminal bell ┘")
    );
    // With every notice, those that do not fit even short are left out, never cut.
    assert_eq!(
        bottom_edge(40, 12, &every_notice()),
        "└──────── muted (m)  ·  no sound: bell ┘"
    );
}

#[test]
fn home_with_history() {
    let mut h = home(0, 0);
    let started = chrono::DateTime::parse_from_rfc3339("2026-11-20T08:15:00+01:00").unwrap();
    let entries: Vec<_> = recorded()
        .1
        .into_iter()
        .map(|event| crate::history::Entry::at(started, event))
        .collect();
    let history = crate::history::digest(&entries);
    let now = history.sessions[0].started;
    h.set_history(&history, now);
    let t = draw(100, 16, |area, buf| {
        home::render(&h, None, Theme::colored(), area, buf);
    });
    assert_snapshot!(t.backend());
}

#[test]
fn no_color_draws_no_colours() {
    let (s, now) = session_at(&[READY], 5.0 + 27.4);
    let theme = Theme::plain();
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal
        .draw(|f| {
            let status = session::Status::default();
            session::render(&s, None, &status, now, theme, f.area(), f.buffer_mut());
        })
        .unwrap();
    let buf = terminal.backend().buffer();
    assert!(buf.content().iter().all(|c| c.fg == Color::Reset));
}

#[test]
fn high_contrast_uses_only_the_terminals_own_colours_and_no_dim_text() {
    let (s, now) = session_at(&[READY], 5.0 + 27.4);
    let theme = Theme::high_contrast();
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|f| {
            let status = session::Status::default();
            session::render(&s, None, &status, now, theme, f.area(), f.buffer_mut());
        })
        .unwrap();
    let buf = terminal.backend().buffer();
    // The terminal's own colours throughout, whatever its background; the digits in bold.
    assert!(
        buf.content()
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
    );
    assert!(
        buf.content()
            .iter()
            .all(|c| !c.modifier.contains(Modifier::DIM))
    );
    assert!(
        buf.content()
            .iter()
            .any(|c| c.symbol() == "█" && c.modifier.contains(Modifier::BOLD))
    );
}

fn screening_after(
    gate: crate::safety::Gate,
    answers: &[crate::safety::Answer],
) -> crate::safety::Screening {
    let mut s = crate::safety::Screening::new(gate);
    for a in answers {
        s.answer(*a);
    }
    s
}

fn draw_screening(width: u16, height: u16, s: &crate::safety::Screening) -> Terminal<TestBackend> {
    draw(width, height, |area, buf| {
        let scroll = std::cell::Cell::new(0);
        safety::render_screening(
            s,
            "Gentle start",
            (true, true),
            &scroll,
            Theme::colored(),
            area,
            buf,
        );
    })
}

#[test]
fn safety_questions_midway() {
    use crate::safety::{Answer::No, Gate};
    assert_snapshot!(draw_screening(80, 24, &screening_after(Gate::Full, &[No, No])).backend());
}

#[test]
fn safety_questions_at_the_minimum_size_keep_the_current_one_in_view() {
    use crate::safety::{Answer::No, Gate};
    let s = screening_after(Gate::Full, &[No, No, No, No]);
    let t = draw_screening(40, 12, &s);
    let screen: String = t
        .backend()
        .buffer()
        .content()
        .iter()
        .map(ratatui::buffer::Cell::symbol)
        .collect();
    assert!(screen.contains("bowels"), "the fifth question shows");
    assert_snapshot!(t.backend());
}

#[test]
fn every_safety_question_is_readable_whole_when_it_is_asked_at_the_minimum_size() {
    use crate::safety::{Answer::No, Gate};
    use crate::text::safety::{DOCTOR_QUESTIONS, EMERGENCY_QUESTIONS};
    // Wrapped text reads as one run once spaces and the frame are taken out.
    let squeezed = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '│' | '─' | '┌' | '┐' | '└' | '┘'))
            .collect()
    };
    let questions = EMERGENCY_QUESTIONS.iter().chain(DOCTOR_QUESTIONS.iter());
    for (n, question) in questions.enumerate() {
        let s = screening_after(Gate::Full, &vec![No; n]);
        let t = draw_screening(40, 12, &s);
        let screen: String = t
            .backend()
            .buffer()
            .content()
            .iter()
            .map(ratatui::buffer::Cell::symbol)
            .collect();
        assert!(
            squeezed(&screen).contains(&squeezed(question)),
            "question {n} ({question:?}) is not whole on screen:\n{}",
            t.backend()
        );
    }
}

#[test]
fn the_gp_advice_says_where_enter_goes_with_and_without_the_routines_to_go_back_to() {
    use crate::safety::{
        Answer::{No, Yes},
        Gate,
    };
    // Yes only to "new back pain, under 20 or over 50": a GP sign.
    let mut answers = vec![No; 9];
    answers.push(Yes);
    answers.extend([No; 3]);
    let s = screening_after(Gate::Full, &answers);
    let footer = |home: bool| {
        let t = draw(80, 24, |area, buf| {
            safety::render_screening(
                &s,
                "Daily standard",
                (false, home),
                &std::cell::Cell::new(0),
                Theme::colored(),
                area,
                buf,
            );
        });
        let screen = shown(&t);
        let last = screen.lines().rev().nth(1).unwrap_or_default().to_string();
        (screen, last)
    };
    let (screen, from_home) = footer(true);
    assert!(screen.contains("choose a gentle routine"), "{screen}");
    assert!(
        from_home.contains("Enter  back to the routines"),
        "{from_home}"
    );
    let (_, alone) = footer(false);
    assert!(alone.contains("Enter  close"), "{alone}");
    assert!(!alone.contains("routines"), "{alone}");
}

#[test]
fn safety_emergency_advice() {
    use crate::safety::{
        Answer::{No, Yes},
        Gate,
    };
    let s = screening_after(Gate::Full, &[No, No, Yes, No, No]);
    assert_snapshot!(draw_screening(80, 24, &s).backend());
}

#[test]
fn safety_doctor_advice() {
    use crate::safety::{
        Answer::{No, Yes},
        Gate,
    };
    let mut answers = vec![No; 5];
    answers.extend([Yes, No, No, No, No, No, No, No]);
    assert_snapshot!(draw_screening(80, 24, &screening_after(Gate::Full, &answers)).backend());
}

#[test]
fn safety_gp_advice() {
    use crate::safety::{
        Answer::{No, Yes},
        Gate,
    };
    let mut answers = vec![No; 5];
    answers.extend([No, No, No, No, Yes, No, No, No]);
    assert_snapshot!(draw_screening(80, 24, &screening_after(Gate::Full, &answers)).backend());
}

#[test]
fn safety_recheck() {
    let gate = crate::safety::Gate::Recheck {
        since: chrono::DateTime::parse_from_rfc3339("2026-11-20T08:15:00+01:00").unwrap(),
        yes: vec![1, 7],
    };
    assert_snapshot!(draw_screening(80, 24, &screening_after(gate, &[])).backend());
}

#[test]
fn safety_quick_check() {
    assert_snapshot!(
        draw_screening(80, 24, &screening_after(crate::safety::Gate::Quick, &[])).backend()
    );
}

#[test]
fn massage_cautions() {
    let t = draw(80, 24, |area, buf| {
        let scroll = std::cell::Cell::new(0);
        safety::render_cautions("Gentle start", &scroll, Theme::colored(), area, buf);
    });
    assert_snapshot!(t.backend());
}

#[test]
fn pain_rule_overlay() {
    let (mut s, now) = session_at(&[READY], 5.0 + 20.0);
    s.set_baseline(Some(3));
    s.handle(Event::Key(Key::ThisHurts), now);
    assert_snapshot!(draw_session(80, 24, &s, now).backend());
}

#[test]
fn safety_overlay() {
    let (mut s, now) = session_at(&[READY], 5.0 + 20.0);
    s.handle(Event::Key(Key::Safety), now);
    assert_snapshot!(draw_session(100, 30, &s, now).backend());
}

/// Every row of a drawn screen, joined.
fn shown(terminal: &Terminal<TestBackend>) -> String {
    format!("{}", terminal.backend())
}

#[test]
fn the_too_small_notice_fits_a_twenty_by_five_window() {
    let (s, now) = session_at(&[], 0.0);
    let screen = shown(&draw_session(20, 5, &s, now));
    for words in ["Make the window", "bigger", "Paused. q quits."] {
        assert!(screen.contains(words), "{words}\n{screen}");
    }
    // Smaller still, the first words stay.
    let screen = shown(&draw_session(12, 3, &s, now));
    assert!(screen.contains("Make the"), "{screen}");
}

#[test]
fn at_the_minimum_size_every_new_symptom_can_be_scrolled_to() {
    let s = screening_after(crate::safety::Gate::Quick, &[]);
    let scroll = std::cell::Cell::new(0);
    let draw_at = |top: u16| {
        scroll.set(top);
        shown(&draw(40, 12, |area, buf| {
            safety::render_screening(
                &s,
                "Gentle start",
                (true, true),
                &scroll,
                Theme::colored(),
                area,
                buf,
            );
        }))
    };
    let first = draw_at(0);
    assert!(first.contains("↓ more below"), "{first}");
    assert_snapshot!("quick_check_at_40x12", first);
    // Scrolled as far as it goes: the last sign, and the way back.
    let last = draw_at(u16::MAX);
    assert!(last.contains("function?"), "{last}");
    assert!(last.contains("↑ more above"), "{last}");
}

#[test]
fn at_the_minimum_size_the_help_box_can_be_scrolled_to_its_end() {
    let (session, now) = session_at(&[READY, (2.0, Event::Key(Key::Help))], 3.0);
    let scroll = std::cell::Cell::new(u16::MAX);
    let screen = shown(&draw(40, 12, |area, buf| {
        let status = session::Status {
            scroll: Some(&scroll),
            ..session::Status::default()
        };
        session::render(&session, None, &status, now, Theme::colored(), area, buf);
    }));
    assert!(screen.contains("Ctrl-Z"), "{screen}");
    assert!(screen.contains("more above"), "{screen}");
}
