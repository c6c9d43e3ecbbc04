//! The full-screen app in a real pseudo-terminal: keys go in, the screen is read back through a
//! terminal emulator (vt100), and the terminal must be left as it was found.

mod common;

use std::path::PathBuf;

use portable_pty::PtySize;

use common::tui::{DOWN, ENTER, ESC, Tui, assert_terminal_restored, seconds_left_of};
use common::{Sandbox, send_signal};

/// A lead-in of 2 s, then a hold long enough to watch the countdown and stop it by hand.
const COUNTDOWN: &str = r#"(
    title: "Countdown check",
    summary: "One long hold.",
    level: Gentle,
    lead_in: 2,
    steps: [
        (
            title: "Knee to chest",
            kind: Stretch,
            seconds: 20,
            instructions: ["Bring one knee up and hold it with both hands."],
        ),
        (title: "How is the pain now?", kind: CheckIn),
    ],
)
"#;

fn sandbox_with(routine: &str) -> (Sandbox, PathBuf) {
    let sandbox = Sandbox::new();
    let file = sandbox.write("countdown.ron", routine);
    (sandbox, file)
}

/// The line of the screen holding the selection marker.
fn selected_line(screen: &str) -> Option<String> {
    screen.lines().find(|l| l.contains('›')).map(String::from)
}

// ---- Tests ---------------------------------------------------------------------------------

#[test]
fn a_session_counts_down_stops_on_request_and_restores_the_terminal() {
    let (sandbox, file) = sandbox_with(COUNTDOWN);
    let file = file.to_str().expect("utf-8 path").to_string();
    let mut tui = Tui::start(sandbox, &["start", &file], 30, 100);

    tui.wait_for("Countdown check");
    assert!(
        !tui.local_flags().iter().any(|f| f == "ICANON"),
        "the app runs in raw mode: {:?}",
        tui.local_flags()
    );
    tui.skip_before();
    let screen = tui.wait_until("the hold's countdown", |s| {
        seconds_left_of(s, "20 s").is_some()
    });
    assert!(screen.contains("Knee to chest"), "{screen}");
    let first = seconds_left_of(&screen, "20 s").expect("seconds left");
    assert!((1..=20).contains(&first), "{screen}");
    let screen = tui.wait_until("the countdown to move", |s| {
        seconds_left_of(s, "20 s").is_some_and(|n| n < first)
    });
    let second = seconds_left_of(&screen, "20 s").expect("seconds left");
    assert!(second < first, "{first} then {second}");

    tui.key("q");
    tui.wait_for("Stop the session?");
    tui.key("y");
    // A session stopped by hand asks how it went, then sums up.
    tui.skip_after();
    let summary = tui.wait_for("Session stopped");
    assert!(summary.contains("Countdown check"), "{summary}");
    tui.key(ENTER);
    let (code, raw) = tui.wait_exit();
    assert_eq!(code, 0, "screen:\n{}", tui.screen());
    assert_terminal_restored(&raw);
    let flags = tui.local_flags();
    assert!(
        flags.iter().any(|f| f == "ICANON") && flags.iter().any(|f| f == "ECHO"),
        "raw mode is still on after exit: {flags:?}"
    );
}

#[test]
fn nothing_counts_down_until_the_questions_before_are_answered() {
    let routine = r#"(
        title: "No rush",
        level: Gentle,
        lead_in: 0,
        steps: [(title: "Knee rolls", kind: Movement, seconds: 1)],
    )"#;
    let (sandbox, file) = sandbox_with(routine);
    let file = file.to_str().expect("utf-8 path").to_string();
    let mut tui = Tui::start(sandbox, &["start", &file], 30, 100);
    let screen = tui.wait_for(common::tui::PAIN_QUESTION);
    assert!(screen.contains("question 1 of 4"), "{screen}");
    // Longer than the whole routine: it has not started behind the questions.
    std::thread::sleep(std::time::Duration::from_millis(1500));
    let screen = tui.screen();
    assert!(screen.contains(common::tui::PAIN_QUESTION), "{screen}");
    assert!(!screen.contains("Session complete"), "{screen}");
    tui.key(ESC);
    tui.skip_after();
    tui.wait_for("Session complete");
    tui.key("q");
    let (code, raw) = tui.wait_exit();
    assert_eq!(code, 0, "screen:\n{}", tui.screen());
    assert_terminal_restored(&raw);
}

#[test]
fn before_and_after_questions_take_one_key_each_and_show_in_the_summary() {
    let routine = r#"(
        title: "Asked before and after",
        level: Gentle,
        lead_in: 0,
        steps: [(title: "Knee rolls", kind: Movement, seconds: 1)],
    )"#;
    let (sandbox, file) = sandbox_with(routine);
    let file = file.to_str().expect("utf-8 path").to_string();
    let mut tui = Tui::start(sandbox, &["start", &file], 30, 100);
    tui.wait_for(common::tui::PAIN_QUESTION);
    tui.key("t");
    tui.wait_for("Where do you feel it?");
    tui.key("2");
    tui.key("3");
    tui.key("2");
    tui.wait_until("only thigh chosen", |s| {
        s.contains("[x] 3 thigh") && s.contains("[ ] 2 buttock")
    });
    tui.key(ENTER);
    tui.wait_for("Which side?");
    tui.key("l");
    tui.wait_for("Any numbness or tingling?");
    tui.key("y");
    let after = tui.wait_for(common::tui::AFTER_TITLE);
    assert!(after.contains("question 1 of 3"), "{after}");
    tui.key("6");
    tui.wait_for("How did the session feel?");
    tui.key("b");
    tui.wait_for("A note for yourself");
    for c in ["E", "a", "s", "i", "e", "r"] {
        tui.key(c);
    }
    tui.wait_for("> Easier");
    tui.key(ENTER);
    let summary = tui.wait_for("Session complete");
    for line in [
        "Pain: 10 → 6: 4 points lower (40%), a real improvement",
        "It felt: better",
        "Note: Easier",
    ] {
        assert!(summary.contains(line), "{line:?} not on screen\n{summary}");
    }
    tui.key(ENTER);
    let (code, raw) = tui.wait_exit();
    assert_eq!(code, 0, "screen:\n{}", tui.screen());
    assert_terminal_restored(&raw);
    let history = std::fs::read_to_string(tui.sandbox.history()).expect("a history file");
    let last_before = history
        .lines()
        .rfind(|l| l.contains(r#""moment":"before""#))
        .expect("a check-in before");
    assert!(
        last_before.contains(r#""pain":10,"areas":["thigh"],"side":"left","numbness":true"#),
        "{last_before}"
    );
}

#[test]
fn carrying_on_after_q_keeps_the_session_going() {
    let (sandbox, file) = sandbox_with(COUNTDOWN);
    let file = file.to_str().expect("utf-8 path").to_string();
    let mut tui = Tui::start(sandbox, &["start", &file], 30, 100);
    tui.skip_before();
    tui.wait_until("the hold's countdown", |s| {
        seconds_left_of(s, "20 s").is_some()
    });
    tui.key("q");
    tui.wait_for("Stop the session?");
    tui.key("n");
    tui.wait_until("the question to close", |s| {
        !s.contains("Stop the session?")
    });
    // Still in the session: the countdown is there and keeps going.
    let screen = tui.wait_until("the countdown", |s| seconds_left_of(s, "20 s").is_some());
    let first = seconds_left_of(&screen, "20 s").expect("seconds left");
    tui.wait_until("the countdown to move", |s| {
        seconds_left_of(s, "20 s").is_some_and(|n| n < first)
    });
    tui.key("q");
    tui.wait_for("Stop the session?");
    tui.key("y");
    tui.skip_after();
    tui.wait_for("Session stopped");
    tui.key("q");
    let (code, raw) = tui.wait_exit();
    assert_eq!(code, 0);
    assert_terminal_restored(&raw);
}

#[test]
fn the_home_screen_lists_routines_and_the_arrow_keys_move_the_marker() {
    let mut tui = Tui::start(Sandbox::new(), &[], 30, 100);
    let screen = tui.wait_for("Gentle start");
    assert!(screen.contains("Daily standard"), "{screen}");
    assert!(screen.contains("Desk break"), "{screen}");
    let marked = selected_line(&screen).unwrap_or_else(|| panic!("no marker\n{screen}"));
    assert!(marked.contains("Gentle start"), "{marked:?}\n{screen}");

    tui.key(DOWN);
    let screen = tui.wait_until("the marker on Daily standard", |s| {
        selected_line(s).is_some_and(|l| l.contains("Daily standard"))
    });
    assert!(
        !selected_line(&screen)
            .unwrap_or_default()
            .contains("Gentle start"),
        "{screen}"
    );

    tui.let_sound_settle();
    tui.key("q");
    let (code, raw) = tui.wait_exit();
    assert_eq!(code, 0, "screen:\n{}", tui.screen());
    assert_terminal_restored(&raw);
}

#[test]
fn leaving_at_once_leaves_nothing_on_the_terminal() {
    let mut tui = Tui::start(Sandbox::new(), &[], 30, 100);
    tui.wait_for("Gentle start");
    tui.key("q");
    let (code, raw) = tui.wait_exit();
    assert_eq!(code, 0, "screen:\n{}", tui.screen());
    assert_terminal_restored(&raw);
}

#[test]
fn a_window_too_small_says_so_and_keys_still_work() {
    let mut tui = Tui::start(Sandbox::new(), &[], 8, 30);
    let screen = tui.wait_for("Make the window bigger");
    assert!(!screen.contains("Gentle start"), "{screen}");
    tui.let_sound_settle();
    tui.key("q");
    let (code, raw) = tui.wait_exit();
    assert_eq!(code, 0, "screen:\n{}", tui.screen());
    assert_terminal_restored(&raw);
}

#[test]
fn growing_a_small_window_brings_the_screen_back() {
    let mut tui = Tui::start(Sandbox::new(), &[], 8, 30);
    tui.wait_for("Make the window bigger");
    tui.parser
        .lock()
        .expect("parser lock")
        .screen_mut()
        .set_size(30, 100);
    tui.master
        .resize(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("resize the terminal");
    tui.wait_for("Gentle start");
    tui.let_sound_settle();
    tui.key("q");
    let (code, raw) = tui.wait_exit();
    assert_eq!(code, 0);
    assert_terminal_restored(&raw);
}

#[test]
fn sigterm_mid_session_exits_143_and_restores_the_terminal() {
    let (sandbox, file) = sandbox_with(COUNTDOWN);
    let file = file.to_str().expect("utf-8 path").to_string();
    let mut tui = Tui::start(sandbox, &["start", &file], 30, 100);
    tui.skip_before();
    tui.wait_until("the hold's countdown", |s| {
        seconds_left_of(s, "20 s").is_some()
    });
    send_signal(tui.pid(), "TERM");
    let (code, raw) = tui.wait_exit();
    assert_eq!(code, 143, "screen:\n{}", tui.screen());
    assert_terminal_restored(&raw);
    let flags = tui.local_flags();
    assert!(
        flags.iter().any(|f| f == "ICANON"),
        "raw mode is still on after exit: {flags:?}"
    );
    // Stopped from outside: nobody was asked how it went.
    let history = std::fs::read_to_string(tui.sandbox.history()).expect("a history file");
    assert!(history.contains(r#""outcome":"interrupted""#), "{history}");
    assert!(!history.contains(r#""moment":"after""#), "{history}");
}

#[test]
fn a_check_in_answer_shows_in_the_summary() {
    let routine = r#"(
        title: "Short and asked",
        level: Gentle,
        lead_in: 0,
        steps: [
            (title: "Knee rolls", kind: Movement, seconds: 1),
            (title: "How is the pain now?", kind: CheckIn),
        ],
    )"#;
    let (sandbox, file) = sandbox_with(routine);
    let file = file.to_str().expect("utf-8 path").to_string();
    let mut tui = Tui::start(sandbox, &["start", &file], 30, 100);
    tui.skip_before();
    // The check-in step's own questions: pain, then where.
    tui.wait_until("the check-in's pain question", |s| {
        s.contains("How is the pain now?") && s.contains("question 1 of 2") && s.contains("0 to 10")
    });
    tui.key("4");
    tui.wait_for("question 2 of 2");
    tui.key(ENTER);
    tui.skip_after();
    let summary = tui.wait_for("Session complete");
    let summary = if summary.contains("after Knee rolls: 4 (moderate)") {
        summary
    } else {
        tui.wait_for("after Knee rolls: 4 (moderate)")
    };
    assert!(summary.contains("Short and asked"), "{summary}");
    tui.key(ENTER);
    let (code, raw) = tui.wait_exit();
    assert_eq!(code, 0);
    assert_terminal_restored(&raw);
}

#[test]
fn sigterm_on_the_home_screen_exits_143_and_restores_the_terminal() {
    let mut tui = Tui::start(Sandbox::new(), &[], 30, 100);
    tui.wait_for("Gentle start");
    tui.let_sound_settle();
    send_signal(tui.pid(), "TERM");
    let (code, raw) = tui.wait_exit();
    assert_eq!(code, 143, "screen:\n{}", tui.screen());
    assert_terminal_restored(&raw);
}

#[test]
fn ctrl_c_in_a_session_stops_it_without_asking() {
    let (sandbox, file) = sandbox_with(COUNTDOWN);
    let file = file.to_str().expect("utf-8 path").to_string();
    let mut tui = Tui::start(sandbox, &["start", &file], 30, 100);
    tui.skip_before();
    tui.wait_until("the hold's countdown", |s| {
        seconds_left_of(s, "20 s").is_some()
    });
    tui.key("\x03");
    // No "are you sure": straight to how it went; Ctrl-C there skips the questions too.
    let screen = tui.wait_for(common::tui::AFTER_TITLE);
    assert!(!screen.contains("Stop the session?"), "{screen}");
    tui.key("\x03");
    let screen = tui.wait_for("Session stopped");
    assert!(!screen.contains("Stop the session?"), "{screen}");
    tui.key(ENTER);
    let (code, raw) = tui.wait_exit();
    assert_eq!(code, 0);
    assert_terminal_restored(&raw);
}

#[test]
fn keys_still_work_in_a_session_while_the_window_is_too_small() {
    let (sandbox, file) = sandbox_with(COUNTDOWN);
    let file = file.to_str().expect("utf-8 path").to_string();
    let mut tui = Tui::start(sandbox, &["start", &file], 8, 30);
    tui.wait_for("Make the window bigger");
    // Skip the questions before, stop the session, skip the questions after, close the summary:
    // all without seeing any of it.
    tui.key(ESC);
    std::thread::sleep(std::time::Duration::from_millis(300));
    tui.key("q");
    tui.key("y");
    tui.key(ESC);
    tui.key(ENTER);
    let (code, raw) = tui.wait_exit();
    assert_eq!(code, 0, "screen:\n{}", tui.screen());
    assert_terminal_restored(&raw);
    // It really was a session, stopped by hand.
    let history = std::fs::read_to_string(tui.sandbox.history()).expect("a history file");
    assert!(history.contains(r#""outcome":"quit""#), "{history}");
}
