//! The whole full-screen app on a test backend: home, the safety questions, the cautions, the
//! questions before, the session on a fake clock, a check-in, the questions after, the summary,
//! and home again, each screen compared with its snapshot, and the history lines it wrote
//! read back from disk. No pseudo-terminal, no sleeping: the clock is moved to each deadline.
#![expect(
    clippy::disallowed_methods,
    reason = "a real instant is only the fake clock's origin; every other instant is built from it"
)]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::screen::{App, Setup, Start};
use crate::audio::Audio;
use crate::history::Store;
use crate::routine::{Origin, RoutineEntry, parse};
use crate::ui::Theme;
use crate::ui::home::Home;

/// A ball step that waits for the person, a check-in, and a stretch on each side.
const ROUTINE: &str = r#"(
    title: "Short evening",
    summary: "A ball, a check-in and a stretch.",
    level: Gentle,
    lead_in: 3,
    steps: [
        (
            title: "Tennis ball under the glutes",
            kind: Massage,
            tool: Some(TennisBall),
            seconds: 20,
            wait_for_key: true,
            instructions: ["Sit on the ball, one buttock at a time."],
            caution: Some("Move off any spot that sends tingling down the leg."),
        ),
        (title: "How is the pain now?", kind: CheckIn),
        (
            title: "Figure-4 stretch",
            kind: Stretch,
            sides: Each,
            seconds: 10,
            instructions: ["Cross one ankle over the other knee."],
        ),
    ],
)"#;

struct Drive {
    app: App,
    terminal: Terminal<TestBackend>,
    now: Instant,
}

impl Drive {
    /// The app on its home screen with `ROUTINE` to choose, writing its history into `dir`, on
    /// a fake clock that starts now.
    fn at_home(dir: PathBuf) -> Drive {
        Drive::at_home_reading(
            dir,
            std::sync::Arc::new(|want| super::Loaded {
                read: match want {
                    super::Want::Digest | super::Want::Home => super::Read::Digest(Box::default()),
                    super::Want::Whole => super::Read::Whole(Box::default()),
                },
                notice: None,
            }),
        )
    }

    /// As [`Drive::at_home`], with the history read by `read`.
    fn at_home_reading(dir: PathBuf, read: super::Reader) -> Drive {
        let routine = parse(ROUTINE, Path::new("short-evening.ron")).expect("the routine loads");
        let home = Home::new(
            vec![RoutineEntry {
                name: "short-evening".into(),
                origin: Origin::User,
                routine,
            }],
            0,
        );
        let setup = Setup {
            home,
            start: Start::Home,
            read,
            store: None,
            open_store: Box::new(move || Ok(Store::open(&dir).map_err(|e| e.to_string()))),
            theme: Theme::plain(),
            notices: Vec::new(),
        };
        let now = Instant::now();
        Drive {
            app: {
                let mut app = App::new(setup, Audio::quiet(), now, None);
                app.wait_for_history(now);
                app
            },
            terminal: Terminal::new(TestBackend::new(80, 24)).expect("a test terminal"),
            now,
        }
    }

    fn key(&mut self, code: KeyCode) {
        self.app
            .on_key(&KeyEvent::new(code, KeyModifiers::NONE), self.now);
    }

    fn type_in(&mut self, keys: &str) {
        for c in keys.chars() {
            self.key(match c {
                '\n' => KeyCode::Enter,
                c => KeyCode::Char(c),
            });
        }
    }

    /// Moves the clock to the app's next deadline and wakes it there.
    fn next_deadline(&mut self) {
        let wake = self.app.next_wakeup(self.now).expect("a deadline");
        self.now = wake.max(self.now);
        self.app.tick(self.now);
    }

    fn screen(&mut self) -> &TestBackend {
        let now = self.now;
        self.terminal
            .draw(|frame| self.app.draw(frame, now))
            .expect("drawn");
        self.terminal.backend()
    }

    fn shows(&mut self, text: &str) -> bool {
        format!("{}", self.screen()).contains(text)
    }
}

/// Dates and times of day depend on when the test runs.
macro_rules! snapshot {
    ($name:expr, $screen:expr) => {
        insta::with_settings!({filters => vec![
            (r"\w{3} \d{1,2} \w{3} \d{2}:\d{2}", "[date]"),
        ]}, {
            assert_snapshot!($name, $screen);
        });
    };
}

#[test]
fn a_whole_visit_from_home_to_the_summary_and_back() {
    let data = tempfile::tempdir().expect("a temporary folder");
    let mut d = Drive::at_home(data.path().to_path_buf());

    snapshot!("1_home", d.screen());
    d.key(KeyCode::Enter);
    snapshot!("2_safety_first_question", d.screen());
    for _ in 0..13 {
        d.type_in("n");
    }
    snapshot!("3_cautions", d.screen());
    d.key(KeyCode::Enter);
    snapshot!("4_pain_before", d.screen());
    d.type_in("62\nln");
    snapshot!("5_get_into_position", d.screen());
    d.key(KeyCode::Char(' '));
    d.next_deadline();
    assert!(d.shows("Get ready"));
    while !d.shows("Hold") {
        d.next_deadline();
    }
    d.now += Duration::from_millis(2500);
    d.app.tick(d.now);
    snapshot!("6_holding", d.screen());
    while !d.shows("question 1 of 2") {
        d.next_deadline();
    }
    snapshot!("7_check_in", d.screen());
    d.type_in("4\n");
    while !d.shows("How was it?") {
        d.next_deadline();
    }
    snapshot!("8_after", d.screen());
    d.type_in("3bsore but looser\n");
    snapshot!("9_summary", d.screen());
    d.key(KeyCode::Enter);
    snapshot!("10_home_again", d.screen());
    d.type_in("q");
    assert!(d.app.is_done());

    let history = std::fs::read_to_string(data.path().join("history.jsonl")).expect("a history");
    let lines: Vec<serde_json::Value> = history
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    let kinds: Vec<String> = lines
        .iter()
        .map(|l| {
            let kind = l["type"].as_str().unwrap_or_default();
            let detail = l["moment"]
                .as_str()
                .or(l["check"].as_str())
                .unwrap_or_default();
            format!("{kind} {detail}").trim().to_string()
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "safety screening",
            "safety massage_cautions",
            "session_started",
            "check_in before",
            "check_in before",
            "check_in before",
            "check_in before",
            "step_done",
            "check_in during",
            "check_in during",
            "step_done",
            "session_ended",
            "check_in after",
            "check_in after",
            "check_in after",
        ]
    );
    let last = |kind: &str, moment: &str| {
        lines
            .iter()
            .rev()
            .find(|l| l["type"] == kind && l["moment"] == moment)
            .expect("the line")
    };
    assert_eq!(last("check_in", "before")["pain"], 6);
    assert_eq!(last("check_in", "during")["pain"], 4);
    assert_eq!(last("check_in", "after")["note"], "sore but looser");
    let ended = lines
        .iter()
        .find(|l| l["type"] == "session_ended")
        .expect("an end");
    assert_eq!(ended["outcome"], "completed");
}

/// A review whose reading took longer than a moment, so that the home screen under it was told
/// the history was being read: closed, it leaves the home screen showing the history, not
/// "Reading your history…" for ever.
#[test]
fn a_notice_of_lines_skipped_goes_once_a_later_reading_finds_none() {
    // The second reading of the run finds the torn last line of the first completed.
    let readings = std::sync::atomic::AtomicUsize::new(0);
    let read: super::Reader = std::sync::Arc::new(move |want| {
        let n = readings.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        super::Loaded {
            read: match want {
                super::Want::Digest | super::Want::Home => super::Read::Digest(Box::default()),
                super::Want::Whole => super::Read::Whole(Box::default()),
            },
            notice: (n < 2).then(|| "skipped 1 line that could not be read (line 19)".into()),
        }
    });
    let dir = tempfile::tempdir().expect("a folder");
    let mut d = Drive::at_home_reading(dir.path().to_path_buf(), read);
    assert!(d.shows("line 19"), "{}", d.screen());
    d.key(KeyCode::Char('h'));
    d.app.wait_for_history(d.now);
    assert!(d.shows("line 19"), "{}", d.screen());
    d.key(KeyCode::Char('q'));
    d.key(KeyCode::Char('h'));
    d.app.wait_for_history(d.now);
    assert!(!d.shows("line 19"), "{}", d.screen());
}

#[test]
fn the_home_screen_under_a_slow_review_shows_the_history_once_the_review_closes() {
    let dir = tempfile::tempdir().expect("a folder");
    let mut d = Drive::at_home(dir.path().to_path_buf());
    d.key(KeyCode::Char('h'));
    assert!(d.app.next_wakeup(d.now).is_some(), "a moment to wait");
    d.next_deadline();
    assert!(d.app.says_reading());
    d.app.wait_for_history(d.now);
    assert!(!d.app.says_reading());
    d.key(KeyCode::Char('q'));
    assert!(d.shows("Short evening"), "{}", d.screen());
    assert!(!d.shows(crate::text::history::READING), "{}", d.screen());
}

/// The home screen asks for the recent past with the review's derived file kept in step, then
/// the review for the whole view: what lets a run from the home screen read the history once.
#[test]
fn the_home_screen_asks_for_the_review_to_be_kept_in_step_with_it() {
    let asked = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let noted = std::sync::Arc::clone(&asked);
    let read: super::Reader = std::sync::Arc::new(move |want| {
        noted.lock().expect("not poisoned").push(want);
        super::Loaded {
            read: match want {
                super::Want::Digest | super::Want::Home => super::Read::Digest(Box::default()),
                super::Want::Whole => super::Read::Whole(Box::default()),
            },
            notice: None,
        }
    });
    let dir = tempfile::tempdir().expect("a folder");
    let mut d = Drive::at_home_reading(dir.path().to_path_buf(), read);
    d.key(KeyCode::Char('h'));
    d.app.wait_for_history(d.now);
    let asked = asked.lock().expect("not poisoned").clone();
    assert_eq!(asked, [super::Want::Home, super::Want::Whole]);
}
