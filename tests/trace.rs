//! `UNKNOT_TRACE=FILE`: every phase boundary with when it was due and when the app reached it,
//! and when its cue was handed to the sound device and its history line synced: the raw
//! material of the accuracy benchmark.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "an integration test crate is test code throughout, and its helpers (here and in tests/common) fail a test by panicking as its #[test] functions do; clippy.toml's allow-*-in-tests reaches only #[test] functions and #[cfg(test)] modules"
)]

mod common;

use common::{Sandbox, run_with_input};

/// Lead-in 1 s; a 2 s hold on each side with 1 s between; then a 1 s hold.
const TIMED: &str = r#"(title: "Timed", level: Gentle, lead_in: 1, steps: [
    (title: "A", kind: Stretch, sides: Each, seconds: 2, rest: 1, instructions: ["x"]),
    (title: "B", kind: Movement, seconds: 1, instructions: ["y"]),
])"#;

#[test]
fn the_trace_has_every_boundary_due_exactly_on_the_schedule() {
    let sandbox = Sandbox::screened();
    let routine = sandbox.write("timed.ron", TIMED);
    let trace = sandbox.path().join("trace.txt");
    let mut cmd = sandbox.cmd_with_flags();
    cmd.env("UNKNOT_TRACE", &trace).args([
        "--plain",
        "--mute",
        "start",
        routine.to_str().expect("utf-8"),
    ]);
    // The quick check, then skip every question before.
    let out = run_with_input(cmd, "\n\n\n\n\n");
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    let text = std::fs::read_to_string(&trace).expect("a trace was written");
    let rows: Vec<(usize, f64, f64)> = text
        .lines()
        .filter(|l| l.starts_with("boundary "))
        .map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            (
                f[1].parse().expect("phase"),
                f[3].parse().expect("due"),
                f[4].parse().expect("seen"),
            )
        })
        .collect();
    let phases: Vec<usize> = rows.iter().map(|r| r.0).collect();
    assert_eq!(phases, [0, 1, 2, 3, 4, 5]);
    // lead-in, left, switch, right, lead-in, B: due at 0, 1, 3, 4, 6, 7 s.
    let due: Vec<f64> = rows.iter().map(|r| r.1).collect();
    assert_eq!(due, [0.0, 1000.0, 3000.0, 4000.0, 6000.0, 7000.0]);
    assert!(
        rows.iter().all(|r| r.2 >= r.1),
        "never reached before it was due"
    );
    // After each boundary: its cue handed over, then its line synced, never before it was due.
    let moments: Vec<(&str, usize, f64)> = text
        .lines()
        .filter(|l| !l.starts_with("boundary "))
        .map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            assert!(matches!(f[0], "cue" | "synced"), "{l}");
            (
                f[0],
                f[1].parse().expect("phase"),
                f[2].parse().expect("ms"),
            )
        })
        .collect();
    for (word, phase, at) in &moments {
        let due = rows.iter().find(|r| r.0 == *phase).map_or(0.0, |r| r.1);
        assert!(
            *at >= due,
            "{word} of phase {phase} at {at} ms, due {due} ms"
        );
    }
    let first = |word: &str, phase: usize| {
        moments
            .iter()
            .position(|(w, p, _)| *w == word && *p == phase)
    };
    for phase in 1..=5 {
        let cue = first("cue", phase).unwrap_or_else(|| panic!("no cue for phase {phase}"));
        if let Some(synced) = first("synced", phase) {
            assert!(
                cue < synced,
                "phase {phase}: the cue goes before the line is synced"
            );
        }
    }
    assert!(moments.iter().any(|(w, _, _)| *w == "synced"), "{text}");
}
