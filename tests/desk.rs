//! `unknot desk`, the sitting-break reminder, as a person leaves it running: in plain lines and
//! full screen, with snoozes, skips and a break taken, a stop with Ctrl-Z and a wall clock that
//! jumps. Intervals are seconds here (`--every 2s`); the machine's minutes are unit-tested.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "an integration test crate is test code throughout, and its helpers (here and in tests/common) fail a test by panicking as its #[test] functions do; clippy.toml's allow-*-in-tests reaches only #[test] functions and #[cfg(test)] modules"
)]
#![expect(
    clippy::disallowed_methods,
    reason = "the tests wait for the real binary against real deadlines"
)]

mod common;

use std::process::Command;
use std::time::{Duration, Instant};

use common::tui::{ENTER, ESC, Tui};
use common::{Sandbox, spawn, timeout};

const PROMPT: &str = "Time to stand up and move.";

/// `unknot --plain --mute desk ARGS`, isolated in the sandbox.
fn plain_desk(sandbox: &Sandbox, args: &[&str]) -> Command {
    let mut cmd = sandbox.cmd_with_flags();
    cmd.args(["--plain", "--mute", "desk"]).args(args);
    cmd
}

/// The sitting-break lines of the history: (answer, seconds sat).
fn breaks(sandbox: &Sandbox) -> Vec<(String, f64)> {
    sandbox
        .history_text_lines()
        .iter()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("a history line"))
        .filter(|l| l["type"] == "sitting_break")
        .map(|l| {
            (
                l["answer"].as_str().expect("an answer").to_string(),
                l["sitting_s"].as_f64().expect("seconds sat"),
            )
        })
        .collect()
}

#[test]
fn plain_desk_rings_and_keeps_each_snooze_and_skip() {
    let sandbox = Sandbox::screened();
    let mut running = spawn(plain_desk(&sandbox, &["--every", "2s", "--snooze", "1s"]));
    running.wait_for_stdout("Next break at ");
    running.wait_for_stdout(PROMPT);
    running.type_in("z\n");
    running.wait_for_stdout("Snoozed.");
    // A snooze of one second: the reminder comes again.
    let deadline = Instant::now() + timeout();
    while running.stdout().matches(PROMPT).count() < 2 {
        assert!(Instant::now() < deadline, "{}", running.stdout());
        std::thread::sleep(Duration::from_millis(20));
    }
    running.type_in("maybe later\nk\n");
    running.wait_for_stdout("Skipped");
    running.type_in("q\n");
    let out = running.finish();
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert!(
        out.stdout
            .contains("Type b to take the break, z to snooze, k to skip, or q to stop."),
        "{}",
        out.stdout
    );
    let kept = breaks(&sandbox);
    let answers: Vec<&str> = kept.iter().map(|(a, _)| a.as_str()).collect();
    assert_eq!(answers, ["snoozed", "skipped"], "{kept:?}");
    // Still sitting after a snooze: the second answer counts from the start.
    assert!(kept[0].1 >= 2.0 && kept[1].1 >= kept[0].1 + 1.0, "{kept:?}");
}

#[test]
fn plain_desk_takes_a_break_runs_the_routine_and_counts_again_from_its_end() {
    let sandbox = Sandbox::screened();
    let routine = sandbox.write(
        "walk.ron",
        r#"(title: "Walk about", level: Gentle, lead_in: 0, steps: [
            (title: "Walk", kind: Movement, seconds: 1, instructions: ["A few steps."]),
        ])"#,
    );
    let routine = routine.to_str().expect("utf-8");
    let mut running = spawn(plain_desk(
        &sandbox,
        &["--every", "1h", "--routine", routine],
    ));
    running.wait_for_stdout("Next break at ");
    // Taken before it is due; the break is the whole visit, quick check to summary.
    running.type_in("b\n");
    running.pass_quick_check();
    running.type_in("\n\n\n\n");
    running.wait_for_stdout("Done");
    running.type_in("\n\n\n");
    running.wait_for_stdout("Session complete: Walk about");
    running.wait_for_stdout("Break over");
    running.type_in("q\n");
    let out = running.finish();
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert_eq!(
        out.stdout.matches("Next break at ").count(),
        2,
        "{}",
        out.stdout
    );
    let answers: Vec<String> = breaks(&sandbox).into_iter().map(|(a, _)| a).collect();
    assert_eq!(answers, ["taken"]);
    let history = String::from_utf8_lossy(&sandbox.history_bytes()).to_string();
    assert!(history.contains(r#""outcome":"completed""#), "{history}");
}

#[test]
fn a_wall_clock_jump_moves_no_reminder() {
    let sandbox = Sandbox::screened();
    let mut cmd = plain_desk(&sandbox, &["--every", "3s"]);
    let offset = common::movable_wall_clock(&mut cmd, sandbox.path());
    let mut running = spawn(cmd);
    running.wait_for_stdout("Next break at ");
    std::fs::write(&offset, "+1d").expect("jump a day ahead");
    std::thread::sleep(Duration::from_millis(500));
    std::fs::write(&offset, "-3h").expect("jump back");
    running.wait_for_stdout(PROMPT);
    running.type_in("k\nq\n");
    let out = running.finish();
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    // Three seconds of real time, whatever the wall clock said meanwhile.
    assert!(
        out.stdout.contains("You have been sitting for 3 seconds."),
        "{}",
        out.stdout
    );
}

#[test]
fn an_interval_that_is_not_a_duration_is_refused_with_the_forms_it_takes() {
    let sandbox = Sandbox::screened();
    for wrong in ["0", "9h", "-1"] {
        let out = common::run(plain_desk(&sandbox, &["--snooze", wrong]));
        assert_eq!(out.code(), Some(2), "{wrong}: {}", out.describe());
        assert!(
            out.stderr.contains("from 1 second to 8 hours"),
            "{}",
            out.stderr
        );
    }
    let out = common::run(plain_desk(&sandbox, &["--every", "soon"]));
    assert_eq!(out.code(), Some(2), "{}", out.describe());
    assert!(
        out.stderr
            .contains("minutes alone (45), or a number and a unit (90s, 45m, 1h, 1h30m)"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("unknot desk --help"), "{}", out.stderr);
}

#[test]
fn full_screen_desk_prompts_snoozes_and_runs_a_break_to_its_summary() {
    let mut tui = Tui::start(
        Sandbox::screened(),
        &["--mute", "desk", "--every", "2s", "--snooze", "1s"],
        30,
        100,
    );
    tui.wait_for_all(&["Next break at", "0 breaks taken, 0 snoozed, 0 skipped"]);
    tui.wait_for_all(&["Time to stand up and move", "z  snooze", "k/Esc  skip"]);
    tui.key("z");
    tui.wait_for("1 snoozed");
    tui.wait_for("Time to stand up and move");
    tui.key(ENTER);
    tui.skip_before();
    tui.wait_for("Step 1 of");
    tui.key("q");
    tui.key("y");
    tui.skip_after();
    tui.wait_for("Session stopped");
    tui.key(ENTER);
    tui.wait_for_all(&["Next break at", "1 break taken, 1 snoozed, 0 skipped"]);
    tui.key(ESC);
    tui.assert_exit_restored(0);
    let sandbox = &tui.sandbox;
    let answers: Vec<String> = breaks(sandbox).into_iter().map(|(a, _)| a).collect();
    assert_eq!(answers, ["snoozed", "taken"]);
    let history = String::from_utf8_lossy(&sandbox.history_bytes()).to_string();
    assert!(history.contains(r#""routine":"Desk break""#), "{history}");
}

#[test]
fn a_reminder_due_while_stopped_with_ctrl_z_is_asked_for_after_fg() {
    let mut tui = Tui::start_as_job(
        Sandbox::screened(),
        &["--mute", "desk", "--every", "2s"],
        24,
        80,
        "read; fg",
    );
    tui.wait_for("Next break at");
    tui.key("\x1a");
    tui.wait_until("the shell's screen", |s| !s.contains("Next break at"));
    // Stopped past the reminder's time: the reminder is not lost, and comes once.
    std::thread::sleep(Duration::from_secs(3));
    tui.key("\r");
    tui.wait_for("Time to stand up and move");
    tui.key("k");
    tui.wait_for("0 breaks taken, 0 snoozed, 1 skipped");
    tui.key("q");
    let (code, raw) = tui.wait_exit();
    assert_eq!(code, 0, "the shell's exit is unknot's");
    common::tui::assert_terminal_restored(&raw);
}

#[test]
fn the_review_counts_the_sitting_breaks_of_the_last_week() {
    let sandbox = Sandbox::screened();
    let mut running = spawn(plain_desk(&sandbox, &["--every", "1s"]));
    running.wait_for_stdout(PROMPT);
    running.type_in("k\nq\n");
    assert_eq!(running.finish().code(), Some(0));
    let mut tui = Tui::start(sandbox, &["history"], 30, 100);
    tui.wait_for("Your sitting breaks are in the figures (press 3).");
    tui.key("3");
    tui.wait_for_all(&[
        "Sitting breaks (unknot desk)",
        "Last 7 days: 0 taken, 0 snoozed, 1 skipped",
    ]);
    tui.key("q");
    tui.assert_exit_restored(0);
}

#[test]
fn a_break_the_safety_questions_stop_ends_the_desk_with_the_advice_on_the_terminal() {
    // Not screened yet: the break begins with every safety question.
    let mut tui = Tui::start(
        Sandbox::new(),
        &["--mute", "desk", "--every", "1h"],
        30,
        100,
    );
    tui.wait_for("Next break at");
    tui.key("b");
    tui.wait_for("Do you have sciatica in both legs");
    for key in ["y", "n", "n", "n", "n"] {
        tui.key(key);
    }
    tui.wait_for("Get urgent medical help now");
    tui.key(ENTER);
    let (code, raw) = tui.wait_exit();
    assert_eq!(code, 0);
    let after = String::from_utf8_lossy(&raw);
    let restored = after.rfind("\x1b[?1049l").expect("the main screen again");
    assert!(
        after[restored..].contains("urgent"),
        "the advice is left on the terminal: {:?}",
        &after[restored..]
    );
    // No break happened: it is kept as skipped, not taken.
    let answers: Vec<String> = breaks(&tui.sandbox).into_iter().map(|(a, _)| a).collect();
    assert_eq!(answers, ["skipped"]);
}

#[test]
fn leaving_a_break_at_its_questions_is_a_skip_and_the_desk_goes_on() {
    let mut tui = Tui::start(
        Sandbox::screened(),
        &["--mute", "desk", "--every", "1h"],
        30,
        100,
    );
    tui.wait_for("Next break at");
    tui.key("b");
    tui.wait_for("Any new symptoms?");
    tui.key("q");
    tui.wait_for_all(&["Next break at", "0 breaks taken, 0 snoozed, 1 skipped"]);
    tui.key("q");
    tui.assert_exit_restored(0);
}
