//! The review screen drawn at fixed sizes and driven by keys.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeDelta};
use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use uuid::Uuid;

use super::review::{Review, ReviewAction, render};
use super::*;
use crate::history::{
    self, Area, BodySide, CheckIn, Entry, Event, Felt, History, Moment, Outcome, VERSION,
};

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// Builds entries with ids counted up from 1, so snapshots do not depend on random ids.
#[derive(Default)]
struct Entries {
    entries: Vec<Entry>,
    next: u128,
}

impl Entries {
    fn id(&mut self) -> Uuid {
        self.next += 1;
        Uuid::from_u128(self.next)
    }

    fn push(&mut self, at: DateTime<FixedOffset>, event: Event) {
        let id = self.id();
        self.entries.push(Entry {
            v: VERSION,
            id,
            at,
            event,
        });
    }

    fn check_in(&mut self, at: DateTime<FixedOffset>, session: Option<Uuid>, c: CheckIn) {
        let form = self.id();
        self.push(at, Event::CheckIn(CheckIn { form, session, ..c }));
    }

    /// A session of two steps with a check-in between them.
    #[allow(clippy::too_many_arguments)]
    fn session(
        &mut self,
        start: DateTime<FixedOffset>,
        routine: &str,
        before: Option<u8>,
        mid: Option<u8>,
        after: Option<u8>,
        outcome: Option<Outcome>,
    ) {
        let session = self.id();
        self.push(
            start,
            Event::SessionStarted {
                session,
                routine: routine.into(),
                routine_hash: "0".repeat(64),
                planned_s: None,
            },
        );
        let minutes = |m| start + TimeDelta::minutes(m);
        self.check_in(
            start,
            Some(session),
            CheckIn {
                moment: Moment::Before,
                pain: before,
                areas: vec![Area::Buttock, Area::Thigh],
                side: Some(BodySide::Left),
                numbness: Some(true),
                ..CheckIn::default()
            },
        );
        self.push(
            minutes(2),
            Event::StepDone {
                session,
                step: 0,
                title: "Tennis ball under the glutes".into(),
                planned_s: 120.0,
                actual_s: 95.0,
                skipped: true,
            },
        );
        if let Some(mid) = mid {
            self.check_in(
                minutes(2),
                Some(session),
                CheckIn {
                    moment: Moment::During,
                    after_step: Some("Tennis ball under the glutes".into()),
                    pain: Some(mid),
                    ..CheckIn::default()
                },
            );
        }
        self.push(
            minutes(4),
            Event::StepDone {
                session,
                step: 1,
                title: "Knee to chest".into(),
                planned_s: 120.0,
                actual_s: 120.0,
                skipped: false,
            },
        );
        if let Some(outcome) = outcome {
            self.push(
                minutes(10),
                Event::SessionEnded {
                    session,
                    outcome,
                    elapsed_s: 600.0,
                },
            );
        }
        if after.is_some() {
            self.check_in(
                minutes(10),
                Some(session),
                CheckIn {
                    moment: Moment::After,
                    pain: after,
                    felt: Some(Felt::Better),
                    note: Some("Easier to sit down, less tingling in the foot".into()),
                    ..CheckIn::default()
                },
            );
        }
    }

    fn log(&mut self, at: DateTime<FixedOffset>, pain: u8) {
        self.check_in(
            at,
            None,
            CheckIn {
                moment: Moment::Log,
                pain: Some(pain),
                areas: vec![Area::Calf],
                ..CheckIn::default()
            },
        );
    }
}

/// Five sessions over a week and two quick logs.
fn history() -> History {
    let mut e = Entries::default();
    let c = Some(Outcome::Completed);
    e.session(
        at("2026-11-16T08:30:00+01:00"),
        "Gentle start",
        Some(7),
        Some(6),
        Some(4),
        c,
    );
    e.log(at("2026-11-17T20:00:00+01:00"), 6);
    e.session(
        at("2026-11-18T08:15:00+01:00"),
        "Daily standard",
        Some(6),
        Some(6),
        Some(5),
        Some(Outcome::Quit),
    );
    e.session(
        at("2026-11-20T07:45:00-05:00"),
        "Gentle start",
        Some(5),
        Some(4),
        Some(3),
        c,
    );
    e.log(at("2026-11-21T12:00:00-05:00"), 4);
    e.session(
        at("2026-11-22T08:30:00+01:00"),
        "Desk break",
        Some(4),
        None,
        None,
        None,
    );
    e.session(
        at("2026-11-23T08:30:00+01:00"),
        "Gentle start",
        Some(4),
        Some(4),
        Some(5),
        c,
    );
    history::build(&e.entries)
}

fn review(history: History, notice: Option<&str>) -> Review {
    Review::new(history, notice.map(String::from), today())
}

fn draw(review: &Review, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| {
            let area = frame.area();
            render(review, Theme::colored(), area, frame.buffer_mut());
        })
        .unwrap();
    terminal
}

fn screen(review: &Review, width: u16, height: u16) -> String {
    let terminal = draw(review, width, height);
    let buf = terminal.backend().buffer();
    (0..height)
        .map(|y| (0..width).map(|x| buf[(x, y)].symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

fn press(review: &mut Review, code: KeyCode) -> ReviewAction {
    let key = KeyEvent::new(code, KeyModifiers::NONE);
    match super::keys::lookup(review.context(), &key) {
        Some(super::keys::Act::Review(k)) => review.apply(k),
        _ => ReviewAction::Stay,
    }
}

#[test]
fn list_80x24() {
    let r = review(history(), None);
    assert_snapshot!(draw(&r, 80, 24).backend());
}

#[test]
fn list_40x12() {
    let r = review(history(), None);
    assert_snapshot!(draw(&r, 40, 12).backend());
}

#[test]
fn list_120x40() {
    let r = review(history(), None);
    assert_snapshot!(draw(&r, 120, 40).backend());
}

#[test]
fn detail_80x24() {
    let mut r = review(history(), None);
    press(&mut r, KeyCode::Down);
    press(&mut r, KeyCode::Down);
    press(&mut r, KeyCode::Enter);
    assert_snapshot!(draw(&r, 80, 24).backend());
}

#[test]
fn detail_40x12_scrolled_to_the_end() {
    let mut r = review(history(), None);
    press(&mut r, KeyCode::Enter);
    press(&mut r, KeyCode::End);
    assert_snapshot!(draw(&r, 40, 12).backend());
    // Scrolling back up starts from the end of the text, not from far beyond it.
    press(&mut r, KeyCode::Up);
    let s = screen(&r, 40, 12);
    assert!(!s.contains("Knee to chest: 2 min"), "{s}");
}

#[test]
fn detail_of_an_interrupted_session() {
    let mut r = review(history(), None);
    press(&mut r, KeyCode::Char('j'));
    press(&mut r, KeyCode::Enter);
    let s = screen(&r, 80, 24);
    assert!(s.contains("Interrupted"), "{s}");
    assert!(s.contains("a score before or after is missing"), "{s}");
}

#[test]
fn chart_80x24() {
    let mut r = review(history(), None);
    press(&mut r, KeyCode::Char('2'));
    assert_snapshot!(draw(&r, 80, 24).backend());
}

#[test]
fn chart_40x12() {
    let mut r = review(history(), None);
    press(&mut r, KeyCode::Tab);
    assert_snapshot!(draw(&r, 40, 12).backend());
}

#[test]
fn chart_without_scores_says_so() {
    let mut e = Entries::default();
    e.session(
        at("2026-11-22T08:30:00+01:00"),
        "Desk break",
        None,
        None,
        None,
        Some(Outcome::Completed),
    );
    let mut r = review(history::build(&e.entries), None);
    press(&mut r, KeyCode::Char('2'));
    let s = screen(&r, 80, 24);
    assert!(s.contains("No pain scores yet"), "{s}");
}

#[test]
fn figures_80x24() {
    let mut r = review(history(), None);
    press(&mut r, KeyCode::Char('3'));
    assert_snapshot!(draw(&r, 80, 24).backend());
}

#[test]
fn figures_120x40() {
    let mut r = review(history(), None);
    press(&mut r, KeyCode::BackTab);
    assert_snapshot!(draw(&r, 120, 40).backend());
}

#[test]
fn figures_show_a_stretch_done_fully_in_five_sessions_and_never_a_skipped_step() {
    // Each session skips the ball, then does the knee to chest between the check-in and the
    // questions after: pain 5, then 4 before the end, 5 - 1 = 4 after.
    let mut e = Entries::default();
    let start = at("2026-11-16T08:30:00+01:00");
    for day in 0..5 {
        e.session(
            start + TimeDelta::days(day),
            "Gentle start",
            Some(7),
            Some(5),
            Some(4),
            Some(Outcome::Completed),
        );
    }
    let mut r = review(history::build(&e.entries), None);
    press(&mut r, KeyCode::Char('3'));
    let s = screen(&r, 120, 40);
    assert!(
        s.contains("  Knee to chest (Gentle start): average change -1.0 over 5 sessions"),
        "{s}"
    );
    assert!(!s.contains("Tennis ball under the glutes ("), "{s}");
    assert!(!s.contains("None yet: a figure appears"), "{s}");
    assert!(
        s.contains("a figure describes a stretch of a routine"),
        "{s}"
    );
}

#[test]
fn empty_history_80x24() {
    let r = review(history::build(&[]), None);
    assert_snapshot!(draw(&r, 80, 24).backend());
}

#[test]
fn empty_history_40x12() {
    let r = review(history::build(&[]), None);
    assert_snapshot!(draw(&r, 40, 12).backend());
}

#[test]
fn only_quick_logs() {
    let mut e = Entries::default();
    e.log(at("2026-11-21T12:00:00-05:00"), 4);
    let r = review(history::build(&e.entries), None);
    assert_snapshot!(draw(&r, 80, 24).backend());
}

#[test]
fn notice_of_skipped_lines() {
    let r = review(
        history(),
        Some("2 lines of the history could not be read and were skipped (lines 14 and 15)."),
    );
    let terminal = draw(&r, 80, 24);
    assert_snapshot!(terminal.backend());
    let small = screen(&r, 40, 12);
    assert!(small.contains("2 lines of the history"), "{small}");
}

#[test]
fn keys_move_the_selection_and_stop_at_the_ends() {
    let mut r = review(history(), None);
    assert!(screen(&r, 80, 24).contains(" 1 of 5 "));
    assert_eq!(press(&mut r, KeyCode::Down), ReviewAction::Stay);
    press(&mut r, KeyCode::Char('j'));
    assert!(screen(&r, 80, 24).contains(" 3 of 5 "));
    press(&mut r, KeyCode::Char('k'));
    assert!(screen(&r, 80, 24).contains(" 2 of 5 "));
    press(&mut r, KeyCode::End);
    press(&mut r, KeyCode::Down);
    assert!(screen(&r, 80, 24).contains(" 5 of 5 "));
    press(&mut r, KeyCode::Home);
    press(&mut r, KeyCode::Up);
    assert!(screen(&r, 80, 24).contains(" 1 of 5 "));
    press(&mut r, KeyCode::PageDown);
    assert!(screen(&r, 80, 24).contains(" 5 of 5 "));
    press(&mut r, KeyCode::PageUp);
    assert!(screen(&r, 80, 24).contains(" 1 of 5 "));
}

#[test]
fn enter_opens_a_detail_esc_goes_back_then_closes() {
    let mut r = review(history(), None);
    press(&mut r, KeyCode::Enter);
    assert!(screen(&r, 80, 24).contains("Esc back to the list"));
    assert_eq!(press(&mut r, KeyCode::Esc), ReviewAction::Stay);
    assert!(screen(&r, 80, 24).contains("Enter details"));
    assert_eq!(press(&mut r, KeyCode::Esc), ReviewAction::Close);
}

#[test]
fn q_closes_from_anywhere() {
    let mut r = review(history(), None);
    press(&mut r, KeyCode::Enter);
    assert_eq!(press(&mut r, KeyCode::Char('q')), ReviewAction::Close);
    let mut r = review(history(), None);
    press(&mut r, KeyCode::Char('3'));
    assert_eq!(press(&mut r, KeyCode::Char('q')), ReviewAction::Close);
    let mut r = review(history::build(&[]), None);
    assert_eq!(press(&mut r, KeyCode::Enter), ReviewAction::Stay);
    assert_eq!(press(&mut r, KeyCode::Char('q')), ReviewAction::Close);
}

#[test]
fn tab_and_numbers_switch_panes() {
    let mut r = review(history(), None);
    press(&mut r, KeyCode::Tab);
    assert!(screen(&r, 80, 24).contains("[2 Pain chart]"));
    press(&mut r, KeyCode::Tab);
    assert!(screen(&r, 80, 24).contains("[3 Figures]"));
    press(&mut r, KeyCode::Tab);
    assert!(screen(&r, 80, 24).contains("[1 Sessions]"));
    press(&mut r, KeyCode::Char('3'));
    press(&mut r, KeyCode::Char('1'));
    assert!(screen(&r, 80, 24).contains("[1 Sessions]"));
}

#[test]
fn every_pane_draws_at_every_size_from_the_minimum() {
    let mut r = review(history(), Some("1 line of the history was skipped."));
    for keys in [
        vec![],
        vec![KeyCode::Enter],
        vec![KeyCode::Esc, KeyCode::Char('2')],
        vec![KeyCode::Char('3'), KeyCode::End],
    ] {
        for key in keys {
            press(&mut r, key);
        }
        for (w, h) in [(40, 12), (41, 13), (55, 17), (80, 24), (120, 40), (200, 60)] {
            draw(&r, w, h);
        }
    }
    let empty = review(history::build(&[]), Some("1 line was skipped."));
    for (w, h) in [(40, 12), (80, 24), (120, 40)] {
        draw(&empty, w, h);
    }
}

#[test]
fn ten_thousand_sessions_render_and_end_reaches_the_oldest() {
    let mut e = Entries::default();
    let start = at("2000-01-01T08:00:00+01:00");
    for n in 0..10_000i64 {
        let pain = |k: i64| u8::try_from((n + k) % 11).ok();
        e.session(
            start + TimeDelta::days(n),
            ["Gentle start", "Daily standard", "Desk break"][usize::try_from(n % 3).unwrap()],
            pain(0),
            pain(3),
            pain(5),
            Some(Outcome::Completed),
        );
    }
    let mut r = review(history::build(&e.entries), None);
    let s = screen(&r, 80, 24);
    assert!(s.contains(" 1 of 10000 "), "{s}");
    assert!(s.contains("2027-05-18"), "{s}");
    press(&mut r, KeyCode::End);
    let s = screen(&r, 80, 24);
    assert!(s.contains(" 10000 of 10000 "), "{s}");
    assert!(s.contains("2000-01-01 08:00"), "{s}");
    press(&mut r, KeyCode::Char('2'));
    draw(&r, 120, 40);
    press(&mut r, KeyCode::Char('3'));
    draw(&r, 120, 40);
}

/// A session of a routine named in Japanese with an emoji, and one of an ASCII name.
fn wide_names() -> History {
    let mut e = Entries::default();
    e.session(
        at("2026-11-20T08:00:00+01:00"),
        "腰痛ストレッチ 🧘",
        Some(6),
        Some(5),
        Some(4),
        Some(Outcome::Completed),
    );
    e.session(
        at("2026-11-21T08:00:00+01:00"),
        "Gentle start",
        Some(5),
        Some(5),
        Some(3),
        Some(Outcome::Quit),
    );
    history::build(&e.entries)
}

/// Each row of the screen as a terminal shows it: the cell a wide character covers is left out.
fn shown_rows(terminal: &Terminal<TestBackend>) -> Vec<String> {
    let buf = terminal.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            let mut row = String::new();
            let mut x = 0;
            while x < buf.area.width {
                let symbol = buf[(x, y)].symbol();
                row.push_str(symbol);
                x += u16::try_from(columns::width(symbol).max(1)).unwrap();
            }
            row
        })
        .collect()
}

/// The screen column where `word` starts in `row`.
fn column_of(row: &str, word: &str) -> usize {
    let at = row
        .find(word)
        .unwrap_or_else(|| panic!("{word:?} in {row:?}"));
    columns::width(&row[..at])
}

#[test]
fn wide_routine_names_keep_the_list_in_columns() {
    let r = review(wide_names(), None);
    for width in [40, 60, 80, 120] {
        let rows = shown_rows(&draw(&r, width, 24));
        let header = &rows[2];
        for (title, word) in [
            (text::review::REVIEW_COLUMNS[3], "completed"),
            (text::review::REVIEW_COLUMNS[3], "stopped"),
            (text::review::REVIEW_COLUMNS[4], "6→4"),
            (text::review::REVIEW_COLUMNS[4], "5→3"),
        ] {
            let row = rows
                .iter()
                .find(|r| r.contains(word))
                .unwrap_or_else(|| panic!("{word} at {width}: {rows:#?}"));
            assert_eq!(
                column_of(row, word),
                column_of(header, title),
                "{word} under {title} at {width} columns:\n{}",
                rows.join("\n")
            );
        }
        for row in &rows {
            assert_eq!(columns::width(row), usize::from(width), "{row:?}");
        }
    }
    assert_snapshot!(draw(&r, 80, 12).backend());
}

#[test]
fn wide_routine_names_in_the_detail_and_the_figures_stay_inside_the_frame() {
    let mut r = review(wide_names(), None);
    press(&mut r, KeyCode::Down);
    press(&mut r, KeyCode::Enter);
    let detail = shown_rows(&draw(&r, 40, 24));
    assert!(
        detail.iter().any(|row| row.contains("腰痛ストレッチ")),
        "{}",
        detail.join("\n")
    );
    assert_snapshot!("wide_names_detail_40x24", draw(&r, 40, 24).backend());
    press(&mut r, KeyCode::Esc);
    press(&mut r, KeyCode::Char('3'));
    assert_snapshot!("wide_names_figures_40x24", draw(&r, 40, 24).backend());
    for rows in [detail, shown_rows(&draw(&r, 40, 24))] {
        for row in &rows {
            assert_eq!(columns::width(row), 40, "{row:?}");
            assert!(
                row.ends_with('│') || row.ends_with('┐') || row.ends_with('┘'),
                "{row:?}"
            );
        }
    }
}
