//! The checks on files, as pure functions of what a file is, and on real files in a
//! temporary folder: named pipes, links, modes.

use super::*;

fn regular(owner: u32, mode: u32) -> Facts {
    Facts {
        shape: None,
        owner: Some(owner),
        mode: Some(mode),
    }
}

#[test]
fn a_history_of_another_user_is_refused_whoever_runs_it() {
    for me in [0, 1000] {
        assert!(matches!(
            judge(&regular(4242, 0o600), Kind::History, me),
            Err(Why::NotYours)
        ));
    }
    assert_eq!(
        judge(&regular(1000, 0o600), Kind::History, 1000).ok(),
        Some(Private::AsItIs)
    );
}

#[test]
fn a_history_others_can_read_is_made_private_and_other_files_are_left_as_they_are() {
    assert_eq!(
        judge(&regular(1000, 0o644), Kind::History, 1000).ok(),
        Some(Private::Tighten)
    );
    for kind in [Kind::Routine, Kind::Settings, Kind::Sound, Kind::Import] {
        assert_eq!(
            judge(&regular(4242, 0o666), kind, 1000).ok(),
            Some(Private::AsItIs),
            "{kind:?}"
        );
    }
}

#[test]
fn only_regular_files_are_read_whatever_their_kind() {
    for shape in [Shape::Folder, Shape::Pipe, Shape::Device, Shape::Socket] {
        let facts = Facts {
            shape: Some(shape),
            owner: Some(1000),
            mode: Some(0o600),
        };
        for kind in [Kind::Routine, Kind::History, Kind::Import] {
            assert!(
                matches!(judge(&facts, kind, 1000), Err(Why::NotAFile(s)) if s == shape),
                "{shape:?} as {kind:?}"
            );
        }
    }
}

#[test]
fn where_text_stops_being_utf8_is_said_by_line_and_column() {
    let path = Path::new("r.ron");
    let err = text(b"(\n  title: \"Caf\xE9\"".to_vec(), path, Kind::Routine).unwrap_err();
    assert_eq!(
        err.to_string(),
        "r.ron:2:14: byte 0xE9 is not UTF-8 text; save the file as UTF-8"
    );
    // Columns count characters, not bytes.
    let err = text(
        "é\u{1F600}\u{FF}".bytes().chain([0xC3]).collect(),
        path,
        Kind::Settings,
    )
    .unwrap_err();
    assert!(err.to_string().starts_with("r.ron:1:4: byte 0xC3"), "{err}");
    assert_eq!(err.exit_code(), 2);
    assert_eq!(
        text("fine\r\n".into(), path, Kind::Routine).ok(),
        Some("fine\r\n".to_string())
    );
}

#[test]
fn text_over_the_kinds_limit_is_refused_by_its_size() {
    let path = Path::new("config.ron");
    let big = vec![b' '; usize::try_from(Kind::Settings.limit()).unwrap() + 1];
    let err = text(big, path, Kind::Settings).unwrap_err();
    assert_eq!(
        err.to_string(),
        "config.ron is too large to be a settings file (more than 1 MB)"
    );
}

#[test]
fn a_byte_order_mark_is_taken_off_and_nothing_else() {
    assert_eq!(without_bom(b"\xEF\xBB\xBF{}"), b"{}");
    assert_eq!(without_bom(b"{}\xEF\xBB\xBF"), b"{}\xEF\xBB\xBF");
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_at_once_and_a_link_to_the_history_is_not_followed() {
    let tmp = tempfile::tempdir().unwrap();
    let fifo = tmp.path().join("pipe.ron");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()));
    let err = read(&fifo, Kind::Routine).unwrap_err();
    assert!(matches!(err.why, Why::NotAFile(Shape::Pipe)), "{err:?}");

    let target = tmp.path().join("other.txt");
    std::fs::write(&target, "mine\n").unwrap();
    let link = tmp.path().join("history.jsonl");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let err = open(
        &link,
        OpenOptions::new().append(true).create(true),
        Kind::History,
    )
    .unwrap_err();
    assert!(matches!(err.why, Why::Link), "{err:?}");
    assert!(err.is_refusal() && err.exit_code() == 2);
    // Anything else may be a link: dotfiles often are.
    assert_eq!(read(&link, Kind::Settings).unwrap(), b"mine\n");
}

#[cfg(unix)]
#[test]
fn a_history_readable_by_others_is_private_once_opened() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("history.jsonl");
    std::fs::write(&path, "").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    read(&path, Kind::History).unwrap();
    private_dir(tmp.path()).unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(tmp.path()), 0o700);
}
