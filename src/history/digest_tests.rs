//! The digest says what the whole view says, for any history: a property test over random
//! histories (events out of order, the same event twice, forms saved again), and the reader
//! that streams the file reads what the whole-file reader reads, line numbers and all.

use chrono::{DateTime, FixedOffset, TimeDelta};
use proptest::prelude::*;
use uuid::Uuid;

use super::event::{Area, CheckIn, Entry, Event, Moment, Outcome, PainChoice, PainTrigger};
use super::event::{BreakAnswer, SafetyCheck, SafetyKind, SafetyResult, SittingBreak, VERSION};
use super::{
    Digest, Fold, History, Keep, ViewFolder, build, digest, parse, read_digest, read_each,
};

fn at(minutes: i64) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-01-01T08:00:00+01:00").unwrap() + TimeDelta::minutes(minutes)
}

/// One random event among a few sessions and forms, so that events meet in the same session
/// and forms are saved again.
fn event() -> impl Strategy<Value = Event> {
    let session = (0u128..4).prop_map(Uuid::from_u128);
    let form = (100u128..108).prop_map(Uuid::from_u128);
    let moment = prop_oneof![
        Just(Moment::Before),
        Just(Moment::During),
        Just(Moment::After),
        Just(Moment::NextMorning),
    ];
    let areas = proptest::collection::vec(
        prop_oneof![Just(Area::Back), Just(Area::Thigh), Just(Area::Foot)],
        0..3,
    );
    let check_in = (
        form,
        proptest::option::of(session.clone()),
        moment,
        proptest::option::of(0u8..=10),
        areas,
        proptest::option::of(any::<bool>()),
        proptest::option::of("[a-z]{1,5}"),
    )
        .prop_map(|(form, session, moment, pain, areas, numbness, note)| {
            Event::CheckIn(CheckIn {
                form,
                session,
                moment: if session.is_some() {
                    moment
                } else {
                    Moment::Log
                },
                pain,
                areas,
                numbness,
                note,
                ..CheckIn::default()
            })
        });
    prop_oneof![
        (
            session.clone(),
            "[A-C]",
            proptest::option::of(60.0f64..900.0)
        )
            .prop_map(|(session, routine, planned_s)| Event::SessionStarted {
                session,
                routine,
                routine_hash: String::new(),
                planned_s,
            }),
        (session.clone(), 0usize..4, 0.0f64..120.0, any::<bool>()).prop_map(
            |(session, step, actual_s, skipped)| Event::StepDone {
                session,
                step,
                title: format!("Step {step}"),
                planned_s: 60.0,
                actual_s,
                skipped,
            }
        ),
        (session.clone(), 0.0f64..900.0, 0u8..3).prop_map(|(session, elapsed_s, o)| {
            Event::SessionEnded {
                session,
                outcome: [Outcome::Completed, Outcome::Quit, Outcome::Interrupted][usize::from(o)],
                elapsed_s: if o == 2 { 0.0 } else { elapsed_s },
            }
        }),
        (session, any::<bool>()).prop_map(|(session, stop)| Event::PainRule {
            session,
            trigger: PainTrigger::Rise,
            choice: if stop {
                PainChoice::Stop
            } else {
                PainChoice::Skip
            },
        }),
        (0u8..3).prop_map(|k| Event::Safety(SafetyCheck {
            check: [
                SafetyKind::Screening,
                SafetyKind::QuickCheck,
                SafetyKind::MassageCautions
            ][usize::from(k)],
            emergency_yes: Vec::new(),
            doctor_yes: Vec::new(),
            result: SafetyResult::Clear,
        })),
        (0.0f64..3600.0).prop_map(|sitting_s| Event::SittingBreak(SittingBreak {
            answer: BreakAnswer::Taken,
            sitting_s,
        })),
        check_in,
    ]
}

/// Random histories: times that mostly rise, and now and then the same line twice.
fn history() -> impl Strategy<Value = Vec<Entry>> {
    proptest::collection::vec((event(), 0i64..600, any::<u8>()), 0..60).prop_map(|events| {
        let mut entries: Vec<Entry> = Vec::new();
        for (n, (event, minutes, again)) in (1u128..).zip(events) {
            let entry = Entry {
                v: VERSION,
                id: Uuid::from_u128(1000 + n),
                at: at(minutes),
                event,
            };
            if again < 20 {
                entries.push(entry.clone());
            }
            entries.push(entry);
        }
        entries
    })
}

/// The digest's sessions, logs and safety answers say what the whole view's do.
fn same(d: &Digest, h: &History) {
    assert_eq!(d.sessions.len(), h.sessions.len());
    for (b, s) in d.sessions.iter().zip(&h.sessions) {
        assert_eq!(b.id, s.id);
        assert_eq!(b.routine, s.routine);
        assert_eq!(b.started, s.started);
        assert_eq!(b.outcome, s.outcome);
        assert_eq!(b.elapsed, s.elapsed);
        assert_eq!(b.steps, s.steps.len());
        assert_eq!(b.work(), s.work());
        assert_eq!(b.finish(), s.finish());
        assert_eq!(b.reading(), s.reading());
        assert_eq!(b.change(), s.change());
        assert_eq!(b.before, s.before);
        assert_eq!(b.after, s.after);
        assert_eq!(b.next_morning, s.next_morning);
        assert_eq!(
            b.stopped_by_pain,
            s.pain_rules.iter().any(|(_, c)| *c == PainChoice::Stop)
        );
        let notes: Vec<_> = s
            .during
            .iter()
            .map(|d| (d.value.form, d.value.note.clone()))
            .collect();
        assert_eq!(b.during_notes, notes);
    }
    assert_eq!(d.logs, h.logs);
    assert_eq!(d.safety, h.safety);
    assert_eq!(d.days().collect::<Vec<_>>(), h.days().collect::<Vec<_>>());
}

fn file_of(entries: &[Entry]) -> String {
    entries
        .iter()
        .map(|e| serde_json::to_string(e).unwrap() + "\n")
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_digest_says_what_the_whole_view_says(entries in history()) {
        same(&digest(&entries), &build(&entries));
    }

    #[test]
    fn a_digest_kept_up_to_date_says_what_the_whole_view_kept_up_to_date_says(
        entries in history(),
        more in proptest::collection::vec(event(), 0..12),
    ) {
        let mut kept = digest(&entries);
        let mut whole = build(&entries);
        for (n, event) in (1u128..).zip(more) {
            let entry = Entry { v: VERSION, id: Uuid::from_u128(9000 + n), at: at(700), event };
            kept.add(&entry);
            whole.add(&entry);
        }
        same(&kept, &whole);
    }

    #[test]
    fn a_view_kept_in_its_derived_file_reads_back_as_it_was_and_goes_on_the_same(
        entries in history(),
        more in proptest::collection::vec(event(), 0..12),
    ) {
        let mut folder = ViewFolder::default();
        for entry in &entries {
            folder.fold(entry);
        }
        let mut read_back = ViewFolder::decode(&Keep::encode(&folder).unwrap()).unwrap();
        prop_assert_eq!(&read_back.0, &folder.0);
        // Again, as a later event may repeat an earlier one.
        for (n, event) in (1u128..).zip(more) {
            let id = entries.get(n as usize).map_or(Uuid::from_u128(9000 + n), |e| e.id);
            let entry = Entry { v: VERSION, id, at: at(700), event };
            folder.fold(&entry);
            read_back.fold(&entry);
        }
        prop_assert_eq!(read_back.finish(), folder.finish());
    }

    #[test]
    fn the_file_read_a_line_at_a_time_reads_as_the_whole_file(
        entries in history(),
        garbage in proptest::collection::vec((0usize..60, "[ -~]{0,20}"), 0..4),
        cut in 0usize..80,
        bom in any::<bool>(),
    ) {
        let mut text = file_of(&entries);
        for (place, junk) in garbage {
            let at = text.match_indices('\n').nth(place).map_or(text.len(), |(i, _)| i + 1);
            text.insert_str(at, &format!("{junk}\n"));
        }
        // A torn last line, cut somewhere in its middle.
        if let Some(last) = entries.last() {
            let line = serde_json::to_string(last).unwrap();
            text.push_str(&line[..cut.min(line.len())]);
        }
        if bom {
            text.insert(0, '\u{feff}');
        }
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("history.jsonl");
        std::fs::write(&path, &text).unwrap();
        let whole = parse(crate::sys::files::without_bom(text.as_bytes()));
        let mut streamed = Vec::new();
        let skipped = read_each(&path, |e| streamed.push(e)).unwrap();
        prop_assert_eq!(&streamed, &whole.entries);
        prop_assert_eq!(&skipped, &whole.skipped);
        let (d, _) = read_digest(&path).unwrap();
        same(&d, &build(&whole.entries));
    }
}

#[test]
fn a_line_longer_than_any_unknot_writes_is_reported_not_kept_when_streamed() {
    let good = file_of(&[Entry {
        v: VERSION,
        id: Uuid::from_u128(1),
        at: at(0),
        event: Event::Safety(SafetyCheck::cautions_shown()),
    }]);
    // Longer than the reader's buffer too, so that it spans several pieces.
    let huge = format!("{{\"note\":\"{}\"}}\n", "x".repeat(600 * 1024));
    let text = format!("{good}{huge}{good}{}", &huge[..huge.len() - 1]);
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("history.jsonl");
    std::fs::write(&path, &text).unwrap();
    let mut read = 0;
    let skipped = read_each(&path, |_| read += 1).unwrap();
    assert_eq!(read, 2);
    assert_eq!(skipped, parse(text.as_bytes()).skipped);
    assert_eq!(skipped.len(), 2);
}
