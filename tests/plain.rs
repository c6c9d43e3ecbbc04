//! Plain mode: the session as lines of text. Standard output is a pipe here, so plain mode is
//! automatic; `--plain` is tested too. Routines are tiny (no lead-in, 1-second holds).
//!
//! Every sandbox here has the safety questions answered already (`Sandbox::screened`), so each
//! session begins with the quick safety check, answered with an empty line; the safety
//! questions themselves are tested in `safety.rs`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "an integration test crate is test code throughout, and its helpers (here and in tests/common) fail a test by panicking as its #[test] functions do; clippy.toml's allow-*-in-tests reaches only #[test] functions and #[cfg(test)] modules"
)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{NOTHING_NEW, Outcome, Sandbox, run, run_with_input, seed_screened, spawn};

/// The three lines every summary ends with.
const AFTERCARE: [&str; 3] = [
    "Keep moving gently today; avoid sitting or lying still for long stretches.",
    "Warmth can ease it: a wrapped heat pack on the painful area for 10 to 15 minutes, up to 3 times a day. Check your skin, never use it on numb skin, never fall asleep on it, and do not use a hot-water bottle.",
    "Some soreness after stretching is normal; pain that is sharp or spreads down the leg is not.",
];
const INVALID_ANSWER: &str = "Please type a whole number from 0 to 10, or press Enter to skip.";
const INPUT_ENDED: &str = "No more input: the remaining check-ins are skipped.";
const PAIN_PROMPT: &str = "Pain now, 0 to 10 (0 no pain, 1-3 mild, 4-6 moderate, 7-10 severe, 10 worst pain imaginable). Type a number and press Enter, or press Enter alone to skip.";
const AREAS_PROMPT: &str = "Where do you feel it? Type any of back, buttock, thigh, calf, foot (or 1-5), or press Enter to skip.";
const SIDE_PROMPT: &str = "Which side? Type left, right or both, or press Enter to skip.";
const NUMBNESS_PROMPT: &str = "Any numbness or tingling? Type yes or no, or press Enter to skip.";
const FELT_PROMPT: &str =
    "How did the session feel? Type better, same or worse, or press Enter to skip.";
const NOTE_PROMPT: &str = "A note for yourself, one line, or press Enter to skip.";

/// Two timed steps, the second one-sided with a one-second switch.
const TWO_STEPS: &str = r#"(
    title: "Quick test",
    summary: "Two short steps.",
    level: Gentle,
    lead_in: 0,
    steps: [
        (
            title: "Knee rolls",
            kind: Movement,
            seconds: 1,
            instructions: ["Lie on your back.", "Let the knees sway."],
            caution: Some("Stop if it hurts."),
        ),
        (title: "Figure-4 stretch", kind: Stretch, sides: Each, seconds: 1, rest: 1),
    ],
)
"#;

/// One timed step, then a check-in.
const WITH_CHECK_IN: &str = r#"(
    title: "Check me",
    level: Gentle,
    lead_in: 0,
    steps: [
        (title: "Knee rolls", kind: Movement, seconds: 1),
        (title: "How is the pain now?", kind: CheckIn),
    ],
)
"#;

/// A hold long enough to be interrupted in the middle.
const LONG_HOLD: &str = r#"(
    title: "Long hold",
    level: Gentle,
    lead_in: 0,
    steps: [
        (title: "Knee to chest", kind: Stretch, seconds: 30),
        (title: "How is the pain now?", kind: CheckIn),
    ],
)
"#;

/// Four empty lines: every question before the session skipped.
const SKIP_BEFORE: &str = "\n\n\n\n";

/// A screened sandbox holding `routine` as a file.
fn setup(routine: &str) -> (Sandbox, PathBuf) {
    let sandbox = Sandbox::screened();
    let file = sandbox.write("routine.ron", routine);
    (sandbox, file)
}

/// `unknot --config ... --data-dir ... start FILE`, not yet run.
fn start_cmd(sandbox: &Sandbox, file: &Path) -> Command {
    let mut cmd = sandbox.cmd_with_flags();
    cmd.arg("start").arg(file);
    cmd
}

/// `unknot start FILE` with an empty line for the quick safety check, then `input` on stdin,
/// run to the end.
fn start(routine: &str, input: &str) -> Outcome {
    start_keeping(routine, input).1
}

/// The same, keeping the sandbox to look at the history afterwards.
fn start_keeping(routine: &str, input: &str) -> (Sandbox, Outcome) {
    let (sandbox, file) = setup(routine);
    let out = run_with_input(start_cmd(&sandbox, &file), &format!("{NOTHING_NEW}{input}"));
    out.assert_no_panic();
    (sandbox, out)
}

/// The last line of the history with `"moment":"<moment>"`: a form's last save, all its answers.
fn last_check_in(sandbox: &Sandbox, moment: &str) -> String {
    let history = std::fs::read_to_string(sandbox.history()).expect("a history file");
    history
        .lines()
        .rfind(|l| l.contains(&format!(r#""moment":"{moment}""#)))
        .unwrap_or_else(|| panic!("no {moment} check-in in\n{history}"))
        .to_string()
}

fn count_lines(out: &Outcome, exact: &str) -> usize {
    out.stdout_lines().iter().filter(|l| **l == exact).count()
}

fn assert_completed(out: &Outcome, title: &str) {
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert_eq!(
        count_lines(out, &format!("Session complete: {title}")),
        1,
        "{}",
        out.describe()
    );
    assert_ends_with_aftercare(out);
}

/// The summary's last lines are the aftercare advice.
fn assert_ends_with_aftercare(out: &Outcome) {
    let aftercare: String = AFTERCARE.iter().flat_map(|l| [*l, "\n"]).collect();
    assert!(out.stdout.ends_with(&aftercare), "{}", out.describe());
}

// ---- A whole session -----------------------------------------------------------------------

#[test]
fn a_session_prints_each_step_go_done_and_a_summary() {
    let out = start(TWO_STEPS, "");
    assert_completed(&out, "Quick test");
    assert_eq!(out.stderr_without_sound_note(), "", "{}", out.describe());
    out.assert_lines_in_order(&[
        "Quick test: 2 steps, about 4 seconds.",
        PAIN_PROMPT,
        INPUT_ENDED,
        "Step 1 of 2: Knee rolls, 1 second",
        "  Lie on your back.",
        "  Let the knees sway.",
        "  Caution: Stop if it hurts.",
        "Go",
        "Done",
        "Step 2 of 2: Figure-4 stretch, left side, 1 second",
        "Go: left side",
        "Done",
        "Switch to the right side: 1 second",
        "Go: right side",
        "Done",
        "",
        "Session complete: Quick test",
        "Time: 4 seconds of 4 seconds planned",
        "Steps: 2 of 2 done",
        "",
        "No pain scores this time.",
        "",
        AFTERCARE[0],
        AFTERCARE[1],
        AFTERCARE[2],
    ]);
    assert_eq!(count_lines(&out, "Done"), 3, "{}", out.describe());
    // Asked once; after the end of input nothing more is asked.
    assert_eq!(count_lines(&out, PAIN_PROMPT), 1, "{}", out.describe());
    assert_eq!(count_lines(&out, INPUT_ENDED), 1, "{}", out.describe());
    // A one-sided step is announced once, on its first side.
    assert_eq!(
        out.stdout_lines()
            .iter()
            .filter(|l| l.starts_with("Step 2 of 2:"))
            .count(),
        1,
        "{}",
        out.describe()
    );
}

#[test]
fn a_muted_session_says_nothing_about_sound() {
    let routine = r#"(title: "One", level: Gentle, lead_in: 0, steps: [(title: "Stand", kind: Movement, seconds: 1)])"#;
    let (sandbox, file) = setup(routine);
    let mut cmd = start_cmd(&sandbox, &file);
    cmd.arg("--mute");
    let out = run_with_input(cmd, NOTHING_NEW);
    assert_completed(&out, "One");
    assert_eq!(out.stderr, "", "{}", out.describe());
}

#[test]
fn lead_in_reps_and_rests_are_announced() {
    let routine = r#"(
        title: "Reps",
        level: Standard,
        lead_in: 1,
        steps: [(title: "Pelvic tilts", kind: Movement, seconds: 1, reps: 2, rest: 1)],
    )"#;
    let out = start(routine, "");
    assert_completed(&out, "Reps");
    out.assert_lines_in_order(&[
        "Step 1 of 1: Pelvic tilts, 1 second, 2 times",
        "Get ready: 1 second",
        "Go",
        "Done",
        "Rest: 1 second",
        "Go: rep 2",
        "Done",
        "Session complete: Reps",
        "Time: 4 seconds of 4 seconds planned",
        "Steps: 1 of 1 done",
    ]);
}

#[test]
fn explicit_plain_before_or_after_the_command_prints_the_same() {
    let routine = r#"(title: "One", level: Gentle, lead_in: 0, steps: [(title: "Stand", kind: Movement, seconds: 1)])"#;
    let (sandbox, file) = setup(routine);
    let file = file.to_str().expect("utf-8 path");
    // All three run at once, to keep the test short; each keeps its own history, since a
    // history takes one session at a time.
    let runs: Vec<_> = [
        vec!["start", file],
        vec!["--plain", "start", file],
        vec!["start", file, "--plain"],
    ]
    .into_iter()
    .enumerate()
    .map(|(n, args)| {
        let data_dir = sandbox.path().join(format!("data-{n}"));
        seed_screened(&data_dir);
        let mut cmd = sandbox.cmd_with_data_dir(&data_dir);
        cmd.args(&args);
        let mut running = spawn(cmd);
        running.type_in(NOTHING_NEW);
        (args, running)
    })
    .collect();
    let outs: Vec<_> = runs
        .into_iter()
        .map(|(args, running)| (args, running.finish()))
        .collect();
    for (args, out) in &outs {
        assert_completed(out, "One");
        assert_eq!(out.stdout, outs[0].1.stdout, "{args:?}");
        out.assert_lines_in_order(&["Step 1 of 1: Stand, 1 second", "Go", "Done"]);
    }
}

// ---- Questions before and after ------------------------------------------------------------

#[test]
fn questions_before_and_after_are_answered_by_lines_and_summed_up() {
    let routine = r#"(title: "Asked", level: Gentle, lead_in: 0, steps: [(title: "Stand", kind: Movement, seconds: 1)])"#;
    let input = "6\nbuttock, 3\nleft\nyes\n3\nbetter\nEasier to walk\n";
    let (sandbox, out) = start_keeping(routine, input);
    assert_completed(&out, "Asked");
    assert_eq!(out.stderr_without_sound_note(), "", "{}", out.describe());
    out.assert_lines_in_order(&[
        "Asked: 1 step, about 1 second.",
        PAIN_PROMPT,
        "Pain: 6 (moderate)",
        AREAS_PROMPT,
        SIDE_PROMPT,
        NUMBNESS_PROMPT,
        "Step 1 of 1: Stand, 1 second",
        "Go",
        "Done",
        PAIN_PROMPT,
        "Pain: 3 (mild)",
        FELT_PROMPT,
        NOTE_PROMPT,
        "",
        "Session complete: Asked",
        "Time: 1 second of 1 second planned",
        "Steps: 1 of 1 done",
        "",
        "Pain: 6 → 3: 3 points lower (50%)",
        "Under 3 minutes were done, too little for unknot to judge this change.",
        "It felt: better",
        "Note: Easier to walk",
        "",
        AFTERCARE[0],
    ]);
    assert_eq!(count_lines(&out, INPUT_ENDED), 0, "{}", out.describe());
    let before = last_check_in(&sandbox, "before");
    assert!(
        before.ends_with(r#""pain":6,"areas":["buttock","thigh"],"side":"left","numbness":true}"#),
        "{before}"
    );
    let after = last_check_in(&sandbox, "after");
    assert!(
        after.ends_with(r#""pain":3,"felt":"better","note":"Easier to walk"}"#),
        "{after}"
    );
}

#[test]
fn answers_in_other_words_and_wrong_answers_before_the_session() {
    let routine = r#"(title: "Asked", level: Gentle, lead_in: 0, steps: [(title: "Stand", kind: Movement, seconds: 1)])"#;
    // Each question refuses one wrong answer, then takes a short or numbered form.
    let input = "ten\n10\nknee\n1 5\nup\nB\nmaybe\nn\n\nnot sure\nW\n\n";
    let (sandbox, out) = start_keeping(routine, input);
    assert_completed(&out, "Asked");
    out.assert_lines_in_order(&[
        PAIN_PROMPT,
        INVALID_ANSWER,
        PAIN_PROMPT,
        "Pain: 10 (severe)",
        AREAS_PROMPT,
        "Please type some of: back, buttock, thigh, calf, foot; or press Enter to skip.",
        AREAS_PROMPT,
        SIDE_PROMPT,
        "Please type left, right or both; or press Enter to skip.",
        SIDE_PROMPT,
        NUMBNESS_PROMPT,
        "Please type yes or no; or press Enter to skip.",
        NUMBNESS_PROMPT,
        "Step 1 of 1: Stand, 1 second",
        PAIN_PROMPT,
        "Skipped",
        FELT_PROMPT,
        "Please type better, same or worse; or press Enter to skip.",
        FELT_PROMPT,
        NOTE_PROMPT,
        "Session complete: Asked",
        "Pain before: 10 (severe)",
        "It felt: worse",
    ]);
    assert!(!out.stdout.contains("Note:"), "{}", out.describe());
    let before = last_check_in(&sandbox, "before");
    assert!(
        before.ends_with(r#""pain":10,"areas":["back","foot"],"side":"both","numbness":false}"#),
        "{before}"
    );
    let after = last_check_in(&sandbox, "after");
    assert!(after.ends_with(r#""felt":"worse"}"#), "{after}");
}

#[test]
fn input_that_ends_after_the_session_skips_the_questions_after() {
    let routine = r#"(title: "Asked", level: Gentle, lead_in: 0, steps: [(title: "Stand", kind: Movement, seconds: 1)])"#;
    let out = start(routine, "2\n\n\n\n");
    assert_completed(&out, "Asked");
    out.assert_lines_in_order(&[
        "Pain: 2 (mild)",
        "Done",
        PAIN_PROMPT,
        INPUT_ENDED,
        "Session complete: Asked",
        "Pain before: 2 (mild)",
    ]);
    assert_eq!(count_lines(&out, INPUT_ENDED), 1, "{}", out.describe());
    assert!(!out.stdout.contains(FELT_PROMPT), "{}", out.describe());
}

// ---- Check-ins -----------------------------------------------------------------------------

#[test]
fn a_piped_answer_is_recorded_in_the_summary() {
    let out = start(WITH_CHECK_IN, &format!("{SKIP_BEFORE}4\n\n"));
    assert_completed(&out, "Check me");
    out.assert_lines_in_order(&[
        "Step 1 of 2: Knee rolls, 1 second",
        "Go",
        "Done",
        "Step 2 of 2: How is the pain now?",
        PAIN_PROMPT,
        "Pain: 4 (moderate)",
        AREAS_PROMPT,
        "Session complete: Check me",
        "Steps: 1 of 1 done",
        "  after Knee rolls: 4 (moderate)",
    ]);
    assert_eq!(count_lines(&out, INVALID_ANSWER), 0, "{}", out.describe());
}

#[test]
fn an_answer_typed_when_asked_is_recorded() {
    let (sandbox, file) = setup(WITH_CHECK_IN);
    let mut running = spawn(start_cmd(&sandbox, &file));
    running.pass_quick_check();
    running.wait_for_stdout(&format!("{PAIN_PROMPT}\n"));
    running.type_in(SKIP_BEFORE);
    running.wait_for_stdout("Step 2 of 2: How is the pain now?\n");
    running.type_in("7\n");
    running.wait_for_stdout("Pain: 7 (severe)\n");
    let out = running.finish();
    assert_completed(&out, "Check me");
    out.assert_lines_in_order(&[
        "Session complete: Check me",
        "  after Knee rolls: 7 (severe)",
    ]);
}

#[test]
fn an_invalid_answer_is_explained_once_then_asked_again() {
    let out = start(WITH_CHECK_IN, &format!("{SKIP_BEFORE}eleven\n3\n"));
    assert_completed(&out, "Check me");
    assert_eq!(count_lines(&out, INVALID_ANSWER), 1, "{}", out.describe());
    out.assert_lines_in_order(&[
        "Step 2 of 2: How is the pain now?",
        PAIN_PROMPT,
        INVALID_ANSWER,
        PAIN_PROMPT,
        "Pain: 3 (mild)",
        "Session complete: Check me",
        "  after Knee rolls: 3 (mild)",
    ]);
}

#[test]
fn out_of_range_answers_are_refused() {
    let out = start(WITH_CHECK_IN, &format!("{SKIP_BEFORE}11\n-1\n4.5\n 10 \n"));
    assert_completed(&out, "Check me");
    assert_eq!(count_lines(&out, INVALID_ANSWER), 3, "{}", out.describe());
    out.assert_lines_in_order(&["Pain: 10 (severe)", "  after Knee rolls: 10 (severe)"]);
}

#[test]
fn an_empty_line_skips_each_question() {
    // 4 before, 2 at the check-in, 3 after: every question skipped, none left unasked.
    let out = start(WITH_CHECK_IN, &"\n".repeat(9));
    assert_completed(&out, "Check me");
    assert_eq!(count_lines(&out, PAIN_PROMPT), 3, "{}", out.describe());
    assert_eq!(count_lines(&out, "Skipped"), 3, "{}", out.describe());
    out.assert_lines_in_order(&[
        "Step 2 of 2: How is the pain now?",
        PAIN_PROMPT,
        "Skipped",
        AREAS_PROMPT,
        NOTE_PROMPT,
        "Session complete: Check me",
        "No pain scores this time.",
    ]);
    assert_eq!(count_lines(&out, INVALID_ANSWER), 0, "{}", out.describe());
    assert_eq!(count_lines(&out, INPUT_ENDED), 0, "{}", out.describe());
}

#[test]
fn closed_stdin_skips_every_check_in_and_still_completes() {
    let routine = r#"(
        title: "Two check-ins",
        level: Gentle,
        lead_in: 0,
        steps: [
            (title: "Before", kind: CheckIn),
            (title: "Knee rolls", kind: Movement, seconds: 1),
            (title: "After", kind: CheckIn),
        ],
    )"#;
    // The input ends right after the quick safety check.
    let out = start(routine, "");
    assert_completed(&out, "Two check-ins");
    assert_eq!(
        count_lines(&out, INPUT_ENDED),
        1,
        "said once\n{}",
        out.describe()
    );
    assert_eq!(count_lines(&out, PAIN_PROMPT), 1, "{}", out.describe());
    out.assert_lines_in_order(&[
        PAIN_PROMPT,
        INPUT_ENDED,
        "Step 1 of 3: Before",
        "Step 2 of 3: Knee rolls, 1 second",
        "Go",
        "Done",
        "Step 3 of 3: After",
        "Session complete: Two check-ins",
        "Steps: 1 of 1 done",
        "No pain scores this time.",
    ]);
}

#[test]
fn input_that_ends_before_the_first_check_in_is_still_told() {
    // The questions before are skipped, then the end of input arrives while the timed step
    // runs, before the check-in asks anything.
    let out = start(WITH_CHECK_IN, SKIP_BEFORE);
    assert_completed(&out, "Check me");
    assert_eq!(count_lines(&out, INPUT_ENDED), 1, "{}", out.describe());
    out.assert_lines_in_order(&[
        "Step 2 of 2: How is the pain now?",
        PAIN_PROMPT,
        INPUT_ENDED,
        "Session complete: Check me",
        "No pain scores this time.",
    ]);
}

// ---- Waiting for the person ----------------------------------------------------------------

const WAIT_FOR_KEY: &str = r#"(
    title: "Get into position",
    level: Gentle,
    lead_in: 0,
    steps: [
        (title: "Ball under the glutes", kind: Massage, tool: Some(TennisBall), seconds: 1, wait_for_key: true),
        (title: "Roller under the calves", kind: Massage, tool: Some(FoamRoller), seconds: 1, wait_for_key: true),
    ],
)
"#;

#[test]
fn wait_for_key_proceeds_on_enter_and_at_end_of_input() {
    let (sandbox, file) = setup(WAIT_FOR_KEY);
    let mut running = spawn(start_cmd(&sandbox, &file));
    running.pass_quick_check();
    running.wait_for_stdout(&format!("{PAIN_PROMPT}\n"));
    running.type_in(SKIP_BEFORE);
    let so_far = running.wait_for_stdout("Step 1 of 2: Ball under the glutes, 1 second\n");
    assert!(!so_far.lines().any(|l| l == "Go"), "{so_far}");
    // Nothing moves on by itself while the person gets into position.
    std::thread::sleep(std::time::Duration::from_millis(400));
    let so_far = running.stdout();
    assert!(
        !so_far.lines().any(|l| l == "Go"),
        "started without Enter:\n{so_far}"
    );
    assert!(
        so_far.contains("Enter"),
        "the wait names the key:\n{so_far}"
    );
    running.type_in("\n");
    running.wait_for_stdout("Step 2 of 2: Roller under the calves, 1 second\n");
    // The end of input stands for Enter, so a script never hangs here.
    running.close_stdin();
    let out = running.finish();
    assert_completed(&out, "Get into position");
    out.assert_lines_in_order(&[
        "Step 1 of 2: Ball under the glutes, 1 second",
        "Go",
        "Done",
        "Step 2 of 2: Roller under the calves, 1 second",
        "Go",
        "Done",
        PAIN_PROMPT,
        INPUT_ENDED,
        "Steps: 2 of 2 done",
    ]);
}

#[test]
fn wait_for_key_with_closed_stdin_does_not_hang() {
    // The input ends right after the quick safety check.
    let out = start(WAIT_FOR_KEY, "");
    assert_completed(&out, "Get into position");
    assert_eq!(count_lines(&out, "Go"), 2, "{}", out.describe());
}

// ---- Signals -------------------------------------------------------------------------------

/// Starts the long hold with a pain score of 5 before it, waits for "Go", sends `signal` and
/// returns the outcome.
fn interrupt_mid_step(signal: &str) -> Outcome {
    let (sandbox, file) = setup(LONG_HOLD);
    let mut running = spawn(start_cmd(&sandbox, &file));
    running.pass_quick_check();
    running.wait_for_stdout(&format!("{PAIN_PROMPT}\n"));
    running.type_in("5\n\n\n\n");
    running.wait_for_stdout("\nGo\n");
    running.signal(signal);
    let out = running.finish_after_exit();
    out.assert_no_panic();
    // Stopped from outside: nobody is asked how it went.
    assert!(!out.stdout.contains(FELT_PROMPT), "{}", out.describe());
    assert_eq!(count_lines(&out, PAIN_PROMPT), 1, "{}", out.describe());
    out
}

#[test]
fn sigterm_mid_step_ends_the_session_with_143() {
    let out = interrupt_mid_step("TERM");
    assert_eq!(out.code(), Some(143), "{}", out.describe());
    out.assert_lines_in_order(&[
        "Step 1 of 2: Knee to chest, 30 seconds",
        "Go",
        "Session interrupted: Long hold",
        "Steps: 0 of 1 done, 1 cut short or skipped",
        "Pain before: 5 (moderate)",
    ]);
    assert_ends_with_aftercare(&out);
    assert_eq!(count_lines(&out, "Done"), 0, "{}", out.describe());
}

#[test]
fn sigint_mid_step_ends_the_session_with_130() {
    let out = interrupt_mid_step("INT");
    assert_eq!(out.code(), Some(130), "{}", out.describe());
    out.assert_lines_in_order(&["Session interrupted: Long hold"]);
}

#[test]
fn sighup_mid_step_ends_the_session_with_129() {
    let out = interrupt_mid_step("HUP");
    assert_eq!(out.code(), Some(129), "{}", out.describe());
    out.assert_lines_in_order(&["Session interrupted: Long hold"]);
}

#[test]
fn sigterm_while_waiting_for_an_answer() {
    let routine = r#"(
        title: "Asking",
        level: Gentle,
        lead_in: 0,
        steps: [
            (title: "How is the pain now?", kind: CheckIn),
            (title: "Knee rolls", kind: Movement, seconds: 1),
        ],
    )"#;
    let (sandbox, file) = setup(routine);
    let mut running = spawn(start_cmd(&sandbox, &file));
    running.pass_quick_check();
    running.wait_for_stdout(&format!("{PAIN_PROMPT}\n"));
    running.type_in(SKIP_BEFORE);
    running.wait_for_stdout(&format!(
        "Step 1 of 2: How is the pain now?\n{PAIN_PROMPT}\n"
    ));
    running.signal("TERM");
    let out = running.finish_after_exit();
    assert_eq!(out.code(), Some(143), "{}", out.describe());
    out.assert_lines_in_order(&["Session interrupted: Asking"]);
    assert_eq!(count_lines(&out, "Go"), 0, "{}", out.describe());
}

#[test]
fn sigterm_while_asking_before_the_session_starts_nothing() {
    let (sandbox, file) = setup(LONG_HOLD);
    let seeded = sandbox.history_text_lines();
    let mut running = spawn(start_cmd(&sandbox, &file));
    running.pass_quick_check();
    running.wait_for_stdout(&format!("{PAIN_PROMPT}\n"));
    running.signal("TERM");
    let out = running.finish_after_exit();
    out.assert_no_panic();
    assert_eq!(out.code(), Some(143), "{}", out.describe());
    assert!(!out.stdout.contains("Step 1"), "{}", out.describe());
    assert!(!out.stdout.contains("Go"), "{}", out.describe());
    // No question before the session was answered, so no session is kept: only the quick
    // safety check, which belongs to no session.
    let lines = sandbox.history_text_lines();
    assert_eq!(lines.len(), seeded.len() + 1, "{lines:#?}");
    assert_eq!(lines[..seeded.len()], seeded[..], "{lines:#?}");
    let added = &lines[seeded.len()];
    assert!(
        added.contains(r#""type":"safety","check":"quick_check","result":"clear"}"#),
        "{added}"
    );
}

#[test]
fn sigterm_after_an_answer_before_keeps_it_and_starts_nothing() {
    let (sandbox, file) = setup(LONG_HOLD);
    let mut running = spawn(start_cmd(&sandbox, &file));
    running.pass_quick_check();
    running.wait_for_stdout(&format!("{PAIN_PROMPT}\n"));
    running.type_in("4\n");
    running.wait_for_stdout(&format!("Pain: 4 (moderate)\n{AREAS_PROMPT}\n"));
    running.signal("TERM");
    let out = running.finish_after_exit();
    out.assert_no_panic();
    assert_eq!(out.code(), Some(143), "{}", out.describe());
    assert!(!out.stdout.contains("Go"), "{}", out.describe());
    let before = last_check_in(&sandbox, "before");
    assert!(before.ends_with(r#""pain":4}"#), "{before}");
    // The history shows a session stopped before it began, not one cut off.
    let history = String::from_utf8(sandbox.history_bytes()).expect("UTF-8");
    assert!(
        history.lines().next_back().is_some_and(
            |l| l.contains(r#""type":"session_ended""#) && l.contains(r#""outcome":"quit""#)
        ),
        "{history}"
    );
}

// ---- Choosing a routine --------------------------------------------------------------------

const QUICK_ONE: &str = r#"(title: "Quick one", level: Gentle, lead_in: 0, steps: [(title: "Stand", kind: Movement, seconds: 1)])"#;

#[test]
fn without_a_name_the_routines_are_listed_and_one_is_chosen_by_number() {
    let sandbox = Sandbox::screened();
    sandbox.user_routine("quick", QUICK_ONE);
    let out = run_with_input(
        sandbox.cmd_with_flags(),
        &format!("nine\n9\n6\n{NOTHING_NEW}"),
    );
    out.assert_no_panic();
    assert_completed(&out, "Quick one");
    let lines = out.stdout_lines();
    let titles = [
        "Gentle start",
        "Daily standard",
        "Deep release",
        "Desk break",
        "Nerve glides",
        "Quick one",
    ];
    for (n, title) in titles.iter().enumerate() {
        let prefix = format!("{}. {title}", n + 1);
        assert!(
            lines.iter().any(|l| l.starts_with(&prefix)),
            "no line starting {prefix:?}\n{}",
            out.describe()
        );
    }
    assert_eq!(
        count_lines(&out, "Please type one of the numbers shown."),
        2,
        "{}",
        out.describe()
    );
    out.assert_lines_in_order(&["Step 1 of 1: Stand, 1 second", "Go", "Done"]);
}

#[test]
fn without_a_name_and_without_input_nothing_starts() {
    let sandbox = Sandbox::new();
    let out = run(sandbox.cmd_with_flags());
    out.assert_no_panic();
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert!(
        out.stdout.starts_with("1. Gentle start"),
        "{}",
        out.describe()
    );
    assert!(!out.stdout.contains("Step 1"), "{}", out.describe());
    assert!(!out.stdout.contains("Session"), "{}", out.describe());
}

#[test]
fn without_a_name_and_without_input_stderr_stays_quiet() {
    let sandbox = Sandbox::new();
    let out = run(sandbox.cmd_with_flags());
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert_eq!(out.stderr_without_sound_note(), "", "{}", out.describe());
}

#[test]
fn a_users_routine_starts_by_name_or_by_title() {
    let sandbox = Sandbox::new();
    sandbox.user_routine("quick", QUICK_ONE);
    // All at once, to keep the test short; each with its own history.
    let runs: Vec<_> = ["quick", "Quick one", "QUICK ONE"]
        .into_iter()
        .enumerate()
        .map(|(n, name)| {
            let data_dir = sandbox.path().join(format!("data-{n}"));
            seed_screened(&data_dir);
            let mut cmd = sandbox.cmd_with_data_dir(&data_dir);
            cmd.args(["start", name]);
            let mut running = spawn(cmd);
            running.type_in(NOTHING_NEW);
            (name, running)
        })
        .collect();
    for (name, running) in runs {
        let out = running.finish();
        out.assert_no_panic();
        assert_eq!(out.code(), Some(0), "{name}: {}", out.describe());
        assert_completed(&out, "Quick one");
    }
}

#[test]
fn a_bundled_routine_starts_by_name() {
    // Only its first lines: the routine is long, so the session is interrupted once it is under way.
    let sandbox = Sandbox::screened();
    let mut cmd = sandbox.cmd_with_flags();
    cmd.args(["start", "gentle-start"]);
    let mut running = spawn(cmd);
    running.pass_quick_check();
    running.wait_for_stdout(&format!("{PAIN_PROMPT}\n"));
    running.type_in(SKIP_BEFORE);
    running.wait_for_stdout("Step 1 of ");
    running.signal("TERM");
    let out = running.finish_after_exit();
    assert_eq!(out.code(), Some(143), "{}", out.describe());
    assert!(
        out.stdout.starts_with("Gentle start: "),
        "{}",
        out.describe()
    );
    out.assert_lines_in_order(&["Session interrupted: Gentle start"]);
}

// ---- The morning after ---------------------------------------------------------------------

#[test]
fn plain_mode_asks_about_the_morning_after_first_and_keeps_it_with_that_session() {
    const MORNING: &str = "Type a number from 0 to 10, or press Enter to skip.";
    let (sandbox, file) = setup(WITH_CHECK_IN);
    let (session, lines) = common::past_session(1, "Check me", 3, 6);
    sandbox.append_history(&lines);
    let out = run_with_input(
        start_cmd(&sandbox, &file),
        &format!("eight\n5\n{NOTHING_NEW}{SKIP_BEFORE}\n\n\n\n\n"),
    );
    out.assert_no_panic();
    assert_completed(&out, "Check me");
    let first = out.stdout_lines()[0];
    assert!(
        first.starts_with("How was the pain the morning after your session on ")
            && first.ends_with(MORNING),
        "{}",
        out.describe()
    );
    out.assert_lines_in_order(&[
        INVALID_ANSWER,
        first,
        "Pain: 5 (moderate)",
        "Check me: 2 steps, about 1 second.",
    ]);
    let morning = last_check_in(&sandbox, "next_morning");
    assert!(morning.contains(r#""pain":5"#), "{morning}");
    assert!(morning.contains(&session.to_string()), "{morning}");

    // Asked once: the next start goes straight to the routine.
    let again = run_with_input(
        start_cmd(&sandbox, &file),
        &format!("{NOTHING_NEW}{SKIP_BEFORE}\n\n\n\n\n"),
    );
    assert_completed(&again, "Check me");
    assert!(
        !again.stdout.contains("the morning after"),
        "{}",
        again.describe()
    );
}
