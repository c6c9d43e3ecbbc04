//! The exports of a small hand-made history, compared with their exact text. Each history is
//! written as the file's lines and read back, as every history reaches an export.

use chrono::{DateTime, FixedOffset, NaiveDate};
use insta::assert_snapshot;
use uuid::Uuid;

use super::export::{Format, write};
use super::{Area, BodySide, CheckIn, Digest, Entry, Event, Felt, Moment, Outcome, VERSION};

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn id(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

fn entry(n: u128, when: &str, event: Event) -> Entry {
    Entry {
        v: VERSION,
        id: id(n),
        at: at(when),
        event,
    }
}

fn started(n: u128, when: &str, session: u128, routine: &str) -> Entry {
    entry(
        n,
        when,
        Event::SessionStarted {
            session: id(session),
            routine: routine.into(),
            routine_hash: "0".repeat(64),
            planned_s: None,
        },
    )
}

fn check_in(n: u128, when: &str, check_in: CheckIn) -> Entry {
    entry(n, when, Event::CheckIn(check_in))
}

fn step(n: u128, when: &str, session: u128, step: usize, title: &str, actual_s: f64) -> Entry {
    entry(
        n,
        when,
        Event::StepDone {
            session: id(session),
            step,
            title: title.into(),
            planned_s: 120.0,
            actual_s,
            skipped: actual_s < 120.0,
        },
    )
}

fn ended(n: u128, when: &str, session: u128, outcome: Outcome, elapsed_s: f64) -> Entry {
    entry(
        n,
        when,
        Event::SessionEnded {
            session: id(session),
            outcome,
            elapsed_s,
        },
    )
}

/// Three sessions (completed, interrupted, stopped) and a quick log, in two time zones.
fn fixture() -> Vec<Entry> {
    [paris_completed(), new_york(), paris_stopped()].concat()
}

/// Paris, a completed session with every answer and a note with a comma and quotes.
fn paris_completed() -> Vec<Entry> {
    vec![
        started(1, "2026-11-20T08:30:00+01:00", 100, "Gentle start"),
        check_in(
            2,
            "2026-11-20T08:30:10+01:00",
            CheckIn {
                form: id(200),
                session: Some(id(100)),
                moment: Moment::Before,
                pain: Some(6),
                areas: vec![Area::Buttock, Area::Thigh],
                side: Some(BodySide::Left),
                numbness: Some(true),
                ..CheckIn::default()
            },
        ),
        step(3, "2026-11-20T08:32:00+01:00", 100, 0, "Ball", 100.0),
        check_in(
            4,
            "2026-11-20T08:32:10+01:00",
            CheckIn {
                form: id(201),
                session: Some(id(100)),
                moment: Moment::During,
                after_step: Some("Ball".into()),
                pain: Some(5),
                ..CheckIn::default()
            },
        ),
        step(5, "2026-11-20T08:34:00+01:00", 100, 1, "Stretch", 120.0),
        ended(
            6,
            "2026-11-20T08:40:00+01:00",
            100,
            Outcome::Completed,
            600.0,
        ),
        check_in(
            7,
            "2026-11-20T08:40:10+01:00",
            CheckIn {
                form: id(202),
                session: Some(id(100)),
                moment: Moment::After,
                pain: Some(3),
                felt: Some(Felt::Better),
                note: Some("Easier to sit, \"much\" better".into()),
                ..CheckIn::default()
            },
        ),
    ]
}

/// New York, the same evening: a quick log with a note over two lines; next morning, a session
/// that never recorded its end.
fn new_york() -> Vec<Entry> {
    vec![
        check_in(
            8,
            "2026-11-20T19:00:00-05:00",
            CheckIn {
                form: id(203),
                moment: Moment::Log,
                pain: Some(4),
                areas: vec![Area::Calf],
                side: Some(BodySide::Right),
                note: Some("after a walk,\nstill sore".into()),
                ..CheckIn::default()
            },
        ),
        started(9, "2026-11-21T07:00:00-05:00", 101, "Desk break"),
        check_in(
            10,
            "2026-11-21T07:00:05-05:00",
            CheckIn {
                form: id(204),
                session: Some(id(101)),
                moment: Moment::Before,
                pain: Some(5),
                numbness: Some(false),
                ..CheckIn::default()
            },
        ),
        step(
            11,
            "2026-11-21T07:01:30-05:00",
            101,
            0,
            "Shoulder rolls",
            90.0,
        ),
    ]
}

/// Paris again: stopped early, pain a little higher.
fn paris_stopped() -> Vec<Entry> {
    vec![
        started(12, "2026-11-22T09:00:00+01:00", 102, "Daily standard"),
        check_in(
            13,
            "2026-11-22T09:00:05+01:00",
            CheckIn {
                form: id(205),
                session: Some(id(102)),
                moment: Moment::Before,
                pain: Some(4),
                ..CheckIn::default()
            },
        ),
        ended(14, "2026-11-22T09:05:30+01:00", 102, Outcome::Quit, 330.0),
        check_in(
            15,
            "2026-11-22T09:05:40+01:00",
            CheckIn {
                form: id(206),
                session: Some(id(102)),
                moment: Moment::After,
                pain: Some(5),
                felt: Some(Felt::Same),
                ..CheckIn::default()
            },
        ),
    ]
}

/// `entries` as the history file holds them, read back.
fn read_back(entries: &[Entry]) -> Digest {
    let mut file = String::new();
    for entry in entries {
        file.push_str(&serde_json::to_string(entry).unwrap());
        file.push('\n');
    }
    let loaded = super::parse(file.as_bytes());
    assert!(loaded.skipped.is_empty(), "{:?}", loaded.skipped);
    super::digest(&loaded.entries)
}

fn history() -> Digest {
    read_back(&fixture())
}

fn export(history: &Digest, format: Format, since: Option<NaiveDate>) -> String {
    let mut out = Vec::new();
    write(history, format, since, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// An expected export with how each session's change reads filled in: one session gets no
/// verdict, and one with under 3 minutes of work done is not read at all (CLINICAL §5).
fn expected(template: &str) -> String {
    template
        .replace("{lower}", "lower")
        .replace("{unread}", "not judged: under 3 minutes done")
}

fn day(d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2026, 11, d)
}

/// The note written over two lines is read back as one.
const CSV: &str = r#"date,kind,routine,minutes,outcome,pain_before,pain_after,change,verdict,areas,side,numbness,felt,note
2026-11-20T08:30:00+01:00,session,Gentle start,10.0,completed,6,3,-3,{lower},buttock; thigh,left,yes,better,"Easier to sit, ""much"" better"
2026-11-20T19:00:00-05:00,quick log,,,,4,,,,calf,right,,,"after a walk, still sore"
2026-11-21T07:00:00-05:00,session,Desk break,1.5,interrupted,5,,,,,,no,,
2026-11-22T09:00:00+01:00,session,Daily standard,5.5,stopped,4,5,1,{unread},,,,same,
"#;

#[test]
fn csv_has_one_row_per_session_and_log_oldest_first_with_notes_quoted() {
    assert_eq!(export(&history(), Format::Csv, None), expected(CSV));
}

#[test]
fn csv_reads_back_with_the_same_fields() {
    let text = export(&history(), Format::Csv, None);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 4);
    assert_eq!(&rows[0][13], "Easier to sit, \"much\" better");
    assert_eq!(&rows[1][13], "after a walk, still sore");
    assert!(rows.iter().all(|r| r.len() == 14));
}

const JSON: &str = r#"[
  {
    "date": "2026-11-20T08:30:00+01:00",
    "kind": "session",
    "routine": "Gentle start",
    "minutes": 10.0,
    "outcome": "completed",
    "pain_before": 6,
    "pain_after": 3,
    "change": -3,
    "verdict": "{lower}",
    "areas": "buttock; thigh",
    "side": "left",
    "numbness": "yes",
    "felt": "better",
    "note": "Easier to sit, \"much\" better"
  },
  {
    "date": "2026-11-20T19:00:00-05:00",
    "kind": "quick log",
    "routine": null,
    "minutes": null,
    "outcome": null,
    "pain_before": 4,
    "pain_after": null,
    "change": null,
    "verdict": null,
    "areas": "calf",
    "side": "right",
    "numbness": null,
    "felt": null,
    "note": "after a walk, still sore"
  },
  {
    "date": "2026-11-21T07:00:00-05:00",
    "kind": "session",
    "routine": "Desk break",
    "minutes": 1.5,
    "outcome": "interrupted",
    "pain_before": 5,
    "pain_after": null,
    "change": null,
    "verdict": null,
    "areas": null,
    "side": null,
    "numbness": "no",
    "felt": null,
    "note": null
  },
  {
    "date": "2026-11-22T09:00:00+01:00",
    "kind": "session",
    "routine": "Daily standard",
    "minutes": 5.5,
    "outcome": "stopped",
    "pain_before": 4,
    "pain_after": 5,
    "change": 1,
    "verdict": "{unread}",
    "areas": null,
    "side": null,
    "numbness": null,
    "felt": "same",
    "note": null
  }
]
"#;

#[test]
fn json_is_an_array_of_objects_with_numbers_and_nulls() {
    let text = export(&history(), Format::Json, None);
    assert_eq!(text, expected(JSON));
    let parsed: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(parsed[0]["change"], serde_json::json!(-3));
    assert!(parsed[1]["routine"].is_null());
}

#[test]
fn table_fits_in_80_columns_and_ends_with_a_total() {
    let text = export(&history(), Format::Table, None);
    assert!(text.lines().all(|l| l.chars().count() <= 80), "{text}");
    assert_eq!(text.lines().last(), Some("3 sessions, 1 quick log"));
    assert_snapshot!(text);
}

#[test]
fn table_cuts_long_routine_names() {
    let mut entries = fixture();
    entries.push(started(
        16,
        "2026-11-23T09:00:00+01:00",
        103,
        "A very long routine name indeed",
    ));
    let text = export(&read_back(&entries), Format::Table, None);
    assert!(text.contains("A very long") && text.contains('…'), "{text}");
    assert!(text.lines().all(|l| l.chars().count() <= 80), "{text}");
}

#[test]
fn since_keeps_the_local_date_given_and_after() {
    let h = history();
    // The quick log was on the 20th in New York (the 21st in UTC): before the 21st.
    let csv = export(&h, Format::Csv, day(21));
    let dates: Vec<&str> = csv.lines().skip(1).map(|l| &l[..25]).collect();
    assert_eq!(
        dates,
        ["2026-11-21T07:00:00-05:00", "2026-11-22T09:00:00+01:00"]
    );
    // Inclusive: the session at 09:00 on the 22nd counts from the 22nd.
    let json = export(&h, Format::Json, day(22));
    let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(parsed.as_array().map(Vec::len), Some(1));
    let table = export(&h, Format::Table, day(20));
    assert!(table.ends_with("3 sessions, 1 quick log\n"), "{table}");
}

#[test]
fn an_empty_history_is_a_sentence_a_header_or_an_empty_array() {
    let empty = super::digest(&[]);
    let table = export(&empty, Format::Table, None);
    assert_eq!(table.lines().count(), 1);
    assert!(table.contains("unknot log 4"), "{table}");
    assert_eq!(
        export(&empty, Format::Csv, None),
        "date,kind,routine,minutes,outcome,pain_before,pain_after,change,verdict,areas,side,numbness,felt,note\n"
    );
    assert_eq!(export(&empty, Format::Json, None), "[]\n");
    assert_eq!(
        export(&history(), Format::Table, day(30)),
        "No sessions or pain logs since 2026-11-30.\n"
    );
}

#[test]
fn text_from_another_machine_reaches_no_export_as_a_command_or_at_length() {
    let hostile_name = format!(
        "Reset\u{1b}[2J\u{1b}]0;owned\u{7}\u{202E}{}",
        "r".repeat(10_000)
    );
    let hostile_note = format!(
        "sore\u{9b}31m\u{1b}]8;;http://x\u{1b}\\\r\nleft{}",
        "n".repeat(10_000)
    );
    let mut entries = fixture();
    entries.push(started(16, "2026-11-23T09:00:00+01:00", 103, &hostile_name));
    entries.push(check_in(
        17,
        "2026-11-23T09:30:00+01:00",
        CheckIn {
            form: id(207),
            moment: Moment::Log,
            pain: Some(2),
            note: Some(hostile_note),
            ..CheckIn::default()
        },
    ));
    let h = read_back(&entries);
    for format in [Format::Table, Format::Csv, Format::Json] {
        let text = export(&h, format, day(23));
        assert!(
            !text.contains(|c: char| crate::printable::is_unshowable(c) && c != '\n'),
            "{format:?}: {text:?}"
        );
        assert!(text.contains("Reset[2J]0;owned"), "{format:?}: {text}");
        assert!(text.len() < 1000, "{format:?}: {} bytes", text.len());
    }
    let json: serde_json::Value = serde_json::from_str(&export(&h, Format::Json, day(23))).unwrap();
    let routine = json[0]["routine"].as_str().unwrap();
    assert_eq!(
        routine.chars().count(),
        crate::clean::TITLE_MAX,
        "{routine}"
    );
    assert!(routine.ends_with('…'), "{routine}");
    let note = json[1]["note"].as_str().unwrap();
    assert!(note.starts_with("sore31m]8;;http://x\\ leftnnn"), "{note}");
    assert_eq!(note.chars().count(), crate::clean::NOTE_MAX, "{note}");
}

/// A note and a routine name starting with each character a spreadsheet reads as a formula.
fn formulas() -> Vec<Entry> {
    let mut entries = Vec::new();
    for (n, lead) in (0u128..).zip(['=', '+', '-', '@']) {
        let at = format!("2026-11-2{}T09:00:00+01:00", n + 1);
        entries.push(started(10 * n + 1, &at, 10 * n + 2, &format!("{lead}2+3")));
        entries.push(check_in(
            10 * n + 3,
            &at,
            CheckIn {
                form: id(10 * n + 4),
                session: Some(id(10 * n + 2)),
                moment: Moment::Before,
                pain: Some(6),
                ..CheckIn::default()
            },
        ));
        entries.push(ended(
            10 * n + 5,
            &at,
            10 * n + 2,
            Outcome::Completed,
            600.0,
        ));
        entries.push(check_in(
            10 * n + 6,
            &at,
            CheckIn {
                form: id(10 * n + 7),
                session: Some(id(10 * n + 2)),
                moment: Moment::After,
                pain: Some(3),
                note: Some(format!(r#"{lead}HYPERLINK("http://example.invalid","x")"#)),
                ..CheckIn::default()
            },
        ));
    }
    entries
}

#[test]
fn csv_cells_a_spreadsheet_would_run_start_with_a_quote_and_numbers_stay_numbers() {
    let h = read_back(&formulas());
    let text = export(&h, Format::Csv, None);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 4, "{text}");
    for (row, lead) in rows.iter().zip(['=', '+', '-', '@']) {
        assert_eq!(&row[2], format!("'{lead}2+3"), "{text}");
        assert_eq!(
            &row[13],
            format!(r#"'{lead}HYPERLINK("http://example.invalid","x")"#),
            "{text}"
        );
        // A change of -3 is a number, and stays one.
        assert_eq!((&row[5], &row[6], &row[7]), ("6", "3", "-3"), "{text}");
        for (column, cell) in row.iter().enumerate().filter(|(c, _)| *c != 7) {
            assert!(
                !cell.starts_with(super::export::FORMULA_START),
                "column {column}: {row:?}"
            );
        }
    }
    // JSON is exact data, read by programs, not run.
    let json: serde_json::Value = serde_json::from_str(&export(&h, Format::Json, None)).unwrap();
    assert_eq!(json[0]["routine"], "=2+3");
    assert_eq!(
        json[2]["note"],
        r#"-HYPERLINK("http://example.invalid","x")"#
    );
    assert_eq!(json[2]["change"], serde_json::json!(-3));
}

#[test]
fn a_leading_tab_or_carriage_return_is_quoted_too() {
    for lead in super::export::FORMULA_START {
        let cell = format!("{lead}1+1");
        assert_eq!(super::export::inert(&cell), format!("'{cell}"));
    }
    assert_eq!(super::export::inert("Gentle start"), "Gentle start");
    assert_eq!(super::export::inert("'=1"), "'=1");
}

/// The night the clocks go back in London: 01:45 summer time, then 01:15 and 01:50 winter
/// time, an hour and a half and two hours later, though the clock reads earlier.
fn clocks_go_back() -> Vec<Entry> {
    let log = |n: u128, at: &str, pain: u8| {
        check_in(
            n,
            at,
            CheckIn {
                form: id(100 + n),
                moment: Moment::Log,
                pain: Some(pain),
                ..CheckIn::default()
            },
        )
    };
    vec![
        log(1, "2026-10-25T01:45:00.250+01:00", 5),
        log(2, "2026-10-25T01:15:00.000+00:00", 6),
        started(3, "2026-10-25T01:50:00+00:00", 4, "Gentle start"),
        ended(5, "2026-10-25T02:00:00+00:00", 4, Outcome::Completed, 600.0),
    ]
}

#[test]
fn times_keep_their_offset_in_every_export_the_night_the_clocks_go_back() {
    let h = read_back(&clocks_go_back());
    let csv = export(&h, Format::Csv, None);
    let dates: Vec<&str> = csv.lines().skip(1).map(|l| &l[..25]).collect();
    assert_eq!(
        dates,
        [
            "2026-10-25T01:45:00+01:00",
            "2026-10-25T01:15:00+00:00",
            "2026-10-25T01:50:00+00:00"
        ],
        "{csv}"
    );
    let json: serde_json::Value = serde_json::from_str(&export(&h, Format::Json, None)).unwrap();
    let dates: Vec<&str> = (0..3).map(|i| json[i]["date"].as_str().unwrap()).collect();
    assert_eq!(
        dates,
        [
            "2026-10-25T01:45:00+01:00",
            "2026-10-25T01:15:00+00:00",
            "2026-10-25T01:50:00+00:00"
        ]
    );
    for date in dates {
        DateTime::parse_from_rfc3339(date).unwrap();
    }
    assert_eq!(
        export(&h, Format::Table, None),
        "\
Date                     Routine        Min  Outcome    Pain  Change
2026-10-25 01:45 +01:00  quick log                      5
2026-10-25 01:15 +00:00  quick log                      6
2026-10-25 01:50 +00:00  Gentle start  10.0  completed
1 session, 2 quick logs
"
    );
}

#[test]
fn table_columns_line_up_with_wide_characters() {
    let mut entries = Vec::new();
    for (n, routine) in (0..).zip(["腰痛ストレッチ 🧘", "Gentle start", "Étirements 💆"])
    {
        let at = format!("2026-11-2{}T09:00:00+01:00", n + 1);
        entries.push(started(10 * n + 1, &at, 10 * n + 2, routine));
        entries.push(ended(
            10 * n + 3,
            &at,
            10 * n + 2,
            Outcome::Completed,
            600.0,
        ));
    }
    let text = export(&read_back(&entries), Format::Table, None);
    assert_eq!(
        text,
        "\
Date                     Routine             Min  Outcome    Pain  Change
2026-11-21 09:00 +01:00  腰痛ストレッチ 🧘  10.0  completed
2026-11-22 09:00 +01:00  Gentle start       10.0  completed
2026-11-23 09:00 +01:00  Étirements 💆      10.0  completed
3 sessions, 0 quick logs
"
    );
    // Where the minutes end, in columns of the terminal.
    let ends: Vec<usize> = text
        .lines()
        .skip(1)
        .filter_map(|l| {
            Some(unicode_width::UnicodeWidthStr::width(
                &l[..l.find("10.0")? + 4],
            ))
        })
        .collect();
    assert_eq!(ends, [48, 48, 48], "{text}");
}

#[test]
fn table_cuts_wide_names_to_columns_not_characters() {
    let mut entries = fixture();
    entries.push(started(
        16,
        "2026-11-23T09:00:00+01:00",
        103,
        &"腰痛ストレッチ".repeat(8),
    ));
    let text = export(&read_back(&entries), Format::Table, None);
    assert!(text.contains('…'), "{text}");
    for line in text.lines() {
        assert!(
            unicode_width::UnicodeWidthStr::width(line) <= 79,
            "{} columns: {line}",
            unicode_width::UnicodeWidthStr::width(line)
        );
    }
}
