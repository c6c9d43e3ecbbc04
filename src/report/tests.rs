#![expect(
    clippy::disallowed_methods,
    reason = "made-up history lines get fresh ids"
)]

use chrono::{DateTime, FixedOffset, NaiveDate};
use uuid::Uuid;

use super::*;
use crate::history::{CheckIn, Entry, Event, Moment, Outcome, build};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn at(d: u32) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(&format!("2026-11-{d:02}T08:30:00+01:00")).unwrap()
}

fn check(session: Uuid, moment: Moment, pain: u8, when: DateTime<FixedOffset>) -> Entry {
    Entry::at(
        when,
        Event::CheckIn(CheckIn {
            form: Uuid::now_v7(),
            session: Some(session),
            moment,
            pain: Some(pain),
            ..CheckIn::default()
        }),
    )
}

/// A completed session on day `d` with pain before and after, and the next morning's.
fn session(d: u32, before: u8, after: u8, morning: Option<u8>) -> Vec<Entry> {
    let id = Uuid::now_v7();
    let mut lines = vec![
        Entry::at(
            at(d),
            Event::SessionStarted {
                session: id,
                routine: "Gentle start".into(),
                routine_hash: String::new(),
                planned_s: Some(60.0),
            },
        ),
        check(id, Moment::Before, before, at(d)),
        Entry::at(
            at(d),
            Event::StepDone {
                session: id,
                step: 0,
                title: "Knee rolls".into(),
                planned_s: 60.0,
                actual_s: 60.0,
                skipped: false,
            },
        ),
        Entry::at(
            at(d),
            Event::SessionEnded {
                session: id,
                outcome: Outcome::Completed,
                elapsed_s: 60.0,
            },
        ),
        check(id, Moment::After, after, at(d)),
    ];
    if let Some(m) = morning {
        lines.push(check(id, Moment::NextMorning, m, at(d + 1)));
    }
    lines
}

#[test]
fn a_period_is_eight_weeks_to_today_unless_given_and_never_backwards() {
    let p = Period::new(None, None, day(30)).unwrap();
    assert_eq!(
        (p.since, p.until),
        (NaiveDate::from_ymd_opt(2026, 10, 6).unwrap(), day(30))
    );
    assert_eq!(
        Period::new(Some(day(20)), Some(day(10)), day(30)),
        Err(crate::text::report::err_backwards(day(20), day(10)))
    );
}

#[test]
fn the_report_holds_the_period_only_with_weeks_flares_and_averages() {
    let mut entries = session(2, 6, 4, Some(6));
    entries.extend(session(4, 5, 3, Some(8)));
    entries.extend(session(20, 4, 2, None));
    let history = build(&entries);
    let period = Period::new(Some(day(1)), Some(day(14)), day(30)).unwrap();
    let report = Report::gather(&history, &[], period, at(30));
    assert_eq!(report.sessions.len(), 2, "the 20th is outside");
    let flares: Vec<bool> = report.mornings.iter().map(|(_, f)| *f).collect();
    assert_eq!(
        flares,
        [false, true],
        "8 the morning after 5 before is a flare"
    );
    // Sun 1 Nov starts the period: its week begins Mon 26 Oct.
    let weeks = report.week_figures();
    assert_eq!(weeks.len(), 3);
    assert_eq!(weeks[1].sessions, 2);
    assert_eq!(weeks[1].before, Some(5.5));
    assert_eq!(weeks[1].after, Some(3.5));
    assert_eq!(report.weeks[0].days[..6], [None; 6], "before the period");
    assert!(!report.is_empty());
    assert!(
        Report::gather(
            &history,
            &[],
            Period::new(Some(day(25)), Some(day(26)), day(30)).unwrap(),
            at(30)
        )
        .is_empty()
    );
}

#[test]
fn the_page_is_self_contained_and_says_what_it_cannot_show() {
    let history = build(&session(2, 6, 4, Some(6)));
    let period = Period::new(Some(day(1)), Some(day(14)), day(30)).unwrap();
    let page = html(&Report::gather(&history, &[], period, at(30)));
    for outside in ["<script", "src=", "href=", "url(", "@import", "<link"] {
        assert!(!page.contains(outside), "{outside} in the page");
    }
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("<svg"), "the chart is inline");
    assert!(page.contains(crate::text::report::CANNOT));
    let lines = text(&Report::gather(&history, &[], period, at(30)));
    assert!(
        lines.contains("Gentle start  completed  pain 6 → 4"),
        "{lines}"
    );
    assert!(
        lines.contains(crate::text::report::CANNOT_TEXT[0]),
        "{lines}"
    );
}
