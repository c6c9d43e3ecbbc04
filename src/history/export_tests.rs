//! The exports of a small hand-made history, compared with their exact text.

use chrono::{DateTime, FixedOffset, NaiveDate};
use insta::assert_snapshot;
use uuid::Uuid;

use super::export::{Format, write};
use super::{Area, BodySide, CheckIn, Entry, Event, Felt, History, Moment, Outcome, VERSION};

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

fn history() -> History {
    super::build(&fixture())
}

fn export(history: &History, format: Format, since: Option<NaiveDate>) -> String {
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

const CSV: &str = r#"date,kind,routine,minutes,outcome,pain_before,pain_after,change,verdict,areas,side,numbness,felt,note
2026-11-20 08:30,session,Gentle start,10.0,completed,6,3,-3,{lower},buttock; thigh,left,yes,better,"Easier to sit, ""much"" better"
2026-11-20 19:00,quick log,,,,4,,,,calf,right,,,"after a walk,
still sore"
2026-11-21 07:00,session,Desk break,1.5,interrupted,5,,,,,,no,,
2026-11-22 09:00,session,Daily standard,5.5,stopped,4,5,1,{unread},,,,same,
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
    assert_eq!(&rows[1][13], "after a walk,\nstill sore");
    assert!(rows.iter().all(|r| r.len() == 14));
}

const JSON: &str = r#"[
  {
    "date": "2026-11-20 08:30",
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
    "date": "2026-11-20 19:00",
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
    "note": "after a walk,\nstill sore"
  },
  {
    "date": "2026-11-21 07:00",
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
    "date": "2026-11-22 09:00",
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
    let text = export(&super::build(&entries), Format::Table, None);
    assert!(text.contains("A very long") && text.contains('…'), "{text}");
    assert!(text.lines().all(|l| l.chars().count() <= 80), "{text}");
}

#[test]
fn table_shows_a_routine_name_from_another_machine_without_obeying_it() {
    let mut entries = fixture();
    entries.push(started(
        16,
        "2026-11-23T09:00:00+01:00",
        103,
        "Reset\u{1b}[2J\u{202E}",
    ));
    let text = export(&super::build(&entries), Format::Table, None);
    assert!(text.contains("Reset\u{FFFD}[2J\u{FFFD}"), "{text}");
    assert!(!text.contains(['\u{1b}', '\u{202E}']), "{text}");
    // A data format keeps the name as the file has it, escaped as the format does.
    let json = export(&super::build(&entries), Format::Json, None);
    assert!(json.contains(r"Reset\u001b[2J"), "{json}");
}

#[test]
fn since_keeps_the_local_date_given_and_after() {
    let h = history();
    // The quick log was on the 20th in New York (the 21st in UTC): before the 21st.
    let csv = export(&h, Format::Csv, day(21));
    let dates: Vec<&str> = csv.lines().skip(1).map(|l| &l[..16]).collect();
    assert_eq!(dates, ["2026-11-21 07:00", "2026-11-22 09:00"]);
    // Inclusive: the session at 09:00 on the 22nd counts from the 22nd.
    let json = export(&h, Format::Json, day(22));
    let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(parsed.as_array().map(Vec::len), Some(1));
    let table = export(&h, Format::Table, day(20));
    assert!(table.ends_with("3 sessions, 1 quick log\n"), "{table}");
}

#[test]
fn an_empty_history_is_a_sentence_a_header_or_an_empty_array() {
    let empty = super::build(&[]);
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
