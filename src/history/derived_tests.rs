//! A history read from its derived file and the lines added since says exactly what the whole
//! file read from its start says; and a derived file that no longer matches the history, or is
//! damaged, is never trusted.

use std::path::{Path, PathBuf};

use super::derived::{FOLDER, Later, Plan, RECENT, REVIEW, read, read_in_step, read_pair};
use super::recent_tests::years;
use super::{Digest, Folder, History, Skipped, ViewFolder};

/// Writes `entries` as lines, with a garbled line after every 500th.
fn lines(entries: &[super::Entry]) -> String {
    let mut text = String::new();
    for (n, e) in entries.iter().enumerate() {
        text.push_str(&serde_json::to_string(e).unwrap());
        text.push('\n');
        if n % 500 == 499 {
            text.push_str("not a line of the history\n");
        }
    }
    text
}

struct Setup {
    _dir: tempfile::TempDir,
    history: PathBuf,
    derived: PathBuf,
}

fn setup(text: &str) -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let history = dir.path().join("history.jsonl");
    std::fs::write(&history, text).unwrap();
    let derived = dir.path().join(FOLDER).join(RECENT);
    Setup {
        _dir: dir,
        history,
        derived,
    }
}

fn plan(derived: &Path, parallel: bool) -> Plan {
    Plan {
        derived: Some(derived.to_path_buf()),
        parallel,
        save_after: 0,
    }
}

/// The digest of the recent past, the whole view with the same digest beside it (as the review
/// reads them), and the lines skipped.
type Read = (Digest, (History, Digest), Vec<Skipped>);

fn fold(history: &Path, plan: &Plan) -> Read {
    let alone = Later::default();
    let recent = read(history, plan, Folder::recent, &alone).unwrap();
    let (recent, skipped) = (recent.folded, recent.skipped);
    let mut review = plan.clone();
    review.derived = plan.derived.as_ref().map(|d| d.with_file_name(REVIEW));
    let both = || (ViewFolder::default(), Folder::recent());
    let whole = read(history, &review, both, &alone).unwrap();
    let ((view, beside), skipped_too) = (whole.folded, whole.skipped);
    assert_eq!(skipped, skipped_too);
    let recent = recent.finish();
    let beside = beside.finish();
    assert_eq!(recent, beside);
    (recent, (view.finish(), beside), skipped)
}

/// The whole file read from its start, with no derived file at all.
fn from_scratch(history: &Path) -> Read {
    let plan = Plan {
        derived: None,
        parallel: false,
        save_after: 0,
    };
    fold(history, &plan)
}

fn append(path: &Path, text: &str) {
    use std::io::Write;
    let mut file = std::fs::OpenOptions::new().append(true).open(path).unwrap();
    file.write_all(text.as_bytes()).unwrap();
}

fn header(derived: &Path) -> serde_json::Value {
    header_of(&std::fs::read(derived).unwrap())
}

/// The first line of a derived file, without the hash of the rest: the sets in it are written
/// in no particular order.
fn header_of(bytes: &[u8]) -> serde_json::Value {
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    let mut header: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    header["body_hash"].take();
    header
}

#[test]
fn resuming_from_the_derived_file_reads_what_the_whole_file_reads() {
    let all = years(400);
    let text = lines(&all);
    for parallel in [false, true] {
        // Cut at several places, one of them inside a line: a last line cut off while being
        // written, then finished and followed by more.
        for cut in [1, text.len() / 3, text.len() / 2 + 17, text.len() - 1] {
            let s = setup(&text[..cut]);
            let first = fold(&s.history, &plan(&s.derived, parallel));
            assert_eq!(first, from_scratch(&s.history));
            assert!(s.derived.exists());
            append(&s.history, &text[cut..]);
            let resumed = fold(&s.history, &plan(&s.derived, parallel));
            let whole = from_scratch(&s.history);
            assert_eq!(resumed, whole, "cut at byte {cut}");
            assert_eq!(whole.2.len(), all.len() / 500);
        }
    }
}

#[test]
fn an_event_read_again_after_the_derived_file_counts_once() {
    let all = years(60);
    let text = lines(&all);
    let s = setup(&text);
    fold(&s.history, &plan(&s.derived, false));
    // The same lines again, as a history joined by hand to itself would hold them.
    append(&s.history, &text);
    let resumed = fold(&s.history, &plan(&s.derived, false));
    assert_eq!(resumed, from_scratch(&s.history));
    assert_eq!(resumed.0, from_scratch_of(&text).0);
}

fn from_scratch_of(text: &str) -> Read {
    let s = setup(text);
    from_scratch(&s.history)
}

#[test]
fn a_history_changed_under_its_derived_file_is_read_again_from_its_start() {
    let all = years(120);
    let text = lines(&all);
    let edited = text.replacen("\"pain\":", "\"pain\":1", 1);
    assert_ne!(edited, text);
    let changes: [(&str, String); 4] = [
        ("a byte edited", edited),
        ("cut short", text[..text.len() / 2].to_owned()),
        ("emptied", String::new()),
        ("replaced by another", lines(&years(30))),
    ];
    for (what, changed) in changes {
        let s = setup(&text);
        fold(&s.history, &plan(&s.derived, true));
        std::fs::write(&s.history, &changed).unwrap();
        let read = fold(&s.history, &plan(&s.derived, true));
        assert_eq!(read, from_scratch(&s.history), "{what}");
        assert_eq!(
            header(&s.derived)["history"]["bytes"],
            changed.rfind('\n').map_or(0, |i| i + 1),
            "{what}: written again for the history as it is now"
        );
    }
}

#[test]
fn a_damaged_derived_file_is_never_trusted_and_is_written_again() {
    let text = lines(&years(90));
    let s = setup(&text);
    fold(&s.history, &plan(&s.derived, false));
    let whole = from_scratch(&s.history);
    for file in [s.derived.clone(), s.derived.with_file_name(REVIEW)] {
        let good = std::fs::read(&file).unwrap();
        for (what, damaged) in damages(&good) {
            std::fs::write(&file, &damaged).unwrap();
            assert_eq!(fold(&s.history, &plan(&s.derived, true)), whole, "{what}");
            assert_eq!(header(&file), header_of(&good), "{what}: rebuilt");
        }
    }
}

/// A derived file cut off, changed, from another version or format, or not one at all.
fn damages(good: &[u8]) -> Vec<(&'static str, Vec<u8>)> {
    let body_at = good.iter().position(|b| *b == b'\n').unwrap() + 1;
    let mut flipped = good.to_vec();
    // A digit of the body changed: still JSON, still the right length, no longer what was kept.
    let digit = flipped[body_at..]
        .iter()
        .position(u8::is_ascii_digit)
        .unwrap();
    flipped[body_at + digit] = if flipped[body_at + digit] == b'1' {
        b'2'
    } else {
        b'1'
    };
    let text = String::from_utf8(good.to_vec()).unwrap();
    vec![
        ("cut off", good[..good.len() - 10].to_vec()),
        ("a digit changed", flipped),
        (
            "another version's",
            text.replacen(env!("CARGO_PKG_VERSION"), "0.0.0-other", 1)
                .into_bytes(),
        ),
        (
            "another format's",
            text.replacen("\"format\":", "\"format\":999", 1)
                .into_bytes(),
        ),
        ("not JSON", b"\x00\x01garbage".to_vec()),
        (
            "larger than any derived file",
            [good, &vec![b' '; 2 << 20]].concat(),
        ),
        ("empty", Vec::new()),
    ]
}

#[test]
fn a_history_short_of_the_bytes_to_save_after_keeps_no_derived_file() {
    let text = lines(&years(5));
    let s = setup(&text);
    let mut plan = plan(&s.derived, false);
    plan.save_after = text.len() as u64 + 1;
    fold(&s.history, &plan);
    assert!(!s.derived.exists());
    plan.save_after = text.len() as u64;
    fold(&s.history, &plan);
    assert!(s.derived.exists());
    // Resumed, with fewer new bytes than that: the derived file stays as it was.
    let before = std::fs::read(&s.derived).unwrap();
    append(&s.history, &lines(&years(5)[..3]));
    fold(&s.history, &plan);
    assert_eq!(std::fs::read(&s.derived).unwrap(), before);
}

#[cfg(unix)]
#[test]
fn the_derived_file_is_private_and_the_history_is_never_written() {
    use std::os::unix::fs::PermissionsExt;
    let text = lines(&years(30));
    let s = setup(&text);
    fold(&s.history, &plan(&s.derived, false));
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&s.derived), 0o600);
    assert_eq!(mode(s.derived.parent().unwrap()), 0o700);
    assert_eq!(std::fs::read_to_string(&s.history).unwrap(), text);
    let names: Vec<_> = std::fs::read_dir(s.derived.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    let mut names = names;
    names.sort();
    assert_eq!(
        names,
        vec![
            std::ffi::OsString::from(RECENT),
            std::ffi::OsString::from(REVIEW)
        ],
        "no file left over"
    );
}

#[cfg(unix)]
#[test]
fn a_named_pipe_in_place_of_a_derived_file_is_not_waited_on_and_is_replaced() {
    let text = lines(&years(60));
    let s = setup(&text);
    let whole = from_scratch(&s.history);
    std::fs::create_dir_all(s.derived.parent().unwrap()).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(&s.derived)
        .status();
    assert!(made.is_ok_and(|m| m.success()), "mkfifo");
    let (history, derived) = (s.history.clone(), s.derived.clone());
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || tx.send(Box::new(fold(&history, &plan(&derived, false)))));
    let read = rx
        .recv_timeout(std::time::Duration::from_secs(30))
        .expect("read without waiting on the pipe");
    assert_eq!(*read, whole);
    let kind = std::fs::symlink_metadata(&s.derived).unwrap().file_type();
    assert!(kind.is_file(), "a regular file in its place: {kind:?}");
}

#[cfg(unix)]
#[test]
fn a_derived_folder_that_is_a_link_is_neither_read_nor_written_through() {
    use std::os::unix::fs::PermissionsExt;
    let text = lines(&years(60));
    let s = setup(&text);
    let shared = tempfile::tempdir().unwrap();
    std::fs::set_permissions(shared.path(), std::fs::Permissions::from_mode(0o1777)).unwrap();
    std::os::unix::fs::symlink(shared.path(), s.derived.parent().unwrap()).unwrap();
    assert_eq!(
        fold(&s.history, &plan(&s.derived, true)),
        from_scratch(&s.history)
    );
    let written: Vec<_> = std::fs::read_dir(shared.path()).unwrap().collect();
    assert!(
        written.is_empty(),
        "nothing written through the link: {written:?}"
    );
    let mode = std::fs::metadata(shared.path())
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(
        mode & 0o7777,
        0o1777,
        "the folder linked to is left as it was"
    );
}

/// A run as the home screen and then its review read the history: the recent past, then, with
/// `between` done to the history meanwhile, the whole view going on from that first reading.
/// The review writes the recent past's derived file beside its own, as the app does.
fn in_one_run(history: &Path, plan: &Plan, between: impl FnOnce()) -> Read {
    let first = read(history, plan, Folder::recent, &Later::default()).unwrap();
    between();
    let mut review = plan.clone();
    review.derived = plan.derived.as_ref().map(|d| d.with_file_name(REVIEW));
    let both = || (ViewFolder::default(), Folder::recent());
    let whole = read_pair(history, (plan, &review), both, &first.later).unwrap();
    let (view, beside) = whole.folded;
    let recent = read(history, plan, Folder::recent, &whole.later).unwrap();
    assert_eq!(recent.skipped, whole.skipped);
    let beside = beside.finish();
    assert_eq!(recent.folded.finish(), beside);
    (beside.clone(), (view.finish(), beside), whole.skipped)
}

fn edit_in_place(path: &Path, from: &str, to: &str) {
    use std::io::{Seek, Write};
    assert_eq!(from.len(), to.len());
    let text = std::fs::read_to_string(path).unwrap();
    let at = text.find(from).unwrap();
    let mut file = std::fs::OpenOptions::new().write(true).open(path).unwrap();
    file.seek(std::io::SeekFrom::Start(at as u64)).unwrap();
    file.write_all(to.as_bytes()).unwrap();
}

#[test]
fn a_reading_going_on_from_an_earlier_one_in_the_run_reads_what_the_whole_file_reads() {
    let all = years(300);
    let text = lines(&all);
    let cut = text.len() * 2 / 3 + 11;
    let more = &text[cut..];
    // Derived files at one mark (the review wrote both), at two (the recent past's written
    // since), or none at all (a history too short to keep any).
    let derived: [(&str, u64); 3] = [("one mark", 0), ("two marks", 1), ("none", u64::MAX)];
    for parallel in [false, true] {
        for (files, save_after) in derived {
            for grows in [false, true] {
                let s = setup(&text[..cut]);
                let mut how = plan(&s.derived, parallel);
                how.save_after = save_after.min(1);
                in_one_run(&s.history, &how, || ());
                if save_after == 1 {
                    append(&s.history, "\n");
                    read(&s.history, &how, Folder::recent, &Later::default()).unwrap();
                }
                how.save_after = save_after;
                let read = in_one_run(&s.history, &how, || {
                    if grows {
                        append(&s.history, more);
                    }
                });
                let what = format!("{files}, grows {grows}, parallel {parallel}");
                assert_eq!(read, from_scratch(&s.history), "{what}");
            }
        }
    }
}

#[test]
fn the_bytes_a_reading_read_are_not_read_again_later_in_the_run() {
    let text = lines(&years(120));
    let s = setup(&text);
    let how = plan(&s.derived, false);
    in_one_run(&s.history, &how, || ());
    let before = from_scratch(&s.history);
    let first_pain = "\"pain\":0}";
    assert!(text.contains(first_pain));
    // A score in the first day's line changed in place, under the open app: the review goes on
    // from what the home screen read, and does not read those bytes to see it.
    let read = in_one_run(&s.history, &how, || {
        edit_in_place(&s.history, first_pain, "\"pain\":9}");
    });
    assert_eq!(read, before);
    // The next run reads the history as it is now.
    assert_ne!(fold(&s.history, &how), before);
    assert_eq!(fold(&s.history, &how), from_scratch(&s.history));
}

#[test]
fn a_history_cut_short_or_rewritten_in_place_during_the_run_is_read_again() {
    let text = lines(&years(120));
    // Its newest lines written again: a copy over it, or cut short and written on past where
    // the first reading stopped, the file itself kept (same inode).
    let newest = text.rfind("\"pain\":").unwrap();
    let mut edited = text.clone();
    edited.replace_range(newest..newest + 8, "\"pain\":9");
    let longer = [&text[..text.len() / 2], &lines(&years(300))].concat();
    assert!(longer.len() > text.len());
    for (what, now) in [("copied over", edited), ("cut short and grown", longer)] {
        for parallel in [false, true] {
            let s = setup(&text);
            let how = plan(&s.derived, parallel);
            in_one_run(&s.history, &how, || ());
            let read = in_one_run(&s.history, &how, || {
                let mut file = (std::fs::OpenOptions::new().write(true).truncate(true))
                    .open(&s.history)
                    .unwrap();
                std::io::Write::write_all(&mut file, now.as_bytes()).unwrap();
            });
            assert_eq!(read, from_scratch_of(&now), "{what}");
        }
    }
}

#[test]
fn a_history_replaced_or_cut_short_during_the_run_is_read_again() {
    let text = lines(&years(120));
    let shorter = text[..text.len() / 2].to_owned();
    let replaced = text.replacen("\"pain\":0}", "\"pain\":9}", 1);
    for (what, now) in [("replaced", replaced), ("cut short", shorter)] {
        let s = setup(&text);
        let how = plan(&s.derived, true);
        in_one_run(&s.history, &how, || ());
        let read = in_one_run(&s.history, &how, || {
            let new = s.history.with_file_name("new");
            std::fs::write(&new, &now).unwrap();
            std::fs::rename(&new, &s.history).unwrap();
        });
        assert_eq!(read, from_scratch(&s.history), "{what}");
        assert_eq!(read, from_scratch_of(&now), "{what}");
    }
}

/// What may have become of the derived files, or of the history under them, before a run.
const BEFORE_A_RUN: [&str; 8] = [
    "in step, a few lines added",
    "none yet",
    "the review's missing",
    "the review's damaged",
    "the review's cut short, its first line whole",
    "the recent past's damaged",
    "the history edited",
    "the history grown past both",
];

/// Brings the derived files at `s`, written at one mark from `text`, to `state`, one of
/// [`BEFORE_A_RUN`].
fn bring_to(s: &Setup, how: &Plan, text: &str, state: &str) {
    std::fs::write(&s.history, text).unwrap();
    in_one_run(&s.history, how, || ());
    let review = s.derived.with_file_name(REVIEW);
    match state {
        "in step, a few lines added" => append(&s.history, &lines(&years(3))),
        "none yet" => std::fs::remove_dir_all(s.derived.parent().unwrap()).unwrap(),
        "the review's missing" => std::fs::remove_file(&review).unwrap(),
        "the review's damaged" => std::fs::write(&review, "{}").unwrap(),
        "the review's cut short, its first line whole" => {
            let kept = std::fs::read(&review).unwrap();
            std::fs::write(&review, &kept[..kept.len() - 10]).unwrap();
        }
        "the recent past's damaged" => std::fs::write(&s.derived, "{}").unwrap(),
        "the history edited" => edit_in_place(&s.history, "\"pain\":0}", "\"pain\":9}"),
        "the history grown past both" => append(&s.history, &lines(&years(60))),
        _ => unreachable!("{state}"),
    }
}

#[test]
fn a_run_from_the_home_screen_reads_the_history_once_whatever_its_derived_files() {
    let text = lines(&years(120));
    for state in BEFORE_A_RUN {
        for parallel in [false, true] {
            let s = setup(&text);
            let mut how = plan(&s.derived, parallel);
            how.save_after = 64 * 1024;
            let mut review = plan(&s.derived.with_file_name(REVIEW), true);
            review.save_after = how.save_after;
            bring_to(&s, &how, &text, state);
            let kept = std::fs::read(review.derived.as_ref().unwrap()).ok();
            let both = || (ViewFolder::default(), Folder::recent());
            let home = read_in_step(&s.history, (&how, &review), both, &Later::default()).unwrap();
            let as_read = std::fs::read_to_string(&s.history).unwrap();
            assert_eq!(home.folded.finish(), from_scratch(&s.history).0, "{state}");
            let marks =
                [&how, &review].map(|p| header(p.derived.as_ref().unwrap())["history"].clone());
            assert_eq!(marks[0], marks[1], "{state}: both files at one mark");
            // In step, the review's derived file is neither read nor written.
            let now_kept = std::fs::read(review.derived.as_ref().unwrap()).ok();
            assert_eq!(kept == now_kept, state == BEFORE_A_RUN[0], "{state}");
            // A score in a line the home screen read changed in place, under the open app, and
            // lines added: the review goes on from what the home screen read, without reading
            // those bytes again, and reads the lines added.
            edit_in_place(&s.history, "\"pain\":0}", "\"pain\":8}");
            let added = lines(&years(2));
            append(&s.history, &added);
            let whole = read(&s.history, &review, both, &home.later).unwrap();
            let (view, beside) = whole.folded;
            let expected = from_scratch_of(&(as_read + &added));
            assert_ne!(
                expected,
                from_scratch(&s.history),
                "{state}: an edit to be seen"
            );
            assert_eq!((view.finish(), beside.finish()), expected.1, "{state}");
        }
    }
}
