//! A visit followed by ear: what the voice says, in order and in turn, from the quick safety
//! check through a step that waits, the check-in, the questions after and the summary, and that
//! the last words are heard out before unknot exits, in both front ends. A stand-in speech
//! program (a shell script) logs when each utterance starts and ends; no speech program or
//! sound device is needed.
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

use std::path::PathBuf;

use common::tui::Tui;
use common::{Sandbox, spawn};

/// One step on each side with a rest between reps, a step that waits for the person, a
/// check-in, and a last short step.
const BY_EAR: &str = r#"(title: "By ear", level: Gentle, lead_in: 1, steps: [
    (title: "Knee to chest", kind: Stretch, sides: Each, seconds: 1, reps: 2, rest: 1,
     instructions: ["Lie on your back, knees bent.", "Draw one knee up."]),
    (title: "Ball under the glutes", kind: Massage, seconds: 1, wait_for_key: true,
     instructions: ["Sit on the floor, ball under one buttock."]),
    (title: "How is the pain now?", kind: CheckIn),
    (title: "Rest and breathe", kind: Rest, seconds: 1),
])"#;

/// A stand-in speech program named `espeak-ng` (so unknot asks it for a voice and a pace the
/// espeak way), taking `seconds` to speak: logs `start ARGS` and `end ARGS`, one line each.
fn fake_espeak(sandbox: &Sandbox, seconds: &str) -> (PathBuf, PathBuf) {
    let log = sandbox.path().join("spoken.txt");
    let dir = sandbox.path().join("bin");
    std::fs::create_dir_all(&dir).expect("make bin");
    let script = dir.join("espeak-ng");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nprintf 'start %s\\n' \"$*\" >> '{log}'\nsleep {seconds}\nprintf 'end %s\\n' \"$*\" >> '{log}'\n",
            log = log.display()
        ),
    )
    .expect("write the speaker");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755))
            .expect("make the speaker runnable");
    }
    std::fs::write(
        sandbox.config(),
        format!(
            "(voice_command: Some({:?}), voice_name: Some(\"en-gb\"), voice_rate: Some(150))",
            script.display().to_string()
        ),
    )
    .expect("write config");
    (script, log)
}

/// The log's lines, each without its options.
fn spoken(log: &PathBuf) -> Vec<String> {
    std::fs::read_to_string(log)
        .unwrap_or_default()
        .lines()
        .map(|l| l.replace("-v en-gb -s 150 ", ""))
        .collect()
}

/// Waits until the log has a line starting with `text`.
fn wait_for_line(log: &PathBuf, text: &str) {
    let deadline = std::time::Instant::now() + common::timeout();
    while !spoken(log).iter().any(|l| l.starts_with(text)) {
        assert!(
            std::time::Instant::now() < deadline,
            "{text:?} not in {:#?}",
            spoken(log)
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// The words each utterance started with, in order.
fn started(log: &PathBuf) -> Vec<String> {
    spoken(log)
        .iter()
        .filter_map(|l| l.strip_prefix("start ").map(String::from))
        .collect()
}

/// Every one of `milestones` started, in this order, each the start of an utterance; and no
/// utterance started twice in a row, said over itself.
fn assert_said_in_order(log: &PathBuf, milestones: &[&str]) {
    let started = started(log);
    let mut rest = started.iter();
    for milestone in milestones {
        assert!(
            rest.any(|s| s.starts_with(milestone)),
            "{milestone:?} not in order in {started:#?}"
        );
    }
    for pair in started.windows(2) {
        assert_ne!(pair[0], pair[1], "said twice over: {started:#?}");
    }
    assert_in_turn(&spoken(log));
}

/// Every announcement ends before the next starts, or was cut short (it never ends) because a
/// newer one made it stale.
fn assert_in_turn(lines: &[String]) {
    let mut open: Option<&str> = None;
    for (i, line) in lines.iter().enumerate() {
        if let Some(words) = line.strip_prefix("start ") {
            if let Some(before) = open {
                let ended = lines[i..]
                    .iter()
                    .any(|l| l.strip_prefix("end ") == Some(before));
                assert!(!ended, "{words:?} started over {before:?}: {lines:#?}");
            }
            open = Some(words);
        } else if line.starts_with("end ") {
            open = None;
        }
    }
}

#[test]
fn a_whole_plain_visit_is_said_in_order_in_turn_and_heard_out_before_exit() {
    let sandbox = Sandbox::screened();
    let (_, log) = fake_espeak(&sandbox, "0.3");
    let routine = sandbox.write("by-ear.ron", BY_EAR);
    let mut running = spawn(sandbox.plain_start(&routine, &["--voice"]));
    wait_for_line(&log, "start By ear: 4 steps");
    running.pass_quick_check();
    // Each answer typed once its question has been heard, as a person listening would.
    for (heard, answer) in [
        ("start Before you start. Pain right now", "5\n"),
        ("start Pain 5, moderate. Where do you feel it?", "buttock\n"),
        ("start Buttock. Which side?", "left\n"),
        ("start Side: left. Any numbness or tingling?", "no\n"),
        ("start Next: Ball under the glutes", "\n"),
        ("start How is the pain now?", "3\n"),
        ("start Pain 3, mild. Where do you feel it?", "\n"),
        ("start Session complete. How was it?", "2\n"),
        ("start Pain 2, mild. How did the session feel?", "better\n"),
        ("start It felt better. A note for yourself", "\n"),
    ] {
        wait_for_line(&log, heard);
        running.type_in(answer);
    }
    let out = running.finish();
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    // Read at once: the last words were finished before unknot exited.
    let lines = spoken(&log);
    let last = lines.last().cloned().unwrap_or_default();
    assert!(
        last.starts_with("end Skipped. Session complete: By ear. Time: ")
            && last.contains("Pain 5 before, 2 after: 3 points lower.")
            && last.ends_with(
                "Keep moving gently today; avoid sitting or lying still for long stretches."
            ),
        "{lines:#?}"
    );
    let raw = std::fs::read_to_string(&log).unwrap();
    assert!(
        raw.contains("start -v en-gb -s 150 By ear: "),
        "the voice and pace are asked for: {raw}"
    );
    assert_said_in_order(
        &log,
        &[
            "By ear: 4 steps, about 12 seconds. Any new symptoms? Since your last session, has any of these started?",
            "Before you start. Pain right now, from 0 to 10. 0 is no pain, 10 the worst imaginable. Type a number and press Enter. Enter alone skips.",
            "Pain 5, moderate. Where do you feel it? Choose all that apply. Type any of back, buttock, thigh, calf or foot",
            "Buttock. Which side? Type left, right or both",
            "Side: left. Any numbness or tingling? Type yes or no",
            "Numbness: no. Next: Knee to chest, left side, 1 second, 2 times. Lie on your back, knees bent.",
            "Rest: 1 second.",
            "Switch to the right side: 1 second.",
            "Next: Ball under the glutes, 1 second. Sit on the floor, ball under one buttock. unknot waits for you: when you are in position, press Enter.",
            "How is the pain now? Pain right now, from 0 to 10. Type a number and press Enter. Enter alone skips.",
            "Pain 3, mild. Where do you feel it?",
            "Skipped. Next: Rest and breathe, 1 second.",
            "Session complete. How was it? Pain right now, from 0 to 10. Type a number",
            "Pain 2, mild. How did the session feel? Type better, same or worse",
            "It felt better. A note for yourself (optional, up to 200 characters). Type it and press Enter",
            "Skipped. Session complete: By ear. Time: ",
        ],
    );
    let anchors = started(&log)
        .iter()
        .filter(|s| s.contains("0 is no pain"))
        .count();
    assert_eq!(anchors, 1, "the scale's anchors once: {:#?}", started(&log));
}

#[test]
fn a_whole_full_screen_visit_is_said_in_order_with_its_keys_and_heard_out_when_left() {
    let sandbox = Sandbox::screened();
    let (_, log) = fake_espeak(&sandbox, "0.3");
    let routine = sandbox.write(
        "waits.ron",
        r#"(title: "Waits", level: Gentle, lead_in: 1, steps: [
            (title: "Ball under the glutes", kind: Massage, seconds: 1, wait_for_key: true,
             instructions: ["Sit on the floor, ball under one buttock."]),
            (title: "How is the pain now?", kind: CheckIn),
            (title: "Knee rolls", kind: Movement, seconds: 1),
        ])"#,
    );
    let mut tui = Tui::start(
        sandbox,
        &["start", routine.to_str().expect("utf-8"), "--voice"],
        24,
        80,
    );
    wait_for_line(&log, "start Waits: 3 steps");
    tui.pass_quick_check();
    for (heard, key) in [
        ("start Before you start. Pain right now", "5"),
        // Esc skips the questions left.
        ("start Pain 5, moderate. Where do you feel it?", "\x1b"),
        ("start Skipped. Next: Ball under the glutes", " "),
        ("start How is the pain now?", "3"),
        ("start Pain 3, mild. Where do you feel it?", "\r"),
        ("start Session complete. How was it?", "2"),
        ("start Pain 2, mild. How did the session feel?", "b"),
        ("start It felt better. A note for yourself", "\r"),
        // Leave the summary as soon as it is being said.
        ("start Skipped. Session complete: Waits.", "\r"),
    ] {
        wait_for_line(&log, heard);
        tui.key(key);
    }
    let (code, _) = tui.wait_exit();
    assert_eq!(code, 0);
    let lines = spoken(&log);
    let last = lines.last().cloned().unwrap_or_default();
    assert!(
        last.starts_with("end Skipped. Session complete: Waits.")
            && last.ends_with("Press Enter when you are done."),
        "heard out before unknot exits: {lines:#?}"
    );
    assert_said_in_order(
        &log,
        &[
            "Waits: 3 steps, about 4 seconds. Any new symptoms? Since your last session, has any of these started?",
            "Before you start. Pain right now, from 0 to 10. 0 is no pain, 10 the worst imaginable. Press a number, or t for 10. Enter skips.",
            "Pain 5, moderate. Where do you feel it? Choose all that apply. Press 1 for back, 2 buttock",
            "Skipped. Next: Ball under the glutes, 1 second. Sit on the floor, ball under one buttock. unknot waits for you: when you are in position, press Space.",
            "How is the pain now? Pain right now, from 0 to 10. Press a number, or t for 10. Enter skips.",
            "Pain 3, mild. Where do you feel it? Choose all that apply. Press 1",
            "Skipped. Next: Knee rolls, 1 second.",
            "Session complete. How was it? Pain right now, from 0 to 10. Press a number",
            "Pain 2, mild. How did the session feel? Press b for better, s for same, or w for worse.",
            "It felt better. A note for yourself (optional, up to 200 characters). Type it and press Enter",
            "Skipped. Session complete: Waits. Time: ",
        ],
    );
}
