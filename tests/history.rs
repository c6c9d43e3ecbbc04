//! The history file, black-box on the real binary: what survives a kill -9, how unreadable lines
//! are skipped and left alone, several writers at once, private file modes, imports, exact exports,
//! and bad input that must leave the file as it was.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "an integration test crate is test code throughout, and its helpers (here and in tests/common) fail a test by panicking as its #[test] functions do; clippy.toml's allow-*-in-tests reaches only #[test] functions and #[cfg(test)] modules"
)]
#![expect(
    clippy::disallowed_methods,
    reason = "the review of a hostile history is timed against real deadlines"
)]

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::Value;

use common::tui::{ENTER, PAIN_QUESTION, Tui, seconds_left_of};
use common::{MANIFEST_DIR, Outcome, Running, Sandbox, run, send_signal, spawn};

const PAIN_PROMPT: &str = "Pain now, 0 to 10 (";
const AREAS_PROMPT: &str = "Where do you feel it?";

/// No lead-in, one hold long enough to be killed in the middle.
const LONG_HOLD: &str = r#"(
    title: "Long hold",
    level: Gentle,
    lead_in: 0,
    steps: [(title: "Knee to chest", kind: Stretch, seconds: 30)],
)
"#;

/// A one-second step, a check-in, then a long hold.
const CHECK_IN_THEN_HOLD: &str = r#"(
    title: "Asked midway",
    level: Gentle,
    lead_in: 0,
    steps: [
        (title: "Knee rolls", kind: Movement, seconds: 1),
        (title: "How is the pain now?", kind: CheckIn),
        (title: "Knee to chest", kind: Stretch, seconds: 30),
    ],
)
"#;

/// One second, no lead-in.
const QUICK: &str = r#"(
    title: "Quick one",
    level: Gentle,
    lead_in: 0,
    steps: [(title: "Stand", kind: Movement, seconds: 1)],
)
"#;

// ---- Helpers -------------------------------------------------------------------------------

/// `unknot --config ... --data-dir ... ARGS`, run to the end with an empty stdin.
fn unknot(sandbox: &Sandbox, args: &[&str]) -> Outcome {
    let mut cmd = sandbox.cmd_with_flags();
    cmd.args(args);
    let out = run(cmd);
    out.assert_no_panic();
    out
}

fn fixture(name: &str) -> PathBuf {
    Path::new(MANIFEST_DIR)
        .join("tests/fixtures/history")
        .join(name)
}

fn read_fixture(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).expect("read a fixture")
}

/// A sandbox whose history is a copy of the fixture `name`.
fn sandbox_with_history(name: &str) -> Sandbox {
    let sandbox = Sandbox::new();
    std::fs::create_dir_all(sandbox.data_dir()).expect("create the data folder");
    std::fs::copy(fixture(name), sandbox.history()).expect("copy the fixture");
    sandbox
}

/// Every line of the history, parsed. Fails unless every line is a whole JSON object ending in
/// a newline: nothing torn, nothing interleaved.
fn history_lines(sandbox: &Sandbox) -> Vec<Value> {
    let bytes = sandbox.history_bytes();
    let text = String::from_utf8(bytes).expect("the history is UTF-8");
    assert!(
        text.is_empty() || text.ends_with('\n'),
        "the history ends in the middle of a line:\n{text}"
    );
    text.lines()
        .enumerate()
        .map(|(n, line)| {
            let value: Value = serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("line {} is not JSON ({e}): {line:?}", n + 1));
            assert!(value.is_object(), "line {} is not an object: {line}", n + 1);
            assert_eq!(value["v"], 1, "line {}: {line}", n + 1);
            value
        })
        .collect()
}

fn of_type<'a>(lines: &'a [Value], kind: &str) -> Vec<&'a Value> {
    lines.iter().filter(|l| l["type"] == kind).collect()
}

/// The check-in lines of one moment (before, during, after, log).
fn check_ins<'a>(lines: &'a [Value], moment: &str) -> Vec<&'a Value> {
    of_type(lines, "check_in")
        .into_iter()
        .filter(|l| l["moment"] == moment)
        .collect()
}

/// `unknot history --format json`, parsed; fails unless it succeeds quietly.
fn export_json(sandbox: &Sandbox) -> Vec<Value> {
    let out = unknot(sandbox, &["history", "--format", "json"]);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert_eq!(out.stderr, "", "{}", out.describe());
    match serde_json::from_str(&out.stdout) {
        Ok(Value::Array(rows)) => rows,
        other => panic!("not a JSON array: {other:?}\n{}", out.describe()),
    }
}

/// Fails unless the process was killed by SIGKILL.
#[cfg(unix)]
fn assert_killed(out: &Outcome) {
    use std::os::unix::process::ExitStatusExt;
    assert_eq!(out.status.signal(), Some(9), "{}", out.describe());
}

#[cfg(not(unix))]
fn assert_killed(_out: &Outcome) {}

/// Fails unless `out` is a refusal: exit 2, nothing on stdout, one line on stderr in unknot's
/// voice, no panic.
fn assert_refused(out: &Outcome, what: &str) {
    out.assert_no_panic();
    assert_eq!(out.code(), Some(2), "{what}: {}", out.describe());
    assert_eq!(out.stdout, "", "{what}: {}", out.describe());
    assert_eq!(out.stderr_lines().len(), 1, "{what}: {}", out.describe());
    assert!(
        out.stderr.starts_with("unknot: ") && out.stderr.ends_with('\n'),
        "{what}: {}",
        out.describe()
    );
}

// ---- Surviving kill -9 ---------------------------------------------------------------------

/// `unknot start FILE` with output not a terminal (so plain), past the quick safety check,
/// asking for the pain before.
fn at_the_first_pain_question(sandbox: &Sandbox, file: &Path) -> Running {
    let mut cmd = sandbox.cmd_with_flags();
    cmd.arg("start").arg(file);
    let mut running = spawn(cmd);
    running.pass_quick_check();
    running.wait_for_stdout(PAIN_PROMPT);
    running
}

#[test]
fn kill_9_mid_step_in_plain_mode_keeps_the_session_and_the_pain_before() {
    let sandbox = Sandbox::screened();
    let file = sandbox.write("long.ron", LONG_HOLD);
    let mut running = at_the_first_pain_question(&sandbox, &file);
    running.type_in("7\n");
    // The next question is asked once the answer is saved.
    running.wait_for_stdout(AREAS_PROMPT);
    running.type_in("\n\n\n");
    running.wait_for_stdout("\nGo\n");
    running.signal("KILL");
    let out = running.finish();
    assert_killed(&out);

    let lines = history_lines(&sandbox);
    let started = of_type(&lines, "session_started");
    assert_eq!(started.len(), 1, "{lines:#?}");
    assert_eq!(started[0]["routine"], "Long hold");
    let session = &started[0]["session"];
    let before = check_ins(&lines, "before");
    assert!(!before.is_empty(), "{lines:#?}");
    assert!(
        before.iter().all(|c| c["session"] == *session),
        "{lines:#?}"
    );
    assert_eq!(before.last().expect("a check-in")["pain"], 7, "{lines:#?}");
    assert!(of_type(&lines, "session_ended").is_empty(), "{lines:#?}");

    let rows = export_json(&sandbox);
    assert_eq!(rows.len(), 1, "{rows:#?}");
    assert_eq!(rows[0]["kind"], "session");
    assert_eq!(rows[0]["routine"], "Long hold");
    assert_eq!(rows[0]["outcome"], "interrupted");
    assert_eq!(rows[0]["pain_before"], 7);
    assert_eq!(rows[0]["pain_after"], Value::Null);
}

#[test]
fn kill_9_mid_step_in_the_full_screen_keeps_the_session_and_the_answers_before() {
    let sandbox = Sandbox::screened();
    let file = sandbox.write("long.ron", LONG_HOLD);
    let file = file.to_str().expect("utf-8 path").to_string();
    let mut tui = Tui::start(sandbox, &["start", &file], 30, 100);
    tui.pass_quick_check();
    tui.wait_for(PAIN_QUESTION);
    tui.key("8");
    tui.wait_for(AREAS_PROMPT);
    tui.key("1");
    tui.key(ENTER);
    tui.wait_for("Which side?");
    tui.key("r");
    tui.wait_for("Any numbness or tingling?");
    tui.key("n");
    tui.wait_until("the hold's countdown", |s| {
        seconds_left_of(s, "30 s").is_some()
    });
    // portable-pty's kill() sends SIGHUP, which unknot handles; this must be SIGKILL.
    send_signal(tui.pid(), "KILL");
    tui.wait_killed();

    let sandbox = &tui.sandbox;
    let lines = history_lines(sandbox);
    assert_eq!(of_type(&lines, "session_started").len(), 1, "{lines:#?}");
    assert!(of_type(&lines, "session_ended").is_empty(), "{lines:#?}");
    // Saved answer by answer under one form id; the last line holds them all.
    let before = check_ins(&lines, "before");
    assert_eq!(before.len(), 4, "one line per answer\n{lines:#?}");
    assert!(before.iter().all(|c| c["form"] == before[0]["form"]));
    assert_eq!(before[0]["pain"], 8);
    let last = before[3];
    assert_eq!(last["pain"], 8, "{last}");
    assert_eq!(last["areas"], serde_json::json!(["back"]), "{last}");
    assert_eq!(last["side"], "right", "{last}");
    assert_eq!(last["numbness"], false, "{last}");

    let rows = export_json(sandbox);
    assert_eq!(rows.len(), 1, "{rows:#?}");
    assert_eq!(rows[0]["outcome"], "interrupted");
    assert_eq!(rows[0]["pain_before"], 8);
    assert_eq!(rows[0]["areas"], "back");
    assert_eq!(rows[0]["side"], "right");
    assert_eq!(rows[0]["numbness"], "no");
}

#[test]
fn kill_9_after_a_check_in_answer_keeps_its_pain() {
    let sandbox = Sandbox::screened();
    let file = sandbox.write("midway.ron", CHECK_IN_THEN_HOLD);
    let mut running = at_the_first_pain_question(&sandbox, &file);
    running.type_in("\n\n\n\n");
    running.wait_for_stdout("Step 2 of 3: How is the pain now?\nPain now, 0 to 10");
    running.type_in("5\n");
    running.wait_for_stdout(&format!("Pain: 5 (moderate)\n{AREAS_PROMPT}"));
    running.signal("KILL");
    let out = running.finish();
    assert_killed(&out);

    let lines = history_lines(&sandbox);
    let during = check_ins(&lines, "during");
    assert_eq!(during.len(), 1, "{lines:#?}");
    assert_eq!(during[0]["pain"], 5, "{lines:#?}");
    assert_eq!(during[0]["after_step"], "Knee rolls", "{lines:#?}");
    let steps = of_type(&lines, "step_done");
    assert_eq!(steps.len(), 1, "{lines:#?}");
    assert_eq!(steps[0]["title"], "Knee rolls");
    assert!(of_type(&lines, "session_ended").is_empty(), "{lines:#?}");

    let rows = export_json(&sandbox);
    assert_eq!(rows.len(), 1, "{rows:#?}");
    assert_eq!(rows[0]["outcome"], "interrupted");
    assert_eq!(rows[0]["pain_before"], Value::Null);
}

// ---- Lines that cannot be read -------------------------------------------------------------

fn log_line(n: u32, pain: u8) -> String {
    format!(
        r#"{{"v":1,"id":"01950000-0000-7000-8000-0000000001{n:02}","at":"2026-03-1{n}T09:00:00.000+01:00","type":"check_in","form":"01950000-0000-7000-8000-0000000002{n:02}","moment":"log","pain":{pain}}}"#
    )
}

#[test]
fn unreadable_lines_are_skipped_reported_once_and_left_exactly_as_they_are() {
    let sandbox = Sandbox::new();
    std::fs::create_dir_all(sandbox.data_dir()).expect("create the data folder");
    let newer = r#"{"v":2,"id":"01950000-0000-7000-8000-000000000199","at":"2026-03-12T09:30:00.000+01:00","type":"mood","mood":"calm"}"#;
    let torn = r#"{"v":1,"id":"01950000-0000-7000-8000-0000000001"#;
    let original = format!(
        "{}\nthis line is not an event\n{}\n{newer}\n{}\n{torn}",
        log_line(1, 4),
        log_line(2, 5),
        log_line(3, 6)
    );
    std::fs::write(sandbox.history(), &original).expect("write the history");
    let notice = |lines: &str, newer: bool| {
        format!(
            "unknot: {}: skipped 3 lines that could not be read (line {lines}){}; the file is left as it is\n",
            sandbox.history().display(),
            if newer {
                ", some from a newer unknot"
            } else {
                ""
            }
        )
    };
    let header = "date,kind,routine,minutes,outcome,pain_before,pain_after,change,verdict,areas,side,numbness,felt,note\n";
    let rows = "2026-03-11T09:00:00+01:00,quick log,,,,4,,,,,,,,\n\
                2026-03-12T09:00:00+01:00,quick log,,,,5,,,,,,,,\n\
                2026-03-13T09:00:00+01:00,quick log,,,,6,,,,,,,,\n";

    let out = unknot(&sandbox, &["history", "--format", "csv"]);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert_eq!(out.stdout, format!("{header}{rows}"), "{}", out.describe());
    assert_eq!(out.stderr, notice("2, 4, 6", true), "{}", out.describe());
    for format in ["json", "table"] {
        let out = unknot(&sandbox, &["history", "--format", format]);
        assert_eq!(out.code(), Some(0), "{format}: {}", out.describe());
        assert_eq!(
            out.stderr,
            notice("2, 4, 6", true),
            "{format}: {}",
            out.describe()
        );
    }
    assert_eq!(
        sandbox.history_bytes(),
        original.as_bytes(),
        "reading changed the file"
    );

    // A new line starts after the torn one, which stays as it was; the file only grows.
    let out = unknot(&sandbox, &["log", "3"]);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    let after = sandbox.history_bytes();
    assert!(
        after.starts_with(original.as_bytes()),
        "the old bytes changed"
    );
    let added = String::from_utf8(after[original.len()..].to_vec()).expect("UTF-8");
    assert!(
        added.starts_with('\n') && added.ends_with('\n') && added.matches('\n').count() == 2,
        "{added:?}"
    );
    let line: Value = serde_json::from_str(added.trim()).expect("the new line is JSON");
    assert_eq!(line["pain"], 3, "{line}");
    assert_eq!(line["moment"], "log", "{line}");

    let out = unknot(&sandbox, &["history", "--format", "csv"]);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert!(
        out.stdout.starts_with(&format!("{header}{rows}")),
        "{}",
        out.describe()
    );
    assert_eq!(out.stdout.lines().count(), 5, "{}", out.describe());
    assert!(
        out.stdout
            .lines()
            .next_back()
            .unwrap_or_default()
            .contains(",quick log,,,,3,"),
        "{}",
        out.describe()
    );
    // The torn line is no longer the last one, but it is still skipped and still reported.
    assert_eq!(out.stderr, notice("2, 4, 6", true), "{}", out.describe());
}

#[test]
fn a_torn_last_line_alone_is_reported_without_mention_of_a_newer_unknot() {
    let sandbox = Sandbox::new();
    std::fs::create_dir_all(sandbox.data_dir()).expect("create the data folder");
    let original = format!("{}\n{}", log_line(1, 4), &log_line(2, 5)[..60]);
    std::fs::write(sandbox.history(), &original).expect("write the history");
    let out = unknot(&sandbox, &["history", "--format", "csv"]);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert_eq!(out.stdout.lines().count(), 2, "{}", out.describe());
    assert_eq!(
        out.stderr,
        format!(
            "unknot: {}: skipped 1 line that could not be read (line 2); the file is left as it is\n",
            sandbox.history().display()
        ),
        "{}",
        out.describe()
    );
    assert_eq!(sandbox.history_bytes(), original.as_bytes());
}

// ---- Several writers at once ------------------------------------------------------------

#[test]
fn two_logs_at_the_same_moment_both_land_on_their_own_lines() {
    let sandbox = Sandbox::new();
    // Both also race to create the data folder.
    let runs: Vec<_> = ["4", "5"]
        .into_iter()
        .map(|pain| {
            let mut cmd = sandbox.cmd_with_flags();
            cmd.args(["log", pain]);
            spawn(cmd)
        })
        .collect();
    for running in runs {
        let out = running.finish();
        out.assert_no_panic();
        assert_eq!(out.code(), Some(0), "{}", out.describe());
        assert_eq!(out.stderr, "", "{}", out.describe());
    }
    let lines = history_lines(&sandbox);
    assert_eq!(lines.len(), 2, "{lines:#?}");
    let mut pains: Vec<i64> = lines.iter().filter_map(|l| l["pain"].as_i64()).collect();
    pains.sort_unstable();
    assert_eq!(pains, [4, 5]);
    assert_ne!(lines[0]["id"], lines[1]["id"]);
    assert_ne!(lines[0]["form"], lines[1]["form"]);
}

// ---- File modes ----------------------------------------------------------------------------

#[cfg(unix)]
#[test]
fn a_new_history_is_private_to_the_user() {
    use std::os::unix::fs::PermissionsExt;
    let sandbox = Sandbox::new();
    assert!(!sandbox.data_dir().exists());
    let out = unknot(&sandbox, &["log", "2"]);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    let mode = |p: &Path| {
        std::fs::metadata(p)
            .unwrap_or_else(|e| panic!("{}: {e}", p.display()))
            .permissions()
            .mode()
            & 0o777
    };
    assert_eq!(mode(&sandbox.data_dir()), 0o700, "data folder");
    assert_eq!(mode(&sandbox.history()), 0o600, "history file");
}

// ---- Quick logs ----------------------------------------------------------------------------

#[test]
fn a_quick_log_says_what_was_logged_and_when() {
    let sandbox = Sandbox::new();
    let out = unknot(
        &sandbox,
        &[
            "log",
            "7",
            "--where",
            "thigh,buttock,thigh",
            "--side",
            "left",
            "--note",
            "  after sitting, \"sharp\"  ",
        ],
    );
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert_eq!(out.stderr, "", "{}", out.describe());
    let lines = history_lines(&sandbox);
    assert_eq!(lines.len(), 1, "{lines:#?}");
    let line = &lines[0];
    assert_eq!(line["type"], "check_in");
    assert_eq!(line["moment"], "log");
    assert_eq!(line["pain"], 7);
    assert_eq!(line["areas"], serde_json::json!(["buttock", "thigh"]));
    assert_eq!(line["side"], "left");
    assert_eq!(line["note"], "after sitting, \"sharp\"");
    assert!(line.get("session").is_none(), "{line}");
    // The time said is the time saved: "2026-11-21T08:30:12.345+01:00" -> "08:30".
    let at = line["at"].as_str().expect("a timestamp");
    assert_eq!(
        out.stdout,
        format!("Logged pain 7 (severe) at {}.\n", &at[11..16]),
        "{}",
        out.describe()
    );

    let out = unknot(&sandbox, &["history", "--format", "csv"]);
    let row = out.stdout.lines().nth(1).unwrap_or_default().to_string();
    assert!(
        row.ends_with(",quick log,,,,7,,,,buttock; thigh,left,,,\"after sitting, \"\"sharp\"\"\""),
        "{}",
        out.describe()
    );
}

#[test]
fn a_quick_log_note_keeps_what_a_terminal_shows_on_one_line() {
    let sandbox = Sandbox::new();
    let typed = "  sore\u{1b}[2J\u{1b}]0;owned\u{7}\u{202E}\n\n\tleft\u{9b}1m side ";
    let out = unknot(&sandbox, &["log", "3", "--note", typed]);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert_eq!(
        history_lines(&sandbox)[0]["note"],
        "sore[2J]0;owned left1m side"
    );
}

#[test]
fn a_note_over_the_limit_is_refused_in_one_sentence_and_nothing_is_written() {
    let sandbox = Sandbox::new();
    let out = unknot(&sandbox, &["log", "3", "--note", &"x".repeat(319)]);
    assert_refused(&out, "a note of 319 characters");
    assert_eq!(
        out.stderr,
        "unknot: a note can be at most 200 characters, and this one has 319; see `unknot log --help`\n"
    );
    assert!(!sandbox.history().exists());
    // Counted as kept: a run of spaces and line breaks is one space.
    let fits = format!("{}\n\n\n{}", "x".repeat(100), "y".repeat(99));
    let out = unknot(&sandbox, &["log", "3", "--note", &fits]);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    let note = history_lines(&sandbox)[0]["note"]
        .as_str()
        .map(str::to_owned);
    assert_eq!(note.map(|n| n.chars().count()), Some(200));
}

#[test]
fn a_note_may_start_with_a_dash_however_it_is_given() {
    let sandbox = Sandbox::new();
    for (args, note) in [
        (&["log", "3", "--note", "-better"][..], "-better"),
        (&["log", "3", "--note=-x"][..], "-x"),
        (&["log", "3", "--note", "--", "-x"][..], "-x"),
        (&["log", "--note", "--where", "3"][..], "--where"),
        (&["log", "--note", "-5", "3"][..], "-5"),
        (&["log", "3", "--note", "--"][..], "--"),
    ] {
        let out = unknot(&sandbox, args);
        assert_eq!(out.code(), Some(0), "{args:?}: {}", out.describe());
        let lines = history_lines(&sandbox);
        let last = lines.last().expect("a line");
        assert_eq!(last["note"], note, "{args:?}");
        assert_eq!(last["pain"], 3, "{args:?}");
    }
}

#[test]
fn a_log_keeps_the_local_time_and_offset_where_it_was_made() {
    let sandbox = Sandbox::new();
    for (tz, offset) in [("Asia/Kolkata", "+05:30"), ("America/St_Johns", "-03:30")] {
        let mut cmd = sandbox.cmd_with_flags();
        cmd.env("TZ", tz).args(["log", "4"]);
        let out = run(cmd);
        assert_eq!(out.code(), Some(0), "{}", out.describe());
        let lines = history_lines(&sandbox);
        let at = lines.last().expect("a line")["at"]
            .as_str()
            .expect("a timestamp")
            .to_string();
        if !at.ends_with(offset) {
            // No time zone database here: nothing to check.
            eprintln!("skipped: TZ={tz} gave {at}");
            return;
        }
        assert_eq!(
            out.stdout,
            format!("Logged pain 4 (moderate) at {}.\n", &at[11..16]),
            "{tz}"
        );
    }
    // Each row shows the clock where it was logged, with its offset, in the order the logs
    // were made: "2026-11-21T08:30:12.345+05:30" -> "2026-11-21T08:30:12+05:30".
    let lines = history_lines(&sandbox);
    let csv = export(&sandbox, &["history", "--format", "csv"]);
    let dates: Vec<&str> = csv.lines().skip(1).map(|l| &l[..25]).collect();
    let expected: Vec<String> = lines
        .iter()
        .map(|l| {
            let at = l["at"].as_str().expect("a timestamp");
            format!("{}{}", &at[..19], &at[at.len() - 6..])
        })
        .collect();
    assert_eq!(dates, expected, "{csv}");
}

#[test]
fn each_pain_score_gets_its_anchor_word() {
    let sandbox = Sandbox::new();
    for (pain, anchor) in [
        ("0", "no pain"),
        ("3", "mild"),
        ("4", "moderate"),
        ("6", "moderate"),
        ("7", "severe"),
        ("10", "severe"),
    ] {
        let out = unknot(&sandbox, &["log", pain]);
        assert_eq!(out.code(), Some(0), "{}", out.describe());
        assert!(
            out.stdout
                .starts_with(&format!("Logged pain {pain} ({anchor}) at ")),
            "{}",
            out.describe()
        );
    }
    assert_eq!(history_lines(&sandbox).len(), 6);
}

// ---- Import --------------------------------------------------------------------------------

#[test]
fn import_merges_another_history_and_a_second_import_adds_nothing() {
    let sandbox = Sandbox::new();
    let laptop = sandbox.path().join("laptop");
    for args in [
        &["log", "3", "--note", "from the laptop"][..],
        &["log", "5", "--where", "calf"][..],
    ] {
        let mut cmd = sandbox.cmd_with_data_dir(&laptop);
        cmd.args(args);
        let out = run(cmd);
        assert_eq!(out.code(), Some(0), "{}", out.describe());
    }
    let out = unknot(&sandbox, &["log", "6"]);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    let theirs = laptop.join("history.jsonl");
    let theirs_before = std::fs::read(&theirs).expect("the laptop's history");
    let theirs_arg = theirs.to_str().expect("utf-8 path");

    let out = unknot(&sandbox, &["history", "import", theirs_arg]);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert_eq!(out.stdout, "Imported 2 events; 0 were already here.\n");
    assert_eq!(out.stderr, "", "{}", out.describe());
    let lines = history_lines(&sandbox);
    assert_eq!(lines.len(), 3, "{lines:#?}");
    let mut pains: Vec<i64> = lines.iter().filter_map(|l| l["pain"].as_i64()).collect();
    pains.sort_unstable();
    assert_eq!(pains, [3, 5, 6]);
    let rows = export_json(&sandbox);
    assert_eq!(rows.len(), 3, "{rows:#?}");
    assert!(
        rows.iter().any(|r| r["note"] == "from the laptop"),
        "{rows:#?}"
    );

    let merged = sandbox.history_bytes();
    let out = unknot(&sandbox, &["history", "import", theirs_arg]);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert_eq!(out.stdout, "Imported 0 events; 2 were already here.\n");
    assert_eq!(sandbox.history_bytes(), merged, "a second import wrote");
    assert_eq!(
        std::fs::read(&theirs).expect("the laptop's history"),
        theirs_before,
        "the imported file changed"
    );
}

#[test]
fn import_of_known_and_new_events_adds_only_the_new() {
    let full = read_fixture("two_weeks.jsonl");
    let sandbox = Sandbox::new();
    std::fs::create_dir_all(sandbox.data_dir()).expect("create the data folder");
    // Ours holds the first 10 events; the file offered holds all 19.
    let first: String = full.lines().take(10).flat_map(|l| [l, "\n"]).collect();
    std::fs::write(sandbox.history(), &first).expect("write the history");
    let offered = sandbox.write("offered.jsonl", &full);

    let out = unknot(
        &sandbox,
        &["history", "import", offered.to_str().expect("utf-8 path")],
    );
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert_eq!(out.stdout, "Imported 9 events; 10 were already here.\n");
    let after = sandbox.history_bytes();
    assert!(after.starts_with(first.as_bytes()), "the old lines changed");
    assert_eq!(history_lines(&sandbox).len(), 19);
    // The merged history exports exactly as the whole one does.
    let out = unknot(&sandbox, &["history", "--format", "csv"]);
    assert_eq!(out.stdout, TWO_WEEKS_CSV, "{}", out.describe());
}

#[test]
fn import_into_an_empty_history_keeps_every_event_as_it_was() {
    let sandbox = Sandbox::new();
    let out = unknot(
        &sandbox,
        &[
            "history",
            "import",
            fixture("two_weeks.jsonl").to_str().expect("utf-8 path"),
        ],
    );
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert_eq!(out.stdout, "Imported 19 events; 0 were already here.\n");
    let ours = history_lines(&sandbox);
    let theirs: Vec<Value> = read_fixture("two_weeks.jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).expect("the fixture is JSON"))
        .collect();
    assert_eq!(ours.len(), theirs.len());
    for (ours, theirs) in ours.iter().zip(&theirs) {
        assert_same_event(ours, theirs);
    }
    let out = unknot(&sandbox, &["history", "--format", "json"]);
    assert_eq!(out.stdout, read_fixture("two_weeks.expected.json"));
}

#[test]
fn import_after_a_torn_last_line_starts_on_a_new_line() {
    let sandbox = Sandbox::new();
    std::fs::create_dir_all(sandbox.data_dir()).expect("create the data folder");
    let original = format!("{}\n{}", log_line(1, 4), &log_line(2, 5)[..50]);
    std::fs::write(sandbox.history(), &original).expect("write the history");
    let offered = sandbox.write("offered.jsonl", &format!("{}\n", log_line(3, 6)));
    let out = unknot(
        &sandbox,
        &["history", "import", offered.to_str().expect("utf-8 path")],
    );
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert_eq!(out.stdout, "Imported 1 event; 0 were already here.\n");
    let after = sandbox.history_bytes();
    assert!(
        after.starts_with(original.as_bytes()),
        "the old bytes changed"
    );
    let added = String::from_utf8(after[original.len()..].to_vec()).expect("UTF-8");
    assert!(
        added.starts_with('\n') && added.ends_with('\n'),
        "{added:?}"
    );
    let line: Value = serde_json::from_str(added.trim()).expect("the new line is JSON");
    assert_eq!(line["pain"], 6);
}

#[test]
fn import_takes_the_readable_lines_of_a_damaged_file_and_says_which_were_not() {
    let sandbox = Sandbox::new();
    let offered = sandbox.write(
        "offered.jsonl",
        &format!(
            "{}\n{{garbled\n{}\n{}",
            log_line(1, 4),
            log_line(2, 5),
            &log_line(3, 6)[..40]
        ),
    );
    let out = unknot(
        &sandbox,
        &["history", "import", offered.to_str().expect("utf-8 path")],
    );
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert_eq!(out.stdout, "Imported 2 events; 0 were already here.\n");
    assert_eq!(
        out.stderr,
        format!(
            "unknot: {}: skipped 2 lines that could not be read (line 2, 4); the file is left as it is\n",
            offered.display()
        )
    );
    let lines = history_lines(&sandbox);
    let pains: Vec<i64> = lines.iter().filter_map(|l| l["pain"].as_i64()).collect();
    assert_eq!(pains, [4, 5]);
}

#[test]
fn import_refuses_what_is_not_a_history_and_writes_nothing() {
    let sandbox = sandbox_with_history("two_weeks.jsonl");
    let before = sandbox.history_bytes();
    let routine = sandbox.write("quick.ron", QUICK);
    let text = sandbox.write("notes.txt", "Tuesday: pain 4, walked 20 minutes.\n");
    let json = sandbox.write("other.json", "{\"name\": \"not a history\"}\n");
    let empty = sandbox.write("empty.jsonl", "");
    for file in [&routine, &text, &json, &empty] {
        let out = unknot(
            &sandbox,
            &["history", "import", file.to_str().expect("utf-8 path")],
        );
        assert_refused(&out, &file.display().to_string());
        assert_eq!(
            out.stderr,
            format!("unknot: {} is not an unknot history file\n", file.display())
        );
        assert_eq!(sandbox.history_bytes(), before, "{}", file.display());
    }

    let missing = sandbox.path().join("missing.jsonl");
    let out = unknot(
        &sandbox,
        &["history", "import", missing.to_str().expect("utf-8 path")],
    );
    assert_refused(&out, "a missing file");
    assert_eq!(
        out.stderr,
        format!("unknot: cannot read {}: no such file\n", missing.display())
    );
    let folder = sandbox.path();
    let out = unknot(
        &sandbox,
        &["history", "import", folder.to_str().expect("utf-8 path")],
    );
    assert_refused(&out, "a folder");
    assert_eq!(sandbox.history_bytes(), before);
}

#[test]
fn import_of_an_unreadable_file_into_a_fresh_data_folder_creates_nothing() {
    let sandbox = Sandbox::new();
    let text = sandbox.write("notes.txt", "not a history\n");
    let out = unknot(
        &sandbox,
        &["history", "import", text.to_str().expect("utf-8 path")],
    );
    assert_refused(&out, "text");
    assert!(!sandbox.history().exists(), "a history file was created");
}

/// The same event: every field equal, the time the same moment with the same UTC offset
/// (however the digits are written: "08:15:00.000+01:00" or "08:15:00+01:00").
fn assert_same_event(ours: &Value, theirs: &Value) {
    let at = |v: &Value| {
        let text = v["at"].as_str().expect("a timestamp");
        chrono::DateTime::parse_from_rfc3339(text).unwrap_or_else(|e| panic!("{text}: {e}"))
    };
    let (a, b) = (at(ours), at(theirs));
    assert!(
        a == b && a.offset() == b.offset(),
        "{a} vs {b}\nours:   {ours}\ntheirs: {theirs}"
    );
    let without_at = |v: &Value| {
        let mut v = v.clone();
        v.as_object_mut().expect("an object").remove("at");
        v
    };
    assert_eq!(without_at(ours), without_at(theirs));
}

#[test]
fn import_keeps_lines_from_a_newer_unknot_whole() {
    let sandbox = Sandbox::new();
    let line = "{\"v\":2,\"id\":\"01950000-0000-7000-8000-000000000199\",\"at\":\"2026-03-12T09:30:00+01:00\",\"type\":\"mood\"}";
    let newer = sandbox.write("newer.jsonl", &format!("{line}\n"));
    let out = unknot(
        &sandbox,
        &["history", "import", newer.to_str().expect("utf-8 path")],
    );
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert_eq!(out.stdout, "Imported 1 event; 0 were already here.\n");
    let kept = String::from_utf8(sandbox.history_bytes()).expect("utf-8");
    assert_eq!(
        kept,
        format!("{line}\n"),
        "kept as it was, for a newer unknot to read"
    );
    let again = unknot(
        &sandbox,
        &["history", "import", newer.to_str().expect("utf-8 path")],
    );
    assert_eq!(again.stdout, "Imported 0 events; 1 was already here.\n");
}

#[test]
fn import_keeps_fields_it_does_not_know() {
    let sandbox = Sandbox::new();
    let line = r#"{"v":1,"id":"01950000-0000-7000-8000-000000000301","at":"2026-03-12T09:30:00.000+01:00","type":"check_in","form":"01950000-0000-7000-8000-000000000302","moment":"log","pain":4,"mood":"calm"}"#;
    let file = sandbox.write("newer-build.jsonl", &format!("{line}\n"));
    let out = unknot(
        &sandbox,
        &["history", "import", file.to_str().expect("utf-8 path")],
    );
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert_eq!(out.stdout, "Imported 1 event; 0 were already here.\n");
    let lines = history_lines(&sandbox);
    assert_eq!(lines.len(), 1, "{lines:#?}");
    assert_eq!(lines[0]["mood"], "calm", "{}", lines[0]);
}

// ---- Exact exports -------------------------------------------------------------------------

/// `tests/fixtures/history/two_weeks.jsonl` as CSV, worked out by hand: sessions and quick logs
/// by the moment they happened (the Desk break, 23:30 on the 4th in New York, is 04:30 UTC on the
/// 5th, so it comes after the 03:00 UTC log of the 5th), dates in ISO 8601 with the local time
/// and UTC offset written, minutes to one decimal, a re-saved form counted once, notes of one
/// session joined, and CSV quoting of commas and quotes.
const TWO_WEEKS_CSV: &str = "\
date,kind,routine,minutes,outcome,pain_before,pain_after,change,verdict,areas,side,numbness,felt,note
2026-03-02T08:15:00+01:00,session,Gentle start,10.2,completed,6,3,-3,not judged: under 3 minutes done,buttock; thigh,left,yes,better,\"tight on the left / Easier to walk, \"\"much\"\" better\"
2026-03-03T21:40:00+01:00,quick log,,,,4,,,,calf,right,,,after a long drive
2026-03-05T03:00:00+00:00,quick log,,,,7,,,,back; buttock; foot,both,yes,,
2026-03-04T23:30:00-05:00,session,Desk break,1.0,interrupted,2,,,,,,,,
2026-03-06T18:00:00+01:00,session,Daily standard,1.6,stopped,5,6,1,not judged: under 3 minutes done,,,no,same,
2026-03-07T12:00:00+00:00,quick log,,,,0,,,,,,,,
";

const TWO_WEEKS_TABLE: &str = "\
Date                     Routine          Min  Outcome      Pain      Change
2026-03-02 08:15 +01:00  Gentle start    10.2  completed    6→3 (-3)  too short
2026-03-03 21:40 +01:00  quick log                          4
2026-03-05 03:00 +00:00  quick log                          7
2026-03-04 23:30 -05:00  Desk break       1.0  interrupted  2→?
2026-03-06 18:00 +01:00  Daily standard   1.6  stopped      5→6 (+1)  too short
2026-03-07 12:00 +00:00  quick log                          0
3 sessions, 3 quick logs
";

const SINCE_MARCH_6_JSON: &str = r#"[
  {
    "date": "2026-03-06T18:00:00+01:00",
    "kind": "session",
    "routine": "Daily standard",
    "minutes": 1.6,
    "outcome": "stopped",
    "pain_before": 5,
    "pain_after": 6,
    "change": 1,
    "verdict": "not judged: under 3 minutes done",
    "areas": null,
    "side": null,
    "numbness": "no",
    "felt": "same",
    "note": null
  },
  {
    "date": "2026-03-07T12:00:00+00:00",
    "kind": "quick log",
    "routine": null,
    "minutes": null,
    "outcome": null,
    "pain_before": 0,
    "pain_after": null,
    "change": null,
    "verdict": null,
    "areas": null,
    "side": null,
    "numbness": null,
    "felt": null,
    "note": null
  }
]
"#;

fn export(sandbox: &Sandbox, args: &[&str]) -> String {
    let out = unknot(sandbox, args);
    assert_eq!(out.code(), Some(0), "{args:?}: {}", out.describe());
    assert_eq!(out.stderr, "", "{args:?}: {}", out.describe());
    out.stdout
}

#[test]
fn csv_export_is_exact() {
    let sandbox = sandbox_with_history("two_weeks.jsonl");
    assert_eq!(
        export(&sandbox, &["history", "--format", "csv"]),
        TWO_WEEKS_CSV
    );
}

#[test]
fn json_export_is_exact() {
    let sandbox = sandbox_with_history("two_weeks.jsonl");
    assert_eq!(
        export(&sandbox, &["history", "--format", "json"]),
        read_fixture("two_weeks.expected.json")
    );
}

#[test]
fn a_history_joined_with_a_copy_of_itself_reads_as_once() {
    // As `cat old.jsonl history.jsonl > history.jsonl` by hand would leave it.
    let sandbox = sandbox_with_history("two_weeks.jsonl");
    let once = read_fixture("two_weeks.jsonl");
    std::fs::write(sandbox.history(), once.repeat(2)).expect("write the joined history");
    assert_eq!(
        export(&sandbox, &["history", "--format", "json"]),
        read_fixture("two_weeks.expected.json")
    );
}

#[test]
fn the_table_is_printed_when_output_is_not_a_terminal() {
    let sandbox = sandbox_with_history("two_weeks.jsonl");
    assert_eq!(
        export(&sandbox, &["history", "--format", "table"]),
        TWO_WEEKS_TABLE
    );
    assert_eq!(export(&sandbox, &["history"]), TWO_WEEKS_TABLE);
}

#[test]
fn since_keeps_the_local_day_given_and_after() {
    let sandbox = sandbox_with_history("two_weeks.jsonl");
    // The Desk break session began late on the 4th in New York, after midnight of the 5th in
    // UTC: the day it was written with counts, so it is left out.
    let csv = export(
        &sandbox,
        &["history", "--format", "csv", "--since", "2026-03-05"],
    );
    let header = TWO_WEEKS_CSV.lines().next().expect("a header");
    assert_eq!(
        csv,
        format!(
            "{header}\n\
             2026-03-05T03:00:00+00:00,quick log,,,,7,,,,back; buttock; foot,both,yes,,\n\
             2026-03-06T18:00:00+01:00,session,Daily standard,1.6,stopped,5,6,1,not judged: under 3 minutes done,,,no,same,\n\
             2026-03-07T12:00:00+00:00,quick log,,,,0,,,,,,,,\n"
        )
    );

    let json = export(
        &sandbox,
        &["history", "--format", "json", "--since", "2026-03-06"],
    );
    assert_eq!(json, SINCE_MARCH_6_JSON);

    // The first day itself is included.
    let csv = export(
        &sandbox,
        &["history", "--format", "csv", "--since", "2026-03-02"],
    );
    assert_eq!(csv, TWO_WEEKS_CSV);

    // Nothing that late: a header, an empty array, a sentence.
    assert_eq!(
        export(
            &sandbox,
            &["history", "--format", "csv", "--since", "2026-04-01"]
        ),
        format!("{header}\n")
    );
    assert_eq!(
        export(
            &sandbox,
            &["history", "--format", "json", "--since", "2026-04-01"]
        ),
        "[]\n"
    );
    assert_eq!(
        export(&sandbox, &["history", "--since", "2026-04-01"]),
        "No sessions or pain logs since 2026-04-01.\n"
    );
}

#[test]
fn an_empty_history_exports_a_header_an_empty_array_or_a_sentence() {
    let sandbox = Sandbox::new();
    let header = TWO_WEEKS_CSV.lines().next().expect("a header");
    assert_eq!(
        export(&sandbox, &["history", "--format", "csv"]),
        format!("{header}\n")
    );
    assert_eq!(export(&sandbox, &["history", "--format", "json"]), "[]\n");
    assert_eq!(
        export(&sandbox, &["history"]),
        "No sessions or pain logs yet: start a session with `unknot`, or log your pain with `unknot log 4`.\n"
    );
    // Reading creates nothing.
    assert!(!sandbox.data_dir().exists());
}

// ---- Bad input -----------------------------------------------------------------------------

const BAD: &[&[&str]] = &[
    &["log", "11"],
    &["log", "-1"],
    &["log", "abc"],
    &["log", "4.5"],
    &["log", ""],
    &["log"],
    &["log", "4", "--where", "knee"],
    &["log", "4", "--where", "buttock,knee"],
    &["log", "4", "--where"],
    &["log", "4", "--side", "up"],
    &["log", "4", "--mood", "ok"],
    &["history", "--since", "2026-13-01"],
    &["history", "--since", "yesterday"],
    &["history", "--since", "21/11/2026"],
    &["history", "--format", "csv", "--since", ""],
    &["history", "--format", "xml"],
    &["history", "import"],
    &["history", "import", "no-such-file.jsonl"],
    &["history", "import", "tests"],
    &["history", "import", "tests/fixtures/valid/minimal.ron"],
];

#[test]
fn bad_input_is_one_line_exit_2_and_leaves_the_history_alone() {
    let sandbox = sandbox_with_history("two_weeks.jsonl");
    let before = sandbox.history_bytes();
    for args in BAD {
        let out = unknot(&sandbox, args);
        assert_refused(&out, &format!("{args:?}"));
        assert_eq!(
            sandbox.history_bytes(),
            before,
            "{args:?} changed the history"
        );
    }
}

#[test]
fn bad_input_on_a_fresh_profile_creates_no_history() {
    let sandbox = Sandbox::new();
    for args in BAD {
        let out = unknot(&sandbox, args);
        assert_refused(&out, &format!("{args:?}"));
        assert!(
            !sandbox.history().exists(),
            "{args:?} created {}",
            sandbox.history().display()
        );
    }
}

#[test]
fn refusals_say_what_was_wrong() {
    let sandbox = Sandbox::new();
    for (args, words) in [
        (&["log", "11"][..], &["11", "0", "10"][..]),
        (
            &["log", "4", "--where", "knee"][..],
            &["knee", "buttock"][..],
        ),
        (&["log", "4", "--side", "up"][..], &["up", "left"][..]),
        (
            &["history", "--since", "yesterday"][..],
            &["yesterday", "2026-11-21"][..],
        ),
        (&["history", "--format", "xml"][..], &["xml", "csv"][..]),
    ] {
        let out = unknot(&sandbox, args);
        assert_refused(&out, &format!("{args:?}"));
        for word in words {
            assert!(
                out.stderr.contains(word),
                "{args:?}: {word:?} not said\n{}",
                out.describe()
            );
        }
    }
}

// ---- Text from outside ---------------------------------------------------------------------

/// Every sequence a terminal would obey, or that reorders what follows it: clear the screen,
/// retitle the window (OSC, ended by BEL), a hyperlink (OSC 8, ended by ST), C1 CSI and OSC, DEL,
/// a right-to-left override, line breaks and tabs.
const HOSTILE: &str = "\u{1b}[2J\u{1b}]0;owned\u{7}\u{1b}]8;;http://example.invalid\u{1b}\\\u{9b}31m\u{9d}0;c1\u{9c}\u{7f}\u{202E}\r\n\t";

/// Characters no export may hold: C0 but the line feed, DEL, C1, direction overrides.
fn unshowable(c: char) -> bool {
    (c.is_control() && c != '\n') || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A history as another machine, or a hand, might have left it: one session whose routine
/// name, step title and notes hold `HOSTILE` and run on for thousands of characters, a quick log
/// whose note is 50 MB on one line, and one that a spreadsheet would run. Written as JSON
/// writes strings: control characters escaped, C1 and overrides as they are.
fn hostile_history(sandbox: &Sandbox) -> PathBuf {
    let session = "019a2000-0000-7000-8000-0000000000a1";
    let line = |n: u32, fields: Value| {
        let mut line = serde_json::json!({
            "v": 1,
            "id": format!("019a2000-0000-7000-8000-0000000000{n:02}"),
            "at": format!("2026-11-0{}T09:00:00.000+01:00", n.min(9)),
        });
        line.as_object_mut()
            .expect("an object")
            .extend(fields.as_object().expect("an object").clone());
        line.to_string()
    };
    let name = format!("Reset{HOSTILE}{}", "r".repeat(60_000));
    let note = format!("sore{HOSTILE}left{}", "n".repeat(10_000));
    let lines = [
        line(
            1,
            serde_json::json!({"type": "session_started", "session": session, "routine": name, "routine_hash": "00"}),
        ),
        line(
            2,
            serde_json::json!({"type": "check_in", "form": "019a2000-0000-7000-8000-0000000000f1", "session": session, "moment": "before", "pain": 6, "note": note}),
        ),
        line(
            3,
            serde_json::json!({"type": "step_done", "session": session, "step": 0, "title": format!("Ball{HOSTILE}"), "planned_s": 600.0, "actual_s": 600.0, "skipped": false}),
        ),
        line(
            4,
            serde_json::json!({"type": "check_in", "form": "019a2000-0000-7000-8000-0000000000f2", "session": session, "moment": "during", "after_step": format!("Ball{HOSTILE}"), "pain": 5}),
        ),
        line(
            5,
            serde_json::json!({"type": "session_ended", "session": session, "outcome": "completed", "elapsed_s": 600.0}),
        ),
        line(
            6,
            serde_json::json!({"type": "check_in", "form": "019a2000-0000-7000-8000-0000000000f3", "session": session, "moment": "after", "pain": 3, "felt": "better", "note": note}),
        ),
        line(
            7,
            serde_json::json!({"type": "check_in", "form": "019a2000-0000-7000-8000-0000000000f4", "moment": "log", "pain": 4, "note": "x".repeat(50_000_000)}),
        ),
        line(
            8,
            serde_json::json!({"type": "check_in", "form": "019a2000-0000-7000-8000-0000000000f5", "moment": "log", "pain": 2, "note": "=HYPERLINK(\"http://example.invalid\",\"x\")"}),
        ),
    ];
    let path = sandbox.path().join("other-machine.jsonl");
    std::fs::write(&path, lines.join("\n") + "\n").expect("write the other history");
    path
}

#[test]
fn imported_text_reaches_no_export_as_a_command_nor_at_length() {
    let sandbox = Sandbox::new();
    let file = hostile_history(&sandbox);
    let out = unknot(
        &sandbox,
        &["history", "import", file.to_str().expect("utf-8 path")],
    );
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert_eq!(out.stdout, "Imported 7 events; 0 were already here.\n");
    assert_eq!(
        out.stderr,
        format!(
            "unknot: {}: skipped 1 line that could not be read (line 7); the file is left as it is\n",
            file.display()
        )
    );
    // Imported lines are copied as they were written; only the 50 MB one is left behind.
    let kept = sandbox.history_bytes();
    assert!(
        kept.len() > 80_000 && kept.len() < 200_000,
        "{} bytes",
        kept.len()
    );

    for format in ["csv", "table", "json"] {
        let out = export_text(&sandbox, format);
        assert!(!out.contains(unshowable), "{format}: {out:?}");
        assert!(out.contains("Reset[2J]0;owned"), "{format}: {out}");
        assert!(out.len() < 2000, "{format}: {} bytes", out.len());
    }
    for line in export_text(&sandbox, "table").lines() {
        assert!(line.chars().count() <= 79, "{line}");
    }
    let rows = export_json(&sandbox);
    assert_eq!(rows.len(), 2, "{rows:#?}");
    let routine = rows[0]["routine"].as_str().expect("a routine");
    assert_eq!(routine.chars().count(), 100, "{routine}");
    assert!(routine.ends_with('…'), "{routine}");
    // Both notes of the session, each cut to a note's length, joined.
    let notes = rows[0]["note"].as_str().expect("notes");
    for note in notes.split(" / ") {
        assert!(note.starts_with("sore[2J]0;owned"), "{note}");
        assert_eq!(note.chars().count(), 200, "{note}");
    }
    let text = export_text(&sandbox, "csv");
    let mut csv = csv::Reader::from_reader(text.as_bytes());
    let last = csv.records().last().expect("a row").expect("a CSV record");
    assert_eq!(&last[13], "'=HYPERLINK(\"http://example.invalid\",\"x\")");
}

/// `unknot history --format FORMAT`, succeeding with nothing on stderr but the one notice of
/// lines skipped, if any.
fn export_text(sandbox: &Sandbox, format: &str) -> String {
    let out = unknot(sandbox, &["history", "--format", format]);
    assert_eq!(out.code(), Some(0), "{format}: {}", out.describe());
    assert!(
        out.stderr_lines().len() <= 1,
        "{format}: {}",
        out.describe()
    );
    out.stdout
}

#[test]
fn the_review_of_a_hostile_history_opens_quickly_and_obeys_none_of_it() {
    let sandbox = Sandbox::new();
    let file = hostile_history(&sandbox);
    // In the history itself, as a hand might have put it: the 50 MB note too.
    std::fs::create_dir_all(sandbox.data_dir()).expect("create the data folder");
    std::fs::copy(&file, sandbox.history()).expect("copy the history");

    let started = Instant::now();
    let mut tui = Tui::start(sandbox, &["history"], 30, 100);
    tui.wait_for("1 Sessions");
    let opened = started.elapsed();
    for pane in ["3", "2", "3", "1"] {
        let shown = Instant::now();
        tui.key(pane);
        let wanted = match pane {
            "3" => "By routine",
            "2" => "Pain chart",
            _ => "Reset[2J]0;owned",
        };
        tui.wait_for(wanted);
        assert!(
            shown.elapsed() < Duration::from_secs(3),
            "pane {pane} took {:?}",
            shown.elapsed()
        );
    }
    assert!(
        opened < Duration::from_secs(10),
        "the review took {opened:?}"
    );
    tui.key(ENTER);
    tui.wait_for("sore[2J]0;owned");
    tui.key("q");
    tui.key("q");
    let (code, raw) = tui.wait_exit();
    assert_eq!(code, 0, "{}", tui.screen());
    for obeyed in [
        &b"\x1b]0;owned"[..],
        b"\x1b]8;;http",
        b"\xc2\x9b31m",
        b"\xe2\x80\xae",
    ] {
        assert!(
            common::tui::find(&raw, obeyed).is_empty(),
            "{:?} reached the terminal",
            String::from_utf8_lossy(obeyed)
        );
    }
}

#[test]
fn csv_cells_a_spreadsheet_would_run_start_with_a_quote() {
    let sandbox = Sandbox::new();
    let formula = "HYPERLINK(\"http://example.invalid\",\"x\")";
    for lead in ["=", "+", "-", "@", "\t=", "\r@"] {
        let out = unknot(
            &sandbox,
            &["log", "4", "--note", &format!("{lead}{formula}")],
        );
        assert_eq!(out.code(), Some(0), "{lead:?}: {}", out.describe());
    }
    let csv = export_text(&sandbox, "csv");
    let notes: Vec<String> = csv::Reader::from_reader(csv.as_bytes())
        .records()
        .map(|r| r.expect("a CSV record")[13].to_string())
        .collect();
    // A tab or a line break before it is a space, and the text's ends are trimmed.
    assert_eq!(
        notes,
        ["=", "+", "-", "@", "=", "@"].map(|lead| format!("'{lead}{formula}")),
        "{csv}"
    );
    // JSON is data for programs: the note exactly as kept.
    let rows = export_json(&sandbox);
    assert_eq!(rows[0]["note"], format!("={formula}"));
    assert_eq!(rows[2]["note"], format!("-{formula}"));
}

#[test]
fn a_routine_title_a_spreadsheet_would_run_is_quoted_and_numbers_are_not() {
    let sandbox = Sandbox::screened();
    let file = sandbox.write(
        "formula.ron",
        &QUICK.replace("Quick one", "-2+3+cmd|' /C calc'!A0"),
    );
    let out = common::run_with_input(sandbox.plain_start(&file, &[]), "\n6\n\n\n\n4\n\n\n");
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    let csv = export_text(&sandbox, "csv");
    let row = csv::Reader::from_reader(csv.as_bytes())
        .records()
        .next()
        .expect("a row")
        .expect("a CSV record");
    assert_eq!(&row[2], "'-2+3+cmd|' /C calc'!A0", "{csv}");
    // The change is a number: -2, not '-2.
    assert_eq!((&row[5], &row[6], &row[7]), ("6", "4", "-2"), "{csv}");
    assert_eq!(
        export_json(&sandbox)[0]["routine"],
        "-2+3+cmd|' /C calc'!A0"
    );
}

/// `unknot history --format FORMAT` of `clocks_go_back.jsonl` in London, where the clocks went
/// back at 02:00 on 25 October 2026.
fn in_london(sandbox: &Sandbox, format: &str) -> String {
    let mut cmd = sandbox.cmd_with_flags();
    cmd.env("TZ", "Europe/London")
        .args(["history", "--format", format]);
    let out = run(cmd);
    out.assert_no_panic();
    assert_eq!(out.code(), Some(0), "{format}: {}", out.describe());
    assert_eq!(out.stderr, "", "{format}: {}", out.describe());
    out.stdout
}

#[test]
fn the_night_the_clocks_go_back_every_export_keeps_each_time_with_its_offset() {
    let sandbox = sandbox_with_history("clocks_go_back.jsonl");
    // 01:45 summer time, then 01:15 and 01:50 winter time: 30 and 65 minutes later.
    for format in ["csv", "json", "table"] {
        assert_eq!(
            in_london(&sandbox, format),
            read_fixture(&format!("clocks_go_back.expected.{format}")),
            "{format}"
        );
    }
    let rows = export_json(&sandbox);
    let instants: Vec<chrono::DateTime<chrono::FixedOffset>> = rows
        .iter()
        .map(|r| {
            chrono::DateTime::parse_from_rfc3339(r["date"].as_str().expect("a date"))
                .expect("ISO 8601 with its offset")
        })
        .collect();
    assert!(instants.windows(2).all(|w| w[0] < w[1]), "{instants:?}");
    assert_eq!(
        (instants[1] - instants[0]).num_minutes(),
        30,
        "{instants:?}"
    );
}

#[test]
fn a_name_given_on_the_command_line_is_shown_in_a_message_never_obeyed() {
    let sandbox = Sandbox::new();
    for args in [
        &["start", "\u{1b}]0;owned\u{7}"][..],
        &["new", "\u{1b}[2J\u{9b}2J"][..],
        &["check", "\u{1b}[2J\u{202E}.ron"][..],
        &[
            "history",
            "import",
            "\u{1b}]8;;http://example.invalid\u{1b}\\",
        ][..],
    ] {
        let out = unknot(&sandbox, args);
        assert_refused(&out, &format!("{args:?}"));
        assert!(
            !out.stderr.contains(unshowable),
            "{args:?}: {:?}",
            out.stderr
        );
        // What was there is seen to be there.
        assert!(
            out.stderr.contains('\u{FFFD}'),
            "{args:?}: {:?}",
            out.stderr
        );
    }
}

#[test]
fn a_plain_note_too_long_is_refused_with_the_limit_and_asked_again() {
    let sandbox = Sandbox::screened();
    let file = sandbox.write("quick.ron", QUICK);
    let input = format!("\n6\n\n\n\n4\n\n{}\nshorter,\tthen\n", "x".repeat(319));
    let out = common::run_with_input(sandbox.plain_start(&file, &[]), &input);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    out.assert_lines_in_order(&[
        "A note for yourself, one line, or press Enter to skip.",
        "A note can be at most 200 characters: please type a shorter one, or press Enter to skip.",
    ]);
    let lines = history_lines(&sandbox);
    let after = check_ins(&lines, "after");
    assert_eq!(
        after.last().expect("the answers after")["note"],
        "shorter, then",
        "{lines:#?}"
    );
}

#[test]
fn typing_a_note_on_the_full_screen_stops_at_the_limit_it_states() {
    let sandbox = Sandbox::screened();
    let file = sandbox.write("quick.ron", QUICK);
    let file = file.to_str().expect("utf-8 path").to_string();
    let mut tui = Tui::start(sandbox, &["start", &file], 30, 100);
    tui.skip_before();
    tui.wait_for(common::tui::AFTER_TITLE);
    tui.key("4");
    tui.wait_for("How did the session feel?");
    tui.key(ENTER);
    tui.wait_for("A note for yourself (optional, up to 200 characters)");
    // 210 characters in one go: the last 10 are not taken.
    tui.key(&format!("{} {}", "a".repeat(100), "b".repeat(109)));
    tui.key(ENTER);
    tui.wait_for("Session complete");
    tui.key("q");
    let (code, _) = tui.wait_exit();
    assert_eq!(code, 0, "{}", tui.screen());
    let lines = history_lines(&tui.sandbox);
    let after = check_ins(&lines, "after");
    let note = after.last().expect("the answers after")["note"]
        .as_str()
        .expect("a note")
        .to_string();
    assert_eq!(note, format!("{} {}", "a".repeat(100), "b".repeat(99)));
}

// ---- The derived file of the recent past -------------------------------------------------------

/// More than a year of sessions and safety answers: over the bytes after which the derived file
/// of the recent past is kept.
fn a_long_history(sandbox: &Sandbox) {
    let mut lines = Vec::new();
    for day in (1..=400).rev() {
        let check = if day % 30 == 0 {
            "screening"
        } else {
            "quick_check"
        };
        lines.push(common::safety_line(day, check, "clear"));
        lines.extend(common::past_session(day, "gentle-start", 5, 3).1);
    }
    common::append_history(&sandbox.data_dir(), &lines);
}

/// What `unknot safety` lists, read with no derived file at all.
fn listed_from_scratch(history: &[u8]) -> String {
    let fresh = Sandbox::new();
    std::fs::create_dir_all(fresh.data_dir()).expect("a data folder");
    std::fs::write(fresh.history(), history).expect("a copy of the history");
    let out = unknot(&fresh, &["safety"]);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    out.stdout
}

#[test]
fn a_long_history_reads_the_same_from_its_derived_file_and_is_read_again_once_edited() {
    let sandbox = Sandbox::new();
    a_long_history(&sandbox);
    let history = std::fs::read(sandbox.history()).expect("the history");
    assert!(history.len() > 256 * 1024, "{} bytes", history.len());
    let derived = sandbox.data_dir().join("cache").join("recent.json");
    let csv = |sandbox: &Sandbox| {
        let out = unknot(sandbox, &["history", "--format", "csv"]);
        assert_eq!(out.code(), Some(0), "{}", out.describe());
        out.stdout
    };
    let exported = csv(&sandbox);
    assert!(!derived.exists(), "an export writes no derived file");

    let first = unknot(&sandbox, &["safety"]);
    assert_eq!(first.code(), Some(0), "{}", first.describe());
    assert!(derived.exists(), "kept after the first read");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&derived)
            .expect("derived")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let kept = std::fs::read(&derived).expect("derived");
    let again = unknot(&sandbox, &["safety"]);
    assert_eq!(again.stdout, first.stdout);
    assert_eq!(again.stdout, listed_from_scratch(&history));
    assert_eq!(
        std::fs::read(&derived).expect("derived"),
        kept,
        "read, not written"
    );
    assert_eq!(
        csv(&sandbox),
        exported,
        "exported the same with the derived file"
    );

    // The oldest screening edited by hand, in place: now it found a reason to see a GP.
    let text = String::from_utf8(history.clone()).expect("text");
    let edited = text.replacen(
        r#""check":"screening","result":"clear""#,
        r#""check":"screening","result":"see_gp""#,
        1,
    );
    assert_ne!(edited, text);
    std::fs::write(sandbox.history(), &edited).expect("edit");
    let after_edit = unknot(&sandbox, &["safety"]);
    assert_ne!(after_edit.stdout, first.stdout, "the edit is seen");
    assert_eq!(after_edit.stdout, listed_from_scratch(edited.as_bytes()));

    // A damaged derived file is not trusted, and is written again.
    for damage in [&b"{\"format\":1}\n[]"[..], b"", &kept[..kept.len() / 2]] {
        std::fs::write(&derived, damage).expect("damage");
        let out = unknot(&sandbox, &["safety"]);
        assert_eq!(out.stdout, after_edit.stdout);
        assert_ne!(std::fs::read(&derived).expect("derived"), damage);
    }
    assert_eq!(
        std::fs::read(sandbox.history()).expect("the history"),
        edited.as_bytes(),
        "never written by reading"
    );
}
