//! A session followed by ear: what the voice says, in turn, and that the last words are heard
//! out before unknot exits, in both front ends. A stand-in speech program (a shell script) logs
//! when each announcement starts and ends; no speech program or sound device is needed.
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

/// One step on each side with a rest between reps, a check-in, and a last short step.
const BY_EAR: &str = r#"(title: "By ear", level: Gentle, lead_in: 1, steps: [
    (title: "Knee to chest", kind: Stretch, sides: Each, seconds: 1, reps: 2, rest: 1,
     instructions: ["Lie on your back, knees bent.", "Draw one knee up."]),
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
fn a_plain_session_is_said_step_by_step_in_turn_and_heard_out_before_exit() {
    let sandbox = Sandbox::screened();
    let (_, log) = fake_espeak(&sandbox, "0.3");
    let routine = sandbox.write("by-ear.ron", BY_EAR);
    let mut running = spawn(sandbox.plain_start(&routine, &["--voice"]));
    running.pass_quick_check();
    // The questions before: pain, where, which side, numbness, each skipped.
    running.type_in("\n\n\n\n");
    // The check-in waits for its answer while its question is said.
    running.wait_for_stdout("Step 2 of 3");
    wait_for_line(&log, "start How is the pain now?");
    running.type_in("3\n\n");
    let out = running.finish();
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    // Read at once: the last words were finished before unknot exited.
    let lines = spoken(&log);
    assert_eq!(
        lines.last().map(String::as_str),
        Some("end Session complete"),
        "{lines:#?}"
    );
    assert_in_turn(&lines);
    let raw = std::fs::read_to_string(&log).unwrap();
    assert!(
        raw.contains("start -v en-gb -s 150 Next: "),
        "the voice and pace are asked for: {raw}"
    );
    let started: Vec<&str> = lines
        .iter()
        .filter_map(|l| l.strip_prefix("start "))
        .collect();
    for words in [
        "Next: Knee to chest, left side, 1 second, 2 times. Lie on your back, knees bent.",
        "Rest: 1 second",
        "Switch to the right side: 1 second",
        "How is the pain now? Pain right now, from 0 to 10.",
        "Next: Rest and breathe, 1 second",
        "Session complete",
    ] {
        assert!(started.contains(&words), "{words:?} in {started:#?}");
    }
}

#[test]
fn the_full_screen_hears_the_last_words_out_when_left_at_once() {
    let sandbox = Sandbox::screened();
    let (_, log) = fake_espeak(&sandbox, "0.8");
    let routine = sandbox.write(
        "quick.ron",
        r#"(title: "Quick", level: Gentle, lead_in: 0, steps: [
            (title: "Knee rolls", kind: Movement, seconds: 1),
        ])"#,
    );
    let mut tui = Tui::start(
        sandbox,
        &["start", routine.to_str().expect("utf-8"), "--voice"],
        24,
        80,
    );
    tui.skip_before();
    tui.skip_after();
    // Leave the summary at once, while "Session complete" is still being said.
    tui.key("\r");
    let (code, _) = tui.wait_exit();
    assert_eq!(code, 0);
    let lines = spoken(&log);
    assert_eq!(
        lines.last().map(String::as_str),
        Some("end Session complete"),
        "{lines:#?}"
    );
    assert_in_turn(&lines);
}
