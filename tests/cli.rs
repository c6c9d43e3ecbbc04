//! The commands that print and exit: list, paths, new, start with a bad name, flags, help.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "an integration test crate is test code throughout, and its helpers (here and in tests/common) fail a test by panicking as its #[test] functions do; clippy.toml's allow-*-in-tests reaches only #[test] functions and #[cfg(test)] modules"
)]

mod common;

use common::{
    DeadEnd, NOTHING_NEW, Outcome, QUICK_PROMPT, Sandbox, past_session, run, run_into, spawn,
    wait_child,
};

fn unknot(sandbox: &Sandbox, args: &[&str]) -> Outcome {
    let mut cmd = sandbox.cmd();
    cmd.args(args);
    let out = run(cmd);
    out.assert_no_panic();
    out
}

const SHORT_ROUTINE: &str = r#"(
    title: "Evening unwind",
    level: Deep,
    lead_in: 0,
    steps: [(title: "Knee rolls", kind: Movement, seconds: 45)],
)
"#;

/// The list's rows split into their four columns, using the header's column positions.
fn list_rows(stdout: &str) -> Vec<[String; 4]> {
    let mut lines = stdout.lines();
    let header = lines.next().expect("a header line");
    let starts: Vec<usize> = ["NAME", "LEVEL", "TIME", "TITLE"]
        .iter()
        .map(|h| {
            header
                .find(h)
                .unwrap_or_else(|| panic!("{h} in {header:?}"))
        })
        .collect();
    assert_eq!(starts[0], 0, "{header:?}");
    lines
        .map(|line| {
            let cell = |i: usize| {
                let end = starts.get(i + 1).copied().unwrap_or(line.len());
                let cell = line.get(starts[i]..end.min(line.len())).unwrap_or("");
                // Columns are separated by at least two spaces.
                if i + 1 < starts.len() {
                    assert!(cell.ends_with("  "), "column {i} not aligned in {line:?}");
                }
                cell.trim().to_string()
            };
            [cell(0), cell(1), cell(2), cell(3)]
        })
        .collect()
}

fn row(name: &str, level: &str, time: &str, title: &str) -> [String; 4] {
    [name, level, time, title].map(String::from)
}

// ---- list ----------------------------------------------------------------------------------

/// "4 minutes 30 seconds" (as `check` says it) in the list's short form, "4 min 30 s".
fn short_duration(words: &str) -> String {
    words
        .split(' ')
        .map(|w| match w {
            "minute" | "minutes" => "min",
            "second" | "seconds" => "s",
            other => other,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The planned time of a routine file, from `unknot check`'s "ok" line.
fn checked_duration(sandbox: &Sandbox, file: &str) -> String {
    let out = unknot(sandbox, &["check", file]);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    let words = out
        .stdout
        .trim_end()
        .rsplit(", ")
        .next()
        .expect("a duration at the end of the ok line");
    short_duration(words)
}

#[test]
fn list_shows_the_bundled_routines() {
    let sandbox = Sandbox::new();
    let out = unknot(&sandbox, &["list"]);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert_eq!(out.stderr, "");
    let header: Vec<&str> = out
        .stdout
        .lines()
        .next()
        .unwrap()
        .split_whitespace()
        .collect();
    assert_eq!(header, ["NAME", "LEVEL", "TIME", "TITLE"]);
    // The times are whatever the routine files plan; `check` and `list` must agree on them.
    let time = |name: &str| checked_duration(&sandbox, &format!("routines/{name}.ron"));
    assert_eq!(
        list_rows(&out.stdout),
        [
            row(
                "gentle-start",
                "gentle",
                &time("gentle-start"),
                "Gentle start"
            ),
            row(
                "daily-standard",
                "standard",
                &time("daily-standard"),
                "Daily standard"
            ),
            row(
                "deep-release",
                "deep",
                &time("deep-release"),
                "Deep release"
            ),
            row("desk-break", "gentle", &time("desk-break"), "Desk break"),
            row(
                "nerve-glides",
                "gentle",
                &time("nerve-glides"),
                "Nerve glides"
            ),
        ]
    );
    for r in list_rows(&out.stdout) {
        let ok = r[2].split(' ').collect::<Vec<_>>().chunks(2).all(|pair| {
            pair.len() == 2 && pair[0].parse::<u32>().is_ok() && ["min", "s"].contains(&pair[1])
        });
        assert!(ok, "time {:?} is not like \"5 min 30 s\"", r[2]);
    }
}

/// The screen column where `word` starts in `line`: a CJK character or an emoji takes two.
fn column_of(line: &str, word: &str) -> usize {
    let at = line
        .find(word)
        .unwrap_or_else(|| panic!("{word:?} in {line:?}"));
    ratatui::text::Span::raw(&line[..at]).width()
}

#[test]
fn list_keeps_its_columns_with_wide_names_and_titles() {
    let sandbox = Sandbox::new();
    let wide = SHORT_ROUTINE.replace("Evening unwind", "腰痛ストレッチ 🧘");
    sandbox.user_routine("腰痛", &wide);
    sandbox.user_routine("evening", SHORT_ROUTINE);
    let out = unknot(&sandbox, &["list"]);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    let lines = out.stdout_lines();
    let header = lines[0];
    for (name, title) in [("腰痛", "腰痛ストレッチ 🧘"), ("evening", "Evening unwind")] {
        let row = lines
            .iter()
            .find(|l| l.starts_with(&format!("{name} ")))
            .unwrap_or_else(|| panic!("{name} in\n{}", out.stdout));
        assert_eq!(
            column_of(row, "deep"),
            column_of(header, "LEVEL"),
            "{row:?}"
        );
        assert_eq!(column_of(row, title), column_of(header, "TITLE"), "{row:?}");
    }
}

#[test]
fn list_marks_the_users_own_routines() {
    let sandbox = Sandbox::new();
    sandbox.user_routine("evening", SHORT_ROUTINE);
    let out = unknot(&sandbox, &["list"]);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert_eq!(out.stderr, "");
    let rows = list_rows(&out.stdout);
    assert_eq!(rows.len(), 6, "{}", out.describe());
    assert_eq!(
        rows[5],
        row("evening", "deep", "45 s", "Evening unwind (yours)")
    );
    for bundled in &rows[..5] {
        assert!(!bundled[3].contains("(yours)"), "{bundled:?}");
    }
}

#[test]
fn a_users_routine_with_a_bundled_name_takes_its_place() {
    let sandbox = Sandbox::new();
    sandbox.user_routine("desk-break", SHORT_ROUTINE);
    let out = unknot(&sandbox, &["list"]);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    let rows = list_rows(&out.stdout);
    let names: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        names,
        [
            "gentle-start",
            "daily-standard",
            "deep-release",
            "desk-break",
            "nerve-glides"
        ]
    );
    assert_eq!(
        rows[3],
        row("desk-break", "deep", "45 s", "Evening unwind (yours)")
    );
}

#[test]
fn a_broken_user_routine_is_a_warning_not_a_failure() {
    let sandbox = Sandbox::new();
    let broken = sandbox.user_routine(
        "broken",
        "(title: \"Broken\", level: Gentle, steps: [(title: \"S\", kind: Stretch, seconds: 2000)])\n",
    );
    sandbox.user_routine("evening", SHORT_ROUTINE);
    // Files without the .ron extension are not routines and are left alone.
    sandbox.write("routines/notes.txt", "not a routine");
    let out = unknot(&sandbox, &["list"]);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert_eq!(
        out.stderr,
        format!(
            "unknot: warning: skipped a routine that does not load: {}:1:79: expected seconds from 1 to 1800, found 2000\n",
            broken.display()
        )
    );
    let names: Vec<String> = list_rows(&out.stdout)
        .into_iter()
        .map(|r| r[0].clone())
        .collect();
    assert_eq!(
        names,
        [
            "gentle-start",
            "daily-standard",
            "deep-release",
            "desk-break",
            "nerve-glides",
            "evening"
        ]
    );
}

#[test]
fn list_works_when_the_routines_folder_is_missing() {
    let sandbox = Sandbox::new();
    assert!(!sandbox.routines_dir().exists());
    let out = unknot(&sandbox, &["list"]);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert_eq!(list_rows(&out.stdout).len(), 5);
}

// ---- paths ---------------------------------------------------------------------------------

#[test]
fn paths_shows_the_overridden_locations_from_flags() {
    let sandbox = Sandbox::new();
    let mut cmd = sandbox.cmd_with_flags();
    cmd.arg("paths");
    let out = run(cmd);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert_eq!(out.stderr, "");
    assert_eq!(
        out.stdout,
        format!(
            "config file    {}\nyour routines  {}\ndata folder    {}\n",
            sandbox.config().display(),
            sandbox.routines_dir().display(),
            sandbox.data_dir().display()
        )
    );
}

#[test]
fn paths_shows_the_overridden_locations_from_the_environment() {
    let sandbox = Sandbox::new();
    let out = unknot(&sandbox, &["paths"]);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    let lines = out.stdout_lines();
    assert_eq!(lines.len(), 3, "{}", out.describe());
    assert!(lines[0].ends_with(&sandbox.config().display().to_string()));
    assert!(lines[1].ends_with(&sandbox.routines_dir().display().to_string()));
    assert!(lines[2].ends_with(&sandbox.data_dir().display().to_string()));
}

#[test]
fn flags_win_over_the_environment() {
    let sandbox = Sandbox::new();
    let other = Sandbox::new();
    let mut cmd = other.cmd_with_flags();
    cmd.env("UNKNOT_CONFIG", sandbox.config())
        .env("UNKNOT_DATA_DIR", sandbox.data_dir())
        .arg("paths");
    let out = run(cmd);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert!(out.stdout.contains(&other.config().display().to_string()));
    assert!(!out.stdout.contains(&sandbox.config().display().to_string()));
}

// ---- new -----------------------------------------------------------------------------------

#[test]
fn new_writes_a_routine_that_checks_lists_and_is_not_overwritten() {
    let sandbox = Sandbox::new();
    let out = unknot(&sandbox, &["new", "my-evening"]);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert_eq!(out.stderr, "");
    let file = sandbox.routines_dir().join("my-evening.ron");
    let shown = file.display().to_string();
    assert!(file.is_file(), "{shown} was not written");
    assert_eq!(
        out.stdout,
        format!(
            "wrote {shown}: edit it, check it with `unknot check {shown}`, start it with `unknot start {shown}`\n"
        )
    );
    let written = std::fs::read_to_string(&file).expect("read the new routine");
    assert!(written.contains("title: \"My evening\""), "{written}");

    let checked = unknot(&sandbox, &["check", &shown]);
    assert_eq!(checked.code(), Some(0), "{}", checked.describe());
    assert!(
        checked
            .stdout
            .starts_with(&format!("ok: {shown}: \"My evening\", ")),
        "{}",
        checked.describe()
    );

    let listed = unknot(&sandbox, &["list"]);
    let rows = list_rows(&listed.stdout);
    let mine = rows
        .iter()
        .find(|r| r[0] == "my-evening")
        .unwrap_or_else(|| panic!("my-evening not listed\n{}", listed.describe()));
    assert_eq!(mine[1], "gentle");
    assert_eq!(mine[3], "My evening (yours)");

    let again = unknot(&sandbox, &["new", "my-evening"]);
    assert_eq!(again.code(), Some(2), "{}", again.describe());
    assert_eq!(again.stdout, "");
    assert_eq!(
        again.stderr,
        format!("unknot: {shown} already exists; choose another name or edit that file\n")
    );
    assert_eq!(
        std::fs::read_to_string(&file).expect("read again"),
        written,
        "the existing file must be left untouched"
    );
}

#[test]
fn new_with_a_bundled_routines_name_asks_before_it_takes_its_place() {
    let sandbox = Sandbox::new();
    let out = unknot(&sandbox, &["new", "gentle-start"]);
    assert_eq!(out.code(), Some(2), "{}", out.describe());
    assert_eq!(
        out.stderr,
        "unknot: gentle-start is a bundled routine, and a routine of yours by that name would take its place: choose another name, or add --replace to start from a copy of it\n"
    );
    let file = sandbox.routines_dir().join("gentle-start.ron");
    assert!(!file.exists(), "nothing is written");

    let out = unknot(&sandbox, &["new", "gentle-start", "--replace"]);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    let shown = file.display().to_string();
    assert_eq!(
        out.stdout,
        format!(
            "wrote {shown}, a copy of the bundled gentle-start: edit it, and `unknot start gentle-start` starts yours in its place\n"
        )
    );
    let copy = std::fs::read_to_string(&file).expect("the copy");
    assert!(copy.contains("title: \"Gentle start\""), "{copy}");
    let listed = unknot(&sandbox, &["list"]);
    let rows = list_rows(&listed.stdout);
    let gentle = rows
        .iter()
        .find(|r| r[0] == "gentle-start")
        .expect("listed");
    assert_eq!(gentle[3], "Gentle start (yours)");
}

#[test]
fn new_refuses_names_that_are_not_plain_names() {
    let sandbox = Sandbox::new();
    for bad in ["../x", "", "a b", "x.ron", "dir/name", "/tmp/evil"] {
        let out = unknot(&sandbox, &["new", bad]);
        assert_eq!(out.code(), Some(2), "{bad:?}: {}", out.describe());
        assert_eq!(out.stdout, "", "{bad:?}");
        assert_eq!(
            out.stderr,
            format!(
                "unknot: \"{bad}\" is not a usable routine name: use letters, digits and dashes\n"
            ),
            "{bad:?}"
        );
    }
    assert!(!sandbox.routines_dir().exists(), "nothing may be written");
    assert!(!sandbox.path().join("x.ron").exists());
}

// ---- start with a bad name -----------------------------------------------------------------

#[test]
fn start_an_unknown_routine() {
    let sandbox = Sandbox::new();
    let out = unknot(&sandbox, &["start", "no-such-routine"]);
    assert_eq!(out.code(), Some(2), "{}", out.describe());
    assert_eq!(out.stdout, "");
    assert_eq!(out.stderr_lines().len(), 1, "{}", out.describe());
    assert!(out.stderr.starts_with("unknot: "), "{}", out.stderr);
    assert!(out.stderr.contains("\"no-such-routine\""), "{}", out.stderr);
    assert_eq!(
        out.stderr,
        "unknot: there is no routine called \"no-such-routine\"; `unknot list` shows the routines you can start\n"
    );
}

#[test]
fn start_an_invalid_routine_file() {
    let sandbox = Sandbox::new();
    let out = unknot(
        &sandbox,
        &["start", "tests/fixtures/invalid/seconds_too_long.ron"],
    );
    assert_eq!(out.code(), Some(2), "{}", out.describe());
    assert_eq!(out.stdout, "");
    assert_eq!(
        out.stderr,
        "unknot: tests/fixtures/invalid/seconds_too_long.ron:9:22: expected seconds from 1 to 1800, found 2000\n"
    );
}

#[test]
fn start_a_missing_routine_file() {
    let sandbox = Sandbox::new();
    let out = unknot(&sandbox, &["start", "nowhere/evening.ron"]);
    assert_eq!(out.code(), Some(2), "{}", out.describe());
    assert_eq!(out.stdout, "");
    assert_eq!(
        out.stderr,
        "unknot: cannot read nowhere/evening.ron: no such file\n"
    );
}

// ---- flags, help, version ------------------------------------------------------------------

#[test]
fn an_unknown_flag_is_one_line_and_exit_2() {
    let sandbox = Sandbox::new();
    // Each mistake points to the help of the command it was made in.
    for (args, help) in [
        (&["--frobnicate"][..], "`unknot --help`"),
        (&["list", "--frobnicate"], "`unknot list --help`"),
        (&["start", "--frobnicate"], "`unknot start --help`"),
        (&["frobnicate"], "`unknot --help`"),
        (&["list", "extra"], "`unknot list --help`"),
        (&["history", "import"], "`unknot history import --help`"),
        (&["log", "5.5"], "`unknot log --help`"),
    ] {
        let out = unknot(&sandbox, args);
        assert_eq!(out.code(), Some(2), "{args:?}: {}", out.describe());
        assert_eq!(out.stdout, "", "{args:?}");
        assert_eq!(out.stderr_lines().len(), 1, "{args:?}: {}", out.describe());
        assert!(
            out.stderr.starts_with("unknot: "),
            "{args:?}: {}",
            out.stderr
        );
        assert!(out.stderr.contains(help), "{args:?}: {}", out.stderr);
    }
    let out = unknot(&sandbox, &["--frobnicate"]);
    assert_eq!(
        out.stderr,
        "unknot: unexpected argument '--frobnicate' found; see `unknot --help`\n"
    );
}

#[test]
fn a_pain_score_that_is_not_a_whole_number_from_0_to_10_says_so() {
    let sandbox = Sandbox::new();
    for pain in ["5.5", "11", "-1", "five"] {
        let out = unknot(&sandbox, &["log", pain]);
        assert_eq!(out.code(), Some(2), "{pain}: {}", out.describe());
        assert_eq!(
            out.stderr,
            format!(
                "unknot: invalid value '{pain}' for '<PAIN>': a pain score is a whole number from 0 to 10; see `unknot log --help`\n"
            )
        );
    }
    assert!(sandbox.history_text_lines().is_empty());
}

#[test]
fn the_files_check_and_import_take_are_described_in_their_help() {
    let sandbox = Sandbox::new();
    let check = unknot(&sandbox, &["check", "--help"]);
    assert!(
        check.stdout.contains("Routine files (.ron) to check"),
        "{}",
        check.stdout
    );
    let import = unknot(&sandbox, &["history", "import", "--help"]);
    assert!(
        import
            .stdout
            .contains("A history.jsonl from another machine or a backup"),
        "{}",
        import.stdout
    );
}

#[test]
fn check_without_files_is_one_line_and_exit_2() {
    let sandbox = Sandbox::new();
    let out = unknot(&sandbox, &["check"]);
    assert_eq!(out.code(), Some(2), "{}", out.describe());
    assert_eq!(out.stdout, "");
    assert_eq!(out.stderr_lines().len(), 1, "{}", out.describe());
    assert!(out.stderr.starts_with("unknot: "), "{}", out.stderr);
}

#[test]
fn check_without_files_says_what_is_missing() {
    let sandbox = Sandbox::new();
    let out = unknot(&sandbox, &["check"]);
    assert!(out.stderr.contains("FILE"), "{}", out.stderr);
    assert!(!out.stderr.contains(":;"), "{}", out.stderr);
}

#[test]
fn help_and_version() {
    let sandbox = Sandbox::new();
    for flag in ["--help", "-h"] {
        let out = unknot(&sandbox, &[flag]);
        assert_eq!(out.code(), Some(0), "{flag}: {}", out.describe());
        assert_eq!(out.stderr, "", "{flag}");
        for word in ["Usage", "start", "list", "check", "paths", "new", "--plain"] {
            assert!(
                out.stdout.contains(word),
                "{flag} lacks {word}:\n{}",
                out.stdout
            );
        }
    }
    let out = unknot(&sandbox, &["start", "--help"]);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert!(out.stdout.contains("Usage"), "{}", out.stdout);

    for flag in ["--version", "-V"] {
        let out = unknot(&sandbox, &[flag]);
        assert_eq!(out.code(), Some(0), "{flag}: {}", out.describe());
        assert_eq!(
            out.stdout,
            format!("unknot {}\n", env!("CARGO_PKG_VERSION")),
            "{flag}"
        );
    }
}

#[test]
fn plain_is_accepted_before_and_after_the_subcommand() {
    let sandbox = Sandbox::new();
    let without = unknot(&sandbox, &["list"]);
    for args in [&["--plain", "list"], &["list", "--plain"]] {
        let out = unknot(&sandbox, args);
        assert_eq!(out.code(), Some(0), "{args:?}: {}", out.describe());
        assert_eq!(out.stdout, without.stdout, "{args:?}");
    }
    for args in [&["--plain", "paths"], &["paths", "--plain"]] {
        let out = unknot(&sandbox, args);
        assert_eq!(out.code(), Some(0), "{args:?}: {}", out.describe());
    }
}

#[test]
fn bad_input_never_panics() {
    let sandbox = Sandbox::new();
    sandbox.user_routine("broken", "(((((");
    sandbox.write("routines/folder.ron/inside.ron", SHORT_ROUTINE);
    let cases: &[&[&str]] = &[
        &["--frobnicate"],
        &["start", "no-such-routine"],
        &["start", ""],
        &["start", "/"],
        &["start", "tests"],
        &["start", "tests/fixtures/invalid/unclosed.ron"],
        &["check", "tests/fixtures"],
        &["check", ""],
        &["check", "/dev/null"],
        &["new", ""],
        &["new", "../../x"],
        &["list", "--config"],
        &["--data-dir"],
        &["list"],
    ];
    for args in cases {
        let mut cmd = sandbox.cmd();
        cmd.env("RUST_BACKTRACE", "1").args(*args);
        let out = run(cmd);
        out.assert_no_panic();
        assert!(
            matches!(out.code(), Some(0..=2)),
            "{args:?}: {}",
            out.describe()
        );
        for line in out.stderr_lines() {
            assert!(line.starts_with("unknot: "), "{args:?}: {line:?}");
        }
    }
}

// ---- Output that cannot be written ---------------------------------------------------------

/// A sandbox whose history is longer than any buffer between unknot and its reader (csv's own
/// is 8 kB), so that an export meets the failure part-way, as `| head -1` makes it.
fn long_history() -> Sandbox {
    let sandbox = Sandbox::screened();
    let mut lines = Vec::new();
    for day in 0..200 {
        lines.extend(past_session(day, "Gentle start", 6, 3).1);
    }
    sandbox.append_history(&lines);
    sandbox
}

/// Every command that prints, as its arguments; `new` and `log` leave work behind too.
fn printing_commands(import: &str, new_name: &str) -> Vec<Vec<String>> {
    let commands: &[&[&str]] = &[
        &["paths"],
        &["safety"],
        &["about"],
        &["config", "--print-default"],
        &["list"],
        &["check", "routines/gentle-start.ron"],
        &["new", new_name],
        &["log", "3"],
        &["history"],
        &["history", "--format", "table"],
        &["history", "--format", "csv"],
        &["history", "--format", "json"],
        &["history", "import", import],
        &["--help"],
        &["--version"],
    ];
    commands
        .iter()
        .map(|c| c.iter().map(ToString::to_string).collect())
        .collect()
}

/// Runs every printing command with its output into `dead_end`; returns each outcome with its
/// arguments, and the sandbox.
fn print_into(dead_end: DeadEnd) -> (Sandbox, Vec<(Vec<String>, Outcome)>) {
    let sandbox = long_history();
    let theirs: Vec<String> = (0..3)
        .flat_map(|day| past_session(day, "Desk break", 4, 4).1)
        .collect();
    let import = sandbox.write("theirs.jsonl", &(theirs.join("\n") + "\n"));
    let outcomes = printing_commands(import.to_str().expect("utf-8 path"), "evening")
        .into_iter()
        .map(|args| {
            let mut cmd = sandbox.cmd();
            cmd.args(&args);
            let out = run_into(cmd, dead_end, "");
            out.assert_no_panic();
            (args, out)
        })
        .collect();
    (sandbox, outcomes)
}

#[test]
fn every_command_ends_quietly_with_141_when_its_reader_has_gone() {
    let (sandbox, outcomes) = print_into(DeadEnd::ClosedPipe);
    for (args, out) in &outcomes {
        assert_eq!(out.code(), Some(141), "{args:?}: {}", out.describe());
        assert_eq!(out.stderr, "", "{args:?}: {}", out.describe());
    }
    // What the command did besides printing is kept.
    assert!(sandbox.routines_dir().join("evening.ron").is_file());
    let logs = sandbox
        .history_text_lines()
        .iter()
        .filter(|l| l.contains(r#""moment":"log""#) && l.contains(r#""pain":3"#))
        .count();
    assert_eq!(logs, 1);
}

#[cfg(target_os = "linux")]
#[test]
fn every_command_says_a_full_disk_in_one_sentence_and_exits_1() {
    let (sandbox, outcomes) = print_into(DeadEnd::FullDisk);
    for (args, out) in &outcomes {
        assert_eq!(out.code(), Some(1), "{args:?}: {}", out.describe());
        assert_eq!(
            out.stderr, "unknot: cannot write the output: the disk is full\n",
            "{args:?}"
        );
    }
    assert!(sandbox.routines_dir().join("evening.ron").is_file());
}

#[test]
fn an_invalid_file_is_what_check_exits_with_when_its_output_fails_too() {
    let sandbox = Sandbox::new();
    let good = "routines/gentle-start.ron";
    let bad = sandbox.write("bad.ron", "(((");
    let mut cmd = sandbox.cmd();
    cmd.arg("check").arg(good).arg(&bad);
    let out = run_into(cmd, DeadEnd::ClosedPipe, "");
    assert_eq!(out.code(), Some(2), "{}", out.describe());
    assert!(out.stderr.contains("bad.ron"), "{}", out.describe());
}

/// A plain session of one 6-second hold: "Go", then "Halfway" 3 seconds on.
const SIX_SECONDS: &str = r#"(
    title: "Six seconds",
    level: Gentle,
    lead_in: 1,
    steps: [(title: "Knee rolls", kind: Movement, seconds: 6)],
)
"#;

/// The history's lines of one type, parsed.
fn lines_of_type(sandbox: &Sandbox, kind: &str) -> Vec<serde_json::Value> {
    sandbox
        .history_text_lines()
        .iter()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("a JSON line"))
        .filter(|v| v["type"] == kind)
        .collect()
}

#[test]
fn a_plain_session_whose_reader_goes_ends_and_keeps_what_was_done() {
    use std::io::BufRead;

    let sandbox = Sandbox::screened();
    let routine = sandbox.write("six.ron", SIX_SECONDS);
    let mut child = sandbox
        .plain_start(&routine, &["--mute"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("start unknot");
    let mut stdin = child.stdin.take().expect("stdin");
    let mut lines = std::io::BufReader::new(child.stdout.take().expect("stdout")).lines();
    let mut wait_for = |want: &str| {
        for line in lines.by_ref() {
            if line.expect("a line of stdout") == want {
                return;
            }
        }
        panic!("stdout ended before {want:?}");
    };
    wait_for(QUICK_PROMPT);
    std::io::Write::write_all(&mut stdin, NOTHING_NEW.as_bytes()).expect("answer");
    // No more input: the questions before are skipped and the session runs on.
    drop(stdin);
    wait_for("Go");
    // The reader goes mid-hold; "Halfway" then has nowhere to go.
    drop(lines);
    let status = wait_child(&mut child);
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().expect("stderr"), &mut stderr)
        .expect("read stderr");
    assert_eq!(status.code(), Some(141), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    // Ended then, not at the end of the hold, as a session stopped from outside is, with what
    // was answered.
    let ended = lines_of_type(&sandbox, "session_ended");
    assert_eq!(ended.len(), 1, "{:?}", sandbox.history_text_lines());
    assert_eq!(ended[0]["outcome"], "interrupted");
    let checks = lines_of_type(&sandbox, "safety");
    assert!(
        checks.iter().any(|c| c["check"] == "quick_check"),
        "{checks:?}"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn a_plain_session_to_a_full_disk_ends_at_once_with_one_sentence() {
    let sandbox = Sandbox::screened();
    let routine = sandbox.write("six.ron", SIX_SECONDS);
    let out = run_into(
        sandbox.plain_start(&routine, &["--mute"]),
        DeadEnd::FullDisk,
        NOTHING_NEW,
    );
    out.assert_no_panic();
    assert_eq!(out.code(), Some(1), "{}", out.describe());
    assert_eq!(
        out.stderr_without_sound_note(),
        "unknot: cannot write the output: the disk is full\n"
    );
    // Nothing could be asked, so nothing started.
    assert!(lines_of_type(&sandbox, "session_started").is_empty());
}

#[test]
fn a_plain_session_ends_on_every_signal_asking_it_to_as_on_sigterm() {
    for (name, number) in [
        ("QUIT", libc::SIGQUIT),
        ("USR1", libc::SIGUSR1),
        ("ALRM", libc::SIGALRM),
    ] {
        let sandbox = Sandbox::screened();
        let routine = sandbox.write("six.ron", SIX_SECONDS);
        let mut running = spawn(sandbox.plain_start(&routine, &["--mute"]));
        running.pass_quick_check();
        // No more input: the questions before are skipped and the session runs on.
        running.close_stdin();
        running.wait_for_stdout("Go\n");
        running.signal(name);
        let out = running.finish_after_exit();
        out.assert_no_panic();
        assert_eq!(out.code(), Some(128 + number), "{name}: {}", out.describe());
        let ended = lines_of_type(&sandbox, "session_ended");
        assert_eq!(ended.len(), 1, "{name}");
        assert_eq!(ended[0]["outcome"], "interrupted", "{name}");
    }
}

// ---- completions and manual pages ----------------------------------------------------------

#[test]
fn completions_register_with_each_shell_and_name_every_routine_yours_too() {
    let sandbox = Sandbox::new();
    sandbox.user_routine(
        "evening-wind-down",
        r#"(title: "Evening wind-down", level: Gentle, steps: [(title: "Rest", kind: Rest, seconds: 30)])"#,
    );
    for shell in ["bash", "zsh", "fish"] {
        let out = unknot(&sandbox, &["completions", shell]);
        assert_eq!(out.code(), Some(0), "{shell}: {}", out.describe());
        assert!(out.stdout.contains("COMPLETE="), "{shell}: {}", out.stdout);
        assert!(out.stdout.contains("unknot"), "{shell}: {}", out.stdout);
    }
    // The shell asks unknot at each Tab; fish takes a name and its help a line each.
    // From a folder holding nothing else to complete.
    let mut cmd = sandbox.cmd();
    cmd.env("COMPLETE", "fish")
        .current_dir(sandbox.path())
        .args(["--", "unknot", "start", "e"]);
    let out = run(cmd);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert_eq!(out.stdout, "evening-wind-down\tEvening wind-down\n");
    let mut cmd = sandbox.cmd();
    cmd.env("COMPLETE", "fish")
        .args(["--", "unknot", "start", "d"]);
    let names: Vec<String> = run(cmd)
        .stdout
        .lines()
        .map(|l| l.split('\t').next().unwrap_or_default().to_string())
        .collect();
    assert_eq!(names, ["daily-standard", "deep-release", "desk-break"]);
}

#[test]
fn bash_completes_a_routine_name_through_the_registered_function() {
    let sandbox = Sandbox::new();
    let bin_dir = std::path::Path::new(common::BIN)
        .parent()
        .expect("the binary's folder");
    // As bash would on `unknot start ner<Tab>`.
    let script = r#"source <(unknot completions bash)
COMP_WORDS=(unknot start ner); COMP_CWORD=2; COMP_TYPE=9
_clap_complete_unknot unknot ner start
printf '%s\n' "${COMPREPLY[@]}""#;
    let mut bash = std::process::Command::new("bash");
    bash.args(["--noprofile", "--norc", "-c", script])
        .env("PATH", format!("{}:/usr/bin:/bin", bin_dir.display()))
        .env("UNKNOT_CONFIG", sandbox.config())
        .env("HOME", sandbox.path())
        .current_dir(sandbox.path());
    let out = run(bash);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert_eq!(out.stdout.trim(), "nerve-glides", "{}", out.describe());
}

#[test]
fn man_prints_the_manual_and_writes_a_page_for_every_command() {
    let sandbox = Sandbox::new();
    let out = unknot(&sandbox, &["man"]);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert!(out.stdout.contains(".TH unknot 1"), "{}", out.stdout);
    assert!(out.stdout.contains("completions"), "{}", out.stdout);
    let dir = sandbox.path().join("man").join("man1");
    let out = unknot(&sandbox, &["man", "--dir", dir.to_str().expect("utf-8")]);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    for page in [
        "unknot.1",
        "unknot-start.1",
        "unknot-log.1",
        "unknot-history-import.1",
    ] {
        let text =
            std::fs::read_to_string(dir.join(page)).unwrap_or_else(|e| panic!("{page}: {e}"));
        assert!(text.starts_with(".ie"), "{page}: {text}");
    }
}

// ---- calendar reminders --------------------------------------------------------------------

#[test]
fn remind_writes_a_calendar_file_once_and_replaces_it_only_when_asked() {
    let sandbox = Sandbox::new();
    let file = sandbox.path().join("reminder.ics");
    let out_arg = file.to_str().expect("utf-8").to_string();
    let args = [
        "remind",
        "--ics",
        "--at",
        "07:45",
        "--days",
        "fri,mon",
        "--routine",
        "desk-break",
        "--out",
        &out_arg,
    ];
    let out = unknot(&sandbox, &args);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert!(
        out.stdout
            .contains("a reminder at 07:45 on Mon, Fri, with an alarm"),
        "{}",
        out.stdout
    );
    let ics = std::fs::read_to_string(&file).expect("the calendar file");
    let lines: Vec<&str> = ics.lines().collect();
    for want in [
        "BEGIN:VCALENDAR",
        "RRULE:FREQ=WEEKLY;BYDAY=MO,FR",
        "SUMMARY:Time for your stretching routine",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "END:VCALENDAR",
    ] {
        assert!(lines.contains(&want), "{want} missing:\n{ics}");
    }
    // Desk break is 5 min 30 s: the event lasts 6 minutes from 07:45.
    let start = lines
        .iter()
        .find(|l| l.starts_with("DTSTART:"))
        .expect("a start");
    let end = lines
        .iter()
        .find(|l| l.starts_with("DTEND:"))
        .expect("an end");
    assert!(start.ends_with("T074500"), "{start}");
    assert!(end.ends_with("T075100"), "{end}");
    assert!(ics.contains("unknot start desk-break"), "{ics}");

    let again = unknot(&sandbox, &args);
    assert_eq!(again.code(), Some(2), "{}", again.describe());
    assert_eq!(
        again.stderr,
        format!(
            "unknot: {out_arg} already exists; add --force to replace it, or --out to write another file\n"
        )
    );
    assert_eq!(std::fs::read_to_string(&file).expect("still there"), ics);
    let mut forced = args.to_vec();
    forced.push("--force");
    assert_eq!(unknot(&sandbox, &forced).code(), Some(0));

    let stdout = unknot(&sandbox, &["remind", "--ics", "--out", "-"]);
    assert!(
        stdout.stdout.starts_with("BEGIN:VCALENDAR"),
        "{}",
        stdout.stdout
    );
    assert!(
        stdout.stdout.contains("RRULE:FREQ=DAILY"),
        "{}",
        stdout.stdout
    );

    let unknown = unknot(
        &sandbox,
        &["remind", "--ics", "--routine", "nope", "--out", "-"],
    );
    assert_eq!(unknown.code(), Some(2), "{}", unknown.describe());
    assert_eq!(unknown.stdout, "");
}
