//! `unknot report` as a physiotherapist receives it: a page made from eight weeks of use,
//! printed to PDF by a real browser (headless Chromium) and read back with `pdftotext`; and the
//! command's refusals, each one sentence with exit code 2 and nothing half-written.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "an integration test crate is test code throughout, and its helpers (here and in tests/common) fail a test by panicking as its #[test] functions do; clippy.toml's allow-*-in-tests reaches only #[test] functions and #[cfg(test)] modules"
)]

mod common;

use std::path::Path;
use std::process::Command;

use common::{Sandbox, history_line, past_session, run};

/// Eight weeks of use: three sessions a week with pain coming down, a quick log now and then,
/// a weekly check each week, a next-morning answer each week, and a note.
fn eight_weeks(sandbox: &Sandbox) {
    let mut lines = vec![common::safety_line(57, "screening", "clear")];
    for week in 0..8_i64 {
        for (i, day) in [1_i64, 3, 5].iter().enumerate() {
            let days_ago = 56 - week * 7 - day;
            let before = u8::try_from(7 - week / 2).unwrap();
            let (session, mut more) = past_session(days_ago, "Gentle start", before, before - 2);
            lines.append(&mut more);
            if i == 0 {
                lines.push(history_line(
                    days_ago - 1,
                    "check_in",
                    &format!(
                        r#""form":"{}","session":"{session}","moment":"next_morning","pain":{before}"#,
                        uuid::Uuid::new_v4()
                    ),
                ));
            }
        }
        lines.push(history_line(
            56 - week * 7,
            "weekly_check",
            &format!(
                r#""form":"{}","leg_pain":{},"back_pain":3,"numbness":false,"weakness":false,"activities":[{{"name":"Sitting through a film","score":{}}}]"#,
                uuid::Uuid::new_v4(),
                7 - week / 2,
                2 + week
            ),
        ));
        lines.push(history_line(
            54 - week * 7,
            "check_in",
            &format!(
                r#""form":"{}","moment":"log","pain":5,"note":"stiff after the drive""#,
                uuid::Uuid::new_v4()
            ),
        ));
    }
    sandbox.append_history(&lines);
}

fn report(sandbox: &Sandbox, args: &[&str]) -> common::Outcome {
    let mut cmd = sandbox.cmd_with_flags();
    cmd.current_dir(sandbox.path()).arg("report").args(args);
    run(cmd)
}

/// Chromium, when the machine has it; under CI (`UNKNOT_REQUIRE_BROWSER`) its absence fails.
fn chromium() -> Option<&'static str> {
    let found = ["chromium", "chromium-browser"].into_iter().find(|b| {
        Command::new(b)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    });
    if found.is_none() {
        assert!(
            std::env::var_os("UNKNOT_REQUIRE_BROWSER").is_none(),
            "Chromium is needed for this test: install the chromium package"
        );
        eprintln!("skipped: no Chromium on this machine");
    }
    found
}

/// The page printed to PDF by headless Chromium.
fn print_to_pdf(browser: &str, page: &Path, pdf: &Path, profile: &Path) {
    let status = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("run chromium");
    assert!(status.status.success(), "{status:?}");
}

fn tool(name: &str, args: &[&str]) -> String {
    let out = Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{name}: {e} (install poppler-utils)"));
    assert!(out.status.success(), "{name}: {out:?}");
    String::from_utf8_lossy(&out.stdout).to_string()
}

#[test]
fn eight_weeks_print_on_two_pages_with_the_key_figures() {
    let sandbox = Sandbox::screened();
    eight_weeks(&sandbox);
    let page = sandbox.path().join("report.html");
    let out = report(&sandbox, &["--out", page.to_str().unwrap()]);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&page).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "health data, for the person alone");
    }
    let Some(browser) = chromium() else { return };
    let pdf = sandbox.path().join("report.pdf");
    print_to_pdf(browser, &page, &pdf, &sandbox.path().join("profile"));
    let info = tool("pdfinfo", &[pdf.to_str().unwrap()]);
    let pages: u32 = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("a page count");
    assert!((1..=2).contains(&pages), "{pages} pages");
    let text = tool("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"]);
    for key in [
        "Sessions and adherence",
        "24 sessions (3.0 a week)",
        "Pain before and after sessions",
        "7.0",
        "Leg pain: 7.0 → 4.0",
        "Activities (0 unable, 10 as before): 3.0 → 9.0",
        "stiff after the drive",
        "What this report cannot show",
    ] {
        assert!(
            text.contains(key),
            "{key:?} not in the printed report:\n{text}"
        );
    }
}

#[test]
fn the_text_form_has_the_same_content_for_a_screen_reader() {
    let sandbox = Sandbox::screened();
    eight_weeks(&sandbox);
    let out = report(&sandbox, &["--format", "text"]);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    for key in [
        "24 sessions (3.0 a week)",
        "Leg pain: 7.0 → 4.0",
        "What this report cannot show",
    ] {
        assert!(out.stdout.contains(key), "{key}: {}", out.stdout);
    }
    assert!(!out.stdout.contains('<'), "no markup: {}", out.stdout);
}

#[test]
fn the_default_file_is_named_with_the_date_and_kept_unless_forced() {
    let sandbox = Sandbox::screened();
    eight_weeks(&sandbox);
    let out = report(&sandbox, &[]);
    assert_eq!(out.code(), Some(0), "{}", out.describe());
    let made = std::fs::read_dir(sandbox.path())
        .unwrap()
        .filter_map(Result::ok)
        .find(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("unknot-report-")
        })
        .expect("the default file");
    let before = std::fs::read(made.path()).unwrap();
    let again = report(&sandbox, &[]);
    assert_eq!(again.code(), Some(2), "{}", again.describe());
    assert!(again.stderr.contains("--force"), "{}", again.stderr);
    assert_eq!(
        std::fs::read(made.path()).unwrap(),
        before,
        "kept as it was"
    );
    assert_eq!(report(&sandbox, &["--force"]).code(), Some(0));
}

#[test]
fn bad_requests_are_one_sentence_exit_2_and_write_nothing() {
    let sandbox = Sandbox::screened();
    eight_weeks(&sandbox);
    let backwards = report(
        &sandbox,
        &["--since", "2026-11-20", "--until", "2026-11-01"],
    );
    assert_eq!(backwards.code(), Some(2), "{}", backwards.describe());
    assert!(
        backwards.stderr.contains("is after --until"),
        "{}",
        backwards.stderr
    );

    let nothing = report(
        &sandbox,
        &["--since", "2001-01-01", "--until", "2001-02-01"],
    );
    assert_eq!(nothing.code(), Some(2), "{}", nothing.describe());
    assert!(
        nothing.stderr.contains("nothing was recorded"),
        "{}",
        nothing.stderr
    );

    let nowhere = report(&sandbox, &["--out", "/nonexistent/folder/report.html"]);
    assert_eq!(nowhere.code(), Some(2), "{}", nowhere.describe());
    assert!(
        nowhere
            .stderr
            .starts_with("unknot: cannot write /nonexistent/folder/report.html"),
        "{}",
        nowhere.stderr
    );

    for out in [&backwards, &nothing, &nowhere] {
        assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
    }
    let left: Vec<String> = std::fs::read_dir(sandbox.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.contains("report"))
        .collect();
    assert!(left.is_empty(), "{left:?}");

    let empty = Sandbox::screened();
    let out = report(&empty, &[]);
    assert_eq!(out.code(), Some(2), "{}", out.describe());
}
