//! The settings file and what it changes: sounds, voice, lead-in, theme, mute. Black-box, on the
//! real binary; on a machine without a sound card (as CI is) the bell path is the one taken.
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

use std::path::Path;

use common::tui::Tui;
use common::{NOTHING_NEW, Sandbox, run, run_with_input};

/// A one-step routine over in about two seconds.
const QUICK: &str = r#"(title: "Quick", level: Gentle, lead_in: 0, steps: [
    (title: "Knee rolls", kind: Movement, seconds: 2),
])"#;

fn unknot(sandbox: &Sandbox, args: &[&str]) -> common::Outcome {
    let mut cmd = sandbox.cmd_with_flags();
    cmd.args(args);
    run(cmd)
}

#[test]
fn the_printed_default_config_is_a_valid_config() {
    let sandbox = Sandbox::new();
    let out = unknot(&sandbox, &["config", "--print-default"]);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert!(out.stdout.contains("volume: 80"));
    assert!(out.stdout.contains("session_complete: None"));
    std::fs::write(sandbox.config(), &out.stdout).expect("write config");
    let list = unknot(&sandbox, &["list"]);
    assert_eq!(list.code(), Some(0), "{}", list.describe());
    assert_eq!(list.stderr, "");
}

#[test]
fn config_without_print_default_says_what_it_needs() {
    let sandbox = Sandbox::new();
    let out = unknot(&sandbox, &["config"]);
    assert_eq!(out.code(), Some(2), "{}", out.describe());
    assert_eq!(out.stderr_lines().len(), 1);
    assert!(out.stderr.contains("--print-default"));
}

#[test]
fn a_bad_config_is_one_sentence_with_line_and_column_and_exit_2() {
    let sandbox = Sandbox::new();
    let cases = [
        (
            "(\n    volume: 50,\n    colour: Blue,\n)\n",
            ":3:5: unknown field `colour`; expected one of: volume, muted, voice, voice_command, voice_name, voice_rate, lead_in, theme, figures, sounds, desk",
        ),
        (
            "(volume: 300)\n",
            ":1:10: expected volume from 0 to 100, found 300",
        ),
        (
            "(theme: Dark)\n",
            ":1:9: unknown value `Dark`; expected one of: Default, HighContrast",
        ),
        (
            "(sounds: (ding: None))\n",
            ":1:11: unknown field `ding`; expected one of: get_ready, go, halfway, countdown, end, rest, switch_sides, check_in, session_complete",
        ),
    ];
    for (text, message) in cases {
        std::fs::write(sandbox.config(), text).expect("write config");
        let routine = sandbox.write("quick.ron", QUICK);
        let out = unknot(&sandbox, &["start", routine.to_str().expect("utf-8")]);
        out.assert_no_panic();
        assert_eq!(out.code(), Some(2), "{}", out.describe());
        assert_eq!(out.stdout, "", "nothing started: {}", out.describe());
        let expected = format!("unknot: {}{message}\n", sandbox.config().display());
        assert_eq!(out.stderr, expected);
        assert!(!sandbox.history().exists(), "nothing written");
    }
}

#[test]
fn commands_that_need_no_settings_work_with_a_broken_config() {
    let sandbox = Sandbox::new();
    std::fs::write(sandbox.config(), "(nonsense").expect("write config");
    assert_eq!(unknot(&sandbox, &["paths"]).code(), Some(0));
    assert_eq!(
        unknot(&sandbox, &["config", "--print-default"]).code(),
        Some(0)
    );
    assert_eq!(unknot(&sandbox, &["log", "3"]).code(), Some(0));
    assert_eq!(unknot(&sandbox, &["list"]).code(), Some(2));
}

#[test]
fn the_lead_in_setting_applies_to_every_routine() {
    let sandbox = Sandbox::new();
    sandbox.user_routine("quick", QUICK);
    std::fs::write(sandbox.config(), "(lead_in: Some(10))").expect("write config");
    let out = unknot(&sandbox, &["list"]);
    let line = out
        .stdout_lines()
        .into_iter()
        .find(|l| l.starts_with("quick "))
        .expect("the routine is listed")
        .to_string();
    assert!(
        line.contains("12 s"),
        "10 s of lead-in and 2 s of work: {line}"
    );
}

#[test]
fn a_missing_or_unplayable_sound_file_is_named_once_and_the_session_runs() {
    let sandbox = Sandbox::screened();
    let junk = sandbox.write("junk.wav", "definitely not audio");
    let missing = sandbox.path().join("nowhere.ogg");
    std::fs::write(
        sandbox.config(),
        format!(
            "(sounds: (go: Some({:?}), end: Some({:?})))",
            junk.display().to_string(),
            missing.display().to_string()
        ),
    )
    .expect("write config");
    let routine = sandbox.write("quick.ron", QUICK);
    let cmd = sandbox.plain_start(&routine, &[]);
    let out = run_with_input(cmd, NOTHING_NEW);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert!(
        out.stdout.contains("Session complete: Quick"),
        "{}",
        out.describe()
    );
    let stderr = out.stderr_without_sound_note();
    let warnings: Vec<&str> = stderr.lines().collect();
    assert_eq!(warnings.len(), 2, "{}", out.describe());
    assert!(warnings[0].contains("go sound") && warnings[0].contains("junk.wav"));
    assert!(warnings[0].contains("using the bundled one"));
    assert!(warnings[1].contains("end sound") && warnings[1].contains("no such file"));
}

#[test]
fn the_sound_systems_own_messages_never_reach_stderr() {
    let sandbox = Sandbox::screened();
    let routine = sandbox.write("quick.ron", QUICK);
    let cmd = sandbox.plain_start(&routine, &[]);
    let out = run_with_input(cmd, NOTHING_NEW);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert_eq!(out.stderr_without_sound_note(), "", "{}", out.describe());
    assert!(
        out.stderr.matches(common::NO_SOUND_NOTE).count() <= 1,
        "said once at most: {}",
        out.describe()
    );
}

#[test]
fn mute_says_nothing_about_sound() {
    let sandbox = Sandbox::screened();
    let routine = sandbox.write("quick.ron", QUICK);
    let cmd = sandbox.plain_start(&routine, &["--mute"]);
    let out = run_with_input(cmd, NOTHING_NEW);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert_eq!(out.stderr, "", "{}", out.describe());
}

/// A stand-in speech program: writes what it is asked to say to a file, one line each.
fn fake_speaker(sandbox: &Sandbox) -> (std::path::PathBuf, std::path::PathBuf) {
    let said = sandbox.path().join("said.txt");
    let script = sandbox.write(
        "speak.sh",
        &format!("#!/bin/sh\nprintf '%s\\n' \"$*\" >> '{}'\n", said.display()),
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755))
            .expect("make the script runnable");
    }
    (script, said)
}

fn wait_for_file_line(path: &Path, text: &str) -> String {
    let deadline = std::time::Instant::now() + common::timeout();
    loop {
        let said = std::fs::read_to_string(path).unwrap_or_default();
        if said.contains(text) || std::time::Instant::now() > deadline {
            return said;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

#[test]
fn voice_announces_each_step_through_the_speech_program() {
    let sandbox = Sandbox::screened();
    let (script, said) = fake_speaker(&sandbox);
    std::fs::write(
        sandbox.config(),
        format!(
            "(voice_command: Some({:?}))",
            format!("{} --rate 140", script.display())
        ),
    )
    .expect("write config");
    let routine = sandbox.write("quick.ron", QUICK);
    let cmd = sandbox.plain_start(&routine, &["--voice"]);
    let out = run_with_input(cmd, NOTHING_NEW);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    let spoken = wait_for_file_line(&said, "Session complete");
    assert!(
        spoken.contains("--rate 140 ") && spoken.contains("Next: Knee rolls, 2 seconds"),
        "spoken: {spoken:?}"
    );
}

#[test]
fn voice_without_a_speech_program_is_off_with_one_message() {
    let sandbox = Sandbox::screened();
    std::fs::write(
        sandbox.config(),
        "(voice: true, voice_command: Some(\"no-such-speaker-anywhere\"))",
    )
    .expect("write config");
    let routine = sandbox.write("quick.ron", QUICK);
    let cmd = sandbox.plain_start(&routine, &[]);
    let out = run_with_input(cmd, NOTHING_NEW);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert_eq!(
        out.stderr_without_sound_note(),
        "unknot: voice is off: the speech program no-such-speaker-anywhere was not found\n"
    );
}

#[test]
fn the_full_screen_marks_mute_and_the_missing_device_without_covering_the_keys() {
    let sandbox = Sandbox::screened();
    let routine = sandbox.write("slow.ron", &QUICK.replace("seconds: 2", "seconds: 60"));
    let mut tui = Tui::start(
        sandbox,
        &["start", routine.to_str().expect("utf-8")],
        24,
        80,
    );
    tui.skip_before();
    tui.wait_for("Knee rolls");
    tui.let_sound_settle();
    assert!(
        tui.count_coloured_cells() > 0,
        "colours are on without NO_COLOR"
    );
    tui.key("m");
    let screen = tui.wait_for("muted (m)");
    assert!(
        screen.contains("? help"),
        "the keys stay in view:\n{screen}"
    );
    assert!(!screen.contains("ALSA"), "{screen}");
    tui.key("m");
    let screen = tui.wait_until("unmuted", |s| !s.contains("muted (m)"));
    assert!(screen.contains("Knee rolls"));
    tui.key("\x03");
    tui.skip_after();
    tui.wait_for("Session stopped");
    tui.key("q");
    let (code, _) = tui.wait_exit();
    assert_eq!(code, 0);
}

#[test]
fn no_color_draws_the_screen_without_colours() {
    let sandbox = Sandbox::screened();
    let routine = sandbox.write("slow.ron", &QUICK.replace("seconds: 2", "seconds: 60"));
    let mut tui = Tui::start_with_env(
        sandbox,
        &["start", routine.to_str().expect("utf-8")],
        24,
        80,
        &[("NO_COLOR", "1")],
    );
    tui.skip_before();
    tui.wait_for("Knee rolls");
    let coloured = tui.count_coloured_cells();
    assert_eq!(coloured, 0, "no cell has a colour with NO_COLOR set");
    tui.key("\x03");
    tui.skip_after();
    tui.key("q");
    tui.wait_exit();
}
