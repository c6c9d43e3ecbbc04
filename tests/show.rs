//! `unknot show` on a terminal: a one-sided step's figures say their side and what their thick
//! line is, in words; piped, the routine is its text alone.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "an integration test crate is test code throughout, and its helpers (here and in tests/common) fail a test by panicking as its #[test] functions do; clippy.toml's allow-*-in-tests reaches only #[test] functions and #[cfg(test)] modules"
)]

mod common;

use common::{Sandbox, run};

const KEY: &str = "thick line: the leg being worked";

/// What `unknot ARGS` printed on a terminal `cols` wide, with `NO_COLOR` set so nothing but
/// the words and the line's thickness can tell the worked leg.
fn on_a_terminal(args: &[&str], cols: u16) -> String {
    let mut tui =
        common::tui::Tui::start_with_env(Sandbox::new(), args, 40, cols, &[("NO_COLOR", "1")]);
    let (code, output) = tui.wait_exit();
    assert_eq!(code, 0);
    String::from_utf8_lossy(&output).into_owned()
}

#[test]
fn show_draws_each_side_of_a_one_sided_step_with_its_side_and_the_key_to_its_thick_line() {
    let printed = on_a_terminal(&["show", "daily-standard"], 100);
    let figure_four = &printed[printed.find("Figure-4 stretch").unwrap()..];
    let step = &figure_four[..figure_four.find("Glute bridges").unwrap()];
    let key_line = step.lines().find(|l| l.contains(KEY)).unwrap_or_else(|| {
        panic!("no key under the figure-4: {step}");
    });
    assert_eq!(
        key_line.matches(KEY).count(),
        2,
        "one key under each side: {step}"
    );
    let side_line = step.lines().find(|l| l.contains("left side")).unwrap();
    assert!(side_line.contains("right side"), "{step}");
    assert!(
        step.chars().any(|c| ('\u{2800}'..='\u{28FF}').contains(&c)),
        "{step}"
    );
}

#[test]
fn a_movement_on_both_sides_has_no_side_and_no_key() {
    let printed = on_a_terminal(&["show", "daily-standard"], 100);
    let rolls = &printed[printed.find("Knee rolls").unwrap()..];
    let step = &rolls[..rolls.find("Roller on the outer thigh").unwrap()];
    assert!(step.contains("start") && step.contains("end"), "{step}");
    assert!(
        !step.contains("left side") && !step.contains("right side"),
        "{step}"
    );
    assert!(!step.contains(KEY), "{step}");
}

#[test]
fn show_says_under_the_knee_rolls_that_they_are_seen_from_above_and_under_no_other_figure() {
    for cols in [120, 80] {
        let printed = on_a_terminal(&["show", "daily-standard"], cols);
        let rolls = &printed[printed.find("Knee rolls").unwrap()..];
        let step = &rolls[..rolls.find("Roller on the outer thigh").unwrap()];
        let moves = step.lines().position(|l| l.contains("start")).unwrap();
        assert_eq!(
            step.lines().nth(moves + 1).map(str::trim),
            Some("seen from above"),
            "{step}"
        );
        assert_eq!(printed.matches("seen from above").count(), 1, "{printed}");
    }
    let poses = on_a_terminal(&["show", "--poses"], 100);
    assert_eq!(poses.matches("seen from above").count(), 1, "{poses}");
}

#[test]
fn show_piped_keeps_to_the_text_without_figures_or_their_key() {
    let sandbox = Sandbox::new();
    let mut cmd = sandbox.cmd();
    cmd.args(["show", "daily-standard"]);
    let out = run(cmd);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert!(out.stdout.contains("Figure-4 stretch"), "{}", out.stdout);
    assert!(!out.stdout.contains("thick line"), "{}", out.stdout);
}
