//! Safety before and during a session, black-box on the real binary in plain mode: the red-flag
//! questions (all of them the first time and every 30 days, a quick check otherwise), the
//! self-massage cautions shown once, the pain-monitoring rule with its stop, skip and gentler,
//! the flare advice, and the `safety` and `about` commands. The full-screen side is in `pty.rs`.
//!
//! Runs that do not depend on each other are started together, each with its own data folder,
//! to keep the suite short.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "an integration test crate is test code throughout, and its helpers (here and in tests/common) fail a test by panicking as its #[test] functions do; clippy.toml's allow-*-in-tests reaches only #[test] functions and #[cfg(test)] modules"
)]

mod common;

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

use common::{
    NOTHING_NEW, Outcome, QUICK_PROMPT, Running, Sandbox, run, safety_line, spawn_with_input,
};

// ---- What unknot says ----------------------------------------------------------------------

const SCREEN_INTRO: &str = "Before you start: a few safety questions. Sciatica is rarely dangerous, but a few signs need a doctor the same day. Answer y or n.";
/// Every red-flag question in plain mode ends with this.
const YES_NO: &str = " Type yes or no.";
const EMERGENCY_QUESTIONS: [&str; 5] = [
    "Do you have sciatica in both legs, or has it spread from one leg to both?",
    "Is there weakness or numbness in both legs that is severe or getting worse, or has a foot started to drop or drag?",
    "Is there numbness or tingling around your genitals, buttocks or back passage (for example, it is hard to feel toilet paper when you wipe)?",
    "Any new trouble peeing: cannot start, cannot hold it, or cannot feel it as before?",
    "Any new loss of control of your bowels, not noticing you need to go, or new problems with sexual function?",
];
const FIRST_DOCTOR_QUESTION: &str = "Did this start after a fall, a car accident or another injury (or a small knock, if you have thin bones or take steroids long-term)?";
const UNCLEAR: &str = "Please answer yes or no.";
const NOT_ANSWERED: &str = "The safety questions were not answered, so the session does not start.";
const EMERGENCY_ADVICE: [&str; 5] = [
    "Get urgent medical help now.",
    "What you describe can mean the nerves at the bottom of your spine are badly squeezed.",
    "This needs to be seen by a doctor straight away, often within hours.",
    "Go to A&E (the emergency department) or call your local emergency number now.",
    "Do not do this session. unknot will ask these questions again next time.",
];
const DOCTOR_TITLE: &str = "Please see a doctor before ball, roller or floor exercises.";
const DOCTOR_PROMPT: &str =
    "Type carry on if a doctor has already checked this, or press Enter to stop for now.";
const STOPPED_FOR_DOCTOR: &str = "Stopped for now. Please see a doctor before ball, roller or floor exercises; walking and ordinary activity are still good for you. `unknot safety` lists what you answered, to show the doctor.";
const RECHECK_TITLE: &str = "Has a doctor checked this?";
const QUICK_INTRO: &str = "Any new symptoms? Since your last session, has any of these started?";
const CAUTIONS: [&str; 5] = [
    "Before using a ball or roller:",
    "  Do not roll over open or healing wounds, burns, skin infections, or a bone that may be broken.",
    "  Ask a clinician first if you have had a blood clot (DVT), take blood thinners or bruise easily, have severe osteoporosis, local inflammation, cancer, are pregnant, or have pain nobody has explained.",
    "  If the ball or roller causes tingling, numbness or a shooting pain down the leg, move off that spot at once: lighter, and to the side.",
    "  Use steady, moderate pressure and slow movement; it should feel like firm pressure or mild discomfort, never sharp pain.",
];
const PAIN_PROMPT: &str = "Pain now, 0 to 10 (";
const EASE_OFF_PROMPT: &str =
    "Type stop, skip or gentler. Anything else, or no answer, stops the session.";
const FLARE: [&str; 3] = [
    "Your pain is 2 or more points higher than when you started.",
    "Next time, try a gentler routine or shorter holds; unknot will ask tomorrow how it settled.",
    "See a doctor or physiotherapist if it stays worse for days, keeps spreading down the leg, or new numbness or weakness appears.",
];
const LAST_AFTERCARE: &str =
    "Some soreness after stretching is normal; pain that is sharp or spreads down the leg is not.";

// ---- Routines ------------------------------------------------------------------------------

/// One second, nothing to press on.
const ONE_SECOND: &str = r#"(title: "One second", level: Gentle, lead_in: 0, steps: [
    (title: "Stand", kind: Movement, seconds: 1),
])"#;

/// One second on a tennis ball.
const BALL: &str = r#"(title: "Ball", level: Gentle, lead_in: 0, steps: [
    (title: "Tennis ball under the glutes", kind: Massage, tool: Some(TennisBall), seconds: 1),
])"#;

/// One second on a foam roller.
const ROLLER: &str = r#"(title: "Roller", level: Gentle, lead_in: 0, steps: [
    (title: "Roller under the calves", kind: Massage, tool: Some(FoamRoller), seconds: 1),
])"#;

/// Massage without a ball or roller, and a stretch on a mat.
const NO_BALL: &str = r#"(title: "No ball", level: Gentle, lead_in: 0, steps: [
    (title: "Hands on the lower back", kind: Massage, seconds: 1),
    (title: "Knee to chest", kind: Stretch, tool: Some(Mat), seconds: 1),
])"#;

/// A step, a check-in, then two 3-second holds: what the pain rule acts on.
const EASE_OFF: &str = r#"(title: "Ease off", level: Gentle, lead_in: 0, steps: [
    (title: "Knee rolls", kind: Movement, seconds: 1),
    (title: "How is the pain now?", kind: CheckIn),
    (title: "Knee to chest", kind: Stretch, seconds: 3),
    (title: "Figure-4 stretch", kind: Stretch, seconds: 3),
])"#;

/// A step, a check-in, one more short step.
const CHECKED: &str = r#"(title: "Checked", level: Gentle, lead_in: 0, steps: [
    (title: "Knee rolls", kind: Movement, seconds: 1),
    (title: "How is the pain now?", kind: CheckIn),
    (title: "Stand", kind: Movement, seconds: 1),
])"#;

// ---- Helpers -------------------------------------------------------------------------------

/// The full screening: 5 emergency questions and 8 see-a-doctor questions.
const QUESTIONS: usize = 13;

/// Every red-flag question of the full screening answered no.
fn all_no() -> String {
    "n\n".repeat(QUESTIONS)
}

/// `n` answers, each "yes" where `yes` holds its number (from 1), "no" elsewhere.
fn answers(n: usize, yes: &[usize]) -> String {
    (1..=n)
        .map(|i| if yes.contains(&i) { "yes\n" } else { "no\n" })
        .collect()
}

/// `unknot --plain start FILE` in `sandbox`, with `routine` written to a file there.
fn start_cmd(sandbox: &Sandbox, routine: &str) -> Command {
    let file: PathBuf = sandbox.write("routine.ron", routine);
    let mut cmd = sandbox.cmd_with_flags();
    cmd.arg("--plain").arg("start").arg(file);
    cmd
}

/// Starts `routine` in `sandbox` with `input` then the end of input.
fn start(sandbox: &Sandbox, routine: &str, input: &str) -> Running {
    spawn_with_input(start_cmd(sandbox, routine), input)
}

/// Runs `routine` in `sandbox` to the end.
fn run_start(sandbox: &Sandbox, routine: &str, input: &str) -> Outcome {
    finish(start(sandbox, routine, input))
}

fn finish(running: Running) -> Outcome {
    let out = running.finish();
    out.assert_no_panic();
    out
}

/// Every line of the history, parsed.
fn history(sandbox: &Sandbox) -> Vec<Value> {
    sandbox
        .history_text_lines()
        .iter()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

fn of_type(lines: &[Value], kind: &str) -> Vec<Value> {
    lines
        .iter()
        .filter(|l| l["type"] == kind)
        .cloned()
        .collect()
}

/// The safety lines of one check: `screening`, `quick_check` or `massage_cautions`.
fn safety_of(lines: &[Value], check: &str) -> Vec<Value> {
    of_type(lines, "safety")
        .into_iter()
        .filter(|l| l["check"] == check)
        .collect()
}

fn count_lines(out: &Outcome, exact: &str) -> usize {
    out.stdout_lines().iter().filter(|l| **l == exact).count()
}

/// How many red-flag questions were put (each once, however often it was answered unclearly).
fn questions_asked(out: &Outcome) -> usize {
    out.stdout_lines()
        .iter()
        .filter(|l| l.ends_with(YES_NO))
        .count()
}

/// Fails unless the session did not start: exit 1, no step, nothing of a session recorded.
fn assert_not_started(sandbox: &Sandbox, out: &Outcome) {
    assert_eq!(out.code(), Some(1), "{}", out.describe());
    assert!(!out.stdout.contains("Step 1"), "{}", out.describe());
    assert!(!out.stdout.contains(PAIN_PROMPT), "{}", out.describe());
    assert!(!out.stdout.contains("Session "), "{}", out.describe());
    let lines = history(sandbox);
    assert!(
        lines.iter().all(|l| l["type"] == "safety"),
        "only safety lines: {lines:#?}"
    );
}

/// Fails unless the session ran to its end.
fn assert_completed(out: &Outcome, title: &str) {
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert_eq!(
        count_lines(out, &format!("Session complete: {title}")),
        1,
        "{}",
        out.describe()
    );
    assert!(
        out.stdout.ends_with(&format!("{LAST_AFTERCARE}\n")),
        "{}",
        out.describe()
    );
}

/// The one safety line of `check`, with its `result`, and the numbers answered yes.
fn assert_one_safety(
    lines: &[Value],
    check: &str,
    result: &str,
    emergency_yes: &[u64],
    doctor_yes: &[u64],
) {
    let found = safety_of(lines, check);
    assert_eq!(found.len(), 1, "one {check} line: {lines:#?}");
    let line = &found[0];
    assert_eq!(line["result"], result, "{line}");
    let numbers = |field: &str| -> Vec<u64> {
        match &line[field] {
            Value::Null => Vec::new(),
            Value::Array(items) => items.iter().filter_map(Value::as_u64).collect(),
            other => panic!("{field} is not a list: {other}"),
        }
    };
    assert_eq!(numbers("emergency_yes"), emergency_yes, "{line}");
    assert_eq!(numbers("doctor_yes"), doctor_yes, "{line}");
    assert_eq!(line["v"], 1, "{line}");
    assert!(line["id"].is_string() && line["at"].is_string(), "{line}");
}

/// A sandbox whose last full screening was `days_ago` days back, cautions already seen.
fn screened_days_ago(days_ago: i64) -> Sandbox {
    let sandbox = Sandbox::new();
    sandbox.append_history(&[
        safety_line(days_ago, "screening", "clear"),
        safety_line(days_ago, "massage_cautions", "shown"),
    ]);
    sandbox
}

/// The pain rule's run: screened, a pain score before, then the check-in's answers and more.
fn ease_off(routine: &str, before: &str, rest: &str) -> (Sandbox, Running) {
    let sandbox = Sandbox::screened();
    let running = start(&sandbox, routine, &format!("{NOTHING_NEW}{before}{rest}"));
    (sandbox, running)
}

/// The one `step_done` line of step `title`.
fn step_done(lines: &[Value], title: &str) -> Value {
    let found: Vec<Value> = of_type(lines, "step_done")
        .into_iter()
        .filter(|l| l["title"] == title)
        .collect();
    assert_eq!(found.len(), 1, "one step_done for {title}: {lines:#?}");
    found[0].clone()
}

fn seconds(line: &Value, field: &str) -> f64 {
    line[field]
        .as_f64()
        .unwrap_or_else(|| panic!("no {field}: {line}"))
}

// ---- The full screening, the first time ------------------------------------------------------

#[test]
fn a_fresh_profile_answers_every_question_no_then_sees_the_cautions_and_the_session_runs() {
    let sandbox = Sandbox::new();
    let out = run_start(&sandbox, BALL, &all_no());
    assert_completed(&out, "Ball");
    assert_eq!(questions_asked(&out), QUESTIONS, "{}", out.describe());
    let mut in_order = vec!["Ball: 1 step, about 1 second.", SCREEN_INTRO];
    let emergency: Vec<String> = EMERGENCY_QUESTIONS
        .iter()
        .map(|q| format!("{q}{YES_NO}"))
        .collect();
    in_order.extend(emergency.iter().map(String::as_str));
    let doctor = format!("{FIRST_DOCTOR_QUESTION}{YES_NO}");
    in_order.push(&doctor);
    in_order.extend(CAUTIONS);
    in_order.extend([
        "Pain now, 0 to 10 (0 no pain, 1-3 mild, 4-6 moderate, 7-10 severe, 10 worst pain imaginable). Type a number and press Enter, or press Enter alone to skip.",
        "Step 1 of 1: Tennis ball under the glutes, 1 second",
        "Go",
        "Done",
        "Session complete: Ball",
    ]);
    out.assert_lines_in_order(&in_order);
    for line in [DOCTOR_TITLE, UNCLEAR, NOT_ANSWERED] {
        assert_eq!(count_lines(&out, line), 0, "{line}\n{}", out.describe());
    }

    let lines = history(&sandbox);
    assert_one_safety(&lines, "screening", "clear", &[], &[]);
    assert_one_safety(&lines, "massage_cautions", "shown", &[], &[]);
    assert!(safety_of(&lines, "quick_check").is_empty(), "{lines:#?}");
    // The answers come before the session, which starts after them.
    assert_eq!(lines[0]["check"], "screening", "{lines:#?}");
    assert_eq!(lines[1]["check"], "massage_cautions", "{lines:#?}");
    assert_eq!(lines[2]["type"], "session_started", "{lines:#?}");
    assert_eq!(of_type(&lines, "session_ended").len(), 1, "{lines:#?}");
}

#[test]
fn a_yes_to_any_emergency_question_gives_the_advice_and_starts_nothing() {
    // One run per question, all at once.
    let runs: Vec<(usize, Sandbox, Running)> = (1..=5)
        .map(|n| {
            let sandbox = Sandbox::new();
            // Answers to spare: the doctor questions are never reached.
            let input = format!("{}{}", answers(5, &[n]), all_no());
            let running = start(&sandbox, ONE_SECOND, &input);
            (n, sandbox, running)
        })
        .collect();
    for (n, sandbox, running) in runs {
        let out = finish(running);
        assert_not_started(&sandbox, &out);
        assert_eq!(questions_asked(&out), 5, "question {n}\n{}", out.describe());
        assert!(
            !out.stdout.contains(FIRST_DOCTOR_QUESTION),
            "question {n}\n{}",
            out.describe()
        );
        // The advice is the last thing said.
        let advice: String = EMERGENCY_ADVICE.iter().flat_map(|l| [*l, "\n"]).collect();
        assert!(
            out.stdout.ends_with(&advice),
            "question {n}\n{}",
            out.describe()
        );
        assert_eq!(count_lines(&out, NOT_ANSWERED), 0, "{}", out.describe());
        let lines = history(&sandbox);
        assert_eq!(lines.len(), 1, "question {n}: {lines:#?}");
        assert_one_safety(&lines, "screening", "emergency", &[n as u64], &[]);
    }
}

#[test]
fn several_emergency_yes_answers_are_all_recorded() {
    let sandbox = Sandbox::new();
    let out = run_start(&sandbox, ONE_SECOND, &answers(5, &[1, 3, 5]));
    assert_not_started(&sandbox, &out);
    out.assert_lines_in_order(&EMERGENCY_ADVICE);
    assert_one_safety(
        &history(&sandbox),
        "screening",
        "emergency",
        &[1, 3, 5],
        &[],
    );
}

#[test]
fn a_doctor_first_yes_carries_on_only_when_a_doctor_has_checked_it() {
    let cases = [
        ("carry on\n", true),
        ("continue\n", true),
        ("C\n", true),
        ("\n", false),
        ("later\n", false),
        ("stop\n", false),
    ];
    let runs: Vec<_> = cases
        .iter()
        .map(|(reply, carries_on)| {
            let sandbox = Sandbox::new();
            let input = format!("{}{}{reply}", answers(5, &[]), answers(8, &[2, 6]));
            let running = start(&sandbox, ONE_SECOND, &input);
            (reply, carries_on, sandbox, running)
        })
        .collect();
    for (reply, carries_on, sandbox, running) in runs {
        let out = finish(running);
        assert_eq!(
            questions_asked(&out),
            QUESTIONS,
            "{reply:?}\n{}",
            out.describe()
        );
        out.assert_lines_in_order(&[DOCTOR_TITLE, DOCTOR_PROMPT]);
        assert!(
            !out.stdout.contains(EMERGENCY_ADVICE[0]),
            "{}",
            out.describe()
        );
        let lines = history(&sandbox);
        if *carries_on {
            assert_completed(&out, "One second");
            assert_eq!(
                count_lines(&out, STOPPED_FOR_DOCTOR),
                0,
                "{}",
                out.describe()
            );
            assert_one_safety(&lines, "screening", "see_doctor_continued", &[], &[2, 6]);
            assert_eq!(of_type(&lines, "session_started").len(), 1, "{lines:#?}");
        } else {
            assert_not_started(&sandbox, &out);
            assert!(
                out.stdout
                    .ends_with(&format!("{DOCTOR_PROMPT}\n{STOPPED_FOR_DOCTOR}\n")),
                "{reply:?}\n{}",
                out.describe()
            );
            assert_one_safety(&lines, "screening", "see_doctor_stopped", &[], &[2, 6]);
        }
    }
}

#[test]
fn an_unclear_answer_is_asked_for_again_and_never_taken_as_no() {
    let sandbox = Sandbox::new();
    // "maybe" and an empty line are neither yes nor no: the yes after them answers question 1.
    let input = format!("maybe\n\n Yes \n{}", answers(4, &[]));
    let out = run_start(&sandbox, ONE_SECOND, &input);
    assert_not_started(&sandbox, &out);
    assert_eq!(count_lines(&out, UNCLEAR), 2, "{}", out.describe());
    out.assert_lines_in_order(&[
        &format!("{}{YES_NO}", EMERGENCY_QUESTIONS[0]),
        UNCLEAR,
        UNCLEAR,
        &format!("{}{YES_NO}", EMERGENCY_QUESTIONS[1]),
        EMERGENCY_ADVICE[0],
    ]);
    assert_eq!(questions_asked(&out), 5, "{}", out.describe());
    assert_one_safety(&history(&sandbox), "screening", "emergency", &[1], &[]);
}

#[test]
fn input_that_ends_in_the_middle_of_the_questions_starts_nothing() {
    // Ends among the emergency questions, then among the doctor questions: (answered, asked).
    // Both run at once.
    let runs = [(2, 3), (7, 8)].map(|(answered, asked)| {
        let sandbox = Sandbox::new();
        let running = start(&sandbox, ONE_SECOND, &answers(answered, &[]));
        (sandbox, running, asked)
    });
    for (sandbox, running, asked) in runs {
        let out = finish(running);
        assert_not_started(&sandbox, &out);
        assert_eq!(questions_asked(&out), asked, "{}", out.describe());
        assert!(
            out.stdout.ends_with(&format!("{NOT_ANSWERED}\n")),
            "{}",
            out.describe()
        );
        assert_one_safety(&history(&sandbox), "screening", "not_answered", &[], &[]);
    }
}

#[test]
fn input_that_ends_at_the_doctor_advice_says_stopped_for_a_doctor() {
    let sandbox = Sandbox::new();
    let input = format!("{}{}", answers(5, &[]), answers(8, &[4]));
    let out = run_start(&sandbox, ONE_SECOND, &input);
    assert_not_started(&sandbox, &out);
    out.assert_lines_in_order(&[DOCTOR_TITLE, DOCTOR_PROMPT]);
    assert_one_safety(
        &history(&sandbox),
        "screening",
        "see_doctor_stopped",
        &[],
        &[4],
    );
    assert!(
        out.stdout
            .ends_with(&format!("{DOCTOR_PROMPT}\n{STOPPED_FOR_DOCTOR}\n")),
        "{}",
        out.describe()
    );
    assert_eq!(count_lines(&out, NOT_ANSWERED), 0, "{}", out.describe());
}

#[test]
fn closed_input_answers_nothing_and_starts_nothing() {
    let sandbox = Sandbox::new();
    let out = run_start(&sandbox, ONE_SECOND, "");
    assert_not_started(&sandbox, &out);
    out.assert_lines_in_order(&[
        SCREEN_INTRO,
        &format!("{}{YES_NO}", EMERGENCY_QUESTIONS[0]),
        NOT_ANSWERED,
    ]);
    assert_one_safety(&history(&sandbox), "screening", "not_answered", &[], &[]);
}

// ---- The quick check, within 30 days -----------------------------------------------------------

#[test]
fn within_30_days_only_the_quick_check_is_asked() {
    let nothing_new = screened_days_ago(10);
    let yes_then_no = screened_days_ago(10);
    let runs = [
        start(&nothing_new, ONE_SECOND, NOTHING_NEW),
        start(
            &yes_then_no,
            ONE_SECOND,
            &format!("yes\n{}", answers(5, &[])),
        ),
    ];
    let [r1, r2] = runs;

    // An empty line: nothing new.
    let out = finish(r1);
    assert_completed(&out, "One second");
    assert_eq!(questions_asked(&out), 0, "{}", out.describe());
    assert!(!out.stdout.contains(SCREEN_INTRO), "{}", out.describe());
    let mut quick = vec![QUICK_INTRO];
    let listed: Vec<String> = EMERGENCY_QUESTIONS
        .iter()
        .map(|q| format!("  - {q}"))
        .collect();
    quick.extend(listed.iter().map(String::as_str));
    quick.extend([QUICK_PROMPT, "Step 1 of 1: Stand, 1 second"]);
    out.assert_lines_in_order(&quick);
    let lines = history(&nothing_new);
    assert_one_safety(&lines, "quick_check", "clear", &[], &[]);
    assert_eq!(
        safety_of(&lines, "screening").len(),
        1,
        "only the seeded one"
    );
    assert_eq!(of_type(&lines, "session_started").len(), 1, "{lines:#?}");

    // "yes": the five emergency questions one by one, all no: the session starts.
    let out = finish(r2);
    assert_completed(&out, "One second");
    assert_eq!(questions_asked(&out), 5, "{}", out.describe());
    assert!(
        !out.stdout.contains(FIRST_DOCTOR_QUESTION),
        "{}",
        out.describe()
    );
    out.assert_lines_in_order(&[
        QUICK_PROMPT,
        &format!("{}{YES_NO}", EMERGENCY_QUESTIONS[4]),
        "Step 1 of 1: Stand, 1 second",
    ]);
    let lines = history(&yes_then_no);
    assert_one_safety(&lines, "quick_check", "clear", &[], &[]);
    assert_eq!(of_type(&lines, "session_started").len(), 1, "{lines:#?}");
}

#[test]
fn the_quick_check_stops_for_an_emergency_and_for_no_answer() {
    let emergency = screened_days_ago(10);
    let no_answer = screened_days_ago(10);
    let unclear = screened_days_ago(10);
    let runs = [
        start(
            &emergency,
            ONE_SECOND,
            &format!("yes\n{}", answers(5, &[4])),
        ),
        start(&no_answer, ONE_SECOND, ""),
        // "maybe" is not "nothing new": asked again, then the input ends.
        start(&unclear, ONE_SECOND, "maybe\n"),
    ];
    let [r1, r2, r3] = runs;

    let out = finish(r1);
    assert_not_started(&emergency, &out);
    out.assert_lines_in_order(&EMERGENCY_ADVICE);
    assert_one_safety(&history(&emergency), "quick_check", "emergency", &[4], &[]);

    for (sandbox, running, unclear_lines) in [(&no_answer, r2, 0), (&unclear, r3, 1)] {
        let out = finish(running);
        assert_not_started(sandbox, &out);
        assert_eq!(
            count_lines(&out, UNCLEAR),
            unclear_lines,
            "{}",
            out.describe()
        );
        assert!(
            out.stdout.ends_with(&format!("{NOT_ANSWERED}\n")),
            "{}",
            out.describe()
        );
        assert_one_safety(&history(sandbox), "quick_check", "not_answered", &[], &[]);
    }
}

#[test]
fn the_full_questions_come_back_after_30_days_or_without_a_clear_screening() {
    let doctor_checked = Sandbox::new();
    doctor_checked.append_history(&[safety_line(10, "screening", "see_doctor_continued")]);
    let full: Vec<(&str, Sandbox)> = [
        ("31 days ago", vec![safety_line(31, "screening", "clear")]),
        ("emergency", vec![safety_line(0, "screening", "emergency")]),
        (
            "not answered",
            vec![safety_line(0, "screening", "not_answered")],
        ),
        (
            "only quick checks",
            vec![
                safety_line(40, "screening", "clear"),
                safety_line(1, "quick_check", "clear"),
            ],
        ),
    ]
    .into_iter()
    .map(|(what, lines)| {
        let sandbox = Sandbox::new();
        sandbox.append_history(&lines);
        (what, sandbox)
    })
    .collect();
    // Each is asked its first question, then the input ends.
    let quick = start(&doctor_checked, ONE_SECOND, "");
    let runs: Vec<_> = full
        .iter()
        .map(|(what, sandbox)| (what, sandbox, start(sandbox, ONE_SECOND, "")))
        .collect();

    let out = finish(quick);
    assert!(out.stdout.contains(QUICK_PROMPT), "{}", out.describe());
    assert!(!out.stdout.contains(SCREEN_INTRO), "{}", out.describe());

    // Stopped for a doctor within the 30 days: not every question again, only whether a doctor
    // has checked it since.
    let stopped = Sandbox::new();
    stopped.append_history(&[safety_line(0, "screening", "see_doctor_stopped")]);
    let out = run_start(&stopped, ONE_SECOND, "");
    assert_not_started(&stopped, &out);
    assert!(out.stdout.contains(RECHECK_TITLE), "{}", out.describe());
    assert!(!out.stdout.contains(SCREEN_INTRO), "{}", out.describe());

    for (what, sandbox, running) in runs {
        let out = finish(running);
        assert_not_started(sandbox, &out);
        assert!(
            out.stdout.contains(SCREEN_INTRO),
            "{what}\n{}",
            out.describe()
        );
        assert!(
            !out.stdout.contains(QUICK_PROMPT),
            "{what}\n{}",
            out.describe()
        );
        let lines = history(sandbox);
        let screenings = safety_of(&lines, "screening");
        assert_eq!(
            screenings.last().expect("a screening")["result"],
            "not_answered",
            "{what}: {lines:#?}"
        );
    }
}

// ---- The self-massage cautions, once ---------------------------------------------------------

#[test]
fn the_cautions_come_once_before_the_first_routine_with_a_ball_or_roller() {
    let screened_only = || {
        let sandbox = Sandbox::new();
        sandbox.append_history(&[safety_line(0, "screening", "clear")]);
        sandbox
    };
    let (ball, roller, no_ball) = (screened_only(), screened_only(), screened_only());
    let runs = [
        start(&ball, BALL, NOTHING_NEW),
        start(&roller, ROLLER, NOTHING_NEW),
        start(&no_ball, NO_BALL, NOTHING_NEW),
    ];
    let [r1, r2, r3] = runs;

    for (sandbox, running, title) in [(&ball, r1, "Ball"), (&roller, r2, "Roller")] {
        let out = finish(running);
        assert_completed(&out, title);
        let lines = out.stdout_lines();
        // The cautions come after the quick check and before anything of the session.
        let at = |want: &str| {
            lines
                .iter()
                .position(|l| l.starts_with(want))
                .unwrap_or_else(|| panic!("no {want:?}\n{}", out.describe()))
        };
        assert!(at(QUICK_PROMPT) < at(CAUTIONS[0]), "{}", out.describe());
        assert!(at(CAUTIONS[0]) < at(PAIN_PROMPT), "{}", out.describe());
        out.assert_lines_in_order(&CAUTIONS);
        assert_one_safety(&history(sandbox), "massage_cautions", "shown", &[], &[]);
    }

    let out = finish(r3);
    assert_completed(&out, "No ball");
    assert!(!out.stdout.contains(CAUTIONS[0]), "{}", out.describe());
    assert!(
        safety_of(&history(&no_ball), "massage_cautions").is_empty(),
        "never for a routine without a ball or roller"
    );

    // The second time with a ball, and a roller after a ball: not again.
    let runs = [
        start(&ball, BALL, NOTHING_NEW),
        start(&no_ball, NO_BALL, NOTHING_NEW),
    ];
    let [r1, r2] = runs;
    let out = finish(r1);
    assert_completed(&out, "Ball");
    assert!(!out.stdout.contains(CAUTIONS[0]), "{}", out.describe());
    let lines = history(&ball);
    assert_eq!(safety_of(&lines, "massage_cautions").len(), 1, "{lines:#?}");
    assert_eq!(of_type(&lines, "session_started").len(), 2, "{lines:#?}");
    let out = finish(r2);
    assert_completed(&out, "No ball");
    assert!(!out.stdout.contains(CAUTIONS[0]), "{}", out.describe());

    let out = run_start(&ball, ROLLER, NOTHING_NEW);
    assert_completed(&out, "Roller");
    assert!(!out.stdout.contains(CAUTIONS[0]), "{}", out.describe());
}

#[test]
fn the_cautions_are_not_shown_when_the_safety_questions_stop_the_session() {
    let sandbox = Sandbox::new();
    let out = run_start(&sandbox, BALL, &answers(5, &[2]));
    assert_not_started(&sandbox, &out);
    assert!(!out.stdout.contains(CAUTIONS[0]), "{}", out.describe());
    assert!(safety_of(&history(&sandbox), "massage_cautions").is_empty());
}

// ---- The pain-monitoring rule ----------------------------------------------------------------

/// Before: pain 3, skipping where, side and numbness.
const BEFORE_3: &str = "3\n\n\n\n";

#[test]
fn a_rise_of_two_or_more_asks_to_ease_off_and_stop_ends_the_session() {
    // The check-in: pain 6, where skipped; then "stop"; then the questions after skipped.
    let (sandbox, running) = ease_off(EASE_OFF, BEFORE_3, "6\n\nstop\n\n\n\n");
    let out = finish(running);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    out.assert_lines_in_order(&[
        "Step 2 of 4: How is the pain now?",
        "Pain: 6 (moderate)",
        "Time to ease off. Your pain is 6 now, 3 points above the 3 you started with.",
        EASE_OFF_PROMPT,
        "Stopped",
        "Session stopped: Ease off",
        // Stopped before the hold had run at all: nothing of it is counted.
        "Steps: 1 of 3 done",
        "Pain before: 3 (mild)",
        "  after Knee rolls: 6 (moderate)",
        "Eased off when pain rose 2 points or more: stopped",
        LAST_AFTERCARE,
    ]);
    assert!(!out.stdout.contains("Figure-4"), "{}", out.describe());
    let lines = history(&sandbox);
    let rules = of_type(&lines, "pain_rule");
    assert_eq!(rules.len(), 1, "{lines:#?}");
    let session = &of_type(&lines, "session_started")[0]["session"];
    assert_eq!(rules[0]["session"], *session, "{lines:#?}");
    assert_eq!(rules[0]["trigger"], "rise", "{lines:#?}");
    assert_eq!(rules[0]["choice"], "stop", "{lines:#?}");
    let ended = of_type(&lines, "session_ended");
    assert_eq!(ended.len(), 1, "{lines:#?}");
    assert_eq!(ended[0]["outcome"], "quit", "{lines:#?}");
}

#[test]
fn skip_leaves_out_the_next_step_and_the_session_goes_on() {
    let (sandbox, running) = ease_off(EASE_OFF, BEFORE_3, "6\n\nskip\n\n\n\n");
    let out = finish(running);
    assert_completed(&out, "Ease off");
    out.assert_lines_in_order(&[
        "Time to ease off. Your pain is 6 now, 3 points above the 3 you started with.",
        EASE_OFF_PROMPT,
        "Skipped",
        "Step 4 of 4: Figure-4 stretch, 3 seconds",
        "Go",
        "Done",
        "Session complete: Ease off",
        "Steps: 2 of 3 done, 1 cut short or skipped",
        "Eased off when pain rose 2 points or more: skipped",
    ]);
    let lines = history(&sandbox);
    let rules = of_type(&lines, "pain_rule");
    assert_eq!(rules.len(), 1, "{lines:#?}");
    assert_eq!(rules[0]["trigger"], "rise");
    assert_eq!(rules[0]["choice"], "skip");
    let skipped = step_done(&lines, "Knee to chest");
    assert_eq!(skipped["skipped"], true, "{skipped}");
    assert!(seconds(&skipped, "actual_s") < 0.5, "{skipped}");
    // The step after it keeps its full time.
    let next = step_done(&lines, "Figure-4 stretch");
    assert_eq!(next["skipped"], false, "{next}");
    assert!(seconds(&next, "actual_s") >= 2.9, "{next}");
}

#[test]
#[expect(
    clippy::float_cmp,
    reason = "a planned length is whole seconds, written and read back exactly"
)]
fn gentler_makes_every_hold_from_then_on_a_third_shorter() {
    let (sandbox, running) = ease_off(EASE_OFF, BEFORE_3, "6\n\ngentler\n\n\n\n");
    let out = finish(running);
    assert_completed(&out, "Ease off");
    out.assert_lines_in_order(&[
        EASE_OFF_PROMPT,
        "Carrying on gentler: holds a third shorter, lighter pressure, a smaller range",
        "Done",
        "Step 4 of 4: Figure-4 stretch, 3 seconds",
        "Done",
        "Session complete: Ease off",
        "Time: 5 seconds of 7 seconds planned",
        "Steps: 3 of 3 done",
        "Eased off when pain rose 2 points or more: carrying on gentler: holds a third shorter, lighter pressure, a smaller range",
    ]);
    let lines = history(&sandbox);
    let rules = of_type(&lines, "pain_rule");
    assert_eq!(rules.len(), 1, "{lines:#?}");
    assert_eq!(rules[0]["choice"], "gentler");
    // Each 3-second hold took 2 seconds: a third shorter, in whole seconds.
    for title in ["Knee to chest", "Figure-4 stretch"] {
        let step = step_done(&lines, title);
        assert_eq!(step["skipped"], false, "{step}");
        assert_eq!(seconds(&step, "planned_s"), 3.0, "{step}");
        let actual = seconds(&step, "actual_s");
        assert!(
            (1.9..2.6).contains(&actual),
            "{title} took {actual} s: {step}"
        );
    }
}

#[test]
fn no_answer_to_ease_off_stops_the_session() {
    // The input ends right after the check-in.
    let (sandbox, running) = ease_off(EASE_OFF, BEFORE_3, "6\n\n");
    let out = finish(running);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    out.assert_lines_in_order(&[
        EASE_OFF_PROMPT,
        "Stopped",
        "Session stopped: Ease off",
        "Eased off when pain rose 2 points or more: stopped",
    ]);
    let lines = history(&sandbox);
    let rules = of_type(&lines, "pain_rule");
    assert_eq!(rules.len(), 1, "{lines:#?}");
    assert_eq!(rules[0]["choice"], "stop");
    assert_eq!(of_type(&lines, "session_ended")[0]["outcome"], "quit");
}

#[test]
fn high_pain_and_pain_spreading_down_the_leg_also_ask_to_ease_off() {
    let runs = [
        // Above 5, though only 1 above the start.
        ("high", ease_off(CHECKED, "5\n\n\n\n", "6\n\nstop\n")),
        // Low pain, but from the buttock down to the calf.
        (
            "spread",
            ease_off(CHECKED, "2\nbuttock\n\n\n", "2\ncalf\nstop\n"),
        ),
        // Any other answer stops too.
        (
            "anything",
            ease_off(CHECKED, "3\n\n\n\n", "5\n\nease off\n"),
        ),
        // A rise of 1 that moves up the leg: nothing to ease off from.
        (
            "none",
            ease_off(CHECKED, "3\nthigh\n\n\n", "4\nback\n\n\n\n"),
        ),
        // Above 5, but lower than at the start: pain the person already had, not caused here.
        ("none", ease_off(CHECKED, "7\n\n\n\n", "6\n\n\n\n\n")),
        // Above 5 and no higher than at the start.
        ("none", ease_off(CHECKED, "7\n\n\n\n", "7\n\n\n\n\n")),
    ];
    for (what, (sandbox, running)) in runs {
        let out = finish(running);
        let lines = history(&sandbox);
        let rules = of_type(&lines, "pain_rule");
        let reason = match what {
            "high" => {
                "Time to ease off. Your pain is 6 now: above 5 is more than exercise should cause."
            }
            "spread" => {
                "Time to ease off. The pain has spread further down your leg: that part is irritating the nerve."
            }
            "anything" => {
                "Time to ease off. Your pain is 5 now, 2 points above the 3 you started with."
            }
            _ => {
                assert_completed(&out, "Checked");
                assert!(!out.stdout.contains("ease off"), "{}", out.describe());
                assert!(rules.is_empty(), "{lines:#?}");
                continue;
            }
        };
        assert_eq!(out.code(), Some(0), "{what}\n{}", out.describe());
        out.assert_lines_in_order(&[
            reason,
            EASE_OFF_PROMPT,
            "Stopped",
            "Session stopped: Checked",
        ]);
        assert_eq!(rules.len(), 1, "{what}: {lines:#?}");
        let trigger = if what == "anything" { "rise" } else { what };
        assert_eq!(rules[0]["trigger"], trigger, "{what}: {lines:#?}");
        assert_eq!(rules[0]["choice"], "stop", "{what}: {lines:#?}");
    }
}

// ---- After the session -----------------------------------------------------------------------

#[test]
fn a_session_that_raised_the_pain_by_two_ends_with_the_flare_advice() {
    let runs = [
        (true, ease_off(ONE_SECOND, BEFORE_3, "5\n\n\n")),
        (false, ease_off(ONE_SECOND, BEFORE_3, "4\n\n\n")),
    ];
    for (flared, (_sandbox, running)) in runs {
        let out = finish(running);
        assert_completed(&out, "One second");
        if flared {
            out.assert_lines_in_order(&[
                "Pain: 3 → 5: 2 points higher (67%)",
                "Under 3 minutes were done, too little for unknot to judge this change.",
                "",
                FLARE[0],
                FLARE[1],
                FLARE[2],
                "",
                "Keep moving gently today; avoid sitting or lying still for long stretches.",
            ]);
        } else {
            for line in FLARE {
                assert_eq!(count_lines(&out, line), 0, "{}", out.describe());
            }
        }
    }
}

// ---- The safety and about commands -----------------------------------------------------------

#[test]
fn safety_prints_the_warning_signs_the_doctor_first_signs_and_the_cautions() {
    let sandbox = Sandbox::new();
    // Needs no settings: works with a broken config too.
    std::fs::write(sandbox.config(), "(nonsense").expect("write config");
    let mut cmd = sandbox.cmd();
    cmd.arg("safety");
    let out = run(cmd);
    out.assert_no_panic();
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert_eq!(out.stderr, "", "{}", out.describe());
    assert!(out.stdout.starts_with("Safety\n"), "{}", out.describe());
    let mut in_order = vec!["Get urgent medical help (A&E or your emergency number) if:"];
    let emergency: Vec<String> = EMERGENCY_QUESTIONS
        .iter()
        .map(|q| format!("  - {q}"))
        .collect();
    in_order.extend(emergency.iter().map(String::as_str));
    let doctor = format!("  - {FIRST_DOCTOR_QUESTION}");
    in_order.extend([
        "See a doctor before ball, roller or floor exercises (walking is still good for you) if:",
        &doctor,
        "Book a GP appointment, and keep to gentle routines meanwhile, if:",
        "  - Is this new back pain, and are you under 20 or over 50?",
    ]);
    in_order.push(CAUTIONS[0]);
    let cautions: Vec<String> = CAUTIONS[1..]
        .iter()
        .map(|c| format!("  - {}", c.trim_start()))
        .collect();
    in_order.extend(cautions.iter().map(String::as_str));
    out.assert_lines_in_order(&in_order);
    for phrase in ["toilet paper", "A&E", "blood thinners", "press x", "!"] {
        assert!(out.stdout.contains(phrase), "{phrase}\n{}", out.describe());
    }
    assert!(!sandbox.data_dir().exists(), "nothing written");
}

#[test]
fn about_prints_the_evidence_with_its_sources() {
    let sandbox = Sandbox::new();
    let mut cmd = sandbox.cmd_with_flags();
    cmd.arg("about");
    let out = run(cmd);
    out.assert_no_panic();
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert_eq!(out.stderr, "", "{}", out.describe());
    assert!(
        out.stdout.starts_with("About unknot and the evidence\n"),
        "{}",
        out.describe()
    );
    for phrase in [
        "not treatment",
        "Cochrane",
        "NICE",
        "NHS",
        "Farrar 2001",
        "Silbernagel 2007",
        "`unknot safety`",
    ] {
        assert!(out.stdout.contains(phrase), "{phrase}\n{}", out.describe());
    }
    assert!(!sandbox.data_dir().exists(), "nothing written");
}

#[test]
fn help_lists_the_safety_and_about_commands() {
    let sandbox = Sandbox::new();
    let mut cmd = sandbox.cmd();
    cmd.arg("--help");
    let out = run(cmd);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    let listed = |name: &str| {
        out.stdout_lines()
            .iter()
            .any(|l| l.trim_start().starts_with(&format!("{name} ")))
    };
    assert!(listed("safety"), "{}", out.describe());
    assert!(listed("about"), "{}", out.describe());
}

// ---- Three tiers, remembered: one yes does not block every start ---------------------------

const GP_TITLE: &str = "Book an appointment with your GP.";
const GENTLE_STARTS: &str = "A gentle routine is fine: this one can start.";
const STOPPED_FOR_GENTLE: &str = "Not started: keep to gentle routines until you have seen your GP. `unknot safety` lists what you answered, to show the GP.";

/// Only "new back pain, and under 20 or over 50" (question 5 of the see-a-doctor ones).
fn new_back_pain_at_55() -> String {
    format!("{}{}", answers(5, &[]), answers(8, &[5]))
}

#[test]
fn new_back_pain_at_that_age_advises_a_gp_and_a_gentle_routine_still_starts() {
    let sandbox = Sandbox::new();
    let out = run_start(
        &sandbox,
        ONE_SECOND,
        &format!("{}\n", new_back_pain_at_55()),
    );
    assert_completed(&out, "One second");
    out.assert_lines_in_order(&[GP_TITLE, GENTLE_STARTS, "Step 1 of 1: Stand, 1 second"]);
    assert_one_safety(&history(&sandbox), "screening", "see_gp", &[], &[5]);

    // The next start remembers it: the quick check, not every question again.
    let again = run_start(&sandbox, ONE_SECOND, NOTHING_NEW);
    assert_completed(&again, "One second");
    assert!(again.stdout.contains(QUICK_PROMPT), "{}", again.describe());
    assert!(!again.stdout.contains(SCREEN_INTRO), "{}", again.describe());
    assert!(!again.stdout.contains(GP_TITLE), "{}", again.describe());
}

#[test]
fn with_a_gp_advised_a_routine_more_than_gentle_does_not_start_and_says_why() {
    const STANDARD: &str = r#"(title: "Standard one", level: Standard, lead_in: 0, steps: [
        (title: "Stand", kind: Movement, seconds: 1),
    ])"#;
    let sandbox = Sandbox::new();
    let out = run_start(&sandbox, STANDARD, &format!("{}\n", new_back_pain_at_55()));
    assert_not_started(&sandbox, &out);
    assert!(
        out.stdout.ends_with(&format!("{STOPPED_FOR_GENTLE}\n")),
        "{}",
        out.describe()
    );
}

#[test]
fn a_serious_sign_is_asked_about_again_not_every_question() {
    let sandbox = Sandbox::new();
    // Weakness getting worse in one leg (question 7), and stop for now.
    let first = run_start(
        &sandbox,
        ONE_SECOND,
        &format!("{}{}\n", answers(5, &[]), answers(8, &[7])),
    );
    assert_not_started(&sandbox, &first);
    assert!(first.stdout.contains(DOCTOR_TITLE), "{}", first.describe());
    assert!(
        first.stdout.ends_with(&format!("{STOPPED_FOR_DOCTOR}\n")),
        "{}",
        first.describe()
    );

    // Next start: has a doctor checked it? No: the advice again, and nothing starts.
    let second = run_start(&sandbox, ONE_SECOND, "no\n\n");
    assert_not_started(&sandbox, &second);
    assert_eq!(
        questions_asked(&second),
        1,
        "only the recheck\n{}",
        second.describe()
    );
    assert!(
        second.stdout_lines()[1].starts_with(RECHECK_TITLE),
        "{}",
        second.describe()
    );
    second.assert_lines_in_order(&[DOCTOR_TITLE, STOPPED_FOR_DOCTOR]);

    // Then: yes, a doctor has checked it; nothing new since: the session runs.
    let third = run_start(&sandbox, ONE_SECOND, &format!("yes\n{NOTHING_NEW}"));
    assert_completed(&third, "One second");
    let lines = history(&sandbox);
    let rechecks = lines.iter().filter(|l| l["check"] == "recheck").count();
    assert_eq!(rechecks, 2, "{lines:#?}");
    assert!(
        lines.iter().any(|l| l["result"] == "doctor_checked"),
        "{lines:#?}"
    );

    // `unknot safety` lists what was answered, and when, to show the doctor.
    let mut cmd = sandbox.cmd();
    cmd.arg("safety");
    let page = run(cmd);
    assert_eq!(page.code(), Some(0), "{}", page.describe());
    page.assert_lines_in_order(&["What you have told unknot, to show a doctor:"]);
    assert!(
        page.stdout
            .contains("all the questions: yes to \"Is one leg getting weaker"),
        "{}",
        page.describe()
    );
    assert!(
        page.stdout
            .contains("asked again: a doctor has checked it since"),
        "{}",
        page.describe()
    );
}

#[test]
fn a_wrong_answer_can_be_answered_again_by_typing_back() {
    let sandbox = Sandbox::new();
    // Yes to the first see-a-doctor question by mistake: back, then no.
    let input = format!("{}yes\nback\nno\n{}", answers(5, &[]), answers(7, &[]));
    let out = run_start(&sandbox, ONE_SECOND, &input);
    assert_completed(&out, "One second");
    assert_one_safety(&history(&sandbox), "screening", "clear", &[], &[]);
}
