//! The weekly check as a person meets it: offered on the home screen when due, as
//! `unknot weekly` full screen and in plain lines, kept in the history, and read back in the
//! review's figures.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "an integration test crate is test code throughout, and its helpers (here and in tests/common) fail a test by panicking as its #[test] functions do; clippy.toml's allow-*-in-tests reaches only #[test] functions and #[cfg(test)] modules"
)]

mod common;

use common::tui::{ESC, Tui};
use common::{Sandbox, history_line, run_with_input};

const OFFER: &str = "Your weekly check is due";

/// The weekly check lines of the history, last answers of each form.
fn checks(sandbox: &Sandbox) -> Vec<serde_json::Value> {
    let mut by_form: Vec<serde_json::Value> = Vec::new();
    for line in sandbox.history_text_lines() {
        let v: serde_json::Value = serde_json::from_str(&line).expect("a history line");
        if v["type"] != "weekly_check" {
            continue;
        }
        match by_form.iter_mut().find(|w| w["form"] == v["form"]) {
            Some(kept) => *kept = v,
            None => by_form.push(v),
        }
    }
    by_form
}

/// A weekly check `days_ago` days back.
fn weekly_line(days_ago: i64, leg: u8, back: u8, walking: u8) -> String {
    history_line(
        days_ago,
        "weekly_check",
        &format!(
            r#""form":"{}","leg_pain":{leg},"back_pain":{back},"activities":[{{"name":"Walking to the shop","score":{walking}}}]"#,
            uuid::Uuid::new_v4()
        ),
    )
}

#[test]
fn plain_weekly_names_activities_once_then_rates_and_renames_them() {
    let sandbox = Sandbox::screened();
    let mut cmd = sandbox.cmd_with_flags();
    cmd.args(["--plain", "weekly"]);
    let out = run_with_input(
        cmd,
        "7\n\nsometimes\nno\nyes\nGardening\nSleeping\n\n3\n8\n",
    );
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert!(
        out.stdout
            .contains("Leg pain over the past week, from 0 to 10: Type a number"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("That is not an answer to this question; try again."),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("Weekly check saved."), "{}", out.stdout);
    let first = &checks(&sandbox)[0];
    assert_eq!(first["leg_pain"], 7);
    assert!(first["back_pain"].is_null());
    assert_eq!(
        (first["numbness"].as_bool(), first["weakness"].as_bool()),
        (Some(false), Some(true))
    );
    assert_eq!(first["activities"][0]["name"], "Gardening");
    assert_eq!(first["activities"][1]["score"], 8);

    // A week on: the same activities are rated, and one renamed.
    let mut cmd = sandbox.cmd_with_flags();
    cmd.args(["--plain", "weekly"]);
    let out = run_with_input(cmd, "\n\n\n\ne\nWeeding\n4\n\n");
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert!(!out.stdout.contains("Name an activity"), "{}", out.stdout);
    assert!(
        out.stdout
            .contains("A new name for \u{201c}Gardening\u{201d}"),
        "{}",
        out.stdout
    );
    let second = &checks(&sandbox)[1];
    assert_eq!(
        second["activities"][0],
        serde_json::json!({"name": "Weeding", "score": 4})
    );
    assert_eq!(
        second["activities"][1],
        serde_json::json!({"name": "Sleeping"})
    );
}

#[test]
fn input_ending_part_way_keeps_what_was_answered() {
    let sandbox = Sandbox::screened();
    let mut cmd = sandbox.cmd_with_flags();
    cmd.args(["--plain", "weekly"]);
    let out = run_with_input(cmd, "5\n6\n");
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert!(
        !out.stdout.contains("Weekly check saved."),
        "{}",
        out.stdout
    );
    let kept = &checks(&sandbox)[0];
    assert_eq!(
        (kept["leg_pain"].as_u64(), kept["back_pain"].as_u64()),
        (Some(5), Some(6))
    );
}

#[test]
fn the_home_screen_offers_the_check_when_due_and_w_takes_it() {
    let sandbox = Sandbox::screened();
    let (_, lines) = common::past_session(2, "Gentle start", 5, 4);
    sandbox.append_history(&lines);
    let mut tui = Tui::start(sandbox, &[], 30, 100);
    tui.wait_for_all(&[OFFER, "w weekly check"]);
    tui.key("w");
    tui.wait_for("Leg pain over the past week");
    for key in ["4", "2", "n", "n"] {
        tui.key(key);
    }
    tui.wait_for("Name an activity");
    for c in "Sitting".chars() {
        tui.key(&c.to_string());
    }
    tui.key("\r");
    tui.wait_for("Another activity");
    tui.key("\r");
    tui.wait_for("How well can you do this now: Sitting?");
    tui.key("6");
    // Saved and back at the routines; the offer is gone for the week.
    let home = tui.wait_for("Gentle start");
    assert!(!home.contains(OFFER), "{home}");
    tui.key("q");
    tui.assert_exit_restored(0);
    let kept = &checks(&tui.sandbox)[0];
    assert_eq!(kept["leg_pain"], 4);
    assert_eq!(
        kept["activities"][0],
        serde_json::json!({"name": "Sitting", "score": 6})
    );
}

#[test]
fn unknot_weekly_alone_closes_with_q_and_keeps_the_answers_given() {
    let mut tui = Tui::start(Sandbox::screened(), &["weekly"], 24, 80);
    tui.wait_for("Leg pain over the past week");
    tui.key("3");
    tui.wait_for("Back pain over the past week");
    tui.key("q");
    tui.assert_exit_restored(0);
    assert_eq!(checks(&tui.sandbox)[0]["leg_pain"], 3);
}

#[test]
fn the_review_reads_the_weekly_scores_against_the_two_point_threshold() {
    let sandbox = Sandbox::screened();
    sandbox.append_history(&[weekly_line(15, 7, 3, 2), weekly_line(1, 4, 3, 5)]);
    let mut tui = Tui::start(sandbox, &["history"], 40, 120);
    tui.wait_for("Sessions");
    tui.key("3");
    tui.wait_for_all(&[
        "2 checks since",
        "Leg pain: 7.0 → 4.0, down 3.0 points: 2 points or more, the size of change people notice over weeks, better",
        "Back pain: 3.0 → 3.0, no change: within everyday ups and downs",
        "Activities (0 unable, 10 as before): 2.0 → 5.0, up 3.0 points",
    ]);
    tui.key(ESC);
    tui.assert_exit_restored(0);
}

#[test]
fn a_weekly_check_worse_than_the_week_before_is_advice_on_the_home_screen() {
    let sandbox = Sandbox::screened();
    sandbox.append_history(&[weekly_line(8, 3, 2, 7), weekly_line(1, 6, 2, 7)]);
    let mut tui = Tui::start(sandbox, &[], 30, 100);
    tui.wait_for("your leg pain in the weekly check has gone up from 3 to 6");
    tui.key("q");
    tui.assert_exit_restored(0);
}

#[test]
fn plain_home_names_the_check_when_it_is_due() {
    let sandbox = Sandbox::screened();
    let (_, lines) = common::past_session(2, "Gentle start", 5, 4);
    sandbox.append_history(&lines);
    let mut cmd = sandbox.cmd_with_flags();
    cmd.arg("--plain");
    let out = run_with_input(cmd, "q\n");
    assert!(
        out.stdout
            .contains("Your weekly check is due: run `unknot weekly`"),
        "{}",
        out.describe()
    );
}
