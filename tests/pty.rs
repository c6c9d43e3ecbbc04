//! The full-screen app in a real pseudo-terminal: keys go in, the screen is read back through a
//! terminal emulator (vt100), and the terminal must be left as it was found.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "an integration test crate is test code throughout, and its helpers (here and in tests/common) fail a test by panicking as its #[test] functions do; clippy.toml's allow-*-in-tests reaches only #[test] functions and #[cfg(test)] modules"
)]

mod common;

use portable_pty::PtySize;

use common::tui::{
    AFTER_TITLE, BEFORE_TITLE, DOWN, ENTER, ESC, PAIN_QUESTION, RIGHT, SCREEN_TITLE, Tui,
    seconds_left_of,
};
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

/// A screened sandbox (only the quick safety check before a session) holding `routine`, and the
/// routine file's path.
fn sandbox_with(routine: &str) -> (Sandbox, String) {
    let sandbox = Sandbox::screened();
    let file = sandbox.write("countdown.ron", routine);
    let file = file.to_str().expect("utf-8 path").to_string();
    (sandbox, file)
}

/// unknot started on `routine` in a 30 x 100 terminal.
fn started_on(routine: &str) -> Tui {
    let (sandbox, file) = sandbox_with(routine);
    Tui::start(sandbox, &["start", &file], 30, 100)
}

/// [`started_on`], past the questions before, with the first hold (20 s) counting down.
fn at_the_hold(routine: &str) -> Tui {
    let mut tui = started_on(routine);
    tui.skip_before();
    tui.wait_until("the hold's countdown", |s| {
        seconds_left_of(s, "20 s").is_some()
    });
    tui
}

/// The line of the screen holding the selection marker.
fn selected_line(screen: &str) -> Option<String> {
    screen.lines().find(|l| l.contains('›')).map(String::from)
}

// ---- Tests ---------------------------------------------------------------------------------

#[test]
fn a_session_counts_down_stops_on_request_and_restores_the_terminal() {
    let mut tui = started_on(COUNTDOWN);

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
    tui.assert_exit_restored(0);
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
    let mut tui = started_on(routine);
    tui.pass_quick_check();
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
    tui.assert_exit_restored(0);
}

#[test]
fn before_and_after_questions_take_one_key_each_and_show_in_the_summary() {
    let routine = r#"(
        title: "Asked before and after",
        level: Gentle,
        lead_in: 0,
        steps: [(title: "Knee rolls", kind: Movement, seconds: 1)],
    )"#;
    let mut tui = started_on(routine);
    tui.pass_quick_check();
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
        "Pain: 10 → 6: 4 points lower (40%)",
        "Under 3 minutes were done, too little for unknot to judge",
        "It felt: better",
        "Note: Easier",
    ] {
        assert!(summary.contains(line), "{line:?} not on screen\n{summary}");
    }
    tui.key(ENTER);
    tui.assert_exit_restored(0);
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
    let mut tui = at_the_hold(COUNTDOWN);
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
    tui.assert_exit_restored(0);
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
    tui.assert_exit_restored(0);
}

#[test]
fn leaving_at_once_leaves_nothing_on_the_terminal() {
    let mut tui = Tui::start(Sandbox::new(), &[], 30, 100);
    tui.wait_for("Gentle start");
    tui.key("q");
    tui.assert_exit_restored(0);
}

#[test]
fn a_window_too_small_says_so_and_keys_still_work() {
    let mut tui = Tui::start(Sandbox::new(), &[], 8, 30);
    let screen = tui.wait_for("Make the window bigger");
    assert!(!screen.contains("Gentle start"), "{screen}");
    tui.let_sound_settle();
    tui.key("q");
    tui.assert_exit_restored(0);
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
    tui.assert_exit_restored(0);
}

#[test]
fn sigterm_mid_session_exits_143_and_restores_the_terminal() {
    let mut tui = at_the_hold(COUNTDOWN);
    send_signal(tui.pid(), "TERM");
    tui.assert_exit_restored(143);
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
    let mut tui = started_on(routine);
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
    tui.assert_exit_restored(0);
}

#[test]
fn sigterm_on_the_home_screen_exits_143_and_restores_the_terminal() {
    let mut tui = Tui::start(Sandbox::new(), &[], 30, 100);
    tui.wait_for("Gentle start");
    tui.let_sound_settle();
    send_signal(tui.pid(), "TERM");
    tui.assert_exit_restored(143);
}

#[test]
fn ctrl_c_in_a_session_stops_it_without_asking() {
    let mut tui = at_the_hold(COUNTDOWN);
    tui.key("\x03");
    // No "are you sure": straight to how it went; Ctrl-C there skips the questions too.
    let screen = tui.wait_for(common::tui::AFTER_TITLE);
    assert!(!screen.contains("Stop the session?"), "{screen}");
    tui.key("\x03");
    let screen = tui.wait_for("Session stopped");
    assert!(!screen.contains("Stop the session?"), "{screen}");
    tui.key(ENTER);
    tui.assert_exit_restored(0);
}

#[test]
fn behind_the_too_small_notice_only_quitting_acts() {
    let (sandbox, file) = sandbox_with(COUNTDOWN);
    let before = sandbox.history_bytes();
    let mut tui = Tui::start(sandbox, &["start", &file], 8, 30);
    tui.wait_for("Make the window bigger");
    // Nothing can be seen, so nothing is answered: not the new-symptoms check, not a question.
    tui.key(ENTER);
    tui.key(ESC);
    tui.key("y");
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert_eq!(
        tui.sandbox.history_bytes(),
        before,
        "nothing answered blind"
    );
    tui.key("q");
    tui.assert_exit_restored(0);
    // Left at the new-symptoms check: kept as not answered, and nothing started.
    let lines = history_values(&tui.sandbox);
    assert!(
        lines_of_type(&lines, "session_started").is_empty(),
        "{lines:#?}"
    );
    let last = lines.last().expect("history lines");
    assert_eq!(last["check"], "quick_check", "{last}");
    assert_eq!(last["result"], "not_answered", "{last}");
}

// ---- Safety ----------------------------------------------------------------------------------

/// One second on a tennis ball: the first time, the cautions come before it.
const BALL: &str = r#"(
    title: "Ball",
    level: Gentle,
    lead_in: 0,
    steps: [(title: "Tennis ball under the glutes", kind: Massage, tool: Some(TennisBall), seconds: 1)],
)"#;

/// Two holds long enough to press keys in, with no lead-in.
const TWO_HOLDS: &str = r#"(
    title: "Two holds",
    level: Gentle,
    lead_in: 0,
    steps: [
        (title: "Knee to chest", kind: Stretch, seconds: 20),
        (title: "Figure-4 stretch", kind: Stretch, seconds: 20),
    ],
)"#;

/// The history, parsed line by line.
fn history_values(sandbox: &Sandbox) -> Vec<serde_json::Value> {
    sandbox
        .history_text_lines()
        .iter()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

fn lines_of_type(lines: &[serde_json::Value], kind: &str) -> Vec<serde_json::Value> {
    lines
        .iter()
        .filter(|l| l["type"] == kind)
        .cloned()
        .collect()
}

/// The screen's line holding `text`, trimmed of the frame.
fn line_with(screen: &str, text: &str) -> String {
    screen
        .lines()
        .find(|l| l.contains(text))
        .unwrap_or_else(|| panic!("no line with {text:?}\n{screen}"))
        .trim_matches(|c: char| c.is_whitespace() || c == '│')
        .to_string()
}

#[test]
fn the_first_session_asks_every_safety_question_by_key_then_shows_the_cautions() {
    let sandbox = Sandbox::new();
    let file = sandbox.write("ball.ron", BALL);
    let file = file.to_str().expect("utf-8 path").to_string();
    let mut tui = Tui::start(sandbox, &["start", &file], 30, 100);
    let screen = tui.wait_for_all(&[SCREEN_TITLE, "Answer y or n.", "y  yes      n  no"]);
    assert!(
        line_with(&screen, "sciatica in both legs").starts_with('›'),
        "the first question is the current one\n{screen}"
    );
    // Enter is not an answer: only y or n moves on.
    tui.key(ENTER);
    tui.key("x");
    for _ in 0..4 {
        tui.key("n");
    }
    let screen = tui.wait_until("the fifth question", |s| {
        s.lines()
            .any(|l| l.contains("›") && l.contains("loss of control of your bowels"))
    });
    assert!(
        line_with(&screen, "sciatica in both legs").starts_with("no"),
        "{screen}"
    );
    assert!(!screen.contains("car accident"), "{screen}");
    tui.key("N");
    let screen = tui.wait_for("car accident");
    assert!(
        line_with(&screen, "car accident").starts_with('›'),
        "{screen}"
    );
    for _ in 0..8 {
        tui.key("n");
    }
    tui.wait_for_all(&[
        "Before using a ball or roller",
        "Do not roll over open or healing wounds",
        "Enter  I have read this",
    ]);
    tui.key(ENTER);
    tui.wait_for(common::tui::PAIN_QUESTION);
    tui.key(ESC);
    tui.skip_after();
    tui.wait_for("Session complete");
    tui.key(ENTER);
    tui.assert_exit_restored(0);

    let lines = history_values(&tui.sandbox);
    let safety = lines_of_type(&lines, "safety");
    assert_eq!(safety.len(), 2, "{lines:#?}");
    assert_eq!(safety[0]["check"], "screening");
    assert_eq!(safety[0]["result"], "clear");
    assert!(safety[0].get("emergency_yes").is_none(), "{}", safety[0]);
    assert_eq!(safety[1]["check"], "massage_cautions");
    assert_eq!(safety[1]["result"], "shown");
    assert_eq!(
        lines_of_type(&lines, "session_started").len(),
        1,
        "{lines:#?}"
    );
}

#[test]
fn an_emergency_yes_on_the_full_screen_gives_the_advice_and_enter_goes_home() {
    let mut tui = Tui::start(Sandbox::new(), &[], 30, 100);
    tui.wait_for("Gentle start");
    tui.key(ENTER);
    tui.wait_for(SCREEN_TITLE);
    for key in ["n", "n", "y", "n", "n"] {
        tui.key(key);
    }
    let screen = tui.wait_for_all(&[
        "Get urgent medical help now",
        "Go to A&E (the emergency department)",
        "Enter  back",
    ]);
    assert!(!screen.contains("car accident"), "{screen}");
    tui.key(ENTER);
    // Home again, with the advice kept on it: every way out says what to do.
    let screen = tui.wait_until("the home screen", |s| {
        s.contains("Gentle start") && !s.contains("Go to A&E (the emergency department) or")
    });
    assert!(
        screen.contains("Get urgent medical help now: go to A&E"),
        "{screen}"
    );
    assert!(!screen.contains(common::tui::PAIN_QUESTION), "{screen}");
    tui.let_sound_settle();
    tui.key("q");
    tui.assert_exit_restored(0);

    let lines = history_values(&tui.sandbox);
    assert_eq!(lines.len(), 1, "one safety line, no session: {lines:#?}");
    assert_eq!(lines[0]["type"], "safety");
    assert_eq!(lines[0]["check"], "screening");
    assert_eq!(lines[0]["result"], "emergency");
    assert_eq!(lines[0]["emergency_yes"], serde_json::json!([3]));
}

#[test]
fn leaving_the_emergency_advice_with_esc_records_it_once() {
    let mut tui = Tui::start(Sandbox::new(), &[], 30, 100);
    tui.wait_for("Gentle start");
    tui.key(ENTER);
    tui.wait_for(SCREEN_TITLE);
    for key in ["y", "n", "n", "n", "n"] {
        tui.key(key);
    }
    tui.wait_for("Get urgent medical help now");
    tui.key(ESC);
    tui.wait_until("the home screen", |s| {
        s.contains("Gentle start") && s.contains("Get urgent medical help now: go to A&E")
    });
    tui.let_sound_settle();
    tui.key("q");
    tui.wait_exit();
    let lines = history_values(&tui.sandbox);
    assert_eq!(lines.len(), 1, "one safety line: {lines:#?}");
}

#[test]
fn a_doctor_first_yes_on_the_full_screen_carries_on_with_c() {
    let (sandbox, file) = sandbox_with(BALL);
    // Screened long ago: the full questions again, but the cautions were seen.
    std::fs::remove_file(sandbox.history()).expect("remove the seeded history");
    sandbox.append_history(&[
        common::safety_line(45, "screening", "clear"),
        common::safety_line(45, "massage_cautions", "shown"),
    ]);
    let mut tui = Tui::start(sandbox, &["start", &file], 30, 100);
    tui.wait_for(SCREEN_TITLE);
    // Yes to "worse at night and does not ease": a doctor before ball, roller or floor work.
    for key in [
        "n", "n", "n", "n", "n", "n", "n", "n", "y", "n", "n", "n", "n",
    ] {
        tui.key(key);
    }
    tui.wait_for_all(&[
        "Please see a doctor before ball, roller or floor exercises",
        "c  a doctor has checked me: carry on",
    ]);
    tui.key("c");
    // No cautions this time: straight to the questions before.
    let screen = tui.wait_for(common::tui::PAIN_QUESTION);
    assert!(!screen.contains("Before using a ball"), "{screen}");
    tui.key(ESC);
    tui.skip_after();
    tui.wait_for("Session complete");
    tui.key(ENTER);
    let (code, _) = tui.wait_exit();
    assert_eq!(code, 0, "screen:\n{}", tui.screen());
    let lines = history_values(&tui.sandbox);
    let safety = lines_of_type(&lines, "safety");
    let last = safety.last().expect("safety lines");
    assert_eq!(last["check"], "screening", "{last}");
    assert_eq!(last["result"], "see_doctor_continued", "{last}");
    assert_eq!(last["doctor_yes"], serde_json::json!([4]), "{last}");
    assert_eq!(
        lines_of_type(&lines, "session_started").len(),
        1,
        "{lines:#?}"
    );
}

#[test]
fn x_in_a_hold_asks_to_ease_off_and_g_carries_on_gentler() {
    let mut tui = at_the_hold(TWO_HOLDS);
    tui.key("x");
    let screen = tui.wait_for_all(&[
        "Time to ease off",
        "You said this hurts.",
        "s  stop the session now",
        "k  skip this step",
        "g  carry on gentler",
    ]);
    // Only a choice closes it; meanwhile the hold waits.
    let paused_at = line_with(&screen, "left in the session");
    for key in [ESC, "q", " ", "n", ENTER] {
        tui.key(key);
    }
    std::thread::sleep(std::time::Duration::from_millis(1200));
    let screen = tui.screen();
    assert!(screen.contains("Time to ease off"), "{screen}");
    assert!(!screen.contains("Stop the session?"), "{screen}");
    assert_eq!(
        line_with(&screen, "left in the session"),
        paused_at,
        "{screen}"
    );
    assert!(screen.contains("Knee to chest"), "{screen}");

    tui.key("g");
    // The hold is now a third shorter: 14 s of 20, and it runs again.
    let screen = tui.wait_until("the shorter hold", |s| {
        !s.contains("Time to ease off") && seconds_left_of(s, "14 s").is_some()
    });
    assert!(screen.contains("Knee to chest"), "{screen}");
    let first = seconds_left_of(&screen, "14 s").expect("seconds left");
    tui.wait_until("the countdown to move", |s| {
        seconds_left_of(s, "14 s").is_some_and(|n| n < first)
    });
    tui.key("\x03");
    tui.skip_after();
    tui.wait_for_all(&[
        "Session stopped",
        "Eased off when you said it hurt: carrying on gentler",
    ]);
    tui.key(ENTER);
    tui.assert_exit_restored(0);
    let lines = history_values(&tui.sandbox);
    let rules = lines_of_type(&lines, "pain_rule");
    assert_eq!(rules.len(), 1, "{lines:#?}");
    assert_eq!(rules[0]["trigger"], "this_hurts");
    assert_eq!(rules[0]["choice"], "gentler");
    assert_eq!(
        rules[0]["session"],
        lines_of_type(&lines, "session_started")[0]["session"]
    );
}

#[test]
fn bang_shows_the_safety_box_and_esc_or_bang_closes_it() {
    let mut tui = at_the_hold(TWO_HOLDS);
    for close in [ESC, "!"] {
        tui.key("!");
        tui.wait_for_all(&[
            "Get urgent medical help (A&E or your emergency number) if:",
            "toilet paper",
            "! or Esc: close",
        ]);
        tui.key(close);
        let screen = tui.wait_until("the safety box to close", |s| {
            !s.contains("Get urgent medical help")
        });
        assert!(screen.contains("Knee to chest"), "{screen}");
    }
    // Still the same session, still counting down.
    let screen = tui.wait_until("the countdown", |s| seconds_left_of(s, "20 s").is_some());
    let first = seconds_left_of(&screen, "20 s").expect("seconds left");
    tui.wait_until("the countdown to move", |s| {
        seconds_left_of(s, "20 s").is_some_and(|n| n < first)
    });
    tui.key("\x03");
    tui.skip_after();
    tui.wait_for("Session stopped");
    tui.key("q");
    tui.assert_exit_restored(0);
    let lines = history_values(&tui.sandbox);
    assert!(lines_of_type(&lines, "pain_rule").is_empty(), "{lines:#?}");
}

#[test]
fn the_home_screen_asks_about_the_morning_after_a_session_that_felt_fine() {
    let sandbox = Sandbox::screened();
    // Pain fell from 6 to 3: a night can still bring a flare, so the morning is asked all the same.
    let (session, lines) = common::past_session(1, "Quick", 6, 3);
    sandbox.append_history(&lines);
    let mut tui = Tui::start(sandbox, &[], 30, 100);
    tui.wait_for_all(&[
        "How was the pain the morning after your session on",
        "Press 0-9, or t for 10",
    ]);
    tui.key("4");
    tui.wait_until("the question to go", |s| {
        !s.contains("the morning after") && s.contains("Gentle start")
    });
    tui.let_sound_settle();
    tui.key("q");
    tui.assert_exit_restored(0);
    let lines = history_values(&tui.sandbox);
    let morning: Vec<_> = lines
        .iter()
        .filter(|l| l["type"] == "check_in" && l["moment"] == "next_morning")
        .collect();
    assert_eq!(morning.len(), 1, "{lines:#?}");
    assert_eq!(morning[0]["pain"], 4);
    assert_eq!(morning[0]["session"], session.to_string());

    // Asked once: not again the next time the app opens.
    let sandbox = std::mem::replace(&mut tui.sandbox, Sandbox::new());
    drop(tui);
    let mut tui = Tui::start(sandbox, &[], 30, 100);
    let screen = tui.wait_for("Gentle start");
    assert!(!screen.contains("the morning after"), "{screen}");
    tui.let_sound_settle();
    tui.key("q");
    tui.wait_exit();
}

#[test]
fn stopping_at_the_doctor_advice_leaves_the_advice_on_the_terminal() {
    let (sandbox, file) = sandbox_with(BALL);
    std::fs::remove_file(sandbox.history()).expect("remove the seeded history");
    let mut tui = Tui::start(sandbox, &["start", &file], 30, 100);
    tui.wait_for(SCREEN_TITLE);
    for key in [
        "n", "n", "n", "n", "n", "n", "n", "n", "y", "n", "n", "n", "n",
    ] {
        tui.key(key);
    }
    tui.wait_for("Please see a doctor before ball, roller or floor exercises");
    tui.key(ENTER);
    let (code, raw) = tui.wait_exit();
    assert_eq!(code, 0);
    let said = String::from_utf8_lossy(&raw);
    let leave = String::from_utf8_lossy(common::tui::LEAVE_ALT_SCREEN);
    let after_screen = said
        .rsplit_once(leave.as_ref())
        .map_or("", |(_, after)| after);
    assert!(
        after_screen.contains(
            "Stopped for now. Please see a doctor before ball, roller or floor exercises"
        ),
        "{said:?}"
    );
}

/// The CSV export's rows (header left out), each split on commas: the tests below read only
/// columns before the free-text ones, which hold no commas.
fn csv_rows(sandbox: &Sandbox) -> Vec<Vec<String>> {
    let out = common::run({
        let mut cmd = sandbox.cmd();
        cmd.args(["history", "--format", "csv"]);
        cmd
    });
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    out.stdout
        .lines()
        .skip(1)
        .map(|l| l.split(',').map(String::from).collect())
        .collect()
}

#[test]
fn a_session_stopped_after_two_seconds_shows_the_change_and_does_not_judge_it() {
    let mut tui = Tui::start(Sandbox::screened(), &["start", "daily-standard"], 30, 100);
    tui.pass_quick_check();
    tui.wait_for(PAIN_QUESTION);
    tui.key("6");
    tui.wait_for("Where do you feel it?");
    tui.key(ESC);
    tui.wait_until("the session to start", |s| !s.contains(BEFORE_TITLE));
    std::thread::sleep(std::time::Duration::from_secs(2));
    tui.key("q");
    tui.wait_for("Stop the session?");
    tui.key("y");
    tui.wait_for(AFTER_TITLE);
    tui.key("3");
    tui.wait_for("How did the session feel?");
    tui.key(ESC);
    let summary = tui.wait_for("Session stopped");
    for line in [
        "Pain: 6 → 3: 3 points lower (50%)",
        "Most of the routine was skipped, so unknot does not judge this change.",
    ] {
        assert!(summary.contains(line), "{line:?} not on screen\n{summary}");
    }
    assert!(!summary.contains("real improvement"), "{summary}");
    tui.key("q");
    tui.assert_exit_restored(0);

    let rows = csv_rows(&tui.sandbox);
    let session = rows.last().expect("the session in the export");
    assert_eq!(
        (
            session[4].as_str(),
            session[7].as_str(),
            session[8].as_str()
        ),
        (
            "stopped",
            "-3",
            "not judged: most of the routine was skipped"
        ),
        "{session:?}"
    );
}

#[test]
fn every_step_skipped_is_not_a_completed_session() {
    let mut tui = Tui::start(Sandbox::screened(), &["start", "gentle-start"], 30, 100);
    tui.skip_before();
    // → until the questions after: each press skips the step on screen; the check-in halfway
    // is left with Esc, unanswered.
    let mut presses = 0;
    while !tui.screen().contains(AFTER_TITLE) {
        assert!(presses < 60, "the routine never ended\n{}", tui.screen());
        let key = if tui.screen().contains(PAIN_QUESTION) {
            ESC
        } else {
            RIGHT
        };
        tui.key(key);
        presses += 1;
    }
    tui.key(ESC);
    let summary = tui.wait_for("Session ended, most of it skipped");
    assert!(!summary.contains("Session complete"), "{summary}");
    tui.key("q");
    tui.assert_exit_restored(0);

    let rows = csv_rows(&tui.sandbox);
    let session = rows.last().expect("the session in the export");
    assert_eq!(session[4], "mostly skipped", "{session:?}");
}

// ---- Signals and the kind of terminal ------------------------------------------------------

/// Runs `check` for every one of `signals` (a name for messages, and its number), a few at a
/// time, each in a terminal of its own; fails naming every signal that failed.
fn for_each_signal(signals: &[(&str, i32)], check: impl Fn(i32) + Sync) {
    let check = &check;
    let mut failed = Vec::new();
    for batch in signals.chunks(4) {
        std::thread::scope(|scope| {
            let running: Vec<_> = batch
                .iter()
                .map(|&(name, number)| (name, scope.spawn(move || check(number))))
                .collect();
            for (name, handle) in running {
                if handle.join().is_err() {
                    failed.push(name);
                }
            }
        });
    }
    assert!(failed.is_empty(), "failed for SIG{failed:?}");
}

/// Every signal whose default is to end a program, that a program can catch, and that does not
/// mean the program itself is broken.
fn ending_signals() -> Vec<(&'static str, i32)> {
    let mut signals = vec![
        ("HUP", libc::SIGHUP),
        ("INT", libc::SIGINT),
        ("QUIT", libc::SIGQUIT),
        ("TRAP", libc::SIGTRAP),
        ("USR1", libc::SIGUSR1),
        ("USR2", libc::SIGUSR2),
        ("ALRM", libc::SIGALRM),
        ("TERM", libc::SIGTERM),
        ("XCPU", libc::SIGXCPU),
        ("VTALRM", libc::SIGVTALRM),
        ("PROF", libc::SIGPROF),
        ("SYS", libc::SIGSYS),
    ];
    #[cfg(target_os = "linux")]
    signals.extend([
        ("STKFLT", libc::SIGSTKFLT),
        ("IO", libc::SIGIO),
        ("PWR", libc::SIGPWR),
        ("RTMIN", libc::SIGRTMIN()),
        ("RTMIN+1", libc::SIGRTMIN() + 1),
        ("RTMAX", libc::SIGRTMAX()),
    ]);
    signals
}

#[test]
fn every_signal_asking_unknot_to_end_records_the_session_restores_and_exits_128_plus_n() {
    for_each_signal(&ending_signals(), |number| {
        let mut tui = at_the_hold(COUNTDOWN);
        send_signal(tui.pid(), &number.to_string());
        let code = u32::try_from(128 + number).expect("an exit code");
        tui.assert_exit_restored(code);
        let flags = tui.local_flags();
        assert!(
            flags.iter().any(|f| f == "ICANON") && flags.iter().any(|f| f == "ECHO"),
            "raw mode is still on after signal {number}: {flags:?}"
        );
        let history = std::fs::read_to_string(tui.sandbox.history()).expect("a history file");
        assert!(
            history.contains(r#""outcome":"interrupted""#),
            "signal {number}: {history}"
        );
    });
}

#[test]
fn signals_a_terminal_program_ignores_leave_the_session_counting_down() {
    let mut tui = at_the_hold(COUNTDOWN);
    let ignored = [
        libc::SIGPIPE,
        libc::SIGXFSZ,
        libc::SIGWINCH,
        libc::SIGURG,
        libc::SIGCHLD,
        libc::SIGCONT,
    ];
    for number in ignored {
        send_signal(tui.pid(), &number.to_string());
    }
    // SIGWINCH and SIGCONT redraw the whole screen, so the countdown is read once it is back.
    let screen = tui.wait_until("the countdown after the signals", |s| {
        seconds_left_of(s, "20 s").is_some()
    });
    let before = seconds_left_of(&screen, "20 s").expect("the countdown");
    tui.wait_until("the countdown to move on", |s| {
        seconds_left_of(s, "20 s").is_some_and(|n| n < before)
    });
    send_signal(tui.pid(), "TERM");
    tui.assert_exit_restored(143);
}

#[test]
fn a_signal_meaning_unknot_is_broken_still_gives_the_terminal_back() {
    let broken = [
        ("ABRT", libc::SIGABRT),
        ("SEGV", libc::SIGSEGV),
        ("BUS", libc::SIGBUS),
        ("ILL", libc::SIGILL),
        ("FPE", libc::SIGFPE),
    ];
    for_each_signal(&broken, |number| {
        let mut tui = Tui::start_without_core_dumps(Sandbox::new(), &[], 30, 100);
        tui.wait_for("Gentle start");
        tui.let_sound_settle();
        send_signal(tui.pid(), &number.to_string());
        let (signal, raw) = tui.wait_killed_output();
        // SAFETY: strsignal returns a string that lives until the next call; it is copied at once.
        let expected = unsafe { std::ffi::CStr::from_ptr(libc::strsignal(number)) }
            .to_string_lossy()
            .to_string();
        assert_eq!(signal, expected, "ended by another signal than {number}");
        common::tui::assert_terminal_restored(&raw);
        let flags = tui.local_flags();
        assert!(
            flags.iter().any(|f| f == "ICANON") && flags.iter().any(|f| f == "ECHO"),
            "raw mode is still on after signal {number}: {flags:?}"
        );
    });
}

/// A terminal that cannot be drawn on gets plain lines: the routines as a numbered list, read
/// as a line typed; never the alternate screen.
fn plain_lines_in(mut tui: Tui) {
    tui.wait_for("Type a routine number and Enter:");
    tui.let_sound_settle();
    // Ctrl-D: the end of input, which ends the choice.
    tui.key("\x04");
    let (code, raw) = tui.wait_exit();
    assert_eq!(code, 0, "{}", tui.screen());
    assert!(
        common::tui::find(&raw, common::tui::ENTER_ALT_SCREEN).is_empty(),
        "the full screen was drawn"
    );
}

#[test]
fn term_dumb_gets_plain_lines() {
    plain_lines_in(Tui::start_with_env(
        Sandbox::new(),
        &[],
        30,
        100,
        &[("TERM", "dumb")],
    ));
}

#[test]
fn no_term_at_all_gets_plain_lines() {
    plain_lines_in(Tui::start_without_env(
        Sandbox::new(),
        &[],
        30,
        100,
        &["TERM"],
    ));
}

#[test]
fn the_history_on_a_dumb_terminal_is_printed_not_reviewed() {
    let sandbox = Sandbox::screened();
    let (_, lines) = common::past_session(1, "Gentle start", 6, 3);
    sandbox.append_history(&lines);
    let mut tui = Tui::start_with_env(sandbox, &["history"], 30, 100, &[("TERM", "dumb")]);
    let (code, raw) = tui.wait_exit();
    assert_eq!(code, 0, "{}", tui.screen());
    assert!(common::tui::find(&raw, common::tui::ENTER_ALT_SCREEN).is_empty());
    let screen = tui.screen();
    assert!(
        screen.contains("Date") && screen.contains("Gentle start"),
        "{screen}"
    );
}

/// A long history is read on its own thread: the home screen is drawn first, says it is reading
/// the history while it takes more than a moment, and fills in the last session when it is done;
/// the routines can be chosen from the first frame.
#[test]
fn the_home_screen_comes_before_a_long_history_is_read() {
    let sandbox = Sandbox::screened();
    let (_, session) = common::past_session(1, "Gentle start", 5, 3);
    // Quick logs enough that reading them takes this build well over a moment.
    let log = common::history_line(
        2,
        "check_in",
        r#""form":"0190a0a0-0000-7000-8000-000000000001","moment":"log","pain":4,"note":"a long day at the desk, then a walk""#,
    );
    let mut lines = vec![log; 150_000];
    lines.extend(session);
    sandbox.append_history(&lines);
    let mut tui = Tui::start(sandbox, &[], 30, 100);
    let first = tui.wait_for("Reading your history…");
    assert!(first.contains("Gentle start"), "{first}");
    assert!(!first.contains("Last session"), "{first}");
    let read = tui.wait_for("Last session: Gentle start");
    assert!(read.contains("pain 5 → 3"), "{read}");
    assert!(!read.contains("Reading your history"), "{read}");
    tui.key("q");
    tui.assert_exit_restored(0);
}
