//! `unknot check FILE...` as a person sees it: one exact line per problem on stderr, the line and
//! column of the mistake, exit code 2; "ok" lines on stdout for files that load.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "an integration test crate is test code throughout, and its helpers (here and in tests/common) fail a test by panicking as its #[test] functions do; clippy.toml's allow-*-in-tests reaches only #[test] functions and #[cfg(test)] modules"
)]

mod common;

use std::path::Path;

use common::{MANIFEST_DIR, Outcome, Sandbox, run};

/// Runs `unknot check` with `files` from the crate root, so relative paths print as given.
fn check<P: AsRef<std::ffi::OsStr>>(files: &[P]) -> Outcome {
    let sandbox = Sandbox::new();
    let mut cmd = sandbox.cmd();
    cmd.arg("check").args(files);
    let out = run(cmd);
    out.assert_no_panic();
    out
}

/// One invalid file: exit 2, nothing on stdout, exactly `unknot: PATH<rest>` on stderr.
fn assert_invalid(path: &str, rest: &str) {
    let out = check(&[path]);
    assert_eq!(out.code(), Some(2), "{}", out.describe());
    assert_eq!(out.stdout, "", "{}", out.describe());
    assert_eq!(
        out.stderr,
        format!("unknot: {path}{rest}\n"),
        "{}",
        out.describe()
    );
}

/// One test per fixture in tests/fixtures/invalid, named after the file, with the exact text
/// that follows `unknot: PATH` on stderr.
macro_rules! invalid_fixtures {
    ($($name:ident => $rest:expr,)*) => {
        const INVALID_FIXTURES: &[&str] = &[$(stringify!($name)),*];
        $(
            #[test]
            fn $name() {
                assert_invalid(
                    concat!("tests/fixtures/invalid/", stringify!($name), ".ron"),
                    $rest,
                );
            }
        )*
    };
}

invalid_fixtures! {
    seconds_too_long => ":9:22: expected seconds from 1 to 1800, found 2000",
    seconds_zero => ":5:58: expected seconds from 1 to 1800, found 0",
    reps_too_many => ":9:19: expected reps from 1 to 20, found 21",
    rest_too_long => ":10:19: expected rest from 0 to 600, found 601",
    lead_in_too_long => ":4:14: expected lead_in from 0 to 60, found 61",
    lead_in_negative => ":4:15: expected lead_in from 0 to 60, found -5",
    unknown_field => ":3:5: unknown field `colour`; expected one of: title, summary, level, series, lead_in, steps",
    unknown_step_field => ":5:47: unknown field `secs`; expected one of: title, kind, tool, sides, seconds, reps, rest, wait_for_key, instructions, caution, pose, figure",
    unknown_level => ":3:12: unknown value `Easy`; expected one of: Gentle, Standard, Deep",
    unknown_kind => ":5:39: unknown value `Yoga`; expected one of: Massage, Stretch, Movement, Rest, CheckIn",
    unknown_tool => ":5:63: unknown value `Golfball`; expected one of: TennisBall, FoamRoller, Chair, Wall, Mat",
    only_check_ins => ":8:1: a routine needs at least one step that is not a CheckIn (steps: [...])",
    no_steps => ":5:1: a routine needs at least one step that is not a CheckIn (steps: [...])",
    missing_seconds => ":9:9: step \"Knee to chest\" needs seconds: how long to hold it, from 1 to 1800",
    seconds_on_check_in => ":6:67: step \"How is the pain now?\" is a CheckIn, which has no timer: remove its seconds",
    empty_title => ":2:13: expected a title with some words in it, found an empty one",
    empty_step_title => ":5:18: expected a title with some words in it, found an empty one",
    line_break_in_title => ":5:25: expected text on one line, found a line break (for several lines of instructions, give each line its own quotes)",
    control_character_in_instructions => ":5:84: expected text, found the control character U+001B, which a terminal would not show",
    direction_override_in_title => ":5:18: expected text, found the direction control U+202E, which would make the text after it read out of order",
    trailing_text => ":7:2: expected the end of the file after the routine's closing ), found more text",
    missing_comma => ":3:5: expected a comma here, between two fields or two items",
    wrong_type => ":5:55: expected a whole number, such as 30",
    wrong_type_bool => ":5:73: expected true or false",
    tool_without_some => ":5:59: expected Some(...) or None, such as Some(TennisBall)",
    missing_level => ":6:1: the routine needs a `level` field",
    missing_kind => ":5:42: this step needs a `kind` field",
    duplicate_field => ":4:5: the field `level` is given twice",
    unclosed => ":6:7: the file ends too early: a closing ) or ] is probably missing",
    unknown_pose => ":5:53: there is no pose called \"cobra\"; `unknot show --poses` lists them: lying-rest, pelvic-tilt, knee-rolls, roller-outer-thigh, ball-under-glutes, roller-hamstrings, roller-calves, calf-stretch-wall, knee-to-chest, figure-four, glute-bridge, cat-camel, seated-rest, seated-pelvic-tilt, seated-hamstring, seated-figure-four, seated-nerve-slider, ball-on-wall, walking",
    bone_too_long => ":16:17: the near arm from (45, 40) to (95, 40) is longer than a bone can be (40 units at most)",
    point_outside_the_frame => ":11:34: expected a point inside the figure's frame, x from 0 to 100 and y from 0 to 60, found (40, 65)",
    no_positions => ":9:40: expected one position, or two for a movement (where it starts and where it ends), found 0",
    pose_and_figure => ":17:9: a step takes a pose from the library or a figure of its own, not both",
    empty => " is empty; a routine starts with ( and a title",
    comments_only => " is empty; a routine starts with ( and a title",
}

fn fixture_names(folder: &str) -> Vec<String> {
    let dir = Path::new(MANIFEST_DIR).join("tests/fixtures").join(folder);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|e| e.expect("folder entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .map(|p| {
            p.file_stem()
                .expect("file name")
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

#[test]
fn every_invalid_fixture_has_its_own_test() {
    let mut tested: Vec<String> = INVALID_FIXTURES.iter().map(ToString::to_string).collect();
    tested.sort();
    assert_eq!(fixture_names("invalid"), tested);
}

#[test]
fn the_line_and_column_point_into_the_file() {
    // Every positioned message names a line that exists and a column within (or just past) it.
    for name in INVALID_FIXTURES {
        let path = format!("tests/fixtures/invalid/{name}.ron");
        let source = std::fs::read_to_string(Path::new(MANIFEST_DIR).join(&path)).expect("read");
        let out = check(&[&path]);
        let Some(rest) = out.stderr.strip_prefix(&format!("unknot: {path}:")) else {
            continue;
        };
        let mut parts = rest.splitn(3, ':');
        let line: usize = parts.next().and_then(|s| s.parse().ok()).expect("line");
        let column: usize = parts.next().and_then(|s| s.parse().ok()).expect("column");
        let text = source
            .lines()
            .nth(line - 1)
            .unwrap_or_else(|| panic!("{path}: line {line} is past the end of the file"));
        assert!(
            column >= 1 && column <= text.chars().count() + 1,
            "{path}: column {column} is outside line {line}: {text:?}"
        );
    }
}

// ---- Files that are not routines at all ----------------------------------------------------

#[test]
fn a_missing_file() {
    let out = check(&["tests/fixtures/no-such-routine.ron"]);
    assert_eq!(out.code(), Some(2), "{}", out.describe());
    assert_eq!(out.stdout, "");
    assert_eq!(
        out.stderr,
        "unknot: cannot read tests/fixtures/no-such-routine.ron: no such file\n"
    );
}

#[test]
fn a_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("folder.ron");
    std::fs::create_dir(&folder).expect("create folder");
    let out = check(&[&folder]);
    assert_eq!(out.code(), Some(2), "{}", out.describe());
    assert_eq!(out.stdout, "");
    assert_eq!(
        out.stderr,
        format!(
            "unknot: cannot read {}: it is a folder, not a file\n",
            folder.display()
        )
    );
}

#[test]
fn binary_junk() {
    let dir = tempfile::tempdir().expect("temp dir");
    let junk = dir.path().join("junk.ron");
    let mut bytes: Vec<u8> = (0u8..=255).cycle().take(2000).collect();
    bytes.splice(0..0, [0xff, 0xfe, 0x00, 0xc3]);
    std::fs::write(&junk, bytes).expect("write junk");
    let out = check(&[&junk]);
    assert_eq!(out.code(), Some(2), "{}", out.describe());
    assert_eq!(out.stdout, "");
    assert_eq!(
        out.stderr,
        format!(
            "unknot: {}:1:1: byte 0xFF is not UTF-8 text; save the file as UTF-8\n",
            junk.display()
        )
    );
}

#[test]
fn a_ten_megabyte_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let big = dir.path().join("big.ron");
    // Valid-looking text, so only the size can be the problem.
    let mut text = String::from("(\n    title: \"Big\",\n    level: Gentle,\n    steps: [\n");
    let step = "        (title: \"Knee rolls\", kind: Movement, seconds: 30),\n";
    while text.len() < 10 * 1024 * 1024 {
        text.push_str(step);
    }
    text.push_str("    ],\n)\n");
    std::fs::write(&big, text).expect("write big file");
    let out = check(&[&big]);
    assert_eq!(out.code(), Some(2), "{}", out.describe());
    assert_eq!(out.stdout, "");
    assert_eq!(
        out.stderr,
        format!(
            "unknot: {} is too large to be a routine (more than 1 MB)\n",
            big.display()
        )
    );
}

// ---- Valid files ---------------------------------------------------------------------------

#[test]
fn the_documented_example_loads_as_written() {
    let out = check(&["tests/fixtures/valid/example.ron"]);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert_eq!(
        out.stdout,
        "ok: tests/fixtures/valid/example.ron: \"Gentle start\", 2 steps, 2 minutes 15 seconds\n"
    );
    assert_eq!(out.stderr, "");
}

#[test]
fn every_valid_fixture_loads_and_prints_one_line_each_in_order() {
    let names = fixture_names("valid");
    assert!(names.len() >= 3, "{names:?}");
    let paths: Vec<String> = names
        .iter()
        .map(|n| format!("tests/fixtures/valid/{n}.ron"))
        .collect();
    let out = check(&paths);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert_eq!(out.stderr, "", "no tally when every file is valid");
    let lines = out.stdout_lines();
    assert_eq!(lines.len(), paths.len(), "{}", out.describe());
    for (line, path) in lines.iter().zip(&paths) {
        assert!(line.starts_with(&format!("ok: {path}: \"")), "{line}");
    }
}

#[test]
fn values_at_the_limits_are_allowed() {
    let out = check(&["tests/fixtures/valid/limits.ron"]);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    // Six lead-ins of 60 s, 1 + 1800 + (20 x 1 + 19 x 600) + (1 + 60 switch + 1) + 1 + 1 seconds.
    assert_eq!(
        out.stdout,
        "ok: tests/fixtures/valid/limits.ron: \"At the limits\", 7 steps, 227 minutes 25 seconds\n"
    );
}

#[test]
fn the_bundled_routines_all_pass() {
    let mut files: Vec<String> = std::fs::read_dir(Path::new(MANIFEST_DIR).join("routines"))
        .expect("read routines/")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| Path::new(n).extension().is_some_and(|x| x == "ron"))
        .map(|n| format!("routines/{n}"))
        .collect();
    files.sort();
    assert!(files.len() >= 3, "{files:?}");
    let out = check(&files);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    assert_eq!(out.stderr, "");
    let lines = out.stdout_lines();
    assert_eq!(lines.len(), files.len(), "{}", out.describe());
    for (line, file) in lines.iter().zip(&files) {
        assert!(line.starts_with(&format!("ok: {file}: \"")), "{line}");
    }
}

// ---- Several files -------------------------------------------------------------------------

#[test]
fn several_files_one_line_each_then_a_tally() {
    let out = check(&[
        "tests/fixtures/valid/example.ron",
        "tests/fixtures/invalid/seconds_too_long.ron",
        "tests/fixtures/missing.ron",
    ]);
    assert_eq!(out.code(), Some(2), "{}", out.describe());
    assert_eq!(
        out.stdout,
        "ok: tests/fixtures/valid/example.ron: \"Gentle start\", 2 steps, 2 minutes 15 seconds\n"
    );
    assert_eq!(
        out.stderr_lines(),
        [
            "unknot: tests/fixtures/invalid/seconds_too_long.ron:9:22: expected seconds from 1 to 1800, found 2000",
            "unknot: cannot read tests/fixtures/missing.ron: no such file",
            "unknot: 1 valid, 2 invalid",
        ]
    );
}

#[test]
fn all_invalid_files_are_reported_not_just_the_first() {
    let out = check(&[
        "tests/fixtures/invalid/unknown_level.ron",
        "tests/fixtures/invalid/empty.ron",
    ]);
    assert_eq!(out.code(), Some(2), "{}", out.describe());
    assert_eq!(out.stdout, "");
    assert_eq!(
        out.stderr_lines(),
        [
            "unknot: tests/fixtures/invalid/unknown_level.ron:3:12: unknown value `Easy`; expected one of: Gentle, Standard, Deep",
            "unknot: tests/fixtures/invalid/empty.ron is empty; a routine starts with ( and a title",
            "unknot: 0 valid, 2 invalid",
        ]
    );
}

#[test]
fn one_valid_and_one_invalid_still_fails() {
    let out = check(&[
        "tests/fixtures/invalid/reps_too_many.ron",
        "tests/fixtures/valid/minimal.ron",
    ]);
    assert_eq!(out.code(), Some(2), "{}", out.describe());
    assert_eq!(out.stdout_lines().len(), 1, "{}", out.describe());
    assert!(
        out.stdout
            .starts_with("ok: tests/fixtures/valid/minimal.ron: \"Minimal\"")
    );
    assert_eq!(
        out.stderr_lines().last(),
        Some(&"unknot: 1 valid, 1 invalid")
    );
}

// ---- Wording ---------------------------------------------------------------------------------

#[test]
fn one_step_is_singular() {
    let out = check(&["tests/fixtures/valid/minimal.ron"]);
    assert_eq!(
        out.stdout,
        "ok: tests/fixtures/valid/minimal.ron: \"Minimal\", 1 step, 35 seconds\n"
    );
}

#[test]
fn messages_never_name_internal_types() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cases = [
        // A byte-order mark, as some editors write.
        (
            "bom.ron",
            "\u{feff}(title: \"A\", level: Gentle, steps: [(title: \"S\", kind: Stretch, seconds: 20)])\n",
        ),
        // Cut off inside the list of steps.
        (
            "cut.ron",
            "(\n  title: \"A\",\n  level: Gentle,\n  steps: [\n    (title: \"S\", kind: Stretch, seconds: 20),\n",
        ),
        // Named like the Rust struct.
        (
            "named.ron",
            "Routine(title: \"A\", level: Gentle, steps: [(title: \"S\", kind: Stretch, seconds: 20)])\n",
        ),
    ];
    for (name, text) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, text).expect("write");
        let out = check(&[&path]);
        assert!(
            !out.stderr.contains("Raw") && !out.stderr.contains("struct"),
            "{name}: {}",
            out.stderr
        );
    }
}
